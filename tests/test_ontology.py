"""``ontologies/kg.ttl`` against the Python vocabulary and against what the builder writes."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

import kg
from kg.graph.vocab import KG, KG_NS, RELATIONS, SYMMETRIC_RELATIONS

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def ontology(repo_root: Path) -> Graph:
    g = Graph()
    g.parse(repo_root / "ontologies" / "kg.ttl", format="turtle")
    return g


def vocab_terms() -> set[URIRef]:
    names = {name for name in KG.__annotations__ if not name.startswith("_")}
    return {URIRef(KG_NS + name) for name in names}


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {s for kind in DECLARATIONS for s in ontology.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(KG_NS)}


def test_ontology_parses_and_is_an_owl_ontology(ontology: Graph) -> None:
    assert len(ontology) > 50
    assert (URIRef(KG_NS.rstrip("#")), RDF.type, OWL.Ontology) in ontology


def test_vocab_terms_resolve_in_the_defined_namespace() -> None:
    terms = vocab_terms()
    assert len(terms) >= 20
    for term in terms:
        assert KG[str(term)[len(KG_NS):]] == term
    with pytest.raises(AttributeError):
        KG.visted  # noqa: B018 (a typo must fail, not mint a silent predicate)


def test_every_vocab_term_is_declared_in_the_ontology(ontology: Graph) -> None:
    missing = vocab_terms() - declared_terms(ontology)
    assert not missing, sorted(missing)


def test_every_ontology_term_is_in_the_vocab(ontology: Graph) -> None:
    extra = declared_terms(ontology) - vocab_terms()
    assert not extra, sorted(extra)


def test_each_term_has_one_kind(ontology: Graph) -> None:
    for term in declared_terms(ontology):
        kinds = {kind for kind in DECLARATIONS if (term, RDF.type, kind) in ontology}
        assert len(kinds) == 1, (term, kinds)
    for name in ("Entity", "Person", "Organization", "Place", "Group", "Event", "Document",
                 "Statement", "ExtractedStatement", "InferredStatement", "Evidence"):
        assert (KG[name], RDF.type, OWL.Class) in ontology, name
    for name in ("startChar", "endChar", "sentence", "confidence", "extractor", "rule", "sourcePath"):
        assert (KG[name], RDF.type, OWL.DatatypeProperty) in ontology, name


def test_signs_agreement_with_is_symmetric(ontology: Graph) -> None:
    assert (KG.signsAgreementWith, RDF.type, OWL.SymmetricProperty) in ontology
    for name in RELATIONS:
        symmetric = (KG[name], RDF.type, OWL.SymmetricProperty) in ontology
        assert symmetric == (name in SYMMETRIC_RELATIONS), name


@pytest.mark.parametrize("relation", RELATIONS)
def test_relations_are_documented(ontology: Graph, relation: str) -> None:
    term = KG[relation]
    assert (term, RDF.type, OWL.ObjectProperty) in ontology
    for prop in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        values = list(ontology.objects(term, prop))
        assert len(values) == 1, (relation, prop, values)
        if prop in (RDFS.label, RDFS.comment):
            assert str(values[0]).strip()


def test_statement_classes_are_subclasses(ontology: Graph) -> None:
    for sub in (KG.ExtractedStatement, KG.InferredStatement):
        assert (sub, RDFS.subClassOf, KG.Statement) in ontology
    assert (KG.Statement, RDFS.subClassOf, RDF.Statement) in ontology
    for kind in ("Person", "Organization", "Place", "Group", "Event"):
        assert (KG[kind], RDFS.subClassOf, KG.Entity) in ontology


def test_built_graph_uses_only_declared_kg_terms(ontology: Graph, built_graph: kg.KnowledgeGraph) -> None:
    g = built_graph.graph
    declared = declared_terms(ontology)
    predicates = {p for p in g.predicates() if str(p).startswith(KG_NS)}
    classes = {o for o in g.objects(None, RDF.type) if str(o).startswith(KG_NS)}
    assert KG.visited in predicates and KG.Evidence in classes  # the build is not empty
    assert predicates <= declared, sorted(predicates - declared)
    assert classes <= declared, sorted(classes - declared)
    # properties are used as properties, classes as classes
    for p in predicates:
        assert (p, RDF.type, OWL.Class) not in ontology, p
    for c in classes:
        assert (c, RDF.type, OWL.Class) in ontology, c
    # and every other term in the kg namespace (objects too: kg:visited as rdf:predicate) is declared
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used <= declared, sorted(used - declared)


def test_modalities_are_documented_individuals(ontology: Graph) -> None:
    from kg.extract.modality import CANCELLED, DENIED, PLANNED, REPORTED
    from kg.graph.vocab import MODALITIES

    assert set(MODALITIES) == {REPORTED, PLANNED, CANCELLED, DENIED}
    assert (KG.modality, RDFS.range, KG.Modality) in ontology
    for individual in MODALITIES.values():
        assert (individual, RDF.type, OWL.NamedIndividual) in ontology
        assert (individual, RDF.type, KG.Modality) in ontology
        for prop in (RDFS.label, RDFS.comment):
            assert str(ontology.value(individual, prop) or "").strip(), (individual, prop)


def _source_terms(repo_root: Path) -> set[URIRef]:
    """Every ``KG.<name>`` the graph-writing modules use (mapping, reasoning, place links; the
    vocabulary itself is checked above)."""
    import re

    names: set[str] = set()
    for module in ("mapping.py", "reason.py", "geo.py", "inference.py", "store.py", "validate.py"):
        path = repo_root / "kg" / "graph" / module
        if path.exists():
            names |= set(re.findall(r"\bKG\.([A-Za-z_][A-Za-z0-9_]*)", path.read_text(encoding="utf-8")))
    return {URIRef(KG_NS + name) for name in names}


def test_terms_used_in_the_code_are_declared(ontology: Graph, repo_root: Path) -> None:
    used = _source_terms(repo_root)
    assert KG.visited in used and KG.countryCode in used
    missing = used - declared_terms(ontology)
    assert not missing, sorted(missing)


def test_every_declared_term_is_documented(ontology: Graph) -> None:
    for term in declared_terms(ontology):
        for prop in (RDFS.label, RDFS.comment):
            values = [str(v).strip() for v in ontology.objects(term, prop)]
            assert values and all(values), (term, prop)


def test_every_kg_term_in_a_built_graph_is_documented(ontology: Graph, built_graph: kg.KnowledgeGraph) -> None:
    used = {t for triple in built_graph.graph for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    undocumented = {t for t in used if not str(ontology.value(t, RDFS.comment) or "").strip()
                    or not str(ontology.value(t, RDFS.label) or "").strip()}
    assert not undocumented, sorted(undocumented)


def test_alignment_to_schema_org_prov_and_wikidata(ontology: Graph) -> None:
    from rdflib import Namespace
    from rdflib.namespace import PROV, SDO, SKOS

    wd, wdt = Namespace("http://www.wikidata.org/entity/"), Namespace("http://www.wikidata.org/prop/direct/")
    assert (KG.Person, OWL.equivalentClass, SDO.Person) in ontology
    assert (KG.Person, SKOS.closeMatch, wd.Q5) in ontology
    assert (KG.Organization, SKOS.closeMatch, wd.Q43229) in ontology
    assert (KG.locatedIn, SKOS.closeMatch, wdt.P131) in ontology
    assert (KG.locatedIn, RDF.type, OWL.TransitiveProperty) in ontology
    assert (KG.Evidence, RDFS.subClassOf, PROV.Entity) in ontology
    assert (KG.countryCode, SKOS.closeMatch, wdt.P297) in ontology
    for kind in ("Person", "Organization", "Place", "Group", "Event", "Document"):
        assert list(ontology.objects(KG[kind], SKOS.closeMatch)), kind

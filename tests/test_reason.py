"""--reason: the ontology's symmetric, inverse and transitive axioms, marked as inferred."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

import kg
from kg.extract.records import Evidence
from kg.graph.iris import document_iri, entity_iri, statement_iri
from kg.graph.mapping import fact_triples, update_confidences
from kg.graph.reason import reason
from kg.graph.store import new_graph
from kg.graph.vocab import KG

DOC = "doc-1"


def _place(name: str) -> URIRef:
    return entity_iri("Place", name)


def _graph(facts: list[tuple[URIRef, URIRef, URIRef, float]]) -> Graph:
    g = new_graph()
    g.add((document_iri(DOC), RDF.type, KG.Document))
    g.add((document_iri(DOC), DCTERMS.identifier, Literal(DOC)))
    for i, (s, p, o, conf) in enumerate(facts):
        for node in (s, o):
            g.add((node, RDF.type, KG.Place))
        ev = Evidence(extractor="test", confidence=conf, sentence=f"sentence {i}", start=10 * i, end=10 * i + 9)
        for t in fact_triples(s, p, o, ev, DOC):
            g.add(t)
    update_confidences(g)
    return g


def test_transitive_located_in_is_inferred_with_premises() -> None:
    a, b, c, d = (_place(n) for n in ("Westlake", "Hangzhou", "Zhejiang", "China"))
    g = _graph([(a, KG.locatedIn, b, 0.9), (b, KG.locatedIn, c, 0.8), (c, KG.locatedIn, d, 0.5)])
    added = reason(g)
    assert (a, KG.locatedIn, c) in g and (a, KG.locatedIn, d) in g and (b, KG.locatedIn, d) in g
    assert len(added) == 3
    stmt = statement_iri(a, KG.locatedIn, c)
    assert (stmt, RDF.type, KG.InferredStatement) in g and (stmt, RDF.type, KG.ExtractedStatement) not in g
    ev = g.value(stmt, KG.evidence)
    assert str(g.value(ev, KG.rule)) == "owl-transitive-locatedIn"
    assert set(g.objects(ev, PROV.wasDerivedFrom)) == {statement_iri(a, KG.locatedIn, b), statement_iri(b, KG.locatedIn, c)}
    assert float(g.value(stmt, KG.confidence)) == pytest.approx(0.72)
    # a longer chain is derived from derived premises, with the product of confidences
    assert float(g.value(statement_iri(a, KG.locatedIn, d), KG.confidence)) == pytest.approx(0.36, abs=1e-3)
    assert reason(g) == []  # nothing more follows
    assert kg.KnowledgeGraph(g).validate().conforms


def test_symmetric_and_inverse_axioms() -> None:
    x, y = entity_iri("Organization", "Acme Corp"), entity_iri("Organization", "Globex Inc")
    g = new_graph()
    g.add((document_iri(DOC), RDF.type, KG.Document))
    for t in fact_triples(x, KG.signsAgreementWith, y, Evidence("test", 0.8, "s", 0, 1), DOC):
        g.add(t)
    for t in fact_triples(x, KG.includes, y, Evidence("test", 0.6, "s", 0, 1), DOC):
        g.add(t)
    update_confidences(g)
    # kg's ontology has no inverse properties: a user's ontology may
    ontology = Graph()
    ontology.add((KG.signsAgreementWith, RDF.type, OWL.SymmetricProperty))
    member_of = URIRef("https://example.org/memberOf")
    ontology.add((KG.includes, OWL.inverseOf, member_of))
    reason(g, ontology)
    back = statement_iri(y, KG.signsAgreementWith, x)
    assert (y, KG.signsAgreementWith, x) in g and (back, RDF.type, KG.InferredStatement) in g
    assert str(g.value(g.value(back, KG.evidence), KG.rule)) == "owl-symmetric-signsAgreementWith"
    inverse = statement_iri(y, member_of, x)
    assert (y, member_of, x) in g
    assert str(g.value(g.value(inverse, KG.evidence), KG.rule)) == "owl-inverse-includes"


def test_reason_cli_and_queries(run_cli, tmp_path: Path, widened_query) -> None:
    article = tmp_path / "factory.txt"
    article.write_text("Factory News\n\nAcme Corp is based in Shelbyville. Shelbyville is a city in Tennessee.\n",
                       encoding="utf-8")
    plain, reasoned = tmp_path / "plain.ttl", tmp_path / "reasoned.ttl"
    assert run_cli("build", "-q", article, "-o", plain).exit_code == 0
    result = run_cli("build", "-q", article, "-o", reasoned, "--reason", "--validate")
    assert result.exit_code == 0, result.output
    assert "conforms: 0 violations" in result.stderr
    inferred_only, extracted_only = widened_query("inferred_only"), widened_query("extracted_only")  # every fact
    inferred = run_cli("query", reasoned, inferred_only, "--format", "csv").stdout
    assert "Acme Corp,https://w3id.org/newskg/ontology#locatedIn,Tennessee,owl-transitive-locatedIn" in inferred
    extracted = run_cli("query", reasoned, extracted_only, "--format", "csv").stdout
    assert "Shelbyville,https://w3id.org/newskg/ontology#locatedIn,Tennessee" in extracted
    assert "Acme Corp,https://w3id.org/newskg/ontology#locatedIn,Tennessee" not in extracted
    assert "owl-transitive" not in run_cli("query", plain, inferred_only, "--format", "csv").stdout

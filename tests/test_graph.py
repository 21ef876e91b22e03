"""Facts → RDF: reified statements, evidence and provenance, documents, entity nodes and IRIs,
checked on real builds of small articles (JSON Lines and plain text) with SPARQL and rdflib."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import _is_valid_uri

import kg
from kg.extract.patterns import load_patterns
from kg.graph.iris import entity_iri, name_key
from kg.graph.mapping import noisy_or
from kg.graph.vocab import KG, KGR_NS, RELATIONS

SPRINGFIELD = (
    "Mayor Jane Doe visited Springfield on Tuesday. She met local business leaders there.\n\n"
    "The consortium is based  in Shelbyville. The consortium includes Acme Corp and Globex Inc.\n\n"
    "Acme Corp signed an agreement with Globex Inc on Wednesday."
)
HONG_KONG = (
    "Delegates from Hong Kong arrived on Monday. Hong Kong signed an agreement with Singapore on "
    "Tuesday. HONG KONG's trade chief visited Ningbo the next day.\n\n"
    "On Friday, Jane Doe visited Springfield again."
)
OSLO = (
    "A Polar Explorer in Norway\n\n"
    "The explorer Zoë Ångström-Øre visited Oslo on Monday. She later travelled to Bergen by train."
)

MENTIONS = URIRef("https://schema.org/mentions")
FORBIDDEN_IN_IRI = set(' <>"{}|^`\\')


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """kg:sourcePath → the article text, for the files built below."""
    folder = tmp_path_factory.mktemp("corpus")
    feed = folder / "news.jsonl"
    feed.write_text(
        json.dumps({"id": "springfield-week", "title": "Busy Week for the Mayor", "date": "2025-04-22",
                    "text": SPRINGFIELD}) + "\n"
        + json.dumps({"id": "hong-kong-trade", "date": "April 23, 2025", "text": HONG_KONG}) + "\n",
        encoding="utf-8",
    )
    (folder / "oslo.txt").write_text(OSLO + "\n", encoding="utf-8")
    return {f"{feed}:1": SPRINGFIELD, f"{feed}:2": HONG_KONG, str(folder / "oslo.txt"): OSLO}


@pytest.fixture(scope="module")
def graph(corpus: dict[str, str]) -> Graph:
    folder = Path(next(p for p in corpus if p.endswith("oslo.txt"))).parent
    return kg.build([folder]).graph


def sparql(g: Graph, query: str) -> list:
    return list(kg.KnowledgeGraph(g).query(query).terms)


def direct_relations(g: Graph) -> set[tuple]:
    return {(s, KG[r], o) for r in RELATIONS for s, o in g.subject_objects(KG[r])}


def labels(g: Graph, node) -> set[str]:
    return {str(x) for x in g.objects(node, RDFS.label)} | {str(x) for x in g.objects(node, SKOS.altLabel)}


def node_named(g: Graph, label: str) -> URIRef:
    nodes = {s for s, o in g.subject_objects(RDFS.label) if str(o) == label}
    assert len(nodes) == 1, (label, nodes)
    return nodes.pop()


# --- reification and evidence -----------------------------------------------------------------


def test_the_clear_facts_are_there(graph: Graph) -> None:
    jane, springfield = node_named(graph, "Jane Doe"), node_named(graph, "Springfield")
    assert (jane, KG.visited, springfield) in graph
    assert (node_named(graph, "Zoë Ångström-Øre"), KG.visited, node_named(graph, "Oslo")) in graph
    assert {p for _, p, _ in direct_relations(graph)} == {KG[r] for r in RELATIONS}


def test_every_relation_triple_has_a_statement(graph: Graph) -> None:
    triples = direct_relations(graph)
    assert len(triples) >= 5
    for s, p, o in triples:
        statements = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.predicate, p)) \
            & set(graph.subjects(RDF.object, o))
        assert len(statements) == 1, (s, p, o, statements)
        st = statements.pop()
        assert (st, RDF.type, KG.Statement) in graph
        confidences = list(graph.objects(st, KG.confidence))
        assert len(confidences) == 1 and 0.0 <= float(confidences[0]) <= 1.0
        assert confidences[0].datatype == rdflib.XSD.decimal
        evidence = list(graph.objects(st, KG.evidence))
        assert evidence, st
        for ev in evidence:
            assert (ev, RDF.type, KG.Evidence) in graph


def test_every_statement_is_backed_by_a_direct_triple(graph: Graph) -> None:
    for st in graph.subjects(RDF.type, KG.Statement):
        s, p, o = (graph.value(st, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in graph, st


def test_every_evidence_has_extractor_and_confidence(graph: Graph) -> None:
    evidence = set(graph.subjects(RDF.type, KG.Evidence))
    assert evidence
    for ev in evidence:
        extractors = list(graph.objects(ev, KG.extractor))
        # patterns that matched the same sentence share one evidence node, each listed
        assert extractors and all(str(e).strip() for e in extractors), ev
        confidences = list(graph.objects(ev, KG.confidence))
        assert len(confidences) == 1 and 0.0 < float(confidences[0]) <= 1.0
        assert set(graph.subjects(KG.evidence, ev)), f"{ev} supports no statement"


def test_extracted_evidence_points_into_its_article(graph: Graph, corpus: dict[str, str]) -> None:
    checked = 0
    for ev in graph.subjects(RDF.type, KG.Evidence):
        if (ev, KG.rule, None) in graph:
            continue
        docs = list(graph.objects(ev, PROV.wasDerivedFrom))
        assert len(docs) == 1 and (docs[0], RDF.type, KG.Document) in graph, ev
        text = corpus[str(graph.value(docs[0], KG.sourcePath))]
        sentence = str(graph.value(ev, KG.sentence))
        assert norm(sentence) and norm(sentence) in norm(text), sentence
        start, end = graph.value(ev, KG.startChar), graph.value(ev, KG.endChar)
        assert start.datatype == rdflib.XSD.integer and end.datatype == rdflib.XSD.integer
        start, end = int(start), int(end)
        assert 0 <= start < end <= len(text)
        assert norm(text[start:end]) == norm(sentence), (text[start:end], sentence)
        checked += 1
    assert checked >= 5


def test_inferred_evidence_names_its_rule_and_premises(graph: Graph) -> None:
    inferred = set(graph.subjects(RDF.type, KG.InferredStatement))
    assert inferred, "the consortium rule should infer Acme Corp locatedIn Shelbyville"
    for st in inferred:
        for ev in graph.objects(st, KG.evidence):
            assert str(graph.value(ev, KG.rule)).strip()
            assert (ev, KG.sentence, None) not in graph
            premises = list(graph.objects(ev, PROV.wasDerivedFrom))
            assert premises
            for premise in premises:
                assert (premise, RDF.type, KG.Statement) in graph, premise


def test_signs_agreement_with_is_stated_both_ways(graph: Graph) -> None:
    pairs = set(graph.subject_objects(KG.signsAgreementWith))
    assert (node_named(graph, "Hong Kong"), node_named(graph, "Singapore")) in pairs
    for a, b in pairs:
        assert (b, a) in pairs, (a, b)
        forward = set(graph.subjects(RDF.subject, a)) & set(graph.subjects(RDF.object, b)) \
            & set(graph.subjects(RDF.predicate, KG.signsAgreementWith))
        backward = set(graph.subjects(RDF.subject, b)) & set(graph.subjects(RDF.object, a)) \
            & set(graph.subjects(RDF.predicate, KG.signsAgreementWith))
        assert forward and backward
        assert graph.value(forward.pop(), KG.confidence) == graph.value(backward.pop(), KG.confidence)


def test_sparql_separates_extracted_and_inferred_statements(graph: Graph) -> None:
    extracted = {row[0] for row in sparql(graph, "SELECT ?st WHERE { ?st a kg:ExtractedStatement }")}
    inferred = {row[0] for row in sparql(graph, "SELECT ?st WHERE { ?st a kg:InferredStatement }")}
    everything = {row[0] for row in sparql(graph, "SELECT ?st WHERE { ?st a kg:Statement }")}
    assert extracted and inferred
    assert not extracted & inferred
    assert extracted | inferred == everything
    # extracted-only facts, as a user would ask for them
    rows = sparql(graph, """
        SELECT ?s ?o WHERE {
          ?st a kg:ExtractedStatement ; rdf:subject ?s ; rdf:predicate kg:locatedIn ; rdf:object ?o .
        }""")
    assert (node_named(graph, "Acme Corp"), node_named(graph, "Shelbyville")) not in set(rows)
    rows = sparql(graph, """
        SELECT ?s ?o ?rule WHERE {
          ?st a kg:InferredStatement ; rdf:subject ?s ; rdf:object ?o ; kg:evidence ?ev .
          ?ev kg:rule ?rule .
        }""")
    assert (node_named(graph, "Acme Corp"), node_named(graph, "Shelbyville")) in {(s, o) for s, o, _ in rows}


# --- documents --------------------------------------------------------------------------------


def test_documents_carry_their_metadata(graph: Graph, corpus: dict[str, str]) -> None:
    docs = {str(graph.value(d, KG.sourcePath)): d for d in graph.subjects(RDF.type, KG.Document)}
    assert set(docs) == set(corpus)
    for source, doc in docs.items():
        identifiers = list(graph.objects(doc, DCTERMS.identifier))
        assert len(identifiers) == 1
        assert str(doc) == f"{KGR_NS}doc/{identifiers[0]}"
    springfield, hong_kong = (docs[p] for p in sorted(p for p in docs if ".jsonl:" in p))
    oslo = docs[next(p for p in docs if p.endswith("oslo.txt"))]

    assert str(graph.value(springfield, DCTERMS.identifier)) == "springfield-week"
    assert graph.value(springfield, DCTERMS.title) == Literal("Busy Week for the Mayor")
    assert graph.value(springfield, DCTERMS.date) == Literal("2025-04-22", datatype=rdflib.XSD.date)
    assert graph.value(hong_kong, DCTERMS.date) == Literal("2025-04-23", datatype=rdflib.XSD.date)
    assert graph.value(hong_kong, DCTERMS.title) is None  # no title field, no headline
    assert str(graph.value(oslo, DCTERMS.title)) == "A Polar Explorer in Norway"  # the headline
    assert graph.value(oslo, DCTERMS.date) is None

    for doc in docs.values():
        assert set(graph.objects(doc, MENTIONS)), doc


# --- entities and IRIs ------------------------------------------------------------------------


def test_entities_have_exactly_one_label(graph: Graph) -> None:
    entities = {s for t in ("Person", "Organization", "Place", "Group", "Event") for s in graph.subjects(RDF.type, KG[t])}
    assert len(entities) >= 8
    for entity in entities:
        assert len(list(graph.objects(entity, RDFS.label))) == 1, entity
        assert graph.value(entity, RDFS.label) not in set(graph.objects(entity, SKOS.altLabel))


def test_case_and_possessive_forms_are_one_node(graph: Graph) -> None:
    nodes = {s for s, o in list(graph.subject_objects(RDFS.label)) + list(graph.subject_objects(SKOS.altLabel))
             if name_key(str(o)) == "hong kong"}
    assert len(nodes) == 1, nodes
    node = nodes.pop()
    forms = labels(graph, node)
    assert "Hong Kong" == str(graph.value(node, RDFS.label))
    assert any(f != "Hong Kong" for f in forms), "the HONG KONG form should be kept as an altLabel"


def test_same_name_in_two_articles_is_one_node(graph: Graph) -> None:
    jane = node_named(graph, "Jane Doe")
    documents = set(graph.subjects(MENTIONS, jane))
    assert len(documents) == 2


def test_same_fact_in_two_articles_combines_evidence(graph: Graph) -> None:
    jane, springfield = node_named(graph, "Jane Doe"), node_named(graph, "Springfield")
    (st,) = set(graph.subjects(RDF.subject, jane)) & set(graph.subjects(RDF.object, springfield)) \
        & set(graph.subjects(RDF.predicate, KG.visited))
    evidence = list(graph.objects(st, KG.evidence))
    assert len(evidence) == 2
    assert len({graph.value(ev, PROV.wasDerivedFrom) for ev in evidence}) == 2  # one per article
    values = [float(graph.value(ev, KG.confidence)) for ev in evidence]
    combined = float(graph.value(st, KG.confidence))
    assert combined >= max(values)
    assert combined > max(values) or max(values) == 1.0
    assert combined == pytest.approx(noisy_or(values), abs=0.001)


def test_unicode_names_give_valid_iris(graph: Graph) -> None:
    zoe = node_named(graph, "Zoë Ångström-Øre")
    assert str(zoe).startswith(KGR_NS + "person/")
    assert _is_valid_uri(str(zoe)) and not FORBIDDEN_IN_IRI & set(str(zoe))
    # and every IRI of the graph survives a Turtle round trip
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert len(again) == len(graph)
    for term in {t for triple in again for t in triple if isinstance(t, URIRef)}:
        assert _is_valid_uri(str(term)) and not FORBIDDEN_IN_IRI & set(str(term)), term


@pytest.mark.parametrize("name", ["李家超", "김민준", "Zoë Ångström-Øre", "O'Brien & Sons <Ltd> {x}|^`\\"])
def test_minted_iris_are_valid_for_any_script(name: str) -> None:
    iri = entity_iri("Person", name)
    assert _is_valid_uri(str(iri)) and not FORBIDDEN_IN_IRI & set(str(iri))
    assert Graph().parse(data=f"<{iri}> a <{KG.Person}> .", format="turtle")


def test_cjk_gazetteer_names_become_entities(gazetteer_file: Path) -> None:
    g = kg.build(texts=["Officials said 李家超 visited Springfield on Monday. Later 김민준 visited Shelbyville."],
                 gazetteers=[gazetteer_file]).graph
    for name in ("李家超", "김민준"):
        node = node_named(g, name)
        assert (node, RDF.type, KG.Person) in g
        assert _is_valid_uri(str(node)) and not FORBIDDEN_IN_IRI & set(str(node))
    assert (node_named(g, "李家超"), KG.visited, node_named(g, "Springfield")) in g


def test_one_sentence_is_one_piece_of_evidence(nlp, tmp_path: Path) -> None:
    # a second pattern that matches exactly what visited/visit-verb matches in this sentence
    patterns = tmp_path / "cli_same_sentence.json"
    patterns.write_text(json.dumps({
        "relation": "visited", "subject_types": ["Person"], "object_types": ["Place"],
        "patterns": [{
            "id": "visited/test-visit-again", "confidence": 0.9,
            "pattern": [
                {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "visit", "POS": "VERB"}},
                {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}},
            ],
            "subject": {"agent_of": "trigger"}, "object": "object",
        }],
    }), encoding="utf-8")
    g = kg.build(texts=["Mayor Jane Doe visited Springfield on Tuesday."], patterns=[patterns]).graph
    jane, springfield = node_named(g, "Jane Doe"), node_named(g, "Springfield")
    (st,) = set(g.subjects(RDF.subject, jane)) & set(g.subjects(RDF.object, springfield))
    extractors = {str(x) for ev in g.objects(st, KG.evidence) for x in g.objects(ev, KG.extractor)}
    assert "visited/test-visit-again" in extractors and len(extractors) >= 2  # both patterns listed
    spans = [(g.value(ev, PROV.wasDerivedFrom), int(g.value(ev, KG.startChar)))
             for ev in g.objects(st, KG.evidence)]
    assert len(spans) == len(set(spans)) == 1
    # one piece of evidence: the best of the two patterns' confidences, not their noisy-or
    confidences = {p.id: p.confidence for p in load_patterns([patterns]).patterns.values()}
    assert float(g.value(st, KG.confidence)) == pytest.approx(max(confidences[x] for x in extractors))


def test_shared_literals_keep_their_datatype() -> None:
    """The mapping's literal cache tells 1 from True and from "1" (lru_cache alone would not)."""
    from kg.graph.mapping import _confidence, _literal

    assert _literal(1) == Literal(1) and _literal(True) == Literal(True) and _literal("1") == Literal("1")
    assert len({_literal(1), _literal(True), _literal("1")}) == 3
    assert _confidence(1) == _confidence(1.0) == Literal("1", datatype=rdflib.XSD.decimal)

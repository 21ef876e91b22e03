"""Titles become positions: ``person kg:holdsPosition kgr:position/...``, a ``kg:Position`` with its
``kg:title`` and the organisation or place it belongs to (``kg:positionIn``), reified with evidence
like every other fact; and a later "the Chief Executive" is the person introduced with that title."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV

import kg
from kg.graph.vocab import KG

LEE = "Hong Kong Chief Executive John Lee visited Ningbo on Monday."
SMITH = "Edward Smith, president of Acme Corp, said the company would expand."
SMITH_AGAIN = "Acme Corp president Edward Smith visited Springfield on Monday."
MAYOR = "Mayor Jane Doe visited Shelbyville on Friday."
FOUNDER = "Globex Inc's founder, Mary Major, visited Ogdenville on Monday."


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def graph(nlp) -> Graph:
    return kg.build(texts=[
        {"id": "lee", "text": LEE},
        {"id": "smith", "text": SMITH},
        {"id": "smith-again", "text": SMITH_AGAIN},
        {"id": "mayor", "text": MAYOR},
        {"id": "founder", "text": FOUNDER},
    ]).graph


def node_named(g: Graph, label: str, kind: URIRef | None = None) -> URIRef:
    nodes = {s for s, o in g.subject_objects(RDFS.label) if str(o) == label
             and (kind is None or (s, RDF.type, kind) in g)}
    assert len(nodes) == 1, (label, nodes)
    return nodes.pop()


def positions_of(g: Graph, person: URIRef) -> list[URIRef]:
    return list(g.objects(person, KG.holdsPosition))


def the_position(g: Graph, person: str) -> URIRef:
    found = positions_of(g, node_named(g, person, KG.Person))
    assert len(found) == 1, (person, found)
    return found[0]


def test_title_before_a_name(graph: Graph) -> None:
    position = the_position(graph, "John Lee")
    assert (position, RDF.type, KG.Position) in graph
    assert [str(t) for t in graph.objects(position, KG.title)] == ["Chief Executive"]
    hong_kong = node_named(graph, "Hong Kong")
    assert list(graph.objects(position, KG.positionIn)) == [hong_kong]
    assert (hong_kong, RDF.type, KG.Place) in graph
    position_label = str(graph.value(position, RDFS.label))
    assert "Hong Kong" in position_label and "Chief Executive" in position_label


def test_the_title_is_not_part_of_the_name(graph: Graph) -> None:
    lee = node_named(graph, "John Lee", KG.Person)
    assert str(graph.value(lee, RDFS.label)) == "John Lee"
    assert (lee, KG.visited, node_named(graph, "Ningbo")) in graph
    # the title's place is an entity of its own, not the person's name
    assert not any("Chief" in str(o) for o in graph.objects(node_named(graph, "Hong Kong"), RDFS.label))


def test_apposition_after_a_name(graph: Graph) -> None:
    position = the_position(graph, "Edward Smith")
    assert [str(t).casefold() for t in graph.objects(position, KG.title)] == ["president"]
    acme = node_named(graph, "Acme Corp", KG.Organization)
    assert list(graph.objects(position, KG.positionIn)) == [acme]


def test_a_capitalised_hyphenated_title_in_apposition() -> None:
    g = kg.build(texts=["The pact was signed by Dr Li Wei, Vice-President of Fudan University, in May."]).graph
    position = the_position(g, "Li Wei")
    assert "Vice-President" in [str(t) for t in g.objects(position, KG.title)]
    assert list(g.objects(position, KG.positionIn)) == [node_named(g, "Fudan University", KG.Organization)]


def test_possessive_title_with_the_name_in_apposition(graph: Graph) -> None:
    position = the_position(graph, "Mary Major")
    assert [str(t).casefold() for t in graph.objects(position, KG.title)] == ["founder"]
    (org,) = graph.objects(position, KG.positionIn)
    assert str(graph.value(org, RDFS.label)).startswith("Globex")


def test_a_title_without_an_organisation(graph: Graph) -> None:
    position = the_position(graph, "Jane Doe")
    assert [str(t) for t in graph.objects(position, KG.title)] == ["Mayor"]
    assert graph.value(position, KG.positionIn) is None


def test_one_position_node_per_title_and_organisation(graph: Graph) -> None:
    """Two articles that call Edward Smith Acme Corp's president give one node, with evidence from both."""
    smith = node_named(graph, "Edward Smith", KG.Person)
    position = the_position(graph, "Edward Smith")
    statements = set(graph.subjects(RDF.subject, smith)) & set(graph.subjects(RDF.predicate, KG.holdsPosition))
    assert len(statements) == 1
    sentences = {norm(str(graph.value(ev, KG.sentence))) for ev in graph.objects(statements.pop(), KG.evidence)}
    assert sentences == {norm(SMITH), norm(SMITH_AGAIN)}
    assert (position, RDF.type, KG.Position) in graph
    assert len(set(graph.subjects(RDF.type, KG.Position))) == 4  # Lee's, Smith's, the mayor's, the founder's


def test_only_people_hold_positions(graph: Graph) -> None:
    for holder, position in graph.subject_objects(KG.holdsPosition):
        assert (holder, RDF.type, KG.Person) in graph
        assert (position, RDF.type, KG.Position) in graph
        for org in graph.objects(position, KG.positionIn):
            assert (org, RDF.type, KG.Organization) in graph or (org, RDF.type, KG.Place) in graph


@pytest.mark.parametrize("person, sentence", [("John Lee", LEE), ("Edward Smith", SMITH), ("Jane Doe", MAYOR)])
def test_holds_position_is_a_statement_with_evidence(graph: Graph, person: str, sentence: str) -> None:
    holder = node_named(graph, person, KG.Person)
    position = positions_of(graph, holder)[0]
    statements = set(graph.subjects(RDF.subject, holder)) & set(graph.subjects(RDF.predicate, KG.holdsPosition)) \
        & set(graph.subjects(RDF.object, position))
    assert len(statements) == 1
    statement = statements.pop()
    assert (statement, RDF.type, KG.Statement) in graph
    assert 0.0 < float(graph.value(statement, KG.confidence)) <= 1.0
    evidence = list(graph.objects(statement, KG.evidence))
    assert evidence
    assert norm(sentence) in {norm(str(graph.value(ev, KG.sentence))) for ev in evidence}
    for ev in evidence:
        assert (ev, RDF.type, KG.Evidence) in graph
        assert str(graph.value(ev, KG.extractor)).startswith("position/")
        assert (graph.value(ev, PROV.wasDerivedFrom), RDF.type, KG.Document) in graph


def test_sparql_who_holds_what(graph: Graph) -> None:
    result = kg.KnowledgeGraph(graph).query("""
        SELECT ?who ?title ?of WHERE {
          ?p kg:holdsPosition ?pos ; rdfs:label ?who .
          ?pos kg:title ?title ; kg:positionIn ?o . ?o rdfs:label ?of .
        }""")
    found = {(who, title.casefold(), of) for who, title, of in result.rows}
    assert ("John Lee", "chief executive", "Hong Kong") in found
    assert ("Edward Smith", "president", "Acme Corp") in found


# --- a later title refers to the person -----------------------------------------------------------


def visited(text: str) -> set[tuple[str, str]]:
    g = kg.build(texts=[text]).graph
    return {(str(g.value(s, RDFS.label)), str(g.value(o, RDFS.label))) for s, o in g.subject_objects(KG.visited)}


def test_a_later_lowercase_title_is_the_person(nlp) -> None:
    facts = visited(f"{LEE} The chief executive visited Hangzhou on Tuesday.")
    assert ("John Lee", "Hangzhou") in facts
    assert ("John Lee", "Ningbo") in facts


def test_a_later_capitalised_title_is_the_person(nlp) -> None:
    facts = visited(f"{LEE} The Chief Executive visited Hangzhou on Tuesday.")
    assert ("John Lee", "Hangzhou") in facts


def test_the_title_beats_a_nearer_person(nlp) -> None:
    facts = visited(f"{LEE} Jane Doe greeted reporters in Ningbo. The chief executive visited Hangzhou on Tuesday.")
    assert ("John Lee", "Hangzhou") in facts
    assert ("Jane Doe", "Hangzhou") not in facts


# --- confidence threshold -------------------------------------------------------------------------


def test_a_position_has_a_holder(graph: Graph) -> None:
    for position in graph.subjects(RDF.type, KG.Position):
        assert (None, KG.holdsPosition, position) in graph, graph.value(position, RDFS.label)


def test_min_confidence_leaves_no_position_without_a_holder(graph: Graph) -> None:
    confidences = [float(graph.value(st, KG.confidence)) for st in graph.subjects(RDF.predicate, KG.holdsPosition)]
    assert confidences
    if max(confidences) >= 1.0:
        pytest.skip("a position is certain: no threshold can drop it")
    g = kg.build(texts=[LEE], min_confidence=1.0).graph
    assert not list(g.subject_objects(KG.holdsPosition))  # the threshold did drop the fact
    for position in g.subjects(RDF.type, KG.Position):
        assert (None, KG.holdsPosition, position) in g, g.value(position, RDFS.label)

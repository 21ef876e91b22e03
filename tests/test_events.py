"""Events behind the binary facts: each visit and each agreement signing as an n-ary node
(``kg:Visit`` / ``kg:AgreementSigning``, both ``kg:Event``) with its participants, its date resolved
against the article's date, its topics and its evidence, next to the direct ``kg:visited`` and
``kg:signsAgreementWith`` triples. Built with ``kg.build(texts=[...])`` and read with SPARQL."""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

import kg
from kg.graph.vocab import KG

ARTICLE_DATE = "2025-04-22"  # a Tuesday
VISIT = "On Wednesday, Mayor Jane Doe will visit Springfield."
AGREEMENT = "Acme Corp signed an agreement on technology and trade with Globex Inc on Friday, April 25."
TEXT = f"{VISIT}\n\n{AGREEMENT}\n"

BASE = dt.date.fromisoformat(ARTICLE_DATE)
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
MENTIONS = URIRef("https://schema.org/mentions")


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def graph(nlp) -> kg.KnowledgeGraph:
    return kg.build(texts=[{"id": "events", "text": TEXT, "date": ARTICLE_DATE}])


def rows(graph: kg.KnowledgeGraph, query: str) -> list[tuple]:
    return list(graph.query(query).terms)


def label(g: Graph, node) -> str:
    return str(g.value(node, RDFS.label))


def events_of(g: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(g.subjects(RDF.type, kind))


def the_event(g: Graph, kind: URIRef) -> URIRef:
    found = events_of(g, kind)
    assert len(found) == 1, found
    return found[0]


# --- the visit ------------------------------------------------------------------------------------


def test_a_visit_node_with_agent_destination_and_date(graph: kg.KnowledgeGraph) -> None:
    result = rows(graph, """
        SELECT ?visit ?who ?where ?date ?text WHERE {
          ?visit a kg:Visit , kg:Event ;
                 kg:agent ?a ; kg:destination ?d ; kg:date ?date ; kg:dateText ?text .
          ?a rdfs:label ?who . ?d rdfs:label ?where .
        }""")
    assert len(result) == 1, result
    visit, who, where, date, text = result[0]
    assert (str(who), str(where)) == ("Jane Doe", "Springfield")
    # Wednesday after the Tuesday article, in a future-tense clause
    assert date == Literal(BASE + dt.timedelta(days=1), datatype=XSD_DATE)
    assert date.datatype == XSD_DATE and str(date) == "2025-04-23"
    assert "wednesday" in str(text).casefold()
    assert norm(str(text)) in norm(VISIT)


def test_the_visit_agent_and_destination_are_entity_nodes(graph: kg.KnowledgeGraph) -> None:
    g = graph.graph
    visit = the_event(g, KG.Visit)
    (agent,) = g.objects(visit, KG.agent)
    (destination,) = g.objects(visit, KG.destination)
    assert (agent, RDF.type, KG.Person) in g
    assert (destination, RDF.type, KG.Place) in g
    assert "Jane Doe" in label(g, visit) and "Springfield" in label(g, visit)


# --- the agreement --------------------------------------------------------------------------------


def test_an_agreement_signing_with_both_parties_topics_and_date(graph: kg.KnowledgeGraph) -> None:
    g = graph.graph
    signing = the_event(g, KG.AgreementSigning)
    assert (signing, RDF.type, KG.Event) in g
    parties = {label(g, p) for p in g.objects(signing, KG.party)}
    assert len(parties) == 2, parties
    assert "Acme Corp" in parties
    assert any(p.startswith("Globex") for p in parties), parties
    topics = {str(t).casefold() for t in g.objects(signing, KG.topic)}
    assert {"technology", "trade"} <= topics
    assert not any(t.startswith(("acme", "globex")) for t in topics), "a party is no topic"
    (date,) = g.objects(signing, KG.date)
    assert date == Literal(dt.date(2025, 4, 25), datatype=XSD_DATE)
    (text,) = g.objects(signing, KG.dateText)
    assert "april 25" in str(text).casefold()


def test_parties_are_organizations(graph: kg.KnowledgeGraph) -> None:
    g = graph.graph
    for party in g.objects(the_event(g, KG.AgreementSigning), KG.party):
        assert (party, RDF.type, KG.Organization) in g, label(g, party)


# --- evidence -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, sentence, word", [(KG.Visit, VISIT, "visit"), (KG.AgreementSigning, AGREEMENT, "agreement")])
def test_each_event_has_evidence_with_its_sentence(graph: kg.KnowledgeGraph, kind: URIRef, sentence: str, word: str) -> None:
    g = graph.graph
    event = the_event(g, kind)
    evidence = list(g.objects(event, KG.evidence))
    assert len(evidence) == 1, evidence
    ev = evidence[0]
    assert (ev, RDF.type, KG.Evidence) in g
    text = str(g.value(ev, KG.sentence))
    assert norm(text) == norm(sentence)
    assert word in text.casefold()
    start, end = int(g.value(ev, KG.startChar)), int(g.value(ev, KG.endChar))
    assert norm(TEXT[start:end]) == norm(sentence)
    assert str(g.value(ev, KG.extractor)).strip()
    assert 0.0 < float(g.value(ev, KG.confidence)) <= 1.0
    (doc,) = g.objects(ev, PROV.wasDerivedFrom)
    assert (doc, RDF.type, KG.Document) in g
    assert (doc, MENTIONS, event) in g


def test_sparql_finds_events_with_their_sentences(graph: kg.KnowledgeGraph) -> None:
    result = graph.query("""
        SELECT ?kind ?sentence WHERE {
          ?e a kg:Event , ?kind ; kg:evidence ?ev . ?ev kg:sentence ?sentence .
          FILTER(?kind IN (kg:Visit, kg:AgreementSigning))
        } ORDER BY ?kind""")
    kinds = {str(k).rsplit("#", 1)[-1].rsplit(":", 1)[-1] for k, _ in result.terms}
    assert kinds == {"Visit", "AgreementSigning"}


# --- the binary facts are still there -------------------------------------------------------------


def test_direct_triples_are_kept(graph: kg.KnowledgeGraph) -> None:
    g = graph.graph
    visit = the_event(g, KG.Visit)
    for agent in g.objects(visit, KG.agent):
        for destination in g.objects(visit, KG.destination):
            assert (agent, KG.visited, destination) in g
    parties = list(g.objects(the_event(g, KG.AgreementSigning), KG.party))
    a, b = parties
    assert (a, KG.signsAgreementWith, b) in g and (b, KG.signsAgreementWith, a) in g
    for s, p, o in [(a, KG.signsAgreementWith, b)] + [(x, KG.visited, y) for x in g.objects(visit, KG.agent)
                                                      for y in g.objects(visit, KG.destination)]:
        statements = set(g.subjects(RDF.subject, s)) & set(g.subjects(RDF.predicate, p)) & set(g.subjects(RDF.object, o))
        assert len(statements) == 1
        assert list(g.objects(statements.pop(), KG.evidence))


# --- dates by tense, and no date ------------------------------------------------------------------


@pytest.fixture(scope="module")
def tenses(nlp) -> kg.KnowledgeGraph:
    return kg.build(texts=[
        {"id": "past", "date": ARTICLE_DATE, "text": "Mayor Jane Doe visited Springfield on Monday."},
        {"id": "future", "date": ARTICLE_DATE, "text": "Mayor Jane Doe will visit Shelbyville on Monday."},
        {"id": "same-day", "date": ARTICLE_DATE, "text": "Mayor Jane Doe visited Ogdenville on Tuesday."},
        {"id": "undated", "text": "On Wednesday, Mayor Jane Doe will visit Capital City."},
        {"id": "month", "date": ARTICLE_DATE, "text": "Acme Corp will sign an agreement with Globex Inc in November."},
        {"id": "no-date", "date": ARTICLE_DATE, "text": "Jane Doe visited North Haverbrook."},
    ])


def visit_to(g: Graph, place: str) -> URIRef:
    found = [v for v in g.subjects(RDF.type, KG.Visit)
             if any(label(g, d) == place for d in g.objects(v, KG.destination))]
    assert len(found) == 1, (place, found)
    return found[0]


@pytest.mark.parametrize("place, expected", [
    ("Springfield", BASE - dt.timedelta(days=1)),  # visited on Monday: the day before
    ("Shelbyville", BASE + dt.timedelta(days=6)),  # will visit on Monday: next week's
    ("Ogdenville", BASE),  # on Tuesday, in Tuesday's paper
])
def test_weekday_follows_the_tense(tenses: kg.KnowledgeGraph, place: str, expected: dt.date) -> None:
    g = tenses.graph
    (date,) = g.objects(visit_to(g, place), KG.date)
    assert date.toPython() == expected


def test_without_an_article_date_only_the_text_is_kept(tenses: kg.KnowledgeGraph) -> None:
    g = tenses.graph
    visit = visit_to(g, "Capital City")
    assert g.value(visit, KG.date) is None
    assert "wednesday" in str(g.value(visit, KG.dateText)).casefold()


def test_a_month_alone_gives_text_but_no_day(tenses: kg.KnowledgeGraph) -> None:
    g = tenses.graph
    (signing,) = g.subjects(RDF.type, KG.AgreementSigning)
    assert g.value(signing, KG.date) is None
    assert "november" in str(g.value(signing, KG.dateText)).casefold()


def test_a_visit_without_a_date_expression_has_neither(tenses: kg.KnowledgeGraph) -> None:
    g = tenses.graph
    visit = visit_to(g, "North Haverbrook")
    assert g.value(visit, KG.date) is None and g.value(visit, KG.dateText) is None


def test_events_are_per_document(tenses: kg.KnowledgeGraph) -> None:
    g = tenses.graph
    visits = list(g.subjects(RDF.type, KG.Visit))
    assert len(visits) == 5
    docs = {g.value(ev, PROV.wasDerivedFrom) for v in visits for ev in g.objects(v, KG.evidence)}
    assert len(docs) == 5


def test_one_trigger_with_several_destinations_is_one_visit(nlp) -> None:
    graph = kg.build(texts=[{"date": ARTICLE_DATE,
                             "text": "Jane Doe will visit Springfield, Shelbyville and Ogdenville on Thursday."}])
    g = graph.graph
    visit = the_event(g, KG.Visit)
    assert {label(g, d) for d in g.objects(visit, KG.destination)} == {"Springfield", "Shelbyville", "Ogdenville"}
    assert g.value(visit, KG.date).toPython() == BASE + dt.timedelta(days=2)


def test_next_weekday_in_a_present_tense_clause(nlp) -> None:
    graph = kg.build(texts=[{"date": ARTICLE_DATE, "text": "Mayor Jane Doe visits Springfield next Monday."}])
    g = graph.graph
    assert g.value(the_event(g, KG.Visit), KG.date).toPython() == dt.date(2025, 4, 28)


# --- min_confidence ---------------------------------------------------------------------------------


def test_every_event_keeps_its_binary_facts(nlp) -> None:
    """The ontology: "Each visit also yields direct kg:visited triples" (and each signing its
    kg:signsAgreementWith triples)."""
    g = kg.build(texts=[{"text": TEXT, "date": ARTICLE_DATE}], min_confidence=0.5).graph
    assert_events_have_their_facts(g)


def test_min_confidence_leaves_no_event_without_its_facts(graph: kg.KnowledgeGraph) -> None:
    confidences = [float(graph.graph.value(st, KG.confidence)) for p in (KG.visited, KG.signsAgreementWith)
                   for st in graph.graph.subjects(RDF.predicate, p)]
    assert confidences
    if max(confidences) >= 1.0:
        pytest.skip("a fact is certain: no threshold can drop it")
    g = kg.build(texts=[{"text": TEXT, "date": ARTICLE_DATE}], min_confidence=1.0).graph
    assert not list(g.subject_objects(KG.visited))  # the threshold did drop the facts
    assert_events_have_their_facts(g)


def assert_events_have_their_facts(g: Graph) -> None:
    for visit in g.subjects(RDF.type, KG.Visit):
        for agent in g.objects(visit, KG.agent):
            for destination in g.objects(visit, KG.destination):
                assert (agent, KG.visited, destination) in g, label(g, visit)
    for signing in g.subjects(RDF.type, KG.AgreementSigning):
        parties = list(g.objects(signing, KG.party))
        for a in parties:
            for b in parties:
                if a != b:
                    assert (a, KG.signsAgreementWith, b) in g, label(g, signing)


def test_the_verb_and_the_noun_of_one_signing_make_one_event(nlp) -> None:
    # "signed" and "deal" both trigger signing patterns; the sentence tells of one signing
    g = kg.build(texts=[{"id": "one-signing", "text": "Poland's arms procurement agency signed a deal on tanks "
                         "with Hanwha Aerospace on Monday.", "date": ARTICLE_DATE}]).graph
    signings = set(g.subjects(RDF.type, KG.AgreementSigning))
    assert len(signings) == 1
    (event,) = signings
    parties = {label(g, p) for p in g.objects(event, KG.party)}
    assert parties == {"Poland's arms procurement agency", "Hanwha Aerospace"}, parties
    assert g.value(event, KG.date) is not None  # "on Monday", resolved against the article's date

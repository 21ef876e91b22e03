"""Modality of visits and signings: ``kg.extract.modality.modality`` on purpose-written sentences,
and the graph that ``kg.build`` makes of them, read with SPARQL: reported and planned events have
their direct triples, cancelled and denied ones are event nodes only, speculative ones are nothing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph

import kg
from kg.extract.modality import CANCELLED, DENIED, PLANNED, REPORTED, is_negated, modality
from kg.graph.vocab import KG

# the word in brackets is the trigger whose modality is asked for
SENTENCES = [
    (REPORTED, "Mayor Jane Doe [visited] Springfield on Monday."),
    (REPORTED, "Acme Corp has [signed] an agreement with Globex Inc."),
    (REPORTED, "The minister [arrived] in Paris on Monday."),
    (REPORTED, "Lee embarked on a four-day [visit] to Zhejiang province."),
    (REPORTED, "Lee did not attend the dinner but [visited] Rome."),
    (REPORTED, "The [visit] is expected to boost ties."),
    (REPORTED, "Acme did not cancel the [agreement] with Globex."),
    (REPORTED, "Acme secured funds to set up a refinery with Globex during the president's [visit] to China."),
    (PLANNED, "Lee will also [visit] Ningbo."),
    (PLANNED, "Lee plans to [visit] a city gallery."),
    (PLANNED, "Lee is to [visit] Ningbo next week."),
    (PLANNED, "Lee is scheduled to [travel] to Paris."),
    (PLANNED, "Acme Corp is expected to [sign] an agreement with Globex Inc."),
    (PLANNED, "Agreements on technology will be [signed] at the meeting."),
    (PLANNED, "The upcoming [visit] to Paris will focus on trade."),
    (PLANNED, "The [visit] will take place on Monday."),
    (PLANNED, "Lee visited Paris and will [visit] Rome."),
    (PLANNED, "Lee's plan to [visit] Paris was announced."),
    (PLANNED, "Lee announced plans for a [visit] to Paris."),
    (PLANNED, "Lee scheduled a [visit] to Paris for May."),
    (PLANNED, "Minister Jane Doe to [Visit] Sri Lanka on 20 June"),  # a headline
    (PLANNED, "The ministries have signed two memoranda of understanding to [establish] a working group."),  # a purpose
    (PLANNED, "Mayor Jane Doe flew to Paris to [sign] the agreement."),
    (CANCELLED, "The planned [visit] to Dhaka was cancelled."),
    (CANCELLED, "Mayor Jane Doe postponed his [trip] to Shelbyville."),
    (CANCELLED, "The minister called off his [visit] to Paris."),
    (CANCELLED, "Lee's [trip] to Paris was scrapped."),
    (CANCELLED, "The signing of the [agreement] between Acme Corp and Globex Inc was postponed."),
    (DENIED, "John Roe did not [visit] Ogdenville."),
    (DENIED, "Acme Corp has never [signed] an agreement with Globex Inc."),
    (DENIED, "Jane Doe denied [visiting] Springfield."),
    (DENIED, "Acme Corp refused to [sign] the agreement with Globex Inc."),
    (DENIED, "The [visit] never happened."),
    (DENIED, "Lee did not [visit] Paris but visited Rome."),
    (DENIED, "Lee refused to go on a [visit] to Paris."),
    # the circumstance a clause is set in happened, whatever the clause says
    (REPORTED, "On his [visit] to Delhi, President Ravi Menon failed to secure a written agreement."),
    (REPORTED, "During the [visit] to Rome, Lee did not meet the Pope."),
    (None, "It remains unclear if Liang will [attend]."),
    (None, "Lee may [visit] Paris."),
    (None, "Lee is considering a [visit] to Paris."),
    (None, "Acme hopes to [sign] a deal with Globex."),
    (None, "The two sides discussed [signing] a deal."),
    (None, "Lee may plan to [visit] Paris."),
    (None, "Lee's possible [visit] to Sri Lanka this year will also be discussed, he said."),
    (None, "The [visit] will be discussed next week."),
    (None, "Acme made a conditional offer to [acquire] Globex for 52 dollars a share."),
    (None, "Analysts doubt Acme's ability to [absorb] Globex."),
    (None, "Lee is likely to [visit] Paris next week."),
    (None, "Reports spoke of Acme's possible move to [acquire] Globex."),
]


def trigger_of(nlp, marked: str):
    match = re.search(r"\[(\w+)\]", marked)
    assert match, marked
    sentence = marked[:match.start()] + match.group(1) + marked[match.end():]
    doc = nlp(sentence)
    return next(t for t in doc if t.idx == match.start())


@pytest.mark.parametrize("expected, marked", SENTENCES, ids=[s for _, s in SENTENCES])
def test_modality_of_the_trigger(nlp, expected: str | None, marked: str) -> None:
    assert modality(trigger_of(nlp, marked)) == expected


def test_each_modality_is_covered() -> None:
    counts = {m: sum(1 for e, _ in SENTENCES if e == m) for m in (REPORTED, PLANNED, CANCELLED, DENIED, None)}
    assert min(counts.values()) >= 2, counts


@pytest.mark.parametrize("expected, marked", SENTENCES, ids=[s for _, s in SENTENCES])
def test_is_negated_means_no_fact(nlp, expected: str | None, marked: str) -> None:
    from kg.extract.relations import is_negated as old_home  # the import path other code uses

    tok = trigger_of(nlp, marked)
    assert is_negated(tok) == old_home(tok) == (expected not in (REPORTED, PLANNED))


# --- the graph ----------------------------------------------------------------------------------

TEXT = """Mayor Jane Doe visited Springfield on Monday.

Mayor Jane Doe will visit Shelbyville on Friday.

Governor John Roe's planned visit to Dhaka was cancelled.

On Monday, Senator Ann Poe postponed her trip to Ogdenville.

Senator Ann Poe did not visit Capital City.

It remains unclear if Senator Ann Poe will visit North Haverbrook.

A delegation led by Bill Foe did not visit Brockway. A delegation led by Bill Foe visited Cypress Creek.

Acme Corp refused to sign an agreement with Globex Inc.

Initech Corp will sign an agreement with Acme Corp on Friday.
"""


@pytest.fixture(scope="module")
def graph(nlp) -> kg.KnowledgeGraph:
    return kg.build(texts=[{"id": "modality", "text": TEXT, "date": "2025-04-22"}])


def visits(graph: kg.KnowledgeGraph) -> dict[str, tuple[str, str]]:
    """destination → (agent, modality local name) of every visit node."""
    result = graph.query("""
        SELECT ?where ?who ?modality WHERE {
          ?v a kg:Visit ; kg:modality ?modality ;
             kg:agent/rdfs:label ?who ; kg:destination/rdfs:label ?where .
        }""")
    found = {}
    for where, who, mod in result.terms:
        assert str(where) not in found, where
        found[str(where)] = (str(who), str(mod).rsplit("#", 1)[-1])
    return found


def visited(graph: kg.KnowledgeGraph) -> set[tuple[str, str]]:
    result = graph.query("SELECT ?who ?where WHERE { ?a kg:visited ?b . ?a rdfs:label ?who . ?b rdfs:label ?where }")
    return {(str(a), str(b)) for a, b in result.terms}


@pytest.mark.parametrize("who, where, mod", [
    ("Jane Doe", "Springfield", "Reported"),
    ("Jane Doe", "Shelbyville", "Planned"),
    ("delegation", "Cypress Creek", "Reported"),
])
def test_reported_and_planned_visits_have_direct_triples(graph: kg.KnowledgeGraph, who: str, where: str, mod: str) -> None:
    assert visits(graph)[where] == (who, mod)
    assert (who, where) in visited(graph)


@pytest.mark.parametrize("who, where, mod", [
    ("John Roe", "Dhaka", "Cancelled"),
    ("Ann Poe", "Ogdenville", "Cancelled"),
    ("Ann Poe", "Capital City", "Denied"),
    ("delegation", "Brockway", "Denied"),
])
def test_cancelled_and_denied_visits_are_event_nodes_only(graph: kg.KnowledgeGraph, who: str, where: str, mod: str) -> None:
    assert visits(graph)[where] == (who, mod)
    assert not {pair for pair in visited(graph) if pair[1] == where}
    g = graph.graph
    place = next(p for p in g.subjects(RDFS.label, None) if str(g.value(p, RDFS.label)) == where)
    assert not list(g.subjects(RDF.object, place)), "no statement, so no evidence either"


def test_a_cancelled_visit_keeps_its_date_and_evidence(graph: kg.KnowledgeGraph) -> None:
    result = list(graph.query("""
        SELECT ?date ?sentence WHERE {
          ?v a kg:Visit ; kg:modality kg:Cancelled ; kg:destination/rdfs:label "Ogdenville" ;
             kg:date ?date ; kg:evidence ?ev .
          ?ev kg:sentence ?sentence ; prov:wasDerivedFrom ?doc . ?doc a kg:Document .
        }""").terms)
    assert len(result) == 1, result
    date, sentence = result[0]
    assert str(date) == "2025-04-21"  # "On Monday" in a past-tense clause of Tuesday's paper
    assert "postponed her trip to Ogdenville" in str(sentence)


def test_a_speculative_visit_gives_nothing(graph: kg.KnowledgeGraph) -> None:
    assert "North Haverbrook" not in visits(graph)
    assert not {pair for pair in visited(graph) if pair[1] == "North Haverbrook"}


def test_rules_do_not_build_on_a_denied_visit(graph: kg.KnowledgeGraph) -> None:
    """The delegation's leader visits too, where the delegation did visit (rule delegation-leader)."""
    assert ("Bill Foe", "Cypress Creek") in visited(graph)
    assert ("Bill Foe", "Brockway") not in visited(graph)


def test_signings_by_modality(graph: kg.KnowledgeGraph) -> None:
    result = graph.query("""
        SELECT ?s ?modality ?name WHERE { ?s a kg:AgreementSigning ; kg:modality ?modality ; kg:party/rdfs:label ?name }""")
    signings: dict = {}
    for s, mod, name in result.terms:
        signings.setdefault((s, str(mod).rsplit("#", 1)[-1]), set()).add(str(name).rstrip("."))
    assert sorted(signings.values(), key=sorted) == [{"Acme Corp", "Globex Inc"}, {"Acme Corp", "Initech Corp"}]
    assert {m for (_, m), parties in signings.items() if "Globex Inc" in parties} == {"Denied"}
    assert {m for (_, m), parties in signings.items() if "Initech Corp" in parties} == {"Planned"}
    pairs = {(str(a), str(b)) for a, b in graph.query(
        "SELECT ?a ?b WHERE { ?x kg:signsAgreementWith ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }").terms}
    assert pairs == {("Acme Corp", "Initech Corp"), ("Initech Corp", "Acme Corp")}


def test_what_happened_and_what_was_called_off(graph: kg.KnowledgeGraph) -> None:
    """The README's two questions."""
    happened = graph.query("""
        SELECT ?where WHERE { ?v a kg:Visit ; kg:modality kg:Reported ; kg:destination/rdfs:label ?where }""")
    assert {str(w) for (w,) in happened.terms} == {"Springfield", "Cypress Creek"}
    called_off = graph.query("""
        SELECT ?e WHERE { ?e a kg:Event ; kg:modality ?m . FILTER(?m IN (kg:Cancelled, kg:Denied)) }""")
    assert len(list(called_off.terms)) == 5


def test_every_event_has_exactly_one_modality(graph: kg.KnowledgeGraph) -> None:
    g = graph.graph
    modalities = {KG.Reported, KG.Planned, KG.Cancelled, KG.Denied}
    events = list(g.subjects(RDF.type, KG.Event))
    assert len(events) == 9
    for event in events:
        values = list(g.objects(event, KG.modality))
        assert len(values) == 1 and values[0] in modalities, (event, values)


def test_min_confidence_keeps_called_off_events_by_their_own_evidence(nlp) -> None:
    text = "Mayor Jane Doe did not visit Springfield."
    kept = kg.build(texts=[text], min_confidence=0.5).graph
    (event,) = kept.subjects(KG.modality, KG.Denied)
    confidence = float(kept.value(kept.value(event, KG.evidence), KG.confidence))
    assert confidence >= 0.5
    if confidence < 1.0:
        dropped = kg.build(texts=[text], min_confidence=1.0).graph
        assert not list(dropped.subjects(KG.modality, None))
        assert not list(dropped.subjects(RDF.type, KG.Evidence))


# --- the development articles -------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_graph(shared_dir: Path) -> Graph:
    files = sorted(p for p in (shared_dir / "data" / "dev").glob("*.txt") if "html-as-text" not in p.name)
    if not files:
        pytest.skip("no development articles")
    return kg.build(files).graph


def test_dev_events_have_one_modality_and_asserted_ones_their_facts(dev_graph: Graph) -> None:
    g = dev_graph
    seen = set()
    for kind, left, relation, right in ((KG.Visit, KG.agent, KG.visited, KG.destination),
                                        (KG.AgreementSigning, KG.party, KG.signsAgreementWith, KG.party)):
        for event in g.subjects(RDF.type, kind):
            values = list(g.objects(event, KG.modality))
            assert len(values) == 1, (event, values)
            seen.add(values[0])
            if values[0] in (KG.Reported, KG.Planned):
                pairs = [(a, b) for a in g.objects(event, left) for b in g.objects(event, right) if a != b]
                assert any((a, relation, b) in g for a, b in pairs), g.value(event, RDFS.label)
    assert {KG.Reported, KG.Planned} <= seen


def test_dev_called_off_events_add_no_statement_of_their_own(dev_graph: Graph) -> None:
    """A sentence that supports a visit or signing statement also supports an asserted event:
    the sentences of cancelled and denied events support nothing else."""
    g = dev_graph

    def sentences(modalities) -> set[str]:
        return {str(g.value(ev, KG.sentence)) for m in modalities for e in g.subjects(KG.modality, m)
                for ev in g.objects(e, KG.evidence)}

    asserted, called_off = sentences((KG.Reported, KG.Planned)), sentences((KG.Cancelled, KG.Denied))
    for relation in (KG.visited, KG.signsAgreementWith):
        for st in g.subjects(RDF.predicate, relation):
            for sentence in g.objects(st, KG.evidence / KG.sentence):
                assert str(sentence) not in called_off or str(sentence) in asserted, sentence

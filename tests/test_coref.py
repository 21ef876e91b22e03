"""Coreference: kg's own resolver (pronouns, "the company", "the forum"), the ``kg_coref`` spaCy
component and the clusters it writes to ``doc.spans``, and swapping the resolver with ``coref=``:
``"none"`` and a custom spaCy component that writes ``coref_clusters_*`` span groups."""
from __future__ import annotations

import pytest
from rdflib import RDFS, Graph
from spacy.language import Language
from spacy.tokens import Doc

import kg
from kg.nlp.pipeline import load_pipeline
from kg.nlp.resolver import DEFAULT_RESOLVER

#: A fact stated only through a pronoun: without coreference, nobody visits Springfield.
SHE = "Jane Doe arrived in Shelbyville on Monday. She visited Springfield on Tuesday."
HE = "John Smith arrived in Shelbyville on Monday. He visited Ogdenville on Tuesday."
HIS = "John Smith arrived in Shelbyville on Monday. He praised his hosts."
COMPANY = "Globex Inc opened a store. Acme Corp reported record profits. The company is based in Springfield."
FORUM = "The Springfield Business Forum met on Monday. Acme Corp hosted a dinner. The forum includes Globex Inc and Initech."

#: Too far back for kg's resolver (it looks three sentences back), so only the custom clusters link them.
FAR = ("Jane Doe arrived on Monday. The weather was cold. Prices rose sharply. Trains were late. "
       "Shops closed early. She visited Springfield on Tuesday.")

CUSTOM = "test_coref_resolver_kg_tests"


@Language.component(CUSTOM)
def _custom_resolver(doc: Doc) -> Doc:
    """A stand-in for an external coreference model: links "Jane Doe" and "She" in :data:`FAR`."""
    at = doc.text.find(FAR)
    if at >= 0:
        name = doc.char_span(at + FAR.index("Jane Doe"), at + FAR.index("Jane Doe") + len("Jane Doe"))
        pronoun = doc.char_span(at + FAR.index("She"), at + FAR.index("She") + len("She"))
        assert name is not None and pronoun is not None
        doc.spans["coref_clusters_1"] = [name, pronoun]
    return doc


def facts(graph: kg.KnowledgeGraph | Graph, relation: str) -> set[tuple[str, str]]:
    g = graph.graph if isinstance(graph, kg.KnowledgeGraph) else graph
    predicate = g.namespace_manager.expand_curie(f"kg:{relation}")
    return {(str(g.value(s, RDFS.label)), str(g.value(o, RDFS.label))) for s, o in g.subject_objects(predicate)}


def clusters(doc: Doc) -> list[list[str]]:
    return [[span.text for span in group] for key, group in sorted(doc.spans.items()) if key.startswith("coref_clusters_")]


# --- kg's resolver, through kg.build ----------------------------------------------------------------


@pytest.fixture(scope="module")
def resolved(nlp) -> dict[str, kg.KnowledgeGraph]:
    return {name: kg.build(texts=[text]) for name, text in
            {"she": SHE, "he": HE, "company": COMPANY, "forum": FORUM}.items()}


def test_she_is_the_woman_named_before(resolved) -> None:
    assert ("Jane Doe", "Springfield") in facts(resolved["she"], "visited")
    assert ("Jane Doe", "Shelbyville") in facts(resolved["she"], "visited")


def test_he_is_the_man_named_before(resolved) -> None:
    assert ("John Smith", "Ogdenville") in facts(resolved["he"], "visited")


def test_pronouns_make_no_entities(resolved) -> None:
    for graph in resolved.values():
        labels = {str(o).casefold() for o in graph.graph.objects(None, RDFS.label)}
        assert not labels & {"she", "he", "his", "it", "the company", "the forum", "company", "forum"}, labels


def test_the_company_is_the_last_organization(resolved) -> None:
    located = facts(resolved["company"], "locatedIn")
    assert ("Acme Corp", "Springfield") in located
    assert ("Globex Inc", "Springfield") not in located


def test_the_forum_is_the_entity_named_forum(resolved) -> None:
    includes = facts(resolved["forum"], "includes")
    members = {member for whole, member in includes if whole == "Springfield Business Forum"}
    assert "Initech" in members or any(m.startswith("Globex") for m in members), includes
    assert not {whole for whole, _ in includes} & {"Acme Corp"}, "the forum is not the last organisation named"


# --- the kg_coref component and its span groups -----------------------------------------------------


def test_the_default_pipeline_ends_with_kg_coref(nlp) -> None:
    assert DEFAULT_RESOLVER == "kg_coref"
    assert "kg_coref" in nlp.pipe_names
    assert nlp.pipe_names.index("kg_coref") > nlp.pipe_names.index("ner")
    assert load_pipeline() is load_pipeline(None, (), "kg_coref")  # cached per (model, gazetteers, coref)


@pytest.mark.parametrize("text, name, pronouns", [
    (SHE, "Jane Doe", {"She"}),
    (HE, "John Smith", {"He"}),
    (HIS, "John Smith", {"He", "his"}),
    (COMPANY, "Acme Corp", {"The company"}),
    (FORUM, "Springfield Business Forum", {"The forum"}),
])
def test_kg_coref_writes_span_groups(nlp, text: str, name: str, pronouns: set[str]) -> None:
    doc = nlp(text)
    groups = clusters(doc)
    assert groups, doc.spans
    holding = [g for g in groups if name in g]
    assert len(holding) == 1, groups
    assert pronouns <= set(holding[0])
    for key, group in doc.spans.items():
        if key.startswith("coref_clusters_"):
            assert len(group) >= 2
            starts = [span.start for span in group]
            assert starts == sorted(starts)


def test_span_groups_never_mix_two_entities(nlp) -> None:
    doc = nlp("Jane Doe met John Smith on Monday. She visited Springfield.")
    groups = clusters(doc)
    for group in groups:
        assert not ({"Jane Doe", "John Smith"} <= set(group)), group
    assert ["Jane Doe", "She"] in groups


def test_she_and_he_in_turn_are_two_people(nlp) -> None:
    text = "Jane Doe met John Smith on Monday. She visited Springfield. He visited Shelbyville."
    visits = facts(kg.build(texts=[text]), "visited")
    assert ("Jane Doe", "Springfield") in visits
    assert ("Jane Doe", "Shelbyville") not in visits
    assert ("John Smith", "Shelbyville") in visits


# --- swapping the resolver -------------------------------------------------------------------------


def test_none_loses_facts_stated_only_through_a_pronoun(nlp) -> None:
    default = kg.build(texts=[SHE])
    without = kg.build(texts=[SHE], coref="none")
    assert ("Jane Doe", "Springfield") in facts(default, "visited")
    assert ("Jane Doe", "Springfield") not in facts(without, "visited")
    # what the names alone say is still there
    assert ("Jane Doe", "Shelbyville") in facts(without, "visited")
    assert "kg_coref" not in load_pipeline(coref="none").pipe_names


def test_none_also_drops_descriptions(nlp) -> None:
    assert ("Acme Corp", "Springfield") in facts(kg.build(texts=[COMPANY]), "locatedIn")
    assert ("Acme Corp", "Springfield") not in facts(kg.build(texts=[COMPANY], coref="none"), "locatedIn")


def test_a_custom_resolver_attaches_the_pronouns_fact(nlp) -> None:
    # kg's own resolver does not reach that far back, and no resolver finds nothing
    assert ("Jane Doe", "Springfield") not in facts(kg.build(texts=[FAR]), "visited")
    assert ("Jane Doe", "Springfield") not in facts(kg.build(texts=[FAR], coref="none"), "visited")
    graph = kg.build(texts=[FAR], coref=CUSTOM)
    assert ("Jane Doe", "Springfield") in facts(graph, "visited")
    labels = {str(o) for o in graph.graph.objects(None, RDFS.label)}
    assert "She" not in labels
    pipeline = load_pipeline(coref=CUSTOM)
    assert CUSTOM in pipeline.pipe_names and "kg_coref" not in pipeline.pipe_names


def test_a_custom_resolver_that_finds_nothing_adds_nothing(nlp) -> None:
    # the component only knows FAR: for SHE it writes no clusters, so the pronoun stays unresolved
    graph = kg.build(texts=[SHE], coref=CUSTOM)
    assert ("Jane Doe", "Springfield") not in facts(graph, "visited")
    assert ("Jane Doe", "Shelbyville") in facts(graph, "visited")


def test_an_unknown_resolver_is_a_one_line_error(run_cli, tmp_path) -> None:
    article = tmp_path / "she.txt"
    article.write_text(SHE + "\n", encoding="utf-8")
    result = run_cli("build", article, "--coref", "no_such_coref_component", "-q")
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    assert "no_such_coref_component" in lines[0]
    assert "Traceback" not in result.output


def test_coref_option_of_the_cli(run_cli, tmp_path) -> None:
    article = tmp_path / "far.txt"
    article.write_text(FAR + "\n", encoding="utf-8")
    out = tmp_path / "custom.ttl"
    result = run_cli("build", article, "--coref", CUSTOM, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert ("Jane Doe", "Springfield") in facts(kg.load(out), "visited")


def test_a_description_with_no_antecedent_stays_unresolved() -> None:
    # "the nation" before any country is named: no candidate, no crash
    graph = kg.build(texts=["The nation mourned on Monday. Thousands gathered in the capital."])
    assert len(graph) > 0


def _facts(text: str) -> set[tuple[str, str, str]]:
    rows = kg.build(texts=[text]).query("""
        SELECT ?s ?p ?o WHERE { ?a ?pp ?b . ?a rdfs:label ?s . ?b rdfs:label ?o .
          FILTER(?pp IN (kg:visited, kg:signsAgreementWith)) BIND(STRAFTER(STR(?pp), "#") AS ?p) }""").rows
    return {(str(s), str(p), str(o)) for s, p, o in rows}


def test_they_stands_for_the_names_listed_as_a_subject_before() -> None:
    facts = _facts("Finance Minister Ana Silva and central bank governor Paul Grant visited Washington. "
                   "This week they held talks in London and Paris. They then flew to Tokyo.")
    assert ("Ana Silva", "visited", "Tokyo") in facts and ("Paul Grant", "visited", "Tokyo") in facts
    # "they" is not the list of places of the sentence before
    assert not any(s in ("London", "Paris") for s, _, _ in facts)


def test_the_two_sides_are_the_two_parties_named_before() -> None:
    facts = _facts("China and Sri Lanka held talks on Monday. The two sides signed a cooperation plan.")
    assert ("China", "signsAgreementWith", "Sri Lanka") in facts


def test_here_in_a_wire_story_is_the_dateline_place() -> None:
    facts = _facts("LISBON, March 11 - Finance Minister Ana Silva said at the end of a brief visit here that trade "
                   "would grow.")
    assert ("Ana Silva", "visited", "Lisbon") in facts
    assert not _facts("Finance Minister Ana Silva said at the end of a brief visit here that trade would grow.")


def test_the_region_is_no_city_named_before() -> None:
    facts = _facts("Prime Minister Shigeru Ishiba toured a factory in Karawang on Saturday. "
                   "The visit follows a trip by Chinese Premier Li Qiang to the region last month.")
    assert ("Shigeru Ishiba", "visited", "Karawang") in facts
    assert not any(s == "Li Qiang" and o == "Karawang" for s, _, o in facts), facts


def test_the_two_leaders_are_the_two_people_named_before() -> None:
    facts = _facts("Japanese Prime Minister Shigeru Ishiba met Indonesian President Prabowo Subianto on Saturday. "
                   "The two leaders signed an agreement on defence equipment.")
    assert {("Shigeru Ishiba", "signsAgreementWith", "Prabowo Subianto"),
            ("Prabowo Subianto", "signsAgreementWith", "Shigeru Ishiba")} & facts, facts


def test_the_two_companies_are_not_three_named_before() -> None:
    facts = _facts("Samsung, Tesla and Apple met in Austin on Monday. The two companies signed a supply agreement.")
    assert not any(p == "signsAgreementWith" for _, p, _ in facts), facts


def test_initials_name_the_company_without_its_legal_form() -> None:
    # "TWA" before and after "Trans World Airlines Inc" is the same company, not a second one
    facts = _facts("TWA said on Monday it would cut fares. Trans World Airlines Inc said profits rose. "
                   "TWA signed an agreement with Kelvar Corp on Friday.")
    assert ("Trans World Airlines Inc", "signsAgreementWith", "Kelvar Corp") in facts, facts
    assert not any(s == "TWA" or o == "TWA" for s, _, o in facts), facts

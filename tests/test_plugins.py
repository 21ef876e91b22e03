"""Plug-in extractors (``kg.extract.plugins``): callables, ``module:function`` specs through the API
and the CLI, names matched to entities or creating new ones, evidence and confidence combination
with the pattern facts; and a user relation (a new name) from a ``--patterns`` file."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from spacy.tokens import Doc

import kg
from kg.errors import KgError
from kg.extract.plugins import Fact, load_extractor
from kg.graph.mapping import noisy_or
from kg.graph.vocab import KG, KG_NS

COUNCIL = "The Springfield Trade Council welcomed Acme Corp on Monday. Acme Corp praised the Springfield Trade Council."
INCLUDES = "Springfield Trade Council includes Acme Corp and Initech. Initech praised Springfield Trade Council."


def norm(text: str) -> str:
    return " ".join(text.split())


def label(g: Graph, node) -> str:
    return str(g.value(node, RDFS.label))


def nodes_named(g: Graph, name: str) -> set:
    return {s for s, o in g.subject_objects(RDFS.label) if str(o) == name}


def node_named(g: Graph, name: str) -> URIRef:
    nodes = nodes_named(g, name)
    assert len(nodes) == 1, (name, nodes)
    return nodes.pop()


def statement(g: Graph, s, p, o) -> URIRef:
    found = set(g.subjects(RDF.subject, s)) & set(g.subjects(RDF.predicate, p)) & set(g.subjects(RDF.object, o))
    assert len(found) == 1, (s, p, o, found)
    return found.pop()


def entity_span(doc: Doc, text: str, sentence: int = 0):
    """The named entity *text* (or the span that contains it) in the *sentence*-th sentence."""
    sent = list(doc.sents)[sentence]
    for ent in sent.ents:
        if text in ent.text:
            return ent
    raise AssertionError(f"{text!r} not found among {[e.text for e in sent.ents]}")


# --- a callable ------------------------------------------------------------------------------------


def welcomes(doc: Doc):
    """Whoever welcomes an organisation includes it (a toy relation extractor)."""
    for sent in doc.sents:
        if "welcomed" in sent.text:
            yield Fact(subject=entity_span(doc, "Council"), predicate="includes",
                       object=entity_span(doc, "Acme Corp"), confidence=0.6)


@pytest.fixture(scope="module")
def welcomed(nlp) -> Graph:
    return kg.build(texts=[COUNCIL], extractors=[welcomes]).graph


def test_plugin_fact_becomes_a_triple(welcomed: Graph) -> None:
    council, acme = node_named(welcomed, "Springfield Trade Council"), node_named(welcomed, "Acme Corp")
    assert (council, KG.includes, acme) in welcomed
    assert (council, RDF.type, KG.Organization) in welcomed and (acme, RDF.type, KG.Organization) in welcomed


def test_plugin_fact_has_evidence_and_confidence(welcomed: Graph) -> None:
    council, acme = node_named(welcomed, "Springfield Trade Council"), node_named(welcomed, "Acme Corp")
    st = statement(welcomed, council, KG.includes, acme)
    (ev,) = welcomed.objects(st, KG.evidence)
    assert (ev, RDF.type, KG.Evidence) in welcomed
    assert list(welcomed.objects(ev, KG.extractor)) == [Literal("plugin/welcomes")]
    assert float(welcomed.value(ev, KG.confidence)) == pytest.approx(0.6)
    assert float(welcomed.value(st, KG.confidence)) == pytest.approx(0.6)
    sentence = str(welcomed.value(ev, KG.sentence))
    assert norm(sentence) == norm(COUNCIL.split(". ")[0] + ".")
    start, end = int(welcomed.value(ev, KG.startChar)), int(welcomed.value(ev, KG.endChar))
    assert norm(COUNCIL[start:end]) == norm(sentence)


def test_without_the_plugin_there_is_no_such_fact(nlp) -> None:
    g = kg.build(texts=[COUNCIL]).graph
    assert not list(g.subject_objects(KG.includes))
    assert not list(g.subjects(KG.extractor, Literal("plugin/welcomes")))


# --- names instead of spans -------------------------------------------------------------------------


def by_name(doc: Doc):
    first = next(iter(doc.sents))
    yield Fact("springfield trade council", "includes", "ACME CORP", 0.7, sentence=first)  # known, any case
    yield Fact("Northwind Traders", "includes", "Acme Corp", 0.7, sentence=first, subject_type="Organization")
    yield Fact("Umbrella Holdings", "includes", "Acme Corp", 0.7, sentence=first)  # unknown, no type: dropped
    yield Fact("Acme Corp", "includes", "Acme Corp", 0.7, sentence=first)  # an entity with itself: dropped


@pytest.fixture(scope="module")
def named(nlp) -> Graph:
    return kg.build(texts=[COUNCIL], extractors=[by_name]).graph


def test_names_match_existing_entities(named: Graph) -> None:
    council, acme = node_named(named, "Springfield Trade Council"), node_named(named, "Acme Corp")
    assert (council, KG.includes, acme) in named
    assert not nodes_named(named, "springfield trade council") and not nodes_named(named, "ACME CORP")


def test_an_unknown_name_with_a_type_becomes_an_entity(named: Graph) -> None:
    northwind = node_named(named, "Northwind Traders")
    assert (northwind, RDF.type, KG.Organization) in named
    assert (northwind, KG.includes, node_named(named, "Acme Corp")) in named
    docs = list(named.subjects(RDF.type, KG.Document))
    assert (docs[0], URIRef("https://schema.org/mentions"), northwind) in named


def test_an_unknown_name_without_a_type_is_dropped(named: Graph) -> None:
    assert not nodes_named(named, "Umbrella Holdings")
    acme = node_named(named, "Acme Corp")
    assert (acme, KG.includes, acme) not in named
    subjects = {label(named, s) for s, _ in named.subject_objects(KG.includes)}
    assert subjects == {"Springfield Trade Council", "Northwind Traders"}


# --- a plug-in and a pattern agree --------------------------------------------------------------------


def council_members(doc: Doc):
    """Says the council includes Initech, citing the second sentence (the pattern cites the first)."""
    yield Fact(subject=entity_span(doc, "Council", 1), predicate="includes", object=entity_span(doc, "Initech", 1),
               confidence=0.6)


def test_plugin_and_pattern_evidence_combine(nlp) -> None:
    alone = kg.build(texts=[INCLUDES]).graph
    both = kg.build(texts=[INCLUDES], extractors=[council_members]).graph
    council, initech = node_named(alone, "Springfield Trade Council"), node_named(alone, "Initech")
    assert (council, KG.includes, initech) in alone, "the include-verb pattern should find this"
    pattern_st = statement(alone, council, KG.includes, initech)
    (pattern_ev,) = alone.objects(pattern_st, KG.evidence)
    pattern_conf = float(alone.value(pattern_ev, KG.confidence))

    st = statement(both, council, KG.includes, initech)
    evidence = list(both.objects(st, KG.evidence))
    assert len(evidence) == 2
    extractors = {str(both.value(ev, KG.extractor)) for ev in evidence}
    assert "plugin/council_members" in extractors
    assert extractors - {"plugin/council_members"} == {str(alone.value(pattern_ev, KG.extractor))}
    confidences = sorted(float(both.value(ev, KG.confidence)) for ev in evidence)
    assert confidences == sorted([pattern_conf, 0.6])
    combined = float(both.value(st, KG.confidence))
    assert combined == pytest.approx(noisy_or(confidences), abs=1e-3)
    assert combined >= max(confidences) and combined > pattern_conf
    # the other member, found by the pattern alone, is unchanged
    acme = node_named(both, "Acme Corp")
    assert float(both.value(statement(both, council, KG.includes, acme), KG.confidence)) == pytest.approx(pattern_conf)


def same_sentence_members(doc: Doc):
    """Says the council includes Initech, citing the same sentence as the pattern."""
    yield Fact(subject=entity_span(doc, "Council", 0), predicate="includes", object=entity_span(doc, "Initech", 0),
               confidence=0.6)


def test_plugin_and_pattern_on_the_same_sentence_share_one_evidence(nlp) -> None:
    """Evidence is one per fact and sentence: the sentence counts once, with every extractor that read it."""
    alone = kg.build(texts=[INCLUDES]).graph
    both = kg.build(texts=[INCLUDES], extractors=[same_sentence_members]).graph
    council, initech = node_named(alone, "Springfield Trade Council"), node_named(alone, "Initech")
    (pattern_ev,) = alone.objects(statement(alone, council, KG.includes, initech), KG.evidence)
    pattern_conf = float(alone.value(pattern_ev, KG.confidence))
    st = statement(both, council, KG.includes, initech)
    (ev,) = both.objects(st, KG.evidence)
    assert {str(x) for x in both.objects(ev, KG.extractor)} == {str(alone.value(pattern_ev, KG.extractor)),
                                                                 "plugin/same_sentence_members"}
    assert float(both.value(st, KG.confidence)) == pytest.approx(max(pattern_conf, 0.6))


# --- module:function ----------------------------------------------------------------------------------

PLUGIN_MODULE = '''
from kg.extract.plugins import Fact


def partners(doc):
    for sent in doc.sents:
        if "praised" in sent.text:
            names = [e for e in sent.ents if e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
            if len(names) == 2:
                yield Fact(subject=names[0], predicate="signsAgreementWith", object=names[1],
                           confidence=0.55, sentence=sent)


not_callable = 42
'''
PARTNERS = "Globex Inc praised Acme Corp on Monday."


@pytest.fixture
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"kg_test_plugin_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(PLUGIN_MODULE), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


def check_partners(g: Graph) -> None:
    globex = next(s for s, o in g.subject_objects(RDFS.label) if str(o).startswith("Globex"))
    acme = node_named(g, "Acme Corp")
    assert (globex, KG.signsAgreementWith, acme) in g
    assert (acme, KG.signsAgreementWith, globex) in g  # symmetric, as for the patterns
    ev = next(iter(g.objects(statement(g, globex, KG.signsAgreementWith, acme), KG.evidence)))
    assert str(g.value(ev, KG.extractor)) == "plugin/partners"
    assert float(g.value(ev, KG.confidence)) == pytest.approx(0.55)


def test_load_extractor_forms(plugin_module: str) -> None:
    name, func = load_extractor(f"{plugin_module}:partners")
    assert name == "partners" and callable(func)
    assert load_extractor(welcomes) == ("welcomes", welcomes)
    with pytest.raises(KgError, match="not callable"):
        load_extractor(f"{plugin_module}:not_callable")
    with pytest.raises(KgError, match="cannot load extractor"):
        load_extractor(f"{plugin_module}:missing")
    with pytest.raises(KgError, match="cannot load extractor"):
        load_extractor("kg_no_such_module_for_tests:partners")
    with pytest.raises(KgError, match="kg.extractors"):
        load_extractor("kg_no_such_entry_point_for_tests")


def test_module_function_through_the_api(nlp, plugin_module: str) -> None:
    check_partners(kg.build(texts=[PARTNERS], extractors=[f"{plugin_module}:partners"]).graph)


def test_module_function_through_the_cli(run_cli, plugin_module: str, tmp_path: Path) -> None:
    article = tmp_path / "partners.txt"
    article.write_text(PARTNERS + "\n", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    result = run_cli("build", article, "--extractor", f"{plugin_module}:partners", "-o", out, "-q")
    assert result.exit_code == 0, result.output
    check_partners(kg.load(out).graph)
    # and without it, no agreement
    bare = tmp_path / "bare.ttl"
    assert run_cli("build", article, "-o", bare, "-q").exit_code == 0
    assert not list(kg.load(bare).graph.subject_objects(KG.signsAgreementWith))


@pytest.mark.parametrize("spec, needle", [
    ("kg_no_such_module_for_tests:partners", "cannot load extractor"),
    ("json:no_such_function_for_tests", "cannot load extractor"),
    ("os:sep", "not callable"),
    ("kg_no_such_entry_point_for_tests", "no extractor of that name"),
])
def test_a_bad_spec_is_a_one_line_cli_error(run_cli, tmp_path: Path, spec: str, needle: str) -> None:
    article = tmp_path / "partners.txt"
    article.write_text(PARTNERS + "\n", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    result = run_cli("build", article, "--extractor", spec, "-o", out, "-q")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ") and spec in lines[0] and needle in lines[0], lines[0]
    assert not out.exists()


# --- a user relation from a pattern file ----------------------------------------------------------


ACQUIRED = {
    "relation": "acquired",
    "description": "X acquires / acquired Y",
    "subject_types": ["Organization"],
    "object_types": ["Organization"],
    "patterns": [{
        "id": "acquired/test-acquire-verb",
        "confidence": 0.7,
        "pattern": [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "acquire", "POS": "VERB"}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}},
        ],
        "subject": {"agent_of": "trigger"},
        "object": "object",
    }],
}
TAKEOVERS = "Acme Corp acquired Globex Inc on Monday. Initech acquired Umbrella Corp in March."


@pytest.fixture
def acquired_file(tmp_path: Path) -> Path:
    path = tmp_path / "acquired.json"
    path.write_text(json.dumps(ACQUIRED), encoding="utf-8")
    return path


def check_acquired(g: Graph) -> None:
    acquired = URIRef(KG_NS + "acquired")
    pairs = {(label(g, s), label(g, o)) for s, o in g.subject_objects(acquired)}
    assert ("Acme Corp", "Globex Inc") in pairs
    assert ("Initech", "Umbrella Corp") in pairs
    assert ("Globex Inc", "Acme Corp") not in pairs  # not symmetric
    for s, o in g.subject_objects(acquired):
        st = statement(g, s, acquired, o)
        assert (st, RDF.type, KG.Statement) in g
        assert float(g.value(st, KG.confidence)) == pytest.approx(0.7)
        (ev,) = g.objects(st, KG.evidence)
        assert str(g.value(ev, KG.extractor)) == "acquired/test-acquire-verb"
        sentence = str(g.value(ev, KG.sentence))
        assert "acquired" in sentence and norm(sentence) in norm(TAKEOVERS)


def test_a_new_relation_from_a_pattern_file_api(nlp, acquired_file: Path) -> None:
    check_acquired(kg.build(texts=[TAKEOVERS], patterns=[acquired_file]).graph)
    assert not list(kg.build(texts=[TAKEOVERS]).graph.subject_objects(URIRef(KG_NS + "acquired")))


def test_a_new_relation_from_a_pattern_file_cli(run_cli, acquired_file: Path, tmp_path: Path) -> None:
    article = tmp_path / "takeovers.txt"
    article.write_text(TAKEOVERS + "\n", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    result = run_cli("build", article, "--patterns", acquired_file, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    check_acquired(kg.load(out).graph)
    query = run_cli("query", out, "SELECT ?a ?b WHERE { ?x kg:acquired ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }",
                    "--format", "csv")
    assert query.exit_code == 0, query.output
    assert "Acme Corp,Globex Inc" in query.stdout


def test_a_pattern_file_that_gives_one_id_twice_is_refused(tmp_path: Path) -> None:
    from kg.errors import InputError
    from kg.extract.patterns import load_pattern_file

    twice = dict(ACQUIRED, patterns=ACQUIRED["patterns"] * 2)
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(twice), encoding="utf-8")
    with pytest.raises(InputError, match="second pattern with this id"):
        load_pattern_file(path)


def test_without_child_keeps_a_pattern_off_a_node_with_that_child(nlp, tmp_path: Path) -> None:
    """A user pattern's ``without_child``: "acquired Y" but not "acquired Y from Z" (a sale between two)."""
    from copy import deepcopy

    narrowed = deepcopy(ACQUIRED)
    narrowed["patterns"][0]["without_child"] = {"trigger": {"DEP": ["prep"], "LOWER": ["from"]}}
    path = tmp_path / "narrowed.json"
    path.write_text(json.dumps(narrowed), encoding="utf-8")
    text = "Acme Corp acquired Globex Inc on Monday. Initech acquired Umbrella Corp from Hooli in March."
    acquired = URIRef(KG_NS + "acquired")
    pairs = {(label(g, s), label(g, o)) for g in [kg.build(texts=[text], patterns=[path]).graph]
             for s, o in g.subject_objects(acquired)}
    assert ("Acme Corp", "Globex Inc") in pairs
    assert not any(s == "Initech" for s, _ in pairs)


@pytest.mark.parametrize("without", [{"nowhere": {"DEP": ["prep"]}}, {"trigger": {"TAG": ["IN"]}},
                                     {"trigger": {"DEP": "prep"}}, {"trigger": {}}])
def test_a_bad_without_child_is_refused_in_one_line(tmp_path: Path, without: dict) -> None:
    from copy import deepcopy

    from kg.errors import InputError
    from kg.extract.patterns import load_pattern_file

    bad = deepcopy(ACQUIRED)
    bad["patterns"][0]["without_child"] = without
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match="without_child maps RIGHT_IDs"):
        load_pattern_file(path)

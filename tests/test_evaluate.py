"""``kg.evaluate`` and ``kg evaluate``: each matching rule on hand-made gold and graph files with
hand-computed numbers, agreement with the reference scorer ``shared/eval/score.py`` on the dev
set, gold-file validation, and the command as a user runs it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import InputError
from kg.evaluate import evaluate, load_gold, normalize_name
from kg.evaluate.gold import is_generic

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORE_PY = SHARED / "eval" / "score.py"
DEV = SHARED / "data" / "dev"
needs_shared = pytest.mark.skipif(not SCORE_PY.is_file() or not DEV.is_dir(), reason=f"{SHARED} is not available")

SUMMARY = re.compile(r"^F1=\d\.\d{3} P=\d\.\d{3} R=\d\.\d{3}$")

# Two documents whose entity keys collide ("p", "c") so that only the document tells them apart.
ALPHA = {
    "doc": "alpha",
    "text_file": "alpha.txt",
    "entities": {
        "p": {"name": "John Lee", "type": "Person", "aliases": ["Lee", "the Chief Executive"]},
        "c": {"name": "Zhejiang", "type": "Place", "aliases": ["Zhejiang province"]},
        "hk": {"name": "Hong Kong", "type": "Place", "aliases": []},
        "deleg": {"name": "Hong Kong delegation", "type": "Group", "aliases": ["the delegation"]},
        "acme": {"name": "Acme Corp", "type": "Organization", "aliases": ["the company"]},
        "globex": {"name": "Globex", "type": "Organization", "aliases": []},
        "hz": {"name": "Hangzhou", "type": "Place", "aliases": []},
    },
    "relations": [
        {"s": "p", "p": "visited", "o": "c", "status": "gold", "evidence": "Lee visited Zhejiang province."},
        {"s": "deleg", "p": "visited", "o": "c", "status": "gold", "evidence": "The delegation toured Zhejiang."},
        {"s": "p", "p": "visited", "o": "hk", "status": "optional", "evidence": "Lee returned to Hong Kong."},
        {"s": "deleg", "p": "includes", "o": "p", "status": "optional", "evidence": "Lee leads the delegation."},
        {"s": "acme", "p": "signsAgreementWith", "o": "globex", "status": "gold",
         "evidence": "Acme signed with Globex."},
        {"s": "acme", "p": "locatedIn", "o": "hz", "status": "gold", "evidence": "Acme Corp, based in Hangzhou."},
        {"s": "acme", "p": "locatedIn", "o": "c", "status": "optional", "evidence": "Hangzhou is in Zhejiang."},
    ],
}
BETA = {
    "doc": "beta",
    "text_file": "beta.txt",
    "entities": {
        "p": {"name": "Jane Doe", "type": "Person", "aliases": []},
        "c": {"name": "Springfield", "type": "Place", "aliases": []},
    },
    "relations": [
        {"s": "p", "p": "visited", "o": "c", "status": "gold", "evidence": "Jane Doe visited Springfield."},
    ],
}

# Labels exercise case folding ("JOHN LEE"), the possessive ("Zhejiang's"), a leading "the" and a
# generic alias of a Group ("the delegation"), and one of an Organization ("the company": no credit).
GRAPH = """\
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix ex: <http://example.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

ex:docA a kg:Document ; dcterms:identifier "alpha-0a1b2c3d" ; kg:sourcePath "articles/alpha.txt" .
ex:docB a kg:Document ; dcterms:identifier "beta-4e5f6a7b" .

ex:lee a kg:Person ; rdfs:label "JOHN LEE" .
ex:zj a kg:Place ; rdfs:label "Zhejiang's" .
ex:zj2 a kg:Place ; rdfs:label "ZHEJIANG" .
ex:hk a kg:Place ; rdfs:label "Hong Kong" .
ex:deleg a kg:Group ; rdfs:label "the delegation" .
ex:acme a kg:Organization ; rdfs:label "Acme Corp" .
ex:company a kg:Organization ; rdfs:label "the company" .
ex:globex a kg:Place ; rdfs:label "Globex" .
ex:hz a kg:Place ; rdfs:label "Hangzhou" .
ex:jane a kg:Person ; rdfs:label "Jane Doe" .
ex:jane2 a kg:Person ; rdfs:label "jane doe" .

ex:lee kg:visited ex:zj , ex:hk .
ex:deleg kg:visited ex:zj ; kg:includes ex:lee .
ex:acme kg:locatedIn ex:hz , ex:zj .
ex:company kg:locatedIn ex:hz .
ex:globex kg:signsAgreementWith ex:acme .
ex:jane kg:visited ex:zj .
ex:jane2 kg:visited ex:zj2 .

ex:st1 a kg:Statement ; rdf:subject ex:company ; rdf:predicate kg:locatedIn ; rdf:object ex:hz ;
    kg:evidence ex:ev1 .
ex:ev1 a kg:Evidence ; kg:sentence "The company is based in Hangzhou." ; prov:wasDerivedFrom ex:docA .
ex:st2 a kg:Statement ; rdf:subject ex:jane ; rdf:predicate kg:visited ; rdf:object ex:zj ;
    kg:evidence ex:ev2 .
ex:ev2 a kg:Evidence ; kg:sentence "Jane Doe flew to Zhejiang." ; prov:wasDerivedFrom ex:docB .
ex:st3 a kg:Statement ; rdf:subject ex:jane2 ; rdf:predicate kg:visited ; rdf:object ex:zj2 ;
    kg:evidence ex:ev3 .
ex:ev3 a kg:Evidence ; kg:sentence "JANE DOE IN ZHEJIANG." ; prov:wasDerivedFrom ex:docB .
"""


def write_gold(folder: Path, *documents: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for data in documents:
        (folder / f"{data['doc']}.gold.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold", ALPHA, BETA)


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def report(gold_dir: Path, graph_file: Path):
    return evaluate(kg.load(graph_file), gold_dir)


def counts(score) -> tuple[int, int, int]:
    return score.gold, score.tp, score.fp


# --- the rules, one by one ---------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("HONG KONG", "hong kong"),             # case folding
    ("Zhejiang's", "zhejiang"),             # possessive
    ("Hong Kong\u2019s", "hong kong"),      # typographic possessive
    ("The Delegation", "delegation"),       # leading "the"
    ("U.S.", "u s"),                        # punctuation
    ("  Acme   Corp ", "acme corp"),
])
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize("alias, generic", [
    ("the company", True), ("delegation", True), ("Prime Minister", True), ("the Chief Executive", True),
    ("Acme Corp", False), ("the Hong Kong delegation", False), ("Lee", False),
])
def test_generic_aliases(alias: str, generic: bool) -> None:
    assert is_generic(alias) is generic


def test_case_possessive_and_leading_the_match(report) -> None:
    # "JOHN LEE" -visited-> "Zhejiang's" and "the delegation" -visited-> "Zhejiang's" are both true positives
    assert counts(report.relations["visited"]) == (3, 2, 1)


def test_generic_alias_credits_groups_only(report) -> None:
    # "the delegation" is the Group's alias (credited above); "the company" is an Organization's: no credit
    assert counts(report.relations["locatedIn"]) == (1, 1, 1)
    [fp] = [fp for fp in report.false_positives if fp.relation == "locatedIn"]
    assert (fp.subject, fp.object) == ("company", "hangzhou")


def test_symmetric_relation_matches_either_direction(report) -> None:
    # gold: Acme signs with Globex; the graph has only Globex -> Acme
    assert counts(report.relations["signsAgreementWith"]) == (1, 1, 0)


def test_optional_triples_are_neither_fp_nor_fn(report) -> None:
    # deleg includes Lee, Lee visited Hong Kong, Acme in Zhejiang: optional, predicted, ignored
    assert counts(report.relations["includes"]) == (0, 0, 0)
    assert not [m for m in report.misses if m.relation == "includes"]
    assert all((fp.subject, fp.object) != ("john lee", "hong kong") for fp in report.false_positives)


def test_cross_document_pairs_are_rejected(report) -> None:
    # Jane Doe (beta/p) and Zhejiang (alpha/c): keys p -visited-> c exist in both documents, but not together
    visited_fps = [fp for fp in report.false_positives if fp.relation == "visited"]
    assert [(fp.subject, fp.object) for fp in visited_fps] == [("jane doe", "zhejiang")]


def test_duplicate_false_positives_count_once(report) -> None:
    # two Jane Doe nodes visiting two Zhejiang nodes: one false positive, with both sentences
    [fp] = [fp for fp in report.false_positives if fp.relation == "visited"]
    assert report.relations["visited"].fp == 1
    assert set(fp.sentences) == {"Jane Doe flew to Zhejiang.", "JANE DOE IN ZHEJIANG."}
    assert fp.documents == ("beta",)


def test_micro_and_measures(report) -> None:
    assert counts(report.micro) == (5, 4, 2)
    assert report.micro.precision == pytest.approx(4 / 6)
    assert report.micro.recall == pytest.approx(4 / 5)
    assert report.micro.f1 == pytest.approx(8 / 11)
    assert report.relations["visited"].f1 == pytest.approx(2 / 3)
    assert report.summary() == "F1=0.727 P=0.667 R=0.800"


def test_typing_accuracy(report) -> None:
    # entities of gold triples: alpha p, c, deleg, acme, globex, hz; beta p, c (Springfield is not in the graph)
    t = report.typing
    assert (t.entities, t.found, t.typed_correctly) == (8, 7, 6)
    assert t.accuracy == pytest.approx(0.75)
    [wrong] = t.mistyped
    assert (wrong.name, wrong.gold_type, wrong.found_types) == ("Globex", "Organization", ("Place",))


def test_misses_carry_gold_evidence(report) -> None:
    [miss] = report.misses
    assert (miss.doc, miss.subject_name, miss.relation, miss.object_name) == (
        "beta", "Jane Doe", "visited", "Springfield")
    assert miss.evidence == "Jane Doe visited Springfield."


def test_false_positives_carry_graph_sentences(report) -> None:
    [fp] = [fp for fp in report.false_positives if fp.relation == "locatedIn"]
    assert fp.sentences == ("The company is based in Hangzhou.",)
    assert fp.documents == ("alpha",)
    assert (fp.subject_label, fp.object_label) == ("the company", "Hangzhou")


def test_per_document_counts(report) -> None:
    assert {doc: counts(s) for doc, s in report.documents.items()} == {"alpha": (4, 4, 1), "beta": (1, 0, 1)}
    assert report.unmatched_documents == []


def test_gold_document_without_graph_document_is_reported(gold_dir: Path, graph_file: Path) -> None:
    graph = kg.load(graph_file).graph
    graph.remove((URIRef("http://example.org/docB"), None, None))
    assert evaluate(graph, gold_dir).unmatched_documents == ["beta"]


def test_gold_triple_annotated_twice_keeps_gold(tmp_path: Path, graph_file: Path) -> None:
    alpha = json.loads(json.dumps(ALPHA))
    # the same symmetric pair again, reversed and optional: still one gold triple
    alpha["relations"].append({"s": "globex", "p": "signsAgreementWith", "o": "acme", "status": "optional"})
    result = evaluate(kg.load(graph_file), write_gold(tmp_path / "g", alpha, BETA))
    assert counts(result.relations["signsAgreementWith"]) == (1, 1, 0)


def test_to_dict_is_json(report) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert data["micro"]["tp"] == 4
    assert set(data["relations"]) == {"visited", "includes", "locatedIn", "signsAgreementWith"}
    assert data["misses"][0]["evidence"] == "Jane Doe visited Springfield."
    assert data["typing"]["accuracy"] == 0.75


def test_accepts_a_knowledge_graph_or_an_rdflib_graph(gold_dir: Path, graph_file: Path) -> None:
    g = Graph().parse(graph_file)
    assert evaluate(g, gold_dir).to_dict() == evaluate(kg.load(graph_file), gold_dir).to_dict()


@needs_shared
def test_synthetic_fixture_agrees_with_score_py(gold_dir: Path, graph_file: Path, tmp_path: Path) -> None:
    reference = run_score_py(gold_dir, graph_file, tmp_path / "ref.json")
    assert_agrees(evaluate(kg.load(graph_file), gold_dir), reference)


GROUPS = {
    "doc": "gamma",
    "text_file": "gamma.txt",
    "entities": {
        "bodies": {"name": "government bodies", "type": "Group", "aliases": []},
        "cea": {"name": "Central Environmental Authority", "type": "Organization", "aliases": []},
        "firms": {"name": "foreign firms", "type": "Group", "aliases": []},
        "acme": {"name": "Acme", "type": "Organization", "aliases": []},
    },
    "relations": [
        {"s": "bodies", "p": "includes", "o": "cea", "status": "gold", "evidence": ""},
        {"s": "firms", "p": "includes", "o": "acme", "status": "gold", "evidence": ""},
    ],
}
GROUP_GRAPH = """\
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:b a kg:Group ; rdfs:label "relevant government body" .
ex:cea a kg:Organization ; rdfs:label "Central Environmental Authority" .
ex:f a kg:Group ; rdfs:label "foreign companies" .
ex:acme a kg:Organization ; rdfs:label "Acme" .
ex:b kg:includes ex:cea .
ex:f kg:includes ex:acme .
"""


def test_a_group_named_in_other_words_matches_by_its_head_word(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", GROUPS)
    graph = tmp_path / "g.ttl"
    graph.write_text(GROUP_GRAPH, encoding="utf-8")
    report = evaluate(kg.load(graph), gold)
    # "relevant government body" shares the head word "body" of "government bodies";
    # "foreign companies" shares no word's head with "foreign firms": a false positive
    assert counts(report.relations["includes"]) == (2, 1, 1)
    if SCORE_PY.is_file():
        assert_agrees(report, run_score_py(gold, graph, tmp_path / "ref.json"))


# --- gold files --------------------------------------------------------------------------------

def _broken(**changes) -> dict:
    data = json.loads(json.dumps(BETA))
    for key, value in changes.items():
        data[key] = value
    return data


@pytest.mark.parametrize("content, needle", [
    ("{not json", "invalid JSON"),
    ("[]", "must be an object"),
    (json.dumps(_broken(doc="")), '"doc"'),
    (json.dumps(_broken(entities=[])), '"entities" must be an object'),
    (json.dumps(_broken(relations={})), '"relations" must be a list'),
    (json.dumps(_broken(entities={"p": {"name": "Jane Doe", "type": "Human"}, "c": BETA["entities"]["c"]})), '"type"'),
    (json.dumps(_broken(entities={"p": {"type": "Person"}, "c": BETA["entities"]["c"]})), '"name"'),
    (json.dumps(_broken(relations=[{"s": "p", "p": "visited", "o": "x"}])), '"o" must be a key'),
    (json.dumps(_broken(relations=[{"s": "p", "p": "visted", "o": "c"}])), '"p" must be one of'),
    (json.dumps(_broken(relations=[{"s": "p", "p": "visited", "o": "c", "status": "maybe"}])), '"status"'),
])
def test_malformed_gold_file(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gold(tmp_path)
    message = str(info.value)
    assert info.value.where == str(path)
    assert needle in message and "\n" not in message


def test_gold_folder_problems(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        load_gold(tmp_path / "missing")
    with pytest.raises(InputError, match=r"no \*\.gold\.json"):
        load_gold(tmp_path)
    write_gold(tmp_path, BETA)
    (tmp_path / "copy.gold.json").write_text(json.dumps(BETA), encoding="utf-8")
    with pytest.raises(InputError, match='doc "beta" is already annotated'):
        load_gold(tmp_path)


# --- agreement with the reference scorer on the dev set ---------------------------------------

def run_score_py(gold: Path, graph: Path, out: Path) -> dict:
    subprocess.run([sys.executable, str(SCORE_PY), "--gold", str(gold), "--pred", str(graph), "--json", str(out)],
                   check=True, capture_output=True, text=True)
    return json.loads(out.read_text(encoding="utf-8"))


def assert_agrees(ours, reference: dict) -> None:
    data = ours.to_dict()
    keys = ("gold", "tp", "fp")
    for rel, ref in reference["relations"].items():
        assert {k: data["relations"][rel][k] for k in keys} == {k: ref[k] for k in keys}, rel
    assert data["micro"]["f1"] == pytest.approx(reference["micro"]["f1"])
    assert {k: data["typing"][k] for k in reference["typing"]} == pytest.approx(reference["typing"])


@pytest.fixture(scope="module")
def dev_graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SCORE_PY.is_file() or not DEV.is_dir():
        pytest.skip(f"{SHARED} is not available")
    texts = sorted(p for p in DEV.glob("*.txt") if p.name != "zhejiang_visit.html-as-text.txt")
    path = tmp_path_factory.mktemp("dev") / "dev.ttl"
    kg.build(texts).serialize(path)
    return path


@needs_shared
def test_dev_set_agrees_with_score_py(dev_graph_file: Path, tmp_path: Path) -> None:
    reference = run_score_py(DEV, dev_graph_file, tmp_path / "ref.json")
    ours = evaluate(kg.load(dev_graph_file), DEV)
    assert_agrees(ours, reference)
    assert len(ours.misses) == reference["micro"]["gold"] - reference["micro"]["tp"]
    assert len(ours.false_positives) == reference["micro"]["fp"]


# --- the command --------------------------------------------------------------------------------

ARTICLE = """Busy Week for the Mayor

Mayor Jane Doe visited Springfield on Tuesday. She met local business leaders there.

The consortium is based in Shelbyville. The consortium includes Acme Corp and Globex Inc.

Acme Corp signed an agreement with Globex Inc on Wednesday.
"""
MAYOR = {
    "doc": "mayor",
    "text_file": "mayor.txt",
    "entities": {
        "jane": {"name": "Jane Doe", "type": "Person", "aliases": ["Mayor Jane Doe"]},
        "springfield": {"name": "Springfield", "type": "Place", "aliases": []},
        "shelbyville": {"name": "Shelbyville", "type": "Place", "aliases": []},
        "consortium": {"name": "consortium", "type": "Group", "aliases": ["the consortium"]},
        "acme": {"name": "Acme Corp", "type": "Organization", "aliases": []},
        "globex": {"name": "Globex Inc", "type": "Organization", "aliases": ["Globex"]},
        "capital": {"name": "Capital City", "type": "Place", "aliases": []},
    },
    "relations": [
        {"s": "jane", "p": "visited", "o": "springfield", "status": "gold",
         "evidence": "Mayor Jane Doe visited Springfield on Tuesday."},
        {"s": "consortium", "p": "includes", "o": "acme", "status": "gold"},
        {"s": "consortium", "p": "includes", "o": "globex", "status": "gold"},
        {"s": "consortium", "p": "locatedIn", "o": "shelbyville", "status": "gold"},
        {"s": "acme", "p": "signsAgreementWith", "o": "globex", "status": "gold"},
        {"s": "acme", "p": "locatedIn", "o": "shelbyville", "status": "optional"},
        {"s": "globex", "p": "locatedIn", "o": "shelbyville", "status": "optional"},
        # not in the article: always a miss, so --errors has something to show
        {"s": "jane", "p": "visited", "o": "capital", "status": "gold", "evidence": "(invented for the test)"},
    ],
}


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str | os.PathLike[str]):
        # wide enough that table cells (evidence sentences) are not wrapped
        result = runner.invoke(app, [os.fspath(a) for a in args], prog_name="kg", env={"COLUMNS": "250"})
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return run


@pytest.fixture
def mayor(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "mayor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return write_gold(tmp_path / "gold", MAYOR), article


def test_cli_evaluate_articles(cli, mayor, tmp_path: Path) -> None:
    gold, article = mayor
    report_file = tmp_path / "report.json"
    result = cli("evaluate", "--gold", gold, article, "--errors", "--per-doc", "--json", report_file)
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    assert SUMMARY.match(lines[-1]), lines[-1]
    for heading in ("relation", "visited", "signsAgreementWith", "micro", "Entity typing", "Documents", "Misses"):
        assert heading in result.stdout
    assert "(invented for the test)" in result.stdout  # a miss with its gold evidence
    data = json.loads(report_file.read_text(encoding="utf-8"))
    assert data["micro"]["gold"] == 6
    assert set(data["documents"]) == {"mayor"}
    micro = data["micro"]
    assert lines[-1] == f"F1={micro['f1']:.3f} P={micro['precision']:.3f} R={micro['recall']:.3f}"


def test_cli_evaluate_graph_file(cli, gold_dir: Path, graph_file: Path) -> None:
    result = cli("evaluate", "--gold", gold_dir, "--graph", graph_file, "--errors")
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip("\n").splitlines()[-1] == "F1=0.727 P=0.667 R=0.800"
    assert "The company is based in Hangzhou." in result.stdout  # a false positive with its sentence
    assert "Jane Doe visited Springfield." in result.stdout  # a miss with its gold evidence


def assert_one_line_error(result, *needles: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_cli_bad_gold_folder(cli, mayor, tmp_path: Path) -> None:
    _, article = mayor
    assert_one_line_error(cli("evaluate", "--gold", tmp_path / "nowhere", article), "nowhere", "no such folder")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "mayor.gold.json").write_text('{"doc": "mayor", "entities": {}, "relations": [', encoding="utf-8")
    assert_one_line_error(cli("evaluate", "--gold", bad, article), "mayor.gold.json", "invalid JSON")


def test_cli_needs_inputs_or_graph(cli, gold_dir: Path, graph_file: Path, mayor) -> None:
    _, article = mayor
    assert_one_line_error(cli("evaluate", "--gold", gold_dir), "--graph")
    assert_one_line_error(cli("evaluate", "--gold", gold_dir, "--graph", graph_file, article), "--graph")

"""The issue's acceptance checks, run as a user would: `kg build` on the Zhejiang page copy
(with its page debris), then SPARQL for each expected fact and its evidence sentence; and the
dev-set score of one `kg build` over all development articles."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from kg.query import run_query

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def zhejiang(tmp_path_factory) -> rdflib.Graph:
    source = DEV / "zhejiang_visit.html-as-text.txt"
    if not source.exists():
        pytest.skip("../shared/data/dev is not available")
    out = tmp_path_factory.mktemp("z") / "z.ttl"
    run = _kg("build", str(source), "-o", str(out), "--quiet")
    assert run.returncode == 0, run.stderr
    graph = rdflib.Graph()
    graph.parse(out)
    return graph


def _evidence(graph: rdflib.Graph, subject: str, relation: str, obj: str) -> list[str]:
    """Sentences supporting `subject relation object`, matching nodes by any of their names."""
    query = f"""
    SELECT DISTINCT ?sentence WHERE {{
      ?s kg:{relation} ?o .
      ?s rdfs:label|skos:altLabel ?sn . FILTER(LCASE(STR(?sn)) = LCASE("{subject}"))
      ?o rdfs:label|skos:altLabel ?on . FILTER(LCASE(STR(?on)) = LCASE("{obj}"))
      ?st rdf:subject ?s ; rdf:predicate kg:{relation} ; rdf:object ?o ; kg:evidence ?e .
      OPTIONAL {{ ?e kg:sentence ?direct }}
      OPTIONAL {{ ?e prov:wasDerivedFrom/kg:evidence/kg:sentence ?premise }}
      BIND(COALESCE(?direct, ?premise) AS ?sentence)
    }}"""
    return [row[0] for row in run_query(graph, query).rows if row[0]]


EXPECTED = [
    ("Lee", "visited", "Zhejiang", "four-day visit to Zhejiang"),
    ("Lee", "visited", "Hangzhou", "in Hangzhou"),
    ("Lee", "visited", "Ningbo", "visit Ningbo"),
    ("delegation", "includes", "Eric Chan", "Chief Secretary Eric Chan"),
    ("delegation", "includes", "Michael Wong", "Michael Wong"),
    ("six little dragons", "includes", "DeepSeek", "including DeepSeek"),
    ("six little dragons", "includes", "Unitree Robotics", "Unitree Robotics"),
    ("DeepSeek", "locatedIn", "Hangzhou", "Hangzhou’s “six little dragons”"),
    ("Unitree Robotics", "locatedIn", "Hangzhou", "Hangzhou’s “six little dragons”"),
    ("Zhejiang", "locatedIn", "China", "mainland China"),
    ("Hong Kong Chamber of Commerce", "locatedIn", "Zhejiang", "Chamber of Commerce in Zhejiang"),
    ("Hong Kong", "signsAgreementWith", "Zhejiang", "agreements"),
    ("Zhejiang", "signsAgreementWith", "Hong Kong", "agreements"),
]


@pytest.mark.parametrize("subject,relation,obj,phrase", EXPECTED, ids=[f"{s}-{r}-{o}" for s, r, o, _ in EXPECTED])
def test_zhejiang_fact_with_evidence(zhejiang, subject, relation, obj, phrase):
    sentences = _evidence(zhejiang, subject, relation, obj)
    assert sentences, f"no evidence for {subject} {relation} {obj}"
    assert any(phrase in s for s in sentences), sentences


def test_page_debris_is_not_an_entity(zhejiang):
    labels = {str(o).casefold() for o in zhejiang.objects(None, rdflib.RDFS.label)}
    for debris in ("return to site", "broken image", "web page counter"):
        assert not any(debris in label for label in labels)


def test_dev_set_score(tmp_path):
    if not (DEV.is_dir() and (SHARED / "eval" / "score.py").exists()):
        pytest.skip("../shared is not available")
    files = sorted(str(p) for p in DEV.glob("*.txt") if "html-as-text" not in p.name)
    out = tmp_path / "dev.ttl"
    run = _kg("build", *files, "-o", str(out), "--quiet")
    assert run.returncode == 0, run.stderr
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(DEV), "--pred", str(out)],
                           capture_output=True, text=True, check=True)
    f1 = float(re.search(r"^F1=([0-9.]+)", score.stdout.splitlines()[-1]).group(1))
    # the floor: the figure measured on the 45 development articles (0.774) minus a small margin;
    # it only ever goes up
    assert f1 >= 0.76, score.stdout


def test_test_split_score(tmp_path):
    """The held-out test split guards generalisation the way the dev floor guards the tuned set.
    Its texts and gold are never read while developing; only this score is."""
    test = SHARED / "data" / "test"
    if not (test.is_dir() and (SHARED / "eval" / "score.py").exists()):
        pytest.skip("../shared/data/test is not available")
    out = tmp_path / "test.ttl"
    run = _kg("build", *sorted(str(p) for p in test.glob("*.txt")), "-o", str(out), "--quiet")
    assert run.returncode == 0, run.stderr
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(test), "--pred", str(out)],
                           capture_output=True, text=True, check=True)
    f1 = float(re.search(r"^F1=([0-9.]+)", score.stdout.splitlines()[-1]).group(1))
    # measured 0.479; the floor only ever goes up
    assert f1 >= 0.46, score.stdout


@pytest.mark.parametrize("query", sorted((ROOT / "examples" / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_example_queries_answer_on_the_example_graph(query: Path, tmp_path_factory) -> None:
    graph_file = tmp_path_factory.getbasetemp() / "example.ttl"
    if not graph_file.exists():
        run = _kg("build", str(ROOT / "examples" / "zhejiang_visit.txt"), "-o", str(graph_file), "--quiet")
        assert run.returncode == 0, run.stderr
    run = _kg("query", str(graph_file), str(query), "--format", "csv")
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.strip().splitlines()) >= 2, f"{query.name} found nothing:\n{run.stdout}"

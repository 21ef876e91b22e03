"""SHACL validation: the example graph conforms; a mutated copy reports each break; the CLI."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal

import kg
from kg.graph.vocab import KG


@pytest.fixture(scope="module")
def example_graph(nlp, repo_root: Path) -> kg.KnowledgeGraph:
    return kg.build([repo_root / "examples" / "zhejiang_visit.txt"])


def _copy(graph: Graph) -> Graph:
    g = Graph()
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns)
    for t in graph:
        g.add(t)
    return g


@pytest.fixture(scope="module")
def broken(example_graph: kg.KnowledgeGraph) -> tuple[Graph, dict[str, object]]:
    """The example graph with four deliberate faults, and the nodes they were made on."""
    g = _copy(example_graph.graph)
    text_evidence = min(e for e in g.subjects(KG.sentence, None)
                        if (g.value(None, KG.evidence, e), RDF.type, KG.Statement) in g)
    g.remove((text_evidence, KG.sentence, None))
    stmt = min(g.subjects(RDF.type, KG.ExtractedStatement))
    g.set((stmt, KG.confidence, Literal(Decimal("1.7"))))
    place = min(g.subjects(RDF.type, KG.Place))
    g.set((place, RDFS.label, Literal("")))
    visit = min(g.subjects(RDF.type, KG.Visit))
    person = min(g.subjects(RDF.type, KG.Person))
    g.remove((visit, KG.destination, None))
    g.add((visit, KG.destination, person))
    return g, {"evidence": text_evidence, "statement": stmt, "place": place, "visit": visit}


def test_example_graph_conforms(example_graph: kg.KnowledgeGraph) -> None:
    report = example_graph.validate()
    assert report.conforms, report.lines()
    assert report.violations == [] and report.summary() == "conforms: 0 violations"


def test_each_fault_is_reported(broken) -> None:
    from kg.graph.validate import _short, validate

    g, nodes = broken
    report = validate(g)
    assert not report.conforms
    by_focus: dict[str, list[str]] = {}
    for v in report.violations:
        by_focus.setdefault(v.focus, []).append(f"{v.path} {v.message}")
    def messages(key: str) -> str:
        return " | ".join(by_focus.get(_short(g, nodes[key]), []))
    assert "kg:sentence" in messages("evidence")
    assert "kg:confidence" in messages("statement") and "[0, 1]" in messages("statement")
    assert "rdfs:label" in messages("place") and "non-empty" in messages("place")
    assert "kg:destination" in messages("visit") and "Place" in messages("visit")
    # the extracted statement that lost its only sentence is reported too
    assert any("extracted statement needs evidence" in v.message for v in report.violations)
    assert report.summary() == f"does not conform: {len(report.violations)} violation(s)"


def test_inferred_statements_need_rule_and_premises(example_graph: kg.KnowledgeGraph) -> None:
    from rdflib.namespace import PROV

    g = _copy(example_graph.graph)
    stmt = min(g.subjects(RDF.type, KG.InferredStatement))
    for ev in g.objects(stmt, KG.evidence):
        g.remove((ev, PROV.wasDerivedFrom, None))
    report = kg.KnowledgeGraph(g).validate()
    assert not report.conforms
    assert any("premises" in v.message or "kg:source" in v.message for v in report.violations)


def test_validate_cli(run_cli, broken, example_graph: kg.KnowledgeGraph, tmp_path: Path, repo_root: Path) -> None:
    good = example_graph.serialize(tmp_path / "good.ttl")
    result = run_cli("validate", good)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "conforms: 0 violations"

    bad = tmp_path / "bad.ttl"
    broken[0].serialize(bad, format="turtle")
    result = run_cli("validate", bad, "--shapes", repo_root / "ontologies" / "kg-shapes.ttl")
    assert result.exit_code == 3
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("does not conform: ") and len(lines) >= 5
    assert all(line.startswith("Violation: ") for line in lines[:-1])

    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle", encoding="utf-8")
    for args in (("validate", garbage), ("validate", tmp_path / "missing.ttl"), ("validate", good, "--shapes", garbage)):
        result = run_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("kg: error: ") and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_build_validate_reports(run_cli, article_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    result = run_cli("build", article_file, "-o", out, "--validate")
    assert result.exit_code == 0, result.output
    assert "kg: validate: conforms: 0 violations" in result.stderr
    assert out.exists()

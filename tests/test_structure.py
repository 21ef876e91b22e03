"""Communities and bridges in ``kg stats``, and ``kg path`` / ``KnowledgeGraph.path`` between two entities."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal

import kg
from kg.graph.vocab import KG, KGR

#: Jane Doe and Acme Corp meet in Springfield: a chain of two facts, one walked backwards.
LINKED = """Busy Week for the Mayor

Mayor Jane Doe visited Springfield on Tuesday.

Acme Corp is based in Springfield. The consortium includes Acme Corp and Globex Inc.
"""


@pytest.fixture(scope="module")
def graph_file(built_graph: kg.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_graph.serialize(tmp_path_factory.mktemp("structure") / "mayor.ttl")


@pytest.fixture(scope="module")
def linked_file(nlp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kg.build(texts=[LINKED]).serialize(tmp_path_factory.mktemp("linked") / "linked.ttl")


def test_stats_have_communities_and_bridges(built_graph: kg.KnowledgeGraph) -> None:
    stats = built_graph.stats()
    communities = stats["communities"]
    assert communities["groups"] == [["Acme Corp", "consortium", "Globex Inc.", "Shelbyville"], ["Jane Doe", "Springfield"]]
    assert communities["sizes"] == [4, 2] and 0 < communities["modularity"] < 1
    assert stats["bridges"] == {"count": 1, "edges": [{"source": "Jane Doe", "relations": ["visited"], "target": "Springfield"}]}
    assert built_graph.stats() == stats  # a fixed seed: the same partition every time
    assert json.loads(json.dumps(stats)) == stats


def test_kg_stats_prints_them(run_cli, graph_file: Path) -> None:
    result = run_cli("stats", graph_file)
    assert result.exit_code == 0
    assert "Communities (Louvain): 3" in result.stdout and "Bridges" in result.stdout
    assert json.loads(run_cli("stats", graph_file, "--json").stdout)["bridges"]["count"] == 1


def test_path_api_gives_direction_and_evidence(built_graph: kg.KnowledgeGraph) -> None:
    [chain] = built_graph.path("acme corp", "CONSORTIUM")
    [step] = chain
    assert (step.subject, step.relation, step.object, step.forward) == ("consortium", "includes", "Acme Corp", False)
    assert step.sentence == "The consortium includes Acme Corp and Globex Inc."
    assert step.document and step.document.startswith(str(KGR) + "doc/")
    [[inferred]] = built_graph.path("Globex Inc", "shelbyville")  # an alternative label matches too
    assert inferred.relation == "locatedIn" and inferred.rule == "group-member-location" and inferred.sentence is None


def test_kg_path_prints_the_chain(run_cli, linked_file: Path) -> None:
    result = run_cli("path", linked_file, "jane doe", "Acme Corp")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 shortest chain(s) of 2 fact(s) between 'jane doe' and 'Acme Corp'"
    assert lines[2].startswith("  1. Jane Doe -[visited]-> Springfield")
    assert lines[3] == '     evidence: "Mayor Jane Doe visited Springfield on Tuesday." [doc:' + lines[3].split("[doc:")[1]
    assert lines[4].startswith("  2. Springfield <-[locatedIn]- Acme Corp")
    assert "Acme Corp is based in Springfield." in lines[5]
    chains = json.loads(run_cli("path", linked_file, "jane doe", "Acme Corp", "--json").stdout)
    assert [[step["relation"] for step in chain] for chain in chains] == [["visited", "locatedIn"]]


def test_kg_path_errors_are_one_line(run_cli, built_graph: kg.KnowledgeGraph, graph_file: Path, tmp_path: Path) -> None:
    unknown = run_cli("path", graph_file, "Jane Doe", "Nobody")
    assert unknown.exit_code == 2 and unknown.stderr == "kg: error: Nobody: no entity has this name (label or alternative label)\n"
    apart = run_cli("path", graph_file, "Jane Doe", "Acme Corp")
    assert apart.exit_code == 2 and apart.stderr == "kg: error: no chain of facts links 'Jane Doe' and 'Acme Corp'\n"

    graph = kg.KnowledgeGraph(graph=built_graph.graph + Graph())
    for node, kind in ((KGR["person/lee"], KG.Person), (KGR["place/lee"], KG.Place)):
        graph.graph.add((node, RDF.type, kind))
        graph.graph.add((node, RDFS.label, Literal("Lee")))
    ambiguous_file = graph.serialize(tmp_path / "ambiguous.ttl")
    ambiguous = run_cli("path", ambiguous_file, "lee", "Jane Doe")
    assert ambiguous.exit_code == 2 and ambiguous.stderr.count("\n") == 1
    assert ambiguous.stderr.startswith("kg: error: lee: ambiguous: 2 entities have this name: Lee (Person")

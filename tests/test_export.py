"""``kg export``: each format is read back with its own reader and checked against the graph."""
from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.compare import isomorphic

import kg
from kg.graph.vocab import KG, KGR

EVIL = "O'Brien \\ \"the\"\nsecond line"


@pytest.fixture(scope="module")
def graph(built_graph: kg.KnowledgeGraph) -> kg.KnowledgeGraph:
    """The mayor graph plus one entity whose name needs escaping, visiting Springfield."""
    copy = kg.KnowledgeGraph(graph=built_graph.graph + Graph())
    evil = KGR["person/evil"]
    copy.graph.add((evil, RDF.type, KG.Person))
    copy.graph.add((evil, RDFS.label, Literal(EVIL)))
    copy.graph.add((evil, KG.visited, KGR["place/springfield"]))
    return copy


@pytest.fixture(scope="module")
def graph_file(graph: kg.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return graph.serialize(tmp_path_factory.mktemp("export") / "mayor.ttl")


@pytest.fixture(scope="module")
def network(graph: kg.KnowledgeGraph) -> nx.MultiDiGraph:
    return graph.to_networkx()


def run_export(run_cli, graph_file: Path, to: str, out: Path) -> Path:
    result = run_cli("export", graph_file, "--to", to, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"kg: wrote {out}\n"
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary files left
    return out


def labels(network: nx.MultiDiGraph) -> set[str]:
    return {data["label"] for _, data in network.nodes(data=True)}


@pytest.mark.parametrize("to", ["graphml", "gexf"])
def test_graphml_and_gexf(run_cli, graph_file: Path, network: nx.MultiDiGraph, tmp_path: Path, to: str) -> None:
    path = run_export(run_cli, graph_file, to, tmp_path / f"graph.{to}")
    back = nx.read_graphml(path) if to == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    assert labels(back) == labels(network) and EVIL in labels(back)
    types = {data["type"] for _, data in back.nodes(data=True)}
    assert types == {data["type"] for _, data in network.nodes(data=True)}
    visit = [d for s, o, d in back.edges(data=True)
             if back.nodes[s]["label"] == "Jane Doe" and back.nodes[o]["label"] == "Springfield"]
    assert visit[0]["relation"] == "visited" and visit[0]["evidence_count"] == 1
    assert visit[0]["confidence"] == pytest.approx(network.edges[str(KGR["person/jane_doe"]), str(KGR["place/springfield"]), "visited"]["confidence"])
    assert sum(1 for *_, d in back.edges(data=True) if d["inferred"]) == sum(1 for *_, d in network.edges(data=True) if d["inferred"])


def test_neo4j_csv(run_cli, graph_file: Path, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    folder = run_export(run_cli, graph_file, "csv", tmp_path / "neo4j")
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.reader(handle))
    with open(folder / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.reader(handle))
    assert nodes[0] == ["id:ID", "label", ":LABEL"] and edges[0] == [":START_ID", ":END_ID", ":TYPE", "confidence:float"]
    assert {row[0] for row in nodes[1:]} == set(network) and {row[1] for row in nodes[1:]} == labels(network)
    assert len(edges) - 1 == network.number_of_edges()
    assert {row[2] for row in edges[1:]} == {key for *_, key in network.edges(keys=True)}
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids for row in edges[1:])
    assert all(row[3] == "" or 0 < float(row[3]) <= 1 for row in edges[1:])
    run_export(run_cli, graph_file, "csv", folder)  # an earlier export is replaced


def test_cypher_script(run_cli, graph_file: Path, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    script = run_export(run_cli, graph_file, "cypher", tmp_path / "graph.cypher").read_text(encoding="utf-8")
    statements = script.splitlines()
    merges = [s for s in statements if s.startswith("MERGE (n:Entity")]
    relationships = [s for s in statements if s.startswith("MATCH ")]
    assert len(merges) == network.number_of_nodes() and len(relationships) == network.number_of_edges()
    assert all(s.endswith(";") for s in statements[1:])
    # string literals are Cypher's single-quoted, backslash-escaped form, which Python reads the same way
    literal = r"'(?:[^'\\]|\\.)*'"
    names = {ast.literal_eval(m) for s in merges for m in re.findall(rf"n\.label = ({literal})", s)}
    assert names == labels(network) and EVIL in names
    assert any(re.search(r"MERGE \(a\)-\[r:visited\]->\(b\) SET r\.confidence = 0\.\d+;$", s) for s in relationships)


def test_jsonld_with_context(run_cli, graph_file: Path, graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    path = run_export(run_cli, graph_file, "jsonld", tmp_path / "graph.jsonld")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["kg"] == "https://w3id.org/newskg/ontology#"
    assert "kg:visited" in path.read_text(encoding="utf-8")
    back = Graph().parse(path, format="json-ld")
    assert len(back) == len(graph.graph) and isomorphic(back, graph.graph)


def test_export_errors_are_one_line(run_cli, graph_file: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = run_cli("export", graph_file, "--to", "csv", "-o", tmp_path / "mine")
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert "holds other files (notes.txt)" in refused.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
    missing = run_cli("export", graph_file, "--to", "graphml", "-o", tmp_path / "no" / "g.graphml")
    assert missing.exit_code == 2 and missing.stderr.startswith("kg: error: ") and "does not exist" in missing.stderr
    bad = run_cli("export", tmp_path / "none.ttl", "--to", "gexf", "-o", tmp_path / "g.gexf")
    assert bad.exit_code == 2 and bad.stderr == f"kg: error: {tmp_path / 'none.ttl'}: no such file\n"
    assert not (tmp_path / "g.gexf").exists()

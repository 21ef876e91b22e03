"""The entity network of the mini fixture: networkx conversion, statistics and their tables."""
from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rich.console import Console

from kg.analysis import format_stats, graph_stats, pagerank, to_networkx
from kg.graph.vocab import ENTITY_TYPES, KGR_NS, RELATIONS

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
JANE = KGR_NS + "person/jane_doe"
JOHN = KGR_NS + "person/john_roe"
SCRIPT = KGR_NS + "person/_script_alert_1___script_"
SPRINGFIELD = KGR_NS + "place/springfield"
OHIO = KGR_NS + "place/ohio"
ACME = KGR_NS + "organization/acme_corp"
DELEGATION = KGR_NS + "group/visit-1a2b3c4d/delegation"

# Added to the fixture for the tests that need more than one component and a reified
# agreement: an entity pair apart from the rest, an isolated event, and a statement for one
# direction of the Springfield/Acme agreement.
EXTRA = """
@prefix kg:   <https://w3id.org/newskg/ontology#> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id:   <https://w3id.org/newskg/id/> .

id:person\\/ann_lee a kg:Person ; rdfs:label "Ann Lee" .
id:place\\/oslo a kg:Place ; rdfs:label "Oslo" .
id:event\\/summit a kg:Event ; rdfs:label "Summit" .
id:person\\/ann_lee kg:visited id:place\\/oslo .

id:statement\\/agree a kg:Statement , kg:ExtractedStatement ;
    rdf:subject id:organization\\/acme_corp ; rdf:predicate kg:signsAgreementWith ;
    rdf:object id:place\\/springfield ; kg:confidence 0.75 ; kg:evidence id:evidence\\/agree-1 .
id:evidence\\/agree-1 a kg:Evidence ; kg:sentence "Acme Corp signed a deal with Springfield." .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def extended() -> Graph:
    g = Graph().parse(FIXTURE, format="turtle")
    g.parse(data=EXTRA, format="turtle")
    return g


@pytest.fixture(scope="module")
def network(graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(graph)


# --- to_networkx ------------------------------------------------------------------------------


def test_nodes_are_the_typed_entities(network: nx.MultiDiGraph) -> None:
    assert set(network) == {JANE, JOHN, SCRIPT, SPRINGFIELD, OHIO, ACME, DELEGATION}
    types = [data["type"] for _, data in network.nodes(data=True)]
    assert {name: types.count(name) for name in ENTITY_TYPES} == {
        "Person": 3, "Organization": 1, "Place": 2, "Group": 1, "Event": 0,
    }


def test_node_attributes(network: nx.MultiDiGraph) -> None:
    assert network.nodes[JANE] == {"label": "Jane Doe", "type": "Person", "aliases": ["Doe", "Mayor Jane Doe"]}
    assert network.nodes[DELEGATION]["type"] == "Group"
    assert network.nodes[SCRIPT]["label"] == "<script>alert(1)</script>"


def test_edges_by_relation_keep_both_agreement_directions(network: nx.MultiDiGraph) -> None:
    relations = [relation for _, _, relation in network.edges(data="relation")]
    assert {name: relations.count(name) for name in RELATIONS} == {
        "visited": 2, "includes": 2, "locatedIn": 2, "signsAgreementWith": 2,
    }
    assert network.has_edge(SPRINGFIELD, ACME, key="signsAgreementWith")
    assert network.has_edge(ACME, SPRINGFIELD, key="signsAgreementWith")
    # Acme is both located in and in agreement with Springfield: two parallel edges
    assert network.number_of_edges(ACME, SPRINGFIELD) == 2


def test_edge_carries_statement_confidence_and_evidence(network: nx.MultiDiGraph) -> None:
    edge = network.edges[JANE, SPRINGFIELD, "visited"]
    assert edge == {
        "relation": "visited",
        "confidence": pytest.approx(0.9),
        "inferred": False,
        "evidence": ["Mayor Jane Doe visited Springfield on Tuesday."],
    }


def test_inferred_statement_is_flagged(network: nx.MultiDiGraph) -> None:
    edge = network.edges[ACME, SPRINGFIELD, "locatedIn"]
    assert edge["inferred"] is True
    assert edge["confidence"] == pytest.approx(0.6)
    assert edge["evidence"] == []  # rule evidence has no sentence


def test_unreified_relation_has_no_confidence(network: nx.MultiDiGraph) -> None:
    edge = network.edges[DELEGATION, JANE, "includes"]
    assert edge["confidence"] is None and edge["inferred"] is False and edge["evidence"] == []


def test_agreement_statement_applies_to_both_directions(extended: Graph) -> None:
    net = to_networkx(extended)
    for source, target in ((ACME, SPRINGFIELD), (SPRINGFIELD, ACME)):
        edge = net.edges[source, target, "signsAgreementWith"]
        assert edge["confidence"] == pytest.approx(0.75)
        assert edge["evidence"] == ["Acme Corp signed a deal with Springfield."]


def test_relations_to_untyped_resources_are_left_out() -> None:
    g = Graph().parse(FIXTURE, format="turtle")
    g.parse(data=f"<{JANE}> <https://w3id.org/newskg/ontology#visited> <https://example.org/nowhere> .", format="turtle")
    net = to_networkx(g)
    assert "https://example.org/nowhere" not in net
    assert net.number_of_edges() == 8


# --- graph_stats ------------------------------------------------------------------------------


def test_counts(graph: Graph) -> None:
    stats = graph_stats(graph)
    assert stats["nodes"] == 7
    assert stats["nodes_by_type"] == {"Person": 3, "Organization": 1, "Place": 2, "Group": 1, "Event": 0}
    # the agreement is stored both ways but is one pair
    assert stats["edges_by_relation"] == {"visited": 2, "includes": 2, "locatedIn": 2, "signsAgreementWith": 1}
    assert stats["edges"] == 7
    assert stats["documents"] == 1
    assert stats["statements"] == {"extracted": 3, "inferred": 1, "total": 4}


def test_stats_are_json_serialisable(graph: Graph) -> None:
    stats = graph_stats(graph)
    assert json.loads(json.dumps(stats)) == stats


def test_top_by_degree_breaks_ties_by_label(graph: Graph) -> None:
    top = graph_stats(graph, top=4)["top_degree"]
    # Springfield: Jane, Ohio, Acme (the agreement and the location share one neighbour)
    assert [(entry["label"], entry["degree"]) for entry in top] == [
        ("Springfield", 3), ("delegation", 2), ("Jane Doe", 2), ("Ohio", 2),
    ]
    assert top[0] == {"id": SPRINGFIELD, "label": "Springfield", "type": "Place", "degree": 3}


def test_pagerank_order_is_deterministic(graph: Graph) -> None:
    top = graph_stats(graph)["top_pagerank"]
    labels = [entry["label"] for entry in top]
    assert labels == [
        "Springfield", "Ohio", "Acme Corp", "Jane Doe", "John Roe", "<script>alert(1)</script>", "delegation",
    ]
    assert sum(entry["pagerank"] for entry in top) == pytest.approx(1.0)
    # Jane and John have the same rank (each only reached from the delegation): label decides
    assert top[3]["pagerank"] == pytest.approx(top[4]["pagerank"])
    again = graph_stats(Graph().parse(FIXTURE, format="turtle"))["top_pagerank"]
    assert [entry["id"] for entry in again] == [entry["id"] for entry in top]


def test_top_limits_the_lists(graph: Graph) -> None:
    stats = graph_stats(graph, top=2)
    assert len(stats["top_degree"]) == 2 and len(stats["top_pagerank"]) == 2


def test_pagerank_solves_the_pagerank_equation(network: nx.MultiDiGraph) -> None:
    # x[v] = (1 - a)/N + a * (sum over u->v of x[u]/outdeg(u) + sum over dangling d of x[d]/N)
    simple = nx.DiGraph(network)
    ranks = pagerank(simple)
    alpha, n = 0.85, simple.number_of_nodes()
    dangling = sum(ranks[node] for node in simple if simple.out_degree(node) == 0)
    for node in simple:
        incoming = sum(ranks[u] / simple.out_degree(u) for u in simple.predecessors(node))
        assert ranks[node] == pytest.approx((1 - alpha) / n + alpha * (incoming + dangling / n), abs=1e-9)


def test_pagerank_of_empty_and_single_node_graphs() -> None:
    assert pagerank(nx.DiGraph()) == {}
    single = nx.DiGraph()
    single.add_node("a")
    assert pagerank(single) == {"a": pytest.approx(1.0)}


def test_components_of_the_fixture(graph: Graph) -> None:
    components = graph_stats(graph)["components"]
    assert components["count"] == 1
    assert components["sizes"] == [7]
    assert components["largest"] == [
        "<script>alert(1)</script>", "Acme Corp", "delegation", "Jane Doe", "John Roe", "Ohio", "Springfield",
    ]


def test_components_with_separate_parts(extended: Graph) -> None:
    stats = graph_stats(extended)
    assert stats["components"]["count"] == 3
    assert stats["components"]["sizes"] == [7, 2, 1]
    assert "Ann Lee" not in stats["components"]["largest"]
    assert stats["nodes_by_type"]["Event"] == 1
    assert stats["statements"] == {"extracted": 4, "inferred": 1, "total": 5}


def test_empty_graph() -> None:
    stats = graph_stats(Graph())
    assert stats["nodes"] == 0 and stats["edges"] == 0
    assert stats["top_degree"] == [] and stats["top_pagerank"] == []
    assert stats["components"] == {"count": 0, "sizes": [], "largest": []}


# --- format_stats -----------------------------------------------------------------------------


def test_format_stats_renders_every_table(graph: Graph) -> None:
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(format_stats(graph_stats(graph)))
    text = console.export_text()
    for title in ("Entities by type", "Relations by kind", "Top entities by degree", "Top entities by PageRank", "Weakly connected components"):
        assert title in text
    assert "signsAgreementWith │     1" in text
    assert "<script>alert(1)</script>" in text  # shown as text, not swallowed as markup


def test_format_stats_does_not_read_labels_as_markup() -> None:
    g = Graph().parse(data="""
        @prefix kg: <https://w3id.org/newskg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/newskg/id/person/x> a kg:Person ; rdfs:label "[bold]X[/bold]" .
    """, format="turtle")
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(format_stats(graph_stats(g)))
    assert "[bold]X[/bold]" in console.export_text()

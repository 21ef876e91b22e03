"""The kg graph as a networkx graph, and the statistics ``kg stats`` prints.

:func:`to_networkx` turns the RDF graph into a :class:`networkx.MultiDiGraph` of entities and
relation edges (two SPARQL SELECTs in all, whatever the graph's size); :func:`graph_stats`
summarises it (counts, centrality, components) as a JSON-friendly dict, and
:func:`format_stats` lays that dict out as rich tables.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Literal, Node
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..graph.vocab import ENTITY_TYPES, FACT_EVENT_TYPES, KG, KG_NS, PREFIXES, RELATIONS, SYMMETRIC_RELATIONS

_ENTITY_QUERY = f"""
SELECT ?entity ?type ?label ?alias WHERE {{
  VALUES ?type {{ {" ".join(f"kg:{name}" for name in ENTITY_TYPES)} }}
  ?entity a ?type .
  FILTER NOT EXISTS {{ VALUES ?event {{ {" ".join(f"kg:{name}" for name in FACT_EVENT_TYPES)} }} ?entity a ?event }}
  OPTIONAL {{ ?entity rdfs:label ?label }}
  OPTIONAL {{ ?entity skos:altLabel ?alias }}
}}"""

# Every stored relation triple, with its reified kg:Statement when there is one. The statement
# is matched on the exact direction; the reverse direction of a symmetric relation is looked
# up in Python afterwards (an OPTIONAL with an "either direction" FILTER would scan all
# statements once per edge in rdflib).
_EDGE_QUERY = f"""
SELECT ?s ?p ?o ?statement ?confidence ?inferred ?sentence WHERE {{
  VALUES ?p {{ {" ".join(f"kg:{name}" for name in RELATIONS)} }}
  ?s ?p ?o .
  OPTIONAL {{
    ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL {{ ?statement kg:confidence ?confidence }}
    OPTIONAL {{ ?statement a ?inferred . FILTER(?inferred = kg:InferredStatement) }}
    OPTIONAL {{ ?statement kg:evidence ?evidence . ?evidence kg:sentence ?sentence }}
  }}
}}"""

PAGERANK_ALPHA = 0.85
_TOP_COMPONENTS = 5  # sizes listed for the largest few weakly connected components


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _as_float(term: Node | None) -> float | None:
    if isinstance(term, Literal):
        try:
            return float(term)
        except (TypeError, ValueError):
            return None
    return None


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes (IRI ids) and relation triples between entities as edges.

    Node attributes: ``label``, ``type`` (one of ``ENTITY_TYPES``), ``aliases`` (sorted list).
    Edge attributes: ``relation`` (local name, also the edge key), ``confidence`` (the
    statement's, or None), ``inferred`` (bool) and ``evidence`` (sorted supporting sentences).
    Symmetric relations keep both stored directions. Nodes and edges are added in sorted
    order so that everything computed from the graph is reproducible.
    """
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    for entity, type_, label, alias in graph.query(_ENTITY_QUERY, initNs=PREFIXES):
        node = str(entity)
        types[node].add(str(type_)[len(KG_NS):])
        if label is not None:
            labels[node].add(str(label))
        if alias is not None:
            aliases[node].add(str(alias))

    network = nx.MultiDiGraph()
    for node in sorted(types):
        # an entity typed twice keeps the first type in legend order; several labels: the smallest
        type_ = next(name for name in ENTITY_TYPES if name in types[node])
        label = min(labels[node]) if labels[node] else _local_name(node)
        network.add_node(node, label=label, type=type_, aliases=sorted(aliases[node] - {label}))

    statements: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s, p, o, statement, confidence, inferred, sentence in graph.query(_EDGE_QUERY, initNs=PREFIXES):
        key = (str(s), str(p)[len(KG_NS):], str(o))
        info = statements.setdefault(key, {"ids": set(), "inferred_ids": set(), "confidence": None, "evidence": set()})
        if statement is None:
            continue
        info["ids"].add(statement)
        if inferred is not None:
            info["inferred_ids"].add(statement)
        value = _as_float(confidence)
        if value is not None and (info["confidence"] is None or value > info["confidence"]):
            info["confidence"] = value
        if sentence is not None:
            info["evidence"].add(str(sentence))

    for (s, relation, o), info in sorted(statements.items()):
        if s not in network or o not in network:
            continue  # only relations between typed entities
        if not info["ids"] and relation in SYMMETRIC_RELATIONS:
            info = statements.get((o, relation, s), info)  # the builder may reify one direction only
        network.add_edge(
            s,
            o,
            key=relation,
            relation=relation,
            confidence=info["confidence"],
            # inferred only when every statement for the triple is: one sentence makes it extracted
            inferred=bool(info["ids"]) and info["ids"] == info["inferred_ids"],
            evidence=sorted(info["evidence"]),
        )
    return network


def pagerank(network: nx.DiGraph, alpha: float = PAGERANK_ALPHA, tol: float = 1e-12, max_iter: int = 1000) -> dict[str, float]:
    """PageRank by power iteration, with networkx's semantics (uniform teleport, dangling mass spread uniformly).

    ``nx.pagerank`` in networkx 3 always uses its SciPy implementation, and SciPy is not a
    dependency of kg; this pure-Python version is fast enough for news graphs (thousands of
    nodes) and gives the same numbers with or without SciPy installed.
    """
    nodes = list(network)
    n = len(nodes)
    if n == 0:
        return {}
    out_degree = {node: network.out_degree(node) for node in nodes}
    dangling = [node for node in nodes if out_degree[node] == 0]
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        previous = rank
        base = (1.0 - alpha) / n + alpha * sum(previous[node] for node in dangling) / n
        rank = dict.fromkeys(nodes, base)
        for node in nodes:
            if out_degree[node]:
                share = alpha * previous[node] / out_degree[node]
                for successor in network.successors(node):
                    rank[successor] += share
        if sum(abs(rank[node] - previous[node]) for node in nodes) < n * tol:
            break
    return rank


def _entity(network: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    data = network.nodes[node]
    return {"id": node, "label": data["label"], "type": data["type"]}


def _ranked(network: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[str]:
    # Rounded so that float noise cannot split a true tie; ties go by label, then IRI.
    return sorted(scores, key=lambda node: (-round(scores[node], 10), network.nodes[node]["label"].casefold(), node))[:top]


def graph_stats(graph: Graph, top: int = 10) -> dict[str, Any]:
    """Counts, centrality and connectivity of the graph's entity network, as a JSON-friendly dict.

    Keys: ``nodes``, ``edges`` (symmetric pairs once), ``nodes_by_type``, ``edges_by_relation``,
    ``documents``, ``statements`` ({extracted, inferred, total}), ``top_degree`` and
    ``top_pagerank`` (lists of {id, label, type, degree|pagerank}), ``components``
    ({count, sizes, largest}: weakly connected, largest first, with the largest one's labels).
    ``communities`` ({count, modularity, sizes, groups}: Louvain with a fixed seed) and
    ``bridges`` ({count, edges}: links whose removal splits a component).
    Degree counts distinct neighbours in the undirected simple projection; PageRank runs on
    the directed simple projection.
    """
    from .structure import bridges, communities

    network = to_networkx(graph)

    nodes_by_type = Counter(data["type"] for _, data in network.nodes(data=True))
    edges_by_relation: Counter[str] = Counter()
    for s, o, relation in network.edges(keys=True):
        # a symmetric relation is stored both ways: count the direction with the smaller IRI
        # first, plus the other one only when its mirror is missing
        if relation in SYMMETRIC_RELATIONS and s > o and network.has_edge(o, s, key=relation):
            continue
        edges_by_relation[relation] += 1

    undirected = nx.Graph(network)
    degree = {node: undirected.degree(node) for node in undirected}
    ranks = pagerank(nx.DiGraph(network))

    components = sorted(
        (sorted((network.nodes[node]["label"] for node in part), key=str.casefold) for part in nx.weakly_connected_components(network)),
        key=lambda labels: (-len(labels), [label.casefold() for label in labels]),
    )

    statement_ids = set(graph.subjects(RDF.type, KG.Statement))
    extracted = set(graph.subjects(RDF.type, KG.ExtractedStatement))
    inferred = set(graph.subjects(RDF.type, KG.InferredStatement))
    return {
        "nodes": network.number_of_nodes(),
        "edges": sum(edges_by_relation.values()),
        "nodes_by_type": {name: nodes_by_type.get(name, 0) for name in ENTITY_TYPES},
        "edges_by_relation": {name: edges_by_relation.get(name, 0) for name in RELATIONS},
        "documents": len(set(graph.subjects(RDF.type, KG.Document))),
        "statements": {
            "extracted": len(extracted),
            "inferred": len(inferred - extracted),
            "total": len(statement_ids | extracted | inferred),
        },
        "top_degree": [{**_entity(network, node), "degree": degree[node]} for node in _ranked(network, degree, top)],
        "top_pagerank": [{**_entity(network, node), "pagerank": ranks[node]} for node in _ranked(network, ranks, top)],
        "components": {
            "count": len(components),
            "sizes": [len(labels) for labels in components[:_TOP_COMPONENTS]],
            "largest": components[0] if components else [],
        },
        "communities": communities(network, top=top),
        "bridges": bridges(network, top=top),
    }


def _counts_table(title: str, heading: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column(heading)
    table.add_column("count", justify="right")
    for name, count in counts.items():
        table.add_row(Text(name), str(count))
    table.add_row(Text("total", style="bold"), Text(str(sum(counts.values())), style="bold"))
    return table


def _top_table(title: str, entries: list[dict[str, Any]], score: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("entity")  # labels come from articles: Text() keeps "[...]" from being read as markup
    table.add_column("type")
    table.add_column(score, justify="right")
    for rank, entry in enumerate(entries, 1):
        value = entry[score]
        table.add_row(str(rank), Text(entry["label"]), entry["type"], f"{value:.4f}" if isinstance(value, float) else str(value))
    return table


def format_stats(stats: dict[str, Any]) -> Group:
    """The dict from :func:`graph_stats` as rich tables, for ``kg stats``."""
    summary = Table(title="Graph", title_justify="left", show_header=False)
    summary.add_column()
    summary.add_column(justify="right")
    statements = stats["statements"]
    for name, value in (
        ("entities", stats["nodes"]),
        ("relations (symmetric pairs once)", stats["edges"]),
        ("documents", stats["documents"]),
        ("statements extracted", statements["extracted"]),
        ("statements inferred", statements["inferred"]),
    ):
        summary.add_row(name, str(value))

    components = stats["components"]
    connectivity = Table(title="Weakly connected components", title_justify="left", show_header=False)
    connectivity.add_column()
    connectivity.add_column()
    connectivity.add_row("count", str(components["count"]))
    connectivity.add_row("largest sizes", ", ".join(map(str, components["sizes"])) or "-")
    connectivity.add_row("largest", Text(", ".join(components["largest"]) or "-"))

    return Group(
        summary,
        _counts_table("Entities by type", "type", stats["nodes_by_type"]),
        _counts_table("Relations by kind", "relation", stats["edges_by_relation"]),
        _top_table("Top entities by degree", stats["top_degree"], "degree"),
        _top_table("Top entities by PageRank", stats["top_pagerank"], "pagerank"),
        connectivity,
        *_structure_tables(stats),
    )


def _structure_tables(stats: dict[str, Any]) -> list[Table]:
    tables = []
    if "communities" in stats:
        found = stats["communities"]
        table = Table(title=f"Communities (Louvain): {found['count']}, modularity {found['modularity']:.3f}",
                      title_justify="left", header_style="bold")
        table.add_column("#", justify="right")
        table.add_column("size", justify="right")
        table.add_column("members")
        for rank, labels in enumerate(found["groups"], 1):
            table.add_row(str(rank), str(len(labels)), Text(", ".join(labels)))
        tables.append(table)
    if "bridges" in stats:
        found = stats["bridges"]
        table = Table(title=f"Bridges (links that alone join two parts): {found['count']}", title_justify="left",
                      header_style="bold")
        table.add_column("from")
        table.add_column("relation")
        table.add_column("to")
        for bridge in found["edges"]:
            table.add_row(Text(bridge["source"]), ", ".join(bridge["relations"]), Text(bridge["target"]))
        tables.append(table)
    return tables

"""Communities and bridges of the entity network, for ``kg stats``.

Both work on the undirected simple projection (one edge per linked pair, no self-loops):
communities are networkx's Louvain partition with a fixed seed, so the same graph always gives
the same groups; bridges are the links whose removal would split a component, i.e. the single
facts that hold two parts of the graph together.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

#: Seed of the Louvain method: its node order is random, the partition must not be.
LOUVAIN_SEED = 42


def simple_undirected(network: nx.MultiDiGraph) -> nx.Graph:
    """One edge per linked pair of entities, without self-loops (node attributes kept)."""
    simple = nx.Graph(network)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    return simple


def _labels(network: nx.Graph, nodes: Any) -> list[str]:
    return sorted((network.nodes[node]["label"] for node in nodes), key=lambda label: (label.casefold(), label))


def communities(network: nx.MultiDiGraph, top: int = 10, seed: int = LOUVAIN_SEED) -> dict[str, Any]:
    """``count`` (all communities, singletons too), ``modularity``, ``sizes`` and ``groups`` (the
    labels of the *top* largest communities with at least two members)."""
    simple = simple_undirected(network)
    if simple.number_of_nodes() == 0:
        return {"count": 0, "modularity": 0.0, "sizes": [], "groups": []}
    parts = nx.community.louvain_communities(simple, seed=seed)
    groups = sorted((_labels(simple, part) for part in parts), key=lambda labels: (-len(labels), [x.casefold() for x in labels]))
    modularity = nx.community.modularity(simple, parts) if simple.number_of_edges() else 0.0
    shared = [labels for labels in groups if len(labels) > 1]
    return {"count": len(groups), "modularity": round(modularity, 4), "sizes": [len(g) for g in shared[:top]],
            "groups": shared[:top]}


def bridges(network: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """``count`` and the first *top* bridges as ``{"source", "relations", "target"}`` (labels, in
    the direction of the facts; both directions' relations when facts go both ways)."""
    simple = simple_undirected(network)
    found = []
    for u, v in nx.bridges(simple):
        forward, backward = network.get_edge_data(u, v, default={}), network.get_edge_data(v, u, default={})
        if not forward or (backward and min(backward) < min(forward)):
            u, v = v, u
        relations = sorted(set(forward) | set(backward))
        found.append({"source": simple.nodes[u]["label"], "relations": relations, "target": simple.nodes[v]["label"]})
    found.sort(key=lambda bridge: (bridge["source"].casefold(), bridge["target"].casefold(), bridge["relations"]))
    return {"count": len(found), "edges": found[:top]}

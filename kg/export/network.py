"""GraphML and GEXF through networkx: the entity network with scalar attributes only.

networkx writes only scalar attributes to these formats, so lists become counts or joined text:
nodes carry ``label``, ``type`` and ``aliases`` ("; "-joined); edges carry ``relation``,
``confidence`` (when the fact is reified), ``evidence_count`` (its kg:Evidence nodes) and
``inferred``.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
from rdflib import RDF, Graph

from ..analysis import to_networkx
from ..fileio import atomic_write
from ..graph.vocab import KG, KG_NS


def evidence_counts(graph: Graph) -> Counter[tuple[str, str, str]]:
    """(subject, relation local name, object) → number of kg:Evidence of its statements."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for statement in graph.subjects(RDF.type, KG.Statement):
        s, p, o = (graph.value(statement, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None or not str(p).startswith(KG_NS):
            continue
        counts[(str(s), str(p)[len(KG_NS):], str(o))] += len(set(graph.objects(statement, KG.evidence)))
    return counts


def export_network(graph: Graph) -> nx.MultiDiGraph:
    """:func:`kg.analysis.to_networkx` with every attribute a scalar."""
    network = to_networkx(graph)
    counts = evidence_counts(graph)
    out = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        out.add_node(node, label=data["label"], type=data["type"], aliases="; ".join(data["aliases"]))
    for s, o, key, data in network.edges(keys=True, data=True):
        count = counts.get((s, key, o)) or counts.get((o, key, s), 0)  # symmetric facts may be reified once
        attrs = {"relation": key, "evidence_count": count, "inferred": bool(data["inferred"])}
        if data["confidence"] is not None:
            attrs["confidence"] = float(data["confidence"])
        out.add_edge(s, o, key=key, **attrs)
    return out


def write_graphml(graph: Graph, path: Path) -> Path:
    network = export_network(graph)
    with atomic_write(path, "wb", encoding=None) as handle:
        nx.write_graphml(network, handle, encoding="utf-8")
    return path


def write_gexf(graph: Graph, path: Path) -> Path:
    network = export_network(graph)
    with atomic_write(path, "wb", encoding=None) as handle:
        nx.write_gexf(network, handle, encoding="utf-8")
    return path

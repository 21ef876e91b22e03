"""Exports of a kg graph for other tools: GraphML and GEXF (Gephi, Cytoscape, yEd), node and edge
CSVs for ``neo4j-admin database import``, a Cypher script, and JSON-LD with a prefix context.

Every export is written atomically: a temporary file (or folder) beside the target, then a rename.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from .jsonld import write_jsonld
from .neo4j import write_csv, write_cypher
from .network import export_network, write_gexf, write_graphml

Writer = Callable[[Graph, Path], Path]

#: ``--to`` name → writer.
EXPORTERS: dict[str, Writer] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
    "cypher": write_cypher,
    "jsonld": write_jsonld,
}


def export(graph: Graph, to: str, path: str | os.PathLike[str]) -> Path:
    """Write *graph* in the format *to* (a key of :data:`EXPORTERS`) to *path*; returns the path."""
    return EXPORTERS[to](graph, Path(path))


__all__ = ["EXPORTERS", "export", "export_network", "write_csv", "write_cypher", "write_gexf", "write_graphml", "write_jsonld"]

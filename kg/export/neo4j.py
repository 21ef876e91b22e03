"""Neo4j: node and edge CSVs in the ``neo4j-admin database import`` layout, and a Cypher script.

``nodes.csv`` has ``id:ID,label,:LABEL`` (the IRI, the name, the kg type as the Neo4j label);
``edges.csv`` has ``:START_ID,:END_ID,:TYPE,confidence:float`` (the relation as the type).
Import with ``neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv``.
The Cypher script MERGEs the same nodes and relationships, so it can be run again safely.
"""
from __future__ import annotations

import csv
from pathlib import Path

from rdflib import Graph

from ..fileio import atomic_write
from .files import atomic_folder
from .network import export_network

NODES, EDGES = "nodes.csv", "edges.csv"


def write_csv(graph: Graph, folder: Path) -> Path:
    """``nodes.csv`` and ``edges.csv`` in *folder* (created, or replacing an earlier export)."""
    network = export_network(graph)
    with atomic_folder(folder, (NODES, EDGES)) as tmp:
        with open(tmp / NODES, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id:ID", "label", ":LABEL"])
            for node, data in network.nodes(data=True):
                writer.writerow([node, data["label"], data["type"]])
        with open(tmp / EDGES, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([":START_ID", ":END_ID", ":TYPE", "confidence:float"])
            for s, o, data in network.edges(data=True):
                confidence = data.get("confidence")
                writer.writerow([s, o, data["relation"], "" if confidence is None else repr(confidence)])
    return folder


def cypher_string(text: str) -> str:
    """A Cypher string literal: single quotes, with backslash escapes for \\, ' and control characters."""
    escaped = (text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
               .replace("\t", "\\t"))
    return f"'{escaped}'"


def cypher_name(name: str) -> str:
    """A label or relationship type, backquoted (backquotes doubled) unless it is a plain identifier."""
    if name.isidentifier() and name.isascii():
        return name
    return "`" + name.replace("`", "``") + "`"


def write_cypher(graph: Graph, path: Path) -> Path:
    """A Cypher script of MERGE statements: entities by ``id`` (their IRI), then relationships."""
    network = export_network(graph)
    lines = [f"// kg export: {network.number_of_nodes()} entities, {network.number_of_edges()} relations",
             "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;"]
    for node, data in network.nodes(data=True):
        lines.append(f"MERGE (n:Entity {{id: {cypher_string(node)}}}) SET n:{cypher_name(data['type'])}, "
                     f"n.label = {cypher_string(data['label'])};")
    for s, o, data in network.edges(data=True):
        props = f" SET r.confidence = {data['confidence']!r}" if data.get("confidence") is not None else ""
        lines.append(f"MATCH (a:Entity {{id: {cypher_string(s)}}}), (b:Entity {{id: {cypher_string(o)}}}) "
                     f"MERGE (a)-[r:{cypher_name(data['relation'])}]->(b){props};")
    with atomic_write(path) as handle:
        handle.write("\n".join(lines) + "\n")
    return path

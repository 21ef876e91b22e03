"""``kg export graph.ttl --to graphml|gexf|csv|cypher|jsonld -o OUT``: the graph for other tools."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..export import export
from .console import err, reports_errors


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    cypher = "cypher"
    jsonld = "jsonld"


@reports_errors
def export_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    to: Annotated[ExportFormat, typer.Option("--to", "-t", help="graphml, gexf (networkx), csv (a folder of neo4j-admin import CSVs), cypher (MERGE script) or jsonld.", show_default=False)] = ...,
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write (a folder for csv).", show_default=False)] = ...,
) -> None:
    """Export the entity network (GraphML, GEXF, Neo4j CSV or Cypher) or the whole graph (JSON-LD)."""
    path = export(api.load(graph).graph, to.value, output)
    err.print(f"kg: wrote {path}", markup=False, highlight=False)

"""``kg query graph.ttl QUERY``: SPARQL over a graph file or a store, kg prefixes pre-bound."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from .. import api
from ..query import read_query
from .console import out, reports_errors, write_stdout


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@reports_errors
def query_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    query: Annotated[str, typer.Argument(help="SPARQL text, or a .rq file.")],
    format: Annotated[ResultFormat, typer.Option("--format", "-f", help="Result format.")] = ResultFormat.table,
) -> None:
    """Answer a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    text, where = read_query(query)
    result = api.load(graph).query(text, where)  # in the store itself (Oxigraph, remote) or rdflib
    if format is ResultFormat.csv:
        write_stdout(result.to_csv())
    elif format is ResultFormat.json:
        write_stdout(result.to_json() + "\n")
    else:
        out.print(result.to_table())

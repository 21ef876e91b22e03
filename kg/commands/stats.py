"""``kg stats graph.ttl``: counts, central entities and components (networkx)."""
from __future__ import annotations

import json
from typing import Annotated

import typer

from .. import api
from ..analysis import format_stats
from .console import out, reports_errors, write_stdout


@reports_errors
def stats_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    top: Annotated[int, typer.Option("--top", min=0, help="How many central entities to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statistics as JSON.")] = False,
) -> None:
    """Summarise a graph: entities by type, relations, centrality, components."""
    stats = api.load(graph).stats(top=top)
    if as_json:
        write_stdout(json.dumps(stats, indent=2, ensure_ascii=False) + "\n")
    else:
        out.print(format_stats(stats))

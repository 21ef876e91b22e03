"""``kg viz graph.ttl -o graph.html``: an offline interactive network page."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import api
from .console import err, reports_errors


@reports_errors
def viz_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "kg knowledge graph",
) -> None:
    """Write an interactive HTML page of the graph (works offline)."""
    path = api.load(graph).to_html(output, title=title)
    err.print(f"kg: wrote {path}", markup=False, highlight=False)

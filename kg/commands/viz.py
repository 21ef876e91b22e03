"""``kg viz graph.ttl -o page.html``: the offline interactive page of a graph."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..errors import KgError
from .console import err, reports_errors


class SizeBy(str, Enum):
    pagerank = "pagerank"
    degree = "degree"


@reports_errors
def viz_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "kg knowledge graph",
    size: Annotated[SizeBy, typer.Option("--size", help="What node size shows.")] = SizeBy.pagerank,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Keep only the N most central entities (PageRank).")] = None,
    focus: Annotated[str | None, typer.Option("--focus", help="Draw only this entity's neighbourhood (its label or an altLabel).")] = None,
    hops: Annotated[int | None, typer.Option("--hops", min=0, help="With --focus: how many relations away to go (default 1).")] = None,
    all_entities: Annotated[bool, typer.Option("--all-entities", help="Also draw entities without any relation.")] = False,
) -> None:
    """Write an interactive HTML page of the graph (one file, works offline)."""
    if hops is not None and focus is None:
        raise KgError("--hops", "only applies with --focus NAME")
    path = api.load(graph).to_html(output, title=title, size=size.value, top=top, focus=focus,
                                   hops=1 if hops is None else hops, all_entities=all_entities)
    err.print(f"kg: wrote {path}", markup=False, highlight=False)

"""``kg validate GRAPH [--shapes FILE]``: check a graph against kg's SHACL shapes (pyshacl).

Prints one line per violation (focus node, property, message) and a summary. Exit status: 0
when the graph conforms, 3 when it does not, 2 when the graph or shapes file cannot be read.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..errors import KgError
from .console import out, warn

#: Exit status of ``kg validate`` for a graph that does not conform.
EXIT_VIOLATIONS = 3
#: Exit status for a graph or shapes file that cannot be read.
EXIT_BAD_INPUT = 2


def print_report(report, stream=out) -> None:
    for line in report.lines():
        stream.print(line, markup=False, highlight=False)


def validate_command(
    graph: Annotated[Path, typer.Argument(help="Graph file written by kg build.")],
    shapes: Annotated[Path | None, typer.Option("--shapes", help="SHACL shapes file (default: kg's ontologies/kg-shapes.ttl).")] = None,
) -> None:
    """Validate a graph against SHACL shapes; exit 0 if it conforms, 3 if not, 2 for an unreadable file."""
    try:
        report = api.load(graph).validate(shapes)
    except KgError as exc:
        warn(f"error: {exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    print_report(report)
    if not report.conforms:
        raise typer.Exit(EXIT_VIOLATIONS)

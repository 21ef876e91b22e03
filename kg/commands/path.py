"""``kg path graph.ttl A B``: the shortest chains of facts linking two entities, with evidence."""
from __future__ import annotations

import json
from typing import Annotated

import typer

from .. import api
from ..analysis.paths import MAX_CHAINS, format_chains
from ..errors import KgError
from .console import reports_errors, write_stdout


@reports_errors
def path_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    a: Annotated[str, typer.Argument(help="An entity's name (label or alternative label, any case) or IRI.")],
    b: Annotated[str, typer.Argument(help="The other entity.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Chains to list at most.")] = MAX_CHAINS,
    as_json: Annotated[bool, typer.Option("--json", help="Print the chains as JSON.")] = False,
) -> None:
    """Show how two entities are linked: each fact with its relation, direction and evidence sentence."""
    chains = api.load(graph).path(a, b, limit=limit)
    if not chains:
        raise KgError(None, f"no chain of facts links {a!r} and {b!r}")
    if as_json:
        write_stdout(json.dumps([[step.to_dict() for step in chain] for chain in chains], indent=2, ensure_ascii=False) + "\n")
    else:
        write_stdout(format_chains(a, b, chains) + "\n")

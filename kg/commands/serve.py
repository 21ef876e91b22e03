"""``kg serve graph.ttl``: a SPARQL 1.1 Protocol endpoint and a query page (Starlette + uvicorn)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..errors import KgError
from ..graph.stores import is_store_spec
from .console import err, reports_errors


@reports_errors
def serve_command(
    graph: Annotated[str, typer.Argument(help="Graph file written by kg build, or a store: oxigraph:DIR, sparql:URL.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Accept SPARQL Update requests (applied in memory only; the graph file is not changed).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a query may run; slower ones are stopped with 503.")] = 10.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Rows (or triples) per answer at most; longer results are cut (header X-Kg-Truncated).")] = 10_000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Query worker processes (each holds a copy-on-write copy of the graph).")] = 2,
    cors: Annotated[list[str] | None, typer.Option("--cors", help="Allow browser pages from this origin to query (repeatable; * for any).")] = None,
    queries: Annotated[Path | None, typer.Option("--queries", help="Folder of .rq files offered on the query page (default: examples/queries).")] = None,
) -> None:
    """Serve a graph over HTTP: SPARQL endpoint at /sparql, query page at /, graph view at /graph."""
    try:
        from ..serve import serve
    except ImportError:
        raise KgError("kg serve", "needs Starlette and uvicorn: pip install 'newskg[serve]'") from None
    if queries is not None and not queries.is_dir():
        raise KgError(queries, "not a folder of .rq files")
    loaded = api.load(graph)
    updates = "updates allowed, kept in memory only" if allow_update else "read-only"

    def ready(url: str) -> None:
        err.print(f"kg: serving {graph} ({len(loaded)} triples, {updates}) at {url}/ — SPARQL endpoint {url}/sparql; "
                  "Ctrl-C to stop", markup=False, highlight=False)
        err.file.flush()

    serve(loaded.graph, host=host, port=port, allow_update=allow_update, timeout=timeout, max_rows=max_rows,
          workers=workers, cors=cors or (), queries_dir=queries, title=f"kg: {graph if is_store_spec(graph) else Path(graph).name}", on_ready=ready)

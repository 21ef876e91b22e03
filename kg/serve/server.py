"""Binding the socket and running uvicorn: ``kg serve`` in one function.

The socket is bound here, before uvicorn starts, so that a port in use is a one-line
:class:`~kg.errors.KgError` and ``--port 0`` (any free port) can print the port it got.
"""
from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Graph

from ..errors import KgError
from .workers import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, DEFAULT_WORKERS, QueryPool


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on *host*:*port*: clients that connect before uvicorn runs wait in the backlog."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise KgError(f"--host {host}", f"unknown host: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise KgError(f"{host}:{port}", f"cannot listen: {exc.strerror or exc}") from None
    return sock


def serve(graph: Graph, *, host: str = "127.0.0.1", port: int = 8000, allow_update: bool = False,
          timeout: float = DEFAULT_TIMEOUT, max_rows: int | None = DEFAULT_MAX_ROWS, workers: int = DEFAULT_WORKERS,
          cors: Sequence[str] = (), queries_dir: Path | None = None, title: str = "kg SPARQL endpoint",
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve *graph* until interrupted; *on_ready* gets the base URL once the socket is bound."""
    import uvicorn

    from .app import create_app

    sock = bind(host, port)
    pool = QueryPool(graph, size=workers, timeout=timeout, max_rows=max_rows)  # fork before uvicorn's threads
    app = create_app(pool, title=title, allow_update=allow_update, cors=cors, queries_dir=queries_dir)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    if on_ready is not None:
        on_ready(f"http://{shown}:{bound_port}")
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        pool.close()
        sock.close()

"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page over one graph.

:mod:`.negotiation` picks the result format, :mod:`.workers` runs queries in worker processes
under a deadline, :mod:`.app` is the Starlette application, :mod:`.page` the query page and
:mod:`.server` binds the socket and runs uvicorn. Starlette and uvicorn are the ``serve`` extra.
"""
from __future__ import annotations

from .app import create_app
from .server import serve
from .workers import QueryPool

__all__ = ["QueryPool", "create_app", "serve"]

"""The Starlette application: ``/sparql`` (SPARQL 1.1 Protocol), ``/`` (query page), ``/graph`` (kg viz page).

Queries arrive as GET ``?query=``, POST form ``query=`` or POST ``application/sparql-query``;
updates as POST form ``update=`` or ``application/sparql-update``, refused with 403 unless the
app was made with ``allow_update=True``. The blocking work (waiting for a query worker,
rendering the graph page) runs in Starlette's thread pool so the event loop stays free.
"""
from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from .page import example_queries, render_page
from .workers import QueryPool, Reply, error_reply

MAX_BODY = 1 << 20  # a query or update larger than 1 MiB is refused (413)
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"


def _response(reply: Reply) -> Response:
    headers = {"Vary": "Accept"}
    if reply.truncated:
        headers["X-Kg-Truncated"] = "true"
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)


async def _request_parts(request: Request) -> tuple[str | None, str | None, str | None] | Reply:
    """(query, update, format) from the request, or an error :class:`Reply`."""
    params = request.query_params
    if request.method == "GET":
        return params.get("query"), params.get("update"), params.get("format")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if len(body) > MAX_BODY:
        return error_reply(413, f"request body larger than {MAX_BODY} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return error_reply(400, "request body is not UTF-8")
    if content_type == _FORM:
        # parsed here: Starlette's request.form() needs python-multipart, for a format this simple
        form = {key: values[0] for key, values in parse_qs(text, keep_blank_values=True).items()}
        return form.get("query"), form.get("update"), form.get("format") or params.get("format")
    if content_type == _QUERY:
        return text, None, params.get("format")
    if content_type == _UPDATE:
        return None, text, params.get("format")
    return error_reply(415, f"unsupported Content-Type {content_type or '(none)'}: use {_QUERY}, {_UPDATE} or {_FORM}")


def create_app(pool: QueryPool, *, title: str = "kg SPARQL endpoint", allow_update: bool = False,
               cors: Sequence[str] = (), queries_dir: Path | None = None) -> Starlette:
    """The ASGI app over *pool*'s graph; the pool is closed when the app shuts down."""
    queries = example_queries(queries_dir)
    graph_page: dict[int, str] = {}  # generation → HTML, rebuilt after an update

    async def sparql(request: Request) -> Response:
        parts = await _request_parts(request)
        if isinstance(parts, Reply):
            return _response(parts)
        query, update, fmt = parts
        if update is not None:
            if not allow_update:
                return _response(error_reply(403, "SPARQL updates are refused: this endpoint is read-only "
                                                  "(start kg serve with --allow-update to accept them)"))
            if request.method == "GET":
                return _response(error_reply(405, "send updates with POST, not GET"))
            return _response(await run_in_threadpool(pool.update, update))
        if not query or not query.strip():
            return _response(error_reply(400, "missing query: give it as ?query=, a query= form field "
                                              f"or a POST body of type {_QUERY}"))
        reply = await run_in_threadpool(pool.query, query, request.headers.get("accept"), fmt)
        return _response(reply)

    async def index(request: Request) -> Response:
        return HTMLResponse(render_page(title, queries, len(pool.graph), allow_update))

    def render_graph() -> str:
        from ..viz import render_html

        generation = pool.generation
        if generation not in graph_page:
            graph_page.clear()
            graph_page[generation] = render_html(pool.graph, title=title)
        return graph_page[generation]

    async def graph(request: Request) -> Response:
        return HTMLResponse(await run_in_threadpool(render_graph))

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            pool.close()

    middleware = []
    if cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors), allow_methods=["GET", "POST"],
                                     allow_headers=["Content-Type", "Accept"], expose_headers=["X-Kg-Truncated"]))
    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/", index, methods=["GET"]),
        Route("/graph", graph, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)

"""``sparql:QUERY_URL[|UPDATE_URL]``: any SPARQL 1.1 store over HTTP (Oxigraph server, Fuseki, ...).

Reads go to the query endpoint (SPARQL 1.1 Protocol), writes to the update endpoint as SPARQL
Update: ``INSERT DATA`` of at most :attr:`batch_triples` triples of whole documents per request,
so each batch is one request and one transaction on the server, never half of one. Transient
failures (connection refused or reset, timeouts, HTTP 5xx) are retried with exponential backoff.

HTTP is the standard library's ``urllib``: a handful of POST requests need no extra dependency.
"""
from __future__ import annotations

import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence

from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Node

from ...errors import KgError, QueryError
from ..vocab import PREFIXES
from .incremental import IncrementalStore, Quad
from .terms import sparql_term

_PREFIX_HEADER = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def endpoints(url: str) -> tuple[str, str]:
    """The query and update URLs of ``QUERY_URL[|UPDATE_URL]``: without an explicit update URL, a
    query URL ending in ``/query`` (Oxigraph server, Fuseki's ``/ds/query``) or ``/sparql``
    updates at ``…/update``; any other URL takes updates itself."""
    query, _, update = url.partition("|")
    if not update:
        for suffix in ("/query", "/sparql"):
            if query.endswith(suffix):
                update = query[: -len(suffix)] + "/update"
                break
        else:
            update = query
    return query, update


class SparqlStore(IncrementalStore):
    """A remote SPARQL 1.1 store."""

    batch_triples = 5_000
    retries = 4  # after the first try
    backoff = 0.25  # seconds, doubled at each retry
    timeout = 60.0

    def __init__(self, url: str) -> None:
        super().__init__()
        self.spec = f"sparql:{url}"
        self.query_url, self.update_url = endpoints(url)
        for endpoint in (self.query_url, self.update_url):
            parts = urllib.parse.urlsplit(endpoint)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise KgError(self.spec, "not an http(s) URL; write sparql:http://HOST:PORT/PATH")

    # -- HTTP ---------------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str, where: str | None = None) -> tuple[str, bytes]:
        """POST *form*; returns (content type, body). Retries transient failures, then gives up
        with one line. A 4xx answer is the request's fault: a QueryError for queries."""
        data = urllib.parse.urlencode(form).encode("utf-8")
        delay = self.backoff
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=data, method="POST", headers={
                "Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.headers.get("Content-Type", ""), response.read()
            except urllib.error.HTTPError as exc:
                body = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
                if exc.code < 500:
                    if where is not None:
                        raise QueryError(where, f"the store refused the query: HTTP {exc.code}: {body}") from None
                    raise KgError(self.spec, f"the store refused an update: HTTP {exc.code}: {body}") from None
                reason = f"HTTP {exc.code}: {body}"
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
                cause = getattr(exc, "reason", exc)
                reason = " ".join(str(cause).split()) or type(cause).__name__
            if attempt < self.retries:
                time.sleep(delay)
                delay *= 2
        raise KgError(self.spec, f"cannot reach the store ({reason}; tried {self.retries + 1} times)")

    def _update(self, update: str) -> None:
        self._post(self.update_url, {"update": update}, "*/*")

    def _select(self, query: str) -> list[tuple[Node | None, ...]]:
        _, body = self._post(self.query_url, {"query": query}, "application/sparql-results+json")
        result = Result.parse(io.BytesIO(body), format="json")
        return [tuple(row) for row in result]

    def _insert(self, quads: Sequence[Quad]) -> None:
        # Buffers hold whole documents; one INSERT DATA request per batch
        default: list[str] = []
        graphs: dict[Node, list[str]] = {}
        for s, p, o, g in quads:
            line = f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} ."
            (default if g is None else graphs.setdefault(g, [])).append(line)
        body = " ".join(default) + " ".join(f" GRAPH {sparql_term(g)} {{ {' '.join(lines)} }}" for g, lines in graphs.items())
        self._update(f"INSERT DATA {{ {body} }}")

    def _ntriples(self, construct: str | None = None) -> bytes:
        query = _PREFIX_HEADER + construct if construct is not None else "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        _, body = self._post(self.query_url, {"query": query}, "application/n-triples")
        return body

    def query(self, sparql: str, where: str = "query"):
        """Run a read-only query on the store (kg prefixes pre-bound); a ``QueryResult``."""
        from ...query.format import compact_term
        from ...query.sparql import QueryResult, check_query, is_update

        check_query(sparql, where)
        if is_update(sparql):
            raise QueryError(where, "SPARQL updates (INSERT, DELETE, LOAD, CLEAR...) are not allowed: kg query is read-only")
        content_type, body = self._post(self.query_url, {"query": _PREFIX_HEADER + sparql},
                                        "application/sparql-results+json, application/n-triples;q=0.9", where=where)
        if "json" in content_type:
            doc = json.loads(body)
            if "boolean" in doc:
                return QueryResult(kind="ask", boolean=bool(doc["boolean"]))
            result = Result.parse(io.BytesIO(body), format="json")
            variables = [str(v) for v in result.vars or []]
            terms = [tuple(row) for row in result]
            return QueryResult(kind="select", variables=variables, rows=[tuple(compact_term(t) for t in row) for row in terms],
                               terms=terms)
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True)
        graph.parse(io.BytesIO(body), format="nt")
        return QueryResult(kind="graph", graph=graph)

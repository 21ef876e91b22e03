"""Queries run in worker processes, each with a forked copy of the graph, under a deadline.

rdflib cannot interrupt a query running in a thread, so a runaway query (a cross product over
a large graph) would hold its thread and the GIL for as long as it takes. Each query goes to an
idle worker process instead; when no answer comes within the time-out the worker is killed and
a fresh one forked in its place, and the client gets 503. Workers are forked from the server
process (Linux/macOS ``fork``), so the graph is parsed once and shared copy-on-write.

Updates (only with ``--allow-update``) are applied to the server's own graph, under a lock;
workers forked before the update are replaced the next time they are picked.
"""
from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection

from pyparsing import ParseBaseException
from rdflib import Graph
from rdflib.plugins.sparql.processor import prepareUpdate

from ..errors import QueryError
from ..graph.vocab import PREFIXES
from ..query import run_query
from ..query.sparql import is_update, syntax_error_message
from . import negotiation

#: Seconds a query may run before its worker is killed.
DEFAULT_TIMEOUT = 10.0
#: Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer at most.
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 2


@dataclass
class Reply:
    """What the endpoint sends back: an HTTP status, a media type and the body."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False


def error_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def answer(graph: Graph, query: str, accept: str | None, format_param: str | None, max_rows: int | None) -> Reply:
    """Run *query* over *graph* and render it as the client asked (the code of ``kg query``)."""
    try:
        result = run_query(graph, query, where="query", limit=max_rows)
    except QueryError as exc:
        if is_update(query):
            return error_reply(403, "SPARQL updates are not accepted as a query; send them as update= "
                                    "(kg serve refuses them unless started with --allow-update)")
        return error_reply(400, f"{exc}")
    try:
        fmt = negotiation.choose(result, accept, format_param)
    except negotiation.NotAcceptable as exc:
        return error_reply(406, str(exc))
    charset = "" if fmt.name == "xml" else "; charset=utf-8"
    return Reply(200, fmt.media_type + charset, negotiation.render(result, fmt), result.truncated)


def _serve(graph: Graph, conn: Connection) -> None:
    """A worker's loop: one request in, one :class:`Reply` out, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(graph, *request)
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the worker silently
            reply = error_reply(500, f"internal error: {type(exc).__name__}: {exc}")
        conn.send(reply)


class _Worker:
    def __init__(self, graph: Graph, generation: int) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(graph, child), daemon=True, name="kg-query-worker")
        self.process.start()
        child.close()
        self.generation = generation

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class QueryPool:
    """*size* worker processes answering queries over *graph* within *timeout* seconds."""

    def __init__(self, graph: Graph, size: int = DEFAULT_WORKERS, timeout: float = DEFAULT_TIMEOUT,
                 max_rows: int | None = DEFAULT_MAX_ROWS) -> None:
        self.graph = graph
        self.size = size
        self.timeout = timeout
        self.max_rows = max_rows
        self.generation = 0
        self._lock = threading.Lock()  # updates and forks: never fork mid-update
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        with self._lock:
            worker = _Worker(self.graph, self.generation)
        self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.stop()

    def query(self, query: str, accept: str | None = None, format_param: str | None = None) -> Reply:
        """Answer one query (blocking: call it from a thread)."""
        worker = self._idle.get()
        if worker.generation != self.generation or not worker.process.is_alive():
            self._retire(worker)
            worker = self._spawn()
        try:
            worker.conn.send((query, accept, format_param, self.max_rows))
            if worker.conn.poll(self.timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
            problem = (f"query time-out: no answer within {self.timeout:g} s, the query was stopped "
                       "(narrow it, add a LIMIT, or start kg serve with a larger --timeout)")
            status = 503
        except (EOFError, OSError, BrokenPipeError):
            problem, status = "internal error: the query worker died (out of memory?)", 500
        self._retire(worker)
        self._idle.put(self._spawn())
        return error_reply(status, problem)

    def update(self, update: str) -> Reply:
        """Apply a SPARQL Update to the graph in memory (LOAD is refused: no fetching)."""
        try:
            prepared = prepareUpdate(update, initNs=PREFIXES)
        except ParseBaseException as exc:
            return error_reply(400, f"update: {syntax_error_message(exc)}")
        except Exception as exc:  # noqa: BLE001 - rdflib's algebra raises bare Exception
            return error_reply(400, f"update: {' '.join(str(exc).split())[:160]}")
        if any(part.name == "Load" for part in prepared.algebra):
            return error_reply(403, "update: LOAD is refused: kg serve does not fetch remote data")
        with self._lock:
            before = len(self.graph)
            try:
                self.graph.update(prepared)
            except Exception as exc:  # noqa: BLE001
                return error_reply(400, f"update: cannot apply: {' '.join(str(exc).split())[:160]}")
            self.generation += 1
            after = len(self.graph)
        return error_reply(200, f"update applied: {before} → {after} triples (in memory only)")

    def close(self) -> None:
        """Stop every worker."""
        for worker in list(self._all):
            self._retire(worker)

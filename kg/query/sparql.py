"""Running read-only SPARQL queries over a kg graph.

Queries come as text or as a ``.rq``/``.sparql`` file, have the kg prefixes pre-bound (a
query's own PREFIX lines still win), and fail with a one-line :class:`QueryError` naming the
file or "query". Updates are refused: ``kg query`` never changes a graph.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from pyparsing import ParseBaseException
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.term import Node
from rich.console import RenderableType

from .. import settings
from ..errors import QueryError
from ..fileio import read_text
from ..graph.vocab import PREFIXES
from . import format as fmt

#: The prefixes every query starts with, as SPARQL text (for help texts and for users'
#: own tools; :func:`run_query` binds the same prefixes through rdflib's ``initNs``).
PREFIX_HEADER: str = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

QUERY_SUFFIXES: frozenset[str] = frozenset({".rq", ".sparql"})

_MAX_MESSAGE = 160  # pyparsing's "expected" lists can be long; keep the error one short line


@dataclass
class QueryResult:
    """The outcome of one query.

    ``kind`` is "select", "ask" or "graph" (CONSTRUCT and DESCRIBE). For SELECT, ``terms``
    holds the rdflib terms (None when unbound) and ``rows`` the same values rendered compactly
    for display. ``boolean`` is set for ASK, ``graph`` for CONSTRUCT and DESCRIBE.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[str | None, ...]] = field(default_factory=list)
    terms: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    #: True when ``run_query(..., limit=N)`` cut the result at N rows (or triples)
    truncated: bool = False

    def to_table(self) -> RenderableType:
        """A rich table (SELECT, ASK) or the Turtle text (CONSTRUCT, DESCRIBE)."""
        return fmt.to_table(self)

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV with full IRIs; a :class:`QueryError` for graph results."""
        return fmt.to_csv(self)

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON, or JSON-LD for graph results."""
        return fmt.to_json(self)

    def to_turtle(self) -> str:
        """Turtle for graph results; a :class:`QueryError` for SELECT and ASK."""
        return fmt.to_turtle(self)

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV; a :class:`QueryError` for graph results."""
        return fmt.to_tsv(self)

    def to_xml(self) -> str:
        """SPARQL Query Results XML; a :class:`QueryError` for graph results."""
        return fmt.to_xml(self)

    def to_ntriples(self) -> str:
        """N-Triples for graph results; a :class:`QueryError` for SELECT and ASK."""
        return fmt.to_ntriples(self)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the result (literals as Python values, IRIs compacted); needs pandas."""
        return fmt.to_dataframe(self)


class LazyTermsResult(QueryResult):
    """A SELECT result whose ``terms`` are made on first use, by *make_terms*.

    An engine with terms of its own (Oxigraph) renders ``rows`` from them directly; building an
    rdflib term for every value costs more than many queries themselves, and most callers read
    only ``rows``. It compares, copies and pickles as the plain :class:`QueryResult` it stands for.
    """

    @classmethod
    def select(cls, variables: list[str], rows: list[tuple[str | None, ...]],
               make_terms: Callable[[], list[tuple[Node | None, ...]]]) -> LazyTermsResult:
        """A SELECT result with these *rows*; ``terms`` is ``make_terms()`` when first read."""
        result = cls(kind="select", variables=variables, rows=rows)
        result.__dict__["_make_terms"] = make_terms
        return result

    @property  # type: ignore[override]  # a dataclass field read through a property
    def terms(self) -> list[tuple[Node | None, ...]]:
        make = self.__dict__.pop("_make_terms", None)
        if make is not None:
            self.__dict__["_terms"] = make()
        return self.__dict__["_terms"]

    @terms.setter
    def terms(self, value: list[tuple[Node | None, ...]]) -> None:
        self.__dict__.pop("_make_terms", None)
        self.__dict__["_terms"] = value

    def _plain(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(QueryResult))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QueryResult) and self._plain() == tuple(getattr(other, f.name) for f in fields(QueryResult))

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass

    def __reduce__(self) -> tuple[type[QueryResult], tuple[object, ...]]:
        return QueryResult, self._plain()


def _looks_like_path(text: str) -> bool:
    if "\n" in text or not text.strip():
        return False
    candidate = Path(text.strip())
    if candidate.suffix.lower() in QUERY_SUFFIXES:
        return True
    try:
        return candidate.is_file()
    except OSError:  # e.g. "File name too long" for a long one-line query
        return False


def read_query(query_or_path: str) -> tuple[str, str]:
    """The query text and where it came from: the file's path, or "query" for inline text.

    A one-line argument ending in ``.rq`` or ``.sparql`` (or naming an existing file) is read
    as a file; anything else is the query itself.
    """
    if not _looks_like_path(query_or_path):
        if not query_or_path.strip():
            raise QueryError("query", "empty query")
        return query_or_path, "query"
    path = Path(query_or_path.strip())
    text = read_text(path, error=QueryError, what="query file")
    if not text.strip():
        raise QueryError(path, "empty query file")
    return text, str(path)


def is_update(query: str) -> bool:
    """True when the text parses as a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR...)."""
    try:
        parsed = parseUpdate(query)
    except ParseBaseException:
        return False
    # A prologue alone (PREFIX lines, comments) also parses as an empty update: not an update.
    return "request" in parsed and len(parsed["request"]) > 0


def syntax_error_message(exc: ParseBaseException) -> str:
    """pyparsing's error as one line: the position, then what was expected or found there."""
    rest = exc.pstr[exc.loc:].split()
    found = f"'{rest[0][:30]}'" if rest else "the end of the query"
    expected = " ".join((exc.msg or "").split())  # the grammar's names may span lines
    if expected == "Expected {SelectQuery | ConstructQuery | DescribeQuery | AskQuery}":
        problem = f"expected SELECT, CONSTRUCT, DESCRIBE or ASK, found {found}"
    elif kind := re.fullmatch(r"Expected (Select|Construct|Describe|Ask)Query", expected):
        # pyparsing backtracks to the last token it could place: name the query, not the rule
        problem = f"invalid {kind.group(1).upper()} query near {found}"
    elif expected == "Expected end of text":
        problem = f"unexpected {found}"
    else:
        problem = f"{expected[:1].lower()}{expected[1:] or 'invalid syntax'}, found {found}"
    message = f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {problem}"
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 3] + "..."


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


# what cannot open a group: strings, IRIs and comments
_OPAQUE_PARTS = (r'"""[\s\S]*?"""', r"'''[\s\S]*?'''", r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",
                 r'<[^<>"{}|^`\\\s]*>', r"#[^\n]*")
_OPAQUE = re.compile("|".join(_OPAQUE_PARTS))
_OPEN, _CLOSE = frozenset("{(["), frozenset("})]")


def nesting_depth(query: str) -> int:
    """How deeply the query nests groups, brackets and parentheses (outside strings, IRIs, comments)."""
    depth = deepest = 0
    for char in _OPAQUE.sub(" ", query):
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
    return deepest


def check_query(query: str, where: str = "query") -> None:
    """What every engine needs checked before it parses: a query at all, and one within bounds
    (rdflib, Oxigraph and a remote store alike: Oxigraph's parser crashes the process on a
    query nested 10,000 deep)."""
    if not query.strip():
        raise QueryError(where, "empty query")
    check_query_bounds(query, where)


def check_query_bounds(query: str, where: str = "query") -> None:
    """Refuse, in one line, a query too large or too deeply nested to parse safely.

    rdflib's parser and algebra recurse once per level of nesting: a hostile query
    (``{ { { ... } } }`` 10,000 deep) would exhaust Python's recursion limit, or worse.
    """
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > settings.MAX_QUERY_SIZE:
        raise QueryError(where, f"query of {size:,} bytes is larger than the {settings.MAX_QUERY_SIZE:,}-byte limit")
    depth = nesting_depth(query)
    if depth > settings.MAX_QUERY_DEPTH:
        raise QueryError(where, f"query nests {{ }} or ( ) {depth} levels deep; at most {settings.MAX_QUERY_DEPTH} are allowed")


@lru_cache(maxsize=256)
def _prepare(query: str):
    # parsing is most of a small query's cost (~40 ms against ~5 ms to evaluate on the example
    # graph), and a prepared query can be run again: an endpoint sees the same texts repeatedly
    return prepareQuery(query, initNs=PREFIXES)


def run_query(graph: Graph, query: str, where: str = "query", limit: int | None = None) -> QueryResult:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query over *graph* with the kg prefixes pre-bound.

    With *limit*, at most that many rows (or triples) are kept and ``truncated`` tells whether
    there were more; rdflib evaluates SELECT lazily, so the rest is never computed.
    """
    check_query(query, where)
    try:
        prepared = _prepare(query)
    except RecursionError:
        raise QueryError(where, "query nests too deeply for the SPARQL parser") from None
    except ParseBaseException as exc:
        if is_update(query):
            raise QueryError(where, "SPARQL updates (INSERT, DELETE, LOAD, CLEAR...) are not allowed: kg query is read-only") from None
        raise QueryError(where, syntax_error_message(exc)) from None
    except Exception as exc:  # rdflib's algebra raises bare Exception, e.g. "Unknown namespace prefix : foo"
        raise QueryError(where, _one_line(exc)) from None

    # rdflib evaluates lazily, so the rows are collected inside the try: a failure while
    # evaluating the user's query (an rdflib limitation or a bad function call) is reported
    # in one line like a syntax error.
    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return QueryResult(kind="ask", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            graph_result, truncated = result.graph, False
            if limit is not None and len(graph_result) > limit:
                kept = Graph()
                kept += islice(graph_result, limit)
                graph_result, truncated = kept, True
            return QueryResult(kind="graph", graph=graph_result, truncated=truncated)
        variables = [str(var) for var in (result.vars or [])]
        rows_iter = iter(result) if limit is None else islice(result, limit + 1)
        terms = [tuple(row) for row in rows_iter]
    except RecursionError:
        raise QueryError(where, "cannot run query: it nests too deeply for the SPARQL engine") from None
    except Exception as exc:
        raise QueryError(where, f"cannot run query: {_one_line(exc)}") from None
    truncated = limit is not None and len(terms) > limit
    if truncated:
        terms = terms[:limit]
    rows = [tuple(fmt.compact_term(term) for term in row) for row in terms]
    return QueryResult(kind="select", variables=variables, rows=rows, terms=terms, truncated=truncated)

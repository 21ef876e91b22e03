"""``oxigraph:DIR``: an on-disk Oxigraph (RocksDB) store, in-process through pyoxigraph.

Queries run in Oxigraph itself. Each batch of documents is one transaction (``Store.extend``),
so a build killed midway leaves a store that opens, holding whole documents only.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ...errors import KgError, QueryError
from ..mapping import Triple
from ..vocab import PREFIXES
from .incremental import ENRICHMENT, META, IncrementalStore, Quad

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> Node | None:
    """A pyoxigraph term (or None, for an unbound variable) as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # a simple literal comes back typed xsd:string; rdflib keeps those untyped
        return Literal(term.value) if datatype in (_XSD_STRING, _LANG_STRING) else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unsupported term from the store: {term!r}")


def _compact(term: object) -> str | None:
    """``compact_term(from_ox(term))`` without building the rdflib term where the text is the same."""
    from ...query.format import compact_iri, compact_term

    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal) and (term.language or term.datatype.value == _XSD_STRING):
        return term.value
    return compact_term(from_ox(term))  # rdflib may write a typed literal's value otherwise ("01" → "1")


def _terms(raw: list[tuple[object, ...]]) -> list[tuple[Node | None, ...]]:
    """The rdflib terms of pyoxigraph rows, each distinct term converted once."""
    made: dict[object, Node | None] = {None: None}
    return [tuple(made[v] if v in made else made.setdefault(v, from_ox(v)) for v in row) for row in raw]


_META = to_ox(META)
_ENRICHMENT = to_ox(ENRICHMENT)


def _problem(exc: OSError) -> str:
    text = " ".join(str(exc).split())
    if "lock" in text.lower():
        return "the store is in use by another process (it is locked); wait for it to finish"
    return f"cannot open the store ({text[:160]})"


class OxigraphStore(IncrementalStore):
    """A pyoxigraph store in folder *path* (created when missing unless *read_only*)."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        super().__init__()
        self._unflushed = 0
        self.path = Path(path)
        self.read_only = read_only
        self.spec = f"oxigraph:{path}"
        if self.path.exists() and not self.path.is_dir():
            raise KgError(self.spec, "is a file, not an Oxigraph store folder")
        if read_only and not self.path.exists():
            raise KgError(self.spec, "no such store (build one with kg build --store)")
        if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / "CURRENT").is_file():
            raise KgError(self.spec, "not an Oxigraph store (a folder with other files in it)")
        try:
            self.store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            raise KgError(self.spec, _problem(exc)) from None

    def _select(self, query: str) -> list[tuple[Node | None, ...]]:
        result = self.store.query(query)
        width = len(result.variables)
        return [tuple(from_ox(row[i]) for i in range(width)) for row in result]

    def _update(self, update: str) -> None:
        self.store.update(update)

    #: quads written between two flushes of RocksDB's in-memory write buffers to disk: without
    #: them the buffers of Oxigraph's many indexes grow by hundreds of MB in a large build
    flush_every = 100_000

    def _insert(self, quads: Sequence[Quad]) -> None:
        self.store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph() if g is None else to_ox(g))
                          for s, p, o, g in quads)
        self._written(len(quads))

    def _written(self, count: int) -> None:
        """Count *count* quads written or deleted (deletions leave tombstones in the write
        buffers too), and flush the buffers to disk every :attr:`flush_every`."""
        self._unflushed += count
        if self._unflushed >= self.flush_every:
            self.store.flush()
            self._unflushed = 0

    def _raw_triples(self, subjects: Sequence[Node], predicates: Sequence[Node] | None = None) -> Iterator[Triple]:
        skip = {ox.DefaultGraph(), _META, _ENRICHMENT}
        wanted = None if predicates is None else {to_ox(p) for p in predicates}
        terms: dict[object, Node | None] = {}  # predicates and objects recur: convert each once

        def term(t: object) -> Node | None:
            return terms[t] if t in terms else terms.setdefault(t, from_ox(t))
        for subject in subjects:  # one scan per subject, filtered here: cheaper than a scan per predicate
            # a node named in thousands of documents has the same triple in each one's graph:
            # yield it once (as SELECT DISTINCT does), before it is converted
            seen: set[tuple[object, object]] = set()
            for quad in self.store.quads_for_pattern(to_ox(subject), None, None, None):
                if quad.graph_name in skip or (wanted is not None and quad.predicate not in wanted):
                    continue
                key = (quad.predicate, quad.object)
                if key in seen:
                    continue
                seen.add(key)
                yield subject, term(quad.predicate), term(quad.object)

    def _replace_view(self, subjects: Sequence[Node], triples: Sequence[Triple]) -> None:
        # Only what changed is written: a node stated in thousands of documents (a country, a
        # statement with thousands of pieces of evidence) is rewritten by every group that touches
        # it, and most of its view (its label, the evidence links of other documents) stays.
        # Two transactions: a kill in between leaves the pending markers, and the next run redoes it.
        default = ox.DefaultGraph()
        old = {q.triple for s in subjects for q in self.store.quads_for_pattern(to_ox(s), None, None, default)}
        new = {ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples}
        if gone := old - new:
            self.store.update("DELETE DATA { " + " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in gone) + " }")
        if added := new - old:
            self.store.extend(ox.Quad(t.subject, t.predicate, t.object, default) for t in added)
        self._written(len(gone) + len(added))

    def _ntriples(self, construct: str | None = None) -> bytes:
        if construct is not None:
            return self.store.query(construct, prefixes=PREFIXES).serialize(format=ox.RdfFormat.N_TRIPLES)
        return self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())

    def query(self, sparql: str, where: str = "query"):
        """Run a read-only query in Oxigraph (kg prefixes pre-bound); a ``QueryResult``."""
        from ...query.sparql import LazyTermsResult, QueryResult, _one_line, check_query, is_update

        check_query(sparql, where)
        try:
            result = self.store.query(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            if is_update(sparql):
                raise QueryError(where, "SPARQL updates (INSERT, DELETE, LOAD, CLEAR...) are not allowed: kg query is read-only") from None
            raise QueryError(where, f"SPARQL syntax error: {_one_line(exc)}") from None
        except OSError as exc:
            raise QueryError(where, f"cannot run query: {_one_line(exc)}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace, override=True)
            for t in result:
                graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
            return QueryResult(kind="graph", graph=graph)
        variables = [v.value for v in result.variables]
        raw = [tuple(solution) for solution in result]
        shown: dict[object, str | None] = {None: None}  # rows repeat labels and IRIs: render each term once
        rows = [tuple(shown[v] if v in shown else shown.setdefault(v, _compact(v)) for v in row) for row in raw]
        return LazyTermsResult.select(variables, rows, lambda: _terms(raw))

    def close(self) -> None:
        super().close()
        if not self.read_only:  # a read-only store has nothing to flush (pyoxigraph refuses to)
            self.store.flush()

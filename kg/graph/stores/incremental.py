"""What the persistent stores share: per-document graphs, a finalized view, incremental builds.

A persistent store keeps two things:

* each document's own triples, as the mapping wrote them, in a **named graph** named by the
  document's IRI (``kgr:doc/…``), and
* the **default graph**: the graph a memory build of all those documents would give (combined
  confidences, settled labels, weak facts left out). Queries, ``serialize`` and the analysis
  read the default graph.

:meth:`IncrementalStore.finalize` recomputes the default graph only for the nodes that the
documents written (or removed) in this run touch, from *all* the documents in the store, with the
same functions a memory build uses (:func:`update_confidences`, :func:`drop_weak_statements`,
:func:`settle_labels`). So building {A} and then {B} into a store gives the same default graph as
building {A, B} into memory.

Crash safety: a document's triples and a "pending" marker go in together; the marker is only
cleared once the view is rewritten. A run killed midway leaves the markers, and the next run's
finalize completes the view. The document's ``kg:contentHash`` triple is written last, so a
document only counts as stored (and is skipped) once all its triples are in.

Subclasses supply a few primitives over SPARQL 1.1 (``_select``, ``_update``, ``_insert``) and may
override the others for speed.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO
from rdflib.term import Node

from ...fileio import atomic_write
from ...ingest.document import Document, content_hash, text_hash
from ...memory import release
from ..iris import document_iri, statement_iri
from ..mapping import Triple, update_confidences
from ..store import drop_weak_statements, new_graph, rdf_format, render, settle_labels
from ..vocab import KG
from .terms import sparql_term

#: Bookkeeping of the store itself (not part of the knowledge graph): in its own named graph.
META = URIRef("urn:newskg:store")
#: What the last run derived over the whole graph (place links, inferences; :meth:`enrich`).
ENRICHMENT = URIRef("urn:newskg:enrichment")
PENDING_DOCUMENT = URIRef("urn:newskg:store#pendingDocument")
PENDING_SUBJECT = URIRef("urn:newskg:store#pendingSubject")

Quad = tuple[Node, Node, Node, Node | None]  # graph None: the default graph

_ROLES = (KG.agent, KG.destination, KG.party)
#: predicates that are never the direct triple of a fact
_STRUCTURE = frozenset({RDF.type, RDF.subject, RDF.predicate, RDF.object, KG.evidence, PROV.wasDerivedFrom, SDO.mentions,
                        KG.modality, KG.positionIn, *_ROLES})
_CHUNK = 500  # subjects per VALUES clause
#: what update_confidences reads of a piece of evidence
_CONFIDENCE = (KG.confidence, KG.rule)


def _values(variable: str, terms: Iterable[Node]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(sparql_term(t) for t in terms)} }}"


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _data(triples: Iterable[Triple]) -> str:
    """Triples as the body of INSERT DATA / DELETE DATA."""
    return " ".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} ." for s, p, o in triples)


def document_key(doc: Document) -> str | None:
    """What names "the same article" across runs, so that a changed text replaces the old one: an
    explicit id (JSONL ``id``), else where it was read from. None for anonymous texts."""
    if not doc.id.endswith("-" + text_hash(doc.text)):
        return "id:" + doc.id
    return "source:" + doc.source if doc.source and doc.source != "<stdin>" else None


class IncrementalStore:
    """The shared logic of :class:`~kg.graph.stores.oxigraph.OxigraphStore` and
    :class:`~kg.graph.stores.remote.SparqlStore`."""

    spec: str
    batch_triples = 10_000  # triples buffered before one write (one transaction / request)
    finalize_documents = 200  # documents whose nodes are finalized together

    def __init__(self) -> None:
        self._buffer: list[Quad] = []
        self._graph: Graph | None = None
        self.skipped = 0  # documents left out because the store has them already
        self.replaced = 0  # stored articles whose text changed: their old facts were removed

    # -- primitives ---------------------------------------------------------------------------
    def _select(self, query: str) -> list[tuple[Node | None, ...]]:
        raise NotImplementedError

    def _update(self, update: str) -> None:
        raise NotImplementedError

    def _insert(self, quads: Sequence[Quad]) -> None:
        """Write *quads* in one transaction (remote: one request per batch of whole documents)."""
        raise NotImplementedError

    def query(self, sparql: str, where: str = "query"):  # -> kg.query.QueryResult
        raise NotImplementedError

    def _ntriples(self, construct: str | None = None) -> bytes:
        """The default graph as N-Triples, or the triples of the SPARQL *construct* query over it
        (kg prefixes bound)."""
        raise NotImplementedError

    def _raw_triples(self, subjects: Sequence[Node], predicates: Sequence[Node] | None = None) -> Iterator[Triple]:
        """The documents' own triples (every named graph but the store's bookkeeping) about *subjects*
        (only those with one of *predicates*, when given)."""
        only = _values("p", predicates) if predicates is not None else ""
        for chunk in _chunks(list(subjects)):
            yield from self._select(
                f"SELECT DISTINCT ?s ?p ?o WHERE {{ {_values('s', chunk)} {only} GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(?g != {sparql_term(META)} && ?g != {sparql_term(ENRICHMENT)}) }}")

    def _replace_view(self, subjects: Sequence[Node], triples: Sequence[Triple]) -> None:
        """Make *triples* the default graph's triples about *subjects*, in one update."""
        delete = f"DELETE {{ ?s ?p ?o }} WHERE {{ {_values('s', subjects)} ?s ?p ?o }}"
        data = _data(triples)
        self._update(delete + (f" ;\nINSERT DATA {{ {data} }}" if data else ""))

    # -- the Store interface ------------------------------------------------------------------
    def new_documents(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents this store does not have yet. Same text → skipped (counted in
        :attr:`skipped`); an article stored before with another text → its old facts are removed
        now and the new text is yielded (counted in :attr:`replaced`)."""
        by_iri: dict[Node, str] = {}
        by_key: dict[str, list[Node]] = {}
        for graph, ident, digest, source in self._select(
                f"SELECT ?g ?id ?hash ?src WHERE {{ GRAPH ?g {{ ?g {sparql_term(KG.contentHash)} ?hash ; "
                f"{sparql_term(DCTERMS.identifier)} ?id . OPTIONAL {{ ?g {sparql_term(KG.sourcePath)} ?src }} }} }}"):
            by_iri[graph] = str(digest)
            stored = Document(id=str(ident), text="", source=str(source) if source is not None else None)
            # the stored id carries the hash of the text it was made from
            key = ("source:" + stored.source if stored.source and stored.source != "<stdin>" else None) \
                if str(ident).endswith("-" + str(digest)[:8]) else "id:" + str(ident)
            if key:
                by_key.setdefault(key, []).append(graph)
        seen: set[Node] = set()
        for doc in documents:
            iri = document_iri(doc.id)
            if iri in seen:
                yield doc  # the same article twice in one run: one document, as in memory
                continue
            seen.add(iri)
            if by_iri.get(iri) == content_hash(doc.text):
                self.skipped += 1
                continue
            key = document_key(doc)
            for old in by_key.pop(key, []) if key else []:
                self.remove_document(old)
                self.replaced += 1
            yield doc

    def add(self, triples: Iterable[Triple]) -> None:
        """Buffer one document's triples (as :func:`kg.graph.mapping.facts_triples` yields them)
        for its named graph; written in batches of whole documents."""
        triples = list(triples)
        docs = [s for s, p, o in triples if p == RDF.type and o == KG.Document]
        graph = docs[0] if docs else META
        last = [t for t in triples if t[1] == KG.contentHash]  # "stored" only once all else is in
        quads: list[Quad] = [(META, PENDING_DOCUMENT, graph, META)]
        quads += [(s, p, o, graph) for s, p, o in triples if p != KG.contentHash]
        quads += [(s, p, o, graph) for s, p, o in last]
        self._buffer.extend(quads)
        self._graph = None
        if len(self._buffer) >= self.batch_triples:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self._insert(self._buffer)
            self._buffer = []
            release()  # the batch's terms and quads are garbage now: else the peak grows with the run

    def remove_document(self, graph: Node) -> None:
        """Drop a document's named graph; the nodes it touched are marked for :meth:`finalize`."""
        g = sparql_term(graph)
        self._update(f"INSERT {{ GRAPH {sparql_term(META)} {{ {sparql_term(META)} {sparql_term(PENDING_SUBJECT)} ?s }} }} "
                     f"WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} ;\nDROP SILENT GRAPH {g}")
        self._graph = None

    def finalize(self, min_confidence: float = 0.0) -> None:
        """Rewrite the default graph for every node touched since the last finalize, from all
        the documents' triples in the store, then clear the pending markers. Done a group of
        documents at a time, so that memory does not grow with the size of the run."""
        self.flush()
        meta, pdoc, psub = sparql_term(META), sparql_term(PENDING_DOCUMENT), sparql_term(PENDING_SUBJECT)
        pending = sorted(r[0] for r in self._select(f"SELECT ?g WHERE {{ GRAPH {meta} {{ {meta} {pdoc} ?g }} }}"))
        for group in _chunks(pending, self.finalize_documents):
            touched = {r[0] for r in self._select(
                f"SELECT DISTINCT ?s WHERE {{ {_values('g', group)} GRAPH ?g {{ ?s ?p ?o }} }}")}
            self._settle(touched, min_confidence)
            self._update(f"DELETE DATA {{ GRAPH {meta} {{ "
                         + " ".join(f"{meta} {pdoc} {sparql_term(g)} ." for g in group) + " } }")
            release()  # each group's context graph, freed
        subjects = sorted(r[0] for r in self._select(f"SELECT ?s WHERE {{ GRAPH {meta} {{ {meta} {psub} ?s }} }}"))
        for chunk in _chunks(subjects, self.finalize_documents * 50):
            self._settle(set(chunk), min_confidence)
            self._update(f"DELETE DATA {{ GRAPH {meta} {{ "
                         + " ".join(f"{meta} {psub} {sparql_term(s)} ." for s in chunk) + " } }")
        self._graph = None

    def _settle(self, touched: set[Node], min_confidence: float) -> None:
        """Finalize the nodes in *touched* (and what depends on them) as a memory build would."""
        if not touched:
            return
        rewrite, context = self._context(touched, min_confidence)
        update_confidences(context)
        if min_confidence > 0:
            drop_weak_statements(context, min_confidence)
        settle_labels(context)
        for chunk in _chunks(sorted(rewrite)):
            self._replace_view(chunk, [t for s in chunk for t in context.triples((s, None, None))])

    def _context(self, touched: set[Node], min_confidence: float) -> tuple[set[Node], Graph]:
        """The nodes whose view must be rewritten, and a graph of the documents' triples that
        holds everything finalizing them needs."""
        context = Graph()
        loaded: set[Node] = set()

        def load(subjects: Iterable[Node]) -> None:
            todo = sorted(set(subjects) - loaded)
            loaded.update(todo)
            for t in self._raw_triples(todo):
                context.add(t)

        rewrite = set(touched)
        load(rewrite)
        # a statement's confidence needs its evidence: all of it when weak statements are dropped
        # (below), else only each piece's confidence and rule, since the evidence of other documents
        # is not rewritten (a statement made in every article would otherwise bring every article's
        # evidence, whole, into each group)
        if min_confidence <= 0:
            for t in self._raw_triples(sorted(set(context.objects(None, KG.evidence)) - loaded), _CONFIDENCE):
                context.add(t)
        else:
            load(context.objects(None, KG.evidence))
            # a statement dropped or kept takes all its evidence along, from every document
            rewrite |= {e for s in touched for e in context.objects(s, KG.evidence)}
            rewrite |= self._dependents(context, touched)
            load(rewrite)
            rewrite |= {e for s in rewrite for e in context.objects(s, KG.evidence)}
            load(rewrite)
            self._load_support(context, rewrite, load)
        return rewrite, context

    def _dependents(self, context: Graph, touched: set[Node]) -> set[Node]:
        """Nodes outside *touched* whose view changes when a touched statement is dropped or comes
        back: inferred evidence citing it, events its facts support (and their documents and
        evidence), the positions it is about."""
        statements = [s for s in touched if (s, RDF.type, KG.Statement) in context]
        ends = sorted({o for s in statements for o in (context.value(s, RDF.subject), context.value(s, RDF.object))
                       if o is not None})
        found: set[Node] = set()
        for chunk in _chunks(statements):
            found |= {r[0] for r in self._select(
                f"SELECT DISTINCT ?e WHERE {{ {_values('st', chunk)} GRAPH ?g {{ ?e {sparql_term(PROV.wasDerivedFrom)} ?st }} }}")}
        roles = "|".join(sparql_term(r) for r in _ROLES)
        for chunk in _chunks(ends):
            for ev, doc, evidence in self._select(
                    f"SELECT DISTINCT ?ev ?d ?e WHERE {{ {_values('x', chunk)} GRAPH ?g {{ ?ev {roles} ?x . "
                    f"OPTIONAL {{ ?d {sparql_term(SDO.mentions)} ?ev }} OPTIONAL {{ ?ev {sparql_term(KG.evidence)} ?e }} }} }}"):
                found |= {t for t in (ev, doc, evidence) if t is not None}
        found |= {context.value(s, RDF.object) for s in statements
                  if context.value(s, RDF.predicate) == KG.holdsPosition} - {None}
        return found - touched

    def _load_support(self, context: Graph, rewrite: set[Node], load) -> None:
        """Load what deciding whether the nodes in *rewrite* stay needs: the statements behind
        evidence and direct triples, events' participants, positions' holders."""
        evidence = [s for s in rewrite if (s, RDF.type, KG.Evidence) in context]
        for chunk in _chunks(evidence):
            load(r[0] for r in self._select(
                f"SELECT DISTINCT ?st WHERE {{ {_values('e', chunk)} GRAPH ?g {{ ?st {sparql_term(KG.evidence)} ?e }} }}"))
        load(o for e in evidence for o in context.objects(e, PROV.wasDerivedFrom))
        events = {o for d in rewrite for o in context.objects(d, SDO.mentions)} | set(rewrite)
        load(o for ev in events if (ev, RDF.type, KG.Event) in context for r in _ROLES for o in context.objects(ev, r))
        positions = [s for s in rewrite if (s, RDF.type, KG.Position) in context]
        for chunk in _chunks(positions):
            load(r[0] for r in self._select(
                f"SELECT DISTINCT ?h WHERE {{ {_values('pos', chunk)} GRAPH ?g {{ ?h {sparql_term(KG.holdsPosition)} ?pos }} }}"))
        # every direct triple in the context with its statement and evidence, so that
        # drop_weak_statements decides about it as a memory build would
        load(statement_iri(s, p, o) for s, p, o in list(context) if p not in _STRUCTURE and isinstance(o, URIRef))
        load(context.objects(None, KG.evidence))

    def enrich(self, derive: Callable[[Graph], object], view: str | None = None) -> None:
        """Apply *derive* (a function that adds to and removes from an rdflib graph: place links,
        inferences) to the finalized graph, as a memory build applies it after finalizing.
        What it changed last time is taken back first and kept apart in its own named graph, so
        each run derives from the documents' facts alone.

        *derive* sees the whole default graph, read into memory, unless *view* is given: a SPARQL
        ``CONSTRUCT`` query (kg prefixes bound) whose result holds every triple *derive* reads or
        could add or remove (:data:`kg.graph.geo.LINKING_VIEW` for place links), so that a large
        store is not read whole."""
        self.flush()
        old = [(s, p, o) for s, p, o in self._select(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH {sparql_term(ENRICHMENT)} {{ ?s ?p ?o }} }}")]
        base = new_graph()
        base.parse(io.BytesIO(self._ntriples(view)), format="nt")
        for t in old:
            base.remove(t)
        before = set(base)
        derive(base)
        after = set(base)
        added, removed = sorted(after - before), sorted(before - after)
        steps = [f"DROP SILENT GRAPH {sparql_term(ENRICHMENT)}"]
        steps += [f"DELETE DATA {{ {_data(chunk)} }}" for chunk in _chunks(old + removed, _CHUNK) if chunk]
        for chunk in _chunks(added, _CHUNK):
            steps.append(f"INSERT DATA {{ {_data(chunk)} GRAPH {sparql_term(ENRICHMENT)} {{ {_data(chunk)} }} }}")
        for step in steps:
            self._update(step)
        self._graph = None

    # -- reading ------------------------------------------------------------------------------
    @property
    def graph(self) -> Graph:
        """The default graph as an rdflib graph (for statistics, pages, evaluation; cached)."""
        if self._graph is None:
            self.flush()
            graph = new_graph()
            graph.parse(io.BytesIO(self._ntriples()), format="nt")
            self._graph = graph
        return self._graph

    def serialize(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the default graph; the same bytes as a memory build of the same documents."""
        fmt = rdf_format(path, format)
        if fmt == "nt":  # straight from the store, sorted as render() sorts it
            lines = sorted(set(self._ntriples().decode("utf-8").splitlines()) - {""})
            data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        else:
            data = render(self.graph, fmt)
        with atomic_write(path, "wb", encoding=None) as handle:
            handle.write(data)
        return Path(path)

    def __len__(self) -> int:
        self.flush()
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0][0]) if rows else 0

    def close(self) -> None:
        self.flush()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec}>"

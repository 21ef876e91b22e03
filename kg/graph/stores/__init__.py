"""Choosing where a graph lives from a store spec, ``open_store(spec)``.

* ``memory`` (the default): an rdflib graph in memory (:class:`kg.graph.store.MemoryStore`).
* ``oxigraph:DIR``: an on-disk Oxigraph store in folder DIR, created when missing
  (:mod:`kg.graph.stores.oxigraph`).
* ``sparql:QUERY_URL`` or ``sparql:QUERY_URL|UPDATE_URL``: a remote SPARQL 1.1 store
  (:mod:`kg.graph.stores.remote`); without an update URL, ``…/query`` and ``…/sparql`` update at
  ``…/update`` (Oxigraph server ``/query`` → ``/update``, Fuseki ``/ds/query`` → ``/ds/update``).

The persistent stores build incrementally (see :mod:`kg.graph.stores.incremental`).
"""
from __future__ import annotations

from ...errors import KgError
from ..store import MemoryStore
from .incremental import IncrementalStore

SCHEMES = ("oxigraph:", "sparql:")


def is_store_spec(text: str) -> bool:
    """True for ``oxigraph:…`` and ``sparql:…`` (anything else is a graph file or ``memory``)."""
    return text.startswith(SCHEMES)


def open_store(spec: str | None = "memory", read_only: bool = False) -> MemoryStore | IncrementalStore:
    """The store *spec* names; *read_only* opens an Oxigraph folder without locking it (and
    without creating it). Problems raise a one-line :class:`KgError` naming the spec."""
    spec = (spec or "memory").strip()
    if spec == "memory":
        return MemoryStore()
    if spec.startswith("oxigraph:"):
        from .oxigraph import OxigraphStore

        path = spec[len("oxigraph:"):]
        if not path:
            raise KgError(spec, "no folder given; write oxigraph:DIR")
        return OxigraphStore(path, read_only=read_only)
    if spec.startswith("sparql:"):
        from .remote import SparqlStore

        return SparqlStore(spec[len("sparql:"):])
    raise KgError(spec, "unknown store; use memory, oxigraph:DIR or sparql:http://HOST:PORT/PATH")


__all__ = ["SCHEMES", "IncrementalStore", "is_store_spec", "open_store"]

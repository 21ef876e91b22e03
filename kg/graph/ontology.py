"""Where the ontology and the SHACL shapes are, and loading them once per process.

They live in ``ontologies/`` at the repository root (``kg.ttl``, ``kg-shapes.ttl``); a copy
under ``kg/data/ontologies/`` is used instead when kg is installed without the repository.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from ..errors import KgError
from ..settings import DATA_DIR, PACKAGE_DIR
from .store import load_graph

_PLACES = (PACKAGE_DIR.parent / "ontologies", DATA_DIR / "ontologies")


def ontology_path(name: str) -> Path:
    """The bundled file *name* (``kg.ttl`` or ``kg-shapes.ttl``)."""
    for folder in _PLACES:
        if (folder / name).is_file():
            return folder / name
    raise KgError(name, "the bundled ontology file is missing from this installation")


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Graph:
    return load_graph(path)


def load_rdf(path: str | os.PathLike[str]) -> Graph:
    """An RDF file parsed once per process (the ontology and shapes are read by every build)."""
    path = Path(path)
    return _cached(str(path), path.stat().st_mtime if path.exists() else 0.0)


def ontology() -> Graph:
    return load_rdf(ontology_path("kg.ttl"))


def shapes() -> Graph:
    return load_rdf(ontology_path("kg-shapes.ttl"))

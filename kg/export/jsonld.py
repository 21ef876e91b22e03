"""JSON-LD with a ``@context`` of the kg prefixes (rdflib's serialiser), so that keys read
``kg:visited`` and ``rdfs:label`` instead of full IRIs."""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from ..fileio import atomic_write
from ..graph.vocab import PREFIXES


def context() -> dict[str, str]:
    """The JSON-LD context: each kg prefix → its namespace."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def write_jsonld(graph: Graph, path: Path) -> Path:
    data = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
    nodes = data.get("@graph")
    if isinstance(nodes, list):  # rdflib's node order follows hashing: sort for stable files
        nodes.sort(key=lambda node: json.dumps(node, sort_keys=True))
    with atomic_write(path) as handle:
        handle.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return path

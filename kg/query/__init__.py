"""SPARQL over kg graphs: reading queries, running them read-only, and rendering the results."""
from __future__ import annotations

from .format import compact_iri, compact_term, to_csv, to_json, to_table, to_turtle
from .sparql import PREFIX_HEADER, QueryResult, read_query, run_query

__all__ = [
    "PREFIX_HEADER",
    "QueryResult",
    "compact_iri",
    "compact_term",
    "read_query",
    "run_query",
    "to_csv",
    "to_json",
    "to_table",
    "to_turtle",
]

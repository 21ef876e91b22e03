"""Content negotiation for SPARQL results: the ``format=`` parameter first, then the Accept header.

SELECT and ASK answer in SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE in Turtle,
N-Triples or JSON-LD. A client that accepts none of them gets 406 with the list.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..query import QueryResult


@dataclass(frozen=True)
class Format:
    """One result format: its short name, the media types it answers to (first = the one sent)."""

    name: str
    media_types: tuple[str, ...]

    @property
    def media_type(self) -> str:
        return self.media_types[0]


#: Formats in order of the server's preference (the first is the default).
RESULT_FORMATS = (
    Format("json", ("application/sparql-results+json", "application/json", "text/javascript", "application/javascript")),
    Format("xml", ("application/sparql-results+xml", "application/xml", "text/xml")),
    Format("csv", ("text/csv",)),
    Format("tsv", ("text/tab-separated-values",)),
)
GRAPH_FORMATS = (
    Format("turtle", ("text/turtle", "application/x-turtle")),
    Format("nt", ("application/n-triples", "text/plain")),
    Format("jsonld", ("application/ld+json", "application/json")),
)
#: Other spellings of the ``format=`` names.
ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "srj": "json", "srx": "xml"}


class NotAcceptable(Exception):
    """No format the client accepts fits this kind of result (HTTP 406)."""


def _ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range that matches *media_type* (0 when none does)."""
    kind = media_type.split("/")[0]
    best, specificity = 0.0, -1
    for media, q in ranges:
        level = 2 if media == media_type else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
        if level > specificity:
            best, specificity = q, level
    return best if specificity >= 0 else 0.0


def choose(result: QueryResult, accept: str | None, format_param: str | None) -> Format:
    """The format to answer *result* in."""
    formats = GRAPH_FORMATS if result.kind == "graph" else RESULT_FORMATS
    if format_param:
        wanted = format_param.strip().lower()
        wanted = ALIASES.get(wanted, wanted)
        for fmt in formats:
            if wanted == fmt.name or wanted in fmt.media_types:
                return fmt
        raise NotAcceptable(f"format={format_param} is not available for {_kind(result)} results; use one of "
                            + ", ".join(f.name for f in formats))
    ranges = _ranges(accept or "")
    if not ranges:
        return formats[0]
    scored = [(max(_quality(m, ranges) for m in fmt.media_types), -i, fmt) for i, fmt in enumerate(formats)]
    q, _, fmt = max(scored, key=lambda item: item[:2])
    if q <= 0:
        raise NotAcceptable(f"none of the accepted types ({accept}) fits {_kind(result)} results; available: "
                            + ", ".join(f.media_type for f in formats))
    return fmt


def _kind(result: QueryResult) -> str:
    return {"graph": "CONSTRUCT/DESCRIBE", "ask": "ASK", "select": "SELECT"}[result.kind]


def render(result: QueryResult, fmt: Format) -> bytes:
    """The result's body in *fmt* (UTF-8)."""
    render_as = {
        "json": result.to_json, "xml": result.to_xml, "csv": result.to_csv, "tsv": result.to_tsv,
        "turtle": result.to_turtle, "nt": result.to_ntriples, "jsonld": result.to_json,
    }[fmt.name]
    return render_as().encode("utf-8")

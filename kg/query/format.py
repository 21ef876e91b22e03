"""Rendering SPARQL results: compact terms for people, CSV and W3C JSON for machines.

People read a rich table whose IRIs are shortened with the kg prefixes; programs get the
standard formats (SPARQL 1.1 Query Results CSV and JSON, Turtle and JSON-LD for graphs),
which always carry full IRIs so that the values can be used without knowing our prefixes.
"""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rdflib import Graph
from rdflib.term import BNode, Literal, Node, URIRef
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..errors import QueryError
from ..graph.vocab import PREFIXES

if TYPE_CHECKING:  # only for annotations: sparql.py imports this module at run time
    from .sparql import QueryResult

# Longest namespace first, so that a more specific prefix wins over a shorter one.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
# Local names shown after "prefix:". Stricter than an IRI, looser than SPARQL's PN_LOCAL: "/"
# is allowed because entity IRIs are path-like (kgr:person/jane_doe); anything that could be
# misread (spaces, quotes, brackets, a trailing dot) keeps the full <IRI> form instead.
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_\-./:%~]*[A-Za-z0-9_\-/:%~])?")


# One regular expression finds the longest namespace (alternatives are tried in order): a result of
# 100,000 IRIs is compacted in one C call each rather than a loop over every prefix.
_NAMESPACE = re.compile("|".join(re.escape(namespace) for _, namespace in _BY_LENGTH))
_PREFIX_OF: dict[str, str] = {}
for _prefix, _namespace in _BY_LENGTH:
    _PREFIX_OF.setdefault(_namespace, _prefix)


def compact_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace whose local part reads cleanly, else ``<iri>``."""
    match = _NAMESPACE.match(iri)
    if match is not None:
        local = iri[match.end():]
        if _LOCAL.fullmatch(local):
            return f"{_PREFIX_OF[match.group()]}:{local}"
    return f"<{iri}>"


def compact_term(term: Node | None) -> str | None:
    """A term as a person reads it: short IRIs, literal values as their lexical form, ``_:id`` for blank nodes."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _full_term(term: Node | None) -> str:
    """A term for CSV, as SPARQL 1.1 CSV writes it: full IRI, lexical value, ``_:id``, or empty."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    """One RDF term in the W3C SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    # Variables or quoted triples cannot be query results of a plain rdflib Graph.
    return {"type": "literal", "value": str(term)}


def _prefixed_copy(graph: Graph) -> Graph:
    """The graph with exactly the kg prefixes bound (rdflib would otherwise add its own ~30)."""
    out = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace, override=True, replace=True)
    out += graph
    return out


def to_turtle(result: QueryResult) -> str:
    """Turtle text of a CONSTRUCT or DESCRIBE result."""
    if result.graph is None:
        raise QueryError(None, f"Turtle output is only available for CONSTRUCT and DESCRIBE queries, not {result.kind.upper()}")
    return _prefixed_copy(result.graph).serialize(format="turtle")


def to_table(result: QueryResult) -> RenderableType:
    """A rich renderable: a table for SELECT and ASK, the Turtle text for graph results."""
    if result.kind == "graph":
        return Text(to_turtle(result))
    table = Table(show_lines=False, header_style="bold")
    if result.kind == "ask":
        table.add_column("ask")
        table.add_row(Text("true" if result.boolean else "false"))
        return table
    for name in result.variables:
        table.add_column(name, overflow="fold")
    for row in result.rows:
        # Text(), not str: a label such as "[b]x[/b]" must not be read as rich markup.
        table.add_row(*(Text(value if value is not None else "") for value in row))
    table.caption = f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    return table


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: a header of variable names, then one line per row (CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # default dialect: RFC 4180 quoting and CRLF, as the W3C format asks
    if result.kind == "graph":
        raise QueryError(None, "CSV output is not available for CONSTRUCT and DESCRIBE results; use turtle or json")
    if result.kind == "ask":
        writer.writerow(["ask"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.terms:
        writer.writerow([_full_term(term) for term in row])
    return buffer.getvalue()


def to_json(result: QueryResult, indent: int | None = 2) -> str:
    """SPARQL 1.1 Query Results JSON for SELECT and ASK; JSON-LD for CONSTRUCT and DESCRIBE."""
    if result.kind == "graph":
        assert result.graph is not None
        return result.graph.serialize(format="json-ld", indent=indent)
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=indent)
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
        for row in result.terms
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=indent, ensure_ascii=False)


def _tsv_term(term: Node | None) -> str:
    """A term as SPARQL 1.1 TSV writes it: in Turtle/N-Triples syntax, empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    text = term.n3()
    # tabs and newlines would break the row; N-Triples escapes keep the value intact
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` headers, terms in N-Triples syntax, LF line ends."""
    if result.kind == "graph":
        raise QueryError(None, "TSV output is not available for CONSTRUCT and DESCRIBE results; use turtle or json")
    if result.kind == "ask":
        return "?ask\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join(_tsv_term(term) for term in row) for row in result.terms]
    return "\n".join(lines) + "\n"


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{xml_escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{xml_escape(str(term))}</bnode>"
    attrs = ""
    if isinstance(term, Literal):
        if term.language:
            attrs = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype is not None:
            attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{xml_escape(str(term))}</literal>"


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format (the W3C ``sparql`` document) for SELECT and ASK."""
    if result.kind == "graph":
        raise QueryError(None, "SPARQL XML results are not available for CONSTRUCT and DESCRIBE; use turtle or json")
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"<variable name={quoteattr(name)}/>" for name in result.variables]
    out += ["</head>", "<results>"]
    for row in result.terms:
        cells = "".join(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                        for name, term in zip(result.variables, row) if term is not None)
        out.append(f"<result>{cells}</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_ntriples(result: QueryResult) -> str:
    """N-Triples of a CONSTRUCT or DESCRIBE result, sorted so that the same graph gives the same text."""
    if result.graph is None:
        raise QueryError(None, f"N-Triples output is only available for CONSTRUCT and DESCRIBE queries, not {result.kind.upper()}")
    lines = sorted(set(result.graph.serialize(format="nt").splitlines()) - {""})
    return "\n".join(lines) + ("\n" if lines else "")


def _python_value(term: Node | None) -> Any:
    """A literal's Python value (int, float, date, str), an IRI compacted, None when unbound."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):  # xsd:decimal (kg:confidence): pandas computes on floats, not Decimals
            return float(value)
        return str(term) if isinstance(value, Literal) else value  # unknown datatypes stay text
    return compact_term(term)


def to_dataframe(result: QueryResult) -> Any:
    """A pandas DataFrame: one column per variable (SELECT), ``ask`` (ASK) or
    ``subject, predicate, object`` (graph results). Needs pandas (``pip install 'newskg[notebook]'``)."""
    try:
        import pandas as pd
    except ImportError:
        raise QueryError(None, "to_dataframe needs pandas: pip install 'newskg[notebook]'") from None
    if result.kind == "ask":
        return pd.DataFrame({"ask": [bool(result.boolean)]})
    if result.kind == "graph":
        assert result.graph is not None
        rows = sorted((tuple(_python_value(t) for t in triple) for triple in result.graph), key=lambda r: tuple(map(str, r)))
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    return pd.DataFrame([tuple(_python_value(t) for t in row) for row in result.terms], columns=list(result.variables))

"""RDF terms as SPARQL (and N-Triples) text."""
from __future__ import annotations

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

_XSD_STRING = str(XSD.string)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def sparql_term(term: Node) -> str:
    """The term as SPARQL (and N-Triples) text: ``<iri>``, ``"lexical"^^<datatype>``, ``"text"@lang``, ``_:b``."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")

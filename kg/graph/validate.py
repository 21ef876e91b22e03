"""SHACL validation of a kg graph with pyshacl, as a small report: does it conform, and which
node breaks which constraint.

The shapes are ``ontologies/kg-shapes.ttl`` unless the caller gives others. No inference is
run before validating (the graph states every type it uses), so validation costs one pass.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from ..errors import KgError
from .ontology import load_rdf
from .ontology import shapes as default_shapes
from .vocab import PREFIXES


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path and what is wrong."""

    focus: str  # short IRI of the focus node ("kgr:evidence/…", "place:ningbo")
    path: str | None  # short IRI of the property, when the shape is a property shape
    message: str
    value: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None and self.value != self.focus else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """What :func:`validate` returns: ``conforms`` and the ``violations``, one per failed constraint."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def summary(self) -> str:
        if self.conforms:
            return "conforms: 0 violations"
        return f"does not conform: {len(self.violations)} violation(s)"

    def lines(self) -> list[str]:
        return [str(v) for v in self.violations] + [self.summary()]


def _short(graph: Graph, term: object) -> str:
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        text = str(term)
        return repr(text if len(text) <= 60 else text[:57] + "...")
    return str(term) if term is not None else ""


def validate(graph: Graph, shapes: Graph | str | os.PathLike[str] | None = None) -> ValidationReport:
    """Validate *graph* against *shapes* (a graph or a file; default: kg's shapes)."""
    try:
        import pyshacl  # imported here: only validation needs it
    except ImportError:
        raise KgError("pyshacl", "not installed; validation needs it: pip install 'newskg[validate]'") from None

    shapes_graph = default_shapes() if shapes is None else shapes if isinstance(shapes, Graph) else load_rdf(shapes)
    conforms, results, _text = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none",
                                                abort_on_first=False, allow_warnings=True)
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        path = results.value(result, SH.resultPath)
        violations.append(Violation(
            focus=_short(graph, results.value(result, SH.focusNode)),
            path=_short(graph, path) if isinstance(path, URIRef) else None,
            message=str(message) if message is not None else "constraint not met",
            value=_short(graph, results.value(result, SH.value)) if results.value(result, SH.value) is not None else None,
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), violations=violations)

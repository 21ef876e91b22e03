"""Writing facts that the graph derives after the build (reasoning, gazetteer knowledge).

They take the representation that rule-inferred facts already have (:mod:`kg.graph.mapping`):
the direct triple, a ``kg:Statement`` and one ``kg:Evidence`` with ``kg:rule``, its premises
(``prov:wasDerivedFrom`` statements or gazetteer records) and, for outside knowledge, a
``kg:source``. A fact that is already in the graph is left as it is, so that derivations never
raise the confidence of what a sentence says.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV

from .iris import evidence_iri, statement_iri
from .mapping import _confidence, update_confidences
from .vocab import KG


@dataclass(frozen=True)
class Derived:
    """A fact derived by *rule* from *premises* (statement IRIs) or *records* (e.g. GeoNames IRIs)."""

    subject: URIRef
    predicate: URIRef
    object: URIRef
    rule: str
    extractor: str  # "reason/owl-transitive-locatedIn", "gazetteer/geonames"
    confidence: float
    premises: tuple[URIRef, ...] = ()
    records: tuple[URIRef, ...] = ()
    source: str | None = None


def add_derived(graph: Graph, facts: Iterable[Derived]) -> list[URIRef]:
    """Add the facts not yet in *graph*; returns their new statements (typed and scored)."""
    added = []
    for fact in facts:
        s, p, o = fact.subject, fact.predicate, fact.object
        if s == o or (s, p, o) in graph:
            continue
        graph.add((s, p, o))
        stmt = statement_iri(s, p, o)
        for triple in ((stmt, RDF.type, KG.Statement), (stmt, RDF.subject, s), (stmt, RDF.predicate, p),
                       (stmt, RDF.object, o)):
            graph.add(triple)
        node = evidence_iri(stmt, fact.rule, *sorted(fact.premises), *sorted(fact.records))
        graph.add((stmt, KG.evidence, node))
        graph.add((node, RDF.type, KG.Evidence))
        graph.add((node, KG.extractor, Literal(fact.extractor)))
        graph.add((node, KG.rule, Literal(fact.rule)))
        graph.add((node, KG.confidence, _confidence(fact.confidence)))
        for premise in (*fact.premises, *fact.records):
            graph.add((node, PROV.wasDerivedFrom, premise))
        if fact.source:
            graph.add((node, KG.source, Literal(fact.source)))
        added.append(stmt)
    update_confidences(graph, added)
    return added

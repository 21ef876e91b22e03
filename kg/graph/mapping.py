"""Fact records → RDF, in one place.

For each document: the document node and its metadata; each entity with its type, label,
alternative labels and the documents that mention it; each relation as a direct triple
(``s kg:visited o``, both directions for symmetric relations) and as a reified
``kg:Statement`` with one ``kg:Evidence`` per supporting sentence or rule:

    kgr:statement/… a kg:Statement, kg:ExtractedStatement ;
        rdf:subject kgr:person/john_lee_ka-chiu ; rdf:predicate kg:visited ; rdf:object kgr:place/ningbo ;
        kg:confidence 0.9 ; kg:evidence kgr:evidence/… .
    kgr:evidence/… a kg:Evidence ; prov:wasDerivedFrom kgr:doc/zhejiang_visit-1a2b3c4d ;
        kg:sentence "Lee will also visit Ningbo …" ; kg:startChar 2581 ; kg:endChar 2693 ;
        kg:extractor "visited/visit-verb" ; kg:confidence 0.9 .

Inferred facts carry ``kg:rule`` and ``prov:wasDerivedFrom`` their premise statements instead of a
sentence; their statement is a ``kg:InferredStatement`` unless a sentence also supports it.
Visits and signings are also n-ary event nodes with a ``kg:modality``; the relations of cancelled
and denied ones are not among the facts, so they give an event node and nothing else.
A statement's ``kg:confidence`` is the noisy-or of its evidence, recomputed by
:func:`update_confidences` after facts are added.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, SKOS

from ..extract.modality import ASSERTED
from ..extract.records import DocFacts, Entity, Event, Evidence, Position, Relation
from ..ingest.document import Document, content_hash
from .iris import document_iri, entity_iri, event_iri, evidence_iri, position_iri, statement_iri
from .vocab import KG, MODALITIES, SYMMETRIC_RELATIONS, relation_iri

Triple = tuple[URIRef, URIRef, object]


@lru_cache(maxsize=16384, typed=True)  # typed: Literal(1) is not Literal(True)
def _literal(value: str | int) -> Literal:
    """A plain literal, made once: labels, type reasons, extractor names and character offsets
    come back document after document (bounded: most are new in a long build)."""
    return Literal(value)


@lru_cache(maxsize=4096, typed=True)  # the rounded values (3 decimals) recur
def _confidence(value: float) -> Literal:
    number = Decimal(str(round(value, 3)))
    if number == number.to_integral_value():  # canonical xsd:decimal, as triple stores write it back: "1", not "1.0"
        number = number.quantize(Decimal(1))
    return Literal(number, datatype=XSD.decimal)


def document_triples(doc: Document) -> Iterator[Triple]:
    node = document_iri(doc.id)
    yield node, RDF.type, KG.Document
    yield node, DCTERMS.identifier, Literal(doc.id)
    yield node, KG.contentHash, Literal(content_hash(doc.text))
    if doc.title:
        yield node, DCTERMS.title, Literal(doc.title)
    if doc.date:
        try:
            yield node, DCTERMS.date, Literal(dt.date.fromisoformat(doc.date), datatype=XSD.date)
        except ValueError:
            yield node, DCTERMS.date, Literal(doc.date)
    if doc.url:
        yield node, SDO.url, Literal(doc.url, datatype=XSD.anyURI)
    if doc.source:
        yield node, KG.sourcePath, Literal(doc.source)


def entity_node(entity: Entity, doc_id: str) -> URIRef:
    return entity_iri(entity.type, entity.label, doc_id if entity.scope == "document" else None)


def entity_triples(entity: Entity, doc_id: str) -> Iterator[Triple]:
    node = entity_node(entity, doc_id)
    yield node, RDF.type, KG[entity.type]
    yield node, RDFS.label, _literal(entity.label)
    for alias in sorted(entity.aliases):
        if alias != entity.label:
            yield node, SKOS.altLabel, _literal(alias)
    for reason in entity.type_reasons:
        yield node, KG.typeEvidence, _literal(reason)
    yield document_iri(doc_id), SDO.mentions, node


def merge_evidence(relations: Iterable[Relation]) -> list[tuple[Relation, tuple[str, ...]]]:
    """One piece of evidence per fact and sentence: patterns that matched the same sentence are
    not independent, so they share one kg:Evidence (the best confidence, every extractor)."""
    merged: dict[tuple, tuple[Relation, set[str]]] = {}
    for rel in relations:
        ev = rel.evidence
        # a symmetric fact found both ways in one sentence is one fact (and one evidence node)
        ends = tuple(sorted((rel.subject, rel.object))) if rel.predicate in SYMMETRIC_RELATIONS else (rel.subject, rel.object)
        key = (ends, rel.predicate, rel.inferred, ev.start, ev.end, ev.rule if rel.inferred else None)
        if key in merged:
            best, extractors = merged[key]
            extractors.add(ev.extractor)
            if ev.confidence > best.evidence.confidence:
                merged[key] = (rel, extractors)
        else:
            merged[key] = (rel, {ev.extractor})
    return [(rel, tuple(sorted(extractors))) for rel, extractors in merged.values()]


def relation_triples(rel: Relation, facts: DocFacts, extractors: tuple[str, ...] = ()) -> Iterator[Triple]:
    s = entity_node(facts.entities[rel.subject], facts.doc_id)
    o = entity_node(facts.entities[rel.object], facts.doc_id)
    pairs = [(s, o), (o, s)] if rel.predicate in SYMMETRIC_RELATIONS else [(s, o)]
    premises = [
        statement_iri(entity_node(facts.entities[ps], facts.doc_id), relation_iri(pp),
                      entity_node(facts.entities[po], facts.doc_id))
        for ps, pp, po in rel.evidence.premises
    ]
    for subj, obj in pairs:
        yield from fact_triples(subj, relation_iri(rel.predicate), obj, rel.evidence, facts.doc_id,
                                inferred=rel.inferred, premises=premises, extractors=extractors)


def fact_triples(subj: URIRef, predicate: URIRef, obj: URIRef, ev: Evidence, doc_id: str,
                 inferred: bool = False, premises: list[URIRef] | None = None,
                 extractors: tuple[str, ...] = ()) -> Iterator[Triple]:
    """A direct triple, its kg:Statement and one kg:Evidence for it (per sentence or rule)."""
    yield subj, predicate, obj
    stmt = statement_iri(subj, predicate, obj)
    yield stmt, RDF.type, KG.Statement
    yield stmt, RDF.subject, subj
    yield stmt, RDF.predicate, predicate
    yield stmt, RDF.object, obj
    node = evidence_iri(stmt, doc_id, ev.start, ev.end, ev.rule if inferred else None)
    yield stmt, KG.evidence, node
    yield node, RDF.type, KG.Evidence
    for name in extractors or (ev.extractor,):
        yield node, KG.extractor, _literal(name)
    yield node, KG.confidence, _confidence(ev.confidence)
    if inferred:
        yield node, KG.rule, _literal(ev.rule or ev.extractor)
        for premise in premises or ():
            yield node, PROV.wasDerivedFrom, premise
    else:
        yield node, PROV.wasDerivedFrom, document_iri(doc_id)
        if ev.sentence is not None:
            yield node, KG.sentence, Literal(ev.sentence)
        if ev.start is not None and ev.end is not None:
            yield node, KG.startChar, _literal(ev.start)
            yield node, KG.endChar, _literal(ev.end)


def position_triples(position: Position, facts: DocFacts) -> Iterator[Triple]:
    """``person kg:holdsPosition kgr:position/...`` and the position's title and organisation."""
    holder = entity_node(facts.entities[position.holder], facts.doc_id)
    org = facts.entities[position.organization] if position.organization else None
    node = position_iri(position.title, org.label if org else None)
    yield node, RDF.type, KG.Position
    yield node, RDFS.label, _literal(f"{org.label} {position.title}" if org else position.title)
    yield node, KG.title, _literal(position.title)
    if org is not None:
        yield node, KG.positionIn, entity_node(org, facts.doc_id)
    yield from fact_triples(holder, KG.holdsPosition, node, position.evidence, facts.doc_id)


_ROLE_PREDICATES = {"agent": KG.agent, "destination": KG.destination, "party": KG.party}


def event_triples(event: Event, facts: DocFacts) -> Iterator[Triple]:
    """An n-ary visit or agreement-signing node with its participants, modality, date, topics and
    evidence. Cancelled and denied events are nodes only: their relations never reach the facts
    (:func:`kg.extract.extractor.extract`)."""
    node = event_iri(facts.doc_id, event.key)
    yield node, RDF.type, KG[event.kind]
    yield node, RDF.type, KG.Event  # also stated, so that plain SPARQL finds every event
    names: dict[str, list[str]] = {}
    for role, key in event.roles:
        entity = facts.entities[key]
        yield node, _ROLE_PREDICATES[role], entity_node(entity, facts.doc_id)
        names.setdefault(role, []).append(entity.label)
    if event.kind == "Visit":
        label = f"Visit: {', '.join(names.get('agent', []))} to {', '.join(names.get('destination', []))}"
    else:
        label = f"Agreement signing: {' and '.join(names.get('party', []))}"
    if event.modality not in ASSERTED:
        label += f" ({event.modality})"
    yield node, RDFS.label, Literal(label)
    yield node, KG.modality, MODALITIES[event.modality]
    if event.date:
        yield node, KG.date, Literal(dt.date.fromisoformat(event.date), datatype=XSD.date)
    if event.date_text:
        yield node, KG.dateText, Literal(event.date_text)
    for topic in event.topics:
        yield node, KG.topic, _literal(topic)
    yield document_iri(facts.doc_id), SDO.mentions, node
    ev = event.evidence
    evidence = evidence_iri(node, facts.doc_id, ev.start, ev.end, ev.extractor)
    yield node, KG.evidence, evidence
    yield evidence, RDF.type, KG.Evidence
    yield evidence, PROV.wasDerivedFrom, document_iri(facts.doc_id)
    yield evidence, KG.extractor, _literal(ev.extractor)
    yield evidence, KG.confidence, _confidence(ev.confidence)
    if ev.sentence is not None:
        yield evidence, KG.sentence, Literal(ev.sentence)
    if ev.start is not None and ev.end is not None:
        yield evidence, KG.startChar, _literal(ev.start)
        yield evidence, KG.endChar, _literal(ev.end)


def facts_triples(doc: Document, facts: DocFacts) -> Iterator[Triple]:
    """All triples for one document and its facts. Statement confidences, and leaving out weak
    facts, come once all evidence is in (:meth:`kg.graph.store.MemoryStore.finalize`)."""
    yield from document_triples(doc)
    for entity in facts.entities.values():
        yield from entity_triples(entity, facts.doc_id)
    for rel, extractors in merge_evidence(facts.relations):
        yield from relation_triples(rel, facts, extractors)
    for position in facts.positions:
        yield from position_triples(position, facts)
    for event in facts.events:
        yield from event_triples(event, facts)


def noisy_or(values: Iterable[float]) -> float:
    """Combined confidence of independent pieces of evidence: 1 - Π(1 - c)."""
    miss = 1.0
    for v in values:
        miss *= 1.0 - max(0.0, min(1.0, v))
    return 1.0 - miss


def update_confidences(graph, statements: Iterable[URIRef] | None = None) -> None:
    """(Re)compute each statement's combined confidence and its extracted/inferred type."""
    targets = list(statements) if statements is not None else list(graph.subjects(RDF.type, KG.Statement))
    for stmt in targets:
        evidence = list(graph.objects(stmt, KG.evidence))
        values = [float(c) for e in evidence for c in graph.objects(e, KG.confidence)]
        extracted = any((e, KG.rule, None) not in graph for e in evidence)
        graph.set((stmt, KG.confidence, _confidence(noisy_or(values))))
        graph.remove((stmt, RDF.type, KG.ExtractedStatement))
        graph.remove((stmt, RDF.type, KG.InferredStatement))
        graph.add((stmt, RDF.type, KG.ExtractedStatement if extracted else KG.InferredStatement))

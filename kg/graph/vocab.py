"""The kg vocabulary: the classes and properties of ``ontologies/kg.ttl`` as Python names.

Declared the way rdflib declares its own vocabularies (``rdflib/namespace/_SKOS.py``): a
``DefinedNamespace`` whose annotated names are the only valid terms, so a typo such as
``KG.visted`` fails at import time instead of writing a silent, unqueryable predicate.
``tests/test_ontology.py`` checks that this list and the Turtle file agree.
"""
from __future__ import annotations

import re

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

#: Base IRI of the ontology terms (prefix ``kg:``).
KG_NS = "https://w3id.org/newskg/ontology#"
#: Base IRI of the resources the builder mints: entities, documents, statements (prefix ``kgr:``).
KGR_NS = "https://w3id.org/newskg/id/"
KGR = Namespace(KGR_NS)


class KG(DefinedNamespace):
    """kg ontology: entity types, the extracted relations and the evidence model."""

    _NS = Namespace(KG_NS)
    _fail = True

    # Entity classes
    Entity: URIRef  # anything the builder found in the text
    Person: URIRef  # a named human
    Organization: URIRef  # company, agency, university, party, programme
    Place: URIRef  # country, region, city, district, named facility
    Group: URIRef  # an unnamed, delimited set the text treats as one unit ("the delegation")
    Event: URIRef  # a named or clearly delimited event
    Document: URIRef  # one ingested article
    Position: URIRef  # an office: a title, of an organisation or place
    Visit: URIRef  # an event: agents go to destinations
    AgreementSigning: URIRef  # an event: parties sign an agreement

    # Relations between entities (the four of the spec, plus roles)
    visited: URIRef  # agent went or is scheduled to go to a place or an organisation's premises
    includes: URIRef  # a whole (group, list, organisation) explicitly contains a member
    locatedIn: URIRef  # an organisation, place or facility is situated in a place
    signsAgreementWith: URIRef  # parties sign an agreement with each other (symmetric)
    leads: URIRef  # a person or organisation leads a group (a delegation)
    holdsPosition: URIRef  # a person holds an office (kg:Position)
    title: URIRef  # the title of a position ("Chief Executive")
    positionIn: URIRef  # the organisation or place a position belongs to
    agent: URIRef  # who visits
    destination: URIRef  # where a visit goes
    party: URIRef  # a side of an agreement
    date: URIRef  # the day of an event (xsd:date)
    dateText: URIRef  # the date expression as the article wrote it
    topic: URIRef  # what an event is about ("technology", "housing")
    modality: URIRef  # how the text states an event: one of the kg:Modality individuals
    Modality: URIRef  # the class of the four modalities below
    Reported: URIRef  # the event happened (or is happening), as the text asserts
    Planned: URIRef  # the event is scheduled or announced for the future
    Cancelled: URIRef  # the event was called off or postponed
    Denied: URIRef  # the text says the event did not happen

    # Evidence model (reified statements with PROV-O provenance)
    Statement: URIRef  # one relation triple, reified, with its combined confidence
    ExtractedStatement: URIRef  # a statement read from a sentence
    InferredStatement: URIRef  # a statement derived by a rule, a gazetteer or reasoning
    Evidence: URIRef  # one piece of support for a statement
    evidence: URIRef  # statement -> evidence
    sentence: URIRef  # the sentence text that supports the statement
    startChar: URIRef  # character offset where the sentence starts in the document text
    endChar: URIRef  # character offset where the sentence ends in the document text
    extractor: URIRef  # id of the pattern, rule or extractor that produced the evidence
    confidence: URIRef  # a number in [0, 1]
    rule: URIRef  # name of the inference rule for inferred statements

    # Documents and mentions
    sourcePath: URIRef  # file the document was read from
    contentHash: URIRef  # SHA-1 of the document's text (incremental builds skip what a store has)
    typeEvidence: URIRef  # why an entity has its type ("Organization +1.5: ends in 'Robotics'")

    # Place knowledge (offline gazetteers)
    countryCode: URIRef  # ISO 3166-1 alpha-2 code of the country a linked place is or is in
    source: URIRef  # the knowledge source of an inferred statement's evidence ("GeoNames ...")


_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def relation_iri(name: str) -> URIRef:
    """``kg:<name>`` for a relation, also for relations users add with their own patterns."""
    if not _LOCAL_NAME.match(name):
        raise ValueError(f"not a valid relation name: {name!r}")
    return URIRef(KG_NS + name)


#: Prefixes bound in every graph the builder writes and pre-bound in every query.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgr": KGR_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    # one prefix per kind of minted resource, so that IRIs print short and can be typed back
    "person": KGR_NS + "person/",
    "organization": KGR_NS + "organization/",
    "place": KGR_NS + "place/",
    "event": KGR_NS + "event/",
    "doc": KGR_NS + "doc/",
}

#: The entity classes, in the order legends list them.
ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Place", "Group", "Event")

#: Event nodes built from facts (n-ary visits and signings); not entities of the articles, so
#: the network view, statistics and page leave them out.
FACT_EVENT_TYPES: tuple[str, ...] = ("Visit", "AgreementSigning")

#: An event's modality (``Event.modality``, :mod:`kg.extract.modality`) as its kg individual.
MODALITIES: dict[str, URIRef] = {"reported": KG.Reported, "planned": KG.Planned, "cancelled": KG.Cancelled,
                                 "denied": KG.Denied}

#: The relations extracted from text (the spec's four) and which of them are symmetric.
RELATIONS: tuple[str, ...] = ("visited", "includes", "locatedIn", "signsAgreementWith")
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"signsAgreementWith"})

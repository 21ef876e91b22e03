"""Plain fact records: what extraction returns for one document.

They hold only strings, numbers and tuples, so they pickle cheaply to and from worker processes,
and the RDF mapping (:mod:`kg.graph.mapping`) is the only place that turns them into triples.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a sentence (offsets into the document text) or a rule."""

    extractor: str  # pattern id ("visited/visit-verb"), rule id ("rule/...") or plug-in name
    confidence: float
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    rule: str | None = None  # set for inferred facts
    premises: tuple[tuple[str, str, str], ...] = ()  # (subject key, relation, object key) it was derived from


@dataclass
class Entity:
    """One referent in one document, with every form the text used for it."""

    key: str  # document-local key, e.g. "e3"
    label: str  # the fullest proper name
    type: str  # Person, Organization, Place, Group, Event
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character spans in the document
    scope: str = "global"  # "global": same name and type is one node across documents; "document": Groups
    type_reasons: tuple[str, ...] = ()  # why it has its type, strongest first ("Organization +1.5: ends in 'Co.'")

    def names(self) -> set[str]:
        return {self.label, *self.aliases}


@dataclass(frozen=True)
class Relation:
    """A relation between two entities of the same document, with one piece of evidence."""

    subject: str  # Entity.key
    predicate: str  # visited, includes, locatedIn, signsAgreementWith, ...
    object: str  # Entity.key
    evidence: Evidence
    inferred: bool = False
    trigger: int | None = None  # token index of the word that signalled it (for events)
    modality: str = "reported"  # reported, planned, cancelled or denied (kg.extract.modality)


@dataclass(frozen=True)
class Position:
    """A person holds an office ("Chief Executive"), of an organisation or place when named."""

    holder: str  # Entity.key of a Person
    title: str
    organization: str | None  # Entity.key of an Organization or Place
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    """An n-ary event behind binary facts: a visit (agent, destination) or an agreement signing
    (parties), with its date and topics when the text gives them."""

    key: str  # document-local, e.g. "visit-1"
    kind: str  # "Visit" or "AgreementSigning"
    roles: tuple[tuple[str, str], ...]  # (role, Entity.key): agent, destination, party
    evidence: Evidence
    date: str | None = None  # ISO date when the text names a day
    date_text: str | None = None  # the date expression as written ("On Wednesday")
    topics: tuple[str, ...] = ()
    modality: str = "reported"  # reported, planned, cancelled or denied (kg.extract.modality)


@dataclass
class DocFacts:
    """Everything extracted from one document."""

    doc_id: str
    entities: dict[str, Entity] = field(default_factory=dict)
    # facts only: what happened or is planned; cancelled and denied visits and signings are in events
    relations: list[Relation] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

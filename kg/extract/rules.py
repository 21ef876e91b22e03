"""Inference rules: facts that follow from two extracted facts, marked as inferred.

Each rule joins two facts on a shared entity and concludes a third; the result carries the
rule's name and its premises instead of a sentence, so users can ask SPARQL for extracted facts
only, or for inferred ones.

* ``group-member-location``: a group located in a place, and its members, are there too
  ("Hangzhou's six little dragons ... including DeepSeek" → DeepSeek locatedIn Hangzhou).
* ``group-member-inclusion``: what includes a group includes its members ("the EU consists of
  27 member states, including France" → the EU includes France).
* ``delegation-leader``: the leader of a visiting group visits too (the spec: "a delegation's
  visit is also a visit by its named leader when the text says the leader leads it").
"""
from __future__ import annotations

from dataclasses import dataclass

from .modality import REPORTED
from .records import Entity, Evidence, Relation


@dataclass(frozen=True)
class Rule:
    """Two facts that share an entity (``first.<join[0]> == second.<join[1]>``, of a *via* type)
    give the *conclusion*, whose ends are written "1.subject", "2.object" (the first or second
    fact's subject or object). *member_types* restricts the second fact's other end. With
    *unique_first*, the shared entity must have one first fact only: "countries in Asia and
    Europe, including A" does not say which of the two A is in."""

    name: str
    confidence: float
    first: str
    second: str
    join: tuple[str, str]
    via: tuple[str, ...]
    conclusion: tuple[str, str, str]
    member_types: tuple[str, ...] = ()
    unique_first: bool = False


RULES = (
    Rule("group-member-location", 0.8, "locatedIn", "includes", ("subject", "subject"), ("Group",),
         ("2.object", "locatedIn", "1.object"), ("Organization", "Place"), unique_first=True),
    Rule("group-member-inclusion", 0.8, "includes", "includes", ("object", "subject"), ("Group",),
         ("1.subject", "includes", "2.object")),
    Rule("delegation-leader", 0.8, "leads", "visited", ("object", "subject"), ("Group", "Organization"),
         ("1.subject", "visited", "2.object")),
)


def _role(pair: tuple[Relation, Relation], spec: str) -> str:
    which, field = spec.split(".")
    return getattr(pair[int(which) - 1], field)


def apply_rules(entities: dict[str, Entity], relations: list[Relation], rules: tuple[Rule, ...] = RULES) -> list[Relation]:
    """New inferred relations (not already among *relations*), the strongest derivation of each."""
    have = {(r.subject, r.predicate, r.object) for r in relations}
    best: dict[tuple[str, str, str], Relation] = {}
    for rule in rules:
        firsts = [r for r in relations if r.predicate == rule.first and not r.inferred]
        seconds = [r for r in relations if r.predicate == rule.second and not r.inferred]
        ends: dict[str, set[str]] = {}
        for a in firsts:
            ends.setdefault(getattr(a, rule.join[0]), set()).add(a.object if rule.join[0] == "subject" else a.subject)
        for a in firsts:
            shared = getattr(a, rule.join[0])
            if entities[shared].type not in rule.via or (rule.unique_first and len(ends[shared]) > 1):
                continue
            for b in seconds:
                if getattr(b, rule.join[1]) != shared:
                    continue
                member = b.object if rule.join[1] == "subject" else b.subject
                if rule.member_types and entities[member].type not in rule.member_types:
                    continue
                s, p, o = _role((a, b), rule.conclusion[0]), rule.conclusion[1], _role((a, b), rule.conclusion[2])
                if s == o or (s, p, o) in have:
                    continue
                conf = round(rule.confidence * min(a.evidence.confidence, b.evidence.confidence), 3)
                if (s, p, o) in best and best[(s, p, o)].evidence.confidence >= conf:
                    continue
                # a visit or a signing keeps the modality of the premise that states it ("will visit")
                stated = next((r.modality for r in (a, b) if r.predicate == p), REPORTED)
                best[(s, p, o)] = Relation(s, p, o, Evidence(
                    extractor=f"rule/{rule.name}", confidence=conf, rule=rule.name,
                    premises=((a.subject, a.predicate, a.object), (b.subject, b.predicate, b.object))), inferred=True,
                    modality=stated)
    return list(best.values())

"""Events behind the binary facts: each visit and each agreement signing as an n-ary node.

The relations that one trigger word produced ("visits to Poland, Romania and Norway") form one
event with all their agents, destinations or parties. Its date comes from a date expression in
the trigger's clause ("On Wednesday, Lee will attend ..."), resolved against the article's date
with the clause's tense; its topics from "agreements on technology, housing, trade" or "to
discuss oil prices". Its modality (reported, planned, cancelled, denied) is that of its trigger
(:mod:`kg.extract.modality`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from .dates import normalise_date
from .records import Event, Relation
from .tokens import tokens

EVENT_KINDS = {"visited": "Visit", "signsAgreementWith": "AgreementSigning"}
_TOPIC_PREPS = ("on", "covering", "concerning", "regarding", "about")
_PURPOSE_VERBS = ("discuss", "review", "boost", "strengthen", "promote", "explore", "expand", "deepen", "address")


def _clause_head(tok: Token) -> Token:
    """The verb whose clause *tok* belongs to."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _tense(verb: Token) -> str:
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "shall", "'ll") for a in aux) or verb.lemma_ in ("plan", "schedule", "expect", "set", "slate"):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(a in ("was", "were", "had", "did") for a in aux):
        return "past"
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.i != verb.i:
        return _tense(verb.head)
    return "present"


_DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|over|more than)"
                       r"[\s-]+(day|week|month|year|decade)s?\b|^(days|weeks|months|years)$", re.I)


def _dates_in(sent: Span) -> list[Span]:
    """Date expressions, not durations ("a four-day visit", "two weeks")."""
    return [e for e in sent.ents if e.label_ == "DATE" and not _DURATION.search(e.text)]


def _date_for(trigger: Token, base: dt.date | None) -> tuple[str | None, str | None]:
    verb = _clause_head(trigger)
    dates = _dates_in(trigger.sent)
    if not dates:
        return None, None
    # prefer a date in the trigger's own clause, then the nearest one
    in_clause = [d for d in dates if verb in d.root.ancestors or d.root.head == trigger or trigger in d.root.ancestors]
    chosen = min(in_clause or dates, key=lambda d: abs(d.root.i - trigger.i))
    day = normalise_date(chosen.text, base, _tense(verb))
    return (day.isoformat() if day else None), " ".join(chosen.text.split())


def _phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("det", "poss", "punct", "cc", "conj", "prep") or t == tok]
    words = [t for t in words if t.i <= tok.i or t.head == tok and t.dep_ in ("compound", "amod")]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i)).strip()


def _topics(trigger: Token) -> tuple[str, ...]:
    found: list[str] = []
    nouns = [trigger] if trigger.pos_ in ("NOUN", "PROPN") else []
    nouns += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    for noun in nouns:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")):
                found += [_phrase(t) for t in (pobj, *pobj.conjuncts)]
    verb = _clause_head(trigger)
    for purpose in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ in _PURPOSE_VERBS):
        for obj in (c for c in purpose.children if c.dep_ == "dobj"):
            found += [_phrase(t) for t in (obj, *obj.conjuncts)]
    seen: dict[str, None] = {}
    for t in found:
        if t and t.casefold() not in {k.casefold() for k in seen}:
            seen[t] = None
    return tuple(seen)


def find_events(doc: Doc, relations: list[Relation], doc_date: str | None = None) -> list[Event]:
    """One event per trigger of visit and agreement facts (triggers of one sentence with the same sides merged)."""
    toks = tokens(doc)
    base = dt.date.fromisoformat(doc_date) if doc_date else None
    groups: dict[tuple[str, int], list[Relation]] = defaultdict(list)
    for rel in relations:
        if rel.predicate in EVENT_KINDS and rel.trigger is not None and not rel.inferred:
            groups[(rel.predicate, rel.trigger)].append(rel)
    # "signed a deal with X": the verb and the noun are two triggers of one signing, so the
    # triggers of one sentence with the same parties (or agents and destinations) are one event
    merged: dict[tuple, list[tuple[int, list[Relation]]]] = {}
    for (predicate, trigger_i), rels in sorted(groups.items(), key=lambda kv: kv[0][1]):
        kind = EVENT_KINDS[predicate]
        roles: list[tuple[str, str]] = []
        for rel in rels:
            if kind == "Visit":
                roles += [("agent", rel.subject), ("destination", rel.object)]
            else:
                roles += [("party", rel.subject), ("party", rel.object)]
        key = (predicate, toks[trigger_i].sent.start, tuple(sorted(set(roles))), tuple(sorted({r.modality for r in rels})))
        merged.setdefault(key, []).append((trigger_i, rels))
    events = []
    counters: dict[str, int] = defaultdict(int)
    for (predicate, _, roles_key, _), triggers in sorted(merged.items(), key=lambda kv: kv[1][0][0]):
        kind = EVENT_KINDS[predicate]
        roles = list(roles_key)
        rels = [r for _, rs in triggers for r in rs]
        dated = [(_date_for(toks[i], base), i) for i, _ in triggers]
        (date, date_text), trigger_i = next(((d, i) for d, i in dated if d[0] or d[1]), dated[0])
        topics = tuple(dict.fromkeys(t for i, _ in triggers for t in _topics(toks[i])))
        counters[kind] += 1
        best = max(rels, key=lambda r: r.evidence.confidence)
        events.append(Event(key=f"{kind.lower()}-{counters[kind]}", kind=kind, roles=tuple(roles), evidence=best.evidence,
                            date=date, date_text=date_text, topics=topics, modality=best.modality))
    return events

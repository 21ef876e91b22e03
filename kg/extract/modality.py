"""How the text states a visit or a signing: as having happened, as planned, as called off or as
denied, or only as a possibility.

:func:`modality` reads the trigger word's clause and the clauses that govern it:

* ``planned``: a future or scheduled event ("will visit", "is to visit", "plans to sign", "is
  expected to sign", "is scheduled to travel", "his upcoming visit", "the visit will take place").
* ``cancelled``: the event was called off ("the planned visit to Dhaka was cancelled", "postponed
  his trip to", "called off the visit").
* ``denied``: the clause is negated or denied ("did not visit", "has never signed", "denied
  visiting", "refused to sign").
* ``reported``: anything else that is asserted ("visited", "has signed", "arrived in").
* ``None``: speculative or hedged ("it remains unclear if Liang will attend", "may visit", "is
  considering a visit", "hopes to sign"); such statements give no facts and no events.

The word lists are ``kg/data/modality.json``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..settings import DATA_DIR

REPORTED = "reported"
PLANNED = "planned"
CANCELLED = "cancelled"
DENIED = "denied"
#: Modalities whose relations are facts of the graph (direct triples, statements, rules); the
#: others only give event nodes.
ASSERTED = frozenset({REPORTED, PLANNED})

_SPECULATIVE = "speculative"  # internal signal: modality() returns None
# strongest first: a hedge makes a statement nothing, a cancellation outweighs "the planned visit"
_PRECEDENCE = (_SPECULATIVE, CANCELLED, DENIED, PLANNED)
# how far up the parse a governing word still bears on the trigger, and through which relations
_MAX_LEVELS = 5
_CHAIN = frozenset({"xcomp", "ccomp", "advcl", "conj", "acomp", "pcomp", "pobj", "prep", "dobj", "acl", "relcl", "aux"})
_NEW_CLAUSE = frozenset({"ccomp", "advcl", "relcl", "conj"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True)
class _Lexicon:
    speculative: frozenset[str]
    modal_auxiliaries: frozenset[str]
    called_off: frozenset[str]
    denial: frozenset[str]
    future_auxiliaries: frozenset[str]
    plan_words: frozenset[str]
    planned_modifiers: frozenset[str]
    speculative_modifiers: frozenset[str]
    occurrence_verbs: frozenset[str]


#: Prepositions of a circumstance the clause is set in ("on his visit to X", "during the trip").
_CIRCUMSTANCES = frozenset({"on", "during", "after", "throughout", "following", "at"})
#: Verbs whose preposition takes the event as their own ("go on a visit", "embark on a tour").
_TRIP_TAKING_VERBS = frozenset({"go", "embark", "come", "set", "travel", "be", "leave", "proceed", "head"})


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = json.loads((DATA_DIR / "modality.json").read_text(encoding="utf-8"))
    return _Lexicon(**{k: frozenset(v) for k, v in data.items() if not k.startswith("_")})


def modality(trigger: Token) -> str | None:
    """``REPORTED``, ``PLANNED``, ``CANCELLED`` or ``DENIED`` for the event that *trigger* (a verb
    or an event noun) signals, or None when the text only speculates about it."""
    signals = _clause_signals(trigger)
    for signal in _PRECEDENCE:
        if signal in signals:
            return None if signal == _SPECULATIVE else signal
    return REPORTED


def is_negated(trigger: Token) -> bool:
    """Whether *trigger*'s statement is no fact: negated, speculative or called off."""
    return modality(trigger) not in ASSERTED


def _words(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _clause_signals(trigger: Token) -> set[str]:
    """Signals from *trigger*, then from the words that govern it. Tense (planned) is read only
    within the trigger's own clause; hedges, negations and cancellations from further up, but not
    above a circumstance the clause is set in ("On his visit to Delhi, he failed to ...")."""
    lex = _lexicon()
    signals: set[str] = set()
    own_clause = True
    adjunct = False  # above a circumstance of the clause: "On his visit to Delhi, he failed to ..."
    cur, below = trigger, None  # below: the token on the path just under cur
    for _ in range(_MAX_LEVELS):
        # "did not visit"; "has no plans to visit", "no deal was signed"
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in cur.children)
        word = _words(cur) if cur is not trigger else set()
        if adjunct:
            # the circumstance is told as what happened (or will): the clause's own negation,
            # failure or hedge is about something else
            negated, word = False, set()
        if word & lex.speculative:
            signals.add(_SPECULATIVE)
        elif word & (lex.called_off | lex.denial) or _called_off_phrase(cur):
            # "did not cancel the visit": the negation undoes the cancellation
            if not negated:
                signals.add(DENIED if word & lex.denial else CANCELLED)
            negated = False
        if negated:
            signals.add(DENIED)
        for child in (() if adjunct else cur.children):
            if child.dep_ == "mark" and child.lower_ in ("if", "whether"):
                signals.add(_SPECULATIVE)
            elif child.dep_ == "amod" and child.lower_ in lex.speculative_modifiers and (
                    cur is trigger or (below is not None and below.dep_ == "acl")):
                signals.add(_SPECULATIVE)  # "a possible visit", "Dongwon's possible move to take over HMM"
            elif child.dep_ == "aux" and child.lower_ in lex.modal_auxiliaries and own_clause:
                signals.add(_SPECULATIVE)
        if own_clause and _planned_here(cur, below):
            signals.add(PLANNED)
        if own_clause and cur.dep_ in ("nsubj", "nsubjpass"):  # "the signing of the deal was postponed"
            signals |= _subject_signals(cur)
        if cur.dep_ == "ROOT" or cur.head.i == cur.i or cur.dep_ not in _CHAIN:
            break
        if cur.dep_ in _NEW_CLAUSE and _finite(cur):
            if cur.dep_ == "conj":  # "did not visit Paris but visited Rome": a clause of its own
                break
            own_clause = False
        if trigger.pos_ == "NOUN" and below is trigger and cur.dep_ == "prep" and cur.lower_ in _CIRCUMSTANCES \
                and cur.head.pos_ in ("VERB", "AUX") and cur.head.lemma_.lower() not in _TRIP_TAKING_VERBS:
            adjunct = True
        cur, below = cur.head, cur
    return signals


def _subject_signals(subject: Token) -> set[str]:
    """Signals from the verb an event noun is the subject of: "the planned visit was cancelled",
    "the visit will take place on Monday", "the visit never happened"."""
    lex = _lexicon()
    head = subject.head
    word = _words(head)
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" for c in head.children)
    if word & lex.speculative:  # "the visit will be discussed"
        return {_SPECULATIVE}
    if word & lex.called_off or _called_off_phrase(head):
        return set() if negated else {CANCELLED}
    if word & lex.denial:
        return set() if negated else {DENIED}
    if subject.dep_ == "nsubjpass" and word & lex.plan_words:
        # "the visit is scheduled for May", "... is expected to begin on Monday", but not "the
        # visit is expected to boost ties", which says what the visit does
        if any(c.dep_ == "xcomp" and not _words(c) & lex.occurrence_verbs for c in head.children):
            return set()
        return {DENIED} if negated else {PLANNED}
    if not word & lex.occurrence_verbs:  # "the visit did not include Ningbo" says nothing of the visit
        return set()
    if negated:
        return {DENIED}
    if aux & lex.modal_auxiliaries:
        return {_SPECULATIVE}
    if aux & lex.future_auxiliaries:
        return {PLANNED}
    return set()


def _planned_here(cur: Token, below: Token | None) -> bool:
    """Whether *cur* (the trigger when *below* is None) makes the event a planned one."""
    lex = _lexicon()
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_auxiliaries for c in cur.children):
        return True
    if below is None:
        if _words(cur) & lex.plan_words and (cur.tag_ == "VBN" or cur.pos_ == "ADJ"):
            return True  # the trigger is the plan word itself: "is expected in Baghdad", "is due in Jerusalem"
        # "the upcoming visit"; a headline's "Minister to visit Sri Lanka on 20 June"
        # a purpose ("signed an MoU to establish a working group") is planned too
        return any(c.dep_ == "amod" and c.lower_ in lex.planned_modifiers for c in cur.children) or (
            cur.dep_ in ("ROOT", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))
    if _words(cur) & lex.plan_words and not any(c.dep_ == "prt" for c in cur.children):  # not "set up"
        # the event is what is planned ("plans to visit", "scheduled a visit", "plans for a
        # visit"), not an adjunct of the planning ("set up a plant with ... during the visit")
        if below.dep_ in ("xcomp", "dobj", "acl") or (
                below.dep_ == "prep" and (cur.pos_ in ("NOUN", "PROPN") or below.lower_ == "for")):
            return True
    # "is to visit", "is going to sign"
    return (cur.lemma_ == "be" or (cur.lemma_ == "go" and cur.tag_ == "VBG")) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in cur.children)


def _called_off_phrase(verb: Token) -> bool:
    """ "called off the visit", "called the trip off", "the deal fell through", "walked away from the deal" """
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "prep")}
    return (verb.lemma_ == "call" and "off" in particles) or (verb.lemma_ == "fall" and "through" in particles) \
        or (verb.lemma_ == "walk" and "away" in particles)  # (pulling out of an existing deal ends it: still a deal)


def _finite(verb: Token) -> bool:
    """Whether *verb* heads a clause with its own tense or subject ("he visited", not "to visit")."""
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS)
        for c in verb.children)

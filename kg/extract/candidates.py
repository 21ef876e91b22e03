"""Candidate facts: every pair of typed entity mentions in a sentence, with features.

The relation patterns propose few facts, each with high precision; most facts of unseen news
are stated in ways no pattern covers. So every pair of mentions in a sentence whose types fit a
relation is a candidate, described by what a reader would look at, abstracted so that it carries
over to words and names it has not seen:

* which patterns matched the pair, and their confidence (the patterns' precision as a prior);
* the dependency path between the two mentions, with the words on it replaced by their
  trigger class (:mod:`kg.extract.triggers`) or part of speech: ``nsubj< [visit] >dobj``;
* trigger classes on the path, between the mentions and elsewhere in the sentence;
* the types of both ends, the kind of mention (name, group, reference), order and distance;
* structure: the two are items of one list, one is the possessor of the other, negation.

The learned scorer (:mod:`kg.extract.scorer`) turns the features into a probability.
Candidates hold plain values (strings and numbers), so they can be stored and trained on.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .mentions import Mention
from .records import Entity, Relation
from .triggers import Triggers
from .tokens import tokens

#: The entity types each relation connects (subject, object), as in the spec.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "visited": (frozenset({"Person", "Organization", "Group"}), frozenset({"Place", "Organization"})),
    "includes": (frozenset({"Group", "Organization", "Event"}), frozenset({"Person", "Organization", "Place", "Group"})),
    "locatedIn": (frozenset({"Organization", "Place", "Event"}), frozenset({"Place"})),
    "signsAgreementWith": (frozenset({"Person", "Organization", "Place", "Group"}),
                           frozenset({"Person", "Organization", "Place", "Group"})),
}
SYMMETRIC = frozenset({"signsAgreementWith"})

#: Longest dependency path (in edges) that is described word by word.
MAX_PATH = 6
#: Most mentions of a sentence that are paired (long lists would make pairs explode).
MAX_MENTIONS = 40


@dataclass
class Candidate:
    """One possible fact: *relation* between two entities, stated (or not) in one sentence."""

    relation: str
    subject: str  # Entity.key
    object: str  # Entity.key
    sentence: int  # index of the sentence's first token
    subject_token: int
    object_token: int
    features: dict[str, float] = field(default_factory=dict)
    patterns: tuple[str, ...] = ()  # ids of the patterns that proposed it
    trigger: int | None = None  # the token that signals it: a pattern's trigger or a trigger word on the path


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def _path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]] | None:
    """The tokens from *a* up to the lowest common ancestor and from there down to *b*."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    where = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in where:
            return up[:k], t, list(reversed(down[:where[t.i]]))
    return None


def _collapse(chain: list[Token]) -> list[Token]:
    """Drop the hops inside a list ("A, B and C" → the path to C is the path to A)."""
    out = list(chain)
    while len(out) >= 2 and out[-1].dep_ == "conj":
        out.pop()
    return out


class Describer:
    """Computes candidate features for one document."""

    def __init__(self, doc: Doc, entities: dict[str, Entity], triggers: Triggers) -> None:
        self.doc = doc
        self.entities = entities
        self.triggers = triggers

    def word(self, tok: Token) -> str:
        classes = self.triggers.classes(tok)
        if classes:
            return "|".join(classes)
        if tok.pos_ in ("ADP", "PART", "SCONJ", "CCONJ") or tok.lower_ in ("'s", "’s"):
            return tok.lower_
        if tok._.kg_entity:
            return self.entities[tok._.kg_entity].type
        return tok.pos_

    def sentence_features(self, sent: Span) -> dict[str, float]:
        """What every candidate of a sentence shares: the trigger classes in it."""
        return {f"in_sent={c}": 1.0 for t in sent for c in self.triggers.classes(t)}

    def features(self, a: Token, b: Token, a_kind: str, b_kind: str, shared: dict[str, float]) -> dict[str, float]:
        f: dict[str, float] = dict(shared)
        ta, tb = self.entities[a._.kg_entity].type, self.entities[b._.kg_entity].type
        f[f"types={ta}>{tb}"] = 1.0
        f[f"kinds={a_kind}>{b_kind}"] = 1.0
        f["order=" + ("ab" if a.i < b.i else "ba")] = 1.0
        lo, hi = sorted((a, b), key=lambda t: t.i)
        between = [t for t in self.doc[lo.i + 1:hi.i] if t._.kg_entity not in (a._.kg_entity, b._.kg_entity)]
        f["dist=" + _bucket(len(between))] = 1.0
        others = {t._.kg_entity for t in between if t._.kg_entity}
        f["ents_between=" + _bucket(len(others))] = 1.0
        if len(between) <= 4:
            f["between=" + " ".join(t.lower_ for t in between if not t._.kg_entity)] = 1.0
        for t in between:
            for c in self.triggers.classes(t):
                f[f"between_class={c}"] = 1.0
            if t.text in (";", "(", ")"):
                f["between_break"] = 1.0
        if b in a.conjuncts:
            f["same_list"] = 1.0
        path = _path(a, b)
        if path is None:
            f["path=none"] = 1.0
            return f
        up, top, down = path
        # up runs from a towards the top, down from the top to b: drop list hops at either end
        up, down = _collapse(up[::-1])[::-1], _collapse(down)
        edges = len(up) + len(down)
        f["path_len=" + _bucket(edges)] = 1.0
        if edges <= MAX_PATH:
            words = [f"{t.dep_}<" for t in up[:1]] + [f"{self.word(t)} {t.dep_}<" for t in up[1:]]
            middle = "" if top in (a, b) else self.word(top)
            downs = [f">{t.dep_} {self.word(t)}" for t in down[:-1]] + [f">{t.dep_}" for t in down[-1:]]
            f["path=" + " ".join([*words, f"[{middle}]", *downs])] = 1.0
            f["skeleton=" + " ".join([*(f"{t.dep_}<" for t in up), "^", *(f">{t.dep_}" for t in down)])] = 1.0
        if top not in (a, b):
            f["top=" + self.word(top)] = 1.0
            if top.pos_ in ("VERB", "AUX"):
                f["top_is_verb"] = 1.0
                if any(c.dep_ == "neg" for c in top.children):
                    f["negated"] = 1.0
        on_path = [t for t in (*up[1:], top, *down[:-1]) if t not in (a, b)]
        for t in on_path:
            for c in self.triggers.classes(t):
                f[f"on_path={c}"] = 1.0
            if t.pos_ == "ADP":
                f[f"prep_on_path={t.lower_}"] = 1.0
        # the preposition that introduces each end ("to Y", "in Y", "of Y")
        for side, tok in (("a", a), ("b", b)):
            if tok.dep_ == "pobj":
                f[f"{side}_prep={tok.head.lower_}"] = 1.0
            f[f"{side}_dep={tok.dep_}"] = 1.0
        return f


def _mention_heads(doc: Doc, mentions: Iterable[Mention]) -> dict[int, list[tuple[str, Token, str]]]:
    """Per sentence start: (entity, head token, kind) of each resolved mention."""
    by_sent: dict[int, list[tuple[str, Token, str]]] = defaultdict(list)
    for m in mentions:
        if m.entity is None or m.start >= m.end:
            continue
        span = doc[m.start:m.end]
        by_sent[span.sent.start].append((m.entity, span.root, m.kind))
    return by_sent


def find_candidates(doc: Doc, entities: dict[str, Entity], mentions: list[Mention], relations: list[Relation],
                    triggers: Triggers, pattern_confidence: dict[str, float]) -> list[Candidate]:
    """Every typed pair of mentions in each sentence, and every pair a pattern proposed, with features."""
    toks = tokens(doc)
    describe = Describer(doc, entities, triggers)
    by_sent = _mention_heads(doc, mentions)
    # what the patterns proposed: (relation, subject, object, sentence start) -> (pattern ids, trigger)
    proposed: dict[tuple[str, str, str, int], tuple[set[str], int | None]] = {}
    for rel in relations:
        if rel.inferred or rel.trigger is None or rel.predicate not in SIGNATURES:
            continue
        s, o = (rel.subject, rel.object)
        if rel.predicate in SYMMETRIC:
            s, o = sorted((s, o))
        key = (rel.predicate, s, o, toks[rel.trigger].sent.start)
        ids, trig = proposed.setdefault(key, (set(), rel.trigger))
        ids.add(rel.evidence.extractor)
    proposed_in: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for rel, s, o, start in proposed:
        proposed_in[start].append((rel, s, o))
    out: list[Candidate] = []
    for sent in doc.sents:
        heads = by_sent.get(sent.start, [])[:MAX_MENTIONS]
        best: dict[tuple[str, str, str], Candidate] = {}
        for ea, ta, ka in heads:
            for eb, tb, kb in heads:
                if ea == eb:
                    continue
                for rel, (dom, rng) in SIGNATURES.items():
                    if entities[ea].type not in dom or entities[eb].type not in rng:
                        continue
                    if rel in SYMMETRIC and ea > eb:
                        continue
                    key = (rel, ea, eb)
                    dist = abs(ta.i - tb.i)
                    if key in best and abs(best[key].subject_token - best[key].object_token) <= dist:
                        continue  # the closest pair of mentions describes the fact
                    best[key] = Candidate(rel, ea, eb, sent.start, ta.i, tb.i)
        for rel, s, o in proposed_in.get(sent.start, ()):
            if (rel, s, o) not in best:
                # a pattern reached an entity through a pronoun or a list outside the mentions
                trig = proposed[(rel, s, o, sent.start)][1]
                best[(rel, s, o)] = Candidate(rel, s, o, sent.start, trig, trig)
        kinds = {e: k for e, _, k in heads}
        shared = describe.sentence_features(sent) if best else {}
        for (rel, s, o), cand in best.items():
            a, b = toks[cand.subject_token], toks[cand.object_token]
            cand.features = describe.features(a, b, kinds.get(s, "name"), kinds.get(o, "name"), shared) \
                if a._.kg_entity and b._.kg_entity else {"path=proposed": 1.0}
            ids, trig = proposed.get((rel, s, o, sent.start), (set(), None))
            if ids:
                cand.patterns = tuple(sorted(ids))
                cand.trigger = trig
                cand.features["pattern"] = 1.0
                cand.features["pattern_confidence"] = max(pattern_confidence.get(i, 0.5) for i in ids)
                for i in ids:
                    cand.features[f"pattern={i}"] = 1.0
            else:
                cand.trigger = _trigger_on_path(doc, a, b, describe)
            out.append(cand)
    return out


def _trigger_on_path(doc: Doc, a: Token, b: Token, describe: Describer) -> int | None:
    """The word on the path between two mentions that carries a trigger class (for the event node)."""
    path = _path(a, b)
    if path is None:
        return None
    up, top, down = path
    for t in (top, *up[1:], *down[:-1]):
        if t not in (a, b) and describe.triggers.classes(t):
            return t.i
    return top.i if top not in (a, b) else None

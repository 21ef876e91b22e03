"""Relation patterns as data: loading and validating the JSON pattern files.

A pattern file declares one relation, the entity types its two sides may have, and a list of
spaCy ``DependencyMatcher`` patterns. Each pattern names the matched token that plays the
subject and the one that plays the object, either directly (``"subject": "owner"``) or through
a role finder applied to a matched token (``"subject": {"agent_of": "trigger"}``: whoever does
the visiting). The files in ``kg/extract/patterns/`` are the defaults; users pass more with
``--patterns FILE`` (a new relation needs only a file and a property in the ontology).

Example (``visited.json``)::

    {"relation": "visited",
     "subject_types": ["Person", "Organization", "Group"],
     "object_types": ["Place", "Organization"],
     "patterns": [
       {"id": "visited/visit-verb", "confidence": 0.9,
        "description": "X visits Y",
        "pattern": [
          {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "visit", "POS": "VERB"}},
          {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}],
        "subject": {"agent_of": "trigger"},
        "object": "object"}]}
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from ..errors import InputError
from ..fileio import read_text
from ..graph.vocab import ENTITY_TYPES
from ..settings import PATTERNS_DIR
from .depmatch import FastDependencyMatcher

#: Role finders a pattern may apply to a matched token (see :mod:`kg.extract.roles`).
ROLE_FINDERS = ("agent_of", "subject_of", "possessor_of", "head_of", "appos_anchor", "name_before", "name_after", "venue_of", "destination_of",
                "traveller_of", "self")


@dataclass(frozen=True)
class Role:
    """How to find one side of a relation from the matched tokens."""

    node: str  # RIGHT_ID of a matched token
    finder: str = "self"  # one of ROLE_FINDERS
    expand: bool = True  # also take coordinated names ("Gabon, Algeria and Libya")
    or_possessor: bool = False  # "to BMW's electric SUVs" -> BMW
    members: bool = False  # "the forum members", "members of X" stand for X
    before: bool = False  # also the names listed right before it ("Baghdad and [Basra] in Iraq")
    listed: bool = False  # also the names of its type written in one list with it, however parsed
    alone: bool = False  # nothing when it is one of several names joined by "and" ("A and B set up C": both's, no one's unit)


@dataclass(frozen=True)
class RelationPattern:
    id: str
    relation: str
    confidence: float
    pattern: list[dict]
    subject: Role
    object: Role
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    symmetric: bool = False
    check_negation: bool = True
    not_in_list: tuple[str, ...] = ()  # nodes that must not be items of an enumeration
    not_clause_subject: tuple[str, ...] = ()  # nodes that must not be the subject of a clause on a noun ("the assets X bought")
    no_names_between: tuple[tuple[str, str], ...] = ()  # node pairs with no other entity's name between them
    same_clause: tuple[tuple[str, str], ...] = ()  # (head, descendant) pairs with no other subject's clause between
    visitor: bool = False  # only when the subject is from another country than the object (kg.extract.countries)
    reported_only: bool = False  # not what is planned either ("plans to acquire X" makes no subsidiary)
    objects_together: bool = False  # with a singular trigger, the objects are one more side each: "the MoU with B and C" pairs B, C
    # nodes that must have no child with these attributes (DEP, LOWER, LEMMA, POS): {"trigger": {"DEP": ["prep"], "LOWER": ["to"]}}
    without_child: tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...] = ()
    description: str = ""
    source: str = ""


@dataclass
class PatternSet:
    """All relation patterns in use, by id."""

    patterns: dict[str, RelationPattern] = field(default_factory=dict)
    _matchers: dict[int, DependencyMatcher] = field(default_factory=dict, repr=False, compare=False)

    def relations(self) -> set[str]:
        return {p.relation for p in self.patterns.values()}

    def matcher(self, vocab: Vocab) -> DependencyMatcher:
        """One ``DependencyMatcher`` for all these patterns, built once per vocabulary."""
        matcher = self._matchers.get(id(vocab))
        if matcher is None:
            matcher = FastDependencyMatcher(vocab, validate=True)
            for pid, p in self.patterns.items():
                matcher.add(pid, [p.pattern])
            self._matchers[id(vocab)] = matcher
        return matcher


def _role(spec: object, where: str) -> Role:
    if isinstance(spec, str):
        return Role(node=spec)
    if isinstance(spec, dict):
        finders = [k for k in spec if k in ROLE_FINDERS]
        if len(finders) != 1 or not isinstance(spec[finders[0]], str):
            raise InputError(where, f"a role needs exactly one of {', '.join(ROLE_FINDERS)} naming a pattern node")
        return Role(node=spec[finders[0]], finder=finders[0], expand=bool(spec.get("expand", True)),
                    or_possessor=bool(spec.get("or_possessor", False)), members=bool(spec.get("members", False)),
                    before=bool(spec.get("before", False)), listed=bool(spec.get("listed", False)),
                    alone=bool(spec.get("alone", False)))
    raise InputError(where, "a role is a node name or an object such as {\"agent_of\": \"trigger\"}")


def _types(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or any(t not in ENTITY_TYPES for t in value):
        raise InputError(where, f"types must be a non-empty list of {', '.join(ENTITY_TYPES)}")
    return tuple(value)


def load_pattern_file(path: str | os.PathLike[str]) -> list[RelationPattern]:
    """Read and validate one pattern file; problems raise :class:`InputError` naming the file."""
    path = Path(path)
    try:
        data = json.loads(read_text(path, what="pattern file"))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a valid JSON pattern file ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("relation"), str) or not isinstance(data.get("patterns"), list):
        raise InputError(path, "expected an object with \"relation\" and a list of \"patterns\"")
    relation = data["relation"]
    subject_types = _types(data.get("subject_types"), f"{path}: subject_types")
    object_types = _types(data.get("object_types"), f"{path}: object_types")
    out = []
    for n, p in enumerate(data["patterns"]):
        where = f"{path}: pattern {p.get('id', n) if isinstance(p, dict) else n}"
        if not isinstance(p, dict) or not isinstance(p.get("pattern"), list) or "id" not in p:
            raise InputError(where, "each pattern needs an \"id\" and a \"pattern\" list")
        if any(q.id == str(p["id"]) for q in out):  # a later file may replace a pattern; one file says it once
            raise InputError(where, "a second pattern with this id in the same file")
        nodes = {step.get("RIGHT_ID") for step in p["pattern"] if isinstance(step, dict)}
        subject, obj = _role(p.get("subject"), where), _role(p.get("object"), where)
        for role in (subject, obj):
            if role.node not in nodes:
                raise InputError(where, f"role node {role.node!r} is not a RIGHT_ID of the pattern")
        _check_matcher_pattern(p["pattern"], where)
        for option in ("no_names_between", "same_clause"):
            for pair in p.get(option, ()):
                if not isinstance(pair, list) or len(pair) != 2 or not set(pair) <= nodes:
                    raise InputError(where, f"{option} must list pairs of RIGHT_IDs of the pattern")
        without = p.get("without_child", {})
        if not isinstance(without, dict) or not set(without) <= nodes or any(
                not isinstance(a, dict) or not a or not set(a) <= _CHILD_ATTRS or not all(isinstance(v, list) for v in a.values())
                for a in without.values()):
            raise InputError(where, "without_child maps RIGHT_IDs to {\"DEP\"|\"LOWER\"|\"LEMMA\"|\"POS\": [values]}")
        confidence = p.get("confidence", 0.5)
        if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
            raise InputError(where, "confidence must be a number between 0 and 1")
        out.append(RelationPattern(
            id=str(p["id"]), relation=relation, confidence=float(confidence), pattern=p["pattern"],
            subject=subject, object=obj,
            subject_types=_types(p["subject_types"], where) if "subject_types" in p else subject_types,
            object_types=_types(p["object_types"], where) if "object_types" in p else object_types,
            symmetric=bool(data.get("symmetric", False)), check_negation=bool(p.get("check_negation", True)),
            not_in_list=tuple(p.get("not_in_list", ())),
            not_clause_subject=tuple(p.get("not_clause_subject", ())),
            no_names_between=tuple(tuple(pair) for pair in p.get("no_names_between", ())),
            same_clause=tuple(tuple(pair) for pair in p.get("same_clause", ())),
            visitor=bool(p.get("visitor", False)), reported_only=bool(p.get("reported_only", False)),
            objects_together=bool(p.get("objects_together", False)),
            without_child=tuple((node, tuple((k, frozenset(v)) for k, v in sorted(a.items()))) for node, a in without.items()),
            description=str(p.get("description", "")), source=str(path),
        ))
    return out


#: Token attributes that ``without_child`` may test.
_CHILD_ATTRS = frozenset({"DEP", "LOWER", "LEMMA", "POS"})


def _check_matcher_pattern(pattern: list, where: str) -> None:
    """Let spaCy validate the pattern now, so a bad file fails with one line, not mid-build."""
    try:
        DependencyMatcher(Vocab(), validate=True).add("check", [pattern])
    except (ValueError, KeyError, TypeError) as exc:
        message = " ".join(str(exc).split())
        raise InputError(where, f"invalid DependencyMatcher pattern: {message[:200]}") from None


def default_pattern_files() -> list[Path]:
    return sorted(PATTERNS_DIR.glob("*.json"))


def load_patterns(extra: list[str | os.PathLike[str]] | tuple = (), defaults: bool = True) -> PatternSet:
    """The default pattern files plus *extra* ones; a later pattern with the same id replaces an earlier one."""
    files = default_pattern_files() if defaults else []
    for f in map(Path, extra):  # a folder stands for the pattern files in it
        files += sorted(f.glob("*.json")) if f.is_dir() else [f]
    patterns: dict[str, RelationPattern] = {}
    for f in files:
        for p in load_pattern_file(f):
            patterns[p.id] = p
    return PatternSet(patterns)

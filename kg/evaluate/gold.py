"""Gold annotations: reading and checking ``*.gold.json`` files, and the name rules of matching.

The file format and the matching rules are those of ``shared/spec/relations.md``; the numbers
must agree with the reference scorer ``shared/eval/score.py``. A malformed file raises a
one-line :class:`~kg.errors.InputError` that names the file and the problem.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..fileio import read_text
from ..graph.vocab import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS

#: ``status`` values of a gold relation: ``gold`` counts, ``optional`` is neither TP nor FN nor FP.
STATUSES: tuple[str, ...] = ("gold", "optional")

#: Bare titles that describe a person rather than name one ("Prime Minister").
TITLES: frozenset[str] = frozenset({
    "president", "prime minister", "chief executive", "minister", "premier", "chairman", "king", "queen",
    "foreign minister", "secretary", "governor", "mayor", "ambassador", "chancellor",
})

#: A gold entity: (document, key in that document's ``entities``).
EntityKey = tuple[str, str]


def normalize_name(name: str) -> str:
    """The matching form of a name: NFKC, case-folded, no trailing "'s", no punctuation, no leading "the"."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold().strip()
    s = re.sub(r"'s$|'$", "", s)  # the possessive goes before punctuation turns "'" into a space
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def head_word(name: str) -> str:
    """The last word of a normalised name, in the singular ("foreign firms" -> "firm"): a Group
    named in other words ("relevant government bodies") matches by it."""
    words = normalize_name(name).split()
    w = words[-1] if words else ""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def is_generic(alias: str) -> bool:
    """True for a description rather than a name ("the company", "Prime Minister").

    Such an alias matches only a ``Group`` entity: a node that keeps the label of an unresolved
    mention must not be credited as the entity it refers to.
    """
    rest = re.sub(r"^(the|its|their|his|her|a|an)\s+", "", alias.strip(), flags=re.I)
    return not any(c.isupper() for c in rest) or normalize_name(rest) in TITLES


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity of one document."""

    doc: str
    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def id(self) -> EntityKey:
        return (self.doc, self.key)

    def match_names(self) -> set[str]:
        """Normalised names a graph node may carry to match this entity."""
        usable = self.aliases if self.type == "Group" else [a for a in self.aliases if not is_generic(a)]
        return {normalize_name(n) for n in (self.name, *usable)}


@dataclass(frozen=True, order=True)
class GoldTriple:
    """A relation between two gold entities; symmetric relations keep their ends sorted."""

    subject: EntityKey
    relation: str
    object: EntityKey

    @classmethod
    def of(cls, subject: EntityKey, relation: str, obj: EntityKey) -> GoldTriple:
        """The canonical triple: for a symmetric relation the two ends are put in order."""
        if relation in SYMMETRIC_RELATIONS:
            subject, obj = sorted((subject, obj))
        return cls(subject, relation, obj)

    @property
    def doc(self) -> str:
        return self.subject[0]


@dataclass
class GoldDocument:
    """The contents of one ``*.gold.json`` file."""

    doc: str
    path: Path
    text_file: str | None
    entities: dict[str, GoldEntity]


@dataclass
class GoldSet:
    """All gold documents of a folder, indexed for matching."""

    documents: dict[str, GoldDocument] = field(default_factory=dict)
    #: normalised name -> the entities it may denote
    names: dict[str, set[EntityKey]] = field(default_factory=lambda: defaultdict(set))
    #: head word (singular) of a Group's name or alias -> those Groups
    group_heads: dict[str, set[EntityKey]] = field(default_factory=lambda: defaultdict(set))
    #: canonical triple -> ``gold`` or ``optional`` (a triple annotated twice keeps ``gold``)
    triples: dict[GoldTriple, str] = field(default_factory=dict)
    #: canonical triple -> the annotated evidence text
    evidence: dict[GoldTriple, str] = field(default_factory=dict)

    def entity(self, key: EntityKey) -> GoldEntity:
        return self.documents[key[0]].entities[key[1]]

    def entities_named(self, names: Iterable[str], groups: bool = False) -> set[EntityKey]:
        """The gold entities any of the normalised *names* matches; with *groups*, when none
        matches exactly, the gold Groups whose head word is one of the names' words."""
        names = list(names)
        exact = {key for name in names for key in self.names.get(name, ())}
        if exact or not groups:
            return exact
        words = {head_word(w) for name in names for w in name.split()}
        return {key for w in words for key in self.group_heads.get(w, ())}

    def gold_triples(self, relation: str | None = None) -> list[GoldTriple]:
        """The triples with status ``gold`` (of one *relation*), sorted."""
        return sorted(t for t, status in self.triples.items()
                      if status == "gold" and (relation is None or t.relation == relation))

    def add(self, document: GoldDocument, relations: list[dict[str, Any]]) -> None:
        self.documents[document.doc] = document
        for entity in document.entities.values():
            for name in entity.match_names():
                self.names[name].add(entity.id)
                if entity.type == "Group" and head_word(name):
                    self.group_heads[head_word(name)].add(entity.id)
        for rel in relations:
            triple = GoldTriple.of((document.doc, rel["s"]), rel["p"], (document.doc, rel["o"]))
            status = rel.get("status", "gold")
            if self.triples.get(triple) == "gold":
                continue  # gold wins over optional, and the first gold evidence is kept
            if triple not in self.triples or status == "gold":
                self.triples[triple] = status
                if rel.get("evidence"):
                    self.evidence[triple] = rel["evidence"]


def load_gold(gold_dir: str | os.PathLike[str]) -> GoldSet:
    """Read every ``*.gold.json`` file in *gold_dir*; the first malformed one raises :class:`InputError`."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(folder, "no such folder" if not folder.exists() else "not a folder")
    files = sorted(folder.glob("*.gold.json"))
    if not files:
        raise InputError(folder, "no *.gold.json files in this folder")
    gold = GoldSet()
    for path in files:
        data = _read_json(path)
        document = _check_document(path, data)
        if document.doc in gold.documents:
            other = gold.documents[document.doc].path.name
            raise InputError(path, f'doc "{document.doc}" is already annotated in {other}')
        gold.add(document, data["relations"])
    return gold


def _read_json(path: Path) -> Any:
    text = read_text(path, what="gold file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def _check_document(path: Path, data: Any) -> GoldDocument:
    """Check the structure of one gold file and return its document (relations stay in *data*)."""
    _expect(path, data, dict, "the file")
    doc = data.get("doc")
    if not isinstance(doc, str) or not doc.strip():
        raise InputError(path, '"doc" must be a non-empty string')
    text_file = data.get("text_file")
    if text_file is not None and not isinstance(text_file, str):
        raise InputError(path, '"text_file" must be a string')
    _expect(path, data.get("entities"), dict, '"entities"')
    entities = {key: _check_entity(path, doc, key, value) for key, value in data["entities"].items()}
    _expect(path, data.get("relations"), list, '"relations"')
    for i, rel in enumerate(data["relations"]):
        _check_relation(path, i, rel, entities)
    return GoldDocument(doc=doc, path=path, text_file=text_file, entities=entities)


def _check_entity(path: Path, doc: str, key: str, value: Any) -> GoldEntity:
    where = f'entity "{key}"'
    _expect(path, value, dict, where)
    name, kind, aliases = value.get("name"), value.get("type"), value.get("aliases", [])
    if not isinstance(name, str) or not name.strip():
        raise InputError(path, f'{where}: "name" must be a non-empty string')
    if kind not in ENTITY_TYPES:
        raise InputError(path, f'{where}: "type" must be one of {", ".join(ENTITY_TYPES)}, not {json.dumps(kind)}')
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise InputError(path, f'{where}: "aliases" must be a list of strings')
    return GoldEntity(doc=doc, key=key, name=name, type=kind, aliases=tuple(aliases))


def _check_relation(path: Path, index: int, rel: Any, entities: dict[str, GoldEntity]) -> None:
    where = f"relation {index + 1}"
    _expect(path, rel, dict, where)
    for end in ("s", "o"):
        if not isinstance(rel.get(end), str) or rel[end] not in entities:
            raise InputError(path, f'{where}: "{end}" must be a key of "entities", not {json.dumps(rel.get(end))}')
    if rel.get("p") not in RELATIONS:
        raise InputError(path, f'{where}: "p" must be one of {", ".join(RELATIONS)}, not {json.dumps(rel.get("p"))}')
    if rel.get("status", "gold") not in STATUSES:
        raise InputError(path, f'{where}: "status" must be "gold" or "optional", not {json.dumps(rel.get("status"))}')
    if not isinstance(rel.get("evidence", ""), str):
        raise InputError(path, f'{where}: "evidence" must be a string')


def _expect(path: Path, value: Any, kind: type, what: str) -> None:
    if not isinstance(value, kind):
        found = "nothing" if value is None else _JSON_KINDS.get(type(value), type(value).__name__)
        raise InputError(path, f"{what} must be {_JSON_KINDS[kind]}, found {found}")


_JSON_KINDS = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number",
               bool: "a boolean"}

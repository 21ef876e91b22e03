"""Plug-in extractors: any callable that takes a spaCy ``Doc`` and returns :class:`Fact` s.

Use one to add a transformer or LLM-based extractor and combine its facts with the rule-based
ones: its facts go through the same entity resolution, RDF mapping, evidence and confidence
combination, with ``kg:extractor "plugin/<name>"``.

    from kg.extract.plugins import Fact

    def acquisitions(doc):
        for sent in doc.sents:
            if "acquired" in sent.text:
                ...
                yield Fact(subject=buyer_span, predicate="includes", object=target_span,
                           confidence=0.6, sentence=sent)

    kg.build(["news/"], extractors=[acquisitions])          # a callable
    kg build news/ --extractor mypackage.extractors:acquisitions   # module:function
    kg build news/ --extractor acquisitions   # a name registered under the entry point group "kg.extractors"

Subjects and objects are token spans (mapped to the entity that covers them) or names
(matched against the document's entity names; an unknown name becomes a new entity when its
type is given).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points

from spacy.tokens import Doc, Span

from ..errors import KgError
from ..graph.iris import name_key
from ..graph.vocab import ENTITY_TYPES
from .records import Entity, Evidence, Relation

ENTRY_POINT_GROUP = "kg.extractors"


@dataclass(frozen=True)
class Fact:
    """One fact a plug-in found."""

    subject: Span | str
    predicate: str
    object: Span | str
    confidence: float = 0.5
    sentence: Span | None = None
    subject_type: str | None = None  # needed when subject is a name kg did not find
    object_type: str | None = None


Extractor = Callable[[Doc], Iterable[Fact]]


def load_extractor(spec: str | Extractor) -> tuple[str, Extractor]:
    """A callable and its name from ``module:function``, an entry point name, or a callable."""
    if callable(spec):
        return getattr(spec, "__name__", "extractor"), spec
    if ":" in spec:
        module_name, _, attr = spec.partition(":")
        try:
            func = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise KgError(spec, f"cannot load extractor ({exc})") from None
        if not callable(func):
            raise KgError(spec, "extractor is not callable")
        return attr, func
    found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == spec]
    if not found:
        raise KgError(spec, f"no extractor of that name (use module:function or an entry point in {ENTRY_POINT_GROUP!r})")
    return spec, found[0].load()


def plugin_relations(doc: Doc, entities: dict[str, Entity], name: str, facts: Iterable[Fact],
                     text: str | None = None) -> list[Relation]:
    """Turn a plug-in's facts into relation records, adding entities it named that kg had not found."""
    by_name = {name_key(n): key for key, e in entities.items() for n in e.names()}
    out = []
    for fact in facts:
        s = _entity_for(doc, fact.subject, fact.subject_type, entities, by_name)
        o = _entity_for(doc, fact.object, fact.object_type, entities, by_name)
        if s is None or o is None or s == o:
            continue
        sent = fact.sentence if fact.sentence is not None else _sentence_of(fact)
        source = text if text is not None else doc.text
        ev = Evidence(extractor=f"plugin/{name}", confidence=float(fact.confidence),
                      sentence=" ".join(source[sent.start_char:sent.end_char].split()) if sent is not None else None,
                      start=sent.start_char if sent is not None else None, end=sent.end_char if sent is not None else None)
        out.append(Relation(s, fact.predicate, o, ev))
    return out


def _sentence_of(fact: Fact) -> Span | None:
    for part in (fact.subject, fact.object):
        if isinstance(part, Span):
            return part.sent
    return None


def _entity_for(doc: Doc, part: Span | str, kind: str | None, entities: dict[str, Entity], by_name: dict[str, str]) -> str | None:
    if isinstance(part, Span):
        for tok in (part.root, *part):
            if tok._.kg_entity:
                return tok._.kg_entity
        text = part.text
    else:
        text = str(part)
    key = by_name.get(name_key(text))
    if key is not None or kind not in ENTITY_TYPES:
        return key
    key = f"p{len(entities) + 1}"
    entities[key] = Entity(key=key, label=" ".join(text.split()), type=kind,
                           scope="document" if kind == "Group" else "global")
    by_name[name_key(text)] = key
    return key

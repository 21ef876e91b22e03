"""Extraction as a pure function: a parsed spaCy ``Doc`` in, plain fact records out.

``extract(doc, doc_id)`` resolves the document's entities, runs the relation patterns and the
inference rules, and returns a :class:`~kg.extract.records.DocFacts` that holds only strings
and numbers, so it can run in worker processes and be sent back cheaply.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .entities import resolve
from .patterns import PatternSet, load_patterns
from .records import DocFacts
from .relations import find_relations
from .rules import apply_rules

# the entity (key and type) each token belongs to, for patterns and role finders
for _name in ("kg_entity", "kg_type"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None)

_default_patterns: PatternSet | None = None


def default_patterns() -> PatternSet:
    global _default_patterns
    if _default_patterns is None:
        _default_patterns = load_patterns()
    return _default_patterns


def extract(doc: Doc, doc_id: str, text: str | None = None, patterns: PatternSet | None = None) -> DocFacts:
    """Entities and relations of one parsed document.

    *text* is the original article text when the parser saw a prepared copy (same length,
    see :func:`kg.nlp.prepare.prepare`); evidence sentences are cut from it.
    """
    patterns = patterns or default_patterns()
    entities, mentions = resolve(doc)
    for tok in doc:
        tok._.kg_entity = tok._.kg_type = None
    for m in mentions:
        for tok in doc[m.start:m.end]:
            tok._.kg_entity = m.entity
            tok._.kg_type = entities[m.entity].type
    relations = list(find_relations(doc, entities, patterns, text=text))
    relations += apply_rules(entities, relations)
    # keep only entities that take part in a relation or were named (not bare references)
    return DocFacts(doc_id=doc_id, entities=entities, relations=relations)

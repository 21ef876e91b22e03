"""Extraction as a pure function: a parsed spaCy ``Doc`` in, plain fact records out.

``extract(doc, doc_id)`` resolves the document's entities, runs the relation patterns and the
inference rules, builds the events, and returns a :class:`~kg.extract.records.DocFacts` that
holds only strings and numbers, so it can run in worker processes and be sent back cheaply.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .candidates import Candidate, find_candidates
from .coref import apply_clusters, clusters_of
from .entities import resolve
from .events import find_events
from .mentions import Mention
from .modality import ASSERTED
from .name_places import name_places
from .patterns import PatternSet, load_patterns
from .plugins import Extractor, plugin_relations
from .positions import find_positions
from .records import DocFacts, Entity, Position, Relation
from .relations import find_relations, flatten_nested_groups, on_behalf
from .rules import apply_rules
from .scorer import Scorer, scored_relations
from .triggers import Triggers, load_triggers

# the entity (key and type) each token belongs to, for patterns and role finders, and the
# entities a plural reference stands for ("they", "the two sides")
for _name in ("kg_entity", "kg_type", "kg_members"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None)

_default_patterns: PatternSet | None = None


def default_patterns() -> PatternSet:
    global _default_patterns
    if _default_patterns is None:
        _default_patterns = load_patterns()
    return _default_patterns


def _patterns(doc: Doc, patterns: PatternSet, text: str | None
              ) -> tuple[dict[str, Entity], list[Mention], list[Relation], list[Relation], list[Position]]:
    """The entities, mentions and positions of *doc*, the facts its relation patterns find, and
    the visits and signings they find called off or denied.

    This is the one place where cancelled and denied visits and signings leave the facts: they
    become event nodes only, never direct triples, statements, evidence or premises of rules.
    """
    entities, mentions = resolution(doc)
    _mark_tokens(doc, entities, mentions)
    if text is not None and text != doc.text:
        _original_spellings(entities, text)
    positions = find_positions(doc, entities, mentions, text=text)
    matched = list(find_relations(doc, entities, patterns, text=text, positions=positions))
    matched += name_places(doc, entities, text)
    relations = flatten_nested_groups([r for r in matched if r.modality in ASSERTED], entities)
    relations += on_behalf(relations, positions, entities)
    return entities, mentions, relations, [r for r in matched if r.modality not in ASSERTED], positions


def _mark_tokens(doc: Doc, entities: dict[str, Entity], mentions: list[Mention]) -> None:
    """Write each token's entity key and type (``tok._.kg_entity``) for patterns and role finders."""
    # straight into doc.user_data, under the keys ``tok._.kg_entity = ...`` uses (spaCy's
    # Underscore: ("._.", name, token.idx, None)): an Underscore object per token and attribute
    # cost more than the rest of extraction's bookkeeping
    data = doc.user_data
    offsets = doc.to_array(IDX).tolist()
    for idx in offsets:
        data[("._.", "kg_entity", idx, None)] = data[("._.", "kg_type", idx, None)] = None
        data[("._.", "kg_members", idx, None)] = None
    for m in mentions:
        span = doc[m.start:m.end]
        if not len(span):
            continue
        kind, members = entities[m.entity].type, m.members or None
        for i in range(span.start, span.end):
            idx = offsets[i]
            data[("._.", "kg_entity", idx, None)] = m.entity
            data[("._.", "kg_type", idx, None)] = kind
            data[("._.", "kg_members", idx, None)] = members


def resolution(doc: Doc) -> tuple[dict[str, Entity], list[Mention]]:
    """The document's entities and mentions: from the ``kg_coref`` component when it ran,
    else resolved here, with pronouns and descriptions from another resolver's clusters."""
    cached = doc._.kg_resolution if Doc.has_extension("kg_resolution") else None
    if cached is not None:
        return cached
    clusters = clusters_of(doc)
    entities, mentions = resolve(doc, references=False)
    mentions = sorted(mentions + apply_clusters(doc, entities, mentions, clusters), key=lambda m: m.start)
    return entities, mentions


def _original_spellings(entities: dict[str, Entity], text: str) -> None:
    """Keep the article's own spelling of a name as an alias when the parser saw it re-cased
    ("HONG KONG" in a dateline)."""
    for entity in entities.values():
        for start, end in entity.mentions:
            form = re.sub(r"['’]s$", "", " ".join(text[start:end].split()))
            if form and form != entity.label and form.casefold() in {n.casefold() for n in entity.names()}:
                entity.aliases.add(form)


def propose(doc: Doc, patterns: PatternSet | None = None, text: str | None = None,
            triggers: Triggers | None = None) -> tuple[dict[str, Entity], list[Relation], list[Candidate]]:
    """A document's entities, the facts its relation patterns find, and every candidate fact
    (typed pairs of mentions per sentence) with its features, for the scorer or for training."""
    patterns = patterns or default_patterns()
    entities, mentions, relations, _, _ = _patterns(doc, patterns, text)
    return entities, relations, _candidates(doc, entities, mentions, relations, patterns, triggers)


def _candidates(doc: Doc, entities: dict[str, Entity], mentions: list[Mention], relations: list[Relation],
                patterns: PatternSet, triggers: Triggers | None) -> list[Candidate]:
    confidences = {pid: p.confidence for pid, p in patterns.patterns.items()}
    return find_candidates(doc, entities, mentions, relations, triggers or load_triggers(), confidences)


def extract(doc: Doc, doc_id: str, text: str | None = None, patterns: PatternSet | None = None,
            extractors: Sequence[tuple[str, Extractor]] = (), date: str | None = None,
            scorer: Scorer | None = None, triggers: Triggers | None = None) -> DocFacts:
    """Entities and relations of one parsed document.

    *text* is the original article text when the parser saw a prepared copy (same length,
    see :func:`kg.nlp.prepare.prepare`); evidence sentences are cut from it. *extractors* are
    plug-ins (name, callable) whose facts join the pattern-based ones. *date* (ISO) is the
    article's date, against which "on Wednesday" is resolved. With a *scorer*, every candidate
    pair of mentions is scored and the accepted ones replace the patterns' facts of the
    relations the scorer knows; without one, the patterns decide.
    """
    patterns = patterns or default_patterns()
    entities, mentions, relations, cancelled_or_denied, positions = _patterns(doc, patterns, text)
    if scorer is not None:
        candidates = _candidates(doc, entities, mentions, relations, patterns, triggers)
        relations = [r for r in relations if r.predicate not in scorer.relations]
        relations += scored_relations(doc, candidates, scorer, text=text)
    for name, func in extractors:
        relations += plugin_relations(doc, entities, name, func(doc), text=text)
    relations += apply_rules(entities, relations)
    events = find_events(doc, relations + cancelled_or_denied, date)
    return DocFacts(doc_id=doc_id, entities=entities, relations=relations, positions=positions, events=events)

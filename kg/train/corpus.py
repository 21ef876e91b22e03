"""Annotated articles as training data: each gold file's article, parsed once, with its candidate
facts labelled against the gold triples.

A candidate is positive when its two entities match the ends of a ``gold`` triple of its relation
(by the reference scorer's name rules) and its sentence is the triple's evidence sentence (or the
triple gives none); it is left out when it matches only an ``optional`` triple, or a gold triple
stated in another sentence; every other candidate is negative. A gold folder that annotates only
some relations (the Wikipedia set has ``locatedIn`` and ``includes``) labels only those, so a
model does not learn from it that the others are absent.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from ..errors import InputError
from ..evaluate.gold import GoldSet, GoldTriple, load_gold, normalize_name
from ..extract.candidates import Candidate
from ..extract.extractor import default_patterns, propose
from ..extract.patterns import PatternSet
from ..extract.records import Entity
from ..extract.triggers import Triggers, load_triggers
from ..graph.vocab import RELATIONS
from ..ingest import Document, read_path
from ..nlp.pipeline import load_pipeline, parse

#: Share of an evidence text's words that a sentence must contain to be that evidence.
EVIDENCE_OVERLAP = 0.6


@dataclass
class AnnotatedDoc:
    """One annotated article: its parse (kept for held-out extraction), entities and labelled candidates."""

    name: str  # the gold file's "doc"
    document: Document
    entities: dict[str, Entity]
    candidates: list[Candidate]
    labels: list[int | None]  # 1, 0, or None (left out), one per candidate
    weight: float = 1.0
    doc: Doc | None = None


@dataclass
class Corpus:
    """Annotated articles: the main ones (scored, split into folds) and extra ones (training only)."""

    gold: GoldSet
    documents: list[AnnotatedDoc] = field(default_factory=list)
    extra: list[AnnotatedDoc] = field(default_factory=list)
    triggers: Triggers = field(default_factory=load_triggers)
    patterns: PatternSet | None = None


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def label_candidates(name: str, entities: dict[str, Entity], candidates: Sequence[Candidate], doc: Doc,
                     gold: GoldSet, relations: Iterable[str] = RELATIONS) -> list[int | None]:
    """A label per candidate (see the module docstring)."""
    relations = set(relations)
    keys = {}
    for key, entity in entities.items():
        names = {normalize_name(n) for n in entity.names()}
        keys[key] = {k for k in gold.entities_named(names, groups=True) if k[0] == name}
    labels: list[int | None] = []
    sentence_words: dict[int, set[str]] = {}
    for cand in candidates:
        if cand.relation not in relations:
            labels.append(None)
            continue
        matched = [(t, gold.triples[t]) for s in keys[cand.subject] for o in keys[cand.object]
                   if (t := GoldTriple.of(s, cand.relation, o)) in gold.triples]
        golds = [t for t, status in matched if status == "gold"]
        if not golds:
            labels.append(None if matched else 0)
            continue
        if cand.sentence not in sentence_words:
            sentence_words[cand.sentence] = _words(doc[cand.sentence].sent.text)
        here = sentence_words[cand.sentence]
        stated = False
        for t in golds:
            evidence = _words(gold.evidence.get(t, ""))
            if not evidence or len(evidence & here) >= EVIDENCE_OVERLAP * len(evidence):
                stated = True
        labels.append(1 if stated else None)
    return labels


def _gold_texts(gold: GoldSet, folder: Path) -> list[tuple[str, Path]]:
    out = []
    for name, document in sorted(gold.documents.items()):
        path = folder / (document.text_file or f"{name}.txt")
        if path.is_file():
            out.append((name, path))
    return out


def read_corpus(gold_dirs: Sequence[str | os.PathLike[str]], extra_dirs: Sequence[str | os.PathLike[str]] = (),
                extra_weight: float = 0.3, model: str | None = None, patterns: PatternSet | None = None,
                triggers: Triggers | None = None, keep_docs: bool = True,
                on_document: Callable[[str], None] | None = None) -> Corpus:
    """Parse the articles of *gold_dirs* (and of *extra_dirs*, weighted by *extra_weight*) and label
    their candidates. The articles are the gold files' ``text_file`` in the same folder."""
    if not gold_dirs:
        raise InputError(None, "give at least one folder of gold files")
    main = GoldSet()  # the main folders' gold, against which held-out graphs are scored
    seen: set[str] = set()
    sources: list[tuple[str, Path, bool, GoldSet, frozenset[str]]] = []
    for folder, is_extra in [*((d, False) for d in gold_dirs), *((d, True) for d in extra_dirs)]:
        gold = load_gold(folder)
        annotated = frozenset(t.relation for t in gold.triples)
        for name, document in gold.documents.items():
            if name in seen:
                raise InputError(document.path, f'doc "{name}" is annotated in two gold folders')
            seen.add(name)
        if not is_extra:
            for document in gold.documents.values():
                main.add(document, [])
            main.triples.update(gold.triples)
            main.evidence.update(gold.evidence)
        texts = _gold_texts(gold, Path(folder))
        if not texts:
            raise InputError(folder, "none of the gold files' articles (text_file) is in this folder")
        sources += [(name, path, is_extra, gold, annotated) for name, path in texts]
    corpus = Corpus(gold=main, triggers=triggers or load_triggers(), patterns=patterns or default_patterns())
    nlp = load_pipeline(model)
    documents = []
    for name, path, is_extra, gold, annotated in sources:
        documents += [(d, (name, is_extra, gold, annotated)) for d in read_path(path)]
    meta = {d.id: info for d, info in documents}
    for document, doc in parse(nlp, (d for d, _ in documents)):
        name, is_extra, gold, annotated = meta[document.id]
        entities, _, candidates = propose(doc, corpus.patterns, document.text, corpus.triggers)
        labels = label_candidates(name, entities, candidates, doc, gold, annotated)
        item = AnnotatedDoc(name, document, entities, candidates, labels, extra_weight if is_extra else 1.0,
                            doc if keep_docs and not is_extra else None)
        (corpus.extra if is_extra else corpus.documents).append(item)
        if on_document is not None:
            on_document(name)
    return corpus

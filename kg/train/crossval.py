"""Cross-validation by document: how the scorer does on articles it was not trained on.

The main articles are split into *k* folds by a hash of their name (so the split does not depend
on the order of files). For each fold, a scorer is trained on the other folds (and on any extra
articles), and the fold's articles are extracted with it; the held-out graphs of all folds are
then scored together against the gold files, beside the patterns alone on the same articles.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..evaluate.report import EvaluationReport
from ..evaluate.scoring import score_graph
from ..extract.extractor import extract
from ..extract.scorer import Scorer
from ..graph.mapping import facts_triples
from ..graph.store import MemoryStore
from .corpus import AnnotatedDoc, Corpus
from .fit import C, THRESHOLD, train


@dataclass
class CrossValidation:
    """Held-out scores of the scorer and of the patterns alone on the same articles."""

    folds: int
    scorer: EvaluationReport
    rules: EvaluationReport


def fold_of(name: str, folds: int) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % folds


def split(documents: Sequence[AnnotatedDoc], folds: int) -> list[list[AnnotatedDoc]]:
    """*folds* groups of documents, by hash of the document name."""
    groups: list[list[AnnotatedDoc]] = [[] for _ in range(folds)]
    for d in sorted(documents, key=lambda d: d.name):
        groups[fold_of(d.name, folds)].append(d)
    return groups


def extract_graph(corpus: Corpus, documents: Sequence[AnnotatedDoc], scorer: Scorer | None, store: MemoryStore) -> None:
    """Extract *documents* (with *scorer*, or the patterns alone) into *store*."""
    for d in documents:
        if d.doc is None:
            raise ValueError(f"{d.name}: the parse was not kept (read the corpus with keep_docs=True)")
        facts = extract(d.doc, d.document.id, text=d.document.text, patterns=corpus.patterns, date=d.document.date,
                        scorer=scorer, triggers=corpus.triggers)
        store.add(facts_triples(d.document, facts))


def cross_validate(corpus: Corpus, folds: int = 5, c: float = C, threshold: float = THRESHOLD,
                   on_fold: Callable[[int], None] | None = None) -> CrossValidation:
    """Held-out evaluation of the scorer over *folds* folds of the corpus's main articles."""
    if folds < 2 or folds > len(corpus.documents):
        raise ValueError(f"need between 2 and {len(corpus.documents)} folds")
    groups = split(corpus.documents, folds)
    held_out, rules = MemoryStore(), MemoryStore()
    for k, test in enumerate(groups):
        training = [d for j, g in enumerate(groups) if j != k for d in g] + corpus.extra
        scorer = train(training, c=c, threshold=threshold)
        extract_graph(corpus, test, scorer, held_out)
        extract_graph(corpus, test, None, rules)
        if on_fold is not None:
            on_fold(k)
    held_out.finalize()
    rules.finalize()
    return CrossValidation(folds, score_graph(held_out.graph, corpus.gold), score_graph(rules.graph, corpus.gold))

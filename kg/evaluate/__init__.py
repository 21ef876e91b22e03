"""Evaluating a graph against gold annotations (``kg evaluate``).

>>> import kg
>>> from kg.evaluate import evaluate
>>> report = evaluate(kg.build(["articles/"]), "gold/")   # a folder of *.gold.json files
>>> report.micro.f1, report.relations["visited"].recall, report.typing.accuracy
>>> for miss in report.misses: print(miss, miss.evidence)
>>> report.to_dict()                                        # JSON-able

The gold format and the matching rules are in ``shared/spec/relations.md``; the numbers are
those of the reference scorer ``shared/eval/score.py``.
"""
from __future__ import annotations

import os

from rdflib import Graph

from ..api import KnowledgeGraph
from .gold import GoldSet, load_gold, normalize_name
from .report import EvaluationReport, FalsePositive, Miss, Mistyped, Score, TypingScore, render
from .scoring import score_graph

__all__ = [
    "EvaluationReport",
    "FalsePositive",
    "GoldSet",
    "Miss",
    "Mistyped",
    "Score",
    "TypingScore",
    "evaluate",
    "load_gold",
    "normalize_name",
    "render",
    "score_graph",
]


def evaluate(graph: Graph | KnowledgeGraph, gold_dir: str | os.PathLike[str] | GoldSet) -> EvaluationReport:
    """Score *graph* against the ``*.gold.json`` files in *gold_dir* (or an already loaded :class:`GoldSet`).

    A malformed gold file raises :class:`kg.errors.InputError`.
    """
    rdf = graph.graph if isinstance(graph, KnowledgeGraph) else graph
    gold = gold_dir if isinstance(gold_dir, GoldSet) else load_gold(gold_dir)
    return score_graph(rdf, gold)

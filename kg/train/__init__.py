"""Training and cross-validating the candidate scorer from gold annotations (``kg train``,
``kg evaluate --cv``).

>>> from kg.train import read_corpus, train, cross_validate
>>> corpus = read_corpus(["gold/"])                  # parses the articles the gold files annotate
>>> scorer = train(corpus)                           # one logistic regression per relation
>>> report = cross_validate(corpus, folds=5)         # held-out folds, split by document

Training is deterministic: the same gold files give the same model file, byte for byte.
"""
from __future__ import annotations

from .corpus import AnnotatedDoc, Corpus, read_corpus
from .crossval import CrossValidation, cross_validate
from .fit import train

__all__ = ["AnnotatedDoc", "Corpus", "CrossValidation", "cross_validate", "read_corpus", "train"]

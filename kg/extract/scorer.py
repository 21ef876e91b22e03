"""The learned scorer: a probability for each candidate fact, from its features.

A model is a small JSON file (``kg train`` writes it; ``kg/data/scorer.json`` ships with kg): per
relation, the weights of a logistic regression over the candidate features of
:mod:`kg.extract.candidates`, a bias, and the decision threshold chosen by cross-validation::

    {"format": "kg-scorer/1", "relations": {"visited": {"bias": -3.1, "threshold": 0.5,
                                                        "weights": {"pattern": 2.4, "on_path=visit": 1.3, ...}}}}

A candidate above its relation's threshold becomes a fact; its probability is the fact's
confidence. Without a model (``--scorer rules``) the relation patterns alone decide, each with
its calibrated confidence.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..errors import InputError
from ..fileio import read_text
from ..settings import DATA_DIR
from .candidates import Candidate
from .modality import ASSERTED, REPORTED, modality
from .records import Evidence, Relation
from .relations import sentence_of
from .tokens import tokens

FORMAT = "kg-scorer/1"
#: Relations whose facts are events with a modality (a visit, a signing).
_EVENT_RELATIONS = frozenset({"visited", "signsAgreementWith"})
#: The model that ships with kg, used by ``--scorer default``.
DEFAULT_MODEL = DATA_DIR / "scorer.json"
#: ``--scorer`` values that are not files.
RULES = "rules"
DEFAULT = "default"


@dataclass(frozen=True)
class RelationModel:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Scorer:
    """Per relation, a model of the probability that a candidate is a fact."""

    relations: dict[str, RelationModel] = field(default_factory=dict)
    name: str = "scorer"

    def probability(self, candidate: Candidate) -> float | None:
        model = self.relations.get(candidate.relation)
        return None if model is None else model.probability(candidate.features)

    def to_json(self) -> dict:
        return {"format": FORMAT, "relations": {
            rel: {"bias": round(m.bias, 4), "threshold": round(m.threshold, 4),
                  "weights": {k: round(w, 4) for k, w in sorted(m.weights.items())}}
            for rel, m in sorted(self.relations.items())}}


def load_scorer(spec: str | os.PathLike[str] | None) -> Scorer | None:
    """The scorer named by *spec*: ``rules`` (None: patterns only), ``default`` (the shipped model), or a file."""
    if spec is None or str(spec) == RULES:
        return None
    path = DEFAULT_MODEL if str(spec) == DEFAULT else Path(spec)
    return _load(str(path))


@lru_cache(maxsize=4)
def _load(path: str) -> Scorer:
    try:
        data = json.loads(read_text(Path(path), what="scorer model"))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a valid scorer model ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("relations"), dict):
        raise InputError(path, f'not a kg scorer model (expected "format": "{FORMAT}"; write one with kg train)')
    relations = {}
    for rel, spec in data["relations"].items():
        try:
            relations[rel] = RelationModel(float(spec["bias"]), {str(k): float(v) for k, v in spec["weights"].items()},
                                           float(spec.get("threshold", 0.5)))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise InputError(path, f'relation "{rel}": needs a numeric "bias" and "weights"') from None
    return Scorer(relations, name=Path(path).stem)


def scored_relations(doc: Doc, candidates: Sequence[Candidate], scorer: Scorer, text: str | None = None) -> list[Relation]:
    """The candidates the scorer accepts, as relation records with the probability as confidence.

    The extractor of the evidence is ``scorer/<relation>`` followed by the patterns that proposed
    the candidate, if any (``scorer/visited+visited/trip-noun``), so a fact that only the model
    found can be told from one a pattern also matched.
    """
    toks = tokens(doc)
    out = []
    for cand in candidates:
        p = scorer.probability(cand)
        model = scorer.relations.get(cand.relation)
        if p is None or model is None or p < model.threshold:
            continue
        mode = REPORTED
        if cand.trigger is not None and cand.relation in _EVENT_RELATIONS:
            mode = modality(toks[cand.trigger])
            if mode not in ASSERTED:
                continue  # speculative, cancelled or denied: not a fact
        sentence, start, end = sentence_of(toks[cand.sentence].sent, text)
        extractor = "+".join((f"scorer/{cand.relation}", *cand.patterns))
        out.append(Relation(cand.subject, cand.relation, cand.object, Evidence(
            extractor=extractor, confidence=round(p, 3), sentence=sentence, start=start, end=end),
            trigger=cand.trigger, modality=mode))
    return out

"""Fitting the scorer: one L2-regularised logistic regression per relation (scikit-learn), over
the labelled candidates of a corpus, exported as the small JSON model of :mod:`kg.extract.scorer`.

We chose scikit-learn's liblinear solver because it is exact and deterministic for a given data
order (the candidates are sorted before fitting), so retraining on the same gold files writes the
same model file.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import KgError
from ..extract.candidates import SIGNATURES
from ..extract.scorer import RelationModel, Scorer
from .corpus import AnnotatedDoc

#: Inverse regularisation strength: small, since a few hundred facts must generalise.
C = 0.5
#: Weights smaller than this are dropped from the model file (they change no decision).
MIN_WEIGHT = 0.01
#: The probability above which a candidate becomes a fact.
THRESHOLD = 0.5


def examples(documents: Iterable[AnnotatedDoc], relation: str) -> tuple[list[dict[str, float]], list[int], list[float]]:
    """Features, labels and sample weights of the labelled candidates of one relation, in a fixed order."""
    rows = []
    for d in documents:
        for cand, label in zip(d.candidates, d.labels):
            if label is not None and cand.relation == relation:
                rows.append((d.name, cand.sentence, cand.subject_token, cand.object_token, cand.features, label, d.weight))
    rows.sort(key=lambda r: r[:4])
    return [r[4] for r in rows], [r[5] for r in rows], [r[6] for r in rows]


def fit_relation(features: Sequence[dict[str, float]], labels: Sequence[int], weights: Sequence[float],
                 c: float = C, threshold: float = THRESHOLD) -> RelationModel | None:
    """A logistic regression of one relation; None when the data have only one class."""
    try:  # training only: building with a model needs no scikit-learn
        from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415
        from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    except ImportError:
        raise KgError("scikit-learn", "training the scorer needs it: pip install 'newskg[train]'") from None

    if len(set(labels)) < 2:
        return None
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(features).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit indices
    model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(x, labels, sample_weight=weights)
    names = vectorizer.get_feature_names_out()
    weights_out = {str(n): float(w) for n, w in zip(names, model.coef_[0]) if abs(w) >= MIN_WEIGHT}
    return RelationModel(bias=float(model.intercept_[0]), weights=weights_out, threshold=threshold)


def train(corpus_or_docs, c: float = C, threshold: float = THRESHOLD, relations: Iterable[str] = SIGNATURES) -> Scorer:
    """A scorer trained on every labelled candidate of a corpus (or of a list of annotated documents)."""
    documents = list(corpus_or_docs) if isinstance(corpus_or_docs, list) else [*corpus_or_docs.documents,
                                                                               *corpus_or_docs.extra]
    models = {}
    for relation in relations:
        model = fit_relation(*examples(documents, relation), c=c, threshold=threshold)
        if model is not None:
            models[relation] = model
    return Scorer(models)

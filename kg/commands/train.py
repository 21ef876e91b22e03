"""``kg train --gold DIR -o model.json``: train the candidate scorer on annotated articles.

The articles are the gold files' ``text_file`` in the same folder. ``--extra DIR`` adds
annotated articles of another genre (weighted by ``--extra-weight``) that only teach the relations
they annotate. The model is small JSON; pass it back with ``kg build --scorer model.json``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..extract.patterns import load_patterns
from ..extract.triggers import load_triggers
from ..fileio import atomic_write
from ..train import read_corpus, train
from ..train.fit import C, THRESHOLD
from .console import err, reports_errors
from .options import Model, Patterns, Triggers

Gold = Annotated[list[Path], typer.Option("--gold", help="Folder of <doc>.gold.json files with their articles (repeatable).", show_default=False)]
Extra = Annotated[Optional[list[Path]], typer.Option("--extra", help="Folder of annotated articles of another genre, for the relations it annotates (repeatable).")]
ExtraWeight = Annotated[float, typer.Option("--extra-weight", min=0.0, help="Weight of each --extra example relative to a --gold one.")]
Regularisation = Annotated[float, typer.Option("--c", min=1e-6, help="Inverse L2 regularisation strength of the logistic regressions.")]
Threshold = Annotated[float, typer.Option("--threshold", min=0.0, max=1.0, help="Probability above which a candidate becomes a fact.")]


@reports_errors
def train_command(
    gold: Gold = ...,
    output: Annotated[Path, typer.Option("-o", "--output", help="Model file to write (JSON).")] = Path("scorer.json"),
    extra: Extra = None,
    extra_weight: ExtraWeight = 0.3,
    model: Model = None,
    patterns: Patterns = None,
    triggers: Triggers = None,
    c: Regularisation = C,
    threshold: Threshold = THRESHOLD,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Train the candidate scorer (one logistic regression per relation) from gold annotations."""
    corpus = read_corpus(gold, extra or (), extra_weight=extra_weight, model=model,
                         patterns=load_patterns(tuple(patterns or ())), triggers=load_triggers(tuple(triggers or ())),
                         keep_docs=False)
    scorer = train(corpus, c=c, threshold=threshold)
    with atomic_write(output) as handle:
        handle.write(json.dumps(scorer.to_json(), indent=0, sort_keys=True, ensure_ascii=False) + "\n")
    if not quiet:
        sizes = ", ".join(f"{rel} {len(m.weights)}" for rel, m in scorer.relations.items())
        err.print(f"kg: trained on {len(corpus.documents)} + {len(corpus.extra)} article(s); weights per relation: {sizes} → {output}",
                  markup=False, highlight=False)

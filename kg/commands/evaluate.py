"""``kg evaluate --gold DIR INPUT...``: build a graph (or read one) and score it against gold files.

The build options are those of ``kg build``; ``--graph FILE`` scores a graph written earlier.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import api, settings
from ..errors import KgError
from ..evaluate import evaluate, load_gold, render
from ..fileio import atomic_write
from .options import (BatchSize, Coref, Extractors, Gazetteers, MinConfidence, Model, Patterns, Scorer, Triggers,
                      build_options, build_reporting)
from .console import out, reports_errors, warn
from .train import Extra, ExtraWeight, Regularisation, Threshold


@reports_errors
def evaluate_command(
    inputs: Annotated[Optional[list[str]], typer.Argument(help="Articles to build the graph from (as for kg build).", show_default=False)] = None,
    gold: Annotated[Path, typer.Option("--gold", help="Folder of <doc>.gold.json files.", show_default=False)] = ...,
    graph_file: Annotated[Optional[str], typer.Option("--graph", help="Score this graph file (or store: oxigraph:DIR, sparql:URL) instead of building one from INPUTs.")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List misses and false positives with their evidence sentences.")] = False,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Also show the counts per document.")] = False,
    json_file: Annotated[Optional[Path], typer.Option("--json", help="Also write the full report as JSON to this file.")] = None,
    model: Model = None,
    gazetteer: Gazetteers = None,
    patterns: Patterns = None,
    extractor: Extractors = None,
    coref: Coref = "kg_coref",
    scorer: Scorer = settings.SCORER,
    triggers: Triggers = None,
    min_confidence: MinConfidence = settings.MIN_CONFIDENCE,
    batch_size: BatchSize = settings.BATCH_SIZE,
    cv: Annotated[Optional[int], typer.Option("--cv", min=2, help="Cross-validate the scorer by document in K folds on the --gold folder's own articles; prints the held-out scores of the scorer and of the patterns alone.")] = None,
    extra: Extra = None,
    extra_weight: ExtraWeight = 0.3,
    c: Regularisation = 0.5,
    threshold: Threshold = 0.5,
    calibrate: Annotated[bool, typer.Option("--calibrate", help="Show each pattern's precision on these articles and its calibrated confidence.")] = False,
    write_confidences: Annotated[Optional[Path], typer.Option("--write-confidences", help="Write copies of the pattern files in use, with calibrated confidences, into this folder (pass them back with --patterns, or point it at kg/extract/patterns when developing kg).")] = None,
) -> None:
    """Score extracted relations against gold annotations: precision, recall, F1, entity typing."""
    if cv is not None:
        if inputs or graph_file is not None:
            raise KgError(None, "--cv reads the articles of the --gold folder; give no INPUT files or --graph")
        _cross_validate(gold, cv, extra or [], extra_weight, model, patterns or [], triggers or [], c, threshold,
                        json_file)
        return
    if bool(inputs) == (graph_file is not None):
        raise KgError(None, "give either INPUT files to build a graph from, or --graph FILE (not both)")
    gold_set = load_gold(gold)  # first: a bad gold folder should not wait for a build
    if graph_file is not None:
        graph = api.load(graph_file)
    else:
        graph, _, _ = build_reporting(inputs or [], **build_options(model, gazetteer, patterns, extractor, coref,
                                                                     min_confidence, batch_size, scorer, triggers))
    report = evaluate(graph, gold_set)
    if report.unmatched_documents:
        warn(f"warning: no input document for {len(report.unmatched_documents)} gold file(s): "
             + ", ".join(report.unmatched_documents))
    if json_file is not None:
        with atomic_write(json_file) as handle:
            json.dump(report.to_dict(), handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    out.print(render(report, errors=errors, per_doc=per_doc))
    if calibrate or write_confidences is not None:
        _calibrate(graph.graph, gold_set, patterns or [], write_confidences)
    out.print(report.summary(), markup=False, highlight=False)


def _calibrate(graph, gold_set, extra_patterns: list[Path], folder: Path | None) -> None:
    """Per-pattern precision, and (with *folder*) calibrated copies of the pattern files."""
    from rich.table import Table

    from ..evaluate.calibrate import measure, write_confidences
    from ..extract.patterns import default_pattern_files, load_patterns

    current = load_patterns(extra_patterns).patterns
    stats = measure(graph, gold_set)
    table = Table(title="Pattern precision (calibrated = (right + 1) / (right + wrong + 2))")
    for column in ("extractor", "right", "wrong", "neutral", "precision", "current", "calibrated"):
        table.add_column(column, justify="left" if column == "extractor" else "right", no_wrap=column == "extractor")
    for name, entry in stats.items():
        prior = current[name].confidence if name in current else None
        table.add_row(name, str(entry.right), str(entry.wrong), str(entry.neutral),
                      "-" if entry.precision is None else f"{entry.precision:.2f}",
                      "-" if prior is None else f"{prior:.2f}",
                      "-" if entry.precision is None else f"{entry.calibrated():.2f}")
    out.print(table)
    if folder is not None:
        files = [*default_pattern_files(), *extra_patterns]
        changes = write_confidences(files, stats, folder=folder)
        warn(f"wrote {len(files)} pattern file(s) to {folder} ({len(changes)} confidence(s) changed)")


def _cross_validate(gold: Path, folds: int, extra: list[Path], extra_weight: float, model: str | None,
                    patterns: list[Path], triggers: list[Path], c: float, threshold: float,
                    json_file: Path | None) -> None:
    from ..evaluate.report import render_comparison
    from ..extract.patterns import load_patterns
    from ..extract.triggers import load_triggers
    from ..train import cross_validate, read_corpus

    corpus = read_corpus([gold], extra, extra_weight=extra_weight, model=model,
                         patterns=load_patterns(tuple(patterns)), triggers=load_triggers(tuple(triggers)))
    if folds > len(corpus.documents):
        raise KgError(gold, f"--cv {folds} needs at least {folds} annotated articles, found {len(corpus.documents)}")
    result = cross_validate(corpus, folds, c=c, threshold=threshold)
    title = f"Held-out scores, {folds}-fold cross-validation by document ({len(corpus.documents)} articles)"
    out.print(render_comparison(title, {"patterns": result.rules, "scorer": result.scorer}))
    if json_file is not None:
        with atomic_write(json_file) as handle:
            json.dump({"folds": folds, "patterns": result.rules.to_dict(), "scorer": result.scorer.to_dict()},
                      handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    out.print(f"cv{folds} scorer {result.scorer.summary()}", markup=False, highlight=False)
    out.print(f"cv{folds} patterns {result.rules.summary()}", markup=False, highlight=False)

"""What the commands that build a graph (``kg build``, ``kg evaluate``) share: their options and
the way they run the build."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import api, settings
from ..errors import InputError, KgError
from ..limits import parse_size
from .console import EXIT_ERROR, err, warn
from .progress import build_progress, input_total

Model = Annotated[str | None, typer.Option(
    "--model", "-m", help=f"spaCy pipeline name or path (default: ${settings.MODEL_ENV}, else {settings.DEFAULT_MODEL})")]
Gazetteers = Annotated[list[Path] | None, typer.Option(
    "--gazetteer", "-g", help="CSV or JSONL file of name,type pairs that fix entity types (repeatable).")]
Patterns = Annotated[list[Path] | None, typer.Option(
    "--patterns", "-p", help="Extra relation pattern file, or a folder of them (repeatable).")]
Extractors = Annotated[list[str] | None, typer.Option(
    "--extractor", "-x", help="Plug-in extractor: module:function or an entry point name in group kg.extractors (repeatable).")]
Coref = Annotated[str, typer.Option(
    "--coref", help="Coreference component: kg_coref, none, or a registered spaCy component writing coref_clusters_* span groups.")]
MinConfidence = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Leave out facts whose combined confidence is lower.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")]
Scorer = Annotated[str, typer.Option(
    "--scorer", help="Which candidate facts to keep: rules (the relation patterns), default (the shipped model) or a model file written by kg train.")]
Jobs = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Worker processes that parse and extract (default: the number of cores; 1: in this process).")]
Dask = Annotated[str | None, typer.Option(
    "--dask", metavar="ADDRESS", help="Parse and extract on a Dask cluster: its scheduler address, e.g. tcp://10.0.0.5:8786.")]
Triggers = Annotated[list[Path] | None, typer.Option(
    "--triggers", help="Extra trigger-class file for the scorer's features (repeatable; format of kg/data/triggers.json).")]
MaxDocSize = Annotated[str, typer.Option(
    "--max-doc-size", help="Skip (and report) a document larger than this: 1MB, 500kB, a number of bytes; 0 for no limit.")]
DocTimeout = Annotated[float, typer.Option(
    "--doc-timeout", min=0.0, help="Skip (and report) a document whose parsing and extraction take longer (seconds; 0 for no limit).")]


def size_option(value: str) -> int:
    """The bytes of a ``--max-doc-size`` value, or a usage error."""
    try:
        return parse_size(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--max-doc-size") from None


def build_reporting(inputs: list[str], quiet: bool = True, **options: object) -> tuple[api.KnowledgeGraph, int, int]:
    """``kg.build`` as the commands run it: unreadable inputs are reported on their own line and
    skipped, progress is shown on a terminal. Returns the graph, documents built, documents skipped.
    Exits 1 when nothing could be read."""
    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        warn(f"error: {error} (skipped)")

    total = None if quiet or not err.is_terminal else input_total(inputs)
    progress = build_progress(quiet, total)
    done = 0
    with progress:
        task = progress.add_task("building", total=total)

        def on_document(_doc: object) -> None:
            nonlocal done
            done += 1
            progress.advance(task)

        graph = api.build(inputs, on_error=on_error, on_document=on_document, **options)
    done += graph.store.skipped  # documents a persistent store already had were read, not rebuilt
    if done == 0:
        if failures:
            raise typer.Exit(EXIT_ERROR)  # each failure has been reported on its own line
        raise KgError(", ".join(inputs), "no documents found")
    return graph, done, len(failures)


def build_options(model: str | None, gazetteer: list[Path] | None, patterns: list[Path] | None,
                  extractor: list[str] | None, coref: str, min_confidence: float, batch_size: int,
                  scorer: str = settings.SCORER, triggers: list[Path] | None = None,
                  max_doc_size: str | int = settings.MAX_DOC_SIZE, doc_timeout: float = settings.DOC_TIMEOUT) -> dict:
    """The keyword arguments of :func:`kg.build` for these options."""
    return {"model": model, "gazetteers": gazetteer or (), "patterns": patterns or (), "extractors": extractor or (),
            "coref": coref, "min_confidence": min_confidence, "batch_size": batch_size, "scorer": scorer,
            "triggers": triggers or (), "max_doc_size": size_option(str(max_doc_size)), "doc_timeout": doc_timeout}

"""``kg build INPUT... -o graph.ttl``: articles in, one merged RDF graph out."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import api, settings
from ..errors import InputError, KgError
from .options import BatchSize, Coref, Extractors, Gazetteers, MinConfidence, Model, Patterns, build_options
from .console import err, out, reports_errors, warn


@reports_errors
def build_command(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), folders, globs, or - for standard input.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Graph file; the format follows the extension (.ttl, .nt, .jsonld, .trig). Default: Turtle on stdout.")] = None,
    model: Model = None,
    gazetteer: Gazetteers = None,
    patterns: Patterns = None,
    extractor: Extractors = None,
    coref: Coref = "kg_coref",
    min_confidence: MinConfidence = settings.MIN_CONFIDENCE,
    batch_size: BatchSize = settings.BATCH_SIZE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Build a knowledge graph from news articles."""
    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        warn(f"error: {error} (skipped)")

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True, disable=quiet or not err.is_terminal)
    done = 0
    with progress:
        task = progress.add_task("building", total=None)

        def on_document(_doc) -> None:
            nonlocal done
            done += 1
            progress.advance(task)

        graph = api.build(inputs, on_error=on_error, on_document=on_document,
                          **build_options(model, gazetteer, patterns, extractor, coref, min_confidence, batch_size))
    if done == 0:
        if failures:
            raise typer.Exit(1)  # each failure has been reported on its own line
        raise KgError(", ".join(inputs), "no documents found")
    if output is None or str(output) == "-":
        out.file.write(graph.graph.serialize(format="turtle"))
    else:
        graph.serialize(output)
    if not quiet:
        stats = graph.stats(top=0)
        target = "stdout" if output is None or str(output) == "-" else output
        err.print(f"kg: {done} document(s), {stats['nodes']} entities, {stats['edges']} relations → {target}"
                  + (f"; {len(failures)} skipped" if failures else ""), markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)

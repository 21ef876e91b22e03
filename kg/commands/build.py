"""``kg build INPUT... -o graph.ttl``: articles in, one merged RDF graph out."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import api, settings
from ..errors import InputError, KgError
from .console import err, out, reports_errors, warn


@reports_errors
def build_command(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), folders, globs, or - for standard input.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Graph file; the format follows the extension (.ttl, .nt, .jsonld, .trig). Default: Turtle on stdout.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help=f"spaCy pipeline name or path [default: ${settings.MODEL_ENV} or {settings.DEFAULT_MODEL}]")] = None,
    gazetteer: Annotated[Optional[list[Path]], typer.Option("--gazetteer", "-g", help="CSV or JSONL file of name,type pairs that fix entity types (repeatable).")] = None,
    patterns: Annotated[Optional[list[Path]], typer.Option("--patterns", "-p", help="Extra relation pattern file (repeatable).")] = None,
    extractor: Annotated[Optional[list[str]], typer.Option("--extractor", "-x", help="Plug-in extractor: module:function or an entry point name in group kg.extractors (repeatable).")] = None,
    coref: Annotated[str, typer.Option("--coref", help="Coreference component: kg_coref, none, or a registered spaCy component writing coref_clusters_* span groups.")] = "kg_coref",
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts whose combined confidence is lower.")] = settings.MIN_CONFIDENCE,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")] = settings.BATCH_SIZE,
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

        graph = api.build(inputs, model=model, gazetteers=gazetteer or (), patterns=patterns or (),
                          extractors=extractor or (), coref=coref,
                          min_confidence=min_confidence, batch_size=batch_size, on_error=on_error,
                          on_document=on_document)
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

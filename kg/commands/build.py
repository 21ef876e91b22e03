"""``kg build INPUT... -o graph.ttl``: articles in, one merged RDF graph out."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import api, settings
from .options import (BatchSize, Coref, Extractors, Gazetteers, MinConfidence, Model, Patterns, Scorer, Triggers,
                      build_options, build_reporting)
from .console import err, out, reports_errors


@reports_errors
def build_command(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), folders, globs, or - for standard input.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Graph file; the format follows the extension (.ttl, .nt, .jsonld, .trig). Default: Turtle on stdout.")] = None,
    model: Model = None,
    gazetteer: Gazetteers = None,
    patterns: Patterns = None,
    extractor: Extractors = None,
    coref: Coref = "kg_coref",
    scorer: Scorer = settings.SCORER,
    triggers: Triggers = None,
    min_confidence: MinConfidence = settings.MIN_CONFIDENCE,
    batch_size: BatchSize = settings.BATCH_SIZE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    store: Annotated[str, typer.Option("--store", "-s", help="Where the graph lives: memory, oxigraph:DIR (on disk, created when missing) or sparql:QUERY_URL[|UPDATE_URL]. A store keeps what earlier builds wrote and skips the documents it has.")] = "memory",
) -> None:
    """Build a knowledge graph from news articles."""
    graph, done, skipped = build_reporting(
        inputs, quiet=quiet, store=store,
        **build_options(model, gazetteer, patterns, extractor, coref, min_confidence, batch_size, scorer, triggers))
    if graph.store.spec != "memory":
        _report_store(graph, output, done, skipped, quiet)
        return
    if output is None or str(output) == "-":
        out.file.write(graph.graph.serialize(format="turtle"))
    else:
        graph.serialize(output)
    if not quiet:
        stats = graph.stats(top=0)
        target = "stdout" if output is None or str(output) == "-" else output
        err.print(f"kg: {done} document(s), {stats['nodes']} entities, {stats['edges']} relations → {target}"
                  + (f"; {skipped} skipped" if skipped else ""), markup=False, highlight=False)
    if skipped:
        raise typer.Exit(1)


def _report_store(graph: api.KnowledgeGraph, output: Path | None, done: int, skipped: int, quiet: bool) -> None:
    """A build into a persistent store: serialise only when asked; say what was added and skipped."""
    if output is not None:
        if str(output) == "-":
            out.file.write(graph.graph.serialize(format="turtle"))
        else:
            graph.serialize(output)
    store = graph.store
    if not quiet:
        added = done - store.skipped
        replaced = f" ({store.replaced} changed article(s) replaced)" if store.replaced else ""
        err.print(f"kg: {added} added, {store.skipped} skipped (already in store){replaced}; "
                  f"{len(store)} triples in {store.spec}" + (f" → {output}" if output is not None else "")
                  + (f"; {skipped} unreadable" if skipped else ""), markup=False, highlight=False)
    store.close()
    if skipped:
        raise typer.Exit(1)

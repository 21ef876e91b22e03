"""``kg build INPUT... -o graph.ttl``: articles in, one merged RDF graph out."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import api, settings
from ..runner import default_jobs
from .console import EXIT_SKIPPED, err, reports_errors, write_stdout
from .options import (
    BatchSize,
    Coref,
    Dask,
    DocTimeout,
    Extractors,
    Gazetteers,
    Jobs,
    MaxDocSize,
    MinConfidence,
    Model,
    Patterns,
    Scorer,
    Triggers,
    build_options,
    build_reporting,
)


@reports_errors
def build_command(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), folders, globs, or - for standard input.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Graph file; the format follows the extension (.ttl, .nt, .jsonld, .trig). Default: Turtle on stdout.")] = None,
    model: Model = None,
    gazetteer: Gazetteers = None,
    patterns: Patterns = None,
    extractor: Extractors = None,
    coref: Coref = "kg_coref",
    scorer: Scorer = settings.SCORER,
    triggers: Triggers = None,
    min_confidence: MinConfidence = settings.MIN_CONFIDENCE,
    batch_size: BatchSize = settings.BATCH_SIZE,
    max_doc_size: MaxDocSize = settings.MAX_DOC_SIZE_TEXT,
    doc_timeout: DocTimeout = settings.DOC_TIMEOUT,
    jobs: Jobs = None,
    dask: Dask = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    validate: Annotated[bool, typer.Option("--validate", help="Check the built graph against kg's SHACL shapes and report violations (the graph is still written).")] = False,
    reason: Annotated[bool, typer.Option("--reason", help="Add what the ontology entails (symmetric, inverse, transitive locatedIn), marked as inferred.")] = False,
    infer: Annotated[bool, typer.Option("--infer/--no-infer", help="Add each linked place's administrative chain (city → province → country, from GeoNames) as inferred locatedIn facts.")] = False,
    store: Annotated[str, typer.Option("--store", "-s", help="Where the graph lives: memory, oxigraph:DIR (on disk, created when missing) or sparql:QUERY_URL[|UPDATE_URL]. A store keeps what earlier builds wrote and skips the documents it has.")] = "memory",
) -> None:
    """Build a knowledge graph from news articles."""
    graph, done, skipped = build_reporting(
        inputs, quiet=quiet, reason=reason, infer=infer, jobs=jobs or default_jobs(), dask=dask, store=store,
        **build_options(model, gazetteer, patterns, extractor, coref, min_confidence, batch_size, scorer, triggers,
                        max_doc_size, doc_timeout))
    if graph.store.spec != "memory":
        _report_store(graph, output, done, skipped, quiet, validate)
        return
    if output is None or str(output) == "-":
        write_stdout(graph.graph.serialize(format="turtle"))
    else:
        graph.serialize(output)
    if not quiet:
        stats = graph.stats(top=0)
        target = "stdout" if output is None or str(output) == "-" else output
        err.print(f"kg: {done} document(s), {stats['nodes']} entities, {stats['edges']} relations → {target}"
                  + (f"; {skipped} skipped" if skipped else ""), markup=False, highlight=False)
    if validate:
        report = graph.validate()
        for line in report.lines():
            err.print(f"kg: validate: {line}", markup=False, highlight=False)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _report_store(graph: api.KnowledgeGraph, output: Path | None, done: int, skipped: int, quiet: bool,
                  validate: bool = False) -> None:
    """A build into a persistent store: serialise only when asked; say what was added and skipped."""
    if output is not None:
        if str(output) == "-":
            write_stdout(graph.graph.serialize(format="turtle"))
        else:
            graph.serialize(output)
    store = graph.store
    if not quiet:
        added = done - store.skipped
        replaced = f" ({store.replaced} changed article(s) replaced)" if store.replaced else ""
        err.print(f"kg: {added} added, {store.skipped} skipped (already in store){replaced}; "
                  f"{len(store)} triples in {store.spec}" + (f" → {output}" if output is not None else "")
                  + (f"; {skipped} unreadable" if skipped else ""), markup=False, highlight=False)
    if validate:
        for line in graph.validate().lines():
            err.print(f"kg: validate: {line}", markup=False, highlight=False)
    store.close()
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)

"""Command-line options shared by the commands that build a graph (``kg build``, ``kg evaluate``)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import settings

Model = Annotated[Optional[str], typer.Option(
    "--model", "-m", help=f"spaCy pipeline name or path (default: ${settings.MODEL_ENV}, else {settings.DEFAULT_MODEL})")]
Gazetteers = Annotated[Optional[list[Path]], typer.Option(
    "--gazetteer", "-g", help="CSV or JSONL file of name,type pairs that fix entity types (repeatable).")]
Patterns = Annotated[Optional[list[Path]], typer.Option(
    "--patterns", "-p", help="Extra relation pattern file, or a folder of them (repeatable).")]
Extractors = Annotated[Optional[list[str]], typer.Option(
    "--extractor", "-x", help="Plug-in extractor: module:function or an entry point name in group kg.extractors (repeatable).")]
Coref = Annotated[str, typer.Option(
    "--coref", help="Coreference component: kg_coref, none, or a registered spaCy component writing coref_clusters_* span groups.")]
MinConfidence = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Leave out facts whose combined confidence is lower.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")]


def build_options(model: str | None, gazetteer: list[Path] | None, patterns: list[Path] | None,
                  extractor: list[str] | None, coref: str, min_confidence: float, batch_size: int) -> dict:
    """The keyword arguments of :func:`kg.build` for these options."""
    return {"model": model, "gazetteers": gazetteer or (), "patterns": patterns or (), "extractors": extractor or (),
            "coref": coref, "min_confidence": min_confidence, "batch_size": batch_size}

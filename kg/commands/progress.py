"""The progress display of a build: documents done, documents per second and, when the number
of documents is cheaply known (files only, no JSONL or stdin), the total and the time left.
Shown only on a terminal; quiet with ``--quiet`` or when stderr is a file or a pipe."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .. import settings
from ..ingest.paths import STDIN, expand_inputs
from .console import err


class RateColumn(ProgressColumn):
    """Documents per second, over rich's sliding window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} docs/s", style="progress.data.speed")


def input_total(inputs: Sequence[str]) -> int | None:
    """How many documents *inputs* hold, when that is a count of files (no JSONL, no stdin);
    None otherwise. Unreadable inputs are left for the build to report."""
    files = expand_inputs(inputs, on_error=lambda _error: None)
    if any(f == STDIN or Path(f).suffix.lower() in settings.JSONL_SUFFIXES for f in files):
        return None
    return len(files)


def build_progress(quiet: bool, total: int | None) -> Progress:
    """A transient progress display on stderr (disabled when quiet or not a terminal)."""
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    else:
        columns += [TextColumn("{task.completed} documents")]
    columns += [RateColumn(), TimeElapsedColumn()]
    if total is not None:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    return Progress(*columns, console=err, transient=True, disable=quiet or not err.is_terminal)

"""The consoles every command prints through: results to stdout, messages to stderr."""
from __future__ import annotations

import functools
from collections.abc import Callable

import typer
from rich.console import Console

from ..errors import KgError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True, highlight=False)


def warn(message: str) -> None:
    err.print(f"kg: {message}", markup=False)


def reports_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Print a :class:`KgError` as one line (``kg: error: <where>: <problem>``) and exit 1."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except KgError as exc:
            warn(f"error: {exc}")
            raise typer.Exit(1) from None

    return wrapper

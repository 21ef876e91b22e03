"""The consoles every command prints through: results to stdout, messages to stderr, and the
exit statuses every command shares:

* 0: done;
* 1: done, but some documents were skipped (each reported on its own line);
* 2: nothing done: a usage error, bad input, settings, model or query, or an output that cannot
  be written (reported in one line, ``kg: error: WHERE: problem``; no output is left behind);
* 130: interrupted (Ctrl-C); no output is left behind.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable

import typer
from rich.console import Console

from ..errors import KgError, OutputError

#: Exit statuses (see the module docstring).
EXIT_OK, EXIT_SKIPPED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True, highlight=False)


def warn(message: str) -> None:
    err.print(f"kg: {message}", markup=False)


def write_stdout(text: str) -> None:
    """Write *text* to standard output and flush it; a full disk or closed pipe is an OutputError."""
    try:
        out.file.write(text)
        out.file.flush()
    except OSError as exc:
        # what could not be written stays in the buffer and would fail again at exit:
        # send it to /dev/null (as the Python docs advise for a broken pipe)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # no real file descriptor (e.g. a test's captured stream)
            pass
        raise OutputError("stdout", f"cannot write: {exc.strerror or exc}") from None


def reports_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Print a :class:`KgError` as one line (``kg: error: <where>: <problem>``) and exit 2."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except KgError as exc:
            warn(f"error: {exc}")
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            warn("interrupted; nothing written")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper

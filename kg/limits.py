"""Resource bounds for one document: a size limit and a time limit.

>>> with deadline(60, "article.txt"):      # raises DeadlineExceeded after 60 s
...     facts = extract(nlp(text), ...)

:func:`deadline` arms ``SIGALRM`` with ``signal.setitimer``, so it works in the main thread of
any process on POSIX (the main process, or a worker process of a pool); elsewhere (another
thread, Windows) it does nothing. Python runs signal handlers between bytecodes: a single long
call into C code (one regular expression, one matrix product) finishes before the limit bites.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import InputError


class DeadlineExceeded(InputError):
    """A document whose parsing or extraction took longer than the time limit."""


class TooLarge(InputError):
    """A document larger than the size limit."""


def can_interrupt() -> bool:
    """True when :func:`deadline` can interrupt work here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None, what: str, problem: str | None = None) -> Iterator[None]:
    """Raise :class:`DeadlineExceeded` naming *what* if the block runs longer than *seconds*.

    ``None`` or ``0`` means no limit. Nests: an outer deadline is re-armed with what is left of
    it when the inner one ends (and fires at once if it has passed meanwhile).
    """
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return
    message = problem or f"took longer than the {seconds:g} s limit (--doc-timeout)"

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise DeadlineExceeded(what, message)

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6))


_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 2**10, "mib": 2**20, "gib": 2**30}
_SIZE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_size(text: str | float) -> int:
    """Bytes from ``"5MB"``, ``"200kB"``, ``"1.5 MiB"`` or a plain number of bytes; ``0`` means no limit.

    Raises ValueError for anything else.
    """
    if not isinstance(text, str):
        return int(text)
    match = _SIZE.fullmatch(text)
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {text!r} (use e.g. 5MB, 500kB or a number of bytes)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def format_size(size: int) -> str:
    """``5 MB``, ``1.5 kB``, ``12 bytes``: decimal units, as :func:`parse_size` reads them."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def check_size(size: int, limit: int | None, where: object) -> None:
    """Raise :class:`TooLarge` naming *where* when *size* bytes exceed *limit* (``None``/``0``: no limit)."""
    if limit and size > limit:
        raise TooLarge(where, f"{format_size(size)}, larger than the {format_size(limit)} limit (--max-doc-size)")

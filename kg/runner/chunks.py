"""Cutting a stream of documents into chunks without reading ahead more than needed."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to *size* consecutive items, read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def balanced_chunks(items: Iterable[T], size: int, parts: int) -> Iterator[list[T]]:
    """Lists of *size* consecutive items, except at the end: the last items (more than
    ``(parts - 1) * size``, at most ``parts * size``) are cut into *parts* chunks of nearly equal
    length, so that *parts* workers finish together instead of one of them working alone on the
    last full chunk while the others wait. At most ``parts * size`` items are read ahead.

    >>> [len(c) for c in balanced_chunks(range(90), 8, 2)]
    [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 5]
    """
    iterator = iter(items)
    buffer = list(islice(iterator, size * parts))
    while True:
        more = list(islice(iterator, size))
        if not more:
            break
        yield buffer[:size]
        buffer = buffer[size:] + more
    pieces = min(parts, len(buffer))
    start = 0
    for n in range(pieces):
        end = start + (len(buffer) - start) // (pieces - n)
        yield buffer[start:end]
        start = end

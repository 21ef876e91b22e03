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

"""Giving freed memory back to the system during a long build.

CPython and RocksDB allocate through the C library's ``malloc``; glibc keeps what they free in
its heaps (several, one per thread that allocates) for reuse, and a long build that frees a large
working set again and again (each batch written to a store, each group of documents finalized)
leaves the process holding far more than it uses: the peak grows with the length of the run.
:func:`release` asks glibc to return those free pages (``malloc_trim``); elsewhere it does nothing.

>>> release()  # after a batch, when its objects are gone
"""
from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None


def release() -> None:
    """Return the C heap's free pages to the system, where the C library can (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)

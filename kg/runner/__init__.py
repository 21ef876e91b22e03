"""How documents are processed: parsed and extracted in this process, in worker processes
(``jobs``) or on a Dask cluster (``dask``), always streamed in chunks and always yielding one
:class:`Outcome` per document in input order, so every way gives the same graph.

>>> for outcome in run(documents, BuildConfig.of(model="en_core_web_sm"), jobs=4):
...     store.add(facts_triples(outcome.document, outcome.facts))
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any

from .. import settings
from ..errors import KgError
from ..ingest.document import Document
from .chunks import chunked
from .work import BuildConfig, Outcome, Processor

__all__ = ["BuildConfig", "Outcome", "default_jobs", "run"]


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(documents: Iterable[Document], config: BuildConfig, jobs: int = 1, dask: Any = None,
        chunk_size: int = settings.CHUNK_SIZE) -> Iterator[Outcome]:
    """Each document's :class:`Outcome`, in input order.

    ``jobs=1`` works in this process; ``jobs=N`` in N worker processes, except for an input of
    fewer than :data:`kg.settings.PARALLEL_MIN_DOCUMENTS` documents, which is not worth
    starting them; *dask* (a scheduler address or a ``distributed.Client``) sends the work to a
    Dask cluster. A task is *chunk_size* documents, or fewer when the spaCy batch is smaller.
    """
    chunk_size = max(1, min(chunk_size, config.batch_size))
    if jobs < 1:
        raise KgError("--jobs", f"must be at least 1, not {jobs}")
    if dask is not None:
        from .cluster import run_dask

        config.check()
        return run_dask(documents, config, dask, chunk_size)
    if jobs > 1:
        documents = iter(documents)
        head = list(islice(documents, settings.PARALLEL_MIN_DOCUMENTS))
        if len(head) >= settings.PARALLEL_MIN_DOCUMENTS:
            from .pool import run_pool

            config.check()
            return run_pool(chain(head, documents), config, jobs, chunk_size)
        documents = head
    return _in_process(documents, config)


def _in_process(documents: Iterable[Document], config: BuildConfig) -> Iterator[Outcome]:
    processor = Processor(config)
    with _frozen_heap():
        for chunk in chunked(documents, config.batch_size):
            yield from processor.process(chunk)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Leave the objects that exist before the work starts (the loaded model above all: hundreds
    of thousands of them) out of the garbage collector's full passes while it runs. They all
    outlive it, and the collections that building the graph triggers would walk them again
    each time; afterwards they are the collector's again (``gc.unfreeze``)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()

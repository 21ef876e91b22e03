"""Parse and extract in worker processes on this machine (``kg build --jobs N``).

Each worker loads the model once (the pool's initializer), receives documents in chunks (the
last few cut evenly, one per worker, so that they finish together) and sends back plain fact
records; at most a few chunks per worker are in flight, so the input is
read as the work goes on, and results are yielded in input order, so the graph is the same
as an in-process build's, byte for byte.
"""
from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import KgError
from ..ingest.document import Document
from .chunks import balanced_chunks
from .work import BuildConfig, Outcome, process_chunk, processor

#: chunks in flight per worker: enough to keep each busy while the parent writes results
IN_FLIGHT = 3

_config: BuildConfig | None = None


def _start(config: BuildConfig, path: list[str]) -> None:
    global _config
    _config = config
    sys.path[:] = path  # the forkserver keeps the path it started with; plug-ins may live elsewhere now
    try:
        processor(config)  # load the model now, while the other workers load theirs
    except Exception:  # noqa: BLE001, S110
        pass  # raised again, with its one-line message, by the first chunk


def _work(documents: list[Document]) -> list[Outcome]:
    assert _config is not None
    return process_chunk(_config, documents)


def _context() -> multiprocessing.context.BaseContext:
    # never fork: a forked copy of a parent with threads (or a loaded model) is unsafe
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.runner.preload"])  # load once, fork warm workers from that
        return context
    return multiprocessing.get_context("spawn")


def run_pool(documents: Iterable[Document], config: BuildConfig, jobs: int, chunk_size: int) -> Iterator[Outcome]:
    """The outcome of every document, in input order, computed by *jobs* worker processes."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_start, initargs=(config, list(sys.path)))
    window: deque[Future] = deque()
    try:
        for chunk in balanced_chunks(documents, chunk_size, jobs):  # the last ones shared out evenly
            window.append(pool.submit(_work, chunk))
            if len(window) >= IN_FLIGHT * jobs:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BrokenProcessPool:
        raise KgError("--jobs", f"a worker process died (out of memory?); try fewer jobs than {jobs}") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

"""Parse and extract on a Dask cluster (``kg build --dask tcp://SCHEDULER:8786``).

Chunks of documents are submitted as tasks (with retries, so a task whose worker is lost is
run again elsewhere); each Dask worker loads the model once per build settings
(:func:`kg.runner.work.processor` is cached in the worker process); results come back as they
complete and are yielded in input order, so the client writes the same graph as a local build.
The workers need kg and the spaCy model installed, and any gazetteer, pattern or scorer file
at the same path.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .. import settings
from ..errors import KgError
from ..ingest.document import Document
from .chunks import chunked
from .work import BuildConfig, Outcome, process_chunk

#: chunks in flight per worker thread
IN_FLIGHT = 3
#: times a failed task is run again (a lost worker's tasks are rescheduled by Dask itself,
#: up to ``distributed.scheduler.allowed-failures``, then reported)
RETRIES = 2


def _client(dask: Any) -> tuple[Any, bool]:
    """The Client for *dask* (a Client, or a scheduler address) and whether we opened it."""
    try:
        from distributed import Client
    except ImportError:
        raise KgError("--dask", "Dask is not installed; pip install 'newskg[dask]'") from None
    if isinstance(dask, Client):
        return dask, False
    try:
        return Client(str(dask), timeout=settings.DASK_CONNECT_TIMEOUT), True
    except (OSError, TimeoutError, ValueError) as exc:
        detail = " ".join(str(exc).split())[:200]
        raise KgError(str(dask), f"cannot connect to the Dask scheduler ({detail})") from None


def run_dask(documents: Iterable[Document], config: BuildConfig, dask: Any, chunk_size: int) -> Iterator[Outcome]:
    """The outcome of every document, in input order, computed on the cluster at *dask*."""
    from distributed import as_completed

    client, opened = _client(dask)
    try:
        threads = sum(client.nthreads().values())
        if not threads:
            raise KgError(str(dask), "the Dask cluster has no workers")
        window = IN_FLIGHT * threads
        futures = as_completed()
        index: dict[str, int] = {}
        done: dict[int, list[Outcome]] = {}
        submitted = yielded = 0

        def settle(block_until: int) -> Iterator[Outcome]:
            # collect completed chunks until fewer than *block_until* are outstanding; yield in order
            nonlocal yielded
            while submitted - yielded >= block_until and submitted > yielded:
                while yielded not in done:
                    future = next(futures)
                    done[index.pop(future.key)] = _result(future, dask)
                yield from done.pop(yielded)
                yielded += 1

        for chunk in chunked(documents, chunk_size):
            future = client.submit(process_chunk, config, chunk, pure=False, retries=RETRIES)
            index[future.key] = submitted
            futures.add(future)
            submitted += 1
            yield from settle(window)
        yield from settle(1)
    finally:
        if opened:
            client.close()


def _result(future: Any, dask: Any) -> list[Outcome]:
    try:
        return future.result()
    except KgError:
        raise
    except Exception as exc:  # noqa: BLE001  KilledWorker, a worker without kg or the model, ...
        detail = " ".join(str(exc).split())[:200]
        raise KgError(str(dask), f"a Dask task failed ({type(exc).__name__}: {detail})") from None

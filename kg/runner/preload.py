"""Imported once by the forkserver that ``--jobs`` workers are forked from: load the default
pipeline and the lazily built tables (place names, countries, ...) there, so that every worker
starts with them already in memory instead of spending seconds building its own copy.

Any failure is ignored: a worker then loads what it needs itself, and reports any error.
"""
from __future__ import annotations

from ..ingest import documents_from_texts
from .work import BuildConfig, processor


def warm() -> None:
    """Run one short document through the default settings' :class:`~kg.runner.work.Processor`."""
    processor(BuildConfig.of()).process(list(documents_from_texts(["Mayor Jane Doe visited Paris, France on Monday."])))


try:
    warm()
except Exception:  # noqa: BLE001, S110  (the forkserver must start whatever happens)
    pass

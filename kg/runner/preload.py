"""Imported once by the forkserver that ``--jobs`` workers are forked from: load the default
pipeline and every table that extraction builds lazily (place names, countries, the cities of
:func:`kg.extract.countries.country_of`, ...) there, so that every worker starts with them
already in memory instead of spending seconds building its own copy.

Then everything loaded is frozen out of the garbage collector's passes (``gc.freeze``, as the
in-process build does while it runs): the workers inherit that, so their full collections do not
walk the model's hundreds of thousands of objects, nor touch (and so copy) the memory pages they
share with the forkserver.

Any failure is ignored: a worker then loads what it needs itself, and reports any error.
"""
from __future__ import annotations

import gc

from ..extract import countries, places
from ..ingest import documents_from_texts
from .work import BuildConfig, processor


def warm() -> None:
    """Run one short document through the default settings' :class:`~kg.runner.work.Processor`
    and build the tables that a document may need later."""
    processor(BuildConfig.of()).process(list(documents_from_texts(["Mayor Jane Doe visited Paris, France on Monday."])))
    places.load_tables()
    countries.load_tables()


try:
    warm()
except Exception:  # noqa: BLE001, S110  (the forkserver must start whatever happens)
    pass
gc.collect()  # leave no garbage among what is frozen
gc.freeze()

"""Parsing under a time limit, so that one pathological article cannot stall a batch.

``nlp.pipe`` parses a batch at a time, so the limit (:func:`kg.limits.deadline`) is first set
around each batch; only a batch that overruns is parsed again one document at a time, each
document with the limit of its own, and the one that overruns alone is reported and skipped.
A batch of ordinary articles costs one timer per batch; the fast path stays ``nlp.pipe``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..ingest.document import Document
from ..limits import DeadlineExceeded, deadline
from .prepare import prepare


def document_name(document: Document) -> str:
    """How messages name a document: where it was read from, else its id."""
    return document.source or document.id


def parse_bounded(nlp: Language, documents: Iterable[Document], batch_size: int, seconds: float | None,
                  on_error: Callable[[InputError], None] | None) -> Iterator[tuple[Document, Doc]]:
    """Like :func:`kg.nlp.pipeline.parse`, with at most *seconds* of parsing per document.

    A document that takes longer, or is longer than ``nlp.max_length`` characters, is passed to
    *on_error* (raised when it is None) and skipped.
    """
    stream = iter(documents)
    while batch := list(islice(stream, batch_size)):
        batch = [d for d in batch if _fits(nlp, d, on_error)]
        try:
            with deadline(seconds, "batch"):
                docs = list(nlp.pipe([prepare(d.text) for d in batch], batch_size=len(batch) or 1))
        except DeadlineExceeded:
            yield from _one_by_one(nlp, batch, seconds, on_error)
            continue
        yield from zip(batch, docs)


def _one_by_one(nlp: Language, batch: list[Document], seconds: float | None,
                on_error: Callable[[InputError], None] | None) -> Iterator[tuple[Document, Doc]]:
    for document in batch:
        try:
            with deadline(seconds, document_name(document),
                          f"parsing took longer than the {seconds:g} s limit (--doc-timeout)"):
                doc = nlp(prepare(document.text))
        except DeadlineExceeded as error:
            _report(error, on_error)
            continue
        yield document, doc


def _fits(nlp: Language, document: Document, on_error: Callable[[InputError], None] | None) -> bool:
    if len(document.text) <= nlp.max_length:
        return True
    _report(InputError(document_name(document), f"{len(document.text):,} characters, more than the pipeline's "
                       f"limit of {nlp.max_length:,} (nlp.max_length)"), on_error)
    return False


def _report(error: InputError, on_error: Callable[[InputError], None] | None) -> None:
    if on_error is None:
        raise error
    on_error(error)

"""Ingest: turn files, folders, globs, standard input or strings into clean :class:`Document` s.

>>> docs = read_documents(["articles/", "more/*.jsonl"], on_error=print)   # lazy
>>> docs = documents_from_texts(["SEOUL, Jan. 2, 2025 (Yonhap) -- ..."])

A bad document is reported through ``on_error`` and skipped (or raised as
:class:`~kg.errors.InputError` when ``on_error`` is None); the rest is still read.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ..errors import InputError
from ..limits import check_size
from .debris import DEBRIS_PATTERNS, is_debris, strip_debris
from .document import Document, dateline_date, make_doc_id, normalize_date, slugify, text_hash
from .paths import expand_inputs
from .readers import read_path, read_stdin, record_document, text_document, text_size

__all__ = [
    "DEBRIS_PATTERNS",
    "Document",
    "InputError",
    "dateline_date",
    "documents_from_texts",
    "expand_inputs",
    "is_debris",
    "make_doc_id",
    "normalize_date",
    "read_documents",
    "read_path",
    "read_stdin",
    "slugify",
    "strip_debris",
]

OnError = Callable[[InputError], None]


def _report(error: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


class _Seen:
    """Ids already yielded: a repeat of the same text is dropped quietly, a clash reported."""

    def __init__(self) -> None:
        self._ids: dict[str, tuple[str, str]] = {}
        self._texts: set[str] = set()

    def is_new(
        self, doc: Document, where: str, on_error: OnError | None, strict: bool = False
    ) -> bool:
        previous = self._ids.get(doc.id)
        digest = text_hash(doc.text)
        if previous is None:
            if not strict and digest in self._texts:
                return False  # the same article under another name ("a.txt" and "copy of a.txt")
            self._ids[doc.id] = (digest, where)
            self._texts.add(digest)
            return True
        # the same article reached twice (two copies, two inputs) is one document;
        # a user's id given twice in one input (strict) or for another text is an error
        if not strict and previous[0] == text_hash(doc.text):
            return False
        problem = f"duplicate id '{doc.id}' (already used by {previous[1]})"
        _report(InputError(where, problem), on_error)
        return False


def read_documents(
    inputs: Iterable[str | os.PathLike[str]], on_error: OnError | None = None, max_size: int | None = None
) -> Iterator[Document]:
    """Yield the Documents of *inputs* (files, folders, glob patterns, ``"-"``) one by one.

    A generator: files are read only as documents are consumed. Each bad input or record is
    passed to *on_error* and skipped; with no *on_error* the :class:`InputError` is raised.
    A document whose id was already yielded (the same article twice) is yielded once. A file
    (or JSON Lines record) larger than *max_size* bytes is reported without being read.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path, not an iterable of characters
    seen = _Seen()
    for path in expand_inputs(inputs, on_error=on_error):
        documents = read_path(path, on_error=on_error, max_size=max_size)
        while True:
            # only the reading is guarded: an error raised by the consumer is not ours
            try:
                doc = next(documents)
            except StopIteration:
                break
            except InputError as error:
                _report(error, on_error)
                break  # a file-level error ends that file
            if seen.is_new(doc, doc.source or str(path), on_error):
                yield doc


def documents_from_texts(
    texts: Iterable[str | Mapping[str, Any]], on_error: OnError | None = None, max_size: int | None = None
) -> Iterator[Document]:
    """Yield Documents from strings, or from mappings with ``text`` and optional ``id``,
    ``title``, ``url`` and ``date``.

    Ids follow the file rules with the name ``"text"``: ``text-<hash>``, or the mapping's
    ``id`` slugified. Errors name the item as ``texts[INDEX]``.
    """
    if isinstance(texts, (str, Mapping)):
        texts = [texts]  # one text, not an iterable of characters
    seen = _Seen()
    for index, item in enumerate(texts):
        where = f"texts[{index}]"
        try:
            text = item if isinstance(item, str) else item.get("text") if isinstance(item, Mapping) else None
            if isinstance(text, str):
                check_size(text_size(text, max_size), max_size, where)
            if isinstance(item, str):
                doc = text_document(item, name="text", source=None, where=where)
            elif isinstance(item, Mapping):
                doc = record_document(item, where=where, source=None, name="text")
            else:
                kind = type(item).__name__
                raise InputError(where, f"expected a string or a mapping with 'text', not {kind}")
        except InputError as error:
            _report(error, on_error)
            continue
        explicit_id = isinstance(item, Mapping) and item.get("id") is not None
        if seen.is_new(doc, where, on_error, strict=explicit_id):
            yield doc

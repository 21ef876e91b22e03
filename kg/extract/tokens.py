"""The Token objects of the document being processed, built once and shared by the extraction passes.

spaCy makes a new Python ``Token`` on every ``doc[i]`` and every step of ``for t in doc`` or
``for t in doc[a:b]``; resolution and extraction walk each document some forty times, so
building those objects cost more than the rules that read them. :func:`tokens` keeps one list
for the current document, and :func:`span_text` slices ``doc[a:b].text`` out of the document's
text instead of joining it token by token, and :func:`span_root` remembers ``doc[a:b].root``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

# the document last asked about, its tokens and (read when first needed) its text; one document
# at a time, as the pipeline's components and the extractor take them
_doc: Doc | None = None
_tokens: list[Token] = []
_text: str | None = None
_roots: dict[tuple[int, int], Token] = {}


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, the same list for as long as *doc* is the document being worked on."""
    global _doc, _tokens, _text, _roots
    # the length check: a retokenised document has other tokens (and a reallocated array)
    if doc is not _doc or len(_tokens) != len(doc):
        _doc, _tokens, _text, _roots = doc, list(doc), None, {}
    return _tokens


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    global _text
    toks = tokens(doc)
    if _text is None:
        _text = "".join(t.text_with_ws for t in toks)
    return _text


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``: the text from the first token to the end of the last one."""
    toks = tokens(doc)
    start, end, _ = slice(start, end).indices(len(toks))  # clamped as spaCy clamps a span
    if start >= end:
        return ""
    last = toks[end - 1]
    return doc_text(doc)[toks[start].idx:last.idx + len(last.text)]


def span_root(doc: Doc, start: int, end: int) -> Token:
    """``doc[start:end].root``, found once per span of a parsed document (its heads no longer change)."""
    toks = tokens(doc)
    root = _roots.get((start, end))
    if root is None:
        root = _roots[start, end] = toks[doc[start:end].root.i]
    return root

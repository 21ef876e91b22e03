"""Characters that must not reach the graph, replaced where documents are made.

Every text and metadata field of a :class:`~kg.ingest.document.Document` goes through here, so
every literal minted from it (labels, sentences, titles) is valid in every RDF syntax kg writes
(Turtle, N-Triples, JSON-LD, RDF/XML) and prints on one line where it should:

* control characters (C0 but tab and newline, DEL, C1) become spaces;
* the Unicode line and paragraph separators (U+2028, U+2029) become newlines;
* lone surrogates (JSON's ``"\\ud800"``) and noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF,
  the last two code points of each plane) become U+FFFD, the replacement character.

Each replacement is one character for one, so evidence offsets into the text still hold.
Right-to-left text, bidirectional marks, emoji and other scripts are kept as they are.
"""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SEPARATOR = re.compile(r"[\u2028\u2029]")
_INVALID = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
    + "]"
)
_ANY = re.compile(f"{_CONTROL.pattern}|{_SEPARATOR.pattern}|{_INVALID.pattern}")
_NOT_IN_IRI = re.compile(r'[ <>"{}|\\^`]')


def clean_text(text: str) -> str:
    """*text* with the characters above replaced, one for one (the length is kept)."""
    if not _ANY.search(text):  # the common case: nothing to do, no copy
        return text
    text = _CONTROL.sub(" ", text)
    text = _SEPARATOR.sub("\n", text)
    return _INVALID.sub("\ufffd", text)


def clean_field(value: str | None) -> str | None:
    """A one-line metadata value (title, URL, date): cleaned, whitespace runs as one space, or None."""
    if value is None:
        return None
    value = " ".join(clean_text(value).split())
    return value or None


def clean_url(value: str | None) -> str | None:
    """A URL as a valid IRI: cleaned, and the characters IRIs forbid (space, ``<>"{}|\\^```)
    percent-encoded."""
    value = clean_field(value)
    if value is None:
        return None
    return _NOT_IN_IRI.sub(lambda m: f"%{ord(m.group()):02X}", value)

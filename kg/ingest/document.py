"""The :class:`Document` every reader produces, its stable id, and dates found in datelines."""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One article's clean text with the metadata known about it.

    ``source`` says where it came from: the path as the user gave it, ``"<stdin>"``, or
    ``"file.jsonl:LINE"`` for one record of a JSON Lines file.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD when known
    url: str | None = None
    source: str | None = None


_NON_ALNUM = re.compile(r"[\W_]+")  # \W keeps Unicode letters/digits: they are valid in IRIs


def slugify(name: str, max_len: int | None = 40) -> str:
    """Lowercase *name*, turn each run of non-alphanumerics into ``-``; cut to *max_len* chars.

    Returns ``""`` when nothing alphanumeric is left.
    """
    slug = _NON_ALNUM.sub("-", unicodedata.normalize("NFKC", name).lower()).strip("-")
    if max_len is not None and len(slug) > max_len:
        slug = slug[:max_len].rstrip("-")
    return slug


def text_hash(text: str) -> str:
    """The first 8 hex digits of the SHA-1 of *text* (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def content_hash(text: str) -> str:
    """The full SHA-1 of *text* (UTF-8): what incremental builds compare to skip an article already stored."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def make_doc_id(name: str | None, text: str) -> str:
    """A stable id: a readable slug of *name* (e.g. a file stem) + ``-`` + a hash of *text*.

    The hash makes the same article read from two paths one document, and two different
    files that share a name two documents.
    """
    return f"{slugify(name or '') or 'doc'}-{text_hash(text)}"


_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# month names match in any case ("April", "APRIL", "Jan."); the place must stay case-sensitive
_MONTH = "(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\b\.?"
_CAPS_WORD = r"[A-Z][A-Z.'’\-]+"
_TITLE_WORD = r"[A-Z][a-z'’\-]+"
_STATE = r"(?:,[ ](?:[A-Z][A-Za-z.]*)(?:[ ][A-Z][A-Za-z.]*){0,2})?"  # ", N.J." / ", Oregon"
# The place: ALL-CAPS words anywhere near the start ("HONG KONG", after a byline too), or
# Title-Case words only at the start of a line ("Hong Kong, April 22, 2025 -").
_PLACE = (
    rf"(?:(?:^|(?<=\s))(?:{_CAPS_WORD})(?:[ ]{_CAPS_WORD}){{0,3}}"
    rf"|^(?:{_TITLE_WORD})(?:[ ]{_TITLE_WORD}){{0,3}}){_STATE}"
)
_DATE = (
    rf"(?:{_MONTH}[ ]+(?P<day>\d{{1,2}})(?:,?[ ]+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})[ ]+{_MONTH.replace('month', 'month2')}(?:[ ]+(?P<year2>\d{{4}}))?)"
)
_DATELINE = re.compile(
    rf"{_PLACE},[ ]+{_DATE}(?:[ ]*\([^()\n]{{1,40}}\))?[ ]*(?:—|–|―|--|-)",
    re.MULTILINE,
)
_DATELINE_WINDOW = 600  # a dateline opens the article: after the headline and byline at most


def dateline_date(text: str) -> str | None:
    """The ISO date of a leading dateline such as ``"HONG KONG, April 22, 2025 —"``.

    Only a dateline that carries a year gives a date (``"PARIS, April 7 -"`` gives None):
    guessing the year would put wrong facts in the graph.
    """
    for match in _DATELINE.finditer(text[:_DATELINE_WINDOW]):
        year = match["year"] or match["year2"]
        if not year:
            return None  # the first dateline is the article's; it has no year
        month = _MONTHS[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
        try:
            return _dt.date(int(year), month, day).isoformat()
        except ValueError:
            return None
    return None


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\S*\s*$)")
_PLAIN_DATE = re.compile(
    rf"^\s*(?:{_MONTH}[ ]+(?P<day>\d{{1,2}}),?[ ]+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})[ ]+{_MONTH.replace('month', 'month2')}[ ]+(?P<year2>\d{{4}}))\s*$",
    re.IGNORECASE,
)


def normalize_date(value: str | None) -> str | None:
    """*value* as ISO ``YYYY-MM-DD``: from an ISO date or timestamp, or "April 22, 2025".

    Anything else (or an impossible date) gives None.
    """
    if not value:
        return None
    try:
        iso = _ISO_DATE.match(value)
        if iso:
            return _dt.date(*map(int, iso.groups())).isoformat()
        plain = _PLAIN_DATE.match(value)
        if plain:
            month = _MONTHS[(plain["month"] or plain["month2"]).lower()]
            day = int(plain["day"] or plain["day2"])
            return _dt.date(int(plain["year"] or plain["year2"]), month, day).isoformat()
    except ValueError:
        return None
    return None

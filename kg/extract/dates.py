"""Normalise date expressions to ISO dates, resolving relative ones against the article's date.

"on Tuesday" in an article dated Tuesday 22 April 2025 is that day; "On Wednesday, Lee will
attend" is the next Wednesday, "talks collapsed on Wednesday" the last one; "Friday, April 25"
takes the year that puts it nearest the article's date. Only expressions that name a day are
normalised; "in November" keeps its text alone. Full dates in other shapes go to ``dateparser``.
"""
from __future__ import annotations

import datetime as dt
import re

_MONTHS = {m: i for i, names in enumerate([
    (), ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")]) for m in names}
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{1,2})?(?:,?\s+(\d{4}))?", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(\d{4}))?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _nearest_year(month: int, day: int, base: dt.date) -> dt.date | None:
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - base).days) < abs((best - base).days):
            best = cand
    return best


def normalise_date(text: str, base: dt.date | None = None, tense: str = "present") -> dt.date | None:
    """The day *text* names, or None. *tense* ("past", "present", "future") settles weekdays."""
    low = text.casefold()
    m = _ISO.search(low)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        m = pattern.search(low)
        if m:
            month_text, day_text = (m[1], m[2]) if order == "md" else (m[2], m[1])
            month, day = _MONTHS.get(month_text.rstrip(".")[:3] if month_text[:3] != "sep" else "sep"), int(day_text)
            if month is None:
                return None
            if m[3]:
                try:
                    return dt.date(int(m[3]), month, day)
                except ValueError:
                    return None
            return _nearest_year(month, day, base) if base else None
    if base is None:
        return None
    for word, shift in _RELATIVE.items():
        if re.search(rf"\b{word}\b", low):
            return base + dt.timedelta(days=shift)
    m = _WEEKDAY.search(low)
    if m:
        before = low[:m.start()].split()[-1:] or [""]
        if before[0] in ("next", "coming"):
            tense = "future"
        elif before[0] in ("last", "past", "previous"):
            tense = "past"
        delta = _WEEKDAYS[m[1].casefold()] - base.weekday()
        if delta == 0 and before[0] in ("next", "coming"):
            return base + dt.timedelta(days=7)
        if delta == 0 and before[0] in ("last", "past", "previous"):
            return base - dt.timedelta(days=7)
        if delta == 0:
            return base  # "on Tuesday" in Tuesday's paper
        if tense == "past":
            return base + dt.timedelta(days=delta if delta < 0 else delta - 7)
        if tense == "future":
            return base + dt.timedelta(days=delta if delta > 0 else delta + 7)
        return base + dt.timedelta(days=delta if abs(delta) <= 3 else (delta - 7 if delta > 0 else delta + 7))
    return None

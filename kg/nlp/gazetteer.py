"""Gazetteers: lists of known names and their types, fed to spaCy's ``entity_ruler``.

A gazetteer is a CSV file (``name,type`` with an optional header) or a JSON Lines file
(``{"name": ..., "type": ...}``), where type is one of Person, Organization, Place, Group,
Event (case-insensitive; spaCy labels such as ORG, GPE, PERSON are accepted too). Matching is
case-insensitive on whole tokens. A gazetteer name overrides the statistical NER's label, which
is the usual fix for the small model's typing errors (``BrainCo`` as a place).
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..fileio import read_text
from ..graph.vocab import ENTITY_TYPES

_LABEL_ALIASES = {
    "person": "Person", "per": "Person",
    "organization": "Organization", "organisation": "Organization", "org": "Organization",
    "place": "Place", "gpe": "Place", "loc": "Place", "location": "Place", "fac": "Place",
    "group": "Group", "event": "Event",
}


def normalise_type(value: str) -> str | None:
    """Map a user-given or spaCy type name to one of :data:`ENTITY_TYPES` (None if unknown)."""
    return _LABEL_ALIASES.get(value.strip().casefold())


def read_gazetteer(path: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """Read (name, type) pairs from a CSV or JSONL gazetteer; bad rows raise :class:`InputError`."""
    path = Path(path)
    raw = read_text(path, what="gazetteer")
    rows: list[tuple[int, str, str]] = []
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"malformed JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{n}", "expected an object with name and type")
            rows.append((n, str(obj.get("name", "")), str(obj.get("type", ""))))
    else:
        for n, rec in enumerate(csv.reader(raw.splitlines()), 1):
            if not rec or not "".join(rec).strip() or rec[0].lstrip().startswith("#"):
                continue
            if n == 1 and [c.strip().casefold() for c in rec[:2]] == ["name", "type"]:
                continue
            rows.append((n, rec[0], rec[1] if len(rec) > 1 else ""))
    out = []
    for n, name, typ in rows:
        kind = normalise_type(typ)
        if not name.strip():
            raise InputError(f"{path}:{n}", "empty name")
        if kind is None:
            raise InputError(f"{path}:{n}", f"unknown type {typ!r} (use one of {', '.join(ENTITY_TYPES)})")
        out.append((name.strip(), kind))
    return out


def ruler_patterns(entries: Iterable[tuple[str, str]]) -> list[dict]:
    """entity_ruler phrase patterns; the ruler matches them on ``LOWER``, ignoring case."""
    return [{"label": kind, "pattern": name, "id": name} for name, kind in entries]

"""Trigger lexicons as data: classes of words that signal a relation ("visit", "agreement", ...).

The classes live in ``kg/data/triggers.json``; users add words or classes with files of the same
format (``kg build --triggers FILE``). The candidate features (:mod:`kg.extract.candidates`)
name the classes of the words around a pair of entities, so that the scorer learns what
"a word of class *agreement* on the path between two organisations" means rather than one weight
per word.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..errors import InputError
from ..fileio import read_text
from ..settings import DATA_DIR

DEFAULT_TRIGGERS = DATA_DIR / "triggers.json"


@dataclass(frozen=True)
class Triggers:
    """Word → the trigger classes it belongs to."""

    by_word: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def classes(self, tok: Token) -> tuple[str, ...]:
        """The classes of a token, by its lemma or its lower-case form."""
        found = self.by_word.get(tok.lemma_.lower())
        if found is None:
            found = self.by_word.get(tok.lower_, ())
        return found

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted({c for classes in self.by_word.values() for c in classes}))


def _read(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(read_text(path, what="trigger file"))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a valid JSON trigger file ({exc.msg} at line {exc.lineno})") from None
    classes = data.get("classes") if isinstance(data, dict) else None
    if not isinstance(classes, dict):
        raise InputError(path, 'expected an object with "classes": {name: {"lemmas": [...]}}')
    out = {}
    for name, spec in classes.items():
        lemmas = spec.get("lemmas") if isinstance(spec, dict) else None
        if not isinstance(lemmas, list) or not all(isinstance(w, str) and w.strip() for w in lemmas):
            raise InputError(path, f'class "{name}": "lemmas" must be a list of words')
        out[str(name)] = [w.strip().lower() for w in lemmas]
    return out


def load_triggers(extra: tuple[str | os.PathLike[str], ...] = ()) -> Triggers:
    """The built-in trigger classes plus those of *extra* files (their words are added)."""
    return _load(tuple(str(Path(p)) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Triggers:
    words: dict[str, set[str]] = {}
    for path in (DEFAULT_TRIGGERS, *map(Path, extra)):
        for name, lemmas in _read(path).items():
            for w in lemmas:
                words.setdefault(w, set()).add(name)
    return Triggers({w: tuple(sorted(c)) for w, c in sorted(words.items())})

"""What the benchmarks share: a corpus generated from the development articles, and a timer.

The corpus is the dev articles (``../shared/data/dev``; the bundled example when it is absent),
each copy with its names varied ("Ningbo" → "Ningbova" in copy 1), so that copies are new text to
the parser and to entity resolution rather than repeats. Nothing generated is written to disk.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
_NAME = re.compile(r"\b([A-Z][a-z]{3,})\b")
_SUFFIXES = ["", "va", "lor", "ston", "mir", "dale", "ko", "win"]


def article_files() -> list[Path]:
    """The development articles' files, or the bundled example."""
    files = sorted(p for p in DEV.glob("*.txt") if "html-as-text" not in p.name) if DEV.is_dir() else []
    return files or [ROOT / "examples" / "zhejiang_visit.txt"]


def articles() -> list[str]:
    """The texts of the development articles, or of the bundled example."""
    return [f.read_text(encoding="utf-8") for f in article_files()]


def vary(text: str, n: int) -> str:
    """Copy *n* of *text*: every capitalised word of four letters or more gets the copy's suffix."""
    suffix = _SUFFIXES[n % len(_SUFFIXES)] + ("x" * (n // len(_SUFFIXES)))
    return _NAME.sub(lambda m: m.group(1) + suffix, text) if suffix else text


def corpus(copies: int) -> list[str]:
    """*copies* varied copies of every article."""
    texts = articles()
    return [vary(text, n) for n in range(copies) for text in texts]


def timed(func: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start

"""Calibrate pattern confidences: each pattern's precision on annotated articles.

Every fact in a built graph lists the patterns that produced it (``kg:extractor``). Against gold
annotations, a fact is right (it matches a ``gold`` triple), wrong (it matches nothing) or
neutral (it matches only ``optional`` triples). A pattern's calibrated confidence is its
precision with Laplace's rule of succession, ``(right + 1) / (right + wrong + 2)``, so that a
pattern seen a few times does not jump to 0 or 1, and calibrating twice on the same articles
gives the same values. Patterns that matched nothing keep the confidence they have.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph

from ..errors import InputError, OutputError
from ..fileio import atomic_write
from ..graph.vocab import KG, SYMMETRIC_RELATIONS
from .gold import GoldSet
from .scoring import candidates, predictions, relation_of

#: Pseudo-observations added to each side (Laplace smoothing).
PSEUDO_COUNT = 1.0


@dataclass
class PatternPrecision:
    extractor: str
    right: int = 0
    wrong: int = 0
    neutral: int = 0

    @property
    def precision(self) -> float | None:
        n = self.right + self.wrong
        return self.right / n if n else None

    def calibrated(self, pseudo: float = PSEUDO_COUNT) -> float:
        return round((self.right + pseudo) / (self.right + self.wrong + 2 * pseudo), 2)


def measure(graph: Graph, gold: GoldSet) -> dict[str, PatternPrecision]:
    """Right, wrong and neutral facts per extractor."""
    stats: dict[str, PatternPrecision] = {}
    for p in predictions(graph):
        if p.relation in SYMMETRIC_RELATIONS and str(p.subject) > str(p.object):
            continue  # a symmetric fact is written both ways; count it once, as the scorer does
        statuses = set(candidates(p, gold).values())
        outcome = "right" if "gold" in statuses else "neutral" if statuses else "wrong"
        for extractor in _extractors(graph, p):
            entry = stats.setdefault(extractor, PatternPrecision(extractor))
            setattr(entry, outcome, getattr(entry, outcome) + 1)
    return dict(sorted(stats.items()))


def _extractors(graph: Graph, p) -> set[str]:
    found = set()
    for stmt in graph.subjects(RDF.subject, p.subject):
        if (stmt, RDF.object, p.object) in graph and any(relation_of(x) == p.relation for x in graph.objects(stmt, RDF.predicate)):
            for ev in graph.objects(stmt, KG.evidence):
                found.update(str(x) for x in graph.objects(ev, KG.extractor))
    return found


def write_confidences(pattern_files: list[Path], stats: dict[str, PatternPrecision],
                      folder: Path | None = None) -> dict[str, tuple[float, float]]:
    """Write *pattern_files* with the calibrated ``confidence`` of every measured pattern, into
    *folder* (same file names) or, without one, in place; returns pattern id → (old, new)."""
    if folder is not None and not Path(folder).is_dir():
        raise OutputError(folder, "not a folder")
    changes: dict[str, tuple[float, float]] = {}
    used: set[str] = set()
    for path in pattern_files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(path, f"cannot read pattern file ({exc})") from None
        changed = False
        for pattern in data.get("patterns", []):
            entry = stats.get(pattern.get("id"))
            if entry is None or entry.right + entry.wrong == 0:
                continue
            old = float(pattern.get("confidence", 0.5))
            new = entry.calibrated()
            if new != old:
                pattern["confidence"] = new
                changes[pattern["id"]] = (old, new)
                changed = True
        name = path.name
        n = 1
        while name in used:  # a user's visited.json beside the default one keeps both
            n += 1
            name = f"{path.stem}-{n}{path.suffix}"
        used.add(name)
        target = Path(folder) / name if folder is not None else path
        if changed or target != path:
            if target.exists() and not os.access(target, os.W_OK):
                raise OutputError(target, "pattern file is not writable")
            with atomic_write(target) as handle:
                handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return changes

"""The result of an evaluation: scores, errors and their evidence, as a JSON-able dict and as
rich tables for ``kg evaluate``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..graph.vocab import RELATIONS


@dataclass(frozen=True)
class Score:
    """Counts of one relation (or all of them, or one document) and the measures they give."""

    gold: int = 0
    tp: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.tp + other.tp, self.fp + other.fp)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "tp": self.tp, "fp": self.fp,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Mistyped:
    """A gold entity found in the graph, but on nodes none of which has the gold type."""

    doc: str
    key: str
    name: str
    gold_type: str
    found_types: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "key": self.key, "name": self.name, "gold_type": self.gold_type,
                "found_types": list(self.found_types)}


@dataclass(frozen=True)
class TypingScore:
    """Entity typing over the entities of ``gold`` triples: how many some node types correctly."""

    entities: int = 0
    found: int = 0
    typed_correctly: int = 0
    mistyped: tuple[Mistyped, ...] = ()

    @property
    def accuracy(self) -> float:
        return self.typed_correctly / self.entities if self.entities else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"entities": self.entities, "found": self.found, "typed_correctly": self.typed_correctly,
                "accuracy": self.accuracy, "mistyped": [m.to_dict() for m in self.mistyped]}


@dataclass(frozen=True)
class Miss:
    """A ``gold`` triple no prediction matched, with the evidence the annotator gave."""

    doc: str
    relation: str
    subject: str  # gold entity key
    object: str
    subject_name: str
    object_name: str
    evidence: str | None = None

    def __str__(self) -> str:
        return f"{self.doc}: {self.subject_name} -{self.relation}-> {self.object_name}"

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "relation": self.relation, "subject": self.subject, "object": self.object,
                "subject_name": self.subject_name, "object_name": self.object_name, "evidence": self.evidence}


@dataclass(frozen=True)
class FalsePositive:
    """A predicted triple that matches no gold or optional triple, with the graph's evidence.

    *subject* and *object* are the normalised names the scorer keys it by (as score.py does);
    the labels are the nodes' own ``rdfs:label``.
    """

    relation: str
    subject: str | None
    object: str | None
    subject_label: str
    object_label: str
    sentences: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # for inferred statements, which carry a rule instead of a sentence
    documents: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.subject_label} -{self.relation}-> {self.object_label}"

    def to_dict(self) -> dict[str, Any]:
        return {"relation": self.relation, "subject": self.subject, "object": self.object,
                "subject_label": self.subject_label, "object_label": self.object_label,
                "sentences": list(self.sentences), "rules": list(self.rules), "documents": list(self.documents)}


@dataclass
class EvaluationReport:
    """Scores of a graph against a gold folder (see :func:`kg.evaluate.evaluate`)."""

    relations: dict[str, Score]
    typing: TypingScore
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    #: per document: gold and tp from its gold file, fp from the documents the evidence names
    documents: dict[str, Score] = field(default_factory=dict)
    #: gold documents the graph has no document for (a missing input skews recall)
    unmatched_documents: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        """Counts summed over the four relations."""
        return sum(self.relations.values(), Score())

    def summary(self) -> str:
        """The last line of score.py: ``F1=… P=… R=…``."""
        m = self.micro
        return f"F1={m.f1:.3f} P={m.precision:.3f} R={m.recall:.3f}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict; ``relations``, ``micro`` and ``typing`` have score.py's keys."""
        return {
            "relations": {rel: score.to_dict() for rel, score in self.relations.items()},
            "micro": self.micro.to_dict(),
            "typing": self.typing.to_dict(),
            "documents": {doc: score.to_dict() for doc, score in self.documents.items()},
            "misses": [m.to_dict() for m in self.misses],
            "false_positives": [fp.to_dict() for fp in self.false_positives],
            "unmatched_documents": list(self.unmatched_documents),
        }


def _score_row(table: Table, name: str, score: Score, **style: Any) -> None:
    table.add_row(Text(name), str(score.gold), str(score.tp), str(score.fp),
                  f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", **style)


def _score_table(title: str, heading: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column(heading, overflow="fold")
    for column in ("gold", "tp", "fp", "P", "R", "F1"):
        table.add_column(column, justify="right")
    return table


def relations_table(report: EvaluationReport) -> Table:
    """Gold, tp, fp, precision, recall and F1 per relation, then the micro average."""
    table = _score_table("Relations", "relation")
    for rel in RELATIONS:
        _score_row(table, rel, report.relations.get(rel, Score()), end_section=rel == RELATIONS[-1])
    _score_row(table, "micro", report.micro, style="bold")
    return table


def typing_table(report: EvaluationReport) -> Table:
    """Entity typing accuracy."""
    t = report.typing
    table = Table(title="Entity typing (entities of gold triples)", title_justify="left", show_header=False)
    table.add_column()
    table.add_column(justify="right")
    table.add_row("gold entities", str(t.entities))
    table.add_row("found in the graph", str(t.found))
    table.add_row("typed correctly", str(t.typed_correctly))
    table.add_row("accuracy", f"{t.accuracy:.3f}")
    return table


def documents_table(report: EvaluationReport) -> Table:
    """The same counts per document."""
    table = _score_table("Documents", "document")
    for doc, score in report.documents.items():
        _score_row(table, doc, score)
    return table


def misses_table(report: EvaluationReport) -> Table:
    table = Table(title=f"Misses ({len(report.misses)})", title_justify="left", header_style="bold")
    table.add_column("document", overflow="fold")
    table.add_column("triple")
    table.add_column("gold evidence")
    for miss in report.misses:
        triple = f"{miss.subject_name} -{miss.relation}-> {miss.object_name}"
        table.add_row(Text(miss.doc), Text(triple), Text(miss.evidence or "—"))
    return table


def false_positives_table(report: EvaluationReport) -> Table:
    table = Table(title=f"False positives ({len(report.false_positives)})", title_justify="left",
                  header_style="bold")
    table.add_column("document", overflow="fold")
    table.add_column("triple")
    table.add_column("graph evidence")
    for fp in report.false_positives:
        evidence = [*fp.sentences, *(f"(inferred: {rule})" for rule in fp.rules)]
        table.add_row(Text(", ".join(fp.documents) or "—"), Text(str(fp)), Text("\n".join(evidence) or "—"))
    return table


def mistyped_table(report: EvaluationReport) -> Table:
    table = Table(title=f"Mistyped entities ({len(report.typing.mistyped)})", title_justify="left",
                  header_style="bold")
    table.add_column("document", overflow="fold")
    for column in ("entity", "gold type", "graph types"):
        table.add_column(column)
    for m in report.typing.mistyped:
        table.add_row(Text(m.doc), Text(m.name), m.gold_type, Text(", ".join(m.found_types) or "—"))
    return table


def render(report: EvaluationReport, *, errors: bool = False, per_doc: bool = False) -> Group:
    """The tables ``kg evaluate`` prints (without its last ``F1=…`` line)."""
    parts: list[Any] = [relations_table(report), typing_table(report)]
    if per_doc:
        parts.append(documents_table(report))
    if errors:
        parts += [misses_table(report), false_positives_table(report)]
        if report.typing.mistyped:
            parts.append(mistyped_table(report))
    return Group(*parts)


def render_comparison(title: str, reports: dict[str, EvaluationReport]) -> Table:
    """Precision, recall and F1 per relation of several reports side by side (``kg evaluate --cv``)."""
    names = " | ".join(reports)
    table = Table(title=f"{title}\nP, R, F1 of: {names}", title_justify="left", header_style="bold")
    table.add_column("relation", no_wrap=True)
    table.add_column("gold", justify="right")
    for n, name in enumerate(reports):
        for column in ("P", "R", "F1"):
            # the same header text twice would be one column to a reader: pad the later ones
            table.add_column(column + " " * n, justify="right", style="bold" if column == "F1" else "")
    first = next(iter(reports.values()))
    for rel in (*RELATIONS, "micro"):
        scores = [r.micro if rel == "micro" else r.relations.get(rel, Score()) for r in reports.values()]
        gold = first.micro.gold if rel == "micro" else first.relations.get(rel, Score()).gold
        cells = [f"{v:.3f}" for s in scores for v in (s.precision, s.recall, s.f1)]
        table.add_row(rel, str(gold), *cells, end_section=rel == RELATIONS[-1])
    return table

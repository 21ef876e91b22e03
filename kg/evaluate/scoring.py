"""Scoring an RDF graph against a :class:`~kg.evaluate.gold.GoldSet`, by the rules of
``shared/spec/relations.md`` and with the numbers of ``shared/eval/score.py``:

- every triple whose predicate's local name is one of the four relations (any namespace) is a
  prediction; a node's names are its labels (or, without any, its IRI's local name);
- subject and object must match gold entities of the same document; a node that matches no
  entity by name may match a gold Group by its head word ("government bodies");
- a prediction that matches a ``gold`` triple is a true positive (for every gold triple it
  matches), one that matches only ``optional`` triples is ignored, any other is a false positive;
- false positives are counted once per (relation, first subject name, first object name).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS
from rdflib.term import Node

from ..graph.vocab import KG, RELATIONS
from ..ingest.document import slugify
from .gold import EntityKey, GoldSet, GoldTriple, normalize_name
from .report import EvaluationReport, FalsePositive, Miss, Mistyped, Score, TypingScore

_SCHEMA = (Namespace("http://schema.org/"), Namespace("https://schema.org/"))
#: Predicates whose literal values are a node's names.
NAME_PREDICATES: tuple[URIRef, ...] = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, FOAF.name,
                                       *(ns[p] for ns in _SCHEMA for p in ("name", "alternateName")))


def local_name(iri: str) -> str:
    """The last segment of an IRI (after ``#``, ``/`` or ``:``)."""
    return re.split(r"[#/:]", iri.rstrip("/#"))[-1]


def relation_of(predicate: Node) -> str | None:
    """The relation a predicate stands for, by its local name in any namespace and spelling."""
    key = re.sub(r"[^a-z]", "", local_name(str(predicate)).lower())
    return next((rel for rel in RELATIONS if key == rel.lower()), None)


def node_names(graph: Graph, node: Node) -> frozenset[str]:
    """The normalised names of *node*: its labels, or its IRI's local name when it has none."""
    names = {normalize_name(str(o)) for p in NAME_PREDICATES for o in graph.objects(node, p)
             if isinstance(o, Literal)}
    if not names and isinstance(node, URIRef):
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-]+", " ", local_name(str(node)))  # "jane_doe", "JaneDoe"
        names.add(normalize_name(spaced))
    return frozenset(names - {""})


@dataclass(frozen=True)
class Prediction:
    """One relation triple of the graph with the names of its ends."""

    relation: str
    subject: Node
    object: Node
    subject_names: frozenset[str]
    object_names: frozenset[str]

    @property
    def fp_key(self) -> tuple[str, str | None, str | None]:
        # score.py keys a false positive by the first (sorted) name of each end
        return (self.relation, min(self.subject_names, default=None), min(self.object_names, default=None))


def predictions(graph: Graph) -> list[Prediction]:
    """Every triple of a relation predicate between two nodes (literal objects are skipped)."""
    names: dict[Node, frozenset[str]] = {}

    def named(node: Node) -> frozenset[str]:
        if node not in names:
            names[node] = node_names(graph, node)
        return names[node]

    found = []
    for s, p, o in graph.triples((None, None, None)):
        rel = relation_of(p)
        if rel and not isinstance(o, Literal):
            found.append(Prediction(rel, s, o, named(s), named(o)))
    return found


def candidates(prediction: Prediction, gold: GoldSet) -> dict[GoldTriple, str]:
    """The annotated triples (with their status) a prediction matches."""
    found = {}
    for s in gold.entities_named(prediction.subject_names, groups=True):
        for o in gold.entities_named(prediction.object_names, groups=True):
            if s[0] != o[0]:
                continue  # subject and object must come from the same document
            triple = GoldTriple.of(s, prediction.relation, o)
            if triple in gold.triples:
                found[triple] = gold.triples[triple]
    return found


def score_graph(graph: Graph, gold: GoldSet) -> EvaluationReport:
    """Score *graph* against *gold*: per relation, micro, typing, misses and false positives."""
    matched: set[GoldTriple] = set()
    wrong: dict[tuple, list[Prediction]] = defaultdict(list)
    for prediction in predictions(graph):
        statuses = candidates(prediction, gold)
        if "gold" in statuses.values():
            matched.update(t for t, status in statuses.items() if status == "gold")
        elif not statuses:
            wrong[prediction.fp_key].append(prediction)

    provenance = _Provenance(graph, gold)
    false_positives = [_false_positive(key, wrong[key], graph, provenance) for key in _sorted_keys(wrong)]
    misses = [_miss(t, gold) for t in gold.gold_triples() if t not in matched]
    relations = {
        rel: Score(gold=len(gold.gold_triples(rel)), tp=sum(t.relation == rel for t in matched),
                   fp=sum(key[0] == rel for key in wrong))
        for rel in RELATIONS
    }
    return EvaluationReport(
        relations=relations,
        typing=typing_score(graph, gold),
        misses=misses,
        false_positives=false_positives,
        documents=_document_scores(gold, matched, false_positives),
        unmatched_documents=provenance.unmatched(),
    )


def typing_score(graph: Graph, gold: GoldSet) -> TypingScore:
    """Of the entities in ``gold`` triples, how many some matching node types with the gold type."""
    wanted = {e for t in gold.gold_triples() for e in (t.subject, t.object)}
    found: dict[EntityKey, set[str]] = defaultdict(set)
    # every subject counts, as in score.py, whatever its kind (its names decide)
    for node in set(graph.subjects()):
        keys = gold.entities_named(node_names(graph, node)) & wanted
        if keys:
            types = {local_name(str(t)) for t in graph.objects(node, RDF.type)}
            for key in keys:
                found[key] |= types
    mistyped = []
    for key in sorted(found):
        entity = gold.entity(key)
        if entity.type.lower() not in {t.lower() for t in found[key]}:
            mistyped.append(Mistyped(key[0], key[1], entity.name, entity.type, tuple(sorted(found[key]))))
    return TypingScore(entities=len(wanted), found=len(found), typed_correctly=len(found) - len(mistyped),
                       mistyped=tuple(mistyped))


def _sorted_keys(wrong: dict[tuple, list[Prediction]]) -> list[tuple]:
    order = {rel: i for i, rel in enumerate(RELATIONS)}
    return sorted(wrong, key=lambda k: (order[k[0]], k[1] or "", k[2] or ""))


def _miss(triple: GoldTriple, gold: GoldSet) -> Miss:
    s, o = gold.entity(triple.subject), gold.entity(triple.object)
    return Miss(doc=triple.doc, relation=triple.relation, subject=s.key, object=o.key,
                subject_name=s.name, object_name=o.name, evidence=gold.evidence.get(triple))


def _false_positive(key: tuple, group: list[Prediction], graph: Graph, provenance: _Provenance) -> FalsePositive:
    """One false positive with the evidence of every graph triple it stands for."""
    first = min(group, key=lambda p: (str(p.subject), str(p.object)))
    sentences: dict[str, None] = {}  # dicts keep first-seen order without duplicates
    rules: dict[str, None] = {}
    documents: dict[str, None] = {}
    for p in group:
        for evidence in _evidence(graph, p):
            sentences.update(dict.fromkeys(map(str, graph.objects(evidence, KG.sentence))))
            rules.update(dict.fromkeys(map(str, graph.objects(evidence, KG.rule))))
            documents.update(dict.fromkeys(provenance.documents_of(evidence)))
    return FalsePositive(relation=key[0], subject=key[1], object=key[2],
                         subject_label=_label(graph, first.subject, key[1]),
                         object_label=_label(graph, first.object, key[2]),
                         sentences=tuple(sentences), rules=tuple(rules), documents=tuple(sorted(documents)))


def _evidence(graph: Graph, p: Prediction) -> Iterator[Node]:
    """The kg:Evidence nodes of the statements that reify the prediction's triple."""
    for stmt in graph.subjects(RDF.subject, p.subject):
        if (stmt, RDF.object, p.object) in graph and any(
                relation_of(pred) == p.relation for pred in graph.objects(stmt, RDF.predicate)):
            yield from graph.objects(stmt, KG.evidence)


def _label(graph: Graph, node: Node, fallback: str | None) -> str:
    label = graph.value(node, RDFS.label)
    return str(label) if label is not None else fallback or local_name(str(node))


def _document_scores(gold: GoldSet, matched: set[GoldTriple],
                     false_positives: Iterable[FalsePositive]) -> dict[str, Score]:
    counts = {doc: [len([t for t in gold.gold_triples() if t.doc == doc]), 0, 0] for doc in sorted(gold.documents)}
    for t in matched:
        counts[t.doc][1] += 1
    for fp in false_positives:
        # a false positive may come from several documents (or none the graph records)
        for doc in fp.documents or ("(unknown)",):
            counts.setdefault(doc, [0, 0, 0])[2] += 1
    return {doc: Score(*c) for doc, c in counts.items()}


class _Provenance:
    """Which gold document a graph's kg:Document stands for, and which documents evidence comes from."""

    def __init__(self, graph: Graph, gold: GoldSet) -> None:
        self.graph = graph
        self.gold = gold
        self.names = {node: self._gold_doc(node) for node in graph.subjects(RDF.type, KG.Document)}

    def _gold_doc(self, node: Node) -> str:
        """The gold doc whose text file the document was read from, else the document's own id."""
        source = self.graph.value(node, KG.sourcePath)
        ident = str(self.graph.value(node, DCTERMS.identifier) or local_name(str(node)))
        file = Path(re.sub(r":\d+$", "", str(source or "")))  # "feed.jsonl:12" is line 12 of feed.jsonl
        for doc in self.gold.documents.values():
            if source is not None and (file.name == doc.text_file or file.stem == doc.doc):
                return doc.doc
            # ids are "<slug of the file stem>-<hash of the text>"
            if ident.rsplit("-", 1)[0] == slugify(doc.doc):
                return doc.doc
        return ident

    def documents_of(self, evidence: Node, seen: set[Node] | None = None) -> set[str]:
        """Documents an evidence node derives from, following inferred facts to their premises."""
        seen = seen if seen is not None else set()
        found = set()
        for source in self.graph.objects(evidence, PROV.wasDerivedFrom):
            if source in seen:
                continue
            seen.add(source)
            if source in self.names:
                found.add(self.names[source])
            else:  # a premise statement
                for ev in self.graph.objects(source, KG.evidence):
                    found |= self.documents_of(ev, seen)
        return found

    def unmatched(self) -> list[str]:
        """Gold documents no graph document stands for (none when the graph records no documents)."""
        if not self.names:
            return []
        return sorted(set(self.gold.documents) - set(self.names.values()))

"""The graph as the page's data: entities, facts with their evidence, documents and a timeline.

One pass over each property's triples (``subject_objects``) into a dict, so the cost is linear in
the size of the graph, with no query per node or edge. Everything is sorted, so the same graph
gives the same data (and the same page) whatever order its triples were parsed in.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from ..graph.vocab import (
    ENTITY_TYPES,
    FACT_EVENT_TYPES,
    KG,
    PREFIXES,
    SYMMETRIC_RELATIONS,
)

SCHEMA = Namespace(PREFIXES["schema"])

#: Colour (Okabe-Ito palette, distinguishable with common colour-vision deficiencies) and
#: vis-network shape per entity type; "Entity" is for nodes typed only kg:Entity.
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#0072B2", "dot"),
    "Organization": ("#E69F00", "square"),
    "Place": ("#009E73", "triangle"),
    "Group": ("#CC79A7", "hexagon"),
    "Event": ("#D55E00", "star"),
    "Entity": ("#999999", "diamond"),
}
SIZES = ("pagerank", "degree")
MIN_SIZE, MAX_SIZE = 10.0, 40.0


@dataclass
class _Edge:
    source: Node
    relation: Node
    target: Node
    symmetric: bool
    statements: list[Node] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.source} {self.relation} {self.target}"  # spaces cannot occur in IRIs


@dataclass
class Selection:
    """Which entities the page draws; see :func:`page_data`."""

    top: int | None = None
    focus: str | None = None
    hops: int = 1
    all_entities: bool = False


class UnknownEntity(LookupError):
    """``--focus`` names no entity; ``suggestions`` are close names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(name)
        self.name, self.suggestions = name, suggestions


def page_data(graph: Graph, *, size: str = "pagerank", selection: Selection | None = None) -> dict:
    """The JSON-ready data of the page for *graph*.

    Entities without any relation are left out unless ``selection.all_entities``; with
    ``selection.focus`` only the entities within ``selection.hops`` relations of the entity of
    that name (label or altLabel, any case) are kept, and with ``selection.top`` only the N
    with the highest PageRank among those. Node sizes follow *size* (``pagerank`` or ``degree``),
    computed on the whole graph so that they mean the same in every view of it.
    """
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    selection = selection or Selection()
    idx = _Index(graph)
    documents = sorted(graph.subjects(RDF.type, KG.Document), key=_sort_key)
    doc_index = {d: i for i, d in enumerate(documents)}

    entity_type = _entity_types(graph)
    label = idx.first(RDFS.label)
    names = {e: str(label[e]) if e in label else _local_name(e) for e in entity_type}
    alt = idx.all(SKOS.altLabel)
    edges = _relation_edges(graph, entity_type, idx)

    degree: dict[Node, int] = defaultdict(int)
    neighbours: dict[Node, set[Node]] = defaultdict(set)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    ranks = _pagerank(entity_type, edges)

    keep = set(entity_type) if selection.all_entities else {e for e in entity_type if degree[e]}
    if selection.focus is not None:
        seeds = _find(selection.focus, names, alt)
        keep = (keep & _neighbourhood(seeds, neighbours, selection.hops)) | seeds  # the focus even without relations
    if selection.top is not None:
        keep = set(sorted(keep, key=lambda e: (-round(ranks[e], 12), names[e].casefold(), str(e)))[: selection.top])
    edges = [e for e in edges if e.source in keep and e.target in keep]

    mentioned: dict[Node, set[int]] = defaultdict(set)
    for doc, entity in graph.subject_objects(SCHEMA.mentions):
        if doc in doc_index:
            mentioned[entity].add(doc_index[doc])
    top_rank = max((ranks[e] for e in keep), default=0.0) or 1.0
    top_degree = max((degree[e] for e in keep), default=0) or 1
    nodes = []
    for entity in sorted(keep, key=_sort_key):
        share = ranks[entity] / top_rank if size == "pagerank" else degree[entity] / top_degree
        nodes.append({
            "id": str(entity),
            "label": names[entity],
            "alt": [str(a) for a in alt.get(entity, ()) if str(a) != names[entity]],
            "type": entity_type[entity],
            "degree": degree[entity],
            "pagerank": round(ranks[entity], 6),
            "size": round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(share), 1),
            "docs": sorted(mentioned.get(entity, ())),
        })

    evidence = _EvidenceTable(idx, doc_index)
    statement_edge = {s: e.id for e in edges for s in e.statements}
    edge_dicts = []
    parallel: dict[frozenset, int] = defaultdict(int)  # edges already drawn between a pair
    for edge in edges:
        kinds = {t for s in edge.statements for t in idx.types.get(s, ())}
        confidences = [c for s in edge.statements if (c := _number(idx.confidence.get(s))) is not None]
        items = sorted({ev for s in edge.statements for ev in idx.evidence.get(s, ())}, key=evidence.order)
        pair = frozenset((edge.source, edge.target))
        edge_dicts.append({
            "id": edge.id,
            "from": str(edge.source),
            "to": str(edge.target),
            "relation": _local_name(edge.relation),
            "symmetric": edge.symmetric,
            # inferred only when no sentence supports it (rules alone)
            "inferred": KG.InferredStatement in kinds and KG.ExtractedStatement not in kinds,
            "confidence": round(max(confidences), 3) if confidences else None,
            "evidence": [evidence.add(ev, statement_edge) for ev in items],
            "bend": parallel[pair],
        })
        parallel[pair] += 1

    per_type: dict[str, int] = defaultdict(int)
    for node in nodes:
        per_type[node["type"]] += 1
    shown_types = [t for t in TYPE_STYLES if t in ENTITY_TYPES or per_type.get(t)]
    return {
        "counts": {"entities": len(nodes), "relations": len(edge_dicts), "documents": len(documents)},
        "types": [{"name": t, "color": TYPE_STYLES[t][0], "shape": TYPE_STYLES[t][1], "count": per_type.get(t, 0)}
                  for t in shown_types],
        "relations": sorted({e["relation"] for e in edge_dicts}),
        "size": size,
        "nodes": nodes,
        "edges": edge_dicts,
        "evidence": evidence.rows,
        "documents": [_document(graph, d) for d in documents],
        "timeline": _timeline(graph, idx, keep, {e.id for e in edges}, doc_index),
    }


# --------------------------------------------------------------------------- parts


class _Index:
    """Per-property lookups over the graph, each built in one pass."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.types = self.all(RDF.type)
        self.evidence = self.all(KG.evidence)
        self.confidence = self.first(KG.confidence)

    def first(self, predicate: Node) -> dict[Node, Node]:
        """subject -> one value of *predicate* (the smallest, so repeated runs agree)."""
        return {s: values[0] for s, values in self.all(predicate).items()}

    def all(self, predicate: Node) -> dict[Node, list[Node]]:
        """subject -> sorted values of *predicate*."""
        out: dict[Node, list[Node]] = defaultdict(list)
        for s, o in self.graph.subject_objects(predicate):
            out[s].append(o)
        for values in out.values():
            values.sort(key=_sort_key)
        return out


def _entity_types(graph: Graph) -> dict[Node, str]:
    entity_type: dict[Node, str] = {}
    events = {e for name in FACT_EVENT_TYPES for e in graph.subjects(RDF.type, KG[name])}
    for name in (*ENTITY_TYPES, "Entity"):  # most specific first, kg:Entity as fallback
        for entity in graph.subjects(RDF.type, KG[name]):
            if entity not in events:  # visits and signings are drawn as their edges and on the timeline
                entity_type.setdefault(entity, name)
    return entity_type


def _relation_edges(graph: Graph, entity_type: dict[Node, str], idx: _Index) -> list[_Edge]:
    """Every triple between two entities, symmetric ones once, with the statements about it."""
    symmetric = {KG[r] for r in SYMMETRIC_RELATIONS} | set(graph.subjects(RDF.type, OWL.SymmetricProperty))
    edges: dict[tuple[Node, Node, Node], _Edge] = {}
    for entity in entity_type:
        for p, o in graph.predicate_objects(entity):
            if o in entity_type and p != RDF.type:
                k = _key(entity, p, o, symmetric)
                edges.setdefault(k, _Edge(k[0], p, k[2], p in symmetric))
    predicate, obj = idx.first(RDF.predicate), idx.first(RDF.object)
    for statement, s in graph.subject_objects(RDF.subject):
        p, o = predicate.get(statement), obj.get(statement)
        if p is not None and o is not None and (edge := edges.get(_key(s, p, o, symmetric))) is not None:
            edge.statements.append(statement)
    for edge in edges.values():
        edge.statements.sort(key=_sort_key)
    return sorted(edges.values(), key=lambda e: (_sort_key(e.source), _sort_key(e.target), str(e.relation)))


def _key(s: Node, p: Node, o: Node, symmetric: set[Node]) -> tuple[Node, Node, Node]:
    if p in symmetric and _sort_key(o) < _sort_key(s):
        s, o = o, s  # both stored directions map to one edge
    return s, p, o


def _pagerank(entity_type: dict[Node, str], edges: list[_Edge]) -> dict[Node, float]:
    import networkx as nx

    from ..analysis import pagerank

    network = nx.DiGraph()
    network.add_nodes_from(sorted(entity_type, key=_sort_key))
    for edge in edges:
        network.add_edge(edge.source, edge.target)
        if edge.symmetric:
            network.add_edge(edge.target, edge.source)
    return pagerank(network, tol=1e-10, max_iter=200)


def _find(name: str, names: dict[Node, str], alt: dict[Node, list[Node]]) -> set[Node]:
    """The entities called *name* (label or altLabel, case-insensitively)."""
    wanted = name.strip().casefold()
    found = {e for e, label in names.items() if label.casefold() == wanted}
    found |= {e for e in names if any(str(a).casefold() == wanted for a in alt.get(e, ()))}
    if not found:
        import difflib

        close = difflib.get_close_matches(name, sorted(set(names.values())), n=3, cutoff=0.6)
        raise UnknownEntity(name, close)
    return found


def _neighbourhood(seeds: set[Node], neighbours: dict[Node, set[Node]], hops: int) -> set[Node]:
    seen, frontier = set(seeds), set(seeds)
    for _ in range(hops):
        frontier = {n for f in frontier for n in neighbours.get(f, ())} - seen
        seen |= frontier
    return seen


class _EvidenceTable:
    """The evidence rows of the page, each listed once and referred to by index."""

    def __init__(self, idx: _Index, doc_index: dict[Node, int]) -> None:
        self.doc_index = doc_index
        self.sentence = idx.first(KG.sentence)
        self.extractor = idx.all(KG.extractor)
        self.rule = idx.first(KG.rule)
        self.start = idx.first(KG.startChar)
        self.derived = idx.all(PROV.wasDerivedFrom)
        self.confidence = idx.confidence
        self.rows: list[dict] = []
        self._seen: dict[Node, int] = {}

    def order(self, evidence: Node) -> tuple:
        docs = [self.doc_index[d] for d in self.derived.get(evidence, ()) if d in self.doc_index]
        start = _number(self.start.get(evidence))
        return (min(docs, default=-1), start if start is not None else -1, _sort_key(evidence))

    def add(self, evidence: Node, statement_edge: dict[Node, str]) -> int:
        if evidence in self._seen:
            return self._seen[evidence]
        sources = self.derived.get(evidence, ())
        docs = [self.doc_index[d] for d in sources if d in self.doc_index]
        rule = self.rule.get(evidence)
        row = {
            "sentence": str(self.sentence[evidence]) if evidence in self.sentence else None,
            "doc": docs[0] if docs else None,
            "extractor": [str(x) for x in self.extractor.get(evidence, ())],
            "rule": str(rule) if rule is not None else None,
            "confidence": _number(self.confidence.get(evidence)),
            # premise statements of a rule, as the edges they are drawn as (when drawn)
            "premises": sorted({statement_edge[s] for s in sources if s in statement_edge}),
        }
        self._seen[evidence] = len(self.rows)
        self.rows.append(row)
        return self._seen[evidence]


def _document(graph: Graph, doc: Node) -> dict:
    def one(predicate: Node) -> str | None:
        values = sorted(graph.objects(doc, predicate), key=_sort_key)
        return str(values[0]) if values else None

    url = one(SCHEMA.url)
    return {
        "id": str(doc),
        "title": one(DCTERMS.title) or one(DCTERMS.identifier) or _local_name(doc),
        "date": one(DCTERMS.date),
        # only web links: a javascript: or file: URL in the data must not become a link
        "url": url if url and re.match(r"https?://", url, re.IGNORECASE) else None,
        "source": one(KG.sourcePath),
    }


_ROLES = {"Visit": (KG.agent, KG.destination), "AgreementSigning": (KG.party, KG.party)}


def _timeline(graph: Graph, idx: _Index, keep: set[Node], drawn: set[str], doc_index: dict[Node, int]) -> list[dict]:
    """The dated visits and signings (their kg:date, else their article's date), oldest first."""
    label, modality, date_text = idx.first(RDFS.label), idx.first(KG.modality), idx.first(KG.dateText)
    date, derived = idx.first(KG.date), idx.all(PROV.wasDerivedFrom)
    doc_date = idx.first(DCTERMS.date)
    out = []
    for kind, (first, second) in _ROLES.items():
        for event in graph.subjects(RDF.type, KG[kind]):
            sides = sorted(graph.objects(event, first), key=_sort_key), sorted(graph.objects(event, second), key=_sort_key)
            members = {*sides[0], *sides[1]} & keep
            if not members:
                continue
            docs = [d for ev in idx.evidence.get(event, ()) for d in derived.get(ev, ()) if d in doc_index]
            when, by_article = date.get(event), False
            if when is None:
                when = next((doc_date[d] for d in sorted(docs, key=_sort_key) if d in doc_date), None)
                by_article = True
            if when is None:
                continue
            relation = KG.visited if kind == "Visit" else KG.signsAgreementWith
            edges = sorted({
                e for a in sides[0] for b in sides[1] if a != b
                for e in (_Edge(a, relation, b, False).id, _Edge(b, relation, a, False).id) if e in drawn
            })
            out.append({
                "date": str(when),
                "byArticle": by_article,
                "dateText": str(date_text[event]) if event in date_text else None,
                "kind": kind,
                "label": str(label.get(event, _local_name(event))),
                "modality": _local_name(modality[event]) if event in modality else None,
                "edges": edges,
                "nodes": sorted(str(m) for m in members),
                "doc": doc_index[min(docs, key=_sort_key)] if docs else None,
            })
    return sorted(out, key=lambda t: (t["date"], t["label"], t["nodes"]))


def _sort_key(term: Node) -> tuple[str, str]:
    return (str(term), term.n3() if isinstance(term, Literal) else "")


def _local_name(term: Node) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term).rstrip("/#")
    return re.split(r"[#/]", text)[-1] or text


def _number(value: Node | None) -> float | None:
    try:
        return float(value.toPython()) if isinstance(value, Literal) else None
    except (TypeError, ValueError):
        return None

"""The shortest chains of facts between two entities (``kg path``, ``KnowledgeGraph.path``).

Entities are found by name: their label or any alternative label, case-insensitively (or by
IRI, full or with a kg prefix). The chains are the shortest paths of the undirected entity
network; each step is one fact, in its stored direction, with the sentence of its strongest
piece of evidence (``kg:Evidence``), or the rule for an inferred fact.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import islice, pairwise
from typing import Any

import networkx as nx
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV

from ..errors import KgError
from ..graph.vocab import KG, PREFIXES
from .network import to_networkx
from .structure import simple_undirected

#: Chains listed at most (two well-connected entities can have very many shortest paths).
MAX_CHAINS = 5


@dataclass(frozen=True)
class Step:
    """One fact of a chain. ``forward`` is True when the chain walks it from subject to object."""

    subject: str
    relation: str
    object: str
    forward: bool
    subject_id: str
    object_id: str
    confidence: float | None
    sentence: str | None
    document: str | None
    rule: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_entity(network: nx.MultiDiGraph, name: str) -> str:
    """The node named *name*; a one-line :class:`KgError` when none or several are."""
    wanted = name.strip()
    iri = _expand(wanted)
    if iri in network:
        return iri
    folded = wanted.casefold()
    matches = sorted(node for node, data in network.nodes(data=True)
                     if folded in {data["label"].casefold(), *(alias.casefold() for alias in data["aliases"])})
    if not matches:
        raise KgError(name, "no entity has this name (label or alternative label)")
    if len(matches) > 1:
        listed = "; ".join(f"{network.nodes[n]['label']} ({network.nodes[n]['type']}, <{n}>)" for n in matches[:5])
        raise KgError(name, f"ambiguous: {len(matches)} entities have this name: {listed}; give one's IRI instead")
    return matches[0]


def _expand(name: str) -> str:
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    prefix, _, local = name.partition(":")
    if local and prefix in PREFIXES:
        return str(PREFIXES[prefix]) + local
    return name


def shortest_chains(graph: Graph, a: str, b: str, limit: int = MAX_CHAINS) -> list[list[Step]]:
    """The shortest chains of facts linking entities *a* and *b* (at most *limit*, [] when none)."""
    network = to_networkx(graph)
    start, end = find_entity(network, a), find_entity(network, b)
    if start == end:
        raise KgError(b, f"is the same entity as {a!r}")
    simple = simple_undirected(network)
    try:
        paths = list(islice(nx.all_shortest_paths(simple, start, end), limit))
    except nx.NetworkXNoPath:
        return []
    return [[_step(graph, network, u, v) for u, v in pairwise(path)] for path in paths]


def _step(graph: Graph, network: nx.MultiDiGraph, u: str, v: str) -> Step:
    candidates = [(data, True) for data in network.get_edge_data(u, v, default={}).values()]
    candidates += [(data, False) for data in network.get_edge_data(v, u, default={}).values()]
    # the strongest fact; an extracted one before an inferred one; walking forward before backward
    data, forward = max(candidates, key=lambda c: (c[0]["confidence"] or 0.0, not c[0]["inferred"], c[1], c[0]["relation"]))
    s, o = (u, v) if forward else (v, u)
    sentence, document, rule = _best_evidence(graph, URIRef(s), KG[data["relation"]], URIRef(o))
    return Step(subject=network.nodes[s]["label"], relation=data["relation"], object=network.nodes[o]["label"],
                forward=forward, subject_id=s, object_id=o, confidence=data["confidence"], sentence=sentence,
                document=document, rule=rule)


def _best_evidence(graph: Graph, s: URIRef, p: URIRef, o: URIRef) -> tuple[str | None, str | None, str | None]:
    """(sentence, document, rule) of the statement's most confident evidence."""
    best: tuple[float, str | None, str | None, str | None] | None = None
    for subject, obj in ((s, o), (o, s)):  # a symmetric fact may be reified in one direction only
        for statement in graph.subjects(RDF.subject, subject):
            if (statement, RDF.predicate, p) not in graph or (statement, RDF.object, obj) not in graph:
                continue
            for evidence in graph.objects(statement, KG.evidence):
                confidence = graph.value(evidence, KG.confidence)
                sentence, rule = graph.value(evidence, KG.sentence), graph.value(evidence, KG.rule)
                documents = [d for d in graph.objects(evidence, PROV.wasDerivedFrom) if (d, RDF.type, KG.Document) in graph]
                entry = (float(confidence) if confidence is not None else 0.0, str(sentence) if sentence is not None else None,
                         str(min(documents)) if documents else None, str(rule) if rule is not None else None)
                # a sentence beats a rule, then the higher confidence, then text order
                if best is None or (entry[1] is not None, entry[0], entry[1] or "") > (best[1] is not None, best[0], best[1] or ""):
                    best = entry
        if best is not None:
            break
    return best[1:] if best is not None else (None, None, None)


def format_chains(a: str, b: str, chains: list[list[Step]]) -> str:
    """The chains as text, one fact per line with its evidence below it."""
    lines = [f"{len(chains)} shortest chain(s) of {len(chains[0])} fact(s) between {a!r} and {b!r}"]
    for number, chain in enumerate(chains, 1):
        lines.append(f"chain {number}:")
        for index, step in enumerate(chain, 1):
            here, there = (step.subject, step.object) if step.forward else (step.object, step.subject)
            arrow = f"-[{step.relation}]->" if step.forward else f"<-[{step.relation}]-"
            confidence = f" (confidence {step.confidence:.2f})" if step.confidence is not None else ""
            lines.append(f"  {index}. {here} {arrow} {there}{confidence}")
            if step.sentence:
                source = f" [{_short(step.document)}]" if step.document else ""
                lines.append(f"     evidence: \"{step.sentence}\"{source}")
            elif step.rule:
                lines.append(f"     inferred by rule {step.rule}")
    return "\n".join(lines)


def _short(iri: str | None) -> str:
    from ..query import compact_iri

    return compact_iri(iri) if iri else ""


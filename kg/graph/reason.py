"""``--reason``: apply the ontology's property axioms to the graph, marking what follows as inferred.

Three kinds of axiom are read from the ontology: ``owl:SymmetricProperty`` (``a p b`` gives
``b p a``), ``owl:inverseOf`` (``a p b`` gives ``b q a``) and ``owl:TransitiveProperty`` (``a p
b``, ``b p c`` give ``a p c``; kg's ``kg:locatedIn``). Each rule is a join over the reified
statements (not over the bare triples), so every conclusion knows its premises: it becomes a
``kg:InferredStatement`` whose evidence has ``kg:rule "owl-transitive-locatedIn"`` (or
``owl-symmetric-…``, ``owl-inverse-…``), ``prov:wasDerivedFrom`` the premise statements and the
product of their confidences. The rules run until nothing new follows.

We chose these few rules over a full OWL-RL closure (owlrl): the closure materialises every
entailment (types of every node, ``owl:sameAs`` reflexivity, literal axioms), takes seconds to
minutes on a corpus graph, and its triples carry no premises, so they could not be marked as
inferred or explained.
"""
from __future__ import annotations

from rdflib import OWL, RDF, Graph, URIRef

from .inference import Derived, add_derived
from .ontology import ontology as kg_ontology
from .vocab import KG, KG_NS

#: Rounds of rule application at most (each round can double a transitive chain's length).
MAX_ROUNDS = 12

def _local(term: URIRef) -> str:
    return str(term)[len(KG_NS):] if str(term).startswith(KG_NS) else str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def axioms(ontology: Graph) -> tuple[list[URIRef], list[tuple[URIRef, URIRef]], list[URIRef]]:
    """The symmetric properties, the (p, q) inverse pairs (both ways) and the transitive properties."""
    symmetric = sorted(p for p in ontology.subjects(RDF.type, OWL.SymmetricProperty) if isinstance(p, URIRef))
    inverses = sorted({pair for p, q in ontology.subject_objects(OWL.inverseOf)
                       if isinstance(p, URIRef) and isinstance(q, URIRef) for pair in ((p, q), (q, p))})
    transitive = sorted(p for p in ontology.subjects(RDF.type, OWL.TransitiveProperty) if isinstance(p, URIRef))
    return symmetric, inverses, transitive


def _statements(graph: Graph, predicate: URIRef) -> list[tuple[URIRef, URIRef, URIRef, float]]:
    """(statement, subject, object, confidence) of every statement of *predicate*, in IRI order."""
    out = []
    for st in graph.subjects(RDF.predicate, predicate):
        if (st, RDF.type, KG.Statement) in graph:
            s, o, c = graph.value(st, RDF.subject), graph.value(st, RDF.object), graph.value(st, KG.confidence)
            out.append((st, s, o, float(c) if c is not None else 1.0))
    return sorted(out)


def _round(graph: Graph, symmetric, inverses, transitive) -> list[Derived]:
    best: dict[tuple, Derived] = {}

    def offer(fact: Derived) -> None:
        key = (fact.subject, fact.predicate, fact.object)
        if fact.subject != fact.object and key not in graph and (key not in best or best[key].confidence < fact.confidence):
            best[key] = fact

    for p, q, kind in [(p, p, "symmetric") for p in symmetric] + [(p, q, "inverse") for p, q in inverses]:
        rule = f"owl-{kind}-{_local(p)}"
        for st, s, o, c in _statements(graph, p):
            offer(Derived(o, q, s, rule, f"reason/{rule}", c, premises=(st,)))
    for p in transitive:
        rule = f"owl-transitive-{_local(p)}"
        facts = _statements(graph, p)
        by_subject: dict[URIRef, list] = {}
        for fact in facts:
            by_subject.setdefault(fact[1], []).append(fact)
        for st1, a, b, c1 in facts:
            for st2, _, c, c2 in by_subject.get(b, ()):
                offer(Derived(a, p, c, rule, f"reason/{rule}", c1 * c2, premises=tuple(sorted((st1, st2)))))
    return [best[k] for k in sorted(best)]


def reason(graph: Graph, ontology: Graph | None = None, max_rounds: int = MAX_ROUNDS) -> list[URIRef]:
    """Add what the ontology's symmetric, inverse and transitive axioms entail; returns the new
    statements (all ``kg:InferredStatement``)."""
    symmetric, inverses, transitive = axioms(ontology if ontology is not None else kg_ontology())
    added: list[URIRef] = []
    for _ in range(max_rounds):
        new = add_derived(graph, _round(graph, symmetric, inverses, transitive))
        if not new:
            break
        added += new
    return added

"""Inference rules: facts that follow from extracted facts, marked as inferred.

``group-member-location``: when a group is located in a place and includes members, each member
organisation is located there too ("Hangzhou's six little dragons ... including DeepSeek" →
DeepSeek locatedIn Hangzhou). ``group-member-inclusion``: what includes a group includes its
members ("the EU consists of 27 member states, including France" → the EU includes France).
``delegation-leader``: the leader of a visiting group visits too (the spec: "a delegation's visit
is also a visit by its named leader when the text says the leader leads it"). The result carries the rule's name and its premises instead of a
sentence, so users can ask SPARQL for extracted facts only, or for inferred ones.
"""
from __future__ import annotations

from .records import Entity, Evidence, Relation

RULE_CONFIDENCE = {"group-member-location": 0.8, "group-member-inclusion": 0.8, "delegation-leader": 0.8}


def apply_rules(entities: dict[str, Entity], relations: list[Relation]) -> list[Relation]:
    """New inferred relations (not already among *relations*)."""
    have = {(r.subject, r.predicate, r.object) for r in relations}
    best: dict[tuple[str, str, str], Relation] = {}
    located = [r for r in relations if r.predicate == "locatedIn" and entities[r.subject].type == "Group"]
    members = [r for r in relations if r.predicate == "includes" and entities[r.subject].type == "Group"]
    for loc in located:
        for inc in members:
            if inc.subject != loc.subject or entities[inc.object].type not in ("Organization", "Place"):
                continue
            triple = (inc.object, "locatedIn", loc.object)
            if triple in have or inc.object == loc.object:
                continue
            conf = round(RULE_CONFIDENCE["group-member-location"] * min(loc.evidence.confidence, inc.evidence.confidence), 3)
            rel = Relation(inc.object, "locatedIn", loc.object, Evidence(
                extractor="rule/group-member-location", confidence=conf, rule="group-member-location",
                premises=((loc.subject, loc.predicate, loc.object), (inc.subject, inc.predicate, inc.object)),
            ), inferred=True)
            if triple not in best or best[triple].evidence.confidence < conf:
                best[triple] = rel
    # "Chey is slated to lead the business delegation" + "the delegation to China": Chey goes too
    for lead in (r for r in relations if r.predicate == "leads"):
        for visit in (r for r in relations if r.predicate == "visited" and r.subject == lead.object):
            triple = (lead.subject, "visited", visit.object)
            if triple in have or lead.subject == visit.object:
                continue
            conf = round(RULE_CONFIDENCE["delegation-leader"] * min(lead.evidence.confidence, visit.evidence.confidence), 3)
            rel = Relation(lead.subject, "visited", visit.object, Evidence(
                extractor="rule/delegation-leader", confidence=conf, rule="delegation-leader",
                premises=((lead.subject, "leads", lead.object), (visit.subject, "visited", visit.object)),
            ), inferred=True)
            if triple not in best or best[triple].evidence.confidence < conf:
                best[triple] = rel
    # "The EU consists of 27 member states, including France": the whole includes the members
    for outer in relations:
        if outer.predicate != "includes" or entities[outer.object].type != "Group":
            continue
        for inner in members:
            if inner.subject != outer.object or inner.object == outer.subject:
                continue
            triple = (outer.subject, "includes", inner.object)
            if triple in have:
                continue
            conf = round(RULE_CONFIDENCE["group-member-inclusion"] * min(outer.evidence.confidence, inner.evidence.confidence), 3)
            rel = Relation(outer.subject, "includes", inner.object, Evidence(
                extractor="rule/group-member-inclusion", confidence=conf, rule="group-member-inclusion",
                premises=((outer.subject, "includes", outer.object), (inner.subject, "includes", inner.object)),
            ), inferred=True)
            if triple not in best or best[triple].evidence.confidence < conf:
                best[triple] = rel
    return list(best.values())

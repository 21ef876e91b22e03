"""Extraction: a parsed spaCy ``Doc`` in, plain fact records out.

mentions → entities (clustering, typing) → coreference → relation patterns → rules, events and
positions. :func:`extract` is a pure function of the document, so it can run in worker processes.
"""
from .extractor import extract
from .plugins import Fact
from .records import DocFacts, Entity, Event, Evidence, Position, Relation

__all__ = ["DocFacts", "Entity", "Event", "Evidence", "Fact", "Position", "Relation", "extract"]

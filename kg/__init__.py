"""kg: an evidence-backed knowledge graph from news articles.

Read articles, find the people, organisations, places, groups and events in them, extract who
visited where, who includes whom, what is located where and who signs agreements with whom, and
get an RDF graph you can query with SPARQL, analyse with networkx and explore as an HTML page.
Every fact keeps its evidence: document, sentence, extractor and confidence.
"""
from __future__ import annotations

from .api import KnowledgeGraph, build, load, open
from .errors import KgError
from .evaluate import EvaluationReport  # kg.evaluate stays the module: kg.evaluate.evaluate(graph, gold)

__all__ = ["EvaluationReport", "KgError", "KnowledgeGraph", "build", "load", "open"]
__version__ = "0.1.0"

"""Visualisation of the knowledge graph: a self-contained interactive HTML page."""
from __future__ import annotations

from .page import render_html, write_html

__all__ = ["render_html", "write_html"]

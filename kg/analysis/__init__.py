"""Network analysis of kg graphs: networkx conversion, statistics and their display."""
from __future__ import annotations

from .network import format_stats, graph_stats, pagerank, to_networkx

__all__ = ["format_stats", "graph_stats", "pagerank", "to_networkx"]

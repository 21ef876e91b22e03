"""The interactive page: the entity graph as one self-contained, offline HTML file.

:func:`kg.viz.data.page_data` turns the graph into one JSON blob; this module puts it, the
vis-network library and our own UI (``templates/page.html``, ``page.css``, ``page.js``) into one
file. vis-network's JS and CSS come from the copy pyvis bundles (``pyvis/templates/lib``), so the
page loads nothing from the network; pyvis's own page template is not used, since it loads
bootstrap from a CDN. The data goes into a ``<script type="application/json">`` block with every
``<`` written as ``\\u003c``, so no article text can end the block early, and the UI builds the
panel with ``textContent`` only, so names and sentences are always text.
"""
from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from rdflib import Graph

from ..errors import KgError
from ..fileio import atomic_write
from .data import SIZES, TYPE_STYLES, Selection, UnknownEntity, page_data

__all__ = ["TYPE_STYLES", "render_html", "write_html"]

TEMPLATES = Path(__file__).parent / "templates"
VIS_VERSION = "9.1.2"
EXTRACTED_COLOR = "#4D4D4D"
INFERRED_COLOR = "#8C8C8C"
#: Above this many nodes vis-network's improvedLayout (Kamada-Kawai per cluster) takes longer than it helps.
IMPROVED_LAYOUT_MAX = 100
#: Above this many edges, straight edges and no labels: curves and text dominate drawing time.
SIMPLE_EDGES_MIN = 400
#: The layout also stops after this long, however many iterations are left: on a slow or busy
#: machine a 2,000-node page is still usable within seconds.
LAYOUT_BUDGET_MS = 4000


def write_html(graph: Graph, path: str | os.PathLike[str], *, title: str = "kg knowledge graph",
               size: str = "pagerank", top: int | None = None, focus: str | None = None, hops: int = 1,
               all_entities: bool = False) -> Path:
    """Write the interactive page for *graph* to *path* and return the path.

    The file is written atomically: an :class:`~kg.errors.OutputError` (missing folder, not
    writable) or any rendering error leaves no file and no temporary file behind. See
    :func:`render_html` for the options.
    """
    target = Path(path)
    # Enter atomic_write first: a bad path fails before the (possibly long) rendering.
    with atomic_write(target) as handle:
        handle.write(render_html(graph, title=title, size=size, top=top, focus=focus, hops=hops,
                                 all_entities=all_entities))
    return target


def render_html(graph: Graph, *, title: str = "kg knowledge graph", size: str = "pagerank", top: int | None = None,
                focus: str | None = None, hops: int = 1, all_entities: bool = False) -> str:
    """Return the page for *graph* as a string (same graph and options, same string).

    *size* scales nodes by ``pagerank`` or ``degree``. Entities without relations are left out
    unless *all_entities*; *focus* (an entity's label or altLabel) keeps its neighbourhood of
    *hops* relations, *top* the N entities with the highest PageRank. Raises :class:`KgError`
    for an unknown *size* or *focus* name.
    """
    if size not in SIZES:
        raise KgError("--size", f"must be one of {', '.join(SIZES)}, not {size!r}")
    if top is not None and top < 1:
        raise KgError("--top", f"must be at least 1, not {top}")
    if hops < 0:
        raise KgError("--hops", f"must be 0 or more, not {hops}")
    try:
        data = page_data(graph, size=size, selection=Selection(top=top, focus=focus, hops=hops,
                                                               all_entities=all_entities))
    except UnknownEntity as exc:
        hint = f" (did you mean {', '.join(repr(s) for s in exc.suggestions)}?)" if exc.suggestions else ""
        raise KgError("--focus", f"no entity named {exc.name!r}{hint}") from None
    data["options"] = vis_options(len(data["nodes"]), len(data["edges"]))
    data["style"] = {"extracted": EXTRACTED_COLOR, "inferred": INFERRED_COLOR,
                     "edgeLabels": len(data["edges"]) < SIMPLE_EDGES_MIN, "layoutBudgetMs": LAYOUT_BUDGET_MS}
    return _environment().get_template("page.html").render(
        title=title,
        data=data,
        data_json=script_json(data),
        assets=_assets(),
        edge_svgs={"extracted": _edge_svg(EXTRACTED_COLOR, False, True), "inferred": _edge_svg(INFERRED_COLOR, True, True),
                   "symmetric": _edge_svg(EXTRACTED_COLOR, False, False)},
        shape_svg=_shape_svg,
    )


def vis_options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options: a seeded layout whose stabilisation is bounded; the page then turns physics off.

    The iteration budget shrinks as the graph grows (each barnesHut iteration is O(n log n)), and
    the page also stops the layout after :data:`LAYOUT_BUDGET_MS`, so
    a 2,000-node page (100 iterations) settles in seconds instead of running the simulation on every
    frame; see ``benchmarks/bench_page.py``.
    """
    iterations = max(60, min(1000, 200_000 // max(n_nodes, 1)))
    simple = n_edges >= SIMPLE_EDGES_MIN
    return {
        "autoResize": True,
        "layout": {"randomSeed": 42, "improvedLayout": n_nodes <= IMPROVED_LAYOUT_MAX},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.3, "springLength": 140,
                          "springConstant": 0.04, "damping": 0.4, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 10, "fit": True},
            "minVelocity": 1.0,
        },
        # hover highlighting tests every edge on each mouse move; tooltips work without it
        "interaction": {"hover": not simple, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": simple, "hideEdgesOnZoom": simple},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {
            "smooth": False if simple else {"enabled": True, "type": "continuous"},
            "font": {"size": 11, "align": "middle", "color": "#444444", "strokeWidth": 3},
            "arrowStrikethrough": False,
            "selectionWidth": 3,
        },
    }


def script_json(value: object) -> Markup:
    """JSON for a ``<script>`` block: sorted keys, and no ``<``/``>`` that could close it.

    json.dumps leaves ``</script>`` (and ``<!--``) in strings intact, which would end the block
    early; ``\\u003c``/``\\u003e`` are the same characters to JSON.parse.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@cache
def _assets() -> dict[str, Markup]:
    """vis-network (from pyvis's bundled copy) and our CSS and JS, to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    files = {"vis_js": lib / "vis-network.min.js", "vis_css": lib / "vis-network.css",
             "page_js": TEMPLATES / "page.js", "page_css": TEMPLATES / "page.css"}
    out = {}
    for name, path in files.items():
        text = path.read_text(encoding="utf-8")
        if re.search(r"</(script|style)", text, re.IGNORECASE):  # would end the inline block early
            raise KgError(path, "cannot be inlined: contains a closing </script> or </style>")
        out[name] = Markup(text)
    return out


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def _shape_svg(colour: str, shape: str) -> Markup:
    """A 16x16 inline SVG of a vis node shape for the legend."""
    import math

    def polygon(points: int, radius: float, inner: float | None = None, turn: float = -90) -> str:
        corners = []
        for i in range(points * (2 if inner else 1)):
            r = inner if inner and i % 2 else radius
            angle = math.radians(turn + i * 360 / (points * (2 if inner else 1)))
            corners.append(f"{8 + r * math.cos(angle):.1f},{8.5 + r * math.sin(angle):.1f}")
        return f'<polygon points="{" ".join(corners)}"/>'

    body = {
        "dot": '<circle cx="8" cy="8" r="6.5"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "triangle": polygon(3, 7.5),
        "hexagon": polygon(6, 7, turn=0),
        "star": polygon(5, 7.5, inner=3.2),
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    }[shape]
    return Markup(
        f'<svg class="kg-shape" data-shape="{shape}" width="16" height="16" viewBox="0 0 16 16" '
        f'aria-hidden="true"><g fill="{colour}" stroke="#333333" stroke-width="0.8">{body}</g></svg>'
    )


def _edge_svg(colour: str, dashed: bool, arrow: bool) -> Markup:
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    head = f'<polygon points="35,5 27,1 27,9" fill="{colour}"/>' if arrow else ""
    return Markup(
        f'<svg width="36" height="10" viewBox="0 0 36 10" aria-hidden="true"><line x1="1" y1="5" '
        f'x2="{28 if arrow else 35}" y2="5" stroke="{colour}" stroke-width="2"{dash}/>{head}</svg>'
    )

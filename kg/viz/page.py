"""The interactive page: the entity graph as one self-contained, offline HTML file.

Nodes are the entities (colour and shape by type, size by degree), edges the relation triples
between them (dashed when only inferred, symmetric relations drawn once without arrows). Hovering
shows the evidence: sentences, documents, extractors, rules.

The page is built with pyvis (``Network`` holds the nodes, edges and options and renders them
with ``generate_html``), but through our own Jinja template (:data:`_TEMPLATE`) instead of
pyvis's ``template.html``, which loads bootstrap from cdn.jsdelivr.net even with
``cdn_resources="in_line"`` and has no room for a legend. Ours inlines vis-network's JS and CSS
from pyvis's bundled ``templates/lib``, so the page fetches nothing, and writes the data with
:func:`_script_json`, so no article text can end the ``<script>`` block early.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from ..errors import KgError
from ..fileio import atomic_write
from ..graph.vocab import ENTITY_TYPES, FACT_EVENT_TYPES, KG, PREFIXES, SYMMETRIC_RELATIONS

__all__ = ["TYPE_STYLES", "render_html", "write_html"]

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
EXTRACTED_COLOR = "#4D4D4D"
INFERRED_COLOR = "#8C8C8C"
MAX_LABEL = 40  # characters drawn on the canvas; the tooltip has the full label
MAX_LISTED = 6  # evidence items / documents listed per tooltip before "and N more"
_HEIGHT = re.compile(r"\d+(?:\.\d+)?(?:px|%|vh|em|rem)")


def write_html(
    graph: Graph,
    path: str | os.PathLike[str],
    *,
    title: str = "kg knowledge graph",
    height: str = "800px",
) -> Path:
    """Write the interactive page for *graph* to *path* and return the path.

    The file is written atomically: an :class:`~kg.errors.OutputError` (missing folder, not
    writable) or any rendering error leaves no file and no temporary file behind.
    """
    target = Path(path)
    # Enter atomic_write first: a bad path fails before the (possibly long) rendering.
    with atomic_write(target) as handle:
        handle.write(render_html(graph, title=title, height=height))
    return target


def render_html(graph: Graph, *, title: str = "kg knowledge graph", height: str = "800px") -> str:
    """Return the page for *graph* as a string (same graph, same string)."""
    height = str(height).strip()
    if height.isdigit():
        height += "px"
    if not _HEIGHT.fullmatch(height):
        raise KgError("height", f"not a CSS length: {height!r} (use e.g. 800px or 90vh)")
    data = _collect(graph)

    # directed=True only stops pyvis from searching all edges for a duplicate on every
    # add_edge (quadratic); arrows are set per edge.
    net = Network(height=height, width="100%", directed=True, heading=title, cdn_resources="in_line")
    for node in data.nodes:
        net.add_node(node.pop("id"), **node)
    for edge in data.edges:
        net.add_edge(edge.pop("from"), edge.pop("to"), **edge)
    net.options = _options(len(data.nodes), len(data.edges))

    counts = {"entities": len(data.nodes), "relations": len(data.edges), "documents": data.documents}
    shown = [t for t in TYPE_STYLES if t in ENTITY_TYPES or data.per_type.get(t)]
    legend = [{"name": t, "count": data.per_type.get(t, 0), "svg": _shape_svg(*TYPE_STYLES[t])} for t in shown]
    # our template instead of pyvis's (see the module docstring); generate_html renders it
    net.templateEnv = _environment(net.template_dir, counts=counts, legend_types=legend)
    net.path = _TEMPLATE_NAME
    return net.generate_html()


# --------------------------------------------------------------------------- graph -> data
# Each property is read in one pass over its triples (``subject_objects``) into a dict, so the
# cost is linear in the size of the graph, with no query per node or edge.


@dataclass
class _Edge:
    source: Node
    relation: Node
    target: Node
    symmetric: bool
    statements: list[Node] = field(default_factory=list)


@dataclass
class _PageData:
    nodes: list[dict]  # pyvis node dicts, sorted by id
    edges: list[dict]  # pyvis edge dicts, sorted by (from, to, relation)
    documents: int
    per_type: dict[str, int]


def _collect(graph: Graph) -> _PageData:
    doc_names = {d: _document_name(graph, d) for d in graph.subjects(RDF.type, KG.Document)}
    entity_type: dict[Node, str] = {}
    events = {e for name in FACT_EVENT_TYPES for e in graph.subjects(RDF.type, KG[name])}
    for name in (*ENTITY_TYPES, "Entity"):  # most specific first, kg:Entity as fallback
        for entity in graph.subjects(RDF.type, KG[name]):
            if entity not in events:  # visits and signings are already drawn as their edges
                entity_type.setdefault(entity, name)
    label = _first(graph, RDFS.label)
    names = {e: str(label[e]) if e in label else _local_name(e) for e in entity_type}
    edges = _relation_edges(graph, entity_type)

    degree: dict[Node, int] = defaultdict(int)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    per_type: dict[str, int] = defaultdict(int)
    for kind in entity_type.values():
        per_type[kind] += 1
    return _PageData(
        nodes=_node_dicts(graph, entity_type, names, degree, doc_names),
        edges=_edge_dicts(edges, names, _Evidence(graph, doc_names)),
        documents=len(doc_names),
        per_type=dict(per_type),
    )


def _relation_edges(graph: Graph, entity_type: dict[Node, str]) -> list[_Edge]:
    """Every triple between two entities, symmetric ones once, with the statements about it."""
    symmetric = {KG[r] for r in SYMMETRIC_RELATIONS} | set(graph.subjects(RDF.type, OWL.SymmetricProperty))

    def key(s: Node, p: Node, o: Node) -> tuple[Node, Node, Node]:
        if p in symmetric and _sort_key(o) < _sort_key(s):
            s, o = o, s  # both stored directions map to one edge
        return s, p, o

    edges: dict[tuple[Node, Node, Node], _Edge] = {}
    for entity in entity_type:
        for p, o in graph.predicate_objects(entity):
            if o in entity_type and p != RDF.type:
                k = key(entity, p, o)
                edges.setdefault(k, _Edge(k[0], p, k[2], p in symmetric))

    # reified statements (rdf:subject/predicate/object) -> the edge they describe
    predicate, obj = _first(graph, RDF.predicate), _first(graph, RDF.object)
    for statement, s in graph.subject_objects(RDF.subject):
        p, o = predicate.get(statement), obj.get(statement)
        if p is not None and o is not None and (edge := edges.get(key(s, p, o))) is not None:
            edge.statements.append(statement)
    return sorted(edges.values(), key=lambda e: (_sort_key(e.source), _sort_key(e.target), str(e.relation)))


def _node_dicts(
    graph: Graph,
    entity_type: dict[Node, str],
    names: dict[Node, str],
    degree: dict[Node, int],
    doc_names: dict[Node, str],
) -> list[dict]:
    alt = _all(graph, SKOS.altLabel)
    mentioned_in: dict[Node, set[str]] = defaultdict(set)
    for doc, entity in graph.subject_objects(SCHEMA.mentions):
        mentioned_in[entity].add(doc_names.get(doc) or _local_name(doc))

    out = []
    for entity in sorted(entity_type, key=_sort_key):
        kind, name = entity_type[entity], names[entity]
        colour, shape = TYPE_STYLES[kind]
        tip = [f"<b>{_e(name)}</b> <span class='kg-type'>{kind}</span>"]
        if alt.get(entity):
            tip.append("also: " + " · ".join(_e(a) for a in alt[entity]))
        if mentioned_in.get(entity):
            tip.append("mentioned in: " + _listing(sorted(mentioned_in[entity]), sep="; "))
        tip.append(f"<small>{_e(entity)}</small>")
        out.append(
            {
                "id": str(entity),
                "label": name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…",
                "shape": shape,
                "color": colour,
                "size": round(10 + 4 * math.sqrt(degree[entity]), 1),
                "title": "<br>".join(tip),
            }
        )
    return out


def _edge_dicts(edges: list[_Edge], names: dict[Node, str], ev: _Evidence) -> list[dict]:
    out = []
    parallel: dict[frozenset, int] = defaultdict(int)  # edges already drawn between a pair
    for edge in edges:
        extracted = any(s in ev.extracted for s in edge.statements)
        inferred = not extracted and any(s in ev.inferred for s in edge.statements)
        relation = _local_name(edge.relation)
        arrow = "—" if edge.symmetric else "→"
        title = (
            f"<b>{_e(names[edge.source])}</b> {_e(relation)} {arrow} <b>{_e(names[edge.target])}</b>"
            + ev.summary(edge.statements, inferred)
        )
        d = {
            "from": str(edge.source),
            "to": str(edge.target),
            "id": f"{edge.source} {edge.relation} {edge.target}",  # spaces cannot occur in IRIs
            "label": relation,
            "title": title,
            "arrows": "" if edge.symmetric else "to",
            "dashes": inferred,
            "color": INFERRED_COLOR if inferred else EXTRACTED_COLOR,
            "width": 1.5 if inferred else 2,
        }
        pair = frozenset((edge.source, edge.target))
        if parallel[pair]:  # bend further edges between the same two nodes apart
            d["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(min(0.2 * parallel[pair], 0.8), 2)}
        parallel[pair] += 1
        out.append(d)
    return out


class _Evidence:
    """Renders the evidence part of an edge tooltip from per-property indexes of the graph."""

    def __init__(self, graph: Graph, doc_names: dict[Node, str]) -> None:
        self.extracted = set(graph.subjects(RDF.type, KG.ExtractedStatement))
        self.inferred = set(graph.subjects(RDF.type, KG.InferredStatement))
        self.evidence = _all(graph, KG.evidence)
        self.confidence = _first(graph, KG.confidence)
        self.sentence = _first(graph, KG.sentence)
        self.extractor = _first(graph, KG.extractor)
        self.rule = _first(graph, KG.rule)
        self.start = _first(graph, KG.startChar)
        self.derived = _all(graph, PROV.wasDerivedFrom)
        self.sources = _first(graph, KG.sourcePath)
        self.doc_names = doc_names

    def summary(self, statements: Iterable[Node], inferred: bool) -> str:
        statements = list(statements)
        if not statements:
            return "<br>no recorded statement or evidence"
        confidences = [c for s in statements if (c := _number(self.confidence.get(s))) is not None]
        head = "inferred" if inferred else "extracted"
        if confidences:
            head += f" · confidence {max(confidences):.2f}"
        items = sorted({e for s in statements for e in self.evidence.get(s, ())}, key=self._order)
        lines = [self._item(e) for e in items]
        if not lines:
            return f"<br>{head}"
        more = len(lines) - MAX_LISTED
        shown = "".join(f"<li>{line}</li>" for line in lines[:MAX_LISTED])
        tail = f"<li>… and {more} more</li>" if more > 0 else ""
        return f"<br>{head}<ol>{shown}{tail}</ol>"

    def _order(self, evidence: Node) -> tuple:
        docs = [self.doc_names[d] for d in self.derived.get(evidence, ()) if d in self.doc_names]
        start = _number(self.start.get(evidence))
        return (min(docs, default=""), start if start is not None else -1, _sort_key(evidence))

    def _item(self, evidence: Node) -> str:
        parts = []
        if (sentence := self.sentence.get(evidence)) is not None:
            parts.append(f"“{_e(sentence)}”")
        sources = self.derived.get(evidence, ())
        for doc in (d for d in sources if d in self.doc_names):
            where = f"<i>{_e(self.doc_names[doc])}</i>"
            if (path := self.sources.get(doc)) is not None:
                where += f" ({_e(path)})"
            parts.append(where)
        meta = []
        if (rule := self.rule.get(evidence)) is not None:
            premises = sum(1 for d in sources if d not in self.doc_names)
            meta.append(f"rule {_e(rule)}" + (f" from {premises} statement(s)" if premises else ""))
        elif (extractor := self.extractor.get(evidence)) is not None:
            meta.append(f"extractor {_e(extractor)}")
        if (conf := _number(self.confidence.get(evidence))) is not None:
            meta.append(f"{conf:.2f}")
        if meta:
            parts.append(" · ".join(meta))
        return "<br>".join(parts) or _e(evidence)


def _first(graph: Graph, predicate: Node) -> dict[Node, Node]:
    """subject -> one value of *predicate* (the smallest, so repeated runs agree)."""
    return {s: values[0] for s, values in _all(graph, predicate).items()}


def _all(graph: Graph, predicate: Node) -> dict[Node, list[Node]]:
    """subject -> sorted values of *predicate*."""
    out: dict[Node, list[Node]] = defaultdict(list)
    for s, o in graph.subject_objects(predicate):
        out[s].append(o)
    for values in out.values():
        values.sort(key=_sort_key)
    return out


def _document_name(graph: Graph, doc: Node) -> str:
    for predicate in (DCTERMS.title, DCTERMS.identifier):
        values = sorted(graph.objects(doc, predicate), key=_sort_key)
        if values:
            return str(values[0])
    return _local_name(doc)


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


def _e(value: object) -> str:
    """HTML-escape text that came from an article (or an IRI) for a tooltip."""
    return html.escape(str(value), quote=True)


def _listing(items: list[str], sep: str) -> str:
    shown = sep.join(_e(i) for i in items[:MAX_LISTED])
    return shown + (f"{sep}… and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


# --------------------------------------------------------------------------- page


def _options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options: a seeded barnesHut layout that stabilises before it is shown."""
    return {
        "autoResize": True,
        # seeded initial positions: the same graph gets the same layout
        "layout": {"randomSeed": 42, "improvedLayout": n_nodes <= 150},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.25,
                "springLength": 150,
                "springConstant": 0.04,
                "damping": 0.35,
                "avoidOverlap": 0.3,
            },
            "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": n_edges > 2000,
        },
        "configure": {"enabled": False},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {
            "smooth": {"enabled": True, "type": "continuous"},
            "font": {"size": 11, "align": "middle", "color": "#444444", "strokeWidth": 3},
            "arrowStrikethrough": False,
        },
    }


def _script_json(value: object) -> Markup:
    """JSON for a ``<script>`` block: sorted keys, and no ``<``/``>`` that could close it.

    json.dumps leaves ``</script>`` (and ``<!--``) in strings intact, which would end the
    block early; ``\\u003c``/``\\u003e`` are the same characters to JavaScript.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _environment(pyvis_templates: str, **page_globals: object) -> Environment:
    # pyvis's generate_html renders net.path from net.templateEnv; our template comes first,
    # pyvis's own template folder serves the vis-network files it includes.
    env = Environment(
        loader=ChoiceLoader([DictLoader({_TEMPLATE_NAME: _TEMPLATE}), FileSystemLoader(pyvis_templates)]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = _script_json
    env.globals.update(page_globals)
    return env


def _shape_svg(colour: str, shape: str) -> Markup:
    """A 16x16 inline SVG of a vis node shape for the legend."""
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


def _edge_svg(colour: str, dashed: bool, arrow: bool) -> str:
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    head = f'<polygon points="35,5 27,1 27,9" fill="{colour}"/>' if arrow else ""
    return (
        f'<svg width="36" height="10" viewBox="0 0 36 10" aria-hidden="true"><line x1="1" y1="5" '
        f'x2="{28 if arrow else 35}" y2="5" stroke="{colour}" stroke-width="2"{dash}/>{head}</svg>'
    )


_TEMPLATE_NAME = "kg_page.html"
# Rendered by pyvis's generate_html (which passes heading, height, bgcolor, nodes, edges,
# options, ...); counts and legend_types are environment globals. Autoescaping is on.
_TEMPLATE = (
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; }
header { padding: .6em 1em; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.3em; margin: 0; }
header p { margin: .2em 0 0; color: #555; }
main { display: flex; align-items: stretch; }
#mynetwork { flex: 1; min-width: 0; height: {{ height }}; background: {{ bgcolor }}; }
#legend { flex: 0 0 16em; padding: .6em 1em; border-left: 1px solid #ddd; font-size: .9em; }
#legend h2 { font-size: 1em; margin: .4em 0 .2em; }
#legend ul { list-style: none; padding: 0; margin: 0 0 .8em; }
#legend li { display: flex; align-items: center; gap: .5em; margin: .3em 0; }
#legend .count { color: #777; }
div.vis-tooltip { font-family: inherit; white-space: normal; max-width: 30em; font-size: 13px; line-height: 1.35; }
div.vis-tooltip ol { margin: .3em 0 0; padding-left: 1.4em; }
div.vis-tooltip li { margin-bottom: .3em; }
div.vis-tooltip .kg-type, div.vis-tooltip small { color: #666; }
</style>
</head>
<body>
<header>
<h1>{{ heading }}</h1>
<p id="counts">
{%- for name, n in counts.items() %}{{ " · " if not loop.first }}{{ n }} {{ name if n != 1 else name[:-1] }}{% endfor -%}
</p>
</header>
<main>
<div id="mynetwork"></div>
<aside id="legend">
<h2>Entity types</h2>
<ul>
{%- for item in legend_types %}
<li class="legend-type" data-type="{{ item.name }}">{{ item.svg }} {{ item.name }} <span class="count">({{ item.count }})</span></li>
{%- endfor %}
</ul>
<h2>Relations</h2>
<ul>
<li class="legend-edge" data-edge="extracted">"""
    + _edge_svg(EXTRACTED_COLOR, dashed=False, arrow=True)
    + """ extracted from a sentence</li>
<li class="legend-edge" data-edge="inferred">"""
    + _edge_svg(INFERRED_COLOR, dashed=True, arrow=True)
    + """ inferred only (rule, gazetteer)</li>
<li class="legend-edge" data-edge="symmetric">"""
    + _edge_svg(EXTRACTED_COLOR, dashed=False, arrow=False)
    + """ symmetric (signsAgreementWith), drawn once</li>
</ul>
<p>Node size grows with the number of relations. Hover a node or an edge for its evidence.</p>
</aside>
</main>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<script>
var nodes, edges, network;
(function () {
  "use strict";
  // Tooltips are HTML built from html-escaped text. vis-network 9 shows a string title as
  // plain text, so give it a DOM element instead.
  function withHtmlTitle(item) {
    if (typeof item.title === "string") {
      var box = document.createElement("div");
      box.innerHTML = item.title;
      item.title = box;
    }
    return item;
  }
  var kgNodes = {{ nodes|script_json }};
  var kgEdges = {{ edges|script_json }};
  var options = {{ options|safe }};
  nodes = new vis.DataSet(kgNodes.map(withHtmlTitle));
  edges = new vis.DataSet(kgEdges.map(withHtmlTitle));
  network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, options);
  function settled() {
    network.setOptions({physics: {enabled: false}});  // keep the stabilised layout still
    window.kgReady = true;
  }
  if (kgNodes.length === 0) { settled(); } else { network.once("stabilizationIterationsDone", settled); }
})();
</script>
</body>
</html>
"""
)

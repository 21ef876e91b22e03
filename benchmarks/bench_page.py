"""Is a big page still usable? Time to a still layout and frame times, by graph size, in one run.

    python benchmarks/bench_page.py [--sizes 500 1000 2000 5000] [--repeat 3]

For each size N, a synthetic builder-shaped graph of N entities and 1.5 N facts (each a reified
statement with a sentence of evidence; a few hubs, as in news, where a handful of people and places
have most of the relations) is written as a page and opened in headless Chromium
(:mod:`kg.viz.browser`). Measured, medians over the repeats:

* ``write``: seconds to render and write the page (Python);
* ``settled``: seconds from navigation start until the stabilisation iterations are done and
  physics is off (the page's own ``kgReadyAt``);
* ``redraw``: milliseconds to draw one frame once the layout is still, with every edge, and
  ``moving``: the same while dragging or zooming, when big pages hide the edges (33 ms = 30
  frames per second: under it, panning and zooming feel fluid);
* the ratio of each to the smallest size's.

Headless Chromium draws in software here (no GPU), so a desktop browser is faster; compare the
ratios and the sizes, not single times.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.graph.vocab import KG, KGR
from kg.viz import write_html
from kg.viz.browser import chromium, missing, open_page

KINDS = [KG.Person, KG.Organization, KG.Place, KG.Group, KG.Event]
RELATIONS = [KG.visited, KG.includes, KG.locatedIn, KG.signsAgreementWith]

# A synchronous redraw of the whole canvas, as after a pan or zoom step: with every edge, and as
# while dragging or zooming (the page hides edges then on big graphs: hideEdgesOnDrag/Zoom).
REDRAW_JS = """
var net = kg.network;
function median(draw) {
  var times = [];
  for (var i = 0; i < 9; i++) { var t = performance.now(); net.redraw(); times.push(performance.now() - t); }
  times.sort(function (a, b) { return a - b; });
  return times[4];
}
var full = median();
net.renderer.dragging = true;  // vis-network's own flag while the user drags
var moving = median();
net.renderer.dragging = false;
return [full, moving];
"""


def synthetic_graph(n_entities: int, n_facts: int, seed: int = 7) -> Graph:
    """*n_entities* typed, labelled entities and *n_facts* reified facts with evidence."""
    rng = random.Random(seed)
    g = Graph()
    docs = [KGR[f"doc/d{i}"] for i in range(max(1, n_entities // 50))]
    for i, doc in enumerate(docs):
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.title, Literal(f"Article {i}")))
    entities = [KGR[f"entity/e{i}"] for i in range(n_entities)]
    for i, e in enumerate(entities):
        g.add((e, RDF.type, KINDS[i % len(KINDS)]))
        g.add((e, RDFS.label, Literal(f"Entity {i}")))
    weights = [1.0 / (i + 1) ** 0.6 for i in range(n_entities)]  # a few hubs, a long tail
    for i in range(n_facts):
        # every entity takes part at least once, the other side is drawn by weight
        s = entities[i] if i < n_entities else rng.choices(entities, weights)[0]
        o = rng.choices(entities, weights)[0]
        if o == s:
            o = entities[(entities.index(s) + 1) % n_entities]
        p = RELATIONS[i % len(RELATIONS)]
        st, ev, doc = KGR[f"statement/s{i}"], KGR[f"evidence/s{i}"], docs[i % len(docs)]
        g.add((s, p, o))
        g.add((st, RDF.type, KG.InferredStatement if i % 7 == 0 else KG.ExtractedStatement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, KG.confidence, Literal(round(rng.uniform(0.4, 0.95), 2))))
        g.add((st, KG.evidence, ev))
        g.add((ev, PROV.wasDerivedFrom, doc))
        g.add((ev, KG.sentence, Literal(f"Entity {entities.index(s)} met Entity {entities.index(o)} on Tuesday.")))
        g.add((ev, KG.extractor, Literal("bench/pattern")))
    return g


def measure(n: int, repeat: int, folder: Path) -> dict[str, float]:
    graph = synthetic_graph(n, n * 3 // 2)
    writes, settles, redraws, moving = [], [], [], []
    for r in range(repeat):
        start = time.perf_counter()
        page = write_html(graph, folder / f"page-{n}.html")
        writes.append(time.perf_counter() - start)
        with chromium(1280, 800) as driver:  # a fresh browser each time: no warm caches
            settles.append(open_page(driver, page, timeout=600) / 1000)
            full, still = driver.execute_script(REDRAW_JS)
            redraws.append(full)
            moving.append(still)
            drawn = driver.execute_script("return [kg.network.body.data.nodes.length, kg.network.body.data.edges.length]")
    return {"nodes": drawn[0], "edges": drawn[1], "mb": page.stat().st_size / 1e6, "write": statistics.median(writes),
            "settled": statistics.median(settles), "redraw": statistics.median(redraws),
            "moving": statistics.median(moving)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if (why := missing()) is not None:
        print(f"bench_page: {why}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        rows = {n: measure(n, args.repeat, Path(tmp)) for n in args.sizes}
    base = rows[args.sizes[0]]
    print(f"{args.repeat} runs per size, medians; ratios against {args.sizes[0]} entities")
    print(f"{'entities':>8} {'drawn':>11} {'page MB':>7} {'write s':>8} {'settled s':>9} {'ratio':>6} "
          f"{'redraw ms':>9} {'ratio':>6} {'moving ms':>9}")
    for n, row in rows.items():
        print(f"{n:>8} {row['nodes']:>5}/{row['edges']:<5} {row['mb']:>7.1f} {row['write']:>8.2f} "
              f"{row['settled']:>9.2f} {row['settled'] / base['settled']:>6.1f} {row['redraw']:>9.1f} "
              f"{row['redraw'] / base['redraw']:>6.1f} {row['moving']:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

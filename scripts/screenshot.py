"""The README screenshot: the example article's page, with an edge's evidence in the panel.

    python scripts/screenshot.py [-o docs/img/example-page.png]

Builds ``examples/zhejiang_visit.txt``, writes its page, opens it in headless Chromium at
1280x800 (see :mod:`kg.viz.browser`), clicks the edge of the first dated visit so that the
panel shows its sentences, and saves the PNG.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import kg
from kg.viz.browser import chromium, missing, open_page

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "img" / "example-page.png")
    args = ap.parse_args(argv)
    if (why := missing()) is not None:
        print(f"screenshot: {why}", file=sys.stderr)
        return 1
    graph = kg.build([ROOT / "examples" / "zhejiang_visit.txt"])
    with tempfile.TemporaryDirectory() as tmp, chromium(1280, 800) as driver:
        page = graph.to_html(Path(tmp) / "zhejiang.html", title="Hong Kong Chief Executive visits Zhejiang")
        open_page(driver, page)
        # the edge of the first dated event that has one, as a click on the timeline would
        edge = driver.execute_script(
            "var t = kg.data.timeline.filter(function (t) { return t.edges.length; })[0];"
            "return t ? t.edges[0] : kg.data.edges[0].id;")
        # a click on that edge, as vis-network reports it to the page (the view stays as it is)
        driver.execute_script("kg.network.selectEdges([arguments[0]]);"
                              "kg.network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]]});", edge)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.output))
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Use kg from Python: build a graph from the bundled article, query it, analyse it, draw it.

    python examples/api_example.py [OUTPUT_FOLDER]
"""
from __future__ import annotations

import sys
from pathlib import Path

import kg

HERE = Path(__file__).resolve().parent


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    graph = kg.build([HERE / "zhejiang_visit.txt"])

    # SPARQL: kg:, kgr:, rdfs:, prov:, dcterms: ... are pre-bound
    result = graph.query("""
        SELECT ?who ?where WHERE { ?a kg:visited ?b . ?a rdfs:label ?who . ?b rdfs:label ?where }
        ORDER BY ?who ?where""")
    for who, where in result.rows:
        print(f"{who} visited {where}")

    # networkx: most connected entities
    network = graph.to_networkx()
    top = sorted(network.nodes, key=lambda n: (-network.degree(n), network.nodes[n]["label"]))[:5]
    print("most connected:", ", ".join(network.nodes[n]["label"] for n in top))

    graph.serialize(out / "zhejiang.ttl")
    graph.to_html(out / "zhejiang.html", title="Hong Kong Chief Executive visits Zhejiang")
    again = kg.load(out / "zhejiang.ttl")
    print(f"wrote {out / 'zhejiang.ttl'} ({len(again)} triples) and {out / 'zhejiang.html'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))

"""Endpoint throughput: queries/second of ``kg serve`` with concurrent HTTP clients, side by side
with the same queries answered in-process (``run_query`` + SPARQL JSON, one thread).

    python benchmarks/bench_serve.py [--clients 8] [--rounds 5] [--per-round 200] [--workers 2]

The graph is the bundled example (examples/zhejiang_visit.txt), built once; the queries are
examples/queries/*.rq in turn. Each round sends ``--per-round`` queries from ``--clients``
threads; rounds alternate with in-process rounds so that machine noise hits both alike, and the
medians and their ratio are printed. The machine is shared: compare ratios, not single numbers.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import kg
from kg.query import run_query

ROOT = Path(__file__).resolve().parents[1]


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def post(endpoint: str, query: str) -> int:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={"Accept": "application/sparql-results+json"})
    with _DIRECT.open(request, timeout=60) as response:
        response.read()
        return response.status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--per-round", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)

    queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "queries").glob("*.rq"))]
    batch = [queries[i % len(queries)] for i in range(args.per_round)]
    graph = kg.build([ROOT / "examples" / "zhejiang_visit.txt"])
    with tempfile.TemporaryDirectory() as tmp:
        graph_file = graph.serialize(Path(tmp) / "zhejiang.ttl")
        server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph_file), "--port", "0",
                                   "--workers", str(args.workers)], stderr=subprocess.PIPE, text=True)
        try:
            line = server.stderr.readline()
            endpoint = line.split(" at ", 1)[1].split("/ ", 1)[0] + "/sparql"
            for query in queries:  # warm up every worker on every query
                for _ in range(args.workers):
                    assert post(endpoint, query) == 200
            http_qps, local_qps = [], []
            with ThreadPoolExecutor(args.clients) as pool:
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    assert set(pool.map(lambda q: post(endpoint, q), batch)) == {200}
                    http_qps.append(len(batch) / (time.perf_counter() - start))
                    start = time.perf_counter()
                    for query in batch:
                        run_query(graph.graph, query).to_json()
                    local_qps.append(len(batch) / (time.perf_counter() - start))
        finally:
            server.terminate()
            server.wait(timeout=10)
    h, loc = statistics.median(http_qps), statistics.median(local_qps)
    print(f"graph: {len(graph)} triples; {len(queries)} example queries; {args.rounds} rounds of {len(batch)} queries, medians")
    print(f"kg serve, {args.clients} HTTP clients, {args.workers} workers: {h:8.1f} queries/s")
    print(f"in-process run_query, 1 thread:              {loc:8.1f} queries/s")
    print(f"ratio serve / in-process: {h / loc:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

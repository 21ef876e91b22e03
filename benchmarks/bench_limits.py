"""What the resource bounds cost: ``kg.build`` with the default limits (``--doc-timeout 60``:
batches parsed under a SIGALRM deadline, each document's extraction under another; the size
check) against the same build with no limits (``doc_timeout=0, max_doc_size=0``: plain
``nlp.pipe``), side by side in one run.

    python benchmarks/bench_limits.py [--repeat 5] [--copies 2]

The corpus is the development articles (``../shared/data/dev/*.txt``) or, without them, the
bundled example, copied ``--copies`` times. The two builds alternate in each round (in turn
first); the medians and the ratio limited / unlimited are printed, with what one deadline costs. The machine is shared and noisy: read the ratio.
"""
from __future__ import annotations

import argparse
import statistics
import time
import timeit

from corpus import corpus  # benchmarks/corpus.py, beside this script

import kg
from kg import settings
from kg.limits import deadline
from kg.nlp.pipeline import load_pipeline


def _one_deadline() -> None:
    with deadline(60, "x"):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    texts = corpus(args.copies)
    load_pipeline()  # loaded once, outside the timings
    runs = {"limited (defaults)": {"doc_timeout": settings.DOC_TIMEOUT, "max_doc_size": settings.MAX_DOC_SIZE},
            "unlimited": {"doc_timeout": 0, "max_doc_size": 0}}
    times: dict[str, list[float]] = {name: [] for name in runs}
    sizes: dict[str, int] = {}
    for round_ in range(args.repeat):
        order = list(runs.items()) if round_ % 2 == 0 else list(runs.items())[::-1]  # ABBA: no order bias
        for name, options in order:
            start = time.perf_counter()
            graph = kg.build(texts=texts, **options)
            times[name].append(time.perf_counter() - start)
            sizes[name] = len(graph)
    assert len(set(sizes.values())) == 1, sizes  # the same graph either way
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{len(texts)} documents, {args.repeat} rounds, {sizes['unlimited']} triples")
    for name, value in medians.items():
        print(f"  {name:20s} median {value:7.2f} s  ({len(texts) / value:6.1f} docs/s)")
    print(f"  ratio limited / unlimited: {medians['limited (defaults)'] / medians['unlimited']:.3f}")
    one = timeit.timeit(_one_deadline, number=20_000) / 20_000
    print(f"  one deadline (arm and disarm): {one * 1e6:.1f} µs; per document about 2 of them")


if __name__ == "__main__":
    main()

"""Build throughput: kg's whole pipeline against spaCy's parse alone, side by side in one run.

    python benchmarks/bench_build.py [--repeat 5] [--copies 10]

The corpus is the development articles (``../shared/data/dev/*.txt``) or, without them, the
bundled example, copied ``--copies`` times with the names varied in each copy (``corpus.py``). Each measurement is repeated and the median is printed with the ratio
kg / spaCy-only: how much entity resolution, relation patterns and RDF mapping cost on top of
the parse. The machine is shared and noisy, so compare ratios, not single times.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys

import spacy
from corpus import corpus, timed  # benchmarks/corpus.py, beside this script

import kg
from kg import settings
from kg.nlp.pipeline import load_pipeline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args(argv)
    texts = corpus(args.copies)
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(settings.DEFAULT_MODEL)
    load_pipeline()  # load once, outside the timings (both sides are measured warm)
    kg.build(texts=texts[:2])

    spacy_times, kg_times = [], []
    for _ in range(args.repeat):  # interleaved, so that machine noise hits both sides alike
        spacy_times.append(timed(lambda: list(bare.pipe(texts, batch_size=settings.BATCH_SIZE))))
        kg_times.append(timed(lambda: kg.build(texts=texts)))
    s, k = statistics.median(spacy_times), statistics.median(kg_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} documents, {words} words; {args.repeat} runs each, medians")
    print(f"spaCy parse only : {s:7.2f} s  {len(texts) / s:7.1f} docs/s  {words / s:9.0f} words/s")
    print(f"kg build (graph) : {k:7.2f} s  {len(texts) / k:7.1f} docs/s  {words / k:9.0f} words/s")
    print(f"ratio kg / spaCy : {k / s:7.2f}")
    print(f"peak RSS         : {peak_mb:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

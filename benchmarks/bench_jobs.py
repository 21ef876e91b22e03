"""Parallel build throughput: ``kg.build(jobs=N)`` against ``jobs=1``, side by side in one run.

    python benchmarks/bench_jobs.py [--jobs 2] [--repeat 3] [--copies 2]

The corpus is generated here and never written to disk: the development articles
(``../shared/data/dev/*.txt``, else the bundled example) copied ``--copies`` times, each copy with
its capitalised words (the names of people, places and organisations) changed, so that every
copy is a distinct document with distinct entities. Each way is timed whole, including starting
the worker processes, interleaved with the others so that machine noise hits them alike; the
medians and the speed-up are printed. A third way, spaCy's own ``nlp.pipe(n_process=N)`` with the
extraction and RDF mapping in the parent process, shows why kg sends whole documents to workers.
"""
from __future__ import annotations

import argparse
import statistics
import sys

from corpus import corpus, timed  # benchmarks/corpus.py, beside this script

import kg
from kg.extract.extractor import extract
from kg.extract.patterns import load_patterns
from kg.graph.mapping import facts_triples
from kg.graph.store import MemoryStore
from kg.ingest import documents_from_texts
from kg.nlp.pipeline import load_pipeline
from kg.nlp.prepare import prepare


def spacy_n_process(texts: list[str], jobs: int) -> None:
    """Parse with ``nlp.pipe(n_process=jobs)``; extract and map in this process."""
    nlp, patterns, store = load_pipeline(), load_patterns(), MemoryStore()
    pairs = ((prepare(d.text), d) for d in documents_from_texts(texts))
    for doc, document in nlp.pipe(pairs, as_tuples=True, n_process=jobs, batch_size=8):
        store.add(facts_triples(document, extract(doc, document.id, text=document.text, patterns=patterns, date=document.date)))
    store.finalize()




def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--no-spacy", action="store_true", help="leave out the nlp.pipe(n_process=N) comparison")
    args = ap.parse_args(argv)
    texts = corpus(args.copies)
    words = sum(len(t.split()) for t in texts)
    load_pipeline()
    kg.build(texts=texts[:2])  # warm: the in-process side is measured with its model loaded, as the workers start cold

    same = kg.build(texts=texts, jobs=args.jobs).graph.serialize(format="nt") == kg.build(texts=texts).graph.serialize(format="nt")
    times: dict[str, list[float]] = {"jobs=1": [], f"jobs={args.jobs}": [], f"spaCy n_process={args.jobs}": []}
    for _ in range(args.repeat):
        times["jobs=1"].append(timed(lambda: kg.build(texts=texts)))
        times[f"jobs={args.jobs}"].append(timed(lambda: kg.build(texts=texts, jobs=args.jobs)))
        if not args.no_spacy:
            try:
                times[f"spaCy n_process={args.jobs}"].append(timed(lambda: spacy_n_process(texts, args.jobs)))
            except Exception as exc:  # noqa: BLE001  report, do not fail the benchmark
                print(f"spaCy n_process failed: {type(exc).__name__}: {exc}")
                args.no_spacy = True
    print(f"corpus: {len(texts)} generated documents, {words} words; {args.repeat} runs each, medians")
    base = statistics.median(times["jobs=1"])
    for name, values in times.items():
        if values:
            t = statistics.median(values)
            print(f"{name:22}: {t:7.2f} s  {len(texts) / t:6.1f} docs/s  speed-up {base / t:5.2f}x")
    print(f"jobs={args.jobs} graph identical to jobs=1: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Oxigraph store against rdflib in memory, side by side in one run.

    python benchmarks/bench_store.py [--triples 1000000] [--repeat 5] [--docs 1000] [--scale 10]

1. **Data**: the development articles (``../shared/data/dev/*.txt``, else the bundled example)
   are built once in memory; their triples are replicated up to ``--triples``, copy *k* with
   renamed resource IRIs (``kgr:c<k>/…``) and its names varied the way ``corpus.vary`` varies
   copy *k* of an article ("Zhejiang" → "Zhejiangva" in copy 1): labels, alternative labels,
   document titles and evidence sentences. Copy 0 keeps the original names, so a query that
   names "Zhejiang" finds one Zhejiang, as it would in a corpus of that many different articles.
2. **Load and serialise**: that N-Triples file loaded into a fresh on-disk Oxigraph store
   (``Store.bulk_load``) and into an rdflib ``Graph``; then both written back as N-Triples and
   Turtle.
3. **Queries**: every ``examples/queries/*.rq`` (or ``--queries DIR``), median time on the
   Oxigraph store (through ``OxigraphStore.query``: the result as kg's ``QueryResult``) and with
   rdflib in memory. Target: every query under 100 ms on the store. An example that answers a
   focused question (a line ``VALUES ?var { "name" }``) is also timed with that line deleted, on
   the store only: the listing of every fact of its kind, for the record.
4. **Memory**: peak RSS of ``kg.build(..., store="oxigraph:DIR")`` over ``--docs`` and
   ``--docs × --scale`` small generated articles, each build in its own process. Target: the
   larger build at most 1.3× the smaller one's peak. Each article has names of its own, made
   from its number in letters ("Bebaba Works", "Alex Bebabason", "Bebabaport": the NER drops
   digits, so "Port City 12" was one node in thousands of articles), and one of eight countries,
   each of which is then named in an eighth of the articles, as a country is in a wire feed.
   ``--same-names`` builds the previous articles instead, whose few names recur in most of
   them: a worst case for combining evidence, which must read every article's evidence for a
   node each time a group of documents touches it.

The machine is shared and noisy: figures are medians of ``--repeat`` runs; compare the ratios.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from corpus import article_files, timed, vary  # benchmarks/corpus.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
KGR = "https://w3id.org/newskg/id/"
#: the predicates whose literals are names or article text: what varies between articles
VARIED = ("<http://www.w3.org/2000/01/rdf-schema#label>", "<http://www.w3.org/2004/02/skos/core#altLabel>",
          "<http://purl.org/dc/terms/title>", "<https://w3id.org/newskg/ontology#sentence>")
#: an example query's focus, which its comment says to delete for every fact of its kind
FOCUS = re.compile(r'^\s*VALUES \?(\w+) \{ "([^"]*)" \}\s*\n', re.MULTILINE)


def base_ntriples() -> list[str]:
    """The development articles' graph as N-Triples lines."""
    import kg

    data = kg.build(article_files()).graph.serialize(format="nt")
    return [line for line in data.splitlines() if line.strip()]


def _split(line: str) -> tuple[str, str | None, str]:
    """A line as (head, lexical form, tail) when its object is a varied literal, else (line, None, "")."""
    _, predicate, rest = line.split(" ", 2)
    if predicate not in VARIED or not rest.startswith('"'):
        return line, None, ""
    close = line.rindex('"')  # the suffix (@lang, ^^<datatype>, " .") holds no quote
    start = len(line) - len(rest) + 1
    return line[:start], line[start:close], line[close:]


def copy_lines(parts: list[tuple[str, str | None, str]], copy: int) -> list[str]:
    """Copy *copy* of the graph: IRIs under ``kgr:c<copy>/``, names varied; copy 0 as built."""
    prefix = KGR if copy == 0 else f"{KGR}c{copy}/"
    return [head.replace(KGR, prefix) if text is None else head.replace(KGR, prefix) + vary(text, copy) + tail
            for head, text, tail in parts]


def replicate(lines: list[str], triples: int, path: Path) -> int:
    """Write copies of *lines* to *path* until *triples* lines are written; the count."""
    parts = [_split(line) for line in lines]
    written = copy = 0
    with path.open("w", encoding="utf-8") as out:
        while written < triples:
            chunk = copy_lines(parts, copy)[: triples - written]
            out.write("\n".join(chunk) + "\n")
            written += len(chunk)
            copy += 1
    return written


def median_time(func, repeat: int) -> float:
    return statistics.median(timed(func) for _ in range(repeat))


#: One generated article: its names are made from its number (:func:`name`), so that every
#: article adds new nodes, and it names one of :data:`COUNTRIES`.
TEMPLATE = """Delegation {w} Visits {w}port

Mayor Alex {w}son visited {w}port on Tuesday. The {w} Harbour Group includes {w} Works and {w} Foods.

{w} Works signed an agreement with {w} Foods on Wednesday. The {w} Harbour Group is based in {w}port, {country}.
"""
COUNTRIES = ("Kenya", "Chile", "Norway", "Vietnam", "Canada", "Egypt", "Peru", "Poland")
#: The previous articles (``--same-names``): the NER drops the numbers, so their few names recur
#: in most articles ("Port City" in about 60 % of them).
SAME_NAMES_TEMPLATE = """Delegation {n} Visits Port City {n}

Mayor Alex Walker{n} visited Port City {n} on Tuesday. The Harbour Group {n} includes Acme Works {n} and Delta Foods {n}.

Acme Works {n} signed an agreement with Delta Foods {n} on Wednesday. The Harbour Group {n} is based in Port City {n}.
"""
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70: three make 343,000 names


def name(n: int) -> str:
    """Article *n*'s name stem, in letters: 0 → "Bababa", 1 → "Bebaba"."""
    letters = ""
    for _ in range(3):
        n, digit = divmod(n, len(_SYLLABLES))
        letters += _SYLLABLES[digit]
    return letters.capitalize()


def article(template: str, n: int) -> str:
    """Generated article *n*."""
    return template.format(n=n, w=name(n), country=COUNTRIES[n % len(COUNTRIES)])


_MEMORY_CHILD = textwrap.dedent("""
    import resource, sys, kg
    sys.path.insert(0, sys.argv[4])
    from bench_store import article
    n, path, template = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    texts = (article(template, i) for i in range(n))   # streamed, never a list
    graph = kg.build(texts=texts, store="oxigraph:" + path)
    try:  # this process's own peak: Linux's ru_maxrss keeps the parent's peak across exec
        with open("/proc/self/status") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(kib, len(graph))
""")


def peak_rss(docs: int, folder: Path, template: str = TEMPLATE) -> tuple[float, int, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(docs), str(folder / f"mem{docs}.db"), template,
                           str(Path(__file__).resolve().parent)], capture_output=True, text=True, check=True)
    kib, triples = done.stdout.split()
    return int(kib) / 1024, int(triples), time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--queries", type=Path, default=ROOT / "examples" / "queries", help="folder of .rq files to time")
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement (loads, dumps and rdflib queries: at most 3)")
    ap.add_argument("--docs", type=int, default=1000, help="documents in the smaller memory build")
    ap.add_argument("--scale", type=int, default=10, help="the larger memory build has --docs × --scale documents")
    ap.add_argument("--skip-memory", action="store_true", help="leave out the peak-memory builds")
    ap.add_argument("--only-memory", action="store_true", help="only the peak-memory builds")
    ap.add_argument("--same-names", action="store_true",
                    help="memory builds over the previous articles, whose few names recur in most of them")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        if not args.only_memory:
            compare(args, Path(tmp))
        if not args.skip_memory:
            memory(args, Path(tmp))
    return 0


def compare(args: argparse.Namespace, folder: Path) -> None:
    """Load, serialise and query ``--triples`` triples with Oxigraph and with rdflib; print a table."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.graph.stores.oxigraph import OxigraphStore
    from kg.graph.vocab import PREFIXES
    from kg.query import run_query

    rows: list[tuple[str, str, str, str, str]] = []  # what, oxigraph, rdflib, ratio, target
    data = folder / "data.nt"
    count = replicate(base_ntriples(), args.triples, data)
    print(f"data: {count} triples ({data.stat().st_size / 1e6:.0f} MB of N-Triples)", flush=True)

    def load_ox() -> None:
        store = ox.Store(str(folder / f"load{time.perf_counter_ns()}.db"))
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)

    def load_rdflib() -> None:
        Graph().parse(data, format="nt")

    repeat_big = max(1, min(args.repeat, 3))
    t_ox, t_rdf = median_time(load_ox, repeat_big), median_time(load_rdflib, repeat_big)
    rows.append(("load N-Triples (s)", f"{t_ox:.2f}", f"{t_rdf:.2f}", f"{t_rdf / t_ox:.1f}×", ""))

    store_dir = folder / "store.db"
    ox.Store(str(store_dir)).bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
    store = OxigraphStore(store_dir, read_only=True)
    graph = Graph()
    graph.parse(data, format="nt")
    for fmt, ox_fmt in (("nt", ox.RdfFormat.N_TRIPLES), ("turtle", ox.RdfFormat.TURTLE)):
        t_ox = median_time(lambda f=ox_fmt: store.store.dump(format=f, from_graph=ox.DefaultGraph()), repeat_big)
        t_rdf = median_time(lambda f=fmt: graph.serialize(format=f), repeat_big)
        rows.append((f"serialise {fmt} (s)", f"{t_ox:.2f}", f"{t_rdf:.2f}", f"{t_rdf / t_ox:.1f}×", ""))

    listings: list[tuple[str, str]] = []
    for query_file in sorted(args.queries.glob("*.rq")):
        text = query_file.read_text(encoding="utf-8")
        t_ox = median_time(lambda q=text: store.query(q), args.repeat)
        t_engine = median_time(lambda q=text: list(store.store.query(q, prefixes=PREFIXES)), args.repeat)
        t_rdf = median_time(lambda q=text: run_query(graph, q), repeat_big)
        n = len(store.query(text).rows)
        rows.append((f"query {query_file.stem} ({n} rows) (ms)", f"{t_ox * 1000:.1f}", f"{t_rdf * 1000:.0f}",
                     f"{t_rdf / t_ox:.0f}×", ("ok < 100 ms" if t_ox < 0.1 else "MISSED < 100 ms")
                     + f" (engine alone {t_engine * 1000:.1f} ms)"))
        if FOCUS.search(text):
            listings.append((query_file.stem, FOCUS.sub("", text)))
    for stem, text in listings:  # the store only: rdflib takes minutes over these
        t_ox = median_time(lambda q=text: store.query(q), repeat_big)
        n = len(store.query(text).rows)
        rows.append((f"  {stem} without its focus ({n} rows) (ms)", f"{t_ox * 1000:.0f}", "-", "", "listing, for the record"))
    print(f"load, serialise, queries: medians of {args.repeat} runs ({repeat_big} for rdflib and the big ones)")
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'oxigraph':>10}  {'rdflib':>10}  {'rdflib/ox':>9}  target")
    for what, a, b, ratio, target in rows:
        print(f"{what:{width}}  {a:>10}  {b:>10}  {ratio:>9}  {target}", flush=True)


def memory(args: argparse.Namespace, folder: Path) -> None:
    """Peak RSS of a small and a large build into an Oxigraph store, each in its own process."""
    template = SAME_NAMES_TEMPLATE if args.same_names else TEMPLATE
    small, small_triples, small_time = peak_rss(args.docs, folder, template)
    big, big_triples, big_time = peak_rss(args.docs * args.scale, folder, template)
    ratio = big / small
    kind = "the same names in most articles" if args.same_names else "names of their own"
    print(f"peak RSS, kg.build into oxigraph, articles with {kind}: {args.docs} docs {small:.0f} MB ({small_triples} triples, {small_time:.0f} s); "
          f"{args.docs * args.scale} docs {big:.0f} MB ({big_triples} triples, {big_time:.0f} s); "
          f"ratio {ratio:.2f} (target ≤ 1.3: {'ok' if ratio <= 1.3 else 'MISSED'})")
    print(json.dumps({"small_mb": round(small, 1), "big_mb": round(big, 1), "ratio": round(ratio, 3)}))


if __name__ == "__main__":
    sys.exit(main())

"""Start-up cost of a command-line build: ``kg build`` of the bundled example with the gazetteer
tables read from their disk copy against built from the data packages (``KG_CACHE_DIR=off``),
side by side in one run.

    python benchmarks/bench_startup.py [--repeat 5] [--jobs 1]

Each run is a fresh process (as a user's every ``kg build`` is), the two ways interleaved so that
machine noise hits them alike; the copy is written by a first, untimed run into a temporary
folder. Prints the medians and their ratio.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import timed  # benchmarks/corpus.py, beside this script

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "zhejiang_visit.txt"


def build(cache: str, out: Path, jobs: int) -> None:
    env = {**os.environ, "KG_CACHE_DIR": cache}
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(EXAMPLE), "-o", str(out), "-q", "--infer",
                    "--jobs", str(jobs)], env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = str(folder / "cache")
        build(cache, folder / "warm-up.ttl", args.jobs)  # writes the copy
        times: dict[str, list[float]] = {"tables built": [], "tables read": []}
        for i in range(args.repeat):
            ways = [("tables built", "off"), ("tables read", cache)]
            for name, setting in ways if i % 2 == 0 else ways[::-1]:
                times[name].append(timed(lambda: build(setting, folder / f"{name[7:]}.ttl", args.jobs)))
        same = (folder / "built.ttl").read_bytes() == (folder / "read.ttl").read_bytes()
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    for name, median in medians.items():
        print(f"{name:13s} median {median:6.2f} s  ({', '.join(f'{t:.2f}' for t in times[name])})")
    print(f"ratio built / read: {medians['tables built'] / medians['tables read']:.2f}  (graphs identical: {same})")
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

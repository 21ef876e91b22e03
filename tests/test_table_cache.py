"""The disk copy of the gazetteer tables: read back equal, rebuilt when damaged, off on request,
and a build that reads it writes the same graph as one that builds the tables."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import table_cache
from kg.extract.table_cache import cached

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "zhejiang_visit.txt"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_a_table_is_built_once_then_read_back_equal(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    value = {"paris": [("FR", 2_100_000), ("US", 25_000)], "names": frozenset({"a", "b"})}
    build, calls = _counting(value)
    assert cached("sample", build) == value
    assert cached("sample", build) == value
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["sample"]


def test_a_damaged_copy_is_rebuilt_and_replaced(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    build, calls = _counting(("x", 1))
    cached("sample", build)
    (copy,) = tmp_path.iterdir()
    copy.write_bytes(b"\x00not a table")
    assert cached("sample", build) == ("x", 1)
    assert len(calls) == 2
    assert cached("sample", build) == ("x", 1) and len(calls) == 2  # the replacement is read


def test_the_cache_can_be_turned_off_and_an_unwritable_one_is_ignored(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    assert table_cache.cache_dir() is None
    build, calls = _counting([1, 2])
    assert cached("sample", build) == [1, 2] and cached("sample", build) == [1, 2]
    assert len(calls) == 2
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked / "kg"))
    assert cached("sample", build) == [1, 2]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the bundled example is missing")
def test_a_build_from_the_cached_tables_writes_the_same_graph(tmp_path) -> None:
    def build(out: Path, cache: str) -> None:
        env = {**os.environ, "KG_CACHE_DIR": cache}
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(EXAMPLE), "-o", str(out), "-q", "--infer"],
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr

    cache = tmp_path / "cache"
    build(tmp_path / "off.ttl", "off")
    build(tmp_path / "first.ttl", str(cache))  # builds the tables and writes them
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["country", "geo", "geo", "place", "place"]  # geo: places, provinces; place: names, acronyms
    build(tmp_path / "second.ttl", str(cache))  # reads them
    assert (tmp_path / "first.ttl").read_bytes() == (tmp_path / "off.ttl").read_bytes()
    assert (tmp_path / "second.ttl").read_bytes() == (tmp_path / "off.ttl").read_bytes()

"""``kg build --dask ADDRESS``: parse and extract on a real Dask cluster (a ``LocalCluster`` of two
worker processes on 127.0.0.1), and the client writes the same graph, byte for byte, as a build in
one process; an unreachable scheduler is a one-line error."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kg import settings

distributed = pytest.importorskip("distributed")

ARTICLE = """Trade News {n}

Mayor {person} visited {place} on Tuesday. She met local business leaders there.

Acme Corp signed an agreement with Globex Inc in {place} on Wednesday.
"""
PEOPLE = ["Jane Doe", "Carlos Mendes", "Amara Okafor", "Li Wei", "Sofia Rossi"]
PLACES = ["Springfield", "Shelbyville", "Ogdenville", "Capital City", "Brockway"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local


def test_dask_build_equals_local_build(run_cli, cluster, tmp_path: Path) -> None:
    for n, (person, place) in enumerate(zip(PEOPLE, PLACES)):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE.format(n=n, person=person, place=place), encoding="utf-8")
    local, remote = tmp_path / "local.nt", tmp_path / "dask.nt"
    assert run_cli("build", tmp_path, "-o", local, "-q", "--jobs", "1").exit_code == 0
    # chunks of two documents, so that several tasks run on both workers and come back out of order
    result = run_cli("build", tmp_path, "-o", remote, "--dask", cluster.scheduler_address, "--batch-size", "2")
    assert result.exit_code == 0, result.output
    assert "kg: 5 document(s)" in result.stderr
    assert remote.read_bytes() == local.read_bytes()
    assert b"sofia_rossi" in remote.read_bytes()


def test_unreachable_scheduler_is_one_line(run_cli, article_file: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(settings, "DASK_CONNECT_TIMEOUT", "1s")
    out = tmp_path / "g.ttl"
    result = run_cli("build", article_file, "-o", out, "--dask", f"tcp://127.0.0.1:{port}")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: tcp://127.0.0.1:{port}: cannot connect to the Dask scheduler")
    assert not out.exists()

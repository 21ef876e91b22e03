"""A remote SPARQL 1.1 store: a real Oxigraph server (``oxigraph serve``, from the PyPI package
``oxigraph``) on 127.0.0.1, started and stopped by the tests; skipped when the binary is missing."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.graph.stores.remote import SparqlStore, endpoints


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(location: Path, port: int) -> subprocess.Popen:
    return subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_ready(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph server on port {port} did not start")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = start_server(tmp_path / "server.db", port)
    try:
        wait_ready(port)
        yield f"sparql:http://127.0.0.1:{port}/query"
    finally:
        stop(process)


def test_endpoint_convention() -> None:
    assert endpoints("http://h:7878/query") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:3030/ds/sparql") == ("http://h:3030/ds/sparql", "http://h:3030/ds/update")
    assert endpoints("http://h/repo") == ("http://h/repo", "http://h/repo")
    assert endpoints("http://h/q|http://h/u") == ("http://h/q", "http://h/u")


def test_build_into_a_server_and_query_it(run_cli, tmp_path: Path, articles, server: str, monkeypatch) -> None:
    a, b = articles
    monkeypatch.setattr(SparqlStore, "batch_triples", 100)  # several INSERT DATA requests per run
    first = run_cli("build", a, "--store", server)
    assert first.exit_code == 0, first.output
    assert "1 added, 0 skipped (already in store)" in first.stderr
    stored = tmp_path / "stored.nt"
    second = run_cli("build", a, b, "--store", server, "-o", stored)
    assert "1 added, 1 skipped (already in store)" in second.stderr, second.stderr
    memory = tmp_path / "memory.nt"
    assert run_cli("build", a, b, "-o", memory, "-q").exit_code == 0
    assert stored.read_bytes() == memory.read_bytes()

    result = run_cli("query", server, "SELECT ?c (COUNT(?e) AS ?n) WHERE { ?st rdf:subject person:jane_doe ; "
                     "rdf:predicate kg:visited ; kg:confidence ?c ; kg:evidence ?e } GROUP BY ?c", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].endswith(",2")  # evidence from both runs
    ask = run_cli("query", server, "ASK { person:jane_doe kg:visited place:springfield }", "--format", "json")
    assert '"boolean": true' in ask.stdout
    bad = run_cli("query", server, "SELECT ?x WHERE {")
    assert bad.exit_code == 2 and bad.stderr.startswith("kg: error: query: the store refused the query: HTTP 400")
    stats = run_cli("stats", server, "--json")
    assert stats.exit_code == 0 and '"documents": 2' in stats.stdout


def test_unreachable_store_is_one_line(run_cli, article_file: Path, monkeypatch) -> None:
    monkeypatch.setattr(SparqlStore, "backoff", 0.01)
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run_cli("build", article_file, "--store", f"sparql:{url}")
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert line.startswith(f"kg: error: sparql:{url}: cannot reach the store (") and "refused" in line.lower(), line


def test_store_that_comes_up_late_is_retried(run_cli, tmp_path: Path, article_file: Path, monkeypatch) -> None:
    """Connection refused while the server starts: the build retries with backoff and succeeds."""
    oxigraph_binary()
    monkeypatch.setattr(SparqlStore, "backoff", 0.5)  # 0.5 + 1 + 2 + 4 s of retries
    port = free_port()
    started: list[subprocess.Popen] = []
    timer = threading.Timer(1.0, lambda: started.append(start_server(tmp_path / "late.db", port)))
    timer.start()
    try:
        result = run_cli("build", article_file, "--store", f"sparql:http://127.0.0.1:{port}/query")
        assert result.exit_code == 0, result.output
        assert "1 added" in result.stderr
    finally:
        timer.join()
        for process in started:
            stop(process)

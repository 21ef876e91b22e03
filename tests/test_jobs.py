"""``kg build --jobs N``: worker processes give the same bytes as an in-process build, a document
that fails in a worker is reported in one line and skipped, and the progress display stays off
when stderr is not a terminal (and shows documents, docs/s and ETA when it is)."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from kg import settings

PEOPLE = ["Jane Doe", "Carlos Mendes", "Amara Okafor", "Li Wei", "Sofia Rossi", "Jonas Berg", "Priya Nair", "Tom Hale", "Ana Lima"]
PLACES = ["Springfield", "Shelbyville", "Ogdenville", "Capital City", "Brockway", "North Haverbrook", "Cypress Creek",
          "Waverly Hills", "Dunmore"]

ARTICLE = """Trade News {n}

Mayor {person} visited {place} on Tuesday. She met local business leaders there.

The consortium is based in {place}. The consortium includes Acme Corp and Globex Inc.

Acme Corp signed an agreement with Globex Inc on Wednesday.
"""

PLUGIN = '''
def fail_on_marker(doc):
    if "Dunmore" in doc.text:
        raise RuntimeError("plug-in failed on purpose")
    return []
'''


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nine short articles (more than PARALLEL_MIN_DOCUMENTS, so --jobs 2 starts workers)."""
    folder = tmp_path_factory.mktemp("jobs_corpus")
    for n, (person, place) in enumerate(zip(PEOPLE, PLACES)):
        (folder / f"article_{n}.txt").write_text(ARTICLE.format(n=n, person=person, place=place), encoding="utf-8")
    assert len(PEOPLE) > settings.PARALLEL_MIN_DOCUMENTS
    return folder


def test_jobs_output_is_byte_identical(run_cli, corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.nt", tmp_path / "two.nt"
    assert run_cli("build", corpus, "-o", one, "-q", "--jobs", "1").exit_code == 0
    result = run_cli("build", corpus, "-o", two, "-q", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert two.read_bytes() == one.read_bytes()
    assert b"carlos_mendes" in two.read_bytes()


def test_error_in_a_worker_is_one_line_and_skipped(run_cli, corpus: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "jobs_failing_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"graph-{jobs}.ttl"
        result = run_cli("build", corpus, "-o", out, "--jobs", jobs, "--extractor", "jobs_failing_plugin:fail_on_marker")
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error")]
        assert errors == [f"kg: error: {corpus / 'article_8.txt'}: cannot extract (RuntimeError: plug-in failed on purpose) (skipped)"]
        assert "Traceback" not in result.output
        assert "8 document(s)" in result.stderr
        outputs[jobs] = out.read_bytes()
    assert outputs["1"] == outputs["2"]
    assert b"Dunmore" not in outputs["2"] and b"Springfield" in outputs["2"]


def test_progress_is_quiet_when_stderr_is_not_a_terminal(run_cli, corpus: Path, tmp_path: Path) -> None:
    result = run_cli("build", corpus / "article_0.txt", "-o", tmp_path / "g.ttl", "--jobs", "1")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: 1 document(s), ")  # the summary, no progress display
    assert "\x1b" not in result.stderr and "building" not in result.stderr


def test_progress_on_a_terminal_shows_rate_and_eta(corpus: Path, tmp_path: Path) -> None:
    """A real pseudo-terminal as stderr: the display shows documents done, docs/s and the ETA."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "TERM": "xterm"}
    code = "from kg.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, "build", str(corpus / "article_0.txt"), str(corpus / "article_1.txt"), "-o", str(tmp_path / "g.ttl"), "-j", "1"],
                            stderr=follower, stdout=subprocess.DEVNULL, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    text = seen.decode("utf-8", "replace")
    assert "building" in text and "/2" in text and "ETA" in text
    assert "docs/s" in text
    assert "kg: 2 document(s)" in text


def test_forkserver_preload_builds_the_tables_and_freezes_them() -> None:
    """What ``--jobs`` workers are forked from has every lazily built table of extraction already
    (no worker reads the cities table again) and has frozen it out of the collector's passes."""
    code = ("import gc, kg.runner.preload\n"
            "from kg.extract import countries, places\n"
            "built = [f.cache_info().currsize for f in (countries._places, countries._countries, places.place_names,"
            " places.country_names, places.demonyms, places.continents, places.continent_of_country)]\n"
            "print(built, gc.get_freeze_count() > 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "[1, 1, 1, 1, 1, 1, 1] True"


@pytest.mark.parametrize("count", [0, 1, 7, 8, 9, 16, 17, 90])
@pytest.mark.parametrize("size,parts", [(8, 1), (8, 2), (8, 3), (1, 2)])
def test_balanced_chunks_keep_order_and_share_the_end(count: int, size: int, parts: int) -> None:
    from kg.runner.chunks import balanced_chunks, chunked

    chunks = list(balanced_chunks(iter(range(count)), size, parts))
    assert [x for c in chunks for x in c] == list(range(count))
    assert all(0 < len(c) <= size for c in chunks)
    if parts == 1:
        assert chunks == list(chunked(range(count), size))
    elif count > size * parts:  # the last *parts* chunks differ in length by one at most
        assert max(map(len, chunks[-parts:])) - min(map(len, chunks[-parts:])) <= 1

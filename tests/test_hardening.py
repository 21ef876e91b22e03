"""Bad and hostile input through the CLI, as a user meets it: every case gives one clear line naming
the file and the problem, the documented exit status (0 built, 1 some documents skipped, 2 nothing
done), the good documents of the batch still built, no traceback, no half-written output, and an
output that rdflib and pyoxigraph both parse (so every IRI and literal in it is valid)."""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef

from kg.graph.vocab import KG
from kg.ingest import read_documents

GOOD = "Mayor Jane Doe visited Springfield on Tuesday. Acme Corp signed an agreement with Globex Inc on Wednesday.\n"
# characters no literal in the output may hold (kg.ingest.clean replaces them)
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
OXI_FORMATS = {".ttl": pyoxigraph.RdfFormat.TURTLE, ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
               ".jsonld": pyoxigraph.RdfFormat.JSON_LD}


def parse_both(path: Path) -> rdflib.Graph:
    """The output parsed by rdflib and by pyoxigraph (which validates every IRI); same size."""
    graph = rdflib.Graph().parse(path, format=rdflib.util.guess_format(str(path)))
    quads = list(pyoxigraph.parse(path=str(path), format=OXI_FORMATS[path.suffix]))
    assert len(quads) == len(graph)
    for s, p, o in graph:
        for term in (s, p, o):
            if isinstance(term, Literal):
                assert not FORBIDDEN.search(str(term)), repr(str(term))
            elif isinstance(term, URIRef):
                pyoxigraph.NamedNode(str(term))  # raises on an invalid IRI
    return graph


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("kg: 1 ")]


def assert_reported(result, code: int, *needles: str) -> str:
    """The exit status, no traceback, and exactly one error line that names every needle."""
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("kg: error: ")]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle.casefold() in lines[0].casefold(), (needle, lines[0])
    return lines[0]


def documents_in(graph: rdflib.Graph) -> set[str]:
    return {str(graph.value(d, KG.sourcePath)) for d in graph.subjects(RDF.type, KG.Document)}


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "good.txt"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    return path


# --- one bad file beside a good one: reported and skipped, the good one built --------------------

SKIPPED = {
    "empty": ("empty.txt", b"", "empty file"),
    "whitespace": ("blank.txt", b"  \n\t\n   \r\n", "empty file"),
    "png": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
    "zip": ("archive.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "ZIP archive"),
    "pdf": ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF document"),
    "invalid-utf8": ("latin1.txt", "Mayor José Núñez visited Córdoba.".encode("latin-1"), "not UTF-8"),
    "nul-byte": ("nul.txt", b"Mayor Jane\x00 Doe visited Springfield.", "binary file"),
    "debris-only": ("debris.txt", b"Return to site\n\nweb page counter\n", "only page debris"),
}


@pytest.mark.parametrize("case", SKIPPED, ids=list(SKIPPED))
def test_bad_file_is_reported_and_the_rest_built(run_cli, good_file: Path, case: str) -> None:
    name, content, problem = SKIPPED[case]
    bad = good_file.parent / name
    bad.write_bytes(content)
    out = good_file.parent.parent / "out.ttl"
    result = run_cli("build", good_file, bad, "-o", out, "-q")
    line = assert_reported(result, 1, name, problem, "skipped")
    assert "\n" not in line
    assert documents_in(parse_both(out)) == {str(good_file)}


def test_only_bad_input_is_exit_2_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.ttl"
    out.write_text("previous\n", encoding="utf-8")
    result = run_cli("build", bad, "-o", out, "-q")
    assert_reported(result, 2, "empty.txt", "empty file")
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.ttl"]


# --- inputs that are odd but fine: decoded and built, every literal clean ---------------------------

CONTROL_TEXT = "Mayor Jane\x07 Doe visited Spring\x1bfield\x7f on Tuesday.\x0b Ali\u2028ce Smith met\x85 Bob Jones in Paris.\n"
BUILT = {
    "utf16-bom": ("utf16.txt", GOOD.encode("utf-16"), "Springfield"),
    "utf16-be-bom": ("utf16be.txt", b"\xfe\xff" + GOOD.encode("utf-16-be"), "Springfield"),
    "utf32-bom": ("utf32.txt", GOOD.encode("utf-32"), "Springfield"),
    "utf8-bom": ("bom.txt", GOOD.encode("utf-8-sig"), "Springfield"),
    "malformed-html": ("broken.html", (b"<html><body><div><p>Mayor Jane Doe visited <b>Springfield</p></div></i>"
                                       b" on Tuesday.<p>Acme Corp signed an agreement with Globex Inc.<<<>>&&;</td></table"),
                       "Springfield"),
    "control-chars": ("control.txt", CONTROL_TEXT.encode("utf-8"), "Spring field on Tuesday"),
    "rtl": ("rtl.txt", "زار الرئيس محمد القاهرة. ביקר ראש הממשלה בירושלים. Mayor Jane Doe visited Springfield.\n"
            "\u202eMayor Omar Haddad\u202c visited \u200fAmman\u200e on Monday.\n".encode("utf-8"), "القاهرة"),
    "emoji": ("emoji.txt", "Mayor Jane 😀 Doe visited Springfield 🏙️ on Tuesday. Acme 🚀 Corp signed an agreement "
              "with Globex Inc. 👨‍👩‍👧\n".encode(), "🚀"),
    "long-tokens": ("long.txt", ("Mayor " + "A" * 2000 + " visited " + "Springfield" * 180 + " on Tuesday. "
                                 + "x" * 2000 + " met Mayor " + "A" * 2000 + "B.\n").encode("utf-8"), "AAAA"),
}


@pytest.mark.parametrize("case", BUILT, ids=list(BUILT))
def test_odd_input_is_built_and_every_literal_is_clean(run_cli, tmp_path: Path, case: str) -> None:
    name, content, expected = BUILT[case]
    path = tmp_path / name
    path.write_bytes(content)
    for suffix in (".ttl", ".nt", ".jsonld"):
        out = tmp_path / f"out{suffix}"
        result = run_cli("build", path, "-o", out, "-q")
        assert result.exit_code == 0, result.output
        graph = parse_both(out)
        literals = [str(o) for o in graph.objects() if isinstance(o, Literal)]
        assert any(expected in text for text in literals), (case, literals)
        assert documents_in(graph) == {str(path)}


def test_long_names_that_share_a_prefix_stay_distinct(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(BUILT["long-tokens"][1])
    out = tmp_path / "out.ttl"
    assert run_cli("build", path, "-o", out, "-q").exit_code == 0
    graph = parse_both(out)
    long_labels = {str(o): s for s, o in graph.subject_objects(RDFS.label) if str(o).startswith("AAAA")}
    assert len(long_labels) == 2
    assert len(set(long_labels.values())) == 2  # two nodes, though their first 120 letters agree


def test_jsonl_with_a_broken_line_and_hostile_fields(run_cli, tmp_path: Path) -> None:
    records = [
        json.dumps({"id": "one", "text": GOOD}),
        '{"id": "two", "text": "Mayor Jane Doe visited',  # cut off
        json.dumps({"id": "three\x00", "title": "Ti\x00tle\u2028with\x1fbreaks", "url": "http://exa mple.com/<a>\"{x}",
                    "date": "2025-04-22\x00", "text": "Mayor Lee\x00 Kim visited Spring\x1bfield\u2028 on Tuesday."}),
        '{"id": "four", "title": "x\\udfff", "text": "Mayor Ann Roe visited Spring\\ud800field on Monday."}',
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = run_cli("build", corpus, "-o", out, "-q")
    assert_reported(result, 1, "corpus.jsonl:2", "invalid JSON")
    graph = parse_both(out)
    assert {str(s) for s in documents_in(graph)} == {f"{corpus}:1", f"{corpus}:3", f"{corpus}:4"}
    titles = {str(o) for o in graph.objects(None, rdflib.DCTERMS.title)}
    assert "Ti tle with breaks" in titles and "x\ufffd" in titles
    urls = {str(o) for o in graph.objects(None, rdflib.SDO.url)}
    assert urls == {"http://exa%20mple.com/%3Ca%3E%22%7Bx%7D"}


# --- limits: size ------------------------------------------------------------------------------------


def test_50_mb_article_is_skipped_quickly_without_being_read(run_cli, good_file: Path) -> None:
    big = good_file.parent / "huge.txt"
    with big.open("w", encoding="utf-8") as handle:
        chunk = "Mayor Jane Doe visited Springfield on Tuesday. " * 1000
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    out = good_file.parent.parent / "out.ttl"
    started = time.perf_counter()
    result = run_cli("build", good_file, big, "-o", out, "-q")
    assert time.perf_counter() - started < 10
    assert_reported(result, 1, "huge.txt", "50 MB", "larger than the 1 MB limit", "--max-doc-size")
    assert documents_in(parse_both(out)) == {str(good_file)}
    # not read at all: reading the folder costs no more memory than the good article
    tracemalloc.start()
    errors: list = []
    docs = list(read_documents([good_file.parent], on_error=errors.append, max_size=1_000_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(docs) == 1 and len(errors) == 1 and peak < 2_000_000


def test_max_doc_size_option(run_cli, good_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = run_cli("build", good_file, "--max-doc-size", "50", "-o", out, "-q")
    assert_reported(result, 2, "good.txt", "larger than the 50 bytes limit")
    assert not out.exists()
    assert run_cli("build", good_file, "--max-doc-size", "0", "-o", out, "-q").exit_code == 0
    bad = run_cli("build", good_file, "--max-doc-size", "five", "-o", out, "-q")
    assert bad.exit_code == 2 and "not a size" in bad.output


def test_jsonl_record_over_the_size_limit(run_cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": "word " * 400}) + "\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = run_cli("build", corpus, "--max-doc-size", "1kB", "-o", out, "-q")
    assert_reported(result, 1, "corpus.jsonl:2", "2 kB, larger than the 1 kB limit")
    assert documents_in(parse_both(out)) == {f"{corpus}:1"}


# --- many files ---------------------------------------------------------------------------------------


def test_10000_tiny_files_are_all_read(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        with open(folder / f"note{i:05d}.txt", "w", encoding="utf-8") as handle:
            handle.write(f"Note {i}.\n")
    started = time.perf_counter()
    docs = list(read_documents([folder]))
    assert len(docs) == 10_000 and len({d.id for d in docs}) == 10_000
    assert time.perf_counter() - started < 20


def test_1000_tiny_files_are_built(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"d{i:04d}.txt").write_text(f"Mayor Person{i} visited Town{i}.\n", encoding="utf-8")
    out = tmp_path / "out.nt"
    result = run_cli("build", folder, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert len(documents_in(parse_both(out))) == 1000


# --- a file that vanishes during the run --------------------------------------------------------------

VANISHING_PLUGIN = '''
from pathlib import Path

def remove_the_last(doc):
    """When the first article is processed, delete the last one (listed, not yet read)."""
    if "FIRST" in doc.text:
        Path(doc.text.split("DELETE ")[1].split()[0]).unlink()
    return []
'''


def test_file_deleted_after_listing_is_reported(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = f"kg_vanish_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{module}.py").write_text(VANISHING_PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    folder = tmp_path / "in"
    folder.mkdir()
    last = folder / "c.txt"
    (folder / "a.txt").write_text(f"FIRST. DELETE {last} now. {GOOD}", encoding="utf-8")
    (folder / "b.txt").write_text("Mayor Ann Roe visited Shelbyville.\n", encoding="utf-8")
    last.write_text("Mayor Bob Poe visited Ogdenville.\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    # one job, one document per batch: files are read as they are needed (--jobs N reads a few ahead)
    result = run_cli("build", folder, "-x", f"{module}:remove_the_last", "--batch-size", "1", "--jobs", "1",
                     "-o", out, "-q")
    assert_reported(result, 1, "c.txt", "no such file")
    assert documents_in(parse_both(out)) == {str(folder / "a.txt"), str(folder / "b.txt")}


# --- outputs that cannot be written -------------------------------------------------------------------


def test_output_below_a_plain_file(run_cli, good_file: Path, tmp_path: Path) -> None:
    plain = tmp_path / "file.txt"
    plain.write_text("x\n", encoding="utf-8")
    result = run_cli("build", good_file, "-o", plain / "out.ttl", "-q")
    assert_reported(result, 2, "file.txt/out.ttl", "is a file, not a folder")
    assert plain.read_text(encoding="utf-8") == "x\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_output_in_a_read_only_folder(run_cli, good_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_cli("build", good_file, "-o", folder / "out.ttl", "-q")
        assert_reported(result, 2, "out.ttl", "permission denied")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs Linux's sysfs")
def test_output_in_a_folder_nobody_may_write(run_cli, good_file: Path) -> None:
    # sysfs refuses new files even to root, so this runs where the read-only test above cannot
    result = run_cli("build", good_file, "-o", "/sys/kernel/out.ttl", "-q")
    assert_reported(result, 2, "/sys/kernel/out.ttl", "cannot write")
    assert not os.path.exists("/sys/kernel/out.ttl")


class FullDisk:
    """A file object that takes a few bytes, then fails as a full disk does."""

    def __init__(self, handle):
        self.handle = handle

    def write(self, data):
        self.handle.write(data[:50])
        if len(data) > 50:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return len(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


def test_full_disk_leaves_the_previous_output(run_cli, good_file: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.fileio

    out = tmp_path / "out.ttl"
    assert run_cli("build", good_file, "-o", out, "-q").exit_code == 0
    before = out.read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(kg.fileio.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    (good_file.parent / "more.txt").write_text("Mayor Ann Roe visited Shelbyville.\n", encoding="utf-8")
    result = run_cli("build", good_file.parent, "-o", out, "-q")
    assert_reported(result, 2, "out.ttl", "No space left on device")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.ttl"]  # no temporary file left


def test_full_disk_on_stdout(run_cli, good_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.commands import console

    class Full:
        def write(self, _text):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def flush(self):
            pass

    monkeypatch.setattr(console.out, "_file", Full())  # what Console.file returns
    assert_reported(run_cli("build", good_file, "-q"), 2, "stdout", "No space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_query_to_dev_full_in_a_real_process(run_cli, good_file: Path, tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    assert run_cli("build", good_file, "-o", graph, "-q").exit_code == 0
    kg = shutil.which("kg", path=os.path.dirname(sys.executable))
    with open("/dev/full", "w") as full:
        proc = subprocess.run([kg, "query", str(graph), "SELECT * WHERE { ?s ?p ?o }", "--format", "csv"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == ["kg: error: stdout: cannot write: No space left on device"]


# --- hostile SPARQL -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph_file(run_cli, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("build", folder / "good.txt", "-o", folder / "g.ttl", "-q")
    assert result.exit_code == 0, result.output
    return folder / "g.ttl"


QUERIES = {
    "syntax": ("SELECT ?x WHERE { ?x ?y }", "SPARQL syntax error"),
    "huge": ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_100_000, "larger than the 1,000,000-byte limit"),
    "deep-groups": ("SELECT * WHERE " + "{ " * 10_000 + "?s ?p ?o" + " }" * 10_000, "10000 levels deep"),
    "deep-parens": ("ASK { ?s ?p ?o FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }", "levels deep"),
    "insert": ("INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }", "not allowed"),
    "delete": ("DELETE WHERE { ?s ?p ?o }", "not allowed"),
    "load": ("LOAD <http://example.com/data.ttl>", "not allowed"),
    "clear": ("CLEAR ALL", "not allowed"),
    "drop": ("PREFIX ex: <http://e/> DROP GRAPH ex:g", "not allowed"),
}


@pytest.mark.parametrize("case", QUERIES, ids=list(QUERIES))
def test_hostile_query_is_refused_in_one_line(run_cli, graph_file: Path, tmp_path: Path, case: str) -> None:
    query, problem = QUERIES[case]
    before = graph_file.read_bytes()
    started = time.perf_counter()
    result = run_cli("query", graph_file, query)
    assert_reported(result, 2, "query", problem)
    rq = tmp_path / "hostile.rq"  # the same from a file
    rq.write_text(query, encoding="utf-8")
    assert_reported(run_cli("query", graph_file, rq), 2, "hostile.rq", problem)
    assert time.perf_counter() - started < 10
    assert graph_file.read_bytes() == before


def test_nested_query_within_the_limit_runs(run_cli, graph_file: Path) -> None:
    query = "SELECT * WHERE " + "{ " * 30 + "?s a kg:Document" + " }" * 30
    result = run_cli("query", graph_file, query, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    # braces in strings, IRIs and comments are not nesting
    text = 'SELECT ?s WHERE { ?s rdfs:label "' + "{" * 50 + '" } # ' + "{" * 50
    assert run_cli("query", graph_file, text).exit_code == 0


def test_file_name_with_a_newline_stays_one_line(run_cli, good_file: Path, tmp_path: Path) -> None:
    odd = good_file.parent / "two\nlines\x1b.txt"
    odd.write_bytes(b"")
    result = run_cli("build", good_file, odd, "-o", tmp_path / "out.ttl", "-q")
    line = assert_reported(result, 1, "two\\nlines\\x1b.txt", "empty file")
    assert "\x1b" not in line


TIMEOUT_PLUGIN = '''
import time

def stall(doc):
    if "STALL" in doc.text:
        time.sleep(30)
    return []
'''


def test_doc_timeout_skips_a_stalling_document(run_cli, good_file: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    module = f"kg_stall_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(TIMEOUT_PLUGIN), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    slow = good_file.parent / "slow.txt"
    slow.write_text("Mayor Ann Roe visited Shelbyville. STALL\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    started = time.perf_counter()
    result = run_cli("build", good_file, slow, "-x", f"{module}:stall", "--doc-timeout", "0.5", "-o", out, "-q")
    assert time.perf_counter() - started < 15
    assert_reported(result, 1, "slow.txt", "extraction took longer than the 0.5 s limit (--doc-timeout)", "skipped")
    assert documents_in(parse_both(out)) == {str(good_file)}


def test_doc_timeout_in_worker_processes(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the deadline is armed in each worker's main thread, as in this process
    module = f"kg_stall_jobs_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(TIMEOUT_PLUGIN), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        marker = " STALL" if i == 5 else ""
        (folder / f"a{i}.txt").write_text(f"Mayor Person{i} visited Town{i}.{marker}\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = run_cli("build", folder, "-x", f"{module}:stall", "--doc-timeout", "2", "--jobs", "2", "-o", out, "-q")
    assert_reported(result, 1, "a5.txt", "extraction took longer than the 2 s limit", "skipped")
    assert len(documents_in(parse_both(out))) == 7

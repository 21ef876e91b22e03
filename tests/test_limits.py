"""The resource bounds (``kg.limits``, and their use in ``kg.runner.work.Processor``): the deadline
context manager, sizes, and parsing under a time limit with a real (blank) spaCy pipeline and a
deliberately slow component."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import rdflib
import spacy
from spacy.language import Language

from kg.errors import InputError
from kg.graph.vocab import KG
from kg.limits import (
    DeadlineExceeded,
    TooLarge,
    can_interrupt,
    check_size,
    deadline,
    format_size,
    parse_size,
)
from kg.runner import BuildConfig
from kg.runner.work import Processor

pytestmark = pytest.mark.skipif(not can_interrupt(), reason="needs SIGALRM (POSIX main thread)")


def test_deadline_interrupts_and_names_what() -> None:
    started = time.perf_counter()
    with pytest.raises(DeadlineExceeded, match=r"^slow\.txt: took longer than the 0\.2 s limit"), \
            deadline(0.2, "slow.txt"):
        time.sleep(5)
    assert time.perf_counter() - started < 2
    assert isinstance(DeadlineExceeded("x", "y"), InputError)  # reported and skipped like any bad document


def test_deadline_interrupts_pure_python_loops() -> None:
    with pytest.raises(DeadlineExceeded), deadline(0.2, "loop"):
        while True:
            pass


def test_no_limit_and_fast_blocks_pass() -> None:
    for seconds in (None, 0):
        with deadline(seconds, "x"):
            time.sleep(0.01)
    with deadline(5, "x"):
        pass
    time.sleep(0.05)  # no alarm left armed


def test_nested_deadlines_restore_the_outer_one() -> None:
    with pytest.raises(DeadlineExceeded, match="outer"), deadline(0.4, "outer"):
        with deadline(5, "inner"):
            time.sleep(0.05)
        time.sleep(5)  # the outer limit still holds after the inner block


def test_deadline_off_the_main_thread_is_a_no_op() -> None:
    outcome: list[str] = []

    def work() -> None:
        with deadline(0.05, "thread"):
            time.sleep(0.2)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


@pytest.mark.parametrize(("text", "size"), [("5MB", 5_000_000), ("500kB", 500_000), ("1.5 MiB", 1_572_864),
                                            ("1000", 1000), ("0", 0), (" 2 gb ", 2_000_000_000)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "five", "5 parsecs", "-1", "1e6"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_check_size() -> None:
    check_size(10, None, "a")
    check_size(10, 0, "a")
    check_size(10, 10, "a")
    with pytest.raises(TooLarge, match=r"^a\.txt: 51\.7 MB, larger than the 1 MB limit"):
        check_size(51_700_000, 1_000_000, "a.txt")
    assert format_size(999) == "999 bytes" and format_size(1500) == "1.5 kB"


# --- parsing under a limit, with the real pipeline --------------------------------------------------


@Language.component("kg_test_stall")
def _stall(doc):
    """A pipeline component that hangs on one article, as a pathological input might."""
    if "STALL" in doc.text:
        time.sleep(30)
    return doc


def test_a_document_that_stalls_the_parser_is_skipped(run_cli, tmp_path: Path) -> None:
    # --coref takes any registered spaCy component: here one that hangs in the middle of nlp.pipe
    names = ["a.txt", "slow.txt", "c.txt"]
    texts = ["Mayor Jane Doe visited Springfield.", "Mayor Ann Roe visited Shelbyville. STALL", "Acme Corp signed an agreement with Globex Inc."]
    for name, text in zip(names, texts):
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    started = time.perf_counter()
    result = run_cli("build", *(tmp_path / n for n in names), "--coref", "kg_test_stall", "--doc-timeout", "1",
                     "-o", out, "-q")
    assert time.perf_counter() - started < 20
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"kg: error: {tmp_path / 'slow.txt'}: parsing took longer than the 1 s limit (--doc-timeout) (skipped)"]
    graph = rdflib.Graph().parse(out)
    assert {str(o) for o in graph.objects(None, KG.sourcePath)} == {str(tmp_path / "a.txt"), str(tmp_path / "c.txt")}


def test_max_doc_size_raises_the_pipeline_limit() -> None:
    nlp = spacy.blank("en")
    Processor(BuildConfig.of(max_doc_size=nlp.max_length * 3), nlp=nlp)
    assert nlp.max_length == 3_000_000
    assert BuildConfig.of(doc_timeout=0, max_doc_size=0).doc_timeout is None

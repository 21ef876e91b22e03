"""The resource bounds (``kg.limits``, ``kg.nlp.bounded``): the deadline context manager, sizes,
and parsing under a time limit with a real (blank) spaCy pipeline and a deliberately slow
component."""
from __future__ import annotations

import threading
import time

import pytest
import spacy
from spacy.language import Language

from kg.errors import InputError
from kg.ingest import Document
from kg.limits import (
    DeadlineExceeded,
    TooLarge,
    can_interrupt,
    check_size,
    deadline,
    format_size,
    parse_size,
)
from kg.nlp.bounded import parse_bounded

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


# --- parsing under a limit, with a real pipeline ----------------------------------------------------


@Language.component("kg_test_stall")
def _stall(doc):
    if "STALL" in doc.text:
        time.sleep(30)
    return doc


@pytest.fixture(scope="module")
def slow_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_test_stall")
    return nlp


def docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", text=text, source=f"d{i}.txt") for i, text in enumerate(texts)]


def test_stalling_document_is_skipped_the_batch_kept(slow_nlp: Language) -> None:
    errors: list[InputError] = []
    started = time.perf_counter()
    parsed = list(parse_bounded(slow_nlp, docs("One.", "Two. STALL", "Three.", "Four."), batch_size=3,
                                seconds=0.3, on_error=errors.append))
    assert time.perf_counter() - started < 5
    assert [d.id for d, _ in parsed] == ["d0", "d2", "d3"]
    assert [doc.text for _, doc in parsed] == ["One.", "Three.", "Four."]
    assert [str(e) for e in errors] == ["d1.txt: parsing took longer than the 0.3 s limit (--doc-timeout)"]


def test_without_on_error_the_timeout_is_raised(slow_nlp: Language) -> None:
    with pytest.raises(DeadlineExceeded, match="d0.txt"):
        list(parse_bounded(slow_nlp, docs("STALL"), batch_size=2, seconds=0.2, on_error=None))


def test_text_longer_than_the_pipeline_limit_is_reported(slow_nlp: Language) -> None:
    errors: list[InputError] = []
    old = slow_nlp.max_length
    slow_nlp.max_length = 10
    try:
        parsed = list(parse_bounded(slow_nlp, docs("Short.", "Far longer than ten."), 8, 5, errors.append))
    finally:
        slow_nlp.max_length = old
    assert [d.id for d, _ in parsed] == ["d0"]
    assert "20 characters, more than the pipeline's limit of 10" in str(errors[0])

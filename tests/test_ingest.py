"""Tests of kg.ingest: readers, metadata, datelines, debris, path expansion and bad input."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    Document,
    dateline_date,
    documents_from_texts,
    expand_inputs,
    is_debris,
    make_doc_id,
    normalize_date,
    read_documents,
    read_path,
    read_stdin,
    slugify,
    strip_debris,
)

SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev"

ARTICLE = (
    "Lee Visits Zhejiang\n\n"
    "HONG KONG, April 22, 2025 — Hong Kong Chief Executive John Lee began a four-day visit "
    "to Zhejiang province on Tuesday.\n\n"
    "He met officials in Hangzhou and signed agreements on technology and trade.\n"
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lee visits Zhejiang | Example News</title>
<meta property="og:title" content="Lee visits Zhejiang to boost tech ties">
<link rel="canonical" href="https://news.example.com/2025/04/22/lee-zhejiang">
<meta property="article:published_time" content="2025-04-22T08:00:00+08:00">
<script>var tracker = "Analytics Tracker Incorporated";</script>
<style>.banner { color: red }</style>
</head><body>
<header><a href="/">Example News Home</a>
  <nav><ul><li><a href="/world">World Desk Coverage</a></li>
  <li><a href="/tech">Technology Section Pages</a></li><li>Sign in</li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience.
  <button>Accept all cookies</button></div>
<main><article>
<h1>Lee visits Zhejiang to boost tech ties</h1>
<p>Hong Kong Chief Executive John Lee embarked on a four-day visit to Zhejiang province,
leading a delegation to strengthen technological and economic ties with the mainland.</p>
<p>Lee's first stop was the Zhejiang University innovation center in Hangzhou, where officials
briefed the delegation on semiconductor research and partnerships with industry.</p>
<div class="share">Share this</div>
<p>On Wednesday, Lee will attend a cooperation meeting in Hangzhou, where agreements on
technology, housing and trade will be signed by both governments.</p>
</article></main>
<aside>Most Read Stories Elsewhere Today</aside>
<footer><p>Copyright 2025 Example News Group. All rights reserved.</p>
<a href="/privacy">Privacy Policy</a></footer>
</body></html>
"""

PAGE_SENTENCES = (
    "Hong Kong Chief Executive John Lee embarked on a four-day visit to Zhejiang province, "
    "leading a delegation to strengthen technological and economic ties with the mainland.",
    "Lee's first stop was the Zhejiang University innovation center in Hangzhou, where officials "
    "briefed the delegation on semiconductor research and partnerships with industry.",
    "On Wednesday, Lee will attend a cooperation meeting in Hangzhou, where agreements on "
    "technology, housing and trade will be signed by both governments.",
)
PAGE_DEBRIS = (
    "Example News Home", "World Desk", "Technology Section", "Sign in", "cookies",
    "Share this", "Most Read", "All rights reserved", "Privacy Policy", "Analytics Tracker",
    "color: red",
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path) -> Document:
    docs = list(read_path(path))
    assert len(docs) == 1
    return docs[0]


def errors_of(inputs) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    docs = list(read_documents(inputs, on_error=errors.append))
    return docs, errors


# ------------------------------------------------------------------ ids and dates


def test_doc_id_is_slug_plus_text_hash():
    doc_id = make_doc_id("Zhejiang_Visit (final)", "some text")
    assert doc_id.startswith("zhejiang-visit-final-")
    assert len(doc_id.rsplit("-", 1)[1]) == 8
    assert make_doc_id("a", "same") == make_doc_id("a", "same")
    assert make_doc_id("a", "one") != make_doc_id("a", "two")
    assert make_doc_id(None, "x").startswith("doc-")
    assert make_doc_id("???", "x").startswith("doc-")
    assert len(make_doc_id("n" * 100, "x")) == 40 + 1 + 8


def test_slugify():
    assert slugify("  Hello, World!  ") == "hello-world"
    assert slugify("a__b--c") == "a-b-c"
    assert slugify("x" * 39 + "-yz") == "x" * 39  # no dangling hyphen after the cut
    assert slugify("https://example.com/a/b", max_len=None) == "https-example-com-a-b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HONG KONG, April 22, 2025 — Hong Kong Chief Executive", "2025-04-22"),
        ("Headline\n\nHONG KONG, April 22, 2025 — Lee", "2025-04-22"),
        ("SEOUL, Jan. 2 (Yonhap) -- Dongwon Industries", None),
        ("PARIS, April 7 - The European consortium", None),
        ("By Choi Kyong-ae SEOUL, Jan. 2, 2025 (Yonhap) -- Dongwon", "2025-01-02"),
        ("SADDLE BROOK, N.J., March 26, 1987 - Michigan General", "1987-03-26"),
        ("WASHINGTON, Sept. 3, 2024 (Reuters) - Officials", "2024-09-03"),
        ("LONDON, 22 April 2025 – The King", "2025-04-22"),
        ("Hong Kong, April 22, 2025 - Lee", "2025-04-22"),
        ("Modi arrived on Friday, April 4, 2025 - for talks", None),
        ("GENEVA, Feb. 30, 2025 - impossible", None),
        ("No dateline here at all.", None),
    ],
)
def test_dateline_date(text, expected):
    assert dateline_date(text) == expected


def test_dateline_only_near_the_start():
    assert dateline_date("x " * 400 + "HONG KONG, April 22, 2025 — Lee") is None


def test_normalize_date():
    assert normalize_date("2025-04-22T10:00:00Z") == "2025-04-22"
    assert normalize_date("April 22, 2025") == "2025-04-22"
    assert normalize_date("2025-02-30") is None
    assert normalize_date("last week") is None


# ------------------------------------------------------------------ debris


@pytest.mark.parametrize(
    "line",
    ["Return to site", "broken image", "web page counter", "Skip to content", "Share this",
     "Subscribe", "Sign in", "Accept all cookies", "We use cookies to improve your experience.",
     "Advertisement", "© 2025 Example News. All rights reserved.", "Back to top ↑",
     "Click here", "Facebook Twitter LinkedIn Email", "Menu", "Home", "  Read more »  "],
)
def test_debris_lines(line):
    assert is_debris(line)


@pytest.mark.parametrize(
    "line",
    ["The president said he would share this plan with allies in Seoul next week.",
     "EU fines Google over cookies", "Home ministry issues warning", "Subscribe now to read "
     "the rest of this long and detailed article about the trade talks in Geneva today", ""],
)
def test_not_debris(line):
    assert not is_debris(line)


def test_strip_debris_blanks_lines_in_place():
    text = "Return to site\n\nTitle\n\nbroken image\n\nPara one.\nSame para.\n\n\nPara two.\n\nweb page counter"
    out = strip_debris(text)
    # same length, debris gone, every other character at its offset
    assert len(out) == len(text)
    assert "Return" not in out and "broken" not in out and "counter" not in out
    for kept in ("Title", "Para one.\nSame para.", "Para two."):
        assert out.index(kept) == text.index(kept)
    assert " ".join(out.split()) == "Title Para one. Same para. Para two."
    assert strip_debris("One.\nShare this\nTwo.") == "One.\n          \nTwo."
    assert strip_debris("Nothing to drop.\n") == "Nothing to drop.\n"


def test_strip_debris_on_real_page_text():
    if not SHARED_DEV.is_dir():
        pytest.skip("shared dev data not available")
    raw = (SHARED_DEV / "zhejiang_visit.html-as-text.txt").read_text(encoding="utf-8")
    clean = (SHARED_DEV / "zhejiang_visit.txt").read_text(encoding="utf-8")
    assert "Return to site" in raw
    assert " ".join(strip_debris(raw).split()) == " ".join(clean.split())
    doc = read_one(SHARED_DEV / "zhejiang_visit.html-as-text.txt")
    assert " ".join(doc.text.split()) == " ".join(clean.split())
    sentence = "Lee will also visit Ningbo"
    assert doc.text.index(sentence) == raw.index(sentence)  # offsets point into the file
    assert doc.title == "Hong Kong Chief Executive Visits Zhejiang to Boost Tech Collaboration"
    assert doc.date == "2025-04-22"


# ------------------------------------------------------------------ text reader


def test_text_file(tmp_path):
    path = write(tmp_path / "Lee Visit.txt", ARTICLE)
    doc = read_one(path)
    assert doc.text == ARTICLE
    assert doc.title == "Lee Visits Zhejiang"
    assert doc.date == "2025-04-22"
    assert doc.source == str(path)
    assert doc.url is None
    assert doc.id == make_doc_id("Lee Visit", ARTICLE)
    assert doc.id.startswith("lee-visit-")


def test_text_file_bom_crlf_and_no_title(tmp_path):
    body = "This article starts with a sentence.\r\nIt has no headline.\r\n"
    doc = read_one(write(tmp_path / "a.md", "\ufeff" + body))
    assert doc.text == "This article starts with a sentence.\nIt has no headline.\n"
    assert doc.title is None
    assert doc.date is None


def test_markdown_heading_title(tmp_path):
    doc = read_one(write(tmp_path / "a.md", "# Samsung wins BMW deal\n\nSamsung said so.\n"))
    assert doc.title == "Samsung wins BMW deal"


def test_long_first_line_is_no_title(tmp_path):
    doc = read_one(write(tmp_path / "a.text", "word " * 60 + "\n\nMore text.\n"))
    assert doc.title is None


def test_same_article_from_two_paths_is_one_document(tmp_path):
    write(tmp_path / "a" / "article.txt", ARTICLE)
    write(tmp_path / "b" / "article.txt", ARTICLE)
    write(tmp_path / "c" / "article.txt", ARTICLE.replace("Tuesday", "Monday"))
    docs, errors = errors_of([tmp_path])
    assert errors == []
    assert len(docs) == 2
    assert len({d.id for d in docs}) == 2
    assert docs[0].source.endswith(str(Path("a") / "article.txt"))


# ------------------------------------------------------------------ HTML reader


def test_html_main_text_only(tmp_path):
    doc = read_one(write(tmp_path / "page.html", PAGE))
    for sentence in PAGE_SENTENCES:
        assert sentence in doc.text
    for debris in PAGE_DEBRIS:
        assert debris not in doc.text, debris
    assert "\n\n" in doc.text  # paragraphs stay apart
    assert doc.title == "Lee visits Zhejiang to boost tech ties"
    assert doc.date == "2025-04-22"
    assert doc.url == "https://news.example.com/2025/04/22/lee-zhejiang"
    assert doc.id.startswith("page-")


def test_html_date_from_dateline_when_page_has_none(tmp_path):
    page = (
        "<html><body><article><p>SEOUL, March 3, 2024 (Yonhap) -- Samsung Electronics "
        "signed a supply deal with BMW for its Exynos Auto chips on Monday, the company "
        "said in a statement released to reporters in Seoul.</p><p>The chips will power "
        "the carmaker's next electric sport utility vehicles from next year onwards, "
        "according to people familiar with the matter.</p></article></body></html>"
    )
    doc = read_one(write(tmp_path / "p.htm", page))
    assert "Exynos Auto chips" in doc.text
    assert doc.date == "2024-03-03"


def test_html_fallback_to_visible_text(tmp_path):
    # an old table layout, where trafilatura (tables excluded) finds no main text
    page = (
        "<html><head><title>Old</title><script>alert('hidden script')</script></head><body>"
        "<nav>Top Navigation Link</nav><table><tr><td>Hanwha Ocean won an order from a "
        "Greek shipowner for\n   ten tankers.<br>Back to top</td></tr><tr><td><p>The deal is "
        "worth 1.2 billion dollars.</p></td></tr></table>"
        "<footer>Footer Text Here</footer></body></html>"
    )
    doc = read_one(write(tmp_path / "old.xhtml", page))
    # "Back to top" is blanked out in place; the rest reads as two paragraphs
    assert [" ".join(p.split()) for p in doc.text.split("\n\n") if p.strip()] == [
        "Hanwha Ocean won an order from a Greek shipowner for ten tankers.",
        "The deal is worth 1.2 billion dollars.",
    ]


def test_html_declared_legacy_charset(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 owners in '
        "Paris met the minister on Monday to discuss the new rules for terraces and the "
        "taxes that the city council wants to raise this year.</p></body></html>"
    )
    doc = read_one(write(tmp_path / "legacy.html", page.encode("windows-1252")))
    assert "Caf\u00e9 owners in Paris" in doc.text


# ------------------------------------------------------------------ JSON Lines reader


def test_jsonl_records_and_metadata(tmp_path):
    lines = [
        {"id": "Story 1", "text": "PARIS, April 7 - Airbus chose CFM.", "title": "Airbus",
         "url": "https://e.com/1", "date": "1987-04-07"},
        {"text": "SEOUL, Jan. 2, 2025 (Yonhap) -- Dongwon bid for HMM."},
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    docs = list(read_path(path))
    assert [d.id for d in docs] == ["story-1", make_doc_id("news", docs[1].text)]
    assert docs[0].title == "Airbus" and docs[0].url == "https://e.com/1"
    assert docs[0].date == "1987-04-07"
    assert docs[0].source == f"{path}:1"
    assert docs[1].date == "2025-01-02"  # from the dateline
    assert docs[1].title is None


def test_jsonl_batch_bad_lines_reported_rest_read(tmp_path):
    content = "\n".join([
        json.dumps({"id": "a", "text": "First good article text."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        "",
        json.dumps({"id": "a", "text": "Another text with a reused id."}),
        json.dumps({"id": "b", "text": "Second good article text."}),
    ])
    path = write(tmp_path / "batch.ndjson", content)
    docs, errors = errors_of([path])
    assert [d.id for d in docs] == ["a", "b"]
    messages = [str(e) for e in errors]
    assert [e.where for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 8)]
    assert "invalid JSON" in messages[0]
    assert "expected a JSON object" in messages[1]
    assert "missing 'text'" in messages[2]
    assert "empty 'text'" in messages[3]
    assert "'text' must be a string" in messages[4]
    assert "duplicate id 'a'" in messages[5]
    assert all("\n" not in m for m in messages)


def test_jsonl_bad_line_raises_without_on_error(tmp_path):
    path = write(tmp_path / "x.jsonl", '{"text": "A good line."}\n{broken\n')
    with pytest.raises(InputError, match=r"x\.jsonl:2: invalid JSON"):
        list(read_documents([path]))


# ------------------------------------------------------------------ standard input


def test_stdin_plain_text():
    stream = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="latin-1")
    docs = list(read_stdin(stream))
    assert len(docs) == 1
    assert docs[0].text == ARTICLE  # decoded as UTF-8 whatever the wrapper says
    assert docs[0].source == "<stdin>"
    assert docs[0].id.startswith("stdin-")


def test_stdin_jsonl_and_dash(monkeypatch):
    data = '\n  {"id": "one", "text": "First."}\n{"id": "two", "text": "Second."}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    docs = list(read_documents(["-", "-"]))  # standard input is read once
    assert [d.id for d in docs] == ["one", "two"]
    assert docs[1].source == "<stdin>:3"


def test_stdin_from_string_stream_and_empty():
    assert list(read_stdin(io.StringIO("Plain words."))) == [
        Document(id=make_doc_id("stdin", "Plain words."), text="Plain words.", source="<stdin>")
    ]
    with pytest.raises(InputError, match="<stdin>: empty input"):
        list(read_stdin(io.StringIO("  \n")))


# ------------------------------------------------------------------ paths


def test_folder_recursion_is_sorted_and_skips_hidden_and_other_types(tmp_path):
    for rel in ["b.txt", "a/z.html", "a/c.md", "a/deep/d.jsonl", ".hidden.txt",
                ".git/e.txt", "notes.pdf", "gold.json"]:
        write(tmp_path / rel, "x")
    found = expand_inputs([tmp_path])
    assert found == [tmp_path / "a" / "c.md", tmp_path / "a" / "deep" / "d.jsonl",
                     tmp_path / "a" / "z.html", tmp_path / "b.txt"]


def test_globs_and_duplicates(tmp_path, monkeypatch):
    for rel in ["data/x/1.jsonl", "data/2.jsonl", "data/3.txt"]:
        write(tmp_path / rel, "x")
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["data/**/*.jsonl"]) == [Path("data/2.jsonl"), Path("data/x/1.jsonl")]
    # the same file by three routes is listed once, where it first appears
    assert expand_inputs(["data/3.txt", "data/*.txt", str(tmp_path / "data" / "3.txt")]) == [
        Path("data/3.txt")
    ]
    assert expand_inputs(["-", "data/3.txt", "-"]) == ["-", Path("data/3.txt")]


def test_inputs_that_name_nothing(tmp_path):
    with pytest.raises(InputError, match=r"nothing\*\.txt: pattern matched no files"):
        expand_inputs([str(tmp_path / "nothing*.txt")])
    with pytest.raises(InputError, match=r"missing\.txt: no such file or directory"):
        expand_inputs([tmp_path / "missing.txt"])
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(InputError, match=r"empty_dir: folder has no"):
        expand_inputs([tmp_path / "empty_dir"])
    errors: list[InputError] = []
    assert expand_inputs([tmp_path / "missing.txt", "-"], on_error=errors.append) == ["-"]
    assert len(errors) == 1


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("debris.txt", b"Return to site\n\nbroken image\nweb page counter\n", "only page debris"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary file"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
        ("utf16.txt", b"\xff\xfeH\x00e", "not UTF-16 text"),  # a BOM, then an odd byte out
        ("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("nav-only.html", b"<html><body><nav>Home</nav><footer>Menu</footer></body></html>",
         "no article text"),
        ("latin1.jsonl", '{"text": "Caf\u00e9"}'.encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_file_is_one_line_error_naming_it(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as caught:
        list(read_path(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_read_path_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        list(read_path(tmp_path / "gone.txt"))
    with pytest.raises(InputError, match="is a directory"):
        list(read_path(tmp_path))


def test_batch_reports_bad_files_and_reads_the_rest(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "bin.txt", b"\x00\x01\x02")
    docs, errors = errors_of([tmp_path, tmp_path / "missing.md"])
    assert [d.source for d in docs] == [str(good)]
    assert sorted(Path(e.where).name for e in errors) == ["bin.txt", "empty.txt", "missing.md"]
    with pytest.raises(InputError, match="bin.txt: binary file"):
        list(read_documents([tmp_path]))


def test_read_documents_is_lazy(tmp_path):
    write(tmp_path / "a.txt", "First article.")
    write(tmp_path / "b.txt", "Second article.")
    docs = read_documents([tmp_path])
    assert next(docs).text == "First article."
    (tmp_path / "b.txt").write_text("Changed before it was read.", encoding="utf-8")
    assert next(docs).text == "Changed before it was read."


def test_duplicate_ids_across_inputs(tmp_path):
    write(tmp_path / "one.jsonl", '{"id": "x", "text": "Same text."}\n')
    write(tmp_path / "two.jsonl", '{"id": "x", "text": "Same text."}\n{"id": "y", "text": "Y."}\n')
    write(tmp_path / "three.jsonl", '{"id": "x", "text": "Different text."}\n')
    docs, errors = errors_of([tmp_path / "one.jsonl", tmp_path / "two.jsonl", tmp_path / "three.jsonl"])
    assert [d.id for d in docs] == ["x", "y"]  # the identical copy is yielded once, silently
    assert len(errors) == 1 and "three.jsonl:1: duplicate id 'x'" in str(errors[0])


# ------------------------------------------------------------------ documents_from_texts


def test_documents_from_texts():
    texts = [
        ARTICLE,
        {"id": "My Story", "text": "Body.", "title": "T", "url": "u", "date": "2020-01-02"},
        ARTICLE,  # the same text again: yielded once
        {"text": ""},
        {"id": "my story", "text": "Other body."},
        7,
    ]
    errors: list[InputError] = []
    docs = list(documents_from_texts(texts, on_error=errors.append))
    assert [d.id for d in docs] == [make_doc_id("text", ARTICLE), "my-story"]
    assert docs[0].id.startswith("text-") and docs[0].date == "2025-04-22"
    assert docs[1] == Document(id="my-story", text="Body.", title="T", date="2020-01-02", url="u")
    assert [e.where for e in errors] == ["texts[3]", "texts[4]", "texts[5]"]
    assert "duplicate id 'my-story'" in str(errors[1])
    with pytest.raises(InputError, match=r"texts\[0\]: empty"):
        list(documents_from_texts([" "]))
    assert [d.text for d in documents_from_texts("One string.")] == ["One string."]


def test_same_id_twice_in_one_file_is_an_error_even_with_the_same_text(tmp_path):
    record = json.dumps({"id": "dup", "text": "Same text."})
    path = write(tmp_path / "d.jsonl", f"{record}\n{record}\n")
    errors: list[InputError] = []
    assert [d.id for d in read_path(path, on_error=errors.append)] == ["dup"]
    assert [str(e) for e in errors] == [f"{path}:2: duplicate id 'dup' (first on line 1)"]
    docs, errors = errors_of([path])
    assert len(docs) == 1 and len(errors) == 1

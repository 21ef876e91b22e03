"""Read one input (a text, HTML or JSON Lines file, or standard input) into Documents.

Every text goes through :func:`~kg.ingest.debris.strip_debris`. A file that cannot be read
raises :class:`~kg.errors.InputError` naming it; one bad record of a JSON Lines file is
reported through ``on_error`` (or raised when it is None) and the other records still count.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..limits import check_size
from ..settings import HTML_SUFFIXES, INPUT_SUFFIXES, JSONL_SUFFIXES
from .clean import clean_field, clean_text, clean_url
from .debris import strip_debris
from .document import Document, dateline_date, make_doc_id, normalize_date, slugify

OnError = Callable[[InputError], None]

STDIN_SOURCE = "<stdin>"
_SNIFF_BYTES = 8192  # NUL bytes in this much of a file mark it as binary
_MAX_TITLE_CHARS = 200


# ---------------------------------------------------------------- decoding


# a file that starts like one of these is not an article, whatever its suffix says
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive, or a .docx, .xlsx or .epub document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program"),
)
# byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes, where: str | Path) -> str:
    """*data* as text (a BOM removed, newlines as ``\\n``), or InputError naming *where*.

    UTF-8, or UTF-16/UTF-32 with a byte order mark. A file that starts with the signature of a
    known binary format, or has a NUL byte in its first 8 KB, is binary and refused.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)  # the codec reads and drops the BOM
            except UnicodeDecodeError as exc:
                raise InputError(where, f"not {codec.upper()} text (invalid data at byte {exc.start})") from None
            return text.replace("\r\n", "\n").replace("\r", "\n")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(where, f"binary file ({kind}), not text")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(where, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path, max_size: int | None = None) -> bytes:
    try:
        # the size is checked before anything is read: a huge file costs one stat
        check_size(path.stat().st_size, max_size, path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory (was it removed while kg ran?)") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(path, "empty file")
    return data


# ---------------------------------------------------------------- building Documents


def guess_title(text: str) -> str | None:
    """The first non-empty line when it looks like a headline: short, no final period."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            line = line.lstrip("#").strip()  # a Markdown heading
            closed = line.rstrip("\"'”’)]")
            if line and len(line) < _MAX_TITLE_CHARS and not closed.endswith("."):
                return line
            return None
    return None


def make_document(
    text: str,
    *,
    where: str | Path,
    name: str | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """A Document from raw *text*: debris removed, id from *doc_id* or *name* + text hash.

    The date is *date* normalized, else the article's dateline date. Raises InputError
    naming *where* when nothing but debris is left.
    """
    # not stripped: offsets of evidence sentences are offsets into the text as read
    # (clean_text keeps the length, so they are offsets into the file's text too)
    clean = strip_debris(clean_text(text))
    if not clean.strip():
        raise InputError(where, "no article text (only page debris)" if text.strip() else "empty text")
    return Document(
        id=doc_id if doc_id is not None else make_doc_id(name, clean),
        text=clean,
        title=clean_field(title),
        date=normalize_date(clean_field(date)) or dateline_date(clean),
        url=clean_url(url),
        source=clean_text(source) if source is not None else None,
    )


def text_document(text: str, *, name: str | None, source: str | None, where: str | Path) -> Document:
    """A Document from plain text; its title is guessed from the first line."""
    title = guess_title(strip_debris(clean_text(text)))  # "Return to site" is no headline
    return make_document(text, where=where, name=name, title=title, source=source)


# ---------------------------------------------------------------- JSON Lines records


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"'{key}' must be a string, not {_json_type(value)}")


def record_document(
    record: Any, *, where: str, source: str | None, name: str = "doc"
) -> Document:
    """A Document from one JSON object with ``text`` and optional ``id``/``title``/``url``/``date``.

    A record with an ``id`` keeps it (slugified, no hash); others get ``name`` + text hash.
    Raises InputError naming *where* for a record that is not an object or has no usable text.
    """
    if not isinstance(record, Mapping):
        raise InputError(where, f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        raise InputError(where, "missing 'text'")
    if not isinstance(text, str):
        raise InputError(where, f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise InputError(where, "empty 'text'")
    raw_id = record.get("id")
    doc_id = None
    if raw_id is not None:
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
            raise InputError(where, f"'id' must be a string or an integer, not {_json_type(raw_id)}")
        # a user's id is kept whole (not cut to 40 chars) so that long ids stay distinct
        doc_id = slugify(str(raw_id), max_len=None)
        if not doc_id:
            raise InputError(where, f"'id' {raw_id!r} has no letters or digits")
    try:
        title, url, date = (_optional_str(record, key) for key in ("title", "url", "date"))
    except ValueError as exc:
        raise InputError(where, str(exc)) from None
    return make_document(
        text.replace("\r\n", "\n"), where=where, name=name, doc_id=doc_id,
        title=title, date=date, url=url, source=source,
    )


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def text_size(text: str, limit: int | None) -> int:
    """The UTF-8 size of *text*, or a lower bound of it when it is surely within *limit*."""
    if limit and len(text) * 4 > limit:  # no character takes more than 4 bytes
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)


def jsonl_documents(
    text: str, *, where: str | Path, name: str, on_error: OnError | None = None, max_size: int | None = None
) -> Iterator[Document]:
    """Documents from JSON Lines *text*; a bad line is reported as ``WHERE:LINE: problem``.

    Blank lines are skipped. Two records with the same id are a duplicate: the second is
    reported and skipped. A record whose text is larger than *max_size* bytes is reported too.
    """
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        at = f"{where}:{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(at, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            if isinstance(record, Mapping) and isinstance(record.get("text"), str):
                check_size(text_size(record["text"], max_size), max_size, at)
            doc = record_document(record, where=at, source=at, name=name)
            if doc.id in seen:
                raise InputError(at, f"duplicate id '{doc.id}' (first on line {seen[doc.id]})")
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
            continue
        seen[doc.id] = number
        yield doc


# ---------------------------------------------------------------- HTML


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, path: Path) -> str:
    try:
        return decode_text(data, path)
    except InputError:
        # a page may declare another encoding (windows-1252, euc-kr...); honour it
        declared = _CHARSET.search(data[:4096])
        if declared and b"\x00" not in data[:_SNIFF_BYTES]:
            try:
                return data.decode(declared.group(1).decode("ascii")).replace("\r\n", "\n")
            except (LookupError, UnicodeDecodeError):
                pass
        raise


# elements whose text is never article text (used only by the fallback extractor)
_NON_CONTENT = ("script", "style", "noscript", "template", "nav", "header", "footer",
                "aside", "form", "button", "iframe", "svg", "select", "head")
_BLOCKS = frozenset((
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figure", "figcaption",
    "address", "hr", "body",
))


def _visible_text(html: str) -> str:
    """The visible text of the page body, block elements as paragraphs (lxml fallback)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.xpath("|".join(f"//{tag}" for tag in _NON_CONTENT)):
        element.drop_tree()
    body = root.find("body")
    parts: list[str] = []

    def walk(element: Any) -> None:
        if not isinstance(element.tag, str):  # comment or processing instruction
            return
        block = element.tag in _BLOCKS
        if block:
            parts.append("\n\n")
        if element.tag == "br":
            parts.append("\n")
        if element.text:
            parts.append(re.sub(r"\s+", " ", element.text))
        for child in element:
            walk(child)
            if child.tail:
                parts.append(re.sub(r"\s+", " ", child.tail))
        if block:
            parts.append("\n\n")

    walk(body if body is not None else root)
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_document(html: str, *, name: str, source: str, where: str | Path) -> Document:
    """A Document from an HTML page: its main text, title, date and URL (trafilatura).

    Navigation, headers, footers, comments and tables are left out. When trafilatura finds
    no main text, the visible text of the body is used instead.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        extracted = trafilatura.bare_extraction(
            html, favor_precision=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, with_metadata=True,
        )
    except (ValueError, TypeError):  # trafilatura raises ValueError on unusable pages
        extracted = None
    text = (extracted.text if extracted is not None else None) or ""
    if text.strip():
        # trafilatura puts one paragraph per line; make paragraphs blank-line separated,
        # as in the text files
        text = re.sub(r"\n+", "\n\n", text)
    else:
        text = _visible_text(html)
    if not text.strip():
        raise InputError(where, "no article text found in the page")
    return make_document(
        text, where=where, name=name,
        title=getattr(extracted, "title", None),
        date=getattr(extracted, "date", None),
        url=getattr(extracted, "url", None),
        source=source,
    )


# ---------------------------------------------------------------- entry points


def read_path(path: str | Path, on_error: OnError | None = None, max_size: int | None = None) -> Iterator[Document]:
    """The Documents in one file (or ``"-"``, standard input), chosen by its suffix.

    Raises InputError naming the file when it is missing, empty, binary, not UTF-8, of an
    unsupported type or larger than *max_size* bytes (for JSON Lines: a record's text larger
    than that); bad JSON Lines records go to *on_error* (raised when it is None).
    """
    if str(path) == "-":
        yield from read_stdin(on_error=on_error, max_size=max_size)
        return
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    if not path.exists():
        raise InputError(path, "no such file or directory")
    suffix = path.suffix.lower()
    if suffix not in INPUT_SUFFIXES:
        kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
        raise InputError(path, f"unsupported file type {kind} (expected {', '.join(INPUT_SUFFIXES)})")
    # a JSON Lines file is a corpus: its records are held to the limit, not the file
    data = _read_bytes(path, None if suffix in JSONL_SUFFIXES else max_size)
    name = path.stem
    if suffix in HTML_SUFFIXES:
        yield html_document(_decode_html(data, path), name=name, source=str(path), where=path)
    elif suffix in JSONL_SUFFIXES:
        yield from jsonl_documents(decode_text(data, path), where=path, name=name, on_error=on_error,
                                   max_size=max_size)
    else:  # TEXT_SUFFIXES
        yield text_document(decode_text(data, path), name=name, source=str(path), where=path)


def read_stdin(stream: IO[Any] | None = None, on_error: OnError | None = None,
               max_size: int | None = None) -> Iterator[Document]:
    """Documents from *stream* (default: standard input), read as UTF-8.

    JSON Lines when the first non-blank character is ``{``, else one plain-text document.
    """
    stream = sys.stdin if stream is None else stream
    binary = getattr(stream, "buffer", None)
    try:
        raw = (binary if binary is not None else stream).read()
    except OSError as exc:
        raise InputError(STDIN_SOURCE, f"cannot read: {exc.strerror or exc}") from None
    # bytes are decoded here so the input is UTF-8 whatever the locale says
    text = decode_text(raw, STDIN_SOURCE) if isinstance(raw, bytes) else raw.replace("\r\n", "\n")
    stripped = text.lstrip()
    if not stripped:
        raise InputError(STDIN_SOURCE, "empty input")
    if stripped.startswith("{"):
        yield from jsonl_documents(text, where=STDIN_SOURCE, name="stdin", on_error=on_error, max_size=max_size)
    else:
        check_size(text_size(text, max_size), max_size, STDIN_SOURCE)
        yield text_document(text, name="stdin", source=STDIN_SOURCE, where=STDIN_SOURCE)

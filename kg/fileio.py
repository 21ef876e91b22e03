"""Reading and writing files safely: one-line errors when reading; writing to a temporary file
beside the target, then an atomic rename.

A crash, a full disk or a bad argument never leaves a half-written graph or page behind, and a
reader of the old file sees either the old or the new content.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import InputError, KgError, OutputError


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file next to *path* for writing; rename it onto *path* on success.

    Raises :class:`OutputError` (one line, naming *path*) when the folder does not exist or
    is not writable. On any exception the temporary file is removed and *path* is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(target, "is a directory, not a file")
    if not folder.is_dir():
        below = next((p for p in folder.parents if p.exists()), None) if not folder.exists() else folder
        if below is not None and not below.is_dir():
            raise OutputError(target, f"cannot write: {below} is a file, not a folder")
        raise OutputError(target, f"cannot write: folder {folder} does not exist")
    binary = "b" in mode
    if target.exists() and not target.is_file():
        # a device or a pipe (/dev/stdout, /dev/full, a FIFO): written in place, never replaced
        yield from _write_in_place(target, mode, None if binary else encoding)
        return
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding) as handle:
            yield handle
        # mkstemp makes the file private (0600); give it the usual umask-based mode
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, mode: str, encoding: str | None) -> Iterator[IO]:
    try:
        with open(target, mode, encoding=encoding) as handle:
            yield handle
    except OSError as exc:
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from None


def read_text(path: str | os.PathLike[str], error: type[KgError] = InputError, what: str = "file") -> str:
    """The UTF-8 text of *path* (a BOM dropped), or one-line *error* naming the file and the problem."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except IsADirectoryError:
        raise error(path, f"is a directory, not a {what}") from None
    except UnicodeDecodeError as exc:
        raise error(path, f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror or exc}") from None

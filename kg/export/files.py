"""Atomic output of a folder of files: written into a temporary folder beside the target, then renamed."""
from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import OutputError


@contextlib.contextmanager
def atomic_folder(target: Path, names: Iterable[str]) -> Iterator[Path]:
    """Yield a temporary folder to fill with *names*; on success it replaces *target*.

    *target* may be missing or a folder holding only *names* (an earlier export): anything else
    is refused, so that an export never deletes a user's other files.
    """
    names = set(names)
    parent = target.parent if str(target.parent) else Path(".")
    if target.exists():
        if not target.is_dir():
            raise OutputError(target, "exists and is not a folder")
        others = sorted(p.name for p in target.iterdir() if p.name not in names)
        if others:
            raise OutputError(target, f"folder exists and holds other files ({', '.join(others[:3])}); choose a new folder")
    if not parent.is_dir():
        raise OutputError(target, f"cannot write: folder {parent} does not exist")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from None
    try:
        yield tmp
        tmp.chmod(0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            target.rename(old / target.name)
            tmp.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask

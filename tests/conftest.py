"""Shared fixtures: paths, one spaCy pipeline per session, a small built graph, and the CLI.

Everything is real: the spaCy pipeline is loaded (once: ``kg.nlp.pipeline`` caches it by
name), graphs are built by ``kg.build`` from small articles written here, and the CLI runs
in-process through typer's ``CliRunner``. With the installed click (>= 8.2) and typer, the
runner always captures stderr separately: ``result.stdout`` and ``result.stderr`` are the two
streams and ``result.output`` is both, interleaved as a terminal would show them (the old
``mix_stderr`` argument no longer exists).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import kg
from kg.cli import app
from kg.nlp.pipeline import load_pipeline

REPO_ROOT = Path(__file__).resolve().parents[1]

#: A short article with one clear instance of each relation (and an inferred one:
#: the consortium is based in Shelbyville and includes Acme Corp, so Acme Corp is too).
ARTICLE = """Busy Week for the Mayor

Mayor Jane Doe visited Springfield on Tuesday. She met local business leaders there.

The consortium is based in Shelbyville. The consortium includes Acme Corp and Globex Inc.

Acme Corp signed an agreement with Globex Inc on Wednesday.
"""


#: A second article about the same people, for builds across runs and stores: the visit again
#: (more evidence for one fact) and one more agreement.
SECOND_ARTICLE = """Mayor Returns to Springfield

Mayor Jane Doe visited Springfield again on Friday. She toured the new library with Acme Corp staff.

Acme Corp signed an agreement with Globex Inc on the same day.
"""


@pytest.fixture()
def articles(tmp_path: Path, article_text: str) -> tuple[Path, Path]:
    """:data:`ARTICLE` and :data:`SECOND_ARTICLE` as two files."""
    a, b = tmp_path / "mayor.txt", tmp_path / "returns.txt"
    a.write_text(article_text, encoding="utf-8")
    b.write_text(SECOND_ARTICLE, encoding="utf-8")
    return a, b


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


#: An example query's focus: the line ``VALUES ?var { "name" }`` that its comment says to change,
#: or to delete for every fact of its kind.
FOCUS = re.compile(r'^\s*VALUES \?(\w+) \{ "([^"]*)" \}\s*\n', re.MULTILINE)


@pytest.fixture()
def widened_query(tmp_path: Path) -> Callable[[str], Path]:
    """``examples/queries/NAME.rq`` with its focus line deleted, as a file: the listing it narrows."""

    def widen(name: str) -> Path:
        path = tmp_path / f"{name}-all.rq"
        text = (REPO_ROOT / "examples" / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        path.write_text(FOCUS.sub("", text), encoding="utf-8")
        return path

    return widen


@pytest.fixture(scope="session")
def shared_dir(repo_root: Path) -> Path:
    """The ``../shared`` folder beside the repository (skips the test when it is absent)."""
    path = repo_root.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once; later ``kg.build`` calls reuse the cached one."""
    return load_pipeline()


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE


@pytest.fixture(scope="session")
def article_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("article") / "mayor.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def gazetteer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One gazetteer for the whole session (each distinct gazetteer list loads a pipeline)."""
    path = tmp_path_factory.mktemp("gazetteer") / "names.csv"
    path.write_text("name,type\nGlobex,Place\n李家超,Person\n김민준,Person\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def built_graph(nlp, article_file: Path) -> kg.KnowledgeGraph:
    """The graph of :data:`ARTICLE`, built once per session with ``kg.build``."""
    return kg.build([article_file])


@pytest.fixture(scope="session")
def run_cli(nlp) -> Callable[..., Result]:
    """Run ``kg ARGS...`` in-process; returns typer's ``Result`` (``.stdout``, ``.stderr``, ``.exit_code``).

    An exception that escapes the command (anything but a normal exit) fails the test at once:
    the CLI promises one-line errors, never a traceback.
    """
    runner = CliRunner()

    def run(*args: str | os.PathLike[str], input: str | None = None, env: dict[str, str | None] | None = None) -> Result:
        argv: Sequence[str] = [os.fspath(a) for a in args]
        result = runner.invoke(app, argv, input=input, env=env, prog_name="kg")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            detail = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else repr(result.exception)
            pytest.fail(f"kg {' '.join(argv)} raised instead of reporting an error:\n{detail}")
        return result

    return run

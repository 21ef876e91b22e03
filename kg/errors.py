"""User-facing errors: one line that names the file (or setting) and the problem.

Everything the CLI catches and prints as ``kg: error: <where>: <problem>`` is a :class:`KgError`;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import re
from pathlib import Path

# a file named "a\nb.txt" must not break the one-line message: such characters are escaped
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """*text* with control characters and line breaks escaped (``\\n``, ``\\x00``, ``\\u2028``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class KgError(Exception):
    """A problem with the user's input, settings or environment, reported in one line."""

    def __init__(self, where: str | Path | None, problem: str) -> None:
        self.where = one_line(str(where)) if where is not None else None
        self.problem = one_line(problem)
        problem = self.problem
        super().__init__(f"{self.where}: {problem}" if self.where else problem)

    def __reduce__(self) -> tuple:
        # pickled by its two fields, so that it crosses from worker processes intact
        return type(self), (self.where, self.problem)


class InputError(KgError):
    """A document that cannot be read: missing, empty, binary, not UTF-8, malformed."""


class ModelError(KgError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class QueryError(KgError):
    """A SPARQL query that cannot be parsed or run."""


class OutputError(KgError):
    """An output file that cannot be written."""

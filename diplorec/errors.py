"""Exceptions raised by diplorec.

Models raise :class:`ValueError` subclasses when constructed with invalid values;
the wire layer (``from_dict``, ``loads``, ``read_jsonl``) gathers every problem it
finds into one :class:`ValidationError`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["DiplorecError", "FieldError", "Problem", "ValidationError"]


class DiplorecError(Exception):
    """Base class of every exception diplorec raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with some input: where it is (a JSON path) and what is wrong.

    ``line`` is the 1-based line number of the record in a JSON Lines file, or None
    when the input is not read line by line; the path is then within that line.

    >>> str(Problem(path="$.envoy.rank", message="'ambasador' is not a diplomatic rank"))
    "$.envoy.rank: 'ambasador' is not a diplomatic rank"
    >>> str(Problem(path="$.on", message="is required but missing", line=7))
    'line 7: $.on: is required but missing'
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"line {self.line}: {self.path}"
        return f"{where}: {self.message}"


class ValidationError(DiplorecError, ValueError):
    """Input that does not describe a valid diplorec value.

    ``problems`` lists every problem found, each with a JSON path (``$`` is the
    document root) and a plain sentence.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            self.problems = (Problem(path="$", message="the input is not valid"),)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class FieldError(DiplorecError, ValueError):
    """A single field of a model holds a value its rule forbids.

    ``field`` names the attribute (and so the JSON key); ``reason`` is the sentence
    without the field name, so the wire layer can attach its own path.
    """

    field: str
    reason: str

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")

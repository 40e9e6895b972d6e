"""Exceptions raised by diplorec.

Models raise :class:`ValueError` subclasses when constructed with invalid values;
the wire layer (``from_dict``, ``loads``, ``read_jsonl``) gathers every problem it
finds into one :class:`ValidationError`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import attrs

__all__ = ["MAX_PROBLEMS", "DiplorecError", "FieldError", "Problem", "ValidationError"]

#: The most problems one :class:`ValidationError` keeps; any more are only counted.
MAX_PROBLEMS = 100


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

    ``problems`` lists the problems found, each with a JSON path (``$`` is the
    document root) and a plain sentence: every one of them, up to
    :data:`MAX_PROBLEMS`; ``omitted`` counts those past that limit, which the
    message mentions as "and K more" (``omitted`` given to the constructor adds to
    that count, for problems already dropped). So an input with a million faults still
    makes an error of bounded size.

    >>> error = ValidationError(Problem(path=f"$[{i}]", message="is wrong") for i in range(102))
    >>> len(error.problems), error.omitted, str(error).splitlines()[-1]
    (100, 2, '  ... and 2 more')
    """

    problems: tuple[Problem, ...]
    omitted: int

    def __init__(self, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        found = iter(problems)
        self.problems = tuple(itertools.islice(found, MAX_PROBLEMS))
        self.omitted = sum(1 for _ in found) + omitted
        if not self.problems:
            self.problems = (Problem(path="$", message="the input is not valid"),)
        count = len(self.problems) + self.omitted
        lines = [f"{count} problem{'s' if count != 1 else ''} found:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        if self.omitted:
            lines.append(f"  ... and {self.omitted} more")
        super().__init__("\n".join(lines))


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

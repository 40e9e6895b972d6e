"""What the interchange readers share: reading lines in bounded memory, counting, countries."""

from __future__ import annotations

import csv
import functools
import gzip
import io
import os
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import IO, Any, Literal, TypeVar

import attrs

from diplorec.actors import State
from diplorec.errors import Problem, ValidationError
from diplorec.jsonl import GZIP_FAILURES, BadLine, LineReader, StreamError, numbered_lines

__all__ = [
    "ISO3",
    "MAX_LINE_BYTES",
    "QID",
    "Errors",
    "PathOrFile",
    "RecordReader",
    "country",
    "excerpt",
    "lines",
    "problem",
]

T = TypeVar("T")

#: The longest line the readers take (16 MiB); a longer line is a bad line.
MAX_LINE_BYTES = 16 * 1024 * 1024

PathOrFile = str | os.PathLike[str] | IO[bytes]
Errors = Literal["raise", "collect"]

#: A Wikidata item id, and an ISO 3166-1 alpha-3 code, as the models require them.
QID = re.compile(r"Q[1-9][0-9]{0,11}")
ISO3 = re.compile(r"[A-Z]{3}")

_GZIP_MAGIC = b"\x1f\x8b"


def excerpt(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to about ``limit`` characters for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def problem(path: str, message: str) -> ValidationError:
    """A ValidationError with one problem."""
    return ValidationError([Problem(path=path, message=message)])


def lines(
    stream: IO[bytes], blank: bytes = b" \t\r\n"
) -> Generator[tuple[int, bytes | None], None, None]:
    """Yield (1-based line number, line) for each non-blank line; None for a too-long line.

    A line is blank when it holds nothing but the bytes in ``blank``. gzip input is
    recognised by its first bytes. At most ``MAX_LINE_BYTES`` of a line are held at once.
    """
    source: Any = stream
    if head(stream, 2) == _GZIP_MAGIC:
        source = gzip.GzipFile(fileobj=stream, mode="rb")
    failed = "the compressed data is corrupt or cut short ({error})"
    yield from numbered_lines(source, MAX_LINE_BYTES, blank, GZIP_FAILURES, failed)


def head(stream: IO[bytes], size: int) -> bytes:
    """The first ``size`` bytes of a stream, left unread (peeked, or read and sought back)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(size))[:size]
    if stream.seekable():
        start = stream.tell()
        first = stream.read(size)
        stream.seek(start)
        return bytes(first)
    return b""


def open_binary(source: PathOrFile) -> tuple[IO[bytes], bool]:
    """A binary stream for ``source`` and whether this call opened it."""
    if isinstance(source, (str, os.PathLike)):
        return open(source, "rb"), True
    if isinstance(source, io.TextIOBase):
        raise TypeError("give a path or a file opened in binary mode ('rb')")
    return source, False


class RecordReader(LineReader[T]):
    """Records of a line-oriented file, one at a time, with counts of what was read.

    Iterate over it for the records. A bad line either raises
    :class:`~diplorec.errors.ValidationError` with the line number in each problem
    (``errors="raise"``) or is kept in :attr:`bad_lines` while reading goes on
    (``errors="collect"``): nothing is dropped silently. Use it in a ``with`` block,
    or call :meth:`close`, to close a file it opened before the end.

    - ``lines_read``: lines that were not blank;
    - ``valid``: records returned;
    - ``skipped``: lines read but deliberately not returned (see the reader);
    - ``bad_lines``: the :class:`~diplorec.jsonl.BadLine` of each bad line;
    - ``exhausted``: whether the end was reached.

    Once exhausted, ``valid + skipped + len(bad_lines) == lines_read`` unless the
    reader says otherwise (the GDELT reader folds rows of one act into one event).
    """

    def __init__(self, records: Iterator[tuple[int, bytes | None]], errors: Errors) -> None:
        super().__init__(errors)
        self.skipped = 0
        self._closers: list[Callable[[], object]] = []
        self._output = self._run(records)

    # Subclasses turn one line into records (zero, one or several).
    def _read(self, line: bytes) -> Iterable[T]:
        raise NotImplementedError

    def _finish(self) -> Iterable[T]:
        """Records still held when the input ends."""
        return ()

    def _bad(self, number: int, problems: Iterable[Problem], omitted: int = 0) -> None:
        located = tuple(attrs.evolve(p, line=number) for p in problems)
        if self.errors == "raise":
            raise ValidationError(located, omitted=omitted)
        self.bad_lines.append(BadLine(line=number, problems=located, omitted=omitted))

    def _run(self, records: Iterator[tuple[int, bytes | None]]) -> Generator[T, None, None]:
        try:
            for number, line in records:
                self.lines_read += 1
                if line is None:
                    message = (
                        f"the line is longer than {MAX_LINE_BYTES} bytes, the most that is read"
                    )
                    self._bad(number, [Problem(path="$", message=message)])
                    continue
                try:
                    produced = list(self._read(line))
                except ValidationError as error:
                    self._bad(number, error.problems, error.omitted)
                    continue
                yield from produced
            yield from self._finish()
            self.exhausted = True
        except StreamError as error:
            number, message = error.args
            raise ValidationError([Problem(path="$", message=message, line=number)]) from None
        finally:
            self._release()

    def __next__(self) -> T:
        record = next(self._output)
        self.valid += 1
        return record

    def close(self) -> None:
        """Stop reading and close what the reader opened."""
        self._output.close()
        self._release()

    def _release(self) -> None:
        while self._closers:
            self._closers.pop()()


@functools.cache
def _countries() -> dict[str, tuple[str, str, str]]:
    from importlib import resources

    text = resources.files("diplorec").joinpath("data/cameo_countries.csv").read_text("utf-8")
    return {
        row["cameo"]: (row["iso3"], row["iso2"], row["name"])
        for row in csv.DictReader(io.StringIO(text))
    }


def country(code: str) -> State | None:
    """The state of a CAMEO (or ISO 3166-1 alpha-3) country code; None for other codes.

    >>> country("ROM").id, country("ROM").name
    ('state:ROU', 'Romania')
    >>> country("AFR") is None
    True
    """
    return _state(code) if code in _countries() else None


@functools.cache
def _state(code: str) -> State:
    iso3, iso2, name = _countries()[code]
    return State(name=name, iso3=iso3, iso2=iso2)

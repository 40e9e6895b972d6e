"""JSON Lines: one event per line, read as a stream, written atomically.

:func:`read_jsonl` reads one line at a time, so a file of millions of events takes
the memory of one. A bad line either stops the reading with a
:class:`~diplorec.errors.ValidationError` whose problems carry the line number
(``errors="raise"``, the default), or is recorded in :attr:`JsonlReader.bad_lines`
while reading goes on (``errors="collect"``). Either way nothing is dropped
silently: once a reader is exhausted, ``reader.valid + len(reader.bad_lines) ==
reader.lines_read``.

:func:`write_jsonl` writes to a temporary file beside the target and renames it
into place, so a crash never leaves half a dataset. Names ending in ``.gz`` are
gzip-compressed; gzip input is recognised by its first bytes, whatever its name.

>>> import io
>>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
>>> buffer = io.BytesIO()
>>> write_jsonl([RECOGNITION], buffer)
1
>>> list(read_jsonl(io.BytesIO(buffer.getvalue()))) == [RECOGNITION]
True
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import secrets
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Generic, Literal, Protocol, TypeVar, overload

import attrs

from diplorec.converters import dumps, from_dict, parse_json
from diplorec.errors import Problem, ValidationError
from diplorec.events import Event
from diplorec.migrations import SPEC_VERSION, upgrade_event

__all__ = ["MAX_LINE_BYTES", "BadLine", "JsonlReader", "read_jsonl", "write_jsonl"]

T = TypeVar("T")

#: The longest line :func:`read_jsonl` reads (64 MiB); a longer line is a bad line.
MAX_LINE_BYTES = 64 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_JSON_SPACE = b" \t\r\n"

PathOrFile = str | os.PathLike[str] | IO[bytes] | IO[str]


class _Readable(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


# A line is its text, or None when it was too long to read.
_Line = tuple[int, bytes | str | None]


@attrs.frozen(kw_only=True)
class BadLine:
    """A line of a JSON Lines file that does not hold a valid record, and why.

    ``line`` is its 1-based number in the file (blank lines count); each problem
    carries the same number and a JSON path within the line.
    """

    line: int
    problems: tuple[Problem, ...]

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


class _StreamError(Exception):
    """The stream itself could not be read further (corrupt gzip, undecodable text)."""


def _with_line(problems: Iterable[Problem], line: int) -> tuple[Problem, ...]:
    return tuple(attrs.evolve(problem, line=line) for problem in problems)


class JsonlReader(Generic[T]):
    """The records of a JSON Lines file, one at a time, with counts of what was read.

    Made by :func:`read_jsonl`. Iterate over it for the valid records. It closes a
    file it opened once exhausted; use it in a ``with`` block (or call
    :meth:`close`) to close it sooner.

    After iteration, or at any point during it:

    - ``lines_read``: lines that were not blank (each a record, valid or not);
    - ``valid``: records returned;
    - ``bad_lines``: the :class:`BadLine` of every invalid line (collecting mode);
    - ``exhausted``: whether the end of the input was reached.
    """

    def __init__(
        self,
        source: PathOrFile,
        cls: Any,
        errors: Literal["raise", "collect"],
        spec_version: str,
    ) -> None:
        if errors not in ("raise", "collect"):
            raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
        self.cls = cls
        self.errors = errors
        self.spec_version = spec_version
        self.name = _name_of(source)
        self.lines_read = 0
        self.valid = 0
        self.bad_lines: list[BadLine] = []
        self.exhausted = False
        self._closed = False
        self._lines = _lines(source)

    def __iter__(self) -> JsonlReader[T]:
        return self

    def __next__(self) -> T:
        while True:
            try:
                number, data = next(self._lines)
            except StopIteration:
                self.exhausted = not self._closed
                raise
            except _StreamError as error:
                number, message = error.args
                self.close()
                raise ValidationError([Problem(path="$", message=message, line=number)]) from None
            self.lines_read += 1
            try:
                record = self._record(data)
            except ValidationError as error:
                problems = _with_line(error.problems, number)
                if self.errors == "raise":
                    self.close()
                    raise ValidationError(problems) from None
                self.bad_lines.append(BadLine(line=number, problems=problems))
                continue
            self.valid += 1
            return record

    def _record(self, data: bytes | str | None) -> T:
        if data is None:
            message = f"the line is longer than {MAX_LINE_BYTES} bytes, the most that is read"
            raise ValidationError([Problem(path="$", message=message)])
        parsed = parse_json(data)
        if self.spec_version != SPEC_VERSION:
            parsed = upgrade_event(parsed, self.spec_version)
        record: T = from_dict(parsed, self.cls)
        return record

    def close(self) -> None:
        """Stop reading and close the file if the reader opened it."""
        self._closed = True
        self._lines.close()

    def __enter__(self) -> JsonlReader[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _name_of(source: PathOrFile) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _lines(source: PathOrFile) -> Generator[_Line, None, None]:
    """Yield (line number, line) for every line that is not blank.

    The generator closes a file it opened when it finishes or is closed.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as raw:
            yield from _binary_lines(_maybe_gunzip(raw))
    elif isinstance(source, io.TextIOBase):
        yield from _text_lines(source)
    else:
        yield from _binary_lines(_maybe_gunzip(source))  # type: ignore[arg-type]


def _maybe_gunzip(stream: _Readable) -> _Readable:
    peek = getattr(stream, "peek", None)
    if peek is not None and bytes(peek(2))[:2] == _GZIP_MAGIC:
        unpacked: _Readable = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[call-overload]
        return unpacked
    return stream


def _binary_lines(stream: _Readable) -> Generator[_Line, None, None]:
    number = 0
    while True:
        number += 1
        try:
            line = stream.readline(MAX_LINE_BYTES + 1)
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield number, None
                continue
        except (gzip.BadGzipFile, EOFError, zlib.error) as error:
            message = f"the gzip data is corrupt or cut short ({error}); nothing more can be read"
            raise _StreamError(number, message) from None
        if not line:
            return
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        if line.strip(_JSON_SPACE):
            yield number, line


def _skip_rest_of_line(stream: _Readable) -> None:
    while True:
        chunk = stream.readline(1024 * 1024)
        if not chunk or chunk.endswith(b"\n"):
            return


def _text_lines(stream: io.TextIOBase) -> Generator[_Line, None, None]:
    number = 0
    while True:
        number += 1
        try:
            line = stream.readline()
        except UnicodeDecodeError as error:
            message = f"the text cannot be decoded ({error.reason}); nothing more can be read"
            raise _StreamError(number, message) from None
        if not line:
            return
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        if line.strip(" \t\r\n"):
            yield number, line


@overload
def read_jsonl(
    source: PathOrFile,
    *,
    errors: Literal["raise", "collect"] = ...,
    spec_version: str = ...,
) -> JsonlReader[Event]: ...
@overload
def read_jsonl(
    source: PathOrFile,
    cls: type[T],
    *,
    errors: Literal["raise", "collect"] = ...,
    spec_version: str = ...,
) -> JsonlReader[T]: ...
@overload
def read_jsonl(
    source: PathOrFile,
    cls: Any,
    *,
    errors: Literal["raise", "collect"] = ...,
    spec_version: str = ...,
) -> JsonlReader[Any]: ...
def read_jsonl(
    source: PathOrFile,
    cls: Any = Event,
    *,
    errors: Literal["raise", "collect"] = "raise",
    spec_version: str = SPEC_VERSION,
) -> JsonlReader[Any]:
    """Stream the records of a JSON Lines file (a path or an open file), one per line.

    ``cls`` is what each line holds: :data:`~diplorec.events.Event` (the default),
    a model class, or a union. Blank lines, a final newline, a UTF-8 byte order mark
    and CRLF line ends are all fine; gzip data is decompressed. A line of invalid
    UTF-8 or invalid JSON is a bad line like any other.

    With ``errors="raise"`` the first bad line raises a
    :class:`~diplorec.errors.ValidationError` whose problems have ``line`` set, e.g.
    ``line 7: $.on: is required but missing``. With ``errors="collect"`` every bad
    line is recorded in :attr:`JsonlReader.bad_lines` and reading goes on.

    ``spec_version`` is the version the file was written in; older records are
    migrated to the current version as they are read.

    >>> import io
    >>> reader = read_jsonl(io.StringIO('{"type": "meeting"}\\n\\n[]\\n'), errors="collect")
    >>> list(reader), reader.lines_read, [bad.line for bad in reader.bad_lines]
    ([], 2, [1, 3])
    """
    return JsonlReader(source, cls, errors, spec_version)


def write_jsonl(events: Iterable[Any], target: PathOrFile) -> int:
    """Write values (events, or any model values) as JSON Lines; return how many.

    To a path, the file is written in full under a temporary name in the same
    directory, flushed to disk, then renamed over ``target``: readers see the old
    file or the new one, never half of one, and on an error the old file is left as
    it was. A path ending in ``.gz`` is gzip-compressed (reproducibly: no timestamp
    in the header). To an open file (text or binary), lines are simply written.
    """
    if isinstance(target, io.TextIOBase):
        return _write_lines(events, target.write)
    if not isinstance(target, (str, os.PathLike)):
        binary: IO[bytes] = target  # type: ignore[assignment]
        return _write_lines(events, lambda line: binary.write(line.encode("utf-8")))
    name = Path(target).name
    with replacing(target) as temporary, temporary.open("xb") as raw:
        if name.endswith(".gz"):
            with gzip.GzipFile(filename=name, mode="wb", fileobj=raw, mtime=0) as out:
                return _write_lines(events, lambda line: out.write(line.encode("utf-8")))
        return _write_lines(events, lambda line: raw.write(line.encode("utf-8")))


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it when the block succeeds.

    Create the file at the path inside the ``with`` block. When the block ends
    without an error the file is flushed to disk and renamed over ``target`` in one
    step; on an error it is removed and ``target`` is left as it was.
    """
    path = Path(target)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        yield temporary
        descriptor = os.open(temporary, os.O_RDWR)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)


def _write_lines(events: Iterable[Any], write: Callable[[str], object]) -> int:
    count = 0
    for event in events:
        write(dumps(event) + "\n")
        count += 1
    return count


def _sync_directory(directory: Path) -> None:
    """Flush the rename to disk where the platform allows it (POSIX); skip elsewhere."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

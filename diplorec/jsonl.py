"""JSON Lines: one event per line, read as a stream, written atomically.

:func:`read_jsonl` reads one line at a time, so a file of millions of events takes
the memory of one. A bad line either stops the reading with a
:class:`~diplorec.errors.ValidationError` whose problems carry the line number
(``errors="raise"``, the default), or is counted and reported while reading goes on
(``errors="collect"``). Either way nothing is dropped silently: once a reader is
exhausted, ``reader.valid + reader.bad_count == reader.lines_read``.

Every resource is bounded, whatever the input: a line is read up to
:data:`MAX_LINE_BYTES` (a longer one is a bad line, skipped without being held in
memory), a bad line keeps at most :data:`~diplorec.errors.MAX_PROBLEMS` problems, and
a collecting reader keeps at most ``max_bad_lines`` bad lines (counting the rest).

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

import codecs
import contextlib
import errno
import gzip
import io
import json
import os
import secrets
import signal
import stat
import threading
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import (
    IO,
    Any,
    AnyStr,
    Generic,
    Literal,
    Protocol,
    Self,
    TypedDict,
    TypeVar,
    Unpack,
    overload,
)

import attrs

from diplorec._gc import pause as _pause_gc
from diplorec._gc import resume as _resume_gc
from diplorec.converters import dumps, from_dict, parse_json
from diplorec.errors import Problem, ValidationError
from diplorec.events import Event
from diplorec.migrations import SPEC_VERSION, upgrade_event

__all__ = [
    "DEFAULT_MAX_BAD_LINES",
    "MAX_LINE_BYTES",
    "BadLine",
    "JsonlReader",
    "read_jsonl",
    "write_jsonl",
]

T = TypeVar("T")

#: The longest line :func:`read_jsonl` reads (64 MiB, in UTF-8, not counting the line
#: end), from binary and text streams alike; a longer line is a bad line.
MAX_LINE_BYTES = 64 * 1024 * 1024
#: How many bad lines a collecting reader keeps by default (it counts them all).
DEFAULT_MAX_BAD_LINES = 1000

_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_JSON_SPACE = b" \t\r\n"
#: What reading gzip data raises when the data is corrupt or cut short.
GZIP_FAILURES = (gzip.BadGzipFile, EOFError, zlib.error)
# Lines are read in pieces of this size, so a long line is never read past the limit.
_PIECE = 1024 * 1024

PathOrFile = str | os.PathLike[str] | IO[bytes] | IO[str]


class _Readable(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


# A line is its text, or None when it was too long to read.
_Line = tuple[int, bytes | str | None]


@attrs.frozen(kw_only=True)
class BadLine:
    """A line of a JSON Lines file that does not hold a valid record, and why.

    ``line`` is its 1-based number in the file (blank lines count); each problem
    carries the same number and a JSON path within the line. At most
    :data:`~diplorec.errors.MAX_PROBLEMS` problems are kept; ``omitted`` counts the rest.
    """

    line: int
    problems: tuple[Problem, ...]
    omitted: int = 0

    def __str__(self) -> str:
        lines = [str(problem) for problem in self.problems]
        if self.omitted:
            lines.append(f"line {self.line}: ... and {self.omitted} more")
        return "\n".join(lines)


class StreamError(Exception):
    """The stream itself cannot be read further (corrupt compression, undecodable text).

    Its arguments are the number of the line that could not be read and why.
    """


def _with_line(problems: Iterable[Problem], line: int) -> tuple[Problem, ...]:
    return tuple(attrs.evolve(problem, line=line) for problem in problems)


class LineReader(Generic[T]):
    """What the readers of line-oriented files share: iterate for the records; leaving a
    ``with`` block closes the reader."""

    def __init__(self, errors: Literal["raise", "collect"]) -> None:
        if errors not in ("raise", "collect"):
            raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
        self.errors = errors
        self.lines_read = 0
        self.valid = 0
        self.bad_lines: list[BadLine] = []
        self.exhausted = False

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> T:
        raise NotImplementedError

    def close(self) -> None:
        """Stop reading and close what the reader opened."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class JsonlReader(LineReader[T]):
    """The records of a JSON Lines file, one at a time, with counts of what was read.

    Made by :func:`read_jsonl`. Iterate over it for the valid records. It closes a
    file it opened once exhausted; use it in a ``with`` block (or call
    :meth:`close`) to close it sooner.

    After iteration, or at any point during it:

    - ``lines_read``: lines that were not blank (each a record, valid or not);
    - ``valid``: records returned;
    - ``bad_count``: invalid lines (collecting mode), every one of them;
    - ``bad_lines``: the :class:`BadLine` of the first ``max_bad_lines`` invalid lines;
    - ``exhausted``: whether the end of the input was reached.
    """

    _gc_paused = False  # whether this reader holds one of the collector's pauses

    def __init__(
        self,
        source: PathOrFile,
        cls: Any,
        errors: Literal["raise", "collect"],
        spec_version: str,
        *,
        max_bad_lines: int | None = DEFAULT_MAX_BAD_LINES,
        max_line_bytes: int | None = None,
        on_bad_line: Callable[[BadLine], object] | None = None,
        pause_gc: bool = False,
    ) -> None:
        super().__init__(errors)
        if max_bad_lines is not None and max_bad_lines < 0:
            raise ValueError(f"max_bad_lines must be at least 0, not {max_bad_lines}")
        self.cls = cls
        self.spec_version = spec_version
        self.name = _name_of(source)
        self.max_bad_lines = max_bad_lines
        self.max_line_bytes = MAX_LINE_BYTES if max_line_bytes is None else max_line_bytes
        self.on_bad_line = on_bad_line
        self.bad_count = 0
        self._closed = False
        self.pause_gc = pause_gc
        self._gc_paused = False
        self._lines = _lines(source, self.max_line_bytes)

    def __next__(self) -> T:
        if self.pause_gc and not self._gc_paused and not self._closed:
            _pause_gc()
            self._gc_paused = True
        try:
            return self._next()
        except BaseException:  # the end, a bad line that stops the reading, an interrupt
            self._release_gc()
            raise

    def _release_gc(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            _resume_gc()

    def _next(self) -> T:
        while True:
            try:
                number, data = next(self._lines)
            except StopIteration:
                self.exhausted = not self._closed
                raise
            except StreamError as error:
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
                    raise ValidationError(problems, omitted=error.omitted) from None
                self._collect(BadLine(line=number, problems=problems, omitted=error.omitted))
                continue
            self.valid += 1
            return record

    def _collect(self, bad: BadLine) -> None:
        self.bad_count += 1
        if self.max_bad_lines is None or len(self.bad_lines) < self.max_bad_lines:
            self.bad_lines.append(bad)
        if self.on_bad_line is not None:
            self.on_bad_line(bad)

    def _record(self, data: bytes | str | None) -> T:
        if data is None:
            limit = self.max_line_bytes
            message = f"the line is longer than {limit:,} bytes, the most that is read"
            raise ValidationError([Problem(path="$", message=message)])
        try:
            parsed = parse_json(data)
        except ValidationError:
            if _cut_off(data):
                raise ValidationError([Problem(path="$", message=_CUT_OFF)]) from None
            raise
        if self.spec_version != SPEC_VERSION:
            parsed = upgrade_event(parsed, self.spec_version)
        record: T = from_dict(parsed, self.cls)
        return record

    def close(self) -> None:
        """Stop reading and close the file if the reader opened it."""
        self._closed = True
        self._release_gc()
        self._lines.close()

    def __del__(self) -> None:
        # A reader dropped half-read, without close(), still gives the collector back.
        self._release_gc()


_CUT_OFF = "the line is cut off: the file ends inside this record (was it truncated?)"
# What a crash or a full disk leaves at the end of a file: NUL padding, line-end space.
_TRAILING = "\x00 \t\r"
_LITERALS = ("true", "false", "null")


def _cut_off(data: bytes | str) -> bool:
    """Whether the text of a line that failed to parse is a JSON value cut short.

    Only the last line of a file can lack a line end; it is cut off when the JSON text
    ends inside a string, a number, a literal, an array or an object (after dropping
    NUL padding and a UTF-8 character cut in half).
    """
    if isinstance(data, bytes):
        if data.endswith(b"\n"):
            return False
        data = data.decode("utf-8", "ignore")  # only a broken last character matters here
    elif data.endswith("\n"):
        return False
    text = data.rstrip(_TRAILING)
    if not text.lstrip(" \t\ufeff").startswith(("{", "[", '"')):
        return False
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        rest = text[error.pos :]
        return (
            error.msg.startswith("Unterminated string")
            or error.pos >= len(text)
            or any(literal.startswith(rest) for literal in _LITERALS)
        )
    except (ValueError, RecursionError):
        return False
    return False


def _name_of(source: PathOrFile) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _lines(source: PathOrFile, limit: int) -> Generator[_Line, None, None]:
    """Yield (line number, line) for every line that is not blank.

    The generator closes a file it opened when it finishes or is closed.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as raw:
            yield from _binary_lines(_maybe_gunzip(raw), limit)
    elif isinstance(source, io.TextIOBase):
        binary = _utf8_bytes_of(source)
        if binary is not None:
            yield from _binary_lines(binary, limit)
        else:
            yield from _text_lines(source, limit)
    else:
        yield from _binary_lines(_maybe_gunzip(source), limit)


def _utf8_bytes_of(stream: io.TextIOBase) -> _Readable | None:
    """The bytes under a strict UTF-8 text stream, from where the text stream stands.

    Read as bytes, an undecodable line is a bad line at its own number, as in a
    binary file; the text layer would fail a whole chunk of lines at once. None
    when the stream is not such a stream or its position cannot be found.
    """
    if not isinstance(stream, io.TextIOWrapper) or stream.errors != "strict":
        return None
    try:
        if codecs.lookup(stream.encoding).name not in ("utf-8", "utf-8-sig"):
            return None
        position = stream.tell()
        stream.seek(position)  # drops what the text layer read ahead
        binary: _Readable = stream.buffer
        if stream.buffer.tell() != position:
            return None
    except (OSError, ValueError, LookupError, AttributeError):
        return None
    return binary


class _Prefixed:
    """A binary stream with bytes already read from it put back in front."""

    def __init__(self, head: bytes, stream: Any) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1, /) -> bytes:
        head = self._head
        if not head:
            data: bytes = self._stream.read(size)
            return data
        if 0 <= size <= len(head):
            self._head = head[size:]
            return head[:size]
        self._head = b""
        rest: bytes = self._stream.read(-1 if size < 0 else size - len(head))
        return head + rest

    def readline(self, size: int = -1, /) -> bytes:
        head = self._head
        if not head:
            line: bytes = self._stream.readline(size)
            return line
        end = head.find(b"\n") + 1 or len(head) + 1
        if end <= len(head) or 0 <= size <= len(head):
            cut = end if size < 0 else min(end, size)
            self._head = head[cut:]
            return head[:cut]
        self._head = b""
        rest: bytes = self._stream.readline(-1 if size < 0 else size - len(head))
        return head + rest


def _maybe_gunzip(stream: Any) -> _Readable:
    """``stream``, decompressed if it starts with the gzip magic bytes.

    A stream with ``peek()`` is looked into; from any other (``io.BytesIO``) the two
    bytes are read and put back in front.
    """
    peek = getattr(stream, "peek", None)
    head = bytes(peek(2))[:2] if peek is not None else b""
    if len(head) < 2:
        first = stream.read(2)
        if not first:
            return stream  # type: ignore[no-any-return]
        head = bytes(first)
        stream = _Prefixed(head, stream)
    if head == _GZIP_MAGIC:
        unpacked: _Readable = gzip.GzipFile(fileobj=stream, mode="rb")
        return unpacked
    return stream  # type: ignore[no-any-return]


def _binary_lines(stream: _Readable, limit: int) -> Generator[_Line, None, None]:
    failed = "the gzip data is corrupt or cut short ({error})"
    return numbered_lines(stream, limit, _JSON_SPACE, GZIP_FAILURES, failed)


def _text_lines(stream: io.TextIOBase, limit: int) -> Generator[_Line, None, None]:
    failed = "the text cannot be decoded ({error.reason})"
    return numbered_lines(stream, limit, " \t\r\n", (UnicodeDecodeError,), failed)


def numbered_lines(
    stream: Any,
    limit: int,
    blank: AnyStr,
    failures: tuple[type[Exception], ...],
    failed: str,
) -> Generator[tuple[int, AnyStr | None], None, None]:
    """Yield (1-based line number, line) for each line that is not blank, from a binary
    or a text stream (told apart by ``blank``, the characters a blank line holds).

    A line longer than ``limit`` (in UTF-8, without its line end) is None, and is not
    held in memory. A byte order mark at the start of the first line is dropped. An
    error of a type in ``failures`` while reading ends the stream: :class:`StreamError`
    with the line number and ``failed`` (``{error}`` in it stands for the error).
    """
    text = isinstance(blank, str)
    size_of, end, bom = (_utf8_length, "\n", "\ufeff") if text else (len, b"\n", _BOM)
    number = 0
    while True:
        number += 1
        try:
            line = _read_line(stream, limit, size_of, end)
        except failures as error:
            message = failed.format(error=error) + "; nothing more can be read"
            raise StreamError(number, message) from None
        if line is None:
            yield number, None
            continue
        if not line:
            return
        if number == 1 and line.startswith(bom):
            line = line[len(bom) :]
        if line.strip(blank):
            yield number, line


def _utf8_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _read_line(stream: Any, limit: int, size_of: Callable[[Any], int], end: Any) -> Any:
    """The next line, ending in ``end`` (empty at the end), or None when it is too long.

    The line is read in pieces, so a line longer than ``limit`` is never held in
    full: once past the limit, the rest of it is read and dropped piece by piece.
    """
    piece = stream.readline(_PIECE)
    if len(piece) < _PIECE or piece.endswith(end):  # the usual case: one piece
        return piece if _fits(piece, limit, size_of, end) else None
    pieces = [piece]
    size = size_of(piece)
    while size <= limit + 1:
        piece = stream.readline(_PIECE)
        if not piece:
            break
        pieces.append(piece)
        size += size_of(piece)
        if piece.endswith(end):
            break
    else:  # too long already: drop what was read, and the rest of the line
        pieces.clear()
        while piece and not piece.endswith(end):
            piece = stream.readline(_PIECE)
        return None
    line = end[:0].join(pieces)
    return line if _fits(line, limit, size_of, end) else None


def _fits(line: Any, limit: int, size_of: Callable[[Any], int], end: Any) -> bool:
    """Whether ``line``, without its line end, is at most ``limit`` long."""
    size: int = size_of(line) - line.endswith(end)
    return size <= limit


class _ReadOptions(TypedDict, total=False):
    """The keyword arguments of :func:`read_jsonl`, for its typed overloads."""

    errors: Literal["raise", "collect"]
    spec_version: str
    max_bad_lines: int | None
    max_line_bytes: int | None
    on_bad_line: Callable[[BadLine], object] | None
    pause_gc: bool


@overload
def read_jsonl(source: PathOrFile, **options: Unpack[_ReadOptions]) -> JsonlReader[Event]: ...
@overload
def read_jsonl(
    source: PathOrFile, cls: type[T], **options: Unpack[_ReadOptions]
) -> JsonlReader[T]: ...
@overload
def read_jsonl(
    source: PathOrFile, cls: Any, **options: Unpack[_ReadOptions]
) -> JsonlReader[Any]: ...
def read_jsonl(
    source: PathOrFile,
    cls: Any = Event,
    *,
    errors: Literal["raise", "collect"] = "raise",
    spec_version: str = SPEC_VERSION,
    max_bad_lines: int | None = DEFAULT_MAX_BAD_LINES,
    max_line_bytes: int | None = None,
    on_bad_line: Callable[[BadLine], object] | None = None,
    pause_gc: bool = False,
) -> JsonlReader[Any]:
    """Stream the records of a JSON Lines file (a path or an open file), one per line.

    ``cls`` is what each line holds: :data:`~diplorec.events.Event` (the default),
    a model class, or a union. Blank lines, a final newline, a UTF-8 byte order mark
    and CRLF line ends are all fine; gzip data is decompressed (from a path or a
    binary stream, ``io.BytesIO`` included). A line of invalid UTF-8 or invalid JSON
    is a bad line like any other, and so is a line longer than ``max_line_bytes``
    (default :data:`MAX_LINE_BYTES`), which is skipped without being held in memory.

    With ``errors="raise"`` the first bad line raises a
    :class:`~diplorec.errors.ValidationError` whose problems have ``line`` set, e.g.
    ``line 7: $.on: is required but missing``. With ``errors="collect"`` reading goes
    on: the :class:`JsonlReader`'s ``bad_count`` counts every bad line, its
    ``bad_lines`` keeps the first ``max_bad_lines`` of them (None: all), and
    ``on_bad_line``, if given, is called with each one as it is found.

    A text stream is read through its bytes when it is a strict UTF-8
    ``io.TextIOWrapper`` whose position can be told (a file opened in text mode),
    so an undecodable line is a bad line at its own number; from any other text
    stream that cannot be decoded, reading stops with a ``ValidationError``.

    ``spec_version`` is the version the file was written in; older records are
    migrated to the current version as they are read.

    ``pause_gc=True`` turns Python's cyclic garbage collector off from the first
    record read until the reader is exhausted, closed, stops on a bad line or is
    dropped, then turns it back on if it was on. Loading builds many objects that live
    on, and the collector scans them again and again as they pile up: pausing it roughly
    halves the time of a bulk read (see the performance page). The trade-off: while the
    reader is open, reference cycles made by *any* code in the process (other threads
    included) are not freed until the collector runs again, so pause only around a
    bulk read, not around a long-lived, slowly consumed stream.

    >>> import io
    >>> reader = read_jsonl(io.StringIO('{"type": "meeting"}\\n\\n[]\\n'), errors="collect")
    >>> list(reader), reader.lines_read, reader.bad_count, [bad.line for bad in reader.bad_lines]
    ([], 2, 2, [1, 3])
    """
    return JsonlReader(
        source,
        cls,
        errors,
        spec_version,
        max_bad_lines=max_bad_lines,
        max_line_bytes=max_line_bytes,
        on_bad_line=on_bad_line,
        pause_gc=pause_gc,
    )


def write_jsonl(events: Iterable[Any], target: PathOrFile) -> int:
    """Write values (events, or any model values) as JSON Lines; return how many.

    To a path, the file is written in full under a temporary name in the same
    directory, flushed to disk, then renamed over ``target``: readers see the old
    file or the new one, never half of one, and on an error, Ctrl-C or SIGTERM the
    old file is left as it was and the temporary file is removed. The new file
    keeps the old one's permissions (a new file gets those of any new file), and a
    symbolic link is written through: the file it points to is replaced, the link
    stays. A target that is not a regular file (``/dev/null``, a named pipe) is
    written to directly; a directory is refused with :class:`IsADirectoryError`.

    A path ending in ``.gz`` is gzip-compressed (reproducibly: no timestamp in the
    header). To an open file (text or binary), lines are simply written.
    """
    if isinstance(target, io.TextIOBase):
        return _write_lines(events, target.write)
    if not isinstance(target, (str, os.PathLike)):
        binary: IO[bytes] = target  # type: ignore[assignment]
        return _write_lines(events, lambda line: binary.write(line.encode("utf-8")))
    name = Path(target).name
    if _is_special(target):
        with open(target, "wb") as raw:
            return _write_file(events, raw, name)
    with replacing(target) as temporary, temporary.open("wb") as raw:
        return _write_file(events, raw, name)


def _write_file(events: Iterable[Any], raw: IO[bytes], name: str) -> int:
    if name.endswith(".gz"):
        with gzip.GzipFile(filename=name, mode="wb", fileobj=raw, mtime=0) as out:
            return _write_lines(events, lambda line: out.write(line.encode("utf-8")))
    return _write_lines(events, lambda line: raw.write(line.encode("utf-8")))


def _is_special(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` exists and is neither a regular file nor a directory."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


class _Terminated(BaseException):
    """SIGTERM arrived while a file was being replaced."""


@contextlib.contextmanager
def _removing_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception for the block, so its clean-up runs.

    Only where SIGTERM has its default action (terminate) and in the main thread, as
    signal handlers can only be set there. Once the block has cleaned up, the signal
    is raised again with its default action: the process ends as SIGTERM asked.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def terminate(signum: int, frame: Any) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        raise
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it when the block succeeds.

    Write the file at the path inside the ``with`` block: it exists, empty, and
    while ``target`` exists only its owner may read it. When the block ends without
    an error the file gets the permissions of the file it replaces (a new file those
    of any new file), is flushed to disk and renamed over ``target`` in one step;
    on an error (Ctrl-C and SIGTERM included) it is removed and ``target`` is left
    as it was. A symbolic link is followed: the file it points to is replaced and
    the link is kept. A directory, or any other target that is not a regular file, is refused
    (:class:`IsADirectoryError`, :class:`OSError`) before anything is written.
    """
    path = Path(os.path.realpath(target))
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a directory", os.fspath(target))
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise OSError(errno.EINVAL, "it is not a regular file", os.fspath(target))
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created here, exclusively, so a private target's data is never readable by others.
    flags, mode = os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if old is None else 0o600
    created = False
    with _removing_on_sigterm():
        try:
            os.close(os.open(temporary, flags, mode))
            created = True
            yield temporary
            if old is not None:
                _copy_permissions(old, temporary)
            descriptor = os.open(temporary, os.O_RDWR)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.replace(temporary, path)
        except BaseException:
            if created:
                temporary.unlink(missing_ok=True)
            raise
    _sync_directory(path.parent)


def replace_file(target: str | os.PathLike[str], write: Callable[[Path], object]) -> None:
    """Call ``write`` with a temporary path that then replaces ``target`` (:func:`replacing`)."""
    with replacing(target) as temporary:
        write(temporary)


def _copy_permissions(old: os.stat_result, temporary: Path) -> None:
    """Give ``temporary`` the mode (and, where allowed, the owner) of the replaced file."""
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
    new = os.stat(temporary)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid) and hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only the superuser may give files away
            os.chown(temporary, old.st_uid, old.st_gid)


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

"""The ``diplorec`` command line (also ``python -m diplorec``).

Subcommands: ``validate`` files of events, print the JSON ``schema``, print the
worked ``example``, ``convert`` between formats, and ask the recognition
``ledger`` who recognises whom. Run ``diplorec COMMAND --help`` for each.

Exit status: 0 on success (every record valid), 1 when some input is invalid, when
``validate --check`` finds something, or when a command fails (a full disk, standard
output closed early), 2 for a usage error or a file that cannot be opened for reading
or writing. Errors are one plain sentence on
standard error, never a traceback. ``-`` as an input file is standard input, read as
JSON Lines. Text that comes from the input (names, keys, values) has its control and
bidirectional-override characters escaped in messages, and in data printed to a
terminal, so a file cannot rewrite what the terminal shows.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import importlib
import io
import json
import os
import re
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from diplorec.converters import from_dict, parse_json
from diplorec.errors import Problem, ValidationError
from diplorec.events import Event
from diplorec.jsonl import BadLine, read_jsonl, replace_file, write_jsonl
from diplorec.schema import json_schema, render

if TYPE_CHECKING:
    from diplorec.dossier import Finding

__all__ = ["main"]

#: Files at least this large get a progress line on standard error, when it is a terminal.
PROGRESS_MIN_BYTES = 8 * 1024 * 1024
#: The largest ``.json`` document read (256 MiB); larger collections belong in JSON Lines.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
#: The name that stands for standard input.
STDIN = "-"

_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_JSON_SUFFIXES = (".json",)
_TABLE_SUFFIXES = (".csv", ".parquet")

#: The formats, told apart by the file name; each command's help lists those it reads.
_FORMATS = {
    "jsonl": ".jsonl, .jsonl.gz  JSON Lines: one event per line (gzip-compressed for .gz)",
    "json": ".json              one event, a JSON array of events, or a Dossier document",
    "table": ".csv, .parquet     one flat row per event (Parquet needs pyarrow)",
    "stdin": "-                  standard input, read as JSON Lines (gzip-compressed or not)",
}
#: The worked example's recognised government, as the ledger's help gives it.
_EXAMPLE_PARTY = "government:AFG:islamic-emirate-of-afghanistan:2021-08"
#: Exit statuses every command shares.
_USAGE = "2  a usage error, or a file that cannot be opened"
_CLOSED = "1  standard output was closed before everything was written"


def _epilog(formats: Sequence[str], statuses: Sequence[str], note: str = "") -> str:
    """The end of a help text: the formats a command reads or writes, its exit statuses."""
    parts = []
    if formats:
        listed = "".join(f"  {_FORMATS[name]}\n" for name in formats)
        parts.append(f"formats, told apart by the file name:\n{listed}{note}")
    parts.append("exit status:\n" + "".join(f"  {status}\n" for status in statuses))
    return "\n".join(parts)


def _wrapped(text: str) -> str:
    """A description, wrapped for a terminal (the raw formatter keeps it as given)."""
    return textwrap.fill(text, width=80)


_EPILOG = _epilog(
    ["jsonl", "json", "table", "stdin"],
    [
        "0  all input valid and the command done",
        "1  some input invalid, or the command failed part way",
        _USAGE,
    ],
    note="  (.csv and .parquet for convert only)\n",
)


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


class Failure(Exception):
    """A command that ran but failed (exit status 1); the message is one sentence."""


#: Reasons a file cannot be opened, in plain words; these make exit status 2.
_CANNOT_OPEN = {
    errno.EISDIR: "it is a directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "no such file or directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EINVAL: "it is not a regular file",
}
#: Reasons a write fails part way, in plain words; these make exit status 1.
_CANNOT_FINISH = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota is used up",
    errno.EFBIG: "the file is too large",
    errno.EIO: "an input/output error occurred",
}


def _reason(error: OSError) -> str:
    """Why a file operation failed, in plain words."""
    code = error.errno or 0
    return _CANNOT_OPEN.get(code) or _CANNOT_FINISH.get(code) or (error.strerror or str(error))


def _file_error(verb: str, path: str, error: OSError) -> Exception:
    """A UsageError (cannot open) or Failure (cannot finish) saying why ``path`` failed."""
    if error.errno in _CANNOT_OPEN:
        return UsageError(f"cannot {verb} {path}: {_reason(error)}")
    return Failure(f"cannot {verb} {path}: {_reason(error)}; nothing was written")


@contextlib.contextmanager
def _writing(path: str) -> Iterator[None]:
    """Turn an OSError in the block into one sentence about writing ``path``."""
    try:
        yield
    except OSError as error:
        raise _file_error("write", path, error) from None


# -- reading inputs -----------------------------------------------------------------------


def _kind(path: str, allowed: tuple[str, ...]) -> str:
    if path == STDIN and ".jsonl" in allowed:
        return ".jsonl"
    name = path.lower()
    for suffix in sorted(allowed, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix.removesuffix(".gz")
    expected = ", ".join(allowed)
    raise UsageError(f"cannot tell the format of {path} from its name; expected one of {expected}")


def _open(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    """The file at ``path`` (standard input for ``-``, left open), to read as bytes."""
    if path == STDIN:
        return contextlib.nullcontext(sys.stdin.buffer)
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise UsageError(f"cannot read {path}: it is a directory") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def _read_document(path: str) -> bytes:
    """The bytes of a ``.json`` document, read up to :data:`MAX_DOCUMENT_BYTES`."""
    with _open(path) as stream:
        text = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(text) > MAX_DOCUMENT_BYTES:
        message = (
            f"the document is larger than {MAX_DOCUMENT_BYTES:,} bytes, the most that is "
            "read; write large collections as JSON Lines"
        )
        raise ValidationError([Problem(path="$", message=message)])
    return text


#: Characters a terminal acts on rather than shows: C0 and C1 controls (escape
#: sequences), line and paragraph separators, and invisible format characters such as
#: the bidirectional overrides and isolates, which can reorder what is shown.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _safe(text: str) -> str:
    r"""``text`` with control, separator and bidirectional characters escaped, for a terminal.

    >>> _safe("Kabul\u202e\x1b[2J")
    'Kabul\\u202e\\x1b[2J'
    """
    return _UNSAFE.sub(_escape, text)


def _document_events(data: Any) -> tuple[list[Any], str, Callable[[], Any]]:
    """The raw events of a JSON document, the path prefix of each, and a full reader."""
    if isinstance(data, dict) and data.get("type") == "dossier":
        from diplorec.dossier import Dossier

        raw = data.get("events")
        events = raw if isinstance(raw, list) else []
        return events, "$.events", lambda: Dossier.from_document(data)
    if isinstance(data, list):
        return data, "$", lambda: from_dict(data, tuple[Event, ...])
    return [data], "", lambda: (from_dict(data, Event),)


def _check_json_document(
    path: str, keep: list[Event] | None = None
) -> tuple[int, int, list[Problem]]:
    """Validate a ``.json`` file: (valid records, invalid records, problems).

    A problem outside every record (an unknown spec version, say) makes the whole
    document one invalid record. The events of a valid document are added to ``keep``.
    """
    try:
        data = parse_json(_read_document(path))
    except ValidationError as error:
        return 0, 1, _with_omitted(error)
    raw, prefix, read = _document_events(data)
    try:
        found = read()
    except ValidationError as error:
        problems = _with_omitted(error)
        records = {_record_of(problem.path, prefix) for problem in error.problems}
        if None in records:
            return 0, 1, problems
        if error.omitted:  # the error keeps only the first problems: count record by record
            bad = sum(1 for event in raw if not _is_event(event))
            return len(raw) - bad, bad, problems
        return len(raw) - len(records), len(records), problems
    if keep is not None:
        keep.extend(getattr(found, "events", found))
    return len(raw), 0, []


def _is_event(data: Any) -> bool:
    try:
        from_dict(data, Event)
    except ValidationError:
        return False
    return True


def _record_of(path: str, prefix: str) -> int | None:
    """The index of the record a problem's path lies in, or None for the document itself."""
    if prefix == "":
        return 0
    if path.startswith(prefix + "["):
        rest = path[len(prefix) + 1 :]
        return int(rest[: rest.index("]")])
    return None


def _events_of(path: str) -> Iterator[Event]:
    """Every event in a file of any input format; ValidationError on the first bad one."""
    kind = _kind(path, _JSONL_SUFFIXES + _JSON_SUFFIXES)
    if kind in (".jsonl", ".ndjson"):
        with _open(path) as stream, read_jsonl(stream) as reader:
            yield from reader
        return
    _, _, read = _document_events(parse_json(_read_document(path)))
    yield from read()


# -- output -------------------------------------------------------------------------------


def _write_text(text: str, stream: IO[str] | None = None) -> None:
    """Write UTF-8 text to standard output (or ``stream``), whatever its locale."""
    stream = stream or sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _say(message: str) -> None:
    print(f"diplorec: {_safe(message)}", file=sys.stderr)


def _with_omitted(error: ValidationError) -> list[Problem]:
    """The problems ``error`` keeps, then one saying how many more it only counted."""
    problems = list(error.problems)
    if error.omitted:
        more = f"... and {error.omitted} more problems"
        problems.append(Problem(path="$", message=more, line=problems[-1].line))
    return problems


def _located(path: str, problem: Problem) -> str:
    where = f"{path}:{problem.line}" if problem.line is not None else path
    return _safe(f"{where}: {problem.path}: {problem.message}")


class _Progress:
    """A progress line on standard error for large files, when it is a terminal."""

    def __init__(self, path: str, total: int, stream: IO[str], min_bytes: int) -> None:
        self.path = path
        self.total = total
        self.stream = stream
        self.active = total >= min_bytes and stream.isatty()
        self.shown_at = 0.0
        self.width = 0

    def update(self, position: int, lines: int) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if now - self.shown_at < 0.2:
            return
        self.shown_at = now
        percent = min(100, position * 100 // max(self.total, 1))
        text = f"{self.path}: {percent}% ({lines:,} lines)"
        self.width = max(self.width, len(text))
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()

    def finish(self) -> None:
        if self.active and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


# -- validate -----------------------------------------------------------------------------


def _validate_jsonl(
    path: str, report: Callable[[Problem], None], keep: list[Event] | None = None
) -> tuple[int, int]:
    def report_line(bad: BadLine) -> None:
        for problem in bad.problems:
            report(problem)
        if bad.omitted:
            report(Problem(path="$", message=f"... and {bad.omitted} more", line=bad.line))

    with _open(path) as stream:
        size = os.fstat(stream.fileno()).st_size if stream.seekable() else 0
        progress = _Progress(path, size, sys.stderr, PROGRESS_MIN_BYTES)
        reader = read_jsonl(stream, errors="collect", max_bad_lines=0, on_bad_line=report_line)
        try:
            for event in reader:
                if keep is not None:
                    keep.append(event)
                if progress.active:
                    progress.update(stream.tell(), reader.lines_read)
        except ValidationError as error:  # the stream broke off (e.g. truncated gzip)
            for problem in error.problems:
                report(problem)
            broken = 1
        else:
            broken = 0
        finally:
            progress.finish()
        return reader.valid, reader.bad_count + broken


def _validate(args: argparse.Namespace) -> int:
    kinds = [_kind(path, _JSONL_SUFFIXES + _JSON_SUFFIXES) for path in args.files]
    valid = invalid = 0
    kept: list[Event] | None = [] if args.check else None
    unreadable = read = False
    for path, kind in zip(args.files, kinds, strict=True):

        def report(problem: Problem, path: str = path) -> None:
            _write_text(_located(path, problem) + "\n")

        try:
            if kind == ".json":
                good_count, bad_count, problems = _check_json_document(path, kept)
                for problem in problems:
                    report(problem)
            else:
                good_count, bad_count = _validate_jsonl(path, report, kept)
        except UsageError as error:
            _say(str(error))
            unreadable = True
            continue
        valid += good_count
        invalid += bad_count
        read = True
    found = _check(kept) if kept is not None and read and not invalid else ()
    if read:  # a summary of nothing read would only hide the error above
        summary = f"{valid} valid, {invalid} invalid"
        if kept is not None and invalid:
            summary += "; not checked across records until every record is valid"
        elif kept is not None and read:
            summary += "; " + _count_findings(found)
        _write_text(summary + "\n")
    if unreadable:
        return 2
    return 1 if invalid or found else 0


def _check(events: list[Event]) -> tuple[Finding, ...]:
    """Run :meth:`Dossier.check` over ``events`` and print each finding on a line."""
    from diplorec.dossier import Dossier

    findings = Dossier.from_events(events).check()
    for finding in findings:
        _write_text(_safe(str(finding)) + "\n")
    return findings


def _count_findings(findings: Sequence[Finding]) -> str:
    """ "check: 1 error, 2 warnings" """
    errors = sum(1 for finding in findings if finding.severity.value == "error")
    warnings = len(findings) - errors
    return (
        f"check: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )


# -- schema, example ----------------------------------------------------------------------


def _schema(args: argparse.Namespace) -> int:
    if args.dossier:
        from diplorec.dossier import Dossier

        _write_text(render(json_schema(Dossier)))
    else:
        _write_text(render(json_schema()))
    return 0


def _example(args: argparse.Namespace) -> int:
    from diplorec.dossier import Dossier
    from diplorec.examples.russia_taliban_2025 import EVENTS

    if args.jsonl:
        buffer = io.StringIO()
        write_jsonl(EVENTS, buffer)
        _write_text(buffer.getvalue())
    else:
        document = Dossier(events=EVENTS).to_document()
        _write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 0


# -- convert ------------------------------------------------------------------------------


def _write_document(events: Iterator[Event], target: Path) -> int:
    from diplorec.dossier import Dossier

    dossier = Dossier(events=tuple(events))
    text = json.dumps(dossier.to_document(), indent=2, ensure_ascii=False) + "\n"
    replace_file(target, lambda path: path.write_text(text, encoding="utf-8"))
    return len(dossier)


def _tabular() -> Any:
    try:
        return importlib.import_module("diplorec.tabular")
    except ImportError:
        raise Failure("tables need diplorec.tabular, which this installation lacks") from None


def _write_csv(events: Iterator[Event], target: Path) -> int:
    count: int = _tabular().write_csv(events, target)
    return count


def _write_parquet(events: Iterator[Event], target: Path) -> int:
    tabular = _tabular()
    materialised = tuple(events)
    try:
        replace_file(target, lambda path: tabular.write_parquet(materialised, path))
    except ImportError:
        message = "writing Parquet needs pyarrow: install it with pip install 'diplorec[arrow]'"
        raise Failure(message) from None
    return len(materialised)


def _convert(args: argparse.Namespace) -> int:
    source = args.input
    target = Path(args.output)
    _kind(source, _JSONL_SUFFIXES + _JSON_SUFFIXES)
    kind = _kind(args.output, _JSONL_SUFFIXES + _JSON_SUFFIXES + _TABLE_SUFFIXES)
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {args.output}: the folder {target.parent} does not exist")
    writers: dict[str, Callable[[Iterator[Event], Path], int]] = {
        ".jsonl": write_jsonl,
        ".ndjson": write_jsonl,
        ".json": _write_document,
        ".csv": _write_csv,
        ".parquet": _write_parquet,
    }
    try:
        with _writing(args.output):
            count = writers[kind](_events_of(source), target)
    except ValidationError as error:
        for problem in _with_omitted(error):
            print(_located(source, problem), file=sys.stderr)
        raise Failure(f"{source} is not valid, so {args.output} was not written") from None
    print(f"{count} events written to {args.output}", file=sys.stderr)
    return 0


# -- ledger -------------------------------------------------------------------------------


def _ledger(args: argparse.Namespace) -> int:
    from diplorec.dates import When
    from diplorec.ledger import RecognitionLedger, UnknownPartyError

    try:
        on = When.parse(args.on) if args.on else When.from_date(dt.date.today())
    except ValueError as error:
        raise UsageError(f"--on: {error}") from None
    _kind(args.file, _JSONL_SUFFIXES + _JSON_SUFFIXES)
    recognised: dict[str, None] = {}

    def noting(events: Iterator[Event]) -> Iterator[Event]:
        for event in events:
            party = getattr(event, "recognized", None)
            if party is not None:
                recognised.setdefault(party.id)
            yield event

    try:
        ledger = RecognitionLedger.from_events(noting(_events_of(args.file)))
    except ValidationError as error:
        for problem in _with_omitted(error):
            print(_located(args.file, problem), file=sys.stderr)
        raise Failure(f"{args.file} is not valid") from None
    try:
        ledger.party(args.recognized)
        if args.explain is not None:
            _write_text(f"{ledger.explain(args.explain, args.recognized, on)}\n")
            return 0
    except UnknownPartyError as error:
        hint = "" if error.suggestions else _recorded(list(recognised))
        raise Failure(f"{args.file}: {error}{hint}") from None
    tty = sys.stdout.isatty()
    if args.all:
        standings = ledger.standings(args.recognized, on).items()
        rows = [
            _data_line(tty, party.id, party.name, standing.value) for party, standing in standings
        ]
    else:
        recognizers = ledger.recognizers(args.recognized, on)
        rows = [_data_line(tty, party.id, party.name) for party in recognizers]
    _write_text("".join(rows) or "(none)\n")
    if args.recognized not in recognised:
        note = _not_recognised(args.file, args.recognized, list(recognised))
        print(f"diplorec: note: {_safe(note)}", file=sys.stderr)
    return 0


def _data_line(tty: bool, *cells: str) -> str:
    """A tab-separated line of data; escaped for a terminal, as it is otherwise."""
    return "\t".join([_safe(cell) for cell in cells] if tty else cells) + "\n"


def _not_recognised(path: str, wanted: str, found: list[str], shown: int = 5) -> str:
    """Why ``wanted`` has no recognition in ``path``, naming the parties that do have one."""
    message = f"no recognition in {path} concerns {wanted!r}"
    governments = "government:" + wanted.removeprefix("state:") + ":"
    same_state = [
        key for key in found if wanted.startswith("state:") and key.startswith(governments)
    ]
    if same_state:
        listed = _listed(same_state, shown)
        return message + f"; it records recognitions of that state's government: {listed}"
    return message + _recorded(found, shown)


def _recorded(found: list[str], shown: int = 5) -> str:
    """ "; the parties it records recognitions of are ...", or that there are none."""
    if not found:
        return "; it records no recognition of any party"
    return f"; the parties it records recognitions of are {_listed(found, shown)}"


def _listed(ids: list[str], shown: int) -> str:
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


# -- the parser ---------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence on standard error and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diplorec",
        description="Validate, convert and query diplorec event data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from diplorec import __version__

    parser.add_argument("--version", action="version", version=f"diplorec {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def command(
        name: str,
        summary: str,
        description: str,
        epilog: str,
        run: Callable[[argparse.Namespace], int],
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=_wrapped(description),
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run)
        return sub

    def printer(
        name: str,
        summary: str,
        description: str,
        run: Callable[[argparse.Namespace], int],
        switch: tuple[str, str],
    ) -> None:
        """A command that prints its ``name`` (the schema, the example) and reads no file,
        with one ``switch`` (flag, help) that changes what it prints."""
        statuses = [f"0  the {name} printed", _CLOSED, "2  a usage error"]
        flag, help_text = switch
        sub = command(name, summary, description, _epilog([], statuses), run)
        sub.add_argument(flag, action="store_true", help=help_text)

    validate = command(
        "validate",
        "check files of events and report every problem",
        "Check every record of each FILE. Each problem is printed as FILE:LINE: $.path: "
        "message (FILE: $.path: message for a .json file), then a summary "
        "'N valid, M invalid'. A progress line appears on standard error for large files. "
        "With --check, the events of all the files are then checked together, as one "
        "Dossier: duplicates, links to events that are not there, contradictions; each "
        "finding is printed on a line of its own.",
        _epilog(
            ["jsonl", "json", "stdin"],
            [
                "0  every record valid (and, with --check, nothing found)",
                "1  some record invalid, or --check found something",
                _USAGE,
            ],
        ),
        _validate,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help=".json, .jsonl or .jsonl.gz")
    validate.add_argument(
        "--check",
        action="store_true",
        help="once every record is valid, check the events across records "
        "(Dossier.check); this holds all the events in memory",
    )

    printer(
        "schema",
        "print the JSON Schema of the wire format",
        "Print the JSON Schema (draft 2020-12) of one event; with --dossier, of a Dossier "
        "document. The output is the schema file shipped with diplorec.",
        _schema,
        ("--dossier", "the schema of a Dossier document"),
    )
    printer(
        "example",
        "print the worked example (Russia recognises the Islamic Emirate, 2025)",
        "Print the worked example as a Dossier document, or as JSON Lines with --jsonl.",
        _example,
        ("--jsonl", "print JSON Lines instead"),
    )

    convert = command(
        "convert",
        "convert events between JSON Lines, a Dossier document, CSV and Parquet",
        "Read every event of IN and write them to OUT, in the formats their names say. "
        "Nothing is written unless all of IN is valid; OUT is replaced in one step.",
        _epilog(
            ["jsonl", "json", "table", "stdin"],
            [
                "0  every event written",
                "1  IN is not valid, or writing OUT failed (nothing is written)",
                _USAGE,
            ],
            note="  (.csv and .parquet for OUT only, - for IN only)\n",
        ),
        _convert,
    )
    convert.add_argument("input", metavar="IN", help=".jsonl, .jsonl.gz or .json")
    convert.add_argument("output", metavar="OUT", help=".jsonl, .jsonl.gz, .json, .csv or .parquet")
    # Interchange formats (PLOVER, GDELT, Wikidata): --from/--to, in their own module.
    from diplorec.interchange.cli import add_convert_options

    add_convert_options(convert, _convert)

    ledger = command(
        "ledger",
        "print who recognises a party on a date",
        "Build the recognition ledger from FILE and print the id and name of every party "
        "whose recognition of --recognized is in force on --on (default: today).",
        _epilog(
            ["jsonl", "json", "stdin"],
            [
                "0  the answer printed, (none) included",
                "1  FILE is not valid, or no event in it names --recognized",
                _USAGE,
            ],
        ),
        _ledger,
    )
    ledger.add_argument("file", metavar="FILE", help=".json, .jsonl or .jsonl.gz")
    ledger.add_argument(
        "--recognized",
        required=True,
        metavar="ID",
        help=f"the id of the recognised party, e.g. {_EXAMPLE_PARTY}",
    )
    ledger.add_argument("--on", metavar="DATE", help="an EDTF date such as 2025-07-04")
    ledger.add_argument(
        "--all", action="store_true", help="print every party's standing, not only recognizers"
    )
    ledger.add_argument(
        "--explain",
        metavar="RECOGNIZER_ID",
        help="print instead one sentence on where this party's recognition of --recognized "
        "stands on --on, citing the acts it rests on",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    With no arguments at all it prints the help, as ``--help`` does.
    """
    if not (sys.argv[1:] if argv is None else argv):
        _write_text(_parser().format_help())
        return 0
    try:
        args = _parser().parse_args(argv)
        status: int = args.run(args)
    except UsageError as error:
        _say(str(error))
        return 2
    except Failure as error:
        _say(str(error))
        return 1
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: say so once, and make sure the flush of
        # standard output at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _say("standard output was closed before everything was written")
        return 1
    except OSError as error:  # reading an input failed part way, or another file failed
        _say(f"cannot use {error.filename or 'a file'}: {_reason(error)}")
        return 2 if error.errno in _CANNOT_OPEN else 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    return status

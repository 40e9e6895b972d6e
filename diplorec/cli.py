"""The ``diplorec`` command line (also ``python -m diplorec``).

Subcommands: ``validate`` files of events, print the JSON ``schema``, print the
worked ``example``, ``convert`` between formats, and ask the recognition
``ledger`` who recognises whom. Run ``diplorec COMMAND --help`` for each.

Exit status: 0 on success (every record valid), 1 when some input is invalid or a
command fails, 2 for a usage error or a file that cannot be opened. Errors are one
plain sentence on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from diplorec.converters import from_dict, parse_json
from diplorec.errors import Problem, ValidationError
from diplorec.events import Event
from diplorec.jsonl import read_jsonl, replacing, write_jsonl
from diplorec.schema import json_schema, render

__all__ = ["main"]

#: Files at least this large get a progress line on standard error, when it is a terminal.
PROGRESS_MIN_BYTES = 8 * 1024 * 1024

_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_JSON_SUFFIXES = (".json",)
_TABLE_SUFFIXES = (".csv", ".parquet")

_EPILOG = """\
formats, told apart by the file name:
  .jsonl, .jsonl.gz  JSON Lines: one event per line (gzip-compressed for .gz)
  .json              one event, a JSON array of events, or a Dossier document
  .csv, .parquet     one flat row per event (convert only; Parquet needs pyarrow)

exit status: 0 all valid, 1 invalid input or failure, 2 usage error or unreadable file
"""


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


class Failure(Exception):
    """A command that ran but failed (exit status 1); the message is one sentence."""


# -- reading inputs -----------------------------------------------------------------------


def _kind(path: str, allowed: tuple[str, ...]) -> str:
    name = path.lower()
    for suffix in sorted(allowed, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix.removesuffix(".gz")
    expected = ", ".join(allowed)
    raise UsageError(f"cannot tell the format of {path} from its name; expected one of {expected}")


def _open(path: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise UsageError(f"cannot read {path}: it is a directory") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


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


def _check_json_document(path: str) -> tuple[int, int, list[Problem]]:
    """Validate a ``.json`` file: (valid records, invalid records, problems).

    A problem outside every record (an unknown spec version, say) makes the whole
    document one invalid record.
    """
    with _open(path) as stream:
        text = stream.read()
    try:
        data = parse_json(text)
    except ValidationError as error:
        return 0, 1, list(error.problems)
    raw, prefix, read = _document_events(data)
    try:
        read()
    except ValidationError as error:
        problems = list(error.problems)
        records = {_record_of(problem.path, prefix) for problem in problems}
        if None in records:
            return 0, 1, problems
        return len(raw) - len(records), len(records), problems
    return len(raw), 0, []


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
    with _open(path) as stream:
        text = stream.read()
    _, _, read = _document_events(parse_json(text))
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
    print(f"diplorec: {message}", file=sys.stderr)


def _located(path: str, problem: Problem) -> str:
    where = f"{path}:{problem.line}" if problem.line is not None else path
    return f"{where}: {problem.path}: {problem.message}"


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


def _validate_jsonl(path: str, report: Callable[[Problem], None]) -> tuple[int, int]:
    with _open(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        progress = _Progress(path, size, sys.stderr, PROGRESS_MIN_BYTES)
        reader = read_jsonl(stream, errors="collect")
        reported = 0
        try:
            for _ in reader:
                if len(reader.bad_lines) > reported:
                    for bad in reader.bad_lines[reported:]:
                        for problem in bad.problems:
                            report(problem)
                    reported = len(reader.bad_lines)
                progress.update(stream.tell(), reader.lines_read)
        except ValidationError as error:  # the stream broke off (e.g. truncated gzip)
            for problem in error.problems:
                report(problem)
            broken = 1
        else:
            broken = 0
        finally:
            progress.finish()
        for bad in reader.bad_lines[reported:]:
            for problem in bad.problems:
                report(problem)
        return reader.valid, len(reader.bad_lines) + broken


def _validate(args: argparse.Namespace) -> int:
    kinds = [_kind(path, _JSONL_SUFFIXES + _JSON_SUFFIXES) for path in args.files]
    valid = invalid = 0
    unreadable = False
    for path, kind in zip(args.files, kinds, strict=True):

        def report(problem: Problem, path: str = path) -> None:
            _write_text(_located(path, problem) + "\n")

        try:
            if kind == ".json":
                good_count, bad_count, problems = _check_json_document(path)
                for problem in problems:
                    report(problem)
            else:
                good_count, bad_count = _validate_jsonl(path, report)
        except UsageError as error:
            _say(str(error))
            unreadable = True
            continue
        valid += good_count
        invalid += bad_count
    _write_text(f"{valid} valid, {invalid} invalid\n")
    if unreadable:
        return 2
    return 1 if invalid else 0


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


def _replace_atomically(target: Path, write: Callable[[Path], object]) -> None:
    with replacing(target) as temporary:
        write(temporary)


def _write_document(events: Iterator[Event], target: Path) -> int:
    from diplorec.dossier import Dossier

    dossier = Dossier(events=tuple(events))
    text = json.dumps(dossier.to_document(), indent=2, ensure_ascii=False) + "\n"
    _replace_atomically(target, lambda path: path.write_text(text, encoding="utf-8"))
    return len(dossier)


def _tabular() -> Any:
    try:
        return importlib.import_module("diplorec.tabular")
    except ImportError:
        raise Failure("tables need diplorec.tabular, which this installation lacks") from None


def _write_csv(events: Iterator[Event], target: Path) -> int:
    rows = list(_tabular().to_rows(events))
    columns = list(getattr(_tabular(), "COLUMNS", ())) or (list(rows[0]) if rows else [])

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({key: _cell(value) for key, value in row.items()})

    _replace_atomically(target, write)
    return len(rows)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ";".join(str(item) for item in value)
    return value


def _write_parquet(events: Iterator[Event], target: Path) -> int:
    tabular = _tabular()
    materialised = tuple(events)
    try:
        _replace_atomically(target, lambda path: tabular.write_parquet(materialised, path))
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
        count = writers[kind](_events_of(source), target)
    except ValidationError as error:
        for problem in error.problems:
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
    try:
        ledger = RecognitionLedger.from_events(_events_of(args.file))
    except ValidationError as error:
        for problem in error.problems:
            print(_located(args.file, problem), file=sys.stderr)
        raise Failure(f"{args.file} is not valid") from None
    try:
        ledger.party(args.recognized)
        if args.explain is not None:
            _write_text(f"{ledger.explain(args.explain, args.recognized, on)}\n")
            return 0
    except UnknownPartyError as error:
        raise Failure(f"{args.file}: {error}") from None
    if args.all:
        rows = [
            f"{party.id}\t{party.name}\t{standing.value}\n"
            for party, standing in ledger.standings(args.recognized, on).items()
        ]
    else:
        rows = [f"{party.id}\t{party.name}\n" for party in ledger.recognizers(args.recognized, on)]
    _write_text("".join(rows) or "(none)\n")
    return 0


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

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    validate = command(
        "validate",
        "check files of events and report every problem",
        "Check every record of each FILE. Each problem is printed as FILE:LINE: $.path: "
        "message (FILE: $.path: message for a .json file), then a summary "
        "'N valid, M invalid'. A progress line appears on standard error for large files.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help=".json, .jsonl or .jsonl.gz")
    validate.set_defaults(run=_validate)

    schema = command(
        "schema",
        "print the JSON Schema of the wire format",
        "Print the JSON Schema (draft 2020-12) of one event; with --dossier, of a Dossier "
        "document. The output is the schema file shipped with diplorec.",
    )
    schema.add_argument("--dossier", action="store_true", help="the schema of a Dossier document")
    schema.set_defaults(run=_schema)

    example = command(
        "example",
        "print the worked example (Russia recognises the Islamic Emirate, 2025)",
        "Print the worked example as a Dossier document, or as JSON Lines with --jsonl.",
    )
    example.add_argument("--jsonl", action="store_true", help="print JSON Lines instead")
    example.set_defaults(run=_example)

    convert = command(
        "convert",
        "convert events between JSON Lines, a Dossier document, CSV and Parquet",
        "Read every event of IN and write them to OUT, in the formats their names say. "
        "Nothing is written unless all of IN is valid; OUT is replaced in one step.",
    )
    convert.add_argument("input", metavar="IN", help=".jsonl, .jsonl.gz or .json")
    convert.add_argument("output", metavar="OUT", help=".jsonl, .jsonl.gz, .json, .csv or .parquet")
    convert.set_defaults(run=_convert)

    ledger = command(
        "ledger",
        "print who recognises a party on a date",
        "Build the recognition ledger from FILE and print the id and name of every party "
        "whose recognition of --recognized is in force on --on (default: today).",
    )
    ledger.add_argument("file", metavar="FILE", help=".json, .jsonl or .jsonl.gz")
    ledger.add_argument(
        "--recognized",
        required=True,
        metavar="ID",
        help="the id of the recognised party, e.g. government:AFG:islamic-emirate-of-afghanistan",
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
    ledger.set_defaults(run=_ledger)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
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
        # The reader (e.g. `head`) went away; stop quietly, without a second error on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    return status

"""``diplorec convert --from FORMAT --to FORMAT``: the interchange formats on the command line.

:func:`add_convert_options` gives the ``convert`` subcommand the options ``--from``,
``--to``, ``--codes``, ``--as-of`` and ``--skip-bad``. When neither ``--from`` nor ``--to``
names an interchange format, ``convert`` runs as before.

Formats: ``diplorec`` (JSON Lines, ``.jsonl`` or ``.jsonl.gz``, or a ``.json`` document;
the default), ``csv`` and ``parquet`` (the tables of :mod:`diplorec.tabular`, both ways;
an input or output named ``.csv`` or ``.parquet`` is taken as one without ``--from`` or
``--to``), ``plover`` (PLOVER JSON Lines, both ways), ``gdelt`` (a GDELT 2.0 export
file, ``.CSV`` or ``.CSV.zip``, in only), ``wikidata`` (in: ``wbgetentities`` entity
JSON; out: QuickStatements commands, ``-`` for standard output).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplorec.jsonl import replace_file

if TYPE_CHECKING:
    from diplorec.interchange._common import Errors

__all__ = ["FORMATS", "add_convert_options", "convert"]

#: The formats ``--from`` and ``--to`` take, and the directions each allows.
FORMATS = {
    "diplorec": ("in", "out"),
    "csv": ("in", "out"),
    "parquet": ("in", "out"),
    "plover": ("in", "out"),
    "gdelt": ("in",),
    "wikidata": ("in", "out"),
}

_HELP = """\
  diplorec   diplorec JSON Lines (.jsonl, .jsonl.gz) or a .json document (the default)
  csv        one row per event with every field (in and out; taken from a .csv name)
  parquet    the same as Parquet, needs pyarrow (in and out; taken from a .parquet name)
  plover     PLOVER / POLECAT JSON Lines, one record per line (in and out)
  gdelt      a GDELT 2.0 event export file, .CSV or .CSV.zip (in only)
  wikidata   in: wbgetentities entity JSON (P530 as diplomatic ties);
             out: QuickStatements commands (P530 with P580/P582 and S854), '-' for stdout
"""


class _Stop(Exception):
    """End the command with an exit status and a sentence on standard error."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def add_convert_options(
    parser: argparse.ArgumentParser, fallback: Callable[[argparse.Namespace], int]
) -> None:
    """Give the ``convert`` parser the interchange options; ``fallback`` runs plain conversions."""
    group = parser.add_argument_group("interchange formats (--from, --to)", _HELP)
    choices = sorted(FORMATS)
    group.add_argument(
        "--from", dest="from_format", choices=choices, default="diplorec", help="the format of IN"
    )
    group.add_argument(
        "--to", dest="to_format", choices=choices, default="diplorec", help="the format of OUT"
    )
    group.add_argument(
        "--codes",
        metavar="CODES",
        help="with --from gdelt: keep only these CAMEO codes and the codes under them, "
        "comma-separated (e.g. 05,16)",
    )
    group.add_argument(
        "--as-of",
        metavar="DATE",
        help="with --from wikidata: the date the data was retrieved, for statements "
        "without start or end time",
    )
    group.add_argument(
        "--skip-bad",
        action="store_true",
        help="report bad records and convert the rest (exit status 1 all the same)",
    )

    def run(args: argparse.Namespace) -> int:
        if args.from_format == args.to_format == "diplorec" and _table(args.input):
            args.from_format = _table(args.input)
            args.to_format = _table(args.output) or "diplorec"
        if args.from_format == args.to_format == "diplorec":
            for option in ("codes", "as_of", "skip_bad"):
                if getattr(args, option):
                    flag = "--" + option.replace("_", "-")
                    print(f"diplorec: {flag} needs --from or --to", file=sys.stderr)
                    return 2
            return fallback(args)
        return convert(args)

    parser.set_defaults(run=run)


_TABLE_SUFFIXES = {".csv": "csv", ".parquet": "parquet"}


def _table(name: str) -> str | None:
    """``csv`` or ``parquet`` for a file name that says so, else None.

    Only the lower-case suffixes count: GDELT names its tab-separated files ``.CSV``.
    """
    return _TABLE_SUFFIXES.get(Path(name).suffix)


def convert(args: argparse.Namespace) -> int:
    """Run one conversion from ``args``; return the exit status."""
    try:
        return _convert(args)
    except _Stop as stop:
        print(f"diplorec: {stop}", file=sys.stderr)
        return stop.status


def _convert(args: argparse.Namespace) -> int:
    source, target = args.input, args.output
    if "in" not in FORMATS[args.from_format]:  # pragma: no cover - argparse choices
        raise _Stop(2, f"--from {args.from_format} is not readable")
    if "out" not in FORMATS[args.to_format]:
        raise _Stop(2, f"--to {args.to_format}: {args.to_format} can only be read")
    if args.codes and args.from_format != "gdelt":
        raise _Stop(2, "--codes applies to --from gdelt only")
    if args.as_of and args.from_format != "wikidata":
        raise _Stop(2, "--as-of applies to --from wikidata only")
    if args.skip_bad and args.from_format in ("csv", "parquet"):
        raise _Stop(2, f"--skip-bad does not apply to --from {args.from_format}: fix the table")
    if not Path(source).is_file():
        raise _Stop(2, f"cannot read {source}: no such file")
    if target != "-" and not Path(target).resolve().parent.is_dir():
        raise _Stop(2, f"cannot write {target}: its folder does not exist")
    if target == "-" and args.to_format != "wikidata":
        raise _Stop(2, "only --to wikidata writes to standard output ('-')")
    from diplorec.errors import ValidationError

    bad: list[str] = []
    try:
        events = list(_read(args, bad))
    except ValidationError as error:
        for problem in error.problems:
            print(f"{source}: {problem}", file=sys.stderr)
        raise _Stop(1, f"{source} is not valid, so {target} was not written") from None
    except (ImportError, OSError, ValueError) as error:
        raise _Stop(2, f"cannot read {source}: {error}") from None
    for line in bad:
        print(f"{source}: {line}", file=sys.stderr)
    count, skipped = _write(args, events)
    summary = (
        f"{count} {'commands' if args.to_format == 'wikidata' else 'events'} written to {target}"
    )
    if skipped:
        summary += f"; {skipped} events have no Wikidata statement (see above)"
    if bad:
        summary += f"; {len(bad)} bad records left out"
    print(summary, file=sys.stderr)
    return 1 if bad else 0


def _read(args: argparse.Namespace, bad: list[str]) -> Iterator[Any]:
    errors: Errors = "collect" if args.skip_bad else "raise"
    source = args.input
    if args.from_format == "wikidata":
        from diplorec.dates import When
        from diplorec.interchange.wikidata import read_wikidata

        try:
            as_of = When.parse(args.as_of) if args.as_of else None
        except ValueError as error:
            raise _Stop(2, f"--as-of: {error}") from None
        result = read_wikidata(source, as_of=as_of, errors=errors)
        bad.extend(str(problem) for problem in result.problems)
        yield from result.ties
        return
    if args.from_format in ("csv", "parquet"):
        from diplorec import tabular

        read = tabular.read_csv if args.from_format == "csv" else tabular.read_parquet
        yield from read(source)
        return
    if args.from_format == "diplorec" and not source.lower().endswith((".jsonl", ".jsonl.gz")):
        yield from _document(source)
        return
    reader = _reader(args, errors)
    with reader:
        yield from reader
    bad.extend(str(line) for line in reader.bad_lines)


def _reader(args: argparse.Namespace, errors: Errors) -> Any:
    if args.from_format == "gdelt":
        from diplorec.interchange.gdelt import read_gdelt

        codes = [code.strip() for code in args.codes.split(",")] if args.codes else None
        try:
            return read_gdelt(args.input, codes=codes, errors=errors)
        except ValueError as error:
            raise _Stop(2, f"--codes: {error}") from None
    if args.from_format == "plover":
        from diplorec.interchange.plover import read_plover

        return read_plover(args.input, errors=errors)
    from diplorec.jsonl import read_jsonl

    return read_jsonl(args.input, errors=errors)


def _document(source: str) -> Iterable[Any]:
    from diplorec.converters import from_dict, parse_json
    from diplorec.dossier import Dossier
    from diplorec.events import Event

    data = parse_json(Path(source).read_bytes())
    if isinstance(data, dict) and data.get("type") == "dossier":
        return Dossier.from_document(data)
    if isinstance(data, list):
        return from_dict(data, tuple[Event, ...])
    return (from_dict(data, Event),)


def _write(args: argparse.Namespace, events: list[Any]) -> tuple[int, int]:
    """Write the events in the output format; (how many written, how many not expressible)."""
    target = args.output
    if args.to_format == "wikidata":
        from diplorec.interchange.wikidata import to_quickstatements

        export = to_quickstatements(events)
        for event_id, reason in export.skipped:
            print(f"{event_id}: {reason}", file=sys.stderr)
        text = export.text + ("\n" if export.commands else "")
        if target == "-":
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            replace_file(target, lambda path: path.write_text(text, encoding="utf-8"))
        return len(export.commands), len(export.skipped)
    if args.to_format == "csv":
        from diplorec.tabular import write_csv

        return write_csv(events, target), 0
    if args.to_format == "parquet":
        from diplorec.tabular import write_parquet

        try:
            write_parquet(events, target)
        except ImportError as error:
            raise _Stop(2, str(error)) from None
        return len(events), 0
    if args.to_format == "plover":
        from diplorec.interchange.plover import write_plover

        def write(path: Path) -> None:
            if target.lower().endswith(".gz"):
                import gzip

                with (
                    path.open("wb") as raw,
                    gzip.GzipFile(
                        filename=Path(target).name, mode="wb", mtime=0, fileobj=raw
                    ) as out,
                ):
                    write_plover(events, out)
                return
            with path.open("w", encoding="utf-8") as out:
                write_plover(events, out)

        replace_file(target, write)
        return len(events), 0
    if target.lower().endswith(".json"):
        from diplorec.dossier import Dossier

        document = Dossier(events=tuple(events)).to_document()
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        replace_file(target, lambda path: path.write_text(text, encoding="utf-8"))
        return len(events), 0
    if not target.lower().endswith((".jsonl", ".jsonl.gz")):
        raise _Stop(2, f"--to diplorec writes .jsonl, .jsonl.gz or .json, not {target}")
    from diplorec.jsonl import write_jsonl

    return write_jsonl(events, target), 0

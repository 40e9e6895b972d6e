"""GDELT 2.0 event files: stream the 61-column export tables into coded events.

GDELT 2.0 publishes its event table every 15 minutes as ``YYYYMMDDHHMMSS.export.CSV.zip``:
tab-separated (despite the name), one event record per line, no header, 61 columns (the
GDELT 2.0 Event Codebook lists them; :data:`COLUMNS` has their names). Each row becomes a
:class:`~diplorec.events.CodedEvent`:

- ``cameo``: ``EventCode`` (a string; leading zeros kept), checked against the CAMEO table;
- ``on``: ``SQLDATE`` (YYYYMMDD) as a day;
- ``actor`` and ``target``: the state of ``Actor1CountryCode`` / ``Actor2CountryCode``
  (CAMEO country codes mapped to ISO 3166-1 with the table shipped in
  ``diplorec/data/cameo_countries.csv``), else a known group (``Actor1KnownGroupCode``)
  as an organization, else none; the raw actor codes and names go in the description;
- ``sources``: a citation of ``SOURCEURL``, located by ``GLOBALEVENTID``, the source read
  (``retrieved``) at ``DATEADDED``.

GDELT often codes one act from several articles, each a row of its own. Rows with the
same date, code and actors get the same event id (diplorec derives ids from content),
and the reader folds them into one event citing every article.

A malformed row is reported with its line number, like a bad JSON Lines record, never
dropped silently; rows left out by the ``codes`` filter are counted in ``skipped`` (their
event code is checked, the rest of them is not read).

>>> import io
>>> row = ["1250000001", "20250703", "202507", "2025", "2025.5041",
...        "RUSGOV", "RUSSIA", "RUS", "", "", "", "", "GOV", "", "",
...        "AFG", "AFGHANISTAN", "AFG", "TAL", "", "", "", "", "", "",
...        "1", "054", "054", "05", "1", "6.0", "10", "2", "10", "1.5"]
>>> row += [""] * 24 + ["20250703123000", "https://example.org/russia-recognises"]
>>> reader = read_gdelt(io.BytesIO("\\t".join(row).encode() + b"\\n"))
>>> [(event.cameo, event.actor.id, event.target.id) for event in reader]
[('054', 'state:RUS', 'state:AFG')]
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs

from diplorec._cameo import cameo_table
from diplorec.actors import Organization, Party
from diplorec.dates import When
from diplorec.errors import Problem, ValidationError
from diplorec.events import CodedEvent
from diplorec.interchange._common import (
    Errors,
    PathOrFile,
    RecordReader,
    country,
    excerpt,
    head,
    lines,
    open_binary,
)
from diplorec.provenance import Citation, Source
from diplorec.vocab import OrganizationKind

__all__ = ["COLUMNS", "DEFAULT_WINDOW", "GdeltReader", "read_gdelt"]

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = (
    "Geo_Type", "Geo_FullName", "Geo_CountryCode", "Geo_ADM1Code", "Geo_ADM2Code",
    "Geo_Lat", "Geo_Long", "Geo_FeatureID",
)  # fmt: skip

#: The 61 columns of a GDELT 2.0 event export file, in order (GDELT 2.0 Event Codebook).
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1{name}" for name in _GEO),
    *(f"Actor2{name}" for name in _GEO),
    *(f"Action{name}" for name in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_INDEX = {name: number for number, name in enumerate(COLUMNS)}

#: How many distinct events the reader holds while it folds rows of one act together.
DEFAULT_WINDOW = 10_000

_URL = re.compile(r"https?://[^\s]{1,2000}")
_DIGITS = re.compile(r"[0-9]+")


def _path(column: str) -> str:
    return f"$[{_INDEX[column]}] ({column})"


def _party(row: list[str], actor: str) -> Party | None:
    code = row[_INDEX[f"{actor}CountryCode"]]
    state = country(code) if code else None
    if state is not None:
        return state
    group = row[_INDEX[f"{actor}KnownGroupCode"]]
    if group:
        name = row[_INDEX[f"{actor}Name"]] or group
        return Organization(name=name.title(), acronym=group, kind=OrganizationKind.OTHER)
    return None


def _describe(row: list[str], label: str) -> str:
    def actor(prefix: str) -> str:
        code, name = row[_INDEX[f"{prefix}Code"]], row[_INDEX[f"{prefix}Name"]]
        if not code and not name:
            return "(no actor)"
        return f"{name or '?'} ({code or 'no code'})"

    return f"{label}: {actor('Actor1')} → {actor('Actor2')}, as coded by GDELT"


def _day(text: str) -> When:
    if len(text) != 8 or _DIGITS.fullmatch(text) is None:
        raise ValueError(f"{excerpt(text)} is not a date in YYYYMMDD form")
    return When.parse(f"{text[:4]}-{text[4:6]}-{text[6:]}")


def _instant(text: str) -> dt.datetime:
    if len(text) != 14 or _DIGITS.fullmatch(text) is None:
        raise ValueError(f"{excerpt(text)} is not a time in YYYYMMDDHHMMSS form")
    try:
        return dt.datetime(
            int(text[:4]),
            int(text[4:6]),
            int(text[6:8]),
            int(text[8:10]),
            int(text[10:12]),
            int(text[12:]),
            tzinfo=dt.UTC,
        )
    except ValueError:
        raise ValueError(f"{excerpt(text)} is not a time in YYYYMMDDHHMMSS form") from None


def _citation(row: list[str], retrieved: dt.datetime) -> Citation:
    where = row[_INDEX["SOURCEURL"]].strip()
    event_id = row[_INDEX["GLOBALEVENTID"]]
    if _URL.fullmatch(where):
        host = where.split("/", 3)[2]
        source = Source(title=f"Report at {host}", url=where, retrieved=retrieved)
    else:  # GDELT: "the URL or citation of the first news report"
        source = Source(title=where or "Unnamed report", retrieved=retrieved)
    return Citation(source=source, locator=f"GDELT GLOBALEVENTID {event_id}")


class _Held:
    """An event being read, and the citations of the rows folded into it, in order."""

    __slots__ = ("_citations", "_first", "_seen")

    def __init__(self, first: CodedEvent) -> None:
        self._first = first
        self._citations = list(first.sources)
        self._seen = set(self._citations)

    def add(self, citation: Citation) -> None:
        if citation not in self._seen:
            self._seen.add(citation)
            self._citations.append(citation)

    def event(self) -> CodedEvent:
        if len(self._citations) == len(self._first.sources):
            return self._first
        return attrs.evolve(self._first, sources=tuple(self._citations))


class GdeltReader(RecordReader[CodedEvent]):
    """The events of a GDELT 2.0 export file, one at a time; made by :func:`read_gdelt`.

    Counts, besides those of every reader: ``skipped`` rows left out by the code filter,
    and ``merged`` rows folded into an event read from an earlier row. Once exhausted,
    ``valid + merged + skipped + len(bad_lines) == lines_read``.
    """

    def __init__(
        self,
        source: PathOrFile,
        codes: Iterable[str] | None,
        errors: Errors,
        window: int,
    ) -> None:
        self.codes = _check_codes(codes)
        stream, opened = open_binary(source)
        closers = [stream.close] if opened else []
        if _is_zip(stream):
            archive = zipfile.ZipFile(stream)
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if len(names) != 1:
                found = ", ".join(names[:5]) or "nothing"
                archive.close()
                for close in closers:
                    close()
                raise ValueError(f"a GDELT zip file holds one table; this one holds {found}")
            member = archive.open(names[0])
            closers += [archive.close, member.close]
            stream = member
        self.window = window
        self.merged = 0
        self._pending: collections.OrderedDict[str, _Held] = collections.OrderedDict()
        super().__init__(lines(stream, blank=b"\r\n"), errors)  # a row of tabs is a row
        self._closers.extend(closers)

    def _read(self, line: bytes) -> Iterator[CodedEvent]:
        event = self._event(line)
        if event is None:
            self.skipped += 1
            return
        held = self._pending.get(event.id)
        if held is not None:
            self.merged += 1
            held.add(event.sources[0])
            return
        self._pending[event.id] = _Held(event)
        if len(self._pending) > self.window:
            yield self._pending.popitem(last=False)[1].event()

    def _finish(self) -> Iterator[CodedEvent]:
        while self._pending:
            yield self._pending.popitem(last=False)[1].event()

    def _event(self, line: bytes) -> CodedEvent | None:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            message = f"the row is not UTF-8 text (byte {error.start})"
            raise ValidationError([Problem(path="$", message=message)]) from None
        row = text.rstrip("\r\n").split("\t")
        if len(row) != len(COLUMNS):
            message = f"has {len(row)} tab-separated columns; a GDELT 2.0 event row has 61"
            raise ValidationError([Problem(path="$", message=message)])
        code = row[_INDEX["EventCode"]]
        label = cameo_table().get(code)
        if label is None:
            message = f"{excerpt(code)} is not a CAMEO event code"
            raise ValidationError([Problem(path=_path("EventCode"), message=message)])
        if self.codes is not None and not code.startswith(self.codes):
            return None
        problems: list[Problem] = []
        fields: dict[str, Any] = {}
        for column, read in (("SQLDATE", _day), ("DATEADDED", _instant)):
            try:
                fields[column] = read(row[_INDEX[column]])
            except ValueError as error:
                problems.append(Problem(path=_path(column), message=str(error)))
        if problems:
            raise ValidationError(problems)
        try:
            return CodedEvent(
                on=fields["SQLDATE"],
                cameo=code,
                description=_describe(row, label.label),
                actor=_party(row, "Actor1"),
                target=_party(row, "Actor2"),
                sources=(_citation(row, fields["DATEADDED"]),),
            )
        except ValueError as error:
            raise ValidationError([Problem(path="$", message=str(error))]) from None


def _is_zip(stream: IO[bytes]) -> bool:
    return head(stream, 4) == b"PK\x03\x04"


def _check_codes(codes: Iterable[str] | None) -> tuple[str, ...] | None:
    if codes is None:
        return None
    if isinstance(codes, str):
        codes = (codes,)
    chosen = tuple(codes)
    for code in chosen:
        if not isinstance(code, str) or code not in cameo_table():
            message = f"{excerpt(code)} is not a CAMEO event code (such as '05' or '054')"
            raise ValueError(message)
    return chosen


def read_gdelt(
    source: PathOrFile,
    *,
    codes: Iterable[str] | None = None,
    errors: Errors = "raise",
    window: int = DEFAULT_WINDOW,
) -> GdeltReader:
    """Stream the events of a GDELT 2.0 export file (``.CSV`` or ``.CSV.zip``, path or file).

    ``codes`` keeps only rows whose event code is one of them or falls under one of them:
    ``codes=["05", "16"]`` keeps the diplomatic-cooperation family (050 to 057) and the
    reduce-relations family (160 to 166). With ``errors="raise"`` the first malformed
    row raises :class:`~diplorec.errors.ValidationError`; with ``errors="collect"`` it
    is kept in ``reader.bad_lines`` and reading goes on.

    At most ``window`` distinct events are held while rows of one act are folded
    together (about 2 KB each: some 20 MB at the default); rows of one act further apart
    than that come out as two events with the same id (a
    :class:`~diplorec.dossier.Dossier` reports the duplicate).
    """
    if isinstance(source, (str, os.PathLike)) and not os.path.exists(source):
        raise FileNotFoundError(f"no such file: {os.fspath(source)}")
    if not isinstance(window, int) or window < 1:
        raise ValueError(f"window must be a positive number of events, not {window!r}")
    return GdeltReader(source, codes, errors, window)

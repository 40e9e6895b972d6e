"""Events as tables: one flat row per event, for pandas, Arrow, Parquet and CSV, and back.

:func:`to_rows`, :func:`from_rows`, :func:`write_csv` and :func:`read_csv` need nothing
beyond diplorec. :func:`to_pandas` needs pandas (``pip install "diplorec[pandas]"``);
:func:`to_arrow`, :func:`from_arrow`, :func:`write_parquet` and :func:`read_parquet`
need pyarrow (``pip install "diplorec[arrow]"``). They are imported only when these
functions are called. A Parquet file is the way to corpora bigger than one machine:
DuckDB, Spark, Polars or Dask read it directly.

A row has two kinds of columns, in the order of :func:`columns`:

- **record columns**, one per field of every event type (``legal_status``, ``form``,
  ``capacity``, ``exclusive``, ``instrument``, ``characterization``, ``document``,
  ``claimed_by``, ``announced``, ``effective`` ...), derived from the attrs classes of
  the event types known now (registered ones included). A cell holds the field's value
  as the JSON wire format writes it: text for text, enums, dates and instants; a bool or
  number as such; and a nested value (parties, sources, an envoy, participants, lists)
  as compact JSON text. ``event_id``, ``event_type`` and ``date`` carry the wire keys
  ``id``, ``type`` and ``on``. These columns hold the whole event: the readers
  (:func:`from_rows`, :func:`from_arrow`, :func:`read_parquet`, :func:`read_csv`) build
  the events from them, through the same checks as the wire format.
- **derived columns**, for analysis: date bounds and precision, the CAMEO source and
  target actor (:func:`diplorec.codes.dyad`) with ISO codes, the CAMEO, Goldstein and
  PLOVER codes, the ids of every party and source, and the names, enums and numbers
  inside single nested values (``envoy_rank``, ``place_name``). Readers ignore them.

>>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
>>> (row,) = to_rows([RECOGNITION])
>>> row["actor_iso3"], row["target_kind"], row["target_iso3"], row["cameo_code"], row["goldstein"]
('RUS', 'government', 'AFG', '054', 6.0)
>>> row["date"], row["date_earliest"], row["date_precision"]
('2025-07-03', datetime.date(2025, 7, 3), 'day')
>>> row["legal_status"], row["form"], row["capacity"], row["exclusive"], row["instrument"]
('de-jure', 'express', 'government', True, 'acceptance-of-credentials')
>>> import json
>>> json.loads(row["recognizer"])["iso3"]
'RUS'
>>> from_rows([row]) == [RECOGNITION]
True
"""

from __future__ import annotations

import csv
import datetime
import enum
import json
import os
import threading
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs

from diplorec._optional import require
from diplorec._registry import MODEL_CLASSES, on_register
from diplorec._wire import show
from diplorec.actors import Government, Organization, Party, State
from diplorec.codes import cameo, dyad, plover
from diplorec.converters import from_dict, parse_json, to_dict
from diplorec.dates import When
from diplorec.errors import Problem, ValidationError
from diplorec.events import Event, EventBase, event_types
from diplorec.migrations import SPEC_VERSION, SPEC_VERSIONS, upgrade_event

__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "SPEC_VERSION_KEY",
    "VERSION_KEY",
    "arrow_schema",
    "columns",
    "from_arrow",
    "from_rows",
    "guard_formula",
    "read_csv",
    "read_parquet",
    "to_arrow",
    "to_pandas",
    "to_rows",
    "unguard_formula",
    "write_csv",
    "write_parquet",
]

#: The keys of Parquet file (and Arrow schema) metadata that diplorec writes.
VERSION_KEY = "diplorec.version"
SPEC_VERSION_KEY = "diplorec.spec_version"


@attrs.frozen
class _Column:
    name: str
    kind: str  # text, json, date, bool, float, int, int8, texts
    description: str
    derived: bool = True
    nullable: bool = True


# -- the derived columns ---------------------------------------------------------------

_SUMMARY: tuple[_Column, ...] = (
    _Column("event_id", "text", "the event's id", derived=False),
    _Column("event_type", "text", "the event's wire tag, e.g. recognition-act", derived=False),
    _Column("date", "text", "the event's date as EDTF text", derived=False),
    _Column("date_earliest", "date", "the first day the date could be"),
    _Column("date_latest", "date", "the last day the date could be"),
    _Column("date_precision", "text", "day, month, season, quarter, ..., year or interval"),
    _Column("date_uncertain", "bool", "whether the source doubts the date"),
    _Column("date_approximate", "bool", "whether the source gives the date roughly"),
    _Column("actor_id", "text", "the CAMEO source actor's id"),
    _Column("actor_name", "text", "its name"),
    _Column("actor_iso3", "text", "its ISO 3166-1 alpha-3 code (a government's state's)"),
    _Column("actor_kind", "text", "state, government or organization"),
    _Column("target_id", "text", "the CAMEO target actor's id"),
    _Column("target_name", "text", "its name"),
    _Column("target_iso3", "text", "its ISO 3166-1 alpha-3 code"),
    _Column("target_kind", "text", "state, government or organization"),
    _Column("party_ids", "texts", "every party the event names"),
    _Column("cameo_code", "text", "the CAMEO event code"),
    _Column("cameo_label", "text", "its label"),
    _Column("goldstein", "float", "its Goldstein score"),
    _Column("quad_class", "int8", "its quad class, 1 to 4"),
    _Column("plover_event", "text", "the PLOVER event type"),
    _Column("plover_mode", "text", "the PLOVER mode"),
    _Column("plover_context", "text", "the PLOVER context"),
    _Column("source_ids", "texts", "the ids of the sources cited"),
)
_REQUIRED = frozenset({"event_id", "event_type", "date", "date_precision"})
#: Derived columns that are empty for an event type codes.py cannot code (a registered one).
_UNCODED = frozenset({"cameo_code", "cameo_label", "goldstein", "quad_class"})
#: Wire keys whose column is named otherwise (``type`` is ``event_type``).
_ALIASES = {"id": "event_id", "on": "date"}


def _iso3(party: Party) -> str | None:
    if isinstance(party, State):
        return party.iso3
    if isinstance(party, (Government, Organization)) and party.state is not None:
        return party.state.iso3
    return None


def _party_columns(role: str, party: Party | None) -> dict[str, Any]:
    if party is None:
        return dict.fromkeys((f"{role}_id", f"{role}_name", f"{role}_iso3", f"{role}_kind"))
    return {
        f"{role}_id": party.id,
        f"{role}_name": party.name,
        f"{role}_iso3": _iso3(party),
        f"{role}_kind": party.TAG,
    }


def _day(value: datetime.date) -> datetime.date:
    # pendulum's Date is a datetime.date subclass; tables want the plain type.
    return datetime.date(value.year, value.month, value.day)


def _codes(event: Event) -> tuple[Any, Any, tuple[Party | None, Party | None]]:
    """The CAMEO code, PLOVER code and dyad; none for a registered type codes.py cannot code."""
    try:
        return cameo(event), plover(event), dyad(event)
    except TypeError:  # codes.py knows the built-in event types only
        return None, None, (None, None)


def _summary(event: Event) -> dict[str, Any]:
    when = event.on
    code, coded, (actor, target) = _codes(event)
    return {
        "event_id": event.id,
        "event_type": event.TAG,
        "date": str(when),
        "date_earliest": _day(when.earliest),
        "date_latest": _day(when.latest),
        "date_precision": when.precision.value,
        "date_uncertain": when.uncertain,
        "date_approximate": when.approximate,
        **_party_columns("actor", actor),
        **_party_columns("target", target),
        "party_ids": tuple(dict.fromkeys(party.id for party in event.actors())),
        "cameo_code": None if code is None else code.code,
        "cameo_label": None if code is None else code.label,
        "goldstein": None if code is None else code.goldstein,
        "quad_class": None if code is None else code.quad_class,
        "plover_event": None if coded is None else coded.event,
        "plover_mode": None if coded is None else coded.mode,
        "plover_context": None if coded is None else coded.context,
        "source_ids": tuple(dict.fromkeys(citation.source.id for citation in event.sources)),
    }


# -- the record columns, derived from the event classes --------------------------------


def _codec(tp: Any) -> str:
    """How a field of type ``tp`` travels in a cell: text, json, bool, int or float."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return _codec(members[0]) if len(members) == 1 else "json"
    if tp is bool or tp is int or tp is float:
        return str(tp.__name__)
    if tp in (str, When, datetime.datetime) or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return "text"
    return "json"


def _optional(tp: Any) -> Any:
    """``X`` of ``X | None``; ``tp`` itself otherwise."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(members) == 1:
            return members[0]
    return tp


@attrs.frozen
class _Field:
    """One field of an event type and the column that carries it."""

    name: str
    column: str
    codec: str


@attrs.frozen
class _View:
    """A derived column: a name, enum or number inside a single nested value."""

    column: str
    field: str
    attribute: str


@attrs.frozen
class _Layout:
    columns: tuple[_Column, ...]
    names: tuple[str, ...]
    kinds: dict[str, str]
    fields: dict[str, tuple[_Field, ...]]  # by event tag
    types: dict[str, type[EventBase]]  # by event tag
    views: tuple[_View, ...]


def _view_attributes(tp: Any) -> list[tuple[str, str]]:
    """The (attribute, kind) pairs of a single untagged model type worth a column of its own."""
    model = _optional(tp)
    if model not in MODEL_CLASSES or str(getattr(model, "TAG", "")):
        return []
    found = []
    for attribute in attrs.fields(model):
        codec = _codec(attribute.type)
        inner = _optional(attribute.type)
        if codec in ("bool", "int", "float"):
            found.append((attribute.name, codec))
        elif attribute.name == "name" or (isinstance(inner, type) and issubclass(inner, enum.Enum)):
            found.append((attribute.name, "text"))
    return found


def _build_layout() -> _Layout:
    summary_names = {column.name for column in _SUMMARY}
    codecs: dict[str, list[tuple[str, str]]] = {}  # column -> (tag, codec) of each field
    fields: dict[str, tuple[_Field, ...]] = {}
    views: dict[str, _View] = {}
    view_kinds: dict[str, str] = {}
    order: list[str] = []
    known = event_types()
    for cls in known:
        attrs.resolve_types(cls)
    # The fields every event shares come first, then each type's own, in declared order.
    base = [field.name for field in attrs.fields(EventBase)]
    for cls in known:
        own: list[_Field] = []
        ordered = sorted(attrs.fields(cls), key=lambda f: f.name not in base)
        for field in ordered:
            column = _ALIASES.get(field.name, field.name)
            if column in summary_names and field.name not in _ALIASES:
                column = f"{field.name}_value"  # a field named like a derived column
            codec = _codec(field.type)
            own.append(_Field(field.name, column, codec))
            if column not in summary_names and column not in codecs:
                order.append(column)
            codecs.setdefault(column, []).append((cls.TAG, codec))
            for attribute, kind in _view_attributes(field.type):
                name = f"{column}_{attribute}"
                if name not in views and name not in summary_names:
                    views[name] = _View(name, field.name, attribute)
                    view_kinds[name] = kind
        fields[cls.TAG] = tuple(own)
    record: list[_Column] = []
    for column in order:
        used = codecs[column]
        kinds = {codec for _, codec in used}
        kind = kinds.pop() if len(kinds) == 1 else "text"
        tags = ", ".join(dict.fromkeys(tag for tag, _ in used))
        how = " as JSON text" if kind == "json" else ""
        record.append(_Column(column, kind, f"the field {column}{how} of: {tags}", derived=False))
        for view in views.values():
            if view.field == column and view.column not in codecs and view.column not in order:
                description = f"the {view.attribute} inside {column} (derived)"
                record.append(_Column(view.column, view_kinds[view.column], description))
    summary = tuple(
        attrs.evolve(
            column,
            nullable=(column.kind == "text" or column.name in _UNCODED)
            and column.name not in _REQUIRED,
        )
        for column in _SUMMARY
    )
    every = (*summary, *record)
    names = tuple(column.name for column in every)
    shown = {column.name for column in every}
    return _Layout(
        columns=every,
        names=names,
        kinds={column.name: column.kind for column in every},
        fields=fields,
        types={cls.TAG: cls for cls in known},
        views=tuple(view for view in views.values() if view.column in shown),
    )


_LAYOUT: _Layout | None = None
_LAYOUT_LOCK = threading.Lock()


def _layout() -> _Layout:
    global _LAYOUT
    layout = _LAYOUT
    if layout is None:
        with _LAYOUT_LOCK:
            layout = _LAYOUT
            if layout is None:
                layout = _LAYOUT = _build_layout()
    return layout


def _forget_layout() -> None:
    global _LAYOUT
    with _LAYOUT_LOCK:
        _LAYOUT = None


on_register(_forget_layout)


def columns() -> tuple[str, ...]:
    """The columns of every row, in order, for the event types known now.

    Registering an event type (:func:`~diplorec.events.register_event_type`) adds the columns
    of its new fields. ``COLUMNS`` is the same tuple.

    >>> columns()[:3]
    ('event_id', 'event_type', 'date')
    >>> "legal_status" in columns() and "envoy_rank" in columns()
    True
    """
    return _layout().names


def __getattr__(name: str) -> Any:
    if name == "COLUMNS":
        return columns()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if typing.TYPE_CHECKING:
    #: The columns of every row, in order: :func:`columns` now.
    COLUMNS: tuple[str, ...]


# -- rows ------------------------------------------------------------------------------

_COMPACT = {"ensure_ascii": False, "separators": (",", ":"), "allow_nan": False}


def _cell(value: Any, codec: str, kind: str) -> Any:
    """The cell of a wire value: text as it is, nested values (and mixed columns) as JSON."""
    if value is None:
        return None
    if codec == "text" or (codec == kind and codec in ("bool", "int", "float")):
        return value
    return json.dumps(value, **_COMPACT)  # type: ignore[arg-type]


def _view_value(event: Event, view: _View) -> Any:
    value = getattr(getattr(event, view.field, None), view.attribute, None)
    return value.value if isinstance(value, enum.Enum) else value


def _row(event: Event, layout: _Layout) -> dict[str, Any]:
    row = dict.fromkeys(layout.names)
    row.update(_summary(event))
    wire = to_dict(event)
    kinds = layout.kinds
    for field in layout.fields[event.TAG]:
        if field.name not in _ALIASES:
            row[field.column] = _cell(wire.get(field.name), field.codec, kinds[field.column])
    for view in layout.views:
        if view.field in wire:
            row[view.column] = _view_value(event, view)
    return row


def to_rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    """One flat dict per event, with the keys of :func:`columns` in that order.

    ``party_ids`` and ``source_ids`` are tuples of ids; every other value is a
    string (JSON text for nested values), a number, a bool, a ``datetime.date`` or
    None. :func:`from_rows` reads such rows back.
    """
    layout = _layout()
    return [_row(event, layout) for event in events]


class _CellError(Exception):
    """A cell that cannot hold what its column needs: the path inside it and why."""

    def __init__(self, message: str, inside: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.inside = inside


_EXPECTED = {"bool": (bool,), "int": (int,), "float": (float, int), "text": (str,)}
_WORDS = {"bool": "true or false", "int": "an integer", "float": "a number", "text": "text"}


def _wire_value(cell: Any, codec: str, kind: str) -> Any:
    """The wire value of a cell (the inverse of :func:`_cell`); None when empty."""
    if cell is None:
        return None
    if codec == "text" or (codec == kind and codec in ("bool", "int", "float")):
        value = cell
    else:
        if not isinstance(cell, str):
            raise _CellError(f"expected JSON text, found {show(cell)}")
        try:
            value = parse_json(cell)
        except ValidationError as error:
            problem = error.problems[0]
            raise _CellError(f"is not JSON text: {problem.message}", problem.path) from None
        if codec == "json":
            return value
    allowed = _EXPECTED[codec]
    if not isinstance(value, allowed) or (codec != "bool" and isinstance(value, bool)):
        raise _CellError(f"expected {_WORDS[codec]}, found {show(value)}")
    return float(typing.cast(float, value)) if codec == "float" else value


def _where(number: int, column: str | None, inside: str = "") -> str:
    place = f"row {number}" if column is None else f"row {number}, column {column}"
    if inside and inside != "$":
        place += f" at {inside}"
    return place


def _problems_of(error: ValidationError, number: int, fields: tuple[_Field, ...]) -> list[Problem]:
    """The wire reader's problems of one row, each placed in its column."""
    by_key = {field.name: field.column for field in fields} | {"type": "event_type"}
    found = []
    for problem in error.problems:
        path = problem.path
        key, rest = path[2:], ""
        for index, char in enumerate(key):
            if char in ".[":
                key, rest = key[:index], key[index:]
                break
        column = by_key.get(key) if path.startswith("$.") else None
        if column is None:
            found.append(Problem(path=_where(number, None, path), message=problem.message))
        else:
            inside = f"${rest}" if rest else ""
            found.append(Problem(path=_where(number, column, inside), message=problem.message))
    return found


@attrs.frozen
class _Reading:
    """What one reading needs: the layout, the spec version, whether columns may be absent."""

    layout: _Layout
    version: str

    @property
    def complete(self) -> bool:
        """Whether every record column of an event's type must be there (current tables)."""
        return self.version == SPEC_VERSION


def _event_of(
    row: Mapping[str, Any], number: int, reading: _Reading, problems: list[Problem]
) -> Event | None:
    layout = reading.layout
    tag = row.get("event_type")
    cls = layout.types.get(tag) if isinstance(tag, str) else None
    if cls is None:
        known = ", ".join(sorted(layout.types))
        message = (
            "is missing"
            if tag is None
            else f"{show(tag)} is not an event type diplorec knows (it knows {known})"
        )
        problems.append(Problem(path=_where(number, "event_type"), message=message))
        return None
    fields = layout.fields[cls.TAG]
    record: dict[str, Any] = {"type": cls.TAG}
    bad = False
    for field in fields:
        if field.column not in row:
            if reading.complete:
                message = f"is missing; a {tag} row needs it"
                problems.append(Problem(path=_where(number, field.column), message=message))
                bad = True
            continue
        try:
            value = _wire_value(row[field.column], field.codec, layout.kinds[field.column])
        except _CellError as error:
            where = _where(number, field.column, error.inside)
            problems.append(Problem(path=where, message=error.message))
            bad = True
            continue
        if value is not None:
            record[field.name] = value
    if bad:
        return None
    if reading.version != SPEC_VERSION:
        record = upgrade_event(record, reading.version)
    try:
        event: Event = from_dict(record, Event)
    except ValidationError as error:
        problems.extend(_problems_of(error, number, fields))
        return None
    return event


def _unknown_columns(names: Iterable[str], layout: _Layout) -> list[Problem]:
    known = set(layout.names)
    problems, seen = [], set()
    for name in names:
        if name in seen:
            problems.append(Problem(path=f"column {show(name)}", message="is given twice"))
        elif name not in known:
            message = "is not a column diplorec writes, so its values would be lost"
            problems.append(Problem(path=f"column {show(name)}", message=message))
        seen.add(name)
    return problems


def _spec_version(version: object, where: str) -> str:
    if isinstance(version, str) and version in SPEC_VERSIONS:
        return version
    readable = ", ".join(SPEC_VERSIONS)
    message = (
        f"{show(version)} is not a spec version this release of diplorec can read "
        f"(it reads {readable}); a newer release may be needed"
    )
    raise ValidationError([Problem(path=where, message=message)])


def _read_rows(
    rows: Iterable[Mapping[str, Any]], reading: _Reading, problems: list[Problem], first: int = 1
) -> Iterator[Event]:
    for number, row in enumerate(rows, start=first):
        event = _event_of(row, number, reading, problems)
        if event is not None:
            yield event


def from_rows(
    rows: Iterable[Mapping[str, Any]], *, spec_version: str = SPEC_VERSION
) -> list[Event]:
    """The events of rows shaped like those of :func:`to_rows` (the record columns).

    Derived columns are ignored; a column diplorec does not write is an error (its
    values would be lost). ``spec_version`` is the version the rows were written in;
    older rows are migrated, and their record columns may be absent. Raises
    :class:`~diplorec.errors.ValidationError` naming the row (1 is the first) and the
    column of every problem.
    """
    reading = _Reading(_layout(), _spec_version(spec_version, "spec_version"))
    problems: list[Problem] = []
    events = []
    known = set(reading.layout.names)
    for number, row in enumerate(rows, start=1):
        if not known.issuperset(row):
            problems.extend(
                attrs.evolve(problem, path=f"row {number}, {problem.path}")
                for problem in _unknown_columns(row, reading.layout)
            )
        event = _event_of(row, number, reading, problems)
        if event is not None:
            events.append(event)
    if problems:
        raise ValidationError(problems)
    return events


# -- pandas ----------------------------------------------------------------------------

_PANDAS_DTYPES = {
    "text": "string",
    "json": "string",
    "date": "datetime64[s]",
    "bool": "bool",
    "float": "float64",
    "int": "int64",
    "int8": "int8",
    "texts": "object",
}


_NULLABLE_DTYPES = {"bool": "boolean", "float": "Float64", "int": "Int64", "int8": "Int8"}


def _pandas_dtype(column: _Column) -> str:
    if column.nullable and column.kind in _NULLABLE_DTYPES:
        return _NULLABLE_DTYPES[column.kind]  # pandas' own dtypes with a missing value
    return _PANDAS_DTYPES[column.kind]


def to_pandas(events: Iterable[Event]) -> Any:
    """A ``pandas.DataFrame`` with one row per event and the columns of :func:`columns`.

    Text and JSON columns have pandas' ``string`` dtype, dates ``datetime64[s]``
    (which reaches back to year 1); booleans and numbers that may be missing have
    pandas' nullable ``boolean``, ``Int8``, ``Int64`` and ``Float64``; ``party_ids``
    and ``source_ids`` hold lists.
    """
    pd = require("pandas", "pandas", "to_pandas")
    rows = to_rows(events)
    data = {
        column.name: pd.Series(
            [_plain(row[column.name]) for row in rows],
            dtype=_pandas_dtype(column),
            name=column.name,
        )
        for column in _layout().columns
    }
    return pd.DataFrame(data, columns=list(data))


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# -- Arrow and Parquet -----------------------------------------------------------------


def _version() -> str:
    import diplorec

    return str(diplorec.__version__)


def arrow_schema() -> Any:
    """The explicit ``pyarrow.Schema`` of :func:`to_arrow` (needs pyarrow).

    Each field carries its description as metadata; the schema carries diplorec's
    package version and spec version (``diplorec.version``, ``diplorec.spec_version``),
    which Parquet files keep. Ids, types, dates, codes and lists are never null.
    """
    pa = require("pyarrow", "arrow", "arrow_schema")
    arrow_types = {
        "text": pa.string(),
        "json": pa.string(),
        "date": pa.date32(),
        "bool": pa.bool_(),
        "float": pa.float64(),
        "int": pa.int64(),
        "int8": pa.int8(),
        "texts": pa.list_(pa.string()),
    }
    fields = []
    for column in _layout().columns:
        metadata = {"description": column.description}
        if column.kind == "json":
            metadata["encoding"] = "json"
        kind = arrow_types[column.kind]
        fields.append(pa.field(column.name, kind, nullable=column.nullable, metadata=metadata))
    metadata = {"producer": "diplorec", VERSION_KEY: _version(), SPEC_VERSION_KEY: SPEC_VERSION}
    return pa.schema(fields, metadata=metadata)


def to_arrow(events: Iterable[Event]) -> Any:
    """A ``pyarrow.Table`` with one row per event, in the explicit :func:`arrow_schema`."""
    pa = require("pyarrow", "arrow", "to_arrow")
    schema = arrow_schema()
    rows = to_rows(events)
    arrays = [
        pa.array([_plain(row[field.name]) for row in rows], type=field.type) for field in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def _metadata_version(metadata: Mapping[bytes, bytes] | None, fallback: str) -> str:
    raw = (metadata or {}).get(SPEC_VERSION_KEY.encode())
    if raw is None and (metadata or {}).get(b"producer") == b"diplorec":
        message = (
            "the table was written by diplorec 0.1, whose tables hold only derived columns "
            "and cannot be read back; write it again from the events"
        )
        raise ValidationError([Problem(path=f"metadata {SPEC_VERSION_KEY}", message=message)])
    if raw is None:
        return _spec_version(fallback, "spec_version")
    return _spec_version(raw.decode("utf-8", "replace"), f"metadata {SPEC_VERSION_KEY}")


def _from_batches(names: list[str], batches: Iterable[Any], version: str) -> list[Event]:
    layout = _layout()
    problems = _unknown_columns(names, layout)
    if problems:
        raise ValidationError(problems)
    reading = _Reading(layout, version)
    found: list[Problem] = []
    events: list[Event] = []
    first = 1
    for batch in batches:
        rows = batch.to_pylist()
        events.extend(_read_rows(rows, reading, found, first))
        first += len(rows)
    if found:
        raise ValidationError(found)
    return events


def _record_names(names: Iterable[str], layout: _Layout) -> list[str]:
    """The columns a reader needs: the record columns (derived ones are not read)."""
    derived = {column.name for column in layout.columns if column.derived}
    return [name for name in names if name not in derived]


def from_arrow(table: Any, *, spec_version: str = SPEC_VERSION) -> list[Event]:
    """The events of a ``pyarrow.Table`` (or record batch) shaped like :func:`to_arrow`'s.

    The spec version is the one in the table's schema metadata, else ``spec_version``;
    older tables are migrated, a newer version is refused. Raises
    :class:`~diplorec.errors.ValidationError` naming row (1 is the first) and column.
    """
    version = _metadata_version(table.schema.metadata, spec_version)
    names = list(table.schema.names)
    if hasattr(table, "to_batches"):
        table = table.select(_record_names(names, _layout()))
        return _from_batches(names, table.to_batches(), version)
    return _from_batches(names, [table], version)


def write_parquet(
    events: Iterable[Event], path: str | os.PathLike[str], *, compression: str = "zstd"
) -> None:
    """Write the events as a Parquet file (needs pyarrow), one row per event.

    The file's metadata names diplorec's version and the spec version it wrote. The
    file is replaced in one step, as :func:`~diplorec.jsonl.write_jsonl` does.
    """
    table = to_arrow(events)
    parquet = require("pyarrow.parquet", "arrow", "write_parquet")
    from diplorec.jsonl import replacing

    with replacing(path) as temporary:
        parquet.write_table(table, str(temporary), compression=compression)


def read_parquet(
    source: str | os.PathLike[str] | IO[bytes], *, spec_version: str = SPEC_VERSION
) -> list[Event]:
    """The events of a Parquet file written by :func:`write_parquet` (needs pyarrow).

    The spec version is the one in the file's metadata (``diplorec.spec_version``),
    else ``spec_version`` (for files written by other tools); an older file is migrated
    and a newer one refused with a :class:`~diplorec.errors.ValidationError`, as is a
    bad row (naming row and column). Reading goes batch by batch.
    """
    parquet = require("pyarrow.parquet", "arrow", "read_parquet")
    file = parquet.ParquetFile(source)
    schema = file.schema_arrow
    version = _metadata_version(schema.metadata, spec_version)
    names = list(schema.names)
    batches = file.iter_batches(columns=_record_names(names, _layout()))
    return _from_batches(names, batches, version)


# -- CSV -------------------------------------------------------------------------------

#: The first characters that make a spreadsheet read a cell as a formula or split it
#: (OWASP, "CSV Injection"): ``=``, ``+``, ``-``, ``@``, tab and carriage return.
FORMULA_STARTS = frozenset("=+-@\t\r")
# A guarded cell starts with a single quote, which spreadsheets show as text; a cell
# that starts with one already is guarded too, so that guarding can always be undone.
_GUARD = "'"
_GUARDED = FORMULA_STARTS | {_GUARD}


def guard_formula(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: quoted when it could start a formula.

    A text that starts with one of :data:`FORMULA_STARTS`, or with ``'``, gets a
    leading ``'``, which a spreadsheet shows as text and does not evaluate;
    :func:`unguard_formula` takes it off again.

    >>> guard_formula("=1+2"), guard_formula("-4"), guard_formula("Kabul")
    ("'=1+2", "'-4", 'Kabul')
    >>> unguard_formula(guard_formula("'quoted")) == "'quoted"
    True
    """
    return _GUARD + text if text[:1] in _GUARDED else text


def unguard_formula(text: str) -> str:
    """The text that :func:`guard_formula` was given: one leading ``'`` taken off."""
    return text[1:] if text[:1] == _GUARD else text


def _csv_cell(value: Any, guard: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        value = ";".join(str(item) for item in value)
    if guard and isinstance(value, str):
        return guard_formula(value)
    return value


def write_csv(
    events: Iterable[Event],
    target: str | os.PathLike[str] | IO[str],
    *,
    guard_formulas: bool = True,
) -> int:
    """Write one CSV row per event, under a header of :func:`columns`; return how many.

    Lists of ids are joined with ``;``, None is an empty cell, booleans are ``true``
    and ``false``. Text that a spreadsheet would run as a formula (it starts with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return; see :func:`guard_formula`)
    is written with a leading ``'`` unless ``guard_formulas`` is false: names and notes
    come from sources that may be hostile. Numbers are written as they are.
    :func:`read_csv` reads the file back. A path is replaced in one step, as
    :func:`~diplorec.jsonl.write_jsonl` does; an open text file is written to.

    >>> import io
    >>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
    >>> buffer = io.StringIO()
    >>> write_csv([RECOGNITION], buffer)
    1
    >>> buffer.getvalue().splitlines()[0].split(",")[:3]
    ['event_id', 'event_type', 'date']
    >>> read_csv(io.StringIO(buffer.getvalue())) == [RECOGNITION]
    True
    """
    if not isinstance(target, (str, os.PathLike)):
        return _write_csv_rows(events, target, guard_formulas)
    from diplorec.jsonl import replacing

    with replacing(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as out:
        return _write_csv_rows(events, out, guard_formulas)


def _write_csv_rows(events: Iterable[Event], out: IO[str], guard: bool) -> int:
    layout = _layout()
    writer = csv.writer(out)
    writer.writerow(layout.names)
    count = 0
    for event in events:
        row = _row(event, layout)
        writer.writerow([_csv_cell(row[column], guard) for column in layout.names])
        count += 1
    return count


_BOOLEANS = {"true": True, "false": False, "True": True, "False": False}


def _csv_value(text: str, kind: str, guard: bool) -> Any:
    """The cell value of CSV text in a column of ``kind`` (the inverse of :func:`_csv_cell`)."""
    if text == "":
        return None
    if kind in ("text", "json"):
        return unguard_formula(text) if guard else text
    try:
        if kind == "bool":
            return _BOOLEANS[text]
        if kind == "int":
            return int(text)
        return float(text)
    except (KeyError, ValueError):
        raise _CellError(f"expected {_WORDS[kind]}, found {show(text)}") from None


def read_csv(
    source: str | os.PathLike[str] | IO[str],
    *,
    guard_formulas: bool = True,
    spec_version: str = SPEC_VERSION,
) -> list[Event]:
    """The events of a CSV file written by :func:`write_csv`.

    ``guard_formulas`` must match the writing: when true (the default), the leading
    ``'`` of every guarded text is taken off, so text starting with ``=``, ``+``,
    ``-``, ``@`` or ``'`` reads back exactly. A CSV file has no metadata: give
    ``spec_version`` for a file written by an older release. Derived columns are not
    read. Raises :class:`~diplorec.errors.ValidationError` naming the row (1 is the
    first after the header) and the column of every problem.
    """
    if not isinstance(source, (str, os.PathLike)):
        return _read_csv_rows(source, guard_formulas, spec_version)
    with open(source, encoding="utf-8-sig", newline="") as stream:
        return _read_csv_rows(stream, guard_formulas, spec_version)


def _read_csv_rows(stream: IO[str], guard: bool, spec_version: str) -> list[Event]:
    layout = _layout()
    reading = _Reading(layout, _spec_version(spec_version, "spec_version"))
    lines = csv.reader(stream)
    try:
        header = next(lines, None)
        if header is None:
            raise ValidationError([Problem(path="row 0", message="the file has no header")])
        problems = _unknown_columns(header, layout)
        if problems:
            raise ValidationError(problems)
        wanted = [(index, name) for index, name in enumerate(header) if name in layout.kinds]
        derived = {column.name for column in layout.columns if column.derived}
        wanted = [(index, name) for index, name in wanted if name not in derived]
        found: list[Problem] = []
        events: list[Event] = []
        for number, cells in enumerate(lines, start=1):
            if len(cells) != len(header):
                message = f"has {len(cells)} cells; the header has {len(header)}"
                found.append(Problem(path=_where(number, None), message=message))
                continue
            row: dict[str, Any] = {}
            for index, name in wanted:
                try:
                    row[name] = _csv_value(cells[index], layout.kinds[name], guard)
                except _CellError as error:
                    found.append(Problem(path=_where(number, name), message=error.message))
                    row[name] = None
            event = _event_of(row, number, reading, found)
            if event is not None:
                events.append(event)
    except csv.Error as error:
        where = f"line {lines.line_num}"
        raise ValidationError([Problem(path=where, message=f"is not CSV: {error}")]) from None
    if found:
        raise ValidationError(found)
    return events

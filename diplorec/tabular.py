"""Events as tables: one flat row per event, for pandas, Arrow and Parquet.

:func:`to_rows` needs nothing beyond diplorec. :func:`to_pandas` needs pandas
(``pip install "diplorec[pandas]"``); :func:`to_arrow` and :func:`write_parquet`
need pyarrow (``pip install "diplorec[arrow]"``). They are imported only when these
functions are called. A Parquet file is the way to corpora bigger than one machine:
DuckDB, Spark, Polars or Dask read it directly. :func:`write_csv` writes the rows as
CSV, guarded against spreadsheet formula injection.

Every row has the same columns, in the order of :data:`COLUMNS`. The *actor* and
*target* are the CAMEO source and target of the event (:func:`diplorec.codes.dyad`).

>>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
>>> (row,) = to_rows([RECOGNITION])
>>> row["actor_iso3"], row["target_kind"], row["target_iso3"], row["cameo_code"], row["goldstein"]
('RUS', 'government', 'AFG', '054', 6.0)
>>> row["date"], row["date_earliest"], row["date_precision"]
('2025-07-03', datetime.date(2025, 7, 3), 'day')
"""

from __future__ import annotations

import csv
import datetime
import importlib
import os
from collections.abc import Iterable
from typing import IO, Any

import attrs

from diplorec.actors import Government, Organization, Party, State
from diplorec.codes import cameo, dyad, plover
from diplorec.events import Event

__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "arrow_schema",
    "guard_formula",
    "to_arrow",
    "to_pandas",
    "to_rows",
    "unguard_formula",
    "write_csv",
    "write_parquet",
]


@attrs.frozen
class _Column:
    name: str
    kind: str  # text, date, bool, float, int, texts
    description: str


_SPEC: tuple[_Column, ...] = (
    _Column("event_id", "text", "the event's id"),
    _Column("event_type", "text", "the event's wire tag, e.g. recognition-act"),
    _Column("date", "text", "the event's date as EDTF text"),
    _Column("date_earliest", "date", "the first day the date could be"),
    _Column("date_latest", "date", "the last day the date could be"),
    _Column("date_precision", "text", "day, month, season, quarter, ..., year or interval"),
    _Column("date_uncertain", "bool", "whether the source doubts the date"),
    _Column("date_approximate", "bool", "whether the source gives the date roughly"),
    _Column("effective", "text", "the effective date, where the event has one"),
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
    _Column("quad_class", "int", "its quad class, 1 to 4"),
    _Column("plover_event", "text", "the PLOVER event type"),
    _Column("plover_mode", "text", "the PLOVER mode"),
    _Column("plover_context", "text", "the PLOVER context"),
    _Column("certainty", "text", "confirmed, reported, claimed or disputed"),
    _Column("place", "text", "where it happened"),
    _Column("source_ids", "texts", "the ids of the sources cited"),
)

#: The columns of every row, in order.
COLUMNS: tuple[str, ...] = tuple(column.name for column in _SPEC)


def _iso3(party: Party) -> str | None:
    if isinstance(party, State):
        return party.iso3
    if isinstance(party, (Government, Organization)) and party.state is not None:
        return party.state.iso3
    return None


def _party_columns(role: str, party: Party | None) -> dict[str, Any]:
    if party is None:
        return {
            f"{role}_id": None,
            f"{role}_name": None,
            f"{role}_iso3": None,
            f"{role}_kind": None,
        }
    return {
        f"{role}_id": party.id,
        f"{role}_name": party.name,
        f"{role}_iso3": _iso3(party),
        f"{role}_kind": party.TAG,
    }


def _day(value: datetime.date) -> datetime.date:
    # pendulum's Date is a datetime.date subclass; tables want the plain type.
    return datetime.date(value.year, value.month, value.day)


def _row(event: Event) -> dict[str, Any]:
    when = event.on
    code = cameo(event)
    coded = plover(event)
    actor, target = dyad(event)
    effective = getattr(event, "effective", None)
    return {
        "event_id": event.id,
        "event_type": event.TAG,
        "date": str(when),
        "date_earliest": _day(when.earliest),
        "date_latest": _day(when.latest),
        "date_precision": when.precision.value,
        "date_uncertain": when.uncertain,
        "date_approximate": when.approximate,
        "effective": None if effective is None else str(effective),
        **_party_columns("actor", actor),
        **_party_columns("target", target),
        "party_ids": tuple(dict.fromkeys(party.id for party in event.actors())),
        "cameo_code": code.code,
        "cameo_label": code.label,
        "goldstein": code.goldstein,
        "quad_class": code.quad_class,
        "plover_event": None if coded is None else coded.event,
        "plover_mode": None if coded is None else coded.mode,
        "plover_context": None if coded is None else coded.context,
        "certainty": event.certainty.value,
        "place": None if event.place is None else event.place.name,
        "source_ids": tuple(dict.fromkeys(citation.source.id for citation in event.sources)),
    }


def to_rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    """One flat dict per event, with the keys of :data:`COLUMNS` in that order.

    ``party_ids`` and ``source_ids`` are tuples of ids; every other value is a
    string, a number, a bool, a ``datetime.date`` or None.
    """
    return [_row(event) for event in events]


def _require(module: str, extra: str, caller: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        message = f'{caller}() needs {module}: pip install "diplorec[{extra}]"'
        raise ImportError(message) from error


_PANDAS_DTYPES = {
    "text": "string",
    "date": "datetime64[s]",
    "bool": "bool",
    "float": "float64",
    "int": "int8",
    "texts": "object",
}


def to_pandas(events: Iterable[Event]) -> Any:
    """A ``pandas.DataFrame`` with one row per event and the columns of :data:`COLUMNS`.

    Text columns have pandas' ``string`` dtype, dates ``datetime64[s]`` (which
    reaches back to year 1), ``party_ids`` and ``source_ids`` hold lists.
    """
    pd = _require("pandas", "pandas", "to_pandas")
    rows = to_rows(events)
    data = {
        column.name: pd.Series(
            [_plain(row[column.name]) for row in rows],
            dtype=_PANDAS_DTYPES[column.kind],
            name=column.name,
        )
        for column in _SPEC
    }
    return pd.DataFrame(data, columns=list(COLUMNS))


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def arrow_schema() -> Any:
    """The explicit ``pyarrow.Schema`` of :func:`to_arrow` (needs pyarrow).

    Each field carries its description as metadata; ids, types, dates, codes and
    lists are never null.
    """
    pa = _require("pyarrow", "arrow", "arrow_schema")
    types = {
        "text": pa.string(),
        "date": pa.date32(),
        "bool": pa.bool_(),
        "float": pa.float64(),
        "int": pa.int8(),
        "texts": pa.list_(pa.string()),
    }
    fields = [
        pa.field(
            column.name,
            types[column.kind],
            nullable=column.kind == "text" and column.name not in _REQUIRED,
            metadata={"description": column.description},
        )
        for column in _SPEC
    ]
    return pa.schema(fields, metadata={"producer": "diplorec"})


_REQUIRED = frozenset(
    {"event_id", "event_type", "date", "date_precision", "cameo_code", "cameo_label", "certainty"}
)


def to_arrow(events: Iterable[Event]) -> Any:
    """A ``pyarrow.Table`` with one row per event, in the explicit :func:`arrow_schema`."""
    pa = _require("pyarrow", "arrow", "to_arrow")
    schema = arrow_schema()
    rows = to_rows(events)
    arrays = [
        pa.array([_plain(row[field.name]) for row in rows], type=field.type) for field in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(
    events: Iterable[Event], path: str | os.PathLike[str], *, compression: str = "zstd"
) -> None:
    """Write the events as a Parquet file (needs pyarrow), one row per event."""
    table = to_arrow(events)
    parquet = _require("pyarrow.parquet", "arrow", "write_parquet")
    parquet.write_table(table, path, compression=compression)


# -- CSV --------------------------------------------------------------------------------

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
    """Write one CSV row per event, under a header of :data:`COLUMNS`; return how many.

    Lists of ids are joined with ``;``, None is an empty cell. Text that a
    spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return; see :func:`guard_formula`) is written with a leading
    ``'`` unless ``guard_formulas`` is false: names and notes come from sources that
    may be hostile. Numbers are written as they are. A path is replaced in one step,
    as :func:`~diplorec.jsonl.write_jsonl` does; an open text file is written to.

    >>> import io
    >>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
    >>> buffer = io.StringIO()
    >>> write_csv([RECOGNITION], buffer)
    1
    >>> buffer.getvalue().splitlines()[0].split(",")[:3]
    ['event_id', 'event_type', 'date']
    """
    if not isinstance(target, (str, os.PathLike)):
        return _write_csv_rows(events, target, guard_formulas)
    from diplorec.jsonl import replacing

    with replacing(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as out:
        return _write_csv_rows(events, out, guard_formulas)


def _write_csv_rows(events: Iterable[Event], out: IO[str], guard: bool) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for event in events:
        row = _row(event)
        writer.writerow([_csv_cell(row[column], guard) for column in COLUMNS])
        count += 1
    return count

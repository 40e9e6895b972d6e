"""At scale: standing intervals as Parquet for DuckDB, and JSON Lines partitions checked with Dask.

:func:`write_intervals` writes :meth:`~diplorec.ledger.RecognitionLedger.to_intervals`
as a Parquet file (needs pyarrow: ``pip install "diplorec[arrow]"``), one row per pair
and period of unchanged standing. :data:`RECOGNIZERS_SQL` and :data:`STANDINGS_SQL` are
"as-of" queries over it for DuckDB (``pip install "diplorec[duckdb]"``) that give the
ledger's own answers: who recognises a party on a date, and where any pair stands on
any date, for a whole table of questions in one query.

:func:`check_partitions` is the Dask recipe (``pip install "diplorec[dask]"``): it reads
a set of JSON Lines partitions (``.jsonl`` or ``.jsonl.gz``) in parallel with
``dask.bag``, one task per file, counts the good and bad records of each exactly as
:func:`~diplorec.jsonl.read_jsonl` does, and can convert each to Parquet on the way.
Nothing here is imported by ``import diplorec``, and pyarrow and dask only when called.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from diplorec._optional import require
from diplorec.migrations import SPEC_VERSION

if TYPE_CHECKING:
    from diplorec.ledger import RecognitionLedger

__all__ = [
    "INTERVAL_COLUMNS",
    "MAX_REPORTED",
    "RECOGNIZERS_SQL",
    "STANDINGS_SQL",
    "PartitionReport",
    "check_partition",
    "check_partitions",
    "intervals_table",
    "write_intervals",
]

#: The columns of :func:`intervals_table`, in order.
INTERVAL_COLUMNS = ("recognizer", "recognized", "capacity", "start", "end", "standing", "certain")

#: Who recognises ``$recognized`` over every day from ``$first`` to ``$last`` (one day:
#: ``$first = $last``), over a table or view ``intervals`` written by
#: :func:`write_intervals`: the answer of ``RecognitionLedger.recognizers`` by id. A pair
#: is in force over the days when every period of it that touches them is ``recognized``
#: and its first period starts by ``$first`` (before it, nothing is recognised).
RECOGNIZERS_SQL = """\
SELECT recognizer
FROM intervals
WHERE recognized = $recognized
  AND start <= $last
  AND coalesce("end", DATE '9999-12-31') >= $first
GROUP BY recognizer
HAVING bool_and(standing = 'recognized') AND min(start) <= $first
ORDER BY recognizer
"""

#: Where each pair of a table or view ``queries`` (``query``, ``recognizer``,
#: ``recognized``, ``first``, ``last``: the first and last day a date covers) stands,
#: over ``intervals``: the answer of ``RecognitionLedger.standing``. One standing over
#: every day of the range gives that standing; several give ``uncertain``. Days before
#: a pair's first period, and pairs without periods, are ``not-recognized``.
STANDINGS_SQL = """\
WITH pair_start AS (
    SELECT recognizer, recognized, min(start) AS first_start
    FROM intervals
    GROUP BY recognizer, recognized
),
found AS (
    SELECT q.query, i.standing
    FROM queries AS q
    JOIN intervals AS i
      ON i.recognizer = q.recognizer
     AND i.recognized = q.recognized
     AND i.start <= q.last
     AND coalesce(i."end", DATE '9999-12-31') >= q.first
    UNION ALL
    SELECT q.query, 'not-recognized' AS standing
    FROM queries AS q
    LEFT JOIN pair_start AS p
      ON p.recognizer = q.recognizer AND p.recognized = q.recognized
    WHERE p.first_start IS NULL OR q.first < p.first_start
)
SELECT query,
       CASE WHEN count(DISTINCT standing) = 1 THEN min(standing) ELSE 'uncertain' END
           AS standing
FROM found
GROUP BY query
ORDER BY query
"""


def intervals_table(ledger: RecognitionLedger) -> Any:
    """A ``pyarrow.Table`` of the ledger's standing intervals (needs pyarrow).

    Columns: ``recognizer`` and ``recognized`` (ids), ``capacity`` (None when no
    recognition is in force), ``start`` and ``end`` (dates; ``end`` None: open),
    ``standing`` and ``certain``. The schema metadata carries diplorec's package and
    spec versions, as :func:`diplorec.tabular.arrow_schema` does.

    >>> from diplorec.examples.russia_taliban_2025 import EVENTS
    >>> from diplorec.ledger import RecognitionLedger
    >>> table = intervals_table(RecognitionLedger.from_events(EVENTS))
    >>> table.column("recognizer").to_pylist()
    ['government:USA:trump-administration:2025-01-20', 'state:RUS']
    >>> table.column("standing").to_pylist()
    ['abstains', 'recognized']
    """
    pa = require("pyarrow", "arrow", "intervals_table")
    from diplorec.ledger import interval_columns
    from diplorec.tabular import SPEC_VERSION_KEY, VERSION_KEY, _version

    columns = interval_columns(ledger.to_intervals())
    text, date = pa.string(), pa.date32()
    schema = pa.schema(
        [
            pa.field("recognizer", text, nullable=False),
            pa.field("recognized", text, nullable=False),
            pa.field("capacity", text),
            pa.field("start", date, nullable=False),
            pa.field("end", date),
            pa.field("standing", text, nullable=False),
            pa.field("certain", pa.bool_(), nullable=False),
        ],
        metadata={"producer": "diplorec", VERSION_KEY: _version(), SPEC_VERSION_KEY: SPEC_VERSION},
    )
    arrays = [pa.array(columns[field.name], type=field.type) for field in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_intervals(
    ledger: RecognitionLedger, path: str | os.PathLike[str], *, compression: str = "zstd"
) -> int:
    """Write the ledger's standing intervals as a Parquet file; return how many rows.

    The file is replaced in one step. Query it with :data:`RECOGNIZERS_SQL` or
    :data:`STANDINGS_SQL` in DuckDB, Polars or Spark.
    """
    table = intervals_table(ledger)
    parquet = require("pyarrow.parquet", "arrow", "write_intervals")
    from diplorec.jsonl import replacing

    with replacing(path) as temporary:
        parquet.write_table(table, str(temporary), compression=compression)
    return int(table.num_rows)


# -- Dask ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PartitionReport:
    """What one partition held: its good and bad records, and where they were written.

    ``problems`` are the first bad lines' reports (as ``read_jsonl`` gives them);
    ``bad`` counts them all. ``output`` is the Parquet file of the good records, if
    one was asked for.
    """

    path: str
    valid: int
    bad: int
    problems: tuple[str, ...] = ()
    output: str | None = None


#: How many bad lines of each partition a report quotes (all are counted).
MAX_REPORTED = 20


def _output_name(source: str) -> str:
    name = Path(source).name
    for suffix in (".gz", ".jsonl", ".ndjson"):
        name = name.removesuffix(suffix)
    return f"{name}.parquet"


def check_partition(
    source: str, output: str | None = None, spec_version: str = SPEC_VERSION
) -> PartitionReport:
    """Read one JSON Lines partition, collecting its bad lines; write Parquet if asked.

    A task of :func:`check_partitions`; usable on its own.
    """
    from diplorec.jsonl import read_jsonl

    reader = read_jsonl(
        source, errors="collect", spec_version=spec_version, max_bad_lines=MAX_REPORTED
    )
    with reader:
        events = list(reader)
    written = None
    if output is not None:
        from diplorec.tabular import write_parquet

        written = str(Path(output) / _output_name(source))
        write_parquet(events, written)
    return PartitionReport(
        path=source,
        valid=reader.valid,
        bad=reader.bad_count,
        problems=tuple(str(line) for line in reader.bad_lines),
        output=written,
    )


def check_partitions(
    sources: Iterable[str | os.PathLike[str]],
    *,
    output: str | os.PathLike[str] | None = None,
    spec_version: str = SPEC_VERSION,
    scheduler: Any = None,
) -> tuple[PartitionReport, ...]:
    """Check (and convert) JSON Lines partitions in parallel with ``dask.bag``.

    One task per file: each is read with ``read_jsonl(errors="collect")``, so its
    counts of good and bad records are those of a serial read. With ``output`` (a
    folder) the good records of each partition are written there as Parquet, one file
    per partition (``2025-07.jsonl.gz`` → ``2025-07.parquet``). ``scheduler`` is
    passed to ``compute()``: a ``distributed.Client`` (the default when one is
    active), ``"threads"``, ``"processes"`` or ``"sync"``. Reports come in the order
    of ``sources``. Needs ``pip install "diplorec[dask]"``.
    """
    bag = require("dask.bag", "dask", "check_partitions")
    paths = [os.fspath(source) for source in sources]
    if not paths:
        return ()
    target = None if output is None else os.fspath(output)
    tasks = bag.from_sequence(paths, npartitions=len(paths)).map(
        check_partition, target, spec_version
    )
    options = {} if scheduler is None else {"scheduler": scheduler}
    reports = tasks.compute(**options)
    return tuple(reports)

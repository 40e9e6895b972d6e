"""At scale: the DuckDB as-of queries agree with the ledger; Dask counts equal a serial read."""

from __future__ import annotations

import datetime
import gzip
import random
from pathlib import Path
from typing import Any

import pytest

from diplorec import (
    Certainty,
    DiplomaticTies,
    Government,
    RecognitionAct,
    RecognitionWithdrawal,
    State,
    When,
    WithdrawalKind,
    dumps,
    read_jsonl,
)
from diplorec.examples import russia_taliban_2025 as example
from diplorec.ledger import RecognitionLedger, Standing
from diplorec.migrations import SPEC_VERSION

SEED = 20251203
QUERIES = 100_000


def _code(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "Q" + letters[index // 26] + letters[index % 26]


STATES = [State(name=f"State {_code(i)}", iso3=_code(i)) for i in range(40)]
#: Rival governments of two states, so that exclusive recognitions switch between them.
GOVERNMENTS = [
    Government(name=f"{side} Government of {state.name}", state=state)
    for state in STATES[:2]
    for side in ("Northern", "Southern")
]


def _date(rng: random.Random, low: int = 1990, high: int = 2020) -> str:
    """A date as sources give them: mostly days, some months, years, ranges, open starts."""
    day = datetime.date(low, 1, 1) + datetime.timedelta(
        days=rng.randrange((datetime.date(high, 12, 31) - datetime.date(low, 1, 1)).days)
    )
    roll = rng.random()
    if roll < 0.55:
        text = day.isoformat()
    elif roll < 0.75:
        text = day.isoformat()[:7]
    elif roll < 0.85:
        text = str(day.year)
    elif roll < 0.93:
        text = f"{day.isoformat()}/{(day + datetime.timedelta(days=rng.randrange(1, 400)))}"
    else:
        text = f"../{day.isoformat()[:7]}"
    if rng.random() < 0.05 and "/" not in text:
        text += "?"
    return text


def _period(rng: random.Random) -> str:
    """A period of observed ties: bounded by days, months or years, sometimes open."""
    start, end = _date(rng, 1990, 2005), _date(rng, 2006, 2020)
    start, end = start.split("/")[-1].rstrip("?"), end.split("/")[0].rstrip("?")
    return f"{start if start != '..' else '..'}/{end if rng.random() < 0.8 else '..'}"


def _history(rng: random.Random) -> list[Any]:
    """Recognitions and withdrawals over many pairs, in no particular order."""
    events: list[Any] = []
    parties = [*STATES, *GOVERNMENTS]
    for _ in range(700):
        recognizer = rng.choice(STATES)
        recognized = rng.choice(parties)
        if recognized.id == recognizer.id or getattr(recognized, "state", None) == recognizer:
            continue
        for _step in range(rng.randint(1, 4)):
            on = When.parse(_date(rng))
            certainty = rng.choice([Certainty.REPORTED] * 6 + [Certainty.CLAIMED])
            if rng.random() < 0.6:
                effective = When.parse(_date(rng)) if rng.random() < 0.1 else None
                events.append(
                    RecognitionAct(
                        on=on,
                        recognizer=recognizer,
                        recognized=recognized,
                        certainty=certainty,
                        effective=effective,
                        exclusive=rng.random() < 0.9,
                    )
                )
                continue
            if rng.random() < 0.15:
                events.append(
                    DiplomaticTies(
                        on=When.parse(_period(rng)),
                        parties=(recognizer, recognized),
                        formal_recognition=True,
                    )
                )
                continue
            disputed = rng.random() < 0.2
            third = rng.choice([state for state in STATES if state not in (recognizer, recognized)])
            events.append(
                RecognitionWithdrawal(
                    on=on,
                    withdrawer=recognizer,
                    recognized=recognized,
                    kind=rng.choice([WithdrawalKind.WITHDRAWAL, WithdrawalKind.SUSPENSION]),
                    claimed_by=(third,) if disputed else (),
                    denied_by=(recognizer,) if disputed else (),
                )
            )
    rng.shuffle(events)
    return events


def _query_date(rng: random.Random) -> str:
    day = datetime.date(1985, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 40))
    roll = rng.random()
    if roll < 0.6:
        return day.isoformat()
    if roll < 0.8:
        return day.isoformat()[:7]
    if roll < 0.92:
        return str(day.year)
    return f"{day.year}/.." if roll < 0.96 else f"../{day.year}"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[RecognitionLedger, Path]:
    """A seeded history of some 1,500 events over some 600 pairs, and its intervals file."""
    pytest.importorskip("pyarrow")
    from diplorec.scale import write_intervals

    ledger = RecognitionLedger.from_events(_history(random.Random(SEED)))
    path = tmp_path_factory.mktemp("scale") / "intervals.parquet"
    assert write_intervals(ledger, path) == len(ledger.to_intervals())
    return ledger, path


class TestIntervalsFile:
    """write_intervals: one row per interval, typed columns, versions in the metadata."""

    def test_columns(self, history: tuple[RecognitionLedger, Path]) -> None:
        """The file has the interval columns and rows of to_intervals, open ends as null."""
        import pyarrow.parquet as parquet

        from diplorec.ledger import interval_columns
        from diplorec.scale import INTERVAL_COLUMNS

        ledger, path = history
        table = parquet.read_table(path)
        assert tuple(table.schema.names) == INTERVAL_COLUMNS
        assert table.to_pydict() == interval_columns(ledger.to_intervals())
        assert None in table.column("end").to_pylist()
        metadata = parquet.read_metadata(path).metadata
        assert metadata[b"diplorec.spec_version"] == SPEC_VERSION.encode()


class TestIntervalsAgree:
    """Each interval's standing is the ledger's on its first, middle and last day."""

    def test_seeded_history(self, history: tuple[RecognitionLedger, Path]) -> None:
        """Days, months, years and observed ties: every interval's days agree."""
        ledger, _ = history
        for row in ledger.to_intervals():
            days = {row.start}
            if row.end is not None:
                days |= {row.end, row.start + (row.end - row.start) / 2}
            for day in days:
                assert ledger.standing(row.recognizer, row.recognized, day) is row.standing, (
                    str(row),
                    day,
                )

    def test_year_dated_change(self) -> None:
        """A suspension dated only 1990 surely holds on 31 December 1990, not from 1991."""
        ledger = RecognitionLedger.from_events(
            [
                RecognitionWithdrawal(
                    on=When.parse("1990"),
                    withdrawer=STATES[0],
                    recognized=STATES[1],
                    kind=WithdrawalKind.SUSPENSION,
                )
            ]
        )
        assert [(str(row.start), str(row.end), row.standing.value) for row in
                ledger.to_intervals()] == [
            ("1990-01-01", "1990-12-30", "uncertain"),
            ("1990-12-31", "None", "suspended"),
        ]  # fmt: skip
        assert ledger.standing(STATES[0], STATES[1], "1990-12-31") is Standing.SUSPENDED


class TestDuckDB:
    """The documented as-of queries give the ledger's answers."""

    @pytest.fixture
    def connection(self, history: tuple[RecognitionLedger, Path]) -> Any:
        duckdb = pytest.importorskip("duckdb")
        connection = duckdb.connect()
        connection.read_parquet(str(history[1])).create_view("intervals")
        yield connection
        connection.close()

    def test_standings(self, history: tuple[RecognitionLedger, Path], connection: Any) -> None:
        """10^5 seeded questions (days, months, years, open ranges) in one query."""
        import pyarrow as pa

        from diplorec.scale import STANDINGS_SQL

        ledger, _ = history
        rng = random.Random(SEED + 1)
        pairs = sorted({(row.recognizer, row.recognized) for row in ledger.to_intervals()})
        ids = [party.id for party in (*STATES, *GOVERNMENTS)]
        questions: dict[str, list[Any]] = {
            name: [] for name in ("query", "recognizer", "recognized", "first", "last")
        }
        expected = []
        for number in range(QUERIES):
            if rng.random() < 0.8:
                recognizer, recognized = rng.choice(pairs)
            else:
                recognizer, recognized = rng.sample(ids, 2)
            when = When.parse(_query_date(rng))
            for name, value in zip(
                questions,
                (number, recognizer, recognized, when.earliest, when.latest),
                strict=True,
            ):
                questions[name].append(value)
            expected.append(ledger.standing(recognizer, recognized, when).value)
        queries = pa.table(questions)
        connection.register("queries", queries)
        answers = connection.execute(STANDINGS_SQL).fetchall()
        assert [query for query, _ in answers] == list(range(QUERIES))
        assert [standing for _, standing in answers] == expected
        found = set(expected)
        assert {"recognized", "withdrawn", "suspended", "uncertain", "not-recognized"} <= found

    def test_recognizers(self, history: tuple[RecognitionLedger, Path], connection: Any) -> None:
        """Who recognises X on d: the ledger's recognizers, for days, months and years."""
        from diplorec.scale import RECOGNIZERS_SQL

        ledger, _ = history
        rng = random.Random(SEED + 2)
        targets = sorted({row.recognized for row in ledger.to_intervals()})
        some = 0
        for _ in range(300):
            recognized, when = rng.choice(targets), When.parse(_query_date(rng))
            parameters = {"recognized": recognized, "first": when.earliest, "last": when.latest}
            rows = connection.execute(RECOGNIZERS_SQL, parameters).fetchall()
            expected = sorted(party.id for party in ledger.recognizers(recognized, when))
            assert [recognizer for (recognizer,) in rows] == expected, (recognized, str(when))
            some += bool(expected)
        assert some > 30

    def test_worked_example(self, tmp_path: Path) -> None:
        """Russia alone recognises the Islamic Emirate on 4 July 2025, nobody the day before."""
        duckdb = pytest.importorskip("duckdb")
        from diplorec.scale import RECOGNIZERS_SQL, write_intervals

        path = tmp_path / "intervals.parquet"
        write_intervals(RecognitionLedger.from_events(example.EVENTS), path)
        connection = duckdb.connect()
        connection.read_parquet(str(path)).create_view("intervals")
        emirate = example.ISLAMIC_EMIRATE.id
        for day, expected in (("2025-07-02", []), ("2025-07-04", [("state:RUS",)])):
            date = datetime.date.fromisoformat(day)
            parameters = {"recognized": emirate, "first": date, "last": date}
            assert connection.execute(RECOGNIZERS_SQL, parameters).fetchall() == expected


def _partitions(folder: Path) -> list[Path]:
    """Six gzip partitions of the worked example's events, some with bad lines."""
    rng = random.Random(SEED + 3)
    lines = [dumps(event) for event in example.EVENTS]
    bad = ['{"type": "meeting"}', "not json", '{"type": "recognition-act", "on": "2025-13"}']
    paths = []
    for index in range(6):
        chosen = [rng.choice(lines) for _ in range(rng.randint(5, 40))]
        chosen += [rng.choice(bad) for _ in range(index % 3)]
        rng.shuffle(chosen)
        path = folder / f"part-{index:02d}.jsonl.gz"
        path.write_bytes(gzip.compress(("\n".join(chosen) + "\n").encode("utf-8")))
        paths.append(path)
    return paths


class TestDask:
    """check_partitions on a two-worker LocalCluster counts what a serial read counts."""

    def test_counts_and_conversion(self, tmp_path: Path) -> None:
        """Good and bad counts equal read_jsonl's, file by file; Parquet holds the good."""
        pytest.importorskip("dask.bag")
        distributed = pytest.importorskip("distributed")
        pytest.importorskip("pyarrow")
        from diplorec.scale import check_partitions
        from diplorec.tabular import read_parquet

        paths = _partitions(tmp_path)
        out = tmp_path / "parquet"
        out.mkdir()
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            assert len(client.scheduler_info()["workers"]) == 2
            reports = check_partitions(paths, output=out, scheduler=client)
        serial = []
        for path in paths:
            reader = read_jsonl(path, errors="collect")
            events = list(reader)
            serial.append((str(path), reader.valid, reader.bad_count, events))
        assert [(r.path, r.valid, r.bad) for r in reports] == [s[:3] for s in serial]
        assert sum(report.bad for report in reports) > 0
        for report, (_, _, _, events) in zip(reports, serial, strict=True):
            assert report.output is not None
            assert read_parquet(report.output) == events
        assert reports[1].problems[0].startswith("line ")

    def test_no_partitions(self) -> None:
        """No files, no tasks."""
        pytest.importorskip("dask.bag")
        from diplorec.scale import check_partitions

        assert check_partitions([]) == ()

"""Ledger benchmark: ``python -m benchmarks.ledger [--quick] [--million]``.

Three measurements, medians of repeated runs on one core:

- **one long pair**: ``standing()`` (200 dates) on a pair with 10,000 recognitions and
  withdrawals, with and without one open-start act ``../1900``
  before them, on single days and on year-long windows;
- **build**: ``RecognitionLedger.from_events`` in µs per event at 10⁴ and 10⁵ events
  of the benchmark corpus (10⁶ with ``--million``), and the ratio of the largest to
  the smallest;
- **random queries**: 10⁵ ``standing()`` questions on random pairs of the largest
  ledger built, on days, months, years and open-start dates (``../1990``).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import random
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.corpus import generate
from diplorec import RecognitionAct, RecognitionWithdrawal, State, When
from diplorec.ledger import RecognitionLedger

RECOGNIZER = State(name="Recognizer", iso3="QRA")
RECOGNIZED = State(name="Recognized", iso3="QRB")
FIRST_DAY = datetime.date(1850, 1, 1)


def _long_pair(changes: int, *, open_start: bool) -> list[Any]:
    """A pair's history: a recognition or a withdrawal every two days from 1850.

    The open-start act ``../1900`` may have taken effect on any day up to 1900, so it
    overlaps most of them.
    """
    events: list[Any] = []
    for index in range(changes):
        on = When.from_date(FIRST_DAY + datetime.timedelta(days=2 * index))
        if index % 2 == 0:
            events.append(RecognitionAct(on=on, recognizer=RECOGNIZER, recognized=RECOGNIZED))
        else:
            events.append(
                RecognitionWithdrawal(on=on, withdrawer=RECOGNIZER, recognized=RECOGNIZED)
            )
    if open_start:
        events.append(
            RecognitionAct(on=When.parse("../1900"), recognizer=RECOGNIZER, recognized=RECOGNIZED)
        )
    return events


def _median_us(run: Callable[[], object], calls: int, repeat: int) -> float:
    """The median over ``repeat`` runs of ``run``'s time, in µs per one of its ``calls``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(times)


def long_pair(changes: int, queries: int, repeat: int) -> list[dict[str, Any]]:
    """``standing()`` on one pair with many changes, with and without an open-start act."""
    rng = random.Random(11)
    span = 2 * changes
    days = [
        When.from_date(FIRST_DAY + datetime.timedelta(days=rng.randrange(span)))
        for _ in range(queries)
    ]
    years = [
        When.parse(str(rng.randrange(FIRST_DAY.year, FIRST_DAY.year + span // 365)))
        for _ in range(queries)
    ]
    rows = []
    for open_start in (False, True):
        ledger = RecognitionLedger.from_events(_long_pair(changes, open_start=open_start))
        standing = ledger.standing
        standing(RECOGNIZER, RECOGNIZED, days[0])  # the pair's series is built on first use
        for label, dates in (("day", days), ("year", years)):

            def ask(dates: Sequence[When] = dates, standing: Any = standing) -> None:
                for on in dates:
                    standing(RECOGNIZER, RECOGNIZED, on)

            rows.append(
                {
                    "changes": changes,
                    "open_start": open_start,
                    "window": label,
                    "standing_us": _median_us(ask, len(dates), repeat),
                }
            )
    return rows


def _query_date(rng: random.Random) -> When:
    day = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 76))
    roll = rng.random()
    if roll < 0.6:
        return When.from_date(day)
    if roll < 0.8:
        return When.parse(day.isoformat()[:7])
    if roll < 0.9:
        return When.parse(str(day.year))
    return When.parse(f"../{day.year}")


def build_and_query(
    sizes: Sequence[int], queries: int
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Build time per event at each size; then random queries on the largest ledger."""
    rows = []
    ledger = None
    events: list[Any] = []
    for size in sizes:
        events = generate(size)
        gc.collect()
        start = time.perf_counter()
        ledger = RecognitionLedger.from_events(events)
        seconds = time.perf_counter() - start
        rows.append(
            {"events": size, "build_seconds": seconds, "build_us_per_event": seconds / size * 1e6}
        )
    assert ledger is not None
    rng = random.Random(7)
    acts = [event for event in events if isinstance(event, RecognitionAct)]
    asks = [
        (act.recognizer, act.recognized, _query_date(rng))
        for act in (rng.choice(acts) for _ in range(queries))
    ]
    standing = ledger.standing
    start = time.perf_counter()
    for recognizer, recognized, on in asks:  # first questions build their pairs' series
        standing(recognizer, recognized, on)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for recognizer, recognized, on in asks:
        standing(recognizer, recognized, on)
    again = time.perf_counter() - start
    return rows, {
        "events": sizes[-1],
        "queries": queries,
        "first_pass_us": first / queries * 1e6,
        "second_pass_us": again / queries * 1e6,
    }


def report(changes: int, sizes: Sequence[int], queries: int, repeat: int) -> dict[str, Any]:
    """Every measurement of this module, as one dictionary."""
    pair = long_pair(changes, min(queries, 200), repeat)
    build, random_queries = build_and_query(sizes, queries)
    return {"long_pair": pair, "build": build, "random_queries": random_queries}


def render(result: dict[str, Any]) -> str:
    """The report as Markdown tables."""
    lines = ["| changes | open-start act | query window | `standing()` µs |", "|---|---|---|---|"]
    for row in result["long_pair"]:
        lines.append(
            f"| {row['changes']:,} | {'yes' if row['open_start'] else 'no'} | {row['window']} "
            f"| {row['standing_us']:.1f} |"
        )
    lines += ["", "| events | build s | build µs/event |", "|---|---|---|"]
    for row in result["build"]:
        lines.append(
            f"| {row['events']:,} | {row['build_seconds']:.2f} | {row['build_us_per_event']:.1f} |"
        )
    build = result["build"]
    if len(build) > 1:
        ratio = build[-1]["build_us_per_event"] / build[0]["build_us_per_event"]
        lines.append(
            f"\nbuild µs/event at {build[-1]['events']:,} ÷ at {build[0]['events']:,}: {ratio:.2f}x"
        )
    q = result["random_queries"]
    lines.append(
        f"\n{q['queries']:,} random `standing()` queries on {q['events']:,} events: "
        f"{q['first_pass_us']:.1f} µs each the first time (pairs' series built), "
        f"{q['second_pass_us']:.1f} µs each again"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ledger benchmark and print its tables."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ledger", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--million", action="store_true", help="also build a ledger of 10⁶ events")
    arguments = parser.parse_args(argv)
    if arguments.quick:
        result = report(changes=1_000, sizes=(1_000, 5_000), queries=5_000, repeat=3)
    else:
        sizes = (10_000, 100_000, 1_000_000) if arguments.million else (10_000, 100_000)
        result = report(changes=10_000, sizes=sizes, queries=100_000, repeat=3)
    print(render(result))


if __name__ == "__main__":
    main()

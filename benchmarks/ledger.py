"""Ledger benchmark: ``python -m benchmarks.ledger [--quick] [--million] [--clock cpu]``.

Two measurements, medians of repeated runs on one core:

- **one long pair**: ``standing()`` (200 dates) on a pair with 10,000 recognitions and
  withdrawals, with and without one open-start act ``../1900``
  before them, on single days and on year-long windows;
- **build and random queries**, at 10⁴ and 10⁵ events of the benchmark corpus (10⁶
  with ``--million``), 2 % of its recognition acts given an open-start twin
  (``../1990``): ``RecognitionLedger.from_events`` in µs per event, then 10⁵
  ``standing()`` questions on random pairs and dates (days, months, years and
  open-start dates), asked twice; and the ratios of the largest size to the smallest.
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


#: What the timings read: wall time, or with ``--clock cpu`` this process's CPU time
#: (steadier on a shared machine).
Clock = Callable[[], float]


def _median_us(run: Callable[[], object], calls: int, repeat: int, clock: Clock) -> float:
    """The median over ``repeat`` runs of ``run``'s time, in µs per one of its ``calls``."""
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append((clock() - start) / calls * 1e6)
    return statistics.median(times)


def long_pair(changes: int, queries: int, repeat: int, clock: Clock) -> list[dict[str, Any]]:
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
                    "standing_us": _median_us(ask, len(dates), repeat, clock),
                }
            )
    return rows


def _query_date(rng: random.Random) -> When:
    """A day, month or year between 1950 and 2025, or an open start (``../1990``)."""
    day = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 76))
    roll = rng.random()
    if roll < 0.6:
        return When.from_date(day)
    if roll < 0.8:
        return When.parse(day.isoformat()[:7])
    if roll < 0.9:
        return When.parse(str(day.year))
    return When.parse(f"../{day.year}")


#: The share of the corpus's recognition acts given an open-start twin (``../1990``).
OPEN_START_SHARE = 0.02


def corpus(size: int) -> list[Any]:
    """The benchmark corpus of ``size`` events, with open-start acts added.

    For 2 % of its recognition acts, one more act of the same pair dated ``../YYYY``
    (it took effect on some day up to the end of a year from 1950 to 2025): a change
    that may hold over decades, under every later change of its pair.
    """
    events: list[Any] = generate(size)
    rng = random.Random(size)
    acts = [event for event in events if isinstance(event, RecognitionAct)]
    for act in rng.sample(acts, round(len(acts) * OPEN_START_SHARE)):
        on = When.parse(f"../{rng.randint(1950, 2025)}")
        twin = RecognitionAct(
            on=on, recognizer=act.recognizer, recognized=act.recognized, capacity=act.capacity
        )
        events.append(twin)
    return events


def build_and_query(
    sizes: Sequence[int], queries: int, repeat: int, clock: Clock
) -> list[dict[str, Any]]:
    """At each size: build time per event, then ``queries`` random questions, twice.

    The build is the median of ``repeat`` runs below 10⁶ events, one run from there.
    Questions name the pair of a random recognition act of the corpus and a random
    date (:func:`_query_date`); the same ones are asked twice: the first time each pair's
    step function (built with the ledger) is read for the first time since the build.
    """
    rows = []
    for size in sizes:
        events = corpus(size)
        seconds = []
        ledger = None
        for _ in range(repeat if size < 1_000_000 else 1):
            ledger = None  # the previous ledger is freed before the next is timed
            gc.collect()
            start = clock()
            ledger = RecognitionLedger.from_events(events)
            seconds.append(clock() - start)
        assert ledger is not None
        build = statistics.median(seconds)
        rng = random.Random(7)
        acts = [event for event in events if isinstance(event, RecognitionAct)]
        asks = [
            (act.recognizer, act.recognized, _query_date(rng))
            for act in (rng.choice(acts) for _ in range(queries))
        ]
        standing = ledger.standing
        passes = []
        for _ in range(2):  # the first questions read their pairs for the first time
            start = clock()
            for recognizer, recognized, on in asks:
                standing(recognizer, recognized, on)
            passes.append((clock() - start) / queries * 1e6)
        rows.append(
            {
                "events": len(events),
                "build_seconds": build,
                "build_us_per_event": build / len(events) * 1e6,
                "queries": queries,
                "first_pass_us": passes[0],
                "second_pass_us": passes[1],
            }
        )
        del events, ledger, asks
    return rows


def report(
    changes: int,
    sizes: Sequence[int],
    queries: int,
    repeat: int,
    clock: Clock = time.perf_counter,
) -> dict[str, Any]:
    """Every measurement of this module, as one dictionary."""
    pair = long_pair(changes, min(queries, 200), repeat, clock)
    return {"long_pair": pair, "build": build_and_query(sizes, queries, repeat, clock)}


def _ratio(rows: list[dict[str, Any]], key: str) -> float:
    return float(rows[-1][key] / rows[0][key])


def render(result: dict[str, Any]) -> str:
    """The report as Markdown tables."""
    lines = ["| changes | open-start act | query window | `standing()` µs |", "|---|---|---|---|"]
    for row in result["long_pair"]:
        lines.append(
            f"| {row['changes']:,} | {'yes' if row['open_start'] else 'no'} | {row['window']} "
            f"| {row['standing_us']:.1f} |"
        )
    lines += [
        "",
        "| events | build s | build µs/event | queries | µs/query, first | µs/query, again |",
        "|---|---|---|---|---|---|",
    ]
    rows = result["build"]
    for row in rows:
        lines.append(
            f"| {row['events']:,} | {row['build_seconds']:.2f} | {row['build_us_per_event']:.1f} "
            f"| {row['queries']:,} | {row['first_pass_us']:.1f} | {row['second_pass_us']:.1f} |"
        )
    if len(rows) > 1:
        largest, smallest = f"{rows[-1]['events']:,}", f"{rows[0]['events']:,}"
        lines.append(
            f"\nat {largest} events ÷ at {smallest}: build µs/event "
            f"{_ratio(rows, 'build_us_per_event'):.2f}x, µs/query "
            f"{_ratio(rows, 'second_pass_us'):.2f}x "
            f"(first pass {_ratio(rows, 'first_pass_us'):.2f}x)"
        )
    lines.append(
        "(the first pass asks about each pair for the first time since the build; "
        f"{OPEN_START_SHARE:.0%} of the acts have an open-start twin, "
        "10 % of the questions are open-start dates)"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ledger benchmark and print its tables."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ledger", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--million", action="store_true", help="also build a ledger of 10⁶ events")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="time with the wall clock or with this process's CPU time (default: wall)",
    )
    arguments = parser.parse_args(argv)
    clock = time.process_time if arguments.clock == "cpu" else time.perf_counter
    if arguments.quick:
        result = report(changes=1_000, sizes=(1_000, 5_000), queries=5_000, repeat=3, clock=clock)
    else:
        sizes = (10_000, 100_000, 1_000_000) if arguments.million else (10_000, 100_000)
        result = report(changes=10_000, sizes=sizes, queries=100_000, repeat=3, clock=clock)
    print(render(result))


if __name__ == "__main__":
    main()

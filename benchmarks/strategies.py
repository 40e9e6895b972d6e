"""Cost of drawing from diplorec's Hypothesis strategies: ``python -m benchmarks.strategies``.

For each public strategy, prints the mean time of one draw (as Hypothesis's ``too_slow``
health check adds them up) and the processor time it takes, and the mean number of
strategy draws and of choices per value, which do not depend on how busy the machine
is. ``just(None)`` shows the fixed cost of a draw through ``st.data()``, included in
every other line.

``--against DIRECTORY`` times another checkout of diplorec too, in the same run: each
round runs this table once for each checkout (in alternating order, as separate
processes), and the medians over the rounds are printed side by side with their ratio
(other / this: above 1 when this checkout is faster), so that a busy machine slows both
alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture.data import ConjectureData

from diplorec import Government, Meeting, RecognitionAct, RecognitionWithdrawal
from diplorec import strategies as ds
from diplorec.reference import AFGHANISTAN, P5

EMIRATE = Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN)

CASES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "just(None) [fixed cost]": lambda: st.just(None),
    "from_type(RecognitionAct)": lambda: st.from_type(RecognitionAct),
    "recognition_acts()": ds.recognition_acts,
    "events()": ds.events,
    "whens()": ds.whens,
    "names()": ds.names,
    "texts()": ds.texts,
    "states()": ds.states,
    "parties()": ds.parties,
    "sources()": ds.sources,
    "citations()": ds.citations,
    "envoys()": ds.envoys,
    "places()": ds.places,
    "recognition_withdrawals()": ds.recognition_withdrawals,
    "credential_presentations()": ds.credential_presentations,
    "meetings()": ds.meetings,
    "event_sequences()": ds.event_sequences,
    "dossiers()": ds.dossiers,
    "event_sequences(2-3, act|meeting)": lambda: ds.event_sequences(
        min_size=2, max_size=3, types=(RecognitionAct, Meeting)
    ),
    "event_sequences(2-4, act|withdrawal)": lambda: ds.event_sequences(
        min_size=2, max_size=4, types=(RecognitionAct, RecognitionWithdrawal)
    ),
    "timeline_entries()": ds.timeline_entries,
    "wire_events()": ds.wire_events,
    "wire_events(canonical=False)": lambda: ds.wire_events(canonical=False),
    "invalid_wire_events()": ds.invalid_wire_events,
    "lists(acts by P5 of the emirate)": lambda: st.lists(
        ds.recognition_acts(recognizer=st.sampled_from(P5), recognized=EMIRATE),
        min_size=1,
        max_size=5,
    ),
    "recognition_withdrawals(among=P5+AFG)": lambda: ds.recognition_withdrawals(
        among=[AFGHANISTAN, *P5]
    ),
}


def _run(strategy: st.SearchStrategy[Any], n: int, on_draw: Callable[[Any], None]) -> None:
    """Draw ``n`` values, the same ones each run (``derandomize``): a value may cost many
    times another (a name as long as the rule allows), so that runs differ only by how
    busy the machine is."""

    @settings(
        max_examples=n,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        on_draw(data)

    run()


def milliseconds(make: Callable[[], st.SearchStrategy[Any]], n: int) -> tuple[float, float]:
    """Mean milliseconds of one draw: elapsed (what Hypothesis's health check counts) and
    of processor time (which a busy machine inflates less)."""
    strategy = make()
    elapsed: list[float] = []
    processor: list[float] = []

    def draw(data: st.DataObject) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        data.draw(strategy)
        processor.append(time.process_time() - start_cpu)
        elapsed.append(time.perf_counter() - start)

    _run(strategy, n, draw)
    return sum(elapsed) / len(elapsed) * 1000, sum(processor) / len(processor) * 1000


def choices(make: Callable[[], st.SearchStrategy[Any]], n: int) -> tuple[float, float]:
    """Mean strategy draws and choices per value."""
    strategy = make()
    counts = [0, 0, 0]
    original = ConjectureData.draw

    def counting(self: ConjectureData, *args: Any, **kwargs: Any) -> Any:
        counts[0] += 1
        return original(self, *args, **kwargs)

    def draw(data: st.DataObject) -> None:
        before = len(data.conjecture_data.nodes)
        ConjectureData.draw = counting  # type: ignore[method-assign]
        try:
            data.draw(strategy)
        finally:
            ConjectureData.draw = original  # type: ignore[method-assign]
        counts[1] += len(data.conjecture_data.nodes) - before
        counts[2] += 1

    _run(strategy, n, draw)
    return counts[0] / counts[2], counts[1] / counts[2]


def _table(only: list[str], n: int) -> dict[str, tuple[float, float, float, float]]:
    """Milliseconds (elapsed and processor), draws and choices per value of each case
    (of those named in ``only``)."""
    found: dict[str, tuple[float, float, float, float]] = {}
    for name, make in CASES.items():
        if only and not any(part in name for part in only):
            continue
        try:
            make()
        except AttributeError:  # a strategy this checkout of diplorec does not have
            continue
        milliseconds(make, 5)  # set up lazily built parts first
        draws, made = choices(make, min(n, 100))
        found[name] = (*milliseconds(make, n), draws, made)
    return found


def _compare(against: Path, only: list[str], n: int, rounds: int) -> None:
    """Time this checkout and ``against`` in alternating rounds; print medians and ratios."""
    here = Path(__file__).resolve().parents[1]
    checkouts = {"this": here, "other": against.resolve()}
    times: dict[str, dict[str, list[tuple[float, float]]]] = {"this": {}, "other": {}}
    for index in range(rounds):
        order = list(checkouts) if index % 2 == 0 else list(reversed(checkouts))
        for side in order:
            # no bytecode is written into either checkout
            env = {**os.environ, "PYTHONPATH": str(checkouts[side]), "PYTHONDONTWRITEBYTECODE": "1"}
            command = [sys.executable, __file__, "--json", "-n", str(n), *only]
            out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            for name, (ms, cpu, _, _) in json.loads(out.stdout).items():
                times[side].setdefault(name, []).append((ms, cpu))
    print(f"this: {checkouts['this']}\nother: {checkouts['other']}")
    print(f"medians over {rounds} rounds of {n} values; ms/value elapsed, then processor time")
    header = f"{'this':>6s} {'other':>6s} {'ratio':>6s}"
    print(f"{'strategy':40s} {header}   {header}")
    for name, mine in times["this"].items():
        theirs = times["other"].get(name)
        cells = []
        for column in (0, 1):
            a = statistics.median(row[column] for row in mine)
            if theirs is None:
                cells.append(f"{a:6.2f} {'-':>6s} {'-':>6s}")
                continue
            b = statistics.median(row[column] for row in theirs)
            cells.append(f"{a:6.2f} {b:6.2f} {b / a:5.2f}x")
        print(f"{name:40s} " + "   ".join(cells))


def main() -> None:
    """Print the table (or, with ``--against``, the comparison)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=200, help="values drawn per strategy")
    parser.add_argument("only", nargs="*", help="run the cases whose name contains one of these")
    parser.add_argument(
        "--against", type=Path, metavar="DIRECTORY", help="another checkout of diplorec to time"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds with --against")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.against is not None:
        _compare(arguments.against, arguments.only, arguments.n, arguments.rounds)
        return
    if arguments.json:
        print(json.dumps(_table(arguments.only, arguments.n)))
        return
    print(f"{'strategy':40s} {'ms/value':>9s} {'cpu ms':>7s} {'draws':>7s} {'choices':>8s}")
    for name, (ms, cpu, draws, made) in _table(arguments.only, arguments.n).items():
        print(f"{name:40s} {ms:9.2f} {cpu:7.2f} {draws:7.1f} {made:8.1f}")


if __name__ == "__main__":
    main()

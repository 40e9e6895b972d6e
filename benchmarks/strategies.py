"""Cost of drawing from diplorec's Hypothesis strategies: ``python -m benchmarks.strategies``.

For each public strategy, prints the mean time of one draw (as Hypothesis's ``too_slow``
health check adds them up), and the mean number of strategy draws and of choices per value,
which do not depend on how busy the machine is. ``just(None)`` shows the fixed cost of a
draw through ``st.data()``, included in every other line.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
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
    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        on_draw(data)

    run()


def milliseconds(make: Callable[[], st.SearchStrategy[Any]], n: int) -> float:
    """Mean milliseconds of one draw."""
    strategy = make()
    times: list[float] = []

    def draw(data: st.DataObject) -> None:
        start = time.perf_counter()
        data.draw(strategy)
        times.append(time.perf_counter() - start)

    _run(strategy, n, draw)
    return sum(times) / len(times) * 1000


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


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=200, help="values drawn per strategy")
    parser.add_argument("only", nargs="*", help="run the cases whose name contains one of these")
    arguments = parser.parse_args()
    print(f"{'strategy':40s} {'ms/value':>9s} {'draws':>7s} {'choices':>8s}")
    for name, make in CASES.items():
        if arguments.only and not any(part in name for part in arguments.only):
            continue
        milliseconds(make, 5)  # set up lazily built parts first
        draws, made = choices(make, min(arguments.n, 100))
        print(f"{name:40s} {milliseconds(make, arguments.n):9.2f} {draws:7.1f} {made:8.1f}")


if __name__ == "__main__":
    main()

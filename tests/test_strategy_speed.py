"""Every public strategy is quick to draw from, by Hypothesis's own health checks.

Hypothesis fails a test with ``HealthCheck.too_slow`` when drawing its first ten valid
examples takes more than a second (with the default 200 ms deadline), and with
``HealthCheck.filter_too_much`` when fifty draws are rejected first. Here each public
strategy draws several values per example, so a strategy fails when one value costs more
than about ``1 s / (10 * PER_EXAMPLE)``: a third of what Hypothesis allows a whole
example. These settings override every profile (the ``ci`` profile suppresses
``too_slow`` for the rest of the suite), so CI sees a strategy that became slow. No time
is measured here: Hypothesis's own checks decide.
"""

from __future__ import annotations

import datetime
import time
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck

import diplorec
from diplorec import State
from diplorec import strategies as ds

#: Values drawn per example: a strategy fails the health check when one value costs more
#: than a tenth of a second divided by this.
PER_EXAMPLE = 3
#: Strategies that draw whole collections of events, which may cost a full example.
COLLECTIONS = {
    "event_sequences",
    "dossiers",
    "timeline_entries",
    "standing_reports",
    "standing_intervals",
}
COLLECTION_CLASSES = {"Dossier", "TimelineEntry", "StandingReport", "StandingInterval"}

#: The settings of every test here, whatever profile is loaded.
STRICT = settings(
    max_examples=12,
    deadline=datetime.timedelta(milliseconds=200),
    suppress_health_check=(),
    derandomize=True,
    database=None,
    phases=[Phase.generate],
)

#: A whole sequence of events may take twice as long: Hypothesis allows five deadlines
#: (here 2 s) for the first ten examples.
COLLECTIONS_STRICT = settings(STRICT, deadline=datetime.timedelta(milliseconds=400))


def _public_strategies() -> list[tuple[str, Callable[[], st.SearchStrategy[Any]]]]:
    found: list[tuple[str, Callable[[], st.SearchStrategy[Any]]]] = []
    for name in ds.__all__:
        make = getattr(ds, name)
        if not callable(make) or not name[0].islower():
            continue
        if name in ("wire_dicts", "invalid_wire_dicts"):
            found.append((f"{name}(State)", lambda make=make: make(State)))
        else:
            found.append((name, make))
    return found


def _public_classes() -> list[type]:
    found = (getattr(diplorec, name) for name in diplorec.__all__)
    return [cls for cls in found if isinstance(cls, type) and attrs.has(cls)]


def _several(strategy: st.SearchStrategy[Any], count: int) -> st.SearchStrategy[Any]:
    return st.lists(strategy, min_size=count, max_size=count)


class TestStrategiesAreQuick:
    """Drawing from a public strategy passes Hypothesis's too_slow and filter_too_much checks."""

    @pytest.mark.parametrize(("name", "make"), _public_strategies(), ids=lambda v: str(v))
    def test_public_strategy(self, name: str, make: Callable[[], Any]) -> None:
        """Several values per example (one for collections of events) are drawn in time."""
        count = 1 if name in COLLECTIONS else PER_EXAMPLE

        @(COLLECTIONS_STRICT if name in COLLECTIONS else STRICT)
        @given(_several(make(), count))
        def draw(values: list[Any]) -> None:
            assert len(values) == count

        draw()

    @pytest.mark.parametrize("cls", _public_classes(), ids=lambda cls: cls.__name__)
    def test_from_type(self, cls: type) -> None:
        """st.from_type of each public class draws several values per example in time (one
        for the classes that hold collections of events)."""
        count = 1 if cls.__name__ in COLLECTION_CLASSES else PER_EXAMPLE

        @(COLLECTIONS_STRICT if cls.__name__ in COLLECTION_CLASSES else STRICT)
        @given(_several(st.from_type(cls), count))
        def draw(values: list[Any]) -> None:
            assert all(isinstance(value, cls) for value in values)

        draw()

    def test_event_union(self) -> None:
        """st.from_type(Event), the union of every event class, draws in time."""

        @STRICT
        @given(_several(st.from_type(typing.cast(type, diplorec.Event)), PER_EXAMPLE))
        def draw(values: list[Any]) -> None:
            assert len(values) == PER_EXAMPLE

        draw()


class TestTheCheckBites:
    """The settings above do fail a strategy that is slow to draw from."""

    def test_a_slow_strategy_fails(self) -> None:
        """A strategy that spends 50 ms on a value fails the health check under STRICT."""

        def slow(value: int) -> int:
            until = time.perf_counter() + 0.05
            while time.perf_counter() < until:
                pass
            return value

        @STRICT
        @given(_several(st.integers().map(slow), PER_EXAMPLE))
        def draw(values: list[int]) -> None:
            pass

        with pytest.raises(FailedHealthCheck):
            draw()

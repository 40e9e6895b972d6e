"""The ledger's precomputed step functions agree with a direct reading of the changes.

:class:`~diplorec._precedence.Series` answers :meth:`~Series.at` by bisection in a step
function built once, the ledger answers ``standing()`` from that step function packed into
one array of integers (:func:`~diplorec._precedence.step_function`), and
``_Steps.candidates`` finds the changes still reaching a day through a segment tree. These
properties compare them with plain evaluations over the same changes, on histories with
open-start, partial, uncertain, interval and same-day dates (some ordered by time of day).
The parties are synthetic.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplorec import (
    Certainty,
    DiplomaticTies,
    PolicyStance,
    RecognitionAct,
    RecognitionLedger,
    RecognitionPolicy,
    RecognitionWithdrawal,
    Standing,
    State,
    When,
    WithdrawalKind,
)
from diplorec._precedence import (
    _BY_CODE,
    _END,
    Series,
    _packed,
    _Steps,
    standing_over,
    step_function,
)
from diplorec.ledger import UnknownPartyError

AAA = State(name="Aaa", iso3="AAA")
BBB = State(name="Bbb", iso3="BBB")
FIRST = dt.date(1999, 11, 1).toordinal()
LAST = dt.date(2001, 2, 28).toordinal()
#: Dates as sources give them: days, months, a year, uncertain, ranges and open starts.
DATES = (
    "2000-03-05",
    "2000-03-06",
    "2000-03-20",
    "2000-07-01",
    "2000-03",
    "2000-04",
    "2000",
    "2000-03-05?",
    "2000-03-01/2000-04-15",
    "2000-02-20/2000-03-06",
    "../2000-03",
    "../2000-06-30",
    "../1999",
)
PERIODS = ("2000-02/2000-05", "2000-03-05/2000-03-20", "../2000-04", "2000-06/..")
TIMES = (None, dt.time(9, 0, tzinfo=dt.UTC), dt.time(15, 30, tzinfo=dt.UTC))


@st.composite
def events(draw: st.DrawFn) -> Any:
    """One recognition, withdrawal, policy or period of ties between AAA and BBB."""
    on = When.parse(draw(st.sampled_from(DATES)))
    at = draw(st.sampled_from(TIMES)) if not on.is_interval and on.precision == "day" else None
    certainty = draw(st.sampled_from([Certainty.REPORTED, Certainty.REPORTED, Certainty.CLAIMED]))
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return RecognitionAct(on=on, at=at, recognizer=AAA, recognized=BBB, certainty=certainty)
    if kind == 1:
        return RecognitionWithdrawal(
            on=on,
            at=at,
            withdrawer=AAA,
            recognized=BBB,
            certainty=certainty,
            kind=draw(st.sampled_from([WithdrawalKind.WITHDRAWAL, WithdrawalKind.SUSPENSION])),
        )
    if kind == 2:
        stance = draw(st.sampled_from([PolicyStance.NEUTRAL, PolicyStance.NON_RECOGNITION]))
        return RecognitionPolicy(on=on, holder=AAA, stance=stance, subject=BBB)
    period = When.parse(draw(st.sampled_from(PERIODS)))
    return DiplomaticTies(on=period, parties=(AAA, BBB), formal_recognition=True)


histories = st.lists(events(), min_size=0, max_size=12)


def series_of(history: list[Any]) -> Series:
    """The series of the pair (AAA, BBB) in a ledger of ``history``."""
    ledger = RecognitionLedger.from_events(history)
    return ledger._series_of((AAA.id, BBB.id))


def steps_of(history: list[Any]) -> tuple[Series, Any]:
    """The series of (AAA, BBB) and the step function the ledger built at build time."""
    ledger = RecognitionLedger.from_events(history)
    pair = (AAA.id, BBB.id)
    steps = ledger._steps.get(pair)
    if steps is None:  # a pair without counted changes has no step function of its own
        steps = step_function([])
    return ledger._series_of(pair), steps


def reference_candidates(steps: _Steps, day: int) -> tuple[list[int], bool]:
    """``candidates`` by definition, looking at every change.

    The changes that may have started by ``day``, latest first, keeping those not surely
    in effect by then and, when some change surely is, those that may still hold on the
    first day of the latest one surely in effect.
    """
    started = [i for i in range(len(steps.los)) if steps.los[i] <= day][::-1]
    surely = [i for i in started if steps.his[i] <= day]
    if not surely:
        return steps._ordered(started, day), True
    last = surely[0]
    begins = steps.los[last]
    found = [i for i in started if i > last or steps.his[i] >= begins]
    return steps._ordered(found, day), False


def days() -> list[int]:
    return [1, 2, *range(FIRST, LAST + 1)]


class TestCandidates:
    """The segment tree finds exactly the changes a full scan finds, in the same order."""

    @settings(max_examples=150, deadline=None)
    @given(histories)
    def test_candidates_equal_the_definition(self, history: list[Any]) -> None:
        """Every day: the same changes, latest first, and the same 'none surely in effect'."""
        series = series_of(history)
        for steps in (series._steps, series._hard):
            if steps is None:
                continue
            for day in days():
                assert steps.candidates(day) == reference_candidates(steps, day)

    def test_open_start_change_is_found_beyond_many_others(self) -> None:
        """An open-start act under many later one-day changes is still found where it reaches."""
        start = dt.date(1850, 1, 1)
        history: list[Any] = [
            RecognitionAct(on=When.parse("../1900"), recognizer=AAA, recognized=BBB)
        ]
        for index in range(300):
            on = When.from_date(start + dt.timedelta(days=2 * index))
            if index % 2:
                history.append(RecognitionWithdrawal(on=on, withdrawer=AAA, recognized=BBB))
            else:
                history.append(RecognitionAct(on=on, recognizer=AAA, recognized=BBB))
        steps = series_of(history)._steps
        day = (start + dt.timedelta(days=2 * 299 + 1)).toordinal()
        found, open_start = steps.candidates(day)
        assert (found, open_start) == reference_candidates(steps, day)
        assert 0 in found
        assert not open_start


class TestStepFunction:
    """``at`` and ``standing_over`` equal the standing read from the changes day by day."""

    @settings(max_examples=150, deadline=None)
    @given(histories)
    def test_at_equals_direct_reading(self, history: list[Any]) -> None:
        """Every day, including days between turns and before the first one."""
        series = series_of(history)
        for day in days():
            assert series.at(day) == series._at(day)

    @settings(max_examples=100, deadline=None)
    @given(histories, st.integers(FIRST, LAST), st.integers(0, 400))
    def test_over_equals_every_day_of_the_window(
        self, history: list[Any], first: int, length: int
    ) -> None:
        """One standing over a window exactly when every day of it has that standing."""
        series, steps = steps_of(history)
        last = min(first + length, LAST)
        found = {series._at(day) for day in range(first, last + 1)}
        expected = found.pop() if len(found) == 1 else Standing.UNCERTAIN
        assert standing_over(steps, first, last) == expected

    @settings(max_examples=150, deadline=None)
    @given(histories)
    def test_packed_steps_equal_direct_reading_every_day(self, history: list[Any]) -> None:
        """The packed step function gives each day's standing; its keys change standing."""
        series, steps = steps_of(history)
        for day in days():
            assert standing_over(steps, day, day) == series._at(day)
        keys = list(steps)
        assert keys[-1] == _END
        assert keys == sorted(set(keys))
        codes = [key & 7 for key in keys[:-1]]
        assert all(one != two for one, two in itertools.pairwise(codes))
        assert _BY_CODE[codes[0]] is Standing.NOT_RECOGNIZED

    @settings(max_examples=100, deadline=None)
    @given(histories, st.sampled_from(["2000", "2000-03", "2000-03-05", "../2000-04", "1999"]))
    def test_ledger_standing_equals_every_day_of_the_date(
        self, history: list[Any], on: str
    ) -> None:
        """``standing()`` (the packed step function) agrees with the days the date covers."""
        series, _ = steps_of(history)
        ledger = RecognitionLedger.from_events(history)
        if not history:
            with pytest.raises(UnknownPartyError):
                ledger.standing(AAA, BBB, on)
            return
        when = When.parse(on)
        first, last = when.earliest.toordinal(), when.latest.toordinal()
        # Every turn is on day 1 (an open start) or after FIRST - 400: days 2 to FIRST - 400
        # all stand as day 2 does.
        found = {series._at(day) for day in range(max(first, FIRST - 400), last + 1)}
        found |= {series._at(day) for day in (1, 2) if day >= first}
        expected = found.pop() if len(found) == 1 else Standing.UNCERTAIN
        assert ledger.standing(AAA, BBB, on) is expected
        assert ledger.standing(AAA.id, BBB.id, when) is expected

    def test_over_sees_a_change_inside_the_window(self) -> None:
        """A withdrawal in the middle of a year makes the year uncertain, its months not."""
        history = [
            RecognitionAct(on=When.parse("2000-01-10"), recognizer=AAA, recognized=BBB),
            RecognitionWithdrawal(on=When.parse("2000-06-15"), withdrawer=AAA, recognized=BBB),
        ]
        ledger = RecognitionLedger.from_events(history)
        assert ledger.standing(AAA, BBB, "2000") is Standing.UNCERTAIN
        assert ledger.standing(AAA, BBB, "2000-03") is Standing.RECOGNIZED
        assert ledger.standing(AAA, BBB, "2000-07") is Standing.WITHDRAWN
        assert ledger.standing(AAA, BBB, "1999") is Standing.NOT_RECOGNIZED

    @settings(max_examples=100, deadline=None)
    @given(events())
    def test_one_change_written_directly_equals_its_series(self, event: Any) -> None:
        """A pair's only change gets the step function its Series would give."""
        ledger = RecognitionLedger.from_events([event])
        for pair, changes in ledger._changes.items():
            assert list(step_function(changes)) == list(_packed(Series(changes)))
            assert list(ledger._steps[pair]) == list(step_function(changes))

    def test_empty_series(self) -> None:
        """No changes: not recognized on any day and over any window."""
        series = Series([])
        steps = step_function([])
        assert series.at(1) is standing_over(steps, 1, 800_000) is Standing.NOT_RECOGNIZED
        assert standing_over(steps, 1, dt.date.max.toordinal()) is Standing.NOT_RECOGNIZED

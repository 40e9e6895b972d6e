"""The time of day ``at`` on every event, and the order of changes within a day.

The parties ``AAA`` and ``BBB`` are synthetic: no source gives times of day for a
same-day recognition and withdrawal between two real parties.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import (
    Event,
    FieldError,
    Meeting,
    RecognitionAct,
    RecognitionLedger,
    RecognitionWithdrawal,
    Standing,
    State,
    ValidationError,
    When,
)
from diplorec import strategies as ds
from diplorec._wire import format_time_of_day, parse_time_of_day
from diplorec.schema import TIME_OF_DAY_PATTERN, json_schema

R, W, U = Standing.RECOGNIZED, Standing.WITHDRAWN, Standing.UNCERTAIN
AAA = State(name="Aaa", iso3="AAA")
BBB = State(name="Bbb", iso3="BBB")
DAY = When.parse("2020-01-10")


def zone(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


def recognition(at: dt.time | None = None, **fields: Any) -> RecognitionAct:
    return RecognitionAct(on=DAY, recognizer=AAA, recognized=BBB, at=at, **fields)


def withdrawal(at: dt.time | None = None, **fields: Any) -> RecognitionWithdrawal:
    return RecognitionWithdrawal(on=DAY, withdrawer=AAA, recognized=BBB, at=at, **fields)


def after(*events: Event) -> Standing:
    """The standing the day after the events."""
    return RecognitionLedger.from_events(events).standing(AAA, BBB, "2020-01-11")


class TestWireForm:
    """``at`` is ISO 8601 time of day with a UTC offset: strict on the wire."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("14:30+03:00", dt.time(14, 30, tzinfo=zone(3))),
            ("09:05:10Z", dt.time(9, 5, 10, tzinfo=dt.UTC)),
            ("23:59-05:30", dt.time(23, 59, tzinfo=zone(-5, -30))),
            ("00:00+00:00", dt.time(0, 0, tzinfo=dt.UTC)),
        ],
    )
    def test_read(self, text: str, value: dt.time) -> None:
        """Each form reads to the time with its offset."""
        read = parse_time_of_day(text)
        assert read == value
        assert read.utcoffset() == value.utcoffset()

    @pytest.mark.parametrize(
        "text",
        ["14:30", "24:00Z", "14:60+03:00", "14:30+3:00", "2:30Z", "14:30:00.5Z", "", "14h30Z"],
    )
    def test_refused(self, text: str) -> None:
        """A time without an offset, or not in the form, is a ValidationError at $.at."""
        record = json.loads(diplorec.dumps(recognition(dt.time(14, 30, tzinfo=zone(3)))))
        record["at"] = text
        with pytest.raises(ValidationError) as caught:
            diplorec.loads(json.dumps(record), Event)
        (problem,) = caught.value.problems
        assert problem.path == "$.at"
        assert "time of day with a UTC offset" in problem.message

    def test_not_a_string(self) -> None:
        """A number is refused with its JSON type."""
        record = json.loads(diplorec.dumps(recognition()))
        record["at"] = 1430
        with pytest.raises(ValidationError, match=r"\$\.at: expected a time-of-day string"):
            diplorec.loads(json.dumps(record), Event)

    def test_written_canonically(self) -> None:
        """Seconds only when not zero; a zero offset as Z."""
        assert format_time_of_day(dt.time(14, 30, tzinfo=zone(3))) == "14:30+03:00"
        assert format_time_of_day(dt.time(9, 5, 10, tzinfo=zone(0))) == "09:05:10Z"
        assert format_time_of_day(dt.time(8, 0, tzinfo=zone(-9, -30))) == "08:00-09:30"

    @given(ds.times_of_day())
    def test_round_trip_and_schema(self, value: dt.time) -> None:
        """Every time drawn reads back equal, and the schema's pattern accepts its text."""
        text = format_time_of_day(value)
        assert parse_time_of_day(text) == value
        assert re.fullmatch(TIME_OF_DAY_PATTERN.strip("^$"), text)

    def test_schema_names_the_pattern(self) -> None:
        """The JSON Schema of an event gives ``at`` the TimeOfDay definition."""
        schema = json_schema()
        at = schema["$defs"]["RecognitionAct"]["properties"]["at"]
        assert "#/$defs/TimeOfDay" in json.dumps(at)
        assert schema["$defs"]["TimeOfDay"]["pattern"] == TIME_OF_DAY_PATTERN

    def test_every_event_has_it(self) -> None:
        """``at`` is a field of every event type, and not part of the derived id."""
        meeting = Meeting(on=DAY, participants=(AAA, BBB), at=dt.time(10, 0, tzinfo=dt.UTC))
        assert meeting.id == attrs.evolve(meeting, at=None).id


class TestModel:
    """In Python, ``at`` is a datetime.time with its UTC offset, to the second."""

    def test_naive_time_refused(self) -> None:
        """A time without tzinfo cannot be ordered in UTC: refused, naming the field."""
        with pytest.raises(FieldError, match="at: needs a UTC offset"):
            recognition(dt.time(14, 30))

    def test_fraction_of_a_second_refused(self) -> None:
        """Microseconds are refused rather than dropped on the wire."""
        with pytest.raises(FieldError, match="fraction of a second"):
            recognition(dt.time(14, 30, 0, 5, tzinfo=dt.UTC))

    def test_not_a_time(self) -> None:
        """A string in Python is refused: the wire form is read by loads()."""
        with pytest.raises(FieldError, match=r"must be a datetime\.time"):
            recognition("14:30Z")  # type: ignore[arg-type]


class TestOrderWithinADay:
    """Same-day changes: by time in UTC, then by basis links, else simultaneous."""

    def test_later_act_decides(self) -> None:
        """A withdrawal at 13:00 UTC after a recognition at 12:00 UTC: withdrawn."""
        assert (
            after(recognition(dt.time(12, tzinfo=dt.UTC)), withdrawal(dt.time(13, tzinfo=dt.UTC)))
            is W
        )
        assert (
            after(recognition(dt.time(14, tzinfo=dt.UTC)), withdrawal(dt.time(13, tzinfo=dt.UTC)))
            is R
        )

    def test_compared_in_utc(self) -> None:
        """15:00+03:00 is 12:00 UTC, before 13:00 UTC, though its clock reads later."""
        assert (
            after(recognition(dt.time(15, tzinfo=zone(3))), withdrawal(dt.time(13, tzinfo=dt.UTC)))
            is W
        )

    def test_also_on_the_day_itself(self) -> None:
        """On the day, the later change holds too."""
        events = (recognition(dt.time(12, tzinfo=dt.UTC)), withdrawal(dt.time(13, tzinfo=dt.UTC)))
        ledger = RecognitionLedger.from_events(events)
        assert ledger.standing(AAA, BBB, DAY) is W
        assert ledger.explain(AAA, BBB, DAY).standing is W
        (row,) = [
            row for row in ledger.to_intervals() if row.standing is not Standing.NOT_RECOGNIZED
        ]
        assert row.standing is W

    def test_simultaneous_without_times(self) -> None:
        """No times and no links: the order is unknown, so the standing is uncertain."""
        assert after(recognition(), withdrawal()) is U

    def test_one_time_only(self) -> None:
        """A time on one change only orders nothing."""
        assert after(recognition(dt.time(12, tzinfo=dt.UTC)), withdrawal()) is U

    def test_basis_orders(self) -> None:
        """A withdrawal that rests on the recognition (basis) comes after it."""
        act = recognition()
        assert after(act, withdrawal(basis=(act.id,))) is W

    def test_basis_through_another_event_of_the_day(self) -> None:
        """Links count at any depth among the day's changes of the pair."""
        first = recognition()
        middle = withdrawal(basis=(first.id,))
        last = recognition(basis=(middle.id,), id="recognition-act:again")
        assert after(first, middle, last) is R

    def test_time_before_basis(self) -> None:
        """Times decide before links: the link does not reverse a later time."""
        act = recognition(dt.time(14, tzinfo=dt.UTC))
        assert after(act, withdrawal(dt.time(13, tzinfo=dt.UTC), basis=(act.id,))) is R

    def test_equal_times_fall_back_to_basis(self) -> None:
        """The same instant, written in two offsets: the link decides."""
        act = recognition(dt.time(12, tzinfo=dt.UTC))
        later = withdrawal(dt.time(15, tzinfo=zone(3)), basis=(act.id,))
        assert after(act, later) is W

    def test_not_for_an_effective_date(self) -> None:
        """The time belongs to ``on``: a change dated by ``effective`` is not ordered by it."""
        act = recognition(dt.time(12, tzinfo=dt.UTC))
        other = RecognitionWithdrawal(
            on=When.parse("2020-01-09"),
            effective=DAY,
            withdrawer=AAA,
            recognized=BBB,
            at=dt.time(13, tzinfo=dt.UTC),
        )
        assert after(act, other) is U

    def test_not_across_days(self) -> None:
        """Different days are ordered by the day, whatever the times."""
        act = recognition(dt.time(23, tzinfo=dt.UTC))
        early = RecognitionWithdrawal(
            on=When.parse("2020-01-11"),
            withdrawer=AAA,
            recognized=BBB,
            at=dt.time(1, tzinfo=zone(5)),
        )
        ledger = RecognitionLedger.from_events((act, early))
        assert ledger.standing(AAA, BBB, "2020-01-12") is W

    @given(st.permutations(range(3)))
    def test_input_order_does_not_matter(self, order: list[int]) -> None:
        """The answer is the same whichever order the events come in."""
        events = (
            recognition(dt.time(9, tzinfo=dt.UTC)),
            withdrawal(dt.time(10, tzinfo=dt.UTC)),
            recognition(dt.time(11, tzinfo=dt.UTC), id="recognition-act:again"),
        )
        assert after(*(events[i] for i in order)) is R

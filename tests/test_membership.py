"""Membership over time: ``reference.P5`` and ``first_recognizer(among=P5)``.

The seats: the Republic of China held China's seat until General Assembly resolution
2758 (XXVI) of 25 October 1971 gave it to the People's Republic; the Russian Federation
continues the USSR's membership from 24 December 1991. The acts of 1960 below are
constructed to tell the seat-holders apart; they are not historical records.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import P5 as EXPORTED_P5
from diplorec.actors import Party, State
from diplorec.dates import When
from diplorec.events import RecognitionAct
from diplorec.ledger import RecognitionLedger
from diplorec.reference import (
    CHINA,
    FRANCE,
    P5,
    REPUBLIC_OF_CHINA,
    RUSSIA,
    SOVIET_UNION,
    UNITED_KINGDOM,
    UNITED_STATES,
    Membership,
    Term,
)

NEW_STATE = State(name="Newland", iso3="XNL")


def ids(parties: tuple[Party, ...]) -> set[str]:
    """The ids of some parties."""
    return {party.id for party in parties}


class TestSeatsOnADate:
    """P5.on(date) gives the seat-holders on that date."""

    def test_today(self) -> None:
        """On 3 July 2025: China, France, Russia, the UK and the USA."""
        assert P5.on("2025-07-03") == (CHINA, FRANCE, RUSSIA, UNITED_KINGDOM, UNITED_STATES)

    def test_1960(self) -> None:
        """In 1960: the Republic of China and the USSR, not the PRC and Russia."""
        assert ids(P5.on("1960-06-30")) == {"state:TWN", "state:FRA", "state:SUN",
                                            "state:GBR", "state:USA"}  # fmt: skip

    @pytest.mark.parametrize(
        ("day", "holder"),
        [
            ("1971-10-24", REPUBLIC_OF_CHINA),
            ("1971-10-25", CHINA),
            ("1991-12-23", SOVIET_UNION),
            ("1991-12-24", RUSSIA),
        ],
    )
    def test_the_day_a_seat_changes_hands(self, day: str, holder: State) -> None:
        """Each seat has one holder on the last day of the old and the first of the new."""
        members = P5.on(day)
        assert holder in members
        assert len(members) == 5

    def test_before_the_charter(self) -> None:
        """Before the Charter entered into force (24 October 1945) there were none."""
        assert P5.on("1945-10-23") == ()
        assert len(P5.on(datetime.date(1945, 10, 24))) == 5

    def test_a_range_holding_a_change(self) -> None:
        """A year that holds a change of seat gives both holders: six parties."""
        assert ids(P5.on("1971")) == ids(P5.on("1971-01-01")) | {"state:CHN"}
        assert len(P5.on(When.parse("1971/1991"))) == 7

    def test_rejects_other_types(self) -> None:
        """A number is not a date."""
        with pytest.raises(TypeError, match="a date must be"):
            P5.on(1971)  # type: ignore[arg-type]


class TestTodaysFive:
    """As a sequence, P5 is today's five, as before."""

    def test_iteration(self) -> None:
        """Iteration, len, indexing and ``in`` see the current members."""
        assert [state.iso3 for state in P5] == ["CHN", "FRA", "RUS", "GBR", "USA"]
        assert len(P5) == 5
        assert P5[0] is CHINA
        assert P5[-1] is UNITED_STATES
        assert RUSSIA in P5
        assert SOVIET_UNION not in P5
        assert REPUBLIC_OF_CHINA not in P5
        assert P5[1:3] == (FRANCE, RUSSIA)
        assert EXPORTED_P5 is P5

    @given(st.sampled_from(P5))
    def test_sampled_from(self, member: Party) -> None:
        """Hypothesis can sample from it like from a tuple."""
        assert member in P5.on("2025-07-03")

    def test_term_order(self) -> None:
        """A term cannot end before it starts."""
        with pytest.raises(ValueError, match="cannot end"):
            Term(party=FRANCE, start=datetime.date(2000, 1, 2), end=datetime.date(2000, 1, 1))


def recognition(recognizer: State, on: str) -> RecognitionAct:
    """``recognizer`` recognises the new state on a date."""
    return RecognitionAct(on=When.parse(on), recognizer=recognizer, recognized=NEW_STATE)


ACTS_1960 = [
    recognition(CHINA, "1960-06-01"),
    recognition(RUSSIA, "1960-06-15"),
    recognition(REPUBLIC_OF_CHINA, "1960-07-01"),
    recognition(SOVIET_UNION, "1960-08-01"),
]


class TestFirstAmongP5:
    """first_recognizer(among=P5) uses the membership on each act's date."""

    def test_1960_counts_the_roc_and_the_ussr(self) -> None:
        """The PRC and 'Russia' recognised earlier in 1960, but held no seat: the ROC is first."""
        ledger = RecognitionLedger.from_events(ACTS_1960)
        first = ledger.first_recognizer(NEW_STATE, among=P5)
        assert first is not None
        assert first.recognizer == REPUBLIC_OF_CHINA
        without_roc = RecognitionLedger.from_events([a for a in ACTS_1960 if a is not ACTS_1960[2]])
        second = without_roc.first_recognizer(NEW_STATE, among=P5)
        assert second is not None
        assert second.recognizer == SOVIET_UNION

    def test_todays_five_as_a_tuple(self) -> None:
        """tuple(P5) is a fixed list of today's five: the PRC's act counts then."""
        ledger = RecognitionLedger.from_events(ACTS_1960)
        first = ledger.first_recognizer(NEW_STATE, among=tuple(P5))
        assert first is not None
        assert first.recognizer == CHINA

    def test_2025(self) -> None:
        """In 2025 the PRC and Russia hold the seats; the ROC does not."""
        acts = [recognition(REPUBLIC_OF_CHINA, "2025-01-01"), recognition(RUSSIA, "2025-02-01")]
        first = RecognitionLedger.from_events(acts).first_recognizer(NEW_STATE, among=P5)
        assert first is not None
        assert first.recognizer == RUSSIA

    def test_imprecise_date_across_a_change(self) -> None:
        """An act dated only '1971' may fall after 25 October: the PRC may have held the seat."""
        acts = [recognition(CHINA, "1971"), recognition(FRANCE, "1972")]
        firsts = RecognitionLedger.from_events(acts).first_recognizers(NEW_STATE, among=P5)
        assert [act.recognizer for act in firsts] == [CHINA]

    def test_custom_membership(self) -> None:
        """Any Membership works: here one that France joins only in 1961."""
        body = Membership(name="a body", terms=(
            Term(party=FRANCE, start=datetime.date(1961, 1, 1)),
            Term(party=SOVIET_UNION, start=datetime.date(1950, 1, 1)),
        ))  # fmt: skip
        acts = [recognition(FRANCE, "1960-05-01"), recognition(SOVIET_UNION, "1960-09-01")]
        first = RecognitionLedger.from_events(acts).first_recognizer(NEW_STATE, among=body)
        assert first is not None
        assert first.recognizer == SOVIET_UNION
        assert list(body) == [FRANCE, SOVIET_UNION]

"""The knowledge-time view: what an analyst could have known on a date (``known_on=``).

Malawi: on 14 January 2008 Malawi's foreign minister announced ties with the People's
Republic of China "as from 28 December 2007" (the joint communiqué; Xinhua, 14 January
2008), ending recognition of the Republic of China it had held since 1966. A wire
report gave 27 December: declared effective 18 days before it was announced.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings

from diplorec import (
    Event,
    Government,
    RecognitionAct,
    RecognitionLedger,
    RecognitionWithdrawal,
    Standing,
    State,
    When,
    WithdrawalKind,
)
from diplorec import strategies as ds
from diplorec.reference import CHINA

R, N, W = Standing.RECOGNIZED, Standing.NOT_RECOGNIZED, Standing.WITHDRAWN
PRC = Government(name="People's Republic of China", state=CHINA)
ROC = Government(name="Republic of China", state=CHINA)
MALAWI = State(name="Malawi", iso3="MWI")
SWITCH = RecognitionWithdrawal(
    on=When.parse("2008-01-14"),
    withdrawer=MALAWI,
    recognized=ROC,
    kind=WithdrawalKind.SWITCH,
    in_favour_of=PRC,
    announced=When.parse("2008-01-14"),
    effective=When.parse("2007-12-27"),
    notes="A wire report's date; the joint communiqué gives 28 December 2007.",
)
EVENTS: tuple[Event, ...] = (
    RecognitionAct(on=When.parse("1966"), recognizer=MALAWI, recognized=ROC),
    SWITCH,
)
LEDGER = RecognitionLedger.from_events(EVENTS)
BETWEEN = "2008-01-02"


class TestAnnouncedAfterEffect:
    """A switch declared effective before its announcement, seen on a day between."""

    def test_hindsight(self) -> None:
        """By default every event counts: on 2 January the switch is in force."""
        assert LEDGER.standing(MALAWI, ROC, BETWEEN) is W
        assert LEDGER.standing(MALAWI, PRC, BETWEEN) is R

    def test_known_on_the_day(self) -> None:
        """Known on 2 January, nothing of the switch: the ROC is recognised, the PRC not."""
        assert LEDGER.standing(MALAWI, ROC, BETWEEN, known_on=BETWEEN) is R
        assert LEDGER.standing(MALAWI, PRC, BETWEEN, known_on=BETWEEN) is N

    def test_known_once_announced(self) -> None:
        """From the announcement on, the switch counts back to its effective date."""
        assert LEDGER.standing(MALAWI, ROC, BETWEEN, known_on="2008-01-14") is W
        assert LEDGER.standing(MALAWI, ROC, BETWEEN, known_on="2008-01-13") is R

    def test_on_is_used_without_announced(self) -> None:
        """With no announced date, the event is known from its date ``on``."""
        plain = (EVENTS[0], attrs.evolve(SWITCH, announced=None))
        ledger = RecognitionLedger.from_events(plain)
        assert ledger.standing(MALAWI, ROC, BETWEEN, known_on="2008-01-13") is R
        assert ledger.standing(MALAWI, ROC, BETWEEN, known_on="2008-01-14") is W

    def test_a_month_counts_only_once_surely_past(self) -> None:
        """An event announced "in January 2008" is known only from the end of January."""
        vague = (EVENTS[0], attrs.evolve(SWITCH, announced=When.parse("2008-01")))
        ledger = RecognitionLedger.from_events(vague)
        assert ledger.standing(MALAWI, ROC, BETWEEN, known_on="2008-01-20") is R
        assert ledger.standing(MALAWI, ROC, BETWEEN, known_on="2008-01-31") is W


class TestEveryQuestion:
    """Every method that answers standings takes known_on."""

    def test_recognizers_and_standings(self) -> None:
        """recognizers() and standings() of the ROC on the day between, as then known."""
        assert LEDGER.recognizers(ROC, BETWEEN) == ()
        assert LEDGER.recognizers(ROC, BETWEEN, known_on=BETWEEN) == (MALAWI,)
        assert LEDGER.standings(ROC, BETWEEN, known_on=BETWEEN) == {MALAWI: R}
        assert LEDGER.standings(PRC, BETWEEN, known_on=BETWEEN) == {}  # nothing known yet

    def test_recognized_by(self) -> None:
        """recognized_by() names the ROC as then known, the PRC in hindsight."""
        assert LEDGER.recognized_by(MALAWI, BETWEEN) == (PRC,)
        assert LEDGER.recognized_by(MALAWI, BETWEEN, known_on=BETWEEN) == (ROC,)

    def test_explain(self) -> None:
        """explain() rests only on what was known: the 1966 act, not the switch."""
        report = LEDGER.explain(MALAWI, ROC, BETWEEN, known_on=BETWEEN)
        assert report.standing is R
        assert SWITCH.id not in report.events

    def test_to_intervals(self) -> None:
        """to_intervals() as known on the day between shows the ROC recognised, open-ended."""
        rows = {
            (row.recognizer, row.recognized): row for row in LEDGER.to_intervals(known_on=BETWEEN)
        }
        row = rows[MALAWI.id, ROC.id]
        assert (row.standing, row.end) == (R, None)
        assert (MALAWI.id, PRC.id) not in rows

    def test_timeline(self) -> None:
        """timeline() as known leaves the switch out."""
        assert [e.event.id for e in LEDGER.timeline(ROC, known_on=BETWEEN)] == [EVENTS[0].id]

    def test_parties_stay_known(self) -> None:
        """A party named only by later events is still a party the view can be asked about."""
        assert LEDGER.standing(MALAWI, PRC, "1970", known_on="1970") is N


class TestDefaultUnchanged:
    """known_on=None, or a date after every announcement, is the ordinary answer."""

    @settings(max_examples=40)
    @given(events=ds.event_sequences(min_size=1, max_size=6), day=ds.whens())
    def test_far_future_is_hindsight(self, events: tuple[Event, ...], day: When) -> None:
        """Known on 9999-12-31, every event counts: the answers are the default ones."""
        ledger = RecognitionLedger.from_events(events)
        for recognized in {e.recognized.id for e in events if isinstance(e, RecognitionAct)}:
            assert ledger.standings(recognized, day, known_on="9999-12-31") == ledger.standings(
                recognized, day
            )

    @settings(max_examples=40)
    @given(events=ds.event_sequences(min_size=1, max_size=6), day=ds.whens())
    def test_before_every_event_nothing_is_known(
        self, events: tuple[Event, ...], day: When
    ) -> None:
        """Known on 0001-01-01 (before any announcement), nobody recognises anyone."""
        ledger = RecognitionLedger.from_events(events)
        starts = [(getattr(e, "announced", None) or e.on).latest.toordinal() for e in events]
        if min(starts) <= 1:
            return
        for recognized in {e.recognized.id for e in events if isinstance(e, RecognitionAct)}:
            assert ledger.recognizers(recognized, day, known_on="0001-01-01") == ()

    def test_none_is_the_default(self) -> None:
        """known_on=None answers as without it."""
        assert LEDGER.standing(MALAWI, ROC, BETWEEN, known_on=None) is W

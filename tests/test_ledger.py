"""RecognitionLedger and Standing: who recognises whom, as of when, under the hard cases."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import (
    P5,
    Certainty,
    Characterization,
    CredentialDocument,
    CredentialPresentation,
    DiplomaticRank,
    DiplomaticTies,
    Envoy,
    Event,
    Government,
    LegalStatus,
    Meeting,
    Organization,
    OrganizationKind,
    Person,
    RecognitionAct,
    RecognitionCapacity,
    RecognitionForm,
    RecognitionWithdrawal,
    RelationsAction,
    RelationsChange,
    State,
    When,
    WithdrawalKind,
)
from diplorec.examples import russia_taliban_2025 as example
from diplorec.ledger import ChangeKind, RecognitionLedger, Standing, UnknownPartyError

FREEDONIA = State(name="Freedonia", iso3="XFD")
SYLVANIA = State(name="Sylvania", iso3="XSY")
LATVERIA = State(name="Latveria", iso3="XLV")
RURITANIA = State(name="Ruritania", iso3="XRU")
ROYAL = Government(name="Royal Government of Ruritania", state=RURITANIA)
JUNTA = Government(name="Provisional Junta of Ruritania", state=RURITANIA)
COUNCIL = Organization(
    name="National Council of Ruritania", kind=OrganizationKind.COUNCIL, state=RURITANIA
)


def act(recognizer: Any, recognized: Any, on: str, **fields: Any) -> RecognitionAct:
    fields.setdefault("form", RecognitionForm.EXPRESS)
    return RecognitionAct(on=When.parse(on), recognizer=recognizer, recognized=recognized, **fields)


def withdrawal(withdrawer: Any, recognized: Any, on: str, **fields: Any) -> RecognitionWithdrawal:
    return RecognitionWithdrawal(
        on=When.parse(on), withdrawer=withdrawer, recognized=recognized, **fields
    )


def standings(events: list[Any], recognizer: Any, recognized: Any, *days: str) -> list[Standing]:
    ledger = RecognitionLedger.from_events(events)
    return [ledger.standing(recognizer, recognized, day) for day in days]


R, N, W, U = (
    Standing.RECOGNIZED,
    Standing.NOT_RECOGNIZED,
    Standing.WITHDRAWN,
    Standing.UNCERTAIN,
)


class TestWorkedExample:
    """The answers the article's headline rests on, derived from the events."""

    ledger = RecognitionLedger.from_events(example.EVENTS)

    def test_russia_recognizes_from_3_july(self) -> None:
        """Russia recognises the Islamic Emirate on 4 July 2025, and not on 2 July."""
        emirate = example.ISLAMIC_EMIRATE
        assert self.ledger.standing(example.RUSSIA, emirate, "2025-07-04") is R
        assert self.ledger.standing(example.RUSSIA, emirate, "2025-07-03") is R
        assert self.ledger.standing(example.RUSSIA, emirate, "2025-07-02") is N

    def test_china_does_not_recognize(self) -> None:
        """China keeps ties without recognition: not recognised at the end of 2025."""
        standing = self.ledger.standing(example.CHINA, example.ISLAMIC_EMIRATE, "2025-12-31")
        assert standing is N

    def test_first_among_p5_is_russia(self) -> None:
        """Russia's act is the first recognition by a permanent member of the Security Council."""
        first = self.ledger.first_recognizer(example.ISLAMIC_EMIRATE, among=P5)
        assert first is example.RECOGNITION

    def test_recognizers_before_and_after(self) -> None:
        """Nobody recognises the Islamic Emirate on 1 July 2025; Russia does on 4 July."""
        assert self.ledger.recognizers(example.ISLAMIC_EMIRATE, "2025-07-01") == ()
        assert self.ledger.recognizers(example.ISLAMIC_EMIRATE, "2025-07-04") == (example.RUSSIA,)

    def test_example_script(self) -> None:
        """examples/who_recognises.py prints the answers derived from the events."""
        script = Path(__file__).resolve().parent.parent / "examples" / "who_recognises.py"
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, check=True
        )
        lines = result.stdout.splitlines()
        assert "On 1 July 2025: nobody" in lines
        assert "On 4 July 2025: Russia" in lines
        assert (
            "First among the permanent members of the UN Security Council: Russia, on 2025-07-03"
            in lines
        )
        assert "  China           not-recognized" in lines

    def test_state_is_not_its_government(self) -> None:
        """Recognising the Islamic Emirate is not recognising (or derecognising) Afghanistan."""
        standing = self.ledger.standing(example.RUSSIA, example.AFGHANISTAN, "2025-07-04")
        assert standing is N


class TestArguments:
    """Parties as objects or ids; dates as When, datetime.date or EDTF text."""

    ledger = RecognitionLedger.from_events([act(FREEDONIA, SYLVANIA, "2001-05-04")])

    @pytest.mark.parametrize(
        "on",
        [When.day(2001, 5, 4), datetime.date(2001, 5, 4), "2001-05-04", "2001-06", "2002"],
    )
    def test_dates(self, on: Any) -> None:
        """Every accepted form of a date gives the same answer."""
        assert self.ledger.standing(FREEDONIA, SYLVANIA, on) is R

    def test_ids(self) -> None:
        """Ids and objects are interchangeable."""
        assert self.ledger.standing("state:XFD", "state:XSY", "2002") is R
        assert self.ledger.standing(FREEDONIA, "state:XSY", "2002") is R

    def test_unknown_pair(self) -> None:
        """A pair of known parties with nothing between them is not recognised."""
        assert self.ledger.standing(SYLVANIA, FREEDONIA, "2002") is N

    def test_datetime_refused(self) -> None:
        """A datetime is not silently cut to a day."""
        with pytest.raises(ValueError, match="datetime"):
            self.ledger.standing(FREEDONIA, SYLVANIA, datetime.datetime(2002, 1, 1))

    def test_bad_date_text(self) -> None:
        """Text that is not EDTF is refused with a sentence."""
        with pytest.raises(ValueError, match="not a calendar date"):
            self.ledger.standing(FREEDONIA, SYLVANIA, "2002-02-30")

    def test_bad_types(self) -> None:
        """Neither a party nor an id, or not a date, is a TypeError."""
        with pytest.raises(TypeError, match="recognizer"):
            self.ledger.standing(42, SYLVANIA, "2002")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="date"):
            self.ledger.standing(FREEDONIA, SYLVANIA, 2002)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="empty"):
            self.ledger.standing("", SYLVANIA, "2002")

    def test_not_events(self) -> None:
        """Building from something that is not an event fails loudly."""
        with pytest.raises(TypeError, match="diplorec events"):
            RecognitionLedger.from_events([FREEDONIA])  # type: ignore[list-item]

    def test_party_lookup(self) -> None:
        """The ledger returns parties as the events name them."""
        assert self.ledger.party("state:XSY") is SYLVANIA
        with pytest.raises(KeyError):
            self.ledger.party("state:NOPE")


class TestUnknownParties:
    """A question about a party no event names is refused, never answered "not recognised"."""

    ledger = RecognitionLedger.from_events(
        [act(FREEDONIA, SYLVANIA, "2001-05-04"), withdrawal(RURITANIA, SYLVANIA, "2003")]
    )

    @pytest.mark.parametrize(
        "ask",
        [
            lambda ledger: ledger.standing("state:NOPE", "state:XSY", "2002"),
            lambda ledger: ledger.standing("state:XFD", "state:NOPE", "2002"),
            lambda ledger: ledger.standings("state:NOPE", "2002"),
            lambda ledger: ledger.recognizers("state:NOPE", "2002"),
            lambda ledger: ledger.timeline("state:NOPE"),
            lambda ledger: ledger.first_recognizers("state:NOPE"),
            lambda ledger: ledger.first_recognizer("state:NOPE"),
            lambda ledger: ledger.party("state:NOPE"),
        ],
    )
    def test_every_question_refuses(self, ask: Any) -> None:
        """Each query method raises UnknownPartyError, a KeyError, naming the id."""
        with pytest.raises(UnknownPartyError, match="'state:NOPE' is not in this ledger"):
            ask(self.ledger)
        with pytest.raises(KeyError):
            ask(self.ledger)

    def test_suggests_close_ids(self) -> None:
        """A misspelt id or a name-derived id suggests the id the events use."""
        with pytest.raises(UnknownPartyError) as caught:
            self.ledger.standing("state:freedonia", SYLVANIA, "2002")
        assert caught.value.suggestions == ("state:XFD",)
        assert str(caught.value) == (
            "'state:freedonia' is not in this ledger; did you mean 'state:XFD'?"
        )
        with pytest.raises(UnknownPartyError, match="did you mean 'state:XSY'"):
            self.ledger.standing(FREEDONIA, "state:xsy", "2002")

    def test_object_not_named_by_events(self) -> None:
        """A party object no event names is refused too (its id may be derived differently)."""
        unnamed = State(name="Freedonia")  # id state:freedonia, not state:XFD
        with pytest.raises(UnknownPartyError, match="did you mean 'state:XFD'"):
            self.ledger.standing(unnamed, SYLVANIA, "2002")

    def test_recognizer_checked_before_recognized(self) -> None:
        """An unknown recognizer is reported before anything wrong with the recognized party."""
        with pytest.raises(UnknownPartyError, match="state:NOPE"):
            self.ledger.standing("state:NOPE", 42, "2002")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="recognized party"):
            self.ledger.standing(FREEDONIA, 42, "2002")  # type: ignore[arg-type]
        assert self.ledger.standing(RURITANIA, FREEDONIA, "2002") is Standing.NOT_RECOGNIZED

    def test_no_suggestion(self) -> None:
        """With nothing close, the message says no event names the party."""
        with pytest.raises(UnknownPartyError, match="no event given to it names"):
            self.ledger.standing("state:QQQ", SYLVANIA, "2002")

    def test_long_id_quoted_short(self) -> None:
        """A huge id is quoted by an excerpt and its length, not whole."""
        with pytest.raises(UnknownPartyError) as caught:
            self.ledger.standing("state:" + "x" * 100_000, SYLVANIA, "2002")
        assert len(str(caught.value)) < 200
        assert "(100006 chars)" in str(caught.value)

    def test_parties_of_other_events_are_known(self) -> None:
        """A party named only by a non-recognition event is known: not recognised."""
        meeting = Meeting(on=When.parse("2002"), participants=(LATVERIA, SYLVANIA))
        ledger = RecognitionLedger.from_events([meeting])
        assert ledger.standing(LATVERIA, SYLVANIA, "2003") is N
        assert LATVERIA in ledger
        assert "state:NOPE" not in ledger
        assert 42 not in ledger

    def test_among_may_name_unknown_parties(self) -> None:
        """``among`` lists candidates; those the events never name are simply not first."""
        assert self.ledger.first_recognizer(SYLVANIA, among=[FREEDONIA, "state:NOPE"]) is not None


class TestTimelineEntryText:
    """A timeline entry prints as one readable line."""

    def test_one_line(self) -> None:
        """Date, pair, kind, effect, reason and event id, on one line."""
        event = act(FREEDONIA, SYLVANIA, "2001-05-04")
        (entry,) = RecognitionLedger.from_events([event]).timeline(SYLVANIA)
        assert str(entry) == (
            f"2001-05-04 state:XFD -> state:XSY: recognition, recognized "
            f"(express recognition) [{event.id}]"
        )

    def test_no_effect_and_confirmation(self) -> None:
        """A change with no effect, or confirmed by another act, says so."""
        denied = withdrawal(FREEDONIA, SYLVANIA, "2003", denied_by=(FREEDONIA,))
        entries = RecognitionLedger.from_events([denied]).timeline(SYLVANIA)
        assert "no effect" in str(entries[0])
        assert "\n" not in str(entries[0])


class TestImpreciseDates:
    """Inside the window of an imprecise date the answer is UNCERTAIN, never a guess."""

    def test_month(self) -> None:
        """Known to the month: uncertain inside it, settled before it and from its last day."""
        events = [act(FREEDONIA, SYLVANIA, "2005-05")]
        days = ("2005-04-30", "2005-05-01", "2005-05-30", "2005-05-31")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [N, U, U, R]

    def test_year(self) -> None:
        """Known to the year: uncertain through the year."""
        events = [act(FREEDONIA, SYLVANIA, "1980")]
        days = ("1979-12-31", "1980-01-01", "1980-12-30", "1980-12-31")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [N, U, U, R]

    def test_interval(self) -> None:
        """Between two dates: uncertain between them."""
        events = [act(FREEDONIA, SYLVANIA, "2018-11-04/2018-12-03")]
        days = ("2018-11-03", "2018-11-20", "2018-12-03")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [N, U, R]

    def test_open_start(self) -> None:
        """ "On or before" a day: uncertain until that day, then recognised."""
        events = [act(FREEDONIA, SYLVANIA, "../2010-03-01")]
        assert standings(events, FREEDONIA, SYLVANIA, "1900", "2010-03-01") == [U, R]

    def test_precise_event_inside_imprecise_window(self) -> None:
        """A withdrawal on a known day inside the month of recognition: order unknown."""
        events = [
            act(FREEDONIA, SYLVANIA, "2005-05"),
            withdrawal(FREEDONIA, SYLVANIA, "2005-05-14"),
        ]
        days = ("2005-05-10", "2005-05-20", "2005-06-01")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [U, U, U]

    def test_later_precise_event_settles(self) -> None:
        """An event surely after an imprecise one decides, once it has surely happened."""
        events = [act(FREEDONIA, SYLVANIA, "2005"), withdrawal(FREEDONIA, SYLVANIA, "2007-03-01")]
        days = ("2006-06-01", "2007-02-28", "2007-03-01")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [R, R, W]

    def test_query_window(self) -> None:
        """A query spanning a change is uncertain; one after it is settled."""
        events = [act(FREEDONIA, SYLVANIA, "2005-05-14")]
        assert standings(events, FREEDONIA, SYLVANIA, "2005-05", "2005", "2005-06") == [U, U, R]
        assert standings(events, FREEDONIA, SYLVANIA, "2005-05-13/2005-05-14") == [U]
        assert standings(events, FREEDONIA, SYLVANIA, "2004-01/2005-05-13") == [N]

    def test_reaffirmation_inside_window_keeps_answer(self) -> None:
        """A second recognition inside a query window does not make it uncertain."""
        events = [act(FREEDONIA, SYLVANIA, "2001"), act(FREEDONIA, SYLVANIA, "2005-05-14")]
        assert standings(events, FREEDONIA, SYLVANIA, "2005") == [R]


class TestWithdrawals:
    """Withdrawal and re-recognition, any number of times."""

    def test_back_and_forth(self) -> None:
        """Each withdrawal and each new recognition changes the answer from its day on."""
        events = [
            act(FREEDONIA, SYLVANIA, "1990-01-01"),
            withdrawal(FREEDONIA, SYLVANIA, "1995-01-01"),
            act(FREEDONIA, SYLVANIA, "2000-01-01"),
            withdrawal(FREEDONIA, SYLVANIA, "2005-01-01"),
            act(FREEDONIA, SYLVANIA, "2010-01-01"),
        ]
        days = ("1989", "1991", "1996", "2001", "2006", "2011")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [N, R, W, R, W, R]

    def test_withdrawal_without_recorded_recognition(self) -> None:
        """A withdrawal says recognition ended, even if its start is not on record."""
        events = [withdrawal(FREEDONIA, SYLVANIA, "2019-06-28")]
        assert standings(events, FREEDONIA, SYLVANIA, "2019-06-27", "2020") == [N, W]

    def test_suspension(self) -> None:
        """A suspension is its own standing, and ends with a new recognition."""
        events = [
            act(FREEDONIA, SYLVANIA, "2001-01-01"),
            withdrawal(FREEDONIA, SYLVANIA, "2003-01-01", kind=WithdrawalKind.SUSPENSION),
            act(FREEDONIA, SYLVANIA, "2004-01-01"),
        ]
        assert standings(events, FREEDONIA, SYLVANIA, "2002", "2003-06", "2005") == [
            R,
            Standing.SUSPENDED,
            R,
        ]

    def test_same_day_conflict(self) -> None:
        """A recognition and a withdrawal on the same day cannot be ordered."""
        events = [
            act(FREEDONIA, SYLVANIA, "2001-01-01"),
            withdrawal(FREEDONIA, SYLVANIA, "2001-01-01"),
        ]
        assert standings(events, FREEDONIA, SYLVANIA, "2001-01-01", "2002") == [U, U]


class TestRivalGovernments:
    """Recognising one government of a state ends recognition of its rival."""

    def test_implied_switch(self) -> None:
        """Without any withdrawal event, recognising the rival withdraws recognition."""
        events = [act(FREEDONIA, ROYAL, "1990-01-01"), act(FREEDONIA, JUNTA, "2000-01-01")]
        assert standings(events, FREEDONIA, ROYAL, "1999", "2000-01-01", "2001") == [R, W, W]
        assert standings(events, FREEDONIA, JUNTA, "1999", "2001") == [N, R]

    def test_switch_back_and_forth(self) -> None:
        """Several switches between rivals, each implied by the new recognition."""
        events = [
            act(FREEDONIA, ROYAL, "1980-05"),
            act(FREEDONIA, JUNTA, "2002-07-21"),
            act(FREEDONIA, ROYAL, "2005-05-14"),
            act(FREEDONIA, JUNTA, "2024-01-15"),
        ]
        days = ("1981", "2003", "2006", "2025")
        assert standings(events, FREEDONIA, ROYAL, *days) == [R, W, R, W]
        assert standings(events, FREEDONIA, JUNTA, *days) == [N, R, W, R]

    def test_explicit_switch_in_favour_of(self) -> None:
        """A switch in favour of a rival withdraws one and recognises the other."""
        events = [
            act(FREEDONIA, ROYAL, "1990-01-01"),
            withdrawal(
                FREEDONIA, ROYAL, "2000-01-01", kind=WithdrawalKind.SWITCH, in_favour_of=JUNTA
            ),
        ]
        assert standings(events, FREEDONIA, ROYAL, "2001") == [W]
        assert standings(events, FREEDONIA, JUNTA, "1999", "2001") == [N, R]
        entry = RecognitionLedger.from_events(events).timeline(JUNTA)[0]
        assert entry.kind is ChangeKind.SWITCH_RECOGNITION
        assert entry.implied

    def test_explicit_switch_listed_once(self) -> None:
        """The switch ends recognition of the government it leaves once, as a switch.

        Its implied recognition of the rival does not add a second, implied withdrawal.
        """
        events = [
            act(FREEDONIA, ROYAL, "1990-01-01"),
            withdrawal(
                FREEDONIA, ROYAL, "2000-01-01", kind=WithdrawalKind.SWITCH, in_favour_of=JUNTA
            ),
        ]
        timeline = RecognitionLedger.from_events(events).timeline(ROYAL)
        assert [entry.kind for entry in timeline] == [ChangeKind.RECOGNITION, ChangeKind.SWITCH]

    def test_uncertain_switch(self) -> None:
        """A switch only claimed by a third party leaves both sides uncertain, the new one too."""
        events = [
            act(FREEDONIA, ROYAL, "1990-01-01"),
            withdrawal(
                FREEDONIA,
                ROYAL,
                "2000-01-01",
                kind=WithdrawalKind.SWITCH,
                in_favour_of=JUNTA,
                claimed_by=(LATVERIA,),
            ),
        ]
        assert standings(events, FREEDONIA, ROYAL, "1999", "2001") == [R, U]
        assert standings(events, FREEDONIA, JUNTA, "1999", "2001") == [N, U]

    def test_claimed_recognition_of_rival(self) -> None:
        """A claimed recognition of the rival makes the old recognition uncertain, not ended."""
        events = [
            act(FREEDONIA, ROYAL, "1990-01-01"),
            act(FREEDONIA, JUNTA, "2000-01-01", certainty=Certainty.CLAIMED),
        ]
        assert standings(events, FREEDONIA, ROYAL, "1999", "2001") == [R, U]
        assert standings(events, FREEDONIA, JUNTA, "2001") == [U]

    def test_rivals_recognised_on_the_same_day(self) -> None:
        """Two rivals recognised on one day: which came last cannot be told, so both uncertain."""
        events = [act(FREEDONIA, ROYAL, "2000-01-01"), act(FREEDONIA, JUNTA, "2000-01-01")]
        assert standings(events, FREEDONIA, ROYAL, "1999", "2001") == [N, U]
        assert standings(events, FREEDONIA, JUNTA, "1999", "2001") == [N, U]
        kinds = [e.kind for e in RecognitionLedger.from_events(events).timeline(ROYAL)]
        assert kinds == [ChangeKind.RECOGNITION, ChangeKind.RIVAL_RECOGNITION]

    def test_rival_never_recognised(self) -> None:
        """Recognising a government withdraws nothing from a rival never recognised."""
        events = [act(FREEDONIA, JUNTA, "2000-01-01"), act(SYLVANIA, ROYAL, "1990-01-01")]
        assert standings(events, FREEDONIA, ROYAL, "2001") == [N]
        assert standings(events, SYLVANIA, ROYAL, "2001") == [R]

    def test_rival_recognised_later(self) -> None:
        """Recognising the rival first does not withdraw a later recognition."""
        events = [act(FREEDONIA, JUNTA, "1990-01-01"), act(FREEDONIA, ROYAL, "2000-01-01")]
        assert standings(events, FREEDONIA, ROYAL, "2001") == [R]
        assert standings(events, FREEDONIA, JUNTA, "2001") == [W]

    def test_council_claiming_to_govern(self) -> None:
        """A council of a state is a rival claimant to its government."""
        council = act(FREEDONIA, COUNCIL, "2011-03-10", capacity=RecognitionCapacity.GOVERNMENT)
        events = [act(FREEDONIA, ROYAL, "1990-01-01"), council]
        assert standings(events, FREEDONIA, ROYAL, "2011-03-10") == [W]

    def test_state_and_other_states_untouched(self) -> None:
        """Governments of other states, and the state itself, are not rivals."""
        other = Government(name="Government of Sylvania", state=SYLVANIA)
        events = [
            act(FREEDONIA, RURITANIA, "1950-01-01"),
            act(FREEDONIA, other, "1960-01-01"),
            act(FREEDONIA, JUNTA, "2000-01-01"),
        ]
        assert standings(events, FREEDONIA, RURITANIA, "2001") == [R]
        assert standings(events, FREEDONIA, other, "2001") == [R]


class TestDisputedWithdrawals:
    """A withdrawal that others claim and the state itself denies is not taken as fact."""

    def setup_events(self, **fields: Any) -> list[Event]:
        return [
            act(FREEDONIA, SYLVANIA, "2009-05-19"),
            withdrawal(FREEDONIA, SYLVANIA, "2018-11-07", **fields),
        ]

    def test_claimed_by_third_party(self) -> None:
        """Claimed only by a third party: uncertain."""
        events = self.setup_events(claimed_by=(LATVERIA,))
        assert standings(events, FREEDONIA, SYLVANIA, "2018-11-06", "2019") == [R, U]

    def test_denied_by_withdrawer(self) -> None:
        """Denied by the withdrawer itself: recognition stays, the claim stays visible."""
        events = self.setup_events(claimed_by=(LATVERIA,), denied_by=(FREEDONIA,))
        assert standings(events, FREEDONIA, SYLVANIA, "2019") == [R]
        entry = RecognitionLedger.from_events(events).timeline(SYLVANIA)[-1]
        assert not entry.counted
        assert entry.effect is None
        assert "withdrawer itself denied" in entry.reason

    def test_denied_by_recognized_party(self) -> None:
        """Claimed by one party, denied by another (not the withdrawer): uncertain."""
        events = self.setup_events(claimed_by=(LATVERIA,), denied_by=(SYLVANIA,))
        assert standings(events, FREEDONIA, SYLVANIA, "2019") == [U]

    @pytest.mark.parametrize("certainty", [Certainty.CLAIMED, Certainty.DISPUTED])
    def test_certainty(self, certainty: Certainty) -> None:
        """A withdrawal coded as claimed or disputed is uncertain."""
        events = self.setup_events(certainty=certainty)
        assert standings(events, FREEDONIA, SYLVANIA, "2019") == [U]

    def test_confirmed_despite_denial(self) -> None:
        """A coder's confirmation outweighs a denial by anyone but the withdrawer."""
        events = self.setup_events(
            claimed_by=(LATVERIA,), denied_by=(SYLVANIA,), certainty=Certainty.CONFIRMED
        )
        assert standings(events, FREEDONIA, SYLVANIA, "2019") == [W]

    def test_claimed_by_withdrawer(self) -> None:
        """A withdrawal the withdrawer itself announces is a fact."""
        events = self.setup_events(claimed_by=(FREEDONIA, LATVERIA))
        assert standings(events, FREEDONIA, SYLVANIA, "2019") == [W]

    def test_claim_later_confirmed(self) -> None:
        """A claim confirmed years later by the withdrawer (effective back then) is one fact."""
        events = [
            act(FREEDONIA, SYLVANIA, "2014-07-02"),
            withdrawal(FREEDONIA, SYLVANIA, "2019-06-28", claimed_by=(LATVERIA,)),
            withdrawal(
                FREEDONIA,
                SYLVANIA,
                "2023-01-16",
                effective=When.parse("2019-06-28"),
                certainty=Certainty.CONFIRMED,
            ),
        ]
        assert standings(events, FREEDONIA, SYLVANIA, "2019-06-27", "2020") == [R, W]
        timeline = RecognitionLedger.from_events(events).timeline(SYLVANIA)
        (claim,) = [entry for entry in timeline if entry.event is events[1]]
        assert claim.superseded_by == events[2].id
        assert not claim.counted

    def test_confirmation_of_a_later_withdrawal(self) -> None:
        """A confirmation cancels only a claim whose dates it overlaps, not an earlier one."""
        events = [
            act(FREEDONIA, SYLVANIA, "2000-01-01"),
            withdrawal(FREEDONIA, SYLVANIA, "2010-03", claimed_by=(LATVERIA,)),
            withdrawal(FREEDONIA, SYLVANIA, "2015-06-01", certainty=Certainty.CONFIRMED),
        ]
        days = ("2009", "2012", "2016")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [R, U, W]
        timeline = RecognitionLedger.from_events(events).timeline(SYLVANIA)
        (claim,) = [entry for entry in timeline if entry.event is events[1]]
        assert claim.superseded_by is None
        assert claim.counted

    def test_disputed_recognition(self) -> None:
        """A recognition that is only claimed or disputed is uncertain, and never first."""
        events = [act(FREEDONIA, SYLVANIA, "2010-01-01", certainty=Certainty.DISPUTED)]
        assert standings(events, FREEDONIA, SYLVANIA, "2011") == [U]
        assert RecognitionLedger.from_events(events).first_recognizer(SYLVANIA) is None


class TestConditionsAndDates:
    """Conditional recognition and effective dates earlier or later than announced."""

    def test_conditional(self) -> None:
        """A conditional recognition is CONDITIONAL until an unconditional act follows."""
        events = [
            act(FREEDONIA, SYLVANIA, "2025-09-22", conditions=("hostages released",)),
            act(FREEDONIA, SYLVANIA, "2026-03-01"),
        ]
        assert standings(events, FREEDONIA, SYLVANIA, "2025-10", "2026-03-01") == [
            Standing.CONDITIONAL,
            R,
        ]
        ledger = RecognitionLedger.from_events(events[:1])
        assert ledger.recognizers(SYLVANIA, "2025-10") == ()
        assert ledger.first_recognizer(SYLVANIA) is None

    def test_effective_later(self) -> None:
        """Announced on 22 May for effect on 28 May: not yet recognised in between."""
        events = [act(FREEDONIA, SYLVANIA, "2024-05-22", effective=When.parse("2024-05-28"))]
        days = ("2024-05-22", "2024-05-27", "2024-05-28")
        assert standings(events, FREEDONIA, SYLVANIA, *days) == [N, N, R]

    def test_effective_earlier(self) -> None:
        """Announced on 14 January, effective the previous 28 December: recognised from then."""
        events = [
            act(FREEDONIA, ROYAL, "1966"),
            withdrawal(
                FREEDONIA,
                ROYAL,
                "2008-01-14",
                effective=When.parse("2007-12-28"),
                kind=WithdrawalKind.SWITCH,
                in_favour_of=JUNTA,
            ),
        ]
        assert standings(events, FREEDONIA, JUNTA, "2007-12-27", "2008-01-01") == [N, R]
        assert standings(events, FREEDONIA, ROYAL, "2008-01-01") == [W]


class TestCollectiveAndImplied:
    """Collective acts count for every partner; implied recognition counts and shows."""

    def test_collective(self) -> None:
        """Each partner of a collective act recognises too."""
        events = [act(FREEDONIA, RURITANIA, "2008-02-18", collective_with=(SYLVANIA, LATVERIA))]
        ledger = RecognitionLedger.from_events(events)
        assert set(ledger.recognizers(RURITANIA, "2008-02-18")) == {FREEDONIA, SYLVANIA, LATVERIA}
        kinds = {entry.recognizer.id: entry.kind for entry in ledger.timeline(RURITANIA)}
        assert kinds["state:XSY"] is ChangeKind.COLLECTIVE_RECOGNITION
        assert ledger.first_recognizer(RURITANIA, among=[SYLVANIA]) is events[0]

    def test_implied_recognition(self) -> None:
        """Implied recognition is recognition, and the timeline says it was implied."""
        events = [act(FREEDONIA, SYLVANIA, "1993-01-01", form=RecognitionForm.IMPLIED)]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.standing(FREEDONIA, SYLVANIA, "1994") is R
        (entry,) = ledger.timeline(SYLVANIA)
        assert entry.implied
        assert entry.form is RecognitionForm.IMPLIED

    def test_legal_status_exposed(self) -> None:
        """De facto and de jure are both recognition; the timeline keeps which."""
        events = [
            act(FREEDONIA, JUNTA, "1949-12", legal_status=LegalStatus.DE_FACTO),
            act(FREEDONIA, JUNTA, "1950-01-06", legal_status=LegalStatus.DE_JURE),
        ]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.standing(FREEDONIA, JUNTA, "1950-01-01") is R
        statuses = [entry.legal_status for entry in ledger.timeline(JUNTA)]
        assert statuses == [LegalStatus.DE_FACTO, LegalStatus.DE_JURE]


class TestNotRecognition:
    """Ties without recognition, credentials and denied acts are not recognition."""

    envoy = Envoy(
        person=Person(name="An Envoy"),
        rank=DiplomaticRank.AMBASSADOR,
        sending=JUNTA,
        receiving=FREEDONIA,
    )

    def test_ties_and_credentials(self) -> None:
        """Exchanging diplomats and accepting credentials change no standing by themselves."""
        events: list[Event] = [
            DiplomaticTies(
                on=When.parse("2021-08/2025-07-03"),
                parties=(FREEDONIA, JUNTA),
                envoys_exchanged=True,
                formal_recognition=False,
            ),
            CredentialPresentation(
                on=When.parse("2024-01-30"),
                envoy=self.envoy,
                document=CredentialDocument.LETTERS_OF_CREDENCE,
            ),
        ]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.standing(FREEDONIA, JUNTA, "2025-12-31") is N
        assert ledger.timeline(JUNTA) == ()

    def test_denied_recognition(self) -> None:
        """An act its author denies is recognition is recorded, not counted."""
        events = [
            act(
                FREEDONIA,
                JUNTA,
                "2024-01-30",
                form=RecognitionForm.IMPLIED,
                characterization=Characterization.DENIED_RECOGNITION,
            )
        ]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.standing(FREEDONIA, JUNTA, "2025-12-31") is N
        (entry,) = ledger.timeline(JUNTA)
        assert not entry.counted
        assert ledger.first_recognizer(JUNTA) is None

    def test_breaking_relations_is_not_withdrawal(self) -> None:
        """Severing relations leaves recognition in force."""
        events: list[Event] = [
            act(FREEDONIA, SYLVANIA, "1990-01-01"),
            RelationsChange(
                on=When.parse("2000-01-01"),
                parties=(FREEDONIA, SYLVANIA),
                action=RelationsAction.SEVERED,
            ),
        ]
        assert standings(events, FREEDONIA, SYLVANIA, "2001") == [R]


class TestFirstRecognizer:
    """The first recognition act, among some recognizers, with imprecise dates honest."""

    def test_earliest(self) -> None:
        """The earliest act wins, even if later withdrawn."""
        events = [
            act(SYLVANIA, RURITANIA, "2008-02-18"),
            act(FREEDONIA, RURITANIA, "2008-02-17"),
            withdrawal(FREEDONIA, RURITANIA, "2010-01-01"),
        ]
        assert RecognitionLedger.from_events(events).first_recognizer(RURITANIA) is events[1]

    def test_among(self) -> None:
        """``among`` restricts the recognizers; objects and ids both work."""
        events = [act(SYLVANIA, RURITANIA, "2008-02-18"), act(FREEDONIA, RURITANIA, "2008-02-17")]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.first_recognizer(RURITANIA, among=["state:XSY"]) is events[0]
        assert ledger.first_recognizer(RURITANIA, among=[LATVERIA]) is None

    def test_open_order(self) -> None:
        """Overlapping dates: every possible first is listed; the surely-soonest is returned."""
        events = [
            act(SYLVANIA, RURITANIA, "2008-02"),
            act(FREEDONIA, RURITANIA, "2008-02-17"),
            act(LATVERIA, RURITANIA, "2008-03-01"),
        ]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.first_recognizers(RURITANIA) == (events[1], events[0])
        assert ledger.first_recognizer(RURITANIA) is events[1]


class TestTimeline:
    """The timeline lists every change, oldest first, counted or not."""

    def test_order_and_contents(self) -> None:
        """Entries are sorted by date; the reason says what happened."""
        events = [
            withdrawal(FREEDONIA, SYLVANIA, "2000-01-01"),
            act(FREEDONIA, SYLVANIA, "1990-01-01", effective=When.parse("1990-02-01")),
        ]
        timeline = RecognitionLedger.from_events(events).timeline(SYLVANIA)
        assert [str(entry.when) for entry in timeline] == ["1990-02-01", "2000-01-01"]
        assert [entry.effect for entry in timeline] == [R, W]
        assert "effective 1990-02-01" in timeline[0].reason
        assert RecognitionLedger.from_events(events).timeline(FREEDONIA) == ()

    def test_no_duplicates(self) -> None:
        """Events given twice (or thrice) give each change once."""
        events = [
            act(FREEDONIA, ROYAL, "1990-01-01"),
            act(SYLVANIA, ROYAL, "1995", collective_with=(LATVERIA,)),
            withdrawal(
                FREEDONIA, ROYAL, "2000-01-01", kind=WithdrawalKind.SWITCH, in_favour_of=JUNTA
            ),
            withdrawal(SYLVANIA, ROYAL, "2001-02", claimed_by=(LATVERIA,)),
        ]
        once = RecognitionLedger.from_events(events)
        thrice = RecognitionLedger.from_events(events * 3)
        for party in (ROYAL, JUNTA):
            timeline = thrice.timeline(party)
            assert timeline == once.timeline(party)
            assert len(set(timeline)) == len(timeline)
        assert len(thrice.timeline(ROYAL)) == 5

    def test_standings(self) -> None:
        """``standings`` gives every party's standing, not only the recognised ones."""
        events = [act(FREEDONIA, RURITANIA, "2001-01-01"), act(SYLVANIA, RURITANIA, "2001")]
        ledger = RecognitionLedger.from_events(events)
        assert ledger.standings(RURITANIA, "2001-06-01") == {FREEDONIA: R, SYLVANIA: U}
        assert ledger.recognizers(RURITANIA, "2001-06-01") == (FREEDONIA,)


# -- properties -------------------------------------------------------------------------------

_PARTIES = (FREEDONIA, SYLVANIA)
_TARGETS = (ROYAL, JUNTA, RURITANIA)


@st.composite
def _dates(draw: st.DrawFn) -> When:
    year = draw(st.integers(2000, 2003))
    precision = draw(st.sampled_from(["day", "month", "year", "interval"]))
    if precision == "year":
        return When.year(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return When.month(year, month)
    day = When.day(year, month, draw(st.integers(1, 28)))
    if precision == "interval":
        return When.interval(day, When.year(draw(st.integers(year, 2003))))
    return day


@st.composite
def _ledger_events(draw: st.DrawFn) -> Event:
    recognizer = draw(st.sampled_from(_PARTIES))
    recognized = draw(st.sampled_from(_TARGETS))
    on = draw(_dates())
    effective = draw(st.none() | _dates())
    certainty = draw(st.sampled_from(Certainty))
    if draw(st.booleans()):
        return RecognitionAct(
            on=on,
            effective=effective,
            recognizer=recognizer,
            recognized=recognized,
            form=draw(st.sampled_from(RecognitionForm)),
            certainty=certainty,
            conditions=draw(st.sampled_from([(), ("a condition",)])),
            characterization=draw(st.sampled_from(Characterization)),
            collective_with=draw(st.sampled_from([(), (LATVERIA,)])),
        )
    kind = draw(st.sampled_from(WithdrawalKind))
    rival = next(t for t in (ROYAL, JUNTA) if t != recognized)
    claims = draw(st.sampled_from([((), ()), ((LATVERIA,), ()), ((LATVERIA,), (recognizer,))]))
    return RecognitionWithdrawal(
        on=on,
        effective=effective,
        withdrawer=recognizer,
        recognized=recognized,
        kind=kind,
        in_favour_of=rival if kind is WithdrawalKind.SWITCH and draw(st.booleans()) else None,
        claimed_by=claims[0],
        denied_by=claims[1],
        certainty=certainty,
    )


_QUERIES = [
    *(f"{year}-{month:02d}-{day:02d}" for year in range(1999, 2005) for month in (1, 6, 12)
      for day in (1, 15)),
    "2001", "2002-06", "2000/2003",
]  # fmt: skip


def _answers(ledger: RecognitionLedger) -> list[Standing | None]:
    """Every standing the queries ask about; None for a pair the ledger does not know."""
    return [
        ledger.standing(recognizer, recognized, on)
        if recognizer in ledger and recognized in ledger
        else None
        for recognizer in (*_PARTIES, LATVERIA)
        for recognized in _TARGETS
        for on in _QUERIES
    ]


def _known_pairs(ledger: RecognitionLedger, recognizers: Any) -> list[tuple[Any, Any]]:
    return [
        (recognizer, recognized)
        for recognizer in recognizers
        for recognized in _TARGETS
        if recognizer in ledger and recognized in ledger
    ]


class TestOrderIndependence:
    """Answers never depend on the order the events come in."""

    @given(
        st.lists(_ledger_events(), max_size=8).flatmap(
            lambda e: st.tuples(st.just(e), st.permutations(e))
        )
    )
    def test_permutations(self, pair: tuple[list[Event], list[Event]]) -> None:
        """Any permutation of the events gives the same standings, timelines and firsts."""
        events, shuffled = pair
        one = RecognitionLedger.from_events(events)
        two = RecognitionLedger.from_events(shuffled)
        assert _answers(one) == _answers(two)
        for target in _TARGETS:
            assert (target in one) == (target in two)
            if target not in one:
                continue
            assert one.timeline(target) == two.timeline(target)
            assert one.first_recognizers(target) == two.first_recognizers(target)

    @given(st.lists(_ledger_events(), max_size=8))
    def test_repeats(self, events: list[Event]) -> None:
        """Giving every event twice changes no answer and no timeline."""
        once = RecognitionLedger.from_events(events)
        twice = RecognitionLedger.from_events(events + events)
        assert _answers(once) == _answers(twice)
        for target in _TARGETS:
            assert (target in once) == (target in twice)
            if target in once:
                assert once.timeline(target) == twice.timeline(target)


def _oracle(ledger: RecognitionLedger, recognizer: Any, recognized: Any, day: int) -> Standing:
    """The standing on a day by brute force over the counted changes of the pair."""
    changes = [
        (entry.when.earliest.toordinal(), entry.when.latest.toordinal(), entry.effect)
        for entry in ledger.timeline(recognized)
        if entry.counted and entry.recognizer.id == recognizer.id
    ]
    possible = [c for c in changes if c[0] <= day]
    surely = [c for c in possible if c[1] <= day]
    last = [c for c in possible if not any(f[0] > c[1] for f in surely)]
    outcomes = {c[2] for c in last} | ({Standing.NOT_RECOGNIZED} if not surely else set())
    return outcomes.pop() if len(outcomes) == 1 else Standing.UNCERTAIN  # type: ignore[return-value]


class TestAgainstBruteForce:
    """The indexed answer equals a brute-force reading of the same changes."""

    @given(
        st.lists(_ledger_events(), max_size=10),
        st.dates(datetime.date(1999, 1, 1), datetime.date(2005, 1, 1)),
    )
    def test_day_answers(self, events: list[Event], day: datetime.date) -> None:
        """For every pair, on any day, the bisected answer matches the brute-force one."""
        ledger = RecognitionLedger.from_events(events)
        for recognizer, recognized in _known_pairs(ledger, (*_PARTIES, LATVERIA)):
            expected = _oracle(ledger, recognizer, recognized, day.toordinal())
            assert ledger.standing(recognizer, recognized, day) is expected

    @given(st.lists(_ledger_events(), max_size=10), _dates())
    def test_windows(self, events: list[Event], window: When) -> None:
        """A settled answer over a window holds on each of its days."""
        ledger = RecognitionLedger.from_events(events)
        for recognizer, recognized in _known_pairs(ledger, _PARTIES):
            answer = ledger.standing(recognizer, recognized, window)
            if answer is Standing.UNCERTAIN:
                continue
            first, last = window.earliest.toordinal(), window.latest.toordinal()
            for day in range(first, last + 1, 7):
                date = datetime.date.fromordinal(day)
                assert ledger.standing(recognizer, recognized, date) is answer
            last_day = datetime.date.fromordinal(last)
            assert ledger.standing(recognizer, recognized, last_day) is answer

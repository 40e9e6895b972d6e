"""Annulments of acts, claims about recognition acts, pledges and reservations.

Real cases: São Tomé and Príncipe's government recognised Kosovo by a resolution of
12 March 2012 (Panapress, 8 January 2013; Balkan Insight gives 13 March); Kosovo's
deputy prime minister had announced it before São Tomé did (Tanjug, 11 January 2013).
On Monday 7 January 2013 President Manuel Pinto da Costa vetoed the resolution, and
Kosovo's foreign minister held that the recognition stood (Balkan Insight, January
2013). France pledged on 24 July 2025 to recognise Palestine at the UN General Assembly
in September (Al Jazeera, 24 July 2025) and did so on 22 September; the United Kingdom
pledged on 29 July 2025 to recognise in September unless Israel took "substantive
steps" (Downing Street readout) and recognised on 21 September 2025. Parties named
``AAA``, ``BBB``, ``CCC`` are synthetic, for rules no real case shows cleanly.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import (
    Annulment,
    AnnulmentKind,
    Certainty,
    Characterization,
    Citation,
    Event,
    Government,
    Organization,
    OrganizationKind,
    RecognitionAct,
    RecognitionLedger,
    RecognitionPledge,
    RecognitionWithdrawal,
    Source,
    SourceKind,
    Standing,
    State,
    ValidationError,
    When,
)
from diplorec import strategies as ds
from diplorec.dossier import Dossier
from diplorec.ledger import ChangeKind
from diplorec.reference import FRANCE, UNITED_KINGDOM

R, N, W, U, C = (
    Standing.RECOGNIZED,
    Standing.NOT_RECOGNIZED,
    Standing.WITHDRAWN,
    Standing.UNCERTAIN,
    Standing.CONDITIONAL,
)
GOLDEN = Path(__file__).resolve().parent / "golden" / "annulments_1.2.json"

# -- São Tomé and Príncipe and Kosovo --------------------------------------------------------

SAO_TOME = State(name="São Tomé and Príncipe", iso3="STP", iso2="ST")
KOSOVO = State(name="Kosovo", iso3="XKX", wikidata="Q1246")
PRESIDENT = Organization(
    name="President of São Tomé and Príncipe", kind=OrganizationKind.EXECUTIVE, state=SAO_TOME
)
PANAPRESS = Citation(
    source=Source(
        title="São Tomé e Príncipe recusa reconhecimento de Kosovo",
        publisher="Panapress",
        published=When.parse("2013-01-08"),
        language="pt",
        kind=SourceKind.NEWS,
    )
)
STP_RECOGNITION = RecognitionAct(
    on=When.parse("2012-03-12"),
    recognizer=SAO_TOME,
    recognized=KOSOVO,
    claimed_by=(KOSOVO,),
    sources=(PANAPRESS,),
    notes="A government resolution; Balkan Insight gives 13 March 2012.",
)
STP_VETO = Annulment(
    on=When.parse("2013-01-07"),
    annuls=STP_RECOGNITION.id,
    by=PRESIDENT,
    kind=AnnulmentKind.INVALIDATED,
    described_as="vetoed the resolution recognising Kosovo",
    sources=(PANAPRESS,),
)

# -- Palestine, 2025 -------------------------------------------------------------------------

PALESTINE = State(name="Palestine", iso3="PSE", iso2="PS")
FRANCE_PLEDGE = RecognitionPledge(
    on=When.parse("2025-07-24"),
    pledger=FRANCE,
    recognized=PALESTINE,
    due=When.parse("2025-09"),
    described_as="I have decided that France will recognize the State of Palestine",
)
UK_PLEDGE = RecognitionPledge(
    on=When.parse("2025-07-29"),
    pledger=UNITED_KINGDOM,
    recognized=PALESTINE,
    due=When.parse("2025-09"),
    conditions=(
        "Unless the Israeli government takes substantive steps to end the situation in Gaza, "
        "reaches a ceasefire, makes clear there will be no annexation in the West Bank and "
        "commits to a long-term peace process that delivers a two-state solution.",
    ),
)
FRANCE_RECOGNITION = RecognitionAct(
    on=When.parse("2025-09-22"), recognizer=FRANCE, recognized=PALESTINE
)
UK_RECOGNITION = RecognitionAct(
    on=When.parse("2025-09-21"), recognizer=UNITED_KINGDOM, recognized=PALESTINE
)
PALESTINE_EVENTS: tuple[Event, ...] = (
    FRANCE_PLEDGE,
    UK_PLEDGE,
    FRANCE_RECOGNITION,
    UK_RECOGNITION,
)

# -- synthetic parties -----------------------------------------------------------------------

AAA = State(name="Aaa", iso3="AAA")
BBB = State(name="Bbb", iso3="BBB")
CCC = State(name="Ccc", iso3="CCC")
COURT = Organization(name="Court of Aaa", kind=OrganizationKind.COURT, state=AAA)


def act(on: str, recognizer: Any = AAA, recognized: Any = BBB, **fields: Any) -> RecognitionAct:
    return RecognitionAct(on=When.parse(on), recognizer=recognizer, recognized=recognized, **fields)


def annul(target: Event, on: str, kind: AnnulmentKind, by: Any = AAA, **fields: Any) -> Annulment:
    return Annulment(on=When.parse(on), annuls=target.id, by=by, kind=kind, **fields)


def answers(events: tuple[Event, ...], *days: str, pair: tuple[Any, Any] = (AAA, BBB)) -> list[Any]:
    ledger = RecognitionLedger.from_events(events)
    return [ledger.standing(*pair, day) for day in days]


# -- the models ------------------------------------------------------------------------------


class TestAnnulmentModel:
    """An Annulment names the event it annuls, who annuls it and how."""

    def test_links_name_the_annulled_event_first(self) -> None:
        """links() gives the annulled id, then basis, so Dossier.check resolves both."""
        annulment = annul(STP_RECOGNITION, "2013", AnnulmentKind.DENIED, basis=("meeting:1",))
        assert annulment.links() == (STP_RECOGNITION.id, "meeting:1")

    def test_cannot_annul_itself(self) -> None:
        """An annulment whose given id is the id it annuls is refused, naming the field."""
        with pytest.raises(ValueError, match="annuls: an annulment cannot annul itself"):
            Annulment(
                id="annulment:1",
                on=When.parse("2020"),
                annuls="annulment:1",
                by=AAA,
                kind=AnnulmentKind.RETRACTED,
            )

    def test_annuls_must_be_an_event_id(self) -> None:
        """A value that is not an id of the form kind:key is a ValidationError at $.annuls."""
        record = json.loads(diplorec.dumps(STP_VETO))
        record["annuls"] = "the recognition"
        with pytest.raises(ValidationError) as caught:
            diplorec.loads(json.dumps(record), Event)
        assert [problem.path for problem in caught.value.problems] == ["$.annuls"]

    def test_kind_is_a_vocabulary_value(self) -> None:
        """An unknown kind lists the three kinds there are."""
        record = json.loads(diplorec.dumps(STP_VETO))
        record["kind"] = "revoked"
        with pytest.raises(ValidationError) as caught:
            diplorec.loads(json.dumps(record), Event)
        (problem,) = caught.value.problems
        assert problem.path == "$.kind"
        assert "retracted" in problem.message
        assert "invalidated" in problem.message

    def test_round_trip(self) -> None:
        """Annulments, pledges and acts with claims and reservations survive the wire."""
        claimed = act("2020-01-01", claimed_by=(CCC,), denied_by=(AAA,), reservations=("x",))
        for event in (STP_VETO, UK_PLEDGE, claimed):
            assert diplorec.loads(diplorec.dumps(event), Event) == event

    def test_one_party_cannot_claim_and_deny_an_act(self) -> None:
        """As for withdrawals, a party both claiming and denying the act is refused."""
        with pytest.raises(ValueError, match="cannot both claim and deny the same act"):
            act("2020", claimed_by=(CCC,), denied_by=(CCC,))

    def test_a_pledge_to_oneself_is_refused(self) -> None:
        """A party cannot pledge to recognise itself."""
        with pytest.raises(ValueError, match="cannot pledge to recognise itself"):
            RecognitionPledge(on=When.parse("2020"), pledger=AAA, recognized=AAA)


# -- retraction ------------------------------------------------------------------------------


class TestRetraction:
    """A retraction by its author voids an act from the start, for every date."""

    def test_void_for_every_date(self) -> None:
        """Before and after the retraction, the act counts for nothing."""
        recognition = act("2020-01-10")
        events = (recognition, annul(recognition, "2020-02-01", AnnulmentKind.RETRACTED))
        assert answers(events, "2020-01-15", "2020-03-01") == [N, N]
        assert answers((recognition,), "2020-01-15") == [R]

    def test_kept_in_the_timeline_uncounted(self) -> None:
        """The timeline still shows the act, with no effect and the reason."""
        recognition = act("2020-01-10")
        retraction = annul(recognition, "2020-02-01", AnnulmentKind.RETRACTED)
        (entry,) = RecognitionLedger.from_events((recognition, retraction)).timeline(BBB)
        assert entry.effect is None
        assert "void from the start" in entry.reason
        assert retraction.id in entry.reason

    def test_a_retracted_recognition_ends_no_rival(self) -> None:
        """Retracting a government's recognition also retracts the rival's implied loss."""
        first = Government(name="Old Government", state=BBB)
        second = Government(name="New Government", state=BBB)
        old = act("2019-01-01", recognized=first)
        new = act("2020-01-01", recognized=second)
        events = (old, new, annul(new, "2020-06-01", AnnulmentKind.RETRACTED))
        assert answers(events, "2020-03-01", pair=(AAA, first)) == [R]
        assert answers(events[:2], "2020-03-01", pair=(AAA, first)) == [W]

    def test_a_partner_retracts_only_its_own_part(self) -> None:
        """A partner of a collective act retracting voids its part, not the author's."""
        together = act("2020-01-01", collective_with=(CCC,))
        events = (together, annul(together, "2020-06-01", AnnulmentKind.RETRACTED, by=CCC))
        assert answers(events, "2020-03-01", pair=(CCC, BBB)) == [N]
        assert answers(events, "2020-03-01") == [R]

    def test_a_retraction_by_another_is_only_a_claim(self) -> None:
        """A third party saying the act was retracted makes it uncertain from then on."""
        recognition = act("2020-01-10")
        events = (recognition, annul(recognition, "2020-02-01", AnnulmentKind.RETRACTED, by=CCC))
        assert answers(events, "2020-01-15", "2020-03-01") == [R, U]

    def test_a_claimed_retraction_does_not_void(self) -> None:
        """A retraction recorded as claimed is read like an invalidation, not as void."""
        recognition = act("2020-01-10")
        claimed = annul(
            recognition, "2020-02-01", AnnulmentKind.RETRACTED, certainty=Certainty.CLAIMED
        )
        assert answers((recognition, claimed), "2020-01-15", "2020-03-01") == [R, U]

    def test_a_retracted_withdrawal_leaves_recognition_in_force(self) -> None:
        """Retraction works on any act: a withdrawal taken back never ended anything."""
        recognition = act("2019-01-01")
        withdrawal = RecognitionWithdrawal(
            on=When.parse("2020-01-01"), withdrawer=AAA, recognized=BBB
        )
        events = (recognition, withdrawal, annul(withdrawal, "2020-02-01", AnnulmentKind.RETRACTED))
        assert answers(events, "2020-01-15") == [R]

    @given(recognition=ds.recognition_acts(among=(AAA, BBB)), data=st.data())
    def test_same_as_never_recorded(self, recognition: RecognitionAct, data: st.DataObject) -> None:
        """With its author's retraction, the ledger answers as if the act were not there."""
        retraction = Annulment(
            on=data.draw(ds.whens()),
            annuls=recognition.id,
            by=recognition.recognizer,
            kind=AnnulmentKind.RETRACTED,
        )
        other = act(
            "2001-01-01",
            recognizer=recognition.recognizer,
            recognized=recognition.recognized,
            id="recognition-act:other",
        )
        with_it = RecognitionLedger.from_events((other, recognition, retraction))
        without = RecognitionLedger.from_events((other,))
        for day in ("2000-06-01", "2001-06-01", str(recognition.on.earliest)):
            pair = (recognition.recognizer, recognition.recognized)
            assert with_it.standing(*pair, day) == without.standing(*pair, day)


# -- invalidation and denial -----------------------------------------------------------------


class TestInvalidation:
    """A domestic authority declaring an act void makes it uncertain from that date."""

    def test_sao_tome_and_kosovo(self) -> None:
        """In force from the resolution until the veto; uncertain from the veto on."""
        events = (attrs.evolve(STP_RECOGNITION, claimed_by=()), STP_VETO)
        days = ("2012-03-11", "2012-03-12", "2013-01-06", "2013-01-07", "2020-01-01")
        pair = (SAO_TOME, KOSOVO)
        assert answers(events, *days, pair=pair) == [N, R, R, U, U]

    def test_the_report_cites_the_annulment(self) -> None:
        """explain() rests on the veto after it, and says the act was invalidated."""
        events = (attrs.evolve(STP_RECOGNITION, claimed_by=()), STP_VETO)
        report = RecognitionLedger.from_events(events).explain(SAO_TOME, KOSOVO, "2013-02-01")
        assert report.standing is U
        assert STP_VETO.id in report.events
        assert "invalidated by organization:STP" in str(report)

    def test_a_later_act_settles_it(self) -> None:
        """A new recognition by the same author after the annulment is in force again."""
        recognition = act("2020-01-10")
        invalidation = annul(recognition, "2020-02-01", AnnulmentKind.INVALIDATED, by=COURT)
        again = act("2020-05-01", form=diplorec.RecognitionForm.EXPRESS)
        events = (recognition, invalidation, again)
        assert answers(events, "2020-03-01", "2020-05-02") == [U, R]

    def test_moot_once_the_standing_changed(self) -> None:
        """An act already withdrawn when it is invalidated leaves the withdrawal standing."""
        recognition = act("2020-01-10")
        withdrawal = RecognitionWithdrawal(
            on=When.parse("2020-02-01"), withdrawer=AAA, recognized=BBB
        )
        invalidation = annul(recognition, "2020-03-01", AnnulmentKind.INVALIDATED, by=COURT)
        assert answers((recognition, withdrawal, invalidation), "2020-04-01") == [W]

    def test_a_confirmed_act_is_still_invalidated(self) -> None:
        """Certainty says the act happened; an invalidation says it may not count."""
        recognition = act("2020-01-10", certainty=Certainty.CONFIRMED)
        invalidation = annul(recognition, "2020-02-01", AnnulmentKind.INVALIDATED, by=COURT)
        assert answers((recognition, invalidation), "2020-03-01") == [U]


class TestDenial:
    """A supposed author's denial: an Annulment of kind denied, or denied_by on the act."""

    def test_denied_by_its_supposed_author(self) -> None:
        """A recognition its supposed author denies is uncertain from the denial on."""
        recognition = act("2020-01-10")
        denial = annul(recognition, "2020-02-01", AnnulmentKind.DENIED)
        assert answers((recognition, denial), "2020-01-15", "2020-02-01") == [R, U]

    def test_a_confirmed_act_outweighs_a_denial(self) -> None:
        """An act the coder confirmed happened stands against a denial that it happened."""
        recognition = act("2020-01-10", certainty=Certainty.CONFIRMED)
        denial = annul(recognition, "2020-02-01", AnnulmentKind.DENIED)
        ledger = RecognitionLedger.from_events((recognition, denial))
        assert ledger.standing(AAA, BBB, "2020-03-01") is R
        entry = ledger.timeline(BBB)[-1]
        assert entry.kind is ChangeKind.ANNULMENT
        assert entry.effect is None

    def test_denied_by_on_the_act(self) -> None:
        """The recognizer in denied_by leaves the recognition uncertain from its date."""
        assert answers((act("2020-01-10", denied_by=(AAA,)),), "2020-01-15") == [U]

    def test_denied_by_another(self) -> None:
        """Anyone else's denial also makes it uncertain."""
        assert answers((act("2020-01-10", denied_by=(CCC,)),), "2020-01-15") == [U]

    def test_claimed_only_by_a_third_party(self) -> None:
        """Kosovo announcing São Tomé's recognition, unconfirmed, is uncertain."""
        assert answers((STP_RECOGNITION,), "2012-06-01", pair=(SAO_TOME, KOSOVO)) == [U]

    def test_claimed_by_the_recognizer_too(self) -> None:
        """A claim the recognizer joins is the recognizer's own act: recognized."""
        events = (act("2020-01-10", claimed_by=(AAA, CCC)),)
        assert answers(events, "2020-01-15") == [R]

    def test_confirmed_decides_over_claims(self) -> None:
        """A confirmed record of a claimed act is in force, as for withdrawals."""
        events = (act("2020-01-10", claimed_by=(CCC,), certainty=Certainty.CONFIRMED),)
        assert answers(events, "2020-01-15") == [R]

    def test_conditions_survive_confirmation(self) -> None:
        """A confirmed conditional recognition is still conditional."""
        events = (act("2020-01-10", conditions=("x",), certainty=Certainty.CONFIRMED),)
        assert answers(events, "2020-01-15") == [C]

    def test_not_recognition_in_its_author_s_words(self) -> None:
        """An act that happened (confirmed) but that its author says is not recognition."""
        events = (
            act(
                "2020-01-10",
                certainty=Certainty.CONFIRMED,
                characterization=Characterization.DENIED_RECOGNITION,
            ),
        )
        assert answers(events, "2020-01-15") == [N]

    def test_a_denial_withdrawn_by_its_author(self) -> None:
        """A denial that its author retracts has no effect: the act stands again."""
        recognition = act("2020-01-10")
        denial = annul(recognition, "2020-02-01", AnnulmentKind.DENIED)
        taken_back = annul(denial, "2020-03-01", AnnulmentKind.RETRACTED)
        assert answers((recognition, denial, taken_back), "2020-02-15") == [R]

    def test_answers_do_not_depend_on_order(self) -> None:
        """Shuffled, the same events give the same answers."""
        recognition = act("2020-01-10")
        events = [
            recognition,
            annul(recognition, "2020-02-01", AnnulmentKind.DENIED),
            act("2020-05-01"),
            annul(recognition, "2020-01-20", AnnulmentKind.INVALIDATED, by=COURT),
        ]
        days = ("2020-01-15", "2020-01-25", "2020-03-01", "2020-06-01")
        expected = answers(tuple(events), *days)
        assert expected == [R, U, U, R]
        for seed in range(5):
            random.Random(seed).shuffle(events)
            assert answers(tuple(events), *days) == expected


# -- Dossier.check -----------------------------------------------------------------------------


class TestDossierCheck:
    """Dossier.check reports annulments that do not fit the event they annul."""

    @staticmethod
    def findings(*events: Event) -> list[tuple[str, tuple[str, ...]]]:
        found = Dossier(events=events).check()
        return [(f.code, f.event_ids) for f in found if f.code != "no-sources"]

    def test_unknown_event(self) -> None:
        """An annulment of an id the dossier does not hold is an unresolved link."""
        assert self.findings(STP_VETO) == [("unresolved-link", (STP_VETO.id,))]

    def test_retraction_by_another(self) -> None:
        """Only the author can retract; the finding names both events."""
        recognition = act("2020-01-10")
        retraction = annul(recognition, "2020-02-01", AnnulmentKind.RETRACTED, by=CCC)
        found = Dossier(events=(recognition, retraction)).check()
        (mismatch,) = [f for f in found if f.code == "annulment-mismatch"]
        assert mismatch.event_ids == (retraction.id, recognition.id)
        assert "only the author of an act can retract it" in mismatch.message

    def test_dated_before_the_act(self) -> None:
        """An annulment surely before the act it annuls is reported."""
        recognition = act("2020-01-10")
        early = annul(recognition, "2019-12-01", AnnulmentKind.DENIED)
        found = [f.code for f in Dossier(events=(recognition, early)).check()]
        assert "annulment-mismatch" in found

    def test_consistent(self) -> None:
        """The São Tomé case checks clean, sources apart."""
        assert self.findings(STP_RECOGNITION, STP_VETO) == []


# -- pledges and reservations ------------------------------------------------------------------


class TestPledges:
    """Pledges are listed until honoured or retracted, and give no standing."""

    def test_listed_until_honoured(self) -> None:
        """Both pledges in August; the UK's alone on 21 September; none on 22 September."""
        ledger = RecognitionLedger.from_events(PALESTINE_EVENTS)
        assert ledger.pledges(PALESTINE, "2025-07-25") == (FRANCE_PLEDGE,)
        assert ledger.pledges(PALESTINE, "2025-08-01") == (FRANCE_PLEDGE, UK_PLEDGE)
        assert ledger.pledges(PALESTINE, "2025-09-21") == (FRANCE_PLEDGE,)
        assert ledger.pledges(PALESTINE, "2025-09-22") == ()

    def test_no_standing(self) -> None:
        """A pledge is not recognition: France has none on record in August."""
        ledger = RecognitionLedger.from_events(PALESTINE_EVENTS)
        assert ledger.standing(FRANCE, PALESTINE, "2025-08-01") is N
        assert ledger.recognizers(PALESTINE, "2025-08-01") == ()

    def test_retracted(self) -> None:
        """A pledge its author retracts is no longer listed from the retraction on."""
        pledge = RecognitionPledge(on=When.parse("2020-01-01"), pledger=AAA, recognized=BBB)
        events = (pledge, annul(pledge, "2020-06-01", AnnulmentKind.RETRACTED))
        ledger = RecognitionLedger.from_events(events)
        assert ledger.pledges(BBB, "2020-03-01") == (pledge,)
        assert ledger.pledges(BBB, "2020-07-01") == ()

    def test_known_on(self) -> None:
        """Before the UK's pledge was made, an analyst knew only France's."""
        ledger = RecognitionLedger.from_events(PALESTINE_EVENTS)
        assert ledger.pledges(PALESTINE, "2025-08-01", known_on="2025-07-25") == (FRANCE_PLEDGE,)


class TestReservations:
    """Reservations are the recognizer's words; they do not change the standing."""

    def test_kept_and_shown(self) -> None:
        """The standing is recognized; the timeline's reason mentions the reservations."""
        reserved = act("2020-01-10", reservations=("Not the disputed islands.",))
        ledger = RecognitionLedger.from_events((reserved,))
        assert ledger.standing(AAA, BBB, "2020-02-01") is R
        assert "with reservations" in ledger.timeline(BBB)[0].reason

    def test_reservations_must_be_text(self) -> None:
        """An empty reservation is refused at its JSON path."""
        record = json.loads(diplorec.dumps(act("2020-01-10", reservations=("x",))))
        record["reservations"] = [""]
        with pytest.raises(ValidationError) as caught:
            diplorec.loads(json.dumps(record), Event)
        assert caught.value.problems[0].path == "$.reservations"


# -- golden file ---------------------------------------------------------------------------------


def golden_events() -> tuple[Event, ...]:
    """The events of ``tests/golden/annulments_1.2.json``: every new shape of spec 1.2."""
    reserved = act(
        "2020-01-10",
        claimed_by=(CCC,),
        denied_by=(BBB,),
        reservations=("Without prejudice to the status of the disputed islands.",),
        notes="Synthetic parties: claims and reservations on an act.",
    )
    return (STP_RECOGNITION, STP_VETO, *PALESTINE_EVENTS, reserved)


class TestGolden:
    """The new shapes keep their wire form."""

    def test_loads_to_the_events(self) -> None:
        """The golden document loads as a Dossier of the events built here."""
        text = GOLDEN.read_text("utf-8")
        assert diplorec.loads(text, Dossier) == Dossier(events=golden_events())

    def test_written_byte_for_byte(self) -> None:
        """This release writes the golden document exactly."""
        written = diplorec.dumps(Dossier(events=golden_events()), indent=2) + "\n"
        assert GOLDEN.read_text("utf-8") == written

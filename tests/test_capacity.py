"""Tests of recognition *as what*: capacities, rival governments, stated policies, observed ties.

Real cases are encoded with their sources in the docstrings; the precedence table of
``diplorec._precedence`` is checked against its two written forms.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplorec
from diplorec import (
    DiplomaticTies,
    Dossier,
    Government,
    Organization,
    OrganizationKind,
    PolicyStance,
    RecognitionAct,
    RecognitionCapacity,
    RecognitionLedger,
    RecognitionPolicy,
    RecognitionWithdrawal,
    Standing,
    State,
    When,
    WithdrawalForm,
    _precedence,
)
from diplorec import strategies as ds
from diplorec.examples import russia_taliban_2025 as example
from diplorec.migrations import upgrade_event

ROOT = Path(__file__).resolve().parent.parent
UK = State(name="United Kingdom", iso3="GBR")
USA = State(name="United States", iso3="USA")
RUSSIA = State(name="Russia", iso3="RUS")
SYRIA = State(name="Syria", iso3="SYR")
VENEZUELA = State(name="Venezuela", iso3="VEN")
MYANMAR = State(name="Myanmar", iso3="MMR")
TURKEY = State(name="Turkey", iso3="TUR")
ASSAD = Government(name="Government of the Syrian Arab Republic", state=SYRIA)
COALITION = Organization(
    name="National Coalition for Syrian Revolutionary and Opposition Forces",
    kind=OrganizationKind.COUNCIL,
    state=SYRIA,
    acronym="SOC",
)
US_GOVERNMENT = Government(name="Government of the United States", state=USA)
CONFEDERACY = Government(name="Confederate States of America", state=USA)
MADURO = Government(name="Government of Nicolas Maduro", state=VENEZUELA)
GUAIDO = Government(name="Interim government of Juan Guaido", state=VENEZUELA)
GA = Organization(name="United Nations General Assembly", kind=OrganizationKind.INTERGOVERNMENTAL)
SAC = Organization(
    name="State Administration Council", kind=OrganizationKind.COUNCIL, state=MYANMAR
)
TRNC = State(name="Turkish Republic of Northern Cyprus", wikidata="Q23681")
UNSC = diplorec.reference.UN_SECURITY_COUNCIL
R, W, U = Standing.RECOGNIZED, Standing.WITHDRAWN, Standing.UNCERTAIN


def act(by: Any, of: Any, on: str, **fields: Any) -> RecognitionAct:
    return RecognitionAct(on=When.parse(on), recognizer=by, recognized=of, **fields)


def policy(holder: Any, stance: PolicyStance, on: str, **fields: Any) -> RecognitionPolicy:
    return RecognitionPolicy(on=When.parse(on), holder=holder, stance=stance, **fields)


def ledger(*events: Any) -> RecognitionLedger:
    return RecognitionLedger.from_events(events)


class TestCapacityOnTheModel:
    """A capacity is derived where the party's type settles it, and impossible pairs fail."""

    def test_derived(self) -> None:
        """A state is recognised as a state, a government as a government, by default."""
        assert act(UK, SYRIA, "1946").capacity is RecognitionCapacity.STATE
        assert act(UK, ASSAD, "1961").capacity is RecognitionCapacity.GOVERNMENT

    def test_required_for_an_organization(self) -> None:
        """On the wire, an organization without a capacity is refused at $.capacity."""
        data = diplorec.to_dict(
            act(UK, COALITION, "2012-11-20", capacity=RecognitionCapacity.REPRESENTATIVE)
        )
        del data["capacity"]
        with pytest.raises(diplorec.ValidationError) as caught:
            diplorec.from_dict(data, diplorec.Event)
        assert [p.path for p in caught.value.problems] == ["$.capacity"]

    @pytest.mark.parametrize(
        ("party", "capacity"),
        [
            (ASSAD, RecognitionCapacity.STATE),
            (SYRIA, RecognitionCapacity.GOVERNMENT),
            (GA, RecognitionCapacity.GOVERNMENT),
            (SYRIA, RecognitionCapacity.REPRESENTATIVE),
        ],
    )
    def test_impossible_pairs(self, party: Any, capacity: RecognitionCapacity) -> None:
        """State only for a state; government for a government or a council with a state."""
        data = diplorec.to_dict(act(UK, party, "2012", capacity=RecognitionCapacity.BELLIGERENCY))
        data["capacity"] = capacity.value
        with pytest.raises(diplorec.ValidationError) as caught:
            diplorec.from_dict(data, diplorec.Event)
        assert [p.path for p in caught.value.problems] == ["$.capacity"]

    def test_belligerency_of_anyone(self) -> None:
        """Belligerency and insurgency suit any party, a claimed state included."""
        for party in (SYRIA, ASSAD, COALITION):
            for capacity in (RecognitionCapacity.BELLIGERENCY, RecognitionCapacity.INSURGENCY):
                assert act(UK, party, "2012", capacity=capacity).capacity is capacity

    def test_id_keeps_the_usual_capacity_out(self) -> None:
        """Ids of acts without a capacity stay those of spec 1.0; another capacity changes it."""
        plain = act(UK, ASSAD, "1961")
        assert plain.id == act(UK, ASSAD, "1961", capacity=RecognitionCapacity.GOVERNMENT).id
        assert plain.id != act(UK, ASSAD, "1961", capacity=RecognitionCapacity.BELLIGERENCY).id


class TestSyrianCoalition:
    """The UK recognised the Syrian Opposition Coalition as representative, not as government."""

    def events(self, capacity: RecognitionCapacity) -> RecognitionLedger:
        """Foreign Secretary William Hague, House of Commons, 20 November 2012: the UK
        "now regard[s] the National Coalition as the sole legitimate representative of the
        Syrian people". The recognition of the Syrian government stands for the UK's
        recognition of the Syrian Arab Republic's government after 1961.
        """
        return ledger(
            act(UK, ASSAD, "1961-10"),
            act(UK, COALITION, "2012-11-20", capacity=capacity,
                described_as="the sole legitimate representative of the Syrian people"),
        )  # fmt: skip

    def test_assad_government_still_recognised(self) -> None:
        """In capacity representative, the recognition of the government stays in 2013."""
        found = self.events(RecognitionCapacity.REPRESENTATIVE)
        assert found.standing(UK, ASSAD, "2013") is R
        report = found.explain(UK, COALITION, "2013")
        assert report.standing is R
        assert report.capacity is RecognitionCapacity.REPRESENTATIVE
        assert "as a representative of the people of Syria" in str(report)

    def test_as_government_it_would_displace(self) -> None:
        """Coded as a recognition of a government, the same act ends the rival's recognition."""
        assert self.events(RecognitionCapacity.GOVERNMENT).standing(UK, ASSAD, "2013") is W


class TestConfederateBelligerency:
    """A recognition of belligerency ends nothing."""

    def test_neutrality_proclamation(self) -> None:
        """Queen Victoria's Proclamation of Neutrality, 13 May 1861, recognised the
        Confederate States as a belligerent; the UK never recognised them as a government.
        """
        found = ledger(
            act(UK, US_GOVERNMENT, "1783-09-03"),
            act(UK, CONFEDERACY, "1861-05-13", capacity=RecognitionCapacity.BELLIGERENCY),
        )
        assert found.standing(UK, US_GOVERNMENT, "1862") is R
        assert found.explain(UK, CONFEDERACY, "1862").capacity is RecognitionCapacity.BELLIGERENCY


class TestVenezuela2019:
    """Rival governments: recognising Guaido's ended the US's recognition of Maduro's."""

    def test_rivals(self) -> None:
        """On 23 January 2019 the United States recognised Juan Guaido, president of the
        National Assembly, as interim president of Venezuela (White House statement of that
        day); Russia kept recognising Nicolas Maduro's government.
        """
        found = ledger(
            act(USA, MADURO, "2013-04-19"),
            act(RUSSIA, MADURO, "2013-04-19"),
            act(USA, GUAIDO, "2019-01-23"),
        )
        assert found.standing(USA, MADURO, "2019-02") is W
        assert found.standing(USA, GUAIDO, "2019-02") is R
        assert found.standing(RUSSIA, MADURO, "2019-02") is R
        assert "2019-01-23" in str(found.explain(USA, MADURO, "2019-02-01"))

    def test_non_exclusive(self) -> None:
        """A recognition with exclusive=False leaves the rival recognised too."""
        found = ledger(
            act(USA, MADURO, "2013-04-19"), act(USA, GUAIDO, "2019-01-23", exclusive=False)
        )
        assert found.standing(USA, MADURO, "2019-02") is R
        assert found.standing(USA, GUAIDO, "2019-02") is R


class TestPolicies:
    """Stated policies: refusal is explicit, neutrality is soft."""

    def test_neutral_gives_abstains(self) -> None:
        """A neutral policy with no recognition in force gives ABSTAINS."""
        found = ledger(policy(UK, PolicyStance.NEUTRAL, "2021-09-01", subject=SAC))
        assert found.standing(UK, SAC, "2021-08-31") is Standing.NOT_RECOGNIZED
        assert found.standing(UK, SAC, "2022") is Standing.ABSTAINS

    def test_neutral_never_displaces_a_recognition(self) -> None:
        """A neutral policy leaves a recognition in force; after a withdrawal it abstains."""
        recognised = act(UK, ASSAD, "1961-10")
        neutral = policy(UK, PolicyStance.NEUTRAL, "2013", subject=ASSAD)
        assert ledger(recognised, neutral).standing(UK, ASSAD, "2014") is R
        withdrawn = RecognitionWithdrawal(on=When.parse("2012-06"), withdrawer=UK, recognized=ASSAD)
        assert (
            ledger(recognised, withdrawn, neutral).standing(UK, ASSAD, "2014") is Standing.ABSTAINS
        )

    def test_non_recognition_until_recognition(self) -> None:
        """A refusal gives REFUSED until a later recognition, and displaces an earlier one."""
        refusal = policy(USA, PolicyStance.NON_RECOGNITION, "2019-01-23", subject=MADURO)
        found = ledger(act(USA, MADURO, "2013-04-19"), refusal, act(USA, MADURO, "2030-01-01"))
        assert found.standing(USA, MADURO, "2018") is R
        assert found.standing(USA, MADURO, "2020") is Standing.REFUSED
        assert found.standing(USA, MADURO, "2030-01-02") is R

    def test_no_declarations_towards_every_government(self) -> None:
        """With no subject, a no-declarations policy reaches governments, not states."""
        found = ledger(
            policy(UK, PolicyStance.NO_DECLARATIONS, "1980-04-25"),
            act(RUSSIA, ASSAD, "2000"),
            act(RUSSIA, SYRIA, "1946"),
        )
        assert found.standing(UK, ASSAD, "2001") is Standing.ABSTAINS
        assert UK not in found.standings(SYRIA, "2001")

    def test_call_changes_no_standing(self) -> None:
        """UN Security Council resolution 541 (18 November 1983) called on all states not to
        recognise any Cypriot state other than the Republic of Cyprus; Turkey had recognised
        the "TRNC" on 15 November 1983, and its recognition stands.
        """
        call = policy(UNSC, PolicyStance.CALL_FOR_NON_RECOGNITION, "1983-11-18", subject=TRNC)
        found = ledger(act(TURKEY, TRNC, "1983-11-15"), call)
        assert found.standing(TURKEY, TRNC, "1984") is R

    def test_subject_required(self) -> None:
        """Neutrality and refusal name their subject; the wire reports $.subject."""
        with pytest.raises(diplorec.FieldError, match="subject"):
            policy(UK, PolicyStance.NON_RECOGNITION, "2020")


class TestMyanmar2021:
    """A deferred credentials decision is not a recognition."""

    def test_deferral(self) -> None:
        """On 1 December 2021 the UN General Assembly's Credentials Committee deferred its
        decision on Myanmar's representation (report A/76/550), and the Assembly adopted that
        on 6 December 2021: neither the military's State Administration Council nor its rival
        was recognised. Coded as the Assembly's neutral stance towards the Council.
        """
        deferral = policy(GA, PolicyStance.NEUTRAL, "2021-12-06", subject=SAC)
        found = ledger(deferral)
        assert found.standing(GA, SAC, "2022") is Standing.ABSTAINS
        assert found.recognizers(SAC, "2022") == ()


class TestObservedTies:
    """Ties with formal recognition are evidence, ranked below explicit acts."""

    def test_inside_and_after(self) -> None:
        """Inside the interval RECOGNIZED, both ways; after it, nothing on record."""
        ties = DiplomaticTies(
            on=When.parse("2000/2010"), parties=(UK, ASSAD), formal_recognition=True
        )
        found = ledger(ties)
        assert found.standing(UK, ASSAD, "2005") is R
        assert found.standing(ASSAD, UK, "2005") is R
        assert found.standing(UK, ASSAD, "2011") is Standing.NOT_RECOGNIZED

    def test_uncertain_at_imprecise_ends(self) -> None:
        """Days only possibly inside the interval answer UNCERTAIN."""
        ties = DiplomaticTies(
            on=When.parse("2000-05/2010"), parties=(UK, ASSAD), formal_recognition=True
        )
        assert ledger(ties).standing(UK, ASSAD, "2000-05-10") is U

    def test_never_over_an_explicit_withdrawal(self) -> None:
        """A withdrawal inside the interval stands, and Dossier.check() reports the clash."""
        ties = DiplomaticTies(
            on=When.parse("2000/2010"), parties=(UK, ASSAD), formal_recognition=True
        )
        withdrawn = RecognitionWithdrawal(
            on=When.parse("2005-01-01"), withdrawer=UK, recognized=ASSAD
        )
        assert ledger(ties, withdrawn).standing(UK, ASSAD, "2006") is W
        codes = [f.code for f in Dossier(events=(ties, withdrawn)).check()]
        assert "ties-against-explicit-act" in codes

    def test_worked_example_ties_end_the_day_before(self) -> None:
        """Russia's ties without recognition end on 2 July 2025; ending on the 3rd is flagged."""
        assert example.RUSSIA_TIES.on.latest == datetime.date(2025, 7, 2)
        late = attrs.evolve(example.RUSSIA_TIES, id="", on=When.parse("2021-08/2025-07-03"))
        events = (*(e for e in example.EVENTS if e is not example.RUSSIA_TIES), late)
        codes = [finding.code for finding in Dossier(events=events).check()]
        # the example's own finding: two sources place the March 2025 meeting apart
        assert codes == ["citation-contradicts-event", "ties-without-recognition-overlap"]


class TestChecks:
    """Dossier.check() reports recognitions against a call, and withdrawals of a state."""

    def test_contrary_to_call(self) -> None:
        """Turkey's recognition of 15 November 1983 predates resolution 541; a later one
        (here a hypothetical recognition by the United States in 1984) is reported.
        """
        call = policy(UNSC, PolicyStance.CALL_FOR_NON_RECOGNITION, "1983-11-18", subject=TRNC)
        turkey = act(TURKEY, TRNC, "1983-11-15")
        later = act(USA, TRNC, "1984-01-01")
        findings = Dossier(events=(turkey, call, later)).check()
        contrary = [f for f in findings if f.code == "recognition-contrary-to-call"]
        assert [f.event_ids for f in contrary] == [(later.id, call.id)]

    def test_state_withdrawal(self) -> None:
        """Withdrawing recognition of a state is reported; of a government it is not."""
        state = RecognitionWithdrawal(on=When.parse("2020"), withdrawer=UK, recognized=SYRIA)
        government = RecognitionWithdrawal(on=When.parse("2020"), withdrawer=UK, recognized=ASSAD)
        codes = [f.code for f in Dossier(events=(state, government)).check()]
        assert codes.count("state-recognition-withdrawn") == 1


class TestExplain:
    """explain(), recognized_by() and to_intervals() on the worked example and beyond."""

    def test_worked_example(self) -> None:
        """explain() names the act of 3 July 2025 and its capacity."""
        found = RecognitionLedger.from_events(example.EVENTS)
        report = found.explain(example.RUSSIA, example.ISLAMIC_EMIRATE, "2025-07-04")
        assert report.events == (example.RECOGNITION.id,)
        assert report.legal_status is diplorec.LegalStatus.DE_JURE
        assert not report.conditional
        assert str(report).startswith("Russia recognizes the Islamic Emirate of Afghanistan as")
        assert "2025-07-03" in str(report)
        before = found.explain(example.RUSSIA, example.ISLAMIC_EMIRATE, "2025-07-02")
        assert before.standing is Standing.NOT_RECOGNIZED
        assert before.events == ()

    def test_unknown_party(self) -> None:
        """The new methods refuse unknown parties like standing() does."""
        found = RecognitionLedger.from_events(example.EVENTS)
        with pytest.raises(diplorec.UnknownPartyError):
            found.explain("state:rus", example.ISLAMIC_EMIRATE, "2025")
        with pytest.raises(diplorec.UnknownPartyError):
            found.recognized_by("state:rus", "2025")

    def test_recognized_by(self) -> None:
        """Everything a party recognises on a date, and nothing it has withdrawn."""
        found = ledger(
            act(USA, MADURO, "2013-04-19"), act(USA, GUAIDO, "2019-01-23"), act(USA, SYRIA, "1946")
        )
        assert found.recognized_by(USA, "2020") == (GUAIDO, SYRIA)


class TestPrecedenceTable:
    """The table is written once, as data, and its two written forms follow it."""

    def test_docstring(self) -> None:
        """The module docstring holds table() between its markers."""
        doc = _precedence.__doc__ or ""
        inside = doc.split(".. RULES-TABLE-START\n\n", 1)[1].split("\n\n.. RULES-TABLE-END", 1)[0]
        assert inside == _precedence.table()

    def test_analysis_docs(self) -> None:
        """docs/analysis.md holds markdown_table() between its markers."""
        text = (ROOT / "docs" / "analysis.md").read_text("utf-8")
        found = re.search(
            r"<!-- RULES-TABLE-START -->\n\n(.*?)\n\n<!-- RULES-TABLE-END -->", text, re.S
        )
        assert found is not None
        assert found.group(1) == _precedence.markdown_table()

    def test_every_layer_has_a_rule(self) -> None:
        """Soft rules never replace a recognition in force; explicit rules replace anything."""
        assert Standing.RECOGNIZED not in _precedence.Layer.SOFT.replaces
        assert Standing.CONDITIONAL not in _precedence.Layer.SOFT.replaces
        assert Standing.WITHDRAWN not in _precedence.Layer.OBSERVED.replaces
        assert _precedence.Layer.EXPLICIT.replaces == frozenset(Standing)


class TestWithdrawalFields:
    """Withdrawals carry a form, an instrument and an addressee, and keep them on the wire."""

    def test_round_trip(self) -> None:
        """An implied withdrawal by severing relations survives dumps/loads."""
        withdrawal = RecognitionWithdrawal(
            on=When.parse("2019-01-23"), withdrawer=VENEZUELA, recognized=US_GOVERNMENT,
            form=WithdrawalForm.IMPLIED, addressee=US_GOVERNMENT,
            instrument=diplorec.RecognitionInstrument.STATEMENT,
        )  # fmt: skip
        assert diplorec.loads(diplorec.dumps(withdrawal), diplorec.Event) == withdrawal


class TestMigration:
    """Spec 1.0 recognitions of organizations get the capacity the 1.0 ledger gave them."""

    def test_capacity_from_kind(self) -> None:
        """A council with a state becomes a government; any other organization a representative."""
        for party, capacity in ((COALITION, "government"), (GA, "representative")):
            record = diplorec.to_dict(
                act(UK, party, "2012", capacity=RecognitionCapacity.BELLIGERENCY)
            )
            del record["capacity"], record["exclusive"], record["id"]
            assert upgrade_event(record, "1.0")["capacity"] == capacity


@st.composite
def _histories(draw: st.DrawFn) -> list[Any]:
    parties = st.sampled_from([UK, USA, MADURO, GUAIDO, ASSAD, COALITION])
    kinds = (RecognitionAct, RecognitionWithdrawal, RecognitionPolicy, DiplomaticTies)
    return draw(st.lists(ds.events(types=kinds, among=parties, sources=()), max_size=8))


class TestProperties:
    """Order independence with the new events; to_intervals() agrees with standing()."""

    @settings(max_examples=60, deadline=None)
    @given(_histories(), st.randoms(use_true_random=False))
    def test_order_independent(self, events: list[Any], random: Any) -> None:
        """Shuffling the events changes no interval of the ledger."""
        shuffled = list(events)
        random.shuffle(shuffled)
        assert RecognitionLedger.from_events(events).to_intervals() == (
            RecognitionLedger.from_events(shuffled).to_intervals()
        )

    @settings(max_examples=60, deadline=None)
    @given(_histories(), st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)))
    def test_intervals_agree_with_standing(self, events: list[Any], day: datetime.date) -> None:
        """On any day, the row covering it gives standing(); before every row, not-recognized."""
        found = RecognitionLedger.from_events(events)
        for row in found.to_intervals():
            covers = row.start <= day and (row.end is None or day <= row.end)
            if covers:
                assert found.standing(row.recognizer, row.recognized, day) is row.standing


class TestCodesAndClaims:
    """Policies have CAMEO codes and a dyad; they never confirm a claim about another act."""

    def test_cameo_and_dyad(self) -> None:
        """A refusal is CAMEO 120 (reject), a call on others 022 (appeal for cooperation)."""
        refusal = policy(USA, PolicyStance.NON_RECOGNITION, "2019", subject=MADURO)
        call = policy(UNSC, PolicyStance.CALL_FOR_NON_RECOGNITION, "1983-11-18", subject=TRNC)
        assert diplorec.cameo(refusal).code == "120"
        assert diplorec.cameo(call).code == "022"
        assert diplorec.dyad(call) == (UNSC, TRNC)

    def test_policy_does_not_confirm_a_claimed_withdrawal(self) -> None:
        """A claimed withdrawal and a refusal on the same day: the order is unknown."""
        claimed = RecognitionWithdrawal(
            on=When.parse("2010-05-01"), withdrawer=USA, recognized=MADURO,
            certainty=diplorec.Certainty.CLAIMED,
        )  # fmt: skip
        refusal = policy(USA, PolicyStance.NON_RECOGNITION, "2010-05-01", subject=MADURO)
        found = ledger(act(USA, MADURO, "2000"), claimed, refusal)
        assert found.standing(USA, MADURO, "2011") is U
        assert all(entry.superseded_by is None for entry in found.timeline(MADURO))

    def test_neutral_after_a_doubtful_recognition(self) -> None:
        """A neutral policy cannot settle a recognition that is itself claimed."""
        claimed = act(USA, GUAIDO, "2019-01-23", certainty=diplorec.Certainty.CLAIMED)
        neutral = policy(USA, PolicyStance.NEUTRAL, "2020", subject=GUAIDO)
        assert ledger(claimed, neutral).standing(USA, GUAIDO, "2021") is U

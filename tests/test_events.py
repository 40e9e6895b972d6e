"""Tests of diplorec.events: field rules, cross-field rules, ids, actors and links."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from diplorec import (
    AppointmentStage,
    Certainty,
    Characterization,
    Citation,
    CodedEvent,
    CredentialDocument,
    CredentialPresentation,
    DesignationAction,
    DesignationChange,
    DiplomaticRank,
    DiplomaticTies,
    Envoy,
    EnvoyAppointment,
    FieldError,
    Government,
    LegalStatus,
    Meeting,
    MeetingMode,
    Official,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PolicyStance,
    RecognitionAct,
    RecognitionForm,
    RecognitionInstrument,
    RecognitionPolicy,
    RecognitionWithdrawal,
    RelationsAction,
    RelationsChange,
    RepresentationLevel,
    Source,
    Stance,
    State,
    Statement,
    When,
    WithdrawalKind,
)
from diplorec import strategies as ds
from diplorec.actors import PARTY_TYPES, Party
from diplorec.events import EVENT_TYPES, Annulment, RecognitionPledge
from diplorec.reference import AFGHANISTAN, CHINA, QATAR, RUSSIA, UNITED_STATES
from diplorec.vocab import AnnulmentKind

DAY = When.parse("2025-07-03")
EMIRATE = Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN)
REPUBLIC = Government(name="Islamic Republic of Afghanistan", state=AFGHANISTAN)
TAIWAN = Government(name="Republic of China", state=State(name="China", iso3="CHN"))
HASSAN = Person(name="Gul Hassan Hassan")
RUDENKO = Official(
    person=Person(name="Andrey Rudenko"),
    office="Deputy Minister of Foreign Affairs",
    on_behalf_of=RUSSIA,
)
MUTTAQI = Official(
    person=Person(name="Amir Khan Muttaqi"),
    office="Minister of Foreign Affairs",
    on_behalf_of=EMIRATE,
    acting=True,
)
ENVOY = Envoy(person=HASSAN, rank=DiplomaticRank.AMBASSADOR, sending=EMIRATE, receiving=RUSSIA)
TALIBAN = Organization(name="Taliban", kind=OrganizationKind.MOVEMENT)
COURT = Organization(name="Supreme Court", kind=OrganizationKind.COURT, state=RUSSIA)
CITATION = Citation(source=Source(title="A report"))
UP, DOWN = RelationsAction.UPGRADED, RelationsAction.DOWNGRADED

# Valid keyword arguments for each event class; tests change one or two of them.
VALID: dict[type, dict[str, Any]] = {
    RecognitionAct: {
        "on": DAY,
        "recognizer": RUSSIA,
        "recognized": EMIRATE,
        "form": RecognitionForm.IMPLIED,
    },
    RecognitionWithdrawal: {"on": DAY, "withdrawer": RUSSIA, "recognized": EMIRATE},
    CredentialPresentation: {
        "on": DAY,
        "envoy": ENVOY,
        "document": CredentialDocument.TRUE_COPY,
        "received_by": RUDENKO,
    },
    EnvoyAppointment: {"on": DAY, "envoy": ENVOY},
    Meeting: {"on": DAY, "participants": (RUDENKO, MUTTAQI)},
    Statement: {"on": DAY, "speaker": MUTTAQI, "stance": Stance.WELCOMES},
    DesignationChange: {
        "on": DAY,
        "authority": COURT,
        "entity": TALIBAN,
        "action": DesignationAction.SUSPEND,
        "list_name": "Federal list of terrorist organisations",
    },
    RelationsChange: {
        "on": DAY,
        "parties": (RUSSIA, EMIRATE),
        "action": RelationsAction.ESTABLISHED,
    },
    DiplomaticTies: {"on": DAY, "parties": (QATAR, EMIRATE)},
    CodedEvent: {"on": DAY, "cameo": "054", "description": "Russia recognises the Taliban."},
    RecognitionPolicy: {"on": DAY, "holder": RUSSIA, "stance": PolicyStance.NEUTRAL,
                        "subject": EMIRATE},
    Annulment: {"on": DAY, "annuls": "recognition-act:0123456789abcdef", "by": RUSSIA,
                "kind": AnnulmentKind.RETRACTED},
    RecognitionPledge: {"on": DAY, "pledger": RUSSIA, "recognized": EMIRATE},
}  # fmt: skip


def _build(cls: type, **changes: Any) -> Any:
    return cls(**(VALID[cls] | changes))


def _rejects(cls: type, field: str, **changes: Any) -> FieldError:
    with pytest.raises(FieldError) as info:
        _build(cls, **changes)
    assert info.value.field == field
    return info.value


# Rules every event shares: (field, bad value).
COMMON_INVALID: list[tuple[str, Any]] = [
    ("id", "no-colon"),
    ("id", "kind:with space"),
    ("id", "Kind:x"),
    ("on", "3 July 2025"),  # text converts only when it is EDTF
    ("on", None),
    ("place", "Moscow"),
    ("sources", [CITATION]),
    ("sources", (Source(title="A report"),)),
    ("sources", CITATION),
    ("certainty", "Confirmed"),  # values convert only as spelt
    ("certainty", None),
    ("notes", ""),
    ("notes", "  "),
    ("notes", "a\x00b"),
    ("notes", "x" * 100_001),
]

# (class, field, bad value): the field rules of each event class.
INVALID: list[tuple[type, str, Any]] = [
    (RecognitionAct, "recognizer", HASSAN),
    (RecognitionAct, "recognized", "Afghanistan"),
    (RecognitionAct, "legal_status", "de jure"),
    (RecognitionAct, "form", None),
    (RecognitionAct, "instrument", "Decree"),
    (RecognitionAct, "conditions", ["Respect minority rights."]),
    (RecognitionAct, "conditions", ("",)),
    (RecognitionAct, "conditions", (None,)),
    (RecognitionAct, "collective_with", [CHINA]),
    (RecognitionAct, "collective_with", (CHINA, CHINA)),
    (RecognitionAct, "collective_with", (HASSAN,)),
    (RecognitionAct, "announced", "2025-07-33"),
    (RecognitionAct, "effective", 2025),
    (RecognitionAct, "characterization", "called recognition"),
    (RecognitionAct, "described_as", ""),
    (RecognitionAct, "basis", ("credential-presentation:1", "credential-presentation:1")),
    (RecognitionAct, "basis", ("not an id",)),
    (RecognitionAct, "basis", "credential-presentation:1"),
    (RecognitionWithdrawal, "withdrawer", None),
    (RecognitionWithdrawal, "kind", "Switch"),
    (RecognitionWithdrawal, "in_favour_of", HASSAN),
    (RecognitionWithdrawal, "claimed_by", (QATAR, QATAR)),
    (RecognitionWithdrawal, "denied_by", [RUSSIA]),
    (RecognitionWithdrawal, "announced", "2025 AD"),
    (RecognitionWithdrawal, "basis", ("x",)),
    (CredentialPresentation, "envoy", HASSAN),
    (CredentialPresentation, "document", "true copy"),
    (CredentialPresentation, "received_by", RUSSIA),
    (EnvoyAppointment, "envoy", None),
    (EnvoyAppointment, "stage", "Appointed"),
    (EnvoyAppointment, "predecessor", "Jamal Nasir Garwal"),
    (Meeting, "participants", [RUDENKO, MUTTAQI]),
    (Meeting, "participants", (RUDENKO, HASSAN)),
    (Meeting, "mode", "telephone"),
    (Meeting, "host", RUDENKO),
    (Meeting, "subject", ""),
    (Meeting, "concerning", ("a:b", "a:b")),
    (Statement, "speaker", HASSAN),
    (Statement, "stance", "welcome"),
    (Statement, "about", (RUSSIA, RUSSIA)),
    (Statement, "about", (RUDENKO,)),
    (Statement, "quote", "\x00"),
    (Statement, "concerning", ("recognition act",)),
    (DesignationChange, "authority", "Supreme Court"),
    (DesignationChange, "entity", None),
    (DesignationChange, "action", "de-list"),
    (DesignationChange, "list_name", ""),
    (DesignationChange, "effective", "2025-04-31"),
    (RelationsChange, "parties", [RUSSIA, EMIRATE]),
    (RelationsChange, "parties", (RUSSIA, HASSAN)),
    (RelationsChange, "action", "establish"),
    (RelationsChange, "initiated_by", HASSAN),
    (RelationsChange, "level_before", "None"),
    (RelationsChange, "level_after", 3),
    (DiplomaticTies, "level", "Ambassador"),
    (DiplomaticTies, "envoys_exchanged", 1),
    (DiplomaticTies, "formal_recognition", "no"),
    (DiplomaticTies, "formal_recognition", math.nan),
    (CodedEvent, "cameo", "54"),
    (CodedEvent, "cameo", 54),
    (CodedEvent, "cameo", "0540"),
    (CodedEvent, "cameo", "999"),
    (CodedEvent, "cameo", ""),
    (CodedEvent, "description", ""),
    (CodedEvent, "description", None),
    (CodedEvent, "actor", HASSAN),
    (CodedEvent, "target", "Afghanistan"),
    (CodedEvent, "concerning", ["a:b"]),
]


def _case_id(case: tuple[type, str, Any]) -> str:
    cls, field, value = case
    return f"{cls.__name__}.{field}={value!r}"[:70]


class TestValidConstruction:
    """Every event class builds from valid values, with the shared defaults."""

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_builds_with_defaults(self, cls: type) -> None:
        """Shared fields default to no place, no sources, 'reported' and no notes."""
        event = _build(cls)
        assert (event.place, event.sources, event.certainty, event.notes) == (
            None,
            (),
            Certainty.REPORTED,
            None,
        )
        assert event.id.startswith(f"{cls.TAG}:")

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_shared_fields(self, cls: type) -> None:
        """place, sources, certainty and notes are accepted on every event."""
        event = _build(
            cls,
            place=Place(name="Moscow"),
            sources=(CITATION,),
            certainty=Certainty.DISPUTED,
            notes="Reported by one outlet.",
        )
        assert event.sources == (CITATION,)

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_frozen(self, cls: type) -> None:
        """Events cannot be changed after construction."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _build(cls).on = DAY

    def test_tags_are_unique_kebab_case(self) -> None:
        """Each event class has its own kebab-case tag."""
        tags = [cls.TAG for cls in EVENT_TYPES]
        assert len(set(tags)) == len(tags)
        assert all(tag == tag.lower() and " " not in tag and tag for tag in tags)

    @pytest.mark.parametrize("code", ["010", "054", "043", "161", "190", "01", "20"])
    def test_cameo_codes_accepted(self, code: str) -> None:
        """Codes from the CAMEO table, root and leaf, are accepted."""
        assert _build(CodedEvent, cameo=code).cameo == code

    def test_cameo_label(self) -> None:
        """cameo_label reads the label from the CAMEO table."""
        assert _build(CodedEvent, cameo="054").cameo_label == "Grant diplomatic recognition"


class TestFieldRules:
    """Every field rule raises FieldError naming the field."""

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    @pytest.mark.parametrize(("field", "value"), COMMON_INVALID, ids=lambda x: repr(x)[:30])
    def test_shared_fields(self, cls: type, field: str, value: Any) -> None:
        """The shared fields have the same rules on every event."""
        _rejects(cls, field, **{field: value})

    @pytest.mark.parametrize(("cls", "field", "value"), INVALID, ids=map(_case_id, INVALID))
    def test_own_fields(self, cls: type, field: str, value: Any) -> None:
        """Each invalid value raises FieldError for its field."""
        _rejects(cls, field, **{field: value})

    def test_cameo_message_mentions_leading_zeros(self) -> None:
        """'54' is refused with a reminder that CAMEO codes keep leading zeros."""
        error = _rejects(CodedEvent, "cameo", cameo="54")
        assert "'054'" in error.reason
        assert "leading zeros matter" in error.reason


class TestCrossFieldRules:
    """Rules across fields that are always true are enforced."""

    def test_recognizer_recognizing_itself(self) -> None:
        """A party cannot recognise itself."""
        with pytest.raises(ValueError, match="'state:RUS' cannot recognise itself"):
            _build(RecognitionAct, recognized=RUSSIA)

    def test_recognizer_compared_by_id(self) -> None:
        """Two descriptions of the same state are the same party."""
        with pytest.raises(ValueError, match="cannot recognise itself"):
            _build(RecognitionAct, recognized=State(name="Russian Federation", iso3="RUS"))

    @pytest.mark.parametrize("partner", [RUSSIA, EMIRATE])
    def test_collective_with_the_parties_themselves(self, partner: Any) -> None:
        """collective_with lists partners, not the recognizer or the recognised."""
        _rejects(RecognitionAct, "collective_with", collective_with=(CHINA, partner))

    def test_withdrawer_from_itself(self) -> None:
        """A party cannot withdraw recognition from itself."""
        with pytest.raises(ValueError, match="cannot withdraw recognition from itself"):
            _build(RecognitionWithdrawal, recognized=RUSSIA)

    @pytest.mark.parametrize("rival", [RUSSIA, EMIRATE])
    def test_in_favour_of_a_party_of_the_withdrawal(self, rival: Any) -> None:
        """The rival of a switch differs from the withdrawer and the party losing recognition."""
        _rejects(
            RecognitionWithdrawal, "in_favour_of", kind=WithdrawalKind.SWITCH, in_favour_of=rival
        )

    @pytest.mark.parametrize("kind", [WithdrawalKind.WITHDRAWAL, WithdrawalKind.SUSPENSION])
    def test_in_favour_of_needs_a_switch(self, kind: WithdrawalKind) -> None:
        """Moving recognition to a rival is a switch."""
        error = _rejects(RecognitionWithdrawal, "kind", kind=kind, in_favour_of=REPUBLIC)
        assert "is a switch" in error.reason

    def test_claimed_and_denied_by_the_same_party(self) -> None:
        """No party both claims and denies one withdrawal."""
        _rejects(RecognitionWithdrawal, "denied_by", claimed_by=(QATAR,), denied_by=(QATAR, RUSSIA))

    def test_envoy_sent_to_its_sender(self) -> None:
        """An envoy's sender and receiver differ."""
        with pytest.raises(ValueError, match="sender and receiver"):
            Envoy(person=HASSAN, rank=DiplomaticRank.AMBASSADOR, sending=RUSSIA, receiving=RUSSIA)

    def test_envoy_receiving_own_credentials(self) -> None:
        """The envoy is not the official who receives the credentials."""
        self_receiving = Official(person=HASSAN, office="Ambassador", on_behalf_of=EMIRATE)
        _rejects(CredentialPresentation, "received_by", received_by=self_receiving)

    def test_own_predecessor(self) -> None:
        """An envoy does not succeed themself."""
        _rejects(EnvoyAppointment, "predecessor", predecessor=HASSAN)

    @pytest.mark.parametrize("participants", [(), (RUDENKO,), (RUDENKO, RUDENKO)])
    def test_meeting_needs_two_distinct_participants(self, participants: Any) -> None:
        """A meeting has at least two participants, none listed twice."""
        _rejects(Meeting, "participants", participants=participants)

    def test_meeting_of_three(self) -> None:
        """Meetings may have more than two participants, officials and parties mixed."""
        assert len(_build(Meeting, participants=(RUDENKO, MUTTAQI, QATAR)).participants) == 3

    @pytest.mark.parametrize("cls", [RelationsChange, DiplomaticTies])
    @pytest.mark.parametrize(
        "parties", [(), (RUSSIA,), (RUSSIA, EMIRATE, QATAR), (RUSSIA, RUSSIA)], ids=len
    )
    def test_relations_have_two_parties(self, cls: type, parties: Any) -> None:
        """Relations and ties are between exactly two different parties."""
        _rejects(cls, "parties", parties=parties)

    def test_designation_of_itself(self) -> None:
        """An authority does not designate itself."""
        with pytest.raises(ValueError, match="cannot designate itself"):
            _build(DesignationChange, entity=COURT)

    @pytest.mark.parametrize(
        ("action", "before", "after"),
        [
            (UP, RepresentationLevel.AMBASSADOR, RepresentationLevel.CHARGE_D_AFFAIRES),
            (UP, RepresentationLevel.MINISTER, RepresentationLevel.MINISTER),
            (UP, RepresentationLevel.OTHER, RepresentationLevel.NONE),
            (DOWN, RepresentationLevel.CHARGE_D_AFFAIRES, RepresentationLevel.AMBASSADOR),
            (DOWN, RepresentationLevel.AMBASSADOR, RepresentationLevel.AMBASSADOR),
            (DOWN, RepresentationLevel.NONE, RepresentationLevel.OTHER),
        ],
    )
    def test_level_change_against_its_action(
        self, action: RelationsAction, before: RepresentationLevel, after: RepresentationLevel
    ) -> None:
        """An upgrade must raise the representation level, a downgrade lower it."""
        _rejects(
            RelationsChange, "level_after", action=action, level_before=before, level_after=after
        )

    def test_upgrade_and_downgrade_that_do_what_they_say(self) -> None:
        """Upgrades that raise and downgrades that lower are accepted."""
        up = _build(
            RelationsChange,
            action=RelationsAction.UPGRADED,
            level_before=RepresentationLevel.CHARGE_D_AFFAIRES,
            level_after=RepresentationLevel.AMBASSADOR,
        )
        down = _build(
            RelationsChange,
            action=RelationsAction.DOWNGRADED,
            level_before=RepresentationLevel.AMBASSADOR,
            level_after=RepresentationLevel.NONE,
        )
        assert up.level_after.rank > up.level_before.rank
        assert down.level_after.rank < down.level_before.rank

    def test_upgrade_with_one_level_unknown(self) -> None:
        """With only one level known, an upgrade cannot be checked and is accepted."""
        event = _build(
            RelationsChange,
            action=RelationsAction.UPGRADED,
            level_after=RepresentationLevel.NONE,
        )
        assert event.level_before is None


class TestRulesRealDataBreaks:
    """Tempting rules that real records break are deliberately not enforced."""

    def test_effective_before_announcement(self) -> None:
        """A switch announced 14 January 2008 'effective' 27 December 2007 is accepted."""
        act = _build(
            RecognitionAct,
            on=When.parse("2008-01-14"),
            announced=When.parse("2008-01-14"),
            effective=When.parse("2007-12-27"),
        )
        assert act.effective is not None
        assert act.announced is not None
        assert act.effective.definitely_before(act.announced)

    def test_effective_before_the_event_date(self) -> None:
        """The effective date may precede the event's own date."""
        withdrawal = _build(
            RecognitionWithdrawal,
            on=When.parse("2008-01-14"),
            effective=When.parse("2007-12-27"),
        )
        assert withdrawal.effective == When.parse("2007-12-27")

    def test_announced_after_effective_withdrawal(self) -> None:
        """Announcement and effect can come in any order for withdrawals too."""
        withdrawal = _build(
            RecognitionWithdrawal,
            announced=When.parse("2024-05-28"),
            effective=When.parse("2024-05-22"),
        )
        assert withdrawal.announced is not None

    def test_withdrawal_claimed_by_a_third_party_and_denied(self) -> None:
        """A third state may claim a withdrawal that the withdrawer denies."""
        withdrawal = _build(
            RecognitionWithdrawal,
            claimed_by=(UNITED_STATES,),
            denied_by=(RUSSIA,),
            certainty=Certainty.DISPUTED,
        )
        assert withdrawal.disputed

    def test_recognition_denied_by_the_recognizer(self) -> None:
        """An act may be recorded as recognition even though the actor denied it was one."""
        act = _build(
            RecognitionAct,
            recognizer=CHINA,
            instrument=RecognitionInstrument.ACCEPTANCE_OF_CREDENTIALS,
            characterization=Characterization.DENIED_RECOGNITION,
            described_as="a normal diplomatic arrangement",
        )
        assert act.characterization is Characterization.DENIED_RECOGNITION

    def test_recognition_back_and_forth(self) -> None:
        """A state may recognise, withdraw and recognise again (Nauru: 2002, 2005, 2024)."""
        nauru = State(name="Nauru", iso3="NRU")
        events = [
            _build(RecognitionAct, on=When.parse("2002"), recognizer=nauru, recognized=EMIRATE),
            _build(RecognitionWithdrawal, on=When.parse("2005"), withdrawer=nauru),
            _build(RecognitionAct, on=When.parse("2024"), recognizer=nauru, recognized=EMIRATE),
        ]
        assert len({event.id for event in events}) == 3

    def test_de_facto_recognition_by_express_statement(self) -> None:
        """Legal status and form are independent: de facto can be stated expressly."""
        act = _build(
            RecognitionAct, legal_status=LegalStatus.DE_FACTO, form=RecognitionForm.EXPRESS
        )
        assert act.legal_status is LegalStatus.DE_FACTO


class TestDerivedIds:
    """Event ids are deterministic from identifying content."""

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_same_content_same_id(self, cls: type) -> None:
        """Building the same event twice gives the same id."""
        assert _build(cls).id == _build(cls).id

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_annotations_do_not_change_the_id(self, cls: type) -> None:
        """Sources, notes, certainty and place are not part of the identity."""
        plain = _build(cls)
        annotated = _build(
            cls,
            sources=(CITATION,),
            notes="Two coders, one act.",
            certainty=Certainty.CLAIMED,
            place=Place(name="Moscow"),
        )
        assert annotated.id == plain.id
        assert annotated != plain

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_date_changes_the_id(self, cls: type) -> None:
        """A different date is a different event."""
        assert _build(cls, on=When.parse("2025-07-04")).id != _build(cls).id

    @pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda cls: cls.__name__)
    def test_date_precision_changes_the_id(self, cls: type) -> None:
        """'2025-07' and '2025-07-03' are different dates."""
        assert _build(cls, on=When.parse("2025-07")).id != _build(cls).id

    @pytest.mark.parametrize(
        ("cls", "changes"),
        [
            (RecognitionAct, {"recognizer": CHINA}),
            (RecognitionAct, {"recognized": AFGHANISTAN}),
            (RecognitionWithdrawal, {"withdrawer": QATAR}),
            (RecognitionWithdrawal, {"recognized": TAIWAN}),
            (
                CredentialPresentation,
                {
                    "envoy": Envoy(
                        person=HASSAN,
                        rank=DiplomaticRank.AMBASSADOR,
                        sending=EMIRATE,
                        receiving=CHINA,
                    )
                },
            ),
            (CredentialPresentation, {"document": CredentialDocument.LETTERS_OF_CREDENCE}),
            (EnvoyAppointment, {"stage": AppointmentStage.AGREMENT_GRANTED}),
            (Meeting, {"participants": (RUDENKO, QATAR)}),
            (Statement, {"stance": Stance.CRITICISES}),
            (Statement, {"speaker": RUDENKO}),
            (Statement, {"concerning": ("recognition-act:1",)}),
            (DesignationChange, {"action": DesignationAction.DELIST}),
            (DesignationChange, {"entity": EMIRATE}),
            (RelationsChange, {"parties": (RUSSIA, QATAR)}),
            (RelationsChange, {"action": RelationsAction.SEVERED}),
            (DiplomaticTies, {"parties": (CHINA, EMIRATE)}),
            (CodedEvent, {"cameo": "043"}),
            (CodedEvent, {"actor": RUSSIA}),
        ],
        ids=lambda x: x.__name__ if isinstance(x, type) else "-".join(x),
    )
    def test_parties_and_kind_change_the_id(self, cls: type, changes: dict[str, Any]) -> None:
        """Different parties or a different kind of act give a different id."""
        assert _build(cls, **changes).id != _build(cls).id

    def test_different_classes_differ(self) -> None:
        """Ids start with the event's tag, so no two classes share one."""
        ids = {_build(cls).id.split(":")[0] for cls in EVENT_TYPES}
        assert ids == {cls.TAG for cls in EVENT_TYPES}

    def test_participant_order_does_not_matter(self) -> None:
        """A meeting of A and B is the meeting of B and A."""
        assert (
            _build(Meeting, participants=(MUTTAQI, RUDENKO)).id
            == _build(Meeting, participants=(RUDENKO, MUTTAQI)).id
        )

    def test_parties_identified_by_id(self) -> None:
        """A differently described party with the same id gives the same event id."""
        also_russia = State(name="Russian Federation", iso3="RUS")
        assert _build(RecognitionAct, recognizer=also_russia).id == _build(RecognitionAct).id

    def test_explicit_id_kept(self) -> None:
        """A valid explicit id is kept; derived_id() still gives the content id."""
        event = _build(RecognitionAct, id="recognition-act:rus-afg-2025")
        assert event.id == "recognition-act:rus-afg-2025"
        assert event.derived_id() == _build(RecognitionAct).id

    def test_empty_id_means_derive(self) -> None:
        """id="" asks for the derived id."""
        assert _build(RecognitionAct, id="").id == _build(RecognitionAct).id

    def test_id_shape(self) -> None:
        """A derived id is the tag, a colon and sixteen hex digits."""
        tag, digest = _build(Meeting).id.split(":")
        assert tag == "meeting"
        assert len(digest) == 16
        int(digest, 16)

    def test_pinned_value(self) -> None:
        """The derivation is stable across releases: this id is part of the data."""
        assert _build(RecognitionAct).id == "recognition-act:03bc9e0e96247bfe"


class TestActorsAndLinks:
    """actors() lists the parties an event names; links() the events it refers to."""

    def test_recognition_actors(self) -> None:
        """Recognizer, recognised and collective partners, in field order."""
        act = _build(RecognitionAct, collective_with=(CHINA, QATAR))
        assert list(act.actors()) == [RUSSIA, EMIRATE, CHINA, QATAR]

    def test_credential_actors(self) -> None:
        """An envoy brings sender and receiver; an official the party they act for."""
        assert list(_build(CredentialPresentation).actors()) == [EMIRATE, RUSSIA, RUSSIA]

    def test_meeting_actors(self) -> None:
        """Participants and host."""
        meeting = _build(Meeting, participants=(RUDENKO, MUTTAQI, QATAR), host=EMIRATE)
        assert list(meeting.actors()) == [RUSSIA, EMIRATE, QATAR, EMIRATE]

    def test_withdrawal_actors(self) -> None:
        """Withdrawer, recognised, rival, claimants and deniers."""
        withdrawal = _build(
            RecognitionWithdrawal,
            kind=WithdrawalKind.SWITCH,
            in_favour_of=REPUBLIC,
            claimed_by=(QATAR,),
            denied_by=(RUSSIA,),
        )
        assert list(withdrawal.actors()) == [RUSSIA, EMIRATE, REPUBLIC, QATAR, RUSSIA]

    @settings(max_examples=200, deadline=None)
    @given(ds.events())
    def test_actors_equal_a_walk_of_every_field(self, event: Any) -> None:
        """Every party in field order, as a plain recursive walk of the fields finds them."""

        def walk(value: Any) -> Iterator[Party]:
            if isinstance(value, PARTY_TYPES):
                yield value
            elif isinstance(value, Official):
                yield value.on_behalf_of
            elif isinstance(value, Envoy):
                yield from (value.sending, value.receiving)
            elif isinstance(value, tuple):
                for item in value:
                    yield from walk(item)

        expected = [
            p for field in attrs.fields(type(event)) for p in walk(getattr(event, field.name))
        ]
        assert list(event.actors()) == expected

    def test_place_country_is_not_an_actor(self) -> None:
        """Where an event happened does not make the host country an actor."""
        event = _build(CodedEvent, place=Place(name="Doha", country=QATAR))
        assert list(event.actors()) == []

    def test_links(self) -> None:
        """basis and concerning are the event's links to other events."""
        act = _build(RecognitionAct, basis=("credential-presentation:1",))
        meeting = _build(Meeting, concerning=("recognition-act:1", "statement:2"))
        assert act.links() == ("credential-presentation:1",)
        assert meeting.links() == ("recognition-act:1", "statement:2")
        assert _build(DiplomaticTies).links() == ()


class TestProperties:
    """Convenience properties say what the fields imply."""

    def test_conditional(self) -> None:
        """A recognition with conditions is conditional."""
        assert _build(RecognitionAct, conditions=("Release of hostages.",)).conditional
        assert not _build(RecognitionAct).conditional

    def test_collective(self) -> None:
        """A recognition with partners is collective."""
        assert _build(RecognitionAct, collective_with=(CHINA,)).collective
        assert not _build(RecognitionAct).collective

    def test_disputed(self) -> None:
        """A withdrawal someone denies is disputed."""
        assert _build(RecognitionWithdrawal, denied_by=(RUSSIA,)).disputed
        assert not _build(RecognitionWithdrawal, claimed_by=(QATAR,)).disputed

    def test_meeting_defaults(self) -> None:
        """Meetings are in person unless stated."""
        assert _build(Meeting).mode is MeetingMode.IN_PERSON

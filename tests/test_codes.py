"""The CAMEO / PLOVER crosswalk: every event class gets a code from the shipped table."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from diplorec import (
    AppointmentStage,
    CodedEvent,
    DesignationAction,
    DesignationChange,
    DiplomaticTies,
    EnvoyAppointment,
    Event,
    Meeting,
    MeetingMode,
    Official,
    Organization,
    OrganizationKind,
    Person,
    Place,
    RecognitionWithdrawal,
    RelationsAction,
    RelationsChange,
    Stance,
    State,
    Statement,
    When,
    strategies,
)
from diplorec._cameo import cameo_table
from diplorec.codes import PloverCode, cameo, dyad, plover
from diplorec.examples import russia_taliban_2025 as example

ON = When.parse("2025-07-03")
HOST = State(name="Freedonia", iso3="XFD")
GUEST = State(name="Sylvania", iso3="XSY")
THIRD = State(name="Latveria", iso3="XLV")
FOURTH = State(name="Ruritania", iso3="XRU")


def meeting(*participants: Any, **fields: Any) -> Meeting:
    return Meeting(on=ON, participants=participants, **fields)


class TestRecognitionAndCredentials:
    """Recognition is 054; credentials and appointments 050; withdrawal 160."""

    def test_recognition(self) -> None:
        """Grant diplomatic recognition: 054, +6.0, verbal cooperation, PLOVER SUPPORT."""
        code = cameo(example.RECOGNITION)
        assert (code.code, code.label, code.goldstein, code.quad_class) == (
            "054",
            "Grant diplomatic recognition",
            6.0,
            1,
        )
        assert plover(example.RECOGNITION) == PloverCode(
            event="SUPPORT", mode=None, context="diplomatic"
        )

    def test_credentials_and_appointment(self) -> None:
        """Presenting credentials and appointing an envoy are diplomatic cooperation (050)."""
        assert cameo(example.CREDENTIALS).code == "050"
        assert cameo(example.CREDENTIALS).goldstein == 3.5
        assert cameo(example.APPOINTMENT).code == "050"

    def test_agrement_refused(self) -> None:
        """Refusing agrément is a rejection (120), not cooperation."""
        refused = EnvoyAppointment(
            on=ON, envoy=example.GUL_HASSAN_ENVOY, stage=AppointmentStage.AGREMENT_REFUSED
        )
        assert cameo(refused).code == "120"
        assert plover(refused) == PloverCode(event="REJECT", mode=None, context=None)

    def test_withdrawal(self) -> None:
        """Withdrawing recognition: 160, -4.0, material conflict; PLOVER SANCTION, sever."""
        withdrawal = RecognitionWithdrawal(on=ON, withdrawer=HOST, recognized=GUEST)
        code = cameo(withdrawal)
        assert (code.code, code.goldstein, code.quad_class) == ("160", -4.0, 4)
        assert plover(withdrawal) == PloverCode(event="SANCTION", mode="sever", context=None)


class TestMeetings:
    """Meetings by mode and place: 041 phone, 042 visit, 043 host, 044 third location."""

    @pytest.mark.parametrize("mode", [MeetingMode.PHONE, MeetingMode.VIDEO])
    def test_remote(self, mode: MeetingMode) -> None:
        """By phone or video: 041, PLOVER mode phone."""
        call = meeting(HOST, GUEST, mode=mode)
        assert cameo(call).code == "041"
        assert plover(call) == PloverCode(event="CONSULT", mode="phone", context=None)

    def test_host_is_source(self) -> None:
        """The first participant hosts: 043."""
        assert cameo(meeting(HOST, GUEST, host=HOST)).code == "043"

    def test_host_is_other(self) -> None:
        """The first participant visits another participant: 042."""
        visit = meeting(GUEST, HOST, host=HOST)
        assert cameo(visit).code == "042"
        assert plover(visit) == PloverCode(event="CONSULT", mode="visit", context=None)

    def test_third_party_host(self) -> None:
        """Hosted by someone who does not take part: 044, PLOVER third-party."""
        assert cameo(example.US_TALIBAN_MEETING).code == "044"
        assert plover(example.US_TALIBAN_MEETING) == PloverCode(
            event="CONSULT", mode="third-party", context=None
        )

    def test_officials_stand_for_their_party(self) -> None:
        """Officials count as the party they act for: Russia's envoy visits Kabul's host."""
        assert cameo(example.KABUL_MEETING).code == "042"
        assert [party.id for party in dyad(example.KABUL_MEETING) if party] == [
            "state:RUS",
            "government:AFG:islamic-emirate-of-afghanistan",
        ]

    def test_place_decides_without_host(self) -> None:
        """Without a host, the country of the place decides; no place at all is 040."""

        def at(country: State) -> Meeting:
            return meeting(HOST, GUEST, place=Place(name="A city", country=country))

        assert cameo(at(HOST)).code == "043"
        assert cameo(at(GUEST)).code == "042"
        assert cameo(at(THIRD)).code == "044"
        assert cameo(meeting(HOST, GUEST)).code == "040"
        assert plover(meeting(HOST, GUEST)) == PloverCode(event="CONSULT", mode=None, context=None)

    def test_place_of_a_government(self) -> None:
        """A government meets in its own state's capital: it hosts."""
        place = Place(name="Kabul", country=example.AFGHANISTAN)
        assert cameo(meeting(example.ISLAMIC_EMIRATE, example.RUSSIA, place=place)).code == "043"

    def test_multilateral(self) -> None:
        """More than two parties: PLOVER mode multilateral."""
        summit = meeting(HOST, GUEST, THIRD, FOURTH, host=THIRD)
        assert cameo(summit).code == "042"
        assert plover(summit) == PloverCode(event="CONSULT", mode="multilateral", context=None)

    def test_two_officials_of_one_party(self) -> None:
        """Officials of one party meeting each other: the host is the only target."""
        officials = [
            Official(person=Person(name=name), office="Minister", on_behalf_of=HOST)
            for name in ("A", "B")
        ]
        talk = meeting(*officials, host=HOST)
        assert cameo(talk).code == "043"
        assert dyad(talk) == (HOST, HOST)


class TestStatements:
    """Statements are coded by the speaker's stance."""

    @pytest.mark.parametrize(
        ("stance", "code", "plover_event"),
        [
            (Stance.ANNOUNCES, "010", None),
            (Stance.NEUTRAL, "010", None),
            (Stance.ACKNOWLEDGES, "010", None),
            (Stance.WELCOMES, "051", "SUPPORT"),
            (Stance.SUPPORTS, "051", "SUPPORT"),
            (Stance.PRAISES, "051", "SUPPORT"),
            (Stance.CALLS_FOR, "020", None),
            (Stance.REGRETS, "110", "DISAPPROVE"),
            (Stance.CRITICISES, "111", "DISAPPROVE"),
            (Stance.CONDEMNS, "111", "DISAPPROVE"),
            (Stance.DENIES, "016", None),
            (Stance.REJECTS, "120", "REJECT"),
        ],
    )
    def test_stances(self, stance: Stance, code: str, plover_event: str | None) -> None:
        """Each stance has its code; PLOVER drops plain comments and appeals."""
        statement = Statement(on=ON, speaker=HOST, stance=stance, about=(GUEST,))
        assert cameo(statement).code == code
        found = plover(statement)
        assert (found.event if found else None) == plover_event
        assert dyad(statement) == (HOST, GUEST)

    def test_every_stance_covered(self) -> None:
        """No stance lacks a code."""
        for stance in Stance:
            assert cameo(Statement(on=ON, speaker=HOST, stance=stance)).code in cameo_table()


class TestDesignationsAndRelations:
    """Listings, delistings and changes in relations."""

    court = Organization(name="Supreme Court", kind=OrganizationKind.COURT, state=HOST)

    @pytest.mark.parametrize(
        ("action", "code", "expected"),
        [
            (DesignationAction.DELIST, "081", ("CONCEDE", None)),
            (DesignationAction.SUSPEND, "081", ("CONCEDE", None)),
            (DesignationAction.LIST, "172", ("COERCE", "ban")),
            (DesignationAction.REINSTATE, "172", ("COERCE", "ban")),
        ],
    )
    def test_designations(
        self, action: DesignationAction, code: str, expected: tuple[str, str | None]
    ) -> None:
        """Delisting eases administrative sanctions (081); listing imposes them (172)."""
        change = DesignationChange(
            on=ON, authority=self.court, entity=GUEST, action=action, list_name="A list"
        )
        assert cameo(change).code == code
        assert plover(change) == PloverCode(event=expected[0], mode=expected[1], context="legal")

    def test_worked_example_delisting(self) -> None:
        """The Supreme Court's suspension of the Taliban ban is 081, +5.0."""
        assert (cameo(example.DELISTING).code, cameo(example.DELISTING).goldstein) == ("081", 5.0)

    @pytest.mark.parametrize(
        ("action", "code", "mode"),
        [
            (RelationsAction.ESTABLISHED, "054", None),
            (RelationsAction.RESTORED, "054", None),
            (RelationsAction.UPGRADED, "050", None),
            (RelationsAction.DOWNGRADED, "161", "sever"),
            (RelationsAction.SUSPENDED, "161", "sever"),
            (RelationsAction.SEVERED, "161", "sever"),
        ],
    )
    def test_relations(self, action: RelationsAction, code: str, mode: str | None) -> None:
        """Breaking or reducing relations is 161 (SANCTION, sever); establishing them 054."""
        change = RelationsChange(on=ON, parties=(HOST, GUEST), action=action)
        assert cameo(change).code == code
        found = plover(change)
        assert found is not None
        assert found.mode == mode

    def test_initiator_is_source(self) -> None:
        """The party that initiates a change in relations is the source actor."""
        change = RelationsChange(
            on=ON, parties=(HOST, GUEST), action=RelationsAction.SEVERED, initiated_by=GUEST
        )
        assert dyad(change) == (GUEST, HOST)

    def test_ties(self) -> None:
        """Observed ties are diplomatic cooperation (050)."""
        ties = DiplomaticTies(on=ON, parties=(HOST, GUEST))
        assert cameo(ties).code == "050"
        assert dyad(ties) == (HOST, GUEST)


class TestCodedEvents:
    """A coded event keeps its own code; PLOVER follows PLOVER's crosswalk."""

    def test_own_code(self) -> None:
        """The Soviet war is coded 190; its PLOVER event is ASSAULT."""
        code = cameo(example.SOVIET_WAR)
        assert code.code == "190"
        assert code == cameo_table()["190"]
        found = plover(example.SOVIET_WAR)
        assert found is not None
        assert found.event == "ASSAULT"
        assert dyad(example.SOVIET_WAR) == (example.SOVIET_UNION, example.MUJAHIDEEN)

    def test_appeal_has_no_plover(self) -> None:
        """An appeal (022) has no PLOVER code."""
        assert plover(example.RECOGNITION_EFFORTS) is None

    def test_not_an_event(self) -> None:
        """Anything but an event is a TypeError."""
        with pytest.raises(TypeError, match="diplorec event"):
            cameo(HOST)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="diplorec event"):
            dyad(HOST)  # type: ignore[arg-type]


class TestEveryEvent:
    """Every event, of every class, gets a code from the table."""

    @given(strategies.events())
    def test_codes_come_from_the_table(self, event: Event) -> None:
        """cameo() is a row of the shipped table; plover() agrees with that row's event type."""
        code = cameo(event)
        assert cameo_table()[code.code] == code
        found = plover(event)
        if code.plover_event is None:
            assert found is None
        else:
            assert found is not None
            assert found.event == code.plover_event
            assert found.context == code.plover_context
        source, target = dyad(event)
        if not isinstance(event, CodedEvent):
            assert source is not None
        named = {party.id for party in event.actors()}
        assert {party.id for party in (source, target) if party is not None} <= named

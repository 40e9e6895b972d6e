"""The CAMEO / PLOVER crosswalk: every event class gets a code from the shipped table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import diplorec
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
    ValidationError,
    When,
    strategies,
)
from diplorec._cameo import cameo_table, plover_vocabulary
from diplorec.codes import PloverCode, cameo, cameo_code, dyad, plover
from diplorec.examples import russia_taliban_2025 as example

ON = When.parse("2025-07-03")
HOST = State(name="Freedonia", iso3="XFD")
GUEST = State(name="Sylvania", iso3="XSY")
THIRD = State(name="Latveria", iso3="XLV")
FOURTH = State(name="Ruritania", iso3="XRU")


CONCEDE = PloverCode(event="CONCEDE", mode=None, context="legal")
RESTRICT = PloverCode(event="COERCE", mode="restrict", context="executive")


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
        """Withdrawing recognition: 160, -4.0; PLOVER SANCTION, discontinue, diplomatic."""
        withdrawal = RecognitionWithdrawal(on=ON, withdrawer=HOST, recognized=GUEST)
        code = cameo(withdrawal)
        assert (code.code, code.goldstein, code.quad_class) == ("160", -4.0, 4)
        assert code.plover == PloverCode(event="SANCTION", mode=None, context=None)
        assert plover(withdrawal) == PloverCode(
            event="SANCTION", mode="discontinue", context="diplomatic"
        )


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
            "government:AFG:islamic-emirate-of-afghanistan:2021-08",
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
            (Stance.REGRETS, "110", "ACCUSE"),
            (Stance.CRITICISES, "111", "ACCUSE"),
            (Stance.CONDEMNS, "111", "ACCUSE"),
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
            (DesignationAction.DELIST, "081", CONCEDE),
            (DesignationAction.SUSPEND, "081", CONCEDE),
            (DesignationAction.LIST, "172", RESTRICT),
            (DesignationAction.REINSTATE, "172", RESTRICT),
        ],
    )
    def test_designations(self, action: DesignationAction, code: str, expected: PloverCode) -> None:
        """Delisting eases administrative sanctions (081); listing imposes them (172)."""
        change = DesignationChange(
            on=ON, authority=self.court, entity=GUEST, action=action, list_name="A list"
        )
        assert cameo(change).code == code
        assert plover(change) == expected

    def test_worked_example_delisting(self) -> None:
        """The Supreme Court's suspension of the Taliban ban is 081, +5.0."""
        assert (cameo(example.DELISTING).code, cameo(example.DELISTING).goldstein) == ("081", 5.0)

    @pytest.mark.parametrize(
        ("action", "code", "mode"),
        [
            (RelationsAction.ESTABLISHED, "054", None),
            (RelationsAction.RESTORED, "054", None),
            (RelationsAction.UPGRADED, "050", None),
            (RelationsAction.DOWNGRADED, "161", "withdraw"),
            (RelationsAction.SUSPENDED, "161", "withdraw"),
            (RelationsAction.SEVERED, "161", "withdraw"),
        ],
    )
    def test_relations(self, action: RelationsAction, code: str, mode: str | None) -> None:
        """Breaking or reducing relations is 161 (SANCTION, withdraw); establishing them 054."""
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
        """Observed ties are CAMEO 050 but no PLOVER event: a state of affairs, not an act."""
        ties = DiplomaticTies(on=ON, parties=(HOST, GUEST))
        assert cameo(ties).code == "050"
        assert cameo(ties).plover is not None
        assert plover(ties) is None
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
        if code.plover_event is None or isinstance(event, DiplomaticTies):
            assert found is None
        else:
            assert found is not None
            assert found.event == code.plover_event
            if not isinstance(event, RecognitionWithdrawal):
                assert found.context == code.plover_context
        source, target = dyad(event)
        if not isinstance(event, CodedEvent):
            assert source is not None
        named = {party.id for party in event.actors()}
        assert {party.id for party in (source, target) if party is not None} <= named


# -- PLOVER 0.8: every output checked against the manual's own tables ----------------------

FIXTURES = Path(__file__).parent / "fixtures" / "plover"
_QUADS = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}


def _live_lines(text: str) -> list[str]:
    """Lines without their LaTeX comments (an unescaped % starts one)."""
    return [re.split(r"(?<!\\)%", line, maxsplit=1)[0] for line in text.splitlines()]


def _first_cells(table: str) -> list[str]:
    """The first cell of each row of a LaTeX table body, the header row left out."""
    names = []
    for line in _live_lines(table):
        if "&" not in line:
            continue
        cell = line.split("&", 1)[0].strip()
        linked = re.fullmatch(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", cell)
        cell = (linked[1] if linked else cell).replace("\\_", "_")
        if cell and cell != "Name":
            names.append(cell)
    return names


def manual_vocabulary() -> dict[str, Any]:
    """Events (quad class, modes) and general contexts, read from the manual's LaTeX."""
    tex = (FIXTURES / "PLOVER_MANUAL.tex").read_text("utf-8")
    start = tex.index("\\chapter{Event Categories}")
    chapter = tex[start : tex.index("\\chapter{", start + 1)]
    events: dict[str, dict[str, Any]] = {}
    sections = re.split(r"\\section\{([A-Z]+)\}", chapter)[1:]
    for name, body in zip(sections[::2], sections[1::2], strict=True):
        quad = re.search(r"\\subsection\{Quad category: ([A-Z ]+)\}", body)
        assert quad is not None, name
        modes: list[str] = []
        for table in re.findall(r"\\caption\{[^\n]*modes[^\n]*\}(.*?)\\end\{table\}", body, re.S):
            modes.extend(_first_cells(table))
        events[name] = {"quad_class": _QUADS[quad[1].strip()], "modes": modes}
    table = re.search(r"\\label\{tab:general-contexts\}(.*?)\\end\{longtable\}", tex, re.S)
    assert table is not None
    return {"events": events, "contexts": _first_cells(table[1].split("\\endlastfoot", 1)[1])}


MANUAL = manual_vocabulary()


def in_manual(code: PloverCode) -> bool:
    """True when the manual defines the event, its mode for that event, and each context."""
    event = MANUAL["events"].get(code.event)
    return (
        event is not None
        and (code.mode is None or code.mode in event["modes"])
        and all(context in MANUAL["contexts"] for context in code.contexts)
    )


def crosswalk() -> dict[str, PloverCode]:
    """PLOVER's 2021 crosswalk under the stated rules (DEMAND is REQUEST, 0.8 values only)."""
    coded: dict[str, PloverCode] = {}
    for line in (FIXTURES / "CAMEO2PLOVER-2021.txt").read_text("utf-8").splitlines():
        code, _, rest = line.split("#", 1)[0].strip().partition(":")
        if not code.isdigit() or len(code) < 3:  # comments, and the root headings "03: AGREE"
            continue
        event, mode, context = ([part.strip() for part in rest.split(",")] + ["", ""])[:3]
        event = "REQUEST" if event == "DEMAND" else event
        modes = MANUAL["events"][event]["modes"]
        contexts = [c.strip() for c in context.split(";") if c.strip() in MANUAL["contexts"]]
        coded[code] = PloverCode(
            event=event,
            mode=mode if mode in modes else None,
            context=";".join(contexts) or None,
        )
    return coded


class TestManualVocabulary:
    """The vocabulary shipped with diplorec is the one the PLOVER 0.8 manual defines."""

    def test_manual_is_read(self) -> None:
        """The reader finds the manual's 16 categories, REQUEST not DEMAND, and its contexts."""
        assert len(MANUAL["events"]) == 16
        assert "REQUEST" in MANUAL["events"]
        assert "DEMAND" not in MANUAL["events"]
        assert MANUAL["events"]["SANCTION"]["modes"] == [
            "convict",
            "expel",
            "withdraw",
            "discontinue",
        ]
        assert MANUAL["events"]["REJECT"]["modes"] == MANUAL["events"]["REQUEST"]["modes"]
        # Commented-out rows are not definitions; contexts without a hyperlink are.
        assert "return" not in MANUAL["events"]["RETREAT"]["modes"]
        assert "massacre" not in MANUAL["events"]["ASSAULT"]["modes"]
        assert {"reparations", "gender", "peacekeeping", "diplomatic"} <= set(MANUAL["contexts"])
        assert "humanitarian" not in MANUAL["contexts"]

    def test_shipped_vocabulary_equals_manual(self) -> None:
        """The packaged vocabulary file holds exactly the manual's lists, in its order."""
        shipped = plover_vocabulary()
        assert shipped.version == "0.8"
        assert list(shipped.events) == list(MANUAL["events"])
        for name, entry in MANUAL["events"].items():
            assert shipped.quad_classes[name] == entry["quad_class"]
            assert list(shipped.modes[name]) == entry["modes"]
        assert list(shipped.contexts) == MANUAL["contexts"]

    def test_shipped_columns_follow_the_crosswalk(self) -> None:
        """Every code's PLOVER columns are the crosswalk's line, DEMAND renamed, 0.8 values only.

        The crosswalk line wins over the CAMEO root (163 and 191 are COERCE, 1712 ASSAULT),
        and codes the crosswalk leaves out (01x, 02x, the root headings) have no event.
        """
        expected = crosswalk()
        for code, row in cameo_table().items():
            assert row.plover == expected.get(code), code
        assert cameo_table()["163"].plover_event == "COERCE"
        assert cameo_table()["191"].plover_event == "COERCE"
        assert cameo_table()["1712"].plover_event == "ASSAULT"
        assert cameo_table()["1712"].plover_mode is None  # 'seize' is not an ASSAULT mode
        assert cameo_table()["034"].plover_context == "political_institutions"

    def test_no_mode_has_stray_spaces(self) -> None:
        """Modes such as 'expel ' in the crosswalk are read without their spaces."""
        assert cameo_table()["166"].plover_mode == "expel"


class TestPloverOutputs:
    """plover() returns only what the manual defines, for every code and every event class."""

    @pytest.mark.parametrize("code", sorted(cameo_table()))
    def test_every_cameo_code(self, code: str) -> None:
        """A coded event of any CAMEO code codes to nothing or to the manual's vocabulary."""
        event = CodedEvent(on=ON, cameo=code, description="An event.")
        found = plover(event)
        if code[:2] in ("01", "02"):
            assert found is None
        elif found is not None:
            assert in_manual(found), (code, found)

    @given(strategies.events())
    def test_every_event(self, event: Event) -> None:
        """Any event of any class codes to nothing or to the manual's vocabulary."""
        found = plover(event)
        assert found is None or in_manual(found)

    def test_mutation_would_be_caught(self) -> None:
        """The check itself rejects values the manual dropped (e.g. the old 'sever')."""
        assert not in_manual(PloverCode(event="SANCTION", mode="sever", context=None))
        assert not in_manual(PloverCode(event="DISAPPROVE", mode=None, context=None))
        assert not in_manual(PloverCode(event="AGREE", mode=None, context="legal;humanitarian"))
        assert in_manual(PloverCode(event="ACCUSE", mode="allege", context="military;legal"))

    def test_break_relations(self) -> None:
        """CAMEO 161 (reduce or break diplomatic relations) is SANCTION, withdraw."""
        found = plover(CodedEvent(on=ON, cameo="161", description="Relations broken."))
        assert found == PloverCode(event="SANCTION", mode="withdraw", context="diplomatic")
        severed = RelationsChange(on=ON, parties=(HOST, GUEST), action=RelationsAction.SEVERED)
        assert plover(severed) == found

    @pytest.mark.parametrize("code", ["010", "016", "020", "022", "0211", "028"])
    def test_statements_and_appeals(self, code: str) -> None:
        """CAMEO 01x and 02x have no PLOVER event."""
        assert cameo_code(code).plover is None


class TestCameoCode:
    """cameo_code() looks a code up, with a clear error for codes CAMEO lacks."""

    def test_recognition(self) -> None:
        """054: label, Goldstein score, quad class and the PLOVER triple."""
        row = cameo_code("054")
        assert (row.code, row.label, row.goldstein, row.quad_class) == (
            "054",
            "Grant diplomatic recognition",
            6.0,
            1,
        )
        assert row.plover == PloverCode(event="SUPPORT", mode=None, context="diplomatic")
        assert diplorec.cameo_code is cameo_code

    def test_label_from_the_codebook(self) -> None:
        """196 reads 'Violate ceasefire' (an earlier table had a context glued to it)."""
        assert cameo_code("196").label == "Violate ceasefire"

    @pytest.mark.parametrize("bad", ["54", "999", "", "0540", 54, None, "x" * 500])
    def test_unknown(self, bad: Any) -> None:
        """An unknown code, or a number, raises ValidationError naming it (shortened)."""
        with pytest.raises(ValidationError, match="is not a CAMEO event code") as caught:
            cameo_code(bad)
        assert len(str(caught.value)) < 200

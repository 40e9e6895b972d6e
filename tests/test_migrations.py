"""Tests of spec versioning: the migration registry and the golden files of every version.

The files under ``tests/golden/v<VERSION>/`` were written by the release that
introduced that spec version and are never regenerated: every later release must
read them to the same values, built here with the API.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import diplorec
from diplorec import migrations
from diplorec.actors import Envoy, Government, Official, Organization, Person, Place, State
from diplorec.dates import When
from diplorec.dossier import Dossier
from diplorec.events import (
    EVENT_TYPES,
    Annulment,
    CodedEvent,
    CredentialPresentation,
    DesignationChange,
    DiplomaticTies,
    EnvoyAppointment,
    Event,
    Meeting,
    RecognitionAct,
    RecognitionPledge,
    RecognitionPolicy,
    RecognitionWithdrawal,
    RelationsChange,
    Statement,
)
from diplorec.jsonl import read_jsonl
from diplorec.migrations import (
    SPEC_VERSION,
    SPEC_VERSIONS,
    MigrationRegistry,
    upgrade,
    upgrade_event,
)
from diplorec.provenance import Citation, Source
from diplorec.reference import UN_SECURITY_COUNCIL
from diplorec.vocab import (
    AnnulmentKind,
    AppointmentStage,
    Certainty,
    Characterization,
    CredentialDocument,
    DesignationAction,
    DiplomaticRank,
    LegalStatus,
    MeetingMode,
    OrganizationKind,
    PolicyStance,
    RecognitionForm,
    RecognitionInstrument,
    RelationsAction,
    RepresentationLevel,
    SourceKind,
    Stance,
    WithdrawalForm,
    WithdrawalKind,
)

GOLDEN = Path(__file__).resolve().parent / "golden"


def golden_events_v1_0() -> tuple[Event, ...]:
    """The events of ``tests/golden/v1.0``, one of every type, built with the API."""
    russia = State(name="Russia", iso3="RUS", iso2="RU", cow=365, gw=365, wikidata="Q159")
    afghanistan = State(name="Afghanistan", iso3="AFG", iso2="AF", cow=700, gw=700)
    china = State(name="China", iso3="CHN", cow=710, aliases=("People's Republic of China",))
    nauru = State(name="Nauru", iso3="NRU", iso2="NR", cow=970)
    soviet_union = State(name="Soviet Union", iso3="SUN", cow=365, aliases=("USSR",))
    emirate = Government(
        name="Islamic Emirate of Afghanistan",
        state=afghanistan,
        aliases=("Taliban",),
        in_power=When.parse("2021-08-15/.."),
    )
    prc = Government(name="People's Republic of China", state=china)
    roc = Government(name="Republic of China", state=china, aliases=("Taiwan",))
    taliban = Organization(
        name="Taliban", kind=OrganizationKind.MOVEMENT, state=afghanistan, aliases=("Taleban",)
    )
    supreme_court = Organization(
        name="Supreme Court of the Russian Federation", kind=OrganizationKind.COURT, state=russia
    )
    mujahideen = Organization(name="Afghan mujahideen", kind=OrganizationKind.MOVEMENT)
    gul_hassan = Person(name="Gul Hassan Hassan", transliterations=("Gul Hassan",))
    ambassador = Envoy(
        person=gul_hassan,
        rank=DiplomaticRank.AMBASSADOR,
        sending=emirate,
        receiving=russia,
        title="Ambassador of the Islamic Emirate of Afghanistan to Russia",
    )
    rudenko = Official(
        person=Person(name="Andrey Rudenko"),
        office="Deputy Minister of Foreign Affairs",
        on_behalf_of=russia,
    )
    muttaqi = Official(
        person=Person(name="Amir Khan Muttaqi"),
        office="Minister of Foreign Affairs",
        on_behalf_of=emirate,
        acting=True,
        term=When.parse("2021-09/.."),
    )
    zhirnov = Official(
        person=Person(name="Dmitry Zhirnov"),
        office="Ambassador of Russia to Afghanistan",
        on_behalf_of=russia,
    )
    moscow = Place(name="Moscow", country=russia, latitude=55.7558, longitude=37.6173)
    article = Source(
        title="Russia Officially Recognizes Taliban Government",
        publisher="Example News",
        url="https://example.org/news/russia-recognizes-taliban",
        published=When.parse("2025-07-03"),
        language="en",
        kind=SourceKind.NEWS,
        retrieved=dt.datetime(2025, 7, 4, 8, 15, tzinfo=dt.UTC),
    )
    cited = (Citation(source=article, locator="paragraph 1", confidence=0.9),)
    recognition = RecognitionAct(
        on=When.parse("2025-07-03"),
        recognizer=russia,
        recognized=emirate,
        legal_status=LegalStatus.DE_JURE,
        form=RecognitionForm.EXPRESS,
        instrument=RecognitionInstrument.ACCEPTANCE_OF_CREDENTIALS,
        characterization=Characterization.CALLED_RECOGNITION,
        described_as="the act of official recognition",
        place=moscow,
        sources=cited,
        certainty=Certainty.CONFIRMED,
    )
    credentials = CredentialPresentation(
        on=When.parse("2025-07-03"),
        envoy=ambassador,
        document=CredentialDocument.TRUE_COPY,
        received_by=rudenko,
        place=moscow,
        sources=(Citation(source=article, quote="received copies of the credentials"),),
    )
    return (
        recognition,
        RecognitionWithdrawal(
            on=When.parse("2024-01-15"),
            withdrawer=nauru,
            recognized=roc,
            kind=WithdrawalKind.SWITCH,
            in_favour_of=prc,
            notes="Nauru switched its recognition from Taipei to Beijing.",
        ),
        credentials,
        EnvoyAppointment(
            on=When.parse("2025-04/2025-07-03"),
            envoy=ambassador,
            stage=AppointmentStage.APPOINTED,
            certainty=Certainty.REPORTED,
            notes="The day of appointment is not reported; it preceded the credentials.",
        ),
        Meeting(
            on=When.parse("2025-07-03"),
            participants=(zhirnov, muttaqi),
            mode=MeetingMode.IN_PERSON,
            host=emirate,
            subject="Russia's recognition of the Islamic Emirate",
            concerning=(recognition.id,),
            place=Place(name="Kabul", country=afghanistan),
        ),
        Statement(
            on=When.parse("2025-07-03"),
            speaker=emirate,
            stance=Stance.WELCOMES,
            concerning=(recognition.id,),
            about=(russia,),
            quote="positive and important",
        ),
        DesignationChange(
            on=When.parse("2025-04-17"),
            authority=supreme_court,
            entity=taliban,
            action=DesignationAction.SUSPEND,
            list_name="list of organisations recognised as terrorist",
        ),
        RelationsChange(
            on=When.parse("2024-01-24"),
            parties=(nauru, prc),
            action=RelationsAction.RESTORED,
            level_before=RepresentationLevel.NONE,
        ),
        DiplomaticTies(
            on=When.parse("2024-01-30/.."),
            parties=(prc, emirate),
            level=RepresentationLevel.AMBASSADOR,
            envoys_exchanged=True,
            formal_recognition=False,
        ),
        CodedEvent(
            on=When.parse("1979-12~/1989-02"),
            cameo="190",
            description="The Soviet Union fights the mujahideen in Afghanistan.",
            actor=soviet_union,
            target=mujahideen,
        ),
    )


def golden_events_v1_1() -> tuple[Event, ...]:
    """The events of ``tests/golden/v1.1``: those of 1.0, with the fields 1.1 added.

    The withdrawal gets its form and instrument, and a call for non-recognition
    (UN Security Council resolution 541, 18 November 1983) stands for the new type.
    """
    events = {event.TAG: event for event in golden_events_v1_0()}
    switch = events["recognition-withdrawal"]
    assert isinstance(switch, RecognitionWithdrawal)
    cyprus = State(name="Cyprus", iso3="CYP", iso2="CY", cow=352, gw=352)
    trnc = State(name="Turkish Republic of Northern Cyprus", wikidata="Q23681")
    events["recognition-withdrawal"] = attrs.evolve(
        switch, form=WithdrawalForm.EXPRESS, instrument=RecognitionInstrument.STATEMENT
    )
    resolution_541 = RecognitionPolicy(
        on=When.parse("1983-11-18"),
        holder=UN_SECURITY_COUNCIL,
        stance=PolicyStance.CALL_FOR_NON_RECOGNITION,
        subject=trnc,
        described_as="Calls upon all States not to recognize any Cypriot State other than "
        "the Republic of Cyprus",
        notes=f"Resolution 541 (1983); the Republic of Cyprus is {cyprus.id}.",
    )
    return (*events.values(), resolution_541)


def golden_events_v1_2() -> tuple[Event, ...]:
    """The events of ``tests/golden/v1.2``: those of 1.1, with the fields and the two
    types 1.2 added.

    The meeting in Kabul cites a source with the date and place it gives.

    An invalidation: on Monday 7 January 2013 the President of São Tomé and Príncipe,
    Manuel Pinto da Costa, vetoed the government's resolution of 12 March 2012
    recognising Kosovo (Panapress, 8 January 2013); the recognition it annuls is built
    here for its id. A pledge: on 24 July 2025 President Macron said France would
    recognise the State of Palestine at the UN General Assembly in September.
    """
    events = {event.TAG: event for event in golden_events_v1_1()}
    meeting = events["meeting"]
    assert isinstance(meeting, Meeting)
    assert meeting.place is not None
    report = Source(
        title="Russia recognises the Islamic Emirate",
        publisher="Example Wire",
        published=When.parse("2025-07-03"),
    )
    cited = Citation(source=report, on=When.parse("2025-07-03"), place=meeting.place)
    events["meeting"] = attrs.evolve(meeting, sources=(cited,))

    sao_tome = State(name="São Tomé and Príncipe", iso3="STP", iso2="ST")
    kosovo = State(name="Kosovo", iso3="XKX", wikidata="Q1246")
    resolution = RecognitionAct(on=When.parse("2012-03-12"), recognizer=sao_tome, recognized=kosovo)
    veto = Annulment(
        on=When.parse("2013-01-07"),
        annuls=resolution.id,
        by=Organization(
            name="President of São Tomé and Príncipe",
            kind=OrganizationKind.EXECUTIVE,
            state=sao_tome,
        ),
        kind=AnnulmentKind.INVALIDATED,
        described_as="vetoed the resolution recognising Kosovo",
        sources=(
            Citation(
                source=Source(
                    title="São Tomé e Príncipe recusa reconhecimento de Kosovo",
                    publisher="Panapress",
                    published=When.parse("2013-01-08"),
                    language="pt",
                    kind=SourceKind.NEWS,
                )
            ),
        ),
    )
    pledge = RecognitionPledge(
        on=When.parse("2025-07-24"),
        pledger=State(name="France", iso3="FRA", iso2="FR", cow=220, gw=220),
        recognized=State(name="Palestine", iso3="PSE", iso2="PS"),
        due=When.parse("2025-09"),
        described_as="I have decided that France will recognize the State of Palestine",
        sources=(
            Citation(
                source=Source(
                    title="Macron says France will recognise Palestinian state in September",
                    publisher="Al Jazeera",
                    url="https://www.aljazeera.com/news/2025/7/24/macron-says-france-will-recognise-palestinian-state-in-september",
                    published=When.parse("2025-07-24"),
                    language="en",
                    kind=SourceKind.NEWS,
                )
            ),
        ),
    )
    return (*events.values(), veto, pledge)


GOLDEN_EVENTS = {
    "1.0": golden_events_v1_0(),
    "1.1": golden_events_v1_1(),
    "1.2": golden_events_v1_2(),
}


def _versions() -> list[str]:
    return sorted(path.name.removeprefix("v") for path in GOLDEN.glob("v*") if path.is_dir())


class TestGoldenFiles:
    """The golden files of every spec version load to the values built with the API."""

    def test_a_folder_per_version(self) -> None:
        """Every spec version this release reads has golden files, and only those do."""
        assert _versions() == sorted(SPEC_VERSIONS)
        assert set(GOLDEN_EVENTS) == set(SPEC_VERSIONS)

    def test_every_event_type(self) -> None:
        """The current version's golden events cover every event type."""
        assert {type(event) for event in GOLDEN_EVENTS[SPEC_VERSION]} == set(EVENT_TYPES)

    @pytest.mark.parametrize("version", SPEC_VERSIONS)
    def test_single_events(self, version: str) -> None:
        """Each events/<type>.json, brought up to date, loads to its expected event."""
        for expected in GOLDEN_EVENTS[version]:
            path = GOLDEN / f"v{version}" / "events" / f"{expected.TAG}.json"
            record = upgrade_event(json.loads(path.read_bytes()), version)
            assert diplorec.from_dict(record, Event) == expected, path.name

    @pytest.mark.parametrize("version", SPEC_VERSIONS)
    def test_jsonl(self, version: str) -> None:
        """events.jsonl reads, with the version it was written in, to the expected events."""
        path = GOLDEN / f"v{version}" / "events.jsonl"
        assert tuple(read_jsonl(path, spec_version=version)) == GOLDEN_EVENTS[version]

    @pytest.mark.parametrize("version", SPEC_VERSIONS)
    def test_dossier(self, version: str) -> None:
        """dossier.json reads as a Dossier of the expected events, and names its version."""
        data = json.loads((GOLDEN / f"v{version}" / "dossier.json").read_text("utf-8"))
        assert data["spec_version"] == version
        assert Dossier.from_document(data) == Dossier(events=GOLDEN_EVENTS[version])

    def test_current_version_is_written_byte_for_byte(self) -> None:
        """This release still writes the current version's golden files exactly."""
        folder = GOLDEN / f"v{SPEC_VERSION}"
        events = GOLDEN_EVENTS[SPEC_VERSION]
        for event in events:
            text = (folder / "events" / f"{event.TAG}.json").read_text("utf-8")
            assert diplorec.dumps(event, indent=2) + "\n" == text
        lines = "".join(diplorec.dumps(event) + "\n" for event in events)
        assert (folder / "events.jsonl").read_text("utf-8") == lines
        document = json.dumps(Dossier(events=events).to_document(), indent=2, ensure_ascii=False)
        assert (folder / "dossier.json").read_text("utf-8") == document + "\n"


class TestUpgrade:
    """upgrade() brings documents up to date and refuses versions it cannot read."""

    def test_current(self) -> None:
        """A current document comes back equal, as a new dict."""
        document = {"type": "dossier", "spec_version": SPEC_VERSION, "events": []}
        upgraded = upgrade(document)
        assert upgraded == document
        assert upgraded is not document

    @pytest.mark.parametrize(
        ("document", "path", "words"),
        [
            ([], "$", "expected a document object"),
            ({"type": "dossier"}, "$.spec_version", "is missing"),
            ({"spec_version": 1.0}, "$.spec_version", "is missing"),
            ({"spec_version": "0.1"}, "$.spec_version", "'0.1' is not a spec version"),
            ({"spec_version": "2.0"}, "$.spec_version", "a newer release may be needed"),
        ],
    )
    def test_refused(self, document: Any, path: str, words: str) -> None:
        """A missing, unknown or newer version is a ValidationError at $.spec_version."""
        with pytest.raises(diplorec.ValidationError) as caught:
            upgrade(document)
        (problem,) = caught.value.problems
        assert problem.path == path
        assert words in problem.message

    def test_event_of_current_version(self) -> None:
        """A record of the current version is returned as it is."""
        record = {"type": "meeting"}
        assert upgrade_event(record, SPEC_VERSION) is record

    def test_versions_of_this_release(self) -> None:
        """SPEC_VERSIONS lists exactly what the registry reads, ending with SPEC_VERSION."""
        assert migrations._REGISTRY.versions == SPEC_VERSIONS
        assert SPEC_VERSIONS[-1] == SPEC_VERSION == diplorec.SPEC_VERSION


def _registry() -> MigrationRegistry:
    """0.8 → 0.9 renames the document key "items"; 0.9 → 1.0 renames the event key "date"."""
    registry = MigrationRegistry(current="1.0")

    @registry.register("0.8", "0.9")
    def items_to_events(document: dict[str, Any]) -> dict[str, Any]:
        document["events"] = document.pop("items", [])
        return document

    @registry.register_event("0.9", "1.0")
    def date_to_on(record: dict[str, Any]) -> dict[str, Any]:
        if "date" in record:
            record["on"] = record.pop("date")
        return record

    return registry


OLD_RECORD = {"type": "statement", "date": "2025-07-03", "speaker": {}, "stance": "welcomes"}
NEW_RECORD = {"type": "statement", "on": "2025-07-03", "speaker": {}, "stance": "welcomes"}


class TestRegistry:
    """Migrations run in order, and each kind serves documents and records alike."""

    def test_versions(self) -> None:
        """The registry reads its chain of versions, oldest first."""
        assert _registry().versions == ("0.8", "0.9", "1.0")

    def test_document_through_both_steps(self) -> None:
        """A 0.8 document gets both migrations; its events get the event migration."""
        old = {"type": "dossier", "spec_version": "0.8", "items": [OLD_RECORD, "junk"]}
        assert _registry().upgrade(old) == {
            "type": "dossier",
            "spec_version": "1.0",
            "events": [NEW_RECORD, "junk"],
        }

    def test_input_left_alone(self) -> None:
        """Upgrading never changes the caller's document."""
        old = {"type": "dossier", "spec_version": "0.9", "events": [dict(OLD_RECORD)]}
        _registry().upgrade(old)
        assert old["events"] == [OLD_RECORD]

    def test_record_through_a_document_migration(self) -> None:
        """A record of 0.8 passes through the document-level step too."""
        registry = MigrationRegistry(current="1.0")

        @registry.register("0.8", "1.0")
        def upper_stance(document: dict[str, Any]) -> dict[str, Any]:
            events = [dict(e, stance=e["stance"].lower()) for e in document["events"]]
            return dict(document, events=events)

        record = dict(NEW_RECORD, stance="WELCOMES")
        assert registry.upgrade_event(record, "0.8") == NEW_RECORD

    def test_record_that_is_not_an_object(self) -> None:
        """Anything but an object is handed back for the reader to reject."""
        assert _registry().upgrade_event([1], "0.8") == [1]

    def test_unknown_record_version(self) -> None:
        """A record of an unknown version is refused with the versions that are read."""
        with pytest.raises(diplorec.ValidationError, match=r"it reads 0\.8, 0\.9, 1\.0"):
            _registry().upgrade_event(OLD_RECORD, "0.7")

    @pytest.mark.parametrize(
        ("register", "source", "target", "words"),
        [
            ("register", "0.8", "0.9", "already registered"),
            ("register_event", "0.9", "1.0", "already registered"),
            ("register", "0.8", "1.0", "already migrates to 0.9"),
            ("register", "1.0", "1.1", "is current"),
        ],
    )
    def test_registration_mistakes(
        self, register: str, source: str, target: str, words: str
    ) -> None:
        """A second migration for a step, a fork, or a step from the current version is refused."""
        registry = _registry()
        with pytest.raises(ValueError, match=words):
            getattr(registry, register)(source, target)(lambda document: document)

    def test_loop_is_refused(self) -> None:
        """Migrations that go round in a circle never reach the current version: refused."""
        registry = MigrationRegistry(current="1.0")
        registry.register("0.1", "0.2")(lambda document: document)
        registry.register("0.2", "0.1")(lambda document: document)
        with pytest.raises(diplorec.ValidationError, match="not a spec version"):
            registry.upgrade({"spec_version": "0.1"})

    def test_readers_use_the_registry(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """read_jsonl(spec_version=...) and Dossier.from_document migrate old data."""
        monkeypatch.setattr(migrations, "_REGISTRY", _registry())
        statement = GOLDEN_EVENTS[SPEC_VERSION][5]
        record = diplorec.to_dict(statement)
        old = {("date" if key == "on" else key): value for key, value in record.items()}
        path = tmp_path / "old.jsonl"
        path.write_text(json.dumps(old) + "\n", "utf-8")
        assert list(read_jsonl(path, spec_version="0.9")) == [statement]
        with pytest.raises(diplorec.ValidationError, match=r"line 1: \$\.date"):
            list(read_jsonl(path))
        document = {"type": "dossier", "spec_version": "0.8", "items": [old]}
        assert Dossier.from_document(document) == Dossier(events=(statement,))

"""Tests of diplorec.converters: round trips, key order, strict scalars, the two passes."""

from __future__ import annotations

import copy
import datetime as dt
import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import (
    Annulment,
    AnnulmentKind,
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
    Event,
    Government,
    LegalStatus,
    Meeting,
    MeetingMode,
    Official,
    Organization,
    OrganizationKind,
    Participant,
    Party,
    Person,
    Place,
    PolicyStance,
    RecognitionAct,
    RecognitionCapacity,
    RecognitionForm,
    RecognitionInstrument,
    RecognitionPledge,
    RecognitionPolicy,
    RecognitionWithdrawal,
    RelationsAction,
    RelationsChange,
    RepresentationLevel,
    Source,
    SourceKind,
    Stance,
    State,
    Statement,
    ValidationError,
    When,
    WithdrawalForm,
    WithdrawalKind,
    dumps,
    from_dict,
    loads,
    to_dict,
)
from diplorec._explain import explain
from diplorec._registry import MODEL_CLASSES, TAGS
from diplorec.converters import converter, make_converter
from diplorec.events import EVENT_TYPES
from diplorec.reference import AFGHANISTAN, CHINA, QATAR, RUSSIA, UNITED_STATES

# -- one fully populated and one minimal value of every model class --------------------

DAY = When.parse("2025-07-03")
EMIRATE = Government(
    id="government:AFG:ie",
    name="Islamic Emirate of Afghanistan",
    state=AFGHANISTAN,
    aliases=("Taliban",),
    in_power=When.parse("2021-08/.."),
    wikidata="Q107270010",
)
REPUBLIC = Government(name="Islamic Republic of Afghanistan", state=AFGHANISTAN)
MFA = Organization(
    id="organization:RUS:mid",
    name="Ministry of Foreign Affairs of the Russian Federation",
    kind=OrganizationKind.MINISTRY,
    state=RUSSIA,
    acronym="MFA",
    aliases=("МИД России",),
    wikidata="Q1969730",
)
MOVEMENT = Organization(name="Taliban", kind=OrganizationKind.MOVEMENT)
HASSAN = Person(
    id="person:gul-hassan",
    name="Gul Hassan Hassan",
    transliterations=("Gul Hassan",),
    wikidata="Q1",
)
RUDENKO = Person(name="Andrey Rudenko")
RUDENKO_OFFICIAL = Official(
    person=RUDENKO,
    office="Deputy Minister of Foreign Affairs",
    on_behalf_of=RUSSIA,
    acting=True,
    term=When.parse("2019/.."),
)
MUTTAQI_OFFICIAL = Official(
    person=Person(name="Amir Khan Muttaqi"),
    office="Minister of Foreign Affairs",
    on_behalf_of=EMIRATE,
)
ENVOY = Envoy(
    person=HASSAN,
    rank=DiplomaticRank.AMBASSADOR,
    sending=EMIRATE,
    receiving=RUSSIA,
    title="Ambassador of the Islamic Emirate of Afghanistan to Russia",
)
MOSCOW = Place(name="Moscow", country=RUSSIA, wikidata="Q649", latitude=55.7558, longitude=37.6173)
SOURCE = Source(
    id="source:article",
    title="Russia recognises the Taliban government",
    publisher="Example News",
    url="https://example.org/news/russia-taliban",
    published=DAY,
    language="en",
    kind=SourceKind.OFFICIAL_STATEMENT,
    retrieved=dt.datetime(2025, 7, 4, 9, 30, 15, 120000, tzinfo=dt.UTC),
)
CITATION = Citation(
    source=SOURCE,
    quote="the act of official recognition",
    locator="para. 2",
    confidence=0.9,
    on=DAY,
    place=MOSCOW,
)
COMMON: dict[str, Any] = {
    "at": dt.time(11, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    "place": MOSCOW,
    "sources": (CITATION,),
    "certainty": Certainty.CONFIRMED,
    "notes": "Reported on the day.",
}

FULL: list[Any] = [
    State(
        id="state:AFG-1",
        name="Afghanistan",
        iso3="AFG",
        iso2="AF",
        cow=700,
        gw=700,
        wikidata="Q889",
        aliases=("Islamic Emirate",),
    ),
    EMIRATE,
    MFA,
    HASSAN,
    RUDENKO_OFFICIAL,
    ENVOY,
    MOSCOW,
    SOURCE,
    CITATION,
    RecognitionAct(
        id="recognition-act:rus-ie",
        on=DAY,
        recognizer=RUSSIA,
        recognized=EMIRATE,
        legal_status=LegalStatus.DE_JURE,
        form=RecognitionForm.IMPLIED,
        instrument=RecognitionInstrument.ACCEPTANCE_OF_CREDENTIALS,
        conditions=("Respect for minority rights.",),
        collective_with=(CHINA,),
        announced=DAY,
        effective=When.parse("2025-07-02"),
        characterization=Characterization.CALLED_RECOGNITION,
        described_as="the act of official recognition",
        basis=("credential-presentation:1",),
        capacity=RecognitionCapacity.GOVERNMENT,
        exclusive=False,
        claimed_by=(EMIRATE,),
        denied_by=(QATAR,),
        reservations=("Without prejudice to the status of disputed provinces.",),
        **COMMON,
    ),
    RecognitionWithdrawal(
        id="recognition-withdrawal:1",
        on=When.parse("2021-08"),
        withdrawer=CHINA,
        recognized=REPUBLIC,
        kind=WithdrawalKind.SWITCH,
        in_favour_of=EMIRATE,
        claimed_by=(QATAR,),
        denied_by=(CHINA,),
        announced=When.parse("2021-09"),
        effective=When.parse("2021-08-15"),
        described_as="a normal diplomatic arrangement",
        basis=("meeting:1",),
        form=WithdrawalForm.IMPLIED,
        instrument=RecognitionInstrument.NOTE_VERBALE,
        addressee=REPUBLIC,
        **COMMON,
    ),
    CredentialPresentation(
        id="credential-presentation:1",
        on=DAY,
        envoy=ENVOY,
        document=CredentialDocument.TRUE_COPY,
        received_by=RUDENKO_OFFICIAL,
        **COMMON,
    ),
    EnvoyAppointment(
        id="envoy-appointment:1",
        on=When.parse("2025-06~"),
        envoy=ENVOY,
        stage=AppointmentStage.AGREMENT_GRANTED,
        predecessor=Person(name="Jamal Nasir Garwal"),
        **COMMON,
    ),
    Meeting(
        id="meeting:1",
        on=DAY,
        participants=(RUDENKO_OFFICIAL, MUTTAQI_OFFICIAL, QATAR),
        mode=MeetingMode.VIDEO,
        host=RUSSIA,
        subject="Recognition",
        concerning=("recognition-act:rus-ie",),
        **COMMON,
    ),
    Statement(
        id="statement:1",
        on=DAY,
        speaker=MUTTAQI_OFFICIAL,
        stance=Stance.WELCOMES,
        concerning=("recognition-act:rus-ie",),
        about=(RUSSIA,),
        quote="positive and important",
        **COMMON,
    ),
    DesignationChange(
        id="designation-change:1",
        on=When.parse("2025-04-17"),
        authority=Organization(
            name="Supreme Court of the Russian Federation",
            kind=OrganizationKind.COURT,
            state=RUSSIA,
        ),
        entity=MOVEMENT,
        action=DesignationAction.SUSPEND,
        list_name="Unified federal list of terrorist organisations",
        effective=When.parse("2025-04-17"),
        **COMMON,
    ),
    RelationsChange(
        id="relations-change:1",
        on=When.parse("2025-40"),
        parties=(RUSSIA, EMIRATE),
        action=RelationsAction.UPGRADED,
        initiated_by=RUSSIA,
        level_before=RepresentationLevel.CHARGE_D_AFFAIRES,
        level_after=RepresentationLevel.AMBASSADOR,
        **COMMON,
    ),
    DiplomaticTies(
        id="diplomatic-ties:1",
        on=When.parse("2021-08/2025-07-03"),
        parties=(QATAR, EMIRATE),
        level=RepresentationLevel.OTHER,
        envoys_exchanged=True,
        formal_recognition=False,
        **COMMON,
    ),
    CodedEvent(
        id="coded-event:1",
        on=When.parse("2025-03?"),
        cameo="043",
        description="A US delegation visits Kabul.",
        actor=UNITED_STATES,
        target=EMIRATE,
        concerning=("meeting:1",),
        **COMMON,
    ),
    RecognitionPolicy(
        id="recognition-policy:1",
        on=DAY,
        holder=CHINA,
        stance=PolicyStance.NON_RECOGNITION,
        subject=REPUBLIC,
        effective=When.parse("2025-07-04"),
        described_as="no recognition of the Republic",
        basis=("meeting:1",),
        **COMMON,
    ),
    Annulment(
        id="annulment:1",
        on=When.parse("2025-07-10"),
        annuls="recognition-act:rus-ie",
        by=Organization(
            name="Constitutional Court of the Russian Federation",
            kind=OrganizationKind.COURT,
            state=RUSSIA,
        ),
        kind=AnnulmentKind.INVALIDATED,
        described_as="void for want of a decree",
        basis=("meeting:1",),
        **COMMON,
    ),
    RecognitionPledge(
        id="recognition-pledge:1",
        on=When.parse("2025-06-01"),
        pledger=CHINA,
        recognized=EMIRATE,
        due=When.parse("2025-09"),
        conditions=("An inclusive government.",),
        announced=When.parse("2025-06-02"),
        described_as="will recognise in September",
        basis=("meeting:1",),
        **COMMON,
    ),
]

MINIMAL: list[Any] = [
    State(name="Afghanistan"),
    Government(name="Islamic Emirate of Afghanistan", state=State(name="Afghanistan")),
    Organization(name="African Union", kind=OrganizationKind.INTERGOVERNMENTAL),
    Person(name="Gul Hassan Hassan"),
    Official(person=RUDENKO, office="Deputy Minister", on_behalf_of=RUSSIA),
    Envoy(person=HASSAN, rank=DiplomaticRank.SPECIAL_ENVOY, sending=EMIRATE, receiving=MFA),
    Place(name="Kabul"),
    Source(title="Russia recognises the Taliban government"),
    Citation(source=Source(title="A report")),
    RecognitionAct(on=DAY, recognizer=RUSSIA, recognized=EMIRATE, form=RecognitionForm.EXPRESS),
    RecognitionWithdrawal(on=DAY, withdrawer=RUSSIA, recognized=EMIRATE),
    CredentialPresentation(on=DAY, envoy=ENVOY, document=CredentialDocument.LETTERS_OF_CREDENCE),
    EnvoyAppointment(on=DAY, envoy=ENVOY),
    Meeting(on=DAY, participants=(RUSSIA, EMIRATE)),
    Statement(on=DAY, speaker=RUSSIA, stance=Stance.NEUTRAL),
    DesignationChange(
        on=DAY, authority=RUSSIA, entity=MOVEMENT, action=DesignationAction.DELIST, list_name="L"
    ),
    RelationsChange(on=DAY, parties=(RUSSIA, EMIRATE), action=RelationsAction.ESTABLISHED),
    DiplomaticTies(on=DAY, parties=(RUSSIA, EMIRATE)),
    CodedEvent(on=DAY, cameo="054", description="Recognition."),
    RecognitionPolicy(on=DAY, holder=RUSSIA, stance=PolicyStance.NO_DECLARATIONS),
    Annulment(on=DAY, annuls="recognition-act:rus-ie", by=RUSSIA, kind=AnnulmentKind.DENIED),
    RecognitionPledge(on=DAY, pledger=RUSSIA, recognized=EMIRATE),
]

SAMPLES = FULL + MINIMAL
EVENTS = [sample for sample in SAMPLES if isinstance(sample, EVENT_TYPES)]
PARTIES = [sample for sample in SAMPLES if isinstance(sample, (State, Government, Organization))]


def _name(value: Any) -> str:
    return type(value).__name__


def _walk(value: Any) -> typing.Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


class TestSamples:
    """The samples below cover every model class, fully and minimally."""

    def test_every_class_has_a_full_and_a_minimal_sample(self) -> None:
        """Each class of the wire format appears once in FULL and once in MINIMAL."""
        assert [type(x) for x in FULL] == list(MODEL_CLASSES)
        assert [type(x) for x in MINIMAL] == list(MODEL_CLASSES)

    @pytest.mark.parametrize("sample", FULL, ids=_name)
    def test_full_samples_set_every_field(self, sample: Any) -> None:
        """A full sample writes every field, so key-order tests see them all."""
        names = [field.name for field in attrs.fields(type(sample))]
        assert set(to_dict(sample)) - {"type"} == set(names)


class TestRoundTrip:
    """Every value survives to_dict/from_dict and dumps/loads unchanged."""

    @pytest.mark.parametrize("sample", SAMPLES, ids=_name)
    def test_dict_round_trip(self, sample: Any) -> None:
        """from_dict(to_dict(x), type(x)) == x."""
        assert from_dict(to_dict(sample), type(sample)) == sample

    @pytest.mark.parametrize("sample", SAMPLES, ids=_name)
    def test_json_round_trip(self, sample: Any) -> None:
        """loads(dumps(x), type(x)) == x, from str and from UTF-8 bytes."""
        text = dumps(sample)
        assert loads(text, type(sample)) == sample
        assert loads(text.encode("utf-8"), type(sample)) == sample

    @pytest.mark.parametrize("sample", [x for x in SAMPLES if hasattr(x, "id")], ids=_name)
    def test_round_trip_keeps_the_id(self, sample: Any) -> None:
        """Ids (given or derived) come back as they were."""
        assert loads(dumps(sample), type(sample)).id == sample.id

    @pytest.mark.parametrize("event", EVENTS, ids=_name)
    def test_events_round_trip_through_the_union(self, event: Any) -> None:
        """from_dict(to_dict(e), Event) and loads(dumps(e), Event) give back e."""
        assert from_dict(to_dict(event), Event) == event
        assert loads(dumps(event), Event) == event

    @pytest.mark.parametrize("party", PARTIES, ids=_name)
    def test_parties_round_trip_through_the_unions(self, party: Any) -> None:
        """Parties read back through Party and Participant."""
        assert from_dict(to_dict(party), Party) == party
        assert from_dict(to_dict(party), Participant) == party

    def test_official_reads_as_participant(self) -> None:
        """An official is a Participant, tagged "official"."""
        assert from_dict(to_dict(RUDENKO_OFFICIAL), Participant) == RUDENKO_OFFICIAL

    def test_retrieved_keeps_microseconds_and_utc(self) -> None:
        """A UTC instant is written with Z and reads back equal, microseconds included."""
        data = to_dict(SOURCE)
        assert data["retrieved"] == "2025-07-04T09:30:15.120000Z"
        assert from_dict(data, Source).retrieved == SOURCE.retrieved

    def test_dumps_keeps_non_ascii_text(self) -> None:
        """Text is written as UTF-8 characters, not \\u escapes."""
        assert "МИД России" in dumps(MFA)


class TestKeyOrder:
    """Keys are written "type" first, then in declared field order."""

    @pytest.mark.parametrize("sample", SAMPLES, ids=_name)
    def test_type_first_then_declared_order(self, sample: Any) -> None:
        """The keys of to_dict follow the attrs field order, after any tag."""
        data = to_dict(sample)
        tag = TAGS.get(type(sample))
        declared = [field.name for field in attrs.fields(type(sample))]
        expected = (["type"] if tag else []) + [name for name in declared if name in data]
        assert list(data) == expected
        if tag:
            assert data["type"] == tag

    @pytest.mark.parametrize("event", [e for e in FULL if isinstance(e, EVENT_TYPES)], ids=_name)
    def test_common_event_fields_come_last(self, event: Any) -> None:
        """Events write id and on first, and place, sources, certainty, notes last."""
        keys = list(to_dict(event))
        assert keys[:3] == ["type", "id", "on"]
        assert keys[-4:] == ["place", "sources", "certainty", "notes"]

    def test_order_is_stable_across_converters(self) -> None:
        """A fresh converter writes the same text as the default one."""
        fresh = make_converter()
        for sample in SAMPLES:
            assert json.dumps(fresh.unstructure(sample)) == json.dumps(to_dict(sample))


class TestOmission:
    """None-valued optional fields and empty tuples are left out."""

    @pytest.mark.parametrize("sample", SAMPLES, ids=_name)
    def test_no_nulls_or_empty_arrays(self, sample: Any) -> None:
        """No value anywhere in the output is null or an empty array."""
        for value in _walk(to_dict(sample)):
            assert value is not None
            assert value != []

    def test_minimal_event_writes_only_required_and_defaulted_keys(self) -> None:
        """A minimal recognition writes its required fields and non-empty defaults only."""
        act = RecognitionAct(
            on=DAY, recognizer=RUSSIA, recognized=EMIRATE, form=RecognitionForm.EXPRESS
        )
        assert list(to_dict(act)) == [
            "type",
            "id",
            "on",
            "recognizer",
            "recognized",
            "legal_status",
            "form",
            "characterization",
            "capacity",
            "exclusive",
            "certainty",
        ]

    def test_false_and_zero_like_values_are_kept(self) -> None:
        """False is a value, not an absence: it is written."""
        ties = DiplomaticTies(
            on=DAY, parties=(RUSSIA, EMIRATE), envoys_exchanged=False, formal_recognition=False
        )
        data = to_dict(ties)
        assert data["envoys_exchanged"] is False
        assert data["formal_recognition"] is False
        assert from_dict(data, DiplomaticTies) == ties

    def test_omitted_keys_read_back_as_defaults(self) -> None:
        """Leaving out an optional key gives its default."""
        data = {"type": "state", "name": "Qatar"}
        assert from_dict(data, State) == State(name="Qatar")


class TestDumps:
    """dumps writes compact or indented JSON, of one value or of many."""

    def test_compact_by_default(self) -> None:
        """Without indent the text has no spaces between tokens."""
        assert dumps(State(name="Qatar", iso3="QAT")) == (
            '{"type":"state","id":"state:QAT","name":"Qatar","iso3":"QAT"}'
        )

    @pytest.mark.parametrize("sample", SAMPLES, ids=_name)
    def test_indent(self, sample: Any) -> None:
        """dumps(x, indent=2) is json.dumps of to_dict with indent 2."""
        expected = json.dumps(to_dict(sample), indent=2, ensure_ascii=False)
        assert dumps(sample, indent=2) == expected
        assert loads(dumps(sample, indent=2), type(sample)) == sample

    def test_list_of_events(self) -> None:
        """A list of events is written as a JSON array, in order."""
        text = dumps(EVENTS)
        assert json.loads(text) == [to_dict(event) for event in EVENTS]

    def test_events_load_back_as_a_tuple(self) -> None:
        """loads(text, tuple[Event, ...]) reads an array of mixed events."""
        assert loads(dumps(EVENTS), tuple[Event, ...]) == tuple(EVENTS)
        assert loads(dumps(tuple(EVENTS), indent=2), tuple[Event, ...]) == tuple(EVENTS)

    def test_empty_list(self) -> None:
        """An empty list is "[]" and reads back as an empty tuple."""
        assert dumps([]) == "[]"
        assert loads("[]", tuple[Event, ...]) == ()

    def test_tuple_of_a_model_class(self) -> None:
        """tuple[State, ...] reads an array of states."""
        states = (RUSSIA, AFGHANISTAN)
        assert loads(dumps(states), tuple[State, ...]) == states

    def test_dumps_rejects_non_models(self) -> None:
        """dumps of something that is not a model value is a TypeError."""
        with pytest.raises(TypeError, match="takes a diplorec model value"):
            dumps({"type": "state"})


class TestTargets:
    """from_dict and loads take model classes, unions and tuples of them, nothing else."""

    @pytest.mark.parametrize("target", [int, str, dict, list, tuple[int, ...], typing.Any])
    def test_non_model_target_is_a_type_error(self, target: Any) -> None:
        """A target that is not a diplorec type is a programming error: TypeError."""
        with pytest.raises(TypeError, match="cannot read into"):
            from_dict({}, target)
        with pytest.raises(TypeError, match="cannot read into"):
            loads("{}", target)

    def test_to_dict_rejects_non_models(self) -> None:
        """to_dict of a plain value is a TypeError."""
        with pytest.raises(TypeError, match="takes a diplorec model value"):
            to_dict(When.parse("2025"))  # type: ignore[arg-type]

    def test_optional_union_target_accepts_null(self) -> None:
        """Event | None reads null as None."""
        assert from_dict(None, Event | None) is None


# -- strict scalars --------------------------------------------------------------------

STATE = {"type": "state", "name": "Qatar"}
PLACE = {"name": "Doha"}
TIES = to_dict(DiplomaticTies(on=DAY, parties=(RUSSIA, EMIRATE)))
ACT = to_dict(
    RecognitionAct(on=DAY, recognizer=RUSSIA, recognized=EMIRATE, form=RecognitionForm.EXPRESS)
)
CITE = {"source": {"title": "A report"}}
SOURCE_DATA = {"title": "A report"}

# (target class, valid base dict, key, bad value)
STRICT_REJECTS: list[tuple[type, dict[str, Any], str, Any]] = [
    (State, STATE, "name", 123),
    (State, STATE, "name", 1.5),
    (State, STATE, "name", True),
    (State, STATE, "name", ["Qatar"]),
    (State, STATE, "name", {"text": "Qatar"}),
    (State, STATE, "name", None),
    (State, STATE, "iso3", 123),
    (State, STATE, "aliases", "abc"),
    (State, STATE, "aliases", {"a": 1}),
    (State, STATE, "aliases", [1, 2]),
    (State, STATE, "cow", True),
    (State, STATE, "cow", False),
    (State, STATE, "cow", 1.5),
    (State, STATE, "cow", 694.0),
    (State, STATE, "cow", "694"),
    (DiplomaticTies, TIES, "envoys_exchanged", "true"),
    (DiplomaticTies, TIES, "envoys_exchanged", 1),
    (DiplomaticTies, TIES, "envoys_exchanged", 0),
    (DiplomaticTies, TIES, "formal_recognition", "false"),
    (Official, to_dict(RUDENKO_OFFICIAL), "acting", "yes"),
    (Place, PLACE, "latitude", float("nan")),
    (Place, PLACE, "latitude", float("inf")),
    (Place, PLACE, "latitude", float("-inf")),
    (Place, PLACE, "latitude", "55.7"),
    (Place, PLACE, "latitude", True),
    (Citation, CITE, "confidence", float("nan")),
    (Citation, CITE, "confidence", "0.5"),
    (RecognitionAct, ACT, "form", "EXPRESS"),
    (RecognitionAct, ACT, "form", "Express"),
    (RecognitionAct, ACT, "legal_status", "DE_JURE"),
    (RecognitionAct, ACT, "legal_status", "de_jure"),
    (RecognitionAct, ACT, "legal_status", "De-Jure"),
    (RecognitionAct, ACT, "legal_status", 0),
    (RecognitionAct, ACT, "on", 2025),
    (RecognitionAct, ACT, "on", "3 July 2025"),
    (RecognitionAct, ACT, "id", 7),
    (RecognitionAct, ACT, "conditions", "abc"),
    (RecognitionAct, ACT, "basis", "recognition-act:1"),
    (Source, SOURCE_DATA, "retrieved", "2025-07-04T09:30:00"),
    (Source, SOURCE_DATA, "retrieved", "2025-07-04T09:30:00+00:00"),
    (Source, SOURCE_DATA, "retrieved", "2025-07-04T12:30:00+03:00"),
    (Source, SOURCE_DATA, "retrieved", "2025-07-04 09:30:00Z"),
    (Source, SOURCE_DATA, "retrieved", "2025-07-04Z"),
    (Source, SOURCE_DATA, "retrieved", "2025-07-04T24:00:00Z"),
    (Source, SOURCE_DATA, "retrieved", "20250704T093000Z"),
    (Source, SOURCE_DATA, "retrieved", 1751621400),
]


def _with(base: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    data[key] = value
    return data


class TestStrictScalars:
    """No scalar is coerced: the wrong JSON type is an error at its path."""

    @pytest.mark.parametrize(
        ("cls", "base", "key", "value"),
        STRICT_REJECTS,
        ids=[f"{c.__name__}.{k}={v!r}" for c, _, k, v in STRICT_REJECTS],
    )
    def test_rejected(self, cls: type, base: dict[str, Any], key: str, value: Any) -> None:
        """The value is rejected with problems at $.<key> (or its items) only."""
        from_dict(base, cls)  # the base itself is valid
        with pytest.raises(ValidationError) as info:
            from_dict(_with(base, key, value), cls)
        assert {p.path.split("[")[0] for p in info.value.problems} == {f"$.{key}"}

    @pytest.mark.parametrize(
        "text",
        [
            '{"name": "Doha", "latitude": NaN, "longitude": 1}',
            '{"name": "Doha", "latitude": Infinity, "longitude": 1}',
            '{"name": "Doha", "latitude": -Infinity, "longitude": 1}',
        ],
    )
    def test_json_constants_rejected(self, text: str) -> None:
        """NaN and Infinity are not JSON: loads rejects them at $."""
        with pytest.raises(ValidationError) as info:
            loads(text, Place)
        assert [p.path for p in info.value.problems] == ["$"]

    @pytest.mark.parametrize(("value", "expected"), [(55, 55.0), (0, 0.0), (-90, -90.0)])
    def test_ints_become_floats(self, value: int, expected: float) -> None:
        """An integer in a number field is read as a float."""
        place = from_dict({"name": "X", "latitude": value, "longitude": value}, Place)
        assert place.latitude == expected
        assert type(place.latitude) is float
        assert type(place.longitude) is float

    def test_int_confidence_becomes_float(self) -> None:
        """A confidence of 1 is read as 1.0."""
        citation = from_dict({"source": {"title": "A report"}, "confidence": 1}, Citation)
        assert citation.confidence == 1.0
        assert type(citation.confidence) is float

    def test_utc_instant_accepted(self) -> None:
        """A ...Z instant is read as an aware UTC datetime."""
        source = from_dict(_with(SOURCE_DATA, "retrieved", "2025-07-04T09:30:00Z"), Source)
        assert source.retrieved == dt.datetime(2025, 7, 4, 9, 30, tzinfo=dt.UTC)

    def test_enum_values_are_read_as_members(self) -> None:
        """Enum fields come back as the enum members, not plain strings."""
        act = from_dict(_with(ACT, "legal_status", "de-facto"), RecognitionAct)
        assert act.legal_status is LegalStatus.DE_FACTO

    def test_tuple_fields_accept_arrays_only(self) -> None:
        """Arrays become tuples."""
        state = from_dict(_with(STATE, "aliases", ["State of Qatar"]), State)
        assert state.aliases == ("State of Qatar",)


# -- the two passes agree --------------------------------------------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.floats()
    | st.text(max_size=12)
    | st.text(st.characters(exclude_categories=()), max_size=4)
    | st.sampled_from(["", " ", "2025-07-03", "054", "54", "state", "de-jure", "a:b", "Q1"])
)
json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_TAGS = sorted(TAGS.values())


def _locations(value: Any, prefix: tuple[Any, ...] = ()) -> typing.Iterator[tuple[Any, ...]]:
    """Every path to an object member or array item inside ``value``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _locations(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*prefix, index)
            yield from _locations(item, (*prefix, index))


@st.composite
def mutated_events(draw: st.DrawFn) -> Any:
    """A valid event dict with one member replaced, removed, or added."""
    data = copy.deepcopy(to_dict(draw(st.sampled_from(EVENTS))))
    location = draw(st.sampled_from(list(_locations(data))))
    parent = data
    for step in location[:-1]:
        parent = parent[step]
    key = location[-1]
    action = draw(st.sampled_from(["replace", "tag", "remove", "add"]))
    if action == "replace":
        parent[key] = draw(json_values)
    elif action == "tag":
        parent[key] = draw(st.sampled_from(_TAGS))
    elif action == "remove":
        del parent[key]
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = draw(json_values)
    else:
        parent.append(draw(json_values))
    return data


def _attempt(read: typing.Callable[[], Any]) -> Any:
    """The value ``read()`` returns, or the ValidationError it raises."""
    try:
        return read()
    except ValidationError as error:
        return error


class TestTwoPasses:
    """The fast path and the detailed pass agree, and only ValidationError escapes."""

    @given(json_values | mutated_events())
    def test_from_dict_returns_an_event_or_explains(self, data: Any) -> None:
        """from_dict(x, Event) returns an Event exactly when explain() finds no problem."""
        outcome = _attempt(lambda: from_dict(data, Event))
        problems = explain(data, Event, converter)
        if isinstance(outcome, ValidationError):
            assert outcome.problems
            assert list(outcome.problems) == problems
            assert all(p.path.startswith("$") and p.message for p in problems)
            str(outcome).encode("utf-8")  # the report can always be printed
        else:
            assert isinstance(outcome, EVENT_TYPES)
            assert problems == []

    @given(st.sampled_from(EVENTS))
    def test_valid_events_pass_both(self, event: Any) -> None:
        """Valid wire data has no problems in the detailed pass."""
        assert explain(to_dict(event), Event, converter) == []

    @given(json_values)
    def test_loads_of_arbitrary_json_text(self, data: Any) -> None:
        """loads of any JSON text gives an event or a ValidationError, never another error."""
        text = json.dumps(data)  # NaN and Infinity are written as the non-JSON constants
        outcome = _attempt(lambda: loads(text, Event))
        if isinstance(outcome, ValidationError):
            assert outcome.problems
        else:
            assert isinstance(outcome, EVENT_TYPES)


class TestRegressions:
    """Inputs that once made the two passes disagree or produced unreadable messages."""

    def test_huge_int_in_a_number_field(self) -> None:
        """An integer too large for a float is a problem at its path, not a crash."""
        with pytest.raises(ValidationError) as info:
            from_dict({"name": "X", "latitude": 10**400, "longitude": 1}, Place)
        (problem,) = info.value.problems
        assert problem.path == "$.latitude"
        assert "too large" in problem.message

    def test_huge_int_in_an_integer_field(self) -> None:
        """An integer of 5000 digits in an int field gets the field's own message."""
        with pytest.raises(ValidationError) as info:
            from_dict({"type": "state", "name": "X", "cow": 10**5000}, State)
        (problem,) = info.value.problems
        assert problem.path == "$.cow"
        assert problem.message.endswith("is not a Correlates of War state code (1 to 999)")

    def test_lone_surrogate_key_is_escaped_in_the_path(self) -> None:
        """A key with a lone surrogate appears escaped, so the error can be printed."""
        with pytest.raises(ValidationError) as info:
            from_dict({"type": "state", "name": "X", "\ud800": 1}, State)
        assert info.value.problems[0].path == '$["\\ud800"]'
        str(info.value).encode("utf-8")

    def test_invalid_instant_message_is_a_sentence(self) -> None:
        """An impossible time gets the same plain message as a malformed one."""
        with pytest.raises(ValidationError) as info:
            from_dict(_with(SOURCE_DATA, "retrieved", "2025-07-04T24:00:00Z"), Source)
        assert info.value.problems[0].message == (
            "'2025-07-04T24:00:00Z' is not a UTC date-time such as '2025-07-03T09:30:00Z'"
        )


class TestMakeConverterIsStrict:
    """A converter from ``make_converter()`` coerces no scalar either (not only ``from_dict``)."""

    @pytest.mark.parametrize(
        ("cls", "base", "key", "value"),
        STRICT_REJECTS,
        ids=[f"{c.__name__}.{k}={v!r}" for c, _, k, v in STRICT_REJECTS],
    )
    def test_rejected(self, cls: type, base: dict[str, Any], key: str, value: Any) -> None:
        """The fresh converter reads the base but refuses the wrong JSON type.

        A raw converter raises what its hooks raise (``from_dict`` turns that into a
        ValidationError); an unknown enum value is a KeyError.
        """
        fresh = make_converter()
        tagged = {"type": TAGS[cls], **base} if cls in TAGS else base
        assert fresh.structure(tagged, cls) == from_dict(base, cls)
        with pytest.raises((TypeError, ValueError, KeyError)):
            fresh.structure(_with(tagged, key, value), cls)

    def test_number_is_not_text(self) -> None:
        """123 is not "123": the name of a state must be a JSON string."""
        with pytest.raises(TypeError, match="expected a string, got a number"):
            make_converter().structure({"type": "state", "name": 123}, State)

"""The benchmark's events as msgspec Structs, with diplorec's rules.

Frozen Structs, ``forbid_unknown_fields``, tagged on ``"type"``, decoded strictly
(msgspec's default). Patterns, lengths and numeric ranges are ``Meta`` constraints
(anchored, checked by msgspec); the name and free-text rules, distinctness and the
cross-field rules run in ``__post_init__``, as diplorec runs them in its validators.
Dates are strings that ``__post_init__`` parses with :meth:`diplorec.When.parse`, so
every library computes the same bounds with the same cache (msgspec would read the
attrs class ``When`` as an object, so the Struct keeps the validated text). Instants
use msgspec's own RFC 3339 parser with a time zone required and a UTC check (msgspec
also reads ``+00:00``, which diplorec refuses). Only the event types of the benchmark
corpus are modelled, and ``id`` is required where diplorec would derive it (the corpus
always carries ids).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, TypeAlias

import msgspec
from msgspec import Meta, Struct

from benchmarks import rules
from diplorec.vocab import (
    Certainty,
    Characterization,
    CredentialDocument,
    DiplomaticRank,
    LegalStatus,
    MeetingMode,
    OrganizationKind,
    RecognitionCapacity,
    RecognitionForm,
    RecognitionInstrument,
    SourceKind,
    Stance,
    WithdrawalForm,
    WithdrawalKind,
)

__all__ = ["Event", "dump_lines", "load_lines"]


def _pattern(regex: str) -> Meta:
    return Meta(pattern=f"^(?:{regex})\\Z")


Id = Annotated[str, _pattern(rules.ID)]
Iso3 = Annotated[str, _pattern(rules.ISO3)]
Iso2 = Annotated[str, _pattern(rules.ISO2)]
Wikidata = Annotated[str, _pattern(rules.WIKIDATA)]
Url = Annotated[str, _pattern(rules.URL)]
Language = Annotated[str, _pattern(rules.LANGUAGE)]
Code = Annotated[int, Meta(ge=1, le=999)]
Instant = Annotated[dt.datetime, Meta(tz=True)]


class _Model(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class _Tagged(_Model, frozen=True, kw_only=True, tag_field="type"):
    pass


def _optional_name(value: str | None) -> None:
    if value is not None:
        rules.name(value)


def _optional_text(value: str | None) -> None:
    if value is not None:
        rules.text(value)


def _optional_when(value: str | None) -> None:
    if value is not None:
        rules.when(value)


class State(_Tagged, frozen=True, kw_only=True, tag="state"):
    id: Id
    name: str
    iso3: Iso3 | None = None
    iso2: Iso2 | None = None
    cow: Code | None = None
    gw: Code | None = None
    wikidata: Wikidata | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        rules.name(self.name)
        rules.names(self.aliases)


class Government(_Tagged, frozen=True, kw_only=True, tag="government"):
    id: Id
    name: str
    state: State
    aliases: tuple[str, ...] = ()
    in_power: str | None = None
    wikidata: Wikidata | None = None

    def __post_init__(self) -> None:
        rules.name(self.name)
        rules.names(self.aliases)
        _optional_when(self.in_power)


class Organization(_Tagged, frozen=True, kw_only=True, tag="organization"):
    id: Id
    name: str
    kind: OrganizationKind
    state: State | None = None
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: Wikidata | None = None

    def __post_init__(self) -> None:
        rules.name(self.name)
        _optional_name(self.acronym)
        rules.names(self.aliases)


Party: TypeAlias = State | Government | Organization


class Person(_Model, frozen=True, kw_only=True):
    id: Id
    name: str
    transliterations: tuple[str, ...] = ()
    wikidata: Wikidata | None = None

    def __post_init__(self) -> None:
        rules.name(self.name)
        rules.names(self.transliterations)


class Official(_Tagged, frozen=True, kw_only=True, tag="official"):
    person: Person
    office: str
    on_behalf_of: Party
    acting: bool = False
    term: str | None = None

    def __post_init__(self) -> None:
        rules.name(self.office)
        _optional_when(self.term)


Participant: TypeAlias = Official | State | Government | Organization


class Envoy(_Model, frozen=True, kw_only=True):
    person: Person
    rank: DiplomaticRank
    sending: Party
    receiving: Party
    title: str | None = None

    def __post_init__(self) -> None:
        _optional_name(self.title)
        rules.envoy(self)


class Place(_Model, frozen=True, kw_only=True):
    name: str
    country: State | None = None
    wikidata: Wikidata | None = None
    latitude: Annotated[float, Meta(ge=-90.0, le=90.0)] | None = None
    longitude: Annotated[float, Meta(ge=-180.0, le=180.0)] | None = None

    def __post_init__(self) -> None:
        rules.name(self.name)
        rules.place(self)


class Source(_Model, frozen=True, kw_only=True):
    id: Id
    title: str
    publisher: str | None = None
    url: Url | None = None
    published: str | None = None
    language: Language | None = None
    kind: SourceKind = SourceKind.NEWS
    retrieved: Instant | None = None

    def __post_init__(self) -> None:
        rules.name(self.title)
        _optional_name(self.publisher)
        _optional_when(self.published)
        if self.retrieved is not None and self.retrieved.utcoffset():
            raise ValueError("retrieved is not in UTC")


class Citation(_Model, frozen=True, kw_only=True):
    source: Source
    quote: str | None = None
    locator: str | None = None
    confidence: Annotated[float, Meta(ge=0.0, le=1.0)] | None = None

    def __post_init__(self) -> None:
        _optional_text(self.quote)
        _optional_name(self.locator)


class _EventBase(_Tagged, frozen=True, kw_only=True):
    id: Id
    on: str
    place: Place | None = None
    sources: tuple[Citation, ...] = ()
    certainty: Certainty = Certainty.REPORTED
    notes: str | None = None


class RecognitionAct(_EventBase, frozen=True, kw_only=True, tag="recognition-act"):
    recognizer: Party
    recognized: Party
    legal_status: LegalStatus = LegalStatus.UNSPECIFIED
    form: RecognitionForm
    instrument: RecognitionInstrument | None = None
    conditions: tuple[str, ...] = ()
    collective_with: tuple[Party, ...] = ()
    announced: str | None = None
    effective: str | None = None
    characterization: Characterization = Characterization.UNSTATED
    described_as: str | None = None
    basis: tuple[str, ...] = ()
    capacity: RecognitionCapacity | None = None
    exclusive: bool = True

    def __post_init__(self) -> None:
        rules.when(self.on)
        _optional_text(self.notes)
        rules.texts(self.conditions)
        rules.distinct(self.collective_with)
        _optional_when(self.announced)
        _optional_when(self.effective)
        _optional_text(self.described_as)
        rules.event_ids(self.basis)
        rules.recognition(self)


class RecognitionWithdrawal(_EventBase, frozen=True, kw_only=True, tag="recognition-withdrawal"):
    withdrawer: Party
    recognized: Party
    kind: WithdrawalKind = WithdrawalKind.WITHDRAWAL
    in_favour_of: Party | None = None
    claimed_by: tuple[Party, ...] = ()
    denied_by: tuple[Party, ...] = ()
    announced: str | None = None
    effective: str | None = None
    described_as: str | None = None
    basis: tuple[str, ...] = ()
    form: WithdrawalForm = WithdrawalForm.UNSPECIFIED
    instrument: RecognitionInstrument | None = None
    addressee: Party | None = None

    def __post_init__(self) -> None:
        rules.when(self.on)
        _optional_text(self.notes)
        rules.distinct(self.claimed_by)
        rules.distinct(self.denied_by)
        _optional_when(self.announced)
        _optional_when(self.effective)
        _optional_text(self.described_as)
        rules.event_ids(self.basis)
        rules.withdrawal(self)


class CredentialPresentation(_EventBase, frozen=True, kw_only=True, tag="credential-presentation"):
    envoy: Envoy
    document: CredentialDocument
    received_by: Official | None = None

    def __post_init__(self) -> None:
        rules.when(self.on)
        _optional_text(self.notes)
        rules.credentials(self)


class Meeting(_EventBase, frozen=True, kw_only=True, tag="meeting"):
    participants: Annotated[tuple[Participant, ...], Meta(min_length=2)]
    mode: MeetingMode = MeetingMode.IN_PERSON
    host: Party | None = None
    subject: str | None = None
    concerning: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        rules.when(self.on)
        _optional_text(self.notes)
        rules.distinct(self.participants)
        _optional_text(self.subject)
        rules.event_ids(self.concerning)


class Statement(_EventBase, frozen=True, kw_only=True, tag="statement"):
    speaker: Participant
    stance: Stance
    concerning: tuple[str, ...] = ()
    about: tuple[Party, ...] = ()
    quote: str | None = None

    def __post_init__(self) -> None:
        rules.when(self.on)
        _optional_text(self.notes)
        rules.event_ids(self.concerning)
        rules.distinct(self.about)
        _optional_text(self.quote)


Event: TypeAlias = (
    RecognitionAct | RecognitionWithdrawal | CredentialPresentation | Meeting | Statement
)


_DECODER = msgspec.json.Decoder(Event)
_ENCODER = msgspec.json.Encoder()


def load_lines(data: bytes) -> list[Event]:
    """Every event of a JSON Lines buffer."""
    return _DECODER.decode_lines(data)


def dump_lines(events: list[Event]) -> bytes:
    """A JSON Lines buffer of events."""
    return _ENCODER.encode_lines(events)

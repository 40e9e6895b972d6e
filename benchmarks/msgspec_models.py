"""The benchmark's events as msgspec Structs, with diplorec's rules.

Written as msgspec's own documentation advises: frozen Structs, unknown fields
forbidden, unions tagged on ``"type"``, decoded strictly (msgspec's default), and every
rule that ``msgspec.Meta`` can state natively stated there (anchored patterns and
lengths for ids, codes, names and free text; numeric ranges; a minimum length), so it
runs in C. ``__post_init__`` keeps only what msgspec cannot say: distinct items, dates,
UTC instants and the cross-field rules. Dates are strings that ``__post_init__``
parses with :meth:`diplorec.When.parse`, so every library computes the same bounds with
the same cache (msgspec would read the attrs class ``When`` as an object, so the Struct
keeps the validated text). Instants use msgspec's own RFC 3339 parser with a time zone
required and a UTC check (msgspec also reads ``+00:00``, which diplorec refuses). Only
the event types of the benchmark corpus are modelled, and ``id`` is required where
diplorec would derive it (the corpus always carries ids).

The *floor* (:mod:`benchmarks.msgspec_floor`) is this same module loaded with
``NATIVE_ONLY`` set: the same Structs without any ``__post_init__``, so it checks only
what msgspec checks natively. It is the fastest a Python program can read this shape,
not a reader of diplorec's rules (it accepts bad dates and self-recognition).
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

__all__ = ["NATIVE_ONLY", "Event", "dump_lines", "load_lines"]

#: Set (before the module runs) by :mod:`benchmarks.msgspec_floor`: no ``__post_init__``.
NATIVE_ONLY: bool = bool(globals().get("NATIVE_ONLY", False))
CHECKS = not NATIVE_ONLY


def _pattern(regex: str) -> Meta:
    return Meta(pattern=f"^(?:{regex})\\Z")


Id = Annotated[str, _pattern(rules.ID)]
Iso3 = Annotated[str, _pattern(rules.ISO3)]
Iso2 = Annotated[str, _pattern(rules.ISO2)]
Wikidata = Annotated[str, _pattern(rules.WIKIDATA)]
Url = Annotated[str, _pattern(rules.URL)]
Language = Annotated[str, _pattern(rules.LANGUAGE)]
Name = Annotated[str, Meta(pattern=rules.python_anchored(rules.NAME), max_length=rules.MAX_NAME)]
Text = Annotated[str, Meta(pattern=rules.python_anchored(rules.TEXT), max_length=rules.MAX_TEXT)]
Code = Annotated[int, Meta(ge=1, le=999)]
Instant = Annotated[dt.datetime, Meta(tz=True)]


class _Model(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class _Tagged(_Model, frozen=True, kw_only=True, tag_field="type"):
    pass


def _distinct(values: tuple[object, ...]) -> None:
    if len(values) > 1:
        rules.distinct(values)  # type: ignore[arg-type]


def _optional_when(value: str | None) -> None:
    if value is not None:
        rules.when(value)


class State(_Tagged, frozen=True, kw_only=True, tag="state"):
    id: Id
    name: Name
    iso3: Iso3 | None = None
    iso2: Iso2 | None = None
    cow: Code | None = None
    gw: Code | None = None
    wikidata: Wikidata | None = None
    aliases: tuple[Name, ...] = ()

    if CHECKS:

        def __post_init__(self) -> None:
            _distinct(self.aliases)


class Government(_Tagged, frozen=True, kw_only=True, tag="government"):
    id: Id
    name: Name
    state: State
    aliases: tuple[Name, ...] = ()
    in_power: str | None = None
    wikidata: Wikidata | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            _distinct(self.aliases)
            _optional_when(self.in_power)


class Organization(_Tagged, frozen=True, kw_only=True, tag="organization"):
    id: Id
    name: Name
    kind: OrganizationKind
    state: State | None = None
    acronym: Name | None = None
    aliases: tuple[Name, ...] = ()
    wikidata: Wikidata | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            _distinct(self.aliases)


Party: TypeAlias = State | Government | Organization


class Person(_Model, frozen=True, kw_only=True):
    id: Id
    name: Name
    transliterations: tuple[Name, ...] = ()
    wikidata: Wikidata | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            _distinct(self.transliterations)


class Official(_Tagged, frozen=True, kw_only=True, tag="official"):
    person: Person
    office: Name
    on_behalf_of: Party
    acting: bool = False
    term: str | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            _optional_when(self.term)


Participant: TypeAlias = Official | State | Government | Organization


class Envoy(_Model, frozen=True, kw_only=True):
    person: Person
    rank: DiplomaticRank
    sending: Party
    receiving: Party
    title: Name | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            rules.envoy(self)


class Place(_Model, frozen=True, kw_only=True):
    name: Name
    country: State | None = None
    wikidata: Wikidata | None = None
    latitude: Annotated[float, Meta(ge=-90.0, le=90.0)] | None = None
    longitude: Annotated[float, Meta(ge=-180.0, le=180.0)] | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            rules.place(self)


class Source(_Model, frozen=True, kw_only=True):
    id: Id
    title: Name
    publisher: Name | None = None
    url: Url | None = None
    published: str | None = None
    language: Language | None = None
    kind: SourceKind = SourceKind.NEWS
    retrieved: Instant | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            _optional_when(self.published)
            if self.retrieved is not None and self.retrieved.utcoffset():
                raise ValueError("retrieved is not in UTC")


class Citation(_Model, frozen=True, kw_only=True):
    source: Source
    quote: Text | None = None
    locator: Name | None = None
    confidence: Annotated[float, Meta(ge=0.0, le=1.0)] | None = None


class _EventBase(_Tagged, frozen=True, kw_only=True):
    id: Id
    on: str
    place: Place | None = None
    sources: tuple[Citation, ...] = ()
    certainty: Certainty = Certainty.REPORTED
    notes: Text | None = None


class RecognitionAct(_EventBase, frozen=True, kw_only=True, tag="recognition-act"):
    recognizer: Party
    recognized: Party
    legal_status: LegalStatus = LegalStatus.UNSPECIFIED
    form: RecognitionForm
    instrument: RecognitionInstrument | None = None
    conditions: tuple[Text, ...] = ()
    collective_with: tuple[Party, ...] = ()
    announced: str | None = None
    effective: str | None = None
    characterization: Characterization = Characterization.UNSTATED
    described_as: Text | None = None
    basis: tuple[Id, ...] = ()
    capacity: RecognitionCapacity | None = None
    exclusive: bool = True

    if CHECKS:

        def __post_init__(self) -> None:
            rules.when(self.on)
            _distinct(self.collective_with)
            _optional_when(self.announced)
            _optional_when(self.effective)
            _distinct(self.basis)
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
    described_as: Text | None = None
    basis: tuple[Id, ...] = ()
    form: WithdrawalForm = WithdrawalForm.UNSPECIFIED
    instrument: RecognitionInstrument | None = None
    addressee: Party | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            rules.when(self.on)
            _distinct(self.claimed_by)
            _distinct(self.denied_by)
            _optional_when(self.announced)
            _optional_when(self.effective)
            _distinct(self.basis)
            rules.withdrawal(self)


class CredentialPresentation(_EventBase, frozen=True, kw_only=True, tag="credential-presentation"):
    envoy: Envoy
    document: CredentialDocument
    received_by: Official | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            rules.when(self.on)
            rules.credentials(self)


class Meeting(_EventBase, frozen=True, kw_only=True, tag="meeting"):
    participants: Annotated[tuple[Participant, ...], Meta(min_length=2)]
    mode: MeetingMode = MeetingMode.IN_PERSON
    host: Party | None = None
    subject: Text | None = None
    concerning: tuple[Id, ...] = ()

    if CHECKS:

        def __post_init__(self) -> None:
            rules.when(self.on)
            _distinct(self.participants)
            _distinct(self.concerning)


class Statement(_EventBase, frozen=True, kw_only=True, tag="statement"):
    speaker: Participant
    stance: Stance
    concerning: tuple[Id, ...] = ()
    about: tuple[Party, ...] = ()
    quote: Text | None = None

    if CHECKS:

        def __post_init__(self) -> None:
            rules.when(self.on)
            _distinct(self.concerning)
            _distinct(self.about)


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

"""The benchmark's events as pydantic v2 models, with diplorec's rules.

Written as pydantic's own documentation advises: strict mode, unknown keys forbidden,
frozen models, NaN and infinities refused, and every rule pydantic-core can state
natively stated there (``StringConstraints`` patterns and lengths for ids, codes,
names and free text; ``Field`` ranges for numbers; enums; discriminated unions on
``"type"``), so it runs in Rust. Python validators remain only for what pydantic
cannot say: distinct items, dates (parsed by :meth:`diplorec.When.parse`, so every
library computes the same bounds with the same cache), UTC instants written ``Z``
and the cross-field rules. Only the event types of the benchmark corpus are
modelled, and the comparison models require ``id`` where diplorec would derive it
(the corpus always carries ids).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from benchmarks import rules
from diplorec.dates import When
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

__all__ = ["EVENT_ADAPTER", "Event", "dump_line", "load_line"]


def _pattern(regex: str) -> object:
    return StringConstraints(pattern=f"^(?:{regex})$")


Id = Annotated[str, _pattern(rules.ID)]
Iso3 = Annotated[str, _pattern(rules.ISO3)]
Iso2 = Annotated[str, _pattern(rules.ISO2)]
Wikidata = Annotated[str, _pattern(rules.WIKIDATA)]
Url = Annotated[str, _pattern(rules.URL)]
Language = Annotated[str, _pattern(rules.LANGUAGE)]
Name = Annotated[str, StringConstraints(max_length=rules.MAX_NAME, pattern=rules.NAME)]
Names = Annotated[tuple[Name, ...], AfterValidator(rules.distinct_items)]
Text = Annotated[str, StringConstraints(max_length=rules.MAX_TEXT, pattern=rules.TEXT)]
Texts = tuple[Text, ...]
EventIds = Annotated[tuple[Id, ...], AfterValidator(rules.distinct_items)]
Code = Annotated[int, Field(ge=1, le=999)]
WhenField = Annotated[When, PlainValidator(rules.when), PlainSerializer(str, return_type=str)]
Instant = Annotated[
    dt.datetime,
    PlainValidator(rules.instant),
    PlainSerializer(rules.format_instant, return_type=str),
]


class _Model(BaseModel):
    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, allow_inf_nan=False, hide_input_in_errors=True
    )


class State(_Model):
    type: Literal["state"]
    id: Id
    name: Name
    iso3: Iso3 | None = None
    iso2: Iso2 | None = None
    cow: Code | None = None
    gw: Code | None = None
    wikidata: Wikidata | None = None
    aliases: Names = ()


class Government(_Model):
    type: Literal["government"]
    id: Id
    name: Name
    state: State
    aliases: Names = ()
    in_power: WhenField | None = None
    wikidata: Wikidata | None = None


class Organization(_Model):
    type: Literal["organization"]
    id: Id
    name: Name
    kind: OrganizationKind
    state: State | None = None
    acronym: Name | None = None
    aliases: Names = ()
    wikidata: Wikidata | None = None


Party: TypeAlias = Annotated[State | Government | Organization, Field(discriminator="type")]


Parties = Annotated[tuple[Party, ...], AfterValidator(rules.distinct_items)]


class Person(_Model):
    id: Id
    name: Name
    transliterations: Names = ()
    wikidata: Wikidata | None = None


class Official(_Model):
    type: Literal["official"]
    person: Person
    office: Name
    on_behalf_of: Party
    acting: bool = False
    term: WhenField | None = None


Participant: TypeAlias = Annotated[
    Official | State | Government | Organization, Field(discriminator="type")
]


class Envoy(_Model):
    person: Person
    rank: DiplomaticRank
    sending: Party
    receiving: Party
    title: Name | None = None

    @model_validator(mode="after")
    def _check(self) -> Envoy:
        rules.envoy(self)
        return self


class Place(_Model):
    name: Name
    country: State | None = None
    wikidata: Wikidata | None = None
    latitude: Annotated[float, Field(ge=-90.0, le=90.0)] | None = None
    longitude: Annotated[float, Field(ge=-180.0, le=180.0)] | None = None

    @model_validator(mode="after")
    def _check(self) -> Place:
        rules.place(self)
        return self


class Source(_Model):
    id: Id
    title: Name
    publisher: Name | None = None
    url: Url | None = None
    published: WhenField | None = None
    language: Language | None = None
    kind: SourceKind = SourceKind.NEWS
    retrieved: Instant | None = None


class Citation(_Model):
    source: Source
    quote: Text | None = None
    locator: Name | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None = None


class _EventBase(_Model):
    id: Id
    on: WhenField
    place: Place | None = None
    sources: tuple[Citation, ...] = ()
    certainty: Certainty = Certainty.REPORTED
    notes: Text | None = None


class RecognitionAct(_EventBase):
    type: Literal["recognition-act"]
    recognizer: Party
    recognized: Party
    legal_status: LegalStatus = LegalStatus.UNSPECIFIED
    form: RecognitionForm
    instrument: RecognitionInstrument | None = None
    conditions: Texts = ()
    collective_with: Parties = ()
    announced: WhenField | None = None
    effective: WhenField | None = None
    characterization: Characterization = Characterization.UNSTATED
    described_as: Text | None = None
    basis: EventIds = ()
    capacity: RecognitionCapacity | None = None
    exclusive: bool = True

    @model_validator(mode="after")
    def _check(self) -> RecognitionAct:
        rules.recognition(self)
        return self


class RecognitionWithdrawal(_EventBase):
    type: Literal["recognition-withdrawal"]
    withdrawer: Party
    recognized: Party
    kind: WithdrawalKind = WithdrawalKind.WITHDRAWAL
    in_favour_of: Party | None = None
    claimed_by: Parties = ()
    denied_by: Parties = ()
    announced: WhenField | None = None
    effective: WhenField | None = None
    described_as: Text | None = None
    basis: EventIds = ()
    form: WithdrawalForm = WithdrawalForm.UNSPECIFIED
    instrument: RecognitionInstrument | None = None
    addressee: Party | None = None

    @model_validator(mode="after")
    def _check(self) -> RecognitionWithdrawal:
        rules.withdrawal(self)
        return self


class CredentialPresentation(_EventBase):
    type: Literal["credential-presentation"]
    envoy: Envoy
    document: CredentialDocument
    received_by: Official | None = None

    @model_validator(mode="after")
    def _check(self) -> CredentialPresentation:
        rules.credentials(self)
        return self


class Meeting(_EventBase):
    type: Literal["meeting"]
    participants: Annotated[
        tuple[Participant, ...], Field(min_length=2), AfterValidator(rules.distinct_items)
    ]
    mode: MeetingMode = MeetingMode.IN_PERSON
    host: Party | None = None
    subject: Text | None = None
    concerning: EventIds = ()


class Statement(_EventBase):
    type: Literal["statement"]
    speaker: Participant
    stance: Stance
    concerning: EventIds = ()
    about: Parties = ()
    quote: Text | None = None


Event: TypeAlias = Annotated[
    RecognitionAct | RecognitionWithdrawal | CredentialPresentation | Meeting | Statement,
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def load_line(line: bytes) -> Event:
    """One event from one line of JSON."""
    return EVENT_ADAPTER.validate_json(line)


def dump_line(event: Event) -> bytes:
    """One line of JSON (no newline) for an event; ``None`` fields are left out."""
    return EVENT_ADAPTER.dump_json(event, exclude_none=True)

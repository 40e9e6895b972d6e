"""Strategies for every event class and the :data:`~diplorec.Event` union."""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeAlias, TypedDict, Unpack, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec._cameo import cameo_table
from diplorec.actors import Envoy, Official, Party, Person, Place
from diplorec.dates import When
from diplorec.events import (
    EVENT_TYPES,
    CodedEvent,
    CredentialPresentation,
    DesignationChange,
    DiplomaticTies,
    EnvoyAppointment,
    Event,
    Meeting,
    Participant,
    RecognitionAct,
    RecognitionWithdrawal,
    RelationsChange,
    Statement,
)
from diplorec.provenance import Citation
from diplorec.strategies._actors import (
    _classes,
    _distinct_pair,
    citations,
    envoys,
    officials,
    parties,
    persons,
    places,
)
from diplorec.strategies._core import (
    _UNSET,
    Narrowing,
    T,
    _draw_where,
    _lift,
    _optional,
    _party_id,
    _public,
    _tuples,
    _unique_lists,
)
from diplorec.strategies._dates import whens
from diplorec.strategies._text import _derived_or, event_ids, names, texts
from diplorec.strategies._vocab import (
    appointment_stages,
    certainties,
    characterizations,
    credential_documents,
    designation_actions,
    legal_statuses,
    meeting_modes,
    recognition_forms,
    recognition_instruments,
    relations_actions,
    representation_levels,
    stances,
    withdrawal_kinds,
)
from diplorec.vocab import (
    AppointmentStage,
    Certainty,
    Characterization,
    CredentialDocument,
    DesignationAction,
    LegalStatus,
    MeetingMode,
    RecognitionForm,
    RecognitionInstrument,
    RelationsAction,
    RepresentationLevel,
    Stance,
    WithdrawalKind,
)

# -- events -------------------------------------------------------------------------


class EventFields(TypedDict, total=False):
    """Fields every event has; each event strategy takes them as keyword arguments.

    Like every narrowing argument, each is a fixed value or a strategy to draw from.
    """

    id: str | SearchStrategy[str]
    on: When | SearchStrategy[When]
    place: Place | SearchStrategy[Place | None] | None
    sources: tuple[Citation, ...] | SearchStrategy[tuple[Citation, ...]]
    certainty: Certainty | SearchStrategy[Certainty]
    notes: str | SearchStrategy[str | None] | None


_COMMON_FIELDS: Final = frozenset(EventFields.__annotations__)


def _common_fields(tag: str, given: EventFields) -> SearchStrategy[dict[str, Any]]:
    unknown = sorted(set(given) - _COMMON_FIELDS)
    if unknown:
        raise InvalidArgument(f"unknown event field(s) {', '.join(unknown)}")
    defaults: dict[str, SearchStrategy[Any]] = {
        "id": _derived_or(tag),
        "on": whens(),
        "place": _optional(places()),
        "sources": _tuples(citations(), max_size=2),
        "certainty": certainties(),
        "notes": _optional(texts()),
    }
    lifted = {
        name: _lift(cast(Any, given.get(name, _UNSET)), default)
        for name, default in defaults.items()
    }
    return st.fixed_dictionaries(lifted)


class _Cast(typing.NamedTuple):
    """Where an event strategy draws its parties and people from, built once."""

    parties: SearchStrategy[Party]
    people: SearchStrategy[Person]
    officials: SearchStrategy[Official]
    envoys: SearchStrategy[Envoy]
    participants: SearchStrategy[Participant]
    party_tuples: SearchStrategy[tuple[Party, ...]]
    two_parties: SearchStrategy[tuple[Party, ...]]

    @classmethod
    def of(cls, among: _PartyPool, people: _PeoplePool) -> _Cast:
        if among is None and people is None:
            return _default_cast()
        party = _pool(among, parties)
        person = _pool(people, persons)
        official = officials(person=person, on_behalf_of=party)
        return cls(
            parties=party,
            people=person,
            officials=official,
            envoys=envoys(person=person, sending=party, receiving=party),
            participants=party | official,
            party_tuples=_tuples(party, max_size=2, unique_by=_party_id),
            two_parties=_unique_lists(party, min_size=2, max_size=2, unique_by=_party_id).map(
                tuple
            ),
        )


_PeoplePool: TypeAlias = SearchStrategy[Person] | Iterable[Person] | None
_PartyPool: TypeAlias = SearchStrategy[Party] | Iterable[Party] | None


@functools.cache
def _default_cast() -> _Cast:
    return _Cast.of(parties(), persons())


def _pool(
    given: SearchStrategy[T] | Iterable[T] | None, default: Callable[[], SearchStrategy[T]]
) -> SearchStrategy[T]:
    if given is None:
        return default()
    if isinstance(given, SearchStrategy):
        return given
    return st.sampled_from(tuple(given))


@functools.cache
def _links() -> SearchStrategy[tuple[str, ...]]:
    return _tuples(event_ids(), max_size=2, unique_by=str)


def _without(banned: Iterable[str], found: tuple[Party, ...]) -> tuple[Party, ...]:
    ids = set(banned)
    return tuple(p for p in found if p.id not in ids)


def _ids_of(found: Iterable[Party]) -> set[str]:
    return {p.id for p in found}


@_public
def recognition_acts(
    *,
    recognizer: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    legal_status: Narrowing[LegalStatus] = _UNSET,
    form: Narrowing[RecognitionForm] = _UNSET,
    instrument: Narrowing[RecognitionInstrument | None] = _UNSET,
    conditions: Narrowing[tuple[str, ...]] = _UNSET,
    collective_with: Narrowing[tuple[Party, ...]] = _UNSET,
    announced: Narrowing[When | None] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    characterization: Narrowing[Characterization] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RecognitionAct]:
    """Acts of recognition of a state, a government or an organization by another party.

    Like every event strategy, it takes ``among`` and ``people`` (a strategy or a
    collection): where every party and every person of the event is drawn from, in
    whatever role is not fixed. The recognizer and the recognized always differ, and
    ``collective_with`` never lists either of them.

    >>> from diplorec.reference import RUSSIA
    >>> strategy = recognition_acts(recognizer=RUSSIA, form=RecognitionForm.EXPRESS)
    """
    cast_ = _Cast.of(among, people)
    pair = _distinct_pair(_lift(recognizer, cast_.parties), _lift(recognized, cast_.parties))
    partners = _lift(collective_with, cast_.party_tuples)
    fields: SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {
            "legal_status": _lift(legal_status, legal_statuses()),
            "form": _lift(form, recognition_forms()),
            "instrument": _lift(instrument, _optional(recognition_instruments())),
            "conditions": _lift(conditions, _tuples(texts(), max_size=2)),
            "announced": _lift(announced, _optional(whens())),
            "effective": _lift(effective, _optional(whens())),
            "characterization": _lift(characterization, characterizations()),
            "described_as": _lift(
                described_as, _optional(st.just("the act of official recognition") | texts())
            ),
            "basis": _lift(basis, _links()),
        }
    )
    base = _common_fields(RecognitionAct.TAG, common)
    defaulted = collective_with is _UNSET

    @st.composite
    def build(draw: st.DrawFn) -> RecognitionAct:
        by, of = draw(pair)
        ids = (by.id, of.id)
        if defaulted:
            together = _without(ids, draw(partners))
        else:
            together = _draw_where(draw, partners, lambda ps: not _ids_of(ps) & set(ids))
        from diplorec.strategies._policies import act_fields  # spec 1.1 fields

        return RecognitionAct(
            **draw(base), **draw(fields), **draw(act_fields(of)),
            recognizer=by, recognized=of, collective_with=together,
        )  # fmt: skip

    return build()


@_public
def recognition_withdrawals(
    *,
    withdrawer: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    kind: Narrowing[WithdrawalKind] = _UNSET,
    in_favour_of: Narrowing[Party | None] = _UNSET,
    claimed_by: Narrowing[tuple[Party, ...]] = _UNSET,
    denied_by: Narrowing[tuple[Party, ...]] = _UNSET,
    announced: Narrowing[When | None] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RecognitionWithdrawal]:
    """Withdrawals, suspensions and switches of recognition, claimed and denied.

    A rival (``in_favour_of``) is drawn only for a switch, and differs from both
    parties; no party both claims and denies the same withdrawal.

    >>> strategy = recognition_withdrawals(kind=WithdrawalKind.SWITCH)
    """
    cast_ = _Cast.of(among, people)
    pair = _distinct_pair(_lift(withdrawer, cast_.parties), _lift(recognized, cast_.parties))
    kinds = _lift(kind, withdrawal_kinds())
    rivals = _lift(in_favour_of, _optional(cast_.parties))
    claims = _lift(claimed_by, cast_.party_tuples)
    denials = _lift(denied_by, cast_.party_tuples)
    fields: SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {
            "announced": _lift(announced, _optional(whens())),
            "effective": _lift(effective, _optional(whens())),
            "described_as": _lift(described_as, _optional(texts())),
            "basis": _lift(basis, _links()),
        }
    )
    base = _common_fields(RecognitionWithdrawal.TAG, common)

    @st.composite
    def build(draw: st.DrawFn) -> RecognitionWithdrawal:
        by, of = draw(pair)
        ids = {by.id, of.id}
        if in_favour_of is _UNSET:
            kind_ = draw(kinds)
            rival = draw(rivals) if kind_ is WithdrawalKind.SWITCH else None
            if rival is not None and rival.id in ids:
                rival = None
        else:
            rival = _draw_where(draw, rivals, lambda p: p is None or p.id not in ids)
            kind_ = _draw_where(draw, kinds, lambda k: rival is None or k is WithdrawalKind.SWITCH)
        claimed = draw(claims)
        if denied_by is _UNSET:
            denied = _without(_ids_of(claimed), draw(denials))
        else:
            denied = _draw_where(draw, denials, lambda ps: not _ids_of(ps) & _ids_of(claimed))
        from diplorec.strategies._policies import withdrawal_fields  # spec 1.1 fields

        return RecognitionWithdrawal(
            **draw(base),
            **draw(fields),
            **draw(withdrawal_fields(by, cast_.parties)),
            withdrawer=by,
            recognized=of,
            kind=kind_,
            in_favour_of=rival,
            claimed_by=claimed,
            denied_by=denied,
        )

    return build()


@_public
def credential_presentations(
    *,
    envoy: Narrowing[Envoy] = _UNSET,
    document: Narrowing[CredentialDocument] = _UNSET,
    received_by: Narrowing[Official | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[CredentialPresentation]:
    """Envoys presenting credentials (or a true copy) to an official who is not themselves.

    >>> strategy = credential_presentations(document=CredentialDocument.TRUE_COPY)
    """
    cast_ = _Cast.of(among, people)
    envoys_ = _lift(envoy, cast_.envoys)
    receivers = _lift(received_by, _optional(cast_.officials))
    documents = _lift(document, credential_documents())
    base = _common_fields(CredentialPresentation.TAG, common)

    @st.composite
    def build(draw: st.DrawFn) -> CredentialPresentation:
        envoy_ = draw(envoys_)
        receiver = _draw_where(
            draw, receivers, lambda o: o is None or o.person.id != envoy_.person.id
        )
        return CredentialPresentation(
            **draw(base), envoy=envoy_, document=draw(documents), received_by=receiver
        )

    return build()


@_public
def envoy_appointments(
    *,
    envoy: Narrowing[Envoy] = _UNSET,
    stage: Narrowing[AppointmentStage] = _UNSET,
    predecessor: Narrowing[Person | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[EnvoyAppointment]:
    """Steps in appointing an envoy, with a predecessor who is someone else.

    >>> strategy = envoy_appointments(stage=AppointmentStage.AGREMENT_GRANTED)
    """
    cast_ = _Cast.of(among, people)
    envoys_ = _lift(envoy, cast_.envoys)
    predecessors = _lift(predecessor, _optional(cast_.people))
    stages = _lift(stage, appointment_stages())
    base = _common_fields(EnvoyAppointment.TAG, common)

    @st.composite
    def build(draw: st.DrawFn) -> EnvoyAppointment:
        envoy_ = draw(envoys_)
        before = _draw_where(draw, predecessors, lambda p: p is None or p.id != envoy_.person.id)
        return EnvoyAppointment(**draw(base), envoy=envoy_, stage=draw(stages), predecessor=before)

    return build()


def _participant_key(participant: Participant) -> str:
    if isinstance(participant, Official):
        return f"official:{participant.person.id}"
    return participant.id


def _event_builds(
    cls: Callable[..., T], base: SearchStrategy[dict[str, Any]], **own: SearchStrategy[Any]
) -> SearchStrategy[T]:
    """An event from its common fields and its own (independent) fields."""
    return st.builds(lambda common, **fields: cls(**common, **fields), base, **own)


@_public
def meetings(
    *,
    participants: Narrowing[tuple[Participant, ...]] = _UNSET,
    mode: Narrowing[MeetingMode] = _UNSET,
    host: Narrowing[Party | None] = _UNSET,
    subject: Narrowing[str | None] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Meeting]:
    """Meetings of two to four distinct participants (officials or whole parties).

    >>> strategy = meetings(mode=MeetingMode.PHONE)
    """
    cast_ = _Cast.of(among, people)
    who = _unique_lists(cast_.participants, min_size=2, max_size=4, unique_by=_participant_key)
    return _event_builds(
        Meeting,
        _common_fields(Meeting.TAG, common),
        participants=_lift(participants, who.map(tuple)),
        mode=_lift(mode, meeting_modes()),
        host=_lift(host, _optional(cast_.parties)),
        subject=_lift(subject, _optional(texts())),
        concerning=_lift(concerning, _links()),
    )


@_public
def statements(
    *,
    speaker: Narrowing[Participant] = _UNSET,
    stance: Narrowing[Stance] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    about: Narrowing[tuple[Party, ...]] = _UNSET,
    quote: Narrowing[str | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Statement]:
    """Statements: a speaker's stance on events and parties, with a quote.

    >>> strategy = statements(stance=Stance.WELCOMES)
    """
    cast_ = _Cast.of(among, people)
    return _event_builds(
        Statement,
        _common_fields(Statement.TAG, common),
        speaker=_lift(speaker, cast_.participants),
        stance=_lift(stance, stances()),
        concerning=_lift(concerning, _links()),
        about=_lift(about, cast_.party_tuples),
        quote=_lift(quote, _optional(texts())),
    )


_LIST_NAMES: Final = (
    "list of terrorist organisations",
    "Consolidated United Nations Security Council Sanctions List",
    "Единый федеральный список организаций, признанных террористическими",
)


@_public
def designation_changes(
    *,
    authority: Narrowing[Party] = _UNSET,
    entity: Narrowing[Party] = _UNSET,
    action: Narrowing[DesignationAction] = _UNSET,
    list_name: Narrowing[str] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[DesignationChange]:
    """An authority lists, delists or suspends the listing of another party.

    >>> strategy = designation_changes(action=DesignationAction.SUSPEND)
    """
    cast_ = _Cast.of(among, people)
    pairs = _distinct_pair(_lift(authority, cast_.parties), _lift(entity, cast_.parties))
    return st.builds(
        lambda pair, common, **fields: DesignationChange(
            **common, authority=pair[0], entity=pair[1], **fields
        ),
        pairs,
        _common_fields(DesignationChange.TAG, common),
        action=_lift(action, designation_actions()),
        list_name=_lift(list_name, st.sampled_from(_LIST_NAMES) | names()),
        effective=_lift(effective, _optional(whens())),
    )


def _level_fits(
    action: RelationsAction, before: RepresentationLevel | None, after: RepresentationLevel | None
) -> bool:
    """Whether the levels suit the action: an upgrade raises the level, a downgrade lowers it."""
    if before is None or after is None:
        return True
    if action is RelationsAction.UPGRADED:
        return after.rank > before.rank
    if action is RelationsAction.DOWNGRADED:
        return after.rank < before.rank
    return True


def _sorted_levels(
    action: RelationsAction, levels: tuple[RepresentationLevel, RepresentationLevel]
) -> tuple[RepresentationLevel, RepresentationLevel]:
    low, high = sorted(levels, key=lambda level: level.rank)
    return (high, low) if action is RelationsAction.DOWNGRADED else (low, high)


@_public
def relations_changes(
    *,
    parties: Narrowing[tuple[Party, ...]] = _UNSET,
    action: Narrowing[RelationsAction] = _UNSET,
    initiated_by: Narrowing[Party | None] = _UNSET,
    level_before: Narrowing[RepresentationLevel | None] = _UNSET,
    level_after: Narrowing[RepresentationLevel | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RelationsChange]:
    """Relations established, restored, upgraded, downgraded, suspended or severed.

    ``parties`` are the two parties (distinct ids). An upgrade always raises the
    representation level and a downgrade lowers it.

    >>> strategy = relations_changes(action=RelationsAction.UPGRADED)
    """
    cast_ = _Cast.of(among, people)
    actions = _lift(action, relations_actions())
    levels = _optional(representation_levels())
    befores = _lift(level_before, levels)
    afters = _lift(level_after, levels)
    distinct_levels = _unique_lists(
        representation_levels(), min_size=2, max_size=2, unique_by=lambda level: level.rank
    )
    fields: SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {
            "parties": _lift(parties, cast_.two_parties),
            "initiated_by": _lift(initiated_by, _optional(cast_.parties)),
        }
    )
    base = _common_fields(RelationsChange.TAG, common)
    defaulted = level_before is _UNSET and level_after is _UNSET

    @st.composite
    def build(draw: st.DrawFn) -> RelationsChange:
        action_ = draw(actions)
        before = draw(befores)
        after: RepresentationLevel | None
        if defaulted and before is not None and draw(st.booleans()):
            low, high = draw(distinct_levels)
            before, after = _sorted_levels(action_, (low, high))
        else:
            after = _draw_where(draw, afters, lambda level: _level_fits(action_, before, level))
        return RelationsChange(
            **draw(base), **draw(fields), action=action_, level_before=before, level_after=after
        )

    return build()


@_public
def diplomatic_ties(
    *,
    parties: Narrowing[tuple[Party, ...]] = _UNSET,
    level: Narrowing[RepresentationLevel | None] = _UNSET,
    envoys_exchanged: Narrowing[bool | None] = _UNSET,
    formal_recognition: Narrowing[bool | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[DiplomaticTies]:
    """Observed ties between two parties, with or without formal recognition.

    >>> strategy = diplomatic_ties(formal_recognition=False)
    """
    cast_ = _Cast.of(among, people)
    return _event_builds(
        DiplomaticTies,
        _common_fields(DiplomaticTies.TAG, common),
        parties=_lift(parties, cast_.two_parties),
        level=_lift(level, _optional(representation_levels())),
        envoys_exchanged=_lift(envoys_exchanged, _optional(st.booleans())),
        formal_recognition=_lift(formal_recognition, _optional(st.booleans())),
    )


@_public
def coded_events(
    *,
    cameo: Narrowing[str] = _UNSET,
    description: Narrowing[str] = _UNSET,
    actor: Narrowing[Party | None] = _UNSET,
    target: Narrowing[Party | None] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[CodedEvent]:
    """Other events, with any CAMEO code from the shipped table.

    >>> strategy = coded_events(cameo="054")
    """
    cast_ = _Cast.of(among, people)
    return _event_builds(
        CodedEvent,
        _common_fields(CodedEvent.TAG, common),
        cameo=_lift(cameo, st.sampled_from(sorted(cameo_table()))),
        description=_lift(description, texts()),
        actor=_lift(actor, _optional(cast_.parties)),
        target=_lift(target, _optional(cast_.parties)),
        concerning=_lift(concerning, _links()),
    )


_EVENT_STRATEGIES: Final[dict[type[Any], Callable[..., SearchStrategy[Any]]]] = {
    RecognitionAct: recognition_acts,
    RecognitionWithdrawal: recognition_withdrawals,
    CredentialPresentation: credential_presentations,
    EnvoyAppointment: envoy_appointments,
    Meeting: meetings,
    Statement: statements,
    DesignationChange: designation_changes,
    RelationsChange: relations_changes,
    DiplomaticTies: diplomatic_ties,
    CodedEvent: coded_events,
}


@_public
def events(
    *,
    types: type[Event] | Iterable[type[Event]] | None = None,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Event]:
    """Events of every type (the :data:`~diplorec.Event` union), or of the ``types`` given.

    >>> from diplorec import Meeting, RecognitionAct
    >>> strategy = events(types=(RecognitionAct, Meeting))
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    if among is None and people is None and not common:
        return st.one_of([_EVENT_STRATEGIES[cls]() for cls in chosen])
    return st.one_of(
        [_EVENT_STRATEGIES[cls](among=among, people=people, **common) for cls in chosen]
    )


@_public
def participants(
    *, among: _PartyPool = None, people: _PeoplePool = None
) -> SearchStrategy[Participant]:
    """Officials, states, governments and organizations (the ``Participant`` union)."""
    return _Cast.of(among, people).participants


# Registers recognition_policies in _EVENT_STRATEGIES (it builds on the helpers above).
from diplorec.strategies import _policies  # noqa: E402, F401

"""Strategies for every event class and the :data:`~diplorec.Event` union."""

from __future__ import annotations

import datetime as dt
import functools
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeAlias, TypedDict, TypeVar, Unpack, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec import events as ev
from diplorec import reference, vocab
from diplorec._cameo import cameo_table
from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place
from diplorec.dates import When
from diplorec.provenance import Citation, Source
from diplorec.strategies._actors import (
    _REFERENCE_STATES,
    _classes,
    _distinct_pair,
    _members_of,
    _refuse_same,
    _sample_or,
    _with_members,
    citations,
    envoys,
    officials,
    parties,
    persons,
    places,
    sources,
)
from diplorec.strategies._core import (
    _UNSET,
    Narrowing,
    P,
    R,
    T,
    _choice,
    _distinct_items,
    _draw_fields,
    _draw_where,
    _Fields,
    _flat,
    _lift,
    _mostly,
    _one_of,
    _optional,
    _party_id,
    _public,
    _record,
    _tuples,
    _unique_lists,
)
from diplorec.strategies._dates import times_of_day, whens
from diplorec.strategies._rules import rule_default
from diplorec.strategies._text import _derived_or, event_ids, names, texts
from diplorec.strategies._vocab import (
    relations_actions,
    representation_levels,
    withdrawal_kinds,
)

# -- events -------------------------------------------------------------------------


class EventFields(TypedDict, total=False):
    """Fields every event has; each event strategy takes them as keyword arguments.

    Like every narrowing argument, each is a fixed value or a strategy to draw from.
    """

    id: str | SearchStrategy[str]
    on: When | SearchStrategy[When]
    at: dt.time | SearchStrategy[dt.time | None] | None
    place: Place | SearchStrategy[Place | None] | None
    sources: tuple[Citation, ...] | SearchStrategy[tuple[Citation, ...]]
    certainty: vocab.Certainty | SearchStrategy[vocab.Certainty]
    notes: str | SearchStrategy[str | None] | None


_COMMON_FIELDS: Final = frozenset(EventFields.__annotations__)


def _common_fields(tag: str, given: EventFields, **shared: Narrowing[Any]) -> _Fields:
    """The fields every event has, narrowed as ``given``, then those of ``shared``
    (see :func:`_add_shared`); the event adds its own."""
    unknown = sorted(set(given) - _COMMON_FIELDS)
    if unknown:
        raise InvalidArgument(f"unknown event field(s) {', '.join(unknown)}")
    fields = _Fields()
    fields.add("id", given.get("id", _UNSET), _derived_or(tag))
    fields.add("on", given.get("on", _UNSET), whens())
    fields.maybe("at", given.get("at", _UNSET), times_of_day())
    fields.maybe("place", given.get("place", _UNSET), _default_places())
    fields.some("sources", given.get("sources", _UNSET), _default_citations(), max_size=2)
    fields.add("certainty", given.get("certainty", _UNSET), rule_default(ev.EventBase, "certainty"))
    fields.maybe("notes", given.get("notes", _UNSET), texts())
    return _add_shared(fields, **shared)


#: Fields several event types have besides the common ones, drawn alike: the tuples
#: (their items and bounds) ...
_SHARED_TUPLES: Final[dict[str, tuple[Callable[[], SearchStrategy[Any]], dict[str, Any]]]] = {
    "basis": (event_ids, {"max_size": 2, "unique_by": str}),
    "concerning": (event_ids, {"max_size": 2, "unique_by": str}),
    "conditions": (texts, {"max_size": 2}),
}
#: ... and the optional values.
_SHARED_OPTIONAL: Final[dict[str, Callable[[], SearchStrategy[Any]]]] = {
    "announced": whens,
    "effective": whens,
    "described_as": texts,
}


def _add_shared(fields: _Fields, **given: Narrowing[Any]) -> _Fields:
    """``fields`` with the shared fields ``given`` narrows (each name a key of
    :data:`_SHARED_TUPLES` or :data:`_SHARED_OPTIONAL`), in the order given."""
    for name, value in given.items():
        if name in _SHARED_TUPLES:
            items, bounds = _SHARED_TUPLES[name]
            fields.some(name, value, items(), **bounds)
        else:
            fields.maybe(name, value, _SHARED_OPTIONAL[name]())
    return fields


#: The strategy :func:`events` draws each event class with, as registered by
#: :func:`_event_strategy`.
_EVENT_STRATEGIES: Final[dict[type[Any], Callable[..., SearchStrategy[Any]]]] = {}


def _event_strategy(
    cls: type[Any],
) -> Callable[[Callable[P, SearchStrategy[R]]], Callable[P, SearchStrategy[R]]]:
    """Make a function a public strategy (see ``_public``), the one :func:`events`
    draws ``cls`` with."""

    def register(make: Callable[P, SearchStrategy[R]]) -> Callable[P, SearchStrategy[R]]:
        strategy = _public(make)
        _EVENT_STRATEGIES[cls] = strategy
        return strategy

    return register


class _Cast(typing.NamedTuple):
    """Where an event strategy draws its parties and people from, built once."""

    parties: SearchStrategy[Party]
    people: SearchStrategy[Person]
    officials: SearchStrategy[Official]
    envoys: SearchStrategy[Envoy]
    participants: SearchStrategy[ev.Participant]
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
            participants=_one_of(party, official),
            party_tuples=_tuples(party, max_size=2, unique_by=_party_id),
            two_parties=_distinct_pair(party, party),
        )

    def pair(
        self, first: str, a: Narrowing[Party], second: str, b: Narrowing[Party]
    ) -> SearchStrategy[tuple[Party, Party]]:
        """Two parties with different ids in the roles ``first`` and ``second``, each
        drawn among the cast unless narrowed (two fixed with one id are refused)."""
        _refuse_same(first, a, second, b)
        return _distinct_pair(_lift(a, self.parties), _lift(b, self.parties))


_PeoplePool: TypeAlias = SearchStrategy[Person] | Iterable[Person] | None
_PartyPool: TypeAlias = SearchStrategy[Party] | Iterable[Party] | None


#: Well-known parties and people most events are drawn among (three times in four): a
#: value from a short list costs one choice, a made-up one a few dozen.
_KNOWN_PARTIES: Final[tuple[Party, ...]] = (
    *_REFERENCE_STATES,
    Government(name="Islamic Emirate of Afghanistan", state=reference.AFGHANISTAN,
               aliases=("Taliban",), in_power=When.parse("2021-08-15/..")),
    Government(name="Islamic Republic of Afghanistan", state=reference.AFGHANISTAN,
               in_power=When.parse("2004-01-26/2021-08-15")),
    reference.UN_SECURITY_COUNCIL,
    Organization(name="Ministry of Foreign Affairs", kind=vocab.OrganizationKind.MINISTRY,
                 state=reference.RUSSIA),
)  # fmt: skip
_KNOWN_PEOPLE: Final = (
    Person(name="Gul Hassan Hassan"),
    Person(name="Andrey Rudenko", transliterations=("Андрей Руденко",)),
    Person(name="Amir Khan Muttaqi", transliterations=("امیر خان متقی",), wikidata="Q3613364"),
)
_KNOWN_SOURCES: Final = (
    Source(title="Statement of the Ministry of Foreign Affairs", publisher="MID Rossii",
           kind=vocab.SourceKind.OFFICIAL_STATEMENT, language="ru",
           published=When.parse("2025-07-03")),
    Source(title="Russia recognises Taliban government", publisher="Reuters",
           url="https://reuters.com/world/", kind=vocab.SourceKind.NEWS, language="en"),
)  # fmt: skip


@functools.cache
def _default_places() -> SearchStrategy[Place]:
    return places()


@functools.cache
def _default_citations() -> SearchStrategy[Citation]:
    return citations(source=_mostly(_KNOWN_SOURCES, sources()))


@functools.cache
def _default_cast() -> _Cast:
    party = _with_members(_mostly(_KNOWN_PARTIES, parties()), lambda: _KNOWN_PARTIES)
    return _Cast.of(party, _mostly(_KNOWN_PEOPLE, persons()))


def _pool(
    given: SearchStrategy[T] | Iterable[T] | None, default: Callable[[], SearchStrategy[T]]
) -> SearchStrategy[T]:
    if given is None:
        return default()
    if isinstance(given, SearchStrategy):
        return given
    members: tuple[Any, ...] = tuple(given)
    return cast(SearchStrategy[T], _with_members(st.sampled_from(members), lambda: members))


@functools.cache
def _cameo_codes() -> SearchStrategy[str]:
    """The CAMEO codes of the shipped table."""
    return st.sampled_from(sorted(cameo_table()))


def _fixed(value: object) -> bool:
    """Whether a narrowing argument fixes the field to one value."""
    return value is not _UNSET and not isinstance(value, SearchStrategy)


def _without(banned: Iterable[str], found: tuple[Party, ...]) -> tuple[Party, ...]:
    ids = set(banned)
    return tuple(p for p in found if p.id not in ids)


def _ids_of(found: Iterable[Party]) -> set[str]:
    return {p.id for p in found}


@_event_strategy(ev.RecognitionAct)
def recognition_acts(
    *,
    recognizer: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    legal_status: Narrowing[vocab.LegalStatus] = _UNSET,
    form: Narrowing[vocab.RecognitionForm] = _UNSET,
    instrument: Narrowing[vocab.RecognitionInstrument | None] = _UNSET,
    conditions: Narrowing[tuple[str, ...]] = _UNSET,
    collective_with: Narrowing[tuple[Party, ...]] = _UNSET,
    announced: Narrowing[When | None] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    characterization: Narrowing[vocab.Characterization] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.RecognitionAct]:
    """Acts of recognition of a state, a government or an organization by another party.

    Like every event strategy, it takes ``among`` and ``people`` (a strategy or a
    collection): where every party and every person of the event is drawn from, in
    whatever role is not fixed. The recognizer and the recognized always differ, and
    ``collective_with`` never lists either of them.

    >>> from diplorec.reference import RUSSIA
    >>> from diplorec import RecognitionForm
    >>> strategy = recognition_acts(recognizer=RUSSIA, form=RecognitionForm.EXPRESS)
    """
    cast_ = _Cast.of(among, people)
    pair = cast_.pair("recognizer", recognizer, "recognized", recognized)
    for partner in collective_with if isinstance(collective_with, tuple) else ():
        _refuse_same("collective_with", partner, "recognizer", recognizer)
        _refuse_same("collective_with", partner, "recognized", recognized)
    partners = _lift(collective_with, cast_.party_tuples)
    fields = _common_fields(ev.RecognitionAct.TAG, common)
    defaulted = collective_with is _UNSET
    if defaulted:  # as an optional field: absent, it costs no choice of its own
        fields.some("collective_with", _UNSET, cast_.parties, max_size=2, unique_by=_party_id)
    fields.add("legal_status", legal_status, rule_default(ev.RecognitionAct, "legal_status"))
    fields.add("form", form, rule_default(ev.RecognitionAct, "form"))
    fields.maybe("instrument", instrument, rule_default(ev.RecognitionAct, "instrument"))
    fields.add(
        "characterization", characterization, rule_default(ev.RecognitionAct, "characterization")
    )
    _add_shared(fields, conditions=conditions, announced=announced, effective=effective)
    described = _sample_or(("the act of official recognition",), texts())
    fields.maybe("described_as", described_as, described)
    _add_shared(fields, basis=basis)
    from diplorec.strategies._annulments import act_claims  # spec 1.2 fields

    claims = act_claims(cast_.party_tuples)

    @_flat
    def build(draw: st.DrawFn) -> ev.RecognitionAct:
        by, of = draw(pair)
        ids = (by.id, of.id)
        values = _draw_fields(draw, fields)
        if defaulted:
            values["collective_with"] = _without(ids, values["collective_with"])
        else:
            values["collective_with"] = _draw_where(
                draw, partners, lambda ps: not _ids_of(ps) & set(ids)
            )
        from diplorec.strategies._policies import draw_act_fields  # spec 1.1 fields

        return ev.RecognitionAct(
            **values, **draw_act_fields(draw, of), **draw(claims), recognizer=by, recognized=of
        )

    return build()


@_event_strategy(ev.RecognitionWithdrawal)
def recognition_withdrawals(
    *,
    withdrawer: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    kind: Narrowing[vocab.WithdrawalKind] = _UNSET,
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
) -> SearchStrategy[ev.RecognitionWithdrawal]:
    """Withdrawals, suspensions and switches of recognition, claimed and denied.

    A rival (``in_favour_of``) is drawn only for a switch, and differs from both
    parties; no party both claims and denies the same withdrawal.

    >>> from diplorec import WithdrawalKind
    >>> strategy = recognition_withdrawals(kind=WithdrawalKind.SWITCH)
    """
    cast_ = _Cast.of(among, people)
    pair = cast_.pair("withdrawer", withdrawer, "recognized", recognized)
    if _fixed(in_favour_of) and in_favour_of is not None:
        _refuse_same("in_favour_of", in_favour_of, "withdrawer", withdrawer)
        _refuse_same("in_favour_of", in_favour_of, "recognized", recognized)
        if _fixed(kind) and kind is not vocab.WithdrawalKind.SWITCH:
            raise InvalidArgument(f"in_favour_of names a rival, so kind={kind} must be a switch")
    kinds = _lift(kind, withdrawal_kinds())
    rivals = _lift(in_favour_of, _optional(cast_.parties))
    claims = _lift(claimed_by, cast_.party_tuples)
    denials = _lift(denied_by, cast_.party_tuples)
    fields = _common_fields(ev.RecognitionWithdrawal.TAG, common)
    for name, given in (("claimed_by", claimed_by), ("denied_by", denied_by)):
        if given is _UNSET:  # as optional fields: absent, they cost no choice of their own
            fields.some(name, _UNSET, cast_.parties, max_size=2, unique_by=_party_id)
    _add_shared(
        fields, announced=announced, effective=effective, described_as=described_as, basis=basis
    )

    @_flat
    def build(draw: st.DrawFn) -> ev.RecognitionWithdrawal:
        by, of = draw(pair)
        ids = {by.id, of.id}
        if in_favour_of is _UNSET:
            kind_ = draw(kinds)
            rival = draw(rivals) if kind_ is vocab.WithdrawalKind.SWITCH else None
            if rival is not None and rival.id in ids:
                rival = None
        else:
            rival = _draw_where(draw, rivals, lambda p: p is None or p.id not in ids)
            kind_ = _draw_where(
                draw, kinds, lambda k: rival is None or k is vocab.WithdrawalKind.SWITCH
            )
        values = _draw_fields(draw, fields)
        claimed = values.pop("claimed_by") if claimed_by is _UNSET else draw(claims)
        if denied_by is _UNSET:
            denied = _without(_ids_of(claimed), values.pop("denied_by"))
        else:
            denied = _draw_where(draw, denials, lambda ps: not _ids_of(ps) & _ids_of(claimed))
        from diplorec.strategies._policies import draw_withdrawal_fields  # spec 1.1 fields

        return ev.RecognitionWithdrawal(
            **values,
            **draw_withdrawal_fields(draw, by, cast_.parties),
            withdrawer=by,
            recognized=of,
            kind=kind_,
            in_favour_of=rival,
            claimed_by=claimed,
            denied_by=denied,
        )

    return build()


@_event_strategy(ev.CredentialPresentation)
def credential_presentations(
    *,
    envoy: Narrowing[Envoy] = _UNSET,
    document: Narrowing[vocab.CredentialDocument] = _UNSET,
    received_by: Narrowing[Official | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.CredentialPresentation]:
    """Envoys presenting credentials (or a true copy) to an official who is not themselves.

    >>> from diplorec import CredentialDocument
    >>> strategy = credential_presentations(document=CredentialDocument.TRUE_COPY)
    """
    given = (envoy, document, received_by)
    return _envoy_event(ev.CredentialPresentation, given, among, people, common)


def _official_person(official: Official) -> Person:
    return official.person


def _itself(person: Person) -> Person:
    return person


_E = TypeVar("_E", bound=ev.EventBase)


class _EnvoyEvent(typing.NamedTuple):
    """How an event of an envoy and someone else (or no one) is drawn."""

    chosen: str  #: the field drawn among an enum's members
    other: str  #: the field naming someone who is not the envoy (or None)
    pool: str  #: the strategy of the cast the other is drawn from
    kind: type[Any]  #: the other's type
    person_of: Callable[[Any], Person]  #: the person in the other's value


_ENVOY_EVENTS: Final[dict[type[Any], _EnvoyEvent]] = {
    ev.CredentialPresentation: _EnvoyEvent(
        "document", "received_by", "officials", Official, _official_person
    ),
    ev.EnvoyAppointment: _EnvoyEvent("stage", "predecessor", "people", Person, _itself),
}


def _envoy_event(
    cls: type[_E],
    given: tuple[Narrowing[Envoy], Narrowing[Any], Narrowing[Any]],
    among: _PartyPool,
    people: _PeoplePool,
    common: EventFields,
) -> SearchStrategy[_E]:
    """Events of ``cls`` (a key of :data:`_ENVOY_EVENTS`), with the envoy, the chosen
    field and the other person narrowed as ``given``."""
    spec = _ENVOY_EVENTS[cls]
    name, person_of = spec.other, spec.person_of
    make: Callable[..., _E] = cls
    envoy, chosen, other = given
    if isinstance(envoy, Envoy) and isinstance(other, spec.kind):
        _refuse_same("the envoy", envoy.person, name, person_of(other))
    cast_ = _Cast.of(among, people)
    fields = _common_fields(cls.TAG, common)
    fields.add(spec.chosen, chosen, rule_default(cls, spec.chosen))
    envoys_ = _lift(envoy, cast_.envoys)
    others = _lift(other, _optional(getattr(cast_, spec.pool)))

    @_flat
    def build(draw: st.DrawFn) -> _E:
        envoy_ = draw(envoys_)
        found = _draw_where(
            draw, others, lambda value: value is None or person_of(value).id != envoy_.person.id
        )
        return make(**_draw_fields(draw, fields), envoy=envoy_, **{name: found})

    return build()


@_event_strategy(ev.EnvoyAppointment)
def envoy_appointments(
    *,
    envoy: Narrowing[Envoy] = _UNSET,
    stage: Narrowing[vocab.AppointmentStage] = _UNSET,
    predecessor: Narrowing[Person | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.EnvoyAppointment]:
    """Steps in appointing an envoy, with a predecessor who is someone else.

    >>> from diplorec import AppointmentStage
    >>> strategy = envoy_appointments(stage=AppointmentStage.AGREMENT_GRANTED)
    """
    given = (envoy, stage, predecessor)
    return _envoy_event(ev.EnvoyAppointment, given, among, people, common)


def _participant_key(participant: ev.Participant) -> str:
    if isinstance(participant, Official):
        return f"official:{participant.person.id}"
    return participant.id


@_event_strategy(ev.Meeting)
def meetings(
    *,
    participants: Narrowing[tuple[ev.Participant, ...]] = _UNSET,
    mode: Narrowing[vocab.MeetingMode] = _UNSET,
    host: Narrowing[Party | None] = _UNSET,
    subject: Narrowing[str | None] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.Meeting]:
    """Meetings of two to four distinct participants (officials or whole parties).

    >>> from diplorec import MeetingMode
    >>> strategy = meetings(mode=MeetingMode.PHONE)
    """
    cast_ = _Cast.of(among, people)
    members = _members_of(cast_.parties)
    who = _distinct_items(cast_.participants, 2, 4, _participant_key, members)
    fields = _common_fields(ev.Meeting.TAG, common)
    fields.add("participants", participants, who)
    fields.add("mode", mode, rule_default(ev.Meeting, "mode"))
    fields.maybe("host", host, cast_.parties)
    fields.maybe("subject", subject, texts())
    _add_shared(fields, concerning=concerning)
    return _record(ev.Meeting, fields)


@_event_strategy(ev.Statement)
def statements(
    *,
    speaker: Narrowing[ev.Participant] = _UNSET,
    stance: Narrowing[vocab.Stance] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    about: Narrowing[tuple[Party, ...]] = _UNSET,
    quote: Narrowing[str | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.Statement]:
    """Statements: a speaker's stance on events and parties, with a quote.

    >>> from diplorec import Stance
    >>> strategy = statements(stance=Stance.WELCOMES)
    """
    cast_ = _Cast.of(among, people)
    fields = _common_fields(ev.Statement.TAG, common)
    fields.add("speaker", speaker, cast_.participants)
    fields.add("stance", stance, rule_default(ev.Statement, "stance"))
    _add_shared(fields, concerning=concerning)
    fields.some("about", about, cast_.parties, max_size=2, unique_by=_party_id)
    fields.maybe("quote", quote, texts())
    return _record(ev.Statement, fields)


_LIST_NAMES: Final = (
    "list of terrorist organisations",
    "Consolidated United Nations Security Council Sanctions List",
    "Единый федеральный список организаций, признанных террористическими",
)


@_event_strategy(ev.DesignationChange)
def designation_changes(
    *,
    authority: Narrowing[Party] = _UNSET,
    entity: Narrowing[Party] = _UNSET,
    action: Narrowing[vocab.DesignationAction] = _UNSET,
    list_name: Narrowing[str] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.DesignationChange]:
    """An authority lists, delists or suspends the listing of another party.

    >>> from diplorec import DesignationAction
    >>> strategy = designation_changes(action=DesignationAction.SUSPEND)
    """
    cast_ = _Cast.of(among, people)
    fields = _common_fields(ev.DesignationChange.TAG, common)
    fields.add("pair", _UNSET, cast_.pair("authority", authority, "entity", entity))
    fields.add("action", action, rule_default(ev.DesignationChange, "action"))
    fields.add("list_name", list_name, _sample_or(_LIST_NAMES, names()))
    _add_shared(fields, effective=effective)
    return _record(_designation_change, fields)


def _designation_change(pair: tuple[Party, Party], **fields: Any) -> ev.DesignationChange:
    return ev.DesignationChange(authority=pair[0], entity=pair[1], **fields)


def _level_fits(
    action: vocab.RelationsAction,
    before: vocab.RepresentationLevel | None,
    after: vocab.RepresentationLevel | None,
) -> bool:
    """Whether the levels suit the action: an upgrade raises the level, a downgrade lowers it."""
    if before is None or after is None:
        return True
    if action is vocab.RelationsAction.UPGRADED:
        return after.rank > before.rank
    if action is vocab.RelationsAction.DOWNGRADED:
        return after.rank < before.rank
    return True


def _sorted_levels(
    action: vocab.RelationsAction,
    levels: tuple[vocab.RepresentationLevel, vocab.RepresentationLevel],
) -> tuple[vocab.RepresentationLevel, vocab.RepresentationLevel]:
    low, high = sorted(levels, key=lambda level: level.rank)
    return (high, low) if action is vocab.RelationsAction.DOWNGRADED else (low, high)


@_event_strategy(ev.RelationsChange)
def relations_changes(
    *,
    parties: Narrowing[tuple[Party, ...]] = _UNSET,
    action: Narrowing[vocab.RelationsAction] = _UNSET,
    initiated_by: Narrowing[Party | None] = _UNSET,
    level_before: Narrowing[vocab.RepresentationLevel | None] = _UNSET,
    level_after: Narrowing[vocab.RepresentationLevel | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.RelationsChange]:
    """Relations established, restored, upgraded, downgraded, suspended or severed.

    ``parties`` are the two parties (distinct ids). An upgrade always raises the
    representation level and a downgrade lowers it.

    >>> from diplorec import RelationsAction
    >>> strategy = relations_changes(action=RelationsAction.UPGRADED)
    """
    if all(map(_fixed, (action, level_before, level_after))) and not _level_fits(
        action,  # type: ignore[arg-type]
        level_before,  # type: ignore[arg-type]
        level_after,  # type: ignore[arg-type]
    ):
        raise InvalidArgument(f"a change {action} cannot go from {level_before} to {level_after}")
    cast_ = _Cast.of(among, people)
    actions = _lift(action, relations_actions())
    levels = _optional(representation_levels())
    befores = _lift(level_before, levels)
    afters = _lift(level_after, levels)
    distinct_levels = _unique_lists(
        representation_levels(), min_size=2, max_size=2, unique_by=lambda level: level.rank
    )
    fields = _common_fields(ev.RelationsChange.TAG, common)
    fields.add("parties", parties, cast_.two_parties)
    fields.maybe("initiated_by", initiated_by, cast_.parties)
    defaulted = level_before is _UNSET and level_after is _UNSET

    @_flat
    def build(draw: st.DrawFn) -> ev.RelationsChange:
        action_ = draw(actions)
        before = draw(befores)
        after: vocab.RepresentationLevel | None
        if defaulted and before is not None and draw(st.booleans()):
            low, high = draw(distinct_levels)
            before, after = _sorted_levels(action_, (low, high))
        else:
            after = _draw_where(draw, afters, lambda level: _level_fits(action_, before, level))
        return ev.RelationsChange(
            **_draw_fields(draw, fields), action=action_, level_before=before, level_after=after
        )

    return build()


@_event_strategy(ev.DiplomaticTies)
def diplomatic_ties(
    *,
    parties: Narrowing[tuple[Party, ...]] = _UNSET,
    level: Narrowing[vocab.RepresentationLevel | None] = _UNSET,
    envoys_exchanged: Narrowing[bool | None] = _UNSET,
    formal_recognition: Narrowing[bool | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.DiplomaticTies]:
    """Observed ties between two parties, with or without formal recognition.

    >>> strategy = diplomatic_ties(formal_recognition=False)
    """
    cast_ = _Cast.of(among, people)
    fields = _common_fields(ev.DiplomaticTies.TAG, common)
    fields.add("parties", parties, cast_.two_parties)
    fields.maybe("level", level, rule_default(ev.DiplomaticTies, "level"))
    fields.maybe("envoys_exchanged", envoys_exchanged, _choice((False, True)))
    fields.maybe("formal_recognition", formal_recognition, _choice((False, True)))
    return _record(ev.DiplomaticTies, fields)


@_event_strategy(ev.CodedEvent)
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
) -> SearchStrategy[ev.CodedEvent]:
    """Other events, with any CAMEO code from the shipped table.

    >>> strategy = coded_events(cameo="054")
    """
    cast_ = _Cast.of(among, people)
    fields = _common_fields(ev.CodedEvent.TAG, common)
    fields.add("cameo", cameo, _cameo_codes())
    fields.add("description", description, texts())
    fields.maybe("actor", actor, cast_.parties)
    fields.maybe("target", target, cast_.parties)
    _add_shared(fields, concerning=concerning)
    return _record(ev.CodedEvent, fields)


@_public
def events(
    *,
    types: type[ev.Event] | Iterable[type[ev.Event]] | None = None,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[ev.Event]:
    """Events of every type (the :data:`~diplorec.Event` union), or of the ``types`` given.

    >>> from diplorec import Meeting, RecognitionAct
    >>> strategy = events(types=(RecognitionAct, Meeting))
    """
    chosen = _classes(types, cast(Any, ev.event_types()), "event classes")
    narrowed = among is not None or people is not None or bool(common)
    strategies = []
    for cls in chosen:
        make = _EVENT_STRATEGIES.get(cls)
        if make is None:  # a registered type: the strategy registered for it, or inferred
            strategies.append(st.from_type(cls))
        elif narrowed:
            strategies.append(make(among=among, people=people, **common))
        else:
            strategies.append(make())
    return _one_of(*strategies)


@_public
def participants(
    *, among: _PartyPool = None, people: _PeoplePool = None
) -> SearchStrategy[ev.Participant]:
    """Officials, states, governments and organizations (the ``Participant`` union)."""
    return _Cast.of(among, people).participants


# Registers recognition_policies in _EVENT_STRATEGIES (it builds on the helpers above).
from diplorec.strategies import _policies  # noqa: E402, F401

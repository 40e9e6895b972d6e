"""The diplomatic events diplorec records, and the :data:`Event` union of them all.

Every event has an ``id`` (derived from its content unless given), a date ``on``
(a :class:`~diplorec.dates.When`), an optional time of day ``at`` on that date (a
``datetime.time`` with its UTC offset; ``"14:30+03:00"`` on the wire), an optional
``place``, its ``sources``, a ``certainty`` (whether the event happened as recorded)
and free-text ``notes``. On the wire each carries a kebab-case ``"type"`` tag.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeAlias, TypeVar

import attrs

from diplorec import _ids
from diplorec import _validators as v
from diplorec._cameo import cameo_table
from diplorec._convert import to_member, to_optional_member, to_optional_when, to_when
from diplorec._wire import show, time_of_day_problem
from diplorec.actors import (
    PARTY_TYPES,
    Envoy,
    Government,
    Official,
    Organization,
    Party,
    Person,
    Place,
    State,
)
from diplorec.dates import When
from diplorec.errors import FieldError
from diplorec.provenance import Citation, Source
from diplorec.vocab import (
    ENUM_TYPES,
    AnnulmentKind,
    AppointmentStage,
    Certainty,
    Characterization,
    CredentialDocument,
    DesignationAction,
    LegalStatus,
    MeetingMode,
    OrganizationKind,
    PolicyStance,
    RecognitionCapacity,
    RecognitionForm,
    RecognitionInstrument,
    RelationsAction,
    RepresentationLevel,
    Stance,
    WithdrawalForm,
    WithdrawalKind,
)

__all__ = [
    "EVENT_TYPES",
    "Annulment",
    "CodedEvent",
    "CredentialPresentation",
    "DesignationChange",
    "DiplomaticTies",
    "EnvoyAppointment",
    "Event",
    "EventBase",
    "Meeting",
    "Participant",
    "RecognitionAct",
    "RecognitionPledge",
    "RecognitionPolicy",
    "RecognitionWithdrawal",
    "RelationsChange",
    "Statement",
    "event_types",
    "register_event_type",
    "usual_capacity",
]

Participant: TypeAlias = Official | Party
"""Who takes part in a meeting or speaks: an official, or a party as a whole."""

_PARTICIPANT_TYPES = (Official, *PARTY_TYPES)
_party = v.instance_of(*PARTY_TYPES)
_optional_party = v.instance_of(*PARTY_TYPES, optional=True)
_parties = v.tuple_of(*PARTY_TYPES)
_distinct_parties = v.tuple_of(*PARTY_TYPES, distinct=True)
_optional_when = v.instance_of(When, optional=True)
_TRAILING = ("place", "sources", "certainty", "notes")
_UNIT_SEPARATOR = "\x1f"  # joins the identifying parts; no name or text holds it


def _common_fields_last(
    cls: type, fields: list[attrs.Attribute[Any]]
) -> list[attrs.Attribute[Any]]:
    """Put the shared place/sources/certainty/notes after each event's own fields."""
    return sorted(fields, key=lambda f: _TRAILING.index(f.name) + 1 if f.name in _TRAILING else 0)


def _identity_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Government):
        return value.id_without_tenure  # event ids stay as spec 1.1 derived them
    if isinstance(value, (*PARTY_TYPES, Person)):
        return str(value.id)
    if isinstance(value, Official):
        return value.person.id
    if isinstance(value, Envoy):
        return f"{value.person.id}>{_identity_text(value.receiving)}"
    if isinstance(value, tuple):
        return ",".join(sorted(_identity_text(item) for item in value))
    return str(value)


def _party_ids(parties: tuple[Party, ...]) -> set[str]:
    return {party.id for party in parties}


#: A time of day with its UTC offset (whole minutes), to the second at most.
_time_of_day = v.OptionalValue(
    dt.time, "must be a datetime.time with a UTC offset, not {got}", time_of_day_problem
)


@attrs.frozen(kw_only=True)
class EventBase:
    """Fields every event shares; the base class of every event type.

    An event type is an ``@attrs.frozen(kw_only=True)`` subclass with its own
    kebab-case wire ``TAG``, the names of its identifying fields in ``IDENTITY`` (for
    the derived ``id``) and its cross-field rules in ``_check``; see
    :func:`register_event_type`.
    """

    TAG: ClassVar[str] = ""
    #: Field names whose values identify the event, for the derived ``id``.
    IDENTITY: ClassVar[tuple[str, ...]] = ()
    #: The rules between the event's fields, checked in order on construction.
    RULES: ClassVar[tuple[v.Between, ...]] = ()

    id: str = attrs.field(default="")
    on: When = attrs.field(converter=to_when, validator=v.instance_of(When))
    #: The time of day on ``on``, with its UTC offset: orders the changes of one day. The
    #: ledger reads it only when ``on`` is a single day.
    at: dt.time | None = attrs.field(default=None, validator=_time_of_day)
    place: Place | None = attrs.field(default=None, validator=v.instance_of(Place, optional=True))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=v.tuple_of(Citation))
    certainty: Certainty = attrs.field(
        default=Certainty.REPORTED, converter=to_member, validator=v.member(Certainty)
    )
    notes: str | None = attrs.field(default=None, validator=v.text)

    def __attrs_post_init__(self) -> None:
        self._complete()
        if self.id == "":
            object.__setattr__(self, "id", self.derived_id())
        else:
            v.check_id(self)
        self._check()

    def derived_id(self) -> str:
        """The id derived from the event's identifying content.

        Two coders who record the same act (same type, date and parties) get the
        same id, whatever sources, notes or certainty they attach.
        """
        parts = [self.TAG, str(self.on)]
        parts.extend(_identity_text(getattr(self, name)) for name in self.IDENTITY)
        return f"{self.TAG}:{_ids.digest(_UNIT_SEPARATOR.join(parts))}"

    def _complete(self) -> None:
        """Fill in fields derived from others, before the id; subclasses extend this."""

    def _check(self) -> None:
        """The rules between fields: the class's ``RULES``."""
        v.check_rules(self, self.RULES)

    def actors(self) -> Iterator[Party]:
        """Every party the event names, officials and envoys included, in field order."""
        cls = type(self)
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
        found: list[Party] = []
        shapes = _SHAPES
        for name in names:
            value = getattr(self, name)
            if shapes.get(type(value)) != _NOTHING:  # most fields are text, dates, codes
                _add_parties(value, found)
        return iter(found)

    def links(self) -> tuple[str, ...]:
        """The ids of other events this event refers to (``basis``, ``concerning``)."""
        return tuple(getattr(self, "basis", ())) + tuple(getattr(self, "concerning", ()))


# The ledger reads the parties of every event it is built from, about twenty fields each:
# each field's value is sorted by its type, looked up once per type.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_NOTHING, _PARTY, _OFFICIAL, _ENVOY, _TUPLE = range(5)
_SHAPES: dict[type, int] = {}


def _shape(value: Any) -> int:
    if isinstance(value, PARTY_TYPES):
        return _PARTY
    if isinstance(value, Official):
        return _OFFICIAL
    if isinstance(value, Envoy):
        return _ENVOY
    return _TUPLE if isinstance(value, tuple) else _NOTHING


def _add_parties(value: Any, found: list[Party]) -> None:
    """Append the parties ``value`` names (an official's or an envoy's, a tuple's) to ``found``."""
    shape = _SHAPES.get(type(value))
    if shape is None:
        shape = _SHAPES[type(value)] = _shape(value)
    if shape == _NOTHING:
        return
    if shape == _PARTY:
        found.append(value)
    elif shape == _OFFICIAL:
        found.append(value.on_behalf_of)
    elif shape == _ENVOY:
        found.append(value.sending)
        found.append(value.receiving)
    else:
        for item in value:
            _add_parties(item, found)


def _partners_apart(act: Any) -> tuple[str, str] | None:
    partners = _party_ids(act.collective_with)
    if act.recognizer.id in partners or act.recognized.id in partners:
        message = (
            "collective_with lists the partners of the recognizer; it must not "
            "include the recognizer or the party recognised"
        )
        return "collective_with", message
    return None


def usual_capacity(party: Party) -> RecognitionCapacity:
    """The capacity a party is recognised in unless an act says otherwise.

    A state as a state, a government as a government, a council with a state as that
    state's government, any other organization as a representative. Only acts that
    leave ``capacity`` out of a state or government use it directly; for an
    organization it is what spec version 1.0 data meant.

    >>> from diplorec.reference import AFGHANISTAN
    >>> usual_capacity(AFGHANISTAN).value
    'state'
    """
    if isinstance(party, State):
        return RecognitionCapacity.STATE
    if isinstance(party, Government):
        return RecognitionCapacity.GOVERNMENT
    if party.kind is OrganizationKind.COUNCIL and party.state is not None:
        return RecognitionCapacity.GOVERNMENT
    return RecognitionCapacity.REPRESENTATIVE


def _derive_capacity(act: RecognitionAct) -> None:
    """Derive a missing capacity where the party's type settles it."""
    party = act.recognized
    if act.capacity is None and isinstance(party, PARTY_TYPES):
        if isinstance(party, Organization):
            message = (
                "is required when the party recognised is an organization: say whether it "
                "is recognised as a government, a representative, a belligerent or insurgents"
            )
            raise FieldError("capacity", message)
        object.__setattr__(act, "capacity", usual_capacity(party))


def _capacity_fits(act: Any) -> tuple[str, str] | None:
    """A capacity the recognised party cannot be recognised in: the field and why."""
    party, capacity = act.recognized, act.capacity
    kind = "government" if isinstance(party, Government) else "organization"
    if capacity is RecognitionCapacity.STATE and not isinstance(party, State):
        return (
            "capacity",
            f"only a state can be recognised as a state, and {party.id!r} is a {kind}",
        )
    if capacity is RecognitionCapacity.GOVERNMENT and not (
        isinstance(party, Government)
        or (isinstance(party, Organization) and party.state is not None)
    ):
        message = (
            f"only a government, or an organization with a state it claims to govern, can "
            f"be recognised as a government; {party.id!r} is a "
            + ("state" if isinstance(party, State) else "organization without a state")
        )
        return "capacity", message
    if capacity is RecognitionCapacity.REPRESENTATIVE and isinstance(party, State):
        message = (
            "a state is recognised as a state, not as a representative; recognise its "
            "government or a council as representative instead"
        )
        return "capacity", message
    return None


def _claims_apart(what: str) -> Callable[[Any], tuple[str, str] | None]:
    """The rule that no party both claims and denies the same act (``what``)."""

    def broken(event: Any) -> tuple[str, str] | None:
        both = _party_ids(event.claimed_by) & _party_ids(event.denied_by)
        if both:
            return "denied_by", f"{sorted(both)[0]!r} cannot both claim and deny the same {what}"
        return None

    return broken


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class RecognitionAct(EventBase):
    """One party recognises a state, a government, or an organization or council.

    ``legal_status`` is de jure or de facto; ``form`` express or implied; the
    ``instrument`` is how it was done (a statement, a note verbale, accepting an
    envoy's credentials ...). ``announced`` and ``effective`` may differ from ``on``
    and from each other, in any order. ``conditions`` make it conditional;
    ``collective_with`` names the partners of a collective recognition. Whether the
    recognizer itself *called* the act recognition is ``characterization``, with its
    words in ``described_as``; ``basis`` links the events the act rests on.

    ``capacity`` says *as what* the party is recognised (a
    :class:`~diplorec.vocab.RecognitionCapacity`). Left out, it is derived where the
    party's type settles it (a state as a state, a government as a government); an
    organization needs it. ``exclusive`` is False when the recognizer keeps
    recognising a rival government as well.

    Like a withdrawal, a recognition may be asserted by a third party
    (``claimed_by``) and denied by others, the recognizer included (``denied_by``).
    Whether the act *happened* is its ``certainty`` and these claims; whether it
    *counts as recognition* is its ``characterization``: two separate questions.
    ``reservations`` are the reservations the recognizer stated (territorial or
    other), in words; they do not change the standing.

    >>> from diplorec.reference import AFGHANISTAN, RUSSIA
    >>> act = RecognitionAct(on=When.parse("2025-07-03"), recognizer=RUSSIA,
    ...     recognized=Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN))
    >>> act.capacity, act.form
    (<RecognitionCapacity.GOVERNMENT: 'government'>, <RecognitionForm.UNSPECIFIED: 'unspecified'>)
    """

    TAG: ClassVar[str] = "recognition-act"
    IDENTITY: ClassVar[tuple[str, ...]] = ("recognizer", "recognized")

    recognizer: Party = attrs.field(validator=_party)
    recognized: Party = attrs.field(validator=_party)
    legal_status: LegalStatus = attrs.field(
        default=LegalStatus.UNSPECIFIED, converter=to_member, validator=v.member(LegalStatus)
    )
    form: RecognitionForm = attrs.field(
        default=RecognitionForm.UNSPECIFIED,
        converter=to_member,
        validator=v.member(RecognitionForm),
    )
    instrument: RecognitionInstrument | None = attrs.field(
        default=None,
        converter=to_optional_member,
        validator=v.member(RecognitionInstrument, optional=True),
    )
    conditions: tuple[str, ...] = attrs.field(default=(), validator=v.texts)
    collective_with: tuple[Party, ...] = attrs.field(default=(), validator=_distinct_parties)
    announced: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    effective: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    characterization: Characterization = attrs.field(
        default=Characterization.UNSTATED, converter=to_member, validator=v.member(Characterization)
    )
    described_as: str | None = attrs.field(default=None, validator=v.text)
    basis: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)
    capacity: RecognitionCapacity | None = attrs.field(
        default=None,
        converter=to_optional_member,
        validator=v.member(RecognitionCapacity, optional=True),
    )
    exclusive: bool = attrs.field(default=True, validator=v.instance_of(bool))
    claimed_by: tuple[Party, ...] = attrs.field(default=(), validator=_distinct_parties)
    denied_by: tuple[Party, ...] = attrs.field(default=(), validator=_distinct_parties)
    reservations: tuple[str, ...] = attrs.field(default=(), validator=v.texts)

    @property
    def disputed(self) -> bool:
        """True when someone denies that the act happened."""
        return bool(self.denied_by)

    @property
    def conditional(self) -> bool:
        """True when the recognition takes effect only on stated conditions."""
        return bool(self.conditions)

    @property
    def collective(self) -> bool:
        """True when given together with other parties."""
        return bool(self.collective_with)

    def _complete(self) -> None:
        _derive_capacity(self)

    def derived_id(self) -> str:
        """The id derived from the event's identifying content.

        The capacity counts only when it is not the one the recognised party's type
        implies (:func:`usual_capacity`), so acts recorded before capacities existed
        keep their ids.
        """
        base = super().derived_id()
        if self.capacity is None or self.capacity is usual_capacity(self.recognized):
            return base
        return f"{self.TAG}:{_ids.digest(_UNIT_SEPARATOR.join((base, self.capacity.value)))}"

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between(
            "a party cannot recognise itself",
            v.differ("recognizer", "recognized", "{id!r} cannot recognise itself"),
        ),
        v.Between("the capacity is one the party recognised can be recognised in", _capacity_fits),
        v.Between(
            "collective_with includes neither the recognizer nor the party recognised",
            _partners_apart,
        ),
        v.Between("no party both claims and denies the act", _claims_apart("act")),
    )


def _rival_apart(withdrawal: Any) -> tuple[str, str] | None:
    rival = withdrawal.in_favour_of
    if rival is not None and rival.id in (withdrawal.withdrawer.id, withdrawal.recognized.id):
        message = (
            "in_favour_of names the rival that recognition moves to; it must differ "
            "from both the withdrawer and the party losing recognition"
        )
        return "in_favour_of", message
    return None


def _switch(withdrawal: Any) -> tuple[str, str] | None:
    if withdrawal.in_favour_of is not None and withdrawal.kind is not WithdrawalKind.SWITCH:
        message = (
            f"moving recognition in favour of another party is a switch, "
            f"but kind is {withdrawal.kind.value!r}"
        )
        return "kind", message
    return None


def _switch_schema() -> list[dict[str, Any]]:
    switch = {"required": ["kind"], "properties": {"kind": {"const": WithdrawalKind.SWITCH.value}}}
    return [{"if": v.present("in_favour_of"), "then": switch}]


def _addressed_to_another(withdrawal: Any) -> tuple[str, str] | None:
    addressee = withdrawal.addressee
    if addressee is not None and addressee.id == withdrawal.withdrawer.id:
        return "addressee", "addressee names whom the withdrawal was sent to, not the withdrawer"
    return None


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class RecognitionWithdrawal(EventBase):
    """Recognition ends, is suspended, or moves to a rival (a *switch*).

    ``in_favour_of`` names the rival a switch goes to. A withdrawal may be asserted
    by a third party (``claimed_by``) and denied by others, the withdrawer included
    (``denied_by``): such claims are data, not fact. ``form`` says whether it was
    stated, implied by conduct (severing relations) or a tacit lapse; ``instrument``
    how it was done, and ``addressee`` to whom it was sent.
    """

    TAG: ClassVar[str] = "recognition-withdrawal"
    IDENTITY: ClassVar[tuple[str, ...]] = ("withdrawer", "recognized")

    withdrawer: Party = attrs.field(validator=_party)
    recognized: Party = attrs.field(validator=_party)
    kind: WithdrawalKind = attrs.field(
        default=WithdrawalKind.WITHDRAWAL, converter=to_member, validator=v.member(WithdrawalKind)
    )
    in_favour_of: Party | None = attrs.field(default=None, validator=_optional_party)
    claimed_by: tuple[Party, ...] = attrs.field(default=(), validator=_distinct_parties)
    denied_by: tuple[Party, ...] = attrs.field(default=(), validator=_distinct_parties)
    announced: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    effective: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    described_as: str | None = attrs.field(default=None, validator=v.text)
    basis: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)
    form: WithdrawalForm = attrs.field(
        default=WithdrawalForm.UNSPECIFIED, converter=to_member, validator=v.member(WithdrawalForm)
    )
    instrument: RecognitionInstrument | None = attrs.field(
        default=None,
        converter=to_optional_member,
        validator=v.member(RecognitionInstrument, optional=True),
    )
    addressee: Party | None = attrs.field(default=None, validator=_optional_party)

    @property
    def disputed(self) -> bool:
        """True when someone denies that the withdrawal happened."""
        return bool(self.denied_by)

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between(
            "a party cannot withdraw recognition from itself",
            v.differ("withdrawer", "recognized", "{id!r} cannot withdraw recognition from itself"),
        ),
        v.Between(
            "in_favour_of differs from both the withdrawer and the party losing recognition",
            _rival_apart,
        ),
        v.Between(
            "moving recognition in_favour_of a rival is a switch",
            _switch,
            _switch_schema,
        ),
        v.Between("the addressee is not the withdrawer", _addressed_to_another),
        v.Between("no party both claims and denies the withdrawal", _claims_apart("withdrawal")),
    )


def _own_credentials(presentation: Any) -> tuple[str, str] | None:
    received_by = presentation.received_by
    if received_by is not None and received_by.person.id == presentation.envoy.person.id:
        return "received_by", "an envoy cannot receive their own credentials"
    return None


_SUBJECT_OPTIONAL = frozenset({PolicyStance.NO_DECLARATIONS})


def _subject_named(policy: Any) -> tuple[str, str] | None:
    if policy.subject is None and policy.stance not in _SUBJECT_OPTIONAL:
        message = (
            f"is required for the stance {policy.stance.value!r}: name the entity "
            "the policy is about"
        )
        return "subject", message
    return None


def _subject_schema() -> list[dict[str, Any]]:
    needing = sorted(stance.value for stance in PolicyStance if stance not in _SUBJECT_OPTIONAL)
    stance = {"required": ["stance"], "properties": {"stance": {"enum": needing}}}
    return [{"if": stance, "then": v.present("subject")}]


def _not_about_itself(policy: Any) -> tuple[None, str] | None:
    subject = policy.subject
    if subject is not None and subject.id == policy.holder.id:
        return None, f"{subject.id!r} cannot hold a recognition policy on itself"
    return None


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class RecognitionPolicy(EventBase):
    """A party states a policy on recognising another, or on recognising at all.

    ``stance`` is a :class:`~diplorec.vocab.PolicyStance`: a standing policy of
    making no declarations on governments (``subject`` None: towards every
    government), neutrality towards a named ``subject``, a refusal to recognise it,
    or a call on others not to recognise it (UN Security Council resolution 541 of
    1983 on the Turkish Republic of Northern Cyprus). It holds from ``effective``
    (else ``on``) until a later act of the holder says otherwise.

    >>> from diplorec.reference import AFGHANISTAN, FRANCE
    >>> RecognitionPolicy(on=When.parse("2021-09"), holder=FRANCE,
    ...     stance=PolicyStance.NEUTRAL)
    Traceback (most recent call last):
    ...
    diplorec.errors.FieldError: subject: is required for the stance 'neutral': name ...
    """

    TAG: ClassVar[str] = "recognition-policy"
    IDENTITY: ClassVar[tuple[str, ...]] = ("holder", "stance", "subject")

    holder: Party = attrs.field(validator=_party)
    stance: PolicyStance = attrs.field(converter=to_member, validator=v.member(PolicyStance))
    subject: Party | None = attrs.field(default=None, validator=_optional_party)
    effective: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    described_as: str | None = attrs.field(default=None, validator=v.text)
    basis: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between(
            "the subject is named unless the stance is no-declarations",
            _subject_named,
            _subject_schema,
        ),
        v.Between("a party holds no recognition policy on itself", _not_about_itself),
    )


def _not_itself(annulment: Any) -> tuple[str, str] | None:
    if annulment.annuls == annulment.id:
        return "annuls", "an annulment cannot annul itself: annuls names another event's id"
    return None


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class Annulment(EventBase):
    """An act is taken back, declared void, or denied: the event ``annuls`` names.

    ``kind`` is an :class:`~diplorec.vocab.AnnulmentKind`: ``retracted`` when its
    author (``by``) takes it back, void from the start; ``invalidated`` when a
    domestic authority (``by``: a court, a parliament) declares it void;
    ``denied`` when its supposed author denies that it happened. ``annuls`` is the id
    of the act, in the same dossier. The ledger's answer for each kind is in the
    Analysis documentation: a retraction voids the act for every date; an
    invalidation or a denial makes the standing from it uncertain from the
    annulment's date until a later act settles it.

    >>> from diplorec.reference import RUSSIA
    >>> Annulment(on=When.parse("2025-08"), annuls="recognition-act:x", by=RUSSIA,
    ...     kind=AnnulmentKind.RETRACTED).links()
    ('recognition-act:x',)
    """

    TAG: ClassVar[str] = "annulment"
    IDENTITY: ClassVar[tuple[str, ...]] = ("annuls", "by", "kind")

    annuls: str = attrs.field(validator=v.identifier)
    by: Party = attrs.field(validator=_party)
    kind: AnnulmentKind = attrs.field(converter=to_member, validator=v.member(AnnulmentKind))
    described_as: str | None = attrs.field(default=None, validator=v.text)
    basis: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)

    def links(self) -> tuple[str, ...]:
        """The annulled event's id, then the ids in ``basis``."""
        return (self.annuls, *self.basis)

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between("an annulment does not annul itself", _not_itself),
    )


def _authors_of(event: EventBase) -> tuple[Party, ...]:
    """The parties an event is the act of, who alone can retract it; () when none is."""
    if isinstance(event, RecognitionAct):
        return (event.recognizer, *event.collective_with)
    if isinstance(event, RecognitionWithdrawal):
        return (event.withdrawer,)
    if isinstance(event, RecognitionPolicy):
        return (event.holder,)
    if isinstance(event, Annulment):
        return (event.by,)
    pledger = getattr(event, "pledger", None)
    return (pledger,) if isinstance(pledger, PARTY_TYPES) else ()


def _annulment_mismatch(annulment: Annulment, target: EventBase) -> str | None:
    """Why ``annulment`` cannot annul ``target`` as recorded; None when nothing is wrong.

    The rules between an annulment and the event it annuls, stated once:
    ``Dossier.check()`` reports what this returns.
    """
    authors = _authors_of(target)
    ids = {party.id for party in authors}
    if annulment.kind is AnnulmentKind.RETRACTED and ids and annulment.by.id not in ids:
        return (
            f"only the author of an act can retract it, and {annulment.by.id} is not "
            f"the author of {target.id} ({', '.join(sorted(ids))}): record it as "
            "invalidated or denied"
        )
    if annulment.on.latest < target.on.earliest:
        return f"it is dated {annulment.on}, before the event it annuls ({target.on})"
    return None


def _pledge_apart(pledge: Any) -> tuple[None, str] | None:
    if pledge.pledger.id == pledge.recognized.id:
        return None, f"{pledge.pledger.id!r} cannot pledge to recognise itself"
    return None


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class RecognitionPledge(EventBase):
    """A party commits to recognise another later, perhaps on conditions.

    A pledge is not recognition: the ledger gives it no standing and lists the
    pledges not yet honoured (:meth:`~diplorec.ledger.RecognitionLedger.pledges`).
    ``due`` is when the pledger said it would recognise ("in September"),
    ``conditions`` what it said must happen first (or, for a pledge made *unless*
    something happens, what would stop it), in words.

    >>> from diplorec.reference import FRANCE
    >>> from diplorec.actors import State
    >>> palestine = State(name="Palestine", iso3="PSE")
    >>> RecognitionPledge(on=When.parse("2025-07-24"), pledger=FRANCE, recognized=palestine,
    ...     due=When.parse("2025-09")).due
    When('2025-09')
    """

    TAG: ClassVar[str] = "recognition-pledge"
    IDENTITY: ClassVar[tuple[str, ...]] = ("pledger", "recognized")

    pledger: Party = attrs.field(validator=_party)
    recognized: Party = attrs.field(validator=_party)
    due: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    conditions: tuple[str, ...] = attrs.field(default=(), validator=v.texts)
    announced: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )
    described_as: str | None = attrs.field(default=None, validator=v.text)
    basis: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between("a party cannot pledge to recognise itself", _pledge_apart),
    )


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class CredentialPresentation(EventBase):
    """An envoy presents credentials and so takes up functions (VCDR Art. 13).

    Letters of credence go to the head of state; a true copy of them goes to the
    ministry for foreign affairs; ``received_by`` is the official who took them.
    """

    TAG: ClassVar[str] = "credential-presentation"
    IDENTITY: ClassVar[tuple[str, ...]] = ("envoy", "document")

    envoy: Envoy = attrs.field(validator=v.instance_of(Envoy))
    document: CredentialDocument = attrs.field(
        converter=to_member, validator=v.member(CredentialDocument)
    )
    received_by: Official | None = attrs.field(
        default=None, validator=v.instance_of(Official, optional=True)
    )

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between("an envoy cannot receive their own credentials", _own_credentials),
    )


def _own_predecessor(appointment: Any) -> tuple[str, str] | None:
    predecessor = appointment.predecessor
    if predecessor is not None and predecessor.id == appointment.envoy.person.id:
        return "predecessor", "an envoy cannot be their own predecessor"
    return None


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class EnvoyAppointment(EventBase):
    """A step in appointing an envoy: nomination, agrément (VCDR Art. 4), appointment."""

    TAG: ClassVar[str] = "envoy-appointment"
    IDENTITY: ClassVar[tuple[str, ...]] = ("envoy", "stage")

    envoy: Envoy = attrs.field(validator=v.instance_of(Envoy))
    stage: AppointmentStage = attrs.field(
        default=AppointmentStage.APPOINTED,
        converter=to_member,
        validator=v.member(AppointmentStage),
    )
    predecessor: Person | None = attrs.field(
        default=None, validator=v.instance_of(Person, optional=True)
    )

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between("an envoy cannot be their own predecessor", _own_predecessor),
    )


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class Meeting(EventBase):
    """Two or more participants meet, in person, by phone or by video.

    ``host`` is the party receiving the others, when there is one; ``concerning``
    links the events the meeting was about.
    """

    TAG: ClassVar[str] = "meeting"
    IDENTITY: ClassVar[tuple[str, ...]] = ("participants",)

    participants: tuple[Participant, ...] = attrs.field(
        validator=v.tuple_of(*_PARTICIPANT_TYPES, min_length=2, distinct=True)
    )
    mode: MeetingMode = attrs.field(
        default=MeetingMode.IN_PERSON, converter=to_member, validator=v.member(MeetingMode)
    )
    host: Party | None = attrs.field(default=None, validator=_optional_party)
    subject: str | None = attrs.field(default=None, validator=v.text)
    concerning: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class Statement(EventBase):
    """A speaker takes a stance (welcomes, denies ...) on events or parties.

    ``concerning`` links the events spoken about; ``about`` the parties.
    """

    TAG: ClassVar[str] = "statement"
    IDENTITY: ClassVar[tuple[str, ...]] = ("speaker", "stance", "concerning", "about")

    speaker: Participant = attrs.field(validator=v.instance_of(*_PARTICIPANT_TYPES))
    stance: Stance = attrs.field(converter=to_member, validator=v.member(Stance))
    concerning: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)
    about: tuple[Party, ...] = attrs.field(default=(), validator=_distinct_parties)
    quote: str | None = attrs.field(default=None, validator=v.text)


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class DesignationChange(EventBase):
    """An authority lists, delists or suspends the listing of an entity.

    For example a court removing a movement from a list of terrorist organisations.
    """

    TAG: ClassVar[str] = "designation-change"
    IDENTITY: ClassVar[tuple[str, ...]] = ("authority", "entity", "action")

    authority: Party = attrs.field(validator=_party)
    entity: Party = attrs.field(validator=_party)
    action: DesignationAction = attrs.field(
        converter=to_member, validator=v.member(DesignationAction)
    )
    list_name: str = attrs.field(validator=v.name)
    effective: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=_optional_when
    )

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between(
            "a party cannot designate itself",
            v.differ("authority", "entity", "{id!r} cannot designate itself"),
        ),
    )


class _TwoParties(v.Rule):
    """Exactly two different parties."""

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _parties(instance, attribute, value)
        if len(value) != 2:
            message = f"names {len(value)} parties; exactly 2 are needed"
            raise FieldError(attribute.name, message)
        if value[0].id == value[1].id:
            raise FieldError(attribute.name, f"names {value[0].id!r} twice")

    def json_schema(self, builder: v.SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return {"type": "array", "items": builder.of_type(Party), "minItems": 2, "maxItems": 2}


_two_parties = _TwoParties()


def _moves(
    action: RelationsAction, direction: int, words: str
) -> Callable[[Any], tuple[str, str] | None]:
    """The rule that ``action`` moves the level of representation in ``direction``."""

    def broken(change: Any) -> tuple[str, str] | None:
        before, after = change.level_before, change.level_after
        if before is None or after is None or change.action is not action:
            return None
        if (after.rank - before.rank) * direction <= 0:
            return "level_after", f"{words} the level, not go from {before} to {after}"
        return None

    return broken


def _moves_schema(action: RelationsAction, direction: int) -> dict[str, Any]:
    pairs = []
    for before in RepresentationLevel:
        allowed = [
            after.value
            for after in RepresentationLevel
            if (after.rank - before.rank) * direction > 0
        ]
        if allowed:
            pairs.append(
                {
                    "properties": {
                        "level_before": {"const": before.value},
                        "level_after": {"enum": allowed},
                    }
                }
            )
    condition = {
        "required": ["action", "level_before", "level_after"],
        "properties": {
            "action": {"const": action.value},
            "level_before": {"type": "string"},
            "level_after": {"type": "string"},
        },
    }
    return {"if": condition, "then": {"anyOf": pairs}}


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class RelationsChange(EventBase):
    """Relations between two parties are established, upgraded, severed ...

    ``level_before`` and ``level_after`` give the representation levels around it.
    """

    TAG: ClassVar[str] = "relations-change"
    IDENTITY: ClassVar[tuple[str, ...]] = ("parties", "action")

    parties: tuple[Party, ...] = attrs.field(validator=_two_parties)
    action: RelationsAction = attrs.field(converter=to_member, validator=v.member(RelationsAction))
    initiated_by: Party | None = attrs.field(default=None, validator=_optional_party)
    level_before: RepresentationLevel | None = attrs.field(
        default=None,
        converter=to_optional_member,
        validator=v.member(RepresentationLevel, optional=True),
    )
    level_after: RepresentationLevel | None = attrs.field(
        default=None,
        converter=to_optional_member,
        validator=v.member(RepresentationLevel, optional=True),
    )

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between(
            "an upgrade raises the level of representation",
            _moves(RelationsAction.UPGRADED, 1, "an upgrade must raise"),
            lambda: [_moves_schema(RelationsAction.UPGRADED, 1)],
        ),
        v.Between(
            "a downgrade lowers the level of representation",
            _moves(RelationsAction.DOWNGRADED, -1, "a downgrade must lower"),
            lambda: [_moves_schema(RelationsAction.DOWNGRADED, -1)],
        ),
    )


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class DiplomaticTies(EventBase):
    """An observed state of relations between two parties over the period ``on``.

    Records ties that exist with or without formal recognition: China, Qatar and the
    UAE exchanged diplomats with the Islamic Emirate without recognising it
    (``formal_recognition=False``). ``None`` means the sources do not say.
    """

    TAG: ClassVar[str] = "diplomatic-ties"
    IDENTITY: ClassVar[tuple[str, ...]] = ("parties",)

    parties: tuple[Party, ...] = attrs.field(validator=_two_parties)
    level: RepresentationLevel | None = attrs.field(
        default=None,
        converter=to_optional_member,
        validator=v.member(RepresentationLevel, optional=True),
    )
    envoys_exchanged: bool | None = attrs.field(
        default=None, validator=v.instance_of(bool, optional=True)
    )
    formal_recognition: bool | None = attrs.field(
        default=None, validator=v.instance_of(bool, optional=True)
    )


def _cameo_def() -> dict[str, Any]:
    return {
        "type": "string",
        "description": "A CAMEO event code, as a string: leading zeros matter ('054').",
        "enum": sorted(cameo_table()),
    }


class _CameoCode(v.Rule):
    """A code of the CAMEO event code table (a string: leading zeros matter)."""

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or value not in cameo_table():
            message = (
                f"{show(value)} is not a CAMEO event code (codes are strings such as '054'; "
                "leading zeros matter)"
            )
            raise FieldError(attribute.name, message)

    def json_schema(self, builder: v.SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return builder.ref("CameoCode", _cameo_def)


_cameo_code = _CameoCode()


@attrs.frozen(kw_only=True, field_transformer=_common_fields_last)
class CodedEvent(EventBase):
    """Any other event, coded with a CAMEO event code and described in words.

    So that no fact has to be dropped: a war, a seizure of power, a prisoner release.
    ``actor`` and ``target`` are CAMEO's source and target actors.
    """

    TAG: ClassVar[str] = "coded-event"
    IDENTITY: ClassVar[tuple[str, ...]] = ("cameo", "actor", "target", "concerning")

    cameo: str = attrs.field(validator=_cameo_code)
    description: str = attrs.field(validator=v.text)
    actor: Party | None = attrs.field(default=None, validator=_optional_party)
    target: Party | None = attrs.field(default=None, validator=_optional_party)
    concerning: tuple[str, ...] = attrs.field(default=(), validator=v.event_ids)

    @property
    def cameo_label(self) -> str:
        """The CAMEO label of ``cameo``."""
        return cameo_table()[self.cameo].label


Event: TypeAlias = (
    RecognitionAct
    | RecognitionWithdrawal
    | CredentialPresentation
    | EnvoyAppointment
    | Meeting
    | Statement
    | DesignationChange
    | RelationsChange
    | DiplomaticTies
    | CodedEvent
    | RecognitionPolicy
    | Annulment
    | RecognitionPledge
)
"""Any diplorec event; tagged on the wire by its ``"type"``."""


#: The built-in event types, in order: the members of :data:`Event`.
EVENT_TYPES: tuple[type[Event], ...] = typing.get_args(Event)

#: Event types added by :func:`register_event_type`, in the order they were added.
_REGISTERED: list[type[EventBase]] = []


def event_types() -> tuple[type[EventBase], ...]:
    """Every event type the wire format knows now: the built-in ones, then those registered.

    >>> event_types()[:2]
    (<class 'diplorec.events.RecognitionAct'>, <class 'diplorec.events.RecognitionWithdrawal'>)
    """
    return (*EVENT_TYPES, *_REGISTERED)


_TAG_FORM = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_REGISTRATION = threading.Lock()
#: Called with each newly registered class (the wire layer drops the readers it built).
_LISTENERS: list[Callable[[type[EventBase]], None]] = []

E = TypeVar("E", bound=type[EventBase])


def register_event_type(cls: E) -> E:
    """Add an event type: the :data:`Event` union then reads, writes and describes it.

    ``cls`` is an ``@attrs.frozen(kw_only=True)`` subclass of :class:`EventBase` with a
    kebab-case ``TAG`` of its own. After registration ``from_dict``/``loads`` with
    ``Event``, :func:`~diplorec.read_jsonl`, :class:`~diplorec.Dossier`,
    :func:`~diplorec.json_schema`, the command line and
    ``diplorec.strategies.events()`` include it. Usable as a class decorator;
    registering the same class again does nothing.

    Raises :class:`ValueError` for a class that is not a valid event type or a tag
    already taken.
    """
    if not isinstance(cls, type) or not issubclass(cls, EventBase):
        raise ValueError(f"{cls!r} is not an event type: subclass diplorec.EventBase")
    with _REGISTRATION:
        if cls in event_types():
            return cls
        _check_event_type(cls)
        _REGISTERED.append(cls)
        for listener in list(_LISTENERS):
            listener(cls)
    return cls


def _check_event_type(cls: type[EventBase]) -> None:
    name = cls.__qualname__
    if "__attrs_attrs__" not in vars(cls):
        raise ValueError(
            f"{name} is not an attrs class: decorate it with @attrs.frozen(kw_only=True)"
        )
    tag = vars(cls).get("TAG")
    if not isinstance(tag, str) or _TAG_FORM.fullmatch(tag) is None:
        message = f"{name} needs a TAG of its own in kebab-case, such as 'treaty-signing'"
        raise ValueError(message)
    taken = {other.TAG for other in (*event_types(), *_OTHER_TAGGED)}
    if tag in taken:
        raise ValueError(f"the tag {tag!r} of {name} is already taken")
    try:
        attrs.resolve_types(cls)
    except NameError as exc:
        raise ValueError(f"the field types of {name} cannot be resolved: {exc}") from None
    for field in attrs.fields(cls):
        if not field.kw_only:
            raise ValueError(f"{name}.{field.name} must be keyword-only (kw_only=True)")
        if not _readable(field.type):
            message = (
                f"{name}.{field.name} has the type {field.type!r}, which the wire format "
                "cannot hold; use str, int, float, bool, When, datetime, a diplorec enum or "
                "model class, a union of parties or events, tuple[X, ...] or X | None"
            )
            raise ValueError(message)


_OTHER_TAGGED: tuple[Any, ...] = (*PARTY_TYPES, Official)
_LEAF_TYPES = frozenset(
    {
        str,
        int,
        float,
        bool,
        When,
        dt.datetime,
        dt.time,
        *ENUM_TYPES,
        *_OTHER_TAGGED,
        Person,
        Envoy,
        Place,
    }
    | {Citation, Source}
)


def _readable(tp: Any) -> bool:
    """Whether the wire format can hold a field of type ``tp``."""
    if tp in _LEAF_TYPES or tp in event_types():
        return True
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple:
        return len(args) == 2 and args[1] is Ellipsis and _readable(args[0])
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [arg for arg in args if arg is not type(None)]
        if len(members) == 1:
            return _readable(members[0])
        return all(getattr(arg, "TAG", "") for arg in members) and all(map(_readable, members))
    return False

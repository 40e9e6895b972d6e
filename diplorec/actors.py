"""Who acts and who is acted upon: states, governments, organizations and people.

A *state* (Afghanistan) is not its *government* (the Islamic Emirate of
Afghanistan): recognising a government of an existing state is a different act
from recognising a state, so the two are different types here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeAlias

import attrs

from diplorec import _ids
from diplorec import _validators as v
from diplorec._convert import to_member, to_optional_when
from diplorec.dates import When
from diplorec.vocab import DiplomaticRank, OrganizationKind

__all__ = [
    "Envoy",
    "Government",
    "Official",
    "Organization",
    "Party",
    "Person",
    "Place",
    "State",
    "government_id",
    "state_key",
]

_iso3 = v.pattern(r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code (three capital letters)")
_iso2 = v.pattern(r"[A-Z]{2}", "an ISO 3166-1 alpha-2 code (two capital letters)")
_wikidata = v.pattern(r"Q[1-9][0-9]{0,11}", "a Wikidata item id such as 'Q889'")
_cow = v.int_range(1, 999, "a Correlates of War state code")
_gw = v.int_range(1, 999, "a Gleditsch-Ward state code")
_when = v.instance_of(When, optional=True)
_bool = v.instance_of(bool)


def _key(party_id: str) -> str:
    """The part of an id after its kind: ``'state:AFG'`` → ``'AFG'``."""
    return party_id.split(":", 1)[1]


def _set_id(obj: Any, kind: str, parts: Callable[[], tuple[str, ...]]) -> None:
    # The parts are made only when no id is given (they slug names: not free); the key
    # from them always satisfies the id rule (diplorec._ids.key).
    if obj.id == "":
        object.__setattr__(obj, "id", f"{kind}:{_ids.key(*parts())}")
    else:
        v.check_id(obj)


@attrs.frozen(kw_only=True)
class State:
    """A sovereign state, or an entity claiming statehood (e.g. Kosovo, Palestine).

    ``id`` joins records across a dataset; it defaults to ``state:`` and the ISO code.

    >>> State(name="Afghanistan", iso3="AFG").id
    'state:AFG'
    """

    TAG: ClassVar[str] = "state"

    id: str = attrs.field(default="")
    name: str = attrs.field(validator=v.name)
    iso3: str | None = attrs.field(default=None, validator=_iso3)
    iso2: str | None = attrs.field(default=None, validator=_iso2)
    cow: int | None = attrs.field(default=None, validator=_cow)
    gw: int | None = attrs.field(default=None, validator=_gw)
    wikidata: str | None = attrs.field(default=None, validator=_wikidata)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=v.names)

    def __attrs_post_init__(self) -> None:
        _set_id(self, "state", lambda: (state_key(self.iso3, self.wikidata, self.name),))


def state_key(iso3: str | None, wikidata: str | None, name: str) -> str:
    """The key of a state's derived id: its ISO code, else its Wikidata id, else its name.

    >>> state_key(None, "Q23681", "Turkish Republic of Northern Cyprus")
    'Q23681'
    """
    return iso3 or wikidata or _ids.slug(name)


def government_id(state_id: str, name: str, in_power: When | None) -> str:
    """The derived id of a government: its state, its name and the start of its tenure.

    The start of ``in_power``, when known, is part of the id (spec version 1.2), so
    two governments of one name in different periods are different parties; without
    it the id is the one spec version 1.1 derived.

    >>> emirate = When.parse("1996-09-27/2001-11-13")
    >>> government_id("state:AFG", "Islamic Emirate of Afghanistan", emirate)
    'government:AFG:islamic-emirate-of-afghanistan:1996-09-27'
    >>> government_id("state:AFG", "Islamic Emirate of Afghanistan", When.parse("../2001"))
    'government:AFG:islamic-emirate-of-afghanistan'
    """
    start = None if in_power is None else in_power.start
    tenure = () if start is None else (str(start),)
    return f"government:{_ids.key(_key(state_id), _ids.slug(name), *tenure)}"


@attrs.frozen(kw_only=True)
class Government:
    """The authority that governs, or claims to govern, a state.

    Time-bounded and distinct from its state: the Islamic Emirate of Afghanistan
    (in power since August 2021) is a government of Afghanistan, not Afghanistan.
    The derived ``id`` includes the start of ``in_power`` when it is known
    (:func:`government_id`), so the Islamic Emirate of 1996-2001 and that of 2021
    are different parties:

    >>> from diplorec.reference import AFGHANISTAN
    >>> first, second = (
    ...     Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN,
    ...                in_power=When.parse(tenure))
    ...     for tenure in ("1996-09-27/2001-11-13", "2021-08-15/.."))
    >>> print(first.id, second.id, sep="\\n")
    government:AFG:islamic-emirate-of-afghanistan:1996-09-27
    government:AFG:islamic-emirate-of-afghanistan:2021-08-15
    """

    TAG: ClassVar[str] = "government"

    id: str = attrs.field(default="")
    name: str = attrs.field(validator=v.name)
    state: State = attrs.field(validator=v.instance_of(State))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=v.names)
    in_power: When | None = attrs.field(default=None, converter=to_optional_when, validator=_when)
    wikidata: str | None = attrs.field(default=None, validator=_wikidata)

    def __attrs_post_init__(self) -> None:
        if self.id == "":
            object.__setattr__(self, "id", government_id(self.state.id, self.name, self.in_power))
        else:
            v.check_id(self)

    @property
    def id_without_tenure(self) -> str:
        """The id, without the start of the tenure when that was derived into it.

        Derived event ids name a government by this id: an event's date already
        tells tenures apart, and events recorded before spec version 1.2 keep their
        ids. An id given explicitly is returned as it is.

        >>> from diplorec.reference import AFGHANISTAN
        >>> Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN,
        ...            in_power=When.parse("2021-08-15/..")).id_without_tenure
        'government:AFG:islamic-emirate-of-afghanistan'
        """
        if self.in_power is None or self.id != government_id(
            self.state.id, self.name, self.in_power
        ):
            return self.id
        return government_id(self.state.id, self.name, None)


@attrs.frozen(kw_only=True)
class Organization:
    """A body that is neither a state nor a government of one.

    International bodies (the UN Security Council), state bodies (a foreign
    ministry, a supreme court) with their ``state``, and movements or councils.
    """

    TAG: ClassVar[str] = "organization"

    id: str = attrs.field(default="")
    name: str = attrs.field(validator=v.name)
    kind: OrganizationKind = attrs.field(converter=to_member, validator=v.member(OrganizationKind))
    state: State | None = attrs.field(default=None, validator=v.instance_of(State, optional=True))
    acronym: str | None = attrs.field(default=None, validator=v.optional_name)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=v.names)
    wikidata: str | None = attrs.field(default=None, validator=_wikidata)

    def __attrs_post_init__(self) -> None:
        scope = () if self.state is None else (_key(self.state.id),)
        _set_id(self, "organization", lambda: (*scope, _ids.slug(self.acronym or self.name)))


Party: TypeAlias = State | Government | Organization
"""Anything that can act or be recognised: a state, a government or an organization."""

PARTY_TYPES = (State, Government, Organization)
_party = v.instance_of(*PARTY_TYPES)


@attrs.frozen(kw_only=True)
class Person:
    """A natural person, with the other spellings their name is found under.

    >>> Person(name="Gul Hassan Hassan", transliterations=("Gul Hassan",)).id
    'person:gul-hassan-hassan'
    """

    id: str = attrs.field(default="")
    name: str = attrs.field(validator=v.name)
    transliterations: tuple[str, ...] = attrs.field(default=(), validator=v.names)
    wikidata: str | None = attrs.field(default=None, validator=_wikidata)

    def __attrs_post_init__(self) -> None:
        _set_id(self, "person", lambda: (self.wikidata or _ids.slug(self.name),))


@attrs.frozen(kw_only=True)
class Official:
    """A person in an office, acting for a party.

    ``acting`` marks an acting office holder ("acting Minister of Foreign Affairs");
    ``term`` is the time in office when the sources give it.
    """

    TAG: ClassVar[str] = "official"

    person: Person = attrs.field(validator=v.instance_of(Person))
    office: str = attrs.field(validator=v.name)
    on_behalf_of: Party = attrs.field(validator=_party)
    acting: bool = attrs.field(default=False, validator=_bool)
    term: When | None = attrs.field(default=None, converter=to_optional_when, validator=_when)


@attrs.frozen(kw_only=True)
class Envoy:
    """A person accredited by a sending party to a receiving party, with a rank.

    The sender is a state or a government; the receiver a state, a government or
    an organization (an ambassador to the African Union).
    """

    person: Person = attrs.field(validator=v.instance_of(Person))
    rank: DiplomaticRank = attrs.field(converter=to_member, validator=v.member(DiplomaticRank))
    sending: Party = attrs.field(validator=_party)
    receiving: Party = attrs.field(validator=_party)
    title: str | None = attrs.field(default=None, validator=v.optional_name)

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between(
            "an envoy is sent by one party to another",
            v.differ(
                "sending",
                "receiving",
                "an envoy is sent by one party to another, but sender and receiver are both {id!r}",
            ),
        ),
    )

    def __attrs_post_init__(self) -> None:
        v.check_rules(self, self.RULES)


def _paired_coordinates(place: Any) -> tuple[str, str] | None:
    if (place.latitude is None) != (place.longitude is None):
        missing = "longitude" if place.longitude is None else "latitude"
        message = f"a place with coordinates needs both latitude and longitude; no {missing}"
        return missing, message
    return None


def _paired_schema() -> list[dict[str, Any]]:
    return [
        {"if": v.present(one), "then": v.present(other)}
        for one, other in (("latitude", "longitude"), ("longitude", "latitude"))
    ]


@attrs.frozen(kw_only=True)
class Place:
    """Where something happened: a city, a building, or a whole country.

    >>> Place(name="Moscow", latitude=55.7558, longitude=37.6173).name
    'Moscow'
    """

    name: str = attrs.field(validator=v.name)
    country: State | None = attrs.field(default=None, validator=v.instance_of(State, optional=True))
    wikidata: str | None = attrs.field(default=None, validator=_wikidata)
    latitude: float | None = attrs.field(
        default=None, validator=v.float_range(-90.0, 90.0, "a latitude in degrees")
    )
    longitude: float | None = attrs.field(
        default=None, validator=v.float_range(-180.0, 180.0, "a longitude in degrees")
    )

    RULES: ClassVar[tuple[v.Between, ...]] = (
        v.Between("coordinates come in pairs", _paired_coordinates, _paired_schema),
    )

    def __attrs_post_init__(self) -> None:
        v.check_rules(self, self.RULES)

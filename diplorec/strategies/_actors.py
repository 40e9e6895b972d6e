"""Strategies for states, governments, organizations, people, places and sources."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec import reference
from diplorec._validators import Name
from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place, State
from diplorec.dates import When
from diplorec.errors import Problem
from diplorec.provenance import Citation, Source
from diplorec.strategies._core import (
    _UNSET,
    Narrowing,
    T,
    _below,
    _choice,
    _draw_where,
    _Fields,
    _flat,
    _lift,
    _maybe,
    _mostly,
    _one_of,
    _optional,
    _public,
    _record,
)
from diplorec.strategies._dates import whens
from diplorec.strategies._rules import field_rule, rule_default, strategy_for
from diplorec.strategies._text import (
    _NOT_SPACE_OR_CONTROL,
    _SPACES,
    _derived_or,
    _prepare,
    names,
    texts,
)
from diplorec.vocab import DiplomaticRank, OrganizationKind, SourceKind

if TYPE_CHECKING:
    from diplorec.jsonl import BadLine


# -- actors -------------------------------------------------------------------------

_REFERENCE_STATES: Final = (
    reference.AFGHANISTAN,
    reference.RUSSIA,
    reference.CHINA,
    reference.FRANCE,
    reference.UNITED_KINGDOM,
    reference.UNITED_STATES,
    reference.QATAR,
    reference.UNITED_ARAB_EMIRATES,
    reference.SOVIET_UNION,
    reference.REPUBLIC_OF_CHINA,
)


def _sample_or(samples: tuple[str, ...], other: SearchStrategy[str]) -> SearchStrategy[str]:
    """One of ``samples`` (half the time, shrinking to the first), or a value of ``other``."""
    return _mostly(samples, other, 2)


@_flat
def _stripped(draw: st.DrawFn, text: SearchStrategy[str]) -> str:
    """A text as a name: stripped, and cut to the longest name the name rule allows."""
    return draw(text).strip()[: Name.max_length].strip()


def _envoy(pair: tuple[Party, Party], **fields: Any) -> Envoy:
    return Envoy(sending=pair[0], receiving=pair[1], **fields)


def _place(coordinates: tuple[float | None, float | None], **fields: Any) -> Place:
    return Place(latitude=coordinates[0], longitude=coordinates[1], **fields)


def _all_unset(*values: object) -> bool:
    return all(value is _UNSET for value in values)


@_public
def states(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    iso3: Narrowing[str | None] = _UNSET,
    iso2: Narrowing[str | None] = _UNSET,
    cow: Narrowing[int | None] = _UNSET,
    gw: Narrowing[int | None] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
    aliases: Narrowing[tuple[str, ...]] = _UNSET,
) -> SearchStrategy[State]:
    """States: the reference states of :mod:`diplorec.reference` and made-up ones.

    Made-up states have any three capital letters as ISO code (user-assigned codes
    such as ``XKX`` included), COW and Gleditsch-Ward codes from 1 to 999, Wikidata
    ids, aliases, or none of these.

    >>> strategy = states(iso3="AFG")  # always the ISO code AFG, the rest drawn
    """
    fields = _Fields()
    fields.add("id", id, _derived_or("state"))
    fields.add("name", name, names())
    fields.maybe("iso3", iso3, rule_default(State, "iso3"))
    fields.maybe("iso2", iso2, rule_default(State, "iso2"))
    fields.maybe("cow", cow, rule_default(State, "cow"))
    fields.maybe("gw", gw, rule_default(State, "gw"))
    fields.maybe("wikidata", wikidata, rule_default(State, "wikidata"))
    fields.some("aliases", aliases, names(), max_size=2, unique_by=str)
    made_up = _record(State, fields)
    if _all_unset(id, name, iso3, iso2, cow, gw, wikidata, aliases):
        return _mostly(_REFERENCE_STATES, made_up, 2)
    return made_up


@_public
def governments(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    state: Narrowing[State] = _UNSET,
    aliases: Narrowing[tuple[str, ...]] = _UNSET,
    in_power: Narrowing[When | None] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Government]:
    """Governments of states, with their time in power when known (its start is in the id).

    >>> from diplorec.reference import AFGHANISTAN
    >>> strategy = governments(state=AFGHANISTAN)
    """
    fields = _Fields()
    fields.add("id", id, _derived_or("government"))
    fields.add("name", name, names())
    fields.add("state", state, states())
    fields.some("aliases", aliases, names(), max_size=2, unique_by=str)
    fields.maybe("in_power", in_power, whens())
    fields.maybe("wikidata", wikidata, rule_default(Government, "wikidata"))
    return _record(Government, fields)


@_public
def organizations(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    kind: Narrowing[OrganizationKind] = _UNSET,
    state: Narrowing[State | None] = _UNSET,
    acronym: Narrowing[str | None] = _UNSET,
    aliases: Narrowing[tuple[str, ...]] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Organization]:
    """Organizations: international bodies, state bodies with their state, movements.

    >>> from diplorec import OrganizationKind
    >>> strategy = organizations(kind=OrganizationKind.MINISTRY)
    """
    fields = _Fields()
    fields.add("id", id, _derived_or("organization"))
    fields.add("name", name, names())
    fields.add("kind", kind, rule_default(Organization, "kind"))
    fields.maybe("state", state, states())
    fields.maybe("acronym", acronym, _one_of(strategy_for(field_rule(State, "iso3")), names()))
    fields.some("aliases", aliases, names(), max_size=2, unique_by=str)
    fields.maybe("wikidata", wikidata, rule_default(Organization, "wikidata"))
    return _record(Organization, fields)


_PARTY_CLASSES: Final = (State, Government, Organization)


def _classes(
    given: type[T] | Iterable[type[T]] | None, allowed: tuple[type[T], ...], what: str
) -> tuple[type[T], ...]:
    if given is None:
        return allowed
    chosen = (given,) if isinstance(given, type) else tuple(given)
    wrong = [cls for cls in chosen if cls not in allowed]
    if wrong or not chosen:
        names_ = ", ".join(cls.__name__ for cls in allowed)
        raise InvalidArgument(f"types={given!r}: each must be one of the {what} {names_}")
    return chosen


@_public
def parties(*, types: type[Party] | Iterable[type[Party]] | None = None) -> SearchStrategy[Party]:
    """States, governments and organizations (the :data:`~diplorec.Party` union).

    >>> from diplorec import Government, State
    >>> strategy = parties(types=(State, Government))
    """
    chosen = _classes(types, _PARTY_CLASSES, "party classes")
    makers: dict[type[Party], Callable[[], SearchStrategy[Any]]] = {
        State: states,
        Government: governments,
        Organization: organizations,
    }
    return _one_of(*(makers[cls]() for cls in chosen))


@_public
def persons(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    transliterations: Narrowing[tuple[str, ...]] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Person]:
    """People, with their names in other scripts and spellings.

    >>> strategy = persons(name="Gul Hassan Hassan")
    """
    fields = _Fields()
    fields.add("id", id, _derived_or("person"))
    fields.add("name", name, names())
    fields.some("transliterations", transliterations, names(), max_size=2, unique_by=str)
    fields.maybe("wikidata", wikidata, rule_default(Person, "wikidata"))
    return _record(Person, fields)


_OFFICES: Final = (
    "Minister of Foreign Affairs",
    "Deputy Minister of Foreign Affairs",
    "President",
    "Prime Minister",
    "Special Representative",
    "Министр иностранных дел",
    "وزیر خارجه",
)


@_public
def officials(
    *,
    person: Narrowing[Person] = _UNSET,
    office: Narrowing[str] = _UNSET,
    on_behalf_of: Narrowing[Party] = _UNSET,
    acting: Narrowing[bool] = _UNSET,
    term: Narrowing[When | None] = _UNSET,
) -> SearchStrategy[Official]:
    """People in an office, acting for a party.

    >>> from diplorec.reference import RUSSIA
    >>> strategy = officials(on_behalf_of=RUSSIA, acting=False)
    """
    fields = _Fields()
    fields.add("person", person, persons())
    fields.add("office", office, _sample_or(_OFFICES, names()))
    fields.add("on_behalf_of", on_behalf_of, parties())
    fields.add("acting", acting, _choice((False, True)))
    fields.maybe("term", term, whens())
    return _record(Official, fields)


def _refuse_same(first: str, a: object, second: str, b: object) -> None:
    """Refuse two fixed parties (or people) with one id where the model needs two."""
    if a is _UNSET or b is _UNSET or isinstance(a, SearchStrategy) or isinstance(b, SearchStrategy):
        return
    if getattr(a, "id", a) == getattr(b, "id", b):
        raise InvalidArgument(
            f"{first} and {second} are both {getattr(a, 'id', a)!r}: they must differ"
        )


#: Strategies drawing from a known collection of parties, by id: the strategy, and the
#: parties it draws from (at the time of drawing). See :func:`_with_members`.
_MEMBERS: dict[int, tuple[SearchStrategy[Any], Callable[[], tuple[Party, ...]]]] = {}
_MEMBERS_LOCK: Final = threading.Lock()


def _with_members(
    strategy: SearchStrategy[Party], members: Callable[[], tuple[Party, ...]]
) -> SearchStrategy[Party]:
    """``strategy``, noted as drawing from ``members()``, so that :func:`_distinct_pair`
    can pick a second party by construction instead of drawing again."""
    with _MEMBERS_LOCK:
        _MEMBERS[id(strategy)] = (strategy, members)
    return strategy


def _members_of(strategy: SearchStrategy[Any]) -> Callable[[], tuple[Party, ...]]:
    """What ``strategy`` draws from, as noted by :func:`_with_members` (else nothing)."""
    entry = _MEMBERS.get(id(strategy))
    return entry[1] if entry is not None and entry[0] is strategy else tuple


def _distinct_pair(
    first: SearchStrategy[Party], second: SearchStrategy[Party]
) -> SearchStrategy[tuple[Party, Party]]:
    """Two parties with different ids, the first from ``first``, the second from ``second``.

    When the second is drawn equal to the first and ``second`` draws from known members,
    the next member with another id is taken: no draw is rejected.
    """
    return _pair(first, second, _members_of(second))


@_flat
def _pair(
    draw: st.DrawFn,
    first: SearchStrategy[Party],
    second: SearchStrategy[Party],
    members: Callable[[], tuple[Party, ...]],
) -> tuple[Party, Party]:
    a = draw(first)
    b = draw(second)
    if b.id != a.id:
        return a, b
    other = next((p for p in members() if p.id != a.id), None)
    if other is not None:
        return a, other
    return a, _draw_where(draw, second, lambda p: p.id != a.id)


@_public
def envoys(
    *,
    person: Narrowing[Person] = _UNSET,
    rank: Narrowing[DiplomaticRank] = _UNSET,
    sending: Narrowing[Party] = _UNSET,
    receiving: Narrowing[Party] = _UNSET,
    title: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Envoy]:
    """Envoys sent by one party to another (never to itself), of every rank.

    >>> from diplorec import DiplomaticRank
    >>> strategy = envoys(rank=DiplomaticRank.AMBASSADOR)
    """
    _refuse_same("sending", sending, "receiving", receiving)
    fields = _Fields()
    pair = _distinct_pair(_lift(sending, parties()), _lift(receiving, parties()))
    fields.add("pair", _UNSET, pair)
    fields.add("person", person, persons())
    fields.add("rank", rank, rule_default(Envoy, "rank"))
    fields.maybe("title", title, _sample_or(("Ambassador", "Посол", "سفیر"), names()))
    return _record(_envoy, fields)


_LATITUDES: Final = strategy_for(field_rule(Place, "latitude"))
_LONGITUDES: Final = strategy_for(field_rule(Place, "longitude"))


@_flat
def _coordinates(
    draw: st.DrawFn,
    latitudes: SearchStrategy[float | None],
    longitudes: SearchStrategy[float | None],
    longitude_first: bool,
) -> tuple[float | None, float | None]:
    """A latitude and a longitude, both or neither."""
    if longitude_first:
        lon = draw(longitudes)
        return _draw_where(draw, latitudes, lambda lat: (lat is None) == (lon is None)), lon
    lat = draw(latitudes)
    return lat, _draw_where(draw, longitudes, lambda lon: (lat is None) == (lon is None))


@_public
def places(
    *,
    name: Narrowing[str] = _UNSET,
    country: Narrowing[State | None] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
    latitude: Narrowing[float | None] = _UNSET,
    longitude: Narrowing[float | None] = _UNSET,
) -> SearchStrategy[Place]:
    """Places, with coordinates (both or neither) anywhere on Earth.

    >>> strategy = places(latitude=None)  # never coordinates
    """
    coordinates: SearchStrategy[tuple[float | None, float | None]]
    if latitude is _UNSET and longitude is _UNSET:
        coordinates = _maybe(st.tuples(_LATITUDES, _LONGITUDES), (None, None))
    else:
        coordinates = _coordinates(
            _lift(latitude, _optional(_LATITUDES)),
            _lift(longitude, _optional(_LONGITUDES)),
            longitude_first=latitude is _UNSET,
        )
    fields = _Fields()
    fields.add("coordinates", _UNSET, coordinates)
    fields.add("name", name, _sample_or(("Moscow", "Kabul", "Doha", "کابل", "Москва"), names()))
    fields.maybe("country", country, states())
    fields.maybe("wikidata", wikidata, rule_default(Place, "wikidata"))
    return _record(_place, fields)


_LANGUAGES: Final = ("en", "ru", "ps", "fa", "prs", "ar", "zh", "zh-Hans", "ps-AF", "fa-AF")
_URL_PATH_CHARS: Final = st.characters(
    exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES
)


_URL_HOSTS: Final = st.text(
    st.characters(categories=(), include_characters="abcdefghijklmnopqrstuvwxyz0123456789"),
    min_size=1,
    max_size=12,
)
_URL_PATHS: Final = st.text(_URL_PATH_CHARS, max_size=30)
_prepare(_URL_HOSTS, _URL_PATHS)
_URL_ENDS: Final = tuple(
    (scheme, tld) for scheme in ("https", "http") for tld in ("org", "ru", "af", "com", "int")
)


@_flat
def _urls(draw: st.DrawFn) -> str:
    """Web addresses: a scheme, a host, a top-level domain and a path in any script."""
    scheme, tld = _URL_ENDS[draw(_below(len(_URL_ENDS)))]
    return f"{scheme}://{draw(_URL_HOSTS)}.{tld}/{draw(_URL_PATHS)}"


def _utc_instants() -> SearchStrategy[dt.datetime]:
    return st.datetimes(timezones=st.just(dt.UTC))


@_public
def sources(
    *,
    id: Narrowing[str] = _UNSET,
    title: Narrowing[str] = _UNSET,
    publisher: Narrowing[str | None] = _UNSET,
    url: Narrowing[str | None] = _UNSET,
    published: Narrowing[When | None] = _UNSET,
    language: Narrowing[str | None] = _UNSET,
    kind: Narrowing[SourceKind] = _UNSET,
    retrieved: Narrowing[dt.datetime | None] = _UNSET,
) -> SearchStrategy[Source]:
    """Sources: news reports, official statements, datasets, with UTC retrieval times.

    >>> from diplorec import SourceKind
    >>> strategy = sources(kind=SourceKind.OFFICIAL_STATEMENT, language="ru")
    """
    fields = _Fields()
    fields.add("id", id, _derived_or("source"))
    fields.add("title", title, _one_of(names(), _stripped(texts())))
    fields.maybe("publisher", publisher, names())
    fields.maybe("url", url, _one_of(_urls(), strategy_for(field_rule(Source, "url"))))
    fields.maybe("published", published, whens())
    fields.maybe(
        "language", language, _mostly(_LANGUAGES, strategy_for(field_rule(Source, "language")), 2)
    )
    fields.add("kind", kind, rule_default(Source, "kind"))
    fields.maybe("retrieved", retrieved, _utc_instants())
    return _record(Source, fields)


@_public
def citations(
    *,
    source: Narrowing[Source] = _UNSET,
    quote: Narrowing[str | None] = _UNSET,
    locator: Narrowing[str | None] = _UNSET,
    confidence: Narrowing[float | None] = _UNSET,
    on: Narrowing[When | None] = _UNSET,
    place: Narrowing[Place | None] = _UNSET,
) -> SearchStrategy[Citation]:
    """Citations of a source, with a quote, a locator, a confidence from 0 to 1, and the
    date and place the source gives.

    >>> strategy = citations(confidence=None, on=None)
    """
    fields = _Fields()
    fields.add("source", source, sources())
    fields.maybe("quote", quote, texts())
    fields.maybe("locator", locator, _sample_or(("p. 2", "para. 4", "§ 3"), names()))
    fields.maybe("confidence", confidence, rule_default(Citation, "confidence"))
    fields.maybe("on", on, whens())
    # a reference state as the country keeps citations cheap to draw inside events
    fields.maybe("place", place, places(country=_optional(st.sampled_from(_REFERENCE_STATES))))
    return _record(Citation, fields)


@_public
def bad_lines() -> SearchStrategy[BadLine]:
    """Lines of a JSON Lines file that hold no valid record, with their problems.

    Every problem carries the line's number, as :func:`~diplorec.read_jsonl` reports them.
    """
    from diplorec.jsonl import BadLine

    def bad_line(line: int, found: list[Problem]) -> BadLine:
        return BadLine(line=line, problems=tuple(attrs.evolve(p, line=line) for p in found))

    return st.builds(bad_line, st.integers(1, 10**6), st.lists(problems(), min_size=1, max_size=3))


@_public
def problems() -> SearchStrategy[Problem]:
    """Problems as a :class:`~diplorec.ValidationError` lists them: a JSON path and a sentence."""
    step = st.sampled_from(("envoy", "rank", "sources", "recognizer", "iso3")).map(
        lambda key: "." + key
    ) | st.integers(0, 9).map(lambda index: f"[{index}]")
    path = st.lists(step, max_size=4).map(lambda steps: "$" + "".join(steps))
    return st.builds(Problem, path=path, message=texts(), line=_optional(st.integers(1, 10**6)))

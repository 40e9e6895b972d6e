"""Strategies for states, governments, organizations, people, places and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec import reference
from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place, State
from diplorec.dates import When
from diplorec.errors import Problem
from diplorec.provenance import Citation, Source
from diplorec.strategies._core import (
    _UNSET,
    Narrowing,
    T,
    _draw_where,
    _lift,
    _optional,
    _public,
    _tuples,
)
from diplorec.strategies._dates import whens
from diplorec.strategies._text import (
    _NOT_SPACE_OR_CONTROL,
    _SPACES,
    _UPPER,
    _derived_or,
    _wikidata_ids,
    names,
    texts,
)
from diplorec.strategies._vocab import diplomatic_ranks, organization_kinds, source_kinds
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
)


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
    made_up = st.builds(
        State,
        id=_lift(id, _derived_or("state")),
        name=_lift(name, names()),
        iso3=_lift(iso3, _optional(st.text(_UPPER, min_size=3, max_size=3))),
        iso2=_lift(iso2, _optional(st.text(_UPPER, min_size=2, max_size=2))),
        cow=_lift(cow, _optional(st.integers(1, 999))),
        gw=_lift(gw, _optional(st.integers(1, 999))),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
        aliases=_lift(aliases, _tuples(names(), max_size=2, unique_by=str)),
    )
    if _all_unset(id, name, iso3, iso2, cow, gw, wikidata, aliases):
        return st.sampled_from(_REFERENCE_STATES) | made_up
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
    """Governments of states, with their time in power when known.

    >>> from diplorec.reference import AFGHANISTAN
    >>> strategy = governments(state=AFGHANISTAN)
    """
    return st.builds(
        Government,
        id=_lift(id, _derived_or("government")),
        name=_lift(name, names()),
        state=_lift(state, states()),
        aliases=_lift(aliases, _tuples(names(), max_size=2, unique_by=str)),
        in_power=_lift(in_power, _optional(whens())),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


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
    return st.builds(
        Organization,
        id=_lift(id, _derived_or("organization")),
        name=_lift(name, names()),
        kind=_lift(kind, organization_kinds()),
        state=_lift(state, _optional(states())),
        acronym=_lift(acronym, _optional(st.text(_UPPER, min_size=2, max_size=6) | names())),
        aliases=_lift(aliases, _tuples(names(), max_size=2, unique_by=str)),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


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
    return st.one_of([makers[cls]() for cls in chosen])


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
    return st.builds(
        Person,
        id=_lift(id, _derived_or("person")),
        name=_lift(name, names()),
        transliterations=_lift(transliterations, _tuples(names(), max_size=2, unique_by=str)),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


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
    return st.builds(
        Official,
        person=_lift(person, persons()),
        office=_lift(office, st.sampled_from(_OFFICES) | names()),
        on_behalf_of=_lift(on_behalf_of, parties()),
        acting=_lift(acting, st.booleans()),
        term=_lift(term, _optional(whens())),
    )


@st.composite
def _distinct_pair(
    draw: st.DrawFn, first: SearchStrategy[Party], second: SearchStrategy[Party]
) -> tuple[Party, Party]:
    """Two parties with different ids, the first from ``first``, the second from ``second``."""
    a = draw(first)
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
    return st.builds(
        lambda pair, **fields: Envoy(sending=pair[0], receiving=pair[1], **fields),
        _distinct_pair(_lift(sending, parties()), _lift(receiving, parties())),
        person=_lift(person, persons()),
        rank=_lift(rank, diplomatic_ranks()),
        title=_lift(title, _optional(st.sampled_from(("Ambassador", "Посол", "سفیر")) | names())),
    )


_LATITUDES: Final = st.floats(-90.0, 90.0)
_LONGITUDES: Final = st.floats(-180.0, 180.0)


@st.composite
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
        coordinates = st.just((None, None)) | st.tuples(_LATITUDES, _LONGITUDES)
    else:
        coordinates = _coordinates(
            _lift(latitude, _optional(_LATITUDES)),
            _lift(longitude, _optional(_LONGITUDES)),
            longitude_first=latitude is _UNSET,
        )
    return st.builds(
        lambda coordinates, **fields: Place(
            latitude=coordinates[0], longitude=coordinates[1], **fields
        ),
        coordinates,
        name=_lift(name, st.sampled_from(("Moscow", "Kabul", "Doha", "کابل", "Москва")) | names()),
        country=_lift(country, _optional(states())),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


_LANGUAGES: Final = ("en", "ru", "ps", "fa", "prs", "ar", "zh", "zh-Hans", "ps-AF", "fa-AF")
_URL_PATH_CHARS: Final = st.characters(
    exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES
)


def _urls() -> SearchStrategy[str]:
    host = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
    path = st.text(_URL_PATH_CHARS, max_size=30)
    return st.builds(
        lambda scheme, host, tld, path: f"{scheme}://{host}.{tld}/{path}",
        st.sampled_from(("https", "http")),
        host,
        st.sampled_from(("org", "ru", "af", "com", "int")),
        path,
    )


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
    return st.builds(
        Source,
        id=_lift(id, _derived_or("source")),
        title=_lift(title, names() | texts().map(str.strip)),
        publisher=_lift(publisher, _optional(names())),
        url=_lift(url, _optional(_urls())),
        published=_lift(published, _optional(whens())),
        language=_lift(language, _optional(st.sampled_from(_LANGUAGES))),
        kind=_lift(kind, source_kinds()),
        retrieved=_lift(retrieved, _optional(_utc_instants())),
    )


@_public
def citations(
    *,
    source: Narrowing[Source] = _UNSET,
    quote: Narrowing[str | None] = _UNSET,
    locator: Narrowing[str | None] = _UNSET,
    confidence: Narrowing[float | None] = _UNSET,
) -> SearchStrategy[Citation]:
    """Citations of a source, with a quote, a locator and a confidence from 0 to 1.

    >>> strategy = citations(confidence=None)
    """
    return st.builds(
        Citation,
        source=_lift(source, sources()),
        quote=_lift(quote, _optional(texts())),
        locator=_lift(locator, _optional(st.sampled_from(("p. 2", "para. 4", "§ 3")) | names())),
        confidence=_lift(confidence, _optional(st.floats(0.0, 1.0))),
    )


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

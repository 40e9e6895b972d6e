"""Strategies for consistent sequences of events, dossiers and ledger entries."""

from __future__ import annotations

import datetime as dt
import functools
import threading
import typing
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, cast

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec._similar import may_be_same
from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place, State
from diplorec.dates import OPEN_END, When
from diplorec.events import (
    EVENT_TYPES,
    Annulment,
    CredentialPresentation,
    Event,
    RecognitionAct,
    RecognitionWithdrawal,
)
from diplorec.provenance import Source
from diplorec.strategies._actors import (
    _REFERENCE_STATES,
    _classes,
    _with_members,
    citations,
    governments,
    officials,
    organizations,
    persons,
    places,
    sources,
    states,
)
from diplorec.strategies._annulments import annullable_in_sequence, annulling
from diplorec.strategies._core import (
    _BOOLEANS,
    T,
    _below,
    _distinct_items,
    _draw_where,
    _flat,
    _mostly,
    _optional,
    _party_id,
    _public,
    _tuples,
)
from diplorec.strategies._dates import _QUALIFIERS, whens
from diplorec.strategies._events import _EVENT_STRATEGIES
from diplorec.strategies._policies import settled
from diplorec.strategies._text import event_ids, texts
from diplorec.strategies._vocab import severities

if TYPE_CHECKING:
    from diplorec.dossier import Dossier, Finding
    from diplorec.ledger import StandingInterval, StandingReport, TimelineEntry


# -- consistent sequences and dossiers --------------------------------------------------


class _Pools(typing.NamedTuple):
    """The actors, places and sources one consistent sequence of events shares."""

    parties: tuple[Party, ...]
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]


def _unique_by_id(values: Iterable[T]) -> tuple[T, ...]:
    seen: dict[str, T] = {}
    for value in values:
        seen.setdefault(cast(Any, value).id, value)
    return tuple(seen.values())


def _moved(value: T, **changes: Any) -> T:
    """``value`` with fields changed; an id derived from content is derived anew."""
    current: Any = value
    if "id" in attrs.fields_dict(type(current)) and attrs.evolve(current, id="").id == current.id:
        changes["id"] = ""
    return cast(T, attrs.evolve(current, **changes))


@functools.cache
def _pool_strategies() -> tuple[SearchStrategy[Any], ...]:
    """What the pools of a sequence are drawn from: mostly well-known values (one choice
    each), sometimes made-up ones."""
    from diplorec.strategies._events import _KNOWN_PARTIES, _KNOWN_PEOPLE, _KNOWN_SOURCES

    known_governments = tuple(p for p in _KNOWN_PARTIES if isinstance(p, Government))
    known_organizations = tuple(p for p in _KNOWN_PARTIES if isinstance(p, Organization))
    return (
        _distinct_items(
            _mostly(_REFERENCE_STATES, states(), 8), 2, 4, _party_id, lambda: _REFERENCE_STATES
        ),
        _tuples(_mostly(known_governments, governments(), 8), max_size=2),
        _tuples(_mostly(known_organizations, organizations(), 8), max_size=2),
        _distinct_items(_mostly(_KNOWN_PEOPLE, persons(), 8), 2, 3, _id, lambda: _KNOWN_PEOPLE),
        _tuples(_mostly(_KNOWN_PLACES, places(), 8), max_size=2),
        _distinct_items(_mostly(_KNOWN_SOURCES, sources(), 8), 1, 2, _id, lambda: _KNOWN_SOURCES),
    )


_KNOWN_PLACES: Final = (Place(name="Moscow"), Place(name="Kabul"), Place(name="Doha"))


def _id(value: Any) -> str:
    return cast(str, value.id)


@_flat
def _pools(draw: st.DrawFn) -> _Pools:
    states_of, governments_of, organizations_of, people_of, places_of, sources_of = (
        _pool_strategies()
    )
    # The states governments and bodies belong to are kept to one id per actor too, so
    # that no nested state is one the party list below would leave out.
    states_: list[State] = []
    for state in _unique_by_id(draw(states_of)):
        if not any(may_be_same(state, kept) for kept in states_):
            states_.append(state)
    governments_ = [_moved(g, state=_pick(draw, states_)) for g in draw(governments_of)]
    organizations_ = [_moved(o, state=_pick_or_none(draw, states_)) for o in draw(organizations_of)]
    places_ = [attrs.evolve(p, country=_pick_or_none(draw, states_)) for p in draw(places_of)]
    parties: list[Party] = []
    for party in _unique_by_id([*states_, *governments_, *organizations_]):
        # One actor under two ids is something Dossier.check() reports: keep the first.
        if not any(may_be_same(party, kept) for kept in parties):
            parties.append(party)
    return _Pools(
        parties=tuple(parties),
        people=tuple(draw(people_of)),
        places=tuple(places_),
        sources=tuple(draw(sources_of)),
    )


def _root_id(party: Party) -> str:
    """The id of the state behind a party: a government's or state body's state."""
    if isinstance(party, (Government, Organization)) and party.state is not None:
        return party.state.id
    return party.id


def _link_field(cls: type[Any]) -> str | None:
    names_ = attrs.fields_dict(cls)
    return next((name for name in ("basis", "concerning") if name in names_), None)


class _PoolRef(threading.local):
    """The pools of the sequence being drawn, read by strategies built once for all draws."""

    pools: _Pools | None = None

    def __repr__(self) -> str:
        return "pools"


def _pick(draw: st.DrawFn, values: Sequence[T]) -> T:
    """One of ``values``, shrinking to the first: one choice."""
    return values[draw(_below(len(values)))]


@_flat
def _pooled(draw: st.DrawFn, ref: _PoolRef, kind: str) -> Any:
    """One of the current pools' parties, people, places or sources."""
    return _pick(draw, getattr(ref.pools, kind))


def _pick_or_none(draw: st.DrawFn, values: Sequence[T]) -> T | None:
    """None (half the time, and when there are no ``values``) or one of ``values``: one
    choice, shrinking to None."""
    if not values:
        return None
    pick = draw(_below(2 * len(values)))
    return values[pick - len(values)] if pick >= len(values) else None


@_flat
def _pooled_place(draw: st.DrawFn, ref: _PoolRef) -> Place | None:
    """None, or one of the current pools' places: one choice."""
    return _pick_or_none(draw, cast(_Pools, ref.pools).places)


class _SequenceMaker:
    """The strategies for the events of consistent sequences, drawing from pools."""

    def __init__(self, chosen: tuple[type[Event], ...]) -> None:
        self.ref = _PoolRef()
        ref = self.ref
        party = _with_members(_pooled(ref, "parties"), lambda: cast(_Pools, ref.pools).parties)
        self.person = _pooled(self.ref, "people")
        common: dict[str, Any] = {
            "among": party,
            "people": self.person,
            "place": _pooled_place(self.ref),
            "sources": _tuples(
                citations(source=_pooled(self.ref, "sources"), on=None, place=None),
                min_size=1,
                max_size=2,
            ),
        }
        self.events: dict[type[Any], SearchStrategy[Any]] = {}
        for cls in chosen:
            kwargs = dict(common)
            link = _link_field(cls)
            if link is not None:
                kwargs[link] = ()
            if cls is CredentialPresentation:
                kwargs["received_by"] = None
            self.events[cls] = _EVENT_STRATEGIES[cls](**kwargs)
        self.receivers = _optional(officials(person=self.person, on_behalf_of=party))

    def __repr__(self) -> str:
        return ", ".join(cls.__name__ for cls in self.events)

    def receiver(self, draw: st.DrawFn, envoy: Envoy) -> Official | None:
        """An official of the envoy's receiving state (or none) who is not the envoy."""
        official = _draw_where(
            draw, self.receivers, lambda o: o is None or o.person.id != envoy.person.id
        )
        if official is None:
            return None
        root = _root_id(envoy.receiving)
        same_root = [p for p in cast(_Pools, self.ref.pools).parties if _root_id(p) == root]
        return attrs.evolve(official, on_behalf_of=_pick(draw, same_root))

    def withdrawal(self, draw: st.DrawFn, act: RecognitionAct) -> RecognitionWithdrawal:
        """A withdrawal of ``act``, dated so that it cannot precede it."""
        drawn: RecognitionWithdrawal = draw(self.events[RecognitionWithdrawal])
        since = (act.effective or act.on).earliest
        parties = {act.recognizer.id, act.recognized.id}
        rival = drawn.in_favour_of
        return _moved(
            drawn,
            withdrawer=act.recognizer,
            recognized=act.recognized,
            in_favour_of=None if rival is None or rival.id in parties else rival,
            addressee=_unless(drawn.addressee, act.recognizer),
            on=_dates_from(draw, since),
            effective=_dates_from(draw, since) if draw(_BOOLEANS) else None,
            basis=(act.id,),
        )


def _unless(party: Party | None, banned: Party) -> Party | None:
    """``party``, or None when it is ``banned`` (a withdrawal is not sent to its author)."""
    return None if party is None or party.id == banned.id else party


def _month_start_from(day: dt.date) -> dt.date | None:
    """The first day of the first whole month from ``day`` on, if before 10000."""
    if day.day == 1:
        return day
    if day.month < 12:
        return dt.date(day.year, day.month + 1, 1)
    return dt.date(day.year + 1, 1, 1) if day.year < 9999 else None


_SHAPES_FROM: Final = ("day", "month", "year", "from")


def _dates_from(draw: st.DrawFn, since: dt.date) -> When:
    """Draw a day, month, year or open interval that starts no earlier than ``since``: two
    choices, the day and then its qualifiers and shape."""
    room = OPEN_END.toordinal() - since.toordinal()
    day = dt.date.fromordinal(since.toordinal() + draw(_below(min(3650, room) + 1)))
    how, shape_at = divmod(draw(_below(len(_QUALIFIERS) * len(_SHAPES_FROM))), len(_SHAPES_FROM))
    uncertain, approximate = _QUALIFIERS[how]
    shape = _SHAPES_FROM[shape_at]
    month = _month_start_from(day)
    year = day.year if (day.month, day.day) == (1, 1) else day.year + 1
    if shape == "month" and month is not None:
        return When.month(month.year, month.month, uncertain=uncertain, approximate=approximate)
    if shape == "year" and year <= 9999:
        return When.year(year, uncertain=uncertain, approximate=approximate)
    exact = When.day(day.year, day.month, day.day, uncertain=uncertain, approximate=approximate)
    return When.interval(exact, None) if shape == "from" else exact


def _fresh_id(event: Event, used: set[str]) -> Event:
    if event.id not in used:
        return event
    number = len(used)
    while f"{event.TAG}:{number}" in used:
        number += 1
    return attrs.evolve(event, id=f"{event.TAG}:{number}")


@_flat
def _sequences(
    draw: st.DrawFn, min_size: int, max_size: int, maker: _SequenceMaker
) -> tuple[Event, ...]:
    maker.ref.pools = draw(_pools())
    size = draw(st.integers(min_size, max_size))
    done: list[Event] = []
    used: set[str] = set()
    withdrawable: list[RecognitionAct] = []
    for _ in range(size):
        annullable = [e for e in done if annullable_in_sequence(e)]
        open_ = [
            cls
            for cls in maker.events
            if (cls is not RecognitionWithdrawal or withdrawable)
            and (cls is not Annulment or annullable)
        ]
        cls = _pick(draw, open_)
        event: Event
        if cls is RecognitionWithdrawal:
            act = _pick(draw, withdrawable)
            withdrawable.remove(act)
            event = maker.withdrawal(draw, act)
        elif cls is Annulment:
            drawn = draw(maker.events[Annulment])
            event = annulling(draw, drawn, _pick(draw, annullable))
        else:
            event = draw(maker.events[cls])
        if isinstance(event, CredentialPresentation):
            event = attrs.evolve(event, received_by=maker.receiver(draw, event.envoy))
        link = _link_field(cls)
        if link is not None and done and cls is not RecognitionWithdrawal:
            earlier = {_pick(draw, done).id for _ in range(draw(_below(3)))}
            event = _moved(event, **{link: tuple(sorted(earlier))})
        event = settled(_fresh_id(event, used))
        if isinstance(event, RecognitionAct) and not isinstance(event.recognized, State):
            withdrawable.append(event)
        used.add(event.id)
        done.append(event)
    return tuple(done)


@_public
def event_sequences(
    *,
    min_size: int = 0,
    max_size: int = 8,
    types: type[Event] | Iterable[type[Event]] | None = None,
) -> SearchStrategy[tuple[Event, ...]]:
    """Tuples of events that are consistent with one another, ready for a dossier.

    Ids are unique; links (``basis``, ``concerning``) point to earlier events; each
    party, person and source id names one value throughout; a withdrawal follows a
    recognition between the same parties; credentials are received by an official of
    the receiving state; every event cites a source. So
    ``Dossier.from_events(events).check()`` finds nothing. Withdrawals are drawn only
    when ``types`` allows recognition acts too.

    >>> from diplorec import RecognitionAct, RecognitionWithdrawal
    >>> strategy = event_sequences(types=(RecognitionAct, RecognitionWithdrawal))
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    if chosen == (RecognitionWithdrawal,):
        raise InvalidArgument(
            "a consistent sequence draws a withdrawal only after a recognition: "
            "add RecognitionAct to types"
        )
    if set(chosen) <= {RecognitionWithdrawal, Annulment}:
        raise InvalidArgument(
            "a consistent sequence draws an annulment only of an earlier event: "
            "add another event type to types"
        )
    if not 0 <= min_size <= max_size:
        raise InvalidArgument(f"need 0 <= min_size <= max_size, not {min_size} and {max_size}")
    return _sequences(min_size, max_size, _SequenceMaker(chosen))


@_public
def dossiers(
    *,
    min_size: int = 0,
    max_size: int = 8,
    types: type[Event] | Iterable[type[Event]] | None = None,
) -> SearchStrategy[Dossier]:
    """Dossiers of consistent events (see :func:`event_sequences`): ``check()`` finds nothing.

    >>> strategy = dossiers(min_size=1)
    """
    from diplorec.dossier import Dossier

    sequences = event_sequences(min_size=min_size, max_size=max_size, types=types)
    return sequences.map(Dossier.from_events)


@_public
def findings() -> SearchStrategy[Finding]:
    """Findings as :meth:`Dossier.check <diplorec.dossier.Dossier.check>` reports them."""
    from diplorec.dossier import Finding

    return st.builds(
        Finding,
        severity=severities(),
        code=st.sampled_from(("duplicate-id", "unresolved-link", "no-sources")),
        message=texts(),
        event_ids=_tuples(event_ids(), max_size=2, unique_by=str),
    )


@_public
def timeline_entries() -> SearchStrategy[TimelineEntry]:
    """Entries of recognition ledgers, built from consistent recognitions and withdrawals."""
    from diplorec.ledger import RecognitionLedger

    acts = event_sequences(min_size=1, max_size=4, types=(RecognitionAct, RecognitionWithdrawal))

    def entries(events: tuple[Event, ...]) -> SearchStrategy[Any]:
        ledger = RecognitionLedger.from_events(events)
        recognized = {e.recognized.id for e in events if isinstance(e, RecognitionAct)}
        found = [entry for key in sorted(recognized) for entry in ledger.timeline(key)]
        return st.sampled_from(found)

    # A withdrawal is drawn only after a recognition, so every sequence has one.
    return acts.flatmap(entries)


def _ledgers() -> SearchStrategy[tuple[Any, tuple[tuple[str, str], ...]]]:
    """A ledger of consistent recognitions and withdrawals, with its recognised pairs."""
    from diplorec.ledger import RecognitionLedger

    acts = event_sequences(min_size=1, max_size=4, types=(RecognitionAct, RecognitionWithdrawal))

    def built(events: tuple[Event, ...]) -> tuple[Any, tuple[tuple[str, str], ...]]:
        pairs = {
            (e.recognizer.id, e.recognized.id) for e in events if isinstance(e, RecognitionAct)
        }
        return RecognitionLedger.from_events(events), tuple(sorted(pairs))

    return acts.map(built)


@_public
def standing_reports() -> SearchStrategy[StandingReport]:
    """Reports of ledgers (``RecognitionLedger.explain``) on a recognised pair and a date."""

    @st.composite
    def report(draw: st.DrawFn) -> StandingReport:
        ledger, pairs = draw(_ledgers())
        recognizer, recognized = draw(st.sampled_from(pairs))
        return ledger.explain(recognizer, recognized, draw(whens()))  # type: ignore[no-any-return]

    return report()


@_public
def standing_intervals() -> SearchStrategy[StandingInterval]:
    """Rows of ``RecognitionLedger.to_intervals()`` of consistent recognitions and withdrawals."""
    # A sequence whose only act is one its author denied is recognition has no rows.
    rows = _ledgers().map(lambda built: built[0].to_intervals()).filter(bool)
    return rows.flatmap(st.sampled_from)

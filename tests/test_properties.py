"""Properties every diplorec value keeps: wire round trips, canonical JSON, the laws of When.

The values come from :mod:`diplorec.strategies`, so these properties also check that
every value the strategies draw is one the wire format carries. The differential test
of ``When`` bounds against the ``edtf`` package is in tests/test_dates.py.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import (
    Citation,
    CodedEvent,
    CredentialPresentation,
    DesignationChange,
    DiplomaticTies,
    Envoy,
    EnvoyAppointment,
    Event,
    Government,
    Meeting,
    Official,
    Organization,
    Participant,
    Party,
    Person,
    Place,
    RecognitionAct,
    RecognitionWithdrawal,
    RelationsChange,
    Source,
    State,
    Statement,
    When,
    dumps,
    from_dict,
    loads,
    to_dict,
)
from diplorec import strategies as ds
from diplorec.dates import OPEN_END, OPEN_START
from diplorec.dossier import Dossier

#: Every model class of the wire format, with the strategy for it.
MODELS: list[tuple[type, st.SearchStrategy[Any]]] = [
    (State, ds.states()),
    (Government, ds.governments()),
    (Organization, ds.organizations()),
    (Person, ds.persons()),
    (Official, ds.officials()),
    (Envoy, ds.envoys()),
    (Place, ds.places()),
    (Source, ds.sources()),
    (Citation, ds.citations()),
    (RecognitionAct, ds.recognition_acts()),
    (RecognitionWithdrawal, ds.recognition_withdrawals()),
    (CredentialPresentation, ds.credential_presentations()),
    (EnvoyAppointment, ds.envoy_appointments()),
    (Meeting, ds.meetings()),
    (Statement, ds.statements()),
    (DesignationChange, ds.designation_changes()),
    (RelationsChange, ds.relations_changes()),
    (DiplomaticTies, ds.diplomatic_ties()),
    (CodedEvent, ds.coded_events()),
]

UNIONS: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (Event, ds.events()),
    (Party, ds.parties()),
    (Participant, ds.participants()),
]


def _name(case: tuple[Any, Any]) -> str:
    return getattr(case[0], "__name__", None) or str(case[0])


class TestRoundTrips:
    """Every value reads back equal from its dict and from its JSON, and JSON is canonical."""

    @pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=map(_name, MODELS))
    @given(data=st.data())
    def test_model(self, cls: type, strategy: st.SearchStrategy[Any], data: st.DataObject) -> None:
        """from_dict(to_dict(x)) == x, loads(dumps(x)) == x, dumps(loads(dumps(x))) == dumps(x)."""
        value = data.draw(strategy)
        assert type(value) is cls
        assert from_dict(to_dict(value), cls) == value
        text = dumps(value)
        again = loads(text, cls)
        assert again == value
        assert dumps(again) == text
        assert loads(text.encode("utf-8"), cls) == value

    @pytest.mark.parametrize(("union", "strategy"), UNIONS, ids=["Event", "Party", "Participant"])
    @given(data=st.data())
    def test_union(self, union: Any, strategy: st.SearchStrategy[Any], data: st.DataObject) -> None:
        """A member of a union reads back as itself when read as the union."""
        value = data.draw(strategy)
        assert from_dict(to_dict(value), union) == value
        assert loads(dumps(value), union) == value

    @given(ds.dossiers(max_size=5))
    def test_sequences_and_dossiers(self, dossier: Dossier) -> None:
        """A list of events and a dossier document read back equal, with the same text."""
        events = dossier.events
        text = dumps(events)
        assert loads(text, tuple[Event, ...]) == events
        assert dumps(loads(text, tuple[Event, ...])) == text
        document = dumps(dossier)
        assert loads(document, Dossier) == dossier
        assert dumps(loads(document, Dossier)) == document

    @given(ds.wire_events(canonical=False))
    def test_noncanonical_reads_the_same(self, data: dict[str, Any]) -> None:
        """Keys in any order, absent fields spelled null or []: read as the canonical data."""
        value = from_dict(data, Event)
        assert from_dict(to_dict(value), Event) == value
        assert to_dict(value) == _without_empties(data)


def _without_empties(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_empties(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_without_empties(item) for item in value]
    return value


class TestWhenText:
    """The text of a When is canonical."""

    @given(ds.whens())
    def test_parse_round_trip(self, w: When) -> None:
        """When.parse(str(w)) == w, and the text does not change on the way."""
        assert When.parse(str(w)) == w
        assert str(When.parse(str(w))) == str(w)

    @given(ds.whens(), ds.whens())
    def test_equality_is_equality_of_text(self, a: When, b: When) -> None:
        """Two values are equal exactly when their texts are, and equal values hash alike."""
        assert (a == b) == (str(a) == str(b))
        if a == b:
            assert hash(a) == hash(b)


class TestWhenBounds:
    """earliest and latest bound every date, and the comparisons follow from them."""

    @given(ds.whens())
    def test_bounds_ordered_and_in_range(self, w: When) -> None:
        """0001-01-01 <= earliest <= latest <= 9999-12-31."""
        assert OPEN_START <= w.earliest <= w.latest <= OPEN_END

    @given(ds.whens())
    def test_interval_bounds_come_from_its_ends(self, w: When) -> None:
        """An interval spans from its start's earliest to its end's latest (open: the limits)."""
        if not w.is_interval:
            return
        assert w.earliest == (OPEN_START if w.start is None else w.start.earliest)
        assert w.latest == (OPEN_END if w.end is None else w.end.latest)

    @given(ds.whens(), ds.whens())
    def test_comparisons_follow_the_bounds(self, a: When, b: When) -> None:
        """contains, overlaps, definitely_before, possibly_before and before follow the bounds."""
        assert a.contains(b) == (a.earliest <= b.earliest and b.latest <= a.latest)
        assert a.overlaps(b) == (a.earliest <= b.latest and b.earliest <= a.latest)
        assert a.definitely_before(b) == (a.latest < b.earliest)
        assert a.possibly_before(b) == (a.earliest < b.latest)
        expected = True if a.latest < b.earliest else False if a.earliest >= b.latest else None
        assert a.before(b) is expected

    @given(ds.whens(), st.dates())
    def test_may_include_follows_the_bounds(self, w: When, day: datetime.date) -> None:
        """may_include(d) holds exactly for the days between earliest and latest."""
        assert w.may_include(day) == (w.earliest <= day <= w.latest)


class TestWhenOrder:
    """The sort order is total and consistent with equality."""

    @given(ds.whens(), ds.whens())
    def test_trichotomy(self, a: When, b: When) -> None:
        """Exactly one of a < b, a == b, b < a."""
        assert [a < b, a == b, b < a].count(True) == 1
        assert (a <= b) == (a < b or a == b)
        assert (a >= b) == (b <= a)

    @given(ds.whens(), ds.whens(), ds.whens())
    def test_transitive(self, a: When, b: When, c: When) -> None:
        """a <= b and b <= c imply a <= c."""
        first, second, third = sorted([a, b, c])
        assert first <= second <= third
        assert first <= third

    @given(
        st.lists(ds.whens(), max_size=6).flatmap(
            lambda v: st.tuples(st.just(v), st.permutations(v))
        )
    )
    def test_sorting_is_by_earliest_bound(self, lists: tuple[list[When], list[When]]) -> None:
        """Sorted values run by earliest bound, whatever order they came in."""
        values, shuffled = lists
        ordered = sorted(values)
        assert [w.earliest for w in ordered] == sorted(w.earliest for w in values)
        assert sorted(shuffled) == ordered

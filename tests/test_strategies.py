"""Tests of diplorec.strategies: valid by construction, narrowing, coverage, reprs."""

from __future__ import annotations

import datetime
import enum
import json
import unicodedata
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import diplorec
from diplorec import (
    CodedEvent,
    CredentialPresentation,
    DiplomaticRank,
    Envoy,
    Event,
    Government,
    Meeting,
    Organization,
    Participant,
    Party,
    Person,
    Place,
    Precision,
    Problem,
    RecognitionAct,
    RecognitionWithdrawal,
    RelationsAction,
    RelationsChange,
    Source,
    State,
    Statement,
    When,
    WithdrawalKind,
    from_dict,
    to_dict,
)
from diplorec import strategies as ds
from diplorec.dossier import Dossier, Finding
from diplorec.jsonl import BadLine
from diplorec.ledger import StandingInterval, StandingReport, TimelineEntry
from diplorec.reference import AFGHANISTAN, CHINA, QATAR, RUSSIA, UNITED_STATES

#: Strategies whose values are not wire models (tests/test_properties.py round-trips those,
#: which checks the class of every value drawn).
OTHER_STRATEGIES: list[tuple[Callable[[], st.SearchStrategy[Any]], type]] = [
    (ds.whens, When),
    (ds.problems, Problem),
    (ds.findings, Finding),
    (ds.bad_lines, BadLine),
    (ds.times_of_day, datetime.time),
]
#: Strategies that draw a whole ledger (a sequence of events, read into a ledger) for
#: each value: tens of milliseconds a value on a quiet machine. Their speed is watched
#: by tests/test_strategy_speed.py, with settings that no profile overrides.
LEDGER_STRATEGIES: list[tuple[Callable[[], st.SearchStrategy[Any]], type]] = [
    (ds.timeline_entries, TimelineEntry),
    (ds.standing_reports, StandingReport),
    (ds.standing_intervals, StandingInterval),
]

#: The strategy function of every enum diplorec exports, by enum.
ENUM_STRATEGIES: dict[type[enum.Enum], Callable[[], st.SearchStrategy[Any]]] = {
    diplorec.Precision: ds.precisions,
    diplorec.LegalStatus: ds.legal_statuses,
    diplorec.RecognitionForm: ds.recognition_forms,
    diplorec.RecognitionInstrument: ds.recognition_instruments,
    diplorec.Characterization: ds.characterizations,
    diplorec.WithdrawalKind: ds.withdrawal_kinds,
    diplorec.DiplomaticRank: ds.diplomatic_ranks,
    diplorec.CredentialDocument: ds.credential_documents,
    diplorec.AppointmentStage: ds.appointment_stages,
    diplorec.MeetingMode: ds.meeting_modes,
    diplorec.Stance: ds.stances,
    diplorec.DesignationAction: ds.designation_actions,
    diplorec.RelationsAction: ds.relations_actions,
    diplorec.RepresentationLevel: ds.representation_levels,
    diplorec.Certainty: ds.certainties,
    diplorec.OrganizationKind: ds.organization_kinds,
    diplorec.SourceKind: ds.source_kinds,
    diplorec.RecognitionCapacity: ds.recognition_capacities,
    diplorec.PolicyStance: ds.policy_stances,
    diplorec.WithdrawalForm: ds.withdrawal_forms,
    diplorec.AnnulmentKind: ds.annulment_kinds,
}


#: Settings for find(): look hard, but do not shrink what is found.
_SEARCH = settings(max_examples=10_000, database=None, phases=[Phase.generate])


def _exported(kind: Callable[[object], bool]) -> set[type]:
    values = (getattr(diplorec, name) for name in diplorec.__all__)
    return {value for value in values if isinstance(value, type) and kind(value)}


def _label(case: tuple[Callable[..., Any], Any]) -> str:
    return case[0].__name__


def _ids(party_like: object) -> set[str]:
    if isinstance(party_like, (State, Government, Organization)):
        return {party_like.id}
    return set()


class TestValidByConstruction:
    """Every strategy draws values of its class; building them never raises."""

    @pytest.mark.parametrize(("make", "cls"), OTHER_STRATEGIES, ids=map(_label, OTHER_STRATEGIES))
    @given(data=st.data())
    def test_draws_instances(self, make: Callable[[], Any], cls: Any, data: st.DataObject) -> None:
        """A drawn value is an instance of the class the strategy is for."""
        assert isinstance(data.draw(make()), cls)

    # Ten whole ledgers can take more than the second Hypothesis allows for drawing the
    # first ten examples when the machine is busy, though each is as quick as
    # test_strategy_speed requires: that test watches their speed, this one what they draw.
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @pytest.mark.parametrize(("make", "cls"), LEDGER_STRATEGIES, ids=map(_label, LEDGER_STRATEGIES))
    @given(data=st.data())
    def test_draws_ledger_rows(
        self, make: Callable[[], Any], cls: Any, data: st.DataObject
    ) -> None:
        """A value drawn from a ledger is an instance of the class the strategy is for."""
        assert isinstance(data.draw(make()), cls)

    @pytest.mark.parametrize("enum_type", list(ENUM_STRATEGIES), ids=lambda e: e.__name__)
    def test_enum_strategies_cover_every_member(self, enum_type: type[enum.Enum]) -> None:
        """Each enum strategy can draw every member of its enum."""
        strategy = ENUM_STRATEGIES[enum_type]()
        for member in enum_type:
            assert find(strategy, lambda drawn, m=member: drawn is m, settings=_SEARCH) is member

    def test_every_exported_enum_has_a_strategy(self) -> None:
        """The enums diplorec exports are those with a strategy function here."""
        exported = _exported(lambda cls: issubclass(cls, enum.Enum))
        extra = {diplorec.dossier.Severity, diplorec.ledger.Standing, diplorec.ledger.ChangeKind}
        assert exported <= set(ENUM_STRATEGIES) | extra

    @pytest.mark.parametrize(
        ("make", "enum_path"),
        [
            (ds.standings, "diplorec.ledger.Standing"),
            (ds.change_kinds, "diplorec.ledger.ChangeKind"),
            (ds.severities, "diplorec.dossier.Severity"),
        ],
    )
    def test_ledger_and_dossier_enums(self, make: Callable[[], Any], enum_path: str) -> None:
        """The ledger's and dossier's enums have strategies drawing every member."""
        module, name = enum_path.rsplit(".", 1)
        enum_type = getattr(__import__(module, fromlist=[name]), name)
        for member in enum_type:
            assert find(make(), lambda drawn, m=member: drawn is m, settings=_SEARCH) is member


class TestNarrowing:
    """Keyword arguments fix a field (a value) or draw it from a strategy."""

    @given(ds.recognition_acts(recognizer=RUSSIA))
    def test_a_value_fixes_the_field(self, act: RecognitionAct) -> None:
        """recognizer=RUSSIA: always Russia, and the recognized party is never Russia."""
        assert act.recognizer == RUSSIA
        assert act.recognized.id != RUSSIA.id

    @given(ds.states(iso3=st.sampled_from(["AFG", "QAT"]), cow=None))
    def test_a_strategy_narrows_the_field(self, state: State) -> None:
        """iso3 drawn from the strategy given; cow=None means never a COW code."""
        assert state.iso3 in ("AFG", "QAT")
        assert state.cow is None

    @given(ds.events(among=[AFGHANISTAN, RUSSIA, QATAR]))
    def test_among_pools_every_party(self, event: Event) -> None:
        """Every party an event names, in any role, comes from the pool."""
        assert {party.id for party in event.actors()} <= {"state:AFG", "state:RUS", "state:QAT"}

    @given(ds.credential_presentations(people=[Person(name="Gul Hassan"), Person(name="Rudenko")]))
    def test_people_pools_every_person(self, event: CredentialPresentation) -> None:
        """Envoys and officials are drawn from the people given."""
        named = {event.envoy.person.name}
        if event.received_by is not None:
            named.add(event.received_by.person.name)
        assert named <= {"Gul Hassan", "Rudenko"}

    @given(ds.events(types=(Meeting, Statement)))
    def test_types_keep_to_event_classes(self, event: Event) -> None:
        """events(types=...) draws only those classes."""
        assert type(event) in (Meeting, Statement)

    @given(ds.parties(types=Government))
    def test_party_types(self, party: Party) -> None:
        """parties(types=Government) draws governments only."""
        assert isinstance(party, Government)

    @given(ds.relations_changes(action=RelationsAction.DOWNGRADED))
    def test_downgrades_lower_the_level(self, change: RelationsChange) -> None:
        """A downgrade never raises the level, whatever levels are drawn."""
        before, after = change.level_before, change.level_after
        assert before is None or after is None or after.rank < before.rank

    @given(ds.recognition_withdrawals(in_favour_of=CHINA))
    def test_a_rival_makes_a_switch(self, withdrawal: RecognitionWithdrawal) -> None:
        """Fixing in_favour_of draws only switches, between two other parties."""
        assert withdrawal.kind is WithdrawalKind.SWITCH
        assert CHINA.id not in (withdrawal.withdrawer.id, withdrawal.recognized.id)

    @given(ds.places(latitude=st.floats(-10, 10)))
    def test_coordinates_come_in_pairs(self, place: Place) -> None:
        """A latitude drawn always comes with a longitude."""
        assert place.latitude is not None
        assert -10 <= place.latitude <= 10
        assert place.longitude is not None

    @given(ds.meetings(on=When.parse("2025-03"), sources=()))
    def test_common_event_fields(self, meeting: Meeting) -> None:
        """The fields every event has are narrowed the same way."""
        assert meeting.on == When.parse("2025-03")
        assert meeting.sources == ()

    def test_unknown_event_field(self) -> None:
        """A keyword that is not a field of the event is refused at once."""
        with pytest.raises((InvalidArgument, TypeError)):
            ds.meetings(venue="Doha")  # type: ignore[call-arg]

    @pytest.mark.parametrize(
        "make",
        [
            lambda: ds.events(types=State),  # type: ignore[arg-type]
            lambda: ds.parties(types=Meeting),  # type: ignore[arg-type]
            lambda: ds.names(scripts="klingon"),
            lambda: ds.event_sequences(types=RecognitionWithdrawal),
            lambda: ds.event_sequences(min_size=3, max_size=2),
            lambda: ds.wire_dicts(When),
        ],
    )
    def test_bad_arguments(self, make: Callable[[], Any]) -> None:
        """Arguments that cannot be satisfied raise InvalidArgument when the strategy is made."""
        with pytest.raises(InvalidArgument):
            make()


class TestWhens:
    """whens() covers every precision over 0001-9999 and narrows to bounds and shapes."""

    @given(data=st.data(), precision=ds.precisions())
    def test_precision(self, data: st.DataObject, precision: Precision) -> None:
        """whens(precision=p) draws only that precision."""
        assert data.draw(ds.whens(precision=precision)).precision is precision

    @given(
        data=st.data(),
        bounds=st.lists(st.dates(), min_size=2, max_size=2).map(sorted),
    )
    def test_bounds_hold(self, data: st.DataObject, bounds: list[datetime.date]) -> None:
        """Every value drawn lies within min_value and max_value."""
        low, high = bounds
        w = data.draw(ds.whens(min_value=low, max_value=high))
        assert low <= w.earliest <= w.latest <= high

    @given(ds.whens(min_value=When.parse("2025-04"), max_value=When.parse("2025-06")))
    def test_when_bounds(self, w: When) -> None:
        """A When as min_value or max_value bounds by its earliest or latest day."""
        assert datetime.date(2025, 4, 1) <= w.earliest
        assert w.latest <= datetime.date(2025, 6, 30)

    @given(ds.whens(intervals=False, qualifiers=False))
    def test_single_plain_dates(self, w: When) -> None:
        """intervals=False and qualifiers=False: single dates without ?, ~ or %."""
        assert not w.is_interval
        assert not w.uncertain
        assert not w.approximate

    @given(ds.whens(precision=Precision.INTERVAL, open_ends=False))
    def test_closed_intervals(self, w: When) -> None:
        """open_ends=False draws intervals with both ends."""
        assert w.start is not None
        assert w.end is not None

    @pytest.mark.parametrize(
        ("what", "wanted"),
        [
            ("the year 0001", lambda w: w.earliest.year == 1 and not w.is_interval),
            ("the year 9999", lambda w: w.latest.year == 9999 and not w.is_interval),
            ("an open start", lambda w: w.is_interval and w.start is None),
            ("an open end", lambda w: w.is_interval and w.end is None),
            ("a winter", lambda w: str(w).endswith("-24")),
            ("uncertain and approximate", lambda w: str(w).endswith("%")),
            ("a qualified end", lambda w: w.is_interval and "?/" in str(w)),
        ],
    )
    def test_reaches(self, what: str, wanted: Callable[[When], bool]) -> None:
        """The default strategy reaches the edges of what When can hold."""
        found = find(ds.whens(), wanted, settings=_SEARCH)
        assert wanted(found), what

    @pytest.mark.parametrize(
        "arguments",
        [
            {"precision": Precision.YEAR, "max_value": datetime.date(2025, 6, 1),
             "min_value": datetime.date(2025, 1, 1)},
            {"precision": Precision.INTERVAL, "intervals": False},
            {"min_value": datetime.date(2025, 2, 1), "max_value": datetime.date(2025, 1, 1)},
            {"precision": "day"},
            {"min_value": datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)},
        ],
    )  # fmt: skip
    def test_impossible_narrowing(self, arguments: dict[str, Any]) -> None:
        """A precision with no room between the bounds, or a bad argument, is refused."""
        with pytest.raises(InvalidArgument):
            ds.whens(**arguments)


def _letters(name: str, first: int, last: int) -> bool:
    return any(first <= ord(c) <= last for c in name)


class TestNames:
    """names() draws valid names in every script, with marks."""

    @given(ds.names())
    def test_valid_name(self, name: str) -> None:
        """Every drawn name is accepted as a name, and survives the wire."""
        state = State(name=name)
        assert from_dict(to_dict(state), State) == state

    @pytest.mark.parametrize(
        ("what", "wanted"),
        [
            ("Cyrillic", lambda n: _letters(n, 0x410, 0x44F)),
            ("Arabic", lambda n: _letters(n, 0x621, 0x64A)),
            ("a Pashto letter", lambda n: any(c in n for c in "ټځډړږښګڼې")),
            ("a Dari/Persian letter", lambda n: any(c in n for c in "پچژگ")),
            ("CJK", lambda n: _letters(n, 0x4E00, 0x9FFF)),
            ("a combining mark", lambda n: any(unicodedata.category(c) == "Mn" for c in n)),
            ("a right-to-left mark", lambda n: "\u200f" in n),
            ("a zero-width non-joiner", lambda n: "\u200c" in n),
            ("a character outside the BMP", lambda n: any(ord(c) > 0xFFFF for c in n)),
        ],
    )
    def test_reaches(self, what: str, wanted: Callable[[str], bool]) -> None:
        """Names in every script and with every kind of mark are drawn."""
        found = find(ds.names(), wanted, settings=_SEARCH)
        assert wanted(found), what

    @given(ds.names(scripts="cyrillic"))
    def test_scripts_narrow(self, name: str) -> None:
        """names(scripts='cyrillic') draws Cyrillic letters, marks and separators only."""
        for c in name:
            assert unicodedata.name(c, "").startswith("CYRILLIC") or unicodedata.category(c) in (
                "Mn",
                "Cf",
                "Zs",
                "Pd",
            ), c

    @given(ds.texts())
    def test_valid_text(self, text: str) -> None:
        """Every drawn text is accepted as free text (notes)."""
        assert CodedEvent(on=When.parse("2025"), cameo="054", description=text).description == text


def _actor_values(event: Event) -> list[Any]:
    found: list[Any] = []

    def walk(value: Any) -> None:
        if isinstance(value, (State, Government, Organization, Person, Source)):
            found.append(value)
        if isinstance(value, tuple):
            for item in value:
                walk(item)
        elif attrs.has(type(value)) and not isinstance(value, When):
            for field in attrs.fields(type(value)):
                walk(getattr(value, field.name))

    walk(event)
    return found


class TestEventSequences:
    """event_sequences() and dossiers() draw events consistent with one another."""

    @given(ds.dossiers())
    def test_consistent(self, dossier: Dossier) -> None:
        """Ids are unique, links point to earlier events, each id names one value, and
        Dossier.check() finds nothing."""
        seen: set[str] = set()
        by_id: dict[str, Any] = {}
        for event in dossier:
            assert event.id not in seen
            assert set(event.links()) <= seen
            seen.add(event.id)
            for value in _actor_values(event):
                assert by_id.setdefault(value.id, value) == value
        assert dossier.check() == ()

    @given(ds.event_sequences(min_size=2, max_size=3, types=(RecognitionAct, Meeting)))
    def test_size_and_types(self, events: tuple[Event, ...]) -> None:
        """min_size, max_size and types narrow the sequence."""
        assert 2 <= len(events) <= 3
        assert {type(event) for event in events} <= {RecognitionAct, Meeting}

    @given(
        ds.event_sequences(min_size=2, max_size=4, types=(RecognitionAct, RecognitionWithdrawal))
    )
    def test_withdrawals_follow_recognitions(self, events: tuple[Event, ...]) -> None:
        """A withdrawal rests on an earlier recognition between the same parties."""
        earlier = {e.id: e for e in events if isinstance(e, RecognitionAct)}
        for event in events:
            if isinstance(event, RecognitionWithdrawal):
                act = earlier[event.basis[0]]
                assert (act.recognizer, act.recognized) == (event.withdrawer, event.recognized)


class TestWireStrategies:
    """wire_dicts() and wire_events() draw JSON-ready data that reads back."""

    @given(ds.wire_events())
    def test_canonical(self, data: dict[str, Any]) -> None:
        """A canonical wire event is what to_dict writes for the value it reads as."""
        assert to_dict(from_dict(data, Event)) == data
        assert list(json.loads(json.dumps(data))) == list(data)

    @given(ds.wire_dicts(Participant, canonical=False))
    def test_noncanonical(self, data: dict[str, Any]) -> None:
        """Non-canonical data reads as a value that writes back without nulls or empty lists."""
        value = from_dict(data, Participant)
        assert to_dict(value) == _without_empties(data)

    @given(ds.invalid_wire_events())
    def test_invalid_cases_are_json(self, case: tuple[Any, str]) -> None:
        """Invalid cases are JSON values, with a JSON path that starts at the root."""
        data, path = case
        assert json.loads(json.dumps(data, allow_nan=False)) == data
        assert path.startswith("$")


def _without_empties(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_empties(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_without_empties(item) for item in value]
    return value


PUBLIC_STRATEGIES = [
    name for name in ds.__all__ if callable(getattr(ds, name)) and name[0].islower()
]


class TestReprs:
    """Strategies have short reprs, so Hypothesis reports stay readable."""

    @pytest.mark.parametrize("name", PUBLIC_STRATEGIES)
    def test_short_after_drawing(self, name: str) -> None:
        """The repr of a strategy stays short once values have been drawn from it."""
        make = getattr(ds, name)
        strategy = make(State) if name in ("wire_dicts", "invalid_wire_dicts") else make()

        # A few draws are enough: the repr of a drawn-from strategy is what matters.
        @settings(max_examples=3, database=None, phases=[Phase.generate])
        @given(strategy)
        def draw_some(value: object) -> None:
            pass

        draw_some()
        assert len(repr(strategy)) < 200, repr(strategy)[:300]

    def test_rejections_do_not_warn(self) -> None:
        """Rejected draws (a pool of few parties) raise no long-repr warning."""

        @settings(max_examples=30, database=None, suppress_health_check=list(HealthCheck))
        @given(ds.envoys(sending=st.sampled_from([RUSSIA, UNITED_STATES])))
        def draw_envoys(envoy: Envoy) -> None:
            assert envoy.sending.id != envoy.receiving.id

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            draw_envoys()

    def test_rank_narrowing_repr(self) -> None:
        """A narrowed strategy shows the call that made it."""
        assert repr(ds.envoys(rank=DiplomaticRank.AMBASSADOR)) == (
            "envoys(rank=<DiplomaticRank.AMBASSADOR: 'ambassador'>)"
        )


def _failure_report(test: Callable[[], None]) -> str:
    """The report Hypothesis attaches to the failure of ``test`` (its falsifying example)."""
    with pytest.raises(AssertionError) as caught:
        test()
    return "\n".join(getattr(caught.value, "__notes__", []))


class TestReadableFailures:
    """A shrunk failure prints values as code that builds them, and shrinking stays quiet."""

    def test_when_prints_as_parse(self) -> None:
        """A When in a failing example prints as When.parse('...'), never as a lambda call."""

        @settings(max_examples=200, database=None, derandomize=True)
        @given(ds.whens())
        def fails_on_months(w: When) -> None:
            assert w.precision is not Precision.MONTH

        report = _failure_report(fails_on_months)
        assert "w=When.parse('2000-01')" in report, report
        assert "lambda" not in report

    def test_events_report_and_no_warning(self) -> None:
        """Shrinking a failure over events() warns of no huge repr, and the report shows the
        event's own repr with its dates as When.parse(...)."""

        @settings(max_examples=200, database=None, derandomize=True)
        @given(ds.events())
        def fails_on_two_sources(event: Event) -> None:
            assert len(event.sources) < 2

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            report = _failure_report(fails_on_two_sources)
        assert "on=When.parse(" in report, report
        assert "lambda" not in report
        assert "<unknown>" not in report


#: Russia's ambassador in Kabul, who presented his credentials to the Taliban in 2025.
ZHIRNOV = diplorec.Person(name="Dmitry Zhirnov")
ZHIRNOV_IN_KABUL = diplorec.Envoy(
    person=ZHIRNOV, rank=diplorec.DiplomaticRank.AMBASSADOR, sending=RUSSIA, receiving=AFGHANISTAN
)

#: Fixed arguments that contradict a rule of the model.
CONTRADICTIONS: list[tuple[str, Callable[[], Any]]] = [
    ("recognizer == recognized", lambda: ds.recognition_acts(recognizer=RUSSIA, recognized=RUSSIA)),
    ("partner == recognizer",
     lambda: ds.recognition_acts(recognizer=RUSSIA, collective_with=(CHINA, RUSSIA))),
    ("withdrawer == recognized",
     lambda: ds.recognition_withdrawals(withdrawer=CHINA, recognized=CHINA)),
    ("rival == withdrawer",
     lambda: ds.recognition_withdrawals(withdrawer=CHINA, in_favour_of=CHINA)),
    ("rival without a switch",
     lambda: ds.recognition_withdrawals(in_favour_of=CHINA, kind=WithdrawalKind.SUSPENSION)),
    ("sending == receiving", lambda: ds.envoys(sending=QATAR, receiving=QATAR)),
    ("authority == entity", lambda: ds.designation_changes(authority=RUSSIA, entity=RUSSIA)),
    ("pledger == recognized", lambda: ds.recognition_pledges(pledger=QATAR, recognized=QATAR)),
    ("envoy == receiver",
     lambda: ds.credential_presentations(
         envoy=ZHIRNOV_IN_KABUL,
         received_by=diplorec.Official(person=ZHIRNOV, office="Ambassador", on_behalf_of=RUSSIA))),
    ("envoy == predecessor",
     lambda: ds.envoy_appointments(envoy=ZHIRNOV_IN_KABUL, predecessor=ZHIRNOV)),
    ("an upgrade that lowers",
     lambda: ds.relations_changes(action=RelationsAction.UPGRADED,
                                  level_before=diplorec.RepresentationLevel.AMBASSADOR,
                                  level_after=diplorec.RepresentationLevel.CHARGE_D_AFFAIRES)),
]  # fmt: skip


class TestContradictoryNarrowing:
    """Narrowing that no value can satisfy is refused when the strategy is made."""

    @pytest.mark.parametrize(("what", "make"), CONTRADICTIONS, ids=[c[0] for c in CONTRADICTIONS])
    def test_refused_up_front(self, what: str, make: Callable[[], Any]) -> None:
        """InvalidArgument at once, before anything is drawn."""
        with pytest.raises(InvalidArgument):
            make()

    def test_strategies_are_still_allowed(self) -> None:
        """Strategies for both roles are accepted: they may draw different parties."""
        ds.recognition_acts(recognizer=st.just(RUSSIA), recognized=st.sampled_from([RUSSIA, QATAR]))


class TestDateDistribution:
    """By default most dates are days, months and years within 1800-2100; the rest is reached."""

    def test_mostly_what_analysts_hold(self) -> None:
        """Of 300 derandomised draws: at least 70 % of single dates are days, months or years,
        at least 70 % of all lie within 1800-2100, and at least 10 % of intervals are open."""
        drawn: list[When] = []

        @settings(max_examples=300, database=None, derandomize=True, phases=[Phase.generate])
        @given(ds.whens())
        def collect(w: When) -> None:
            drawn.append(w)

        collect()
        single = [w for w in drawn if not w.is_interval]
        intervals = [w for w in drawn if w.is_interval]
        usual = (Precision.DAY, Precision.MONTH, Precision.YEAR)
        near = [w for w in drawn if w.earliest.year >= 1800 and w.latest.year <= 2100]
        open_ = [w for w in intervals if w.start is None or w.end is None]
        assert sum(w.precision in usual for w in single) >= 0.7 * len(single)
        assert len(near) >= 0.7 * len(drawn)
        assert intervals
        assert len(open_) >= 0.1 * len(intervals)

    @pytest.mark.parametrize(
        ("what", "wanted"),
        [
            ("a season", lambda w: w.precision is Precision.SEASON),
            ("a quarter", lambda w: w.precision is Precision.QUARTER),
            ("a semester", lambda w: w.precision is Precision.SEMESTER),
            ("a day before 1800", lambda w: w.precision is Precision.DAY and w.latest.year < 1800),
            ("a year after 2100",
             lambda w: w.precision is Precision.YEAR and w.earliest.year > 2100),
        ],
    )  # fmt: skip
    def test_the_rest_is_reached(self, what: str, wanted: Callable[[When], bool]) -> None:
        """Seasons, quarters, semesters and far dates are still drawn."""
        found = find(ds.whens(), wanted, settings=_SEARCH)
        assert wanted(found), what

"""Building a ledger: the indexed steps of the build agree with plain scans, and the
garbage collector is paused only while a ledger is built.

``_supersede`` finds the firm changes overlapping a claim through
:class:`~diplorec._precedence.Spans`, and ``_rival_entries`` compares each rival's first
possible day instead of scanning its group; these properties compare both with the
plain scans they replace, on histories with open-start, partial, uncertain and interval
dates. The parties are synthetic.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplorec import (
    Certainty,
    Government,
    RecognitionAct,
    RecognitionCapacity,
    RecognitionLedger,
    RecognitionWithdrawal,
    Standing,
    State,
    When,
)
from diplorec import ledger as ledger_module
from diplorec._precedence import ChangeKind, Spans
from diplorec.converters import dumps
from diplorec.jsonl import read_jsonl
from diplorec.ledger import TimelineEntry

AAA = State(name="Aaa", iso3="AAA")
BBB = State(name="Bbb", iso3="BBB")
CCC = State(name="Ccc", iso3="CCC")
FIRST_GOVERNMENT = Government(name="First Government of Ccc", state=CCC)
SECOND_GOVERNMENT = Government(name="Second Government of Ccc", state=CCC)
THIRD_GOVERNMENT = Government(name="Third Government of Ccc", state=CCC)
GOVERNMENTS = (FIRST_GOVERNMENT, SECOND_GOVERNMENT, THIRD_GOVERNMENT)
CAPACITIES = (None, RecognitionCapacity.GOVERNMENT, RecognitionCapacity.REPRESENTATIVE)
DATES = (
    "2000-03-05",
    "2000-03-06",
    "2000-07-01",
    "2000-03",
    "2000",
    "2000-03-05?",
    "2000-03-01/2000-04-15",
    "../2000-03",
    "../1999",
    "2001-01/..",
)


@st.composite
def recognition_events(draw: st.DrawFn, parties: tuple[Any, ...]) -> Any:
    """A recognition or withdrawal by AAA or BBB of one of ``parties``, firm or not."""
    on = When.parse(draw(st.sampled_from(DATES)))
    recognizer = draw(st.sampled_from((AAA, BBB)))
    recognized = draw(st.sampled_from(parties))
    certainty = draw(st.sampled_from(list(Certainty)))
    claimed_by = draw(st.sampled_from(((), (CCC,))))
    if draw(st.booleans()):
        return RecognitionAct(
            on=on,
            recognizer=recognizer,
            recognized=recognized,
            certainty=certainty,
            claimed_by=claimed_by,
            exclusive=draw(st.booleans()),
            capacity=draw(st.sampled_from(CAPACITIES)) if recognized in GOVERNMENTS else None,
        )
    return RecognitionWithdrawal(
        on=on, withdrawer=recognizer, recognized=recognized, certainty=certainty
    )


def entries_of(events: list[Any]) -> list[TimelineEntry]:
    """The changes the events make themselves, before any is implied or marked."""
    entries: list[TimelineEntry] = []
    for event in events:
        if isinstance(event, RecognitionAct):
            entries.extend(ledger_module._act_entries(event))
        else:
            entries.extend(ledger_module._withdrawal_entries(event))
    return entries


def reference_supersede(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """``_supersede`` by definition: every uncertain claim against every firm change."""
    out = []
    for entry in entries:
        if entry.effect is Standing.UNCERTAIN:
            confirming = sorted(
                other.event.id
                for other in entries
                if other.effect not in (None, Standing.UNCERTAIN)
                and other.kind not in ledger_module._NOT_CONFIRMING
                and (other.recognizer.id, other.recognized.id, other.kind.gives)
                == (entry.recognizer.id, entry.recognized.id, entry.kind.gives)
                and other.when.overlaps(entry.when)
            )
            if confirming:
                entry = attrs.evolve(entry, superseded_by=confirming[0])
        out.append(entry)
    return out


def reference_rivals(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """``_rival_entries`` by definition: each trigger against every change of its group."""
    groups: dict[tuple[str, str], list[TimelineEntry]] = {}
    explicit = {(e.event.id, e.recognizer.id, e.recognized.id) for e in entries if not e.kind.gives}
    for entry in entries:
        state = ledger_module._governed_state(entry)
        if state is not None and entry.kind.gives and entry.effect is not None:
            groups.setdefault((entry.recognizer.id, state), []).append(entry)
    implied = []
    for group in groups.values():
        rivals = {entry.recognized.id: entry.recognized for entry in group}
        if len(rivals) < 2:
            continue
        for trigger in group:
            if trigger.effect not in (Standing.RECOGNIZED, Standing.UNCERTAIN):
                continue
            if not ledger_module._exclusive(trigger):
                continue
            for rival_id, rival in rivals.items():
                if rival_id == trigger.recognized.id:
                    continue
                if (trigger.event.id, trigger.recognizer.id, rival_id) in explicit:
                    continue
                if not any(
                    e.recognized.id == rival_id and e.when.earliest <= trigger.when.latest
                    for e in group
                ):
                    continue
                withdrawn = (
                    Standing.WITHDRAWN
                    if trigger.effect is Standing.RECOGNIZED
                    else Standing.UNCERTAIN
                )
                implied.append(
                    TimelineEntry(
                        recognizer=trigger.recognizer,
                        recognized=rival,
                        when=trigger.when,
                        kind=ChangeKind.RIVAL_RECOGNITION,
                        effect=withdrawn,
                        event=trigger.event,
                        reason=f"recognition of the rival government {trigger.recognized.id}",
                    )
                )
    return implied


@st.composite
def spans(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """Spans sorted by first day: days, short ranges and a few very long ones."""
    rows = draw(
        st.lists(
            st.tuples(st.integers(0, 60), st.one_of(st.integers(0, 5), st.integers(0, 100))),
            max_size=30,
        )
    )
    rows = sorted((lo, lo + length) for lo, length in rows)
    return [lo for lo, _ in rows], [hi for _, hi in rows]


class TestSpans:
    """``Spans.overlapping`` finds exactly the spans a full scan finds, last first."""

    @settings(max_examples=200, deadline=None)
    @given(spans(), st.integers(-5, 170), st.integers(0, 40))
    def test_overlapping_equals_a_scan(
        self, columns: tuple[list[int], list[int]], lo: int, length: int
    ) -> None:
        """Every span with a day in ``lo``..``hi``, by index from the last."""
        los, his = columns
        hi = lo + length
        expected = [i for i in reversed(range(len(los))) if los[i] <= hi and his[i] >= lo]
        assert list(Spans(los, his).overlapping(lo, hi)) == expected

    def test_long_span_under_many_short_ones(self) -> None:
        """An open-start span under many later one-day spans is found beyond them."""
        los = [0, *range(10, 1010)]
        his = [5_000, *range(10, 1010)]
        assert list(Spans(los, his).overlapping(2_000, 2_001)) == [0]
        assert list(Spans(los, his).overlapping(500, 500)) == [491, 0]


class TestSupersede:
    """Claims confirmed by a firm change of the same pair are marked as by a full scan."""

    @settings(max_examples=150, deadline=None)
    @given(st.lists(recognition_events((CCC, FIRST_GOVERNMENT)), max_size=12))
    def test_supersede_equals_a_scan(self, events: list[Any]) -> None:
        """The same entries, each claim confirmed by the same (smallest) event id."""
        entries = entries_of(events)
        assert ledger_module._supersede(entries) == reference_supersede(entries)


class TestOrder:
    """The ledger sorts its changes as :attr:`TimelineEntry.sort_key` orders them."""

    @settings(max_examples=150, deadline=None)
    @given(st.lists(recognition_events((CCC, FIRST_GOVERNMENT)), max_size=12), st.randoms())
    def test_order_of_sort_key(self, events: list[Any], random: Any) -> None:
        """Whatever the input order: by sort_key, then by full text on equal keys."""
        entries = entries_of(events)
        random.shuffle(entries)
        expected = sorted(entries, key=lambda entry: (entry.sort_key, repr(entry)))
        assert ledger_module._ordered(entries) == expected

    def test_same_day_by_event_id(self) -> None:
        """Changes of one day, recognizer and kind follow their events' ids."""
        on = When.parse("2000-03-05")
        acts = [
            RecognitionAct(id=f"act:{name}", on=on, recognizer=AAA, recognized=party)
            for name, party in (("b", FIRST_GOVERNMENT), ("c", CCC), ("a", CCC))
        ]
        ordered = ledger_module._ordered(entries_of(acts))
        assert [entry.event.id for entry in ordered] == ["act:a", "act:b", "act:c"]


class TestRivals:
    """Withdrawals implied by recognising a rival government are those of a full scan."""

    @settings(max_examples=150, deadline=None)
    @given(st.lists(recognition_events(GOVERNMENTS), max_size=10))
    def test_rivals_equal_a_scan(self, events: list[Any]) -> None:
        """The same implied withdrawals, of the same rivals, with the same effect."""
        entries = entries_of(events)
        found = ledger_module._rival_entries(entries)
        assert found == reference_rivals(entries)

    def test_rival_recognised_on_the_last_possible_day(self) -> None:
        """A rival that may have been recognised on the trigger's last day is ended too."""
        events = [
            RecognitionAct(on=When.parse("2000-03-31"), recognizer=AAA, recognized=GOVERNMENTS[0]),
            RecognitionAct(on=When.parse("2000-03"), recognizer=AAA, recognized=GOVERNMENTS[1]),
            RecognitionAct(on=When.parse("2000-04-01"), recognizer=AAA, recognized=GOVERNMENTS[2]),
        ]
        entries = entries_of(events)
        ended = {
            (entry.event.id, entry.recognized.id) for entry in ledger_module._rival_entries(entries)
        }
        assert (events[1].id, GOVERNMENTS[0].id) in ended
        assert (events[1].id, GOVERNMENTS[2].id) not in ended
        assert ended == {
            (entry.event.id, entry.recognized.id) for entry in reference_rivals(entries)
        }


class Recorded:
    """Events that note whether the garbage collector is on as they are read."""

    def __init__(self, events: list[Any], fail_after: int | None = None) -> None:
        self.events = events
        self.fail_after = fail_after
        self.collector_on: list[bool] = []

    def __iter__(self) -> Iterator[Any]:
        for index, event in enumerate(self.events):
            if index == self.fail_after:
                raise OSError("the source broke off")
            self.collector_on.append(gc.isenabled())
            yield event


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector on at the start, and on again after the test whatever it did."""
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


HISTORY = [
    RecognitionAct(on=When.parse("2000-03"), recognizer=AAA, recognized=BBB),
    RecognitionWithdrawal(on=When.parse("2001"), withdrawer=AAA, recognized=BBB),
]


@pytest.mark.usefixtures("collector_on")
class TestPausedCollector:
    """``from_events`` pauses the collector during the build and restores it on every exit."""

    def test_paused_while_building(self) -> None:
        """Off while the events are read, on again once the ledger is built."""
        events = Recorded(HISTORY)
        ledger = RecognitionLedger.from_events(events)
        assert events.collector_on == [False, False]
        assert gc.isenabled()
        assert ledger.standing(AAA, BBB, "2000-06") is Standing.RECOGNIZED

    def test_left_alone_when_asked(self) -> None:
        """``pause_gc=False``: the collector stays on throughout."""
        events = Recorded(HISTORY)
        RecognitionLedger.from_events(events, pause_gc=False)
        assert events.collector_on == [True, True]
        assert gc.isenabled()

    def test_restored_after_bad_input(self) -> None:
        """A TypeError for something that is not an event still turns the collector back on."""
        with pytest.raises(TypeError, match="not dict"):
            RecognitionLedger.from_events([*HISTORY, {"type": "recognition-act"}])
        assert gc.isenabled()

    def test_restored_when_the_source_fails(self) -> None:
        """An error raised by the events' iterator itself still turns the collector back on."""
        events = Recorded(HISTORY, fail_after=1)
        with pytest.raises(OSError, match="broke off"):
            RecognitionLedger.from_events(events)
        assert events.collector_on == [False]
        assert gc.isenabled()

    def test_stays_off_when_it_was_off(self) -> None:
        """A collector the caller turned off is not turned on by the build."""
        gc.disable()
        RecognitionLedger.from_events(HISTORY)
        assert not gc.isenabled()

    def test_one_count_with_a_paused_reader(self) -> None:
        """A build inside a paused bulk read leaves the collector off until the read ends."""
        text = "".join(dumps(event) + "\n" for event in HISTORY)
        reader = read_jsonl(io.StringIO(text), pause_gc=True)
        first = next(iter(reader))
        RecognitionLedger.from_events([first])
        assert not gc.isenabled()  # the reader's pause still holds
        assert list(reader) == HISTORY[1:]
        assert gc.isenabled()

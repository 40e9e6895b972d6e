"""Tests of the speed levers: each gives exactly what the plain path gives.

``read_jsonl(..., pause_gc=True)`` must give the collector back in every way a reading
can end; interned actors, lazily built date bounds and the readers found by a union's
identity must build values equal to the reference path's (Hypothesis compares them).
No test here measures time: the benchmarks do (``python -m benchmarks.run``).
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import io
import json
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import _benchmarks
import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplorec
from diplorec import _fastpath, converters, strategies
from diplorec._fastpath import Interner, Readers, WireTypeError
from diplorec.actors import State
from diplorec.dates import OPEN_END, OPEN_START, When
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.jsonl import read_jsonl

_CORPUS = _benchmarks.module("corpus").generate(60, seed=3)

LINES = b"".join(diplorec.dumps(event).encode() + b"\n" for event in EVENTS)


@pytest.fixture
def gc_on() -> Iterator[None]:
    """The collector on at the start of the test, and on again after it whatever happens."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


@pytest.mark.usefixtures("gc_on")
class TestPauseGc:
    """pause_gc=True turns the collector off while reading and on again however it ends."""

    def test_off_while_reading(self) -> None:
        """Between two records of a pausing reader the collector is off."""
        reader = read_jsonl(io.BytesIO(LINES), pause_gc=True)
        next(reader)
        assert not gc.isenabled()
        reader.close()

    def test_not_paused_before_reading(self) -> None:
        """Making a reader changes nothing until the first record is asked for."""
        reader = read_jsonl(io.BytesIO(LINES), pause_gc=True)
        assert gc.isenabled()
        reader.close()
        assert gc.isenabled()

    def test_default_leaves_it_alone(self) -> None:
        """Without pause_gc the collector stays on throughout."""
        reader = read_jsonl(io.BytesIO(LINES))
        next(reader)
        assert gc.isenabled()
        reader.close()

    def test_restored_when_exhausted(self) -> None:
        """Reading to the end turns it back on, and every record is read."""
        events = list(read_jsonl(io.BytesIO(LINES), pause_gc=True))
        assert events == list(EVENTS)
        assert gc.isenabled()

    def test_restored_on_close(self) -> None:
        """Closing a half-read reader turns it back on."""
        reader = read_jsonl(io.BytesIO(LINES), pause_gc=True)
        next(reader)
        reader.close()
        assert gc.isenabled()

    def test_restored_by_with_block(self) -> None:
        """Leaving a ``with`` block early, by break, turns it back on."""
        with read_jsonl(io.BytesIO(LINES), pause_gc=True) as reader:
            for _ in reader:
                break
            assert not gc.isenabled()
        assert gc.isenabled()

    def test_restored_when_dropped(self) -> None:
        """A half-read reader dropped without close() gives it back when freed."""
        reader = read_jsonl(io.BytesIO(LINES), pause_gc=True)
        next(reader)
        del reader
        assert gc.isenabled()

    def test_restored_on_bad_line(self) -> None:
        """A bad line that stops the reading (errors='raise') turns it back on."""
        reader = read_jsonl(io.BytesIO(LINES + b"[]\n"), pause_gc=True)
        with pytest.raises(diplorec.ValidationError):
            list(reader)
        assert gc.isenabled()

    def test_restored_when_consumer_raises(self) -> None:
        """An error in the loop's body, inside a with block, turns it back on."""

        def consume() -> None:
            with read_jsonl(io.BytesIO(LINES), pause_gc=True) as reader:
                for _ in reader:
                    raise KeyError("the consumer's own error")

        with pytest.raises(KeyError):
            consume()
        assert gc.isenabled()

    def test_restored_when_stream_fails(self) -> None:
        """An error from the stream itself turns it back on and still propagates."""

        class Failing(io.BytesIO):
            def readline(self, size: int | None = -1, /) -> bytes:
                raise OSError("disk gone")

        reader = read_jsonl(Failing(), pause_gc=True)
        with pytest.raises(OSError, match="disk gone"):
            next(reader)
        assert gc.isenabled()

    def test_stays_off_if_it_was_off(self) -> None:
        """A collector that the caller had turned off is left off."""
        gc.disable()
        list(read_jsonl(io.BytesIO(LINES), pause_gc=True))
        assert not gc.isenabled()

    def test_nested_readers_share_the_pause(self) -> None:
        """Two pausing readers at once: on again only once both are done."""
        first = read_jsonl(io.BytesIO(LINES), pause_gc=True)
        second = read_jsonl(io.BytesIO(LINES), pause_gc=True)
        next(first)
        next(second)
        first.close()
        assert not gc.isenabled()
        second.close()
        assert gc.isenabled()

    def test_collect_mode_reads_on(self) -> None:
        """In collecting mode a bad line does not end the pause; the end does."""
        reader = read_jsonl(io.BytesIO(b"[]\n" + LINES), errors="collect", pause_gc=True)
        next(reader)
        assert not gc.isenabled()
        rest = list(reader)
        assert (len(rest) + 1, reader.bad_count) == (len(EVENTS), 1)
        assert gc.isenabled()


# -- lazily built date bounds -----------------------------------------------------------


class TestLazyBounds:
    """Comparisons made on ordinals agree with the same comparisons on pendulum dates."""

    @given(strategies.whens(), strategies.whens())
    def test_comparisons(self, a: When, b: When) -> None:
        """Each three-valued comparison equals its statement in the dates themselves."""
        fresh_a, fresh_b = When(text=str(a)), When(text=str(b))  # no date built yet
        assert fresh_a.definitely_before(fresh_b) == (a.latest < b.earliest)
        assert fresh_a.possibly_before(fresh_b) == (a.earliest < b.latest)
        assert fresh_a.contains(fresh_b) == (a.earliest <= b.earliest and b.latest <= a.latest)
        assert fresh_a.overlaps(fresh_b) == (a.earliest <= b.latest and b.earliest <= a.latest)
        assert (fresh_a < fresh_b) == (a.sort_key < b.sort_key)
        assert (fresh_a <= fresh_b) == (a.sort_key <= b.sort_key)

    @given(strategies.whens(), st.dates())
    def test_days(self, when: When, day: dt.date) -> None:
        """may_include and is_exactly equal their statement in the dates."""
        fresh = When(text=str(when))
        assert fresh.may_include(day) == (when.earliest <= day <= when.latest)
        assert fresh.is_exactly(day) == (when.earliest == day == when.latest)

    @given(strategies.whens())
    def test_bounds_are_pendulum_dates(self, when: When) -> None:
        """The bounds built on first use are pendulum dates, the same on every use."""
        fresh = When(text=str(when))
        first = fresh.earliest
        assert isinstance(first, pendulum.Date)
        assert isinstance(fresh.latest, pendulum.Date)
        assert fresh.earliest is first
        assert fresh.sort_key == (first, fresh.latest, fresh.sort_key[2], str(when))

    def test_open_ends(self) -> None:
        """An open start and end are 0001-01-01 and 9999-12-31, as OPEN_START and OPEN_END."""
        assert When.parse("../2025").earliest == OPEN_START == pendulum.Date(1, 1, 1)
        assert When.parse("2025/..").latest == OPEN_END == pendulum.Date(9999, 12, 31)

    def test_reading_builds_no_date(self) -> None:
        """Importing diplorec, reading an event and resolving When's annotations (as cattrs
        does) import no pendulum; a bound does."""
        code = (
            "import sys, attrs, diplorec\n"
            "e = diplorec.loads(sys.argv[1], diplorec.Event)\n"
            "attrs.resolve_types(diplorec.When)\n"
            "before = 'pendulum' in sys.modules\n"
            "e.on.latest\n"
            "print(before, 'pendulum' in sys.modules)\n"
        )
        line = diplorec.dumps(EVENTS[0])
        out = subprocess.run(
            [sys.executable, "-c", code, line], capture_output=True, text=True, check=True
        )
        assert out.stdout.split() == ["False", "True"]


# -- interning ------------------------------------------------------------------------------


def _reference_reader(tp: Any) -> Any:
    """The reader of ``tp`` built with no interning anywhere inside: the reference."""
    saved = _fastpath._interned
    _fastpath._interned = lambda cls: False
    try:
        return Readers(fallback=converters._cattrs_reader).get(tp)
    finally:
        _fastpath._interned = saved


_PLAIN_EVENT = _reference_reader(diplorec.Event)


_RECORDS = [diplorec.to_dict(event) for event in [*_CORPUS, *EVENTS]]


def _mutated(record: Any, path: list[Any], value: Any) -> Any:
    changed = copy.deepcopy(record)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


def _actor_paths(record: Any, path: list[Any]) -> list[list[Any]]:
    """Paths to every key inside the actors of a record."""
    found: list[list[Any]] = []
    if isinstance(record, dict):
        for key, value in record.items():
            found.append([*path, key])
            found += _actor_paths(value, [*path, key])
    elif isinstance(record, list):
        for index, value in enumerate(record):
            found += _actor_paths(value, [*path, index])
    return found


_ODD_VALUES = [None, True, 1, 1.0, 0, "", " ", "x", "QAT", "qat", [], {}, "2025-02-30", -0.0]


def _outcome(read: Any, record: Any) -> tuple[str, Any]:
    try:
        return ("read", read(record))
    except Exception:
        return ("refused", None)


class TestInterning:
    """Readers with interning read exactly what readers without it read."""

    @settings(max_examples=150, deadline=None)
    @given(st.data())
    def test_same_as_without(self, data: st.DataObject) -> None:
        """Records read twice, some with one key changed, give equal values or both fail."""
        interned = converters._READERS.get(diplorec.Event)
        plain = _PLAIN_EVENT
        records = data.draw(st.lists(st.sampled_from(_RECORDS), min_size=1, max_size=8))
        for record in records + records:
            paths = _actor_paths(record, [])
            if data.draw(st.booleans()):
                path = data.draw(st.sampled_from(paths))
                record = _mutated(record, path, data.draw(st.sampled_from(_ODD_VALUES)))
            assert _outcome(interned, record) == _outcome(plain, record)

    def test_same_value_is_reused(self) -> None:
        """The same actor read twice is the very same object; a changed one is not."""
        reader = converters._READERS.get(State)
        record = {"type": "state", "name": "Qatar", "iso3": "QAT", "cow": 694}
        first = reader(dict(record))
        assert reader(dict(record)) is first
        other = reader({**record, "cow": 695})
        assert other is not first
        assert other.cow == 695

    def test_type_is_part_of_the_key(self) -> None:
        """1, 1.0 and true are three inputs: a read integer never answers for the others."""
        reader = converters._READERS.get(State)
        assert reader({"type": "state", "name": "Qatar", "cow": 1}).cow == 1
        for odd in (1.0, True):  # equal to 1 in Python, and hashed alike
            with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal
                reader({"type": "state", "name": "Qatar", "cow": odd})

    def test_refusals_are_not_kept(self) -> None:
        """A record refused once is refused again (nothing was cached for it)."""
        reader = converters._READERS.get(State)
        bad = {"type": "state", "name": " Qatar"}
        for _ in range(3):
            with pytest.raises(ValueError, match="spaces"):
                reader(dict(bad))

    def test_nothing_kept_with_validators_off(self) -> None:
        """A value read with attrs validators disabled is never handed out later."""
        reader = converters._READERS.get(State)
        bad = {"type": "state", "name": "Q", "iso3": "not a code"}
        with attrs.validators.disabled():
            reader(dict(bad))
        with pytest.raises(ValueError, match="not"):
            reader(dict(bad))

    def test_keys_are_their_own_size(self) -> None:
        """A kept key takes about its JSON's length, not the encoder's 4 kB working buffer."""
        interner = Interner(window=10_000)
        read = interner.wrap(lambda value: None, max_keys=9)
        records = [{"type": "state", "name": f"State {index}"} for index in range(500)]
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for record in records:
                read(record)
            held = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        assert len(interner._caches[0]) == len(records)
        assert held / len(records) < 1000

    def test_switches_off_and_back_on(self) -> None:
        """Below the hit rate it stops keeping values, and after a pause tries again."""
        calls: list[Any] = []

        def count(value: Any) -> Any:
            calls.append(value)
            return object()

        read = Interner(size=100, window=4, min_hit_rate=0.5, pause=6).wrap(count, max_keys=9)
        for index in range(4):  # a window of misses: interning stops
            read({"n": index})
        assert len(calls) == 4
        for _ in range(6):  # paused: every read goes through, repeats included
            read({"n": 0})
        assert len(calls) == 10
        first = read({"n": 0})  # on again: read once, then kept
        assert read({"n": 0}) is first
        assert len(calls) == 11

    def test_bounded(self) -> None:
        """At most ``size`` values are kept; later new inputs are read, not kept."""
        calls: list[Any] = []

        def count(value: Any) -> Any:
            calls.append(value)
            return object()

        read = Interner(size=2, window=1000).wrap(count, max_keys=9)
        for index in range(5):
            read({"n": index})
        read({"n": 0})
        read({"n": 4})
        assert len(calls) == 6  # {"n": 0} was kept, {"n": 4} was not

    def test_long_inputs_are_not_kept(self) -> None:
        """A value read from more than ``max_key`` bytes of JSON is read every time, never kept."""
        calls: list[Any] = []

        def count(value: Any) -> Any:
            calls.append(value)
            return object()

        interner = Interner(window=1000, max_key=64)
        read = interner.wrap(count, max_keys=9)
        short, long = {"name": "Qatar"}, {"name": "Q" * 100}
        assert read(short) is read(short)
        assert read(long) is not read(long)
        assert len(calls) == 3
        assert len(interner._caches[0]) == 1

    def test_objects_with_too_many_keys_are_not_written_out(self) -> None:
        """An object with more keys than the class has fields is neither keyed nor kept."""
        calls: list[Any] = []

        def count(value: Any) -> Any:
            calls.append(value)
            return object()

        interner = Interner(window=1000)
        read = interner.wrap(count, max_keys=2)
        small, large = {"a": 1, "b": 2}, {"a": 1, "b": 2, "c": 3}
        assert read(small) is read(small)
        assert read(large) is not read(large)
        assert len(interner._caches[0]) == 1

    def test_unknown_keys_cost_no_key(self) -> None:
        """Refusing an actor with 10⁵ unknown keys does not write it out as JSON first."""
        record: dict[str, Any] = {"type": "state", "name": "Qatar", "iso3": "QAT"}
        record.update((f"k{index}", index) for index in range(100_000))
        size = len(json.dumps(record))
        reader = converters._READERS.get(State)
        tracemalloc.start()
        try:
            with pytest.raises(WireTypeError):
                reader(record)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < size / 10

    def test_threads_read_alike(self) -> None:
        """Threads reading the same records at once all get values equal to the reference."""
        interned = converters._READERS.get(diplorec.Event)
        expected = [_PLAIN_EVENT(record) for record in _RECORDS]
        converters._READERS.clear()

        def work(_: int) -> bool:
            read = converters._READERS.get(diplorec.Event)
            return [read(record) for record in _RECORDS] == expected

        with ThreadPoolExecutor(4) as pool:
            assert all(pool.map(work, range(8)))
        assert [interned(record) for record in _RECORDS] == expected


# -- readers found by identity -----------------------------------------------------------


class TestTargetReaders:
    """Finding a target's reader by identity changes nothing that is read or refused."""

    def test_union_and_class_targets(self) -> None:
        """Event, Party, a class and tuple[X, ...] read as before, new tuple objects too."""
        line = diplorec.dumps(EVENTS[0])
        assert diplorec.loads(line, diplorec.Event) == EVENTS[0]
        assert diplorec.loads(line, type(EVENTS[0])) == EVENTS[0]
        party = {"type": "state", "name": "Qatar"}
        assert diplorec.from_dict(party, diplorec.Party) == State(name="Qatar")
        for _ in range(converters._MAX_TARGETS + 5):  # a new alias object at each call
            assert diplorec.from_dict([party], tuple[diplorec.Party, ...]) == (State(name="Qatar"),)
        assert len(converters._TARGET_READERS) <= converters._MAX_TARGETS

    def test_bad_target_still_refused(self) -> None:
        """A type diplorec cannot read is refused with the same TypeError, every time."""
        for _ in range(2):
            with pytest.raises(TypeError, match="cannot read into"):
                diplorec.loads("{}", int)

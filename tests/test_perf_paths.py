"""Tests of the speed levers: each gives exactly what the plain path gives.

``read_jsonl(..., pause_gc=True)`` must give the collector back in every way a reading
can end; interned actors, lazily built date bounds and the readers found by a union's
identity must build values equal to the reference path's (Hypothesis compares them).
No test here measures time: the benchmarks do (``python -m benchmarks.run``).
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator

import pytest

import diplorec
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.jsonl import read_jsonl

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

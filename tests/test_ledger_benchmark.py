"""The ledger benchmark at a tiny size, so its code cannot rot; nothing here is timed."""

from __future__ import annotations

import _benchmarks

from diplorec import RecognitionAct

ledger_benchmark = _benchmarks.module("ledger")


class TestCorpus:
    """The benchmark's corpus holds open-start acts beside the standard events."""

    def test_open_start_twins(self) -> None:
        """2 % of the recognition acts get a twin dated ``../YYYY``, of the same pair."""
        events = ledger_benchmark.corpus(2_000)
        base = _benchmarks.module("corpus").generate(2_000)
        assert events[: len(base)] == base
        twins = events[len(base) :]
        acts = [event for event in base if isinstance(event, RecognitionAct)]
        assert len(twins) == round(len(acts) * ledger_benchmark.OPEN_START_SHARE) > 0
        pairs = {(act.recognizer.id, act.recognized.id) for act in acts}
        for twin in twins:
            assert str(twin.on).startswith("../")
            assert (twin.recognizer.id, twin.recognized.id) in pairs


class TestReport:
    """A tiny report has every table and the ratios of the largest size to the smallest."""

    def test_tables(self) -> None:
        """The long pair's rows, one build-and-query row per size, and the ratio line."""
        result = ledger_benchmark.report(changes=400, sizes=(300, 600), queries=50, repeat=1)
        assert [row["events"] for row in result["build"]] == [
            len(ledger_benchmark.corpus(size)) for size in (300, 600)
        ]
        assert {row["queries"] for row in result["build"]} == {50}
        assert len(result["long_pair"]) == 4
        text = ledger_benchmark.render(result)
        assert "| events | build s | build µs/event | queries |" in text
        assert f"at {result['build'][-1]['events']:,} events ÷ at" in text
        assert "µs/query" in text

"""The reader's explain mode against the detailed pass it replaces, and against fail-fast.

During the move from the cattrs-based detailed pass (kept in ``_explain_reference`` as
an oracle) to the one-pass explain mode, both run on the strategies' valid and invalid
wire data and must give the same problems, path for path and word for word; on valid
data the explain mode builds the very value the fail-fast reader builds.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

import pytest
from _explain_reference import explain as reference_explain
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplorec
from diplorec import Event, Party, ValidationError, converters, from_dict, loads
from diplorec._explain import read_explained
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.strategies import invalid_wire_dicts, invalid_wire_events, wire_events

_SLOW = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
_CONVERTER = converters.make_converter()


def _same_problems(data: Any, tp: Any) -> list[Any]:
    problems = read_explained(copy.deepcopy(data), tp)[1]
    assert problems == reference_explain(copy.deepcopy(data), tp, _CONVERTER)
    return problems


class TestSameProblemsAsTheDetailedPass:
    """The explain mode finds exactly the problems the old detailed pass found."""

    @_SLOW
    @given(invalid_wire_events())
    def test_invalid_events(self, case: tuple[Any, str]) -> None:
        """Broken event data: the same problems, and the expected path among them."""
        data, path = case
        problems = _same_problems(data, Event)
        assert path in [problem.path for problem in problems]

    @_SLOW
    @given(invalid_wire_dicts(Party))
    def test_invalid_parties(self, case: tuple[Any, str]) -> None:
        """Broken party data: the same problems, and the expected path among them."""
        data, path = case
        problems = _same_problems(data, Party)
        assert path in [problem.path for problem in problems]

    @_SLOW
    @given(wire_events(canonical=False))
    def test_valid_events(self, data: dict[str, Any]) -> None:
        """Valid event data: no problem in either, and the value fail-fast reads."""
        assert _same_problems(data, Event) == []
        assert read_explained(data, Event)[0] == from_dict(data, Event)


class TestOnePass:
    """A rejection reads the data once in each mode, and reports what explain found."""

    def test_rejection_reports_the_explained_problems(self) -> None:
        """loads() of a bad record raises the problems the explain mode lists."""
        data = diplorec.to_dict(EVENTS[0])
        data["on"] = "2025-13-01"
        text = diplorec.dumps(EVENTS[0]).replace(str(EVENTS[0].on), "2025-13-01")
        with pytest.raises(ValidationError) as raised:
            loads(text, Event)
        assert list(raised.value.problems) == read_explained(data, Event)[1]

    def test_explain_reads_each_value_once(self, monkeypatch: Any) -> None:
        """Explaining one bad date among many good ones parses each date text once."""
        calls: list[str] = []
        depth = [0]  # an interval's parse parses its ends: count the outermost calls only
        parse = diplorec.When.parse.__func__  # type: ignore[attr-defined]

        def counting(cls: Any, text: str) -> Any:
            if not depth[0]:
                calls.append(text)
            depth[0] += 1
            try:
                return parse(cls, text)
            finally:
                depth[0] -= 1

        data = [diplorec.to_dict(event) for event in EVENTS]
        data[-1]["on"] = "not a date"
        monkeypatch.setattr(diplorec.When, "parse", classmethod(counting))
        problems = read_explained(data, tuple[Event, ...])[1]
        assert [problem.path for problem in problems] == [f"$[{len(data) - 1}].on"]
        assert calls
        assert Counter(calls) <= Counter(_strings_in(data))


def _strings_in(data: Any) -> list[str]:
    """Every string value in ``data``, as often as it occurs."""
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings_in(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings_in(value)]
    return [data] if isinstance(data, str) else []


@given(st.sampled_from(EVENTS))
def test_valid_example_events_read_alike(event: Any) -> None:
    """Each event of the worked example reads to itself in the explain mode."""
    assert read_explained(diplorec.to_dict(event), Event) == (event, [], 0)

"""How a project that uses diplorec tests its own analysis code with diplorec's strategies.

Run it with ``pytest examples/test_with_diplorec.py``. The analysis functions at the top
stand for code in your own package; the tests below check them against every kind of
event diplorec can hold, not just the handful of examples one thinks of. See the
"Testing with diplorec" page of the documentation.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import random
from collections import Counter
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplorec import (
    Event,
    Government,
    Party,
    Precision,
    RecognitionAct,
    RecognitionWithdrawal,
    State,
    ValidationError,
    When,
    dumps,
    loads,
)
from diplorec import strategies as ds
from diplorec.examples.russia_taliban_2025 import RECOGNITION
from diplorec.reference import AFGHANISTAN, P5

# A real project registers its profiles in conftest.py; this file stands alone.
settings.register_profile("example-ci", max_examples=25, deadline=None, derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("example-ci")


# -- the analysis code under test -----------------------------------------------------------


def recognitions_per_year(events: Iterable[Event]) -> Counter[int]:
    """How many acts of recognition each year saw, counting an act in its earliest year."""
    return Counter(e.on.earliest.year for e in events if isinstance(e, RecognitionAct))


def first_recognizers(
    events: Iterable[Event], recognized: Party, among: Iterable[Party]
) -> list[str]:
    """The ids of the parties in ``among`` that recognised ``recognized`` earliest.

    Several are returned when their dates cannot be told apart.
    """
    candidates = {party.id for party in among}
    dates = [
        (e.recognizer.id, e.effective or e.on)
        for e in events
        if isinstance(e, RecognitionAct)
        and e.recognized.id == recognized.id
        and e.recognizer.id in candidates
    ]
    return sorted(
        {who for who, when in dates if not any(o.definitely_before(when) for _, o in dates)}
    )


def during(events: Iterable[Event], window: When) -> list[Event]:
    """The events that certainly happened within ``window``."""
    return [e for e in events if window.contains(e.on)]


def ingest(lines: Iterable[str]) -> tuple[list[Event], list[str]]:
    """Read JSON records, keeping the good ones and a message for each bad one."""
    good: list[Event] = []
    errors: list[str] = []
    for number, line in enumerate(lines, start=1):
        try:
            good.append(loads(line, Event))
        except ValidationError as error:
            errors.extend(f"line {number}: {problem}" for problem in error.problems)
    return good, errors


# -- the tests -------------------------------------------------------------------------------


@given(ds.event_sequences())
def test_every_recognition_is_counted_once(events: tuple[Event, ...]) -> None:
    counts = recognitions_per_year(events)
    assert sum(counts.values()) == sum(isinstance(e, RecognitionAct) for e in events)


@given(ds.event_sequences(), st.randoms())
def test_order_does_not_matter(events: tuple[Event, ...], rng: random.Random) -> None:
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert recognitions_per_year(shuffled) == recognitions_per_year(events)


emirate = Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN)


@given(
    st.lists(
        ds.recognition_acts(recognizer=st.sampled_from(P5), recognized=emirate),
        min_size=1,
        max_size=5,
    )
)
def test_no_act_comes_before_a_first_recognizer(acts: list[RecognitionAct]) -> None:
    firsts = first_recognizers(acts, emirate, P5)
    assert firsts  # someone is always first, even if it cannot be told who alone
    for act in acts:
        if act.recognizer.id not in firsts:
            # Anyone else's act comes definitely after some other act.
            when = act.effective or act.on
            assert any((a.effective or a.on).definitely_before(when) for a in acts)


@given(ds.events(), ds.whens(min_value=datetime.date(2021, 8, 1), precision=Precision.YEAR))
def test_window_keeps_only_what_it_contains(event: Event, window: When) -> None:
    assert during([event], window) == ([event] if window.contains(event.on) else [])


@pytest.fixture(scope="module")
def event_reader() -> None:
    """Build diplorec's reader for Event, and its explain mode, before a property times it.

    The first ``loads(..., Event)`` builds the reader, and the first bad record the
    explain mode's plan: a one-time cost of a few hundred milliseconds on a busy
    machine, which would otherwise count against the first example's 200 ms deadline.
    Every later read is quick, so the deadline stays on.
    """
    loads(dumps(RECOGNITION), Event)
    with contextlib.suppress(ValidationError):
        loads("{}", Event)


@pytest.mark.usefixtures("event_reader")
@given(st.lists(ds.wire_events(), max_size=3), ds.invalid_wire_events())
def test_ingest_keeps_good_records_and_explains_bad_ones(
    good: list[dict[str, object]], bad: tuple[object, str]
) -> None:
    data, path = bad
    lines = [json.dumps(record) for record in good] + [json.dumps(data)]
    events, errors = ingest(lines)
    assert len(events) == len(good)
    assert any(f"line {len(lines)}: {path}:" in message for message in errors)


@given(st.from_type(State))
def test_from_type_needs_no_setup(state: State) -> None:
    # The diplorec plugin registered State with Hypothesis when Hypothesis was imported.
    assert state.id.startswith("state:")


@given(ds.recognition_withdrawals(among=[AFGHANISTAN, *P5]))
def test_withdrawals_among_known_parties(withdrawal: RecognitionWithdrawal) -> None:
    assert withdrawal.withdrawer.id != withdrawal.recognized.id

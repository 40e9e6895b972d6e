"""Shared test configuration: Hypothesis profiles, and diplorec's one-time costs paid up front.

``dev`` is the default; ``ci`` (derandomised, bounded, no deadline) is chosen when
``CI`` is set; ``thorough`` runs thousands of examples for a nightly job. Pick one
explicitly with ``DIPLOREC_HYPOTHESIS_PROFILE=thorough pytest``.

The ``dev`` profile keeps Hypothesis's deadline (200 ms an example) and its health
checks, so a property that becomes slow fails. What must not make one fail is a cost
paid once per process: the first ``loads`` of a type builds its reader, the first bad
input builds the explain mode's plan, the first date bound imports pendulum, the first
ledger, dossier and table rows build their tables (each 50-400 ms on a busy machine), and
the first draw reads the project's source for constants. The session fixture
:func:`diplorec_warmed_up` pays all of these before the first test, so no property pays
them inside a timed example or draw.
"""

from __future__ import annotations

import contextlib
import os

import pytest
from hypothesis import HealthCheck, Phase, given, settings

settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=50,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(
    os.environ.get("DIPLOREC_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


def warm_up() -> None:
    """Pay diplorec's one-time costs: build every reader, writer and lazily built table.

    Reads and writes every event of the worked example (as ``Event`` and as its own
    class), reads bad input as every model class (which builds that class's reader
    and the explain mode's plan for it), asks for date bounds, a ledger standing, a
    dossier check, the JSON Schema and table rows. Each is cached by diplorec, so this changes no
    result, only when the cost is paid.
    """
    import diplorec
    from diplorec import converters
    from diplorec.examples.russia_taliban_2025 import EVENTS, RECOGNITION
    from diplorec.tabular import to_rows

    targets = [diplorec.Event, tuple[diplorec.Event, ...], diplorec.Party]
    for tp in [*targets, *converters.MODEL_CLASSES]:
        for bad in (None, {}):
            with contextlib.suppress(diplorec.ValidationError):
                diplorec.from_dict(bad, tp)
    for event in EVENTS:
        text = diplorec.dumps(event)
        assert diplorec.loads(text, diplorec.Event) == event
        assert diplorec.loads(text.encode(), type(event)) == event
        assert diplorec.from_dict(diplorec.to_dict(event), diplorec.Event) == event
        assert event.on.earliest <= event.on.latest
    ledger = diplorec.RecognitionLedger.from_events(EVENTS)
    ledger.standing(RECOGNITION.recognizer, RECOGNITION.recognized, RECOGNITION.on)
    diplorec.Dossier.from_events(EVENTS).check()
    diplorec.json_schema()
    to_rows(EVENTS)
    _draw_once()


def _draw_once() -> None:
    """Draw a few events, valid and broken, in a property that checks nothing.

    The first draw in a process is slow for reasons of its own: Hypothesis reads the
    source of every module of the project for constants to try (about a second on a
    busy machine), and the event strategies build their parts. Doing it here keeps that
    out of the first real property's draws.
    """
    from diplorec import strategies as ds

    @settings(
        max_examples=5,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(ds.events(), ds.wire_events(canonical=False), ds.invalid_wire_events())
    def draw(event: object, valid: object, broken: object) -> None:
        pass

    draw()


@pytest.fixture(scope="session", autouse=True)
def diplorec_warmed_up() -> None:
    """Run :func:`warm_up` once, before the first test of the session."""
    warm_up()

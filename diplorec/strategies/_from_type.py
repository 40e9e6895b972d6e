"""The strategy ``st.from_type`` uses for each diplorec class (see the plugin)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec.actors import Envoy, Government, Official, Organization, Person, Place, State
from diplorec.dates import When
from diplorec.errors import Problem
from diplorec.provenance import Citation, Source
from diplorec.strategies import _actors, _dates, _sequences
from diplorec.strategies._events import _EVENT_STRATEGIES

# -- from_type ------------------------------------------------------------------------

_FOR_TYPE: Final[dict[type[Any], Callable[[], SearchStrategy[Any]]]] = {
    When: _dates.whens,
    Problem: _actors.problems,
    State: _actors.states,
    Government: _actors.governments,
    Organization: _actors.organizations,
    Person: _actors.persons,
    Official: _actors.officials,
    Envoy: _actors.envoys,
    Place: _actors.places,
    Source: _actors.sources,
    Citation: _actors.citations,
    **_EVENT_STRATEGIES,
}
_LATE_FOR_TYPE: Final[dict[tuple[str, str], Callable[[], SearchStrategy[Any]]]] = {
    ("diplorec.dossier", "Dossier"): _sequences.dossiers,
    ("diplorec.dossier", "Finding"): _sequences.findings,
    ("diplorec.ledger", "TimelineEntry"): _sequences.timeline_entries,
    ("diplorec.ledger", "StandingReport"): _sequences.standing_reports,
    ("diplorec.ledger", "StandingInterval"): _sequences.standing_intervals,
    ("diplorec.jsonl", "BadLine"): _actors.bad_lines,
}


def _strategy_for(cls: type[Any]) -> SearchStrategy[Any]:
    """The strategy ``st.from_type(cls)`` uses for a diplorec class."""
    if cls in _FOR_TYPE:
        return _FOR_TYPE[cls]()
    late = _LATE_FOR_TYPE.get((cls.__module__, cls.__qualname__))
    if late is not None:
        return late()
    if attrs.has(cls):  # a class added to diplorec since: let Hypothesis infer its fields
        attrs.resolve_types(cls)
    return st.builds(cls)

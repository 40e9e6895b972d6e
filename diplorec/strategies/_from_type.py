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
from diplorec.strategies._actors import (
    bad_lines,
    citations,
    envoys,
    governments,
    officials,
    organizations,
    persons,
    places,
    problems,
    sources,
    states,
)
from diplorec.strategies._dates import whens
from diplorec.strategies._events import _EVENT_STRATEGIES
from diplorec.strategies._sequences import (
    dossiers,
    findings,
    standing_intervals,
    standing_reports,
    timeline_entries,
)

# -- from_type ------------------------------------------------------------------------

_FOR_TYPE: Final[dict[type[Any], Callable[[], SearchStrategy[Any]]]] = {
    When: whens,
    Problem: problems,
    State: states,
    Government: governments,
    Organization: organizations,
    Person: persons,
    Official: officials,
    Envoy: envoys,
    Place: places,
    Source: sources,
    Citation: citations,
    **_EVENT_STRATEGIES,
}
_LATE_FOR_TYPE: Final[dict[tuple[str, str], Callable[[], SearchStrategy[Any]]]] = {
    ("diplorec.dossier", "Dossier"): dossiers,
    ("diplorec.dossier", "Finding"): findings,
    ("diplorec.ledger", "TimelineEntry"): timeline_entries,
    ("diplorec.ledger", "StandingReport"): standing_reports,
    ("diplorec.ledger", "StandingInterval"): standing_intervals,
    ("diplorec.jsonl", "BadLine"): bad_lines,
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

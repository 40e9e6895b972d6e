"""Hypothesis strategies for every diplorec type, for property-based tests.

Each function returns a strategy whose values are valid by construction: drawing
never raises, and every value survives the wire format (``loads(dumps(x)) == x``).
Keyword arguments narrow what is drawn, in the style of ``xarray.testing.strategies``:
give a strategy to draw that field from it, or a plain value to fix it. Anything
left out is drawn from the whole space the model allows: names in every script,
every date precision from the year 0001 to 9999, open intervals, optional fields
absent and present. Most values look like what analysts hold (days, months and years
within 1800-2100, well-known parties), which keeps each draw cheap; narrowing that no
value could satisfy raises ``InvalidArgument`` at once.

>>> from hypothesis import given
>>> from diplorec import strategies as ds
>>> from diplorec.reference import RUSSIA
>>> @given(ds.recognition_acts(recognizer=RUSSIA))
... def test_russia_recognises(act):
...     assert act.recognizer == RUSSIA and act.recognized.id != RUSSIA.id
>>> test_russia_recognises()

Strategies for wire data are here too: :func:`wire_dicts` and :func:`wire_events`
(JSON-ready dicts), and :func:`invalid_wire_dicts` and :func:`invalid_wire_events`,
which draw broken data together with the JSON path a
:class:`~diplorec.ValidationError` must name.

Hypothesis is needed only here; ``import diplorec`` never imports it. Once
diplorec is installed, ``st.from_type(State)`` and the like use these strategies too.
"""

from __future__ import annotations

from diplorec.strategies._actors import (
    bad_lines,
    citations,
    envoys,
    governments,
    officials,
    organizations,
    parties,
    persons,
    places,
    problems,
    sources,
    states,
)
from diplorec.strategies._annulments import annulments, recognition_pledges
from diplorec.strategies._core import Narrowing
from diplorec.strategies._dates import times_of_day, whens
from diplorec.strategies._events import (
    EventFields,
    coded_events,
    credential_presentations,
    designation_changes,
    diplomatic_ties,
    envoy_appointments,
    events,
    meetings,
    participants,
    recognition_acts,
    recognition_withdrawals,
    relations_changes,
    statements,
)
from diplorec.strategies._invalid import invalid_wire_dicts, invalid_wire_events
from diplorec.strategies._policies import recognition_policies
from diplorec.strategies._sequences import (
    dossiers,
    event_sequences,
    findings,
    standing_intervals,
    standing_reports,
    timeline_entries,
)
from diplorec.strategies._text import SCRIPTS, event_ids, names, texts
from diplorec.strategies._vocab import (
    annulment_kinds,
    appointment_stages,
    certainties,
    change_kinds,
    characterizations,
    credential_documents,
    designation_actions,
    diplomatic_ranks,
    legal_statuses,
    meeting_modes,
    organization_kinds,
    policy_stances,
    precisions,
    recognition_capacities,
    recognition_forms,
    recognition_instruments,
    relations_actions,
    representation_levels,
    severities,
    source_kinds,
    stances,
    standings,
    withdrawal_forms,
    withdrawal_kinds,
)
from diplorec.strategies._wire import wire_dicts, wire_events

__all__ = [
    "SCRIPTS",
    "EventFields",
    "Narrowing",
    "annulment_kinds",
    "annulments",
    "appointment_stages",
    "bad_lines",
    "certainties",
    "change_kinds",
    "characterizations",
    "citations",
    "coded_events",
    "credential_documents",
    "credential_presentations",
    "designation_actions",
    "designation_changes",
    "diplomatic_ranks",
    "diplomatic_ties",
    "dossiers",
    "envoy_appointments",
    "envoys",
    "event_ids",
    "event_sequences",
    "events",
    "findings",
    "governments",
    "invalid_wire_dicts",
    "invalid_wire_events",
    "legal_statuses",
    "meeting_modes",
    "meetings",
    "names",
    "officials",
    "organization_kinds",
    "organizations",
    "participants",
    "parties",
    "persons",
    "places",
    "policy_stances",
    "precisions",
    "problems",
    "recognition_acts",
    "recognition_capacities",
    "recognition_forms",
    "recognition_instruments",
    "recognition_pledges",
    "recognition_policies",
    "recognition_withdrawals",
    "relations_actions",
    "relations_changes",
    "representation_levels",
    "severities",
    "source_kinds",
    "sources",
    "stances",
    "standing_intervals",
    "standing_reports",
    "standings",
    "statements",
    "states",
    "texts",
    "timeline_entries",
    "times_of_day",
    "whens",
    "wire_dicts",
    "wire_events",
    "withdrawal_forms",
    "withdrawal_kinds",
]

"""Strategies for annulments, pledges and the claims about recognition acts (spec 1.2).

:func:`annulments` and :func:`recognition_pledges` draw the two event types and are
registered with :func:`~diplorec.strategies.events`; the recognition strategy draws
the new fields of an act (``claimed_by``, ``denied_by``, ``reservations``) through
:func:`act_claims`, and every event strategy its time of day ``at`` through
:func:`~diplorec.strategies.times_of_day`.
"""

from __future__ import annotations

from typing import Any, Unpack

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec.actors import Party
from diplorec.dates import When
from diplorec.events import (
    Annulment,
    DiplomaticTies,
    Event,
    RecognitionAct,
    RecognitionPledge,
    RecognitionPolicy,
    RecognitionWithdrawal,
    _authors_of,
)
from diplorec.strategies._core import (
    _UNSET,
    Narrowing,
    _below,
    _draw_fields,
    _flat,
    _tuples,
)
from diplorec.strategies._dates import whens
from diplorec.strategies._events import (
    EventFields,
    _add_shared,
    _Cast,
    _common_fields,
    _event_strategy,
    _PartyPool,
    _PeoplePool,
    _without,
)
from diplorec.strategies._text import event_ids, texts
from diplorec.strategies._vocab import annulment_kinds
from diplorec.vocab import AnnulmentKind

__all__ = [
    "act_claims",
    "annullable_in_sequence",
    "annulling",
    "annulments",
    "recognition_pledges",
]


def act_claims(
    parties: SearchStrategy[tuple[Party, ...]],
) -> SearchStrategy[dict[str, Any]]:
    """The ``claimed_by``, ``denied_by`` and ``reservations`` of a recognition act.

    No party both claims and denies the act. Most records leave all three out: each
    are drawn for one act in four.
    """
    reservations = _tuples(texts(), min_size=1, max_size=2)

    @_flat
    def build(draw: st.DrawFn) -> dict[str, Any]:
        if draw(_below(4)) < 3:  # shrinks towards an act without them
            return {}
        claimed = draw(parties)
        denied = _without({party.id for party in claimed}, draw(parties))
        return {"claimed_by": claimed, "denied_by": denied, "reservations": draw(reservations)}

    return build()


@_event_strategy(Annulment)
def annulments(
    *,
    annuls: Narrowing[str] = _UNSET,
    by: Narrowing[Party] = _UNSET,
    kind: Narrowing[AnnulmentKind] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Annulment]:
    """Annulments of an event: retracted by its author, invalidated, or denied.

    ``annuls`` is any event id (a lone annulment points at no real event; see
    ``annulling`` for one that annuls a given event).

    >>> strategy = annulments(kind=AnnulmentKind.DENIED)
    """
    cast_ = _Cast.of(among, people)
    fields = _common_fields(Annulment.TAG, common)
    fields.add("annuls", annuls, event_ids())
    fields.add("by", by, cast_.parties)
    fields.add("kind", kind, annulment_kinds())
    _add_shared(fields, described_as=described_as, basis=basis)

    @st.composite
    def build(draw: st.DrawFn) -> Annulment:
        values = _draw_fields(draw, fields)
        if values.get("id") and values["id"] == values["annuls"]:
            values["id"] = ""
        return Annulment(**values)

    return build()


def annullable_in_sequence(event: Event) -> bool:
    """Whether a consistent sequence may annul ``event`` (see ``annulling``).

    Only events whose annulment changes no standing, so that the sequence's other
    checks (withdrawals after recognitions, ties against the ledger) hold whatever
    is annulled; the ledger's annulment rules are tested apart.
    """
    return not isinstance(
        event, (RecognitionAct, RecognitionWithdrawal, RecognitionPolicy, DiplomaticTies)
    )


def annulling(draw: st.DrawFn, annulment: Annulment, target: Event) -> Annulment:
    """``annulment`` made to annul ``target``, consistently: what a dossier checks clean.

    It is dated no earlier than the target may be; a retraction is by the target's
    author (an event without one is invalidated instead).
    """
    authors = _authors_of(target)
    kind = annulment.kind
    by = annulment.by
    if kind is AnnulmentKind.RETRACTED:
        if authors:
            by = draw(st.sampled_from(authors))
        else:
            kind = AnnulmentKind.INVALIDATED
    on = draw(whens(min_value=target.on.earliest))
    changes: dict[str, Any] = {"annuls": target.id, "by": by, "kind": kind, "on": on}
    if annulment.id == target.id or attrs.evolve(annulment, id="").id == annulment.id:
        changes["id"] = ""  # derived anew (an id of its own, never the target's)
    return attrs.evolve(annulment, **changes)


@_event_strategy(RecognitionPledge)
def recognition_pledges(
    *,
    pledger: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    due: Narrowing[When | None] = _UNSET,
    conditions: Narrowing[tuple[str, ...]] = _UNSET,
    announced: Narrowing[When | None] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RecognitionPledge]:
    """Pledges to recognise a party later, perhaps on conditions; never by itself.

    >>> from diplorec.reference import FRANCE
    >>> strategy = recognition_pledges(pledger=FRANCE)
    """
    cast_ = _Cast.of(among, people)
    pair = cast_.pair("pledger", pledger, "recognized", recognized)
    fields = _common_fields(RecognitionPledge.TAG, common)
    fields.maybe("due", due, whens())
    _add_shared(
        fields, conditions=conditions, announced=announced, described_as=described_as, basis=basis
    )

    @st.composite
    def build(draw: st.DrawFn) -> RecognitionPledge:
        by, of = draw(pair)
        return RecognitionPledge(**_draw_fields(draw, fields), pledger=by, recognized=of)

    return build()

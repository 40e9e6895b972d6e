"""Strategies for recognition capacities, stated policies and the fields of spec 1.1.

:func:`recognition_policies` draws :class:`~diplorec.events.RecognitionPolicy`
events and is registered with :func:`~diplorec.strategies.events`; the recognition
and withdrawal strategies draw their new fields (``capacity``, ``exclusive``;
``form``, ``instrument``, ``addressee``) through :func:`act_fields` and
:func:`withdrawal_fields`.
"""

from __future__ import annotations

from typing import Any, Final, Unpack

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec.actors import Government, Party, State
from diplorec.dates import When
from diplorec.events import DiplomaticTies, Event, RecognitionPolicy
from diplorec.strategies._core import (
    _BOOLEANS,
    _UNSET,
    Narrowing,
    _below,
    _draw_fields,
    _draw_where,
    _flat,
    _lift,
    _optional,
)
from diplorec.strategies._events import (
    EventFields,
    _Cast,
    _common_fields,
    _event_strategy,
    _PartyPool,
    _PeoplePool,
)
from diplorec.strategies._vocab import policy_stances
from diplorec.vocab import (
    PolicyStance,
    RecognitionCapacity,
    RecognitionInstrument,
    WithdrawalForm,
)

__all__ = [
    "act_fields",
    "capacities_for",
    "draw_act_fields",
    "draw_withdrawal_fields",
    "recognition_policies",
    "settled",
    "withdrawal_fields",
]

_ANY_PARTY = (RecognitionCapacity.BELLIGERENCY, RecognitionCapacity.INSURGENCY)


def _capacities(party: Party) -> tuple[RecognitionCapacity | None, ...]:
    """The capacities ``party`` can be recognised in (None: derive it, where allowed)."""
    allowed: list[RecognitionCapacity | None] = list(_ANY_PARTY)
    if isinstance(party, State):
        allowed += [None, RecognitionCapacity.STATE]
    elif isinstance(party, Government):
        allowed += [None, RecognitionCapacity.GOVERNMENT, RecognitionCapacity.REPRESENTATIVE]
    else:
        allowed.append(RecognitionCapacity.REPRESENTATIVE)
        if party.state is not None:
            allowed.append(RecognitionCapacity.GOVERNMENT)
    return tuple(allowed)


def capacities_for(party: Party) -> SearchStrategy[RecognitionCapacity | None]:
    """The capacities ``party`` can be recognised in (None: derive it, where allowed).

    >>> from diplorec.reference import AFGHANISTAN
    >>> strategy = capacities_for(AFGHANISTAN)  # None, state, belligerency or insurgency
    """
    return st.sampled_from(_capacities(party))


def draw_act_fields(draw: st.DrawFn, recognized: Party) -> dict[str, Any]:
    """Draw the ``capacity`` and ``exclusive`` of an act recognising ``recognized``: one
    choice, made inline by the strategy drawing the act."""
    allowed = _capacities(recognized)
    exclusive, capacity = divmod(draw(_below(2 * len(allowed))), len(allowed))
    return {"capacity": allowed[capacity], "exclusive": not exclusive}


def act_fields(recognized: Party) -> SearchStrategy[dict[str, Any]]:
    """The ``capacity`` and ``exclusive`` of a recognition act of ``recognized``."""
    return _flat(draw_act_fields)(recognized)


_WITHDRAWAL_CHOICES: Final = tuple(
    (form, instrument) for instrument in (None, *RecognitionInstrument) for form in WithdrawalForm
)


def draw_withdrawal_fields(
    draw: st.DrawFn, withdrawer: Party, parties: SearchStrategy[Party]
) -> dict[str, Any]:
    """Draw the ``form``, ``instrument`` and ``addressee`` of a withdrawal by
    ``withdrawer``, inline in the strategy drawing the withdrawal."""
    form, instrument = _WITHDRAWAL_CHOICES[draw(_below(len(_WITHDRAWAL_CHOICES)))]
    addressee = draw(parties) if draw(_BOOLEANS) else None
    if addressee is not None and addressee.id == withdrawer.id:
        addressee = None
    return {"form": form, "instrument": instrument, "addressee": addressee}


def withdrawal_fields(
    withdrawer: Party, parties: SearchStrategy[Party]
) -> SearchStrategy[dict[str, Any]]:
    """The ``form``, ``instrument`` and ``addressee`` of a withdrawal by ``withdrawer``."""
    return _flat(draw_withdrawal_fields)(withdrawer, parties)


def settled(event: Event) -> Event:
    """``event`` as a consistent collection draws it (see ``event_sequences``).

    ``Dossier.check()`` reports ties whose ``formal_recognition`` contradicts the
    ledger and recognitions contrary to a call for non-recognition; a sequence, which
    must check clean, draws ties that do not say and neutral policies instead. (It
    also withdraws no recognition of a state: ``state-recognition-withdrawn``.)
    """
    if isinstance(event, DiplomaticTies) and event.formal_recognition is not None:
        return attrs.evolve(event, formal_recognition=None)
    if isinstance(event, RecognitionPolicy) and (
        event.stance is PolicyStance.CALL_FOR_NON_RECOGNITION
    ):
        return attrs.evolve(event, stance=PolicyStance.NEUTRAL)
    return event


@_event_strategy(RecognitionPolicy)
def recognition_policies(
    *,
    holder: Narrowing[Party] = _UNSET,
    stance: Narrowing[PolicyStance] = _UNSET,
    subject: Narrowing[Party | None] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RecognitionPolicy]:
    """Stated recognition policies: neutrality, non-recognition, calls on others, none at all.

    A subject is always drawn unless the stance is ``no-declarations`` (where it may
    be None: towards every government); it never is the holder.

    >>> strategy = recognition_policies(stance=PolicyStance.NEUTRAL)
    """
    cast_ = _Cast.of(among, people)
    holders = _lift(holder, cast_.parties)
    stances = _lift(stance, policy_stances())
    subjects = _lift(subject, _optional(cast_.parties))
    fields = _common_fields(
        RecognitionPolicy.TAG, common, effective=effective, described_as=described_as, basis=basis
    )

    @_flat
    def build(draw: st.DrawFn) -> RecognitionPolicy:
        by = draw(holders)
        stance_ = draw(stances)
        optional = stance_ is PolicyStance.NO_DECLARATIONS

        def fits(party: Party | None) -> bool:
            return (party is None and optional) or (party is not None and party.id != by.id)

        about = _draw_where(draw, subjects, fits)
        return RecognitionPolicy(
            **_draw_fields(draw, fields), holder=by, stance=stance_, subject=about
        )

    return build()

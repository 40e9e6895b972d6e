"""The CAMEO / PLOVER / Goldstein crosswalk: an event's code in the event-data standards.

:func:`cameo` gives the CAMEO event code of any diplorec event, with its label,
Goldstein score and quad class, from the CAMEO table shipped with diplorec;
:func:`plover` gives the PLOVER 0.8 event category, mode and context; :func:`dyad` gives
the source and target actors the code is read from; :func:`cameo_code` looks a CAMEO
code up. Every event class has a rule (the table in the Analysis documentation lists
them); a :class:`~diplorec.events.CodedEvent` carries its own code.

>>> from diplorec.examples.russia_taliban_2025 import CREDENTIALS, RECOGNITION
>>> code = cameo(RECOGNITION)
>>> code.code, code.label, code.goldstein, code.quad_class
('054', 'Grant diplomatic recognition', 6.0, 1)
>>> plover(RECOGNITION)
PloverCode(event='SUPPORT', mode=None, context='diplomatic')
>>> cameo(CREDENTIALS).code
'050'
"""

from __future__ import annotations

import attrs

from diplorec import events
from diplorec._cameo import CameoCode, PloverCode, cameo_table
from diplorec.actors import Government, Official, Party, State
from diplorec.errors import Problem, ValidationError
from diplorec.vocab import (
    AnnulmentKind,
    AppointmentStage,
    DesignationAction,
    MeetingMode,
    PolicyStance,
    RelationsAction,
    Stance,
)

__all__ = ["CameoCode", "PloverCode", "cameo", "cameo_code", "dyad", "plover"]


#: Each stance's CAMEO code. 016 is CAMEO's "deny responsibility" (denying an act or
#: a claim about it); "regrets" in diplomatic usage voices disapproval (110).
_STANCE_CODES: dict[Stance, str] = {
    Stance.ANNOUNCES: "010",
    Stance.NEUTRAL: "010",
    Stance.ACKNOWLEDGES: "010",
    Stance.WELCOMES: "051",
    Stance.SUPPORTS: "051",
    Stance.PRAISES: "051",
    Stance.CALLS_FOR: "020",
    Stance.REGRETS: "110",
    Stance.CRITICISES: "111",
    Stance.CONDEMNS: "111",
    Stance.DENIES: "016",
    Stance.REJECTS: "120",
}

#: Each recognition policy's CAMEO code: a stated policy is a statement (010), a
#: refusal to recognise a rejection (120), a call on others not to recognise an
#: appeal for diplomatic cooperation (022).
_POLICY_CODES: dict[PolicyStance, str] = {
    PolicyStance.NO_DECLARATIONS: "010",
    PolicyStance.NEUTRAL: "010",
    PolicyStance.NON_RECOGNITION: "120",
    PolicyStance.CALL_FOR_NON_RECOGNITION: "022",
}

_RELATIONS_CODES: dict[RelationsAction, str] = {
    RelationsAction.ESTABLISHED: "054",
    RelationsAction.RESTORED: "054",
    RelationsAction.UPGRADED: "050",
    RelationsAction.DOWNGRADED: "161",
    RelationsAction.SUSPENDED: "161",
    RelationsAction.SEVERED: "161",
}

_DESIGNATION_CODES: dict[DesignationAction, str] = {
    DesignationAction.LIST: "172",
    DesignationAction.REINSTATE: "172",
    DesignationAction.DELIST: "081",
    DesignationAction.SUSPEND: "081",
}

#: Where diplorec knows more than the CAMEO code: the PLOVER mode and context an event
#: class takes instead of its code's crosswalk values (PLOVER 0.8 manual, SANCTION modes:
#: ``discontinue`` is to "curtail, decrease, break, or terminate diplomatic ... exchanges").
#: CAMEO codes a withdrawal of recognition 160, which the crosswalk leaves without either.
_REFINED: dict[type, tuple[str, str]] = {
    events.RecognitionWithdrawal: ("discontinue", "diplomatic"),
}


def _party_of(participant: events.Participant) -> Party:
    return participant.on_behalf_of if isinstance(participant, Official) else participant


def _state_of(party: Party) -> State | None:
    """The state a party belongs to: itself, its state, or an organization's state."""
    if isinstance(party, State):
        return party
    if isinstance(party, Government):
        return party.state
    return party.state


def _meeting_parties(meeting: events.Meeting) -> list[Party]:
    """The distinct parties of a meeting's participants, in order."""
    seen: dict[str, Party] = {}
    for participant in meeting.participants:
        party = _party_of(participant)
        seen.setdefault(party.id, party)
    return list(seen.values())


def _same_state(left: Party | None, right: Party | None) -> bool:
    a = _state_of(left) if left is not None else None
    b = _state_of(right) if right is not None else None
    return a is not None and b is not None and a.id == b.id


def _meeting_code(meeting: events.Meeting) -> str:
    """041 remote; 043 the source hosts; 042 the source visits; 044 a third location."""
    if meeting.mode is not MeetingMode.IN_PERSON:
        return "041"
    parties = _meeting_parties(meeting)
    source, others = parties[0], parties[1:]
    if meeting.host is not None:
        host_id = meeting.host.id
        if host_id == source.id:
            return "043"
        if any(party.id == host_id for party in others):
            return "042"
        return "044"
    country = meeting.place.country if meeting.place is not None else None
    if country is None:
        return "040"
    if _same_state(source, country):
        return "043"
    if any(_same_state(party, country) for party in others):
        return "042"
    return "044"


def _code_of(event: events.Event) -> str:
    match event:
        case events.RecognitionAct():
            return "054"
        case events.RecognitionWithdrawal():
            return "160"
        case events.CredentialPresentation():
            return "050"
        case events.EnvoyAppointment():
            return "120" if event.stage is AppointmentStage.AGREMENT_REFUSED else "050"
        case events.Meeting():
            return _meeting_code(event)
        case events.Statement():
            return _STANCE_CODES[event.stance]
        case events.DesignationChange():
            return _DESIGNATION_CODES[event.action]
        case events.RelationsChange():
            return _RELATIONS_CODES[event.action]
        case events.DiplomaticTies():
            return "050"
        case events.CodedEvent():
            return event.cameo
        case events.RecognitionPolicy():
            return _POLICY_CODES[event.stance]
        # Taking an act back or voiding it reduces relations; a denial is said.
        case events.Annulment():
            return "010" if event.kind is AnnulmentKind.DENIED else "160"
        case events.RecognitionPledge():  # an intent to cooperate diplomatically
            return "032"
    raise TypeError(f"cameo() takes a diplorec event, not {type(event).__name__}")


def cameo(event: events.Event) -> CameoCode:
    """The CAMEO event code of an event, with its label, Goldstein score and quad class.

    >>> from diplorec.examples.russia_taliban_2025 import KABUL_MEETING, US_TALIBAN_MEETING
    >>> cameo(KABUL_MEETING).code, cameo(US_TALIBAN_MEETING).code
    ('042', '044')
    """
    return cameo_table()[_code_of(event)]


def cameo_code(code: str) -> CameoCode:
    """Look up a CAMEO event code: its label, Goldstein score, quad class and PLOVER coding.

    Codes are strings and leading zeros matter (``"054"``, not ``54``). An unknown code
    raises :class:`~diplorec.errors.ValidationError`.

    >>> row = cameo_code("054")
    >>> row.label, row.goldstein, row.quad_class
    ('Grant diplomatic recognition', 6.0, 1)
    >>> row.plover
    PloverCode(event='SUPPORT', mode=None, context='diplomatic')
    >>> cameo_code("54")
    Traceback (most recent call last):
    ...
    diplorec.errors.ValidationError: 1 problem found:
      $: '54' is not a CAMEO event code (codes are strings such as '054'; leading zeros matter)
    """
    row = cameo_table().get(code) if isinstance(code, str) else None
    if row is None:
        shown = repr(code) if len(repr(code)) <= 80 else repr(code)[:77] + "..."
        message = (
            f"{shown} is not a CAMEO event code (codes are strings such as '054'; "
            "leading zeros matter)"
        )
        raise ValidationError([Problem(path="$", message=message)])
    return row


def plover(event: events.Event) -> PloverCode | None:
    """The PLOVER event category, mode and context of an event; None where PLOVER has none.

    Every value is one the PLOVER 0.8 manual defines. They come from PLOVER's own
    crosswalk of the event's CAMEO code, refined where diplorec knows more: meetings get
    PLOVER's CONSULT modes (``phone``, ``visit``, ``third-party``, ``multilateral``), and a
    withdrawal of recognition is SANCTION ``discontinue`` in a ``diplomatic`` context.
    PLOVER drops plain comments and appeals (CAMEO 01 and 02), so a statement that only
    announces, acknowledges, denies or calls for something has no PLOVER code; nor has a
    :class:`~diplorec.events.DiplomaticTies`, a state of affairs rather than an event.

    >>> from diplorec.examples.russia_taliban_2025 import US_TALIBAN_MEETING
    >>> plover(US_TALIBAN_MEETING)
    PloverCode(event='CONSULT', mode='third-party', context=None)
    """
    if isinstance(event, events.DiplomaticTies):
        return None
    row = cameo(event)
    code = row.plover
    if code is None:
        return None
    if isinstance(event, events.Meeting):
        return attrs.evolve(code, mode=_consult_mode(event, row.code))
    refined = _REFINED.get(type(event))
    if refined is not None:
        mode, context = refined
        return attrs.evolve(code, mode=mode, context=context)
    return code


def _consult_mode(meeting: events.Meeting, code: str) -> str | None:
    if code == "041":
        return "phone"
    if len(_meeting_parties(meeting)) > 2:
        return "multilateral"
    # PLOVER codes a hosted visit from the visitor's side, whoever the source is.
    return {"042": "visit", "043": "visit", "044": "third-party"}.get(code)


def dyad(event: events.Event) -> tuple[Party | None, Party | None]:
    """The CAMEO source and target actors of an event (either may be None).

    A meeting is read from its first participant's side (the source) towards the
    next party; a statement from its speaker towards the first party it is about.

    >>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
    >>> [party.id for party in dyad(RECOGNITION)]
    ['state:RUS', 'government:AFG:islamic-emirate-of-afghanistan:2021-08']
    """
    match event:
        case events.RecognitionAct():
            return event.recognizer, event.recognized
        case events.RecognitionWithdrawal():
            return event.withdrawer, event.recognized
        case events.CredentialPresentation() | events.EnvoyAppointment():
            return event.envoy.sending, event.envoy.receiving
        case events.Meeting():
            parties = _meeting_parties(event)
            return parties[0], (parties[1] if len(parties) > 1 else event.host)
        case events.Statement():
            return _party_of(event.speaker), (event.about[0] if event.about else None)
        case events.DesignationChange():
            return event.authority, event.entity
        case events.RelationsChange():
            first, second = event.parties
            if event.initiated_by is not None and event.initiated_by.id == second.id:
                return second, first
            return first, second
        case events.DiplomaticTies():
            return event.parties[0], event.parties[1]
        case events.CodedEvent():
            return event.actor, event.target
        case events.RecognitionPolicy():
            return event.holder, event.subject
        case events.Annulment():  # the target of an annulment is an event, not a party
            return event.by, None
        case events.RecognitionPledge():
            return event.pledger, event.recognized
    raise TypeError(f"dyad() takes a diplorec event, not {type(event).__name__}")

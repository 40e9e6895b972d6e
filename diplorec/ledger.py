"""Who recognises whom, as of when: :class:`RecognitionLedger` and :class:`Standing`.

A ledger is built once from events (:meth:`RecognitionLedger.from_events`) and then
answers questions such as "does Russia recognise the Islamic Emirate on 4 July
2025?" (:meth:`~RecognitionLedger.standing`), "who recognises it on that day?"
(:meth:`~RecognitionLedger.recognizers`) and "which permanent member of the UN
Security Council recognised it first?" (:meth:`~RecognitionLedger.first_recognizer`).

Recognitions, withdrawals, stated policies, observed ties and the annulments of
any of them change a standing (pledges do not: :meth:`~RecognitionLedger.pledges`
lists them). Each becomes one or more *changes*, each the pair (recognizer,
recognized), the window of days in which it took effect (its ``effective`` date when
given, else ``on``) and the standing it leads to. A date known only to the month is
a window of a month: a question about a day inside that window gets
:attr:`Standing.UNCERTAIN`, never a guess. The rules, with a truth table, are in the
Analysis documentation.

>>> from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE, RUSSIA
>>> ledger = RecognitionLedger.from_events(EVENTS)
>>> ledger.standing(RUSSIA, ISLAMIC_EMIRATE, "2025-07-04")
<Standing.RECOGNIZED: 'recognized'>
>>> ledger.standing("state:RUS", ISLAMIC_EMIRATE, "2025-07-02")
<Standing.NOT_RECOGNIZED: 'not-recognized'>
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import threading
from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter
from typing import TypeAlias

import attrs

from diplorec import _gc
from diplorec._precedence import (
    ChangeKind,
    Series,
    Spans,
    Standing,
    span_of,
    standing_over,
    step_function,
)
from diplorec._similar import suggest
from diplorec.actors import PARTY_TYPES, Government, Organization, Party, State
from diplorec.dates import Precision, When
from diplorec.errors import DiplorecError
from diplorec.events import (
    Annulment,
    DiplomaticTies,
    Event,
    EventBase,
    RecognitionAct,
    RecognitionPledge,
    RecognitionPolicy,
    RecognitionWithdrawal,
    usual_capacity,
)
from diplorec.reference import Membership
from diplorec.vocab import (
    AnnulmentKind,
    Certainty,
    Characterization,
    LegalStatus,
    PolicyStance,
    RecognitionCapacity,
    RecognitionForm,
    WithdrawalKind,
)

__all__ = [
    "INTERVAL_COLUMNS",
    "ChangeKind",
    "DateLike",
    "PartyLike",
    "RecognitionLedger",
    "Standing",
    "StandingInterval",
    "StandingReport",
    "TimelineEntry",
    "UnknownPartyError",
    "as_when",
    "interval_columns",
]

#: A party, or its id.
PartyLike: TypeAlias = Party | str
#: A date to ask about: a :class:`~diplorec.dates.When`, a ``datetime.date`` or EDTF text.
DateLike: TypeAlias = When | datetime.date | str


_FIRST_KINDS = frozenset({ChangeKind.RECOGNITION, ChangeKind.COLLECTIVE_RECOGNITION})


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One change in the standing of a recognizer towards a recognized party.

    ``event`` is the act the change comes from; for a collective partner or an
    implied change it names another recognizer or party than the entry does.
    ``effect`` is the standing the change leads to, or None when it has none (a
    withdrawal denied by the withdrawer, an act the recognizer denied was
    recognition); ``reason`` says why in words. ``superseded_by`` names the firm
    act that confirms an uncertain claim of the same change, which then no longer
    counts on its own. A change of kind ``annulment`` has the
    :class:`~diplorec.events.Annulment` as its ``event``. ``form`` and
    ``legal_status`` describe recognitions (None for withdrawals): implied
    recognition is included, and shows as ``form=RecognitionForm.IMPLIED``.
    ``capacity`` is the capacity a recognition gives (None for changes that give
    none).
    """

    recognizer: Party
    recognized: Party
    when: When
    kind: ChangeKind
    effect: Standing | None
    event: RecognitionAct | RecognitionWithdrawal | RecognitionPolicy | DiplomaticTies | Annulment
    reason: str
    form: RecognitionForm | None = None
    legal_status: LegalStatus | None = None
    superseded_by: str | None = None
    capacity: RecognitionCapacity | None = None

    def __str__(self) -> str:
        """One line: date, the pair, what changed and why, and the event it comes from.

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE
        >>> print(RecognitionLedger.from_events(EVENTS).timeline(ISLAMIC_EMIRATE)[-1])
        ... # doctest: +ELLIPSIS
        2025-07-03 state:RUS -> government:AFG:...: recognition, recognized (express ...) [...]
        """
        effect = "no effect" if self.effect is None else self.effect.value
        counted = "" if self.superseded_by is None else f", confirmed by {self.superseded_by}"
        return (
            f"{self.when} {self.recognizer.id} -> {self.recognized.id}: {self.kind.value}, "
            f"{effect} ({self.reason}{counted}) [{self.event.id}]"
        )

    @property
    def counted(self) -> bool:
        """Whether the change takes part in answering :meth:`RecognitionLedger.standing`."""
        return self.effect is not None and self.superseded_by is None

    @property
    def implied(self) -> bool:
        """Whether the change follows from conduct or from another act, not an express act."""
        return self.form is RecognitionForm.IMPLIED or self.kind in (
            ChangeKind.SWITCH_RECOGNITION,
            ChangeKind.RIVAL_RECOGNITION,
        )

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Date first, then recognizer, kind and event id: a total, input-independent order."""
        return (self.when.sort_key, *_after_date(self))


_KIND_RANK = {kind: rank for rank, kind in enumerate(ChangeKind)}


def _after_date(entry: TimelineEntry) -> tuple[str, int, str]:
    """What orders changes of the same date: recognizer, kind, then event id."""
    return (entry.recognizer.id, _KIND_RANK[entry.kind], entry.event.id)


def _order_key(entry: TimelineEntry) -> tuple[object, ...]:
    """:attr:`TimelineEntry.sort_key`'s order, flat, with the date's day numbers.

    ``When._order`` orders dates as ``When.sort_key`` does, without making pendulum
    dates; a flat tuple of ints and strings sorts about twice as fast as the nested key
    (the ledger sorts every change it is built from).
    """
    return (*entry.when._order, *_after_date(entry))


_NO_CHANGES = Series([])
_NO_STEPS = step_function([])
_NO_SPANS = Spans([], [])


class UnknownPartyError(DiplorecError, KeyError):
    """A question names a party that no event given to the ledger mentions.

    Answering "not recognized" would be silently wrong when the id is misspelt or
    derived differently (``state:freedonia`` for a state the data codes
    ``state:FRE``), so the ledger refuses and suggests the closest ids it knows.
    """

    def __init__(self, party_id: str, suggestions: list[str]) -> None:
        self.party_id = party_id
        self.suggestions = tuple(suggestions)
        message = f"{_short(party_id)} is not in this ledger"
        if suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
        else:
            message += " (no event given to it names this party)"
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


def _short(party_id: str, limit: int = 80) -> str:
    shown = repr(party_id)
    return shown if len(shown) <= limit else f"{shown[: limit - 4]}...' ({len(party_id)} chars)"


def _party_id(party: PartyLike, role: str) -> str:
    if isinstance(party, str):
        if not party:
            raise ValueError(f"the {role} id must not be empty")
        return party
    if isinstance(party, PARTY_TYPES):
        return party.id
    message = f"the {role} must be a State, Government, Organization or an id, not {party!r}"
    raise TypeError(message)


def as_when(on: DateLike) -> When:
    """A :class:`~diplorec.dates.When` from a When, a ``datetime.date`` or EDTF text.

    >>> as_when(datetime.date(2025, 7, 4)), as_when("2025-07")
    (When('2025-07-04'), When('2025-07'))
    """
    if isinstance(on, When):
        return on
    if isinstance(on, str):
        return When.parse(on)
    if isinstance(on, datetime.date):
        return When.from_date(on)  # refuses a datetime, with a sentence
    message = f"a date must be a When, a datetime.date or EDTF text, not {type(on).__name__}"
    raise TypeError(message)


def _window(on: DateLike) -> tuple[int, int]:
    """The first and last day (ordinals) a query date covers."""
    when = as_when(on)
    return when._lo, when._hi


def _governed_state(entry: TimelineEntry) -> str | None:
    """The state a change recognises a government of, or None (another capacity)."""
    party = entry.recognized
    if entry.capacity is not RecognitionCapacity.GOVERNMENT:
        return None
    if isinstance(party, (Government, Organization)) and party.state is not None:
        return party.state.id
    return None


def _exclusive(entry: TimelineEntry) -> bool:
    """Whether a giving change ends recognition of rival governments (see ``exclusive``)."""
    return not isinstance(entry.event, RecognitionAct) or entry.event.exclusive


def _claim_effect(
    event: RecognitionAct | RecognitionWithdrawal,
    author: Party,
    base: Standing,
    what: str,
    if_author_denies: Standing | None,
) -> tuple[Standing | None, str]:
    """The standing an act leads to given who claims and who denies it, and why.

    One rule for recognitions and withdrawals alike: a ``confirmed`` record decides;
    a ``claimed`` or ``disputed`` one, one that anyone denies, or one that only third
    parties claim is UNCERTAIN. Only the author's own denial differs: it voids a
    withdrawal (``if_author_denies`` None) and leaves a recognition UNCERTAIN.
    """
    denied = {party.id for party in event.denied_by}
    claimed = {party.id for party in event.claimed_by}
    if author.id in denied and if_author_denies is None:
        return None, f"the {_AUTHOR[what]} itself denied it"
    if event.certainty is Certainty.CONFIRMED:
        return base, f"confirmed {what}"
    if event.certainty in (Certainty.CLAIMED, Certainty.DISPUTED):
        return Standing.UNCERTAIN, f"the {what} is {event.certainty.value}"
    if denied:
        return Standing.UNCERTAIN, f"the {what} is denied by {', '.join(sorted(denied))}"
    if claimed and author.id not in claimed:
        return Standing.UNCERTAIN, f"the {what} is claimed only by {', '.join(sorted(claimed))}"
    return base, what


_AUTHOR = {"recognition": "recognizer", "withdrawal": "withdrawer", "switch": "withdrawer"}
_AUTHOR["suspension"] = "withdrawer"


def _stated(
    event: RecognitionAct | RecognitionWithdrawal | RecognitionPolicy,
    pair: tuple[Party, Party],
    change: tuple[ChangeKind, Standing | None],
    reason: str,
    recognition: tuple[RecognitionForm, LegalStatus, RecognitionCapacity | None] | None = None,
) -> TimelineEntry:
    """The change an act or a stated policy makes to ``pair`` (recognizer, recognized).

    It takes effect on the event's ``effective`` date when it has one (and says so),
    else on its date ``on``; ``change`` is its kind and effect, ``recognition`` the
    form, legal status and capacity of a change that gives recognition.
    """
    if event.effective is not None:
        reason += f", effective {event.effective}"
    form, legal_status, capacity = recognition or (None, None, None)
    return TimelineEntry(
        recognizer=pair[0],
        recognized=pair[1],
        when=event.effective or event.on,
        kind=change[0],
        effect=change[1],
        event=event,
        reason=reason,
        form=form,
        legal_status=legal_status,
        capacity=capacity,
    )


def _act_entries(act: RecognitionAct) -> list[TimelineEntry]:
    effect: Standing | None
    if act.characterization is Characterization.DENIED_RECOGNITION:
        effect, reason = None, "the recognizer denied that the act amounts to recognition"
    else:
        base = Standing.CONDITIONAL if act.conditions else Standing.RECOGNIZED
        effect, reason = _claim_effect(act, act.recognizer, base, "recognition", Standing.UNCERTAIN)
        if effect is Standing.CONDITIONAL:
            reason = "recognition on conditions not yet met"
        elif effect is Standing.RECOGNIZED:
            reason = "recognition"
            if act.form is not RecognitionForm.UNSPECIFIED:
                reason = f"{act.form.value} {reason}"
    if act.reservations:
        reason += ", with reservations"
    if act.capacity is not usual_capacity(act.recognized):
        assert act.capacity is not None
        reason += f" as {_CAPACITY_WORDS[act.capacity]}"
    if not act.exclusive:
        reason += ", not exclusive"
    recognition = (act.form, act.legal_status, act.capacity)
    own = _stated(
        act, (act.recognizer, act.recognized), (ChangeKind.RECOGNITION, effect), reason, recognition
    )
    # Each partner of a collective act gives the same recognition.
    return [own] + [
        attrs.evolve(
            own,
            recognizer=partner,
            kind=ChangeKind.COLLECTIVE_RECOGNITION,
            reason=f"{own.reason}, given collectively with {act.recognizer.id}",
        )
        for partner in act.collective_with
    ]


def _withdrawal_effect(
    withdrawal: RecognitionWithdrawal,
) -> tuple[Standing | None, str]:
    """The standing a withdrawal leads to, and why (:func:`_claim_effect`).

    The withdrawer speaks for its own acts: its denial voids a claimed withdrawal.
    """
    base = (
        Standing.SUSPENDED if withdrawal.kind is WithdrawalKind.SUSPENSION else Standing.WITHDRAWN
    )
    return _claim_effect(withdrawal, withdrawal.withdrawer, base, withdrawal.kind.value, None)


_WITHDRAWAL_KINDS = {
    WithdrawalKind.WITHDRAWAL: ChangeKind.WITHDRAWAL,
    WithdrawalKind.SWITCH: ChangeKind.SWITCH,
    WithdrawalKind.SUSPENSION: ChangeKind.SUSPENSION,
}


def _withdrawal_entries(withdrawal: RecognitionWithdrawal) -> list[TimelineEntry]:
    effect, reason = _withdrawal_effect(withdrawal)
    pair = (withdrawal.withdrawer, withdrawal.recognized)
    own = _stated(withdrawal, pair, (_WITHDRAWAL_KINDS[withdrawal.kind], effect), reason)
    if withdrawal.in_favour_of is None:
        return [own]
    # A switch recognises the party it favours, implicitly, as far as the withdrawal holds.
    gained = None if effect is None else Standing.RECOGNIZED
    if effect is Standing.UNCERTAIN:
        gained = Standing.UNCERTAIN
    switch = attrs.evolve(
        own,
        recognized=withdrawal.in_favour_of,
        kind=ChangeKind.SWITCH_RECOGNITION,
        effect=gained,
        reason=f"switch of recognition from {withdrawal.recognized.id} ({own.reason})",
        form=RecognitionForm.IMPLIED,
        legal_status=LegalStatus.UNSPECIFIED,
        capacity=usual_capacity(withdrawal.in_favour_of),
    )
    return [own, switch]


def _rival_entries(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Withdrawals implied by recognising a rival government of the same state.

    An exclusive recognition *as government* of one government of a state (or of a
    council claiming to govern it) ends recognition as government of any other the
    recognizer recognised before (or on the same day). Recognitions in another
    capacity, and non-exclusive ones, end nothing: see :mod:`diplorec._precedence`.
    """
    groups: dict[tuple[str, str], list[TimelineEntry]] = defaultdict(list)
    # (event, recognizer, recognized) of every change that takes recognition away
    # itself: a switch from a rival already ends it, and implies nothing more.
    explicit: set[tuple[str, str, str]] = set()
    for entry in entries:
        state = _governed_state(entry)
        if state is not None and entry.kind.gives and entry.effect is not None:
            groups[entry.recognizer.id, state].append(entry)
        if not entry.kind.gives:
            explicit.add((entry.event.id, entry.recognizer.id, entry.recognized.id))
    implied: list[TimelineEntry] = []
    for group in groups.values():
        rivals = {entry.recognized.id: entry.recognized for entry in group}
        if len(rivals) < 2:
            continue
        # The first day each rival may have been recognised: a trigger ends only the
        # rivals that may have been recognised by its last possible day (day numbers).
        first_possible: dict[str, int] = {}
        for entry in group:
            day = span_of(entry)[0]
            known = first_possible.get(entry.recognized.id)
            if known is None or day < known:
                first_possible[entry.recognized.id] = day
        for trigger in group:
            if trigger.effect not in (Standing.RECOGNIZED, Standing.UNCERTAIN):
                continue
            if not _exclusive(trigger):
                continue
            latest = span_of(trigger)[1]
            for rival_id, rival in rivals.items():
                if rival_id == trigger.recognized.id or (
                    (trigger.event.id, trigger.recognizer.id, rival_id) in explicit
                ):
                    continue
                if first_possible[rival_id] > latest:
                    continue
                withdrawn = (
                    Standing.WITHDRAWN
                    if trigger.effect is Standing.RECOGNIZED
                    else Standing.UNCERTAIN
                )
                implied.append(
                    TimelineEntry(
                        recognizer=trigger.recognizer,
                        recognized=rival,
                        when=trigger.when,
                        kind=ChangeKind.RIVAL_RECOGNITION,
                        effect=withdrawn,
                        event=trigger.event,
                        reason=f"recognition of the rival government {trigger.recognized.id}",
                    )
                )
    return implied


_CAPACITY_WORDS = {
    RecognitionCapacity.STATE: "a state",
    RecognitionCapacity.GOVERNMENT: "government",
    RecognitionCapacity.REPRESENTATIVE: "representative",
    RecognitionCapacity.BELLIGERENCY: "belligerent",
    RecognitionCapacity.INSURGENCY: "insurgents",
}

_POLICY_KINDS = {
    PolicyStance.NON_RECOGNITION: (ChangeKind.NON_RECOGNITION_POLICY, Standing.REFUSED),
    PolicyStance.NEUTRAL: (ChangeKind.NEUTRAL_POLICY, Standing.ABSTAINS),
    PolicyStance.NO_DECLARATIONS: (ChangeKind.NEUTRAL_POLICY, Standing.ABSTAINS),
}


def _policy_entry(policy: RecognitionPolicy, subject: Party) -> TimelineEntry | None:
    """The change a stated policy makes towards ``subject``; None for a call on others."""
    found = _POLICY_KINDS.get(policy.stance)
    if found is None:
        return None
    reason = f"stated policy: {policy.stance.value}"
    if policy.subject is None:
        reason += " (towards every government)"
    return _stated(policy, (policy.holder, subject), found, reason)


def _ties_entries(ties: DiplomaticTies) -> list[TimelineEntry]:
    """Observed recognition, both ways, from ties with ``formal_recognition=True``."""
    if ties.formal_recognition is not True:
        return []
    first, second = ties.parties
    return [
        TimelineEntry(
            recognizer=recognizer,
            recognized=recognized,
            when=ties.on,
            kind=ChangeKind.OBSERVED_TIES,
            effect=Standing.RECOGNIZED,
            event=ties,
            reason="diplomatic ties with formal recognition, observed",
        )
        for recognizer, recognized in ((first, second), (second, first))
    ]


def _root(party: Party) -> str:
    """The id of the state behind a party (an organization without one is its own)."""
    if isinstance(party, (Government, Organization)) and party.state is not None:
        return party.state.id
    return party.id


def _to_every_government(party: Party) -> bool:
    """Whether a no-declarations policy without a subject reaches this party."""
    return usual_capacity(party) is RecognitionCapacity.GOVERNMENT


_IN_FORCE = frozenset({Standing.RECOGNIZED, Standing.CONDITIONAL})


def _entry_key(entry: TimelineEntry) -> str:
    return f"{entry.event.id}|{entry.kind.value}|{entry.recognizer.id}|{entry.recognized.id}"


def _in_force(changes: Iterable[TimelineEntry]) -> TimelineEntry | None:
    """The latest change that gives the recognition in force, among those an answer rests on."""
    giving = [entry for entry in changes if entry.kind.gives and entry.effect in _IN_FORCE]
    return max(giving, key=_order_key) if giving else None


def _date(day: int | None) -> datetime.date | None:
    return None if day is None else datetime.date.fromordinal(day)


def _as_what(party: Party, capacity: RecognitionCapacity) -> str:
    """How a capacity reads in a sentence: "the government of Afghanistan"."""
    state = party.state if isinstance(party, (Government, Organization)) else None
    if capacity is RecognitionCapacity.GOVERNMENT:
        return "a government" if state is None else f"the government of {state.name}"
    if capacity is RecognitionCapacity.REPRESENTATIVE:
        return (
            "a representative"
            if state is None
            else (f"a representative of the people of {state.name}")
        )
    return {
        RecognitionCapacity.STATE: "a state",
        RecognitionCapacity.BELLIGERENCY: "a belligerent",
        RecognitionCapacity.INSURGENCY: "insurgents",
    }[capacity]


_VERBS = {
    Standing.RECOGNIZED: "recognizes {x}",
    Standing.NOT_RECOGNIZED: "has no recognition of {x} on record",
    Standing.WITHDRAWN: "has withdrawn recognition of {x}",
    Standing.SUSPENDED: "has suspended recognition of {x}",
    Standing.CONDITIONAL: "recognizes {x} on conditions not yet met",
    Standing.UNCERTAIN: "may or may not recognize {x}",
    Standing.REFUSED: "refuses to recognize {x}",
    Standing.ABSTAINS: "abstains from recognizing {x}",
}


def _describe(entry: TimelineEntry) -> str:
    """A change in words: "express recognition by acceptance of credentials"."""
    event = entry.event
    if entry.kind is ChangeKind.RECOGNITION and entry.effect is Standing.RECOGNIZED:
        assert isinstance(event, RecognitionAct)
        words = "recognition"
        if event.form is not RecognitionForm.UNSPECIFIED:
            words = f"{event.form.value} {words}"
        if event.instrument is not None:
            words += " by " + event.instrument.value.replace("-", " ")
        return words
    return entry.reason


@attrs.frozen(kw_only=True)
class StandingReport:
    """Where a pair stands on a date, as what, and on which recorded acts.

    ``capacity`` and ``legal_status`` are those of the recognition in force (None
    when none is); ``changes`` are the timeline entries the answer rests on, oldest
    first, and ``events`` their event ids.
    """

    recognizer: Party
    recognized: Party
    on: When
    standing: Standing
    capacity: RecognitionCapacity | None
    legal_status: LegalStatus | None
    changes: tuple[TimelineEntry, ...]

    @property
    def conditional(self) -> bool:
        """True when the recognition in force awaits its conditions."""
        return self.standing is Standing.CONDITIONAL

    @property
    def events(self) -> tuple[str, ...]:
        """The ids of the events the answer rests on, oldest first."""
        return tuple(dict.fromkeys(entry.event.id for entry in self.changes))

    def __str__(self) -> str:
        """One sentence: who stands how towards whom, on what date, citing the acts."""
        verb = _VERBS[self.standing].format(x=_called(self.recognized))
        if self.capacity is not None:
            verb += f" as {_as_what(self.recognized, self.capacity)}"
        cited = "; ".join(
            f"{_describe(entry)}, {entry.when} [{entry.event.id}]" for entry in self.changes
        )
        when = "on" if self.on.precision is Precision.DAY else "in"
        tail = f": {cited}" if cited else ""
        return f"{self.recognizer.name} {verb} {when} {self.on}{tail}"


def _called(party: Party) -> str:
    """A party's name in a sentence: "the Islamic Emirate ..." for a government or a body."""
    name = party.name
    if isinstance(party, State) or name.lower().startswith("the "):
        return name
    return f"the {name}"


@attrs.frozen(kw_only=True)
class StandingInterval:
    """One period in which a pair's standing (and the capacity in force) does not change.

    ``certain`` is False when the standing over the period is ``uncertain``.
    """

    recognizer: str
    recognized: str
    capacity: RecognitionCapacity | None
    start: datetime.date
    end: datetime.date | None
    standing: Standing

    @property
    def certain(self) -> bool:
        """Whether the records settle the standing over the period."""
        return self.standing is not Standing.UNCERTAIN

    def __str__(self) -> str:
        what = self.standing.value
        if self.capacity is not None:
            what += f" as {_CAPACITY_WORDS[self.capacity]}"
        until = "" if self.end is None else f" to {self.end}"
        return f"{self.recognizer} -> {self.recognized}: {what} from {self.start}{until}"


#: The columns of :func:`interval_columns`, in order.
INTERVAL_COLUMNS = ("recognizer", "recognized", "capacity", "start", "end", "standing", "certain")


def interval_columns(rows: Iterable[StandingInterval]) -> dict[str, list[object]]:
    """Rows of :meth:`RecognitionLedger.to_intervals` as columns, enums as their values.

    ``pandas.DataFrame(interval_columns(rows))`` and ``pyarrow.table(...)`` take it as
    it is.
    """
    columns: dict[str, list[object]] = {name: [] for name in INTERVAL_COLUMNS}
    for row in rows:
        for name in INTERVAL_COLUMNS:
            value = getattr(row, name)
            columns[name].append(value.value if isinstance(value, enum.Enum) else value)
    return columns


# Policies and observed ties are not records of the act a claim is about.
_NOT_CONFIRMING = frozenset(
    {ChangeKind.NON_RECOGNITION_POLICY, ChangeKind.NEUTRAL_POLICY, ChangeKind.OBSERVED_TIES}
)


def _supersede(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Mark uncertain claims that a firm change of the same pair and direction confirms.

    A withdrawal first claimed by a third party and later confirmed by the withdrawer
    is one change, not two: the confirmed record decides.
    """
    firm: dict[tuple[str, str, bool], list[tuple[int, int, str]]] = defaultdict(list)
    for entry in entries:
        if entry.effect not in (None, Standing.UNCERTAIN) and entry.kind not in _NOT_CONFIRMING:
            key = (entry.recognizer.id, entry.recognized.id, entry.kind.gives)
            firm[key].append((*span_of(entry), entry.event.id))
    # The firm changes of each pair and direction as spans of days, so that those
    # overlapping a claim are found without looking at every one.
    spans: dict[tuple[str, str, bool], tuple[Spans, list[str]]] = {}
    for key, rows in firm.items():
        rows.sort()
        los, his, ids = (list(column) for column in zip(*rows, strict=True))
        spans[key] = (Spans(los, his), ids)
    out: list[TimelineEntry] = []
    for entry in entries:
        if entry.effect is Standing.UNCERTAIN:
            found = spans.get((entry.recognizer.id, entry.recognized.id, entry.kind.gives))
            overlapping, ids = found or (_NO_SPANS, [])
            confirming = [ids[index] for index in overlapping.overlapping(*span_of(entry))]
            if confirming:
                entry = attrs.evolve(entry, superseded_by=min(confirming))
        out.append(entry)
    return out


_UNSURE = (Certainty.CLAIMED, Certainty.DISPUTED)


def _voids(annulment: Annulment, author: str) -> bool:
    """Whether ``annulment`` voids, from the start, the changes of ``author`` (see [7])."""
    return (
        annulment.kind is AnnulmentKind.RETRACTED
        and annulment.by.id == author
        and annulment.certainty not in _UNSURE
    )


def _in_effect(annulments: Iterable[Annulment]) -> dict[str, list[Annulment]]:
    """The annulments that count, by the id of the event each annuls.

    An annulment that its own author retracts (a denial withdrawn) has no effect; a
    retraction of that retraction restores it, and so on. Other annulments of an
    annulment are not read by the ledger.
    """
    chosen = sorted(annulments, key=lambda a: (a.on.sort_key, a.id))
    retracting: dict[str, list[Annulment]] = defaultdict(list)
    for annulment in chosen:
        retracting[annulment.annuls].append(annulment)
    state: dict[str, bool] = {}

    def void(annulment: Annulment, seen: frozenset[str]) -> bool:
        if annulment.id in state:
            return state[annulment.id]
        if annulment.id in seen:  # a cycle of retractions: nothing settles it
            return False
        found = any(
            _voids(other, annulment.by.id) and not void(other, seen | {annulment.id})
            for other in retracting.get(annulment.id, ())
        )
        state[annulment.id] = found
        return found

    by_target: dict[str, list[Annulment]] = defaultdict(list)
    for annulment in chosen:
        if not void(annulment, frozenset()):
            by_target[annulment.annuls].append(annulment)
    return by_target


def _moot(entry: TimelineEntry, at: When, pair: list[TimelineEntry]) -> bool:
    """Whether another change of the pair surely came between ``entry`` and the date ``at``."""
    return any(
        other.counted
        and other.event.id != entry.event.id
        and other.when.earliest > entry.when.latest
        and other.when.latest < at.earliest
        for other in pair
    )


def _retract(
    entries: list[TimelineEntry], by_target: dict[str, list[Annulment]]
) -> list[TimelineEntry]:
    """Void the changes whose author retracted the act they come from ([7]).

    Runs before rival governments are looked at, so a retracted recognition ends
    nobody's recognition either; the voided changes stay in the timeline, uncounted.
    """
    if not by_target:
        return entries
    out: list[TimelineEntry] = []
    for entry in entries:
        annulments = by_target.get(entry.event.id, ())
        voiding = next((a for a in annulments if _voids(a, entry.recognizer.id)), None)
        if voiding is not None and entry.effect is not None:
            reason = f"{entry.reason}; retracted {voiding.on} [{voiding.id}]: void from the start"
            entry = attrs.evolve(entry, effect=None, reason=reason)
        out.append(entry)
    return out


def _annulled(
    entries: list[TimelineEntry], by_target: dict[str, list[Annulment]]
) -> list[TimelineEntry]:
    """The changes every other annulment makes: UNCERTAIN from its date ([8]).

    For each counted change of the annulled act (those implied towards rival
    governments included), an UNCERTAIN change of the same pair from the annulment's
    date, unless the pair's standing had surely changed again by then or the denied
    act is recorded as ``confirmed``.
    """
    if not by_target:
        return []
    pairs: dict[tuple[str, str], list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        pairs[entry.recognizer.id, entry.recognized.id].append(entry)
    added: list[TimelineEntry] = []
    for entry in entries:
        if entry.effect is None:
            continue
        pair = pairs[entry.recognizer.id, entry.recognized.id]
        for annulment in by_target.get(entry.event.id, ()):
            if not _voids(annulment, entry.recognizer.id):
                added.append(_annulment_entry(entry, annulment, pair))
    return added


def _annulment_entry(
    entry: TimelineEntry, annulment: Annulment, pair: list[TimelineEntry]
) -> TimelineEntry:
    """The change an invalidation or denial (or a retraction by another) makes to ``entry``."""
    when = entry.when if annulment.on.latest < entry.when.earliest else annulment.on
    what = {
        AnnulmentKind.RETRACTED: "said to be retracted",
        AnnulmentKind.INVALIDATED: "invalidated",
        AnnulmentKind.DENIED: "denied",
    }[annulment.kind]
    reason = f"{entry.event.id} {what} by {annulment.by.id}"
    effect: Standing | None = Standing.UNCERTAIN
    if annulment.kind is AnnulmentKind.DENIED and entry.event.certainty is Certainty.CONFIRMED:
        effect, reason = None, f"{reason}, but the act is recorded as confirmed"
    elif _moot(entry, when, pair):
        effect, reason = None, f"{reason}, after the standing had changed again"
    return TimelineEntry(
        recognizer=entry.recognizer,
        recognized=entry.recognized,
        when=when,
        kind=ChangeKind.ANNULMENT,
        effect=effect,
        event=annulment,
        reason=reason,
        capacity=entry.capacity,
    )


#: The most knowledge-time views (one per ``known_on`` day) a ledger keeps.
_MAX_VIEWS = 64


def _known_by(event: EventBase) -> int:
    """The last day (an ordinal) on which ``event`` may have been made known.

    Its ``announced`` date when it has one, else ``on`` (for a period, its start).
    """
    when = getattr(event, "announced", None) or event.on
    if when.is_interval and when.start is not None:
        when = when.start
    return int(when.latest.toordinal())


class RecognitionLedger:
    """An index of recognitions and withdrawals that answers "who recognises whom, when".

    Build it with :meth:`from_events`; the answers never depend on the order the
    events come in. Parties may be given as objects or ids; dates as a
    :class:`~diplorec.dates.When`, a ``datetime.date`` or EDTF text. Each
    :meth:`standing` is a dictionary lookup and a bisection in the pair's step function,
    built with the ledger, so questions take as long on a million events as on ten
    thousand.
    """

    __slots__ = (
        "_by_recognized",
        "_by_recognizer",
        "_changes",
        "_events",
        "_parties",
        "_pledges",
        "_series",
        "_steps",
        "_timelines",
        "_views",
        "_views_lock",
    )

    def __init__(self, entries: Iterable[TimelineEntry], parties: Iterable[Party] = ()) -> None:
        """Index timeline entries; most callers want :meth:`from_events` instead.

        ``parties`` are further parties the ledger knows of (named by other events),
        so that questions about them are answered rather than refused.
        """
        pairs: dict[tuple[str, str], list[TimelineEntry]] = defaultdict(list)
        timelines: dict[str, list[TimelineEntry]] = defaultdict(list)
        known: dict[str, Party] = {}
        for entry in _ordered(entries):
            if entry.counted:
                pairs[entry.recognizer.id, entry.recognized.id].append(entry)
            timelines[entry.recognized.id].append(entry)
            known.setdefault(entry.recognizer.id, entry.recognizer)
            known.setdefault(entry.recognized.id, entry.recognized)
        self._changes = dict(pairs)
        # Each pair's standing as a step function, for standing() and its kin; the full
        # series (the changes behind each step) is built again when explain() and
        # to_intervals() ask for it.
        self._steps = {pair: step_function(changes) for pair, changes in pairs.items()}
        self._series: dict[tuple[str, str], Series] = {}
        by_recognized: dict[str, list[str]] = defaultdict(list)
        named = {(e.recognized.id, e.recognizer.id) for es in timelines.values() for e in es}
        for recognized, recognizer in sorted(named):
            by_recognized[recognized].append(recognizer)
        self._by_recognized = {key: tuple(ids) for key, ids in by_recognized.items()}
        by_recognizer: dict[str, list[str]] = defaultdict(list)
        for recognized, recognizer in sorted(named):
            by_recognizer[recognizer].append(recognized)
        self._by_recognizer = {key: tuple(ids) for key, ids in by_recognizer.items()}
        self._timelines = {key: tuple(changes) for key, changes in timelines.items()}
        for party in parties:
            known.setdefault(party.id, party)
        self._parties = known
        self._events: tuple[Event, ...] | None = None  # set by from_events
        self._pledges: tuple[RecognitionPledge, ...] = ()
        self._views: dict[int, RecognitionLedger] = {}
        self._views_lock = threading.Lock()

    def _as_known(self, known_on: DateLike | None) -> RecognitionLedger:
        """The ledger of what had been announced by ``known_on``; itself for None.

        An event counts once its ``announced`` date (else ``on``; for a period, its
        start) is surely past: its last possible day is on or before the last day of
        ``known_on``. Views are built once per day and kept (at most
        :data:`_MAX_VIEWS`, the oldest dropped first).
        """
        if known_on is None:
            return self
        last = as_when(known_on).latest.toordinal()
        with self._views_lock:
            view = self._views.get(last)
        if view is not None:
            return view
        if self._events is not None:
            events = [event for event in self._events if _known_by(event) <= last]
            view = RecognitionLedger.from_events(events)
            view._parties = {**view._parties, **self._parties}
        else:  # built from timeline entries: keep the entries of announced events
            entries = [e for timeline in self._timelines.values() for e in timeline]
            kept = [entry for entry in entries if _known_by(entry.event) <= last]
            view = RecognitionLedger(kept, parties=self._parties.values())
        with self._views_lock:
            if len(self._views) >= _MAX_VIEWS:
                self._views.pop(next(iter(self._views)))
            return self._views.setdefault(last, view)

    @classmethod
    def from_events(cls, events: Iterable[Event], *, pause_gc: bool = True) -> RecognitionLedger:
        """Build a ledger from events.

        Recognitions, withdrawals, stated policies and ties with formal recognition
        make its changes (the rules are in :mod:`diplorec._precedence`); every other
        event only tells it which parties exist, so that a question about a party that
        no event names raises :class:`UnknownPartyError` instead of a silently wrong
        answer. A no-declarations policy without a subject reaches every government
        the events name.

        The build makes several objects per event that live on, and Python's cyclic
        garbage collector would scan them again and again as they pile up, more so
        the larger the ledger. So ``pause_gc`` (the default) turns the collector off
        while ``events`` are read and the ledger is built, and back on (if it was on)
        however the build ends; ``pause_gc=False`` leaves it alone. The trade-off is
        that of :func:`~diplorec.jsonl.read_jsonl`'s ``pause_gc``: during the build,
        reference cycles made by any code in the process are not freed.

        >>> RecognitionLedger.from_events([]).recognizers("state:XKX", "2025")
        Traceback (most recent call last):
        ...
        diplorec.ledger.UnknownPartyError: 'state:XKX' is not in this ledger (no event ...)
        """
        with _gc.paused() if pause_gc else contextlib.nullcontext():
            return cls._build(tuple(events))

    @classmethod
    def _build(cls, events: tuple[Event, ...]) -> RecognitionLedger:
        """Build a ledger from events (:meth:`from_events`, the collector aside)."""
        entries: list[TimelineEntry] = []
        named: dict[str, Party] = {}
        general: list[RecognitionPolicy] = []
        pledges: list[RecognitionPledge] = []
        for event in events:
            if isinstance(event, RecognitionAct):
                entries.extend(_act_entries(event))
            elif isinstance(event, RecognitionWithdrawal):
                entries.extend(_withdrawal_entries(event))
            elif isinstance(event, RecognitionPolicy):
                if event.subject is None:
                    general.append(event)
                else:
                    entries.extend(filter(None, [_policy_entry(event, event.subject)]))
            elif isinstance(event, DiplomaticTies):
                entries.extend(_ties_entries(event))
            elif isinstance(event, RecognitionPledge):
                pledges.append(event)
            elif not isinstance(event, EventBase):
                message = f"a ledger is built from diplorec events, not {type(event).__name__}"
                raise TypeError(message)
            for party in event.actors():
                named.setdefault(party.id, party)
        for policy in general:
            for party in named.values():
                if _to_every_government(party) and _root(party) != _root(policy.holder):
                    entries.extend(filter(None, [_policy_entry(policy, party)]))
        by_target = _in_effect(event for event in events if isinstance(event, Annulment))
        entries = _retract(entries, by_target)
        entries.extend(_rival_entries(entries))
        entries.extend(_annulled(entries, by_target))
        ledger = cls(_supersede(_dedupe(entries)), parties=named.values())
        ledger._events = events
        ledger._pledges = tuple(sorted(pledges, key=lambda p: (p.on.sort_key, p.id)))
        return ledger

    def party(self, party_id: str) -> Party:
        """The party with this id, as the events name it.

        :class:`UnknownPartyError` (a :class:`KeyError`) if no event names it.
        """
        return self._parties[self._known(party_id, "party")]

    def __contains__(self, party: object) -> bool:
        """Whether some event given to the ledger names this party (or party id).

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS
        >>> from diplorec.reference import FRANCE, RUSSIA
        >>> ledger = RecognitionLedger.from_events(EVENTS)
        >>> RUSSIA in ledger, "state:RUS" in ledger, FRANCE in ledger
        (True, True, False)
        """
        if isinstance(party, PARTY_TYPES):
            return party.id in self._parties
        return isinstance(party, str) and party in self._parties

    def _known(self, party: PartyLike, role: str) -> str:
        """The id of a party the events name; :class:`UnknownPartyError` otherwise."""
        party_id = _party_id(party, role)
        if party_id not in self._parties:
            raise UnknownPartyError(party_id, suggest(party_id, self._parties.values()))
        return party_id

    def standing(
        self,
        recognizer: PartyLike,
        recognized: PartyLike,
        on: DateLike,
        *,
        known_on: DateLike | None = None,
    ) -> Standing:
        """Where ``recognizer``'s recognition of ``recognized`` stands ``on`` a date.

        A date with a range (a month, ``"2025"``) gets one answer only if it holds
        on every day of the range; otherwise :attr:`Standing.UNCERTAIN`. A party
        that no event names raises :class:`UnknownPartyError`, with suggestions.

        ``known_on`` gives the knowledge-time view: the standing as the events
        announced by that date (``announced``, else ``on``) show it. A switch
        announced on 14 January but declared effective on 27 December is in force
        on 1 January in hindsight, and not for an analyst asking on 1 January.
        The default (None) counts every event.

        >>> from diplorec.examples.russia_taliban_2025 import CHINA, EVENTS, ISLAMIC_EMIRATE
        >>> RecognitionLedger.from_events(EVENTS).standing(CHINA, ISLAMIC_EMIRATE, "2025-12-31")
        <Standing.NOT_RECOGNIZED: 'not-recognized'>
        """
        if known_on is not None:
            return self._as_known(known_on).standing(recognizer, recognized, on)
        # Parties given as objects and a date as a When are read inline: this is the
        # question asked most, and each call made here costs as much as the lookup.
        if isinstance(recognizer, PARTY_TYPES) and isinstance(recognized, PARTY_TYPES):
            steps = self._steps.get((recognizer.id, recognized.id))
            if steps is None:  # no change counts for the pair: are both parties known?
                self._known(recognizer, "recognizer")
                self._known(recognized, "recognized party")
                steps = _NO_STEPS
        else:
            source = self._known(recognizer, "recognizer")
            target = self._known(recognized, "recognized party")
            steps = self._steps.get((source, target), _NO_STEPS)
        when = on if type(on) is When else as_when(on)
        return standing_over(steps, when._lo, when._hi)

    def _series_of(self, pair: tuple[str, str]) -> Series:
        series = self._series.get(pair)
        if series is None:
            changes = self._changes.get(pair)
            if changes is None:
                return _NO_CHANGES
            series = self._series[pair] = Series(changes)
        return series

    def _by_id(self, recognized: PartyLike, on: DateLike) -> list[tuple[str, Standing]]:
        target = self._known(recognized, "recognized party")
        first, last = _window(on)
        steps = self._steps.get
        return [
            (recognizer, standing_over(steps((recognizer, target), _NO_STEPS), first, last))
            for recognizer in self._by_recognized.get(target, ())
        ]

    def standings(
        self, recognized: PartyLike, on: DateLike, *, known_on: DateLike | None = None
    ) -> dict[Party, Standing]:
        """The standing of every party the events show acting towards ``recognized``, by id.

        ``known_on`` answers as an analyst could have on that date: only events
        announced by then count (see :meth:`standing`).
        """
        if known_on is not None:
            return self._as_known(known_on).standings(recognized, on)
        return {self._parties[key]: standing for key, standing in self._by_id(recognized, on)}

    def recognizers(
        self, recognized: PartyLike, on: DateLike, *, known_on: DateLike | None = None
    ) -> tuple[Party, ...]:
        """The parties whose recognition of ``recognized`` is in force ``on`` a date, by id.

        Uncertain, conditional, suspended and withdrawn standings are left out; see
        :meth:`standings` for all of them.
        ``known_on`` answers as an analyst could have on that date: only events
        announced by then count (see :meth:`standing`).
        """
        if known_on is not None:
            return self._as_known(known_on).recognizers(recognized, on)
        return tuple(
            self._parties[key]
            for key, standing in self._by_id(recognized, on)
            if standing is Standing.RECOGNIZED
        )

    def recognized_by(
        self, recognizer: PartyLike, on: DateLike, *, known_on: DateLike | None = None
    ) -> tuple[Party, ...]:
        """Every party whose recognition by ``recognizer`` is in force ``on`` a date, by id.

        ``known_on`` answers as an analyst could have on that date: only events
        announced by then count (see :meth:`standing`).

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, RUSSIA
        >>> ledger = RecognitionLedger.from_events(EVENTS)
        >>> [party.name for party in ledger.recognized_by(RUSSIA, "2025-07-04")]
        ['Islamic Emirate of Afghanistan']
        """
        if known_on is not None:
            return self._as_known(known_on).recognized_by(recognizer, on)
        source = self._known(recognizer, "recognizer")
        first, last = _window(on)
        steps = self._steps.get
        return tuple(
            self._parties[target]
            for target in self._by_recognizer.get(source, ())
            if standing_over(steps((source, target), _NO_STEPS), first, last) is Standing.RECOGNIZED
        )

    def pledges(
        self, recognized: PartyLike, on: DateLike, *, known_on: DateLike | None = None
    ) -> tuple[RecognitionPledge, ...]:
        """The pledges to recognise ``recognized`` outstanding ``on`` a date, oldest first.

        A pledge counts from its date (surely made by the last day of ``on``) until
        the pledger recognises the party (its standing is ``recognized`` or
        ``conditional`` on ``on``) or retracts the pledge (an
        :class:`~diplorec.events.Annulment` of kind ``retracted`` by the pledger, dated
        by then; other annulments leave it listed). Pledges give no standing themselves.
        ``known_on`` answers as an analyst could have on that date: only events
        announced by then count (see :meth:`standing`).

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE
        >>> RecognitionLedger.from_events(EVENTS).pledges(ISLAMIC_EMIRATE, "2025-07-04")
        ()
        """
        if known_on is not None:
            return self._as_known(known_on).pledges(recognized, on)
        target = self._known(recognized, "recognized party")
        last = as_when(on).latest
        annulled = _in_effect(e for e in self._events or () if isinstance(e, Annulment))
        found = []
        for pledge in self._pledges:
            if pledge.recognized.id != target or pledge.on.latest > last:
                continue
            if any(
                _voids(annulment, pledge.pledger.id) and annulment.on.latest <= last
                for annulment in annulled.get(pledge.id, ())
            ):
                continue
            if self.standing(pledge.pledger, target, on) in _IN_FORCE:
                continue
            found.append(pledge)
        return tuple(found)

    def explain(
        self,
        recognizer: PartyLike,
        recognized: PartyLike,
        on: DateLike,
        *,
        known_on: DateLike | None = None,
    ) -> StandingReport:
        """The standing of a pair on a date, with the capacity and the acts it rests on.

        ``str()`` of the report is one plain sentence citing the acts and their dates.
        ``known_on`` answers as an analyst could have on that date: only events
        announced by then count (see :meth:`standing`).

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE, RUSSIA
        >>> report = RecognitionLedger.from_events(EVENTS).explain(
        ...     RUSSIA, ISLAMIC_EMIRATE, "2025-07-04")
        >>> report.standing, report.capacity
        (<Standing.RECOGNIZED: 'recognized'>, <RecognitionCapacity.GOVERNMENT: 'government'>)
        >>> print(report)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
        Russia recognizes the Islamic Emirate of Afghanistan as the government of
        Afghanistan on 2025-07-04: express recognition by acceptance of credentials,
        2025-07-03 [recognition-act:...]
        """
        if known_on is not None:
            return self._as_known(known_on).explain(recognizer, recognized, on)
        source = self._known(recognizer, "recognizer")
        target = self._known(recognized, "recognized party")
        when = as_when(on)
        first, last = _window(when)
        series = self._series_of((source, target))
        outcomes: set[Standing] = set()
        used: dict[str, TimelineEntry] = {}
        for day in series.turns(first, last):
            possible, resting = series.possible(day)
            outcomes.add(Standing.UNCERTAIN if len(possible) > 1 else next(iter(possible)))
            for entry in resting:
                used.setdefault(_entry_key(entry), entry)
        standing = outcomes.pop() if len(outcomes) == 1 else Standing.UNCERTAIN
        changes = tuple(sorted(used.values(), key=_order_key))
        giving = _in_force(changes) if standing in _IN_FORCE else None
        return StandingReport(
            recognizer=self._parties[source],
            recognized=self._parties[target],
            on=when,
            standing=standing,
            capacity=None if giving is None else giving.capacity,
            legal_status=None if giving is None else giving.legal_status,
            changes=changes,
        )

    def to_intervals(self, *, known_on: DateLike | None = None) -> tuple[StandingInterval, ...]:
        """One row per pair and period of unchanged standing, for tables and plots.

        Rows run from the first day a pair's standing may change; before it, the
        standing is ``not-recognized``. ``end`` is the last day of the period (None:
        open). Pairs come sorted by recognizer and recognized id, periods in order;
        :func:`interval_columns` turns the rows into columns for pandas or Arrow.
        ``known_on`` gives the rows as the events announced by that date show them.

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS
        >>> for row in RecognitionLedger.from_events(EVENTS).to_intervals():
        ...     print(row)  # doctest: +NORMALIZE_WHITESPACE
        government:USA:trump-administration:2025-01-20 ->
        government:AFG:islamic-emirate-of-afghanistan:2021-08: abstains from 2025-07-03
        state:RUS -> government:AFG:islamic-emirate-of-afghanistan:2021-08:
        recognized as government from 2025-07-03
        """
        if known_on is not None:
            return self._as_known(known_on).to_intervals()
        rows: list[StandingInterval] = []
        limit = datetime.date.max.toordinal()
        for pair in sorted(self._changes):
            series = self._series_of(pair)
            turns = [day for day in series.all_turns() if day <= limit]
            current: StandingInterval | None = None
            for index, day in enumerate(turns):
                possible, resting = series.possible(day)
                standing = next(iter(possible)) if len(possible) == 1 else Standing.UNCERTAIN
                giving = _in_force(resting) if standing in _IN_FORCE else None
                capacity = None if giving is None else giving.capacity
                end = turns[index + 1] - 1 if index + 1 < len(turns) else None
                if current is not None and (current.standing, current.capacity) == (
                    standing,
                    capacity,
                ):
                    current = attrs.evolve(current, end=_date(end))
                    rows[-1] = current
                    continue
                current = StandingInterval(
                    recognizer=pair[0],
                    recognized=pair[1],
                    capacity=capacity,
                    start=datetime.date.fromordinal(day),
                    end=_date(end),
                    standing=standing,
                )
                rows.append(current)
        return tuple(rows)

    def _standings_within(self, recognizer: str, recognized: str, on: When) -> set[Standing]:
        """Every standing a pair surely has on some day of the days surely inside ``on``.

        For a period (``DiplomaticTies.on``) the days surely inside run from the last
        possible start to the first possible end; for a single date, all its days.
        """
        if recognizer not in self._parties or recognized not in self._parties:
            return set()
        start, end = on.start, on.end
        first = on.earliest if not on.is_interval or start is None else start.latest
        last = on.latest if not on.is_interval or end is None else end.earliest
        if first > last:
            return set()
        series = self._series_of((recognizer, recognized))
        return {series.at(day) for day in series.turns(first.toordinal(), last.toordinal())}

    def timeline(
        self, recognized: PartyLike, *, known_on: DateLike | None = None
    ) -> tuple[TimelineEntry, ...]:
        """Every change in anyone's recognition of ``recognized``, oldest first.

        Changes that do not count (denied, retracted, or confirmed by another act) are
        included, with their ``reason``, so nothing the sources say is hidden.
        ``known_on`` answers as an analyst could have on that date: only events
        announced by then count (see :meth:`standing`).
        """
        if known_on is not None:
            return self._as_known(known_on).timeline(recognized)
        return self._timelines.get(self._known(recognized, "recognized party"), ())

    def first_recognizers(
        self,
        recognized: PartyLike,
        among: Iterable[PartyLike] | Membership | None = None,
        *,
        since: DateLike | None = None,
    ) -> tuple[RecognitionAct, ...]:
        """Every recognition act that may have been the first, given imprecise dates.

        Only acts that put recognition in force count (not conditional, claimed,
        disputed or denied ones); ``among`` limits the recognizers (None: anyone). A
        :class:`~diplorec.reference.Membership` such as :data:`~diplorec.reference.P5`
        counts an act when its recognizer was a member on some day the act may have
        taken effect. ``since`` leaves out acts surely in force before that date.
        Several acts are returned when their dates leave the order open, the act
        surely in force soonest first.
        """
        if isinstance(among, Membership):
            members = among

            def wanted(entry: TimelineEntry) -> bool:
                return entry.recognizer.id in {party.id for party in members.on(entry.when)}

        elif among is not None:
            ids = {_party_id(p, "party in among") for p in among}

            def wanted(entry: TimelineEntry) -> bool:
                return entry.recognizer.id in ids

        else:

            def wanted(entry: TimelineEntry) -> bool:
                return True

        start = None if since is None else as_when(since).earliest
        candidates = [
            entry
            for entry in self.timeline(recognized)
            if entry.kind in _FIRST_KINDS
            and entry.effect is Standing.RECOGNIZED
            and (start is None or entry.when.latest >= start)
            and wanted(entry)
        ]
        if not candidates:
            return ()
        surely_by = min(entry.when.latest for entry in candidates)
        acts: dict[str, RecognitionAct] = {}
        for entry in sorted(candidates, key=_surely_first):
            if entry.when.earliest <= surely_by:
                assert isinstance(entry.event, RecognitionAct)
                acts.setdefault(entry.event.id, entry.event)
        return tuple(acts.values())

    def first_recognizer(
        self,
        recognized: PartyLike,
        among: Iterable[PartyLike] | Membership | None = None,
        *,
        since: DateLike | None = None,
    ) -> RecognitionAct | None:
        """The recognition act that came first, among some recognizers; None if none did.

        With imprecise dates, the act surely in force soonest (the earliest last
        possible day, then the earliest first possible day) is returned;
        :meth:`first_recognizers` lists every act that may have been first. A
        collective act counts for each of its partners. ``among`` may be a
        :class:`~diplorec.reference.Membership`: :data:`~diplorec.reference.P5` counts
        the Republic of China and the USSR for acts of 1960, the People's Republic and
        Russia for acts of 2025. ``since`` counts only acts that may have taken effect
        on or after that date (the first recognizer of a government *this* time).

        >>> from diplorec import P5
        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE, RECOGNITION
        >>> ledger = RecognitionLedger.from_events(EVENTS)
        >>> ledger.first_recognizer(ISLAMIC_EMIRATE, among=P5) is RECOGNITION
        True
        >>> ledger.first_recognizer(ISLAMIC_EMIRATE, among=P5, since="2025-07-04") is None
        True
        """
        acts = self.first_recognizers(recognized, among, since=since)
        return acts[0] if acts else None


def _surely_first(entry: TimelineEntry) -> tuple[object, ...]:
    """Order by the last possible day, then the first: who surely recognised soonest."""
    when = entry.when
    return (when.latest, when.earliest, when.sort_key, entry.recognizer.id, entry.event.id)


def _dedupe(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Drop exact repeats (the same event given twice), whatever the input order."""
    buckets: dict[tuple[object, ...], list[TimelineEntry]] = {}
    for entry in entries:
        key = (entry.event.id, entry.recognizer.id, entry.recognized.id, entry.kind, entry.when)
        bucket = buckets.setdefault(key, [])
        if not any(other == entry for other in bucket):
            bucket.append(entry)
    return [entry for bucket in buckets.values() for entry in bucket]


def _ordered(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Sort entries totally: by :attr:`TimelineEntry.sort_key`, then by content.

    Two entries tie on the key only when different events share an id (which
    :meth:`diplorec.dossier.Dossier.check` reports); their full text breaks the tie.
    """
    keyed = sorted(((_order_key(entry), entry) for entry in entries), key=itemgetter(0))
    ordered = [entry for _, entry in keyed]
    start = 0
    for index in range(1, len(keyed) + 1):
        if index == len(keyed) or keyed[index][0] != keyed[start][0]:
            if index - start > 1:
                ordered[start:index] = sorted(ordered[start:index], key=repr)
            start = index
    return ordered

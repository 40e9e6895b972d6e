"""A checked collection of events: :class:`Dossier`, its :class:`Finding` values and JSON form.

A dossier keeps events in the order given, answers lookups (by id, type, actor and
date) and :meth:`~Dossier.check` reports what is inconsistent across events: ids
used twice, links that lead nowhere, one actor id carrying two different values,
a withdrawal with no recognition before it, and more (the list is in the Analysis
documentation). On the wire it is one JSON document::

    {"type": "dossier", "spec_version": "1.2", "events": [...]}

>>> from diplorec.examples.russia_taliban_2025 import EVENTS
>>> dossier = Dossier.from_events(EVENTS)
>>> len(dossier), [finding.code for finding in dossier.check()]
(19, ['citation-contradicts-event'])
>>> Dossier.from_document(dossier.to_document()) == dossier
True
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar, overload

import attrs

from diplorec._ids import slug
from diplorec._registry import TAGS
from diplorec._similar import may_be_same, names_of
from diplorec._wire import child, json_type, show
from diplorec.actors import PARTY_TYPES, Government, Organization, Party, Person, Place, State
from diplorec.converters import from_dict, register_document, to_dict
from diplorec.dates import When
from diplorec.errors import MAX_PROBLEMS, Problem, ValidationError
from diplorec.events import (
    Annulment,
    CredentialPresentation,
    DiplomaticTies,
    Event,
    EventBase,
    RecognitionAct,
    RecognitionPolicy,
    RecognitionWithdrawal,
    _annulment_mismatch,
    event_types,
)
from diplorec.ledger import DateLike, RecognitionLedger, Standing, as_when
from diplorec.migrations import SPEC_VERSION, upgrade
from diplorec.provenance import Citation, Source
from diplorec.schema import describe, register_document_schema
from diplorec.vocab import PolicyStance

__all__ = ["Dossier", "Finding", "Severity"]

E = TypeVar("E", bound=Event)

#: The ``"type"`` of a dossier document.
DOCUMENT_TYPE = "dossier"
_DOCUMENT_KEYS = frozenset({"type", "spec_version", "events"})


class Severity(enum.StrEnum):
    """How serious a :class:`Finding` is."""

    #: The events contradict each other or point at nothing; answers may be wrong.
    ERROR = "error"
    #: Worth a look; the events may still be right (sources missing, a gap in the record).
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Finding:
    """Something :meth:`Dossier.check` found: a severity, a code, a sentence, the events.

    >>> print(Finding(severity=Severity.WARNING, code="no-sources",
    ...               message="the event cites no source", event_ids=("meeting:1",)))
    warning no-sources: the event cites no source [meeting:1]
    """

    severity: Severity
    code: str
    message: str
    event_ids: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code}: {self.message} [{', '.join(self.event_ids)}]"


def _error(code: str, message: str, *event_ids: str) -> Finding:
    """A finding of severity error about the events with these ids."""
    return Finding(severity=Severity.ERROR, code=code, message=message, event_ids=event_ids)


def _warning(code: str, message: str, *event_ids: str) -> Finding:
    """A finding of severity warning about the events with these ids."""
    return Finding(severity=Severity.WARNING, code=code, message=message, event_ids=event_ids)


def _check_events(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        message = f"events must be a tuple of events, not {type(value).__name__}"
        raise TypeError(message)
    for index, event in enumerate(value):
        if not isinstance(event, EventBase):
            message = f"events[{index}] is a {type(event).__name__}, not a diplorec event"
            raise TypeError(message)


# -- walking the values an event names -----------------------------------------------------

_Named = Party | Person | Source


def _named_values(value: Any, actors_only: bool) -> Iterator[_Named]:
    """Every party, person (and, unless ``actors_only``, source and place country) inside."""
    if isinstance(value, PARTY_TYPES):
        yield value
        state = value.state if isinstance(value, (Government, Organization)) else None
        if state is not None:
            yield from _named_values(state, actors_only)
    elif isinstance(value, Person):
        yield value
    elif isinstance(value, Source):
        if not actors_only:
            yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _named_values(item, actors_only)
    elif attrs.has(type(value)) and not isinstance(value, When):
        if actors_only and isinstance(value, (Place, Citation)):
            return
        for field in attrs.fields(type(value)):
            yield from _named_values(getattr(value, field.name), actors_only)


def _contradictions(citation: Citation, event: Event) -> list[str]:
    """How what a citation's source says differs from the event: phrases for a message."""
    differences: list[str] = []
    if citation.on is not None and not citation.on.overlaps(event.on):
        differences.append(f"the date {citation.on}, not {event.on}")
    where, there = citation.place, event.place
    if where is not None and there is not None and not _same_place(where, there):
        differences.append(f"the place {show(where.name)}, not {show(there.name)}")
    return differences


def _same_place(first: Place, second: Place) -> bool:
    """Whether two places may be the same: same country when both give one, else same name."""
    if first.country is not None and second.country is not None:
        return first.country.id == second.country.id
    return slug(first.name) == slug(second.name)


def _root(party: Party) -> str:
    """The id of the state behind a party (an organization without a state is its own root)."""
    if isinstance(party, Government):
        return party.state.id
    if isinstance(party, Organization) and party.state is not None:
        return party.state.id
    return party.id


def _differences(first: _Named, second: _Named) -> str:
    if type(first) is not type(second):
        return f"a {type(first).__name__} and a {type(second).__name__}"
    fields = [
        field.name
        for field in attrs.fields(type(first))
        if getattr(first, field.name) != getattr(second, field.name)
    ]
    return "they differ in " + ", ".join(fields)


# -- the dossier -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Dossier:
    """An ordered, immutable collection of events, with checks, lookups and a JSON form.

    Build one with ``Dossier(events=(...))`` or :meth:`from_events`; it iterates
    over its events in order. Lookups are indexed on first use.
    """

    events: tuple[Event, ...] = attrs.field(default=(), validator=_check_events)

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> Dossier:
        """A dossier of the events, in the order given."""
        return cls(events=tuple(events))

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    # -- lookups --------------------------------------------------------------------------

    @functools.cached_property
    def _by_id(self) -> dict[str, Event]:
        index: dict[str, Event] = {}
        for event in self.events:
            index.setdefault(event.id, event)
        return index

    @functools.cached_property
    def _by_actor(self) -> dict[str, tuple[Event, ...]]:
        index: dict[str, dict[int, Event]] = defaultdict(dict)
        for position, event in enumerate(self.events):
            for named in _named_values(event, actors_only=True):
                index[named.id][position] = event
        return {key: tuple(found.values()) for key, found in index.items()}

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self.events

    def get(self, event_id: str) -> Event | None:
        """The event with this id (the first, if several share it), or None.

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, RECOGNITION
        >>> Dossier.from_events(EVENTS).get(RECOGNITION.id) is RECOGNITION
        True
        """
        return self._by_id.get(event_id)

    def __getitem__(self, event_id: str) -> Event:
        """The event with this id; KeyError if there is none."""
        try:
            return self._by_id[event_id]
        except KeyError:
            raise KeyError(f"no event with id {event_id!r} in the dossier") from None

    @overload
    def of_type(self, event_type: type[E]) -> tuple[E, ...]: ...
    @overload
    def of_type(self, event_type: str) -> tuple[Event, ...]: ...
    def of_type(self, event_type: type[Any] | str) -> tuple[Event, ...]:
        """The events of one class, or of one wire tag such as ``"recognition-act"``.

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS
        >>> len(Dossier.from_events(EVENTS).of_type("meeting"))
        2
        """
        if isinstance(event_type, str):
            by_tag = {TAGS[cls]: cls for cls in event_types()}
            if event_type not in by_tag:
                known = ", ".join(sorted(by_tag))
                raise ValueError(f"{event_type!r} is not an event type; expected one of {known}")
            event_class = by_tag[event_type]
        elif event_type in event_types():
            event_class = event_type
        else:
            raise TypeError(f"{event_type!r} is not a diplorec event class")
        return tuple(event for event in self.events if type(event) is event_class)

    def involving(self, actor: Party | Person | str) -> tuple[Event, ...]:
        """The events that name an actor anywhere, in dossier order.

        ``actor`` is a party, a person or an id. A state also matches events that name
        one of its governments or state bodies, or an official acting for them; the
        country of a place does not count.

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS, GUL_HASSAN
        >>> [event.TAG for event in Dossier.from_events(EVENTS).involving(GUL_HASSAN)]
        ['envoy-appointment', 'credential-presentation']
        """
        if isinstance(actor, str):
            key = actor
        elif isinstance(actor, (*PARTY_TYPES, Person)):
            key = actor.id
        else:
            raise TypeError(f"an actor is a party, a person or an id, not {type(actor).__name__}")
        return self._by_actor.get(key, ())

    def during(self, window: DateLike, *, strictly: bool = False) -> tuple[Event, ...]:
        """The events whose date ``on`` may fall within a window (``strictly``: surely does).

        The default uses :meth:`When.overlaps <diplorec.dates.When.overlaps>`: an
        event dated "2025" is in the window "2025-07". With ``strictly=True`` it uses
        :meth:`When.contains <diplorec.dates.When.contains>`: only events whose every
        possible day lies in the window.

        >>> from diplorec.examples.russia_taliban_2025 import EVENTS
        >>> dossier = Dossier.from_events(EVENTS)
        >>> len(dossier.during("2025-07-03")), len(dossier.during("2025-07-03", strictly=True))
        (13, 6)
        """
        span = as_when(window)
        test = span.contains if strictly else span.overlaps
        return tuple(event for event in self.events if test(event.on))

    def sorted_by_date(self) -> Dossier:
        """A dossier of the same events, ordered by date (then id), as ``When`` sorts."""
        return Dossier(events=tuple(sorted(self.events, key=lambda e: (e.on.sort_key, e.id))))

    def ledger(self) -> RecognitionLedger:
        """The :class:`~diplorec.ledger.RecognitionLedger` of the dossier's events."""
        return RecognitionLedger.from_events(self.events)

    # -- checks -----------------------------------------------------------------------------

    def check(self) -> tuple[Finding, ...]:
        """Every inconsistency found across the events, errors first.

        An empty tuple means nothing was found.
        """
        findings = [
            *self._duplicates(),
            *self._links(),
            *self._conflicting_values(),
            *self._same_actor_two_ids(),
            *self._withdrawals_without_recognition(),
            *self._credential_receivers(),
            *self._sourceless(),
            *self._ties_against_the_ledger(),
            *self._contrary_to_calls(),
            *self._state_recognition_withdrawn(),
            *self._citations_against_events(),
            *self._annulments(),
        ]
        rank = {Severity.ERROR: 0, Severity.WARNING: 1}
        return tuple(
            sorted(findings, key=lambda f: (rank[f.severity], f.code, f.event_ids, f.message))
        )

    def _duplicates(self) -> Iterator[Finding]:
        groups: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            groups[event.id].append(event)
        for event_id, group in groups.items():
            if len(group) < 2:
                continue
            distinct = len(set(group))
            if distinct > 1:
                message = f"{distinct} different events share the id {event_id!r}"
                yield _error("duplicate-id", message, event_id)
            else:
                message = f"the same event is recorded {len(group)} times"
                yield _warning("duplicate-event", message, event_id)

    def _links(self) -> Iterator[Finding]:
        for event in self.events:
            for link in event.links():
                if link == event.id:
                    message = "the event links to itself"
                    yield _error("self-link", message, event.id)
                elif link not in self._by_id:
                    message = f"links to {link!r}, which is not in the dossier"
                    yield _error("unresolved-link", message, event.id)

    def _conflicting_values(self) -> Iterator[Finding]:
        first: dict[str, _Named] = {}
        variants: dict[str, dict[_Named, list[str]]] = defaultdict(lambda: defaultdict(list))
        for event in self.events:
            for named in _named_values(event, actors_only=False):
                first.setdefault(named.id, named)
                where = variants[named.id][named]
                if not where or where[-1] != event.id:
                    where.append(event.id)
        for key, values in variants.items():
            if len(values) < 2:
                continue
            reference = first[key]
            others = [value for value in values if value != reference]
            what = "source" if isinstance(reference, Source) else "actor"
            message = (
                f"the id {key!r} names {len(values)} different values "
                f"({_differences(reference, others[0])})"
            )
            event_ids = sorted({event_id for where in values.values() for event_id in where})
            yield _error(f"conflicting-{what}", message, *event_ids)

    def _same_actor_two_ids(self) -> Iterator[Finding]:
        """Parties that look like one actor under two ids (a name, acronym or alias shared).

        A withdrawal coded against the other id would silently miss the recognition
        it ends, so each such pair is worth a look.
        """
        parties: dict[str, Party] = {}
        for event in self.events:
            for named in _named_values(event, actors_only=True):
                if isinstance(named, PARTY_TYPES):
                    parties.setdefault(named.id, named)
        by_name: dict[str, list[str]] = defaultdict(list)
        for party_id, party in parties.items():
            for name in set(names_of(party)):
                by_name[name].append(party_id)
        pairs = {
            (first, second)
            for ids in by_name.values()
            for index, first in enumerate(sorted(ids))
            for second in sorted(ids)[index + 1 :]
            if may_be_same(parties[first], parties[second])
        }
        for first, second in sorted(pairs):
            shared = sorted(set(names_of(parties[first])) & set(names_of(parties[second])))
            message = (
                f"{first!r} and {second!r} may be one actor under two ids (both are called "
                f"{shared[0]!r}); give both the same identifying codes or the same id"
            )
            event_ids = sorted({e.id for key in (first, second) for e in self._by_actor[key]})
            yield _warning("same-actor-two-ids", message, *event_ids)

    def _withdrawals_without_recognition(self) -> Iterator[Finding]:
        earliest: dict[tuple[str, str], datetime.date] = {}

        def note(recognizer: Party, recognized: Party, when: When) -> None:
            key = (recognizer.id, recognized.id)
            if key not in earliest or when.earliest < earliest[key]:
                earliest[key] = when.earliest

        for event in self.events:
            if isinstance(event, RecognitionAct):
                for recognizer in (event.recognizer, *event.collective_with):
                    note(recognizer, event.recognized, event.effective or event.on)
            elif isinstance(event, RecognitionWithdrawal) and event.in_favour_of is not None:
                note(event.withdrawer, event.in_favour_of, event.effective or event.on)
        for event in self.of_type(RecognitionWithdrawal):
            when = event.effective or event.on
            since = earliest.get((event.withdrawer.id, event.recognized.id))
            if since is None or since > when.latest:
                message = (
                    f"{event.withdrawer.id} withdraws recognition of {event.recognized.id}, "
                    "but no earlier recognition between them is in the dossier"
                )
                yield _warning("withdrawal-without-recognition", message, event.id)

    def _credential_receivers(self) -> Iterator[Finding]:
        for event in self.of_type(CredentialPresentation):
            official = event.received_by
            if official is None or _root(official.on_behalf_of) == _root(event.envoy.receiving):
                continue
            message = (
                f"the envoy is accredited to {event.envoy.receiving.id}, but the official "
                f"who received the credentials acts for {official.on_behalf_of.id}"
            )
            yield _error("credential-receiver-mismatch", message, event.id)

    def _ties_against_the_ledger(self) -> Iterator[Finding]:
        """Ties that say "no recognition" while one is in force, and the reverse."""
        ties = [
            event for event in self.of_type(DiplomaticTies) if event.formal_recognition is not None
        ]
        if not ties:
            return
        ledger = self.ledger()
        for event in ties:
            first, second = event.parties
            for by, of in ((first, second), (second, first)):
                found = ledger._standings_within(by.id, of.id, event.on)
                if event.formal_recognition is False and Standing.RECOGNIZED in found:
                    message = (
                        f"ties between {by.id} and {of.id} are recorded without formal "
                        f"recognition, but {by.id}'s recognition of {of.id} is in force "
                        "within their period"
                    )
                    yield _warning("ties-without-recognition-overlap", message, event.id)
                contrary = sorted(found & {Standing.WITHDRAWN, Standing.REFUSED})
                if event.formal_recognition is True and contrary:
                    message = (
                        f"ties between {by.id} and {of.id} are recorded with formal "
                        f"recognition, but {by.id}'s standing towards {of.id} is "
                        f"{contrary[0].value} within their period"
                    )
                    yield _warning("ties-against-explicit-act", message, event.id)

    def _contrary_to_calls(self) -> Iterator[Finding]:
        """Recognitions that may come after a call not to recognise the same entity."""
        calls = [
            event
            for event in self.of_type(RecognitionPolicy)
            if event.stance is PolicyStance.CALL_FOR_NON_RECOGNITION and event.subject is not None
        ]
        for call in calls:
            assert call.subject is not None
            since = (call.effective or call.on).earliest
            for act in self.of_type(RecognitionAct):
                if act.recognized.id != call.subject.id or act.recognizer.id == call.holder.id:
                    continue
                if (act.effective or act.on).latest < since:
                    continue
                message = (
                    f"{act.recognizer.id} recognises {act.recognized.id} although "
                    f"{call.holder.id} calls for its non-recognition ({call.on})"
                )
                yield _warning("recognition-contrary-to-call", message, act.id, call.id)

    def _state_recognition_withdrawn(self) -> Iterator[Finding]:
        """Withdrawals of recognition of a state, which most writers hold irrevocable."""
        for event in self.of_type(RecognitionWithdrawal):
            if isinstance(event.recognized, State):
                message = (
                    f"{event.withdrawer.id} withdraws recognition of the state "
                    f"{event.recognized.id}: recognition of a state is generally held to be "
                    "irrevocable, so whether it can be withdrawn is legally contested"
                )
                yield _warning("state-recognition-withdrawn", message, event.id)

    def _citations_against_events(self) -> Iterator[Finding]:
        """Citations whose source gives a date or place that contradicts the event's.

        A date contradicts when the two cannot overlap (``"2025-03"`` does not
        contradict ``"2025-03-20"``); a place when both name a country and the
        countries differ, or else when their names differ.
        """
        for event in self.events:
            for index, citation in enumerate(event.sources):
                differences = _contradictions(citation, event)
                if not differences:
                    continue
                source = citation.source
                named = show(source.publisher or source.title, limit=60)
                message = f"sources[{index}] ({named}) gives " + " and ".join(differences)
                yield _warning("citation-contradicts-event", message, event.id)

    def _annulments(self) -> Iterator[Finding]:
        """Annulments that do not fit the event they annul (an unknown id is an unresolved link)."""
        for annulment in self.of_type(Annulment):
            target = self._by_id.get(annulment.annuls)
            if target is None:
                continue
            problem = _annulment_mismatch(annulment, target)
            if problem is not None:
                yield _warning("annulment-mismatch", problem, annulment.id, target.id)

    def _sourceless(self) -> Iterator[Finding]:
        for event in self.events:
            if not event.sources:
                yield _warning("no-sources", "the event cites no source", event.id)

    # -- the JSON document ------------------------------------------------------------------

    def to_document(self) -> dict[str, Any]:
        """The JSON-ready document ``{"type": "dossier", "spec_version": ..., "events": [...]}``."""
        return {
            "type": DOCUMENT_TYPE,
            "spec_version": SPEC_VERSION,
            "events": [to_dict(event) for event in self.events],
        }

    @classmethod
    def from_document(cls, data: Any) -> Dossier:
        """Read a dossier document (of any spec version this release reads).

        The document is first brought up to date (:func:`~diplorec.migrations.upgrade`);
        then every problem in it is reported in one
        :class:`~diplorec.errors.ValidationError`, with JSON paths such as
        ``$.events[3].on``.

        >>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
        >>> document = Dossier(events=(RECOGNITION,)).to_document()
        >>> document["events"][0]["on"] = "2025-07-32"
        >>> Dossier.from_document(document)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        diplorec.errors.ValidationError: 1 problem found:
          $.events[0].on: '2025-07-32' is not a calendar date: July 2025 has 31 days, ...
        """
        document = upgrade(data)
        problems: list[Problem] = []  # the first MAX_PROBLEMS found; the rest only counted
        omitted = 0

        def found(problem: Problem) -> None:
            nonlocal omitted
            if len(problems) < MAX_PROBLEMS:
                problems.append(problem)
            else:
                omitted += 1

        if document.get("type") != DOCUMENT_TYPE:
            given = document.get("type")
            shown = show(given) if isinstance(given, str) else json_type(given)
            message = f"is {shown}; a dossier document has the type {DOCUMENT_TYPE!r}"
            found(Problem(path="$.type", message=message))
        for key in sorted(set(document) - _DOCUMENT_KEYS, key=str):
            message = "is not a key of a dossier document (type, spec_version, events)"
            found(Problem(path=child("$", key), message=message))
        raw = document.get("events")
        events: list[Event] = []
        if type(raw) is not list:
            message = f"must be an array of events, not {json_type(raw)}"
            if "events" not in document:
                message = "is missing; a dossier document lists its events"
            found(Problem(path="$.events", message=message))
        else:
            for index, item in enumerate(raw):
                try:
                    event = from_dict(item, Event)
                except ValidationError as error:
                    omitted += error.omitted
                    prefix = child("$.events", index)
                    for problem in error.problems:
                        found(Problem(path=prefix + problem.path[1:], message=problem.message))
                    events.clear()  # a document with a bad event is not built: keep no events
                else:
                    if not problems:
                        events.append(event)
        if problems:
            raise ValidationError(problems, omitted=omitted)
        return cls(events=tuple(events))


def _document_schema(of_type: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """The JSON Schema of a dossier document (for :func:`diplorec.json_schema`)."""
    return {
        "type": "object",
        "title": "Dossier",
        "description": describe(Dossier),
        "properties": {
            "type": {"const": DOCUMENT_TYPE},
            "spec_version": {
                "const": SPEC_VERSION,
                "description": "The version of the wire format the document is written in.",
            },
            "events": {"type": "array", "items": of_type(Event)},
        },
        "required": ["type", "spec_version", "events"],
        "additionalProperties": False,
    }


register_document(Dossier, Dossier.to_document, Dossier.from_document)
register_document_schema(Dossier, _document_schema)

"""Spec versions of the wire format, and migrations of older data to the current one.

A Dossier document names its ``spec_version``; :func:`upgrade` runs the registered
migrations in order until the document is current. A JSON Lines file carries no
version of its own, so its reader is told the version (``read_jsonl(...,
spec_version="1.0")``) and each record goes through :func:`upgrade_event`.

A migration is a plain function registered here, from one version to the next: on
whole documents (:func:`register_migration`) or on single event records
(:func:`register_event_migration`). Each serves for both kinds of data: an event
migration is applied to every event of a document, and a document migration to a
one-event document around a record. Migrations never run code from the data.

>>> upgrade({"type": "dossier", "spec_version": "1.0", "events": []})["spec_version"]
'1.2'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from diplorec._wire import show
from diplorec.actors import government_id, state_key
from diplorec.dates import When
from diplorec.errors import Problem, ValidationError

__all__ = [
    "SPEC_VERSION",
    "SPEC_VERSIONS",
    "MigrationRegistry",
    "register_event_migration",
    "register_migration",
    "upgrade",
    "upgrade_event",
]

#: The version of the wire format this release writes.
SPEC_VERSION = "1.2"

#: Every spec version this release can read, oldest first.
SPEC_VERSIONS: tuple[str, ...] = ("1.0", "1.1", "1.2")

Migration = Callable[[dict[str, Any]], dict[str, Any]]


@attrs.define
class _Step:
    target: str
    document: Migration | None = None
    event: Migration | None = None


def _problem(message: str, path: str = "$.spec_version") -> ValidationError:
    return ValidationError([Problem(path=path, message=message)])


class MigrationRegistry:
    """Migrations from each older spec version to the next, up to ``current``.

    The module functions use the registry of this release; tests and tools can build
    their own.

    >>> registry = MigrationRegistry(current="2.0")
    >>> @registry.register_event("1.0", "2.0")
    ... def rename_on(record):
    ...     return {("on" if key == "date" else key): value for key, value in record.items()}
    >>> registry.upgrade_event({"type": "meeting", "date": "2025"}, "1.0")
    {'type': 'meeting', 'on': '2025'}
    >>> registry.versions
    ('1.0', '2.0')
    """

    def __init__(self, current: str = SPEC_VERSION) -> None:
        self.current = current
        self._steps: dict[str, _Step] = {}

    @property
    def versions(self) -> tuple[str, ...]:
        """Every version the registry can bring up to date, oldest first."""
        chain = [self.current]
        targets = {step.target: source for source, step in self._steps.items()}
        while chain[0] in targets and targets[chain[0]] not in chain:
            chain.insert(0, targets[chain[0]])
        return tuple(chain)

    def _step(self, source: str, target: str) -> _Step:
        if source == self.current:
            raise ValueError(f"spec version {source} is current; nothing migrates from it")
        step = self._steps.setdefault(source, _Step(target=target))
        if step.target != target:
            raise ValueError(f"spec version {source} already migrates to {step.target}")
        return step

    def register(self, source: str, target: str) -> Callable[[Migration], Migration]:
        """Register a function that turns a ``source``-version document into ``target``."""

        def register(function: Migration) -> Migration:
            step = self._step(source, target)
            if step.document is not None:
                raise ValueError(f"a migration from spec version {source} is already registered")
            step.document = function
            return function

        return register

    def register_event(self, source: str, target: str) -> Callable[[Migration], Migration]:
        """Register a function that turns one ``source``-version event record into ``target``."""

        def register(function: Migration) -> Migration:
            step = self._step(source, target)
            if step.event is not None:
                message = f"an event migration from spec version {source} is already registered"
                raise ValueError(message)
            step.event = function
            return function

        return register

    def _steps_from(self, version: Any) -> list[tuple[str, _Step]]:
        if not isinstance(version, str):
            message = f"is missing; expected a spec version such as {self.current!r}"
            raise _problem(message)
        steps: list[tuple[str, _Step]] = []
        while version != self.current:
            step = self._steps.get(version)
            if step is None or any(source == version for source, _ in steps):
                readable = ", ".join(self.versions)
                message = (
                    f"{show(version)} is not a spec version this release of diplorec can read "
                    f"(it reads {readable}); a newer release may be needed"
                )
                raise _problem(message)
            steps.append((version, step))
            version = step.target
        return steps

    def upgrade(self, document: Any) -> dict[str, Any]:
        """Bring a document (a dict with ``spec_version``) up to the current version.

        Raises :class:`~diplorec.errors.ValidationError` for a missing, unknown or
        newer version.
        """
        if not isinstance(document, dict):
            raise _problem("expected a document object", path="$")
        for _source, step in self._steps_from(document.get("spec_version")):
            if step.document is not None:
                document = step.document(dict(document))
            else:
                assert step.event is not None
                migrate = step.event
                events = document.get("events")
                if isinstance(events, list):
                    events = [migrate(e) if isinstance(e, dict) else e for e in events]
                    document = dict(document, events=events)
            document = dict(document, spec_version=step.target)
        return dict(document)

    def upgrade_event(self, record: Any, version: str) -> Any:
        """Bring one event record written in spec ``version`` up to the current version.

        Anything but an object is returned unchanged, for the reader to reject.
        """
        for source, step in self._steps_from(version):
            if not isinstance(record, dict):
                return record
            if step.event is not None:
                record = step.event(dict(record))
            else:
                assert step.document is not None
                wrapper = {"type": "dossier", "spec_version": source, "events": [record]}
                record = step.document(wrapper)["events"][0]
        return record


_REGISTRY = MigrationRegistry()


def register_migration(source: str, target: str) -> Callable[[Migration], Migration]:
    """Register a function that turns a ``source``-version document into ``target``."""
    return _REGISTRY.register(source, target)


def register_event_migration(source: str, target: str) -> Callable[[Migration], Migration]:
    """Register a function that turns a ``source``-version event record into ``target``."""
    return _REGISTRY.register_event(source, target)


def upgrade(document: Any) -> dict[str, Any]:
    """Bring a document (a dict with ``spec_version``) up to :data:`SPEC_VERSION`.

    Raises :class:`~diplorec.errors.ValidationError` for a missing, unknown or newer
    version.
    """
    return _REGISTRY.upgrade(document)


def upgrade_event(record: Any, version: str) -> Any:
    """Bring one event record written in spec ``version`` up to :data:`SPEC_VERSION`."""
    return _REGISTRY.upgrade_event(record, version)


# -- the migrations of this release ----------------------------------------------------------


@register_event_migration("1.0", "1.1")
def _capacity_of_organizations(record: dict[str, Any]) -> dict[str, Any]:
    """1.0 → 1.1: a recognition of an organization gets the capacity 1.0 treated it in.

    Spec 1.1 asks *as what* a party is recognised and needs it for an organization.
    A 1.0 ledger treated a council with a state as a rival government of that state
    and any other organization as no government: ``"government"`` and
    ``"representative"`` keep those answers. Every other 1.0 record is already 1.1:
    the new fields have defaults.
    """
    recognized = record.get("recognized")
    if (
        record.get("type") == "recognition-act"
        and "capacity" not in record
        and isinstance(recognized, dict)
        and recognized.get("type") == "organization"
    ):
        governs = recognized.get("kind") == "council" and recognized.get("state") is not None
        record["capacity"] = "government" if governs else "representative"
    return record


@register_event_migration("1.1", "1.2")
def _governments_bound_to_tenure(record: dict[str, Any]) -> dict[str, Any]:
    """1.1 → 1.2: a government's derived id includes the start of its time in power.

    Every government inside the record (the recognised party, an envoy's sender, an
    official's principal, a participant ...) whose ``id`` is the one spec 1.1
    derived from its state and name, and whose ``in_power`` has a known start, gets
    the id spec 1.2 derives (:func:`diplorec.actors.government_id`). Ids given
    explicitly, and governments without a known start, keep their ids. Event ids do
    not change: they name a government by its id without tenure, so the links
    between events (``basis``, ``concerning``) stay as they are.

    The other additions of 1.2 (annulments, pledges, claims about recognition acts,
    reservations, the time of day ``at``) are new types and fields with defaults.
    """
    upgraded: dict[str, Any] = _retenure(record)
    return upgraded


def _retenure(value: Any) -> Any:
    """``value`` with every government object in it given its 1.2 id; see above."""
    if isinstance(value, list):
        return [_retenure(item) for item in value]
    if not isinstance(value, dict):
        return value
    value = {key: _retenure(item) for key, item in value.items()}
    if value.get("type") == "government":
        renamed = _tenure_id(value)
        if renamed is not None:
            value["id"] = renamed
    return value


def _tenure_id(government: dict[str, Any]) -> str | None:
    """The 1.2 id of a government object whose id 1.1 derived; None to keep its id.

    Malformed parts are left alone for the reader to report.
    """
    given, name, state, in_power = (
        government.get(key) for key in ("id", "name", "state", "in_power")
    )
    if not (isinstance(given, str) and isinstance(name, str) and isinstance(in_power, str)):
        return None
    if not isinstance(state, dict):
        return None
    state_id = state.get("id")
    if not isinstance(state_id, str) or not state_id:
        codes = (state.get("iso3"), state.get("wikidata"), state.get("name"))
        if not all(code is None or isinstance(code, str) for code in codes) or not codes[2]:
            return None
        state_id = f"state:{state_key(codes[0], codes[1], codes[2])}"
    if ":" not in state_id or given != government_id(state_id, name, None):
        return None
    try:
        tenure = When.parse(in_power)
    except ValueError:
        return None
    return government_id(state_id, name, tenure)

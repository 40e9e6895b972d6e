"""PLOVER / POLECAT event records: write diplorec events as PLOVER JSON, read them back.

A PLOVER record (the "Data Fields" chapter of the PLOVER 0.8 manual) has an ``id``, a
``date`` (YYYY-MM-DD), ``actor`` and ``recipient`` lists of entity objects, and lists of
``event`` categories, ``mode`` and ``context``, with optional ``enddate``,
``event_loc``, ``event_text``, ``quad_code``, ``cite_info``, ``coder`` and ``comment``.
The manual lets providers add named fields; diplorec adds two:

- ``cameo``: the CAMEO event code the PLOVER values were derived from;
- ``diplorec``: the full diplorec record (``{"spec_version": ..., "event": {...}}``), so
  that nothing diplorec holds is lost: :func:`from_plover` reads it back exactly.

Records written by other coders (POLECAT, for one) have no ``diplorec`` field. They are
read from the standard fields as a :class:`~diplorec.events.CodedEvent`, or as a typed
event where the CAMEO code leaves no doubt: ``054`` (grant diplomatic recognition) is a
:class:`~diplorec.events.RecognitionAct`, reported, of the recipient by the actor.

>>> from diplorec.examples.russia_taliban_2025 import RECOGNITION
>>> record = to_plover(RECOGNITION)
>>> record["date"], record["event"], record["context"], record["actor"][0]["code"]
('2025-07-03', ['SUPPORT'], ['diplomatic'], 'RUS')
>>> from_plover(record) == RECOGNITION
True
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

import attrs

from diplorec._cameo import PloverCode, cameo_table, plover_vocabulary
from diplorec._validators import ID_PATTERN
from diplorec.actors import Government, Organization, Party, Place, State
from diplorec.codes import cameo, dyad, plover
from diplorec.converters import from_dict, parse_json, to_dict
from diplorec.dates import When
from diplorec.errors import Problem, ValidationError
from diplorec.events import CodedEvent, Event, RecognitionAct
from diplorec.interchange._common import (
    ISO3,
    QID,
    Errors,
    PathOrFile,
    RecordReader,
    country,
    excerpt,
    lines,
    open_binary,
    problem,
)
from diplorec.migrations import SPEC_VERSION, upgrade_event
from diplorec.provenance import Citation, Source
from diplorec.vocab import OrganizationKind, RecognitionForm

__all__ = ["EXTENSION", "PloverReader", "from_plover", "read_plover", "to_plover", "write_plover"]

#: The record field that carries diplorec's own full record.
EXTENSION = "diplorec"

#: The CAMEO sector codes PLOVER's entity objects use, for diplorec's organization kinds.
_SECTORS = {
    OrganizationKind.MINISTRY: "GOV",
    OrganizationKind.EXECUTIVE: "GOV",
    OrganizationKind.COURT: "JUD",
    OrganizationKind.LEGISLATURE: "LEG",
}
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ID = re.compile(ID_PATTERN)


# -- writing ------------------------------------------------------------------------------


def _entity(party: Party) -> dict[str, Any]:
    state = party if isinstance(party, State) else party.state
    entity: dict[str, Any] = {}
    if state is not None and state.iso3 is not None:
        entity["code"] = state.iso3
    elif isinstance(party, Organization) and party.kind is OrganizationKind.INTERGOVERNMENTAL:
        entity["code"] = "IGO"
    if isinstance(party, Government):
        entity["sector"] = "GOV"
    elif isinstance(party, Organization) and party.kind in _SECTORS:
        entity["sector"] = _SECTORS[party.kind]
    entity["entity_text"] = party.name
    if party.wikidata is not None:
        entity["identifier_id"] = party.wikidata
        entity["identifier_text"] = party.name
    return entity


def _location(place: Place) -> dict[str, Any]:
    location: dict[str, Any] = {"resolved_place": place.name}
    if place.latitude is not None:
        location["lat"] = place.latitude
        location["lon"] = place.longitude
    if place.country is not None:
        location["country"] = place.country.name
        if place.country.iso3 is not None:
            location["country_code"] = place.country.iso3
    return location


def _cite_info(source: Source) -> dict[str, Any]:
    info: dict[str, Any] = {"title": source.title}
    if source.url is not None:
        info["url"] = source.url
    if source.publisher is not None:
        info["publication"] = source.publisher
    if source.language is not None:
        info["language"] = source.language
    return info


def to_plover(event: Event) -> dict[str, Any]:
    """A PLOVER JSON record of an event, with diplorec's full record in ``"diplorec"``.

    ``date`` is the first day ``event.on`` may fall on and ``enddate`` the last when they
    differ. An event that PLOVER does not code (a plain statement or appeal, CAMEO 01x
    and 02x, or :class:`~diplorec.events.DiplomaticTies`) gets ``"has_event": false``
    and an empty ``event`` list. ``quad_code`` is the PLOVER category's quad class.

    >>> from diplorec.examples.russia_taliban_2025 import CHINA_TIES
    >>> record = to_plover(CHINA_TIES)
    >>> record["has_event"], record["event"], record["cameo"]
    (False, [], '050')
    """
    code = plover(event)
    source, target = dyad(event)
    earliest, latest = event.on.earliest, event.on.latest
    record: dict[str, Any] = {"id": event.id, "date": earliest.isoformat()}
    if latest != earliest:
        record["enddate"] = latest.isoformat()
    record["actor"] = [_entity(source)] if source is not None else []
    if target is not None:
        record["recipient"] = [_entity(target)]
    record["has_event"] = code is not None
    record["event"] = [code.event] if code is not None else []
    if code is not None:
        if code.mode is not None:
            record["mode"] = [code.mode]
        if code.contexts:
            record["context"] = list(code.contexts)
        record["quad_code"] = plover_vocabulary().quad_classes[code.event]
    if event.place is not None:
        record["event_loc"] = _location(event.place)
    text = getattr(event, "description", None) or getattr(event, "quote", None)
    if text:
        record["event_text"] = [text]
    if event.sources:
        record["cite_info"] = _cite_info(event.sources[0].source)
    record["coder"] = "diplorec"
    if event.notes is not None:
        record["comment"] = event.notes
    record["cameo"] = cameo(event).code
    record[EXTENSION] = {"spec_version": SPEC_VERSION, "event": to_dict(event)}
    return record


class _Writable(Protocol):
    def write(self, data: Any, /) -> Any: ...


def write_plover(events: Iterable[Event], target: _Writable) -> int:
    """Write events as PLOVER JSON Lines (one record per line) to an open file; return how many.

    A text file gets text; any other file (binary, or a ``gzip.GzipFile``) UTF-8 bytes.
    """
    text = isinstance(target, io.TextIOBase)
    count = 0
    for event in events:
        line = json.dumps(to_plover(event), ensure_ascii=False) + "\n"
        target.write(line if text else line.encode("utf-8"))
        count += 1
    return count


# -- reading ------------------------------------------------------------------------------


def from_plover(record: Any) -> Event:
    """Read one PLOVER record (a dict) as a diplorec event.

    A record written by :func:`to_plover` comes back exactly (from its ``"diplorec"``
    field). Any other record is read from its standard fields; see the module's text.
    Bad input raises :class:`~diplorec.errors.ValidationError` naming the JSON path.

    >>> event = from_plover({
    ...     "id": "20250703-RUS-AFG", "date": "2025-07-03",
    ...     "actor": [{"code": "RUS", "sector": "GOV"}],
    ...     "recipient": [{"code": "AFG", "sector": "GOV", "entity_text": "Taliban"}],
    ...     "event": ["SUPPORT"], "context": ["diplomatic"], "cameo": "054",
    ...     "cite_info": {"url": "https://example.org/report", "title": "Russia recognises"},
    ... })
    >>> type(event).__name__, event.recognized.id, event.certainty.value, event.form.value
    ('RecognitionAct', 'government:AFG:taliban', 'reported', 'unspecified')
    """
    if not isinstance(record, Mapping):
        raise problem("$", f"a PLOVER record is a JSON object, not {_kind(record)}")
    own = record.get(EXTENSION)
    if own is not None:
        return _from_extension(own)
    return _from_standard_fields(record)


def _kind(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number" if isinstance(value, (int, float)) else type(value).__name__


def _from_extension(own: Any) -> Event:
    path = f"$.{EXTENSION}"
    if not isinstance(own, Mapping) or "event" not in own:
        raise problem(path, 'must be an object with "spec_version" and "event"')
    version = own.get("spec_version", SPEC_VERSION)
    if not isinstance(version, str):
        raise problem(f"{path}.spec_version", f"must be a string, not {_kind(version)}")
    data = own["event"]
    try:
        if version != SPEC_VERSION:
            data = upgrade_event(data, version)
        event: Event = from_dict(data, Event)
    except ValidationError as error:
        problems = _under(error.problems, f"{path}.event")
        raise ValidationError(problems, omitted=error.omitted) from None
    return event


def _under(problems: Iterable[Problem], prefix: str) -> list[Problem]:
    return [attrs.evolve(p, path=prefix + p.path[1:]) for p in problems]


def _text(record: Mapping[str, Any], key: str, path: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise problem(f"{path}.{key}", f"must be a string, not {_kind(value)}")
    return value


def _strings(record: Mapping[str, Any], key: str) -> list[str]:
    """A field that PLOVER allows as one string or a list of strings."""
    value = record.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise problem(f"$.{key}", f"must be a string or a list of strings, not {excerpt(value)}")
    return [item.strip() for item in items if item.strip()]


def _day(record: Mapping[str, Any], key: str) -> When | None:
    value = _text(record, key, "$")
    if value is None:
        return None
    if _DAY.fullmatch(value) is None:
        raise problem(f"$.{key}", f"{excerpt(value)} is not a date in YYYY-MM-DD form")
    try:
        return When.parse(value)
    except ValueError as error:
        raise problem(f"$.{key}", str(error)) from None


def _party(entities: Any, path: str) -> Party | None:
    if entities is None or entities == []:
        return None
    if isinstance(entities, Mapping):
        entities = [entities]
    if not isinstance(entities, list) or not isinstance(entities[0], Mapping):
        raise problem(path, f"must be a list of entity objects, not {excerpt(entities)}")
    entity = entities[0]
    where = f"{path}[0]"
    code = _text(entity, "code", where)
    name = _text(entity, "entity_text", where) or _text(entity, "identifier_text", where)
    qid = _text(entity, "identifier_id", where)
    if qid is not None and QID.fullmatch(qid) is None:
        qid = None  # not a Wikidata id: PLOVER leaves the identifier scheme open
    state = country(code) if code is not None and ISO3.fullmatch(code) else None
    try:
        if state is not None and _text(entity, "sector", where) == "GOV" and name:
            return Government(name=name, state=state, wikidata=qid)
        if state is not None:
            return attrs.evolve(state, wikidata=qid) if qid else state
        if name is None:
            return None
        kind = OrganizationKind.INTERGOVERNMENTAL if code == "IGO" else OrganizationKind.OTHER
        return Organization(name=name, kind=kind, wikidata=qid)
    except ValueError as error:
        raise problem(where, str(error)) from None


def _place(location: Any) -> Place | None:
    if location is None:
        return None
    if not isinstance(location, Mapping):
        raise problem("$.event_loc", f"must be a location object, not {_kind(location)}")
    name = _text(location, "resolved_place", "$.event_loc") or _text(
        location, "extracted_place", "$.event_loc"
    )
    if name is None:
        return None
    code = _text(location, "country_code", "$.event_loc")
    try:
        return Place(
            name=name,
            country=country(code) if code else None,
            latitude=location.get("lat"),
            longitude=location.get("lon"),
        )
    except (TypeError, ValueError) as error:
        raise problem("$.event_loc", str(error)) from None


def _citations(info: Any) -> tuple[Citation, ...]:
    if info is None:
        return ()
    if not isinstance(info, Mapping):
        raise problem("$.cite_info", f"must be a citeInfo object, not {_kind(info)}")
    where = "$.cite_info"
    url = _text(info, "url", where)
    title = (
        _text(info, "title", where)
        or _text(info, "citation", where)
        or _text(info, "publication", where)
        or url
        or _text(info, "corpus", where)
    )
    if title is None:
        return ()
    try:
        source = Source(
            title=title,
            publisher=_text(info, "publication", where),
            url=url,
            language=_text(info, "language", where),
        )
    except ValueError as error:
        raise problem(where, str(error)) from None
    return (Citation(source=source),)


@functools.cache
def _crosswalk_index() -> dict[str, list[tuple[str, PloverCode]]]:
    """CAMEO codes by PLOVER event, in code order."""
    index: dict[str, list[tuple[str, PloverCode]]] = {}
    for code, row in cameo_table().items():
        coded = row.plover
        if coded is not None:
            index.setdefault(coded.event, []).append((code, coded))
    return index


def _cameo_for(event: str, modes: list[str], contexts: list[str]) -> tuple[str, bool]:
    """The CAMEO code for a PLOVER coding, and whether it is the only one that fits.

    The crosswalk runs from CAMEO to PLOVER; back again, several codes often share one
    PLOVER coding. Then the most general of them is taken: an exact match first, then
    one with the same mode, then any of the event; among those, a "not specified"
    code (three digits ending in 0), else the lowest.
    """
    candidates = _crosswalk_index()[event]
    mode = modes[0] if modes else None
    exact = [c for c, p in candidates if p.mode == mode and set(p.contexts) == set(contexts)]
    if len(exact) == 1:
        return exact[0], True
    pool = exact or [c for c, p in candidates if p.mode == mode] or [c for c, _ in candidates]
    general = [c for c in pool if len(c) == 3 and c.endswith("0")]
    return (general or pool)[0], False


def _from_standard_fields(record: Mapping[str, Any]) -> Event:
    raw_id = _text(record, "id", "$")
    if raw_id is None:
        raise problem("$.id", "is required but missing")
    event_id = raw_id if _ID.fullmatch(raw_id) else f"plover:{raw_id}"
    if _ID.fullmatch(event_id) is None:
        raise problem(
            "$.id", f"{excerpt(raw_id)} cannot be an event id: it has spaces or is too long"
        )
    start = _day(record, "date")
    if start is None:
        raise problem("$.date", "is required but missing")
    end = _day(record, "enddate")
    try:
        on = start if end is None or end == start else When.interval(start, end)
    except ValueError as error:
        raise problem("$.enddate", str(error)) from None
    categories = _strings(record, "event")
    if not categories or record.get("has_event") is False:
        raise problem("$.event", "the record codes no PLOVER event, so there is nothing to read")
    category = categories[0].upper()
    vocabulary = plover_vocabulary()
    if category == "DEMAND":  # the name before PLOVER 0.8
        category = "REQUEST"
    if category not in vocabulary.modes:
        known = ", ".join(vocabulary.events)
        raise problem("$.event[0]", f"{excerpt(categories[0])} is not a PLOVER event ({known})")
    modes, contexts = _strings(record, "mode"), _strings(record, "context")
    given = _text(record, "cameo", "$")
    if given is not None and given not in cameo_table():
        raise problem("$.cameo", f"{excerpt(given)} is not a CAMEO event code")
    code, unique = (given, True) if given is not None else _cameo_for(category, modes, contexts)
    actor = _party(record.get("actor"), "$.actor")
    target = _party(record.get("recipient"), "$.recipient")
    texts = _strings(record, "event_text")
    notes = [n for n in (_text(record, "comment", "$"),) if n]
    coding = "/".join([category, *modes[:1]]) + (f" ({'; '.join(contexts)})" if contexts else "")
    if not unique:
        notes.append(f"CAMEO {code} chosen for PLOVER {coding}: the record gives no CAMEO code.")
    if len(categories) > 1:
        notes.append(f"The record also codes {', '.join(categories[1:])}.")
    unknown = [m for m in modes if m not in vocabulary.modes[category]]
    unknown += [c for c in contexts if c not in vocabulary.contexts]
    if unknown:
        quoted = ", ".join(repr(value) for value in unknown)
        notes.append(f"Not PLOVER {vocabulary.version} values for {category}: {quoted}.")
    common: dict[str, Any] = {
        "id": event_id,
        "on": on,
        "place": _place(record.get("event_loc")),
        "sources": _citations(record.get("cite_info")),
    }
    try:
        if code == "054" and actor is not None and target is not None:
            return RecognitionAct(
                recognizer=actor,
                recognized=target,
                form=RecognitionForm.UNSPECIFIED,
                described_as=texts[0] if texts else None,
                notes=" ".join(notes) or None,
                **common,
            )
        return CodedEvent(
            cameo=code,
            description=" ".join(texts) or f"PLOVER {coding}",
            actor=actor,
            target=target,
            notes=" ".join(notes) or None,
            **common,
        )
    except ValueError as error:
        raise problem("$", str(error)) from None


class PloverReader(RecordReader[Event]):
    """The events of a PLOVER JSON Lines file, one at a time; made by :func:`read_plover`.

    ``skipped`` counts records that code no event (``"has_event": false`` without a
    diplorec record): they are read, counted and not returned.
    """

    def __init__(self, source: PathOrFile, errors: Errors) -> None:
        stream, opened = open_binary(source)
        super().__init__(lines(stream), errors)
        if opened:
            self._closers.append(stream.close)

    def _read(self, line: bytes) -> Iterator[Event]:
        record = parse_json(line)
        if (
            isinstance(record, Mapping)
            and record.get("has_event") is False
            and EXTENSION not in record
        ):
            self.skipped += 1
            return
        yield from_plover(record)


def read_plover(source: PathOrFile, *, errors: Errors = "raise") -> PloverReader:
    """Stream the events of a PLOVER JSON Lines file (a path or a binary file; gzip too).

    Each line is read with :func:`from_plover`. With ``errors="raise"`` the first bad
    line raises :class:`~diplorec.errors.ValidationError` (its problems carry the line
    number); with ``errors="collect"`` bad lines are kept in ``reader.bad_lines``.

    >>> import io
    >>> from diplorec.examples.russia_taliban_2025 import EVENTS
    >>> buffer = io.BytesIO()
    >>> write_plover(EVENTS, buffer) == len(EVENTS)
    True
    >>> list(read_plover(io.BytesIO(buffer.getvalue()))) == list(EVENTS)
    True
    """
    return PloverReader(source, errors)

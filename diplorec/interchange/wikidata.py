"""Wikidata: diplomatic relations (P530) out as QuickStatements, in from entity JSON.

Wikidata records the *state* of relations between two items with P530 "diplomatic
relation", qualified by P580 "start time" and P582 "end time", with references such as
P854 "reference URL". It records no acts of recognition.

- :func:`to_quickstatements` turns recognitions of states, diplomatic ties and withdrawals
  of recognition into QuickStatements (version 1) commands: a P530 statement each way
  between the two parties' items, with the start (recognition, or the start of the ties)
  or end (a withdrawal, or the end of the ties) as qualifier and each source URL (other
  than Wikidata's own pages) as an S854 reference.
- :func:`read_wikidata` reads entity JSON in the form the ``wbgetentities`` API (and
  ``Special:EntityData``) returns, and gives each P530 statement as a
  :class:`~diplorec.events.DiplomaticTies` over the period its qualifiers state, citing
  the statement and its reference URLs.

>>> from diplorec import RecognitionAct, RecognitionForm, State, When
>>> usa = State(name="United States", iso3="USA", wikidata="Q30")
>>> kosovo = State(name="Kosovo", iso3="XKX", wikidata="Q1246")
>>> act = RecognitionAct(on=When.parse("2008-02-18"), recognizer=usa, recognized=kosovo,
...                      form=RecognitionForm.EXPRESS)
>>> for command in to_quickstatements([act]).commands:
...     print(command.split("\\t"))
['Q30', 'P530', 'Q1246', 'P580', '+2008-02-18T00:00:00Z/11']
['Q1246', 'P530', 'Q30', 'P580', '+2008-02-18T00:00:00Z/11']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs

from diplorec.actors import Government, Party, State
from diplorec.converters import parse_json
from diplorec.dates import Precision, When
from diplorec.errors import FieldError, Problem, ValidationError
from diplorec.events import DiplomaticTies, Event, RecognitionAct, RecognitionWithdrawal
from diplorec.interchange._common import QID, Errors, excerpt, problem
from diplorec.provenance import Citation, Source
from diplorec.vocab import SourceKind

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "QuickStatements",
    "WikidataImport",
    "read_wikidata",
    "to_quickstatements",
]

#: The largest entity document :func:`read_wikidata` reads (64 MiB).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

_GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
_CIRCA = "Q5727902"  # "circa", the value of P1480 "sourcing circumstances"
_TIME = re.compile(r"\+([0-9]{4,})-([0-9]{2})-([0-9]{2})T00:00:00Z")
_WIKIDATA = "https://www.wikidata.org/"  # Wikidata does not cite itself


# -- QuickStatements out ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class QuickStatements:
    """QuickStatements commands, and the events that could not be written, with why.

    ``commands`` are tab-separated QuickStatements version 1 lines; ``text`` joins
    them. ``skipped`` pairs an event id with the reason it was left out.
    """

    commands: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        """The commands, one per line."""
        return "\n".join(self.commands)


def _time(when: When) -> str | None:
    """A QuickStatements time for a single date; None for an interval."""
    precision = when.precision
    if precision is Precision.INTERVAL:
        return None
    earliest = when.earliest
    month = earliest.month if precision in (Precision.DAY, Precision.MONTH) else 0
    day = earliest.day if precision is Precision.DAY else 0
    return f"+{earliest.year:04d}-{month:02d}-{day:02d}T00:00:00Z/{precision.wikidata}"


def _qualifiers(prop: str, when: When | None) -> list[str]:
    if when is None:
        return []
    time = _time(when)
    if time is None:
        return []
    pairs = [prop, time]
    if when.approximate:
        pairs += ["P1480", _CIRCA]
    return pairs


def _item(party: Party) -> str | None:
    return party.wikidata


def _lines(left: Party, right: Party, qualifiers: list[str], event: Event) -> Iterator[str]:
    urls = [
        c.source.url
        for c in event.sources
        if c.source.url is not None and not c.source.url.startswith(_WIKIDATA)
    ]
    references = [["S854", f'"{url}"'] for url in dict.fromkeys(urls)] or [[]]
    for a, b in ((left, right), (right, left)):
        for reference in references:
            yield "\t".join([str(_item(a)), "P530", str(_item(b)), *qualifiers, *reference])


def _pair(event: Event) -> tuple[Party, Party, list[str]] | str:
    """The two parties and qualifiers of an event's P530 statement, or why there is none."""
    if isinstance(event, RecognitionAct):
        if isinstance(event.recognized, Government) and event.recognized.wikidata is None:
            return (
                "recognises a government without a Wikidata item of its own; P530 links "
                "items, and relations with its state are not what was recognised"
            )
        start = event.effective or event.on
        return event.recognizer, event.recognized, _qualifiers("P580", start)
    if isinstance(event, RecognitionWithdrawal):
        end = event.effective or event.on
        return event.withdrawer, event.recognized, _qualifiers("P582", end)
    if isinstance(event, DiplomaticTies):
        left, right = event.parties
        qualifiers: list[str] = []
        if event.on.is_interval:
            qualifiers += _qualifiers("P580", event.on.start)
            qualifiers += _qualifiers("P582", event.on.end)
        return left, right, qualifiers
    return "is not a recognition, a withdrawal of recognition or diplomatic ties"


def to_quickstatements(events: Iterable[Event]) -> QuickStatements:
    """QuickStatements commands for the recognitions, withdrawals and ties among ``events``.

    Pass a :class:`~diplorec.dossier.Dossier` or any iterable of events. Both parties need
    a ``wikidata`` id; a recognised government needs its own item (recognising a
    government is not a relation with its state). A recognition's ``effective`` date (else
    ``on``) is the start time (P580), a withdrawal's the end time (P582); ties over an
    interval give both. An approximate date (``~``) adds P1480 "circa"; an interval date
    of a recognition gives no time. Each source URL is an S854 reference, one command per
    reference, and every statement is written both ways, as Wikidata keeps P530.
    """
    commands: list[str] = []
    skipped: list[tuple[str, str]] = []
    for event in events:
        found = _pair(event)
        if isinstance(found, str):
            skipped.append((event.id, found))
            continue
        left, right, qualifiers = found
        missing = [p.name for p in (left, right) if _item(p) is None]
        if missing:
            skipped.append((event.id, f"{' and '.join(missing)}: no Wikidata id"))
            continue
        commands.extend(_lines(left, right, qualifiers, event))
    return QuickStatements(commands=tuple(commands), skipped=tuple(skipped))


# -- entity JSON in -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class WikidataImport:
    """What :func:`read_wikidata` found: the ties, and the statements it could not read.

    ``ties`` holds one :class:`~diplorec.events.DiplomaticTies` per pair of items and
    period (a relation stated on both items is one event citing both statements);
    ``problems`` (with ``errors="collect"``) each name the JSON path of a statement that
    was not read and why; ``omitted`` counts further problems of those statements past
    the :data:`~diplorec.errors.MAX_PROBLEMS` each error keeps; ``deprecated`` counts
    statements of deprecated rank, which Wikidata keeps as known to be wrong and which
    are not read.
    """

    ties: tuple[DiplomaticTies, ...]
    problems: tuple[Problem, ...]
    deprecated: int
    omitted: int = 0


def _load(source: Any) -> Any:
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as stream:
            return _load_stream(stream)
    if callable(getattr(source, "read", None)):
        return _load_stream(source)
    return source  # an already parsed document


def _load_stream(stream: IO[bytes]) -> Any:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise problem("$", f"the document is larger than {MAX_DOCUMENT_BYTES} bytes, the most read")
    return parse_json(data)


def _label(entity: Mapping[str, Any], qid: str) -> str:
    labels = entity.get("labels")
    if isinstance(labels, Mapping):
        preferred = labels.get("en") or next(iter(labels.values()), None)
        if isinstance(preferred, Mapping) and isinstance(preferred.get("value"), str):
            value: str = preferred["value"]
            if value.strip():
                return value
    return qid


def _string_claim(entity: Mapping[str, Any], prop: str, pattern: str) -> str | None:
    claims = entity.get("claims")
    if not isinstance(claims, Mapping):
        return None
    found = claims.get(prop)
    for claim in found if isinstance(found, list) else ():
        try:
            value = claim["mainsnak"]["datavalue"]["value"]
        except (KeyError, TypeError):
            continue
        if isinstance(value, str) and re.fullmatch(pattern, value):
            return value
    return None


def _state(qid: str, entities: Mapping[str, Any]) -> State:
    entity = entities.get(qid)
    if not isinstance(entity, Mapping):
        return State(name=qid, wikidata=qid)
    return State(
        name=_label(entity, qid),
        iso3=_string_claim(entity, "P298", "[A-Z]{3}"),
        iso2=_string_claim(entity, "P297", "[A-Z]{2}"),
        wikidata=qid,
    )


def _when(snak: Any, path: str) -> When:
    """The date of a time snak (a value snak of type time, Gregorian, year to day)."""
    try:
        value = snak["datavalue"]["value"]
        text, precision = value["time"], value["precision"]
    except (KeyError, TypeError):
        raise problem(path, "is not a time value (datavalue.value.time and precision)") from None
    match = _TIME.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise problem(
            f"{path}.datavalue.value.time", f"{excerpt(text)} is not a time diplorec reads"
        )
    if value.get("calendarmodel", _GREGORIAN) != _GREGORIAN:
        raise problem(
            f"{path}.datavalue.value.calendarmodel",
            "is not the Gregorian calendar; dates in other calendars are not converted",
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        if precision == 11:
            return When.day(year, month, day)
        if precision == 10:
            return When.month(year, month)
        if precision == 9:
            return When.parse(f"{year:04d}")
    except ValueError as error:
        raise problem(f"{path}.datavalue.value.time", str(error)) from None
    raise problem(
        f"{path}.datavalue.value.precision",
        f"{excerpt(precision)} is not a precision diplorec reads (9 year, 10 month, 11 day)",
    )


def _qualifier(claim: Mapping[str, Any], prop: str, path: str) -> When | None:
    qualifiers = claim.get("qualifiers")
    if not isinstance(qualifiers, Mapping) or not qualifiers.get(prop):
        return None
    snaks = qualifiers[prop]
    where = f"{path}.qualifiers.{prop}"
    if not isinstance(snaks, list) or len(snaks) != 1:
        raise problem(where, "must hold exactly one value")
    if not isinstance(snaks[0], Mapping) or snaks[0].get("snaktype") != "value":
        raise problem(f"{where}[0]", "is not a known value (unknown or no value)")
    return _when(snaks[0], f"{where}[0]")


def _items(value: Any, path: str) -> list[Any]:
    """A JSON array (absent is empty), or a problem at ``path``."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise problem(path, f"must be an array, not {excerpt(value)}")
    return value


def _reference_sources(claim: Mapping[str, Any], path: str) -> list[Citation]:
    citations: list[Citation] = []
    references = _items(claim.get("references"), f"{path}.references")
    for number, reference in enumerate(references):
        snaks = reference.get("snaks") if isinstance(reference, Mapping) else None
        if not isinstance(snaks, Mapping):
            continue
        urls = _items(snaks.get("P854"), f"{path}.references[{number}].snaks.P854")
        for index, snak in enumerate(urls):
            where = f"{path}.references[{number}].snaks.P854[{index}]"
            try:
                url = snak["datavalue"]["value"]
                host = url.split("/", 3)[2]
                source = Source(title=f"Reference at {host}", url=url)
            except (KeyError, TypeError, AttributeError, IndexError, ValueError):
                raise problem(where, "is not a reference URL (an http(s) string)") from None
            citations.append(Citation(source=source))
    return citations


def _tie(
    subject: str,
    claim: Any,
    path: str,
    entities: Mapping[str, Any],
    as_of: When | None,
) -> DiplomaticTies:
    if not isinstance(claim, Mapping):
        raise problem(path, "is not a statement object")
    snak = claim.get("mainsnak")
    if not isinstance(snak, Mapping) or snak.get("snaktype") != "value":
        raise problem(f"{path}.mainsnak", "is not a known value (unknown or no value)")
    try:
        value = snak["datavalue"]["value"]
        partner = value.get("id") or f"Q{value['numeric-id']}"
    except (KeyError, TypeError, AttributeError):
        raise problem(f"{path}.mainsnak.datavalue", "is not an item value") from None
    if not isinstance(partner, str) or QID.fullmatch(partner) is None:
        raise problem(f"{path}.mainsnak.datavalue.value", f"{excerpt(partner)} is not an item id")
    start = _qualifier(claim, "P580", path)
    end = _qualifier(claim, "P582", path)
    if start is None and end is None:
        if as_of is None:
            raise problem(
                path,
                "states neither a start time (P580) nor an end time (P582); give the date "
                "the data was retrieved (as_of) to read it as ties observed on that date",
            )
        on = as_of
    else:
        on = When.interval(start, end)
    statement = claim.get("id")
    if statement is not None and not isinstance(statement, str):
        raise problem(f"{path}.id", f"{excerpt(statement)} is not a statement id (a string)")
    wikidata = Source(
        title=f"Wikidata: {subject} diplomatic relation (P530) {partner}",
        publisher="Wikidata",
        url=f"https://www.wikidata.org/wiki/{subject}",
        kind=SourceKind.DATASET,
    )
    try:  # the statement id becomes the citation's locator, and must be one
        citation = Citation(source=wikidata, locator=statement)
    except FieldError as error:
        raise problem(f"{path}.id", error.reason) from None
    sources = (citation, *_reference_sources(claim, path))
    try:
        return DiplomaticTies(
            on=on,
            parties=(_state(subject, entities), _state(partner, entities)),
            sources=sources,
        )
    except ValueError as error:
        raise problem(path, str(error)) from None


def _statements(entities: Mapping[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(subject item, JSON path, statement) of every P530 statement; a bad shape raises."""
    for key, entity in entities.items():
        if not isinstance(entity, Mapping):
            continue
        claims = entity.get("claims")
        if not isinstance(claims, Mapping) or claims.get("P530") is None:
            continue
        subject = entity.get("id", key)
        if not isinstance(subject, str) or QID.fullmatch(subject) is None:
            raise problem(f"$.entities.{key}.id", f"{excerpt(subject)} is not an item id")
        statements = _items(claims["P530"], f"$.entities.{key}.claims.P530")
        for number, claim in enumerate(statements):
            yield subject, f"$.entities.{key}.claims.P530[{number}]", claim


def read_wikidata(
    source: Any,
    *,
    as_of: When | None = None,
    errors: Errors = "raise",
) -> WikidataImport:
    """Read the P530 statements of Wikidata entity JSON as diplomatic ties.

    ``source`` is the parsed document (a dict), a path, or a binary file holding the JSON
    that ``wbgetentities`` returns: ``{"entities": {"Q159": {...}, ...}}``. Each statement's
    P580 and P582 qualifiers give the period (an open end where one is missing); a
    statement with neither is read as ties observed on ``as_of``, or is a problem when
    ``as_of`` is not given. Items in the document lend their label and ISO 3166-1 codes
    (P298, P297) to the states; an item outside it is named by its id.

    With ``errors="raise"`` the first statement that cannot be read raises
    :class:`~diplorec.errors.ValidationError` naming its JSON path; with
    ``errors="collect"`` it is listed in the ``problems`` of the :class:`WikidataImport`.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    document = _load(source)
    entities = document.get("entities") if isinstance(document, Mapping) else None
    if not isinstance(entities, Mapping):
        raise problem("$.entities", "is required: an object of entities keyed by their ids")
    ties: dict[str, DiplomaticTies] = {}
    problems: list[Problem] = []
    deprecated = omitted = 0
    for key in list(entities):
        try:
            statements = list(_statements({key: entities[key]}))
        except ValidationError as error:
            omitted += _collected(error, errors, problems)
            continue
        for subject, path, claim in statements:
            if isinstance(claim, Mapping) and claim.get("rank") == "deprecated":
                deprecated += 1
                continue
            try:
                tie = _tie(subject, claim, path, entities, as_of)
            except ValidationError as error:
                omitted += _collected(error, errors, problems)
                continue
            _keep(ties, tie)
    return WikidataImport(
        ties=tuple(ties.values()), problems=tuple(problems), deprecated=deprecated, omitted=omitted
    )


def _collected(error: ValidationError, errors: str, problems: list[Problem]) -> int:
    """Keep ``error``'s problems, or raise it when ``errors`` is "raise"; its omitted count."""
    if errors == "raise":
        raise error
    problems.extend(error.problems)
    return error.omitted


def _keep(ties: dict[str, DiplomaticTies], tie: DiplomaticTies) -> None:
    """Add ``tie``, folding it into an earlier one with the same id (both items' statements)."""
    held = ties.get(tie.id)
    if held is None:
        ties[tie.id] = tie
    else:
        new = tuple(c for c in tie.sources if c not in held.sources)
        ties[tie.id] = attrs.evolve(held, sources=held.sources + new)

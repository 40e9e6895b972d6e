"""The field rules diplorec enforces, for the comparison models.

Patterns and limits are read from diplorec's own rule objects (``diplorec._validators``),
so the pydantic and msgspec models state exactly the rules diplorec states. Each model
library checks what it can natively (patterns, lengths, ranges, enums, tags, unknown
keys); the functions here, which return their argument or raise :class:`ValueError`,
are only for what neither can say: distinct items, dates, UTC instants written ``Z``
and the rules that compare fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from typing import Any, TypeVar

import attrs

from diplorec import _validators
from diplorec.actors import State
from diplorec.dates import When
from diplorec.provenance import Source
from diplorec.vocab import WithdrawalKind

T = TypeVar("T")


def _regex(cls: type, field: str) -> str:
    """The full-match pattern of a diplorec field rule (read from the rule itself)."""
    return str(attrs.fields_dict(cls)[field].validator.regex)  # type: ignore[union-attr]


# Full-match patterns without anchors; each model library anchors them its own way.
ID = _validators.ID_PATTERN
ISO3 = _regex(State, "iso3")
ISO2 = _regex(State, "iso2")
WIKIDATA = _regex(State, "wikidata")
URL = _regex(Source, "url")
LANGUAGE = _regex(Source, "language")

MAX_NAME = _validators.MAX_NAME
MAX_TEXT = _validators.MAX_TEXT
#: A name (no space at either end, no control character) and free text (not blank, no
#: control character), as anchored patterns in the portable syntax that both Rust's
#: ``regex`` (pydantic-core) and Python's ``re`` (msgspec) read alike. They are the
#: patterns of diplorec's JSON Schema; lone surrogates never get this far (no JSON
#: parser here reads one into a string).
NAME = _validators.NAME_PATTERN
TEXT = _validators.TEXT_PATTERN


def python_anchored(pattern: str) -> str:
    """``^...$`` with ``$`` as ``\\Z``: Python's ``$`` also matches before a final newline."""
    if not pattern.endswith("$"):
        raise ValueError(f"{pattern!r} is not anchored at its end")
    return pattern[:-1] + "\\Z"


def distinct(values: Sequence[Hashable]) -> None:
    """No item twice."""
    if len(set(values)) != len(values):
        raise ValueError("lists the same item twice")


def distinct_items(values: T) -> T:
    """``values`` (a sequence) if no item comes twice."""
    if len(values) > 1:  # type: ignore[arg-type]
        distinct(values)  # type: ignore[arg-type]
    return values


def when(value: Any) -> When:
    """An EDTF date string read by :meth:`diplorec.When.parse` (bounds computed)."""
    if type(value) is not str:
        raise ValueError("expected a date string")
    return When.parse(value)


def instant(value: Any) -> dt.datetime:
    """A UTC instant written ``...Z``, read as diplorec reads it."""
    if type(value) is not str or not value.endswith("Z") or "T" not in value:
        raise ValueError("expected a UTC date-time such as '2025-07-03T09:30:00Z'")
    parsed = dt.datetime.fromisoformat(value)
    if parsed.utcoffset() != dt.timedelta(0):
        raise ValueError("not in UTC")
    return parsed


def format_instant(value: dt.datetime) -> str:
    """The ``...Z`` text of a UTC instant."""
    return value.replace(tzinfo=None).isoformat() + "Z"


def envoy(value: Any) -> None:
    """An envoy is sent by one party to another."""
    if value.sending.id == value.receiving.id:
        raise ValueError("sender and receiver are the same party")


def place(value: Any) -> None:
    """Coordinates come in pairs."""
    if (value.latitude is None) != (value.longitude is None):
        raise ValueError("a place with coordinates needs both latitude and longitude")


def recognition(act: Any) -> None:
    """No party recognises itself, nor is its own collective partner."""
    if act.recognizer.id == act.recognized.id:
        raise ValueError("a party cannot recognise itself")
    ids = {act.recognizer.id, act.recognized.id}
    if any(party.id in ids for party in act.collective_with):
        raise ValueError("collective_with must not include the recognizer or the recognized")


def withdrawal(act: Any) -> None:
    """Not from oneself; a rival only in a switch; no party both claims and denies it."""
    if act.withdrawer.id == act.recognized.id:
        raise ValueError("a party cannot withdraw recognition from itself")
    if act.in_favour_of is not None:
        if act.in_favour_of.id in (act.withdrawer.id, act.recognized.id):
            raise ValueError("in_favour_of must differ from the withdrawer and the recognized")
        if act.kind is not WithdrawalKind.SWITCH:
            raise ValueError("moving recognition to another party is a switch")
    claimed = {party.id for party in act.claimed_by}
    if any(party.id in claimed for party in act.denied_by):
        raise ValueError("a party cannot both claim and deny the same withdrawal")


def credentials(event: Any) -> None:
    """An envoy does not receive their own credentials."""
    if event.received_by is not None and event.received_by.person.id == event.envoy.person.id:
        raise ValueError("an envoy cannot receive their own credentials")

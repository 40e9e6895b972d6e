"""The field rules diplorec enforces, as plain functions for the comparison models.

Each returns its argument or raises :class:`ValueError`. Patterns and limits are read
from diplorec's own rule objects (``diplorec._validators``), so the pydantic and msgspec
models state exactly the rules diplorec states.
"""

from __future__ import annotations

import datetime as dt
import re
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

# Control characters other than tab, newline and carriage return; C1 controls; lone
# surrogates. The same set diplorec refuses in names and free text.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_ID = re.compile(ID)


def name(value: str) -> str:
    """A name: not blank, no spaces around it, at most 500 characters, no controls."""
    if not value or value.isspace():
        raise ValueError("must not be empty")
    if value != value.strip():
        raise ValueError(f"{value!r} has spaces at its start or end")
    if len(value) > MAX_NAME:
        raise ValueError(f"is {len(value)} characters long; at most {MAX_NAME}")
    if _BAD_CHARS.search(value):
        raise ValueError(f"{value!r} contains a control character")
    return value


def names(values: Sequence[str]) -> Sequence[str]:
    """Distinct names."""
    for value in values:
        name(value)
    distinct(values)
    return values


def text(value: str) -> str:
    """Free text: not only spaces, at most 100,000 characters, no controls."""
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value)} characters long; at most {MAX_TEXT}")
    if _BAD_CHARS.search(value):
        raise ValueError("contains a control character or a lone surrogate")
    return value


def texts(values: Sequence[str]) -> Sequence[str]:
    """Free-text items."""
    for value in values:
        text(value)
    return values


def event_ids(values: Sequence[str]) -> Sequence[str]:
    """Distinct event ids."""
    for value in values:
        if _ID.fullmatch(value) is None:
            raise ValueError(f"{value!r} is not an id of the form 'kind:key'")
    distinct(values)
    return values


def distinct(values: Sequence[Hashable]) -> None:
    """No item twice."""
    if len(set(values)) != len(values):
        raise ValueError("lists the same item twice")


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


def participants(values: Sequence[Hashable]) -> Sequence[Hashable]:
    """Two or more distinct participants."""
    if len(values) < 2:
        raise ValueError("at least 2 participants are needed")
    distinct(values)
    return values

"""Small helpers shared by the wire layer: JSON paths and JSON type names."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

#: The most characters of an input string that an error message quotes.
SHOWN_CHARACTERS = 80

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?Z")


def child(path: str, key: object) -> str:
    """The JSON path of ``key`` (an object key or an array index) below ``path``.

    >>> child("$", "envoy"), child("$.sources", 0), child("$", "two words")
    ('$.envoy', '$.sources[0]', '$["two words"]')
    """
    if isinstance(key, int):
        return f"{path}[{key}]"
    if isinstance(key, str) and len(key) <= SHOWN_CHARACTERS and _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    if not isinstance(key, str):
        return f"{path}[{show(key)}]"
    # Lone surrogates are escaped as JSON writes them, so the path can always be printed;
    # a long key is cut short (the path names a place, it does not copy the input).
    head = key if len(key) <= SHOWN_CHARACTERS else key[:SHOWN_CHARACTERS]
    shown = json.dumps(head, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()
    if len(head) < len(key):
        shown = f"{shown[:-1]}...{shown[-1]} ({len(key):,} characters)"
    return f"{path}[{shown}]"


def json_type(value: Any) -> str:
    """What ``value`` is, in JSON's words (an object, a string, null ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def show(value: Any, limit: int = SHOWN_CHARACTERS) -> str:
    """A short, safe rendering of an input value for an error message.

    A string is quoted as Python writes it (control and other unprintable characters
    escaped); one longer than ``limit`` characters is cut short and its length given,
    so a message stays short whatever the input holds. Containers are named by type.

    >>> show("AFG"), show(7), show(None), show(["a"])
    ("'AFG'", '7', 'null', 'an array')
    >>> show("x" * 1000).removeprefix("'" + "x" * 80)
    "...' (1,000 characters)"
    """
    if isinstance(value, str):
        if len(value) <= limit:
            text = repr(value)
            if len(text) <= 4 * limit:
                return text
        head = value[:limit]
        text = repr(head)
        while len(text) > 2 * limit:  # escapes (\x01, \U0001f600) take several characters
            head = head[: len(head) // 2]
            text = repr(head)
        return f"{text[:-1]}...{text[-1]} ({len(value):,} characters)"
    if isinstance(value, (bool, float)) or value is None:
        return json.dumps(value) if not isinstance(value, float) else repr(value)
    if isinstance(value, int):
        digits = len(str(abs(value))) if abs(value) < 10**100 else None
        return str(value) if digits is not None else "a number with over 100 digits"
    return json_type(value)


def parse_instant(value: Any) -> dt.datetime:
    """Read a UTC instant written ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``; nothing else."""
    if type(value) is not str:
        raise TypeError(f"expected a date-time string, got {json_type(value)}")
    message = f"{show(value)} is not a UTC date-time such as '2025-07-03T09:30:00Z'"
    if _INSTANT.fullmatch(value) is None:
        raise ValueError(message)
    try:
        instant = dt.datetime.fromisoformat(value)
    except ValueError:  # e.g. hour 24 or 30 February
        raise ValueError(message) from None
    if instant.utcoffset() != dt.timedelta(0):  # pragma: no cover - 'Z' means UTC
        raise ValueError(f"{show(value)} is not in UTC")
    return instant


def format_instant(value: dt.datetime) -> str:
    """Write a UTC instant with a ``Z`` suffix."""
    return value.replace(tzinfo=None).isoformat() + "Z"


_TIME_OF_DAY = re.compile(
    r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?(Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
#: The wire form of a time of day: ``HH:MM`` or ``HH:MM:SS``, then ``Z`` or ``±HH:MM``.
TIME_OF_DAY_PATTERN = (
    "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)


def time_of_day_problem(value: dt.time) -> str | None:
    """Why ``value`` is not a time of day diplorec holds (None when it is one).

    A time of day carries its UTC offset (a whole number of minutes) and no fraction
    of a second.
    """
    offset = value.utcoffset()
    if offset is None:
        return "needs a UTC offset (tzinfo): a time without one cannot be put in order"
    if offset % dt.timedelta(minutes=1):
        return "has a UTC offset that is not a whole number of minutes"
    if value.microsecond:
        return "is given to a fraction of a second; diplorec keeps times to the second"
    return None


def parse_time_of_day(value: Any) -> dt.time:
    """Read a time of day with its UTC offset, ISO 8601: ``14:30+03:00``, ``09:05:10Z``.

    >>> parse_time_of_day("14:30+03:00")
    datetime.time(14, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=10800)))
    """
    if type(value) is not str:
        raise TypeError(
            f"expected a time-of-day string such as '14:30+03:00', got {json_type(value)}"
        )
    found = _TIME_OF_DAY.fullmatch(value)
    if found is None:
        message = (
            f"{show(value)} is not a time of day with a UTC offset, such as '14:30+03:00' "
            "or '09:05:10Z'"
        )
        raise ValueError(message)
    hour, minute, second, offset = found.groups()
    if offset == "Z":
        zone = dt.UTC
    else:
        sign = -1 if offset[0] == "-" else 1
        delta = dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
        zone = dt.UTC if not delta else dt.timezone(sign * delta)
    return dt.time(int(hour), int(minute), int(second or 0), tzinfo=zone)


def format_time_of_day(value: dt.time) -> str:
    """Write a time of day as :func:`parse_time_of_day` reads it: ``14:30+03:00``, ``09:05Z``.

    >>> format_time_of_day(parse_time_of_day("09:05:00+00:00"))
    '09:05Z'
    """
    text = f"{value.hour:02d}:{value.minute:02d}"
    if value.second:
        text += f":{value.second:02d}"
    offset = value.utcoffset()
    if offset is None:  # pragma: no cover - the models never hold one
        raise ValueError("a time of day needs a UTC offset")
    if not offset:
        return text + "Z"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(offset) // dt.timedelta(minutes=1)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"

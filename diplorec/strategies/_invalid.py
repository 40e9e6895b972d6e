"""Strategies for invalid wire data, each with the JSON path where it is broken."""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from collections.abc import Iterable
from typing import Any, Final, TypeAlias

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec._cameo import cameo_table
from diplorec._ids import MAX_KEY
from diplorec._validators import Rule
from diplorec.actors import Envoy, Place
from diplorec.dates import When
from diplorec.events import (
    EVENT_TYPES,
    DesignationChange,
    DiplomaticTies,
    Event,
    Meeting,
    RecognitionAct,
    RecognitionWithdrawal,
    RelationsChange,
)
from diplorec.strategies._actors import _classes
from diplorec.strategies._core import _public
from diplorec.strategies._rules import bad_values_for
from diplorec.strategies._wire import (
    _TAGGED,
    _is_tuple,
    _json_path,
    _locate,
    _Node,
    _Site,
    _walk,
    _wire_target,
    wire_dicts,
    wire_events,
)

# -- invalid wire data ----------------------------------------------------------------

_NAME_FIELDS: Final = frozenset(
    {"name", "office", "title", "acronym", "publisher", "locator", "list_name"}
)
_TEXT_FIELDS: Final = frozenset({"notes", "quote", "described_as", "subject", "description"})
_BAD_NAMES: Final = ("", " ", " padded", "padded ", "nul\x00", "line\u2028")
_BAD_TEXTS: Final = ("", "   ", "bell\x07", "\x1b[31m")
#: Field-specific bad text, by field name (every value breaks the field's rule).
_BAD_TEXT_BY_FIELD: Final[dict[str, tuple[str, ...]]] = {
    "iso3": ("afg", "AF", "AFGH", "A1B", "ÅFG", " AFG"),
    "iso2": ("af", "A", "AFG", "A1"),
    "wikidata": ("Q0", "Q01", "q889", "889", "Q", "P31", "Q889 ", "Q1234567890123"),
    "id": (
        "",
        "no-colon",
        "Kind:x",
        "kind: spaced",
        "kind:",
        ":key",
        "1kind:x",
        "k:" + "x" * (MAX_KEY + 1),
    ),
    "annuls": ("", "no-colon", "Kind:x", "kind: spaced", "kind:", ":key"),
    "url": ("ftp://example.org", "example.org", "http://", "http://exa mple.org"),
    "language": ("EN", "english", "e", "en_US", "en-"),
    "cameo": ("54", "999", "0540", "", "abc", "054 "),
}
_BAD_NAME_LISTS: Final = ([""], [" x"], ["same", "same"])
_BAD_LINKS: Final = (["no colon"], ["a:b", "a:b"], [""], ["Kind:x"])
_BAD_DATES: Final = (
    "2025-13",
    "2025-00",
    "2025-02-30",
    "2023-02-29",
    "2025-04-31",
    "2025-20",
    "2025-42",
    "2025-21-01",
    "0000",
    "10000",
    "25",
    "2025-7-3",
    "2025/07/03",
    "3 July 2025",
    "2025-07-03T10:00",
    "-2025",
    "2025??",
    "../..",
    "2026/2025",
    "2025/",
    "2025/2026/2027",
    " 2025",
    "\uff12\uff10\uff12\uff15"  # full-width digits,
    "",
)
_BAD_INSTANTS: Final = (
    "2025-07-03T09:30:00",
    "2025-07-03T09:30:00+03:00",
    "2025-07-03",
    "2025-13-03T09:30:00Z",
    "yesterday",
)
_BAD_TIMES: Final = ("14:30", "24:00Z", "14:60+03:00", "14:30+3:00", "2:30Z", "14:30:00.5Z", "")
_WRONG_TYPES: Final[dict[Any, tuple[Any, ...]]] = {
    str: (0, 1.5, True, [], {}, ["text"]),
    int: ("700", 7.5, True, 700.0, [], {}),
    float: ("1.0", True, [1.0], {}),
    bool: (0, 1, "true", [], {}),
    When: (2025, 2025.5, True, [], {}, ["2025"]),
    dt.datetime: (0, True, [], {}),
    dt.time: (0, 14.5, True, [], {}),
}
_NOT_ARRAYS: Final[tuple[Any, ...]] = ("", "abc", {}, 1, True)
_NOT_OBJECTS: Final[tuple[Any, ...]] = ("", "state", 1, [], True)
_EXTRA_KEYS: Final = ("extra", "Name", "", "two words", "名前", "type2")


def _bad_enum_values(tp: type[enum.Enum]) -> list[Any]:
    values = {member.value for member in tp}
    first = next(iter(tp)).value
    found: list[Any] = [0, True, [], {}, "", "no-such-value", first.upper(), f" {first}"]
    found.append(first.replace("-", "_") if "-" in first else first.title())
    return [value for value in found if not (isinstance(value, str) and value in values)]


def _rejected(rule: Any, candidates: tuple[Any, ...]) -> list[Any]:
    """The values the field's rule derives as bad, and those of ``candidates`` it rejects
    (all of them, for a field without a rule object)."""
    if isinstance(rule, Rule):
        return bad_values_for(rule, candidates)
    return list(candidates)


def _bad_values(site: _Site) -> list[Any]:
    """Values that make the value at ``site`` invalid, whatever the rest of the data."""
    tp, name = site.tp, site.name
    bad: list[Any] = [] if site.nullable else [None]
    if _is_tuple(tp):
        bad += _NOT_ARRAYS
        if name in ("aliases", "transliterations"):
            bad += _BAD_NAME_LISTS
        elif name in ("basis", "concerning"):
            bad += _BAD_LINKS
        elif name in ("conditions", "reservations"):
            bad += [[""], ["\x00"], ["   "]]
        elif name == "parties":
            bad += [[]]
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        bad += _bad_enum_values(tp)
    elif tp in _WRONG_TYPES:
        bad += _WRONG_TYPES[tp]
        if tp is When:
            bad += _BAD_DATES
        elif tp is dt.datetime:
            bad += _BAD_INSTANTS
        elif tp is dt.time:
            bad += _BAD_TIMES
        elif tp is str:
            candidates = _BAD_TEXT_BY_FIELD.get(name, ())
            candidates += _BAD_NAMES if name in _NAME_FIELDS else ()
            candidates += _BAD_TEXTS if name in _TEXT_FIELDS else ()
            bad += _rejected(site.rule, candidates)
        else:
            bad += _rejected(site.rule, ())
    else:
        bad += _NOT_OBJECTS
    if name == "cameo":
        table = cameo_table()
        bad = [value for value in bad if not (isinstance(value, str) and value in table)]
    return bad


_Keys: TypeAlias = tuple[str | int, ...]


class _Delete(enum.Enum):
    DELETE = "delete"


class _Change(typing.NamedTuple):
    """One way to break valid data: set or delete the value at ``keys``, wrong at ``path``."""

    keys: _Keys
    value: Any
    path: _Keys

    def apply(self, data: Any) -> tuple[Any, _Keys]:
        if not self.keys:
            return self.value, self.path
        copied = json.loads(json.dumps(data))
        parent = _locate(copied, self.keys[:-1])
        if self.value is _Delete.DELETE:
            del parent[self.keys[-1]]
        else:
            parent[self.keys[-1]] = self.value
        return copied, self.path


def _object_changes(node: _Node, data: Any) -> list[_Change]:
    """Ways to break one object: drop a required key or the tag, a bad tag, an extra key."""
    obj = _locate(data, node.keys)
    changes: list[_Change] = []

    def at(key: str) -> _Keys:
        return (*node.keys, key)

    for field in attrs.fields(node.cls):
        if field.default is attrs.NOTHING and field.name in obj:
            changes.append(_Change(at(field.name), _Delete.DELETE, at(field.name)))
    if "type" in obj:
        changes.append(_Change(at("type"), _Delete.DELETE, at("type")))
        outside = next(tag for tag, cls in _TAGGED.items() if cls not in node.choices)
        for tag in ("bogus", "", "State", None, 0, outside):
            changes.append(_Change(at("type"), tag, at("type")))
    fields = {field.name for field in attrs.fields(node.cls)}
    for key in _EXTRA_KEYS if "type" in obj else (*_EXTRA_KEYS, "type"):
        if key not in fields:
            changes.append(_Change(at(key), "x", at(key)))
    return changes


#: The two fields that must name different parties, by class.
_DIFFERENT: Final[dict[type[Any], tuple[str, str]]] = {
    RecognitionAct: ("recognizer", "recognized"),
    RecognitionWithdrawal: ("withdrawer", "recognized"),
    DesignationChange: ("authority", "entity"),
    Envoy: ("sending", "receiving"),
}


def _rule_changes(node: _Node, data: Any) -> list[_Change]:
    """Ways to break a rule between fields: a party recognising itself, and the like."""
    obj = _locate(data, node.keys)
    here, cls = node.keys, node.cls
    changes: list[_Change] = []
    if cls in _DIFFERENT:
        first, second = _DIFFERENT[cls]
        changes.append(_Change((*here, second), obj[first], here))
    if cls is RecognitionAct:
        where = (*here, "collective_with")
        changes.append(_Change(where, [obj["recognizer"]], where))
    if cls is RecognitionWithdrawal:
        where = (*here, "in_favour_of")
        changes.append(_Change(where, obj["withdrawer"], where))
    if cls in (RelationsChange, DiplomaticTies):
        where = (*here, "parties")
        a, b = obj["parties"]
        changes += [_Change(where, broken, where) for broken in ([a], [a, a], [a, b, a])]
    if cls is Meeting:
        where = (*here, "participants")
        changes.append(_Change(where, obj["participants"][:1], where))
    if cls is Place and "latitude" in obj:
        where = (*here, "longitude")
        changes.append(_Change(where, _Delete.DELETE, where))
    if cls is RelationsChange:
        upgrade = {"action": "upgraded", "level_before": "ambassador", "level_after": "none"}
        changes.append(_Change(here, {**obj, **upgrade}, (*here, "level_after")))
    return changes


_JUNK: Final = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def _deep_junk(draw: st.DrawFn, site: _Site) -> Any:
    """Nested junk never valid where it goes: an array for a value, an object for an array."""
    junk: Any = draw(_JUNK)
    for _ in range(draw(st.integers(1, 60))):
        junk = [junk]
    return {"junk": junk} if _is_tuple(site.tp) else junk


@st.composite
def _invalid(
    draw: st.DrawFn, choices: tuple[type[Any], ...], valid: SearchStrategy[Any]
) -> tuple[Any, _Keys]:
    data = draw(valid)
    nodes, sites = _walk(data, choices, ())
    kind = draw(st.sampled_from(("value", "value", "value", "object", "rule", "junk", "root")))
    if kind == "root":
        return draw(st.sampled_from(("", 2025, [], None, True, [data]))), ()
    if kind == "object":
        changes = [change for node in nodes for change in _object_changes(node, data)]
        chosen: _Change = draw(st.sampled_from(changes))
        return chosen.apply(data)
    if kind == "rule":
        rules = [change for node in nodes for change in _rule_changes(node, data)]
        if rules:
            rule: _Change = draw(st.sampled_from(rules))
            return rule.apply(data)
    site = draw(st.sampled_from(sites))
    bad = draw(_deep_junk(site)) if kind == "junk" else draw(st.sampled_from(_bad_values(site)))
    return _Change(site.keys, bad, site.keys).apply(data)


@_public
def invalid_wire_dicts(cls: Any) -> SearchStrategy[tuple[Any, str]]:
    """Pairs ``(data, path)``: wire data that is not a valid ``cls``, and where it is wrong.

    Each is valid wire data with one thing broken: a value of the wrong JSON type, a
    required key or a ``"type"`` tag missing, an unknown tag or an extra key, a
    malformed or impossible date, an out-of-range number, a bad ISO, COW or Wikidata
    code or id, a name with surrounding spaces or a control character, a broken rule
    between fields (a party recognising itself), nested junk, or no object at all.
    ``from_dict(data, cls)`` raises a :class:`~diplorec.ValidationError` with ``path``
    among the paths of its problems.

    >>> from diplorec import State
    >>> strategy = invalid_wire_dicts(State)
    """
    choices = _wire_target(cls)
    pairs = _invalid(choices, wire_dicts(cls))
    return pairs.map(lambda case: (case[0], _json_path(case[1])))


@_public
def invalid_wire_events(
    *, types: type[Event] | Iterable[type[Event]] | None = None
) -> SearchStrategy[tuple[Any, str]]:
    """Pairs ``(data, path)`` of broken event data (read as ``Event``) and where it is wrong.

    See :func:`invalid_wire_dicts`; ``types`` keeps to some event classes.

    >>> from hypothesis import given
    >>> from diplorec import Event, ValidationError, from_dict
    >>> @given(invalid_wire_events())
    ... def test_rejected(case):
    ...     data, path = case
    ...     try:
    ...         from_dict(data, Event)
    ...     except ValidationError as error:
    ...         assert path in [problem.path for problem in error.problems]
    ...     else:
    ...         raise AssertionError("accepted")
    >>> test_rejected()
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    pairs = _invalid(chosen, wire_events(types=chosen))
    return pairs.map(lambda case: (case[0], _json_path(case[1])))

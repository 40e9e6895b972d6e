"""Strategies for wire data: JSON-ready dicts of valid values."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable
from typing import Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place, State
from diplorec.dates import When
from diplorec.events import EVENT_TYPES, Event
from diplorec.provenance import Citation, Source
from diplorec.strategies._actors import _classes
from diplorec.strategies._core import _public
from diplorec.strategies._events import events
from diplorec.strategies._from_type import _strategy_for

# -- wire data ------------------------------------------------------------------------

_WIRE_TYPES: Final = (
    State,
    Government,
    Organization,
    Person,
    Official,
    Envoy,
    Place,
    Source,
    Citation,
    *EVENT_TYPES,
)
_TAGGED: Final[dict[str, type[Any]]] = {
    getattr(cls, "TAG", ""): cls for cls in _WIRE_TYPES if getattr(cls, "TAG", "")
}
for _cls in _WIRE_TYPES:
    attrs.resolve_types(_cls)


def _value_strategy(tp: Any) -> SearchStrategy[Any]:
    """The strategy for a model class or a union of them (``Event``, ``Party`` ...)."""
    if typing.get_origin(tp) is typing.Union or isinstance(tp, type(Party)):
        return st.one_of([_value_strategy(member) for member in typing.get_args(tp)])
    return _strategy_for(tp)


def _members(tp: Any) -> tuple[type[Any], ...]:
    if typing.get_origin(tp) is typing.Union or isinstance(tp, type(Party)):
        return tuple(typing.get_args(tp))
    return (tp,)


def _json_path(keys: Iterable[str | int]) -> str:
    """The JSON path of a location, as a ValidationError writes it (``$.sources[0].quote``)."""
    path = "$"
    for key in keys:
        if isinstance(key, int):
            path += f"[{key}]"
        elif key.isidentifier() and key.isascii():
            path += f".{key}"
        else:
            path += f"[{json.dumps(key, ensure_ascii=False)}]"
    return path


def _to_dict(value: Any) -> dict[str, Any]:
    from diplorec.converters import to_dict

    return to_dict(value)


def _strip_none(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → (``X``, True); a union of several classes stays a union."""
    args = typing.get_args(tp)
    if type(None) not in args:
        return tp, False
    others = tuple(arg for arg in args if arg is not type(None))
    return (others[0] if len(others) == 1 else typing.Union[others]), True  # noqa: UP007


def _is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


class _Node(typing.NamedTuple):
    """An object in wire data: where it is, its model class, and where that class may go."""

    keys: tuple[str | int, ...]
    cls: type[Any]
    choices: tuple[type[Any], ...]


class _Site(typing.NamedTuple):
    """A value in wire data, with the type its field declares and the field's rule."""

    keys: tuple[str | int, ...]
    tp: Any
    nullable: bool
    name: str
    rule: Any = None


def _walk(
    data: Any, choices: tuple[type[Any], ...], keys: tuple[str | int, ...]
) -> tuple[list[_Node], list[_Site]]:
    """Every object and every field value in valid wire data of one of ``choices``."""
    cls = _TAGGED[data["type"]] if "type" in data and len(choices) > 1 else choices[0]
    nodes = [_Node(keys, cls, choices)]
    sites: list[_Site] = []
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        tp, nullable = _strip_none(field.type)
        here = (*keys, field.name)
        sites.append(_Site(here, tp, nullable, field.name, field.validator))
        value = data[field.name]
        item_tp = typing.get_args(tp)[0] if _is_tuple(tp) else None
        if item_tp is not None and attrs.has(_members(item_tp)[0]):
            for index, item in enumerate(value):
                more = _walk(item, _members(item_tp), (*here, index))
                nodes += more[0]
                sites += more[1]
        elif value is not None and attrs.has(_members(tp)[0]) and _members(tp)[0] is not When:
            more = _walk(value, _members(tp), here)
            nodes += more[0]
            sites += more[1]
    return nodes, sites


def _locate(data: Any, keys: tuple[str | int, ...]) -> Any:
    for key in keys:
        data = data[key]
    return data


@st.composite
def _noncanonical(draw: st.DrawFn, data: dict[str, Any], choices: tuple[type[Any], ...]) -> Any:
    """The same value written differently: keys reordered, absent fields spelled out."""
    copied = json.loads(json.dumps(data))
    nodes, _ = _walk(copied, choices, ())
    for node in nodes:
        obj = _locate(copied, node.keys)
        for field in attrs.fields(node.cls):
            if field.name in obj or field.default not in (None, ()):
                continue
            if draw(st.booleans()):
                obj[field.name] = None if field.default is None else []
        order = draw(st.permutations(list(obj)))
        reordered = {key: obj[key] for key in order}
        obj.clear()
        obj.update(reordered)
    return copied


def _wire_target(cls: Any) -> tuple[type[Any], ...]:
    members = _members(cls)
    if not members or any(member not in _WIRE_TYPES for member in members):
        raise InvalidArgument(
            f"{cls!r} is not a diplorec model class or a union of them (Event, Party, ...)"
        )
    return members


@_public
def wire_dicts(cls: Any, *, canonical: bool = True) -> SearchStrategy[dict[str, Any]]:
    """JSON-ready dicts of valid values of a model class or union, as ``to_dict`` writes them.

    With ``canonical=False`` the same values are sometimes written as a reader must
    also accept them: keys in any order, and absent optional fields spelled out as
    ``null`` or ``[]``. ``from_dict(data, cls)`` reads either.

    >>> from diplorec import Party
    >>> strategy = wire_dicts(Party, canonical=False)
    """
    choices = _wire_target(cls)
    written = _value_strategy(cls).map(_to_dict)
    if canonical:
        return written
    return written.flatmap(lambda data: _noncanonical(data, choices))


@_public
def wire_events(
    *, types: type[Event] | Iterable[type[Event]] | None = None, canonical: bool = True
) -> SearchStrategy[dict[str, Any]]:
    """JSON-ready dicts of valid events (read them with ``from_dict(data, Event)``).

    >>> from diplorec import RecognitionAct
    >>> strategy = wire_events(types=RecognitionAct)
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    union = typing.Union[chosen] if len(chosen) > 1 else chosen[0]  # noqa: UP007
    written = events(types=chosen).map(_to_dict)
    if canonical:
        return written
    return written.flatmap(lambda data: _noncanonical(data, _members(union)))

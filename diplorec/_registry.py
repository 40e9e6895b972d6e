"""The model classes the wire format knows, their tags, and tagged-union lookup.

The lists grow when an event type is registered (:func:`diplorec.register_event_type`);
the :data:`~diplorec.events.Event` union is read as every event type known at the time.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from diplorec.actors import PARTY_TYPES, Envoy, Official, Person, Place
from diplorec.events import _LISTENERS, Event, EventBase, event_types
from diplorec.provenance import Citation, Source

#: Every model class the wire format knows, in dependency order (registered events last).
MODEL_CLASSES: list[type] = [*PARTY_TYPES, Person, Official, Envoy, Place, Source, Citation]
MODEL_CLASSES.extend(event_types())


def _tag(cls: type) -> str:
    return str(getattr(cls, "TAG", ""))


#: The ``"type"`` tag of each tagged class.
TAGS: dict[type, str] = {cls: _tag(cls) for cls in MODEL_CLASSES if _tag(cls)}

for _cls in MODEL_CLASSES:
    attrs.resolve_types(_cls)

#: Called after each registration, once the lists here include the new class.
_ON_REGISTER: list[Callable[[], None]] = []


def on_register(callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever an event type is registered (to drop what was built)."""
    _ON_REGISTER.append(callback)


def _registered(cls: type[EventBase]) -> None:
    MODEL_CLASSES.append(cls)
    TAGS[cls] = _tag(cls)
    for callback in _ON_REGISTER:
        callback()


_LISTENERS.append(_registered)


def union_members(tp: Any) -> tuple[tuple[type, ...], bool] | None:
    """The tagged classes of a union type, and whether it admits ``None``.

    None when ``tp`` is not a union of tagged model classes. :data:`Event` is every
    event type known now, registered ones included.
    """
    if tp is Event:
        return event_types(), False
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    args = typing.get_args(tp)
    members = tuple(arg for arg in args if arg is not type(None))
    if not members or not all(member in TAGS for member in members):
        return None
    return members, len(members) != len(args)


def is_homogeneous_tuple(tp: Any) -> bool:
    """True for ``tuple[X, ...]``."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis

"""The model classes the wire format knows, their tags, and tagged-union lookup."""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

from diplorec.actors import Envoy, Government, Official, Organization, Person, Place, State
from diplorec.events import EVENT_TYPES
from diplorec.provenance import Citation, Source

#: Every model class the wire format knows, in dependency order.
MODEL_CLASSES: tuple[type, ...] = (
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


def _tag(cls: type) -> str:
    return str(getattr(cls, "TAG", ""))


#: The ``"type"`` tag of each tagged class.
TAGS: dict[type, str] = {cls: _tag(cls) for cls in MODEL_CLASSES if _tag(cls)}

for _cls in MODEL_CLASSES:
    attrs.resolve_types(_cls)


def union_members(tp: Any) -> tuple[tuple[type, ...], bool] | None:
    """The tagged classes of a union type, and whether it admits ``None``.

    None when ``tp`` is not a union of tagged model classes.
    """
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

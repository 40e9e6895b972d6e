"""The reader's explain mode: read wire data and say everything that is wrong with it.

Runs only after the fail-fast reader (``diplorec._fastpath``) has refused the data. It
walks the data once against the model classes' type annotations, building each value
bottom-up as it goes: a field's rule (its attrs validator) runs on the value just built,
and a model's cross-field rules run when its own fields had no problem. No value is read
twice, so explaining costs a small constant factor of reading. Paths are kept as chains
of keys and written out only for the problems kept: the first
:data:`~diplorec.errors.MAX_PROBLEMS`, in the order they are found; the rest are only
counted, so a record with a million faults takes the memory of the record and of
that many problems, not of a million.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
import types
import typing
from typing import Any, NamedTuple

import attrs

from diplorec._registry import TAGS, is_homogeneous_tuple, on_register, union_members
from diplorec._validators import identifier
from diplorec._wire import child, json_type, parse_instant, parse_time_of_day, show
from diplorec.dates import When
from diplorec.errors import MAX_PROBLEMS, FieldError, Problem

__all__ = ["explain", "read_explained"]

#: A JSON path as a chain of keys: ``None`` is ``$``, ``(parent, key)`` a step below it.
_Path = tuple[Any, Any] | None


class _Failed:
    """What a read that found a problem returns instead of a value."""


_FAILED: Any = _Failed()


class Explained(NamedTuple):
    """What the explain mode read: the value, or the problems found and how many more."""

    value: Any
    #: The first problems found, at most :data:`~diplorec.errors.MAX_PROBLEMS` of them.
    problems: list[Problem]
    #: How many problems were found past those, counted but not kept.
    omitted: int = 0


def read_explained(data: Any, tp: Any) -> Explained:
    """Read ``data`` as ``tp``: the value and no problem, or the problems found."""
    explainer = _Explainer()
    value = explainer.read(data, tp, None)
    return Explained(value, explainer.problems, explainer.found - len(explainer.problems))


def explain(data: Any, tp: Any, converter: Any = None) -> list[Problem]:
    """The first problems that stop ``data`` from being read as ``tp``; empty if none.

    At most :data:`~diplorec.errors.MAX_PROBLEMS` are listed (:func:`read_explained`
    also counts the rest).

    ``converter`` is accepted for compatibility and not used: the explain mode reads
    with the models' own rules.
    """
    return read_explained(data, tp)[1]


def _render(path: _Path) -> str:
    keys = []
    while path is not None:
        path, key = path
        keys.append(key)
    text = "$"
    for key in reversed(keys):
        text = child(text, key)
    return text


@functools.cache
def _words(name: str) -> str:
    """``'DiplomaticRank'`` → ``'diplomatic rank'``."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _fits_float(value: int) -> bool:
    try:
        float(value)
    except OverflowError:
        return False
    return True


def _choices(values: typing.Iterable[str]) -> str:
    return ", ".join(repr(value) for value in values)


# What kind of reading a type needs, worked out once per type.
_UNION, _OPTIONAL, _WHEN, _INSTANT, _MODEL, _ARRAY, _ENUM, _SCALAR = range(8)


@functools.cache
def _classify(tp: Any) -> tuple[int, Any]:
    found = union_members(tp)
    if found is not None:
        members, nullable = found
        return _UNION, ({TAGS[member]: member for member in members}, nullable)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        others = [arg for arg in args if arg is not type(None)]
        return _OPTIONAL, (others[0], type(None) in args)
    if tp is When:
        return _WHEN, None
    if tp is dt.datetime:
        return _INSTANT, parse_instant
    if tp is dt.time:
        return _INSTANT, parse_time_of_day
    if attrs.has(tp):
        return _MODEL, _model_plan(tp)
    if is_homogeneous_tuple(tp):
        return _ARRAY, typing.get_args(tp)[0]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _ENUM, {member.value: member for member in tp}
    return _SCALAR, tp


on_register(_classify.cache_clear)


def _model_plan(cls: type) -> tuple[tuple[attrs.Attribute[Any], ...], frozenset[str], str]:
    fields = attrs.fields(cls)
    return (
        fields,
        frozenset(field.name for field in fields),
        ", ".join(sorted(f.name for f in fields)),
    )


class _Explainer:
    """One explain pass: ``found`` counts every problem, ``problems`` keeps the first ones.

    Whether a part of the data failed is told by ``found`` growing while it was read.
    """

    __slots__ = ("found", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.found = 0

    def add(self, path: _Path, message: str) -> None:
        self.found += 1
        if self.found <= MAX_PROBLEMS:
            self.problems.append(Problem(path=_render(path), message=message))

    def read(self, value: Any, tp: Any, path: _Path) -> Any:
        kind, info = _classify(tp)
        if kind == _MODEL:
            return self.read_model(value, tp, info, path)
        if kind == _UNION:
            return self.read_union(value, info[0], info[1], path)
        if kind == _OPTIONAL:
            inner, nullable = info
            if value is None:
                if nullable:
                    return None
                self.add(path, "must not be null")
                return _FAILED
            return self.read(value, inner, path)
        if kind == _ARRAY:
            return self.read_array(value, info, path)
        if kind == _WHEN:
            return self.read_when(value, path)
        if kind == _INSTANT:
            return self.read_instant(value, info, path)
        if kind == _ENUM:
            return self.read_enum(value, tp, info, path)
        return self.read_scalar(value, tp, path)

    def read_union(self, value: Any, by_tag: dict[str, type], nullable: bool, path: _Path) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, dict):
            self.add(
                path,
                f"expected an object with a 'type' of {_choices(by_tag)}, got {json_type(value)}",
            )
            return _FAILED
        if "type" not in value:
            self.add((path, "type"), f"is missing; expected one of {_choices(by_tag)}")
            return _FAILED
        tag = value["type"]
        if not isinstance(tag, str) or tag not in by_tag:
            self.add(
                (path, "type"),
                f"{show(tag)} is not allowed here; expected one of {_choices(by_tag)}",
            )
            return _FAILED
        cls = by_tag[tag]
        return self.read_model(value, cls, _classify(cls)[1], path)

    def read_model(self, value: Any, cls: type, plan: Any, path: _Path) -> Any:
        if not isinstance(value, dict):
            self.add(path, f"expected an object ({_words(cls.__name__)}), got {json_type(value)}")
            return _FAILED
        fields, names, listed = plan
        before = self.found
        tag = TAGS.get(cls)
        if tag is not None:
            if "type" not in value:
                self.add((path, "type"), f"is missing; expected {tag!r}")
            elif value["type"] != tag:
                self.add(
                    (path, "type"),
                    f"{show(value['type'])} is not allowed here; expected {tag!r}",
                )
        if not names.issuperset(value):
            message = f"is not a field of {_words(cls.__name__)}; expected one of {listed}"
            for key in value:
                if key not in names and not (tag is not None and key == "type"):
                    self.add((path, key), message)
        identity = value.get("id") if "id" in names else None
        if identity == "":
            self.add((path, "id"), "must not be empty; leave the key out to derive the id")
        elif isinstance(identity, str):
            # The models check an explicit id after construction; check it here so it
            # is reported together with every other problem.
            try:
                identifier(None, attrs.fields_dict(cls)["id"], identity)
            except FieldError as exc:
                self.add((path, "id"), exc.reason)
        arguments: dict[str, Any] = {}
        for field in fields:
            name = field.name
            if name not in value:
                if field.default is attrs.NOTHING:
                    self.add((path, name), "is required but missing")
                continue
            where = (path, name)
            checked = self.found
            built = self.read(value[name], field.type, where)
            if self.found != checked:
                continue
            arguments[field.alias] = built
            if field.validator is not None:
                try:
                    field.validator(None, field, built)
                except FieldError as exc:
                    self.add(where, exc.reason)
                except ValueError as exc:
                    self.add(where, str(exc))
        if self.found != before:
            return _FAILED
        try:
            return cls(**arguments)
        except FieldError as exc:
            self.add((path, exc.field), exc.reason)
        except ValueError as exc:
            self.add(path, str(exc))
        return _FAILED

    def read_array(self, value: Any, item_type: Any, path: _Path) -> Any:
        if not isinstance(value, (list, tuple)):
            self.add(path, f"expected an array, got {json_type(value)}")
            return _FAILED
        read = self.read
        before = self.found
        values = []
        for index, item in enumerate(value):
            built = read(item, item_type, (path, index))
            if self.found == before:
                values.append(built)
            elif values:  # once an item failed, the array fails: keep no values
                values.clear()
        return tuple(values) if self.found == before else _FAILED

    def read_enum(
        self, value: Any, tp: type[enum.Enum], members: dict[str, Any], path: _Path
    ) -> Any:
        if not isinstance(value, str):
            self.add(
                path, f"expected a string naming a {_words(tp.__name__)}, got {json_type(value)}"
            )
            return _FAILED
        member = members.get(value)
        if member is None:
            self.add(
                path,
                f"{show(value)} is not a {_words(tp.__name__)}; expected one of "
                f"{_choices(members)}",
            )
            return _FAILED
        return member

    def read_when(self, value: Any, path: _Path) -> Any:
        if not isinstance(value, str):
            self.add(path, f"expected a date string such as '2025-07-03', got {json_type(value)}")
            return _FAILED
        try:
            return When.parse(value)
        except ValueError as exc:
            self.add(path, str(exc))
        return _FAILED

    def read_instant(self, value: Any, parse: Any, path: _Path) -> Any:
        try:
            return parse(value)
        except (TypeError, ValueError) as exc:
            self.add(path, str(exc))
        return _FAILED

    def read_scalar(self, value: Any, tp: Any, path: _Path) -> Any:
        if tp is str:
            if not isinstance(value, str):
                self.add(path, f"expected a string, got {json_type(value)}")
                return _FAILED
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    self.add(path, "contains a lone surrogate, which UTF-8 cannot encode")
                    return _FAILED
            return value
        if tp is bool:
            if not isinstance(value, bool):
                self.add(path, f"expected true or false, got {json_type(value)}")
                return _FAILED
            return value
        if tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.add(path, f"expected an integer, got {json_type(value)}")
                return _FAILED
            return value
        if tp is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.add(path, f"expected a number, got {json_type(value)}")
            elif isinstance(value, float) and not math.isfinite(value):
                self.add(path, f"{value!r} is not a finite number")
            elif isinstance(value, int) and not _fits_float(value):
                self.add(path, f"{show(value)} is too large to be read as a number")
            else:
                return float(value)
            return _FAILED
        raise TypeError(f"no reader for the type {tp!r}")  # pragma: no cover - models use none

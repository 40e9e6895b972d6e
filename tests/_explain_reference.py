"""The detailed pass as it was before the explain mode read values once (a test oracle).

Runs only after the fast path has failed, so it favours clear messages over speed.
It walks the data against the model classes' type annotations, checks each field's
rule, then each object's cross-field rules, and collects :class:`Problem` values.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import types
import typing
from typing import Any

import attrs
import cattrs

from diplorec._registry import TAGS, is_homogeneous_tuple, union_members
from diplorec._validators import identifier
from diplorec._wire import child, json_type, parse_instant, show
from diplorec.dates import When
from diplorec.errors import FieldError, Problem

__all__ = ["explain"]


def explain(data: Any, tp: Any, converter: cattrs.Converter) -> list[Problem]:
    """Every problem that stops ``data`` from being read as ``tp``; empty if none."""
    problems: list[Problem] = []
    _Explainer(converter, problems).check(data, tp, "$")
    return problems


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


class _Explainer:
    def __init__(self, converter: cattrs.Converter, problems: list[Problem]) -> None:
        self.converter = converter
        self.problems = problems

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path=path, message=message))

    def check(self, value: Any, tp: Any, path: str) -> None:
        found = union_members(tp)
        if found is not None:
            self.check_union(value, found[0], found[1], path)
        elif typing.get_origin(tp) in (typing.Union, types.UnionType):
            args = typing.get_args(tp)
            if value is None and type(None) in args:
                return
            others = [arg for arg in args if arg is not type(None)]
            if value is None:
                self.add(path, "must not be null")
            else:
                self.check(value, others[0], path)
        elif tp is When:
            self.check_when(value, path)
        elif tp is dt.datetime:
            self.check_instant(value, path)
        elif attrs.has(tp):
            self.check_model(value, tp, path)
        elif is_homogeneous_tuple(tp):
            self.check_array(value, typing.get_args(tp)[0], path)
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.check_enum(value, tp, path)
        else:
            self.check_scalar(value, tp, path)

    def check_union(self, value: Any, members: tuple[type, ...], nullable: bool, path: str) -> None:
        if value is None and nullable:
            return
        by_tag = {TAGS[member]: member for member in members}
        if not isinstance(value, dict):
            self.add(
                path,
                f"expected an object with a 'type' of {_choices(by_tag)}, got {json_type(value)}",
            )
            return
        if "type" not in value:
            self.add(child(path, "type"), f"is missing; expected one of {_choices(by_tag)}")
            return
        tag = value["type"]
        if not isinstance(tag, str) or tag not in by_tag:
            self.add(
                child(path, "type"),
                f"{show(tag)} is not allowed here; expected one of {_choices(by_tag)}",
            )
            return
        self.check_model(value, by_tag[tag], path)

    def check_model(self, value: Any, cls: type, path: str) -> None:
        if not isinstance(value, dict):
            self.add(path, f"expected an object ({_words(cls.__name__)}), got {json_type(value)}")
            return
        before = len(self.problems)
        fields = attrs.fields(cls)
        names = {field.name for field in fields}
        tag = TAGS.get(cls)
        if tag is not None:
            if "type" not in value:
                self.add(child(path, "type"), f"is missing; expected {tag!r}")
            elif value["type"] != tag:
                self.add(
                    child(path, "type"),
                    f"{show(value['type'])} is not allowed here; expected {tag!r}",
                )
        for key in value:
            if key not in names and not (tag is not None and key == "type"):
                self.add(
                    child(path, key),
                    f"is not a field of {_words(cls.__name__)}; "
                    f"expected one of {', '.join(sorted(names))}",
                )
        identity = value.get("id") if "id" in names else None
        if identity == "":
            self.add(child(path, "id"), "must not be empty; leave the key out to derive the id")
        elif isinstance(identity, str):
            # The models check an explicit id after construction; check it here so it
            # is reported together with every other problem.
            try:
                identifier(None, attrs.fields_dict(cls)["id"], identity)
            except FieldError as exc:
                self.add(child(path, "id"), exc.reason)
        for field in fields:
            self.check_field(value, field, path)
        if len(self.problems) == before:
            self.check_construction(value, cls, path)

    def check_field(self, value: dict[str, Any], field: attrs.Attribute[Any], path: str) -> None:
        where = child(path, field.name)
        if field.name not in value:
            if field.default is attrs.NOTHING:
                self.add(where, "is required but missing")
            return
        before = len(self.problems)
        self.check(value[field.name], field.type, where)
        if len(self.problems) != before or field.validator is None:
            return
        try:
            structured = self.converter.structure(value[field.name], field.type)  # type: ignore[arg-type]
            field.validator(None, field, structured)
        except FieldError as exc:
            self.add(where, exc.reason)
        except ValueError as exc:
            self.add(where, str(exc))

    def check_construction(self, value: dict[str, Any], cls: type, path: str) -> None:
        try:
            self.converter.structure(value, cls)
        except FieldError as exc:
            self.add(child(path, exc.field), exc.reason)
        except ValueError as exc:
            self.add(path, str(exc))

    def check_array(self, value: Any, item_type: Any, path: str) -> None:
        if not isinstance(value, (list, tuple)):
            self.add(path, f"expected an array, got {json_type(value)}")
            return
        for index, item in enumerate(value):
            self.check(item, item_type, child(path, index))

    def check_enum(self, value: Any, tp: type[enum.Enum], path: str) -> None:
        allowed = [member.value for member in tp]
        if not isinstance(value, str):
            self.add(
                path, f"expected a string naming a {_words(tp.__name__)}, got {json_type(value)}"
            )
        elif value not in allowed:
            self.add(
                path,
                f"{show(value)} is not a {_words(tp.__name__)}; expected one of "
                f"{_choices(allowed)}",
            )

    def check_when(self, value: Any, path: str) -> None:
        if not isinstance(value, str):
            self.add(path, f"expected a date string such as '2025-07-03', got {json_type(value)}")
            return
        try:
            When.parse(value)
        except ValueError as exc:
            self.add(path, str(exc))

    def check_instant(self, value: Any, path: str) -> None:
        try:
            parse_instant(value)
        except (TypeError, ValueError) as exc:
            self.add(path, str(exc))

    def check_scalar(self, value: Any, tp: Any, path: str) -> None:
        if tp is str:
            if not isinstance(value, str):
                self.add(path, f"expected a string, got {json_type(value)}")
            elif not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    self.add(path, "contains a lone surrogate, which UTF-8 cannot encode")
        elif tp is bool:
            if not isinstance(value, bool):
                self.add(path, f"expected true or false, got {json_type(value)}")
        elif tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.add(path, f"expected an integer, got {json_type(value)}")
        elif tp is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.add(path, f"expected a number, got {json_type(value)}")
            elif isinstance(value, float) and not math.isfinite(value):
                self.add(path, f"{value!r} is not a finite number")
            elif isinstance(value, int) and not _fits_float(value):
                self.add(path, f"{show(value)} is too large to be read as a number")
        else:  # pragma: no cover - every annotation in the models is handled above
            try:
                self.converter.structure(value, tp)
            except Exception as exc:
                self.add(path, str(exc))

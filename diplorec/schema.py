"""JSON Schema (draft 2020-12) of the diplorec wire format, generated from the models.

:func:`json_schema` walks the attrs classes, their type hints and their field
validators, so the schema cannot drift from what :func:`diplorec.loads` reads. A
copy for :data:`~diplorec.events.Event` is shipped as ``diplorec/schema/diplorec.schema.json``
(and one for Dossier documents as ``dossier.schema.json``); ``python -m diplorec schema``
prints the same text.

Patterns are ECMA-262 regular expressions without look-around, anchored with ``^``
and ``$``, so JavaScript, Python, Java, Go and Rust validators all compile them.

>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["State"]["properties"]["iso3"]
{'type': ['string', 'null'], 'pattern': '^[A-Z]{3}$'}
>>> [ref["$ref"] for ref in schema["$defs"]["Party"]["oneOf"]]
['#/$defs/State', '#/$defs/Government', '#/$defs/Organization']
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from diplorec import _validators as v
from diplorec import dates
from diplorec._registry import MODEL_CLASSES, TAGS, is_homogeneous_tuple, union_members
from diplorec._validators import NAME_PATTERN, TEXT_PATTERN
from diplorec._wire import TIME_OF_DAY_PATTERN
from diplorec.actors import Party
from diplorec.dates import When
from diplorec.events import Event, Participant
from diplorec.migrations import SPEC_VERSION

__all__ = [
    "DRAFT",
    "INSTANT_PATTERN",
    "NAME_PATTERN",
    "TEXT_PATTERN",
    "TIME_OF_DAY_PATTERN",
    "WHEN_PATTERN",
    "json_schema",
    "render",
    "schema_file",
]

# The character classes the name and text rules are spelled with in JSON Schema.
_SPACE, _INNER_SPACE, _CONTROL = v._SPACE, v._INNER_SPACE, v._CONTROL

#: The JSON Schema dialect of every schema diplorec writes.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Years 0001 to 9999, split by the place of the last non-zero digit so no two
# alternatives overlap; 9999 is left out where winter would run past 9999-12-31.
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
_YEAR_BEFORE_9999 = (
    "(?:(?:[0-8][0-9]{2}|9[0-8][0-9]|99[0-8])[1-9]|999[1-8]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
)
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    "|(?:0[13-9]|1[0-2])-(?:29|30)"
    "|(?:0[13578]|1[02])-31)"
)
_DAY = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"


def _two_digit_codes(codes: Iterable[int]) -> str:
    """A regex for exactly these two-digit codes, e.g. ``(?:2[1-3]|4[01])`` or ``24``."""
    by_tens: dict[int, list[int]] = {}
    for code in sorted(codes):
        by_tens.setdefault(code // 10, []).append(code % 10)
    alternatives = []
    for tens, units in by_tens.items():
        if len(units) == 1:
            alternatives.append(f"{tens}{units[0]}")
        elif units == list(range(units[0], units[-1] + 1)) and len(units) > 2:
            alternatives.append(f"{tens}[{units[0]}-{units[-1]}]")
        else:
            alternatives.append(f"{tens}[{''.join(map(str, units))}]")
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


# The sub-year codes the parser reads (``diplorec.dates``), split by whether their span
# runs into the next year (winter), which year 9999 cannot have.
_WITHIN_YEAR = [code for code, (_, first, last) in dates._SUBYEAR.items() if first <= last]
_INTO_NEXT_YEAR = [code for code, (_, first, last) in dates._SUBYEAR.items() if first > last]
_SINGLE = (
    f"(?:{_DAY}|{_YEAR}-(?:0[1-9]|1[0-2])|{_YEAR}-{_two_digit_codes(_WITHIN_YEAR)}"
    f"|{_YEAR_BEFORE_9999}-{_two_digit_codes(_INTO_NEXT_YEAR)}|{_YEAR})[{dates._QUALIFIERS}]?"
)

#: A :class:`~diplorec.dates.When`: the EDTF subset, with a full calendar check.
#: The one rule it leaves out is that an interval must not end before it starts.
WHEN_PATTERN = f"^(?:{_SINGLE}(?:/(?:{_SINGLE}|\\.\\.))?|\\.\\./{_SINGLE})$"

#: An instant as diplorec writes it: a calendar date, a time and a ``Z`` (UTC).
INSTANT_PATTERN = f"^{_DAY}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{{6}})?Z$"


def _union_name(members: tuple[type, ...]) -> str | None:
    """The name of a union of tagged classes in ``$defs``; None for an unnamed one."""
    chosen = frozenset(members)
    for name, union in (("Party", Party), ("Participant", Participant), ("Event", Event)):
        found = union_members(union)
        if found is not None and chosen == frozenset(found[0]):
            return name
    return None


_NULL = {"type": "null"}


def describe(obj: Any) -> str:
    """The first paragraph of an object's docstring, on one line."""
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _wire_default(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


class _Builder:
    """Collects ``$defs`` while it turns types into schemas."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursive references stop here
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type ``tp`` (``None`` allowed when ``tp`` allows it)."""
        if type(None) in typing.get_args(tp):
            return _nullable(self.of_type(_without_none(tp)))
        found = union_members(tp)
        if found is not None:
            return self.union(found[0])
        if is_homogeneous_tuple(tp):
            return {"type": "array", "items": self.of_type(typing.get_args(tp)[0])}
        if tp is When:
            return self.ref("When", _when_def)
        if tp is dt.datetime:
            return self.ref("Instant", _instant_def)
        if tp is dt.time:
            return self.ref("TimeOfDay", _time_of_day_def)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.ref(tp.__name__, lambda: _enum_def(tp))
        if tp in MODEL_CLASSES:
            return self.ref(tp.__name__, lambda: self.model(tp))
        if tp in _SCALARS:
            return {"type": _SCALARS[tp]}
        raise TypeError(f"no JSON Schema is known for the type {tp!r}")

    def union(self, members: tuple[type, ...]) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            return {"oneOf": [self.of_type(member) for member in members]}

        name = _union_name(members)
        return build() if name is None else self.ref(name, build)

    def model(self, cls: type) -> dict[str, Any]:
        tag = TAGS.get(cls)
        properties: dict[str, Any] = {"type": {"const": tag}} if tag else {}
        required = ["type"] if tag else []
        for field in attrs.fields(cls):
            properties[field.name] = self.field(cls, field)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": describe(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        rules: tuple[v.Between, ...] = getattr(cls, "RULES", ())
        expressed = [part for rule in rules if rule.schema is not None for part in rule.schema()]
        if expressed:
            schema["allOf"] = expressed
        unsaid = [rule.text for rule in rules if rule.schema is None]
        if unsaid:
            schema["$comment"] = (
                f"Also checked by diplorec, beyond this schema: {'; '.join(unsaid)}."
            )
        return schema

    def field(self, cls: type, field: attrs.Attribute[Any]) -> dict[str, Any]:
        tp = field.type
        nullable = type(None) in typing.get_args(tp)
        base = self.of_type(_without_none(tp))
        check = field.validator
        if field.name == "id" and check is None:
            schema = v.identifier.json_schema(self, base)
        elif isinstance(check, v.Rule):
            schema = check.json_schema(self, base)
        else:  # no rule, or one that states nothing JSON Schema can say (a downstream event)
            schema = base
        if nullable:
            schema = _nullable(schema)
        default = field.default
        if default is not attrs.NOTHING and default not in (None, (), ""):
            schema = schema | {"default": _wire_default(default)}
        return schema


_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _without_none(tp: Any) -> Any:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        others = tuple(arg for arg in args if arg is not type(None))
        return others[0] if len(others) == 1 else typing.Union[others]  # noqa: UP007
    return tp


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if isinstance(kind, str) and "$ref" not in schema and "enum" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, _NULL]}


_when_def = v.string_def(
    "A date in the EDTF subset diplorec reads: YYYY, YYYY-MM, YYYY-MM-DD or a sub-year code "
    "YYYY-21..24 (seasons) or YYYY-33..41 (quarters, quadrimesters, semesters), each "
    "optionally followed by ? (uncertain), ~ (approximate) or % (both); or an interval A/B "
    "whose ends may be '..' (open).",
    pattern=WHEN_PATTERN,
)
_instant_def = v.string_def(
    "An instant in UTC: YYYY-MM-DDTHH:MM:SS, optional .ffffff, then Z.",
    format="date-time",
    pattern=INSTANT_PATTERN,
)
_time_of_day_def = v.string_def(
    "A time of day with its UTC offset, ISO 8601: HH:MM or HH:MM:SS, then Z or +HH:MM / "
    "-HH:MM (14:30+03:00). It is the time on the event's date 'on'.",
    pattern=TIME_OF_DAY_PATTERN,
)


def _enum_def(tp: type[enum.Enum]) -> dict[str, Any]:
    return {
        "type": "string",
        "title": tp.__name__,
        "description": describe(tp),
        "enum": [member.value for member in tp],
    }


#: Builds the schema of a document type from the schema builder of any other type.
DocumentSchema = Callable[[Callable[[Any], dict[str, Any]]], dict[str, Any]]
#: Document types that read and write themselves (``Dossier``), and their schemas.
_DOCUMENT_SCHEMAS: dict[type, DocumentSchema] = {}


def register_document_schema(cls: type, build: DocumentSchema) -> None:
    """Let :func:`json_schema` describe the document type ``cls``.

    ``build(of_type)`` returns the document's schema; ``of_type(tp)`` gives the schema
    of any type inside it (a ``$ref`` where the type has a definition).
    ``diplorec.dossier`` registers ``Dossier``.
    """
    _DOCUMENT_SCHEMAS[cls] = build


def json_schema(cls: Any = Event) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the wire form of ``cls``.

    ``cls`` is a model class, a union such as :data:`~diplorec.events.Event` (the
    default) or :data:`~diplorec.actors.Party`, ``tuple[X, ...]`` of one (a JSON
    array), or :class:`~diplorec.dossier.Dossier` (a Dossier document). Every class
    the value can hold has its own entry in ``$defs``.

    >>> json_schema(tuple[Event, ...])["items"]
    {'$ref': '#/$defs/Event'}
    """
    builder = _Builder()
    document = _DOCUMENT_SCHEMAS.get(cls) if isinstance(cls, type) else None
    if document is not None:
        root = builder.ref(cls.__name__, lambda: document(builder.of_type))
        title = f"diplorec {cls.__name__} document"
    elif is_homogeneous_tuple(cls):
        root = {"type": "array", "items": builder.of_type(typing.get_args(cls)[0])}
        title = f"diplorec array of {_title(typing.get_args(cls)[0])}"
    elif cls in MODEL_CLASSES or union_members(cls) is not None:
        root = builder.of_type(cls)
        title = f"diplorec {_title(cls)}"
    else:
        message = (
            f"cannot describe {cls!r}: give a diplorec model class, a union such as "
            "diplorec.Event, tuple[X, ...] of one, or diplorec.Dossier"
        )
        raise TypeError(message)
    return {
        "$schema": DRAFT,
        "title": title,
        "description": (
            f"The diplorec wire format, spec version {SPEC_VERSION}. Generated by "
            "diplorec.json_schema(); regenerate it rather than editing it."
        ),
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def _title(tp: Any) -> str:
    found = union_members(tp)
    if found is not None:
        return _union_name(found[0]) or "union"
    return str(getattr(tp, "__name__", tp))


def render(schema: dict[str, Any]) -> str:
    """The text of a schema as diplorec ships it: indented by two, with a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_file(name: str = "diplorec.schema.json") -> str:
    """The text of a schema file shipped with diplorec (``diplorec.schema.json`` or
    ``dossier.schema.json``).

    >>> json.loads(schema_file())["$defs"]["Event"]["oneOf"][0]
    {'$ref': '#/$defs/RecognitionAct'}
    """
    from importlib.resources import files

    return files("diplorec").joinpath("schema", name).read_text(encoding="utf-8")

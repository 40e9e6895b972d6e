"""The field rules of the models, each stated once as a rule object.

A rule object is the attrs validator of its field (it raises
:class:`~diplorec.errors.FieldError` with a plain sentence naming the rule, so the wire
layer can report a JSON path), and it says what it checks in data, not in code: its
pattern, range, length, membership or element types. Every other form of the rule is
derived from that statement:

- the reader's fail-fast mode (``diplorec._fastpath``) skips a rule that only repeats a
  type check it has made (:attr:`Rule.type_only`) and calls it only when its quick test
  (:attr:`Rule.shortcut`) cannot tell that a value passes;
- the explain mode (``diplorec._explain``) calls it on the value it has just read;
- :func:`diplorec.json_schema` asks it for its schema (:meth:`Rule.json_schema`);
- a strategy can be derived from the same data (``pattern``, ``low``/``high``,
  ``max_length``, ``types`` ...).
"""

from __future__ import annotations

import enum
import math
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

import attrs

from diplorec._ids import ID_PATTERN as ID_PATTERN
from diplorec._wire import show
from diplorec.errors import FieldError

MAX_TEXT = 100_000
MAX_NAME = 500


class SchemaBuilder(Protocol):
    """What a rule needs from the JSON Schema generator (``diplorec.schema``)."""

    def ref(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A ``$ref`` to the definition ``name``, built by ``build`` on first use."""

    def of_type(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of the type ``tp``."""


def _always(attribute: attrs.Attribute[Any]) -> bool:
    return True


def _never(attribute: attrs.Attribute[Any]) -> bool:
    return False


def _default_is_none(attribute: attrs.Attribute[Any]) -> bool:
    return attribute.default is None


#: A rule's quick test for the fail-fast reader: whether it lets None pass on a given
#: attribute, and, for values of one declared type, a test that is true only of values
#: the rule lets pass: a C function, or a Python expression with ``{x}`` for the value.
Shortcut = tuple[
    Callable[["attrs.Attribute[Any]"], bool], type | None, Callable[[Any], Any] | str | None
]


class Rule:
    """One field rule: an attrs validator that also states what it checks."""

    #: For the fail-fast reader; None when the rule has no quick test.
    shortcut: Shortcut | None = None
    #: When the rule checks nothing but Python types: the types it accepts, whether it
    #: accepts None, and whether the value is a tuple of such items.
    type_only: tuple[tuple[type, ...], bool, bool] | None = None

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        raise NotImplementedError

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        """The schema of a field under this rule; ``declared`` is that of its type."""
        return declared


# Control characters (Unicode category Cc) other than tab, newline and carriage return,
# and lone surrogates (Cs): they cannot be written as valid UTF-8 JSON text or have no
# business in a name. One regex search instead of a Python loop over the characters.
_BAD_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
_BAD_CHARS = re.compile(f"[{_BAD_CLASS}]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_bad_chars(value: str) -> bool:
    return _BAD_CHARS.search(value) is not None


# The same rules for JSON Schema (ECMA-262). Characters Python's str.isspace() (and so
# str.strip()) counts as whitespace, spelled out: ECMA-262's \s is a slightly different
# set, and the schema must mean one thing.
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Whitespace a name or a text may contain inside it (tab, newlines, the Unicode spaces).
_INNER_SPACE = r"\t\n\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Control characters other than tab, line feed and carriage return (category Cc).
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_VISIBLE = f"[^{_SPACE}{_CONTROL}]"

#: A name: no whitespace at either end, no control character other than tab and newlines.
NAME_PATTERN = f"^{_VISIBLE}(?:{_VISIBLE}|[{_INNER_SPACE}]+{_VISIBLE})*$"
#: Free text: at least one character that is not whitespace, no control character
#: other than tab and newlines.
TEXT_PATTERN = f"^[{_INNER_SPACE}]*{_VISIBLE}[^{_CONTROL}]*$"


def anchored(regex: str) -> str:
    """A Python ``fullmatch`` regex as an anchored ECMA-262 pattern.

    ``\\s`` becomes the explicit set Python means by it; the other shorthand classes,
    which mean different things in the two dialects, are refused.
    """
    portable = regex.replace(r"\s", _SPACE)
    if re.search(r"\\[dDwWsSbBAZz]", portable):
        raise ValueError(f"the pattern {regex!r} uses a class that differs between dialects")
    return f"^(?:{portable})$" if "|" in portable else f"^{portable}$"


def string_def(description: str, **keywords: Any) -> Callable[[], dict[str, Any]]:
    """The builder of a ``$defs`` entry for a string type: its description, then ``keywords``.

    >>> string_def("An id.", pattern="^[a-z]+$")()
    {'type': 'string', 'description': 'An id.', 'pattern': '^[a-z]+$'}
    """
    return lambda: {"type": "string", "description": description, **keywords}


_name_def = string_def(
    "A name: no whitespace at either end, no control characters other than tab and newlines.",
    minLength=1,
    maxLength=MAX_NAME,
    pattern=NAME_PATTERN,
)
_text_def = string_def(
    "Free text: not blank, no control characters other than tab and newlines.",
    maxLength=MAX_TEXT,
    pattern=TEXT_PATTERN,
)


# Printable text (str.isprintable) has no control characters or surrogates, and no
# white space but " ": so 1 to 500 printable characters not starting or ending with
# " " make a good name. Other good names (a soft hyphen ...) go to the validator.
_PRINTABLE_NAME = (
    f"({{x}}.isprintable() and 0 < len({{x}}) <= {MAX_NAME} and {{x}}[0] != ' ' != {{x}}[-1])"
)


class Name(Rule):
    """A human-readable name: not blank, no surrounding spaces, at most 500 characters,
    no control characters; with ``optional``, None too."""

    max_length = MAX_NAME

    def __init__(self, *, optional: bool = False) -> None:
        self.optional = optional
        self.shortcut = (_always if optional else _never, str, _PRINTABLE_NAME)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, str):
            raise FieldError(attribute.name, f"expected text, got {type(value).__name__}")
        if not value or value.isspace():
            raise FieldError(attribute.name, "must not be empty")
        if value != value.strip():
            raise FieldError(attribute.name, f"{show(value)} has spaces at its start or end")
        if len(value) > MAX_NAME:
            message = f"is {len(value)} characters long; at most {MAX_NAME}"
            raise FieldError(attribute.name, message)
        if _has_bad_chars(value):
            raise FieldError(attribute.name, f"{show(value)} contains a control character")

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return builder.ref("Name", _name_def)


# Printable text has no control characters or surrogates, and no white space but " ":
# so printable text that is not all spaces and not too long is good free text. Other
# good texts (with a newline ...) go to the validator.
_PRINTABLE_TEXT = (
    f"({{x}} != '' and {{x}}.isprintable() and not {{x}}.isspace() and len({{x}}) <= {MAX_TEXT})"
)


class Text(Rule):
    """Free text (a quote, a note): not empty, bounded, no lone surrogates.

    None is allowed only where the field defaults to None.
    """

    max_length = MAX_TEXT
    shortcut = (_default_is_none, str, _PRINTABLE_TEXT)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and attribute.default is None:
            return
        if not isinstance(value, str):
            raise FieldError(attribute.name, f"expected text, got {type(value).__name__}")
        if not value.strip():
            raise FieldError(attribute.name, "must not be empty or only spaces")
        if len(value) > MAX_TEXT:
            message = f"is {len(value)} characters long; at most {MAX_TEXT}"
            raise FieldError(attribute.name, message)
        if _has_bad_chars(value):
            message = "contains a control character or a lone surrogate"
            raise FieldError(attribute.name, message)

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return builder.ref("Text", _text_def)


class Pattern(Rule):
    """Text matching ``regex`` in full; ``what`` says in words what is expected."""

    def __init__(self, regex: str, what: str, *, optional: bool = True) -> None:
        self.regex, self.what, self.optional = regex, what, optional
        self.compiled = re.compile(regex)
        self.shortcut = (_always if optional else _never, str, self.compiled.fullmatch)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, str) or self.compiled.fullmatch(value) is None:
            raise FieldError(attribute.name, f"{show(value)} is not {self.what}")
        if _LONE_SURROGATE.search(value) is not None:  # [^\s] in a pattern admits them
            raise FieldError(attribute.name, f"{show(value)} contains a lone surrogate")

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return declared | {"pattern": anchored(self.regex)}


class IntRange(Rule):
    """An optional integer between ``low`` and ``high`` inclusive (never a bool)."""

    def __init__(self, low: int, high: int, what: str) -> None:
        self.low, self.high, self.what = low, high, what
        self.shortcut = (_always, int, range(low, high + 1).__contains__)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if type(value) is not int or not self.low <= value <= self.high:
            # repr() of an int of over 4300 digits raises ValueError; show() does not.
            message = f"{show(value)} is not {self.what} ({self.low} to {self.high})"
            raise FieldError(attribute.name, message)

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return declared | {"minimum": self.low, "maximum": self.high}


class FloatRange(Rule):
    """An optional finite float between ``low`` and ``high`` inclusive."""

    def __init__(self, low: float, high: float, what: str) -> None:
        self.low, self.high, self.what = low, high, what
        # The reader has made the value a finite float: only the range is left to test.
        self.shortcut = (_always, float, f"({float(low)!r} <= {{x}} <= {float(high)!r})")

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if (
            type(value) is not float
            or not math.isfinite(value)
            or not self.low <= value <= self.high
        ):
            message = f"{show(value)} is not {self.what} ({self.low} to {self.high})"
            raise FieldError(attribute.name, message)

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return declared | {"minimum": self.low, "maximum": self.high}


class Member(Rule):
    """A member of ``enum_type`` (or None, when ``optional``)."""

    def __init__(self, enum_type: type[enum.Enum], *, optional: bool = False) -> None:
        self.enum_type, self.optional = enum_type, optional
        self.allowed = ", ".join(repr(m.value) for m in enum_type)
        self.type_only = ((enum_type,), optional, False)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, self.enum_type):
            message = (
                f"{show(value)} is not a {self.enum_type.__name__}; expected one of {self.allowed}"
            )
            raise FieldError(attribute.name, message)


class InstanceOf(Rule):
    """An instance of one of ``types``, or None when ``optional``."""

    def __init__(self, *types: type, optional: bool = False) -> None:
        self.types, self.optional = types, optional
        self.label = " or ".join(t.__name__ for t in types)
        self.type_only = (types, optional, False)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, self.types):
            message = f"expected {self.label}, got {type(value).__name__}"
            raise FieldError(attribute.name, message)


class OptionalValue(Rule):
    """None, or an instance of ``kind`` in which ``problem`` finds nothing wrong.

    ``wrong_type`` is the message for a value of another type, ``{got}`` standing for
    the name of its type; ``problem(value)`` says what is wrong with a value of the
    right type, or returns None.
    """

    def __init__(
        self,
        kind: type,
        wrong_type: str,
        problem: Callable[[Any], str | None],
        shortcut: Shortcut | None = None,
    ) -> None:
        self.kind, self.wrong_type, self.problem = kind, wrong_type, problem
        self.shortcut = shortcut

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, self.kind):
            raise FieldError(attribute.name, self.wrong_type.format(got=type(value).__name__))
        message = self.problem(value)
        if message is not None:
            raise FieldError(attribute.name, message)


def _check_tuple(attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise FieldError(attribute.name, f"expected a tuple, got {type(value).__name__}")


class TupleOf(Rule):
    """A tuple whose items are all instances of ``types``, with at least ``min_length``
    items and, when ``distinct``, no item twice."""

    def __init__(self, *types: type, min_length: int = 0, distinct: bool = False) -> None:
        self.types, self.min_length, self.distinct = types, min_length, distinct
        self.label = " or ".join(t.__name__ for t in types)
        if not min_length:
            self.shortcut = (_never, tuple, operator.not_)  # () always passes
            if not distinct:
                self.type_only = (types, False, True)

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _check_tuple(attribute, value)
        for index, item in enumerate(value):
            if not isinstance(item, self.types):
                message = f"item {index} is a {type(item).__name__}, expected {self.label}"
                raise FieldError(attribute.name, message)
        if len(value) < self.min_length:
            message = f"has {len(value)} items; at least {self.min_length} are needed"
            raise FieldError(attribute.name, message)
        if self.distinct and len(set(value)) != len(value):
            raise FieldError(attribute.name, "lists the same item twice")

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        keywords: dict[str, Any] = {}
        if self.min_length:
            keywords["minItems"] = self.min_length
        if self.distinct:
            keywords["uniqueItems"] = True
        return declared | keywords


class Distinct(Rule):
    """A tuple of distinct items, each under the rule ``item`` (names, texts, event ids)."""

    shortcut = (_never, tuple, operator.not_)  # () always passes

    def __init__(self, item: Rule, *, twice: str | None, empty_item: bool = False) -> None:
        self.item, self.twice, self.empty_item = item, twice, empty_item

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _check_tuple(attribute, value)
        for item in value:
            if item is None and self.empty_item:
                raise FieldError(attribute.name, "contains an empty item")
            self.item(instance, attribute, item)
        if self.twice is not None and len(set(value)) != len(value):
            raise FieldError(attribute.name, self.twice)

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        items = self.item.json_schema(builder, {"type": "string"})
        schema: dict[str, Any] = {"type": "array", "items": items}
        if self.twice is not None:
            schema["uniqueItems"] = True
        return schema


_IDENTIFIER = re.compile(ID_PATTERN)


_id_def = string_def(
    "An id of the form 'kind:key', such as 'state:AFG'; no spaces.", pattern=anchored(ID_PATTERN)
)


class Identifier(Pattern):
    """An id of the form ``kind:key`` without spaces."""

    def __init__(self) -> None:
        super().__init__(ID_PATTERN, "an id of the form 'kind:key' without spaces", optional=False)

    def json_schema(self, builder: SchemaBuilder, declared: dict[str, Any]) -> dict[str, Any]:
        return builder.ref("Id", _id_def)


# The rules the models share, and the factories of the parametrised ones.
name = Name()
optional_name = Name(optional=True)
text = Text()
names = Distinct(name, twice="lists the same name twice")
texts = Distinct(text, twice=None, empty_item=True)
identifier = Identifier()
event_ids = Distinct(identifier, twice="lists the same event id twice")
pattern = Pattern
int_range = IntRange
float_range = FloatRange
member = Member
instance_of = InstanceOf
tuple_of = TupleOf


class _Shortcuts(Mapping[Any, Shortcut]):
    """Each rule's shortcut, looked up by rule (read from the rules themselves)."""

    def _all(self) -> dict[Any, Shortcut]:
        from diplorec._registry import MODEL_CLASSES

        rules = (field.validator for cls in MODEL_CLASSES for field in attrs.fields(cls))
        return {rule: rule.shortcut for rule in rules if isinstance(rule, Rule) and rule.shortcut}

    def __getitem__(self, rule: Any) -> Shortcut:
        if isinstance(rule, Rule) and rule.shortcut is not None:
            return rule.shortcut
        raise KeyError(rule)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


#: The shortcut of each rule that has one (a view of :attr:`Rule.shortcut`).
SHORTCUTS: Mapping[Any, Shortcut] = _Shortcuts()


class Between:
    """A rule between fields of one model, stated once on the model (its ``RULES``).

    ``broken(obj)`` builds the message when ``obj`` breaks the rule, with the field it
    is about (None for the value as a whole), and returns None when the rule holds;
    :func:`check_rules` raises it. ``text`` says the rule in words; ``schema()``, where
    JSON Schema can express the rule, gives the ``allOf`` entries that do, and the
    schema lists the ``text`` of the others.
    """

    __slots__ = ("broken", "schema", "text")

    def __init__(
        self,
        text: str,
        broken: Callable[[Any], tuple[str | None, str] | None],
        schema: Callable[[], list[dict[str, Any]]] | None = None,
    ) -> None:
        self.text, self.broken, self.schema = text, broken, schema


def check_rules(obj: Any, rules: tuple[Between, ...]) -> None:
    """Raise the message of the first rule ``obj`` breaks: a FieldError for a field."""
    for rule in rules:
        found = rule.broken(obj)
        if found is not None:
            field, message = found
            if field is None:
                raise ValueError(message)
            raise FieldError(field, message)


def differ(left: str, right: str, message: str) -> Callable[[Any], tuple[None, str] | None]:
    """The rule that the parties in fields ``left`` and ``right`` are not one party."""

    def broken(obj: Any) -> tuple[None, str] | None:
        first = getattr(obj, left).id
        if first == getattr(obj, right).id:
            return None, message.format(id=first)
        return None

    return broken


def present(name: str) -> dict[str, Any]:
    """The JSON Schema condition "``name`` is given and not null"."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def check_id(obj: Any) -> None:
    """Check ``obj.id`` with :data:`identifier`; most ids pass the quick test first."""
    value = obj.id
    if type(value) is not str or _IDENTIFIER.fullmatch(value) is None or not value.isascii():
        identifier(obj, type(obj).__attrs_attrs__.id, value)

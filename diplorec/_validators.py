"""Field validators shared by the models.

Each factory returns an attrs validator that raises :class:`~diplorec.errors.FieldError`
with a plain sentence naming the rule, so the wire layer can report a JSON path.
"""

from __future__ import annotations

import enum
import math
import operator
import re
from collections.abc import Callable
from typing import Any

import attrs

from diplorec._wire import show
from diplorec.errors import FieldError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

MAX_TEXT = 100_000
MAX_NAME = 500

#: The JSON Schema keywords that state each validator factory's rule (read by diplorec.schema).
SCHEMA_KEYWORDS: dict[Validator, dict[str, Any]] = {}


def _stating(check: Validator, **keywords: Any) -> Validator:
    SCHEMA_KEYWORDS[check] = keywords
    return check


#: Validators whose only rule is the Python type of a value: the types they accept,
#: whether they accept None, and whether the value is a tuple of such items. The fast
#: reader (diplorec._fastpath), which builds values of the declared field types, skips
#: a validator listed here when its types cover everything the field can hold.
TYPE_CHECKS: dict[Validator, tuple[tuple[type, ...], bool, bool]] = {}


def _type_check(
    check: Validator, types: tuple[type, ...], *, optional: bool, items: bool
) -> Validator:
    TYPE_CHECKS[check] = (types, optional, items)
    return check


def _always(attribute: attrs.Attribute[Any]) -> bool:
    return True


def _never(attribute: attrs.Attribute[Any]) -> bool:
    return False


def _default_is_none(attribute: attrs.Attribute[Any]) -> bool:
    return attribute.default is None


#: A validator's shortcut: whether it lets None pass on a given attribute, and, for
#: values of one declared type, a quick check that is true only of values the validator
#: lets pass: a C function, or a Python expression with ``{x}`` for the value.
Shortcut = tuple[
    Callable[["attrs.Attribute[Any]"], bool], type | None, Callable[[Any], Any] | str | None
]

#: Shortcuts for the fast reader (diplorec._fastpath), which calls a listed validator
#: only when its shortcut cannot tell that the value passes.
SHORTCUTS: dict[Validator, Shortcut] = {}


def _shortcut(
    check: Validator,
    none_passes: Callable[[attrs.Attribute[Any]], bool],
    kind: type | None = None,
    passes: Callable[[Any], Any] | str | None = None,
) -> Validator:
    SHORTCUTS[check] = (none_passes, kind, passes)
    return check


# Control characters (Unicode category Cc) other than tab, newline and carriage return,
# and lone surrogates (Cs): they cannot be written as valid UTF-8 JSON text or have no
# business in a name. One regex search instead of a Python loop over the characters.
_BAD_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
_BAD_CHARS = re.compile(f"[{_BAD_CLASS}]")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_bad_chars(value: str) -> bool:
    return _BAD_CHARS.search(value) is not None


def name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A human-readable name: not blank, no surrounding spaces, no control characters."""
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected text, got {type(value).__name__}")
    if not value or value.isspace():
        raise FieldError(attribute.name, "must not be empty")
    if value != value.strip():
        raise FieldError(attribute.name, f"{show(value)} has spaces at its start or end")
    if len(value) > MAX_NAME:
        raise FieldError(attribute.name, f"is {len(value)} characters long; at most {MAX_NAME}")
    if _has_bad_chars(value):
        raise FieldError(attribute.name, f"{show(value)} contains a control character")


def optional_name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Like :func:`name`, or None."""
    if value is not None:
        name(instance, attribute, value)


# Printable text (str.isprintable) has no control characters or surrogates, and no
# white space but " ": so 1 to 500 printable characters not starting or ending with
# " " make a good name. Other good names (a soft hyphen ...) go to the validator.
_PRINTABLE_NAME = (
    f"({{x}}.isprintable() and 0 < len({{x}}) <= {MAX_NAME} and {{x}}[0] != ' ' != {{x}}[-1])"
)
_shortcut(name, _never, str, _PRINTABLE_NAME)
_shortcut(optional_name, _always, str, _PRINTABLE_NAME)


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Free text (a quote, a note): not empty, bounded, no lone surrogates.

    None is allowed only where the field defaults to None.
    """
    if value is None and attribute.default is None:
        return
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected text, got {type(value).__name__}")
    if not value.strip():
        raise FieldError(attribute.name, "must not be empty or only spaces")
    if len(value) > MAX_TEXT:
        raise FieldError(attribute.name, f"is {len(value)} characters long; at most {MAX_TEXT}")
    if _has_bad_chars(value):
        raise FieldError(attribute.name, "contains a control character or a lone surrogate")


_shortcut(text, _default_is_none)


def names(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of distinct names."""
    if not isinstance(value, tuple):
        raise FieldError(attribute.name, f"expected a tuple, got {type(value).__name__}")
    for item in value:
        name(instance, attribute, item)
    if len(set(value)) != len(value):
        raise FieldError(attribute.name, "lists the same name twice")


_shortcut(names, _never, tuple, operator.not_)  # () always passes


def texts(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of free-text items."""
    if not isinstance(value, tuple):
        raise FieldError(attribute.name, f"expected a tuple, got {type(value).__name__}")
    for item in value:
        if item is None:
            raise FieldError(attribute.name, "contains an empty item")
        text(instance, attribute, item)


_shortcut(texts, _never, tuple, operator.not_)


def pattern(regex: str, what: str, *, optional: bool = True) -> Validator:
    """Text matching ``regex`` in full; ``what`` says in words what is expected."""
    compiled = re.compile(regex)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or compiled.fullmatch(value) is None:
            raise FieldError(attribute.name, f"{show(value)} is not {what}")
        if _LONE_SURROGATE.search(value) is not None:  # [^\s] in a pattern admits them
            raise FieldError(attribute.name, f"{show(value)} contains a lone surrogate")

    _shortcut(check, _always if optional else _never, str, compiled.fullmatch)
    return _stating(check, pattern=regex)


def int_range(low: int, high: int, what: str) -> Validator:
    """An optional integer between ``low`` and ``high`` inclusive (never a bool)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if type(value) is not int or not low <= value <= high:
            # repr() of an int of over 4300 digits raises ValueError; show() does not.
            raise FieldError(attribute.name, f"{show(value)} is not {what} ({low} to {high})")

    _shortcut(check, _always, int, range(low, high + 1).__contains__)
    return _stating(check, minimum=low, maximum=high)


def float_range(low: float, high: float, what: str) -> Validator:
    """An optional finite float between ``low`` and ``high`` inclusive."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if type(value) is not float or not math.isfinite(value) or not low <= value <= high:
            raise FieldError(attribute.name, f"{show(value)} is not {what} ({low} to {high})")

    _shortcut(check, _always)
    return _stating(check, minimum=low, maximum=high)


def member(enum_type: type[enum.Enum], *, optional: bool = False) -> Validator:
    """A member of ``enum_type``."""
    allowed = ", ".join(repr(m.value) for m in enum_type)
    label = enum_type.__name__

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum_type):
            raise FieldError(
                attribute.name, f"{show(value)} is not a {label}; expected one of {allowed}"
            )

    return _type_check(_stating(check), (enum_type,), optional=optional, items=False)


def instance_of(*types: type, optional: bool = False) -> Validator:
    """An instance of one of ``types``, or None when optional."""
    label = " or ".join(t.__name__ for t in types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, types):
            raise FieldError(attribute.name, f"expected {label}, got {type(value).__name__}")

    return _type_check(_stating(check), types, optional=optional, items=False)


def tuple_of(*types: type, min_length: int = 0, distinct: bool = False) -> Validator:
    """A tuple whose items are all instances of ``types``."""
    label = " or ".join(t.__name__ for t in types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise FieldError(attribute.name, f"expected a tuple, got {type(value).__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, types):
                raise FieldError(
                    attribute.name,
                    f"item {index} is a {type(item).__name__}, expected {label}",
                )
        if len(value) < min_length:
            raise FieldError(
                attribute.name, f"has {len(value)} items; at least {min_length} are needed"
            )
        if distinct and len(set(value)) != len(value):
            raise FieldError(attribute.name, "lists the same item twice")

    stated = _stating(check, minItems=min_length, uniqueItems=distinct)
    if not min_length:
        _shortcut(stated, _never, tuple, operator.not_)
    if min_length or distinct:
        return stated
    return _type_check(stated, types, optional=False, items=True)


ID_PATTERN = r"[a-z][a-z0-9-]*:[^\s]{1,200}"
identifier = pattern(ID_PATTERN, "an id of the form 'kind:key' without spaces", optional=False)
_IDENTIFIER = re.compile(ID_PATTERN)


def check_id(obj: Any) -> None:
    """Check ``obj.id`` with :data:`identifier`; most ids pass the quick test first."""
    value = obj.id
    if type(value) is not str or _IDENTIFIER.fullmatch(value) is None or not value.isascii():
        identifier(obj, type(obj).__attrs_attrs__.id, value)


def event_ids(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of distinct event ids (links to other events)."""
    if not isinstance(value, tuple):
        raise FieldError(attribute.name, f"expected a tuple, got {type(value).__name__}")
    for item in value:
        identifier(instance, attribute, item)
    if len(set(value)) != len(value):
        raise FieldError(attribute.name, "lists the same event id twice")


_shortcut(event_ids, _never, tuple, operator.not_)


def slug(text_value: str) -> str:
    """A lower-case, hyphenated key from a name, keeping letters of every script."""
    return re.sub(r"[^\w]+", "-", text_value.casefold()).strip("-_") or "x"

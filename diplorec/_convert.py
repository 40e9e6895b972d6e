"""The converters that let the models' constructors take what people type.

``RecognitionAct(on="2019-03-14", form="express", ...)`` builds the same value as
``RecognitionAct(on=When.parse("2019-03-14"), form=RecognitionForm.EXPRESS, ...)``:
a date field takes EDTF text, an enum field takes one of its values. Text that is not
valid is refused with the message the wire reader gives for that text in that field
(a :class:`~diplorec.errors.FieldError` naming the field). Only text is converted (for
an enum field, a plain ``str``: a member of another enum is not): a value of another
type goes on to the field's validator, which refuses it as before.

Each converter costs one type check on a value already of the field's type. The
wire reader never needs them: it reads text into the declared types itself, and
refuses what it refuses whether or not a field has a converter. An enum field's
members are the ones its validator (a ``Member`` rule) accepts, so the enum type is
named once, in that rule.

``mypy``'s attrs plugin types an ``__init__`` argument from the converter's first
parameter, and it reads only named functions: the typed signatures below are what
mypy sees; at run time each name is an :class:`attrs.Converter` that is also given
the field, so that its errors can name it.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

import attrs

from diplorec._wire import show
from diplorec.dates import When
from diplorec.errors import FieldError

__all__ = ["Lenient", "to_member", "to_optional_member", "to_optional_when", "to_when"]


class Lenient(attrs.Converter):  # type: ignore[type-arg]
    """A converter of text to a field's type: the identity on every other value.

    The wire reader, which builds values of the declared types, may skip it.
    """

    __slots__ = ()


def _refuse(value: str, tp: Any, field: attrs.Attribute[Any]) -> FieldError:
    """The error the wire reader gives for ``value`` read as ``tp``, at ``field``."""
    from diplorec._explain import explain  # the wire's own words; imports the models

    problems = explain(value, tp)
    reason = problems[0].message if problems else f"{show(value)} cannot be read"
    return FieldError(field.name, reason)


# The first parameter's annotation is what attrs puts on ``__init__`` (what ``help()``
# and ``inspect.signature`` show), so each says what mypy is told below.


def _when(value: When | str, field: attrs.Attribute[Any]) -> When:
    if not isinstance(value, str):
        return value
    return _parse(value, field)


def _optional_when(value: When | str | None, field: attrs.Attribute[Any]) -> When | None:
    if not isinstance(value, str):
        return value
    return _parse(value, field)


def _parse(text: str, field: attrs.Attribute[Any]) -> When:
    try:
        return When.parse(text)
    except ValueError:
        raise _refuse(text, When, field) from None


def _enum_type(field: attrs.Attribute[Any]) -> type[enum.Enum]:
    """The enum a field's ``Member`` rule accepts."""
    found = getattr(field.validator, "enum_type", None)
    if not (isinstance(found, type) and issubclass(found, enum.Enum)):
        raise TypeError(f"the field {field.name!r} has a member converter but no Member rule")
    return found


def _member(value: str, field: attrs.Attribute[Any]) -> Any:
    if type(value) is not str:  # members of this enum and of any other go on as they are
        return value
    return _lookup(value, field)


def _optional_member(value: str | None, field: attrs.Attribute[Any]) -> Any:
    if type(value) is not str:
        return value
    return _lookup(value, field)


def _lookup(text: str, field: attrs.Attribute[Any]) -> enum.Enum:
    tp = _enum_type(field)
    try:
        return tp(text)
    except ValueError:
        raise _refuse(text, tp, field) from None


if TYPE_CHECKING:

    def to_when(value: When | str) -> When:
        """A date, or its EDTF text (``"2019-03-14"``, ``"2019-03"``, ``"2025-40"``)."""

    def to_optional_when(value: When | str | None) -> When | None:
        """A date, its EDTF text, or None."""

    def to_member(value: str) -> Any:
        """A member of the field's enum, or its value (``"de-jure"``)."""

    def to_optional_member(value: str | None) -> Any:
        """A member of the field's enum, its value, or None."""

else:
    to_when = Lenient(_when, takes_field=True)
    to_optional_when = Lenient(_optional_when, takes_field=True)
    to_member = Lenient(_member, takes_field=True)
    to_optional_member = Lenient(_optional_member, takes_field=True)

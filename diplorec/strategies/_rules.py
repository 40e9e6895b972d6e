"""Strategies derived from the field rules of the models (``diplorec._validators``).

Each field rule is stated once, as a rule object that is also the field's attrs
validator. :func:`strategy_for` reads what a rule checks (its pattern, range, length
or enum) and draws values it accepts, including its boundary values (the largest
name, the ends of a range); :func:`bad_values_for` gives values it rejects. So a rule
that changes changes what is drawn with it.

>>> from diplorec._validators import IntRange
>>> strategy = strategy_for(IntRange(1, 999, "a code"))
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, Final

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec import _validators as v
from diplorec.strategies._core import _below, _Choice, _choice, _flat
from diplorec.strategies._text import _ANY_CHARACTER, _alphabet, _prepare, names, texts

__all__ = ["bad_values_for", "field_rule", "rule_default", "strategy_for"]

#: At most this many characters are drawn for a repeat, except at its upper bound.
_REPEAT_CAP: Final = 24


def field_rule(cls: type[Any], name: str) -> v.Rule:
    """The rule object of the field ``name`` of the model ``cls``."""
    rule = attrs.fields_dict(cls)[name].validator
    if not isinstance(rule, v.Rule):
        raise TypeError(f"{cls.__name__}.{name} has no rule object")
    return rule


def rule_default(cls: type[Any], name: str) -> SearchStrategy[Any] | _Choice:
    """What a strategy draws the field ``name`` of ``cls`` from when it is not narrowed:
    the members of an enum as one choice (see ``_Fields``), else :func:`strategy_for`."""
    rule = field_rule(cls, name)
    if isinstance(rule, v.Member):
        return _choice(tuple(rule.enum_type))
    return strategy_for(rule)


@functools.cache
def strategy_for(rule: v.Rule) -> SearchStrategy[Any]:
    """Values ``rule`` accepts (never None: optional fields draw None themselves).

    Names, free text, patterns, integer and float ranges and enum members are drawn
    from the rule's own data; the strategy for a rule is built once.
    """
    if isinstance(rule, v.Name):
        return names()
    if isinstance(rule, v.Text):
        return texts()
    if isinstance(rule, v.Pattern):
        return _pattern(rule.regex)
    if isinstance(rule, v.IntRange):
        return _with_ends(rule.low, rule.high, st.integers(rule.low, rule.high))
    if isinstance(rule, v.FloatRange):
        return _with_ends(rule.low, rule.high, st.floats(rule.low, rule.high))
    if isinstance(rule, v.Member):
        return st.sampled_from(rule.enum_type)
    if isinstance(rule, v.Distinct):
        item = strategy_for(rule.item)
        return st.lists(item, max_size=3, unique=True).map(tuple)
    raise TypeError(f"no strategy is derived from the rule {rule!r}")


def bad_values_for(rule: v.Rule, candidates: tuple[Any, ...] = ()) -> list[Any]:
    """Values ``rule`` rejects: those derived from its data (just past its range, a name
    one character too long ...) and those of ``candidates`` it rejects, as the rule
    itself decides."""
    derived: list[Any] = list(candidates)
    if isinstance(rule, v.IntRange):
        derived += [rule.low - 1, rule.high + 1, -rule.high - 1, rule.high * 10**30]
    elif isinstance(rule, v.FloatRange):
        below = math.nextafter(rule.low, -math.inf)
        above = math.nextafter(rule.high, math.inf)
        derived += [below, above, rule.low - 1.0, rule.high + 1.0, -1e300, 1e300]
    elif isinstance(rule, (v.Name, v.Text)):
        derived += ["x" * (rule.max_length + 1), " " + "x" * (rule.max_length - 1)]
    elif isinstance(rule, v.Pattern):
        derived += ["", " "]
    return [value for value in derived if _rejects(rule, value)]


#: One value in this many drawn for a range rule is its low end, and one its high end.
_ENDS_ONE_IN: Final = 8


@_flat
def _with_ends(draw: st.DrawFn, low: Any, high: Any, inner: SearchStrategy[Any]) -> Any:
    """A value of ``inner`` (within [low, high]), or now and then an end of the range: one
    choice, and the value's own when it is not an end.

    Hypothesis draws the ends of a range only now and then (an integer end one time in
    64, a float end mostly as one of the constants it collects from the code under
    test), and how often depends on which modules are loaded: with the whole test suite
    imported, 1.0 was drawn for a confidence about once in five hundred citations, and a
    search among 3,000 citations, or 3,000 states for a COW code of 999, could miss.
    Drawn here, each end comes once in :data:`_ENDS_ONE_IN` whatever is loaded.
    """
    pick = draw(_below(_ENDS_ONE_IN))
    if pick == _ENDS_ONE_IN - 2:
        return low
    if pick == _ENDS_ONE_IN - 1:
        return high
    return draw(inner)


class _Attribute:
    """Stands for the attrs attribute a rule is called with (only its name and default)."""

    name = "value"
    default = None


def _rejects(rule: v.Rule, value: Any) -> bool:
    try:
        rule(None, _Attribute, value)  # type: ignore[arg-type]
    except ValueError:
        return True
    return False


# -- patterns ----------------------------------------------------------------------------
#
# The patterns of the rules are sequences of characters, character classes and groups,
# each repeated ``?``, ``*`` or ``{m,n}`` times. Each is turned into a flat strategy
# that draws one text per repeated class; a pattern outside this subset is drawn by
# Hypothesis's ``from_regex``, which is exact but costs ten times as much.

_Part = Callable[[st.DrawFn], str]


class _Unsupported(ValueError):
    pass


def _class_characters(body: str) -> tuple[str, bool]:
    """The characters of a class ``[body]`` (and whether it is ``[^\\s]``, any character
    other than whitespace)."""
    if body == r"^\s":
        return "", True
    if body.startswith("^") or "\\" in body:
        raise _Unsupported(body)
    found: list[str] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            found += map(chr, range(ord(body[index]), ord(body[index + 2]) + 1))
            index += 3
        else:
            found.append(body[index])
            index += 1
    return "".join(found), False


def _repeat(text: str, index: int) -> tuple[int, int | None, int]:
    """The bounds of the quantifier at ``text[index]`` (1, 1 without one) and where it ends."""
    if index >= len(text):
        return 1, 1, index
    mark = text[index]
    if mark == "?":
        return 0, 1, index + 1
    if mark == "*":
        return 0, None, index + 1
    if mark == "+":
        return 1, None, index + 1
    if mark == "{":
        end = text.index("}", index)
        low, _, high = text[index + 1 : end].partition(",")
        if "," not in text[index + 1 : end]:
            high = low
        return int(low), int(high) if high else None, end + 1
    return 1, 1, index


def _characters(low: int, high: int | None, letters: str, anything: bool) -> _Part:
    """``low`` to ``high`` characters of a class: one choice, and now and then (when the
    class may repeat more than :data:`_REPEAT_CAP` times) exactly ``high`` of them, as a
    short drawn text repeated to that length (drawing two thousand characters one by one
    would cost milliseconds)."""
    if (low, high) == (1, 1) and not anything:  # one of a few characters: an integer choice
        return lambda draw: letters[draw(_below(len(letters)))]
    alphabet = _ANY_CHARACTER if anything else _alphabet(letters)
    top = low + _REPEAT_CAP if high is None else min(high, low + _REPEAT_CAP)
    usual = st.text(alphabet, min_size=low, max_size=top)
    _prepare(usual)
    if high is None or high == top:
        return lambda draw: draw(usual)
    repeated = st.text(alphabet, min_size=1, max_size=_REPEAT_CAP)
    _prepare(repeated)

    def part(draw: st.DrawFn) -> str:
        if draw(_below(8)) != 7:
            return draw(usual)
        text = draw(repeated)
        return (text * (high // len(text) + 1))[:high]

    return part


def _sequence(text: str) -> list[_Part]:
    parts: list[_Part] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "[":
            end = text.index("]", index)
            letters, anything = _class_characters(text[index + 1 : end])
            low, high, index = _repeat(text, end + 1)
            parts.append(_characters(low, high, letters, anything))
        elif char == "(":
            depth, end = 0, index
            for end in range(index, len(text)):
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                if depth == 0:
                    break
            inner = _sequence(text[index + 1 : end])
            low, high, index = _repeat(text, end + 1)
            parts.append(_group(inner, low, low + 3 if high is None else high))
        elif char in "\\.|^$+*?{":
            raise _Unsupported(char)
        else:
            low, high, index = _repeat(text, index + 1)
            if high is None:
                raise _Unsupported(char)
            parts.append(_literal(char, low, high))
    return parts


def _literal(char: str, low: int, high: int) -> _Part:
    if low == high:
        return lambda draw: char * low
    counts = st.integers(low, high)
    return lambda draw: char * draw(counts)


def _group(inner: list[_Part], low: int, high: int) -> _Part:
    counts = st.integers(low, high)

    def part(draw: st.DrawFn) -> str:
        return "".join(piece(draw) for _ in range(draw(counts)) for piece in inner)

    return part


@_flat
def _joined(draw: st.DrawFn, parts: tuple[_Part, ...]) -> str:
    return "".join(part(draw) for part in parts)


def _pattern(regex: str) -> SearchStrategy[str]:
    """Texts matching ``regex`` in full."""
    try:
        return _joined(tuple(_sequence(regex)))
    except (_Unsupported, ValueError):
        return st.from_regex(regex, fullmatch=True)

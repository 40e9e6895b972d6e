"""Helpers every strategy module shares: narrowing arguments, labels, small combinators."""

from __future__ import annotations

import contextlib
import enum
import functools
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Concatenate, Final, ParamSpec, TypeAlias, TypeVar, cast

from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec.actors import Party

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")


class _Unset(enum.Enum):
    UNSET = "unset"

    def __repr__(self) -> str:
        return "<drawn>"


_UNSET: Final = _Unset.UNSET

Narrowing: TypeAlias = T | SearchStrategy[T] | _Unset
"""A keyword argument that narrows a strategy: a fixed value, a strategy, or left out."""


# -- flat strategies ------------------------------------------------------------------
#
# Hypothesis records a span for every strategy drawn, and a draw costs tens of
# microseconds however little it does; a value built from many small composites (a
# name inside a state inside a recognition act ...) costs a few milliseconds. A *flat*
# strategy is a composite whose definition is also kept as a plain function: drawn from
# another flat strategy, it runs inline, as if written in that one composite, and only
# the choices themselves are recorded.

#: The definition of each flat strategy, by strategy (weakly: a strategy made for one
#: test is forgotten with it).
_INLINE: Final[weakref.WeakKeyDictionary[SearchStrategy[Any], Callable[[st.DrawFn], Any]]] = (
    weakref.WeakKeyDictionary()
)
_INLINE_LOCK: Final = threading.Lock()


class _InliningDraw:
    """A draw function that runs flat strategies inline and draws the others."""

    __slots__ = ("draw",)

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def __call__(self, strategy: SearchStrategy[T], label: object = None) -> T:
        inline = _INLINE.get(strategy)
        if inline is not None:
            return cast(T, inline(cast(st.DrawFn, self)))
        return self.draw(strategy, label)


def _inlining(draw: st.DrawFn) -> st.DrawFn:
    return draw if isinstance(draw, _InliningDraw) else cast(st.DrawFn, _InliningDraw(draw))


def _flat(
    definition: Callable[Concatenate[st.DrawFn, P], T],
) -> Callable[P, SearchStrategy[T]]:
    """Like ``st.composite``, and the strategy runs inline when drawn from another one."""

    def outer(draw: st.DrawFn, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return definition(_inlining(draw), *args, **kwargs)

    outer.__name__ = outer.__qualname__ = definition.__name__
    composite = st.composite(outer)

    @functools.wraps(definition)
    def make(*args: P.args, **kwargs: P.kwargs) -> SearchStrategy[T]:
        strategy = composite(*args, **kwargs)
        with _INLINE_LOCK:
            _INLINE[strategy] = lambda draw: definition(draw, *args, **kwargs)
        return strategy

    return make


def _lift(value: Narrowing[T], default: SearchStrategy[T]) -> SearchStrategy[T]:
    """The strategy for a narrowing argument: ``default`` when it was left out."""
    if value is _UNSET:
        return default
    if isinstance(value, SearchStrategy):
        return cast(SearchStrategy[T], value)
    return st.just(value)


def _short(value: object) -> str:
    if isinstance(value, type):
        return value.__name__
    if isinstance(value, tuple) and all(isinstance(item, type) for item in value):
        return "(" + ", ".join(item.__name__ for item in value) + ")"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Shown:
    """An argument as a strategy's repr shows it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _labelled(name: str, shown: list[str], strategy: SearchStrategy[T]) -> SearchStrategy[T]:
    """``strategy``, shown as the call ``name(*shown)`` in Hypothesis reports.

    Hypothesis writes the repr of a strategy into reports (and computes it whenever a
    draw is rejected); a strategy built from many others has a repr of many
    kilobytes, which Hypothesis warns about. A composite's repr is its name and
    arguments, so wrapping the strategy in one keeps it short.
    """

    def definition(draw: st.DrawFn, *_: _Shown) -> T:
        return draw(strategy)

    definition.__name__ = definition.__qualname__ = name
    return _flat(definition)(*map(_Shown, shown))


#: How deep strategy construction is nested: only the outermost strategy gets a label.
_BUILDING: list[int] = [0]


@contextlib.contextmanager
def _building() -> Iterator[None]:
    """Strategies made inside are parts of another, and need no label of their own."""
    _BUILDING[0] += 1
    try:
        yield
    finally:
        _BUILDING[0] -= 1


def _public(make: Callable[P, SearchStrategy[R]]) -> Callable[P, SearchStrategy[R]]:
    """Label a strategy function's strategies by the call, and build the unnarrowed one once."""
    bare: list[SearchStrategy[R]] = []
    bare_labelled: list[SearchStrategy[R]] = []

    @functools.wraps(make)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> SearchStrategy[R]:
        narrowed = bool(args or kwargs)
        with _building():
            if narrowed:
                strategy = make(*args, **kwargs)
            elif not bare:
                bare.append(cast(Callable[[], SearchStrategy[R]], make)())
        if _BUILDING[0]:
            return strategy if narrowed else bare[0]
        if narrowed:
            shown = [_short(arg) for arg in args]
            shown += [f"{key}={_short(value)}" for key, value in kwargs.items()]
            return _labelled(make.__name__, shown, strategy)
        if not bare_labelled:
            bare_labelled.append(_labelled(make.__name__, [], bare[0]))
        return bare_labelled[0]

    return wrapper


@_flat
def _maybe(draw: st.DrawFn, strategy: SearchStrategy[T], absent: Any = None) -> Any:
    """``absent`` or a value of ``strategy``: one boolean, then the value if present."""
    return draw(strategy) if draw(_BOOLEANS) else absent


def _optional(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
    """None or a value of ``strategy`` (shrinking towards None)."""
    return cast(SearchStrategy[T | None], _maybe(strategy))


_BOOLEANS: Final = st.booleans()


@functools.cache
def _below(size: int) -> SearchStrategy[int]:
    """Integers from 0 to ``size - 1``, shrinking towards 0 (one strategy per size)."""
    return st.integers(0, size - 1)


class _Choice:
    """A field's default: one of a few values (an enum's members), shrinking to the first.

    A model's unnarrowed choices are drawn together as one integer (see
    :class:`_Fields`), which costs one choice instead of one each.
    """

    __slots__ = ("values",)

    def __init__(self, values: Sequence[Any]) -> None:
        self.values = tuple(values)

    def __repr__(self) -> str:
        return f"one of {len(self.values)}"


def _choice(values: Sequence[Any]) -> _Choice:
    """A field's default drawn from ``values`` (see :class:`_Choice`)."""
    return _Choice(values)


class _Fields:
    """The fields of a model being drawn: each fixed, drawn, chosen or optional.

    Fixed fields cost nothing; the fields chosen among a few values (enums) cost one
    choice together; the optional fields left unnarrowed cost one choice together when
    they are absent. So a model with many fields stays cheap to draw; see
    :func:`_draw_fields`.
    """

    def __init__(self) -> None:
        self.fixed: dict[str, Any] = {}
        self.required: dict[str, SearchStrategy[Any]] = {}
        self.chosen: dict[str, tuple[Any, ...]] = {}
        self.optional: dict[str, tuple[Any, SearchStrategy[Any]]] = {}
        self._groups: tuple[tuple[int, tuple[_Digit, ...]], ...] | None = None

    def groups(self) -> tuple[tuple[int, tuple[_Digit, ...]], ...]:
        """How the chosen and optional fields are drawn (worked out on first use)."""
        if self._groups is None:
            self._groups = _digit_groups(self)
        return self._groups

    def __repr__(self) -> str:
        names = [*self.fixed, *self.required, *self.chosen, *self.optional]
        return f"fields({', '.join(names)})"

    def add(self, name: str, given: Narrowing[Any], default: SearchStrategy[Any] | _Choice) -> None:
        """A field drawn from ``default`` unless narrowed."""
        if given is _UNSET and isinstance(default, _Choice):
            self.chosen[name] = default.values
        elif given is _UNSET:
            self.required[name] = cast(SearchStrategy[Any], default)
        elif isinstance(given, SearchStrategy):
            self.required[name] = given
        else:
            self.fixed[name] = given

    def maybe(
        self,
        name: str,
        given: Narrowing[Any],
        present: SearchStrategy[Any] | _Choice,
        absent: Any = None,
    ) -> None:
        """A field that is ``absent`` or drawn from ``present``, unless narrowed."""
        if given is not _UNSET:
            self.add(name, given, present)
        elif isinstance(present, _Choice):
            self.chosen[name] = (absent, *present.values)
        else:
            self.optional[name] = (absent, present)

    def some(self, name: str, given: Narrowing[Any], item: SearchStrategy[Any], **kw: Any) -> None:
        """A tuple field: empty, or one or more distinct items, unless narrowed."""
        self.maybe(name, given, _tuples(item, min_size=1, **kw), ())


#: A model with this many optional fields has each present one time in four, not two.
_MANY_OPTIONAL: Final = 4


#: At most this many values per choice: Hypothesis draws an integer from a larger range
#: with a bias to small values, which would leave the high digits mostly 0.
_CHOICE_SIZE: Final = 1024

#: One digit of the fields' choices: a chosen field (with its values) or an optional
#: field's presence (its name, and None).
_Digit: TypeAlias = tuple[str, tuple[Any, ...] | None]


def _digit_groups(fields: _Fields) -> tuple[tuple[int, tuple[_Digit, ...]], ...]:
    """The digits of the chosen fields, then a bit per optional field, packed into
    choices of at most :data:`_CHOICE_SIZE` values (a field with more values alone)."""
    digits: list[_Digit] = [*fields.chosen.items(), *((name, None) for name in fields.optional)]
    groups: list[tuple[int, tuple[_Digit, ...]]] = []
    size, group = 1, list[_Digit]()
    for digit in digits:
        base = 2 if digit[1] is None else len(digit[1])
        if group and size * base > _CHOICE_SIZE:
            groups.append((size, tuple(group)))
            size, group = 1, list[_Digit]()
        size, group = size * base, [*group, digit]
    if group:
        groups.append((size, tuple(group)))
    return tuple(groups)


def _draw_fields(draw: st.DrawFn, fields: _Fields) -> dict[str, Any]:
    """Draw every field, in as few choices as possible for the chosen and optional ones.

    Those choices are read as the digits of mixed radix numbers: one digit per chosen
    field (its value), then a bit per optional field (whether it is present), so they
    shrink to every field's first value, with the optional ones absent. With many
    optional fields, a second choice's bit must be set too (so a value carries a few
    of them and stays cheap). Then the values of the others, and of those present.
    """
    values = dict(fields.fixed)
    for name, strategy in fields.required.items():
        values[name] = draw(strategy)
    if not fields.chosen and not fields.optional:
        return values
    present: set[str] = set()
    for size, digits in fields.groups():
        number = draw(_below(size))
        for name, options in digits:
            if options is None:
                number, bit = divmod(number, 2)
                if bit:
                    present.add(name)
            else:
                number, digit = divmod(number, len(options))
                values[name] = options[digit]
    many = len(fields.optional) >= _MANY_OPTIONAL
    for index, (name, (absent, strategy)) in enumerate(fields.optional.items()):
        if many and index % 10 == 0:
            mask = draw(_below(1 << min(10, len(fields.optional) - index)))
        if name in present and (not many or mask >> index % 10 & 1):
            values[name] = draw(strategy)
        else:
            values[name] = absent
    return values


@_flat
def _record(draw: st.DrawFn, make: Callable[..., T], fields: _Fields) -> T:
    """``make(**fields)``, built in the composite so a report shows the value's own repr."""
    return make(**_draw_fields(draw, fields))


def _draw_where(draw: st.DrawFn, strategy: SearchStrategy[T], keep: Callable[[T], bool]) -> T:
    """Draw from ``strategy`` until ``keep`` holds (three tries, as ``.filter`` makes)."""
    for _ in range(3):
        value = draw(strategy)
        if keep(value):
            return value
    return reject()


@_flat
def _sized_tuple(
    draw: st.DrawFn,
    strategy: SearchStrategy[T],
    sizes: SearchStrategy[int],
    min_size: int,
    unique_by: Callable[[T], Any] | None,
) -> tuple[T, ...]:
    """A size, then that many items; a repeated item (by ``unique_by``) is left out, and
    drawn again when the tuple would be too short."""
    size = draw(sizes)
    if unique_by is None:
        return tuple(draw(strategy) for _ in range(size))
    found: dict[Any, T] = {}
    for _ in range(size + 3):
        if len(found) >= size:
            break
        item = draw(strategy)
        found.setdefault(unique_by(item), item)
    if len(found) < min_size:
        reject()
    return tuple(found.values())


def _tuples(
    strategy: SearchStrategy[T],
    *,
    min_size: int = 0,
    max_size: int = 3,
    unique_by: Callable[[T], Any] | None = None,
) -> SearchStrategy[tuple[T, ...]]:
    """Tuples of ``min_size`` to ``max_size`` items (distinct by ``unique_by``): a size,
    then the items; a report shows the tuple itself, not ``tuple([...])``."""
    sizes = st.integers(min_size, max_size)
    return _sized_tuple(strategy, sizes, min_size, unique_by)


def _unique_lists(
    strategy: SearchStrategy[T],
    *,
    min_size: int = 0,
    max_size: int,
    unique_by: Callable[[T], Any],
) -> SearchStrategy[list[T]]:
    """Lists of distinct items.

    Hypothesis writes the items' strategy's repr whenever it draws a repeat, so the
    strategies here keep their reprs short (composites over :class:`_Fields`).
    """
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique_by=unique_by)


@_flat
def _distinct_items(
    draw: st.DrawFn,
    strategy: SearchStrategy[T],
    min_size: int,
    max_size: int,
    key: Callable[[T], Any],
    members: Callable[[], tuple[T, ...]],
) -> tuple[T, ...]:
    """``min_size`` to ``max_size`` items with distinct keys. An item that repeats an
    earlier key is replaced by the first of ``members()`` with a new key, so even the
    simplest draws (Hypothesis tries them first) make a valid tuple."""
    size = draw(st.integers(min_size, max_size))
    found: dict[Any, T] = {}
    for _ in range(size):
        item = draw(strategy)
        if key(item) in found:
            spare = next((m for m in members() if key(m) not in found), None)
            if spare is None:
                if len(found) >= min_size:
                    break
                reject()
            item = spare
        found[key(item)] = item
    return tuple(found.values())


@_flat
def _mostly(
    draw: st.DrawFn, known: tuple[T, ...], made_up: SearchStrategy[T], one_in: int = 4
) -> T:
    """A made-up value once in ``one_in`` draws, else one of ``known`` (shrinking to the
    first): one choice for a known value."""
    pick = draw(_below(one_in * len(known)))
    if pick >= (one_in - 1) * len(known):
        return draw(made_up)
    return known[pick % len(known)]


@_flat
def _one_of(draw: st.DrawFn, *strategies: SearchStrategy[T]) -> T:
    """A value of one of ``strategies``, shrinking towards the first, drawn inline."""
    return (
        draw(strategies[draw(_below(len(strategies)))])
        if len(strategies) > 1
        else draw(strategies[0])
    )


def _party_id(party: Party) -> str:
    return party.id

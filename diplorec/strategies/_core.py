"""Helpers every strategy module shares: narrowing arguments, labels, small combinators."""

from __future__ import annotations

import contextlib
import enum
import functools
from collections.abc import Callable, Iterator
from typing import Any, Final, ParamSpec, TypeAlias, TypeVar, cast

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
    return st.composite(definition)(*map(_Shown, shown))


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


@st.composite
def _maybe(draw: st.DrawFn, strategy: SearchStrategy[T], absent: Any = None) -> Any:
    """``absent`` or a value of ``strategy``: one boolean, then the value if present."""
    return draw(strategy) if draw(st.booleans()) else absent


def _optional(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
    """None or a value of ``strategy`` (shrinking towards None)."""
    return cast(SearchStrategy[T | None], _maybe(strategy))


class _Fields:
    """The fields of a model being drawn: each fixed, drawn, or optional.

    Optional fields left unnarrowed cost one choice together when they are absent, so a
    model with many optional fields stays cheap to draw; see :func:`_draw_fields`.
    """

    def __init__(self) -> None:
        self.required: dict[str, SearchStrategy[Any]] = {}
        self.optional: dict[str, tuple[Any, SearchStrategy[Any]]] = {}

    def __repr__(self) -> str:
        return f"fields({', '.join([*self.required, *self.optional])})"

    def add(self, name: str, given: Narrowing[Any], default: SearchStrategy[Any]) -> None:
        """A field drawn from ``default`` unless narrowed."""
        self.required[name] = _lift(given, default)

    def maybe(
        self, name: str, given: Narrowing[Any], present: SearchStrategy[Any], absent: Any = None
    ) -> None:
        """A field that is ``absent`` or drawn from ``present``, unless narrowed."""
        if given is _UNSET:
            self.optional[name] = (absent, present)
        else:
            self.required[name] = _lift(given, present)

    def some(self, name: str, given: Narrowing[Any], item: SearchStrategy[Any], **kw: Any) -> None:
        """A tuple field: empty, or one or more distinct items, unless narrowed."""
        self.maybe(name, given, _tuples(item, min_size=1, **kw), ())


def _draw_fields(draw: st.DrawFn, fields: _Fields) -> dict[str, Any]:
    """Draw every field. Which optional fields are present is one choice, a bit each (so
    shrinking clears them one by one), and then the values of those present."""
    values = {name: draw(strategy) for name, strategy in fields.required.items()}
    present = draw(st.integers(0, (1 << len(fields.optional)) - 1)) if fields.optional else 0
    for bit, (name, (absent, strategy)) in enumerate(fields.optional.items()):
        values[name] = draw(strategy) if present >> bit & 1 else absent
    return values


@st.composite
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


@st.composite
def _as_tuple(draw: st.DrawFn, lists: SearchStrategy[list[T]]) -> tuple[T, ...]:
    return tuple(draw(lists))


def _tuples(
    strategy: SearchStrategy[T],
    *,
    min_size: int = 0,
    max_size: int = 3,
    unique_by: Callable[[T], Any] | None = None,
) -> SearchStrategy[tuple[T, ...]]:
    """Tuples of items (distinct by ``unique_by``), built in a composite: a report shows
    the tuple itself, not ``tuple([...])``."""
    if unique_by is None:
        return _as_tuple(st.lists(strategy, min_size=min_size, max_size=max_size))
    lists = _unique_lists(strategy, min_size=min_size, max_size=max_size, unique_by=unique_by)
    return _as_tuple(lists)


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


@st.composite
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


def _party_id(party: Party) -> str:
    return party.id

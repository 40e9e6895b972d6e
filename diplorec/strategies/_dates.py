"""Strategies for dates: :func:`whens`, narrowed by precision, bounds and shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec.dates import OPEN_END, OPEN_START, Precision, When
from diplorec.strategies._core import _public

# -- dates --------------------------------------------------------------------------

_SINGLE_PRECISIONS: Final = tuple(p for p in Precision if p is not Precision.INTERVAL)
_SUBYEAR_CODES: Final = {
    precision: tuple(
        code
        for code in (*range(21, 25), *range(33, 42))
        if When.subyear(2001, code).precision is precision
    )
    for precision in (
        Precision.SEASON,
        Precision.QUARTER,
        Precision.QUADRIMESTER,
        Precision.SEMESTER,
    )
}
_QUALIFIERS: Final = ((False, False), (True, False), (False, True), (True, True))
_ONE_DAY: Final = dt.timedelta(days=1)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_bounds(lo: dt.date, hi: dt.date) -> tuple[int, int]:
    """The first and last month (as indexes) lying wholly within [lo, hi]."""
    first = _month_index(lo) + (lo.day != 1)
    last_day = hi == OPEN_END or (hi + _ONE_DAY).month != hi.month
    return first, _month_index(hi) - (not last_day)


def _year_bounds(lo: dt.date, hi: dt.date) -> tuple[int, int]:
    """The first and last year lying wholly within [lo, hi]."""
    first = lo.year + ((lo.month, lo.day) != (1, 1))
    return first, hi.year - ((hi.month, hi.day) != (12, 31))


def _subyear_bounds(code: int, lo: dt.date, hi: dt.date) -> tuple[int, int]:
    """The first and last year whose sub-year ``code`` lies wholly within [lo, hi]."""

    def fits(year: int) -> bool:
        if not 1 <= year <= 9999:
            return False
        try:
            w = When.subyear(year, code)
        except ValueError:  # e.g. a winter of 9999 would end after 9999-12-31
            return False
        return lo <= w.earliest and w.latest <= hi

    first = next((y for y in (lo.year - 1, lo.year, lo.year + 1) if fits(y)), lo.year + 2)
    last = next((y for y in (hi.year, hi.year - 1, hi.year - 2) if fits(y)), hi.year - 3)
    return first, last


def _near(low: int, high: int, anchor: int) -> SearchStrategy[int]:
    """Integers in [low, high] that shrink towards ``anchor`` (clamped) rather than ``low``."""
    anchor = min(max(anchor, low), high)
    return st.integers(low - anchor, high - anchor).map(lambda offset: anchor + offset)


def _single_whens(
    precision: Precision, lo: dt.date, hi: dt.date, qualifiers: bool
) -> SearchStrategy[When] | None:
    """Single dates of one precision within [lo, hi]; None if there are none."""
    qualifier = st.sampled_from(_QUALIFIERS if qualifiers else _QUALIFIERS[:1])
    if precision is Precision.DAY:
        return st.builds(
            lambda day, q: When.day(day.year, day.month, day.day, uncertain=q[0], approximate=q[1]),
            st.dates(lo, hi),
            qualifier,
        )
    if precision is Precision.MONTH:
        first, last = _month_bounds(lo, hi)
        if first > last:
            return None
        return st.builds(
            lambda index, q: When.month(
                index // 12, index % 12 + 1, uncertain=q[0], approximate=q[1]
            ),
            _near(first, last, 2000 * 12),
            qualifier,
        )
    if precision is Precision.YEAR:
        first, last = _year_bounds(lo, hi)
        if first > last:
            return None
        return st.builds(
            lambda year, q: When.year(year, uncertain=q[0], approximate=q[1]),
            _near(first, last, 2000),
            qualifier,
        )
    options = []
    for code in _SUBYEAR_CODES[precision]:
        first, last = _subyear_bounds(code, lo, hi)
        if first <= last:
            options.append(
                st.builds(
                    lambda year, q, code=code: When.subyear(
                        year, code, uncertain=q[0], approximate=q[1]
                    ),
                    _near(first, last, 2000),
                    qualifier,
                )
            )
    return st.one_of(options) if options else None


def _as_bound(value: dt.date | When | None, default: dt.date, side: str) -> dt.date:
    if value is None:
        return default
    if isinstance(value, When):
        return value.earliest if side == "min" else value.latest
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidArgument(f"{side}_value={value!r} must be a datetime.date or a When")
    return value


@st.composite
def _intervals(draw: st.DrawFn, ends: SearchStrategy[When], shapes: tuple[str, ...]) -> When:
    shape = draw(st.sampled_from(shapes))
    first = draw(ends)
    if shape == "open start":
        return When.interval(None, first)
    if shape == "open end":
        return When.interval(first, None)
    last = draw(ends)
    if first.earliest > last.latest:
        first, last = last, first
    return When.interval(first, last)


@_public
def whens(
    *,
    precision: Precision | Iterable[Precision] | SearchStrategy[Precision] | None = None,
    min_value: dt.date | When | None = None,
    max_value: dt.date | When | None = None,
    intervals: bool = True,
    open_ends: bool = True,
    qualifiers: bool = True,
) -> SearchStrategy[When]:
    """Dates of every precision from 0001 to 9999, qualified or not, and intervals.

    ``precision`` keeps to one precision, a collection of them, or those a strategy
    draws; ``Precision.INTERVAL`` means intervals. Every value drawn lies within
    ``min_value`` and ``max_value`` (dates, or a ``When`` whose bounds are used):
    ``earliest >= min_value`` and ``latest <= max_value``. So an interval with an
    open start (whose earliest bound is 0001-01-01) is drawn only without a
    ``min_value``, and one with an open end only without a ``max_value``.
    ``intervals=False`` draws single dates only, ``open_ends=False`` closed intervals
    only, ``qualifiers=False`` no ``?``, ``~`` or ``%``. The ends of an interval are
    single dates of any precision.

    >>> import datetime
    >>> strategy = whens(precision=Precision.MONTH, min_value=datetime.date(2025, 1, 1))
    """
    lo = _as_bound(min_value, OPEN_START, "min")
    hi = _as_bound(max_value, OPEN_END, "max")
    if lo > hi:
        raise InvalidArgument(f"min_value={lo} is after max_value={hi}")
    by_precision: dict[Precision, SearchStrategy[When]] = {}
    for single in _SINGLE_PRECISIONS:
        found = _single_whens(single, lo, hi, qualifiers)
        if found is not None:
            by_precision[single] = found
    if intervals:
        shapes = ["closed"]
        if open_ends and lo == OPEN_START:
            shapes.append("open start")
        if open_ends and hi == OPEN_END:
            shapes.append("open end")
        ends = st.one_of(list(by_precision.values()))
        by_precision[Precision.INTERVAL] = _intervals(ends, tuple(shapes))

    if precision is None:
        return st.one_of(list(by_precision.values()))
    if isinstance(precision, SearchStrategy):
        return precision.filter(by_precision.__contains__).flatmap(by_precision.__getitem__)
    wanted: list[Precision] = [precision] if isinstance(precision, Precision) else list(precision)
    for p in wanted:
        if not isinstance(p, Precision):
            raise InvalidArgument(f"precision={p!r} is not a Precision")
        if p not in by_precision:
            if p is Precision.INTERVAL:
                raise InvalidArgument("precision=Precision.INTERVAL contradicts intervals=False")
            raise InvalidArgument(f"no {p.value} lies wholly between {lo} and {hi}")
    return st.one_of([by_precision[p] for p in wanted])

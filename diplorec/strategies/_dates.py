"""Strategies for dates: :func:`whens`, narrowed by precision, bounds and shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeAlias

from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy
from hypothesis.vendor import pretty

from diplorec.dates import OPEN_END, OPEN_START, Precision, When
from diplorec.strategies._core import _below, _flat, _public

# -- dates --------------------------------------------------------------------------


def _pretty_when(value: When, printer: Any, cycle: bool) -> None:
    """How Hypothesis prints a ``When`` in a report: as code that makes it again."""
    printer.text(f"When.parse({str(value)!r})")


# Hypothesis prints the values of a failing example with its pretty printer, which would
# show a When as its attrs fields (``When(_text=...)``).
pretty.for_type_by_name(When.__module__, When.__qualname__, _pretty_when)

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


#: Where most drawn dates lie: the years analysts hold records for.
NEAR_FIRST: Final = dt.date(1800, 1, 1)
NEAR_LAST: Final = dt.date(2100, 12, 31)
_ANCHOR: Final = dt.date(2000, 1, 1)


def _day(ordinal: int, uncertain: bool, approximate: bool) -> When:
    day = dt.date.fromordinal(ordinal)
    return When.day(day.year, day.month, day.day, uncertain=uncertain, approximate=approximate)


def _month(index: int, uncertain: bool, approximate: bool) -> When:
    return When.month(index // 12, index % 12 + 1, uncertain=uncertain, approximate=approximate)


def _year(year: int, uncertain: bool, approximate: bool) -> When:
    return When.year(year, uncertain=uncertain, approximate=approximate)


class _Subyear:
    """Makes the sub-year ``code`` (a season, quarter ...) of a year."""

    def __init__(self, code: int) -> None:
        self.code = code

    def __repr__(self) -> str:
        return f"subyear {self.code}"

    def __call__(self, year: int, uncertain: bool, approximate: bool) -> When:
        return When.subyear(year, self.code, uncertain=uncertain, approximate=approximate)


_Make: TypeAlias = Callable[[int, bool, bool], When]


@_flat
def _single(
    draw: st.DrawFn, make: _Make, anchor: int, numbers: SearchStrategy[int], ways: int
) -> When:
    """``make(anchor + n, ...)``, maybe qualified: one choice, whose last digit (base
    ``ways``, 1 or 4) is the qualifiers, so it shrinks towards ``anchor`` unqualified.
    Built here, so a report shows the ``When`` itself."""
    offset, qualified = divmod(draw(numbers), ways)
    uncertain, approximate = _QUALIFIERS[qualified]
    return make(anchor + offset, uncertain, approximate)


def _single_dates(
    make: _Make, first: int, last: int, anchor: int, qualifiers: bool
) -> SearchStrategy[When]:
    """The strategy of :func:`_single` for n in [first, last], shrinking towards ``anchor``
    (clamped)."""
    anchor = min(max(anchor, first), last)
    ways = len(_QUALIFIERS) if qualifiers else 1
    numbers = st.integers((first - anchor) * ways, (last - anchor) * ways + ways - 1)
    return _single(make, anchor, numbers, ways)


def _ranges(precision: Precision, lo: dt.date, hi: dt.date) -> list[tuple[_Make, int, int, int]]:
    """How to draw single dates of one precision within [lo, hi]: (make, first, last, anchor)
    for each way (one, or one per sub-year code); empty if none fits."""
    found: list[tuple[_Make, int, int, int]] = []
    if precision is Precision.DAY:
        found.append((_day, lo.toordinal(), hi.toordinal(), _ANCHOR.toordinal()))
    elif precision is Precision.MONTH:
        found.append((_month, *_month_bounds(lo, hi), _ANCHOR.year * 12))
    elif precision is Precision.YEAR:
        found.append((_year, *_year_bounds(lo, hi), _ANCHOR.year))
    else:
        for code in _SUBYEAR_CODES[precision]:
            found.append((_Subyear(code), *_subyear_bounds(code, lo, hi), _ANCHOR.year))
    return [way for way in found if way[1] <= way[2]]


#: How often each precision is drawn by default, against one another: days, months and
#: years within 1800-2100 make most of what analysts hold; far dates (0001-9999) and
#: seasons, quarters, quadrimesters and semesters come now and then.
_NEAR_WEIGHTS: Final = {
    Precision.DAY: 5,
    Precision.MONTH: 4,
    Precision.YEAR: 4,
    Precision.SEASON: 1,
    Precision.QUARTER: 1,
    Precision.QUADRIMESTER: 1,
    Precision.SEMESTER: 1,
}
_FAR_WEIGHTS: Final = {Precision.DAY: 1, Precision.MONTH: 1, Precision.YEAR: 1}
#: Intervals, against the single dates' weights above (20 in all).
_INTERVAL_WEIGHT: Final = 4
#: The shapes of an interval, by weight: two in five have an open end.
_SHAPES: Final = ("closed", "closed", "closed", "open start", "open end")


def _weighted_singles(
    precision: Precision, lo: dt.date, hi: dt.date, qualifiers: bool
) -> list[SearchStrategy[When]]:
    """Strategies for single dates of one precision, repeated by weight; empty if none fits."""
    near_lo, near_hi = max(lo, NEAR_FIRST), min(hi, NEAR_LAST)
    table: list[SearchStrategy[When]] = []
    near = _ranges(precision, near_lo, near_hi) if near_lo <= near_hi else []
    far = _ranges(precision, lo, hi)
    if not near:  # nothing of this precision lies within 1800-2100 and the bounds
        near, far = far, []
    for ways, weight in ((near, _NEAR_WEIGHTS[precision]), (far, _FAR_WEIGHTS.get(precision, 0))):
        if ways and weight:
            each = tuple(_single_dates(*way, qualifiers) for way in ways)  # one per sub-year code
            table += [each[0] if len(each) == 1 else _weighted(each)] * weight
    return table


def _as_bound(value: dt.date | When | None, default: dt.date, side: str) -> dt.date:
    if value is None:
        return default
    if isinstance(value, When):
        return value.earliest if side == "min" else value.latest
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidArgument(f"{side}_value={value!r} must be a datetime.date or a When")
    return value


@_flat
def _intervals(
    draw: st.DrawFn, ends: tuple[SearchStrategy[When], ...], shapes: tuple[str, ...]
) -> When:
    """Intervals whose ends are single dates of any precision, or one end open. The shape
    and the way the first end is drawn are one choice."""
    shape, way = divmod(draw(_below(len(shapes) * len(ends))), len(ends))
    first = draw(ends[way])
    if shapes[shape] == "open start":
        return When.interval(None, first)
    if shapes[shape] == "open end":
        return When.interval(first, None)
    last = draw(ends[draw(_below(len(ends)))])
    if first.earliest > last.latest:
        first, last = last, first
    return When.interval(first, last)


@_flat
def _weighted(draw: st.DrawFn, table: tuple[SearchStrategy[When], ...]) -> When:
    """A value of one strategy of ``table`` (listed as often as it is to be drawn)."""
    return draw(table[draw(_below(len(table)))])


@_flat
def _of_drawn_precision(
    draw: st.DrawFn,
    precisions: SearchStrategy[Precision],
    tables: dict[Precision, tuple[SearchStrategy[When], ...]],
) -> When:
    precision = draw(precisions)
    if precision not in tables:
        reject()
    table = tables[precision]
    return draw(table[draw(_below(len(table)))])


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

    Most values are what analysts hold: days, months and years between 1800 and 2100
    (about four in five single dates). Seasons, quarters, quadrimesters, semesters and
    dates anywhere in 0001-9999 come now and then; about one value in six is an
    interval, and two intervals in five have an open end. Values shrink towards 2000.

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
    tables: dict[Precision, tuple[SearchStrategy[When], ...]] = {}
    for single in _SINGLE_PRECISIONS:
        found = _weighted_singles(single, lo, hi, qualifiers)
        if found:
            tables[single] = tuple(found)
    if intervals and tables:
        allowed = {"closed"}
        if open_ends and lo == OPEN_START:
            allowed.add("open start")
        if open_ends and hi == OPEN_END:
            allowed.add("open end")
        shapes = tuple(shape for shape in _SHAPES if shape in allowed)
        ends = tuple(strategy for table in tables.values() for strategy in table)
        tables[Precision.INTERVAL] = (_intervals(ends, shapes),) * _INTERVAL_WEIGHT

    if precision is None:
        return _weighted(tuple(strategy for table in tables.values() for strategy in table))
    if isinstance(precision, SearchStrategy):
        return _of_drawn_precision(precision, tables)
    wanted: list[Precision] = [precision] if isinstance(precision, Precision) else list(precision)
    for p in wanted:
        if not isinstance(p, Precision):
            raise InvalidArgument(f"precision={p!r} is not a Precision")
        if p not in tables:
            if p is Precision.INTERVAL:
                raise InvalidArgument("precision=Precision.INTERVAL contradicts intervals=False")
            raise InvalidArgument(f"no {p.value} lies wholly between {lo} and {hi}")
    return _weighted(tuple(strategy for p in wanted for strategy in tables[p]))


# -- times of day ---------------------------------------------------------------------


_HOURS: Final = st.integers(0, 23)
_SIXTY: Final = st.integers(0, 59)
#: UTC offsets in minutes, shrinking to UTC itself.
_OFFSETS: Final = st.integers(-(24 * 60 - 1), 24 * 60 - 1)


@_flat
def _time_of_day(draw: st.DrawFn) -> dt.time:
    """A time to the second with a UTC offset: four choices, made inline."""
    hour, minute, second, minutes = draw(_HOURS), draw(_SIXTY), draw(_SIXTY), draw(_OFFSETS)
    offset = dt.timezone(dt.timedelta(minutes=minutes)) if minutes else dt.UTC
    return dt.time(hour, minute, second, tzinfo=offset)


@_public
def times_of_day() -> SearchStrategy[dt.time]:
    """Times of day to the second, each with a UTC offset of whole minutes (``Event.at``).

    >>> strategy = times_of_day()
    """
    return _time_of_day()

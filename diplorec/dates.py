"""Partial and uncertain dates: :class:`When` and its :class:`Precision`.

Sources rarely give a clean calendar day. They say "3 July 2025", "April 2025",
"early 2025" or "between 4 November and 3 December 2018". A :class:`When` holds
such a date as the source gives it, in a small subset of EDTF (ISO 8601-2):

==========================  ==============================================
``2025``                    a year (four digits, 0001 to 9999)
``2025-04``                 a month
``2025-07-03``              a day
``2025-21`` .. ``2025-24``  spring, summer, autumn, winter
``2025-33`` .. ``2025-36``  quarters 1 to 4
``2025-37`` .. ``2025-39``  quadrimesters (four-month thirds) 1 to 3
``2025-40``, ``2025-41``    semesters (halves) 1 and 2
``2025-07-03?``             uncertain; ``~`` approximate; ``%`` both
``2018-11-04/2018-12-03``   an interval; either end may be ``..`` (open)
==========================  ==============================================

Every date has inclusive bounds, :attr:`When.earliest` and :attr:`When.latest`.
The seasons of a year follow one another: spring is March to May, summer June
to August, autumn September to November, and winter December to February, so
winter runs into the next year: ``2025-24`` runs from 2025-12-01 to 2026-02-28,
and ``2023-24`` to 2024-02-29. (The ``edtf`` package puts winter in December
alone; diplorec does not, since that would let :meth:`When.definitely_before`
claim more than a source that says "winter" supports.) ``9999-24`` is refused,
as its end would fall after 9999-12-31. Qualifiers never change bounds.

>>> When.parse("2025-40")
When('2025-40')
>>> When.parse("2025-40").latest
Date(2025, 6, 30)
>>> When.parse("2025-24").latest
Date(2026, 2, 28)
"""

from __future__ import annotations

import datetime
import enum
import functools
import reprlib
from typing import TYPE_CHECKING, Any, Protocol, overload

import attrs

if TYPE_CHECKING:  # pendulum is imported when a bound is first asked for, not before
    import pendulum

__all__ = ["OPEN_END", "OPEN_START", "Precision", "When"]


class Precision(enum.Enum):
    """How finely a :class:`When` pins down its date.

    >>> When.parse("2025-04").precision
    <Precision.MONTH: 'month'>
    >>> Precision.MONTH.wikidata
    10
    """

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    QUADRIMESTER = "quadrimester"
    SEMESTER = "semester"
    YEAR = "year"
    INTERVAL = "interval"

    @property
    def wikidata(self) -> int | None:
        """The Wikidata time precision code for this precision, or None for an interval.

        Wikidata codes are 11 for a day, 10 for a month and 9 for a year. It has
        nothing between month and year, so seasons, quarters, quadrimesters and
        semesters map to 9: written to Wikidata they say only which year. An
        interval has no single precision; Wikidata states its ends separately
        (start time, end time), each with its own precision.

        >>> Precision.DAY.wikidata, Precision.SEASON.wikidata, Precision.INTERVAL.wikidata
        (11, 9, None)
        """
        return _WIKIDATA[self]


_WIKIDATA: dict[Precision, int | None] = {
    Precision.DAY: 11,
    Precision.MONTH: 10,
    Precision.SEASON: 9,
    Precision.QUARTER: 9,
    Precision.QUADRIMESTER: 9,
    Precision.SEMESTER: 9,
    Precision.YEAR: 9,
    Precision.INTERVAL: None,
}

# Finer first: used only to break ties in the sort order.
_RANK: dict[Precision, int] = {p: i for i, p in enumerate(Precision)}

# Sub-year code -> (precision, first month, last month). A last month before the
# first means the span runs into the next year: winter is December of the named
# year to February of the next. (edtf puts winter in December alone, which is
# narrower than any everyday winter and would make definitely_before overclaim.)
_SUBYEAR: dict[int, tuple[Precision, int, int]] = {
    21: (Precision.SEASON, 3, 5),
    22: (Precision.SEASON, 6, 8),
    23: (Precision.SEASON, 9, 11),
    24: (Precision.SEASON, 12, 2),
    33: (Precision.QUARTER, 1, 3),
    34: (Precision.QUARTER, 4, 6),
    35: (Precision.QUARTER, 7, 9),
    36: (Precision.QUARTER, 10, 12),
    37: (Precision.QUADRIMESTER, 1, 4),
    38: (Precision.QUADRIMESTER, 5, 8),
    39: (Precision.QUADRIMESTER, 9, 12),
    40: (Precision.SEMESTER, 1, 6),
    41: (Precision.SEMESTER, 7, 12),
}

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_QUALIFIERS = "?~%"
_OPEN = ".."
_EXPECTED = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS, optionally with ?, ~ or %, or an interval A/B"

# Bounds are kept as proleptic Gregorian ordinals (datetime.date.toordinal) and turned
# into pendulum dates on first use, so reading a corpus builds no pendulum object and
# does not import pendulum at all.
_FIRST_ORDINAL = 1  # 0001-01-01
_LAST_ORDINAL = datetime.date(9999, 12, 31).toordinal()
_ordinal = datetime.date.toordinal
_date = datetime.date

if TYPE_CHECKING:
    #: The earliest bound of an interval with an open start (``../2025``).
    OPEN_START: pendulum.Date
    #: The latest bound of an interval with an open end (``2021-08/..``).
    OPEN_END: pendulum.Date


def _pendulum_date(ordinal: int) -> pendulum.Date:
    import pendulum  # on first use only (see above)

    day = datetime.date.fromordinal(ordinal)
    return pendulum.Date(day.year, day.month, day.day)


def __getattr__(name: str) -> Any:
    # OPEN_START and OPEN_END are pendulum dates, built (and pendulum imported) on first use.
    if name == "OPEN_START":
        value = _pendulum_date(_FIRST_ORDINAL)
    elif name == "OPEN_END":
        value = _pendulum_date(_LAST_ORDINAL)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def _quote(text: str) -> str:
    # Garbage input can be long; a message needs only enough to recognise it.
    if len(text) > 60:
        return repr(text[:57] + "...")
    return repr(text)


def _qualifier(uncertain: bool, approximate: bool) -> str:
    if uncertain and approximate:
        return "%"
    if uncertain:
        return "?"
    if approximate:
        return "~"
    return ""


def _check_int(name: str, value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"the {name} must be an int, not {type(value).__name__} {value!r}"
        raise ValueError(msg)
    if not low <= value <= high:
        msg = f"the {name} {value} is out of range: it must be from {low} to {high}"
        raise ValueError(msg)
    return value


def _check_single(role: str, value: object) -> When | None:
    if value is None:
        return None
    if not isinstance(value, When):
        msg = f"the {role} of an interval must be a When or None, not {type(value).__name__}"
        raise ValueError(msg)
    if value.is_interval:
        msg = f"the {role} of an interval must be a single date, not the interval {value}"
        raise ValueError(msg)
    return value


def _as_day(d: object) -> datetime.date:
    if isinstance(d, datetime.datetime):
        msg = (
            f"expected a date, not the datetime {d.isoformat()}; call .date() on it "
            "(in the time zone you mean) first"
        )
        raise ValueError(msg)
    if not isinstance(d, datetime.date):
        msg = f"expected a datetime.date, not {type(d).__name__}"
        raise ValueError(msg)
    return d


class _YearConstructor(Protocol):
    def __call__(
        self, year: int, *, uncertain: bool = False, approximate: bool = False
    ) -> When: ...


class _Year:
    """``When.year(2025)`` builds a year; ``when.year`` reads a single date's year.

    The constructor and the property share a name, so this descriptor answers
    with the constructor on the class and with the year (None for an interval)
    on an instance.

    >>> When.year(2025, approximate=True)
    When('2025~')
    >>> When.parse("2025-23").year
    2025
    >>> print(When.parse("2025/2026").year)
    None
    """

    @overload
    def __get__(self, instance: None, owner: type[When]) -> _YearConstructor: ...
    @overload
    def __get__(self, instance: When, owner: type[When]) -> int | None: ...
    def __get__(self, instance: When | None, owner: type[When]) -> _YearConstructor | int | None:
        if instance is None:
            return owner._of_year
        return instance._year


@functools.lru_cache(maxsize=65536)
def _parse_cached(text: str) -> When:
    return When(text=text)


@attrs.frozen(kw_only=True)
class When:
    """A date as a source gives it: a day, month, season, year or an interval.

    Build one with :meth:`parse` or the other classmethods; ``When(text=...)``
    validates its text just as :meth:`parse` does, without the cache. Two values are equal
    exactly when their canonical text (``str(when)``) is equal. The operators
    ``<``, ``<=``, ``>`` and ``>=`` give a total order for sorting (see
    :attr:`sort_key`); they do not claim that one event came first. Use
    :meth:`definitely_before` or :meth:`before` for that.

    >>> w = When.parse("2025-04~")
    >>> w
    When('2025-04~')
    >>> w.precision, w.approximate, w.earliest, w.latest
    (<Precision.MONTH: 'month'>, True, Date(2025, 4, 1), Date(2025, 4, 30))
    >>> When.parse(str(w)) == w
    True
    """

    _text: str = attrs.field(alias="text")
    _precision: Precision = attrs.field(init=False, eq=False, repr=False)
    # The bounds as ordinals; their pendulum dates are built on first use.
    _lo: int = attrs.field(init=False, eq=False, repr=False)
    _hi: int = attrs.field(init=False, eq=False, repr=False)
    # (pendulum.Date | None, written Any so that resolving the annotations, as cattrs
    # does, needs no pendulum)
    _earliest: Any = attrs.field(init=False, default=None, eq=False, repr=False)
    _latest: Any = attrs.field(init=False, default=None, eq=False, repr=False)
    _uncertain: bool = attrs.field(init=False, eq=False, repr=False)
    _approximate: bool = attrs.field(init=False, eq=False, repr=False)
    _year: int | None = attrs.field(init=False, eq=False, repr=False)
    _start: When | None = attrs.field(init=False, eq=False, repr=False)
    _end: When | None = attrs.field(init=False, eq=False, repr=False)
    # The sort order, as ordinals: the same order as sort_key's dates.
    _order: tuple[int, int, int, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        text = self._text
        if not isinstance(text, str):
            got = "None" if text is None else f"the {type(text).__name__} {reprlib.repr(text)}"
            msg = f"a date must be text in the EDTF form diplorec reads ({_EXPECTED}), not {got}"
            raise ValueError(msg)
        if type(text) is not str:  # a str subclass: keep a plain str
            text = str(text)
            object.__setattr__(self, "_text", text)
        if "/" in text:
            self._init_interval(text)
        else:
            self._init_single(text)
        key = (self._lo, self._hi, _RANK[self._precision], text)
        object.__setattr__(self, "_order", key)

    def _init_single(self, text: str) -> None:
        body = text
        qualifier = ""
        if body and body[-1] in _QUALIFIERS:
            qualifier = body[-1]
            body = body[:-1]
            if body and body[-1] in _QUALIFIERS:
                msg = (
                    f"{_quote(text)} has more than one qualifier; write one of ?, ~ or % "
                    "(% means both uncertain and approximate)"
                )
                raise ValueError(msg)
        year, month, day = self._split(text, body)
        set_ = object.__setattr__
        set_(self, "_uncertain", qualifier in ("?", "%"))
        set_(self, "_approximate", qualifier in ("~", "%"))
        set_(self, "_year", year)
        set_(self, "_start", None)
        set_(self, "_end", None)
        if month == 0:
            set_(self, "_precision", Precision.YEAR)
            set_(self, "_lo", _ordinal(_date(year, 1, 1)))
            set_(self, "_hi", _ordinal(_date(year, 12, 31)))
        elif month > 12:
            precision, first, last = _SUBYEAR[month]
            end_year = year + 1 if last < first else year
            set_(self, "_precision", precision)
            set_(self, "_lo", _ordinal(_date(year, first, 1)))
            set_(self, "_hi", _ordinal(_date(end_year, last, _days_in_month(end_year, last))))
        elif day == 0:
            set_(self, "_precision", Precision.MONTH)
            set_(self, "_lo", _ordinal(_date(year, month, 1)))
            set_(self, "_hi", _ordinal(_date(year, month, _days_in_month(year, month))))
        else:
            set_(self, "_precision", Precision.DAY)
            ordinal = _ordinal(_date(year, month, day))
            set_(self, "_lo", ordinal)
            set_(self, "_hi", ordinal)

    @staticmethod
    def _split(text: str, body: str) -> tuple[int, int, int]:
        """Return (year, month or sub-year code, day) with 0 for absent parts."""
        q = _quote(text)
        n = len(body)
        if (
            n in (4, 7, 10)
            and body.isascii()
            and body[:4].isdigit()
            and (n == 4 or (body[4] == "-" and body[5:7].isdigit()))
            and (n < 10 or (body[7] == "-" and body[8:10].isdigit()))
        ):
            year = int(body[:4])
            month = int(body[5:7]) if n > 4 else 0
            day = int(body[8:10]) if n > 7 else 0
        else:
            msg = f"{q} is not a date in the EDTF form diplorec reads ({_EXPECTED})"
            digits = len(body) - len(body.lstrip("0123456789"))
            if body[:1] == "-" and body[1:2].isdigit():
                msg = (
                    f"{q} has a negative year; diplorec reads only four-digit years "
                    "from 0001 to 9999"
                )
            elif digits > 4 or body[:1] == "Y":
                msg = (
                    f"{q} has a year of more than four digits; diplorec reads only "
                    "four-digit years from 0001 to 9999"
                )
            elif n > 10 and body[10] == "T":
                msg = (
                    f"{q} has a time of day; diplorec dates are whole days "
                    f"in the EDTF form {_EXPECTED}"
                )
            raise ValueError(msg)
        if year == 0:
            msg = f"{q} names year 0000, which diplorec does not read; years run from 0001 to 9999"
            raise ValueError(msg)
        if n == 4:
            return year, 0, 0
        if month == 0 or 13 <= month <= 20:
            msg = f"{q} is not a date: there is no month {body[5:7]}; months run from 01 to 12"
            raise ValueError(msg)
        if month > 12 and month not in _SUBYEAR:
            msg = (
                f"{q} is not a date: {body[5:7]} is neither a month (01 to 12) nor a "
                "sub-year code diplorec reads (21 to 24 for seasons; 33 to 41 for "
                "quarters, quadrimesters and semesters)"
            )
            raise ValueError(msg)
        if n == 7:
            if year == 9999 and month > 12 and _SUBYEAR[month][2] < _SUBYEAR[month][1]:
                msg = (
                    f"{q} cannot be read: the winter of 9999 ends in February 10000, "
                    "after 9999-12-31, the latest day diplorec reads"
                )
                raise ValueError(msg)
            return year, month, 0
        if month > 12:
            kind = _SUBYEAR[month][0].value
            msg = f"{q} is not a date: {body[5:7]} is a {kind} code, which cannot take a day"
            raise ValueError(msg)
        length = _days_in_month(year, month)
        if not 1 <= day <= length:
            msg = (
                f"{q} is not a calendar date: {_MONTH_NAMES[month - 1]} {body[:4]} "
                f"has {length} days, numbered 01 to {length}"
            )
            raise ValueError(msg)
        return year, month, day

    def _init_interval(self, text: str) -> None:
        q = _quote(text)
        parts = text.split("/")
        if len(parts) != 2:
            msg = (
                f"{q} is not a date in the EDTF form diplorec reads ({_EXPECTED}): "
                "an interval has exactly one '/'"
            )
            raise ValueError(msg)
        ends: list[When | None] = []
        for role, part in zip(("start", "end"), parts, strict=True):
            if part == _OPEN:
                ends.append(None)
                continue
            if not part:
                msg = f"{q} has an empty {role}; write an open {role} as '..'"
                raise ValueError(msg)
            try:
                ends.append(When.parse(part))
            except ValueError as error:
                msg = f"{q} is not a valid interval: {error}"
                raise ValueError(msg) from None
        start, end = ends
        if start is None and end is None:
            msg = f"{q} is open at both ends, which says nothing; give at least one end"
            raise ValueError(msg)
        if start is not None and end is not None and start._lo > end._hi:
            msg = (
                f"{q} is not a valid interval: its start begins on "
                f"{_date.fromordinal(start._lo)}, after its end finishes on "
                f"{_date.fromordinal(end._hi)}"
            )
            raise ValueError(msg)
        set_ = object.__setattr__
        set_(self, "_precision", Precision.INTERVAL)
        set_(self, "_lo", _FIRST_ORDINAL if start is None else start._lo)
        set_(self, "_hi", _LAST_ORDINAL if end is None else end._hi)
        set_(self, "_uncertain", any(e is not None and e.uncertain for e in ends))
        set_(self, "_approximate", any(e is not None and e.approximate for e in ends))
        set_(self, "_year", None)
        set_(self, "_start", start)
        set_(self, "_end", end)

    # -- constructors -------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> When:
        """Read a date from its EDTF text; raise ValueError, with a sentence, if it is not one.

        Only canonical text is accepted, so ``When.parse(str(w)) == w`` always.
        Results are cached, since corpora repeat the same dates.

        >>> When.parse("2018-11-04/2018-12-03")
        When('2018-11-04/2018-12-03')
        >>> When.parse("2025-02-30")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: '2025-02-30' is not a calendar date: February 2025 has 28 days...
        """
        if type(text) is str:
            return _parse_cached(text)
        return When(text=text)

    @classmethod
    def day(
        cls, year: int, month: int, day: int, *, uncertain: bool = False, approximate: bool = False
    ) -> When:
        """A single calendar day.

        >>> When.day(2025, 7, 3, uncertain=True)
        When('2025-07-03?')
        """
        _check_int("year", year, 1, 9999)
        _check_int("month", month, 1, 12)
        _check_int("day", day, 1, 31)
        q = _qualifier(uncertain, approximate)
        return cls.parse(f"{year:04d}-{month:02d}-{day:02d}{q}")

    @classmethod
    def month(
        cls, year: int, month: int, *, uncertain: bool = False, approximate: bool = False
    ) -> When:
        """A calendar month.

        >>> When.month(2024, 2).latest
        Date(2024, 2, 29)
        """
        _check_int("year", year, 1, 9999)
        _check_int("month", month, 1, 12)
        return cls.parse(f"{year:04d}-{month:02d}{_qualifier(uncertain, approximate)}")

    @classmethod
    def _of_year(cls, year: int, *, uncertain: bool = False, approximate: bool = False) -> When:
        _check_int("year", year, 1, 9999)
        return cls.parse(f"{year:04d}{_qualifier(uncertain, approximate)}")

    @classmethod
    def subyear(
        cls, year: int, code: int, *, uncertain: bool = False, approximate: bool = False
    ) -> When:
        """A season (code 21-24), quarter (33-36), quadrimester (37-39) or semester (40, 41).

        Winter (24) runs from December of ``year`` to February of the next year.

        >>> When.subyear(2025, 40)  # "early 2025"
        When('2025-40')
        """
        _check_int("year", year, 1, 9999)
        if not isinstance(code, int) or isinstance(code, bool) or code not in _SUBYEAR:
            msg = (
                f"{code!r} is not a sub-year code diplorec reads: use 21 to 24 for seasons "
                "and 33 to 41 for quarters, quadrimesters and semesters"
            )
            raise ValueError(msg)
        return cls.parse(f"{year:04d}-{code}{_qualifier(uncertain, approximate)}")

    @classmethod
    def interval(cls, start: When | None, end: When | None) -> When:
        """An interval between two single dates; None for an open end.

        >>> When.interval(When.month(2021, 8), None)
        When('2021-08/..')
        """
        first = _check_single("start", start)
        last = _check_single("end", end)
        left = _OPEN if first is None else first._text
        right = _OPEN if last is None else last._text
        return cls.parse(f"{left}/{right}")

    @classmethod
    def from_date(cls, d: datetime.date) -> When:
        """The day of a ``datetime.date`` (a datetime is refused: call ``.date()`` first).

        >>> When.from_date(datetime.date(2025, 7, 3))
        When('2025-07-03')
        """
        day = _as_day(d)
        return cls.parse(f"{day.year:04d}-{day.month:02d}-{day.day:02d}")

    # -- properties ---------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """How finely the date is known; ``Precision.INTERVAL`` for an interval.

        >>> When.parse("2025-36").precision
        <Precision.QUARTER: 'quarter'>
        """
        return self._precision

    @property
    def earliest(self) -> pendulum.Date:
        """The first day the date could be (inclusive); 0001-01-01 for an open start.

        >>> When.parse("2025-04").earliest
        Date(2025, 4, 1)
        >>> When.parse("../2025").earliest
        Date(1, 1, 1)
        """
        return self._bound("_earliest", self._lo)

    @property
    def latest(self) -> pendulum.Date:
        """The last day the date could be (inclusive); 9999-12-31 for an open end.

        >>> When.parse("2024-02").latest
        Date(2024, 2, 29)
        >>> When.parse("2021-08/..").latest
        Date(9999, 12, 31)
        """
        return self._bound("_latest", self._hi)

    def _bound(self, name: str, ordinal: int) -> pendulum.Date:
        """The date of ``ordinal``, built once and kept in the field ``name``."""
        date: pendulum.Date | None = getattr(self, name)
        if date is None:  # two threads racing build equal dates
            date = _pendulum_date(ordinal)
            object.__setattr__(self, name, date)
        return date

    @property
    def uncertain(self) -> bool:
        """Whether the source doubts the date (``?`` or ``%``); for an interval, either end.

        >>> When.parse("2025-07-03?").uncertain
        True
        """
        return self._uncertain

    @property
    def approximate(self) -> bool:
        """Whether the source gives the date roughly (``~`` or ``%``); for an interval, either end.

        >>> When.parse("2025~/2026").approximate
        True
        """
        return self._approximate

    @property
    def is_interval(self) -> bool:
        """Whether this is an interval ``A/B``.

        >>> When.parse("2025/2026").is_interval
        True
        """
        return self._precision is Precision.INTERVAL

    @property
    def is_open(self) -> bool:
        """Whether this is an interval with an open end (``..``).

        >>> When.parse("../2025").is_open
        True
        """
        return self._precision is Precision.INTERVAL and (self._start is None or self._end is None)

    @property
    def start(self) -> When | None:
        """An interval's start (None if open); a single date's is the date itself.

        >>> When.parse("2025-04/2025-06").start
        When('2025-04')
        """
        if self._precision is Precision.INTERVAL:
            return self._start
        return self

    @property
    def end(self) -> When | None:
        """An interval's end (None if open); a single date's is the date itself.

        >>> When.parse("2025-04/..").end is None
        True
        """
        if self._precision is Precision.INTERVAL:
            return self._end
        return self

    year = _Year()

    @property
    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date, int, str]:
        """The key of the sort order: (earliest, latest, precision rank, canonical text).

        Precision ranks run finer first, so a day sorts before the interval made of
        just that day.

        >>> sorted([When.parse("2025"), When.parse("2025-01-01")])
        [When('2025-01-01'), When('2025')]
        """
        return (self.earliest, self.latest, self._order[2], self._text)

    # -- three-valued comparisons ------------------------------------------

    def definitely_before(self, other: When) -> bool:
        """Whether every day this could be comes before every day ``other`` could be.

        >>> When.parse("2025-04").definitely_before(When.parse("2025-05-01"))
        True
        >>> When.parse("2025").definitely_before(When.parse("2025-05-01"))
        False
        """
        return self._hi < other._lo

    def possibly_before(self, other: When) -> bool:
        """Whether some day this could be comes before some day ``other`` could be.

        >>> When.parse("2025").possibly_before(When.parse("2025-05-01"))
        True
        >>> When.parse("2025-07-03").possibly_before(When.parse("2025-07-03"))
        False
        """
        return self._lo < other._hi

    def before(self, other: When) -> bool | None:
        """True if definitely before ``other``, False if definitely not, None if unknowable.

        >>> When.parse("2024").before(When.parse("2025"))
        True
        >>> When.parse("2026").before(When.parse("2025"))
        False
        >>> print(When.parse("2025").before(When.parse("2025-05-01")))
        None
        """
        if self._hi < other._lo:
            return True
        if self._lo >= other._hi:
            return False
        return None

    def contains(self, other: When) -> bool:
        """Whether every day ``other`` could be lies within this date's bounds.

        >>> When.parse("2025").contains(When.parse("2025-22"))
        True
        >>> When.parse("2025-40").contains(When.parse("2025-07"))
        False
        """
        return self._lo <= other._lo and other._hi <= self._hi

    def overlaps(self, other: When) -> bool:
        """Whether the two dates' bounds share at least one day.

        >>> When.parse("2025-40").overlaps(When.parse("2025-06-30/2025-08"))
        True
        >>> When.parse("2025-40").overlaps(When.parse("2025-07"))
        False
        """
        return self._lo <= other._hi and other._lo <= self._hi

    def may_include(self, d: datetime.date) -> bool:
        """Whether the calendar day ``d`` lies within the bounds.

        >>> When.parse("2025-04").may_include(datetime.date(2025, 4, 30))
        True
        """
        day = _ordinal(_as_day(d))
        return self._lo <= day <= self._hi

    def is_exactly(self, d: datetime.date) -> bool:
        """Whether the bounds are the single day ``d`` (qualifiers are not consulted).

        >>> When.parse("2025-07-03").is_exactly(datetime.date(2025, 7, 3))
        True
        >>> When.parse("2025-07").is_exactly(datetime.date(2025, 7, 3))
        False
        """
        day = _ordinal(_as_day(d))
        return self._lo == day and self._hi == day

    # -- sort order, text ---------------------------------------------------

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self._order < other._order

    def __le__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self._order <= other._order

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self._order > other._order

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self._order >= other._order

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"When({self._text!r})"

    def __reduce__(self) -> tuple[object, tuple[str]]:
        # Pickle and copy as the canonical text alone.
        return (When.parse, (self._text,))

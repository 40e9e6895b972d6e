"""Hypothesis strategies for every diplorec type, for property-based tests.

Each function returns a strategy whose values are valid by construction: drawing
never raises, and every value survives the wire format (``loads(dumps(x)) == x``).
Keyword arguments narrow what is drawn, in the style of ``xarray.testing.strategies``:
give a strategy to draw that field from it, or a plain value to fix it. Anything
left out is drawn from the whole space the model allows: names in every script,
every date precision from the year 0001 to 9999, open intervals, optional fields
absent and present.

>>> from hypothesis import given
>>> from diplorec import strategies as ds
>>> from diplorec.reference import RUSSIA
>>> @given(ds.recognition_acts(recognizer=RUSSIA))
... def test_russia_recognises(act):
...     assert act.recognizer == RUSSIA and act.recognized.id != RUSSIA.id
>>> test_russia_recognises()

Strategies for wire data are here too: :func:`wire_dicts` and :func:`wire_events`
(JSON-ready dicts), and :func:`invalid_wire_dicts` and :func:`invalid_wire_events`,
which draw broken data together with the JSON path a
:class:`~diplorec.ValidationError` must name.

Hypothesis is needed only by this module; ``import diplorec`` never imports it. Once
diplorec is installed, ``st.from_type(State)`` and the like use these strategies too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import json
import threading
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    ParamSpec,
    TypeAlias,
    TypedDict,
    TypeVar,
    Unpack,
    cast,
)

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec import reference
from diplorec._cameo import cameo_table
from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place, State
from diplorec.dates import OPEN_END, OPEN_START, Precision, When
from diplorec.errors import Problem
from diplorec.events import (
    EVENT_TYPES,
    CodedEvent,
    CredentialPresentation,
    DesignationChange,
    DiplomaticTies,
    EnvoyAppointment,
    Event,
    Meeting,
    Participant,
    RecognitionAct,
    RecognitionWithdrawal,
    RelationsChange,
    Statement,
)
from diplorec.provenance import Citation, Source
from diplorec.vocab import (
    AppointmentStage,
    Certainty,
    Characterization,
    CredentialDocument,
    DesignationAction,
    DiplomaticRank,
    LegalStatus,
    MeetingMode,
    OrganizationKind,
    RecognitionForm,
    RecognitionInstrument,
    RelationsAction,
    RepresentationLevel,
    SourceKind,
    Stance,
    WithdrawalKind,
)

if TYPE_CHECKING:
    from diplorec.dossier import Dossier, Finding, Severity
    from diplorec.jsonl import BadLine
    from diplorec.ledger import ChangeKind, Standing, TimelineEntry

__all__ = [
    "SCRIPTS",
    "EventFields",
    "Narrowing",
    "appointment_stages",
    "bad_lines",
    "certainties",
    "change_kinds",
    "characterizations",
    "citations",
    "coded_events",
    "credential_documents",
    "credential_presentations",
    "designation_actions",
    "designation_changes",
    "diplomatic_ranks",
    "diplomatic_ties",
    "dossiers",
    "envoy_appointments",
    "envoys",
    "event_ids",
    "event_sequences",
    "events",
    "findings",
    "governments",
    "invalid_wire_dicts",
    "invalid_wire_events",
    "legal_statuses",
    "meeting_modes",
    "meetings",
    "names",
    "officials",
    "organization_kinds",
    "organizations",
    "participants",
    "parties",
    "persons",
    "places",
    "precisions",
    "problems",
    "recognition_acts",
    "recognition_forms",
    "recognition_instruments",
    "recognition_withdrawals",
    "relations_actions",
    "relations_changes",
    "representation_levels",
    "severities",
    "source_kinds",
    "sources",
    "stances",
    "standings",
    "statements",
    "states",
    "texts",
    "timeline_entries",
    "whens",
    "wire_dicts",
    "wire_events",
    "withdrawal_kinds",
]

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")
E = TypeVar("E", bound=enum.Enum)


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


def _optional(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
    return st.none() | strategy


def _draw_where(draw: st.DrawFn, strategy: SearchStrategy[T], keep: Callable[[T], bool]) -> T:
    """Draw from ``strategy`` until ``keep`` holds (three tries, as ``.filter`` makes)."""
    for _ in range(3):
        value = draw(strategy)
        if keep(value):
            return value
    return reject()


def _tuples(
    strategy: SearchStrategy[T], *, max_size: int = 3, unique_by: Callable[[T], Any] | None = None
) -> SearchStrategy[tuple[T, ...]]:
    if unique_by is None:
        return st.lists(strategy, max_size=max_size).map(tuple)
    return _unique_lists(strategy, max_size=max_size, unique_by=unique_by).map(tuple)


def _unique_lists(
    strategy: SearchStrategy[T],
    *,
    min_size: int = 0,
    max_size: int,
    unique_by: Callable[[T], Any],
) -> SearchStrategy[list[T]]:
    """Lists of distinct items; the items' strategy is labelled, since Hypothesis notes its
    repr each time it draws again to avoid a repeat."""
    element = _labelled("item", [], strategy)
    return st.lists(element, min_size=min_size, max_size=max_size, unique_by=unique_by)


def _party_id(party: Party) -> str:
    return party.id


# -- enums --------------------------------------------------------------------------


def precisions() -> SearchStrategy[Precision]:
    """Any :class:`~diplorec.Precision`."""
    return st.sampled_from(Precision)


def legal_statuses() -> SearchStrategy[LegalStatus]:
    """Any :class:`~diplorec.LegalStatus`."""
    return st.sampled_from(LegalStatus)


def recognition_forms() -> SearchStrategy[RecognitionForm]:
    """Any :class:`~diplorec.RecognitionForm`."""
    return st.sampled_from(RecognitionForm)


def recognition_instruments() -> SearchStrategy[RecognitionInstrument]:
    """Any :class:`~diplorec.RecognitionInstrument`."""
    return st.sampled_from(RecognitionInstrument)


def characterizations() -> SearchStrategy[Characterization]:
    """Any :class:`~diplorec.Characterization`."""
    return st.sampled_from(Characterization)


def withdrawal_kinds() -> SearchStrategy[WithdrawalKind]:
    """Any :class:`~diplorec.WithdrawalKind`."""
    return st.sampled_from(WithdrawalKind)


def diplomatic_ranks() -> SearchStrategy[DiplomaticRank]:
    """Any :class:`~diplorec.DiplomaticRank`."""
    return st.sampled_from(DiplomaticRank)


def credential_documents() -> SearchStrategy[CredentialDocument]:
    """Any :class:`~diplorec.CredentialDocument`."""
    return st.sampled_from(CredentialDocument)


def appointment_stages() -> SearchStrategy[AppointmentStage]:
    """Any :class:`~diplorec.AppointmentStage`."""
    return st.sampled_from(AppointmentStage)


def meeting_modes() -> SearchStrategy[MeetingMode]:
    """Any :class:`~diplorec.MeetingMode`."""
    return st.sampled_from(MeetingMode)


def stances() -> SearchStrategy[Stance]:
    """Any :class:`~diplorec.Stance`."""
    return st.sampled_from(Stance)


def designation_actions() -> SearchStrategy[DesignationAction]:
    """Any :class:`~diplorec.DesignationAction`."""
    return st.sampled_from(DesignationAction)


def relations_actions() -> SearchStrategy[RelationsAction]:
    """Any :class:`~diplorec.RelationsAction`."""
    return st.sampled_from(RelationsAction)


def representation_levels() -> SearchStrategy[RepresentationLevel]:
    """Any :class:`~diplorec.RepresentationLevel`."""
    return st.sampled_from(RepresentationLevel)


def certainties() -> SearchStrategy[Certainty]:
    """Any :class:`~diplorec.Certainty`."""
    return st.sampled_from(Certainty)


def organization_kinds() -> SearchStrategy[OrganizationKind]:
    """Any :class:`~diplorec.OrganizationKind`."""
    return st.sampled_from(OrganizationKind)


def source_kinds() -> SearchStrategy[SourceKind]:
    """Any :class:`~diplorec.SourceKind`."""
    return st.sampled_from(SourceKind)


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


# -- names and text -----------------------------------------------------------------


def _span(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


#: Characters Python counts as whitespace; a name must not start or end with one.
_SPACES: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_NOT_CONTROL: Final = ("Cc", "Cs")
_NOT_SPACE_OR_CONTROL: Final = ("Cc", "Cs", "Zs", "Zl", "Zp")

_LETTERS: Final[dict[str, SearchStrategy[str]]] = {
    "latin": st.sampled_from(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        + _span(0xC0, 0xD6)
        + _span(0xD8, 0xF6)
        + _span(0xF8, 0x17F)
    ),
    "cyrillic": st.sampled_from(_span(0x410, 0x44F) + "ЁёЄєІіЇїЎўҐґҚқҒғҲҳ"),
    # Arabic letters, the Persian/Dari additions and the Pashto letters.
    "arabic": st.sampled_from(
        _span(0x621, 0x63A) + _span(0x641, 0x64A) + "پچژگکی" + "ټځڅډړږښګڼېۍئ"
    ),
    "cjk": st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    "greek": st.sampled_from(_span(0x391, 0x3A1) + _span(0x3A3, 0x3A9) + _span(0x3B1, 0x3C9)),
    "hebrew": st.sampled_from(_span(0x5D0, 0x5EA)),
    "devanagari": st.sampled_from(_span(0x905, 0x939)),
    "any": st.characters(exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES),
}

_MARKS: Final[dict[str, str]] = {
    "latin": _span(0x300, 0x36F),
    "cyrillic": "\u0301\u0306\u0308",
    "arabic": _span(0x64B, 0x652) + "\u0670",
    "greek": "\u0301\u0308\u0313\u0314\u0342",
    "hebrew": _span(0x5B0, 0x5BC),
    "devanagari": _span(0x93E, 0x94D),
}

#: The scripts :func:`names` draws from; ``"any"`` is any printable Unicode character.
SCRIPTS: Final = tuple(_LETTERS)

# Left-to-right, right-to-left and Arabic letter marks, and the zero-width non-joiner
# Persian and Pashto spelling needs: invisible, not whitespace, and valid in names.
_DIRECTION_MARKS: Final = ("\u200e", "\u200f", "\u061c")
_WORD_SEPARATORS: Final = (" ", " ", "-", "\u200c")

_SAMPLE_NAMES: Final = (
    "Afghanistan",
    "Islamic Emirate of Afghanistan",
    "د افغانستان اسلامي امارت",
    "Gul Hassan Hassan",
    "Андрей Руденко",
    "امیر خان متقی",
    "阿富汗",
    "Côte d\u2019Ivoire",
    "São Tomé and Príncipe",
    "Ελλάδα",
    "ישראל",
    "भारत",
)


def _word(script: str) -> SearchStrategy[str]:
    """A word of one script; about one character in four is a combining mark, if it has them."""
    letters = _LETTERS[script]
    marks = _MARKS.get(script)
    alphabet = st.one_of(letters, letters, letters, st.sampled_from(marks)) if marks else letters
    return st.text(alphabet, min_size=1, max_size=10)


_WORDS: Final = {script: _word(script) for script in _LETTERS}
_NAME_MARKS: Final = st.sampled_from(("", "", *_DIRECTION_MARKS))


def _join_name(mark: str, first: str, rest: list[tuple[str, str]], mark_last: bool) -> str:
    body = first + "".join(sep + word for sep, word in rest)
    return body + mark if mark_last else mark + body


def _generated_name(scripts: tuple[str, ...]) -> SearchStrategy[str]:
    """One to four words, each of one script, maybe with a direction mark at one end."""
    words = st.one_of([_WORDS[script] for script in scripts])
    return st.builds(
        _join_name,
        _NAME_MARKS,
        words,
        st.lists(st.tuples(st.sampled_from(_WORD_SEPARATORS), words), max_size=3),
        st.booleans(),
    )


@_public
def names(*, scripts: str | Iterable[str] | None = None) -> SearchStrategy[str]:
    """Names a model accepts: not blank, no surrounding whitespace, no control characters.

    Words are drawn from Latin (with diacritics), Cyrillic, Arabic script (with the
    Persian, Dari and Pashto letters), CJK, Greek, Hebrew, Devanagari or any printable
    character, with combining marks, direction marks (U+200E, U+200F, U+061C) and
    zero-width non-joiners; one name may mix scripts. ``scripts`` keeps to some of
    :data:`SCRIPTS`.

    >>> strategy = names(scripts=("arabic", "cyrillic"))
    """
    if scripts is None:
        return st.one_of(st.sampled_from(_SAMPLE_NAMES), _generated_name(SCRIPTS))
    chosen = (scripts,) if isinstance(scripts, str) else tuple(scripts)
    unknown = [s for s in chosen if s not in _LETTERS]
    if unknown or not chosen:
        raise InvalidArgument(f"scripts={scripts!r}: choose from {', '.join(SCRIPTS)}")
    return _generated_name(chosen)


_PADDING: Final = st.text(
    st.characters(exclude_categories=_NOT_CONTROL) | st.sampled_from(" \t\n\r"), max_size=12
)


@_public
def texts() -> SearchStrategy[str]:
    """Free text a model accepts (a quote, a note): any script, inner tabs and newlines."""
    return st.builds(lambda head, name, tail: head + name + tail, _PADDING, names(), _PADDING)


_ID_KEY_CHARS: Final = st.characters(
    exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES
)
_EVENT_TAGS: Final = tuple(cls.TAG for cls in EVENT_TYPES)


def _ids(kind: str) -> SearchStrategy[str]:
    """Explicit ids ``kind:key``; the key may be in any script."""
    ascii_key = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=16)
    key = ascii_key | st.text(_ID_KEY_CHARS, min_size=1, max_size=16)
    return key.map(lambda k: f"{kind}:{k}")


def _derived_or(kind: str) -> SearchStrategy[str]:
    """An empty id (the model derives one from content) or an explicit one."""
    return st.just("") | _ids(kind)


@_public
def event_ids() -> SearchStrategy[str]:
    """Ids an event may have or link to (``basis``, ``concerning``), e.g. ``meeting:k1``."""
    return st.sampled_from(_EVENT_TAGS).flatmap(_ids)


def _wikidata_ids() -> SearchStrategy[str]:
    return st.integers(1, 10**12 - 1).map(lambda n: f"Q{n}")


_UPPER: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


# -- actors -------------------------------------------------------------------------

_REFERENCE_STATES: Final = (
    reference.AFGHANISTAN,
    reference.RUSSIA,
    reference.CHINA,
    reference.FRANCE,
    reference.UNITED_KINGDOM,
    reference.UNITED_STATES,
    reference.QATAR,
    reference.UNITED_ARAB_EMIRATES,
    reference.SOVIET_UNION,
)


def _all_unset(*values: object) -> bool:
    return all(value is _UNSET for value in values)


@_public
def states(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    iso3: Narrowing[str | None] = _UNSET,
    iso2: Narrowing[str | None] = _UNSET,
    cow: Narrowing[int | None] = _UNSET,
    gw: Narrowing[int | None] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
    aliases: Narrowing[tuple[str, ...]] = _UNSET,
) -> SearchStrategy[State]:
    """States: the reference states of :mod:`diplorec.reference` and made-up ones.

    Made-up states have any three capital letters as ISO code (user-assigned codes
    such as ``XKX`` included), COW and Gleditsch-Ward codes from 1 to 999, Wikidata
    ids, aliases, or none of these.

    >>> strategy = states(iso3="AFG")  # always the ISO code AFG, the rest drawn
    """
    made_up = st.builds(
        State,
        id=_lift(id, _derived_or("state")),
        name=_lift(name, names()),
        iso3=_lift(iso3, _optional(st.text(_UPPER, min_size=3, max_size=3))),
        iso2=_lift(iso2, _optional(st.text(_UPPER, min_size=2, max_size=2))),
        cow=_lift(cow, _optional(st.integers(1, 999))),
        gw=_lift(gw, _optional(st.integers(1, 999))),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
        aliases=_lift(aliases, _tuples(names(), max_size=2, unique_by=str)),
    )
    if _all_unset(id, name, iso3, iso2, cow, gw, wikidata, aliases):
        return st.sampled_from(_REFERENCE_STATES) | made_up
    return made_up


@_public
def governments(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    state: Narrowing[State] = _UNSET,
    aliases: Narrowing[tuple[str, ...]] = _UNSET,
    in_power: Narrowing[When | None] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Government]:
    """Governments of states, with their time in power when known.

    >>> from diplorec.reference import AFGHANISTAN
    >>> strategy = governments(state=AFGHANISTAN)
    """
    return st.builds(
        Government,
        id=_lift(id, _derived_or("government")),
        name=_lift(name, names()),
        state=_lift(state, states()),
        aliases=_lift(aliases, _tuples(names(), max_size=2, unique_by=str)),
        in_power=_lift(in_power, _optional(whens())),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


@_public
def organizations(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    kind: Narrowing[OrganizationKind] = _UNSET,
    state: Narrowing[State | None] = _UNSET,
    acronym: Narrowing[str | None] = _UNSET,
    aliases: Narrowing[tuple[str, ...]] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Organization]:
    """Organizations: international bodies, state bodies with their state, movements.

    >>> from diplorec import OrganizationKind
    >>> strategy = organizations(kind=OrganizationKind.MINISTRY)
    """
    return st.builds(
        Organization,
        id=_lift(id, _derived_or("organization")),
        name=_lift(name, names()),
        kind=_lift(kind, organization_kinds()),
        state=_lift(state, _optional(states())),
        acronym=_lift(acronym, _optional(st.text(_UPPER, min_size=2, max_size=6) | names())),
        aliases=_lift(aliases, _tuples(names(), max_size=2, unique_by=str)),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


_PARTY_CLASSES: Final = (State, Government, Organization)


def _classes(
    given: type[T] | Iterable[type[T]] | None, allowed: tuple[type[T], ...], what: str
) -> tuple[type[T], ...]:
    if given is None:
        return allowed
    chosen = (given,) if isinstance(given, type) else tuple(given)
    wrong = [cls for cls in chosen if cls not in allowed]
    if wrong or not chosen:
        names_ = ", ".join(cls.__name__ for cls in allowed)
        raise InvalidArgument(f"types={given!r}: each must be one of the {what} {names_}")
    return chosen


@_public
def parties(*, types: type[Party] | Iterable[type[Party]] | None = None) -> SearchStrategy[Party]:
    """States, governments and organizations (the :data:`~diplorec.Party` union).

    >>> from diplorec import Government, State
    >>> strategy = parties(types=(State, Government))
    """
    chosen = _classes(types, _PARTY_CLASSES, "party classes")
    makers: dict[type[Party], Callable[[], SearchStrategy[Any]]] = {
        State: states,
        Government: governments,
        Organization: organizations,
    }
    return st.one_of([makers[cls]() for cls in chosen])


@_public
def persons(
    *,
    id: Narrowing[str] = _UNSET,
    name: Narrowing[str] = _UNSET,
    transliterations: Narrowing[tuple[str, ...]] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Person]:
    """People, with their names in other scripts and spellings.

    >>> strategy = persons(name="Gul Hassan Hassan")
    """
    return st.builds(
        Person,
        id=_lift(id, _derived_or("person")),
        name=_lift(name, names()),
        transliterations=_lift(transliterations, _tuples(names(), max_size=2, unique_by=str)),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


_OFFICES: Final = (
    "Minister of Foreign Affairs",
    "Deputy Minister of Foreign Affairs",
    "President",
    "Prime Minister",
    "Special Representative",
    "Министр иностранных дел",
    "وزیر خارجه",
)


@_public
def officials(
    *,
    person: Narrowing[Person] = _UNSET,
    office: Narrowing[str] = _UNSET,
    on_behalf_of: Narrowing[Party] = _UNSET,
    acting: Narrowing[bool] = _UNSET,
    term: Narrowing[When | None] = _UNSET,
) -> SearchStrategy[Official]:
    """People in an office, acting for a party.

    >>> from diplorec.reference import RUSSIA
    >>> strategy = officials(on_behalf_of=RUSSIA, acting=False)
    """
    return st.builds(
        Official,
        person=_lift(person, persons()),
        office=_lift(office, st.sampled_from(_OFFICES) | names()),
        on_behalf_of=_lift(on_behalf_of, parties()),
        acting=_lift(acting, st.booleans()),
        term=_lift(term, _optional(whens())),
    )


@st.composite
def _distinct_pair(
    draw: st.DrawFn, first: SearchStrategy[Party], second: SearchStrategy[Party]
) -> tuple[Party, Party]:
    """Two parties with different ids, the first from ``first``, the second from ``second``."""
    a = draw(first)
    return a, _draw_where(draw, second, lambda p: p.id != a.id)


@_public
def envoys(
    *,
    person: Narrowing[Person] = _UNSET,
    rank: Narrowing[DiplomaticRank] = _UNSET,
    sending: Narrowing[Party] = _UNSET,
    receiving: Narrowing[Party] = _UNSET,
    title: Narrowing[str | None] = _UNSET,
) -> SearchStrategy[Envoy]:
    """Envoys sent by one party to another (never to itself), of every rank.

    >>> from diplorec import DiplomaticRank
    >>> strategy = envoys(rank=DiplomaticRank.AMBASSADOR)
    """
    return st.builds(
        lambda pair, **fields: Envoy(sending=pair[0], receiving=pair[1], **fields),
        _distinct_pair(_lift(sending, parties()), _lift(receiving, parties())),
        person=_lift(person, persons()),
        rank=_lift(rank, diplomatic_ranks()),
        title=_lift(title, _optional(st.sampled_from(("Ambassador", "Посол", "سفیر")) | names())),
    )


_LATITUDES: Final = st.floats(-90.0, 90.0)
_LONGITUDES: Final = st.floats(-180.0, 180.0)


@st.composite
def _coordinates(
    draw: st.DrawFn,
    latitudes: SearchStrategy[float | None],
    longitudes: SearchStrategy[float | None],
    longitude_first: bool,
) -> tuple[float | None, float | None]:
    """A latitude and a longitude, both or neither."""
    if longitude_first:
        lon = draw(longitudes)
        return _draw_where(draw, latitudes, lambda lat: (lat is None) == (lon is None)), lon
    lat = draw(latitudes)
    return lat, _draw_where(draw, longitudes, lambda lon: (lat is None) == (lon is None))


@_public
def places(
    *,
    name: Narrowing[str] = _UNSET,
    country: Narrowing[State | None] = _UNSET,
    wikidata: Narrowing[str | None] = _UNSET,
    latitude: Narrowing[float | None] = _UNSET,
    longitude: Narrowing[float | None] = _UNSET,
) -> SearchStrategy[Place]:
    """Places, with coordinates (both or neither) anywhere on Earth.

    >>> strategy = places(latitude=None)  # never coordinates
    """
    coordinates: SearchStrategy[tuple[float | None, float | None]]
    if latitude is _UNSET and longitude is _UNSET:
        coordinates = st.just((None, None)) | st.tuples(_LATITUDES, _LONGITUDES)
    else:
        coordinates = _coordinates(
            _lift(latitude, _optional(_LATITUDES)),
            _lift(longitude, _optional(_LONGITUDES)),
            longitude_first=latitude is _UNSET,
        )
    return st.builds(
        lambda coordinates, **fields: Place(
            latitude=coordinates[0], longitude=coordinates[1], **fields
        ),
        coordinates,
        name=_lift(name, st.sampled_from(("Moscow", "Kabul", "Doha", "کابل", "Москва")) | names()),
        country=_lift(country, _optional(states())),
        wikidata=_lift(wikidata, _optional(_wikidata_ids())),
    )


_LANGUAGES: Final = ("en", "ru", "ps", "fa", "prs", "ar", "zh", "zh-Hans", "ps-AF", "fa-AF")
_URL_PATH_CHARS: Final = st.characters(
    exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES
)


def _urls() -> SearchStrategy[str]:
    host = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
    path = st.text(_URL_PATH_CHARS, max_size=30)
    return st.builds(
        lambda scheme, host, tld, path: f"{scheme}://{host}.{tld}/{path}",
        st.sampled_from(("https", "http")),
        host,
        st.sampled_from(("org", "ru", "af", "com", "int")),
        path,
    )


def _utc_instants() -> SearchStrategy[dt.datetime]:
    return st.datetimes(timezones=st.just(dt.UTC))


@_public
def sources(
    *,
    id: Narrowing[str] = _UNSET,
    title: Narrowing[str] = _UNSET,
    publisher: Narrowing[str | None] = _UNSET,
    url: Narrowing[str | None] = _UNSET,
    published: Narrowing[When | None] = _UNSET,
    language: Narrowing[str | None] = _UNSET,
    kind: Narrowing[SourceKind] = _UNSET,
    retrieved: Narrowing[dt.datetime | None] = _UNSET,
) -> SearchStrategy[Source]:
    """Sources: news reports, official statements, datasets, with UTC retrieval times.

    >>> from diplorec import SourceKind
    >>> strategy = sources(kind=SourceKind.OFFICIAL_STATEMENT, language="ru")
    """
    return st.builds(
        Source,
        id=_lift(id, _derived_or("source")),
        title=_lift(title, names() | texts().map(str.strip)),
        publisher=_lift(publisher, _optional(names())),
        url=_lift(url, _optional(_urls())),
        published=_lift(published, _optional(whens())),
        language=_lift(language, _optional(st.sampled_from(_LANGUAGES))),
        kind=_lift(kind, source_kinds()),
        retrieved=_lift(retrieved, _optional(_utc_instants())),
    )


@_public
def citations(
    *,
    source: Narrowing[Source] = _UNSET,
    quote: Narrowing[str | None] = _UNSET,
    locator: Narrowing[str | None] = _UNSET,
    confidence: Narrowing[float | None] = _UNSET,
) -> SearchStrategy[Citation]:
    """Citations of a source, with a quote, a locator and a confidence from 0 to 1.

    >>> strategy = citations(confidence=None)
    """
    return st.builds(
        Citation,
        source=_lift(source, sources()),
        quote=_lift(quote, _optional(texts())),
        locator=_lift(locator, _optional(st.sampled_from(("p. 2", "para. 4", "§ 3")) | names())),
        confidence=_lift(confidence, _optional(st.floats(0.0, 1.0))),
    )


@_public
def bad_lines() -> SearchStrategy[BadLine]:
    """Lines of a JSON Lines file that hold no valid record, with their problems.

    Every problem carries the line's number, as :func:`~diplorec.read_jsonl` reports them.
    """
    from diplorec.jsonl import BadLine

    def bad_line(line: int, found: list[Problem]) -> BadLine:
        return BadLine(line=line, problems=tuple(attrs.evolve(p, line=line) for p in found))

    return st.builds(bad_line, st.integers(1, 10**6), st.lists(problems(), min_size=1, max_size=3))


@_public
def problems() -> SearchStrategy[Problem]:
    """Problems as a :class:`~diplorec.ValidationError` lists them: a JSON path and a sentence."""
    step = st.sampled_from(("envoy", "rank", "sources", "recognizer", "iso3")).map(
        lambda key: "." + key
    ) | st.integers(0, 9).map(lambda index: f"[{index}]")
    path = st.lists(step, max_size=4).map(lambda steps: "$" + "".join(steps))
    return st.builds(Problem, path=path, message=texts(), line=_optional(st.integers(1, 10**6)))


# -- events -------------------------------------------------------------------------


class EventFields(TypedDict, total=False):
    """Fields every event has; each event strategy takes them as keyword arguments.

    Like every narrowing argument, each is a fixed value or a strategy to draw from.
    """

    id: str | SearchStrategy[str]
    on: When | SearchStrategy[When]
    place: Place | SearchStrategy[Place | None] | None
    sources: tuple[Citation, ...] | SearchStrategy[tuple[Citation, ...]]
    certainty: Certainty | SearchStrategy[Certainty]
    notes: str | SearchStrategy[str | None] | None


_COMMON_FIELDS: Final = frozenset(EventFields.__annotations__)


def _common_fields(tag: str, given: EventFields) -> SearchStrategy[dict[str, Any]]:
    unknown = sorted(set(given) - _COMMON_FIELDS)
    if unknown:
        raise InvalidArgument(f"unknown event field(s) {', '.join(unknown)}")
    defaults: dict[str, SearchStrategy[Any]] = {
        "id": _derived_or(tag),
        "on": whens(),
        "place": _optional(places()),
        "sources": _tuples(citations(), max_size=2),
        "certainty": certainties(),
        "notes": _optional(texts()),
    }
    lifted = {
        name: _lift(cast(Any, given.get(name, _UNSET)), default)
        for name, default in defaults.items()
    }
    return st.fixed_dictionaries(lifted)


class _Cast(typing.NamedTuple):
    """Where an event strategy draws its parties and people from, built once."""

    parties: SearchStrategy[Party]
    people: SearchStrategy[Person]
    officials: SearchStrategy[Official]
    envoys: SearchStrategy[Envoy]
    participants: SearchStrategy[Participant]
    party_tuples: SearchStrategy[tuple[Party, ...]]
    two_parties: SearchStrategy[tuple[Party, ...]]

    @classmethod
    def of(cls, among: _PartyPool, people: _PeoplePool) -> _Cast:
        if among is None and people is None:
            return _default_cast()
        party = _pool(among, parties)
        person = _pool(people, persons)
        official = officials(person=person, on_behalf_of=party)
        return cls(
            parties=party,
            people=person,
            officials=official,
            envoys=envoys(person=person, sending=party, receiving=party),
            participants=party | official,
            party_tuples=_tuples(party, max_size=2, unique_by=_party_id),
            two_parties=_unique_lists(party, min_size=2, max_size=2, unique_by=_party_id).map(
                tuple
            ),
        )


_PeoplePool: TypeAlias = SearchStrategy[Person] | Iterable[Person] | None
_PartyPool: TypeAlias = SearchStrategy[Party] | Iterable[Party] | None


@functools.cache
def _default_cast() -> _Cast:
    return _Cast.of(parties(), persons())


def _pool(
    given: SearchStrategy[T] | Iterable[T] | None, default: Callable[[], SearchStrategy[T]]
) -> SearchStrategy[T]:
    if given is None:
        return default()
    if isinstance(given, SearchStrategy):
        return given
    return st.sampled_from(tuple(given))


@functools.cache
def _links() -> SearchStrategy[tuple[str, ...]]:
    return _tuples(event_ids(), max_size=2, unique_by=str)


def _without(banned: Iterable[str], found: tuple[Party, ...]) -> tuple[Party, ...]:
    ids = set(banned)
    return tuple(p for p in found if p.id not in ids)


def _ids_of(found: Iterable[Party]) -> set[str]:
    return {p.id for p in found}


@_public
def recognition_acts(
    *,
    recognizer: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    legal_status: Narrowing[LegalStatus] = _UNSET,
    form: Narrowing[RecognitionForm] = _UNSET,
    instrument: Narrowing[RecognitionInstrument | None] = _UNSET,
    conditions: Narrowing[tuple[str, ...]] = _UNSET,
    collective_with: Narrowing[tuple[Party, ...]] = _UNSET,
    announced: Narrowing[When | None] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    characterization: Narrowing[Characterization] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RecognitionAct]:
    """Acts of recognition of a state, a government or an organization by another party.

    Like every event strategy, it takes ``among`` and ``people`` (a strategy or a
    collection): where every party and every person of the event is drawn from, in
    whatever role is not fixed. The recognizer and the recognized always differ, and
    ``collective_with`` never lists either of them.

    >>> from diplorec.reference import RUSSIA
    >>> strategy = recognition_acts(recognizer=RUSSIA, form=RecognitionForm.EXPRESS)
    """
    cast_ = _Cast.of(among, people)
    pair = _distinct_pair(_lift(recognizer, cast_.parties), _lift(recognized, cast_.parties))
    partners = _lift(collective_with, cast_.party_tuples)
    fields: SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {
            "legal_status": _lift(legal_status, legal_statuses()),
            "form": _lift(form, recognition_forms()),
            "instrument": _lift(instrument, _optional(recognition_instruments())),
            "conditions": _lift(conditions, _tuples(texts(), max_size=2)),
            "announced": _lift(announced, _optional(whens())),
            "effective": _lift(effective, _optional(whens())),
            "characterization": _lift(characterization, characterizations()),
            "described_as": _lift(
                described_as, _optional(st.just("the act of official recognition") | texts())
            ),
            "basis": _lift(basis, _links()),
        }
    )
    base = _common_fields(RecognitionAct.TAG, common)
    defaulted = collective_with is _UNSET

    @st.composite
    def build(draw: st.DrawFn) -> RecognitionAct:
        by, of = draw(pair)
        ids = (by.id, of.id)
        if defaulted:
            together = _without(ids, draw(partners))
        else:
            together = _draw_where(draw, partners, lambda ps: not _ids_of(ps) & set(ids))
        return RecognitionAct(
            **draw(base), **draw(fields), recognizer=by, recognized=of, collective_with=together
        )

    return build()


@_public
def recognition_withdrawals(
    *,
    withdrawer: Narrowing[Party] = _UNSET,
    recognized: Narrowing[Party] = _UNSET,
    kind: Narrowing[WithdrawalKind] = _UNSET,
    in_favour_of: Narrowing[Party | None] = _UNSET,
    claimed_by: Narrowing[tuple[Party, ...]] = _UNSET,
    denied_by: Narrowing[tuple[Party, ...]] = _UNSET,
    announced: Narrowing[When | None] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    described_as: Narrowing[str | None] = _UNSET,
    basis: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RecognitionWithdrawal]:
    """Withdrawals, suspensions and switches of recognition, claimed and denied.

    A rival (``in_favour_of``) is drawn only for a switch, and differs from both
    parties; no party both claims and denies the same withdrawal.

    >>> strategy = recognition_withdrawals(kind=WithdrawalKind.SWITCH)
    """
    cast_ = _Cast.of(among, people)
    pair = _distinct_pair(_lift(withdrawer, cast_.parties), _lift(recognized, cast_.parties))
    kinds = _lift(kind, withdrawal_kinds())
    rivals = _lift(in_favour_of, _optional(cast_.parties))
    claims = _lift(claimed_by, cast_.party_tuples)
    denials = _lift(denied_by, cast_.party_tuples)
    fields: SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {
            "announced": _lift(announced, _optional(whens())),
            "effective": _lift(effective, _optional(whens())),
            "described_as": _lift(described_as, _optional(texts())),
            "basis": _lift(basis, _links()),
        }
    )
    base = _common_fields(RecognitionWithdrawal.TAG, common)

    @st.composite
    def build(draw: st.DrawFn) -> RecognitionWithdrawal:
        by, of = draw(pair)
        ids = {by.id, of.id}
        if in_favour_of is _UNSET:
            kind_ = draw(kinds)
            rival = draw(rivals) if kind_ is WithdrawalKind.SWITCH else None
            if rival is not None and rival.id in ids:
                rival = None
        else:
            rival = _draw_where(draw, rivals, lambda p: p is None or p.id not in ids)
            kind_ = _draw_where(draw, kinds, lambda k: rival is None or k is WithdrawalKind.SWITCH)
        claimed = draw(claims)
        if denied_by is _UNSET:
            denied = _without(_ids_of(claimed), draw(denials))
        else:
            denied = _draw_where(draw, denials, lambda ps: not _ids_of(ps) & _ids_of(claimed))
        return RecognitionWithdrawal(
            **draw(base),
            **draw(fields),
            withdrawer=by,
            recognized=of,
            kind=kind_,
            in_favour_of=rival,
            claimed_by=claimed,
            denied_by=denied,
        )

    return build()


@_public
def credential_presentations(
    *,
    envoy: Narrowing[Envoy] = _UNSET,
    document: Narrowing[CredentialDocument] = _UNSET,
    received_by: Narrowing[Official | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[CredentialPresentation]:
    """Envoys presenting credentials (or a true copy) to an official who is not themselves.

    >>> strategy = credential_presentations(document=CredentialDocument.TRUE_COPY)
    """
    cast_ = _Cast.of(among, people)
    envoys_ = _lift(envoy, cast_.envoys)
    receivers = _lift(received_by, _optional(cast_.officials))
    documents = _lift(document, credential_documents())
    base = _common_fields(CredentialPresentation.TAG, common)

    @st.composite
    def build(draw: st.DrawFn) -> CredentialPresentation:
        envoy_ = draw(envoys_)
        receiver = _draw_where(
            draw, receivers, lambda o: o is None or o.person.id != envoy_.person.id
        )
        return CredentialPresentation(
            **draw(base), envoy=envoy_, document=draw(documents), received_by=receiver
        )

    return build()


@_public
def envoy_appointments(
    *,
    envoy: Narrowing[Envoy] = _UNSET,
    stage: Narrowing[AppointmentStage] = _UNSET,
    predecessor: Narrowing[Person | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[EnvoyAppointment]:
    """Steps in appointing an envoy, with a predecessor who is someone else.

    >>> strategy = envoy_appointments(stage=AppointmentStage.AGREMENT_GRANTED)
    """
    cast_ = _Cast.of(among, people)
    envoys_ = _lift(envoy, cast_.envoys)
    predecessors = _lift(predecessor, _optional(cast_.people))
    stages = _lift(stage, appointment_stages())
    base = _common_fields(EnvoyAppointment.TAG, common)

    @st.composite
    def build(draw: st.DrawFn) -> EnvoyAppointment:
        envoy_ = draw(envoys_)
        before = _draw_where(draw, predecessors, lambda p: p is None or p.id != envoy_.person.id)
        return EnvoyAppointment(**draw(base), envoy=envoy_, stage=draw(stages), predecessor=before)

    return build()


def _participant_key(participant: Participant) -> str:
    if isinstance(participant, Official):
        return f"official:{participant.person.id}"
    return participant.id


def _event_builds(
    cls: Callable[..., T], base: SearchStrategy[dict[str, Any]], **own: SearchStrategy[Any]
) -> SearchStrategy[T]:
    """An event from its common fields and its own (independent) fields."""
    return st.builds(lambda common, **fields: cls(**common, **fields), base, **own)


@_public
def meetings(
    *,
    participants: Narrowing[tuple[Participant, ...]] = _UNSET,
    mode: Narrowing[MeetingMode] = _UNSET,
    host: Narrowing[Party | None] = _UNSET,
    subject: Narrowing[str | None] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Meeting]:
    """Meetings of two to four distinct participants (officials or whole parties).

    >>> strategy = meetings(mode=MeetingMode.PHONE)
    """
    cast_ = _Cast.of(among, people)
    who = _unique_lists(cast_.participants, min_size=2, max_size=4, unique_by=_participant_key)
    return _event_builds(
        Meeting,
        _common_fields(Meeting.TAG, common),
        participants=_lift(participants, who.map(tuple)),
        mode=_lift(mode, meeting_modes()),
        host=_lift(host, _optional(cast_.parties)),
        subject=_lift(subject, _optional(texts())),
        concerning=_lift(concerning, _links()),
    )


@_public
def statements(
    *,
    speaker: Narrowing[Participant] = _UNSET,
    stance: Narrowing[Stance] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    about: Narrowing[tuple[Party, ...]] = _UNSET,
    quote: Narrowing[str | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Statement]:
    """Statements: a speaker's stance on events and parties, with a quote.

    >>> strategy = statements(stance=Stance.WELCOMES)
    """
    cast_ = _Cast.of(among, people)
    return _event_builds(
        Statement,
        _common_fields(Statement.TAG, common),
        speaker=_lift(speaker, cast_.participants),
        stance=_lift(stance, stances()),
        concerning=_lift(concerning, _links()),
        about=_lift(about, cast_.party_tuples),
        quote=_lift(quote, _optional(texts())),
    )


_LIST_NAMES: Final = (
    "list of terrorist organisations",
    "Consolidated United Nations Security Council Sanctions List",
    "Единый федеральный список организаций, признанных террористическими",
)


@_public
def designation_changes(
    *,
    authority: Narrowing[Party] = _UNSET,
    entity: Narrowing[Party] = _UNSET,
    action: Narrowing[DesignationAction] = _UNSET,
    list_name: Narrowing[str] = _UNSET,
    effective: Narrowing[When | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[DesignationChange]:
    """An authority lists, delists or suspends the listing of another party.

    >>> strategy = designation_changes(action=DesignationAction.SUSPEND)
    """
    cast_ = _Cast.of(among, people)
    pairs = _distinct_pair(_lift(authority, cast_.parties), _lift(entity, cast_.parties))
    return st.builds(
        lambda pair, common, **fields: DesignationChange(
            **common, authority=pair[0], entity=pair[1], **fields
        ),
        pairs,
        _common_fields(DesignationChange.TAG, common),
        action=_lift(action, designation_actions()),
        list_name=_lift(list_name, st.sampled_from(_LIST_NAMES) | names()),
        effective=_lift(effective, _optional(whens())),
    )


def _level_fits(
    action: RelationsAction, before: RepresentationLevel | None, after: RepresentationLevel | None
) -> bool:
    """Whether the levels suit the action: an upgrade raises the level, a downgrade lowers it."""
    if before is None or after is None:
        return True
    if action is RelationsAction.UPGRADED:
        return after.rank > before.rank
    if action is RelationsAction.DOWNGRADED:
        return after.rank < before.rank
    return True


def _sorted_levels(
    action: RelationsAction, levels: tuple[RepresentationLevel, RepresentationLevel]
) -> tuple[RepresentationLevel, RepresentationLevel]:
    low, high = sorted(levels, key=lambda level: level.rank)
    return (high, low) if action is RelationsAction.DOWNGRADED else (low, high)


@_public
def relations_changes(
    *,
    parties: Narrowing[tuple[Party, ...]] = _UNSET,
    action: Narrowing[RelationsAction] = _UNSET,
    initiated_by: Narrowing[Party | None] = _UNSET,
    level_before: Narrowing[RepresentationLevel | None] = _UNSET,
    level_after: Narrowing[RepresentationLevel | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[RelationsChange]:
    """Relations established, restored, upgraded, downgraded, suspended or severed.

    ``parties`` are the two parties (distinct ids). An upgrade always raises the
    representation level and a downgrade lowers it.

    >>> strategy = relations_changes(action=RelationsAction.UPGRADED)
    """
    cast_ = _Cast.of(among, people)
    actions = _lift(action, relations_actions())
    levels = _optional(representation_levels())
    befores = _lift(level_before, levels)
    afters = _lift(level_after, levels)
    distinct_levels = _unique_lists(
        representation_levels(), min_size=2, max_size=2, unique_by=lambda level: level.rank
    )
    fields: SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
        {
            "parties": _lift(parties, cast_.two_parties),
            "initiated_by": _lift(initiated_by, _optional(cast_.parties)),
        }
    )
    base = _common_fields(RelationsChange.TAG, common)
    defaulted = level_before is _UNSET and level_after is _UNSET

    @st.composite
    def build(draw: st.DrawFn) -> RelationsChange:
        action_ = draw(actions)
        before = draw(befores)
        after: RepresentationLevel | None
        if defaulted and before is not None and draw(st.booleans()):
            low, high = draw(distinct_levels)
            before, after = _sorted_levels(action_, (low, high))
        else:
            after = _draw_where(draw, afters, lambda level: _level_fits(action_, before, level))
        return RelationsChange(
            **draw(base), **draw(fields), action=action_, level_before=before, level_after=after
        )

    return build()


@_public
def diplomatic_ties(
    *,
    parties: Narrowing[tuple[Party, ...]] = _UNSET,
    level: Narrowing[RepresentationLevel | None] = _UNSET,
    envoys_exchanged: Narrowing[bool | None] = _UNSET,
    formal_recognition: Narrowing[bool | None] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[DiplomaticTies]:
    """Observed ties between two parties, with or without formal recognition.

    >>> strategy = diplomatic_ties(formal_recognition=False)
    """
    cast_ = _Cast.of(among, people)
    return _event_builds(
        DiplomaticTies,
        _common_fields(DiplomaticTies.TAG, common),
        parties=_lift(parties, cast_.two_parties),
        level=_lift(level, _optional(representation_levels())),
        envoys_exchanged=_lift(envoys_exchanged, _optional(st.booleans())),
        formal_recognition=_lift(formal_recognition, _optional(st.booleans())),
    )


@_public
def coded_events(
    *,
    cameo: Narrowing[str] = _UNSET,
    description: Narrowing[str] = _UNSET,
    actor: Narrowing[Party | None] = _UNSET,
    target: Narrowing[Party | None] = _UNSET,
    concerning: Narrowing[tuple[str, ...]] = _UNSET,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[CodedEvent]:
    """Other events, with any CAMEO code from the shipped table.

    >>> strategy = coded_events(cameo="054")
    """
    cast_ = _Cast.of(among, people)
    return _event_builds(
        CodedEvent,
        _common_fields(CodedEvent.TAG, common),
        cameo=_lift(cameo, st.sampled_from(sorted(cameo_table()))),
        description=_lift(description, texts()),
        actor=_lift(actor, _optional(cast_.parties)),
        target=_lift(target, _optional(cast_.parties)),
        concerning=_lift(concerning, _links()),
    )


_EVENT_STRATEGIES: Final[dict[type[Any], Callable[..., SearchStrategy[Any]]]] = {
    RecognitionAct: recognition_acts,
    RecognitionWithdrawal: recognition_withdrawals,
    CredentialPresentation: credential_presentations,
    EnvoyAppointment: envoy_appointments,
    Meeting: meetings,
    Statement: statements,
    DesignationChange: designation_changes,
    RelationsChange: relations_changes,
    DiplomaticTies: diplomatic_ties,
    CodedEvent: coded_events,
}


@_public
def events(
    *,
    types: type[Event] | Iterable[type[Event]] | None = None,
    among: _PartyPool = None,
    people: _PeoplePool = None,
    **common: Unpack[EventFields],
) -> SearchStrategy[Event]:
    """Events of every type (the :data:`~diplorec.Event` union), or of the ``types`` given.

    >>> from diplorec import Meeting, RecognitionAct
    >>> strategy = events(types=(RecognitionAct, Meeting))
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    if among is None and people is None and not common:
        return st.one_of([_EVENT_STRATEGIES[cls]() for cls in chosen])
    return st.one_of(
        [_EVENT_STRATEGIES[cls](among=among, people=people, **common) for cls in chosen]
    )


@_public
def participants(
    *, among: _PartyPool = None, people: _PeoplePool = None
) -> SearchStrategy[Participant]:
    """Officials, states, governments and organizations (the ``Participant`` union)."""
    return _Cast.of(among, people).participants


# -- consistent sequences and dossiers --------------------------------------------------


class _Pools(typing.NamedTuple):
    """The actors, places and sources one consistent sequence of events shares."""

    parties: tuple[Party, ...]
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]


def _unique_by_id(values: Iterable[T]) -> tuple[T, ...]:
    seen: dict[str, T] = {}
    for value in values:
        seen.setdefault(cast(Any, value).id, value)
    return tuple(seen.values())


def _moved(value: T, **changes: Any) -> T:
    """``value`` with fields changed; an id derived from content is derived anew."""
    current: Any = value
    if "id" in attrs.fields_dict(type(current)) and attrs.evolve(current, id="").id == current.id:
        changes["id"] = ""
    return cast(T, attrs.evolve(current, **changes))


@st.composite
def _pools(draw: st.DrawFn) -> _Pools:
    states_ = draw(_unique_lists(states(), min_size=2, max_size=4, unique_by=_party_id))
    home = st.sampled_from(states_)
    maybe_home = _optional(home)
    governments_ = [_moved(g, state=draw(home)) for g in draw(st.lists(governments(), max_size=2))]
    organizations_ = [
        _moved(o, state=draw(maybe_home)) for o in draw(st.lists(organizations(), max_size=2))
    ]
    people = draw(_unique_lists(persons(), min_size=2, max_size=3, unique_by=lambda p: p.id))
    places_ = [
        attrs.evolve(p, country=draw(maybe_home)) for p in draw(st.lists(places(), max_size=2))
    ]
    sources_ = draw(_unique_lists(sources(), min_size=1, max_size=2, unique_by=lambda s: s.id))
    return _Pools(
        parties=_unique_by_id([*states_, *governments_, *organizations_]),
        people=tuple(people),
        places=tuple(places_),
        sources=tuple(sources_),
    )


def _root_id(party: Party) -> str:
    """The id of the state behind a party: a government's or state body's state."""
    if isinstance(party, (Government, Organization)) and party.state is not None:
        return party.state.id
    return party.id


def _link_field(cls: type[Any]) -> str | None:
    names_ = attrs.fields_dict(cls)
    return next((name for name in ("basis", "concerning") if name in names_), None)


class _PoolRef(threading.local):
    """The pools of the sequence being drawn, read by strategies built once for all draws."""

    pools: _Pools | None = None

    def __repr__(self) -> str:
        return "pools"


@st.composite
def _pooled(draw: st.DrawFn, ref: _PoolRef, kind: str) -> Any:
    """One of the current pools' parties, people, places or sources."""
    values: tuple[Any, ...] = getattr(ref.pools, kind)
    return values[draw(st.integers(0, len(values) - 1))]


@st.composite
def _pooled_place(draw: st.DrawFn, ref: _PoolRef) -> Place | None:
    """None, or one of the current pools' places."""
    places_ = cast(_Pools, ref.pools).places
    if not places_ or not draw(st.booleans()):
        return None
    return places_[draw(st.integers(0, len(places_) - 1))]


class _SequenceMaker:
    """The strategies for the events of consistent sequences, drawing from pools."""

    def __init__(self, chosen: tuple[type[Event], ...]) -> None:
        self.ref = _PoolRef()
        party = _pooled(self.ref, "parties")
        self.person = _pooled(self.ref, "people")
        common: dict[str, Any] = {
            "among": party,
            "people": self.person,
            "place": _pooled_place(self.ref),
            "sources": st.lists(
                citations(source=_pooled(self.ref, "sources")), min_size=1, max_size=2
            ).map(tuple),
        }
        self.events: dict[type[Any], SearchStrategy[Any]] = {}
        for cls in chosen:
            kwargs = dict(common)
            link = _link_field(cls)
            if link is not None:
                kwargs[link] = ()
            if cls is CredentialPresentation:
                kwargs["received_by"] = None
            self.events[cls] = _EVENT_STRATEGIES[cls](**kwargs)
        self.receivers = _optional(officials(person=self.person, on_behalf_of=party))

    def __repr__(self) -> str:
        return ", ".join(cls.__name__ for cls in self.events)

    def receiver(self, draw: st.DrawFn, envoy: Envoy) -> Official | None:
        """An official of the envoy's receiving state (or none) who is not the envoy."""
        official = _draw_where(
            draw, self.receivers, lambda o: o is None or o.person.id != envoy.person.id
        )
        if official is None:
            return None
        root = _root_id(envoy.receiving)
        same_root = [p for p in cast(_Pools, self.ref.pools).parties if _root_id(p) == root]
        return attrs.evolve(official, on_behalf_of=draw(st.sampled_from(same_root)))

    def withdrawal(self, draw: st.DrawFn, act: RecognitionAct) -> RecognitionWithdrawal:
        """A withdrawal of ``act``, dated so that it cannot precede it."""
        drawn: RecognitionWithdrawal = draw(self.events[RecognitionWithdrawal])
        since = (act.effective or act.on).earliest
        parties = {act.recognizer.id, act.recognized.id}
        rival = drawn.in_favour_of
        return _moved(
            drawn,
            withdrawer=act.recognizer,
            recognized=act.recognized,
            in_favour_of=None if rival is None or rival.id in parties else rival,
            on=draw(_dates_from(since)),
            effective=draw(_optional(_dates_from(since))),
            basis=(act.id,),
        )


def _month_start_from(day: dt.date) -> dt.date | None:
    """The first day of the first whole month from ``day`` on, if before 10000."""
    if day.day == 1:
        return day
    if day.month < 12:
        return dt.date(day.year, day.month + 1, 1)
    return dt.date(day.year + 1, 1, 1) if day.year < 9999 else None


@st.composite
def _dates_from(draw: st.DrawFn, since: dt.date) -> When:
    """A day, month, year or open interval that starts no earlier than ``since``."""
    room = OPEN_END.toordinal() - since.toordinal()
    day = dt.date.fromordinal(since.toordinal() + draw(st.integers(0, min(3650, room))))
    uncertain, approximate = draw(st.sampled_from(_QUALIFIERS))
    shape = draw(st.sampled_from(("day", "month", "year", "from")))
    month = _month_start_from(day)
    year = day.year if (day.month, day.day) == (1, 1) else day.year + 1
    if shape == "month" and month is not None:
        return When.month(month.year, month.month, uncertain=uncertain, approximate=approximate)
    if shape == "year" and year <= 9999:
        return When.year(year, uncertain=uncertain, approximate=approximate)
    exact = When.day(day.year, day.month, day.day, uncertain=uncertain, approximate=approximate)
    return When.interval(exact, None) if shape == "from" else exact


def _fresh_id(event: Event, used: set[str]) -> Event:
    if event.id not in used:
        return event
    number = len(used)
    while f"{event.TAG}:{number}" in used:
        number += 1
    return attrs.evolve(event, id=f"{event.TAG}:{number}")


@st.composite
def _sequences(
    draw: st.DrawFn, min_size: int, max_size: int, maker: _SequenceMaker
) -> tuple[Event, ...]:
    maker.ref.pools = draw(_pools())
    size = draw(st.integers(min_size, max_size))
    done: list[Event] = []
    used: set[str] = set()
    withdrawable: list[RecognitionAct] = []
    for _ in range(size):
        open_ = [cls for cls in maker.events if cls is not RecognitionWithdrawal or withdrawable]
        cls = draw(st.sampled_from(open_))
        event: Event
        if cls is RecognitionWithdrawal:
            act = draw(st.sampled_from(withdrawable))
            withdrawable.remove(act)
            event = maker.withdrawal(draw, act)
        else:
            event = draw(maker.events[cls])
        if isinstance(event, CredentialPresentation):
            event = attrs.evolve(event, received_by=maker.receiver(draw, event.envoy))
        link = _link_field(cls)
        if link is not None and done and cls is not RecognitionWithdrawal:
            earlier = st.sampled_from([e.id for e in done])
            event = _moved(event, **{link: draw(_tuples(earlier, max_size=2, unique_by=str))})
        event = _fresh_id(event, used)
        if isinstance(event, RecognitionAct):
            withdrawable.append(event)
        used.add(event.id)
        done.append(event)
    return tuple(done)


@_public
def event_sequences(
    *,
    min_size: int = 0,
    max_size: int = 8,
    types: type[Event] | Iterable[type[Event]] | None = None,
) -> SearchStrategy[tuple[Event, ...]]:
    """Tuples of events that are consistent with one another, ready for a dossier.

    Ids are unique; links (``basis``, ``concerning``) point to earlier events; each
    party, person and source id names one value throughout; a withdrawal follows a
    recognition between the same parties; credentials are received by an official of
    the receiving state; every event cites a source. So
    ``Dossier.from_events(events).check()`` finds nothing. Withdrawals are drawn only
    when ``types`` allows recognition acts too.

    >>> from diplorec import RecognitionAct, RecognitionWithdrawal
    >>> strategy = event_sequences(types=(RecognitionAct, RecognitionWithdrawal))
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    if chosen == (RecognitionWithdrawal,):
        raise InvalidArgument(
            "a consistent sequence draws a withdrawal only after a recognition: "
            "add RecognitionAct to types"
        )
    if not 0 <= min_size <= max_size:
        raise InvalidArgument(f"need 0 <= min_size <= max_size, not {min_size} and {max_size}")
    return _sequences(min_size, max_size, _SequenceMaker(chosen))


@_public
def dossiers(
    *,
    min_size: int = 0,
    max_size: int = 8,
    types: type[Event] | Iterable[type[Event]] | None = None,
) -> SearchStrategy[Dossier]:
    """Dossiers of consistent events (see :func:`event_sequences`): ``check()`` finds nothing.

    >>> strategy = dossiers(min_size=1)
    """
    from diplorec.dossier import Dossier

    sequences = event_sequences(min_size=min_size, max_size=max_size, types=types)
    return sequences.map(Dossier.from_events)


@_public
def findings() -> SearchStrategy[Finding]:
    """Findings as :meth:`Dossier.check <diplorec.dossier.Dossier.check>` reports them."""
    from diplorec.dossier import Finding

    return st.builds(
        Finding,
        severity=severities(),
        code=st.sampled_from(("duplicate-id", "unresolved-link", "no-sources")),
        message=texts(),
        event_ids=_tuples(event_ids(), max_size=2, unique_by=str),
    )


def standings() -> SearchStrategy[Standing]:
    """Any :class:`~diplorec.ledger.Standing`."""
    from diplorec.ledger import Standing

    return st.sampled_from(Standing)


def change_kinds() -> SearchStrategy[ChangeKind]:
    """Any :class:`~diplorec.ledger.ChangeKind`."""
    from diplorec.ledger import ChangeKind

    return st.sampled_from(ChangeKind)


def severities() -> SearchStrategy[Severity]:
    """Any :class:`~diplorec.dossier.Severity`."""
    from diplorec.dossier import Severity

    return st.sampled_from(Severity)


@_public
def timeline_entries() -> SearchStrategy[TimelineEntry]:
    """Entries of recognition ledgers, built from consistent recognitions and withdrawals."""
    from diplorec.ledger import RecognitionLedger

    acts = event_sequences(min_size=1, max_size=4, types=(RecognitionAct, RecognitionWithdrawal))

    def entries(events: tuple[Event, ...]) -> SearchStrategy[Any]:
        ledger = RecognitionLedger.from_events(events)
        recognized = {e.recognized.id for e in events if isinstance(e, RecognitionAct)}
        found = [entry for key in sorted(recognized) for entry in ledger.timeline(key)]
        return st.sampled_from(found)

    # A withdrawal is drawn only after a recognition, so every sequence has one.
    return acts.flatmap(entries)


# -- wire data ------------------------------------------------------------------------

_WIRE_TYPES: Final = (
    State,
    Government,
    Organization,
    Person,
    Official,
    Envoy,
    Place,
    Source,
    Citation,
    *EVENT_TYPES,
)
_TAGGED: Final[dict[str, type[Any]]] = {
    getattr(cls, "TAG", ""): cls for cls in _WIRE_TYPES if getattr(cls, "TAG", "")
}
for _cls in _WIRE_TYPES:
    attrs.resolve_types(_cls)


def _value_strategy(tp: Any) -> SearchStrategy[Any]:
    """The strategy for a model class or a union of them (``Event``, ``Party`` ...)."""
    if typing.get_origin(tp) is typing.Union or isinstance(tp, type(Party)):
        return st.one_of([_value_strategy(member) for member in typing.get_args(tp)])
    return _strategy_for(tp)


def _members(tp: Any) -> tuple[type[Any], ...]:
    if typing.get_origin(tp) is typing.Union or isinstance(tp, type(Party)):
        return tuple(typing.get_args(tp))
    return (tp,)


def _json_path(keys: Iterable[str | int]) -> str:
    """The JSON path of a location, as a ValidationError writes it (``$.sources[0].quote``)."""
    path = "$"
    for key in keys:
        if isinstance(key, int):
            path += f"[{key}]"
        elif key.isidentifier() and key.isascii():
            path += f".{key}"
        else:
            path += f"[{json.dumps(key, ensure_ascii=False)}]"
    return path


def _to_dict(value: Any) -> dict[str, Any]:
    from diplorec.converters import to_dict

    return to_dict(value)


def _strip_none(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → (``X``, True); a union of several classes stays a union."""
    args = typing.get_args(tp)
    if type(None) not in args:
        return tp, False
    others = tuple(arg for arg in args if arg is not type(None))
    return (others[0] if len(others) == 1 else typing.Union[others]), True  # noqa: UP007


def _is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


class _Node(typing.NamedTuple):
    """An object in wire data: where it is, its model class, and where that class may go."""

    keys: tuple[str | int, ...]
    cls: type[Any]
    choices: tuple[type[Any], ...]


class _Site(typing.NamedTuple):
    """A value in wire data, with the type its field declares."""

    keys: tuple[str | int, ...]
    tp: Any
    nullable: bool
    name: str


def _walk(
    data: Any, choices: tuple[type[Any], ...], keys: tuple[str | int, ...]
) -> tuple[list[_Node], list[_Site]]:
    """Every object and every field value in valid wire data of one of ``choices``."""
    cls = _TAGGED[data["type"]] if "type" in data and len(choices) > 1 else choices[0]
    nodes = [_Node(keys, cls, choices)]
    sites: list[_Site] = []
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        tp, nullable = _strip_none(field.type)
        here = (*keys, field.name)
        sites.append(_Site(here, tp, nullable, field.name))
        value = data[field.name]
        item_tp = typing.get_args(tp)[0] if _is_tuple(tp) else None
        if item_tp is not None and attrs.has(_members(item_tp)[0]):
            for index, item in enumerate(value):
                more = _walk(item, _members(item_tp), (*here, index))
                nodes += more[0]
                sites += more[1]
        elif value is not None and attrs.has(_members(tp)[0]) and _members(tp)[0] is not When:
            more = _walk(value, _members(tp), here)
            nodes += more[0]
            sites += more[1]
    return nodes, sites


def _locate(data: Any, keys: tuple[str | int, ...]) -> Any:
    for key in keys:
        data = data[key]
    return data


@st.composite
def _noncanonical(draw: st.DrawFn, data: dict[str, Any], choices: tuple[type[Any], ...]) -> Any:
    """The same value written differently: keys reordered, absent fields spelled out."""
    copied = json.loads(json.dumps(data))
    nodes, _ = _walk(copied, choices, ())
    for node in nodes:
        obj = _locate(copied, node.keys)
        for field in attrs.fields(node.cls):
            if field.name in obj or field.default not in (None, ()):
                continue
            if draw(st.booleans()):
                obj[field.name] = None if field.default is None else []
        order = draw(st.permutations(list(obj)))
        reordered = {key: obj[key] for key in order}
        obj.clear()
        obj.update(reordered)
    return copied


def _wire_target(cls: Any) -> tuple[type[Any], ...]:
    members = _members(cls)
    if not members or any(member not in _WIRE_TYPES for member in members):
        raise InvalidArgument(
            f"{cls!r} is not a diplorec model class or a union of them (Event, Party, ...)"
        )
    return members


@_public
def wire_dicts(cls: Any, *, canonical: bool = True) -> SearchStrategy[dict[str, Any]]:
    """JSON-ready dicts of valid values of a model class or union, as ``to_dict`` writes them.

    With ``canonical=False`` the same values are sometimes written as a reader must
    also accept them: keys in any order, and absent optional fields spelled out as
    ``null`` or ``[]``. ``from_dict(data, cls)`` reads either.

    >>> from diplorec import Party
    >>> strategy = wire_dicts(Party, canonical=False)
    """
    choices = _wire_target(cls)
    written = _value_strategy(cls).map(_to_dict)
    if canonical:
        return written
    return written.flatmap(lambda data: _noncanonical(data, choices))


@_public
def wire_events(
    *, types: type[Event] | Iterable[type[Event]] | None = None, canonical: bool = True
) -> SearchStrategy[dict[str, Any]]:
    """JSON-ready dicts of valid events (read them with ``from_dict(data, Event)``).

    >>> from diplorec import RecognitionAct
    >>> strategy = wire_events(types=RecognitionAct)
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    union = typing.Union[chosen] if len(chosen) > 1 else chosen[0]  # noqa: UP007
    written = events(types=chosen).map(_to_dict)
    if canonical:
        return written
    return written.flatmap(lambda data: _noncanonical(data, _members(union)))


# -- invalid wire data ----------------------------------------------------------------

_NAME_FIELDS: Final = frozenset(
    {"name", "office", "title", "acronym", "publisher", "locator", "list_name"}
)
_TEXT_FIELDS: Final = frozenset({"notes", "quote", "described_as", "subject", "description"})
_BAD_NAMES: Final = ("", " ", " padded", "padded ", "nul\x00", "line\u2028", "x" * 501)
_BAD_TEXTS: Final = ("", "   ", "bell\x07", "\x1b[31m")
#: Field-specific bad text, by field name (every value breaks the field's rule).
_BAD_TEXT_BY_FIELD: Final[dict[str, tuple[str, ...]]] = {
    "iso3": ("afg", "AF", "AFGH", "A1B", "ÅFG", " AFG"),
    "iso2": ("af", "A", "AFG", "A1"),
    "wikidata": ("Q0", "Q01", "q889", "889", "Q", "P31", "Q889 ", "Q1234567890123"),
    "id": ("", "no-colon", "Kind:x", "kind: spaced", "kind:", ":key", "1kind:x", "k:" + "x" * 201),
    "url": ("ftp://example.org", "example.org", "http://", "http://exa mple.org"),
    "language": ("EN", "english", "e", "en_US", "en-"),
    "cameo": ("54", "999", "0540", "", "abc", "054 "),
    "cow": (),
}
_BAD_NUMBERS_BY_FIELD: Final[dict[str, tuple[int | float, ...]]] = {
    "cow": (0, 1000, -1, 10**30),
    "gw": (0, 1000, -700),
    "latitude": (90.5, -91, 1e300),
    "longitude": (180.5, -181.0, 360),
    "confidence": (1.5, -0.1, 2),
}
_BAD_NAME_LISTS: Final = ([""], [" x"], ["same", "same"])
_BAD_LINKS: Final = (["no colon"], ["a:b", "a:b"], [""], ["Kind:x"])
_BAD_DATES: Final = (
    "2025-13",
    "2025-00",
    "2025-02-30",
    "2023-02-29",
    "2025-04-31",
    "2025-20",
    "2025-42",
    "2025-21-01",
    "0000",
    "10000",
    "25",
    "2025-7-3",
    "2025/07/03",
    "3 July 2025",
    "2025-07-03T10:00",
    "-2025",
    "2025??",
    "../..",
    "2026/2025",
    "2025/",
    "2025/2026/2027",
    " 2025",
    "\uff12\uff10\uff12\uff15"  # full-width digits,
    "",
)
_BAD_INSTANTS: Final = (
    "2025-07-03T09:30:00",
    "2025-07-03T09:30:00+03:00",
    "2025-07-03",
    "2025-13-03T09:30:00Z",
    "yesterday",
)
_WRONG_TYPES: Final[dict[Any, tuple[Any, ...]]] = {
    str: (0, 1.5, True, [], {}, ["text"]),
    int: ("700", 7.5, True, 700.0, [], {}),
    float: ("1.0", True, [1.0], {}),
    bool: (0, 1, "true", [], {}),
    When: (2025, 2025.5, True, [], {}, ["2025"]),
    dt.datetime: (0, True, [], {}),
}
_NOT_ARRAYS: Final[tuple[Any, ...]] = ("", "abc", {}, 1, True)
_NOT_OBJECTS: Final[tuple[Any, ...]] = ("", "state", 1, [], True)
_EXTRA_KEYS: Final = ("extra", "Name", "", "two words", "名前", "type2")


def _bad_enum_values(tp: type[enum.Enum]) -> list[Any]:
    values = {member.value for member in tp}
    first = next(iter(tp)).value
    found: list[Any] = [0, True, [], {}, "", "no-such-value", first.upper(), f" {first}"]
    found.append(first.replace("-", "_") if "-" in first else first.title())
    return [value for value in found if not (isinstance(value, str) and value in values)]


def _bad_values(site: _Site) -> list[Any]:
    """Values that make the value at ``site`` invalid, whatever the rest of the data."""
    tp, name = site.tp, site.name
    bad: list[Any] = [] if site.nullable else [None]
    if _is_tuple(tp):
        bad += _NOT_ARRAYS
        if name in ("aliases", "transliterations"):
            bad += _BAD_NAME_LISTS
        elif name in ("basis", "concerning"):
            bad += _BAD_LINKS
        elif name == "conditions":
            bad += [[""], ["\x00"], ["   "]]
        elif name == "parties":
            bad += [[]]
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        bad += _bad_enum_values(tp)
    elif tp in _WRONG_TYPES:
        bad += _WRONG_TYPES[tp]
        if tp is When:
            bad += _BAD_DATES
        elif tp is dt.datetime:
            bad += _BAD_INSTANTS
        elif tp is str:
            bad += _BAD_TEXT_BY_FIELD.get(name, ())
            bad += _BAD_NAMES if name in _NAME_FIELDS else ()
            bad += _BAD_TEXTS if name in _TEXT_FIELDS else ()
        else:
            bad += _BAD_NUMBERS_BY_FIELD.get(name, ())
    else:
        bad += _NOT_OBJECTS
    if name == "cameo":
        table = cameo_table()
        bad = [value for value in bad if not (isinstance(value, str) and value in table)]
    return bad


_Keys: TypeAlias = tuple[str | int, ...]


class _Delete(enum.Enum):
    DELETE = "delete"


class _Change(typing.NamedTuple):
    """One way to break valid data: set or delete the value at ``keys``, wrong at ``path``."""

    keys: _Keys
    value: Any
    path: _Keys

    def apply(self, data: Any) -> tuple[Any, _Keys]:
        if not self.keys:
            return self.value, self.path
        copied = json.loads(json.dumps(data))
        parent = _locate(copied, self.keys[:-1])
        if self.value is _Delete.DELETE:
            del parent[self.keys[-1]]
        else:
            parent[self.keys[-1]] = self.value
        return copied, self.path


def _object_changes(node: _Node, data: Any) -> list[_Change]:
    """Ways to break one object: drop a required key or the tag, a bad tag, an extra key."""
    obj = _locate(data, node.keys)
    changes: list[_Change] = []

    def at(key: str) -> _Keys:
        return (*node.keys, key)

    for field in attrs.fields(node.cls):
        if field.default is attrs.NOTHING and field.name in obj:
            changes.append(_Change(at(field.name), _Delete.DELETE, at(field.name)))
    if "type" in obj:
        changes.append(_Change(at("type"), _Delete.DELETE, at("type")))
        outside = next(tag for tag, cls in _TAGGED.items() if cls not in node.choices)
        for tag in ("bogus", "", "State", None, 0, outside):
            changes.append(_Change(at("type"), tag, at("type")))
    fields = {field.name for field in attrs.fields(node.cls)}
    for key in _EXTRA_KEYS if "type" in obj else (*_EXTRA_KEYS, "type"):
        if key not in fields:
            changes.append(_Change(at(key), "x", at(key)))
    return changes


#: The two fields that must name different parties, by class.
_DIFFERENT: Final[dict[type[Any], tuple[str, str]]] = {
    RecognitionAct: ("recognizer", "recognized"),
    RecognitionWithdrawal: ("withdrawer", "recognized"),
    DesignationChange: ("authority", "entity"),
    Envoy: ("sending", "receiving"),
}


def _rule_changes(node: _Node, data: Any) -> list[_Change]:
    """Ways to break a rule between fields: a party recognising itself, and the like."""
    obj = _locate(data, node.keys)
    here, cls = node.keys, node.cls
    changes: list[_Change] = []
    if cls in _DIFFERENT:
        first, second = _DIFFERENT[cls]
        changes.append(_Change((*here, second), obj[first], here))
    if cls is RecognitionAct:
        where = (*here, "collective_with")
        changes.append(_Change(where, [obj["recognizer"]], where))
    if cls is RecognitionWithdrawal:
        where = (*here, "in_favour_of")
        changes.append(_Change(where, obj["withdrawer"], where))
    if cls in (RelationsChange, DiplomaticTies):
        where = (*here, "parties")
        a, b = obj["parties"]
        changes += [_Change(where, broken, where) for broken in ([a], [a, a], [a, b, a])]
    if cls is Meeting:
        where = (*here, "participants")
        changes.append(_Change(where, obj["participants"][:1], where))
    if cls is Place and "latitude" in obj:
        where = (*here, "longitude")
        changes.append(_Change(where, _Delete.DELETE, where))
    if cls is RelationsChange:
        upgrade = {"action": "upgraded", "level_before": "ambassador", "level_after": "none"}
        changes.append(_Change(here, {**obj, **upgrade}, (*here, "level_after")))
    return changes


_JUNK: Final = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def _deep_junk(draw: st.DrawFn, site: _Site) -> Any:
    """Nested junk never valid where it goes: an array for a value, an object for an array."""
    junk: Any = draw(_JUNK)
    for _ in range(draw(st.integers(1, 60))):
        junk = [junk]
    return {"junk": junk} if _is_tuple(site.tp) else junk


@st.composite
def _invalid(
    draw: st.DrawFn, choices: tuple[type[Any], ...], valid: SearchStrategy[Any]
) -> tuple[Any, _Keys]:
    data = draw(valid)
    nodes, sites = _walk(data, choices, ())
    kind = draw(st.sampled_from(("value", "value", "value", "object", "rule", "junk", "root")))
    if kind == "root":
        return draw(st.sampled_from(("", 2025, [], None, True, [data]))), ()
    if kind == "object":
        changes = [change for node in nodes for change in _object_changes(node, data)]
        chosen: _Change = draw(st.sampled_from(changes))
        return chosen.apply(data)
    if kind == "rule":
        rules = [change for node in nodes for change in _rule_changes(node, data)]
        if rules:
            rule: _Change = draw(st.sampled_from(rules))
            return rule.apply(data)
    site = draw(st.sampled_from(sites))
    bad = draw(_deep_junk(site)) if kind == "junk" else draw(st.sampled_from(_bad_values(site)))
    return _Change(site.keys, bad, site.keys).apply(data)


@_public
def invalid_wire_dicts(cls: Any) -> SearchStrategy[tuple[Any, str]]:
    """Pairs ``(data, path)``: wire data that is not a valid ``cls``, and where it is wrong.

    Each is valid wire data with one thing broken: a value of the wrong JSON type, a
    required key or a ``"type"`` tag missing, an unknown tag or an extra key, a
    malformed or impossible date, an out-of-range number, a bad ISO, COW or Wikidata
    code or id, a name with surrounding spaces or a control character, a broken rule
    between fields (a party recognising itself), nested junk, or no object at all.
    ``from_dict(data, cls)`` raises a :class:`~diplorec.ValidationError` with ``path``
    among the paths of its problems.

    >>> from diplorec import State
    >>> strategy = invalid_wire_dicts(State)
    """
    choices = _wire_target(cls)
    pairs = _invalid(choices, wire_dicts(cls))
    return pairs.map(lambda case: (case[0], _json_path(case[1])))


@_public
def invalid_wire_events(
    *, types: type[Event] | Iterable[type[Event]] | None = None
) -> SearchStrategy[tuple[Any, str]]:
    """Pairs ``(data, path)`` of broken event data (read as ``Event``) and where it is wrong.

    See :func:`invalid_wire_dicts`; ``types`` keeps to some event classes.

    >>> from hypothesis import given
    >>> from diplorec import Event, ValidationError, from_dict
    >>> @given(invalid_wire_events())
    ... def test_rejected(case):
    ...     data, path = case
    ...     try:
    ...         from_dict(data, Event)
    ...     except ValidationError as error:
    ...         assert path in [problem.path for problem in error.problems]
    ...     else:
    ...         raise AssertionError("accepted")
    >>> test_rejected()
    """
    chosen = _classes(types, EVENT_TYPES, "event classes")
    pairs = _invalid(chosen, wire_events(types=chosen))
    return pairs.map(lambda case: (case[0], _json_path(case[1])))


# -- from_type ------------------------------------------------------------------------

_FOR_TYPE: Final[dict[type[Any], Callable[[], SearchStrategy[Any]]]] = {
    When: whens,
    Problem: problems,
    State: states,
    Government: governments,
    Organization: organizations,
    Person: persons,
    Official: officials,
    Envoy: envoys,
    Place: places,
    Source: sources,
    Citation: citations,
    **_EVENT_STRATEGIES,
}
_LATE_FOR_TYPE: Final[dict[tuple[str, str], Callable[[], SearchStrategy[Any]]]] = {
    ("diplorec.dossier", "Dossier"): dossiers,
    ("diplorec.dossier", "Finding"): findings,
    ("diplorec.ledger", "TimelineEntry"): timeline_entries,
    ("diplorec.jsonl", "BadLine"): bad_lines,
}


def _strategy_for(cls: type[Any]) -> SearchStrategy[Any]:
    """The strategy ``st.from_type(cls)`` uses for a diplorec class."""
    if cls in _FOR_TYPE:
        return _FOR_TYPE[cls]()
    late = _LATE_FOR_TYPE.get((cls.__module__, cls.__qualname__))
    if late is not None:
        return late()
    if attrs.has(cls):  # a class added to diplorec since: let Hypothesis infer its fields
        attrs.resolve_types(cls)
    return st.builds(cls)

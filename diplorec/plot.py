"""Pictures of recognition over time (needs matplotlib: ``pip install "diplorec[plot]"``).

:func:`plot_recognitions` draws how many parties recognise an entity over time,
from a :class:`~diplorec.ledger.RecognitionLedger`: a step line of those surely
recognising it, a band up to those who may (dates known only to the month or year,
disputed claims), and a mark at each withdrawal. :func:`plot_events` draws events
as a timeline, one row each, imprecise dates as bars across their window.

Both build a ``matplotlib.figure.Figure`` directly, without pyplot, so nothing is
displayed and no backend is switched; save it with ``figure.savefig(path)``.
matplotlib is imported only when these functions are called.
"""

from __future__ import annotations

import datetime
import importlib
import textwrap
from collections.abc import Iterable
from typing import Any

from diplorec.actors import Organization, Party
from diplorec.codes import cameo, dyad
from diplorec.dates import When
from diplorec.events import CodedEvent, Event
from diplorec.ledger import (
    DateLike,
    PartyLike,
    RecognitionLedger,
    Standing,
    TimelineEntry,
    as_when,
)

__all__ = ["plot_events", "plot_recognitions"]

_GIVEN = "#1f6f8b"
_BAND = "#9ccbd9"
_WITHDRAWN = "#b3261e"
#: Colours of CAMEO's quad classes: verbal and material cooperation, verbal and material conflict.
_QUAD_COLOURS = {1: "#1f6f8b", 2: "#2e8b57", 3: "#d98c1f", 4: "#b3261e"}
_QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_ONE_DAY = datetime.timedelta(days=1)


def _matplotlib() -> tuple[Any, Any]:
    try:
        figure = importlib.import_module("matplotlib.figure")
        dates = importlib.import_module("matplotlib.dates")
    except ImportError as error:
        raise ImportError('plotting needs matplotlib: pip install "diplorec[plot]"') from error
    return figure, dates


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    figure, _ = _matplotlib()
    return figure.Figure(figsize=size, layout="constrained").add_subplot()


def _plain(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


def _counts(
    ledger: RecognitionLedger, recognized: PartyLike, days: list[datetime.date]
) -> tuple[list[int], list[int]]:
    """Parties surely recognising, and possibly recognising, on each day."""
    surely, possibly = [], []
    for day in days:
        standings = ledger.standings(recognized, day).values()
        given = sum(standing is Standing.RECOGNIZED for standing in standings)
        maybe = sum(standing is Standing.UNCERTAIN for standing in standings)
        surely.append(given)
        possibly.append(given + maybe)
    return surely, possibly


def plot_recognitions(
    ledger: RecognitionLedger | Iterable[Event],
    recognized: PartyLike,
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """Draw how many parties recognise ``recognized`` over time; return the ``Figure``.

    ``ledger`` is a :class:`~diplorec.ledger.RecognitionLedger` or events to build
    one from. The line counts parties whose standing is
    :attr:`~diplorec.ledger.Standing.RECOGNIZED`; the band above it adds those
    whose standing is :attr:`~diplorec.ledger.Standing.UNCERTAIN`. Each withdrawal,
    switch or suspension is marked: filled when it counts, hollow when disputed.
    The picture runs from ``since`` to ``until`` (default: from a little before the
    first change to a little after the last).
    """
    if not isinstance(ledger, RecognitionLedger):
        ledger = RecognitionLedger.from_events(ledger)
    timeline = [entry for entry in ledger.timeline(recognized) if entry.effect is not None]
    axes = _axes(ax, (9.0, 4.5))
    _, mdates = _matplotlib()
    if not timeline:
        axes.text(0.5, 0.5, "no recognition on record", ha="center", transform=axes.transAxes)
        return axes.figure
    bounds = {_plain(e.when.earliest) for e in timeline} | {_plain(e.when.latest) for e in timeline}
    edges = sorted(d for d in bounds if 1 < d.year < 9999) or sorted(bounds)
    margin = datetime.timedelta(days=max((edges[-1] - edges[0]).days // 30, 1))
    first = _plain(as_when(since).earliest) if since is not None else edges[0] - margin
    last = _plain(as_when(until).latest) if until is not None else edges[-1] + margin
    inside = [d for d in edges if first < d <= last]
    days = sorted({first, last, *inside, *(d - _ONE_DAY for d in inside)})
    surely, possibly = _counts(ledger, recognized, days)
    axes.fill_between(
        days, surely, possibly, step="post", color=_BAND, alpha=0.6, linewidth=0,
        label="may recognise (imprecise date or disputed claim)",
    )  # fmt: skip
    axes.step(days, surely, where="post", color=_GIVEN, linewidth=2, label="recognise")
    _mark_withdrawals(axes, ledger, recognized, timeline, days, surely)
    name = _name(ledger, recognized)
    axes.set_title(title or f"Recognitions of {name}")
    axes.set_ylabel("parties recognising")
    axes.set_ylim(bottom=0, top=max(possibly) + 1)
    axes.set_xlim(days[0], days[-1])
    axes.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="upper left", frameon=False)
    return axes.figure


def _mark_withdrawals(
    axes: Any,
    ledger: RecognitionLedger,
    recognized: PartyLike,
    timeline: list[Any],
    days: list[datetime.date],
    surely: list[int],
) -> None:
    ends = _ends(timeline)
    if not ends:
        return
    labelled: set[bool] = set()
    for entry in ends:
        day = _plain(entry.when.latest)
        if not days[0] <= day <= days[-1]:
            continue
        height = surely[max(i for i, d in enumerate(days) if d <= day)]
        counted = entry.effect is not Standing.UNCERTAIN
        label = None
        if counted not in labelled:
            labelled.add(counted)
            label = "withdrawal" if counted else "disputed withdrawal"
        axes.plot(
            [day], [height + 0.15], marker="v", markersize=9, linestyle="none",
            color=_WITHDRAWN, markerfacecolor=_WITHDRAWN if counted else "white", label=label,
        )  # fmt: skip
        if len(ends) <= 12:
            axes.annotate(
                _short(entry.recognizer), (day, height + 0.15), xytext=(0, 6),
                textcoords="offset points", ha="center", va="bottom", fontsize=8,
                color=_WITHDRAWN,
            )  # fmt: skip


def _ends(timeline: list[TimelineEntry]) -> list[TimelineEntry]:
    """The counted withdrawals that end a recognition, each once.

    A withdrawal of a recognition already surely withdrawn (a switch, then the
    recognition of the rival it implies a few days later) ends nothing new and gets
    no second mark; a disputed claim leaves the recognition standing for this rule.
    """
    ends = []
    ended: set[str] = set()  # recognizers whose recognition is surely withdrawn
    policies = (Standing.REFUSED, Standing.ABSTAINS)  # stated policies are not withdrawals
    for entry in timeline:
        if not entry.counted or entry.effect in policies:
            continue
        recognizer = entry.recognizer.id
        if entry.kind.gives:
            ended.discard(recognizer)
        elif recognizer not in ended:
            ends.append(entry)
            if entry.effect is not Standing.UNCERTAIN:
                ended.add(recognizer)
    return ends


def _name(ledger: RecognitionLedger, recognized: PartyLike) -> str:
    if not isinstance(recognized, str):
        return recognized.name
    try:
        return ledger.party(recognized).name
    except KeyError:
        return recognized


def _short(party: Party | None) -> str:
    """A party's name, or for a state body with an acronym, its state's name and acronym."""
    if party is None:
        return "?"
    if isinstance(party, Organization) and party.acronym and party.state is not None:
        return f"{party.state.name} {party.acronym}"
    return party.name


#: CAMEO's catch-all suffix, which says nothing on a picture.
_UNSPECIFIED = ", not specified below"
#: Row labels wrap at this many characters, so the picture keeps its width.
_LABEL_WIDTH = 64
#: An open side is drawn as a stub this fraction of the axis long, ending in an arrow.
_STUB = 1 / 15
#: A window narrower than this fraction of the axis also gets a diamond, to stay visible.
_NARROW = 1 / 100


def _date_text(when: When) -> str:
    """A date as a row label gives it: EDTF, but an open interval in words."""
    if when.is_open:
        if when.start is None:
            return f"on or before {when.end}"
        return f"on or after {when.start}"
    return str(when)


def _label(event: Event) -> str:
    actor, target = dyad(event)
    who = _short(actor) if target is None else f"{_short(actor)} → {_short(target)}"
    what = event.TAG.replace("-", " ")
    if isinstance(event, CodedEvent):
        label = cameo(event).label.removesuffix(_UNSPECIFIED)
        what = label[:1].lower() + label[1:]
    line = f"{what}: {who}"
    if len(line) > _LABEL_WIDTH:  # what on one line, who on the next
        line = f"{textwrap.fill(f'{what}:', _LABEL_WIDTH)}\n{textwrap.fill(who, _LABEL_WIDTH)}"
    return f"{line}\n{_date_text(event.on)}"


def _row_key(event: Event) -> tuple[object, ...]:
    """The sort key of an event's row: an open interval sorts by its known end.

    "On or before 3 July" goes just before the events of 3 July; any other date goes
    by its own sort order.
    """
    when = event.on
    known = (when.end if when.start is None else when.start) if when.is_open else when
    assert known is not None  # an interval is never open at both ends
    return (known.sort_key, when.sort_key, event.id)


def plot_events(
    events: Iterable[Event],
    *,
    since: DateLike | None = None,
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """Draw events as a timeline, one row each, oldest at the top; return the ``Figure``.

    A date known to the day is a dot; a month, year or interval is a bar across its
    window, with a diamond in its middle when the window is too short to see at the
    scale of the picture. An open interval ("on or before 3 July 2025",
    ``../2025-07-03``) is drawn at its known end, with a short faint stub and an arrow
    pointing to the open side, and its row goes where that end sorts. Colours give
    CAMEO's quad class. Events before ``since`` are left out; windows reaching past
    either edge are cut there, with an arrow.
    """
    chosen = sorted(events, key=_row_key)
    if since is not None:
        cut = as_when(since).earliest
        chosen = [event for event in chosen if event.on.latest >= cut]
    axes = _axes(ax, (10.0, 0.5 * max(len(chosen), 3) + 1.6))
    _, mdates = _matplotlib()
    if not chosen:
        axes.text(0.5, 0.5, "no events", ha="center", transform=axes.transAxes)
        return axes.figure
    finite = [d for e in chosen for d in (e.on.earliest, e.on.latest) if 1 < d.year < 9999]
    low = _plain(as_when(since).earliest) if since is not None else _plain(min(finite))
    high = _plain(max(finite))
    margin = datetime.timedelta(days=max((high - low).days // 25, 2))
    left, right = low - margin, high + margin
    rows = _Rows(axes, left, right)
    seen: set[int] = set()
    for row, event in enumerate(chosen):
        quad = cameo(event).quad_class
        colour = _QUAD_COLOURS[quad]
        seen.add(quad)
        when = event.on
        if not when.is_open:
            rows.window(row, when, colour)
        elif when.start is None:
            assert when.end is not None
            rows.window(row, when.end, colour)
            rows.open_side(row, _plain(when.end.earliest), -1, colour)
        else:
            rows.window(row, when.start, colour)
            rows.open_side(row, _plain(when.start.latest), +1, colour)
    axes.set_yticks(range(len(chosen)), [_label(event) for event in chosen], fontsize=7.5)
    axes.invert_yaxis()
    axes.set_xlim(left, right)
    locator = mdates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.grid(axis="x", alpha=0.3)
    axes.set_title(title or "Events")
    patches = importlib.import_module("matplotlib.patches")
    legend = [
        patches.Patch(color=_QUAD_COLOURS[quad], alpha=0.75, label=_QUAD_NAMES[quad])
        for quad in sorted(seen)
    ]
    axes.legend(
        handles=legend, loc="lower left", fontsize=8, frameon=False, title="CAMEO quad class"
    )
    return axes.figure


class _Rows:
    """Draws the marks of one row of :func:`plot_events` between the edges of the axis."""

    def __init__(self, axes: Any, left: datetime.date, right: datetime.date) -> None:
        self.axes, self.left, self.right = axes, left, right
        span = (right - left).days
        self.stub = datetime.timedelta(days=max(round(span * _STUB), 2))
        self.narrow = span * _NARROW

    def window(self, row: int, when: When, colour: str) -> None:
        """A dot for a day, else a bar across the window, cut at the edges with an arrow.

        A window wholly before the left edge (the known start of an open interval) is
        only an arrow at that edge.
        """
        first, last = _plain(when.earliest), _plain(when.latest)
        if last < self.left:  # the known end of an open interval, before the picture
            self.arrow(self.left, row, -1, colour)
            return
        start, end = max(first, self.left), min(last, self.right)
        if start == end:
            self.axes.plot([start], [row], "o", color=colour, markersize=7)
            return
        width = end - start + _ONE_DAY
        self.axes.barh(row, width, left=start, height=0.5, color=colour, alpha=0.75)
        if width.days < self.narrow:
            middle = start + (end - start) / 2
            self.axes.plot([middle], [row], marker="D", color=colour, markersize=6)
        if first < self.left:
            self.arrow(self.left, row, -1, colour)
        if last > self.right:
            self.arrow(self.right, row, +1, colour)

    def open_side(self, row: int, known: datetime.date, side: int, colour: str) -> None:
        """A faint stub from the known end towards the open side (-1 left, +1 right).

        When the known end lies beyond an edge, the stub starts at that edge.
        """
        if side < 0:
            end = min(known, self.right)
            start = max(end - self.stub, self.left)
        else:
            start = max(known, self.left)
            end = min(start + self.stub, self.right)
        if start >= end:
            return
        self.axes.barh(row, end - start, left=start, height=0.18, color=colour, alpha=0.35)
        self.arrow(start if side < 0 else end, row, side, colour)

    def arrow(self, day: datetime.date, row: int, side: int, colour: str) -> None:
        """An arrow pointing left (-1) or right (+1), drawn whole even on an edge."""
        marker = "<" if side < 0 else ">"
        self.axes.plot([day], [row], marker=marker, color=colour, markersize=7, clip_on=False)

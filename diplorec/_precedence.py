"""How recorded acts combine into a standing: the ledger's precedence rules, in one table.

Every act the ledger reads becomes one or more *changes* of a pair (recognizer,
recognized): a window of days in which it took effect (its ``effective`` date when
given, else ``on``), a :class:`Standing` it leads to, and a *layer* that says what it
does to the standing before it. On a day, the standing is that of the last change
surely in effect, unless a change whose window is still open may have come after
it; changes whose order the dates leave open (the same day, overlapping months)
give :attr:`Standing.UNCERTAIN` when they disagree. Then the layers apply:

- an **explicit** change replaces whatever stood before;
- a **soft** change (a declared neutral or no-declarations policy) replaces only a
  standing in which no recognition is in force, and never displaces one;
- **observed** ties are evidence over an interval: on the days surely inside it they
  turn a standing with no recognition on record into ``recognized``, on the days only
  possibly inside it they make such a standing ``uncertain``, and they never
  override an explicit act.

The table below is :data:`RULES`, rendered by :func:`table` (a test keeps this text
and the Analysis documentation equal to it):

.. RULES-TABLE-START

=========================================================  ==============================
record                                                     effect (layer)
=========================================================  ==============================
``RecognitionAct``                                         ``recognized`` (explicit)
... with ``conditions``                                    ``conditional`` (explicit)
... claimed, disputed or denied [3]_                       ``uncertain`` (explicit)
... its author says is not recognition                     none (not counted)
exclusive ``government`` recognition: towards rivals [1]_  ``withdrawn`` (explicit)
... claimed or disputed: towards rivals                    ``uncertain`` (explicit)
any other recognition: towards others [2]_                 none (ends nothing)
``RecognitionWithdrawal``, or a switch                     ``withdrawn`` (explicit)
... of kind ``suspension``                                 ``suspended`` (explicit)
a switch: towards ``in_favour_of``                         ``recognized`` (explicit)
withdrawal claimed or denied by others [3]_                ``uncertain`` (explicit)
withdrawal its withdrawer denies                           none (not counted)
``RecognitionPolicy`` ``non-recognition``                  ``refused`` (explicit)
``RecognitionPolicy`` ``neutral``                          ``abstains`` (soft)
``RecognitionPolicy`` ``no-declarations`` [4]_             ``abstains`` (soft)
``RecognitionPolicy`` ``call-for-non-recognition``         none (checked [5]_)
``DiplomaticTies``, ``formal_recognition=True`` [6]_       ``recognized`` (observed)
``DiplomaticTies``, other                                  none (not recognition)
any act ``retracted`` by its author [7]_                   none (void from the start)
any act ``invalidated`` or ``denied`` [8]_                 ``uncertain`` (explicit)
``RecognitionPledge``                                      none (listed by ``pledges()``)
=========================================================  ==============================

.. [1] An exclusive recognition in capacity ``government`` of a government G1 ends the
   recognizer's recognition, in capacity ``government``, of every rival government of the same
   state it recognised before or on the same day.
.. [2] A recognition in capacity ``state``, ``representative``, ``belligerency`` or
   ``insurgency``, or one with ``exclusive=False``, ends no recognition of anyone else.
.. [3] Claimed only by a third party, denied by anyone (for a withdrawal: anyone but the
   withdrawer), or of certainty ``claimed`` or ``disputed``; a ``confirmed`` record of the act,
   or of the same change, decides.
.. [4] Towards its ``subject``; with no subject, towards every government the events name.
.. [5] It changes no standing; ``Dossier.check()`` reports recognitions contrary to it.
.. [6] Both ways, on the days surely inside its interval; on the days only possibly inside,
   ``uncertain`` where it would change the answer.
.. [7] An ``Annulment`` of kind ``retracted`` whose ``by`` is the act's author (its recognizer,
   withdrawer or holder, or a partner of a collective act for its own part) and whose certainty
   is neither ``claimed`` nor ``disputed``: the author's changes from the act no longer count,
   for any date. Any other annulment is read as in [8].
.. [8] From the annulment's date, for each change of the act still in force: a later act of the
   pair settles it again. A denial does nothing to an act recorded as ``confirmed``; an
   invalidation does (whether an act happened is its certainty, whether it counts is another
   question). An annulment retracted by its own author has no effect.

Layers:

- explicit: replaces any standing
- soft: replaces ``not-recognized``, ``withdrawn``, ``refused``, ``abstains``
- observed: replaces ``not-recognized``, ``abstains``

.. RULES-TABLE-END

Two further steps apply before the table: what was known on a date (``known_on``:
only events announced by then count) and the order of changes within a day (by the
time of day ``at`` in UTC, then by ``basis`` links; otherwise simultaneous, so
``uncertain`` where they disagree), which :class:`Series` applies.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import textwrap
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from diplorec.ledger import TimelineEntry

__all__ = [
    "NOTES",
    "RULES",
    "ChangeKind",
    "Layer",
    "Rule",
    "Series",
    "Spans",
    "Standing",
    "layer_of",
    "markdown_table",
    "rule_of",
    "span_of",
    "standing_over",
    "step_function",
    "table",
]


class Standing(enum.StrEnum):
    """Where recognition between two parties stands on a date.

    >>> Standing.RECOGNIZED.recognized, Standing.UNCERTAIN.recognized
    (True, False)
    """

    #: Recognition is in force.
    RECOGNIZED = "recognized"
    #: No recognition is on record (which is not proof of a policy of non-recognition).
    NOT_RECOGNIZED = "not-recognized"
    #: Recognition was given and has been withdrawn (explicitly or by a switch to a rival).
    WITHDRAWN = "withdrawn"
    #: Recognition was given and is suspended.
    SUSPENDED = "suspended"
    #: Recognition was announced on conditions and has no legal effect yet.
    CONDITIONAL = "conditional"
    #: The events cannot settle it: imprecise dates, or a claim that is disputed.
    UNCERTAIN = "uncertain"
    #: A stated policy of non-recognition is in force.
    REFUSED = "refused"
    #: A declared neutral or no-declarations policy is in force, and no recognition.
    ABSTAINS = "abstains"

    @property
    def recognized(self) -> bool:
        """True only for :attr:`RECOGNIZED`."""
        return self is Standing.RECOGNIZED


class ChangeKind(enum.StrEnum):
    """What kind of change a :class:`~diplorec.ledger.TimelineEntry` records."""

    #: A recognition act by the recognizer itself.
    RECOGNITION = "recognition"
    #: The recognizer is a partner of someone else's collective recognition act.
    COLLECTIVE_RECOGNITION = "collective-recognition"
    #: Recognition implied by a switch of recognition in favour of this party.
    SWITCH_RECOGNITION = "switch-recognition"
    #: An explicit withdrawal.
    WITHDRAWAL = "withdrawal"
    #: An explicit switch away from this party to a rival.
    SWITCH = "switch"
    #: A suspension of recognition.
    SUSPENSION = "suspension"
    #: Withdrawal implied by recognising a rival government of the same state.
    RIVAL_RECOGNITION = "rival-recognition"
    #: A stated policy of not recognising this party.
    NON_RECOGNITION_POLICY = "non-recognition-policy"
    #: A stated policy of neutrality towards this party, or of no declarations at all.
    NEUTRAL_POLICY = "neutral-policy"
    #: Diplomatic ties with formal recognition, observed over an interval.
    OBSERVED_TIES = "observed-ties"
    #: An act annulled (invalidated or denied, see ``Annulment``): uncertain from then on.
    ANNULMENT = "annulment"

    @property
    def gives(self) -> bool:
        """True for the kinds that give recognition, False for the others."""
        return self in _GIVING


_GIVING = frozenset(
    {
        ChangeKind.RECOGNITION,
        ChangeKind.COLLECTIVE_RECOGNITION,
        ChangeKind.SWITCH_RECOGNITION,
        ChangeKind.OBSERVED_TIES,
    }
)


class Layer(enum.Enum):
    """How a change treats the standing before it."""

    #: Replaces any earlier standing.
    EXPLICIT = "explicit"
    #: Replaces only a standing with no recognition in force (a declared policy).
    SOFT = "soft"
    #: Evidence over an interval, below every explicit act.
    OBSERVED = "observed"

    @property
    def replaces(self) -> frozenset[Standing]:
        """The earlier standings a change of this layer replaces."""
        return _REPLACES[self]


_NO_RECOGNITION_IN_FORCE = frozenset(
    {Standing.NOT_RECOGNIZED, Standing.WITHDRAWN, Standing.REFUSED, Standing.ABSTAINS}
)
_REPLACES: dict[Layer, frozenset[Standing]] = {
    Layer.EXPLICIT: frozenset(Standing),
    Layer.SOFT: _NO_RECOGNITION_IN_FORCE,
    Layer.OBSERVED: frozenset({Standing.NOT_RECOGNIZED, Standing.ABSTAINS}),
}


@attrs.frozen(kw_only=True)
class Rule:
    """One row of the precedence table: a kind of record, its effect and its layer.

    ``kinds`` are the :class:`ChangeKind` values of the changes the row makes; a row
    with no ``effect`` makes no counted change (``note`` says why).
    """

    record: str
    effect: Standing | None
    layer: Layer | None
    kinds: tuple[ChangeKind, ...] = ()
    note: str = ""

    def apply(self, before: Standing) -> Standing:
        """The standing after this change, given the one before it."""
        assert self.effect is not None
        assert self.layer is not None
        return self.effect if before in self.layer.replaces else before

    @property
    def outcome(self) -> str:
        """The table's words for the row's effect and layer."""
        if self.effect is None or self.layer is None:
            return f"none ({self.note})"
        return f"``{self.effect.value}`` ({self.layer.value})"


_GIVES = (ChangeKind.RECOGNITION, ChangeKind.COLLECTIVE_RECOGNITION)
_TAKES = (ChangeKind.WITHDRAWAL, ChangeKind.SWITCH, ChangeKind.SUSPENSION)

#: The precedence table: every kind of record the ledger reads, and what it does.
RULES: tuple[Rule, ...] = (
    Rule(record="``RecognitionAct``", effect=Standing.RECOGNIZED, layer=Layer.EXPLICIT,
         kinds=_GIVES),
    Rule(record="... with ``conditions``", effect=Standing.CONDITIONAL,
         layer=Layer.EXPLICIT, kinds=_GIVES),
    Rule(record="... claimed, disputed or denied [3]_",
         effect=Standing.UNCERTAIN, layer=Layer.EXPLICIT, kinds=_GIVES),
    Rule(record="... its author says is not recognition", effect=None, layer=None,
         note="not counted"),
    Rule(record="exclusive ``government`` recognition: towards rivals [1]_",
         effect=Standing.WITHDRAWN, layer=Layer.EXPLICIT, kinds=(ChangeKind.RIVAL_RECOGNITION,)),
    Rule(record="... claimed or disputed: towards rivals",
         effect=Standing.UNCERTAIN, layer=Layer.EXPLICIT, kinds=(ChangeKind.RIVAL_RECOGNITION,)),
    Rule(record="any other recognition: towards others [2]_", effect=None, layer=None,
         note="ends nothing"),
    Rule(record="``RecognitionWithdrawal``, or a switch", effect=Standing.WITHDRAWN,
         layer=Layer.EXPLICIT, kinds=(ChangeKind.WITHDRAWAL, ChangeKind.SWITCH)),
    Rule(record="... of kind ``suspension``", effect=Standing.SUSPENDED,
         layer=Layer.EXPLICIT, kinds=(ChangeKind.SUSPENSION,)),
    Rule(record="a switch: towards ``in_favour_of``", effect=Standing.RECOGNIZED,
         layer=Layer.EXPLICIT, kinds=(ChangeKind.SWITCH_RECOGNITION,)),
    Rule(record="withdrawal claimed or denied by others [3]_", effect=Standing.UNCERTAIN,
         layer=Layer.EXPLICIT, kinds=(*_TAKES, ChangeKind.SWITCH_RECOGNITION)),
    Rule(record="withdrawal its withdrawer denies", effect=None, layer=None,
         note="not counted"),
    Rule(record="``RecognitionPolicy`` ``non-recognition``", effect=Standing.REFUSED,
         layer=Layer.EXPLICIT, kinds=(ChangeKind.NON_RECOGNITION_POLICY,)),
    Rule(record="``RecognitionPolicy`` ``neutral``", effect=Standing.ABSTAINS,
         layer=Layer.SOFT, kinds=(ChangeKind.NEUTRAL_POLICY,)),
    Rule(record="``RecognitionPolicy`` ``no-declarations`` [4]_", effect=Standing.ABSTAINS,
         layer=Layer.SOFT, kinds=(ChangeKind.NEUTRAL_POLICY,)),
    Rule(record="``RecognitionPolicy`` ``call-for-non-recognition``", effect=None,
         layer=None, note="checked [5]_"),
    Rule(record="``DiplomaticTies``, ``formal_recognition=True`` [6]_",
         effect=Standing.RECOGNIZED, layer=Layer.OBSERVED, kinds=(ChangeKind.OBSERVED_TIES,)),
    Rule(record="``DiplomaticTies``, other", effect=None, layer=None,
         note="not recognition"),
    Rule(record="any act ``retracted`` by its author [7]_", effect=None, layer=None,
         note="void from the start"),
    Rule(record="any act ``invalidated`` or ``denied`` [8]_", effect=Standing.UNCERTAIN,
         layer=Layer.EXPLICIT, kinds=(ChangeKind.ANNULMENT,)),
    Rule(record="``RecognitionPledge``", effect=None, layer=None,
         note="listed by ``pledges()``"),
)  # fmt: skip

#: The footnotes of the table.
NOTES: tuple[str, ...] = (
    "An exclusive recognition in capacity ``government`` of a government G1 ends the "
    "recognizer's recognition, in capacity ``government``, of every rival government of the "
    "same state it recognised before or on the same day.",
    "A recognition in capacity ``state``, ``representative``, ``belligerency`` or "
    "``insurgency``, or one with ``exclusive=False``, ends no recognition of anyone else.",
    "Claimed only by a third party, denied by anyone (for a withdrawal: anyone but the "
    "withdrawer), or of certainty ``claimed`` or ``disputed``; a ``confirmed`` record of the "
    "act, or of the same change, decides.",
    "Towards its ``subject``; with no subject, towards every government the events name.",
    "It changes no standing; ``Dossier.check()`` reports recognitions contrary to it.",
    "Both ways, on the days surely inside its interval; on the days only possibly inside, "
    "``uncertain`` where it would change the answer.",
    "An ``Annulment`` of kind ``retracted`` whose ``by`` is the act's author (its recognizer, "
    "withdrawer or holder, or a partner of a collective act for its own part) and whose "
    "certainty is neither ``claimed`` nor ``disputed``: the author's changes from the act no "
    "longer count, for any date. Any other annulment is read as in [8].",
    "From the annulment's date, for each change of the act still in force: a later act of the "
    "pair settles it again. A denial does nothing to an act recorded as ``confirmed``; an "
    "invalidation does (whether an act happened is its certainty, whether it counts is "
    "another question). An annulment retracted by its own author has no effect.",
)

_BY_CHANGE: dict[tuple[ChangeKind, Standing], Rule] = {}
for _rule in RULES:
    for _kind in _rule.kinds:
        assert _rule.effect is not None
        _BY_CHANGE.setdefault((_kind, _rule.effect), _rule)


def rule_of(kind: ChangeKind, effect: Standing) -> Rule:
    """The row of :data:`RULES` a counted change of this kind and effect comes under."""
    return _BY_CHANGE[kind, effect]


def layer_of(kind: ChangeKind, effect: Standing) -> Layer:
    """The layer of a counted change, as :data:`RULES` gives it."""
    layer = rule_of(kind, effect).layer
    assert layer is not None
    return layer


def _layer_lines() -> list[str]:
    lines = []
    for layer in Layer:
        if layer is Layer.EXPLICIT:
            replaced = "any standing"
        else:
            replaced = ", ".join(f"``{s.value}``" for s in Standing if s in layer.replaces)
        lines.append(f"- {layer.value}: replaces {replaced}")
    return lines


def table() -> str:
    """:data:`RULES` as reStructuredText: the table, its notes and the layers."""
    rows = [("record", "effect (layer)")]
    rows.extend((rule.record, rule.outcome) for rule in RULES)
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    border = "  ".join("=" * width for width in widths)

    def line(row: tuple[str, str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))

    body = [border, line(rows[0]), border, *(line(row) for row in rows[1:]), border, ""]
    body.extend(
        textwrap.fill(f".. [{number}] {note}", width=96, subsequent_indent="   ")
        for number, note in enumerate(NOTES, 1)
    )
    body.extend(["", "Layers:", "", *_layer_lines()])
    return "\n".join(text.rstrip() for text in body)


def markdown_table() -> str:
    """:data:`RULES` as Markdown: the table, its notes and the layers (for the docs)."""

    def md(text: str) -> str:
        return re.sub(r" ?\[(\d)\]_", r" [\1]", text).replace("``", "`")

    lines = ["| record | effect (layer) |", "|---|---|"]
    lines.extend(f"| {md(rule.record)} | {md(rule.outcome)} |" for rule in RULES)
    lines.append("")
    lines.extend(f"{number}. {md(note)}" for number, note in enumerate(NOTES, 1))
    lines.extend(["", "Layers:", ""])
    lines.extend(md(text) for text in _layer_lines())
    return "\n".join(lines)


# -- evaluating a pair's changes ------------------------------------------------------------


class Spans:
    """Spans of days (proleptic ordinals ``lo`` to ``hi``), sorted by their first day.

    ``reach`` is the running maximum of ``his``, which lets a backward scan stop early,
    and a maximum segment tree over ``his`` finds the next span still reaching a day
    without scanning the ones in between (a long open-start span keeps ``reach`` high
    but costs no scan). The spans must come sorted by ``lo``.

    >>> spans = Spans([1, 3, 5, 9], [100, 4, 6, 9])
    >>> list(spans.overlapping(5, 8))
    [2, 0]
    """

    __slots__ = ("_size", "_tree", "his", "los", "reach")

    def __init__(self, los: list[int], his: list[int]) -> None:
        self.los = los
        self.his = his
        reach: list[int] = []
        top = 0
        for hi in his:
            top = max(top, hi)
            reach.append(top)
        self.reach = reach
        size = 1
        while size < len(his):
            size *= 2
        tree = [-1] * (2 * size)
        tree[size : size + len(his)] = his
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._size = size
        self._tree = tree

    def last_reaching(self, index: int, day: int) -> int:
        """The last span at or before ``index`` that ends on ``day`` or later; -1 if none."""
        if index < 0 or self.reach[index] < day:
            return -1
        tree, size = self._tree, self._size
        node = index + size
        while tree[node] < day:  # climb to the nearest subtree on the left that reaches
            while not node & 1:
                node >>= 1
            node -= 1
        while node < size:  # descend, right child first
            node = 2 * node + 1
            if tree[node] < day:
                node -= 1
        return node - size

    def overlapping(self, lo: int, hi: int) -> Iterator[int]:
        """The spans sharing a day with ``lo``..``hi``, last first, each in O(log n)."""
        index = self.last_reaching(bisect_right(self.los, hi) - 1, lo)
        while index >= 0:
            yield index
            index = self.last_reaching(index - 1, lo)


class _Steps:
    """Changes sorted by their first possible day, for bisection.

    ``los``/``his`` are the first and last day (proleptic ordinals) each change may
    have taken effect, kept as :class:`Spans`.
    """

    __slots__ = ("effects", "entries", "his", "los", "order", "spans")

    def __init__(self, rows: list[tuple[int, int, TimelineEntry]]) -> None:
        rows.sort(key=lambda row: (row[0], row[1]))
        self.los = [row[0] for row in rows]
        self.his = [row[1] for row in rows]
        self.entries = [row[2] for row in rows]
        self.effects = [row[2].effect for row in rows]
        self.spans = Spans(self.los, self.his)
        self.order = _DayOrder.of(self.entries)

    def _found(self, day: int) -> tuple[list[int], bool]:
        """The changes that may be the last in effect on ``day``, latest first, unordered.

        Those that may have started by ``day`` and not surely before it, then those
        that may hold on or after the start of the latest change surely in effect;
        and whether no change surely is in effect.
        """
        index = bisect_right(self.los, day) - 1
        his = self.his
        found: list[int] = []
        while index >= 0 and his[index] > day:
            found.append(index)
            index -= 1
        if index < 0:
            return found, True
        latest_certain = self.los[index]
        while index >= 0:
            found.append(index)
            index = self.spans.last_reaching(index - 1, latest_certain)
        return found, False

    def _ordered(self, found: list[int], day: int) -> list[int]:
        """``found`` without the changes surely followed, the same day, by one in effect."""
        if self.order is None or len(found) < 2:
            return found
        surely = [j for j in found if self.his[j] <= day]
        entries = self.entries
        kept = [
            i
            for i in found
            if not any(j != i and self.order.before(entries[i], entries[j]) for j in surely)
        ]
        return kept or found

    def candidates(self, day: int) -> tuple[list[int], bool]:
        """The changes that may be the last in effect on ``day``, and whether none surely is."""
        found, open_start = self._found(day)
        return self._ordered(found, day), open_start

    def standing(self, day: int) -> Standing:
        """The standing on ``day`` when every change is explicit."""
        indexes, open_start = self.candidates(day)
        effects: set[Standing | None] = {self.effects[index] for index in indexes}
        if open_start:
            effects.add(Standing.NOT_RECOGNIZED)
        result = effects.pop() if len(effects) == 1 else Standing.UNCERTAIN
        assert result is not None
        return result


class _DayOrder:
    """The order of changes within one day: by time of day in UTC, then by ``basis`` links.

    Only changes dated to a single day are ordered, and only against changes of the
    same day. A change takes the time of day ``at`` of its event when the change's
    date is the event's own date ``on`` (not an ``effective`` date given apart).
    Two changes with different times are ordered by them; otherwise a change whose
    event rests on the other's event (through ``basis``, at any depth among the
    events of the pair's changes that day) comes after it. Any other two are
    simultaneous.
    """

    __slots__ = ("_after", "_moments")

    def __init__(self, moments: dict[int, dt.datetime], after: dict[str, frozenset[str]]) -> None:
        self._moments = moments
        self._after = after

    @classmethod
    def of(cls, entries: list[TimelineEntry]) -> _DayOrder | None:
        """The order among ``entries``; None when no two of them can be ordered."""
        days: dict[int, list[TimelineEntry]] = {}
        for entry in entries:
            lo, hi = span_of(entry)
            if lo == hi and not entry.when.is_interval:
                days.setdefault(lo, []).append(entry)
        moments: dict[int, dt.datetime] = {}
        after: dict[str, frozenset[str]] = {}
        for day, group in days.items():
            if len({entry.event.id for entry in group}) < 2:
                continue
            for entry in group:
                at = entry.event.at
                if at is not None and entry.when == entry.event.on:
                    moments[id(entry)] = dt.datetime.combine(dt.date.fromordinal(day), at)
            after.update(_rests_on(group))
        if not moments and not after:
            return None
        return cls(moments, after)

    def before(self, first: TimelineEntry, second: TimelineEntry) -> bool:
        """Whether ``first`` surely took effect before ``second`` (both of one day)."""
        if first.event.id == second.event.id or span_of(first) != span_of(second):
            return False
        one, two = self._moments.get(id(first)), self._moments.get(id(second))
        if one is not None and two is not None and one != two:
            return one < two
        earlier = first.event.id in self._after.get(second.event.id, frozenset())
        later = second.event.id in self._after.get(first.event.id, frozenset())
        return earlier and not later


def _rests_on(group: list[TimelineEntry]) -> dict[str, frozenset[str]]:
    """For each event of one day's changes, the events of that day it rests on (transitively)."""
    direct = {entry.event.id: frozenset(getattr(entry.event, "basis", ())) for entry in group}
    found: dict[str, frozenset[str]] = {}
    for start, links in direct.items():
        seen: set[str] = set()
        todo = [link for link in links if link in direct]
        while todo:
            link = todo.pop()
            if link not in seen:
                seen.add(link)
                todo.extend(other for other in direct.get(link, ()) if other in direct)
        if seen:
            found[start] = frozenset(seen)
    return found


def span_of(entry: TimelineEntry) -> tuple[int, int]:
    """The first and last day (ordinals) a change may have taken effect."""
    when = entry.when
    return when._lo, when._hi


class Series:
    """The counted changes of one (recognizer, recognized) pair, and the standing they give.

    :meth:`possible` is the core: the set of standings that may hold on a day, and
    the changes they rest on. Reduced to one :class:`Standing` on each step between
    the days it may change on, it is kept as a step function, in which :meth:`at`
    bisects; :func:`step_function` packs it into the array the ledger's questions read.
    """

    __slots__ = ("_hard", "_steps", "_ties", "_turns", "_values")

    def __init__(self, changes: Iterable[TimelineEntry]) -> None:
        steps: list[tuple[int, int, TimelineEntry]] = []
        hard: list[tuple[int, int, TimelineEntry]] = []
        ties: list[tuple[int, int, int, int, TimelineEntry]] = []
        for entry in changes:
            assert entry.effect is not None, "only counted changes form a series"
            layer = layer_of(entry.kind, entry.effect)
            if layer is Layer.OBSERVED:
                ties.append((*_interval(entry), entry))
                continue
            lo, hi = span_of(entry)
            steps.append((lo, hi, entry))
            if layer is Layer.EXPLICIT:
                hard.append((lo, hi, entry))
        self._steps = _Steps(steps)
        self._hard = None if len(hard) == len(steps) else _Steps(hard)
        self._ties = ties
        # A change may hold from ``lo`` and surely holds from ``hi``; observed ties may
        # hold from row[0] to row[3] and surely hold from row[1] to row[2].
        turns = {day for lo, hi, _ in steps for day in (lo, hi)}
        turns.update(day for row in ties for day in (row[0], row[1], row[2] + 1, row[3] + 1))
        self._turns = sorted(turns)
        # The standing is a step function of the day: it can change only on a turn. So
        # it is computed once per step (``_values[0]`` before the first turn,
        # ``_values[i]`` from ``_turns[i - 1]``), and ``_ends[i]`` is the last step of
        # the run of equal standings that step ``i`` belongs to.
        days = [self._turns[0] - 1 if self._turns else 0, *self._turns]
        self._values = [self._at(day) for day in days]

    def _outcomes(self, steps: _Steps, day: int) -> tuple[set[Standing], list[TimelineEntry]]:
        found, open_start = steps.candidates(day)
        outcomes: set[Standing] = {Standing.NOT_RECOGNIZED} if open_start else set()
        used: list[TimelineEntry] = []
        prior: set[Standing] | None = None
        for index in found:
            entry = steps.entries[index]
            assert entry.effect is not None
            used.append(entry)
            rule = rule_of(entry.kind, entry.effect)
            if rule.layer is Layer.SOFT:
                if prior is None:
                    assert self._hard is not None
                    prior, resting = self._outcomes(self._hard, day)
                    used.extend(resting)
                outcomes.update(rule.apply(before) for before in prior)
            else:
                outcomes.add(entry.effect)
        return outcomes, used

    def possible(self, day: int) -> tuple[frozenset[Standing], tuple[TimelineEntry, ...]]:
        """Every standing that may hold on ``day`` (an ordinal), and the changes behind them."""
        outcomes, used = self._outcomes(self._steps, day)
        surely = [row for row in self._ties if row[1] <= day <= row[2]]
        maybe = [row for row in self._ties if row[0] <= day <= row[3]]
        if maybe:
            observed = {_OBSERVED.apply(before) for before in outcomes}
            if observed != outcomes:
                used.extend(row[4] for row in (surely or maybe))
            outcomes = observed if surely else outcomes | observed
        return frozenset(outcomes), tuple(dict.fromkeys(used))

    def at(self, day: int) -> Standing:
        """The standing on one day: a bisection among the turns."""
        return self._values[bisect_right(self._turns, day)]

    def _at(self, day: int) -> Standing:
        """The standing on one day, from the changes (what :meth:`at` looks up)."""
        if self._hard is None and not self._ties:  # explicit changes only: the fast path
            return self._steps.standing(day)
        outcomes, _ = self.possible(day)
        return next(iter(outcomes)) if len(outcomes) == 1 else Standing.UNCERTAIN

    def turns(self, first: int, last: int) -> list[int]:
        """The days in ``first``..``last`` on which the standing may change, ``first`` included."""
        start = bisect_right(self._turns, first)
        stop = bisect_right(self._turns, last)
        return [first, *self._turns[start:stop]]

    def all_turns(self) -> list[int]:
        """Every day on which the standing may change, in order."""
        return list(self._turns)


_OBSERVED = next(rule for rule in RULES if rule.layer is Layer.OBSERVED)

# A step function packs each day on which the standing changes and the standing from
# then on into one integer, ``day << 3 | code``: one flat array per pair, one bisection
# per question, and no object per turn to chase through memory.
_BY_CODE = tuple(Standing)
_NOT_RECOGNIZED = _BY_CODE.index(Standing.NOT_RECOGNIZED)
_UNCERTAIN = _BY_CODE.index(Standing.UNCERTAIN)
# After every day (ordinals run to that of 9999-12-31; a turn may fall on the day after).
_END = (dt.date.max.toordinal() + 2) << 3


def step_function(changes: list[TimelineEntry]) -> array[int]:
    """A pair's standing as a flat step function of the day, for :func:`standing_over`.

    The first key is day 0 with the standing before any turn, then one key for each
    turn on which the standing differs from the step before, then a key after every day.
    Most pairs have one change, which is not an observed period: its step function is
    written directly (not recognized, uncertain while it may have taken effect, then its
    effect); any other pair's is read from its :class:`Series`.
    """
    if len(changes) == 1:
        entry = changes[0]
        assert entry.effect is not None, "only counted changes form a series"
        if layer_of(entry.kind, entry.effect) is not Layer.OBSERVED:
            lo, hi = span_of(entry)
            effect = _BY_CODE.index(entry.effect)
            if lo == hi or effect == _UNCERTAIN:
                return array("i", [_NOT_RECOGNIZED, lo << 3 | effect, _END])
            return array("i", [_NOT_RECOGNIZED, lo << 3 | _UNCERTAIN, hi << 3 | effect, _END])
    return _packed(Series(changes))


def _packed(series: Series) -> array[int]:
    """The step function of a :class:`Series`, as :func:`step_function` gives it."""
    values = series._values
    before = values[0]
    keys = array("i", [_BY_CODE.index(before)])
    for day, value in zip(series._turns, values[1:], strict=True):
        if value is not before:
            keys.append(day << 3 | _BY_CODE.index(value))
            before = value
    keys.append(_END)
    return keys


def standing_over(steps: array[int], first: int, last: int) -> Standing:
    """The standing over days ``first`` to ``last`` (ordinals); UNCERTAIN if it changes within.

    >>> steps = array("i", [_NOT_RECOGNIZED, 10 << 3 | _BY_CODE.index(Standing.RECOGNIZED), _END])
    >>> [standing_over(steps, *days).value for days in ((10, 20), (5, 9), (5, 10))]
    ['recognized', 'not-recognized', 'uncertain']
    """
    index = bisect_right(steps, first << 3 | 7)
    if steps[index] >> 3 <= last:
        return Standing.UNCERTAIN
    return _BY_CODE[steps[index - 1] & 7]


def _interval(entry: TimelineEntry) -> tuple[int, int, int, int]:
    """The first and last day an observed interval may start, then may end (ordinals).

    A single date (``2024``) is a period of its own: every day of it is inside.
    """
    when = entry.when
    if not when.is_interval:
        lo, hi = span_of(entry)
        return lo, lo, hi, hi
    start, end = when.start, when.end
    first, last = when._lo, when._hi
    start_hi = first if start is None else start._hi
    end_lo = last if end is None else end._lo
    return first, start_hi, end_lo, last

"""The CAMEO event code table and the PLOVER vocabulary shipped with diplorec.

Both are read on first use. Sources (``diplorec/data/README.md`` has the details): the
CAMEO codebook v1.1b3 code list and Goldstein scale as distributed in GDELT's lookup
files; the PLOVER columns from PLOVER's 2021 CAMEO crosswalk and the PLOVER 0.8 manual
(CC BY-SA 4.0, Open Event Data Alliance).
"""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

import attrs

__all__ = ["CameoCode", "PloverCode", "PloverVocabulary", "cameo_table", "plover_vocabulary"]


def _data(name: str) -> str:
    from importlib import resources  # costs more to import than the table costs to read

    return resources.files("diplorec").joinpath(f"data/{name}").read_text("utf-8")


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split(";") if part)


@attrs.frozen(kw_only=True)
class PloverCode:
    """A PLOVER coding: the event category, its mode (how) and its context (about what).

    PLOVER allows several contexts; ``context`` then names them separated by ``;`` and
    :attr:`contexts` gives them one by one.

    >>> PloverCode(event="CONSULT", mode="phone", context=None).event
    'CONSULT'
    >>> PloverCode(event="ACCUSE", mode="allege", context="military;legal").contexts
    ('military', 'legal')
    """

    event: str
    mode: str | None
    context: str | None

    @property
    def contexts(self) -> tuple[str, ...]:
        """The contexts, one by one (empty when there is none)."""
        return _split(self.context or "")


@attrs.frozen(kw_only=True)
class CameoCode:
    """One row of the CAMEO table: code, label, Goldstein score, quad class, PLOVER.

    ``quad_class`` is 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict. ``plover_event``, ``plover_mode`` and ``plover_context`` are
    PLOVER's crosswalk of the code (None where PLOVER has no value).
    """

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def plover(self) -> PloverCode | None:
        """The PLOVER event, mode and context of the code; None where PLOVER has no event.

        >>> cameo_table()["161"].plover
        PloverCode(event='SANCTION', mode='withdraw', context='diplomatic')
        >>> cameo_table()["010"].plover is None
        True
        """
        if self.plover_event is None:
            return None
        return PloverCode(
            event=self.plover_event, mode=self.plover_mode, context=self.plover_context
        )


@functools.cache
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO event code, keyed by its code string (leading zeros kept)."""
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(io.StringIO(_data("cameo_event_codes.csv"))):
        table[row["code"]] = CameoCode(
            code=row["code"],
            label=row["label"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_event=row["plover_event"] or None,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    return table


@attrs.frozen(kw_only=True)
class PloverVocabulary:
    """What the PLOVER manual defines: event categories, each one's modes, and contexts.

    >>> vocabulary = plover_vocabulary()
    >>> vocabulary.version, len(vocabulary.events), vocabulary.modes["SANCTION"]
    ('0.8', 16, ('convict', 'expel', 'withdraw', 'discontinue'))
    >>> vocabulary.quad_classes["SUPPORT"], "diplomatic" in vocabulary.contexts
    (1, True)
    """

    version: str
    events: tuple[str, ...]
    quad_classes: dict[str, int]
    modes: dict[str, tuple[str, ...]]
    contexts: tuple[str, ...]

    def defines(self, code: PloverCode) -> bool:
        """True when the event, its mode and every context are in the vocabulary."""
        return (
            code.event in self.modes
            and (code.mode is None or code.mode in self.modes[code.event])
            and all(context in self.contexts for context in code.contexts)
        )


@functools.cache
def plover_vocabulary() -> PloverVocabulary:
    """The PLOVER 0.8 vocabulary shipped with diplorec (read from the manual's tables)."""
    data: dict[str, Any] = json.loads(_data("plover_vocabulary.json"))
    events: dict[str, dict[str, Any]] = data["events"]
    return PloverVocabulary(
        version=data["version"],
        events=tuple(events),
        quad_classes={name: int(entry["quad_class"]) for name, entry in events.items()},
        modes={name: tuple(entry["modes"]) for name, entry in events.items()},
        contexts=tuple(data["contexts"]),
    )

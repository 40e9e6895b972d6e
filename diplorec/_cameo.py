"""The CAMEO event code table shipped with diplorec, loaded on first use.

Source: the CAMEO codebook v1.1b3 code list and Goldstein scale as distributed in
GDELT's lookup files, with the PLOVER crosswalk of the PLOVER project
(``cameo/CAMEO-PLOV.txt``).
"""

from __future__ import annotations

import csv
import functools
import io

import attrs

__all__ = ["CameoCode", "cameo_table"]


@attrs.frozen(kw_only=True)
class CameoCode:
    """One row of the CAMEO table: code, label, Goldstein score, quad class, PLOVER."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None


@functools.cache
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO event code, keyed by its code string (leading zeros kept)."""
    from importlib import resources  # costs more to import than the table costs to read

    raw = resources.files("diplorec").joinpath("data/cameo_event_codes.csv").read_text("utf-8")
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(io.StringIO(raw)):
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

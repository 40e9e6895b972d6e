"""Readers and writers for other event-data formats: PLOVER/POLECAT, GDELT 2.0, Wikidata.

One module per format, all on the standard library alone, each reader streaming its input
in bounded memory:

- :mod:`diplorec.interchange.plover`: PLOVER JSON records (POLECAT's format), both ways;
- :mod:`diplorec.interchange.gdelt`: GDELT 2.0 event export files, read;
- :mod:`diplorec.interchange.wikidata`: QuickStatements out, ``wbgetentities`` JSON in.

This package sits above the models: nothing else in diplorec imports it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplorec.interchange.gdelt import GdeltReader, read_gdelt
    from diplorec.interchange.plover import (
        PloverReader,
        from_plover,
        read_plover,
        to_plover,
        write_plover,
    )
    from diplorec.interchange.wikidata import (
        QuickStatements,
        WikidataImport,
        read_wikidata,
        to_quickstatements,
    )

# Public name -> its module; a module is imported when one of its names is first used.
_HOME = {
    "GdeltReader": "gdelt",
    "read_gdelt": "gdelt",
    "PloverReader": "plover",
    "from_plover": "plover",
    "read_plover": "plover",
    "to_plover": "plover",
    "write_plover": "plover",
    "QuickStatements": "wikidata",
    "WikidataImport": "wikidata",
    "read_wikidata": "wikidata",
    "to_quickstatements": "wikidata",
}


def __getattr__(name: str) -> object:
    """Import a public name's module on first use."""
    if name not in _HOME:
        raise AttributeError(f"module 'diplorec.interchange' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"diplorec.interchange.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "GdeltReader",
    "PloverReader",
    "QuickStatements",
    "WikidataImport",
    "from_plover",
    "read_gdelt",
    "read_plover",
    "read_wikidata",
    "to_plover",
    "to_quickstatements",
    "write_plover",
]

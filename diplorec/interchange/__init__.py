"""Readers and writers for other event-data formats: PLOVER/POLECAT, GDELT 2.0, Wikidata.

One module per format, all on the standard library alone, each reader streaming its input
in bounded memory:

- :mod:`diplorec.interchange.plover`: PLOVER JSON records (POLECAT's format), both ways;
- :mod:`diplorec.interchange.gdelt`: GDELT 2.0 event export files, read;
- :mod:`diplorec.interchange.wikidata`: QuickStatements out, ``wbgetentities`` JSON in.

This package sits above the models: nothing else in diplorec imports it.
"""

from __future__ import annotations

from diplorec.interchange.gdelt import GdeltReader, read_gdelt
from diplorec.interchange.plover import (
    PloverReader,
    from_plover,
    read_plover,
    to_plover,
    write_plover,
)
from diplorec.interchange.wikidata import (
    WikidataImport,
    read_wikidata,
    to_quickstatements,
)

__all__ = [
    "GdeltReader",
    "PloverReader",
    "WikidataImport",
    "from_plover",
    "read_gdelt",
    "read_plover",
    "read_wikidata",
    "to_plover",
    "to_quickstatements",
    "write_plover",
]

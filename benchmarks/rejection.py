"""What rejecting costs against accepting: ``python -m benchmarks.rejection [-n N] [--faults F]``.

Reads one recognition with ``n`` collective partners as JSON text, once valid and once
broken, and prints the median seconds of each and their ratio. ``--faults one`` (the
default) breaks a single ISO code in the middle; ``every`` breaks every partner's ISO
code (``n`` problems); ``keys`` adds ``n`` keys that are not fields to the record
(``n`` problems; the valid text has them as partners, so both are of a size). A
rejection reads the data once fail-fast and once in the explain mode, which keeps
the first problems and only counts the rest, so the ratio stays a small constant
whatever the size and however many problems there are.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
from collections.abc import Sequence
from typing import Any

import diplorec


def records(parties: int, faults: str = "one") -> tuple[str, str]:
    """The JSON text of a valid recognition with ``parties`` partners, and of a broken one."""
    partners = [
        {
            "type": "state",
            "id": f"state:x{index}",
            "name": f"State {index}",
            "iso3": "X" + chr(65 + index % 26) + chr(65 + index // 26 % 26),
        }
        for index in range(parties)
    ]
    record: dict[str, Any] = {
        "type": "recognition-act",
        "on": "2025-07-03",
        "recognizer": {"type": "state", "name": "Russia", "iso3": "RUS"},
        "recognized": {"type": "state", "name": "Afghanistan", "iso3": "AFG"},
        "form": "express",
        "collective_with": partners,
    }
    good = json.dumps(record)
    if faults == "one":
        partners[parties // 2]["iso3"] = "afg"
    elif faults == "every":
        for partner in partners:
            partner["iso3"] = partner["iso3"].lower()
    else:
        del record["collective_with"]
        record.update((f"unknown_{index}", partner) for index, partner in enumerate(partners))
    return good, json.dumps(record)


def _seconds(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(diplorec.ValidationError):
            diplorec.loads(text, diplorec.Event)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print accept and reject times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20_000, help="collective partners (20,000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--faults",
        choices=["one", "every", "keys"],
        default="one",
        help="one bad partner (the default), every partner bad, or n unknown keys",
    )
    options = parser.parse_args(argv)
    good, bad = records(options.n, options.faults)
    _seconds(good, 1)  # build the readers first
    accept, reject = _seconds(good, options.repeat), _seconds(bad, options.repeat)
    size = len(good) / 1e6
    print(f"{options.n:,} partners, faults: {options.faults}, {size:.2f} MB of JSON")
    print(f"accept {accept:.3f} s ({accept / size:.3f} s/MB)")
    print(f"reject {reject:.3f} s ({reject / size:.3f} s/MB)")
    print(f"reject / accept: {reject / accept:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What rejecting costs against accepting: ``python -m benchmarks.rejection [-n PARTIES]``.

Reads one recognition with ``n`` collective partners as JSON text, once valid and once
with a single bad ISO code in the middle, and prints the median seconds of each and
their ratio. A rejection reads the data once fail-fast and once in the explain mode,
so the ratio stays a small constant whatever the size.
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


def records(parties: int) -> tuple[str, str]:
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
    partners[parties // 2]["iso3"] = "afg"
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
    options = parser.parse_args(argv)
    good, bad = records(options.n)
    _seconds(good, 1)  # build the readers first
    accept, reject = _seconds(good, options.repeat), _seconds(bad, options.repeat)
    size = len(good) / 1e6
    print(f"{options.n:,} partners, {size:.2f} MB of JSON")
    print(f"accept {accept:.3f} s ({accept / size:.3f} s/MB)")
    print(f"reject {reject:.3f} s ({reject / size:.3f} s/MB)")
    print(f"reject / accept: {reject / accept:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

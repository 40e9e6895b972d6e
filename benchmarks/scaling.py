"""How diplorec's load time per event grows with the corpus: ``python -m benchmarks.scaling``.

Reads the standard and the distinct corpus at each size with diplorec alone (``loads``
per line, as ``benchmarks.run`` times *load*), with the cyclic garbage collector on and
off, and with ``read_jsonl(..., pause_gc=True)``, by ``benchmarks.run``'s method (taking
turns, an empty date cache and no interned actor before each run, what was alive before
frozen out of the collector's passes). Prints µs per event at each size and its ratio to
the size before. Without pydantic and msgspec at 10⁶ it takes minutes, not an hour.

Each smaller corpus is the start of the largest one (the generator gives the same
events in the same order whatever ``n``), so the largest is generated once, a chunk at a
time; ``--cache DIR`` keeps it in a file for the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks import run
from benchmarks.corpus import iter_events, to_jsonl
from benchmarks.libraries import _diplorec

#: The sizes compared by default.
SIZES = (100_000, 1_000_000)
#: The measurements, in the table's order: (key, column heading).
COLUMNS = (
    ("load", "loads, GC on"),
    ("load_gc_off", "loads, GC off"),
    ("read_jsonl_pause_gc", "read_jsonl pause_gc"),
)
_CHUNK = 10_000


def corpus(n: int, distinct: bool, cache: Path | None = None) -> bytes:
    """The first ``n`` events of a corpus as JSON Lines, made a chunk at a time."""
    path = None
    if cache is not None:
        path = cache / f"{'distinct' if distinct else 'standard'}-{n}.jsonl"
        if path.exists():
            return path.read_bytes()
    events = iter_events(n, distinct=distinct)
    parts = []
    for start in range(0, n, _CHUNK):
        parts.append(to_jsonl([next(events) for _ in range(min(_CHUNK, n - start))]))
    data = b"".join(parts)
    del parts
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return data


def prefix(data: bytes, n: int) -> bytes:
    """The first ``n`` lines of ``data``."""
    end = 0
    for _ in range(n):
        end = data.index(b"\n", end) + 1
    return data[:end]


def measure(data: bytes, repeat: int) -> dict[str, float]:
    """Median seconds of each measurement over ``data``."""
    load = _diplorec().load
    paused = run.read_jsonl_work(data)["read_jsonl pause_gc"]
    on = run._medians({"load": (load, data), "read_jsonl_pause_gc": paused}, repeat, True)
    off = run._medians({"load_gc_off": (load, data)}, repeat, False)
    return {**on, **off}


def measure_sizes(
    sizes: Sequence[int],
    corpora: Sequence[str],
    repeat: int,
    log: Callable[[str], None],
    cache: Path | None = None,
) -> list[dict[str, Any]]:
    """Every measurement at every size, smallest first, for each corpus."""
    results = []
    sizes = sorted(sizes)
    for name in corpora:
        log(f"{name} corpus, {sizes[-1]:,} events: generating ...")
        data = corpus(sizes[-1], name == "distinct", cache)
        for n in sizes:
            log(f"  N = {n:,}: timing ({repeat} repetitions) ...")
            seconds = measure(prefix(data, n), repeat)
            results.append({"N": n, "corpus": name, "seconds": seconds})
        del data
    return results


def _rows(results: Sequence[dict[str, Any]], corpus: str) -> Iterator[str]:
    previous = None
    for result in (r for r in results if r["corpus"] == corpus):
        cells = ""
        for key, _ in COLUMNS:
            us = result["seconds"][key] / result["N"] * 1e6
            ratio = ""
            if previous is not None:
                ratio = f"{us / (previous['seconds'][key] / previous['N'] * 1e6):.2f}x"
            cells += f"{us:>14.1f}{ratio:>8}"
        yield f"{result['N']:>10,}  {cells}".rstrip()
        previous = result


def _target(results: Sequence[dict[str, Any]], corpus: str) -> str | None:
    by_n = {r["N"]: r["seconds"]["load"] / r["N"] for r in results if r["corpus"] == corpus}
    if 100_000 not in by_n or 1_000_000 not in by_n:
        return None
    ratio = by_n[1_000_000] / by_n[100_000]
    limit = run.SCALING_TARGET
    met = "met" if ratio <= limit else "NOT met"
    return f"target: loads, GC on, µs per event at 10⁶ ÷ at 10⁵ = {ratio:.2f} (≤ {limit}) {met}"


def format_table(results: Sequence[dict[str, Any]]) -> str:
    """µs per event at each size and its ratio to the size before; the target, if measured."""
    lines = []
    for name in dict.fromkeys(r["corpus"] for r in results):
        lines += [
            f"diplorec load, {name} corpus: µs per event, ÷ the size before",
            f"{'N':>10}  " + "".join(f"{heading:>22}" for _, heading in COLUMNS),
            *_rows(results, name),
        ]
        target = _target(results, name)
        if target is not None:
            lines.append(target)
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table; 0 on success."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scaling",
        description="diplorec's load µs per event at several corpus sizes.",
    )
    parser.add_argument(
        "-n",
        type=int,
        nargs="+",
        metavar="N",
        help="corpus sizes (default: 100,000 and 1,000,000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument(
        "--corpus",
        choices=run.CORPORA,
        action="append",
        help="only this corpus (repeat for several; default: both)",
    )
    parser.add_argument("--clock", choices=tuple(run.CLOCKS), default="wall")
    parser.add_argument("--cache", type=Path, metavar="DIR", help="keep the corpora here")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    run.set_clock(args.clock)
    corpora = [name for name in run.CORPORA if name in (args.corpus or run.CORPORA)]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    results = measure_sizes(args.n or SIZES, corpora, args.repeat, log, args.cache)
    load = os.getloadavg()
    print(format_table(results))
    print(
        f"\ndiplorec {run.diplorec.__version__}, Python {platform.python_version()};"
        f" median of {args.repeat}; clock: {args.clock};"
        f" load average at the end (1, 5, 15 min): {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f};"
        f" peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:,.0f} MB;"
        f" {time.perf_counter() - started:.0f} s of wall time"
    )
    if args.json:
        report = {"results": results, "clock": args.clock, "load_average": load}
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

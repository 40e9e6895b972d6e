"""Run the benchmark suite: ``python -m benchmarks.run [--quick] [--json PATH]``.

Times diplorec, pydantic v2 and msgspec on the same JSON Lines corpus, with the
cyclic garbage collector on (Python's default) and off, and prints a table of
medians with the ratios the performance targets are stated in.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any

import diplorec
from benchmarks import parity
from benchmarks.corpus import generate, to_jsonl
from benchmarks.libraries import Library, libraries

#: (operation, other library, largest allowed ratio of diplorec's median to the other's)
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("load", "pydantic", 0.7),
    ("load", "msgspec", 4.0),
    ("dump", "pydantic", 1.0),
    ("dump", "msgspec", 3.0),
)
MEMORY_TARGET = 0.6
IMPORT_TARGET = 1.2
STANDING_TARGET_US = 20.0
PARITY_PREFIX = 10_000


def _clear_date_cache() -> None:
    # Each timed run starts as a fresh process would: no dates parsed yet.
    cached = getattr(diplorec.dates, "_parse_cached", None)
    if cached is not None:
        cached.cache_clear()


def _time_once(fn: Callable[[Any], Any], arg: Any, gc_on: bool) -> float:
    _clear_date_cache()
    gc.collect()
    if not gc_on:
        gc.disable()
    try:
        start = time.perf_counter()
        result = fn(arg)
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    del result
    return elapsed


def _medians(
    work: dict[str, tuple[Callable[[Any], Any], Any]], repeat: int, gc_on: bool
) -> dict[str, float]:
    """Median seconds per library; libraries take turns so noise falls on all alike."""
    times: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(repeat):
        for name, (fn, arg) in work.items():
            times[name].append(_time_once(fn, arg, gc_on))
    return {name: statistics.median(values) for name, values in times.items()}


def _memory_per_event(lib: Library, data: bytes, count: int) -> float:
    _clear_date_cache()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    events = lib.load(data)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del events
    return (after - before) / count


_IMPORT_SNIPPETS = {
    "diplorec": "import diplorec",
    "pydantic": "import pydantic",
    "pydantic.BaseModel": "from pydantic import BaseModel",
    "msgspec": "import msgspec",
}


def _import_seconds(statement: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout))
    return statistics.median(times)


def _ledger(events: Sequence[Any], queries: int, rng: random.Random) -> dict[str, float] | None:
    if importlib.util.find_spec("diplorec.ledger") is None:
        return None
    from diplorec.ledger import RecognitionLedger  # type: ignore[import-not-found]

    acts = [e for e in events if isinstance(e, diplorec.RecognitionAct)]
    if not acts:
        return None
    gc.collect()
    start = time.perf_counter()
    ledger = RecognitionLedger.from_events(events)
    build = time.perf_counter() - start
    asks = []
    for _ in range(queries):
        act = rng.choice(acts)
        year = rng.randint(1950, 2025)
        asks.append((act.recognizer, act.recognized, diplorec.When.day(year, 6, 15)))
    standing = ledger.standing
    start = time.perf_counter()
    for recognizer, recognized, on in asks:
        standing(recognizer, recognized, on)
    ask = time.perf_counter() - start
    return {"build_seconds": build, "standing_seconds": ask, "standing_us": ask / queries * 1e6}


def run_size(
    n: int, repeat: int, memory_n: int, ops: Sequence[str], log: Callable[[str], None]
) -> dict[str, Any]:
    """Every measurement at one corpus size."""
    log(f"N = {n:,}: generating the corpus ...")
    events = generate(n)
    data = to_jsonl(events)
    del events
    libs = libraries()
    by_name = {lib.name: lib for lib in libs}

    prefix = data if n <= PARITY_PREFIX else b"".join(data.splitlines(True)[:PARITY_PREFIX])
    log(f"  checking that the three libraries agree ({min(n, PARITY_PREFIX):,} events) ...")
    parity.check_content(prefix, {lib.name: lib.load(prefix) for lib in libs}, libs)
    tried = parity.check_rules(data, libs, limit=50)
    log(f"  ... same content, and all refuse the {tried:,} broken records")

    loaded = {lib.name: lib.load(data) for lib in libs}
    ids = [event.id for event in loaded["diplorec"]]
    for name, values in loaded.items():
        if [event.id for event in values] != ids:
            raise parity.ParityError(f"{name} read different events from the corpus")
    dicts = by_name["diplorec"].to_dicts(loaded["diplorec"])

    work: dict[str, dict[str, tuple[Callable[[Any], Any], Any]]] = {
        "load": {lib.name: (lib.load, data) for lib in libs},
        "dump": {lib.name: (lib.dump, loaded[lib.name]) for lib in libs},
        "to_dict": {lib.name: (lib.to_dicts, loaded[lib.name]) for lib in libs},
        "from_dict": {lib.name: (lib.from_dicts, dicts) for lib in libs},
    }
    results: dict[str, dict[str, float]] = {}
    for op in ops:
        for gc_on in (True, False):
            key = op if gc_on else f"{op}_gc_off"
            log(f"  timing {key} ({repeat} repetitions) ...")
            results[key] = _medians(work[op], repeat, gc_on)
    del loaded, dicts, work

    memory_data = b"".join(data.splitlines(True)[:memory_n])
    log(f"  measuring memory ({memory_n:,} events) ...")
    memory = {lib.name: _memory_per_event(lib, memory_data, memory_n) for lib in libs}
    return {"N": n, "repetitions": repeat, "ops": results, "memory_bytes_per_event": memory}


def _ratios(ops: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    out = {}
    for op, times in ops.items():
        out[op] = {
            f"vs_{other}": times["diplorec"] / times[other]
            for other in times
            if other != "diplorec"
        }
    return out


def _targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    checks = []
    ratios = report["ratios"]
    for op, other, limit in TARGETS:
        for key in (op, f"{op}_gc_off"):
            if key in ratios:
                value = ratios[key][f"vs_{other}"]
                checks.append(
                    {
                        "what": f"{key} vs {other}",
                        "ratio": value,
                        "limit": limit,
                        "met": value <= limit,
                    }
                )
    memory = report["memory_bytes_per_event"]
    value = memory["diplorec"] / memory["pydantic"]
    checks.append(
        {
            "what": "memory vs pydantic",
            "ratio": value,
            "limit": MEMORY_TARGET,
            "met": value <= MEMORY_TARGET,
        }
    )
    imports = report.get("import_seconds")
    if imports:
        value = imports["diplorec"] / imports["pydantic"]
        checks.append(
            {
                "what": "import vs pydantic",
                "ratio": value,
                "limit": IMPORT_TARGET,
                "met": value <= IMPORT_TARGET,
            }
        )
    ledger = report.get("ledger")
    if ledger:
        value = ledger["standing_us"]
        checks.append(
            {
                "what": "standing query (µs)",
                "ratio": value,
                "limit": STANDING_TARGET_US,
                "met": value <= STANDING_TARGET_US,
            }
        )
    return checks


def format_report(report: dict[str, Any]) -> str:
    """The report as a plain-text table."""
    n = report["N"]
    lines = [
        f"diplorec {report['versions']['diplorec']} vs pydantic {report['versions']['pydantic']}"
        f" vs msgspec {report['versions']['msgspec']}; Python {report['versions']['python']}",
        f"N = {n:,} events, median of {report['repetitions']} repetitions, seconds per corpus"
        " (µs per event)",
        "",
        f"{'operation':<20}{'diplorec':>18}{'pydantic':>18}{'msgspec':>18}"
        f"{'÷ pydantic':>12}{'÷ msgspec':>11}",
    ]
    for op, times in report["ops"].items():
        cells = "".join(
            f"{times[name]:>9.3f} ({times[name] / n * 1e6:>5.1f})"
            for name in ("diplorec", "pydantic", "msgspec")
        )
        ratio = report["ratios"][op]
        lines.append(f"{op:<20}{cells}{ratio['vs_pydantic']:>12.2f}{ratio['vs_msgspec']:>11.2f}")
    memory = report["memory_bytes_per_event"]
    lines.append(
        f"{'memory (B/event)':<20}"
        + "".join(f"{memory[name]:>18,.0f}" for name in ("diplorec", "pydantic", "msgspec"))
        + f"{memory['diplorec'] / memory['pydantic']:>12.2f}"
        + f"{memory['diplorec'] / memory['msgspec']:>11.2f}"
    )
    imports = report.get("import_seconds")
    if imports:
        lines.append("")
        lines.append(
            "import time in a fresh process (ms): "
            + ", ".join(f"{name} {seconds * 1e3:.1f}" for name, seconds in imports.items())
        )
    ledger = report.get("ledger")
    if ledger:
        lines.append(
            f"ledger: built in {ledger['build_seconds']:.3f} s; "
            f"standing query {ledger['standing_us']:.2f} µs"
        )
    elif "ledger" in report:
        lines.append("ledger: diplorec.ledger is not available; not measured")
    lines.append("")
    lines.append("targets (diplorec ÷ other, medians from this run):")
    for check in report["targets"]:
        mark = "met" if check["met"] else "NOT met"
        lines.append(f"  {check['what']:<28}{check['ratio']:>8.2f}  (≤ {check['limit']})  {mark}")
    return "\n".join(lines)


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {
        "diplorec": diplorec.__version__,
        "pydantic": version("pydantic"),
        "msgspec": version("msgspec"),
        "orjson": version("orjson") if importlib.util.find_spec("orjson") else "not installed",
        "python": platform.python_version(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Benchmark diplorec against pydantic v2 and msgspec on one corpus.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="N = 100,000 load and dump only, 3 repetitions (under a minute on 2 cores)",
    )
    parser.add_argument(
        "-n",
        type=int,
        action="append",
        help="corpus size; repeat for several (default: 10,000 and 100,000)",
    )
    parser.add_argument("--million", action="store_true", help="also run N = 1,000,000")
    parser.add_argument("--repeat", type=int, help="repetitions per measurement (default 5)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.quick:
        sizes = args.n or [100_000]
        repeat = args.repeat or 3
        ops: tuple[str, ...] = ("load", "dump")
        memory_n, import_runs, queries = 2_000, 3, 10_000
    else:
        sizes = args.n or [10_000, 100_000]
        repeat = args.repeat or 5
        ops = ("load", "dump", "to_dict", "from_dict")
        memory_n, import_runs, queries = 10_000, 7, 100_000
    if args.million:
        sizes = [*sizes, 1_000_000]

    started = time.perf_counter()
    runs = [run_size(n, repeat, min(n, memory_n), ops, log) for n in sizes]
    report = dict(runs[-1] if 100_000 not in sizes else runs[sizes.index(100_000)])
    log("timing imports in fresh processes ...")
    report["import_seconds"] = {
        name: _import_seconds(statement, import_runs)
        for name, statement in _IMPORT_SNIPPETS.items()
    }
    log("building the ledger ...")
    report["ledger"] = _ledger(generate(min(report["N"], 10_000)), queries, random.Random(7))
    report["versions"] = _versions()
    report["machine"] = {"cpus": os.cpu_count(), "platform": platform.platform()}
    report["ratios"] = _ratios(report["ops"])
    report["targets"] = _targets(report)
    report["other_runs"] = [run for run in runs if run["N"] != report["N"]]
    report["wall_seconds"] = time.perf_counter() - started
    for run in report["other_runs"]:
        print(
            format_report(
                {
                    **report,
                    **run,
                    "ratios": _ratios(run["ops"]),
                    "ledger": None,
                    "import_seconds": None,
                    "targets": [],
                }
            )
        )
        print()
    print(format_report(report))
    print(f"\n(total {report['wall_seconds']:.0f} s)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2, ensure_ascii=False)
            out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

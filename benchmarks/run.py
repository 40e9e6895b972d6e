"""Run the benchmark suite: ``python -m benchmarks.run [--quick | --full] [--json PATH]``.

Times diplorec, pydantic v2, msgspec and the msgspec floor (native constraints only)
on the same JSON Lines corpora, with the cyclic garbage collector on (Python's default)
and off, and prints a table of medians with the ratios the performance targets are
stated in. Two corpora: the *standard* one, whose actors and dates repeat as in real
event data, and the *distinct* one, where no party, person, place or date comes twice.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
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
from benchmarks.first_use import first_use_seconds
from benchmarks.libraries import LIBRARIES, Library, libraries

#: (measurement, other library, largest allowed ratio of diplorec's median to the other's),
#: on the standard corpus.
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("load", "pydantic", 0.45),
    ("load_gc_off", "pydantic", 0.7),
    ("load_gc_off", "msgspec", 1.4),
    ("dump", "pydantic", 1.0),
    ("dump", "msgspec", 2.0),
    ("dump_gc_off", "msgspec", 2.0),
)
#: The corpora every run reads, in this order.
CORPORA = ("standard", "distinct")
MEMORY_TARGET = 0.6
IMPORT_TARGET = 1.2
FIRST_USE_TARGET = 0.6
STANDING_TARGET_US = 20.0
#: Load with the collector on, µs per event at 10⁶ ÷ at 10⁵ (``python -m benchmarks.scaling``).
SCALING_TARGET = 1.1
#: How many corpus lines the full run's content check reads with every library.
PARITY_PREFIX = 10_000
#: --quick's corpus size (each corpus). pydantic alone needs about 15 s to load 100,000
#: events with the garbage collector on, so N = 100,000 with repetitions in both
#: collector modes and two corpora cannot finish in a minute on two cores. The ratios
#: move little with N (see docs/performance.md); ``--quick -n 100000`` runs the quick
#: set at full size.
QUICK_N = 5_000
#: --full's sizes: the scaling table compares each with the one before.
FULL_SIZES = (10_000, 100_000, 1_000_000)

Work = dict[str, tuple[Callable[[Any], Any], Any]]


def _clear_date_cache() -> None:
    # Each timed run starts as a fresh process would: no dates parsed, no actor interned.
    cached = getattr(diplorec.dates, "_parse_cached", None)
    if cached is not None:
        cached.cache_clear()
    interned = getattr(diplorec._fastpath, "INTERNED", None)
    if interned is not None:
        interned.clear()


#: The clock of every timing: wall time by default; ``--clock cpu`` takes the process's CPU
#: time, which leaves out the time other programs on a shared machine hold the cores.
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = CLOCKS["wall"]


def set_clock(name: str) -> None:
    """Time every later measurement with the clock ``name`` (a key of :data:`CLOCKS`)."""
    global _clock
    _clock = CLOCKS[name]


def _time_once(fn: Callable[[Any], Any], arg: Any, gc_on: bool) -> tuple[float, Any]:
    _clear_date_cache()
    gc.collect()
    if not gc_on:
        gc.disable()
    try:
        start = _clock()
        result = fn(arg)
        elapsed = _clock() - start
    finally:
        gc.enable()
    return elapsed, result


def _medians(
    work: Work, repeat: int, gc_on: bool, keep: dict[str, Any] | None = None
) -> dict[str, float]:
    """Median seconds per library.

    Libraries take turns, so noise on a shared machine falls on all alike; each run
    starts from a collected heap with no other run's result alive (it would feed the
    collector), and what was alive before is frozen out of the collector's passes. With
    the collector off, ``keep`` collects each library's result of the last round, which
    then costs nothing.
    """
    times: dict[str, list[float]] = {name: [] for name in work}
    # What is alive now (the corpus, the libraries, earlier results) is left out of every
    # collection while timing: each run's collections see what that run made, as in a
    # fresh process, and the collect() before each run takes milliseconds, not seconds.
    gc.collect()
    gc.freeze()
    try:
        for round_ in range(repeat):
            for name, (fn, arg) in work.items():
                elapsed, result = _time_once(fn, arg, gc_on)
                times[name].append(elapsed)
                if keep is not None and not gc_on and round_ == repeat - 1:
                    keep[name] = result
                del result
    finally:
        gc.unfreeze()
    return {name: statistics.median(values) for name, values in times.items()}


def read_jsonl_work(data: bytes) -> Work:
    """diplorec's read_jsonl over ``data``, with and without ``pause_gc``."""
    read_jsonl = getattr(diplorec.jsonl, "read_jsonl", None)

    def plain(buffer: bytes) -> list[Any]:
        return list(read_jsonl(io.BytesIO(buffer)))  # type: ignore[misc]

    def paused(buffer: bytes) -> list[Any]:
        return list(read_jsonl(io.BytesIO(buffer), pause_gc=True))  # type: ignore[misc]

    return {"read_jsonl": (plain, data), "read_jsonl pause_gc": (paused, data)}


def _read_jsonl_medians(data: bytes, repeat: int) -> dict[str, float]:
    """diplorec's read_jsonl over the corpus, collector on, paused by the reader or not."""
    return _medians(read_jsonl_work(data), repeat, gc_on=True)


def _dump_floor(
    libs: Sequence[Library], loaded: dict[str, Any], dicts: list[Any], repeat: int
) -> dict[str, float]:
    """diplorec's dump beside its own floor: orjson writing the same dicts, pre-built.

    The dicts are what diplorec's writers build (``to_dict``), made before the clock
    starts, so the floor is the JSON encoding alone, without any Python work per
    field; msgspec's dump runs in the same rounds. Whatever writer builds dicts for
    orjson pays at least the floor.
    """
    import orjson

    by_name = {lib.name: lib for lib in libs}
    dumps = orjson.dumps

    def prebuilt(items: list[Any]) -> bytes:
        return b"\n".join([dumps(item) for item in items]) + b"\n"

    ours = by_name["diplorec"].dump
    if prebuilt(dicts) != ours(loaded["diplorec"]):
        raise parity.ParityError("orjson writes diplorec's dicts differently from dumpb")
    work: Work = {
        "diplorec": (ours, loaded["diplorec"]),
        "msgspec": (by_name["msgspec"].dump, loaded["msgspec"]),
        "prebuilt": (prebuilt, dicts),
    }
    return _medians(work, repeat, gc_on=True)


def _memory_per_event(lib: Library, data: bytes, count: int) -> float:
    """Bytes held per event after loading, as tracemalloc counts them."""
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


_IMPORT_STATEMENTS = {
    "diplorec": "import diplorec",
    "pydantic": "import pydantic",
    "msgspec": "import msgspec",
}


def _import_seconds(statement: str, runs: int) -> float:
    """Median time of ``statement`` in a fresh interpreter (start-up not counted)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout))
    return statistics.median(times)


def _ledger(events: Sequence[Any], queries: int, rng: random.Random) -> dict[str, float] | None:
    """Ledger build time and ``standing`` query time, when diplorec.ledger exists."""
    if importlib.util.find_spec("diplorec.ledger") is None:
        return None
    from diplorec.ledger import RecognitionLedger

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
        on = diplorec.When.day(rng.randint(1950, 2025), rng.randint(1, 12), rng.randint(1, 28))
        asks.append((act.recognizer, act.recognized, on))
    standing = ledger.standing
    start = time.perf_counter()
    for recognizer, recognized, on in asks:
        standing(recognizer, recognized, on)
    ask = time.perf_counter() - start
    return {
        "events": len(events),
        "build_seconds": build,
        "queries": queries,
        "standing_seconds": ask,
        "standing_us": ask / queries * 1e6,
    }


def run_size(
    n: int,
    repeat: int,
    checks: tuple[int, int],
    memory_n: int,
    ops: Sequence[str],
    log: Callable[[str], None],
    corpus: str = "standard",
) -> dict[str, Any]:
    """Every timing and the memory measurement at one corpus size, on one corpus.

    ``checks``: how many corpus lines the content check reads with every library, and
    how many lines the broken records are made from.
    """
    log(f"N = {n:,}, {corpus} corpus: generating ...")
    data = to_jsonl(generate(n, distinct=corpus == "distinct"))
    libs = libraries()

    content_n, rules_n = checks
    prefix = data if n <= content_n else b"".join(data.splitlines(True)[:content_n])
    log(f"  checking that the libraries agree ({min(n, content_n):,} events) ...")
    parity.check_content(prefix, {lib.name: lib.load(prefix) for lib in libs}, libs)
    tried = parity.check_rules(data, libs, limit=rules_n)
    log(f"  ... same content, and all but the floor refuse the {tried:,} broken records")

    results: dict[str, dict[str, float]] = {}
    load: Work = {lib.name: (lib.load, data) for lib in libs}
    loaded: dict[str, Any] = {}
    for gc_on in (True, False):
        key = "load" if gc_on else "load_gc_off"
        log(f"  timing {key} ({repeat} repetitions) ...")
        results[key] = _medians(load, repeat, gc_on, keep=loaded)
    if corpus == "standard":
        log(f"  timing read_jsonl with and without pause_gc ({repeat} repetitions) ...")
        results["read_jsonl"] = _read_jsonl_medians(data, repeat)
    ids = [event.id for event in loaded["diplorec"]]
    for name, values in loaded.items():
        if len(values) != n or [event.id for event in values] != ids:
            raise parity.ParityError(f"{name} read different events from the corpus")
    dicts = libs[0].to_dicts(loaded["diplorec"])

    work: dict[str, Work] = {
        "dump": {lib.name: (lib.dump, loaded[lib.name]) for lib in libs},
        "to_dict": {lib.name: (lib.to_dicts, loaded[lib.name]) for lib in libs},
        "from_dict": {lib.name: (lib.from_dicts, dicts) for lib in libs},
    }
    for op in ops:
        for gc_on in (True, False):
            key = op if gc_on else f"{op}_gc_off"
            log(f"  timing {key} ({repeat} repetitions) ...")
            results[key] = _medians(work[op], repeat, gc_on)
    log(f"  timing the dump floor ({repeat} repetitions) ...")
    results["dump_floor"] = _dump_floor(libs, loaded, dicts, repeat)
    del loaded, dicts, work

    memory_data = b"".join(data.splitlines(True)[:memory_n])
    log(f"  measuring memory ({memory_n:,} events) ...")
    memory = {lib.name: _memory_per_event(lib, memory_data, memory_n) for lib in libs}
    return {
        "N": n,
        "corpus": corpus,
        "repetitions": repeat,
        "ops": results,
        "ratios": _ratios(results),
        "memory_bytes_per_event": memory,
        "memory_events": memory_n,
    }


def _ratios(ops: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    ratios = {
        op: {f"vs_{name}": times["diplorec"] / times[name] for name in times if name != "diplorec"}
        for op, times in ops.items()
        if "diplorec" in times
    }
    if "read_jsonl" in ops:
        reads = ops["read_jsonl"]
        ratios["read_jsonl"] = {"pause_gc": reads["read_jsonl pause_gc"] / reads["read_jsonl"]}
    return ratios


def _check(what: str, ratio: float, limit: float, floor: float | None = None) -> dict[str, Any]:
    return {"what": what, "ratio": ratio, "limit": limit, "met": ratio <= limit, "floor": floor}


def _floor(ops: dict[str, dict[str, float]], key: str, other: str) -> float | None:
    """The best ratio to ``other`` a reader or writer in Python could reach on ``key``.

    For loads, msgspec reading the same shapes with no Python at all; for dumps, orjson
    writing diplorec's dicts already built (any writer that builds dicts pays at least
    that; timed with the collector on, and serving both dump targets, as a dump runs no
    collection). None where the run did not measure it.
    """
    if key.startswith("load") and "floor" in ops.get(key, {}):
        return ops[key]["floor"] / ops[key][other]
    if key.startswith("dump") and other in ops.get("dump_floor", {}):
        return ops["dump_floor"]["prebuilt"] / ops["dump_floor"][other]
    return None


def _targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    checks = []
    for key, other, limit in TARGETS:
        if key in report["ratios"]:
            ratio = report["ratios"][key][f"vs_{other}"]
            floor = _floor(report["ops"], key, other)
            checks.append(_check(f"{key} vs {other}", ratio, limit, floor))
    memory = report["memory_bytes_per_event"]
    checks.append(
        _check("memory vs pydantic", memory["diplorec"] / memory["pydantic"], MEMORY_TARGET)
    )
    imports = report["import_seconds"]
    checks.append(
        _check("import vs pydantic", imports["diplorec"] / imports["pydantic"], IMPORT_TARGET)
    )
    first_use = report["first_use_seconds"]
    checks.append(
        _check(
            "first use vs pydantic",
            first_use["diplorec"] / first_use["pydantic"],
            FIRST_USE_TARGET,
        )
    )
    if report["ledger"]:
        checks.append(
            _check("standing query (µs)", report["ledger"]["standing_us"], STANDING_TARGET_US)
        )
    return checks


def format_run(run: dict[str, Any], versions: dict[str, str]) -> str:
    """One corpus size's timings and memory as a plain-text table."""
    n = run["N"]
    others = [name for name in LIBRARIES if name != "diplorec"]
    lines = [
        f"diplorec {versions['diplorec']}, pydantic {versions['pydantic']}, msgspec "
        f"{versions['msgspec']}, orjson {versions['orjson']}; Python {versions['python']}",
        f"N = {n:,} events, {run.get('corpus', 'standard')} corpus; median of "
        f"{run['repetitions']} repetitions; seconds per corpus (µs per event)",
        "",
        f"{'operation':<15}"
        + "".join(f"{name:>16}" for name in LIBRARIES)
        + "".join(f"{'÷ ' + name:>11}" for name in others),
    ]
    for op, times in run["ops"].items():
        if op in ("read_jsonl", "dump_floor"):
            continue
        cells = "".join(
            f"{times[name]:>8.3f} ({times[name] / n * 1e6:>5.1f})" for name in LIBRARIES
        )
        ratio = run["ratios"][op]
        lines.append(
            f"{op:<15}{cells}" + "".join(f"{ratio['vs_' + name]:>11.2f}" for name in others)
        )
    reads = run["ops"].get("read_jsonl")
    if reads:
        plain, paused = reads["read_jsonl"], reads["read_jsonl pause_gc"]
        lines.append(
            f"diplorec read_jsonl, GC on: {plain:.3f} s; with pause_gc=True: {paused:.3f} s"
            f" ({paused / plain:.2f}x)"
        )
    floor = run["ops"].get("dump_floor")
    if floor:
        ms, pre, ours = floor["msgspec"], floor["prebuilt"], floor["diplorec"]
        lines.append(
            f"dump floor: orjson writing diplorec's dicts, pre-built, {pre / n * 1e6:.1f} µs"
            f" per event = {pre / ms:.2f}x msgspec's dump; diplorec's dump"
            f" {ours / n * 1e6:.1f} µs = {ours / ms:.2f}x msgspec, {ours / pre:.2f}x the floor"
        )
    memory = run["memory_bytes_per_event"]
    lines.append(
        f"{'bytes/event':<15}"
        + "".join(f"{memory[name]:>16,.0f}" for name in LIBRARIES)
        + "".join(f"{memory['diplorec'] / memory[name]:>11.2f}" for name in others)
    )
    lines.append(f"(memory: tracemalloc, {run['memory_events']:,} events)")
    return "\n".join(lines)


def format_scaling(runs: Sequence[dict[str, Any]]) -> str:
    """Load µs per event at each size of one corpus, and its ratio to the size before."""
    lines = [
        f"scaling, {runs[0].get('corpus', 'standard')} corpus: load µs per event "
        "(÷ the size before)",
        f"{'N':>10}{'':2}"
        + "".join(f"{name + ' ' + gc:>24}" for name in LIBRARIES[:2] for gc in ("GC on", "GC off")),
    ]
    previous: dict[str, Any] | None = None
    for run in runs:
        cells = ""
        for name in LIBRARIES[:2]:
            for key in ("load", "load_gc_off"):
                us = run["ops"][key][name] / run["N"] * 1e6
                ratio = ""
                if previous is not None:
                    ratio = f"{us / (previous['ops'][key][name] / previous['N'] * 1e6):.2f}x"
                cells += f"{us:>15.1f} {ratio:>8}"
        lines.append(f"{run['N']:>10,}{'':2}{cells}")
        previous = run
    return "\n".join(lines)


def format_report(report: dict[str, Any]) -> str:
    """The whole report: the target size's table, imports, ledger, targets."""
    lines = [f"standard corpus, N = {report['N']:,} (the targets are read from it):", ""]
    lines += [format_run(report, report["versions"]), ""]
    imports = report["import_seconds"]
    lines.append(
        "import in a fresh process (ms): "
        + ", ".join(f"{name} {secs * 1e3:.1f}" for name, secs in imports.items())
    )
    lines.append(
        "first use, import to one event read (ms; python -m benchmarks.first_use): "
        + ", ".join(
            f"{name} {secs * 1e3:.1f}" for name, secs in report["first_use_seconds"].items()
        )
    )
    ledger = report["ledger"]
    if ledger:
        lines.append(
            f"ledger of {ledger['events']:,} events: built in {ledger['build_seconds']:.3f} s;"
            f" {ledger['queries']:,} standing queries, {ledger['standing_us']:.2f} µs each"
        )
    else:
        lines.append("ledger: diplorec.ledger is not available; not measured")
    lines += [
        "",
        "targets (diplorec ÷ other, medians from this run; floor: the same ratio for msgspec",
        "reading with no Python, or for orjson writing diplorec's dicts already built):",
    ]
    for check in report["targets"]:
        mark = "met" if check["met"] else "NOT met"
        limit = f"(≤ {check['limit']})"
        line = f"  {check['what']:<26}{check['ratio']:>8.2f}  {limit:<10}{mark}"
        if check["floor"] is not None:
            line = f"{line:<56}floor {check['floor']:.2f}"
        lines.append(line)
    return "\n".join(lines)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return {
        "diplorec": diplorec.__version__,
        "pydantic": installed("pydantic"),
        "msgspec": installed("msgspec"),
        "orjson": installed("orjson"),
        "python": platform.python_version(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks the arguments ask for; print the report; 0 on success."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Benchmark diplorec against pydantic v2 and msgspec on two corpora.",
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--quick",
        action="store_true",
        help=f"N = {QUICK_N:,} per corpus, load and dump only, 3 repetitions "
        "(under a minute on 2 cores)",
    )
    size.add_argument(
        "--full",
        action="store_true",
        help="N = 10,000, 100,000 and 1,000,000 with a scaling table (an hour or more)",
    )
    parser.add_argument(
        "-n",
        type=int,
        action="append",
        metavar="N",
        help="corpus size; repeat for several (default: 10,000 and 100,000)",
    )
    parser.add_argument("--million", action="store_true", help="also run N = 1,000,000")
    parser.add_argument("--repeat", type=int, help="repetitions per measurement (default 5)")
    parser.add_argument(
        "--corpus",
        choices=CORPORA,
        action="append",
        help="only this corpus (repeat for several; default: both)",
    )
    parser.add_argument(
        "--clock",
        choices=tuple(CLOCKS),
        default="wall",
        help="wall time (default) or the process's CPU time (steadier on a shared machine)",
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    set_clock(args.clock)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.quick:
        sizes = args.n or [QUICK_N]
        repeat = args.repeat or 3
        ops: tuple[str, ...] = ("dump",)
        checks, memory_n, import_runs, ledger_n, queries = (1_000, 15), 1_000, 3, 2_000, 10_000
    else:
        sizes = args.n or (list(FULL_SIZES) if args.full else [10_000, 100_000])
        repeat = args.repeat or (3 if args.full else 5)
        ops = ("dump", "to_dict", "from_dict")
        checks, memory_n, import_runs = (PARITY_PREFIX, 50), 10_000, 7
        ledger_n, queries = 10_000, 100_000
    if args.million and 1_000_000 not in sizes:
        sizes = [*sizes, 1_000_000]
    corpora = [name for name in CORPORA if name in (args.corpus or CORPORA)]

    started = time.perf_counter()
    runs = [
        run_size(n, repeat, checks, min(n, memory_n), ops, log, corpus)
        for corpus in corpora
        for n in sizes
    ]
    first = corpora[0]
    main_size = 100_000 if 100_000 in sizes else sizes[-1]
    main_run = next(run for run in runs if run["N"] == main_size and run["corpus"] == first)
    log("timing imports in fresh processes ...")
    imports = {
        name: _import_seconds(code, import_runs) for name, code in _IMPORT_STATEMENTS.items()
    }
    log("timing first use in fresh processes ...")
    first_use = first_use_seconds(import_runs)
    log("building the ledger ...")
    report: dict[str, Any] = {
        **main_run,
        "import_seconds": imports,
        "first_use_seconds": first_use,
        "ledger": _ledger(generate(ledger_n), queries, random.Random(7)),
        "versions": _versions(),
        "clock": args.clock,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        },
        "other_runs": [run for run in runs if run is not main_run],
    }
    report["targets"] = _targets(report)
    if args.full:  # the ledger's own tables: benchmarks/ledger.py
        from benchmarks import ledger as ledger_benchmark

        log("ledger tables ...")
        built = (10_000, 100_000, 1_000_000) if 1_000_000 in sizes else (10_000, 100_000)
        report["ledger_tables"] = ledger_benchmark.report(10_000, built, 100_000, 3, _clock)
    report["wall_seconds"] = time.perf_counter() - started
    for run in report["other_runs"]:
        print(format_run(run, report["versions"]), end="\n\n")
    if len(sizes) > 1:
        for corpus in corpora:
            print(format_scaling([run for run in runs if run["corpus"] == corpus]), end="\n\n")
    print(format_report(report))
    if "ledger_tables" in report:
        print("\n" + ledger_benchmark.render(report["ledger_tables"]))
    load = report["machine"]["load_average"]
    if load is not None:
        print(
            f"load average at the end (1, 5, 15 min): {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}"
        )
    print(f"\n(clock: {args.clock}; whole run: {report['wall_seconds']:.0f} s of wall time)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2, ensure_ascii=False)
            out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

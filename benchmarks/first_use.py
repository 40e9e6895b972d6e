"""What a program pays to read its first event: import, models, one ``loads``.

Each library starts in a fresh interpreter and goes from nothing to one event read
from one line of JSON, the way a first script would:

* diplorec: ``import diplorec`` and ``diplorec.loads(line, diplorec.Event)`` (the
  models ship with the package; the first ``loads`` builds the reader);
* pydantic and msgspec: import the comparison models of the benchmark (a program must
  define its models; defining them is part of what it pays) and read the line.

The comparison models borrow diplorec's vocabulary enums, its date type and its
shared rules (``diplorec.dates``, ``diplorec.vocab``, ``benchmarks.rules``). Those
modules are imported *before* the clock starts for pydantic and msgspec, so their
figure is their own cost only. Interpreter start-up is not counted for anyone.

Modules are read from their cached bytecode, as an installed program's are: each
statement runs once untimed first, with ``PYTHONDONTWRITEBYTECODE`` cleared so that the
cache can be written (compiling source would otherwise be most of what is timed).

Run ``python -m benchmarks.first_use`` (``--runs N``, ``--json FILE``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

__all__ = ["FIRST_USE", "first_use_seconds", "main"]

_SHARED = "import diplorec.dates, diplorec.vocab, benchmarks.rules"

#: Per library: (set-up, not timed; the timed first use). ``LINE`` holds the JSON line.
FIRST_USE: dict[str, tuple[str, str]] = {
    "diplorec": ("", "import diplorec; diplorec.loads(LINE, diplorec.Event)"),
    "pydantic": (_SHARED, "import benchmarks.pydantic_models as m; m.load_line(LINE)"),
    "msgspec": (_SHARED, "import benchmarks.msgspec_models as m; m.load_lines(LINE)"),
}


def _line() -> bytes:
    """The first recognition act of the benchmark corpus, which all three libraries read."""
    import diplorec
    from benchmarks.corpus import generate, to_jsonl

    act = next(e for e in generate(100) if isinstance(e, diplorec.RecognitionAct))
    return to_jsonl([act])


def _once(setup: str, timed: str, line: bytes) -> float:
    code = (
        f"import time\nLINE = {line!r}\n{setup}\n"
        f"t = time.perf_counter()\n{timed}\nprint(time.perf_counter() - t)\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root, env=env
    )
    return float(out.stdout)


def first_use_seconds(runs: int = 7) -> dict[str, float]:
    """Median first-use seconds per library, the runs interleaved so load hits all alike."""
    line = _line()
    for setup, timed in FIRST_USE.values():  # writes the bytecode caches
        _once(setup, timed, line)
    times: dict[str, list[float]] = {name: [] for name in FIRST_USE}
    for _ in range(runs):
        for name, (setup, timed) in FIRST_USE.items():
            times[name].append(_once(setup, timed, line))
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    """Print first-use times and diplorec's ratio to each peer."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.first_use")
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per library")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    seconds = first_use_seconds(args.runs)
    print(f"first use: import, models, one loads (median of {args.runs} fresh interpreters)")
    for name, secs in seconds.items():
        ratio = "" if name == "diplorec" else f"   diplorec ÷ {seconds['diplorec'] / secs:.2f}"
        print(f"  {name:<10}{secs * 1e3:>8.1f} ms{ratio}")
    if args.json:
        args.json.write_text(json.dumps(seconds, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

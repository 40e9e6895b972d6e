"""What diplorec's Hypothesis plugin adds to ``import hypothesis``: ``python -m benchmarks.plugin``.

Hypothesis runs the setup hook of every installed plugin when it is imported, so
whatever the hook does is paid by every test suite in an environment where diplorec is
installed, whether it uses diplorec or not. Prints, from fresh interpreters (medians):
the time of the hook itself (loading its module included), the diplorec modules that
``import hypothesis`` loads, and ``import hypothesis`` with and without plugins (a noisy
difference on a busy machine; the hook's own time is the figure to hold to 30 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence

HOOK = """
import json, sys, time
import hypothesis
start = time.perf_counter()
from diplorec._hypothesis_plugin import _hypothesis_setup_hook
_hypothesis_setup_hook()
seconds = time.perf_counter() - start
print(json.dumps([seconds, sorted(m for m in sys.modules if m.startswith("diplorec"))]))
"""

IMPORT = "import time; t = time.perf_counter(); import hypothesis; print(time.perf_counter() - t)"


def _run(code: str, *, plugins: bool) -> str:
    env = dict(os.environ)
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    if not plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip().splitlines()[-1]


def measure(runs: int) -> dict[str, object]:
    """The hook's median time (ms), the modules it loads, and ``import hypothesis`` (ms)."""
    hooks = [json.loads(_run(HOOK, plugins=False)) for _ in range(runs)]
    with_plugin = [float(_run(IMPORT, plugins=True)) for _ in range(runs)]
    without = [float(_run(IMPORT, plugins=False)) for _ in range(runs)]
    return {
        "hook_ms": 1000 * statistics.median(seconds for seconds, _ in hooks),
        "modules": hooks[0][1],
        "import_hypothesis_ms": 1000 * statistics.median(with_plugin),
        "import_hypothesis_no_plugins_ms": 1000 * statistics.median(without),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the plugin's cost."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args(argv)
    found = measure(options.runs)
    modules = found["modules"]
    assert isinstance(modules, list)
    print(f"diplorec's setup hook: {found['hook_ms']:.1f} ms (target: at most 30 ms)")
    print(f"diplorec modules loaded by import hypothesis: {len(modules)} ({', '.join(modules)})")
    print(
        f"import hypothesis: {found['import_hypothesis_ms']:.0f} ms with plugins, "
        f"{found['import_hypothesis_no_plugins_ms']:.0f} ms without"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

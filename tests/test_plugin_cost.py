"""The Hypothesis plugin costs nothing until used: ``import hypothesis`` loads no model.

Timings are in ``benchmarks/plugin.py``; here, what the hook imports and registers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

LOADED = """
import json, sys
import hypothesis
from hypothesis import strategies as st
before = sorted(m for m in sys.modules if m.startswith("diplorec"))
from diplorec.actors import State
value = st.from_type(State).example()
print(json.dumps([before, isinstance(value, State)]))
"""


def _run(code: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


class TestLazyPlugin:
    """``import hypothesis`` imports only diplorec's face and the plugin."""

    def test_import_hypothesis_loads_no_model_module(self) -> None:
        """Importing Hypothesis loads the package's face and the hook, nothing else."""
        before, _ = json.loads(_run(LOADED))
        assert before == ["diplorec", "diplorec._hypothesis_plugin"]

    def test_a_class_imported_later_is_registered(self) -> None:
        """A class whose module is imported after Hypothesis still draws valid values."""
        _, drawn = json.loads(_run(LOADED))
        assert drawn is True

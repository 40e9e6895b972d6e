"""The downstream-style example, examples/test_with_diplorec.py, runs and passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "test_with_diplorec.py"


class TestDownstreamExample:
    """A project using diplorec can test its analysis code as the example shows."""

    def test_example_passes(self) -> None:
        """pytest runs the example file, in its own process, and every test passes."""
        env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
        env["CI"] = "true"  # the example's own bounded profile
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert " passed" in result.stdout
        assert "failed" not in result.stdout

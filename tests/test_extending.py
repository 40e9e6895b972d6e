"""Event types added downstream, each check in an interpreter of its own.

A registration changes the ``Event`` union for the whole interpreter (as it should), so
``tests/downstream_event_type.py`` and the example of ``docs/extending.md`` (marked
no-test for tests/test_docs.py, which runs pages in this process) run apart.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_docs import code_blocks

HERE = Path(__file__).resolve().parent


class TestDownstreamEventType:
    """A module outside the package registers an event type and uses it everywhere."""

    def test_module_passes(self) -> None:
        """Every test of the downstream module passes in a fresh interpreter."""
        done = subprocess.run(
            [
                sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                str(HERE / "downstream_event_type.py"),
            ],
            capture_output=True, text=True, timeout=600, check=False, cwd=HERE.parent,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
        assert " passed" in done.stdout


class TestExtendingPage:
    """The example of docs/extending.md runs, in an interpreter of its own."""

    def test_page_runs(self) -> None:
        """The page's Python blocks, run in order, raise nothing (their asserts hold)."""
        page = (HERE.parent / "docs" / "extending.md").read_text("utf-8")
        blocks = [block.text for block in code_blocks(page) if block.language == "python"]
        assert len(blocks) == 2
        done = subprocess.run(
            [sys.executable, "-c", "\n".join(blocks)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]

"""Installing diplorec makes ``diplorec`` importable, and nothing else from the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What the project directory holds that Python could import as a top-level name.
IMPORTABLE = sorted(
    entry.name.removesuffix(".py")
    for entry in ROOT.iterdir()
    if (entry.is_dir() and entry.name.isidentifier())
    or (entry.suffix == ".py" and entry.stem.isidentifier())
)

#: Run from an empty directory: for each name, the project paths its import would use.
PROBE = """
import importlib.util, json, sys
found = {}
for name in sys.argv[1:]:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        found[name] = [spec.origin or ""] + list(spec.submodule_search_locations or [])
print(json.dumps(found))
"""


def _importable_from_elsewhere(tmp_path: Path) -> dict[str, list[str]]:
    """The top-level names of the project a fresh interpreter outside it can import."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *IMPORTABLE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


class TestTopLevelNames:
    """Only ``diplorec`` reaches ``sys.path`` from the project directory."""

    def test_the_probe_sees_the_project(self) -> None:
        """The project has other importable directories, so the check below can fail."""
        assert "diplorec" in IMPORTABLE
        assert {"benchmarks", "examples", "tests"} <= set(IMPORTABLE)

    def test_only_diplorec_is_importable(self, tmp_path: Path) -> None:
        """``benchmarks``, ``examples``, ``tests``, ``docs`` resolve to no file of the project."""
        found = _importable_from_elsewhere(tmp_path)
        assert "diplorec" in found
        leaked = {
            name: paths
            for name, paths in found.items()
            if name != "diplorec" and any(p and Path(p).is_relative_to(ROOT) for p in paths)
        }
        assert leaked == {}

    def test_no_path_file_adds_the_project_directory(self) -> None:
        """No ``.pth`` file installed with diplorec lists the project directory itself."""
        from importlib.metadata import distribution

        files = distribution("diplorec").files or []
        for file in files:
            if file.name.endswith(".pth"):
                lines = Path(str(file.locate())).read_text(encoding="utf-8").splitlines()
                added = [Path(line) for line in lines if line and not line.startswith("import")]
                assert ROOT not in [path.resolve() for path in added]

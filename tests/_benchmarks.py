"""The ``benchmarks`` package beside ``tests/``, imported from its directory.

The benchmarks are not installed with diplorec; the source distribution ships them
next to the tests. Loading them by path, rather than putting the project directory
on ``sys.path``, keeps ``import diplorec`` on the installed package (not the source
tree) and never picks up some other distribution's top-level ``benchmarks``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

#: Where the benchmarks are: beside the tests, in a checkout and in an unpacked sdist.
DIRECTORY = Path(__file__).resolve().parent.parent / "benchmarks"


def module(name: str) -> ModuleType:
    """``benchmarks.<name>``, with the package imported from :data:`DIRECTORY` first."""
    package = sys.modules.get("benchmarks")
    here = getattr(package, "__path__", None)
    if package is None or here is None or [Path(p).resolve() for p in here] != [DIRECTORY]:
        spec = importlib.util.spec_from_file_location(
            "benchmarks", DIRECTORY / "__init__.py", submodule_search_locations=[str(DIRECTORY)]
        )
        if spec is None or spec.loader is None:
            raise ImportError(f"no benchmarks package in {DIRECTORY}")
        package = importlib.util.module_from_spec(spec)
        for loaded in [key for key in sys.modules if key.startswith("benchmarks.")]:
            del sys.modules[loaded]  # submodules of another package of that name
        sys.modules["benchmarks"] = package
        spec.loader.exec_module(package)
    return importlib.import_module(f"benchmarks.{name}")

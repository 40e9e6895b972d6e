"""The floor: :mod:`benchmarks.msgspec_models` with msgspec's native constraints only.

The same module run a second time under another name with ``NATIVE_ONLY`` set, so the
Structs have the same shape, fields, patterns and ranges, and no ``__post_init__``: no
dates parsed, no distinctness, no cross-field rule. What it costs is the least that a
Python program pays to read these events into objects; it is timed, never checked for
parity of rules (it cannot refuse what only a Python rule refuses).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["load"]


def load() -> ModuleType:
    """The floor module (built once per process)."""
    name = "benchmarks._msgspec_floor_models"
    module = sys.modules.get(name)
    if module is not None:
        return module
    path = Path(__file__).with_name("msgspec_models.py")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    module.NATIVE_ONLY = True  # type: ignore[attr-defined]
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

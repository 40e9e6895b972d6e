"""Optional dependencies, imported only when a function that needs one is called."""

from __future__ import annotations

import importlib
from typing import Any


def require(module: str, extra: str, caller: str) -> Any:
    """Import ``module``, or raise ImportError naming the extra that installs it.

    >>> require("json", "none", "dumps").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        message = f'{caller}() needs {module}: pip install "diplorec[{extra}]"'
        raise ImportError(message) from error

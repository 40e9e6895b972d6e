"""Pausing Python's cyclic garbage collector around bulk work, for every caller at once.

Bulk work (reading a large file, building a ledger) makes many objects that live on,
and the collector scans them again and again as they pile up. The collector is one
switch for the whole process, so callers that pause it share one count: the first
pause turns it off, the last resume turns it back on if it was on before the first.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["pause", "paused", "resume"]

_LOCK = threading.Lock()
_pauses = 0
_was_enabled = False


def pause() -> None:
    """Turn the collector off until the matching :func:`resume`."""
    global _pauses, _was_enabled
    with _LOCK:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume() -> None:
    """End one :func:`pause`: the last one turns the collector back on if it was on."""
    global _pauses
    with _LOCK:
        _pauses -= 1
        if _pauses == 0 and _was_enabled:
            gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector paused for the ``with`` block, resumed however the block ends."""
    pause()
    try:
        yield
    finally:
        resume()

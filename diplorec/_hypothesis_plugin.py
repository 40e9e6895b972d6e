"""The Hypothesis plugin: makes ``st.from_type(C)`` draw valid values of every diplorec class.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
of the installed package when it is imported, so users need no import or setup of their
own. The hook costs nearly nothing: it imports no diplorec module. It registers a
*resolver* for the public attrs classes of the diplorec modules already imported, and
asks to be told when the others are (an import hook that watches only diplorec's own
modules), so each class is registered as its module is first imported: ``from_type(C)``
needs ``C``, so its module is always imported by then. The strategies module, which
builds the strategies, is imported only when a value is first drawn. That keeps
``import hypothesis`` cheap wherever diplorec is installed, keeps ``import diplorec``
free of Hypothesis, and avoids a circular import when ``diplorec.strategies`` is itself
the first module to import Hypothesis.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []


def _resolve(cls: type[Any]) -> SearchStrategy[Any]:
    from diplorec.events import EventBase

    if cls is EventBase:  # any event, of every type known when drawn
        from diplorec.strategies import events

        return events()
    from diplorec.strategies._from_type import _strategy_for

    return _strategy_for(cls)


def _public_names(module: str) -> list[str]:
    """The public names ``import diplorec`` gives from the module ``diplorec.<module>``."""
    import diplorec  # the package's face: cheap, it imports no submodule

    return [name for name, home in diplorec._HOME.items() if home == module]


def _register(module_name: str) -> None:
    """Register a resolver for each public attrs class of an imported diplorec module."""
    import attrs
    from hypothesis import strategies as st

    module = sys.modules[module_name]
    for name in _public_names(module_name.removeprefix("diplorec.")):
        obj = getattr(module, name, None)
        if isinstance(obj, type) and attrs.has(obj):
            st.register_type_strategy(obj, _resolve)


class _Loader(importlib.abc.Loader):
    """A module's own loader, then the registration of its classes."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self._inner.exec_module(module)
        module.__loader__ = self._inner  # the module sees its own loader, as ever
        if module.__spec__ is not None:
            module.__spec__.loader = self._inner
        _register(module.__name__)

    def __getattr__(self, name: str) -> Any:  # get_source, get_resource_reader ...
        return getattr(self._inner, name)


class _Watcher(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader of the diplorec modules that hold classes."""

    def __init__(self, watched: frozenset[str]) -> None:
        self.watched = watched
        self._local = threading.local()

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.watched or getattr(self._local, "busy", False):
            return None
        self._local.busy = True  # the other finders below must not come back here
        try:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        finally:
            self._local.busy = False
        if spec is None or spec.loader is None:
            return None
        spec.loader = _Loader(spec.loader)
        return spec


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public attrs class of diplorec with Hypothesis."""
    import diplorec

    modules = frozenset(f"diplorec.{module}" for module in set(diplorec._HOME.values()))
    for name in sorted(modules & set(sys.modules)):
        _register(name)
    waiting = modules - set(sys.modules)
    if waiting and not any(isinstance(finder, _Watcher) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Watcher(waiting))

"""The Hypothesis plugin: makes ``st.from_type(C)`` draw valid values of every diplorec class.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
of the installed package when it is imported, so users need no import or setup of their
own. The hook registers a *resolver* for each public attrs class instead of a strategy:
the strategies module, which imports Hypothesis, is imported only when a value is first
drawn. That keeps ``import diplorec`` free of Hypothesis, and avoids a circular import
when ``diplorec.strategies`` is itself the first module to import Hypothesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

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


def _public_attrs_classes() -> list[type[Any]]:
    import diplorec

    found = (getattr(diplorec, name) for name in diplorec.__all__)
    return [obj for obj in found if isinstance(obj, type) and attrs.has(obj)]


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public attrs class of diplorec with Hypothesis."""
    from hypothesis import strategies as st

    for cls in _public_attrs_classes():
        st.register_type_strategy(cls, _resolve)

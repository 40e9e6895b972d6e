"""Public names are listed once: ``_MODULES`` in ``diplorec/__init__.py``.

``__all__`` and the lazy loader derive from that table; the ``TYPE_CHECKING`` imports,
which type checkers read, must name exactly the same names from the same modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import diplorec

INIT = Path(diplorec.__file__)


def _type_checking_imports() -> set[tuple[str, str]]:
    """(module, name) of every import under ``if TYPE_CHECKING:`` in the package's face."""
    tree = ast.parse(INIT.read_text("utf-8"))
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1
    found = set()
    for node in ast.walk(blocks[0]):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name} is not re-exported as itself"
                found.add((node.module or "", alias.name))
    return found


def _table() -> set[tuple[str, str]]:
    rows = {(f"diplorec.{module}", name) for name, module in diplorec._HOME.items()}
    return rows | {("diplorec", name) for name in diplorec._SUBMODULES}


class TestOneTable:
    """The table, ``__all__``, the loader and the type-checking imports agree."""

    def test_type_checking_imports_are_the_table(self) -> None:
        """Each name imported for type checkers is in the table, from the same module."""
        assert _type_checking_imports() == _table()

    def test_all_is_the_table(self) -> None:
        """``__all__`` lists every name of the table, the submodules and ``__version__``."""
        names = {name for _, name in _table()} | {"__version__"}
        assert set(diplorec.__all__) == names
        assert len(diplorec.__all__) == len(names)

    def test_every_name_loads_from_its_module(self) -> None:
        """The loader gives each name the object its module defines."""
        import importlib

        for module, name in _table():
            loaded = getattr(diplorec, name)
            source = importlib.import_module(module)
            expected = getattr(source, name)  # a submodule is an attribute of the package
            assert loaded is expected

    def test_extension_names_are_public(self) -> None:
        """The names downstream event types need are public."""
        assert {"EventBase", "register_event_type"} <= set(diplorec.__all__)

"""The documentation is built nitpicky: every reference to diplorec resolves."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytest.importorskip("sphinx")


def _conf() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_conf", DOCS / "conf.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestNitpicky:
    """Sphinx reports every reference it cannot resolve, and only others' names are let go."""

    def test_nitpicky(self) -> None:
        """``nitpicky`` is on."""
        assert _conf().nitpicky is True

    def test_only_other_projects_are_ignored(self) -> None:
        """No ignored reference names diplorec: its own names must always resolve."""
        ignored = [target for _, target in _conf().nitpick_ignore]
        assert ignored
        assert not [target for target in ignored if "diplorec" in target]
        assert all(target.split(".")[0] in _OTHERS for target in ignored)

    def test_no_regex_ignores(self) -> None:
        """Nothing is ignored by pattern, where a diplorec name could slip through."""
        assert not getattr(_conf(), "nitpick_ignore_regex", [])


#: The projects whose types the offline build cannot link to.
_OTHERS = frozenset(
    {"collections", "datetime", "enum", "os", "cattrs", "pendulum", "hypothesis", "SearchStrategy"}
)


class TestHowTo:
    """The how-to page for people writing their own data is in the table of contents."""

    def test_in_the_toctree(self) -> None:
        """``docs/index.md`` lists ``howto-dataset`` in its toctree."""
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        toctree = re.search(r"```\{toctree\}(.*?)```", index, re.DOTALL)
        assert toctree is not None
        assert "howto-dataset" in toctree.group(1).split()

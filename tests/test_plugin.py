"""The Hypothesis plugin: st.from_type works for every public class, with no setup, in a fresh
interpreter; and import diplorec never imports Hypothesis."""

from __future__ import annotations

import enum
import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
import textwrap
import types
import typing

import attrs
import pytest

import diplorec

#: Draws from st.from_type for every public attrs class, enum and union in diplorec.__all__
#: (read at run time, so classes added later are checked too), and round-trips every value
#: of a class the wire format reads. Prints the names checked.
FROM_TYPE = """
import enum, json, sys, types, typing
{first_import}
import attrs
import diplorec
from hypothesis import HealthCheck, given, settings, strategies as st
from diplorec import ValidationError, dumps, from_dict, loads, to_dict

def readable(target):
    try:
        from_dict({{}}, target)
    except ValidationError:
        return True
    except TypeError:
        return False
    return True

def check(obj, is_union, wire):
    @settings(max_examples=5, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.from_type(obj))
    def draws(value):
        if not is_union:
            assert isinstance(value, obj), (obj, value)
        if wire:
            assert from_dict(to_dict(value), obj) == value
            assert loads(dumps(value), obj) == value

    draws()

checked = []
for name in diplorec.__all__:
    obj = getattr(diplorec, name)
    is_union = typing.get_origin(obj) in (typing.Union, types.UnionType)
    is_class = isinstance(obj, type) and (attrs.has(obj) or issubclass(obj, enum.Enum))
    if is_union or is_class:
        enum_class = isinstance(obj, type) and issubclass(obj, enum.Enum)
        check(obj, is_union, not enum_class and readable(obj))
        checked.append(name)
print(json.dumps(checked))
"""

#: Imports diplorec and every one of its modules, and prints whether Hypothesis was imported.
IMPORT_ALL = """
import importlib, json, pkgutil, sys
import diplorec

def walk(package):
    # pkgutil.walk_packages would import diplorec.strategies to look inside it.
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name == "diplorec.strategies":
            continue
        module = importlib.import_module(info.name)
        yield info.name
        if info.ispkg:
            yield from walk(module)

names = list(walk(diplorec))
print(json.dumps({"hypothesis": "hypothesis" in sys.modules, "modules": names}))
"""


def _public_types() -> set[str]:
    """The names in diplorec.__all__ of attrs classes, enums and unions."""
    found = set()
    for name in diplorec.__all__:
        obj = getattr(diplorec, name)
        is_union = typing.get_origin(obj) in (typing.Union, types.UnionType)
        if is_union or (isinstance(obj, type) and (attrs.has(obj) or issubclass(obj, enum.Enum))):
            found.add(name)
    return found


def _run(script: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


class TestEntryPoint:
    """The package declares the hook Hypothesis runs when it is imported."""

    def test_declared(self) -> None:
        """The hypothesis entry point names diplorec's setup hook."""
        found = importlib.metadata.entry_points(group="hypothesis")
        values = {entry.name: entry.value for entry in found}
        assert values.get("diplorec") == "diplorec._hypothesis_plugin:_hypothesis_setup_hook"


class TestFromType:
    """In a fresh interpreter, st.from_type draws every public type, with no import or setup."""

    @pytest.mark.parametrize(
        "first_import",
        ["", "import hypothesis", "import diplorec.strategies"],
        ids=["diplorec first", "hypothesis first", "strategies first"],
    )
    def test_every_public_type(self, first_import: str) -> None:
        """Every public attrs class, enum and union draws; wire classes round-trip."""
        checked = json.loads(_run(FROM_TYPE.format(first_import=first_import)))
        assert set(checked) == _public_types()
        assert {"State", "RecognitionAct", "When", "Problem", "Event", "Party"} <= set(checked)


class TestClassesNotYetExported:
    """Public classes of the dossier, ledger and JSON Lines modules have strategies too."""

    @pytest.mark.parametrize(
        "path",
        [
            "diplorec.dossier.Dossier",
            "diplorec.dossier.Finding",
            "diplorec.ledger.TimelineEntry",
            "diplorec.jsonl.BadLine",
        ],
    )
    def test_from_type_strategy(self, path: str) -> None:
        """The strategy the plugin hands Hypothesis for the class draws instances of it."""
        from hypothesis import HealthCheck, given, settings

        from diplorec.strategies._from_type import _strategy_for

        module, name = path.rsplit(".", 1)
        cls = getattr(importlib.import_module(module), name)

        @settings(max_examples=3, database=None, suppress_health_check=[HealthCheck.too_slow])
        @given(_strategy_for(cls))
        def draws(value: object) -> None:
            assert isinstance(value, cls)

        draws()


class TestImportIsolation:
    """Hypothesis stays an optional dependency."""

    def test_importing_diplorec_does_not_import_hypothesis(self) -> None:
        """Importing diplorec and every module outside diplorec.strategies leaves it unloaded."""
        found = json.loads(_run(IMPORT_ALL))
        assert "diplorec._hypothesis_plugin" in found["modules"]
        assert found["hypothesis"] is False

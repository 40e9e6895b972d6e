"""The package's public surface: ``__all__``, lazy names, ``__version__``."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from importlib.metadata import version

import pytest

import diplorec


class TestPublicNames:
    """Every name in ``__all__`` resolves to the object its module defines."""

    def test_every_name_has_a_home(self) -> None:
        """The lazy table lists exactly the public names, less the version and submodules."""
        listed = set(diplorec._HOME) | diplorec._SUBMODULES | {"__version__"}
        assert listed == set(diplorec.__all__)

    @pytest.mark.parametrize("name", sorted(diplorec._HOME))
    def test_name_is_its_modules_object(self, name: str) -> None:
        """``diplorec.X`` is the very object of the module that defines ``X``."""
        module = importlib.import_module(f"diplorec.{diplorec._HOME[name]}")
        assert getattr(diplorec, name) is getattr(module, name)

    def test_submodule(self) -> None:
        """``diplorec.reference`` is the module."""
        assert diplorec.reference is importlib.import_module("diplorec.reference")

    def test_version_is_the_installed_one(self) -> None:
        """``__version__`` comes from the package metadata."""
        assert diplorec.__version__ == version("diplorec")

    def test_unknown_name(self) -> None:
        """An unknown name is an AttributeError naming it, as for any module."""
        with pytest.raises(AttributeError, match="has no attribute 'Recognition'"):
            _ = diplorec.Recognition  # type: ignore[attr-defined]

    def test_dir_lists_public_names(self) -> None:
        """``dir(diplorec)`` shows the public names before they are first used."""
        assert set(diplorec.__all__) <= set(dir(diplorec))

    def test_dir_lists_only_public_names(self) -> None:
        """``dir(diplorec)`` hides the machinery of the lazy loader (``_HOME``, ``importlib``)."""
        assert dir(diplorec) == list(diplorec.__all__)

    @pytest.mark.parametrize("module", sorted(diplorec._MODULE_ATTRIBUTES))
    def test_module_attributes(self, module: str) -> None:
        """``diplorec.<module>`` is the submodule itself, reachable after ``import diplorec``."""
        assert getattr(diplorec, module) is importlib.import_module(f"diplorec.{module}")

    def test_module_attribute_in_a_fresh_interpreter(self) -> None:
        """``import diplorec``, then ``diplorec.dossier.Dossier``, in a new interpreter."""
        code = "import diplorec, json; print(json.dumps(diplorec.dossier.Dossier.__name__))"
        assert _fresh(code) == "Dossier"


def _fresh(code: str) -> object:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout)


class TestLazyImport:
    """``import diplorec`` imports nothing until a name is used."""

    def test_import_loads_no_submodule(self) -> None:
        """A bare import brings in no diplorec submodule, attrs, pendulum or metadata."""
        loaded = _fresh(
            "import sys, json, diplorec\n"
            "names = ('attrs', 'cattrs', 'pendulum', 'importlib.metadata')\n"
            "print(json.dumps(sorted(m for m in sys.modules"
            " if m.startswith('diplorec.') or m in names)))"
        )
        assert loaded == []

    def test_first_use_loads_only_what_it_needs(self) -> None:
        """Using ``When`` imports the dates module, not the converters or the ledger."""
        loaded = _fresh(
            "import sys, json, diplorec\n"
            "diplorec.When.parse('2025-07-03')\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('diplorec.'))))"
        )
        assert "diplorec.dates" in loaded
        assert not {"diplorec.converters", "diplorec.ledger", "diplorec.schema"} & set(loaded)

    def test_first_loads_builds_only_its_types_readers(self) -> None:
        """Reading one event builds that event type's reader, not every event type's."""
        built = _fresh(
            "import json, diplorec\n"
            "from diplorec.examples.russia_taliban_2025 import RECOGNITION\n"
            "from diplorec import converters\n"
            "text = diplorec.dumps(RECOGNITION)\n"
            "converters._READERS.clear()\n"
            "diplorec.loads(text, diplorec.Event)\n"
            "names = [getattr(t, '__name__', '') for t in converters._READERS._readers]\n"
            "print(json.dumps(sorted(names)))"
        )
        assert isinstance(built, list)
        assert "RecognitionAct" in built
        assert not {"Meeting", "CredentialPresentation", "RecognitionWithdrawal"} & set(built)

    def test_star_import(self) -> None:
        """``from diplorec import *`` binds every public name."""
        names = _fresh(
            "import json\nfrom diplorec import *\nimport diplorec\n"
            "print(json.dumps([n for n in diplorec.__all__ if n not in globals()]))"
        )
        assert names == []

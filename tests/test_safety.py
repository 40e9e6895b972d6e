"""Safety: reading data never runs code from it, and hostile input is refused, not obeyed.

Hostile inputs run in a subprocess with a generous timeout, so a hang fails the test
instead of stalling the suite; nothing here asserts how fast anything is.
"""

from __future__ import annotations

import ast
import builtins
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import diplorec
from diplorec.dossier import Dossier
from diplorec.events import Event
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.jsonl import read_jsonl

PACKAGE = Path(diplorec.__file__).resolve().parent

#: Modules no part of diplorec may import: they can run code from the data they load.
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "jsonpickle"}

#: Where exec() may appear: functions that generate the per-class readers and writers
#: from the model classes' own field names when the converter is built. No data ever
#: reaches them (TestNoCodeFromData checks that while reading).
EXEC_ALLOWED = {
    ("diplorec._fastpath", "_compile"),
    ("diplorec.converters", "_make_unstructure_fn"),
}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts).removesuffix(".__init__")
        yield name, ast.parse(path.read_text("utf-8"), filename=str(path))


def _calls(tree: ast.Module) -> Iterator[tuple[str, str]]:
    """(enclosing function, called name) for every call of a bare name."""

    def visit(node: ast.AST, function: str) -> Iterator[tuple[str, str]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else function
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name):
                yield inner, child.func.id
            yield from visit(child, inner)

    yield from visit(tree, "<module>")


class TestSource:
    """The package source holds no way to run code from data."""

    def test_modules_found(self) -> None:
        """The scan sees the package (a scan of nothing would pass vacuously)."""
        names = {name for name, _ in _modules()}
        assert {"diplorec.converters", "diplorec.jsonl", "diplorec.cli"} <= names

    @pytest.mark.parametrize(("name", "tree"), list(_modules()), ids=lambda x: str(x)[:40])
    def test_no_unsafe_imports(self, name: str, tree: ast.Module) -> None:
        """No module imports pickle, marshal, shelve or the like."""
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                imported = {(node.module or "").split(".")[0]}
            else:
                continue
            assert not imported & UNSAFE_MODULES, f"{name} imports {imported & UNSAFE_MODULES}"

    @pytest.mark.parametrize(("name", "tree"), list(_modules()), ids=lambda x: str(x)[:40])
    def test_no_eval(self, name: str, tree: ast.Module) -> None:
        """eval() and __import__() are never called; exec() only where code is generated."""
        for function, called in _calls(tree):
            assert called not in ("eval", "__import__", "breakpoint"), f"{name}.{function}"
            if called in ("exec", "compile"):
                assert (name, function) in EXEC_ALLOWED, f"{called}() in {name}.{function}"


def _read_everything(tmp_path: Path, marker: str) -> None:
    """Read valid and hostile data every way diplorec reads it."""
    assert diplorec.loads(diplorec.dumps(EVENTS), tuple[Event, ...]) == EVENTS
    hostile = json.dumps({"type": marker, "on": marker, "notes": [marker], marker: marker})
    with pytest.raises(diplorec.ValidationError):
        diplorec.loads(hostile, Event)
    path = tmp_path / f"{len(marker)}.jsonl"
    lines = [diplorec.dumps(event) for event in EVENTS] + [hostile]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    reader = read_jsonl(path, errors="collect")
    assert len(list(reader)) == len(EVENTS)
    assert len(reader.bad_lines) == 1
    document = Dossier(events=EVENTS).to_document()
    assert Dossier.from_document(document).events == EVENTS
    document["events"].append(json.loads(hostile))
    with pytest.raises(diplorec.ValidationError):
        Dossier.from_document(document)


class TestNoCodeFromData:
    """While data is read, no source text is executed or evaluated, from the data or not."""

    def test_reading(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """loads, read_jsonl and Dossier.from_document run no code built while reading."""
        _read_everything(tmp_path, "warm-up")  # imports and per-class code generation first
        executed: list[str] = []
        for name in ("exec", "eval", "compile"):
            original = getattr(builtins, name)

            def spy(source: Any, *args: Any, _original: Any = original, **kw: Any) -> Any:
                if isinstance(source, (str, bytes)):  # importing passes code objects
                    executed.append(str(source))
                return _original(source, *args, **kw)

            monkeypatch.setattr(builtins, name, spy)
        exec("seen = True", {})  # the spy is in place
        assert executed == ["seen = True"]
        executed.clear()
        marker = "__import__('os').system('echo hacked')"
        _read_everything(tmp_path, marker)
        assert not any(marker in source for source in executed)
        assert executed == []


def _attempt(code: str) -> str:
    """Run ``code`` (which sets ``data``) in a fresh interpreter and read it as an Event."""
    script = textwrap.dedent(
        """
        import sys
        import diplorec
        from diplorec.jsonl import read_jsonl
        {code}
        try:
            diplorec.loads(data, diplorec.Event)
        except diplorec.ValidationError as error:
            print("ValidationError", error.problems[0])
        else:
            print("accepted")
        reader = read_jsonl(__import__("io").BytesIO(data.encode("utf-8", "surrogatepass")
                            if isinstance(data, str) else data), errors="collect")
        list(reader)
        print("bad lines", len(reader.bad_lines))
        """
    ).format(code=textwrap.dedent(code).strip().replace("\n", "\n        "))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


HOSTILE = {
    "deep-arrays": 'data = "[" * 100_000 + "]" * 100_000',
    "deep-objects": "data = '{\"a\":' * 100_000 + '1' + '}' * 100_000",
    "deep-in-an-event": (
        'data = \'{"type": "meeting", "on": "2025", "notes": \' + "[" * 100_000 + "]" * 100_000'
        " + '}'"
    ),
    "10-MB-name": 'data = \'{"type": "state", "name": "\' + "x" * 10_000_000 + \'"}\'',
    "10-MB-date": (
        'data = \'{"type": "meeting", "on": "\' + "2" * 10_000_000 + \'", "participants": []}\''
    ),
    "10-MB-id": 'data = \'{"type": "statement", "id": "s:\' + "x" * 10_000_000 + \'"}\'',
    "10-MB-key": 'data = \'{"\' + "k" * 10_000_000 + \'": 1, "type": "meeting"}\'',
    "5000-digit-int": 'data = \'{"type": "state", "name": "X", "cow": \' + "9" * 5000 + "}"',
    "4000-digit-int": 'data = \'{"type": "state", "name": "X", "cow": \' + "9" * 4000 + "}"',
    "5000-digit-float": (
        'data = \'{"type": "recognition-act", "place": {"name": "X", "latitude": 1.\''
        ' + "1" * 5000 + "}}"'
    ),
    "huge-exponent": 'data = \'{"type": "state", "name": "X", "cow": 1e999999}\'',
    "many-keys": (
        "data = '{' + ','.join(f'\"k{i}\": {i}' for i in range(200_000))"
        ' + \', "type": "meeting"}\''
    ),
    "lone-surrogate": 'data = \'{"type": "state", "name": "\\\\ud800"}\'',
}


class TestHostileInput:
    """Hostile input gets a ValidationError quickly: no crash, no hang, no other exception."""

    @pytest.mark.parametrize("code", HOSTILE.values(), ids=HOSTILE.keys())
    def test_refused(self, code: str) -> None:
        """The reader says what is wrong; JSON Lines counts the line as bad."""
        output = _attempt(code)
        assert output.startswith("ValidationError"), output
        assert output.splitlines()[-1] == "bad lines 1"

    def test_cli(self, tmp_path: Path) -> None:
        """validate reports hostile lines as invalid, with no traceback."""
        path = tmp_path / "hostile.jsonl"
        lines = ["[" * 100_000 + "]" * 100_000, json.dumps({"type": "state", "name": "x" * 10**6})]
        path.write_text("\n".join(lines) + "\n", "utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "diplorec", "validate", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stdout.splitlines()[-1] == "0 valid, 2 invalid"
        assert f"{path}:1: $: " in result.stdout

"""Readers built at first use are thread-safe; generated code is debuggable; no private attrs.

The first-use test runs in fresh interpreters (the race lives in state a running test
session has long since built), two at a time; each interpreter runs several rounds,
the later ones after dropping every built reader, so each round starts from nothing.
"""

from __future__ import annotations

import ast
import concurrent.futures
import subprocess
import sys
import traceback
from pathlib import Path

import diplorec
from diplorec import converters
from diplorec._fastpath import Readers

PACKAGE = Path(diplorec.__file__).resolve().parent

INTERPRETERS = 8
ROUNDS = 4  # 32 rounds in all, 8 of them in a fresh interpreter
THREADS = 8

_ROUND = """
import sys
import threading

import diplorec
from diplorec import converters
from diplorec._fastpath import Readers, Writers

TEXT = sys.argv[1]
wrong = []


def one_round():
    barrier = threading.Barrier(THREADS)
    results = []

    def call():
        barrier.wait()
        try:
            results.append(diplorec.dumps(diplorec.loads(TEXT, diplorec.Event)) == TEXT)
        except Exception as exc:
            results.append(repr(exc)[:300])

    threads = [threading.Thread(target=call) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wrong.extend(result for result in results if result is not True)


for index in range(ROUNDS):
    if index:  # start again from nothing built
        converters._READERS = Readers(fallback=converters._cattrs_reader)
        converters._WRITERS = Writers(wire=False)
        converters._WIRE_WRITERS = Writers(wire=True)
        converters._GUARDED_WIRE_WRITERS = Writers(wire=True, guard_floats=True)
        converters._DUMPB_WRITERS.clear()
        converters._CHECKED_TARGETS.clear()
    one_round()
print(len(wrong), wrong[:2])
"""

RECORD = diplorec.dumps(
    diplorec.RecognitionAct(
        on=diplorec.When.parse("2025-07-03"),
        recognizer=diplorec.reference.RUSSIA,
        recognized=diplorec.Government(
            name="Islamic Emirate of Afghanistan", state=diplorec.reference.AFGHANISTAN
        ),
        form=diplorec.RecognitionForm.EXPRESS,
        conditions=("a condition",),
    )
)


def _fresh_interpreter(_: int) -> str:
    script = f"THREADS = {THREADS}\nROUNDS = {ROUNDS}\n{_ROUND}"
    done = subprocess.run(
        [sys.executable, "-c", script, RECORD], capture_output=True, text=True, timeout=300
    )
    return done.stdout.strip() or done.stderr[-500:]


class TestFirstUseFromManyThreads:
    """Eight threads reading at once in a fresh interpreter all get the right value."""

    def test_no_wrong_answers(self) -> None:
        """Every call of every round returns the record, none a spurious error."""
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            outputs = list(pool.map(_fresh_interpreter, range(INTERPRETERS)))
        assert outputs == ["0 []"] * INTERPRETERS

    def test_a_cycle_is_read_by_its_builder(self) -> None:
        """A type read while its own reader is being built (a cycle) still reads."""
        readers = Readers(fallback=converters._cattrs_reader)
        event = diplorec.loads(RECORD, diplorec.Event)
        assert readers.get(diplorec.Event)(diplorec.to_dict(event)) == event


class TestGeneratedSource:
    """Generated readers and writers show their source in tracebacks."""

    def test_traceback_shows_the_generated_line(self) -> None:
        """A failure inside a generated reader is traced to a line of its source."""
        reader = Readers(fallback=converters._cattrs_reader).get(diplorec.State)
        try:
            reader({"type": "state", "name": 5})
        except Exception as exc:
            frames = traceback.extract_tb(exc.__traceback__)
        else:  # pragma: no cover - the reader must refuse
            raise AssertionError("the reader accepted a number as a name")
        generated = [frame for frame in frames if "diplorec generated" in frame.filename]
        assert generated
        assert generated[-1].line
        assert "<string>" not in {frame.filename for frame in frames}

    def test_writer_source_is_registered(self) -> None:
        """A generated writer's code object names a file linecache can read."""
        import linecache

        writer = converters._WRITERS.get(diplorec.State)
        filename = writer.__code__.co_filename
        assert filename.startswith("<diplorec generated write_State")
        assert linecache.getline(filename, 1).startswith("def write_State(obj):")


class TestOnlyPublicApi:
    """The package uses only attrs' public API and dispatches on types, not names."""

    def _trees(self) -> list[tuple[Path, ast.Module]]:
        return [(path, ast.parse(path.read_text("utf-8"))) for path in PACKAGE.rglob("*.py")]

    def test_no_private_attrs_module(self) -> None:
        """No module imports ``attr._config`` or any other private attrs module."""
        for path, tree in self._trees():
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module in ("attr", "attrs"):
                    assert all(not alias.name.startswith("_") for alias in node.names), path
                if isinstance(node, (ast.ImportFrom, ast.Import)):
                    modules = [node.module] if isinstance(node, ast.ImportFrom) else []
                    modules += [alias.name for alias in getattr(node, "names", [])]
                    assert not any(str(m).startswith(("attr._", "attrs._")) for m in modules)

    def test_no_comparison_of_a_class_name(self) -> None:
        """No ``x.__name__ == ...`` or ``... in (names)`` test chooses what code runs."""
        found = []
        for path, tree in self._trees():
            for node in ast.walk(tree):
                if not isinstance(node, ast.Compare):
                    continue
                sides = [node.left, *node.comparators]
                if any(isinstance(s, ast.Attribute) and s.attr == "__name__" for s in sides):
                    found.append(f"{path.name}:{node.lineno}")
        assert found == []

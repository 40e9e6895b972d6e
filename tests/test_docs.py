"""The documentation's examples run: code blocks in docs/*.md and README.md, and docstrings.

Every fenced ``python`` block of a page runs, in order, in one namespace per page. A block
written as a doctest (lines starting with ``>>>``) must print what it shows; any other block
must run without error. A block that needs the network or local files can be skipped by
putting ``<!-- no-test -->`` on the line before its opening fence.
"""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import diplorec

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
SKIP_MARK = "<!-- no-test -->"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: Optional dependencies: a module that needs one that is missing is skipped, not failed.
OPTIONAL = frozenset({"hypothesis", "orjson", "pandas", "pyarrow", "matplotlib"})

_OPENING = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")


@attrs.frozen
class Block:
    """A fenced code block of a page: its language, first line number and text."""

    language: str
    line: int
    text: str
    skip: bool


def code_blocks(markdown: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order (nested fences respected)."""
    blocks: list[Block] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        info = opening["info"].strip()
        previous = next((ln.strip() for ln in reversed(lines[:index]) if ln.strip()), "")
        body: list[str] = []
        end = index + 1
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        while end < len(lines) and not closing.match(lines[end]):
            body.append(lines[end])
            end += 1
        language = info.split()[0] if info else ""
        blocks.append(Block(language, index + 2, "\n".join(body) + "\n", previous == SKIP_MARK))
        index = end + 1
    return blocks


def run_block(block: Block, namespace: dict[str, Any], page: Path) -> str | None:
    """Run one block in ``namespace``; return a report of what failed, or None."""
    name = f"{page.relative_to(ROOT)}:{block.line}"
    if any(line.lstrip().startswith(">>>") for line in block.text.splitlines()):
        test = doctest.DocTestParser().get_doctest(
            block.text, namespace, name, str(page), block.line - 1
        )
        out = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        result = runner.run(test, out=out.write, clear_globs=False)
        namespace.update(test.globs)  # DocTest works on a copy of the namespace
        return out.getvalue() if result.failed else None
    try:
        exec(compile(block.text, name, "exec"), namespace)  # the page's own example code
    except Exception as error:  # report which block failed, and how
        return f"{name}: {type(error).__name__}: {error}"
    return None


class TestBlockParser:
    """The Markdown fence reader finds exactly the blocks a reader sees."""

    def test_languages_lines_and_skip_marks(self) -> None:
        """Blocks carry their language, first line, text and skip mark."""
        text = "Intro\n\n```python\nx = 1\n```\n\n<!-- no-test -->\n```python\ny\n```\n"
        assert code_blocks(text) == [
            Block("python", 4, "x = 1\n", False),
            Block("python", 9, "y\n", True),
        ]

    def test_nested_and_tilde_fences(self) -> None:
        """A longer fence encloses shorter ones; tildes fence too; directives are not python."""
        text = "````md\n```python\nno\n```\n````\n~~~python\nyes\n~~~\n```{toctree}\na\n```\n"
        assert [(b.language, b.text) for b in code_blocks(text)] == [
            ("md", "```python\nno\n```\n"),
            ("python", "yes\n"),
            ("{toctree}", "a\n"),
        ]

    def test_failing_doctest_is_reported(self) -> None:
        """A doctest block that prints something else is a failure with a report."""
        page = ROOT / "docs" / "example.md"
        report = run_block(Block("python", 3, ">>> 1 + 1\n3\n", False), {}, page)
        assert report is not None
        assert "Expected:\n    3\nGot:\n    2" in report

    def test_failing_plain_block_is_reported(self) -> None:
        """A plain block that raises is a failure naming the block's line."""
        page = ROOT / "docs" / "example.md"
        report = run_block(Block("python", 7, "1 / 0\n", False), {}, page)
        assert report == "docs/example.md:7: ZeroDivisionError: division by zero"


class TestPages:
    """Every python block of every page runs and shows what it claims."""

    def test_pages_found(self) -> None:
        """The docs pages and the README are all collected."""
        names = {page.name for page in PAGES}
        assert {"README.md", "index.md", "concepts.md", "tutorial.md", "api.md"} <= names

    @pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
    def test_page(self, page: Path) -> None:
        """The page's python blocks run in order in one namespace, without failures."""
        blocks = [b for b in code_blocks(page.read_text("utf-8")) if b.language == "python"]
        namespace: dict[str, Any] = {"__name__": f"docs.{page.stem}"}
        failures = [
            report
            for block in blocks
            if not block.skip and (report := run_block(block, namespace, page)) is not None
        ]
        assert not failures, "\n".join(failures)


def _module_names() -> list[str]:
    names = ["diplorec"]
    for info in pkgutil.walk_packages(diplorec.__path__, prefix="diplorec."):
        if info.name.rsplit(".", 1)[-1] != "__main__":  # importing it would run the CLI
            names.append(info.name)
    return sorted(names)


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".")[0]
        if missing in OPTIONAL:
            pytest.skip(f"{name} needs the optional dependency {missing}")
        raise


class TestDocstrings:
    """The examples in every module's docstrings are true."""

    def test_modules_found(self) -> None:
        """The walk finds the core modules."""
        names = set(_module_names())
        assert {"diplorec.dates", "diplorec.converters", "diplorec.events"} <= names

    @pytest.mark.parametrize("name", _module_names())
    def test_module_doctests(self, name: str) -> None:
        """doctest finds no failing example in the module."""
        module = _import(name)
        out = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        for test in doctest.DocTestFinder(exclude_empty=True).find(module, name):
            runner.run(test, out=out.write)
        assert runner.failures == 0, out.getvalue()

"""Which lines of a JSON Lines file are blank: only JSON's own white space makes one.

JSON allows four white-space characters (space, tab, line feed, carriage return,
RFC 8259 section 2). A line holding anything else, a form feed or a vertical tab
included, is not blank: it is a record, and an invalid one, reported with its number.
Python's ``str.strip()`` and ``bytes.strip()`` would strip those characters too.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

import diplorec
from diplorec.examples.russia_taliban_2025 import RECOGNITION

RECORD = diplorec.dumps(RECOGNITION)


def _file(text: str, tmp: Path) -> Path:
    path = tmp / "events.jsonl"
    path.write_text(text, "utf-8")
    return path


#: How a file reaches the reader: a path, a binary stream, or a text stream.
SOURCES: dict[str, Callable[[str, Path], object]] = {
    "path": _file,
    "bytes": lambda text, tmp: io.BytesIO(text.encode("utf-8")),
    "text": lambda text, tmp: io.StringIO(text),
}


@pytest.fixture(params=sorted(SOURCES))
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], object]:
    """Turns file text into a source of each kind."""
    make = SOURCES[request.param]
    return lambda text: make(text, tmp_path)


class TestNotBlank:
    """A line of only a form feed (or another non-JSON space) is reported, not skipped."""

    @pytest.mark.parametrize("space", ["\f", "\v", "\x1c", " \f "], ids=repr)
    def test_collected(self, source: Callable[[str], object], space: str) -> None:
        """In collecting mode, the line counts as read and comes back as a bad line 2."""
        reader = diplorec.read_jsonl(source(f"{RECORD}\n{space}\n{RECORD}\n"), errors="collect")
        assert list(reader) == [RECOGNITION, RECOGNITION]
        assert reader.lines_read == 3
        assert [bad.line for bad in reader.bad_lines] == [2]

    def test_raised(self, source: Callable[[str], object]) -> None:
        """In raising mode, reading stops at line 2 with a ValidationError."""
        reader = diplorec.read_jsonl(source(f"{RECORD}\n\f\n"))
        assert next(reader) == RECOGNITION
        with pytest.raises(diplorec.ValidationError) as info:
            next(reader)
        assert [problem.line for problem in info.value.problems] == [2]


class TestBlank:
    """Lines of JSON white space only are skipped, yet still numbered."""

    @pytest.mark.parametrize("space", ["", " ", "\t", "\r", " \t \r"], ids=repr)
    def test_skipped(self, source: Callable[[str], object], space: str) -> None:
        """The blank line is not read as a record; the next bad line keeps its number."""
        reader = diplorec.read_jsonl(source(f"{RECORD}\n{space}\n{{}}\n"), errors="collect")
        assert list(reader) == [RECOGNITION]
        assert reader.lines_read == 2
        assert [bad.line for bad in reader.bad_lines] == [3]

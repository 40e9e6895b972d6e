"""A JSON Lines file cut off inside its last record says so, not what the parser tripped on."""

from __future__ import annotations

import gzip
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import ValidationError, read_jsonl, write_jsonl
from diplorec.examples.russia_taliban_2025 import EVENTS

CUT = "the line is cut off"


def _jsonl() -> bytes:
    buffer = io.BytesIO()
    write_jsonl(EVENTS[:3], buffer)
    return buffer.getvalue()


def _problems(data: bytes) -> list[str]:
    reader = read_jsonl(io.BytesIO(data), errors="collect")
    list(reader)
    return [str(problem) for bad in reader.bad_lines for problem in bad.problems]


class TestCutOffLastLine:
    """The last line, with no line end, ending inside a JSON value, is reported as cut off."""

    @given(st.data())
    def test_any_cut_inside_the_last_record(self, data: st.DataObject) -> None:
        """Wherever the file is cut inside its third record, line 3 is reported as cut off."""
        whole = _jsonl()
        start = whole.rindex(b"\n", 0, len(whole) - 1) + 1
        end = data.draw(st.integers(start + 1, len(whole) - 3), label="cut at")
        problems = _problems(whole[:end])
        reason = "the file ends inside this record (was it truncated?)"
        assert problems == [f"line 3: $: {CUT}: {reason}"]

    @pytest.mark.parametrize(
        "tail",
        [
            b'{"type": "meeting", "on": "2025-0',  # inside a string
            b'{"type": "meeting", "count": 12',  # after a number
            b'{"type": "meeting", "flag": tr',  # inside a literal
            b'{"type": "meeting", "names": ["a", ',  # inside an array
            b'{"type": "meeting", "name": "Caf\xc3',  # half a UTF-8 character
            b'{"type": "meeting", "name": "Ka\x00\x00\x00\x00',  # NUL padding after a crash
            b'{"type": "meeting", "name": "Kabul"\r',  # a CRLF file cut between \r and \n
        ],
    )
    def test_kinds_of_cut(self, tail: bytes) -> None:
        """Cut in a string, number, literal, array or character, or padded with NULs."""
        problems = _problems(_jsonl() + tail)
        assert len(problems) == 1
        assert problems[0].startswith(f"line 4: $: {CUT}:")

    def test_raise_mode(self) -> None:
        """The default reader raises with the same sentence and line number."""
        with pytest.raises(ValidationError, match=f"line 4: \\$: {CUT}"):
            list(read_jsonl(io.BytesIO(_jsonl() + b'{"type": "meet')))

    def test_text_stream(self) -> None:
        """A text stream cut off the same way says the same."""
        text = _jsonl().decode("utf-8") + '{"type": "meet'
        with pytest.raises(ValidationError, match=CUT):
            list(read_jsonl(io.StringIO(text)))

    def test_gzip(self) -> None:
        """A complete gzip file whose content ends inside a record says the same."""
        packed = gzip.compress(_jsonl() + b'{"type": "meet')
        with pytest.raises(ValidationError, match=f"line 4: \\$: {CUT}"):
            list(read_jsonl(io.BytesIO(packed)))


class TestNotCutOff:
    """Other broken lines keep the parser's own message."""

    @pytest.mark.parametrize(
        ("tail", "message"),
        [
            (b'{"type": "meeting", "on": "2025-0\n', "Invalid control character"),
            (b'{"type": "meeting"}}', "Extra data"),
            (b'{"type": "meeting", "on": }', "Expecting value"),
            (b"nonsense", "Expecting value"),
            (b'{"type": "meeting", "on": x', "Expecting value"),
        ],
    )
    def test_other_errors(self, tail: bytes, message: str) -> None:
        """A line with a line end, extra data or a wrong value is not called cut off."""
        problems = _problems(_jsonl() + tail)
        assert len(problems) == 1
        assert CUT not in problems[0]
        assert message in problems[0]

    def test_complete_last_line_without_line_end(self) -> None:
        """A complete last record with no line end is read, as before."""
        whole = _jsonl().rstrip(b"\n")
        assert list(read_jsonl(io.BytesIO(whole))) == list(EVENTS[:3])

    def test_cut_inside_an_earlier_line(self) -> None:
        """An earlier line that ends early is followed by a line end: not called cut off."""
        lines = _jsonl().split(b"\n")
        data = lines[0] + b"\n" + lines[1][:40] + b"\n" + lines[2] + b"\n"
        problems = _problems(data)
        assert len(problems) == 1
        assert problems[0].startswith("line 2: ")
        assert CUT not in problems[0]

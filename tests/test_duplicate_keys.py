"""Tests that a JSON object giving one key twice is refused on every read path."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import converters
from diplorec.converters import parse_json
from diplorec.examples.russia_taliban_2025 import EVENTS, RECOGNITION
from diplorec.jsonl import read_jsonl

REPEATED = "is given more than once in the same object; a key may appear only once"


PARSERS = ["orjson", "json"]


@contextlib.contextmanager
def _using(parser: str) -> Iterator[None]:
    """Parse with orjson (when installed) or with the standard library alone."""
    if parser == "orjson":
        pytest.importorskip("orjson")
        yield
        return
    saved = converters._ORJSON
    converters._ORJSON = False
    try:
        yield
    finally:
        converters._ORJSON = saved


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a test with orjson (when installed) and with the standard library alone."""
    with _using(request.param):
        yield request.param


def _escaped(key: str) -> str:
    """A key written with every character as a \\u escape: "na\\u006de" for "name"."""
    units = key.encode("utf-16-be")
    return (
        '"' + "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2)) + '"'
    )


class Pairs(list[tuple[str, Any]]):
    """A JSON object as written: its key-value pairs in order, repeats allowed."""


def _write(value: Any, draw_escape: list[bool], indent: bool) -> str:
    """JSON text of ``value``; objects given as Pairs keep repeated keys.

    Each key and string is written escaped (every character as ``\\uXXXX``, so a
    colon as ``\\u003a``) or plainly, as the next flag of ``draw_escape`` says.
    """
    space = "\n  " if indent else ""
    if isinstance(value, Pairs):
        items = []
        for key, item in value:
            written = _escaped(key) if draw_escape and draw_escape.pop() else json.dumps(key)
            items.append(
                f"{space}{written}{' : ' if indent else ':'}{_write(item, draw_escape, indent)}"
            )
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(f"{space}{_write(item, draw_escape, indent)}" for item in value) + "]"
    if isinstance(value, str) and draw_escape and draw_escape.pop():
        return _escaped(value)
    return json.dumps(value)


def _oracle(text: str) -> list[str]:
    """The keys the standard library sees repeated, in order of reading."""
    repeated: list[str] = []

    def pairs(found: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in found:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        return dict(found)

    json.loads(text, object_pairs_hook=pairs)
    return repeated


KEYS = st.sampled_from(["name", "type", "a", "na\u006de", "x:", 'q"', "\\", "é", "\U0001f600", ""])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=5)
    | st.sampled_from([":", "a:b", '":', "\\:"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.lists(st.tuples(KEYS, inner), max_size=4).map(Pairs)
    ),
    max_leaves=20,
)


class TestAnyJson:
    """For any JSON text, parse_json refuses exactly the texts that repeat a key."""

    @given(
        value=VALUES,
        escapes=st.lists(st.booleans()),
        indent=st.booleans(),
        parser=st.sampled_from(PARSERS),
    )
    def test_same_verdict_as_the_oracle(
        self, value: Any, escapes: list[bool], indent: bool, parser: str
    ) -> None:
        """Repeated keys, however spelled and wherever nested, are found; others pass."""
        text = _write(value, escapes, indent)
        repeated = _oracle(text)
        with _using(parser):
            self._check(text, repeated)

    def _check(self, text: str, repeated: list[str]) -> None:
        for form in (text, text.encode("utf-8")):
            if repeated:
                with pytest.raises(diplorec.ValidationError) as info:
                    parse_json(form)
                assert [problem.message for problem in info.value.problems] == [REPEATED] * len(
                    repeated
                )
            else:
                assert parse_json(form) == json.loads(text)

    def test_path_and_key(self, parser: str) -> None:
        """Each problem's path ends in the repeated key, inside its object."""
        text = '[{"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}}, {"x:": "y:\\"", "x\\u003a": 1}]'
        with pytest.raises(diplorec.ValidationError) as info:
            parse_json(text)
        assert [problem.path for problem in info.value.problems] == ["$[0].b.c[1].d", '$[1]["x:"]']

    @pytest.mark.parametrize(
        "text",
        [
            '{"a": 1, "a": 2, "b": "\\u003a"}',
            '{"a\\u003A": 1, "a:": 2}',
            '[{"x": {"y": 1, "y": "\\u003a"}}]',
        ],
    )
    def test_escaped_colons(self, parser: str, text: str) -> None:
        """A colon written as an escape cannot hide a repeated key from the count."""
        with pytest.raises(diplorec.ValidationError, match="more than once"):
            parse_json(text)
        with pytest.raises(diplorec.ValidationError, match="more than once"):
            parse_json(text.encode())

    def test_colons_inside_strings(self, parser: str) -> None:
        """Colons and escaped quotes inside strings are not taken for keys."""
        text = '{"a:b": "c:\\\\", "d": ":\\":", "e\\\\": {"f": "::"}}'
        assert parse_json(text) == json.loads(text)


DUPLICATED = diplorec.dumps(RECOGNITION).replace('"name":', '"name":"X","na\\u006de":', 1)


class TestEveryReadPath:
    """loads, read_jsonl, the Dossier document and the CLI all refuse a repeated key."""

    def test_loads(self, parser: str) -> None:
        """loads names the repeated key and where it is, for text and bytes alike."""
        for text in (DUPLICATED, DUPLICATED.encode("utf-8")):
            with pytest.raises(diplorec.ValidationError) as info:
                diplorec.loads(text, diplorec.Event)
            assert [str(p) for p in info.value.problems] == [f"$.recognizer.name: {REPEATED}"]

    def test_loads_pretty_printed(self, parser: str) -> None:
        """Text not written by diplorec (indented, keys reordered) is checked all the same."""
        data = diplorec.to_dict(RECOGNITION)
        good = json.dumps(dict(reversed(data.items())), indent=2, ensure_ascii=True)
        assert diplorec.loads(good, diplorec.Event) == RECOGNITION
        bad = good.replace('"form": ', '"form": "implied", "form": ', 1)
        with pytest.raises(diplorec.ValidationError, match=r"\$\.form: is given more than once"):
            diplorec.loads(bad, diplorec.Event)

    def test_read_jsonl(self, parser: str) -> None:
        """A line that repeats a key is a bad line, reported at its line number."""
        lines = [diplorec.dumps(RECOGNITION), DUPLICATED, diplorec.dumps(RECOGNITION)]
        reader = read_jsonl(io.StringIO("\n".join(lines)), errors="collect")
        assert list(reader) == [RECOGNITION, RECOGNITION]
        (bad,) = reader.bad_lines
        assert [str(problem) for problem in bad.problems] == [
            f"line 2: $.recognizer.name: {REPEATED}"
        ]

    def test_dossier(self, parser: str) -> None:
        """A Dossier document that repeats a key, at its top or in an event, is refused."""
        from diplorec.dossier import Dossier

        text = diplorec.dumps(Dossier(events=EVENTS))
        first = next(i for i, e in enumerate(json.loads(text)["events"]) if "recognizer" in e)
        top = text.replace('"events":', '"events":[],"events":', 1)
        inner = text.replace('"recognizer":', '"recognizer":null,"recognizer":', 1)
        for bad, path in ((top, "$.events"), (inner, f"$.events[{first}].recognizer")):
            with pytest.raises(diplorec.ValidationError) as info:
                diplorec.loads(bad, Dossier)
            assert [p.path for p in info.value.problems] == [path]

    def test_cli(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """diplorec validate reports the repeated key of a .jsonl line and of a .json file."""
        from diplorec.cli import main

        (tmp_path / "a.jsonl").write_text(DUPLICATED + "\n", encoding="utf-8")
        (tmp_path / "b.json").write_text(DUPLICATED, encoding="utf-8")
        assert main(["validate", str(tmp_path / "a.jsonl"), str(tmp_path / "b.json")]) == 1
        out = capsys.readouterr().out
        assert f"a.jsonl:1: $.recognizer.name: {REPEATED}" in out
        assert f"b.json: $.recognizer.name: {REPEATED}" in out
        assert out.endswith("0 valid, 2 invalid\n")

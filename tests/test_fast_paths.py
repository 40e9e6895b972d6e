"""Differential tests: every fast path gives exactly what the plain path gives.

The plain paths are the cattrs converter (``diplorec.converters.converter``), the
standard library's ``json`` and the per-character control-character rule. Hypothesis
mutates real records (a corpus from ``benchmarks.corpus``, beside the tests, and the
worked example) at every path, so both acceptance and the values built are compared.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

import _benchmarks
import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import _validators as v
from diplorec import converters
from diplorec._validators import _has_bad_chars
from diplorec.actors import Place, State
from diplorec.errors import ValidationError
from diplorec.events import EVENT_TYPES, RelationsChange
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.provenance import Citation
from diplorec.vocab import RelationsAction, RepresentationLevel

# Without orjson installed, the "with orjson" paths below are the standard library's
# own, so every comparison still runs (and must still hold).

_EXTRA = (
    RelationsChange(
        on=diplorec.When.parse("1979-01-01"),
        parties=(diplorec.reference.CHINA, diplorec.reference.UNITED_STATES),
        action=RelationsAction.UPGRADED,
        level_before=RepresentationLevel.OTHER,
        level_after=RepresentationLevel.AMBASSADOR,
    ),
)
SAMPLES = [*_benchmarks.module("corpus").generate(150, seed=11), *EVENTS, *_EXTRA]
RECORDS = [diplorec.to_dict(event) for event in SAMPLES]


def _bad_char_by_category(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n\r"


class TestBadCharacters:
    """The one-regex control-character check equals the per-character category rule."""

    def test_every_code_point(self) -> None:
        """Each of the 1,114,112 code points is judged as its Unicode category says."""
        wrong = [
            code
            for code in range(sys.maxunicode + 1)
            if _has_bad_chars(chr(code)) != _bad_char_by_category(chr(code))
        ]
        assert wrong == []

    @given(st.text(st.characters(codec=None)))
    def test_any_text(self, value: str) -> None:
        """A whole string is bad exactly when one of its characters is."""
        assert _has_bad_chars(value) == any(_bad_char_by_category(c) for c in value)


def _passes(check: Any, attribute: Any, value: Any) -> bool:
    try:
        check(None, attribute, value)
    except ValueError:
        return False
    return True


def _compiled(template: str) -> Any:
    namespace: dict[str, Any] = {}
    exec(f"def check(x): return {template.format(x='x')}", namespace)
    return namespace["check"]


def _shortcut_passes(passes: Any, value: Any) -> bool:
    return bool(_compiled(passes)(value) if isinstance(passes, str) else passes(value))


_MODEL_FIELDS = [field for cls in converters.MODEL_CLASSES for field in attrs.fields(cls)]
_NAME_TEXT = st.text(
    st.sampled_from([*"ab \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000\x00\x7f\x9f\ud800é"]),
    max_size=6,
)
#: The model fields with a validator shortcut, each with its shortcut.
_SHORTCUT_FIELDS = [
    (field, v.SHORTCUTS[field.validator])  # type: ignore[index]
    for field in _MODEL_FIELDS
    if v.SHORTCUTS.get(field.validator) is not None  # type: ignore[arg-type]
]
#: Values to try on a shortcut, by the kind of value it takes (built once, so that an
#: example draws one value of each kind rather than building a strategy per field).
_SHORTCUT_VALUES: dict[Any, st.SearchStrategy[Any]] = {
    str: st.one_of(_NAME_TEXT, st.from_regex(r"[A-Za-z0-9:/.?-]{0,12}", fullmatch=True)),
    int: st.integers(-5, 1100),
    # what the reader hands on: finite floats
    float: st.floats(-200.0, 200.0) | st.sampled_from([-0.0, 1.0, 90.0]),
    dt.datetime: st.datetimes(
        timezones=st.sampled_from([None, dt.UTC, dt.timezone(dt.timedelta(hours=-3))])
    ),
    tuple: st.sampled_from([(), ("a",), ("a", "a"), (" ",)]),
}


class TestShortcuts:
    """A validator's shortcut never lets through a value the validator would refuse."""

    @given(
        st.one_of(
            _NAME_TEXT,
            st.text(st.characters(codec=None), max_size=5),
            st.integers(490, 510).map(lambda n: "x" * n),
            st.builds(
                lambda a, n, b: a + "y" * n + b, _NAME_TEXT, st.integers(480, 500), _NAME_TEXT
            ),
        )
    )
    def test_printable_names(self, value: str) -> None:
        """A name the printable shortcut accepts is one the name validator accepts."""
        if _shortcut_passes(v._PRINTABLE_NAME, value):
            assert _passes(v.name, attrs.fields(State).name, value)

    def test_printable_names_every_code_point(self) -> None:
        """Alone, inside or at the end of a name, no code point fools the shortcut."""
        attribute = attrs.fields(State).name
        check = _compiled(v._PRINTABLE_NAME)
        for code in range(sys.maxunicode + 1):
            for value in (chr(code), f"a{chr(code)}b", f"a{chr(code)}"):
                if check(value):
                    assert _passes(v.name, attribute, value), hex(code)

    def test_printable_texts_every_code_point(self) -> None:
        """Alone, among spaces or inside free text, no code point fools the text shortcut."""
        attribute = attrs.fields(Citation).quote
        check = _compiled(v._PRINTABLE_TEXT)
        for code in range(sys.maxunicode + 1):
            for value in (chr(code), f" {chr(code)} ", f"a{chr(code)}b"):
                if check(value):
                    assert _passes(attribute.validator, attribute, value), hex(code)

    def test_text_shortcut_edges(self) -> None:
        """Empty, all-space and over-long texts are left to the validator, which refuses them."""
        check = _compiled(v._PRINTABLE_TEXT)
        for value in ("", " ", "   ", "x" * (v.MAX_TEXT + 1)):
            assert not check(value)
        assert check("x" * v.MAX_TEXT)

    @given(st.fixed_dictionaries(_SHORTCUT_VALUES))
    def test_every_shortcut(self, values: dict[Any, Any]) -> None:
        """On every model field: None passes when the shortcut says so, and so does any value
        the shortcut accepts (one value of each kind per example, tried on every field)."""
        for field, (none_passes, kind, passes) in _SHORTCUT_FIELDS:
            if none_passes(field):
                assert _passes(field.validator, field, None)
            if passes is None:
                continue
            value = values[kind if kind in values else tuple]
            if _shortcut_passes(passes, value):
                assert _passes(field.validator, field, value), (field.name, value)

    @given(
        st.text(st.characters(codec=None), max_size=12)
        | st.from_regex(v.ID_PATTERN, fullmatch=True)
    )
    def test_check_id(self, key: str) -> None:
        """check_id refuses exactly what the identifier validator refuses."""
        state = State(name="X")
        object.__setattr__(state, "id", key)
        try:
            v.check_id(state)
        except ValueError:
            assert not _passes(v.identifier, attrs.fields(State).id, key)
        else:
            assert _passes(v.identifier, attrs.fields(State).id, key)


# -- mutating records ------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.floats(min_value=-200, max_value=200),
    st.text(st.characters(codec=None), max_size=8),
    st.sampled_from(
        [
            "",
            " ",
            "x ",
            "2025",
            "2025-07-03",
            "2025-02-30",
            "2025-07/..",
            "AFG",
            "Q889",
            "state:AFG",
            "state",
            "government",
            "organization",
            "official",
            *(cls.TAG for cls in EVENT_TYPES),
            "de-jure",
            "express",
            "ambassador",
            "true-copy",
            "news",
            "https://example.org/a",
            "en",
            "2025-07-03T10:00:00Z",
            "2025-07-03T10:00:00+00:00",
            "a\x00b",
            "\ud800",
            "054",
        ]
    ),
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


@st.composite
def mutated_records(draw: st.DrawFn) -> Any:
    """A record with a few of its values replaced, removed, copied or added."""
    record: Any = copy.deepcopy(draw(st.sampled_from(RECORDS)))
    for _ in range(draw(st.integers(0, 3))):
        paths = list(_paths(record))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add", "copy", "swap-list"]))
        if not path:
            if action == "replace":
                record = draw(_JSON)
            continue
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        last = path[-1]
        if action == "replace":
            parent[last] = draw(_JSON)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["type", "id", "extra", "name", "on"]))] = draw(_JSON)
        elif action == "copy":
            parent[last] = copy.deepcopy(draw(st.sampled_from(paths_values(record))))
        elif action == "swap-list" and isinstance(parent[last], list):
            parent[last] = tuple(parent[last])
    return record


def paths_values(record: Any) -> list[Any]:
    """Every value inside ``record``, the record itself included."""
    values = []
    for path in _paths(record):
        value = record
        for key in path:
            value = value[key]
        values.append(value)
    return values


def _outcome(read: Any, data: Any, cls: Any) -> tuple[bool, Any]:
    try:
        return True, read(data, cls)
    except Exception as exc:
        return False, type(exc)


def _plain(data: Any, cls: Any) -> Any:
    return converters.converter.structure(data, cls)


def _fast(data: Any, cls: Any) -> Any:
    return converters._READERS.get(cls)(data)


def _same(left: tuple[bool, Any], right: tuple[bool, Any]) -> None:
    assert left[0] == right[0]
    if left[0]:
        assert left[1] == right[1]
        assert repr(left[1]) == repr(right[1])  # also tells 1 from 1.0 and members from str


_TARGETS = [diplorec.Event, diplorec.Party, tuple[diplorec.Event, ...], *EVENT_TYPES]


class TestFastReader:
    """The generated readers accept and build exactly what the cattrs converter does."""

    @pytest.mark.parametrize("record", RECORDS[:40] + RECORDS[150:])
    def test_valid_records(self, record: dict[str, Any]) -> None:
        """Every sample record is read to the same value."""
        _same(_outcome(_plain, record, diplorec.Event), _outcome(_fast, record, diplorec.Event))
        assert _fast(record, diplorec.Event) == _plain(record, diplorec.Event)

    @given(mutated_records(), st.sampled_from(_TARGETS))
    def test_mutated_records(self, record: Any, cls: Any) -> None:
        """A mutated record is accepted by both or refused by both, to equal values."""
        _same(_outcome(_plain, record, cls), _outcome(_fast, record, cls))

    @given(mutated_records())
    def test_nested_parts(self, record: Any) -> None:
        """Every part of a mutated record reads alike as each model class."""
        for value in paths_values(record)[:12]:
            for cls in (*converters.MODEL_CLASSES, diplorec.Participant):
                _same(_outcome(_plain, value, cls), _outcome(_fast, value, cls))

    @given(mutated_records())
    def test_from_dict_errors(self, record: Any) -> None:
        """from_dict raises the detailed pass's problems whenever the reader fails."""
        accepted, value = _outcome(_plain, record, diplorec.Event)
        if accepted:
            assert diplorec.from_dict(record, diplorec.Event) == value
        else:
            with pytest.raises(ValidationError) as caught:
                diplorec.from_dict(record, diplorec.Event)
            expected = converters._explain_failure(record, diplorec.Event, caught.value)
            assert caught.value.problems == expected.problems
            assert caught.value.omitted == expected.omitted

    def test_validators_disabled(self) -> None:
        """With attrs validators switched off, both paths skip the same rules."""
        record = copy.deepcopy(RECORDS[0])
        record["sources"] = [{"source": {"title": " untrimmed "}}]
        attrs.validators.set_disabled(True)
        try:
            _same(_outcome(_plain, record, diplorec.Event), _outcome(_fast, record, diplorec.Event))
            assert _fast(record, diplorec.Event).sources[0].source.title == " untrimmed "
        finally:
            attrs.validators.set_disabled(False)
        with pytest.raises(ValidationError):
            diplorec.from_dict(record, diplorec.Event)


_FLOAT_INPUTS = [0.5, 1, 0, -0.0, 45.25, True, False, "0.5", None, math.nan, math.inf, 10**30, [1]]


class TestFloatFields:
    """The readers' inline float check takes what the strict float reader takes."""

    @pytest.mark.parametrize("number", _FLOAT_INPUTS, ids=repr)
    @pytest.mark.parametrize(
        ("cls", "record", "key"),
        [
            (Place, {"name": "X", "latitude": 1.5, "longitude": 1.5}, "latitude"),
            (Place, {"name": "X", "latitude": 1.5, "longitude": 1.5}, "longitude"),
            (Citation, {"source": {"title": "T"}, "confidence": 0.5}, "confidence"),
        ],
    )
    def test_same_outcome(self, cls: Any, record: dict[str, Any], key: str, number: Any) -> None:
        """Integers become floats, booleans, strings, NaN and infinities are refused alike."""
        data = {**record, key: number}
        fast, plain = _outcome(_fast, data, cls), _outcome(_plain, data, cls)
        _same(plain, fast)
        if fast[0] and number is not None:
            assert type(getattr(fast[1], key)) is float


# -- writing ---------------------------------------------------------------------------


@pytest.fixture
def stdlib_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the converters behave as if orjson were not installed."""
    monkeypatch.setattr(converters, "_ORJSON", False)


def _stdlib_dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(
        converters.converter.unstructure(obj)
        if not isinstance(obj, list)
        else [converters.converter.unstructure(item) for item in obj],
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        separators=(",", ":") if indent is None else (",", ": "),
    )


_ODD_FLOATS = st.one_of(
    st.floats(min_value=-90, max_value=90),
    st.sampled_from([0.0, -0.0, 1e-4, 9.99e-5, 1e-5, -1e-7, 5e-324, 89.99999999999999]),
)


class TestWriters:
    """to_dict and dumps write what the cattrs converter and json.dumps write."""

    @pytest.mark.parametrize("event", SAMPLES)
    def test_to_dict(self, event: Any) -> None:
        """The generated writer gives the converter's dict, keys in the same order."""
        fast = diplorec.to_dict(event)
        plain = converters.converter.unstructure(event)
        assert fast == plain
        assert json.dumps(fast) == json.dumps(plain)

    @pytest.mark.parametrize("event", SAMPLES)
    def test_dumps_with_orjson(self, event: Any) -> None:
        """With orjson the text is identical to the standard library's."""
        assert diplorec.dumps(event) == _stdlib_dumps(event)

    @pytest.mark.parametrize("event", SAMPLES)
    def test_dumpb(self, event: Any) -> None:
        """dumpb gives the UTF-8 bytes of dumps, alone or in a list."""
        assert converters.dumpb(event) == diplorec.dumps(event).encode("utf-8")
        assert converters.dumpb([event, event]) == diplorec.dumps([event, event]).encode()

    @pytest.mark.parametrize("event", SAMPLES[:20])
    @pytest.mark.usefixtures("stdlib_only")
    def test_dumps_without_orjson(self, event: Any) -> None:
        """Without orjson the text is the same, compact or indented."""
        assert diplorec.dumps(event) == _stdlib_dumps(event)
        assert diplorec.dumps(event, indent=2) == _stdlib_dumps(event, indent=2)

    @given(_ODD_FLOATS, _ODD_FLOATS)
    def test_floats(self, latitude: float, longitude: float) -> None:
        """Floats orjson formats differently (1e-05) are written by the standard library."""
        place = Place(name="Somewhere", latitude=latitude, longitude=longitude / 2)
        assert diplorec.dumps(place) == _stdlib_dumps(place)
        assert diplorec.dumps([place, place]) == _stdlib_dumps([place, place])
        assert converters.dumpb(place) == _stdlib_dumps(place).encode()

    @given(st.text(st.characters(codec=None), min_size=1, max_size=20))
    def test_any_id_text(self, key: str) -> None:
        """Ids may hold any non-space text, lone surrogates included: same text either way."""
        try:
            state = State(name="Somewhere", id=f"state:{key}")
        except ValueError:
            return
        assert diplorec.dumps(state) == _stdlib_dumps(state)
        text = diplorec.dumps(state)
        if text.encode("utf-8", "surrogatepass") == text.encode("utf-8", "replace"):
            assert converters.dumpb(state) == text.encode("utf-8")
        else:
            with pytest.raises(UnicodeEncodeError):
                converters.dumpb(state)

    @given(diplorec.strategies.events())
    def test_generated_events(self, event: Any) -> None:
        """Any event the strategies draw is written byte for byte as the stdlib writes it."""
        text = _stdlib_dumps(event)
        assert diplorec.dumps(event) == text
        assert converters.dumpb(event) == text.encode("utf-8")

    def test_not_a_model(self) -> None:
        """A value that is not a model gets the same TypeError with or without orjson."""
        with pytest.raises(TypeError, match="not int"):
            diplorec.dumps([SAMPLES[0], 5])


# -- parsing ---------------------------------------------------------------------------


def _parse_outcome(text: Any, use_orjson: bool) -> tuple[bool, Any]:
    saved = converters._ORJSON
    converters._ORJSON = None if use_orjson else False
    try:
        return True, repr(converters.parse_json(text))
    except ValidationError as error:
        return False, error.problems
    finally:
        converters._ORJSON = saved


_JSON_TEXT = st.one_of(
    _JSON.map(lambda value: json.dumps(value, ensure_ascii=False, allow_nan=True)),
    _JSON.map(lambda value: json.dumps(value, ensure_ascii=True, allow_nan=True)),
    st.sampled_from([json.dumps(record, ensure_ascii=False) for record in RECORDS[:30]]),
)


@st.composite
def json_texts(draw: st.DrawFn) -> str | bytes:
    """JSON text, sometimes bytes, sometimes with a few characters changed."""
    text = draw(_JSON_TEXT)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        piece = draw(
            st.sampled_from(
                [
                    "",
                    " ",
                    "\ufeff",
                    "\t",
                    "\x0c",
                    ",",
                    "]",
                    "}",
                    '"',
                    "\\",
                    "1e400",
                    "-0",
                    "NaN",
                    "\\ud800",
                    "\x00",
                    "0" * 30,
                ]
            )
            | st.text(max_size=2)
        )
        cut = draw(st.integers(0, 2))
        text = text[:at] + piece + text[at + cut :]
    if draw(st.booleans()):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass")
    return text


_BIG_NUMBERS = st.sampled_from(
    [10**19, 2**64, -(2**63) - 1, 10**25, 1e19, 18446744073709551616.0, 0.1000000000000000055511]
)


@st.composite
def record_texts(draw: st.DrawFn) -> str | bytes:
    """A mutated record's JSON, sometimes with a long number in a numeric field."""
    record = draw(mutated_records())
    numeric = ("cow", "gw", "latitude", "longitude", "confidence")
    if isinstance(record, dict) and draw(st.booleans()):
        for path in [path for path in _paths(record) if path and path[-1] in numeric]:
            parent = record
            for key in path[:-1]:
                parent = parent[key] if isinstance(parent, (dict, list)) else None
            if isinstance(parent, dict):  # not when an earlier change replaced it
                parent[path[-1]] = draw(_BIG_NUMBERS)
    text = json.dumps(record, ensure_ascii=draw(st.booleans()), allow_nan=True)
    return text.encode("utf-8", "surrogatepass") if draw(st.booleans()) else text


def _loads_outcome(text: Any, use_orjson: bool, cls: Any = diplorec.Event) -> tuple[bool, Any]:
    saved = converters._ORJSON
    converters._ORJSON = None if use_orjson else False
    try:
        return True, repr(diplorec.loads(text, cls))
    except ValidationError as error:
        return False, error.problems
    finally:
        converters._ORJSON = saved


class TestParsing:
    """parse_json and loads with orjson read and refuse exactly what they do without it."""

    @given(record_texts())
    def test_loads_same_outcome(self, text: str | bytes) -> None:
        """loads gives equal values, or the same problems, with or without orjson."""
        assert _loads_outcome(text, True) == _loads_outcome(text, False)

    @pytest.mark.parametrize("number", ["18446744073709551616", "1" * 30, "-9223372036854775809"])
    @pytest.mark.parametrize(
        ("template", "cls"),
        [
            ('{"type": "state", "name": "X", "cow": NUMBER}', State),
            ('{"name": "X", "latitude": NUMBER, "longitude": 1.5}', Place),
        ],
    )
    def test_loads_long_integers(self, number: str, template: str, cls: Any) -> None:
        """A long integer in a numeric field is explained as the standard library reads it."""
        text = template.replace("NUMBER", number)
        assert _loads_outcome(text, True, cls) == _loads_outcome(text, False, cls)
        assert not _loads_outcome(text, True, cls)[0]

    @given(json_texts())
    def test_same_outcome(self, text: str | bytes) -> None:
        """Equal values (down to int versus float and key order) or equal problems."""
        assert _parse_outcome(text, True) == _parse_outcome(text, False)

    @pytest.mark.parametrize(
        "text",
        [
            b"\xef\xbb\xbf{}",
            "\ufeff{}",
            '{"a": 1, "a": 2}',
            '"\\ud800"',
            "123456789012345678901234567890",
            "1e400",
            "-0",
            "-0.0",
            "0.1000000000000000055511151231257827",
            "[" * 2000 + "]" * 2000,
            b"\xff",
            "NaN",
            bytearray(b"[1]"),
            memoryview(b"[1]"),
            12,
        ],
    )
    def test_edge_cases(self, text: Any) -> None:
        """Known differences between orjson and json are settled the standard library's way."""
        assert _parse_outcome(text, True) == _parse_outcome(text, False)

    def test_nan_and_finite(self) -> None:
        """NaN is refused either way; ordinary floats come back bit for bit."""
        assert not _parse_outcome("NaN", True)[0]
        value = converters.parse_json("[0.1, 1e-7, 1.7976931348623157e308]")
        assert value == [0.1, 1e-7, 1.7976931348623157e308]
        assert all(math.isfinite(item) for item in value)

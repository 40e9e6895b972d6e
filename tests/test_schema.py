"""Tests of diplorec.schema: the generated JSON Schema and the files shipped with it."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import diplorec
from diplorec import _validators as v
from diplorec._registry import MODEL_CLASSES, TAGS
from diplorec._wire import parse_instant
from diplorec.dates import When
from diplorec.dossier import Dossier
from diplorec.events import EVENT_TYPES, Event
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.schema import (
    _CONTROL,
    _INNER_SPACE,
    _SPACE,
    DRAFT,
    INSTANT_PATTERN,
    NAME_PATTERN,
    TEXT_PATTERN,
    WHEN_PATTERN,
    json_schema,
    render,
    schema_file,
)
from diplorec.vocab import ENUM_TYPES

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "diplorec" / "schema"
GOLDEN_ARRAY = ROOT / "tests" / "golden" / "russia_taliban_2025.json"

EVENT_SCHEMA = json_schema()
DOSSIER_SCHEMA = json_schema(Dossier)


def _ecma_pattern(
    validator: Any, pattern: str, instance: Any, schema: Any
) -> Iterator[jsonschema.ValidationError]:
    """``pattern`` as ECMA-262 reads it: ``$`` ends the text (not before a final newline)."""
    if validator.is_type(instance, "string"):
        anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern
        if re.search(anchored, instance) is None:
            yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


EcmaValidator = jsonschema.validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})


def _validator(schema: dict[str, Any]) -> Any:
    return EcmaValidator(schema, format_checker=FormatChecker())


EVENT_VALIDATOR = _validator(EVENT_SCHEMA)


def _matches(pattern: str, text: str) -> bool:
    return re.search(pattern[:-1] + r"\Z", text) is not None


def _accepts(check: Any, value: Any) -> bool:
    try:
        check(None, SimpleNamespace(name="value"), value)
    except ValueError:
        return False
    return True


class TestMetaSchema:
    """Every schema json_schema() makes is a valid draft 2020-12 schema."""

    @pytest.mark.parametrize(
        "target",
        [Event, Dossier, diplorec.Party, diplorec.Participant, tuple[Event, ...], *MODEL_CLASSES],
        ids=["Event", "Dossier", "Party", "Participant", "tuple[Event, ...]"]
        + [cls.__name__ for cls in MODEL_CLASSES],
    )
    def test_check_schema(self, target: Any) -> None:
        """Draft202012Validator.check_schema accepts it, $schema names draft 2020-12."""
        schema = json_schema(target)
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == DRAFT

    def test_every_reference_resolves(self) -> None:
        """Every $ref points at an entry of $defs."""
        text = json.dumps(DOSSIER_SCHEMA)
        refs = set(re.findall(r'"\$ref": "#/\$defs/([A-Za-z]+)"', text))
        assert refs <= set(DOSSIER_SCHEMA["$defs"])

    def test_not_a_model(self) -> None:
        """A type that is not part of the wire format is refused with a TypeError."""
        with pytest.raises(TypeError, match="cannot describe"):
            json_schema(int)


class TestShippedFiles:
    """The schema files in the package are the generated ones, and ship as package data."""

    @pytest.mark.parametrize(
        ("name", "schema"),
        [("diplorec.schema.json", EVENT_SCHEMA), ("dossier.schema.json", DOSSIER_SCHEMA)],
    )
    def test_committed_copy_is_current(self, name: str, schema: dict[str, Any]) -> None:
        """The committed file equals the generated text (regenerate with diplorec schema)."""
        assert (SHIPPED / name).read_text("utf-8") == render(schema), (
            f"diplorec/schema/{name} is stale: regenerate it with "
            f"python -m diplorec schema{' --dossier' if 'dossier' in name else ''} "
            f"> diplorec/schema/{name}"
        )

    def test_read_as_package_data(self) -> None:
        """schema_file() reads the shipped copy through importlib.resources."""
        assert json.loads(schema_file()) == EVENT_SCHEMA
        assert json.loads(schema_file("dossier.schema.json")) == DOSSIER_SCHEMA

    def test_module_is_not_shadowed(self) -> None:
        """diplorec.schema is the module, not the data folder of the same name."""
        import diplorec.schema

        assert diplorec.schema.__file__ is not None
        assert Path(diplorec.schema.__file__).name == "schema.py"

    def test_cli_prints_the_file(self) -> None:
        """python -m diplorec schema prints exactly the shipped file."""
        result = subprocess.run(
            [sys.executable, "-m", "diplorec", "schema"], capture_output=True, check=True
        )
        assert result.stdout.decode("utf-8") == (SHIPPED / "diplorec.schema.json").read_text(
            "utf-8"
        )


class TestExampleValidates:
    """The worked example is valid under the schema, with formats checked."""

    def test_format_checker_checks_date_time(self) -> None:
        """The format checker in use really checks date-time (rfc3339-validator is installed)."""
        assert "date-time" in FormatChecker().checkers

    @pytest.mark.parametrize("event", EVENTS, ids=lambda event: event.id)
    def test_every_event(self, event: Event) -> None:
        """Each event of the worked example validates against the Event schema."""
        EVENT_VALIDATOR.validate(diplorec.to_dict(event))

    def test_dossier_document(self) -> None:
        """The example's Dossier document validates against the Dossier schema."""
        _validator(DOSSIER_SCHEMA).validate(Dossier(events=EVENTS).to_document())

    def test_golden_array(self) -> None:
        """The example's golden JSON array validates against the schema of an array of events."""
        data = json.loads(GOLDEN_ARRAY.read_text("utf-8"))
        _validator(json_schema(tuple[Event, ...])).validate(data)

    def test_instant_with_format(self) -> None:
        """A source's retrieval instant validates; a naive or offset one does not."""
        source = {"title": "A report", "retrieved": "2025-07-03T09:30:00Z"}
        validator = _validator(json_schema(diplorec.Source))
        assert validator.is_valid(source)
        assert not validator.is_valid(source | {"retrieved": "2025-07-03T09:30:00"})
        assert not validator.is_valid(source | {"retrieved": "2025-07-03T09:30:00+01:00"})


class TestStructure:
    """The schema states what the models state: fields, tags, enums, bounds, defaults."""

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_one_definition_per_class(self, cls: type) -> None:
        """Each class has a $defs entry with its fields, the required ones, no others."""
        definition = EVENT_SCHEMA["$defs"][cls.__name__]
        fields = attrs.fields(cls)
        tag = TAGS.get(cls)
        assert definition["type"] == "object"
        assert definition["additionalProperties"] is False
        expected = ([] if tag is None else ["type"]) + [f.name for f in fields]
        assert list(definition["properties"]) == expected
        required = [f.name for f in fields if f.default is attrs.NOTHING]
        assert definition["required"] == ([] if tag is None else ["type"]) + required
        if tag is not None:
            assert definition["properties"]["type"] == {"const": tag}

    @pytest.mark.parametrize("enum_type", ENUM_TYPES, ids=lambda tp: tp.__name__)
    def test_enums(self, enum_type: Any) -> None:
        """Each vocabulary is an enum of its wire values."""
        assert EVENT_SCHEMA["$defs"][enum_type.__name__]["enum"] == [m.value for m in enum_type]

    def test_tagged_unions(self) -> None:
        """Event, Party and Participant are oneOf their members, each with a const tag."""
        defs = EVENT_SCHEMA["$defs"]
        assert defs["Event"]["oneOf"] == [{"$ref": f"#/$defs/{c.__name__}"} for c in EVENT_TYPES]
        assert [ref["$ref"] for ref in defs["Participant"]["oneOf"]] == [
            "#/$defs/Official",
            "#/$defs/State",
            "#/$defs/Government",
            "#/$defs/Organization",
        ]

    def test_numeric_bounds(self) -> None:
        """COW and GW codes run 1 to 999, coordinates and confidence have their ranges."""
        defs = EVENT_SCHEMA["$defs"]
        for key in ("cow", "gw"):
            assert defs["State"]["properties"][key] == {
                "type": ["integer", "null"],
                "minimum": 1,
                "maximum": 999,
            }
        assert defs["Place"]["properties"]["latitude"]["minimum"] == -90.0
        assert defs["Place"]["properties"]["longitude"]["maximum"] == 180.0
        confidence = defs["Citation"]["properties"]["confidence"]
        assert (confidence["minimum"], confidence["maximum"]) == (0.0, 1.0)

    def test_defaults(self) -> None:
        """Fields with a default other than absent state it, as the wire writes it."""
        act = EVENT_SCHEMA["$defs"]["RecognitionAct"]["properties"]
        assert act["certainty"]["default"] == "reported"
        assert act["legal_status"]["default"] == "unspecified"
        assert "default" not in act["notes"]

    def test_cameo_codes(self) -> None:
        """A coded event's CAMEO code is one of the codes of the shipped table."""
        codes = EVENT_SCHEMA["$defs"]["CameoCode"]["enum"]
        assert "054" in codes
        assert "54" not in codes

    def test_patterns_are_portable(self) -> None:
        """No pattern uses look-around or a shorthand class whose meaning differs by dialect."""
        patterns = re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', json.dumps(DOSSIER_SCHEMA))
        assert patterns
        for pattern in map(json.loads, patterns):
            assert pattern.startswith("^")
            assert pattern.endswith("$")
            assert not re.search(r"\(\?[=!<]", pattern)
            assert not re.search(r"\\[dDwWsSbB]", pattern)


class TestPatterns:
    """Each pattern accepts exactly what the model's own check accepts."""

    def test_character_sets(self) -> None:
        """The sets spelled out in the patterns are what str.isspace() and category Cc mean."""
        everything = [chr(c) for c in range(0x110000)]

        def members(chars: str) -> set[str]:
            compiled = re.compile(f"[{chars}]")
            return {c for c in everything if compiled.fullmatch(c)}

        spaces = {c for c in everything if c.isspace()}
        control = {c for c in everything if unicodedata.category(c) == "Cc"} - set("\t\n\r")
        assert members(_SPACE) == spaces
        assert members(_CONTROL) == control
        assert members(_INNER_SPACE) == spaces - control

    @pytest.mark.parametrize(
        "form", ["{y}", "{y}-24", "{y}-02-29", "{y}-12-31", "{y}?", "{y}-41~", "{y}/.."]
    )
    def test_when_every_year(self, form: str) -> None:
        """For every four-digit year, the pattern and When.parse agree."""
        for year in range(10000):
            text = form.format(y=f"{year:04d}")
            assert _matches(WHEN_PATTERN, text) == _parses(text), text

    @pytest.mark.parametrize("year", ["0001", "0004", "0100", "0400", "1900", "2000", "2024"])
    def test_when_every_month_and_day(self, year: str) -> None:
        """For every month-like and day-like number, the pattern and When.parse agree."""
        for month in range(100):
            for day in [None, *range(100)]:
                text = f"{year}-{month:02d}" + ("" if day is None else f"-{day:02d}")
                assert _matches(WHEN_PATTERN, text) == _parses(text), text

    @given(st.from_regex(r"\A([0-9.]{1,6}[-/]?){1,4}[?~%]?\Z"))
    @example("2025-07-03/2025-07-02")
    @example("../..")
    def test_when_text(self, text: str) -> None:
        """On EDTF-like text, the pattern and When.parse agree except for interval order."""
        parses = _parses(text)
        if _matches(WHEN_PATTERN, text) and not parses:
            with pytest.raises(ValueError, match="after its end finishes"):
                When.parse(text)
        else:
            assert _matches(WHEN_PATTERN, text) == parses

    @given(st.text(st.characters(codec="utf-8"), max_size=12))
    @example(" x")
    @example("x\n")
    @example("a\u2028b")
    @example("\ufeffx")
    @example("x\x85")
    def test_names(self, text: str) -> None:
        """NAME_PATTERN (within 500 characters) agrees with the name rule."""
        assert _matches(NAME_PATTERN, text) == _accepts(v.name, text)

    @given(st.text(st.characters(codec="utf-8"), max_size=12))
    @example(" \t")
    @example("x\n")
    @example("\u3000x\u3000")
    def test_texts(self, text: str) -> None:
        """TEXT_PATTERN agrees with the free-text rule."""
        assert _matches(TEXT_PATTERN, text) == _accepts(v.text, text)

    @given(st.text(st.characters(codec="utf-8"), max_size=12).map(lambda key: "state:" + key))
    @example("state:AFG")
    @example("state:\xa0")
    @example("State:AFG")
    def test_ids(self, text: str) -> None:
        """The Id pattern agrees with the id rule."""
        pattern = EVENT_SCHEMA["$defs"]["Id"]["pattern"]
        assert _matches(pattern, text) == _accepts(v.identifier, text)

    @given(st.datetimes(min_value=dt.datetime(1, 1, 1)).map(lambda d: d.isoformat() + "Z"))
    @example("2025-07-03T24:00:00Z")
    @example("2024-02-29T23:59:59.123456Z")
    @example("2025-07-03T09:30:00.123Z")
    def test_instants(self, text: str) -> None:
        """INSTANT_PATTERN agrees with the instant reader."""
        assert _matches(INSTANT_PATTERN, text) == _reads_instant(text)


def _parses(text: str) -> bool:
    try:
        When.parse(text)
    except ValueError:
        return False
    return True


def _reads_instant(text: str) -> bool:
    try:
        parse_instant(text)
    except ValueError:
        return False
    return True


# -- schema and loads agree on broken data ------------------------------------------------

#: What loads() rejects although the schema accepts it: the rules docs/wire-format.md lists
#: under "What the schema cannot say". Each is matched against loads' message.
DOCUMENTED_DIFFERENCES = [
    # Rules on the ids of parties and people, which are derived from content when absent.
    r"cannot recognise itself",
    r"cannot withdraw recognition from itself",
    r"cannot designate itself",
    r"sender and receiver are both",
    r"must not include the recognizer or the party recognised",
    r"must differ from both the withdrawer",
    r"cannot both claim and deny",
    r"cannot receive their own credentials",
    r"cannot be their own predecessor",
    r"names '[^']*' twice",
    # Capacities a party cannot be recognised in, and a policy's missing subject.
    r"can be recognised as a government|only a state can be recognised as a state",
    r"not as a representative|is required when the party recognised is an organization",
    r"is required for the stance",
    r"cannot hold a recognition policy on itself",
    r"not the withdrawer",
    # Items equal once defaults and derived ids are filled in.
    r"lists the same item twice",
    # An interval's order.
    r"after its end finishes",
    # JSON Schema counts 694.0 as an integer.
    r"expected an integer, got a number",
    # Lone surrogates.
    r"lone surrogate",
]


def _loads_problems(data: Any, cls: Any = Event) -> list[str]:
    try:
        diplorec.from_dict(data, cls)
    except diplorec.ValidationError as error:
        return [problem.message for problem in error.problems]
    return []


def _assert_agree(data: Any, validator: Any = EVENT_VALIDATOR, cls: Any = Event) -> None:
    schema_ok = validator.is_valid(data)
    problems = _loads_problems(data, cls)
    if schema_ok and problems:
        undocumented = [
            message
            for message in problems
            if not any(re.search(rule, message) for rule in DOCUMENTED_DIFFERENCES)
        ]
        assert not undocumented, f"the schema accepts what loads rejects: {undocumented}"
    elif not schema_ok:
        assert problems, (
            "the schema rejects what loads accepts: "
            f"{[e.message for e in validator.iter_errors(data)][:3]}"
        )


_WIRE = [diplorec.to_dict(event) for event in EVENTS]

_REPLACEMENTS = st.sampled_from(
    [
        None, True, False, 0, 1, -1, 694, 694.0, 1000, 0.5, 1.5, -91.0, 1e300, "", " ", "x",
        " x", "x ", "a\nb", "a\x01b", "x\n", "AFG", "afg", "AF", "Q889", "Q0", "state:AFG",
        "no id", "2025", "2025-02-29", "2024-02-29", "2025-13", "2025-24", "9999-24",
        "2025/2024", "../..", "2025-07-03T09:30:00Z", "2025-07-03T09:30Z", "054", "54",
        "https://example.org/a b", "en", "EN", [], {}, ["x"], [None],
        {"type": "state", "name": "Narnia"}, {"type": "state"}, {"name": "Narnia"},
        {"type": "government", "name": "X", "state": {"type": "state", "name": "Y"}},
    ]
    + [member.value for enum_type in ENUM_TYPES for member in enum_type]
    + [cls.TAG for cls in EVENT_TYPES]
)  # fmt: skip


def _locations(data: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _locations(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _locations(value, (*here, index))


def _at(data: Any, where: tuple[Any, ...]) -> Any:
    for key in where:
        data = data[key]
    return data


@st.composite
def _mutated(draw: st.DrawFn) -> Any:
    """An example event broken (or not) in one to three places."""
    data = copy.deepcopy(draw(st.sampled_from(_WIRE)))
    for _ in range(draw(st.integers(1, 3))):
        places = [where for where in _locations(data) if where]
        where = draw(st.sampled_from(places))
        parent, key = _at(data, where[:-1]), where[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "copy", "duplicate", "pad"]))
        if action == "replace":
            parent[key] = copy.deepcopy(draw(_REPLACEMENTS))
        elif action == "delete" and isinstance(parent, dict):
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "type", "id", "on", "name"]))] = draw(
                _REPLACEMENTS
            )
        elif action == "copy":  # another value of the same document, e.g. a party onto another
            parent[key] = copy.deepcopy(_at(data, draw(st.sampled_from(places))))
        elif action == "duplicate" and isinstance(parent[key], list) and parent[key]:
            parent[key].append(copy.deepcopy(parent[key][0]))
        elif action == "pad" and isinstance(parent[key], str):
            parent[key] = draw(st.sampled_from([" ", "\n", "x", "\t"])) + parent[key]
        if not isinstance(data, dict) or not data:
            break
    return data


class TestAgreement:
    """On broken data, the schema and loads() agree, but for the documented differences."""

    @given(_mutated())
    def test_mutated_examples(self, data: Any) -> None:
        """A mutated example event is rejected by both, accepted by both, or documented."""
        _assert_agree(data)

    @pytest.mark.parametrize(
        ("change", "rule"),
        [
            ({"recognized": {"type": "state", "name": "Russia", "iso3": "RUS"}}, "itself"),
            ({"on": "2025-07-03/2025-07-02"}, "after its end"),
        ],
    )
    def test_documented_differences_are_real(self, change: dict[str, Any], rule: str) -> None:
        """The listed differences exist: the schema accepts these, loads rejects them."""
        recognition = next(d for d in _WIRE if d["type"] == "recognition-act")
        data = recognition | change
        assert EVENT_VALIDATOR.is_valid(data)
        assert any(rule in message for message in _loads_problems(data))

    def test_integral_float(self) -> None:
        """694.0 is an integer to JSON Schema but not to diplorec."""
        state = {"type": "state", "name": "Qatar", "cow": 694.0}
        assert _validator(json_schema(diplorec.State)).is_valid(state)
        assert _loads_problems(state, diplorec.State) == ["expected an integer, got a number"]

    def test_trailing_newline_with_python_re(self) -> None:
        """Python's re lets $ match before a final newline; the ECMA reading does not."""
        state = {"type": "state", "name": "Qatar", "iso3": "QAT\n"}
        schema = json_schema(diplorec.State)
        assert Draft202012Validator(schema).is_valid(state)
        assert not _validator(schema).is_valid(state)
        assert _loads_problems(state, diplorec.State)

    @pytest.mark.parametrize(
        ("level_before", "level_after", "action", "valid"),
        [
            ("minister", "ambassador", "upgraded", True),
            ("ambassador", "minister", "upgraded", False),
            ("ambassador", "ambassador", "downgraded", False),
            ("ambassador", "none", "downgraded", True),
            ("ambassador", "minister", "restored", True),
        ],
    )
    def test_levels_rule(
        self, level_before: str, level_after: str, action: str, valid: bool
    ) -> None:
        """An upgrade must raise the level and a downgrade lower it, in both."""
        data = {
            "type": "relations-change",
            "on": "2024-01-24",
            "parties": [
                {"type": "state", "name": "Nauru", "iso3": "NRU"},
                {"type": "state", "name": "China", "iso3": "CHN"},
            ],
            "action": action,
            "level_before": level_before,
            "level_after": level_after,
        }
        assert EVENT_VALIDATOR.is_valid(data) is valid
        assert (not _loads_problems(data)) is valid

    @pytest.mark.parametrize(
        ("place", "valid"),
        [
            ({"name": "Moscow", "latitude": 55.75, "longitude": 37.62}, True),
            ({"name": "Moscow", "latitude": 55.75}, False),
            ({"name": "Moscow", "latitude": 55.75, "longitude": None}, False),
            ({"name": "Moscow", "latitude": None, "longitude": None}, True),
        ],
    )
    def test_coordinates_rule(self, place: dict[str, Any], valid: bool) -> None:
        """Coordinates come in pairs, in both."""
        validator = _validator(json_schema(diplorec.Place))
        assert validator.is_valid(place) is valid
        assert (not _loads_problems(place, diplorec.Place)) is valid

    @pytest.mark.parametrize(
        ("kind", "valid"), [("switch", True), ("withdrawal", False), (None, False)]
    )
    def test_switch_rule(self, kind: str | None, valid: bool) -> None:
        """Recognition moved in favour of a rival is a switch, in both."""
        china = {"type": "state", "name": "China", "iso3": "CHN"}
        data: dict[str, Any] = {
            "type": "recognition-withdrawal",
            "on": "2024-01-15",
            "withdrawer": {"type": "state", "name": "Nauru", "iso3": "NRU"},
            "recognized": {"type": "government", "name": "Republic of China", "state": china},
            "in_favour_of": {
                "type": "government",
                "name": "People's Republic of China",
                "state": china,
            },
        }
        if kind is not None:
            data["kind"] = kind
        assert EVENT_VALIDATOR.is_valid(data) is valid
        assert (not _loads_problems(data)) is valid


@functools.cache
def _strategy(name: str, **options: Any) -> Any:
    """A strategy of diplorec.strategies, built once (building one is slow)."""
    strategies = pytest.importorskip("diplorec.strategies")
    if not hasattr(strategies, name):
        pytest.skip(f"diplorec.strategies has no {name}")
    return getattr(strategies, name)(**options)


class TestStrategies:
    """Wire data drawn from diplorec.strategies: valid data validates, broken data agrees."""

    @given(st.data())
    def test_valid_wire_events(self, data: st.DataObject) -> None:
        """Every event drawn from wire_events() validates against the schema."""
        event = data.draw(_strategy("wire_events", canonical=False))
        errors = [error.message for error in EVENT_VALIDATOR.iter_errors(event)]
        assert not errors

    @given(st.data())
    def test_invalid_wire_events(self, data: st.DataObject) -> None:
        """Broken events drawn from invalid_wire_events() are judged alike, or documented."""
        drawn = data.draw(_strategy("invalid_wire_events"))
        _assert_agree(drawn[0] if isinstance(drawn, tuple) else drawn)

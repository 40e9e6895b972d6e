"""Tests of diplorec.errors and of the problems reported for bad wire data."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from diplorec import (
    Citation,
    DiplorecError,
    Event,
    FieldError,
    Party,
    Place,
    Problem,
    State,
    ValidationError,
    from_dict,
    loads,
    to_dict,
)
from diplorec.events import EVENT_TYPES
from diplorec.reference import AFGHANISTAN, RUSSIA

RUS = to_dict(RUSSIA)
AFG = to_dict(AFGHANISTAN)
EMIRATE = {"type": "government", "name": "Islamic Emirate of Afghanistan", "state": AFG}
ACT: dict[str, Any] = {
    "type": "recognition-act",
    "on": "2025-07-03",
    "recognizer": RUS,
    "recognized": EMIRATE,
    "form": "express",
}
OFFICIAL = {
    "type": "official",
    "person": {"name": "Andrey Rudenko"},
    "office": "Deputy Minister of Foreign Affairs",
    "on_behalf_of": RUS,
}
MEETING: dict[str, Any] = {
    "type": "meeting",
    "on": "2025-07-03",
    "participants": [RUS, OFFICIAL],
    "sources": [{"source": {"title": "A report", "url": "https://example.org/a"}}],
}
EVENT_TAGS = [cls.TAG for cls in EVENT_TYPES]


def _changed(base: dict[str, Any], *steps: Any, value: Any = None, remove: bool = False) -> Any:
    """A copy of ``base`` with the member at ``steps`` set to ``value`` or removed."""
    data = json.loads(json.dumps(base))  # unlike deepcopy, shares no sub-objects
    parent = data
    for step in steps[:-1]:
        parent = parent[step]
    if remove:
        del parent[steps[-1]]
    else:
        parent[steps[-1]] = value
    return data


def _problems(data: Any, cls: Any = Event) -> list[Problem]:
    with pytest.raises(ValidationError) as info:
        from_dict(data, cls)
    return list(info.value.problems)


def _paths(data: Any, cls: Any = Event) -> list[str]:
    return [problem.path for problem in _problems(data, cls)]


def _text_problems(text: Any, cls: Any = Event) -> list[Problem]:
    with pytest.raises(ValidationError) as info:
        loads(text, cls)
    assert info.value.problems
    return list(info.value.problems)


class TestExceptionTypes:
    """The exception classes and how they print."""

    def test_validation_error_is_a_value_error(self) -> None:
        """ValidationError is both a DiplorecError and a ValueError."""
        assert issubclass(ValidationError, DiplorecError)
        assert issubclass(ValidationError, ValueError)

    def test_field_error_names_the_field(self) -> None:
        """FieldError keeps the field and the reason apart, and prints both."""
        error = FieldError("iso3", "'rus' is not an ISO code")
        assert (error.field, error.reason) == ("iso3", "'rus' is not an ISO code")
        assert str(error) == "iso3: 'rus' is not an ISO code"
        assert isinstance(error, ValueError)

    def test_problem_prints_path_and_message(self) -> None:
        """A Problem prints as 'path: message'."""
        assert str(Problem(path="$.on", message="is required but missing")) == (
            "$.on: is required but missing"
        )

    def test_message_counts_and_lists_problems(self) -> None:
        """The error text counts the problems and lists one per line."""
        error = ValidationError(
            [Problem(path="$.a", message="x"), Problem(path="$.b", message="y")]
        )
        assert str(error) == "2 problems found:\n  $.a: x\n  $.b: y"
        single = ValidationError([Problem(path="$", message="z")])
        assert str(single) == "1 problem found:\n  $: z"

    def test_never_empty(self) -> None:
        """A ValidationError built without problems still has one."""
        assert len(ValidationError([]).problems) == 1


class TestPaths:
    """Each problem names the JSON path of the offending value."""

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            (_changed(ACT, "recognizer", "iso3", value="rus"), "$.recognizer.iso3"),
            (_changed(ACT, "recognized", "state", "cow", value=0), "$.recognized.state.cow"),
            (_changed(ACT, "extra", value=1), "$.extra"),
            (_changed(ACT, "two words", value=1), '$["two words"]'),
            (_changed(ACT, "", value=1), '$[""]'),
            (_changed(ACT, "type", value="recognition"), "$.type"),
            (_changed(ACT, "type", remove=True), "$.type"),
            (_changed(ACT, "on", remove=True), "$.on"),
            (_changed(ACT, "recognizer", "type", value="country"), "$.recognizer.type"),
        ],
    )
    def test_single_problem_path(self, data: Any, path: str) -> None:
        """The one problem is reported at the expected path."""
        assert _paths(data) == [path]

    def test_source_url_path(self) -> None:
        """A bad URL in a citation is at $.sources[0].source.url."""
        data = _changed(MEETING, "sources", 0, "source", "url", value="ftp://x")
        assert _paths(data) == ["$.sources[0].source.url"]

    def test_participant_name_path(self) -> None:
        """An empty name inside the second participant is at $.participants[1].person.name."""
        data = _changed(MEETING, "participants", 1, "person", "name", value="")
        assert _paths(data) == ["$.participants[1].person.name"]

    def test_participant_tag_path(self) -> None:
        """A wrong tag on a participant is at $.participants[0].type."""
        data = _changed(MEETING, "participants", 0, "type", value="person")
        assert _paths(data) == ["$.participants[0].type"]

    def test_array_item_path(self) -> None:
        """A bad item of an array of names is reported at its index."""
        data = _changed(ACT, "recognized", "aliases", value=["Taliban", 7])
        assert _paths(data) == ["$.recognized.aliases[1]"]

    def test_quoted_key_escapes_quotes(self) -> None:
        """A key with a quote is written as a JSON string in the path."""
        assert _paths(_changed(ACT, 'say "hi"', value=1)) == ['$["say \\"hi\\""]']

    def test_top_level_tuple_path(self) -> None:
        """Items of a top-level array are at $[i]."""
        bad = _changed(ACT, "form", value="tacit")
        assert _paths([ACT, bad], tuple[Event, ...]) == ["$[1].form"]

    def test_cross_field_rule_on_the_object(self) -> None:
        """A rule across fields without a single culprit is reported at the object."""
        problems = _problems(_changed(ACT, "recognized", value=RUS))
        assert [(p.path, p.message) for p in problems] == [
            ("$", "'state:RUS' cannot recognise itself")
        ]

    def test_cross_field_rule_naming_a_field(self) -> None:
        """A rule that blames one field is reported at that field."""
        problems = _problems({"name": "Kabul", "latitude": 34.5}, Place)
        assert [p.path for p in problems] == ["$.longitude"]

    def test_cross_field_rule_in_a_nested_object(self) -> None:
        """An envoy sent to its own sender is reported at $.envoy."""
        envoy = {"person": {"name": "Gul Hassan"}, "rank": "ambassador"}
        data = {
            "type": "credential-presentation",
            "on": "2025-07-03",
            "envoy": envoy | {"sending": RUS, "receiving": RUS},
            "document": "true-copy",
        }
        problems = _problems(data)
        assert [p.path for p in problems] == ["$.envoy"]
        assert "sender and receiver" in problems[0].message


class TestEveryProblem:
    """All problems are reported at once, not only the first."""

    def test_several_fields(self) -> None:
        """Problems in different fields and depths are all listed, in document order."""
        data = _changed(ACT, "recognizer", "iso3", value="rus")
        data["recognized"]["state"]["wikidata"] = "889"
        data["form"] = "tacit"
        data["on"] = "July 2025"
        data["extra"] = True
        del data["recognized"]["name"]
        assert _paths(data) == [
            "$.extra",
            "$.on",
            "$.recognizer.iso3",
            "$.recognized.name",
            "$.recognized.state.wikidata",
            "$.form",
        ]

    def test_every_field_of_a_state(self) -> None:
        """Seven bad fields of one state give seven problems."""
        data = {
            "type": "state",
            "id": "bad id",
            "name": " Afghanistan",
            "iso3": "AF",
            "iso2": "afg",
            "cow": 0,
            "gw": 1000,
            "wikidata": "Q0",
            "aliases": ["Taliban", "Taliban"],
        }
        assert _paths(data, State) == [
            "$.id",
            "$.name",
            "$.iso3",
            "$.iso2",
            "$.cow",
            "$.gw",
            "$.wikidata",
            "$.aliases",
        ]

    def test_every_array_item(self) -> None:
        """Each bad item of an array is its own problem."""
        data = _changed(MEETING, "participants", value=[RUS, 1, "x", None])
        assert _paths(data) == ["$.participants[1]", "$.participants[2]", "$.participants[3]"]

    def test_every_event_of_a_list(self) -> None:
        """Problems in several events of a list are all reported."""
        removed = _changed(ACT, "recognizer", remove=True)
        events = [_changed(ACT, "on", value="2025-13"), ACT, removed]
        assert _paths(events, tuple[Event, ...]) == ["$[0].on", "$[2].recognizer"]


# Messages are sentences for people: no Python type names or exception names.
_JARGON = re.compile(
    r"\b(str|int|float|bool|dict|list|NoneType|tuple)\b|Error|Exception|Traceback|cattrs|attrs"
)

MESSAGE_CASES: list[tuple[Any, Any]] = [
    (_changed(ACT, "recognizer", "iso3", value="rus"), Event),
    (_changed(ACT, "recognizer", "iso3", value=3), Event),
    (_changed(ACT, "recognizer", "cow", value=True), Event),
    (_changed(ACT, "recognizer", "cow", value=1.5), Event),
    (_changed(ACT, "recognizer", "aliases", value="abc"), Event),
    (_changed(ACT, "recognizer", value=None), Event),
    (_changed(ACT, "recognizer", value=[]), Event),
    (_changed(ACT, "form", value="EXPRESS"), Event),
    (_changed(ACT, "form", value=1), Event),
    (_changed(ACT, "on", value="2025-02-30"), Event),
    (_changed(ACT, "on", value=20250703), Event),
    (_changed(ACT, "id", value=""), Event),
    (_changed(ACT, "id", value=5), Event),
    (_changed(ACT, "notes", value="\x00"), Event),
    (_changed(ACT, "type", value=None), Event),
    (_changed(ACT, "zzz", value=None), Event),
    ({"name": "x", "latitude": float("nan"), "longitude": 1}, Place),
    ({"name": "x", "latitude": 10**400, "longitude": 1}, Place),
    ({"type": "state", "name": "x", "cow": 10**5000}, State),
    ({"source": {"title": "t", "retrieved": "2025-07-04T09:30:00"}}, Citation),
    (None, Event),
    ([], State),
    ("state", Party),
]


class TestMessages:
    """Messages are plain sentences that say what was expected."""

    @pytest.mark.parametrize(("data", "cls"), MESSAGE_CASES)
    def test_plain_words(self, data: Any, cls: Any) -> None:
        """No message mentions Python types, exception names or library internals."""
        for problem in _problems(data, cls):
            assert problem.message
            assert problem.message == problem.message.strip()
            assert not _JARGON.search(problem.message), problem.message

    def test_wrong_tag_lists_the_allowed_tags(self) -> None:
        """An unknown event tag is explained with every event tag."""
        (problem,) = _problems(_changed(ACT, "type", value="recognition"))
        assert problem.path == "$.type"
        assert problem.message.startswith("'recognition' is not allowed here; expected one of ")
        assert all(repr(tag) in problem.message for tag in EVENT_TAGS)

    def test_missing_tag_lists_the_allowed_tags(self) -> None:
        """A missing event tag says it is missing and lists the event tags."""
        (problem,) = _problems(_changed(ACT, "type", remove=True))
        assert problem.message.startswith("is missing; expected one of ")
        assert all(repr(tag) in problem.message for tag in EVENT_TAGS)

    def test_party_tag_lists_party_tags(self) -> None:
        """A wrong party tag lists exactly 'state', 'government', 'organization'."""
        (problem,) = _problems(_changed(ACT, "recognizer", "type", value="country"))
        assert problem.message == (
            "'country' is not allowed here; expected one of 'state', 'government', 'organization'"
        )

    def test_class_tag_names_the_one_tag(self) -> None:
        """Reading a class directly, a missing tag names that class's tag."""
        (problem,) = _problems({"name": "Qatar"}, State)
        assert (problem.path, problem.message) == ("$.type", "is missing; expected 'state'")

    def test_non_string_tag(self) -> None:
        """A tag that is not a string is shown as JSON would write it."""
        (problem,) = _problems(_changed(ACT, "type", value=None))
        assert problem.message.startswith("null is not allowed here")

    def test_unknown_key_lists_the_fields(self) -> None:
        """An unknown key is named and the fields of the object are listed."""
        (problem,) = _problems({"type": "state", "name": "Qatar", "capital": "Doha"}, State)
        assert problem.path == "$.capital"
        assert problem.message == (
            "is not a field of state; expected one of aliases, cow, gw, id, iso2, iso3, "
            "name, wikidata"
        )

    def test_enum_lists_the_values(self) -> None:
        """A wrong enum value lists the allowed values."""
        (problem,) = _problems(_changed(ACT, "legal_status", value="DE_JURE"))
        assert problem.message == (
            "'DE_JURE' is not a legal status; expected one of 'de-jure', 'de-facto', 'unspecified'"
        )

    def test_wrong_json_type_names_both_types(self) -> None:
        """A wrong JSON type names the expected and the given type in JSON's words."""
        (problem,) = _problems(_changed(ACT, "recognizer", "iso3", value=3))
        assert problem.message == "expected a string, got a number"

    def test_missing_field(self) -> None:
        """A missing required field says so."""
        (problem,) = _problems(_changed(ACT, "recognizer", remove=True))
        assert (problem.path, problem.message) == ("$.recognizer", "is required but missing")

    def test_cameo_code_without_leading_zero(self) -> None:
        """'54' is not a CAMEO code; the message says leading zeros matter."""
        data = {"type": "coded-event", "on": "2025", "cameo": "54", "description": "x"}
        (problem,) = _problems(data)
        assert problem.path == "$.cameo"
        assert "leading zeros matter" in problem.message

    def test_long_values_are_shortened(self) -> None:
        """A very long bad value is not copied whole into the message."""
        (problem,) = _problems(_changed(ACT, "form", value="x" * 10_000))
        assert len(problem.message) < 300


class TestMalformedText:
    """Any text or bytes, however broken, gives a ValidationError and nothing else."""

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "   ",
            "{",
            "{'type': 'state'}",
            '{"type": "state",}',
            "{} x",
            "nul",
            "NaN",
            "Infinity",
            b"\xff\xfe{}",
            b'{"name": "\xc3"}',
            b'{"type": "state", "name": "\xed\xa0\x80"}',
            "\ufeff\ufeff{}",
            "{}\ufeff",
        ],
    )
    def test_invalid_text(self, text: str | bytes) -> None:
        """Invalid JSON text or UTF-8 is one problem at $."""
        problems = _text_problems(text)
        assert [p.path for p in problems] == ["$"]
        assert problems[0].message.startswith(("not valid JSON", "not valid UTF-8"))

    def test_invalid_utf8_names_the_byte(self) -> None:
        """Bytes that are not UTF-8 are reported with their offset."""
        (problem,) = _text_problems(b'{"a": "\xff"}')
        assert problem.message == "not valid UTF-8: byte 7 cannot be decoded"

    @pytest.mark.parametrize("prefix", ["\ufeff", b"\xef\xbb\xbf"])
    def test_byte_order_mark_is_ignored(self, prefix: str | bytes) -> None:
        """A leading byte order mark is ignored (RFC 8259 section 8.1 allows it)."""
        body = '{"type": "state", "name": "Qatar"}'
        text: str | bytes = prefix + body if isinstance(prefix, str) else prefix + body.encode()
        assert loads(text, State) == State(name="Qatar")

    def test_byte_order_mark_before_bad_content(self) -> None:
        """A BOM does not hide problems in what follows it."""
        (problem,) = _text_problems("\ufeff" + '{"type": "state"}', State)
        assert problem.path == "$.name"

    def test_lone_surrogate_escape(self) -> None:
        """A \\ud800 escape decodes to a lone surrogate, which a name cannot hold."""
        (problem,) = _text_problems('{"type": "state", "name": "\\ud800"}', State)
        assert problem.path == "$.name"
        assert "lone surrogate" in problem.message

    def test_raw_lone_surrogate_in_str(self) -> None:
        """A str holding a raw lone surrogate is rejected at its path."""
        (problem,) = _text_problems('{"type": "state", "name": "a\ud800"}', State)
        assert problem.path == "$.name"

    @pytest.mark.parametrize("opener", ["[", '{"a":'])
    def test_deep_nesting(self, opener: str) -> None:
        """100000 nested arrays or objects are one problem at $, not a RecursionError."""
        closer = "]" if opener == "[" else "}"
        (problem,) = _text_problems(opener * 100_000 + "1" + closer * 100_000)
        assert problem.path == "$"
        assert "nested too deeply" in problem.message

    def test_deep_nesting_inside_a_field(self) -> None:
        """Deep nesting in a field's value is caught too."""
        text = '{"type": "state", "name": ' + "[" * 100_000 + "]" * 100_000 + "}"
        (problem,) = _text_problems(text, State)
        assert problem.path == "$"

    def test_huge_integer_text(self) -> None:
        """A number with 5000 digits is one problem at $."""
        (problem,) = _text_problems('{"type": "state", "name": "x", "cow": ' + "9" * 5000 + "}")
        assert problem.path == "$"
        assert "digits" in problem.message

    def test_huge_float_text(self) -> None:
        """1e999 reads as infinity, which no number field accepts."""
        (problem,) = _text_problems('{"name": "x", "latitude": 1e999, "longitude": 0}', Place)
        assert problem.path == "$.latitude"

    @pytest.mark.parametrize(
        ("text", "cls"),
        [
            ("null", Event),
            ("null", State),
            ("[]", Event),
            ("[]", State),
            ("1", Event),
            ("true", Party),
            ('"recognition-act"', Event),
            ("{}", tuple[Event, ...]),
            ("[1]", tuple[Event, ...]),
            ("{}", Event),
        ],
    )
    def test_wrong_top_level_type(self, text: str, cls: Any) -> None:
        """A JSON value of the wrong type at the top is a problem at $ or one level below."""
        problems = _text_problems(text, cls)
        assert all(p.path in ("$", "$.type", "$[0]") for p in problems)

    @pytest.mark.parametrize("value", [None, 123, 1.5, ["{}"], {"type": "state"}, object()])
    def test_loads_of_non_text(self, value: Any) -> None:
        """loads of something that is neither str nor bytes is a ValidationError too."""
        (problem,) = _text_problems(value)
        assert problem.path == "$"

    def test_bytearray_is_text(self) -> None:
        """A bytearray of UTF-8 JSON is read like bytes."""
        assert loads(bytearray(b'{"type":"state","name":"Qatar"}'), State) == State(name="Qatar")


class TestFromDictInputs:
    """from_dict of any Python value gives a ValidationError, never another exception."""

    @pytest.mark.parametrize(
        "value",
        [None, 0, -1, 1.5, float("nan"), "", "x", b"{}", [], [ACT], (), set(), object()],
    )
    def test_non_objects(self, value: Any) -> None:
        """A value that is not an object is one problem at $."""
        assert _paths(value) == ["$"]

    def test_deeply_nested_python_lists(self) -> None:
        """A deeply nested Python list is rejected without recursing into it."""
        nested: list[Any] = []
        for _ in range(100_000):
            nested = [nested]
        assert _paths(_changed(ACT, "conditions", value=nested)) == ["$.conditions[0]"]

    def test_self_referencing_list(self) -> None:
        """A list that contains itself is rejected, not walked for ever."""
        loop: list[Any] = []
        loop.append(loop)
        assert _paths(_changed(ACT, "basis", value=loop)) == ["$.basis[0]"]

    def test_non_string_keys(self) -> None:
        """An integer key is an unknown field, shown in brackets."""
        assert _paths(_changed(ACT, 7, value=1)) == ["$[7]"]


def _string_leaves(data: Any, steps: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The steps to every string in a JSON value."""
    if isinstance(data, dict):
        return [s for key, item in data.items() for s in _string_leaves(item, (*steps, key))]
    if isinstance(data, list):
        return [s for index, item in enumerate(data) for s in _string_leaves(item, (*steps, index))]
    return [steps] if isinstance(data, str) else []


HUGE = 1_000_000
#: A message may quote ~80 characters of a value, plus its path and its sentence.
MESSAGE_BOUND = 1_000


class TestShortMessages:
    """A message quotes at most a short excerpt of a long value, and says how long it is."""

    def test_show_cuts_long_text(self) -> None:
        """show() quotes the first 80 characters and gives the length."""
        from diplorec._wire import show

        shown = show("a" * 81)
        assert shown == "'" + "a" * 80 + "...' (81 characters)"
        assert show("a" * 80) == "'" + "a" * 80 + "'"

    def test_show_escapes_and_stays_short(self) -> None:
        """Escaped characters (control, bidirectional) do not make a quote long."""
        from diplorec._wire import show

        shown = show("\x01\u202e" * 10_000)
        assert len(shown) < 250
        assert "\u202e" not in shown
        assert "\x01" not in shown
        assert shown.endswith("(20,000 characters)")

    def test_long_key_in_a_path(self) -> None:
        """An unknown key of a million characters gives a short path."""
        problems = _problems({**ACT, "k" * HUGE: 1})
        assert len(problems) == 1
        assert problems[0].path.endswith(f'..." ({HUGE:,} characters)]')
        assert len(str(problems[0])) < MESSAGE_BOUND

    @pytest.mark.parametrize(
        "bad", ["Z" * HUGE, " " + "Z" * HUGE, "Z" * HUGE + "\x01", "a:" + "Z" * HUGE]
    )
    def test_every_string_field(self, bad: str) -> None:
        """Whichever string of an event holds a huge bad value, the error stays short."""
        from diplorec.examples.russia_taliban_2025 import EVENTS

        checked = 0
        for event in EVENTS:
            data = to_dict(event)
            for steps in _string_leaves(data):
                with pytest.raises(ValidationError) as info:
                    from_dict(_changed(data, *steps, value=bad), Event)
                assert len(str(info.value)) < MESSAGE_BOUND, steps
                checked += 1
        assert checked > 100

    def test_dossier_document(self) -> None:
        """A huge type or spec version of a Dossier document gives a short message."""
        from diplorec.dossier import Dossier

        for key in ("type", "spec_version"):
            document = {"type": "dossier", "spec_version": "1.0", "events": [], key: "V" * HUGE}
            text = json.dumps(document)
            with pytest.raises(ValidationError) as info:
                loads(text, Dossier)
            assert len(str(info.value)) < MESSAGE_BOUND
            assert f"{HUGE:,} characters" in str(info.value)


class TestProblemLimit:
    """A ValidationError keeps at most MAX_PROBLEMS problems and counts the rest."""

    def test_limit(self) -> None:
        """Past the limit, problems are counted, not kept, and the count is exact."""
        from diplorec.errors import MAX_PROBLEMS

        found = (Problem(path=f"$[{i}]", message="x") for i in range(MAX_PROBLEMS + 7))
        error = ValidationError(found)
        assert len(error.problems) == MAX_PROBLEMS
        assert error.omitted == 7
        lines = str(error).splitlines()
        assert lines[0] == f"{MAX_PROBLEMS + 7} problems found:"
        assert lines[-1] == "  ... and 7 more"
        assert len(lines) == MAX_PROBLEMS + 2

    def test_at_the_limit(self) -> None:
        """Exactly MAX_PROBLEMS problems are all kept, with no 'more' line."""
        from diplorec.errors import MAX_PROBLEMS

        error = ValidationError(Problem(path=f"$[{i}]", message="x") for i in range(MAX_PROBLEMS))
        assert (len(error.problems), error.omitted) == (MAX_PROBLEMS, 0)
        assert "more" not in str(error)

    def test_omitted_adds_up(self) -> None:
        """Problems already dropped elsewhere add to the count."""
        error = ValidationError([Problem(path="$", message="x")], omitted=5)
        assert error.omitted == 5
        assert str(error).splitlines()[0] == "6 problems found:"

    def test_many_unknown_keys(self) -> None:
        """An object with 10,000 unknown keys gives an error of 100 problems, 'and 9,900 more'."""
        data = {**ACT, **{f"k{i}": i for i in range(10_000)}}
        with pytest.raises(ValidationError) as info:
            from_dict(data, Event)
        assert len(info.value.problems) == 100
        assert info.value.omitted == 9_900

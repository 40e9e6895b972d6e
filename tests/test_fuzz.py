"""Malformed input of every kind gets a ValidationError naming where it is wrong, never a crash.

tests/test_converters.py feeds arbitrary JSON to the readers; the tests here go deeper
with the wire strategies: valid data broken in one known place (the error must name
that place), valid data mutated at random, JSON text edited at random, JSON built
from the real field names and tags, and model values with odd field values (whatever
a constructor accepts must survive the wire).
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import (
    Citation,
    Envoy,
    Event,
    FieldError,
    Government,
    Official,
    Organization,
    Participant,
    Party,
    Person,
    Place,
    RecognitionAct,
    RecognitionForm,
    Source,
    State,
    ValidationError,
    When,
    dumps,
    from_dict,
    loads,
    to_dict,
)
from diplorec import strategies as ds
from diplorec.dossier import Dossier
from diplorec.events import EVENT_TYPES

#: The model classes other than events (which the Event union covers, through events()).
ACTOR_CLASSES: list[type] = [
    State,
    Government,
    Organization,
    Person,
    Official,
    Envoy,
    Place,
    Source,
    Citation,
]
WIRE_CLASSES: list[type] = [*ACTOR_CLASSES, *EVENT_TYPES]
TARGETS: list[Any] = [*ACTOR_CLASSES, Event, Party, Participant, tuple[Event, ...], Dossier]


def _paths(error: ValidationError) -> list[str]:
    return [problem.path for problem in error.problems]


def _read(data: Any, target: Any) -> Any:
    """from_dict(data, target): a value, or the ValidationError (any other exception escapes)."""
    try:
        return from_dict(data, target)
    except ValidationError as error:
        return error


def _loads(text: str | bytes, target: Any) -> Any:
    """loads(text, target): a value, or the ValidationError (any other exception escapes)."""
    try:
        return loads(text, target)
    except ValidationError as error:
        return error


class TestBrokenInOnePlace:
    """Valid data broken in one known place is refused, and the error names that place."""

    @given(ds.invalid_wire_events())
    def test_events(self, case: tuple[Any, str]) -> None:
        """from_dict and loads raise ValidationError with the broken path among the problems."""
        data, path = case
        with pytest.raises(ValidationError) as caught:
            from_dict(data, Event)
        assert path in _paths(caught.value)
        with pytest.raises(ValidationError) as caught:
            loads(json.dumps(data, ensure_ascii=False), Event)
        assert path in _paths(caught.value)

    @pytest.mark.parametrize("cls", ACTOR_CLASSES, ids=lambda cls: cls.__name__)
    @given(data=st.data())
    def test_other_classes(self, cls: type, data: st.DataObject) -> None:
        """Broken data of the other model classes is refused with the broken path named."""
        broken, path = data.draw(ds.invalid_wire_dicts(cls))
        with pytest.raises(ValidationError) as caught:
            from_dict(broken, cls)
        assert path in _paths(caught.value)


_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_JSON = st.recursive(
    _JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _containers(node: Any, found: list[Any]) -> list[Any]:
    """Every non-empty object and array in ``node``, itself included."""
    if isinstance(node, (dict, list)) and node:
        found.append(node)
        for item in node.values() if isinstance(node, dict) else node:
            _containers(item, found)
    return found


@st.composite
def _mutated(draw: st.DrawFn, data: Any) -> Any:
    """``data`` with one to four random edits: a value replaced, a key dropped or added."""
    data = json.loads(json.dumps(data))
    for _ in range(draw(st.integers(1, 4))):
        holders = _containers(data, [])
        if not holders:
            return draw(_JSON)
        node = draw(st.sampled_from(holders))
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = draw(st.sampled_from(keys))
        edit = draw(st.sampled_from(["replace", "drop", "add", "retag", "wrap"]))
        if edit == "replace":
            node[key] = draw(_JSON)
        elif edit == "drop":
            del node[key]
        elif edit == "add" and isinstance(node, dict):
            node[draw(st.text(max_size=6))] = draw(_JSON)
        elif edit == "retag" and isinstance(node, dict):
            node["type"] = draw(st.sampled_from([cls.TAG for cls in EVENT_TYPES] + ["state"]))
        else:
            node[key] = [node[key]]
    return data


class TestRandomMutations:
    """Valid data mutated at random reads as a value that round-trips, or as a ValidationError."""

    @given(ds.wire_events().flatmap(_mutated))
    def test_mutated_events(self, data: Any) -> None:
        """Whatever reads as an event writes back and reads again as the same event."""
        value = _read(data, Event)
        if isinstance(value, ValidationError):
            assert value.problems
        else:
            assert from_dict(to_dict(value), Event) == value

    @given(ds.event_sequences(max_size=3), st.data())
    def test_mutated_dossiers(self, events: tuple[Event, ...], data: st.DataObject) -> None:
        """A mutated dossier document reads as a dossier or raises a ValidationError."""
        document = data.draw(_mutated(Dossier.from_events(events).to_document()))
        value = _read(document, Dossier)
        if isinstance(value, ValidationError):
            assert value.problems
        else:
            assert from_dict(to_dict(value), Dossier) == value

    @given(ds.wire_events(), st.data())
    def test_edited_text(self, wire: dict[str, Any], data: st.DataObject) -> None:
        """JSON text with characters cut, inserted or replaced reads as a value or is refused."""
        text = json.dumps(wire, ensure_ascii=False)
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 8)))
        inserted = data.draw(st.text(max_size=4) | st.sampled_from(['"', "\\", "\\u", "{", "]"]))
        edited = text[:start] + inserted + text[end:]
        for form in (edited, edited.encode("utf-8", "surrogatepass")):
            value = _loads(form, Event)
            assert isinstance(value, EVENT_TYPES) or value.problems

    @given(ds.wire_events(), st.binary(min_size=1, max_size=4), st.data())
    def test_edited_bytes(self, wire: dict[str, Any], junk: bytes, data: st.DataObject) -> None:
        """UTF-8 text with arbitrary bytes spliced in reads as a value or is refused."""
        raw = json.dumps(wire, ensure_ascii=False).encode("utf-8")
        at = data.draw(st.integers(0, len(raw)))
        value = _loads(raw[:at] + junk + raw[at:], Event)
        assert isinstance(value, EVENT_TYPES) or value.problems


def _field_names() -> list[str]:
    found = {field.name for cls in WIRE_CLASSES for field in attrs.fields(cls)}
    return sorted(found | {"type", "spec_version", "events"})


_TAGS = sorted({getattr(cls, "TAG", "") for cls in WIRE_CLASSES} - {""} | {"dossier"})
_NEAR_JSON = st.recursive(
    _JSON_LEAVES | st.sampled_from(_TAGS) | st.sampled_from(["2025-07-03", "Q889", "AFG", "a:b"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(_field_names()), children, max_size=6)
    ),
    max_leaves=30,
)


class TestNearlyValidJson:
    """JSON built from the real field names, tags and values is read or refused, never a crash."""

    @pytest.mark.parametrize("target", TARGETS, ids=str)
    @given(data=_NEAR_JSON)
    def test_read_or_refused(self, target: Any, data: Any) -> None:
        """from_dict returns a value that round-trips, or raises ValidationError."""
        value = _read(data, target)
        if isinstance(value, ValidationError):
            assert value.problems
        else:
            assert loads(dumps(value), target) == value


_ODD_VALUES = st.one_of(
    st.text(max_size=8),
    st.text(st.characters(codec=None), max_size=8),
    st.sampled_from(["", " ", "\x00", "\ud800", "a:\udc00", "x\u2028", "\ufeff", "k:\x00"]),
    st.sampled_from(["Q1", "AFG", "a:b", "http://x", "en", "054", "2025"]),
    st.integers(-5, 2000),
    st.floats(),
    st.booleans(),
    st.none(),
)


class TestAcceptedMeansWritable:
    """Whatever a constructor accepts, the wire format writes and reads back equal."""

    @pytest.mark.parametrize("cls", [*ACTOR_CLASSES, Event], ids=str)
    @given(data=st.data())
    def test_odd_field_values(self, cls: Any, data: st.DataObject) -> None:
        """A value rebuilt with one odd field value is refused, or survives dumps and loads."""
        value = from_dict(data.draw(ds.wire_dicts(cls)), cls)
        fields = attrs.fields(type(value))
        name = data.draw(st.sampled_from([field.name for field in fields]))
        odd = data.draw(_ODD_VALUES)
        try:
            changed = attrs.evolve(value, **{name: odd})
        except (ValueError, TypeError):
            return
        assert loads(dumps(changed), cls) == changed


class TestLoneSurrogates:
    """Regression: a lone surrogate cannot be written as UTF-8, so no model accepts one."""

    @pytest.mark.parametrize(
        "build",
        [
            lambda: State(name="Afghanistan", id="state:\ud800"),
            lambda: Source(title="Report", id="source:\udfff"),
            lambda: Source(title="Report", url="https://example.org/\ud800"),
            lambda: RecognitionAct(
                on=When.parse("2025-07-03"),
                recognizer=State(name="Russia", iso3="RUS"),
                recognized=State(name="Afghanistan", iso3="AFG"),
                form=RecognitionForm.EXPRESS,
                basis=("meeting:\udc00",),
            ),
        ],
        ids=["state id", "source id", "source url", "event link"],
    )
    def test_refused_with_a_field_error(self, build: Any) -> None:
        """The constructor raises FieldError (before, ids passed and the round trip failed)."""
        with pytest.raises(FieldError, match="lone surrogate"):
            build()

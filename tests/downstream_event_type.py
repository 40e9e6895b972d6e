"""A downstream event type, registered the way code outside diplorec registers one.

Not collected with the rest of the suite (its name does not start with ``test_``): a
registration changes the ``Event`` union for the whole interpreter, so
``tests/test_extending.py`` runs this module with pytest in an interpreter of its own.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import diplorec
from diplorec import Event, EventBase, Party, ValidationError, register_event_type
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.reference import AFGHANISTAN, RUSSIA
from diplorec.strategies import events


def _city(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value or value != value.strip():
        raise ValueError(f"{value!r} is not a city name")


@register_event_type
@attrs.frozen(kw_only=True)
class ConsulateOpening(EventBase):
    """A party opens a consulate in a city of another party."""

    TAG: ClassVar[str] = "consulate-opening"
    IDENTITY: ClassVar[tuple[str, ...]] = ("sending", "receiving", "city")

    sending: Party
    receiving: Party
    city: str = attrs.field(validator=_city)

    def _check(self) -> None:
        if self.sending.id == self.receiving.id:
            message = f"{self.sending.id!r} cannot open a consulate in its own territory"
            raise ValueError(message)


OPENING = ConsulateOpening(
    on=diplorec.When.parse("2025-09"),
    sending=RUSSIA,
    receiving=AFGHANISTAN,
    city="Mazar-i-Sharif",
)

st.register_type_strategy(
    ConsulateOpening,
    st.builds(
        ConsulateOpening,
        on=st.from_type(diplorec.When),
        sending=st.just(RUSSIA),
        receiving=st.just(AFGHANISTAN),
        city=st.sampled_from(["Mazar-i-Sharif", "Herat", "Kandahar"]),
    ),
)


class TestRegistration:
    """Registration checks the class and its tag."""

    def test_tag_taken(self) -> None:
        """A second class with a tag already in use is refused."""

        @attrs.frozen(kw_only=True)
        class Rival(EventBase):
            TAG: ClassVar[str] = "meeting"

        with pytest.raises(ValueError, match="already taken"):
            register_event_type(Rival)

    def test_not_an_event(self) -> None:
        """A class that does not subclass EventBase is refused."""
        with pytest.raises(ValueError, match=r"subclass diplorec\.EventBase"):
            register_event_type(diplorec.State)  # type: ignore[type-var]

    def test_not_an_attrs_class(self) -> None:
        """A subclass without its own attrs decorator is refused."""

        class Plain(EventBase):
            TAG: ClassVar[str] = "plain-event"

        with pytest.raises(ValueError, match="not an attrs class"):
            register_event_type(Plain)

    def test_again_is_harmless(self) -> None:
        """Registering the same class twice changes nothing."""
        before = diplorec.events.event_types()
        assert register_event_type(ConsulateOpening) is ConsulateOpening
        assert diplorec.events.event_types() == before


class TestRoundTrips:
    """The registered type is an Event everywhere the package reads and writes events."""

    def test_loads(self) -> None:
        """loads(dumps(x), Event) gives x back, tagged with its own type."""
        text = diplorec.dumps(OPENING)
        assert json.loads(text)["type"] == "consulate-opening"
        assert diplorec.loads(text, Event) == OPENING

    def test_bad_data_is_explained(self) -> None:
        """A broken record names the path of what is wrong."""
        data = diplorec.to_dict(OPENING)
        data["city"] = " Herat"
        with pytest.raises(ValidationError) as raised:
            diplorec.from_dict(data, Event)
        assert [problem.path for problem in raised.value.problems] == ["$.city"]

    def test_read_jsonl(self, tmp_path: Path) -> None:
        """read_jsonl reads it among built-in events."""
        path = tmp_path / "events.jsonl"
        events_written = [OPENING, *EVENTS[:2]]
        diplorec.write_jsonl(events_written, path)
        assert list(diplorec.read_jsonl(path)) == events_written

    def test_json_schema(self) -> None:
        """The schema of Event lists the type, and its wire form validates against it."""
        schema = diplorec.json_schema()
        assert {"$ref": "#/$defs/ConsulateOpening"} in schema["$defs"]["Event"]["oneOf"]
        jsonschema.Draft202012Validator(schema).validate(diplorec.to_dict(OPENING))
        broken = diplorec.to_dict(OPENING) | {"city": 7}
        assert not jsonschema.Draft202012Validator(schema).is_valid(broken)

    def test_dossier(self) -> None:
        """A dossier holds it and reads its document back."""
        dossier = diplorec.Dossier(events=(OPENING,))
        assert diplorec.Dossier.from_document(dossier.to_document()) == dossier
        assert dossier.of_type("consulate-opening") == (OPENING,)

    def test_cli_validate(self, tmp_path: Path) -> None:
        """The command line validates a file holding it."""
        from diplorec.cli import main

        path = tmp_path / "events.jsonl"
        diplorec.write_jsonl([OPENING], path)
        assert main(["validate", str(path)]) == 0

    @settings(max_examples=20, deadline=None)
    @given(events(types=ConsulateOpening))
    def test_strategies(self, event: Any) -> None:
        """strategies.events() draws it, and what it draws round-trips."""
        assert isinstance(event, ConsulateOpening)
        assert diplorec.loads(diplorec.dumps(event), Event) == event

    def test_events_draw_it_among_the_others(self) -> None:
        """strategies.events() without types draws it too (it is among the choices)."""
        found = find(
            events(),
            lambda event: isinstance(event, ConsulateOpening),
            settings=settings(max_examples=500, database=None, deadline=None),
        )
        assert isinstance(found, ConsulateOpening)


def test_stream_of_text() -> None:
    """A JSON Lines stream in memory reads the registered type too."""
    buffer = io.StringIO(diplorec.dumps(OPENING) + "\n")
    assert list(diplorec.read_jsonl(buffer)) == [OPENING]

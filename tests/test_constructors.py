"""The constructors take what people type: EDTF text for dates, values for enum members.

The wire format stays strict: ``from_dict``, ``loads`` and ``read_jsonl`` refuse what
they refused before, and the fast reader still builds records without the converters.
"""

from __future__ import annotations

import enum
import io
import json
import os
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import (
    DiplomaticRank,
    Envoy,
    Event,
    FieldError,
    LegalStatus,
    Person,
    RecognitionAct,
    RecognitionForm,
    Source,
    ValidationError,
    When,
    from_dict,
    loads,
    read_jsonl,
    to_dict,
)
from diplorec._convert import Lenient
from diplorec._fastpath import _plain_init
from diplorec._registry import MODEL_CLASSES
from diplorec.reference import AFGHANISTAN, RUSSIA
from diplorec.strategies import envoys, events, governments, sources

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def _act(**changes: Any) -> RecognitionAct:
    fields: dict[str, Any] = {"on": "2019-03-14", "recognizer": RUSSIA, "recognized": AFGHANISTAN}
    return RecognitionAct(**(fields | changes))


def _as_typed(value: Any) -> Any:
    """``value`` rebuilt with every date and enum member given as text, as people type."""
    if isinstance(value, tuple):
        return tuple(_as_typed(item) for item in value)
    if not attrs.has(type(value)):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if isinstance(field.converter, Lenient) and isinstance(current, When):
            changes[field.name] = str(current)
        elif isinstance(field.converter, Lenient) and isinstance(current, enum.Enum):
            changes[field.name] = str(current.value)
        else:
            changes[field.name] = _as_typed(current)
    return attrs.evolve(value, **changes)


def _declared(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _converted_kind(tp: Any) -> type | None:
    """When or the enum a field of type ``tp`` holds (also inside ``X | None``), else None."""
    args = [arg for arg in typing.get_args(tp) if arg is not type(None)] or [tp]
    kind = args[0] if len(args) == 1 else None
    if isinstance(kind, type) and (kind is When or issubclass(kind, enum.Enum)):
        return kind
    return None


class TestDatesAsText:
    """A date field takes EDTF text and holds the ``When`` it means."""

    def test_day(self) -> None:
        """``on="2019-03-14"`` is ``When.parse("2019-03-14")``."""
        act = _act(on="2019-03-14")
        assert type(act.on) is When
        assert act.on == When.parse("2019-03-14")

    def test_month_and_uncertain(self) -> None:
        """``announced="2019-03"`` keeps month precision; ``"2025-40"`` the first half."""
        act = _act(on="2025-40", announced="2019-03?")
        assert act.announced == When.parse("2019-03?")
        assert act.on == When.parse("2025-40")

    def test_none_stays_none(self) -> None:
        """An optional date left out, or given as None, is None."""
        assert _act(announced=None).announced is None

    def test_same_record_and_id(self) -> None:
        """Text and ``When`` build equal records with the same derived id."""
        assert _act(on="2019-03-14") == _act(on=When.parse("2019-03-14"))
        assert _act(on="2019-03-14").id == _act(on=When.parse("2019-03-14")).id

    def test_actors_and_sources(self) -> None:
        """A government's time in power and a source's date take text too."""
        source = Source(title="Statement", published="2019-03-14")
        assert source.published == When.parse("2019-03-14")
        government = diplorec.Government(name="X", state=AFGHANISTAN, in_power="2021-08-15/..")
        assert government.in_power == When.parse("2021-08-15/..")


class TestEnumValues:
    """An enum field takes one of its values and holds the member."""

    def test_members(self) -> None:
        """``form="express"`` and ``legal_status="de-jure"`` are the members themselves."""
        act = _act(form="express", legal_status="de-jure", instrument="statement")
        assert act.form is RecognitionForm.EXPRESS
        assert act.legal_status is LegalStatus.DE_JURE
        assert act.instrument is diplorec.RecognitionInstrument.STATEMENT

    def test_actor_enum(self) -> None:
        """An envoy's ``rank="ambassador"`` is ``DiplomaticRank.AMBASSADOR``."""
        envoy = Envoy(
            person=Person(name="A"), sending=RUSSIA, receiving=AFGHANISTAN, rank="ambassador"
        )
        assert envoy.rank is DiplomaticRank.AMBASSADOR

    def test_member_of_another_enum_is_refused(self) -> None:
        """A member of a different enum is not converted, even when its value would fit."""
        with pytest.raises(FieldError, match="legal_status") as caught:
            _act(legal_status=RecognitionForm.UNSPECIFIED)
        assert caught.value.field == "legal_status"


@st.composite
def _records(draw: st.DrawFn) -> Any:
    return draw(st.one_of(events(), envoys(), sources(), governments()))


class TestBothSpellingsAgree:
    """For every record, the text spelling of its dates and members builds an equal one."""

    @given(_records())
    def test_text_builds_an_equal_record(self, record: Any) -> None:
        """Rebuilding any record with its dates and members as text gives it back."""
        assert _as_typed(record) == record

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_every_date_and_enum_field_converts(self, cls: type) -> None:
        """Each field declared as a ``When`` or an enum (or None) has a text converter."""
        declared = _declared(cls)
        for field in attrs.fields(cls):
            if _converted_kind(declared[field.name]) is not None:
                assert isinstance(field.converter, Lenient), f"{cls.__name__}.{field.name}"

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_no_other_field_converts(self, cls: type) -> None:
        """No other field converts anything: names, ids and parties are taken as given."""
        declared = _declared(cls)
        for field in attrs.fields(cls):
            if _converted_kind(declared[field.name]) is None:
                assert field.converter is None, f"{cls.__name__}.{field.name}"


#: (field, bad text) pairs a constructor and the wire reader both refuse.
BAD_TEXT = [
    ("on", "2019-13-45"),
    ("on", "14 March 2019"),
    ("on", ""),
    ("announced", "2019-02-30"),
    ("form", "Express"),
    ("form", "bogus"),
    ("legal_status", "de jure"),
    ("instrument", "x" * 300),
]


class TestBadTextAsTheWireSaysIt:
    """Text that is not valid is a FieldError naming the field, in the wire's words."""

    @pytest.mark.parametrize(("field", "text"), BAD_TEXT)
    def test_same_message_as_the_wire(self, field: str, text: str) -> None:
        """The constructor's reason is the wire reader's message at ``$.<field>``."""
        with pytest.raises(FieldError) as built:
            _act(**{field: text})
        wire = to_dict(_act()) | {field: text}
        with pytest.raises(ValidationError) as read:
            from_dict(wire, Event)
        assert built.value.field == field
        assert [str(p) for p in read.value.problems] == [f"$.{field}: {built.value.reason}"]

    def test_message_quotes_a_short_excerpt(self) -> None:
        """A long bad value is quoted in part only."""
        with pytest.raises(FieldError) as built:
            _act(form="x" * 10_000)
        assert len(str(built.value)) < 300

    def test_other_types_keep_their_message(self) -> None:
        """A number for a date is not text: the validator refuses it as before."""
        with pytest.raises(FieldError, match=r"^on: expected When, got int$"):
            _act(on=20190314)


class TestWireStaysStrict:
    """The wire reader refuses what it refused before the constructors took text."""

    def _line(self, **changes: Any) -> str:
        return json.dumps(to_dict(_act()) | changes)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"form": "Express"}, "$.form: 'Express' is not a recognition form;"),
            ({"form": "EXPRESS"}, "$.form: 'EXPRESS' is not a recognition form;"),
            ({"on": 20190314}, "$.on: expected a date string such as '2025-07-03', got a number"),
            ({"legal_status": 1}, "$.legal_status: expected a string naming a legal status"),
            ({"announced": ["2019"]}, "$.announced: expected a date string"),
        ],
    )
    def test_loads_and_read_jsonl_refuse(self, changes: dict[str, Any], message: str) -> None:
        """``loads`` and ``read_jsonl`` refuse a wrong-case value or a number for a date."""
        line = self._line(**changes)
        with pytest.raises(ValidationError) as loaded:
            loads(line, Event)
        assert str(loaded.value.problems[0]).startswith(message)
        with pytest.raises(ValidationError) as streamed:
            list(read_jsonl(io.StringIO(line + "\n"), Event))
        assert message in str(streamed.value)

    def test_valid_text_is_read_as_before(self) -> None:
        """A valid record reads into the same value either way."""
        assert loads(self._line(), Event) == _act()

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_reader_builds_without_the_converters(self, cls: type) -> None:
        """The fast reader still sets the fields directly: converters cost it nothing."""
        assert _plain_init(cls, attrs.fields(cls))


def _mypy(*files: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MYPYPATH"}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.devnull, *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


class TestTypes:
    """``mypy --strict`` accepts both spellings in downstream code, and still catches misuse."""

    def test_both_spellings_build_equal_records(self) -> None:
        """The downstream module's two spellings build the same records."""
        sys.path.insert(0, str(HERE))
        try:
            import downstream_constructors as module
        finally:
            sys.path.remove(str(HERE))
        assert module.typed() == module.typed_as_text()

    def test_runtime_signature(self) -> None:
        """``help()`` and ``inspect`` show what mypy is told: the type, or text."""
        hints = typing.get_type_hints(RecognitionAct.__init__)
        assert hints["on"] == When | str
        assert hints["announced"] == When | str | None
        assert hints["form"] is str
        assert hints["instrument"] == str | None
        assert hints["recognizer"] == typing.get_type_hints(RecognitionAct)["recognizer"]

    def test_mypy_strict_accepts_both(self, tmp_path: Path) -> None:
        """The downstream module type-checks; a number for a date does not."""
        wrong = tmp_path / "wrong.py"
        wrong.write_text(
            "from diplorec import RecognitionAct\n"
            "from diplorec.reference import AFGHANISTAN, RUSSIA\n"
            "act = RecognitionAct(on=20190314, recognizer=RUSSIA, recognized=AFGHANISTAN)\n"
            "print(act.on.precision)\n",
            encoding="utf-8",
        )
        good = _mypy(HERE / "downstream_constructors.py")
        assert good.returncode == 0, good.stdout + good.stderr
        bad = _mypy(wrong)
        assert bad.returncode == 1
        assert 'Argument "on" to "RecognitionAct" has incompatible type "int"' in bad.stdout

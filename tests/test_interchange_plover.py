"""PLOVER / POLECAT records: written to the manual's data format, read back without loss."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from diplorec import (
    CodedEvent,
    DiplomaticTies,
    Event,
    Government,
    RecognitionAct,
    RecognitionForm,
    Stance,
    State,
    Statement,
    ValidationError,
    When,
    strategies,
)
from diplorec._cameo import plover_vocabulary
from diplorec.examples import russia_taliban_2025 as example
from diplorec.interchange.plover import (
    EXTENSION,
    from_plover,
    read_plover,
    to_plover,
    write_plover,
)

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "polecat" / "sample.jsonl"
GOLDEN = FIXTURES / "plover" / "recognition_record.json"

#: The record fields the PLOVER 0.8 manual's "PLOVER JSON" table defines.
MANUAL_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
}  # fmt: skip
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text"}


DENIAL = Statement(on=When.parse("2025"), speaker=State(name="A", iso3="XAA"), stance=Stance.DENIES)


def through_json(record: dict[str, Any]) -> dict[str, Any]:
    """The record as another program would see it: written as JSON text and parsed."""
    parsed: dict[str, Any] = json.loads(json.dumps(record))
    return parsed


def standard_only(record: dict[str, Any]) -> dict[str, Any]:
    """The record without diplorec's extension fields, as another coder would write it."""
    return {key: value for key, value in record.items() if key not in (EXTENSION, "cameo")}


class TestRoundTrip:
    """Nothing diplorec can hold is lost between diplorec and PLOVER records."""

    @given(strategies.events())
    def test_every_event(self, event: Event) -> None:
        """Any event written as a PLOVER record and read back is equal to itself."""
        assert from_plover(through_json(to_plover(event))) == event

    def test_worked_example_through_a_file(self) -> None:
        """The worked example survives JSON Lines, gzip-compressed too."""
        buffer = io.BytesIO()
        assert write_plover(example.EVENTS, buffer) == len(example.EVENTS)
        assert list(read_plover(io.BytesIO(buffer.getvalue()))) == list(example.EVENTS)
        packed = io.BytesIO(gzip.compress(buffer.getvalue()))
        assert list(read_plover(packed)) == list(example.EVENTS)

    def test_text_output(self) -> None:
        """write_plover writes text to a text file too."""
        out = io.StringIO()
        write_plover([example.RECOGNITION], out)
        assert json.loads(out.getvalue())["id"] == example.RECOGNITION.id


class TestRecordFormat:
    """Records carry the manual's fields, in its vocabulary; extensions only where allowed."""

    def test_golden_recognition(self) -> None:
        """The worked example's recognition writes exactly the golden record."""
        golden = json.loads(GOLDEN.read_text("utf-8"))
        assert through_json(to_plover(example.RECOGNITION)) == golden

    @given(strategies.events())
    def test_fields_and_vocabulary(self, event: Event) -> None:
        """Standard fields are the manual's; event, mode and context are PLOVER 0.8 words."""
        record = to_plover(event)
        assert set(record) - {EXTENSION, "cameo"} <= MANUAL_FIELDS
        assert {"id", "date", "actor", "event"} <= set(record)
        for entity in record["actor"] + record.get("recipient", []):
            assert set(entity) <= ENTITY_FIELDS
        vocabulary = plover_vocabulary()
        for category in record["event"]:
            assert category in vocabulary.events
            assert record["quad_code"] == vocabulary.quad_classes[category]
            assert set(record.get("mode", [])) <= set(vocabulary.modes[category])
        assert set(record.get("context", [])) <= set(vocabulary.contexts)
        assert record["has_event"] is bool(record["event"])

    def test_month_gives_a_date_range(self) -> None:
        """A date known to the month is its first day, with the last day as enddate."""
        record = to_plover(example.US_TALIBAN_MEETING)
        assert (record["date"], record["enddate"]) == ("2025-03-01", "2025-03-31")

    @pytest.mark.parametrize("event", [example.CHINA_TIES, DENIAL])
    def test_no_plover_event(self, event: Event) -> None:
        """Ties (a state of affairs) and a denial (CAMEO 016) are has_event false."""
        record = to_plover(event)
        assert record["has_event"] is False
        assert record["event"] == []
        assert from_plover(record) == event

    def test_government_entity(self) -> None:
        """A government is its state's code with the GOV sector and its own name."""
        record = to_plover(example.RECOGNITION)
        assert record["recipient"] == [
            {"code": "AFG", "sector": "GOV", "entity_text": "Islamic Emirate of Afghanistan"}
        ]
        assert record["actor"][0]["identifier_id"] == "Q159"


class TestOtherCodersRecords:
    """Records without diplorec's extension are read from the standard fields."""

    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()]

    def test_manual_minimal_example(self) -> None:
        """The manual's minimal record reads as CAMEO 040 (consult), USA with Canada."""
        event = from_plover(self.records()[0])
        assert isinstance(event, CodedEvent)
        assert (event.id, str(event.on), event.cameo) == (
            "plover:PHOXv1-20160724-0042",
            "2016-07-24",
            "040",
        )
        assert (event.actor.id, event.target.id) == ("state:USA", "state:CAN")  # type: ignore[union-attr]
        assert event.notes is None  # 040 is the only code of CONSULT without mode or context

    def test_full_record(self) -> None:
        """Entities, place, citation and comment are read; an ambiguous coding is noted."""
        event = from_plover(self.records()[1])
        assert isinstance(event, CodedEvent)
        assert event.cameo == "050"
        assert "CAMEO 050 chosen for PLOVER SUPPORT (diplomatic)" in (event.notes or "")
        assert event.actor == Government(name="Russian Foreign Ministry", state=event.actor.state)  # type: ignore[union-attr]
        assert isinstance(event.target, Government)
        assert event.target.id == "government:AFG:islamic-emirate-of-afghanistan"
        assert event.place is not None
        assert (event.place.name, event.place.country.iso3) == ("Moscow", "RUS")  # type: ignore[union-attr]
        (citation,) = event.sources
        assert citation.source.url == "https://example.org/2025/07/03/russia-afghanistan"
        assert citation.source.publisher == "Example Wire"
        assert event.description.startswith("Russia accepted the credentials")

    def test_wikidata_identifier(self) -> None:
        """An entity's Wikidata id is kept; an identifier of another scheme is not taken for one."""
        record = {
            "id": "x",
            "date": "2025-07-03",
            "event": ["CONSULT"],
            "actor": [{"code": "RUS", "identifier_id": "Q159"}],
            "recipient": [{"entity_text": "A movement", "identifier_id": "M-17"}],
        }
        event = from_plover(record)
        assert isinstance(event, CodedEvent)
        assert event.actor is not None
        assert (event.actor.id, event.actor.wikidata) == ("state:RUS", "Q159")
        assert event.target is not None
        assert (event.target.name, event.target.wikidata) == ("A movement", None)

    def test_recognition_is_typed(self) -> None:
        """CAMEO 054 is a recognition: reported, its form unspecified (PLOVER does not say)."""
        record = {**self.records()[1], "cameo": "054"}
        event = from_plover(record)
        assert isinstance(event, RecognitionAct)
        assert event.certainty.value == "reported"
        assert event.form is RecognitionForm.UNSPECIFIED
        assert event.recognized.id == "government:AFG:islamic-emirate-of-afghanistan"

    def test_recognition_needs_both_parties(self) -> None:
        """Without a recipient, 054 stays a coded event: there is no one recognised."""
        record = {**self.records()[1], "cameo": "054", "recipient": []}
        assert isinstance(from_plover(record), CodedEvent)

    def test_mode_and_demand(self) -> None:
        """ACCUSE/disapprove reads as 110; the pre-0.8 DEMAND is REQUEST."""
        assert from_plover(self.records()[2]).cameo == "110"  # type: ignore[union-attr]
        demand = from_plover(self.records()[4])
        assert isinstance(demand, CodedEvent)
        assert demand.cameo.startswith("10")

    def test_values_outside_the_vocabulary_are_noted(self) -> None:
        """A mode or context PLOVER 0.8 lacks is kept in the notes, not silently dropped."""
        record = {"id": "x", "date": "2025-02-01", "event": ["SANCTION"],
                  "mode": ["sever"], "context": ["humanitarian"]}  # fmt: skip
        event = from_plover(record)
        assert "Not PLOVER 0.8 values for SANCTION: 'sever', 'humanitarian'." in (event.notes or "")

    def test_reader_counts_everything(self) -> None:
        """Good, skipped (no event) and bad lines add up to the lines read."""
        with SAMPLE.open("rb") as stream:
            reader = read_plover(stream, errors="collect")
            events = list(reader)
        assert len(events) == 4
        assert reader.skipped == 1
        assert [bad.line for bad in reader.bad_lines] == [6, 7]
        assert reader.valid + reader.skipped + len(reader.bad_lines) == reader.lines_read == 7
        assert "'PRAISE' is not a PLOVER event" in str(reader.bad_lines[0])
        assert str(reader.bad_lines[1]).startswith("line 7: $.date: '2025-7-8' is not a date")

    def test_raise_mode(self) -> None:
        """By default the first bad line raises, naming its line."""
        with pytest.raises(ValidationError, match=r"line 6: \$\.event\[0\]"):
            list(read_plover(SAMPLE))


class TestBadRecords:
    """Bad records raise ValidationError naming the JSON path, never another exception."""

    @pytest.mark.parametrize(
        ("record", "path"),
        [
            ([], "$"),
            ({"date": "2025-01-01", "event": ["AID"]}, "$.id"),
            ({"id": "x", "event": ["AID"]}, "$.date"),
            ({"id": "x", "date": "2025-02-30", "event": ["AID"]}, "$.date"),
            (
                {"id": "x", "date": "2025-02-01", "enddate": "2025-01-01", "event": ["AID"]},
                "$.enddate",
            ),
            ({"id": "x y", "date": "2025-02-01", "event": ["AID"]}, "$.id"),
            ({"id": "x", "date": "2025-01-01", "event": "AID", "mode": [3]}, "$.mode"),
            ({"id": "x", "date": "2025-01-01", "event": ["AID"], "cameo": "54"}, "$.cameo"),
            ({"id": "x", "date": "2025-01-01", "event": ["AID"], "actor": "USA"}, "$.actor"),
            ({"id": "x", "date": "2025-01-01", "event": ["AID"], "cite_info": []}, "$.cite_info"),
            ({"id": "x", "date": "2025-01-01", "event": []}, "$.event"),
            ({"id": "x", EXTENSION: {"event": {"type": "meeting"}}}, "$.diplorec.event"),
            ({"id": "x", EXTENSION: "yes"}, "$.diplorec"),
        ],
    )
    def test_paths(self, record: Any, path: str) -> None:
        """Each problem names where in the record it is."""
        with pytest.raises(ValidationError) as caught:
            from_plover(record)
        assert any(p.path == path or p.path.startswith(path + ".") for p in caught.value.problems)

    def test_problems_past_the_cap_are_counted(self) -> None:
        """An extension event with 250 problems reports 100 and "and 150 more", in both modes."""
        record = to_plover(example.RECOGNITION)
        record[EXTENSION]["event"]["sources"] = [{} for _ in range(250)]
        with pytest.raises(ValidationError) as caught:
            from_plover(record)
        assert len(caught.value.problems) == 100
        assert caught.value.omitted == 150
        assert all(p.path.startswith("$.diplorec.event.") for p in caught.value.problems)
        line = json.dumps(record).encode() + b"\n"
        with pytest.raises(ValidationError) as raised:
            list(read_plover(io.BytesIO(line)))
        assert raised.value.omitted == 150
        reader = read_plover(io.BytesIO(line), errors="collect")
        assert list(reader) == []
        (bad,) = reader.bad_lines
        assert (len(bad.problems), bad.omitted) == (100, 150)
        assert str(bad).endswith("... and 150 more")

    def test_same_actor_twice(self) -> None:
        """A recognition of oneself is refused in plain words, as a ValidationError."""
        record = {"id": "x", "date": "2025-01-01", "event": ["SUPPORT"], "cameo": "054",
                  "actor": [{"code": "RUS"}], "recipient": [{"code": "RUS"}]}  # fmt: skip
        with pytest.raises(ValidationError, match="cannot recognise itself"):
            from_plover(record)

    def test_ties_are_not_events(self) -> None:
        """The ties of the example have no PLOVER event yet keep their full record."""
        record = to_plover(example.CHINA_TIES)
        assert isinstance(from_plover(record), DiplomaticTies)

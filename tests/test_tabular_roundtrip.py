"""Tables read back: every field of every event type survives rows, Arrow, Parquet and CSV."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import (
    Certainty,
    Characterization,
    CredentialDocument,
    Event,
    LegalStatus,
    Organization,
    OrganizationKind,
    RecognitionAct,
    RecognitionCapacity,
    RecognitionForm,
    RecognitionInstrument,
    RecognitionWithdrawal,
    State,
    ValidationError,
    When,
    strategies,
)
from diplorec.events import event_types
from diplorec.examples import russia_taliban_2025 as example
from diplorec.migrations import SPEC_VERSION
from diplorec.tabular import (
    columns,
    from_rows,
    read_csv,
    to_rows,
    write_csv,
)

#: The columns diplorec 0.1 wrote.
_DERIVED_0_1 = [
    "event_id",
    "event_type",
    "date",
    "date_earliest",
    "date_latest",
    "date_precision",
    "date_uncertain",
    "date_approximate",
    "effective",
    "actor_id",
    "actor_name",
    "actor_iso3",
    "actor_kind",
    "target_id",
    "target_name",
    "target_iso3",
    "target_kind",
    "party_ids",
    "cameo_code",
    "cameo_label",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "plover_context",
    "certainty",
    "source_ids",
]

KOSOVO = State(name="Kosovo", iso3="XKX")
SERBIA = State(name="Serbia", iso3="SRB")
COMOROS = State(name="Comoros", iso3="COM")

#: Serbia's foreign ministry said on 7 November 2018 that the Comoros had withdrawn its
#: recognition of Kosovo; Kosovo denied it (reported by Balkan Insight, 8 November 2018).
CLAIMED_WITHDRAWAL = RecognitionWithdrawal(
    on=When.parse("2018-11-07"),
    withdrawer=COMOROS,
    recognized=KOSOVO,
    claimed_by=(SERBIA,),
    denied_by=(KOSOVO,),
    certainty=Certainty.DISPUTED,
)

#: A recognition that sets every legal field away from its default.
FULL_ACT = RecognitionAct(
    on=When.parse("2025-07-03"),
    recognizer=example.RECOGNITION.recognizer,
    recognized=example.RECOGNITION.recognized,
    legal_status=LegalStatus.DE_JURE,
    form=RecognitionForm.EXPRESS,
    instrument=RecognitionInstrument.NOTE_VERBALE,
    conditions=("=SUM(A1)", "-a condition"),
    announced=When.parse("2025-07"),
    effective=When.parse("2025-06-30?"),
    characterization=Characterization.CALLED_RECOGNITION,
    described_as="@official recognition",
    capacity=RecognitionCapacity.GOVERNMENT,
    exclusive=False,
    notes="'quoted' already",
)


def _parquet_bytes(events: list[Any], **metadata: str) -> bytes:
    import pyarrow.parquet as parquet

    from diplorec.tabular import to_arrow

    table = to_arrow(events)
    if metadata:
        extra = {key.encode(): value.encode() for key, value in metadata.items()}
        table = table.replace_schema_metadata(table.schema.metadata | extra)
    buffer = io.BytesIO()
    parquet.write_table(table, buffer)
    return buffer.getvalue()


def _csv_text(events: list[Any], *, guard: bool = True) -> str:
    buffer = io.StringIO()
    write_csv(events, buffer, guard_formulas=guard)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def arrow_ready() -> None:
    """Import pyarrow and write and read one Parquet table before a property times it.

    Importing pyarrow and its Parquet module takes seconds on a busy machine, once per
    process; inside the first example it would exceed the deadline. Skips without pyarrow.
    """
    pytest.importorskip("pyarrow")
    from diplorec.tabular import from_arrow, read_parquet, to_arrow

    assert from_arrow(to_arrow(example.EVENTS)) == list(example.EVENTS)
    assert read_parquet(io.BytesIO(_parquet_bytes(list(example.EVENTS)))) == list(example.EVENTS)


class TestRoundTrip:
    """Every event of every type reads back equal from each table form."""

    @given(st.lists(strategies.events(), max_size=4))
    def test_rows(self, events: list[Event]) -> None:
        """from_rows(to_rows(events)) == events."""
        assert from_rows(to_rows(events)) == events

    @given(st.lists(strategies.events(), max_size=4))
    def test_csv(self, events: list[Event]) -> None:
        """read_csv undoes write_csv, formula guard included."""
        assert read_csv(io.StringIO(_csv_text(events), newline="")) == events

    @pytest.mark.usefixtures("arrow_ready")
    @given(st.lists(strategies.events(), max_size=4))
    def test_arrow_and_parquet(self, events: list[Event]) -> None:
        """from_arrow(to_arrow(events)) and read_parquet of the same table give the events."""
        from diplorec.tabular import from_arrow, read_parquet, to_arrow

        assert from_arrow(to_arrow(events)) == events
        assert read_parquet(io.BytesIO(_parquet_bytes(events))) == events

    def test_files(self, tmp_path: Path) -> None:
        """write_parquet and write_csv files read back to the worked example's events."""
        pytest.importorskip("pyarrow")
        from diplorec.tabular import read_parquet, write_parquet

        events = [*example.EVENTS, FULL_ACT, CLAIMED_WITHDRAWAL]
        write_parquet(events, tmp_path / "events.parquet")
        write_csv(events, tmp_path / "events.csv")
        assert read_parquet(tmp_path / "events.parquet") == events
        assert read_csv(tmp_path / "events.csv") == events

    def test_every_field_has_a_column(self) -> None:
        """Each field of each event type has a record column (id and on as event_id, date)."""
        names = set(columns())
        for cls in event_types():
            for field in attrs.fields(cls):
                column = {"id": "event_id", "on": "date"}.get(field.name, field.name)
                assert column in names, (cls.TAG, field.name)


class TestLegalColumns:
    """The law's fields are columns of their own, as the wire format writes them."""

    def test_recognition(self) -> None:
        """Status, form, instrument, capacity, exclusivity, dates and characterization."""
        (row,) = to_rows([FULL_ACT])
        assert (row["legal_status"], row["form"], row["instrument"]) == (
            "de-jure",
            "express",
            "note-verbale",
        )
        assert (row["capacity"], row["exclusive"]) == ("government", False)
        assert (row["announced"], row["effective"]) == ("2025-07", "2025-06-30?")
        assert row["characterization"] == "called-recognition"
        assert json.loads(row["conditions"]) == ["=SUM(A1)", "-a condition"]
        assert json.loads(row["recognizer"])["id"] == "state:RUS"
        assert row["withdrawer"] is None

    def test_claimed_and_denied(self) -> None:
        """A disputed withdrawal keeps who claims it and who denies it."""
        (row,) = to_rows([CLAIMED_WITHDRAWAL])
        assert [party["id"] for party in json.loads(row["claimed_by"])] == ["state:SRB"]
        assert [party["id"] for party in json.loads(row["denied_by"])] == ["state:XKX"]
        assert (row["kind"], row["certainty"]) == ("withdrawal", "disputed")

    def test_credentials(self) -> None:
        """A credential presentation has its document, and the envoy's rank derived."""
        (row,) = to_rows([example.CREDENTIALS])
        assert row["document"] == example.CREDENTIALS.document.value
        assert row["envoy_rank"] == example.CREDENTIALS.envoy.rank.value
        assert json.loads(row["envoy"])["person"]["name"] == "Gul Hassan Hassan"
        assert example.CREDENTIALS.document is CredentialDocument.TRUE_COPY

    def test_derived_columns_are_not_read(self) -> None:
        """Readers build events from the record columns; derived ones may say anything."""
        (row,) = to_rows([example.RECOGNITION])
        edited = row | {"actor_name": "edited", "goldstein": -10.0, "place_name": "Elsewhere"}
        assert from_rows([edited]) == [example.RECOGNITION]


class TestFormulaGuard:
    """read_csv undoes write_csv's spreadsheet guard exactly."""

    STARTS = ("=1+1", "+1", "-1", "@SUM(A1)", "'quoted", "''twice", "'=already guarded")

    @pytest.mark.parametrize("text", STARTS)
    def test_text_cells(self, text: str) -> None:
        """Text starting with a formula character, or with the guard itself, reads back."""
        import csv

        body = Organization(name=text, kind=OrganizationKind.MOVEMENT)
        event = attrs.evolve(CLAIMED_WITHDRAWAL, id="", claimed_by=(body,), described_as=text)
        written = _csv_text([event])
        (row,) = csv.DictReader(io.StringIO(written, newline=""))
        assert row["described_as"] == "'" + text
        assert json.loads(row["claimed_by"])[0]["name"] == text  # JSON cells start with [
        assert read_csv(io.StringIO(written, newline="")) == [event]

    def test_guard_is_written(self) -> None:
        """Guarded text cells start with the quote; read without undoing it, they differ."""
        text = _csv_text([FULL_ACT])
        assert "'@official recognition" in text
        assert "''quoted' already" in text
        unguarded = read_csv(io.StringIO(text, newline=""), guard_formulas=False)
        assert unguarded[0].described_as == "'@official recognition"

    def test_unguarded_file(self) -> None:
        """A file written without the guard reads back with guard_formulas=False."""
        text = _csv_text([FULL_ACT], guard=False)
        assert read_csv(io.StringIO(text, newline=""), guard_formulas=False) == [FULL_ACT]

    @given(st.text(min_size=1).filter(lambda t: t.strip() == t and t.isprintable()))
    def test_any_text(self, text: str) -> None:
        """Any printable description reads back from CSV."""
        event = attrs.evolve(CLAIMED_WITHDRAWAL, id="", described_as=text)
        assert read_csv(io.StringIO(_csv_text([event]), newline="")) == [event]


class TestSpecVersion:
    """Parquet files name diplorec's version and spec version; readers migrate or refuse."""

    def test_metadata(self) -> None:
        """The file's key-value metadata has the package and spec versions."""
        parquet = pytest.importorskip("pyarrow.parquet")
        import diplorec

        metadata = parquet.read_metadata(io.BytesIO(_parquet_bytes([FULL_ACT]))).metadata
        assert metadata[b"diplorec.spec_version"] == SPEC_VERSION.encode()
        assert metadata[b"diplorec.version"] == diplorec.__version__.encode()

    def test_newer_refused(self) -> None:
        """A file of a spec version this release does not know is a ValidationError."""
        pytest.importorskip("pyarrow")
        from diplorec.tabular import read_parquet

        data = _parquet_bytes([FULL_ACT], **{"diplorec.spec_version": "9.0"})
        with pytest.raises(ValidationError, match=r"'9\.0' is not a spec version .* reads 1\.0"):
            read_parquet(io.BytesIO(data))

    def test_older_migrated(self) -> None:
        """A spec 1.0 table recognising a council (no capacity column then) is migrated."""
        pytest.importorskip("pyarrow")
        from diplorec.tabular import from_arrow, read_parquet, to_arrow

        council = Organization(
            name="Presidential Council", kind=OrganizationKind.COUNCIL, state=KOSOVO
        )
        act = RecognitionAct(
            on=When.parse("2011"),
            recognizer=SERBIA,
            recognized=council,
            capacity=RecognitionCapacity.GOVERNMENT,
        )
        table = to_arrow([act])
        old = table.drop_columns(["capacity", "exclusive"]).replace_schema_metadata(
            {"diplorec.spec_version": "1.0"}
        )
        assert from_arrow(old) == [act]
        buffer = io.BytesIO()
        import pyarrow.parquet as parquet

        parquet.write_table(old, buffer)
        assert read_parquet(io.BytesIO(buffer.getvalue())) == [act]
        # Without the metadata, the caller says which version the table was written in.
        bare = old.replace_schema_metadata({})
        assert from_arrow(bare, spec_version="1.0") == [act]
        with pytest.raises(ValidationError, match="row 1, column capacity: is missing"):
            from_arrow(bare)

    def test_csv_version(self) -> None:
        """read_csv takes the version as an argument and refuses unknown ones."""
        with pytest.raises(ValidationError, match=r"spec_version: '0\.9' is not a spec version"):
            read_csv(io.StringIO(_csv_text([FULL_ACT])), spec_version="0.9")


class TestBadTables:
    """A bad table is a ValidationError naming the row and the column of each problem."""

    def _row(self, **changes: Any) -> dict[str, Any]:
        (row,) = to_rows([FULL_ACT])
        return row | changes

    def _problems(self, rows: list[dict[str, Any]]) -> list[str]:
        with pytest.raises(ValidationError) as caught:
            from_rows(rows)
        return [str(problem) for problem in caught.value.problems]

    def test_bad_enum(self) -> None:
        """A value outside an enum is placed in its row and column."""
        problems = self._problems([self._row(), self._row(legal_status="dejure")])
        assert len(problems) == 1
        assert problems[0].startswith("row 2, column legal_status: 'dejure' is not")

    def test_inside_json(self) -> None:
        """A problem inside a JSON cell names the path within the cell."""
        recognizer = json.loads(self._row()["recognizer"]) | {"iso3": "russia"}
        (problem,) = self._problems([self._row(recognizer=json.dumps(recognizer))])
        assert problem.startswith("row 1, column recognizer at $.iso3: ")

    def test_not_json(self) -> None:
        """A JSON column holding something else is named."""
        (problem,) = self._problems([self._row(sources="[{")])
        assert problem.startswith("row 1, column sources")
        assert "is not JSON text" in problem

    def test_wrong_cell_type(self) -> None:
        """A boolean column holding text is named, with what was found."""
        (problem,) = self._problems([self._row(exclusive="no")])
        assert problem == "row 1, column exclusive: expected true or false, found 'no'"

    def test_unknown_type_and_column(self) -> None:
        """An unknown event type, and a column diplorec does not write, are errors."""
        problems = self._problems([self._row(event_type="treaty"), self._row(extra=1)])
        assert problems[0].startswith("row 1, column event_type: 'treaty' is not an event type")
        assert problems[1] == (
            "row 2, column 'extra': is not a column diplorec writes, so its values would be lost"
        )

    def test_cross_field_rule(self) -> None:
        """A rule between fields names the row and the column the rule points at."""
        (problem,) = self._problems([self._row(capacity="state")])
        assert problem.startswith("row 1, column capacity: only a state can be recognised")

    def test_csv_rows(self) -> None:
        """CSV problems name the data row (1 after the header) and the column."""
        lines = _csv_text([FULL_ACT, FULL_ACT]).splitlines()
        header = lines[0].split(",")
        cells = next(iter(__import__("csv").reader([lines[2]])))
        cells[header.index("exclusive")] = "maybe"
        buffer = io.StringIO()
        __import__("csv").writer(buffer).writerows(
            [header, next(__import__("csv").reader([lines[1]])), cells]
        )
        with pytest.raises(ValidationError) as caught:
            read_csv(io.StringIO(buffer.getvalue(), newline=""))
        (problem,) = caught.value.problems
        assert str(problem) == "row 2, column exclusive: expected true or false, found 'maybe'"

    def test_derived_columns_only(self) -> None:
        """A table of the derived columns alone (as diplorec 0.1 wrote) is refused at once."""
        pytest.importorskip("pyarrow")
        from diplorec.tabular import from_arrow, to_arrow

        table = to_arrow([FULL_ACT, CLAIMED_WITHDRAWAL])
        old = table.select([name for name in table.schema.names if name in _DERIVED_0_1])
        old = old.replace_schema_metadata({"producer": "diplorec"})
        with pytest.raises(ValidationError) as caught:
            from_arrow(old)
        (problem,) = caught.value.problems
        assert str(problem).startswith("metadata diplorec.spec_version: the table was written")
        with pytest.raises(ValidationError, match="row 1, column recognizer: is missing"):
            from_arrow(old.replace_schema_metadata({}))

    def test_csv_short_row_and_header(self) -> None:
        """A row with too few cells, and an unknown header, are named."""
        text = _csv_text([FULL_ACT]) + "a,b\n"
        with pytest.raises(ValidationError, match="row 2: has 2 cells; the header has"):
            read_csv(io.StringIO(text, newline=""))
        with pytest.raises(ValidationError, match="column 'colour': is not a column"):
            read_csv(io.StringIO("event_id,colour\n", newline=""))


REGISTERED = textwrap.dedent(
    """
    import io
    from typing import ClassVar
    import attrs
    from diplorec import EventBase, Party, When, register_event_type
    from diplorec.reference import AFGHANISTAN, RUSSIA
    from diplorec import tabular

    before = tabular.columns()

    @register_event_type
    @attrs.frozen(kw_only=True)
    class AidPledge(EventBase):
        TAG: ClassVar[str] = "aid-pledge"
        IDENTITY: ClassVar[tuple[str, ...]] = ("donor", "recipient")
        donor: Party
        recipient: Party
        millions: int
        conditional: bool = False
        share: float | None = None
        subject: str | None = None

    pledge = AidPledge(on=When.parse("2025-09"), donor=RUSSIA, recipient=AFGHANISTAN,
                       millions=-3, conditional=True, share=0.25, subject="=wheat")
    added = [c for c in tabular.columns() if c not in before]
    assert added == ["donor", "recipient", "millions", "conditional", "share"], added
    (row,) = tabular.to_rows([pledge])
    assert (row["millions"], row["conditional"], row["share"], row["subject"]) == (
        -3, True, 0.25, "=wheat")
    assert tabular.from_rows([row]) == [pledge]
    buffer = io.StringIO()
    tabular.write_csv([pledge], buffer)
    assert tabular.read_csv(io.StringIO(buffer.getvalue(), newline="")) == [pledge]
    assert tabular.from_arrow(tabular.to_arrow([pledge])) == [pledge]
    frame = tabular.to_pandas([pledge])
    assert frame.loc[0, "millions"] == -3 and frame["cameo_code"].isna().all()
    print("ok")
    """
)


class TestRegisteredTypes:
    """A registered event type's fields become columns, and its events read back."""

    def test_in_own_interpreter(self) -> None:
        """Registering adds only the new fields' columns; bools and numbers keep their type."""
        pytest.importorskip("pyarrow")
        result = subprocess.run(
            [sys.executable, "-c", REGISTERED], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "ok"

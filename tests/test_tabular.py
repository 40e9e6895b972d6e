"""Events as tables: flat rows, pandas, Arrow and Parquet, with optional imports."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplorec import CodedEvent, Event, Organization, OrganizationKind, When, strategies
from diplorec.examples import russia_taliban_2025 as example
from diplorec.tabular import COLUMNS, to_rows


class TestRows:
    """to_rows: one flat dict per event, always the same columns."""

    rows = to_rows(example.EVENTS)

    def test_columns(self) -> None:
        """Every row has exactly the columns, in order."""
        assert all(tuple(row) == COLUMNS for row in self.rows)
        assert len(self.rows) == len(example.EVENTS)

    def test_recognition(self) -> None:
        """Russia's recognition: ids, names, ISO codes, kinds, codes and sources."""
        row = self.rows[example.EVENTS.index(example.RECOGNITION)]
        assert row["event_id"] == example.RECOGNITION.id
        assert row["event_type"] == "recognition-act"
        assert (row["actor_id"], row["actor_name"], row["actor_iso3"], row["actor_kind"]) == (
            "state:RUS",
            "Russia",
            "RUS",
            "state",
        )
        assert (row["target_name"], row["target_iso3"], row["target_kind"]) == (
            "Islamic Emirate of Afghanistan",
            "AFG",
            "government",
        )
        assert (row["cameo_code"], row["goldstein"], row["quad_class"]) == ("054", 6.0, 1)
        assert (row["plover_event"], row["plover_mode"], row["plover_context"]) == (
            "SUPPORT",
            None,
            "diplomatic",
        )
        assert row["source_ids"] == (example.ARTICLE.id, example.MFA_STATEMENT_REPORT.id)
        assert row["place_name"] == "Moscow"
        assert json.loads(row["place"])["name"] == "Moscow"
        assert row["certainty"] == "confirmed"

    def test_dates(self) -> None:
        """Date text, bounds as plain dates, precision and qualifiers."""
        row = self.rows[example.EVENTS.index(example.APPOINTMENT)]
        assert (row["date"], row["date_precision"]) == ("../2025-07-03", "interval")
        assert row["date_earliest"] == datetime.date(1, 1, 1)
        assert type(row["date_latest"]) is datetime.date
        assert (row["date_uncertain"], row["date_approximate"]) == (False, False)
        vague = CodedEvent(on=When.parse("2025-04~"), cameo="010", description="Something.")
        (vague_row,) = to_rows([vague])
        assert (vague_row["date_approximate"], vague_row["date_precision"]) == (True, "month")

    def test_effective(self) -> None:
        """The effective date is a column, empty where the event has none."""
        act = example.RECOGNITION
        later = type(act)(**{**_fields(act), "effective": When.parse("2025-07-10"), "id": ""})
        assert to_rows([later])[0]["effective"] == "2025-07-10"
        assert to_rows([act])[0]["effective"] is None

    def test_missing_parties(self) -> None:
        """A coded event without actor or target has empty actor and target columns."""
        (row,) = to_rows([CodedEvent(on=When.parse("2025"), cameo="010", description="A.")])
        assert all(row[f"{role}_{part}"] is None for role in ("actor", "target")
                   for part in ("id", "name", "iso3", "kind"))  # fmt: skip
        assert row["party_ids"] == ()

    def test_organization_without_state(self) -> None:
        """An organization of no state has no ISO code."""
        body = Organization(name="A Council", kind=OrganizationKind.INTERGOVERNMENTAL)
        event = CodedEvent(on=When.parse("2025"), cameo="010", description="A.", actor=body)
        assert to_rows([event])[0]["actor_iso3"] is None

    def test_party_ids(self) -> None:
        """party_ids lists each party once, officials and envoys included."""
        row = self.rows[example.EVENTS.index(example.CREDENTIALS)]
        assert row["party_ids"] == (example.ISLAMIC_EMIRATE.id, "state:RUS")
        assert example.ISLAMIC_EMIRATE.id == "government:AFG:islamic-emirate-of-afghanistan:2021-08"

    @given(st.lists(strategies.events(), max_size=3))
    def test_any_events(self, events: list[Event]) -> None:
        """Rows of any events have the columns and the non-empty values they promise."""
        for row in to_rows(events):
            assert tuple(row) == COLUMNS
            assert all(row[key] for key in ("event_id", "cameo_code", "date"))
            assert row["date_earliest"] <= row["date_latest"]


def _fields(event: Any) -> dict[str, Any]:
    import attrs

    return {field.name: getattr(event, field.name) for field in attrs.fields(type(event))}


class TestPandas:
    """to_pandas: a DataFrame with typed columns."""

    def test_frame(self) -> None:
        """Columns, dtypes and values."""
        pd = pytest.importorskip("pandas")
        from diplorec.tabular import to_pandas

        frame = to_pandas(example.EVENTS)
        assert list(frame.columns) == list(COLUMNS)
        assert len(frame) == len(example.EVENTS)
        assert str(frame["date_earliest"].dtype) == "datetime64[s]"
        assert frame["event_id"].dtype == pd.StringDtype()
        assert str(frame["goldstein"].dtype) == "Float64"
        assert str(frame["quad_class"].dtype) == "Int8"
        assert str(frame["date_uncertain"].dtype) == "bool"
        assert str(frame["exclusive"].dtype) == "boolean"
        assert frame.loc[frame["cameo_code"] == "054", "legal_status"].tolist() == ["de-jure"]
        assert frame["date_earliest"].min() == pd.Timestamp("0001-01-01")
        recognitions = frame[frame["cameo_code"] == "054"]
        assert recognitions["actor_iso3"].tolist() == ["RUS"]
        assert frame.loc[0, "source_ids"] == [example.ARTICLE.id]

    def test_empty(self) -> None:
        """No events make an empty frame with every column."""
        pytest.importorskip("pandas")
        from diplorec.tabular import to_pandas

        frame = to_pandas([])
        assert list(frame.columns) == list(COLUMNS)
        assert len(frame) == 0


class TestArrow:
    """to_arrow and write_parquet: the explicit schema, and a file that reads back."""

    def test_schema(self) -> None:
        """The table has the explicit schema, with descriptions."""
        pa = pytest.importorskip("pyarrow")
        from diplorec.tabular import arrow_schema, to_arrow

        table = to_arrow(example.EVENTS)
        assert table.schema == arrow_schema()
        assert table.schema.names == list(COLUMNS)
        assert table.schema.field("date_earliest").type == pa.date32()
        assert table.schema.field("party_ids").type == pa.list_(pa.string())
        assert not table.schema.field("event_id").nullable
        assert table.schema.field("actor_id").nullable
        assert table.schema.field("goldstein").metadata == {b"description": b"its Goldstein score"}

    def test_values(self) -> None:
        """The table holds the rows' values (tuples become lists)."""
        pytest.importorskip("pyarrow")
        from diplorec.tabular import to_arrow

        expected = [
            {key: list(value) if isinstance(value, tuple) else value for key, value in row.items()}
            for row in to_rows(example.EVENTS)
        ]
        assert to_arrow(example.EVENTS).to_pylist() == expected

    def test_parquet(self, tmp_path: Path) -> None:
        """A Parquet file reads back to the same table."""
        pytest.importorskip("pyarrow")
        parquet = pytest.importorskip("pyarrow.parquet")
        from diplorec.tabular import to_arrow, write_parquet

        path = tmp_path / "events.parquet"
        write_parquet(example.EVENTS, path)
        assert parquet.read_table(path).equals(to_arrow(example.EVENTS))


class TestOptionalImports:
    """pandas and pyarrow are imported only when called, with a clear message if missing."""

    def test_import_diplorec_imports_neither(self) -> None:
        """Importing diplorec and its tabular module loads neither pandas nor pyarrow."""
        code = (
            "import sys, diplorec, diplorec.tabular, diplorec.plot; "
            "print(sorted(m for m in ('pandas', 'pyarrow', 'matplotlib') if m in sys.modules))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"

    @pytest.mark.parametrize(
        ("module", "function", "extra"),
        [
            ("pandas", "to_pandas", "pandas"),
            ("pyarrow", "to_arrow", "arrow"),
            ("pyarrow", "write_parquet", "arrow"),
        ],
    )
    def test_missing(
        self, monkeypatch: pytest.MonkeyPatch, module: str, function: str, extra: str
    ) -> None:
        """Without the dependency, the error names the extra to install."""
        import diplorec.tabular

        monkeypatch.setitem(sys.modules, module, None)
        monkeypatch.setitem(sys.modules, f"{module}.parquet", None)
        call = getattr(diplorec.tabular, function)
        arguments: tuple[Any, ...] = ([],) if function != "write_parquet" else ([], "x.parquet")
        with pytest.raises(ImportError, match=rf'pip install "diplorec\[{extra}\]"'):
            call(*arguments)


class TestCsv:
    """write_csv: one row per event, text that could run as a formula guarded by default."""

    HOSTILE = ('=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")

    @staticmethod
    def _rows(text: str) -> list[dict[str, str]]:
        import csv
        import io

        return list(csv.DictReader(io.StringIO(text, newline="")))

    def _coded(self, description: str) -> CodedEvent:
        state = example.RECOGNITION.recognizer
        return CodedEvent(
            on=When.parse("2025-07-03"), cameo="054", actor=state, description=description
        )

    def test_header_and_rows(self) -> None:
        """A header of COLUMNS, then one row per event, lists joined with ';'."""
        import io

        from diplorec.tabular import write_csv

        buffer = io.StringIO()
        assert write_csv(example.EVENTS, buffer) == len(example.EVENTS)
        rows = self._rows(buffer.getvalue())
        assert list(rows[0]) == list(COLUMNS)
        assert len(rows) == len(example.EVENTS)
        first = to_rows(example.EVENTS[:1])[0]
        assert rows[0]["party_ids"] == ";".join(first["party_ids"])
        assert rows[0]["goldstein"] == str(first["goldstein"])

    @pytest.mark.parametrize("text", HOSTILE)
    def test_formulas_guarded(self, tmp_path: Path, text: str) -> None:
        """Text starting with = + - @, tab or CR gets a leading quote; elsewhere, nothing."""
        from diplorec.tabular import guard_formula, write_csv

        assert guard_formula(text) == "'" + text
        assert guard_formula("Evil" + text) == "Evil" + text
        if text[0] in "\t\r":
            return  # no name may start with white space
        actor = Organization(name=text, kind=OrganizationKind.MOVEMENT)
        target = Organization(name="Evil" + text, kind=OrganizationKind.MOVEMENT)
        path = tmp_path / "events.csv"
        write_csv([attrs_evolve(self._coded("a note"), actor=actor, target=target)], path)
        with path.open(encoding="utf-8", newline="") as stream:
            (row,) = self._rows(stream.read())
        assert row["actor_name"] == "'" + text
        assert row["target_name"] == "Evil" + text

    def test_every_text_cell(self) -> None:
        """Every text cell is guarded, a leading quote included; numbers are not."""
        import io

        from diplorec.tabular import FORMULA_STARTS, unguard_formula, write_csv

        names = ["=cmd", "+x", "-x", "@x", "'x", "plain"]
        events = [
            attrs_evolve(
                self._coded("d"), actor=Organization(name=n, kind=OrganizationKind.MOVEMENT)
            )
            for n in names
        ]
        buffer = io.StringIO()
        write_csv(events, buffer)
        rows = self._rows(buffer.getvalue())
        assert [row["actor_name"] for row in rows] == ["'=cmd", "'+x", "'-x", "'@x", "''x", "plain"]
        assert [unguard_formula(row["actor_name"]) for row in rows] == names
        numbers = {"goldstein", "quad_class", "place_latitude", "place_longitude"}
        for row in rows:
            for column, cell in row.items():
                if column not in numbers:
                    assert cell[:1] not in FORMULA_STARTS, (column, cell)

    def test_negative_number_kept(self) -> None:
        """A negative Goldstein score stays a number, unquoted."""
        import io

        from diplorec.tabular import write_csv

        event = CodedEvent(
            on=When.parse("2025"),
            cameo="161",
            actor=example.RECOGNITION.recognizer,
            description="relations broken",
        )
        buffer = io.StringIO()
        write_csv([event], buffer)
        (row,) = self._rows(buffer.getvalue())
        assert row["goldstein"] == "-4.0"

    def test_guard_off(self) -> None:
        """guard_formulas=False writes text exactly as it is."""
        import io

        from diplorec.tabular import write_csv

        event = attrs_evolve(
            self._coded("d"), actor=Organization(name="=1+1", kind=OrganizationKind.MOVEMENT)
        )
        buffer = io.StringIO()
        write_csv([event], buffer, guard_formulas=False)
        assert self._rows(buffer.getvalue())[0]["actor_name"] == "=1+1"

    @given(st.text())
    def test_guard_round_trips(self, text: str) -> None:
        """unguard_formula(guard_formula(t)) == t, and a guarded text never starts a formula."""
        from diplorec.tabular import FORMULA_STARTS, guard_formula, unguard_formula

        assert unguard_formula(guard_formula(text)) == text
        assert guard_formula(text)[:1] not in FORMULA_STARTS


def attrs_evolve(value: Any, **changes: Any) -> Any:
    """A copy of a model value with some fields changed (and its derived id derived anew)."""
    import attrs

    fields = {f.name: getattr(value, f.name) for f in attrs.fields(type(value)) if f.init}
    fields.pop("id", None)
    return type(value)(**(fields | changes))

"""``diplorec convert`` reads CSV and Parquet tables as well as writing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplorec import write_jsonl
from diplorec.cli import main
from diplorec.examples import russia_taliban_2025 as example
from diplorec.interchange.plover import read_plover


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    status = main([str(arg) for arg in argv])
    return status, capsys.readouterr().err


class TestBothWays:
    """JSON Lines → table → JSON Lines gives the same bytes, for CSV and Parquet."""

    @pytest.mark.parametrize("suffix", [".csv", ".parquet"])
    def test_by_name(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
        """File names choose the formats; the events come back unchanged."""
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        source, table, back = tmp_path / "a.jsonl", tmp_path / f"b{suffix}", tmp_path / "c.jsonl"
        write_jsonl(example.EVENTS, source)
        assert run(capsys, "convert", source, table)[0] == 0
        status, err = run(capsys, "convert", table, back)
        assert status == 0
        assert err.strip() == f"{len(example.EVENTS)} events written to {back}"
        assert back.read_bytes() == source.read_bytes()

    def test_table_to_table_and_plover(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Parquet → CSV, and CSV → PLOVER with --from/--to."""
        pytest.importorskip("pyarrow")
        from diplorec.tabular import read_csv, write_parquet

        parquet, csv, plover = tmp_path / "a.parquet", tmp_path / "b.csv", tmp_path / "c.jsonl"
        write_parquet(example.EVENTS, parquet)
        assert run(capsys, "convert", parquet, csv)[0] == 0
        assert read_csv(csv) == list(example.EVENTS)
        assert run(capsys, "convert", "--from", "csv", "--to", "plover", csv, plover)[0] == 0
        assert len(list(read_plover(plover))) == len(example.EVENTS)


class TestBadTables:
    """A bad table is reported by row and column, and nothing is written."""

    def test_bad_cell(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An invalid cell: exit 1, its row and column named, no output."""
        from diplorec.tabular import write_csv

        table, target = tmp_path / "a.csv", tmp_path / "b.jsonl"
        write_csv([example.RECOGNITION], table)
        text = table.read_text("utf-8").replace(",de-jure,", ",dejure,")
        table.write_text(text, "utf-8")
        status, err = run(capsys, "convert", table, target)
        assert status == 1
        assert f"{table}: row 1, column legal_status: 'dejure' is not" in err
        assert not target.exists()

    def test_not_parquet(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not Parquet: exit 2, one sentence."""
        pytest.importorskip("pyarrow")
        table = tmp_path / "a.parquet"
        table.write_bytes(b"junk")
        status, err = run(capsys, "convert", table, tmp_path / "b.jsonl")
        assert status == 2
        assert err.startswith(f"diplorec: cannot read {table}: ")

    def test_skip_bad_refused(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--skip-bad is for streams of records, not tables."""
        from diplorec.tabular import write_csv

        table = tmp_path / "a.csv"
        write_csv(example.EVENTS, table)
        status, err = run(capsys, "convert", "--from", "csv", "--skip-bad", table, "x.jsonl")
        assert status == 2
        assert "--skip-bad does not apply to --from csv" in err
        assert not (tmp_path / "x.jsonl").exists()

"""``diplorec convert --from/--to``: the interchange formats on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplorec import read_jsonl, write_jsonl
from diplorec.cli import main
from diplorec.examples import russia_taliban_2025 as example
from diplorec.interchange.plover import read_plover

FIXTURES = Path(__file__).parent / "fixtures"
GDELT = FIXTURES / "gdelt" / "20250703120000.export.CSV"
ENTITIES = FIXTURES / "wikidata" / "entities.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


class TestGdelt:
    """GDELT files convert to diplorec JSON Lines; bad rows stop it unless told otherwise."""

    def test_strict_by_default(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad row: nothing written, exit 1, the row named with its line."""
        target = tmp_path / "out.jsonl"
        status, _, err = run(capsys, "convert", "--from", "gdelt", GDELT, target)
        assert status == 1
        assert not target.exists()
        assert f"{GDELT}: line 3: $: has 60 tab-separated columns" in err
        assert "was not written" in err

    def test_skip_bad_and_codes(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--skip-bad writes the good events and lists the bad rows; --codes filters."""
        target = tmp_path / "out.jsonl"
        argv = ("convert", "--from", "gdelt", "--skip-bad", "--codes", "05,16", GDELT, target)
        status, _, err = run(capsys, *argv)
        assert status == 1
        assert [event.cameo for event in read_jsonl(target)] == ["054", "161"]  # type: ignore[union-attr]
        assert "2 events written" in err
        assert "3 bad records left out" in err

    def test_bad_codes(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown code filter is a usage error."""
        argv = ("convert", "--from", "gdelt", "--codes", "5", GDELT, tmp_path / "x.jsonl")
        status, _, err = run(capsys, *argv)
        assert status == 2
        assert "--codes: '5' is not a CAMEO event code" in err


class TestPlover:
    """diplorec JSON Lines to PLOVER and back give the same file."""

    def test_round_trip(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The worked example survives diplorec → PLOVER (gzip) → diplorec."""
        source, middle, back = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz", tmp_path / "c.jsonl"
        write_jsonl(example.EVENTS, source)
        assert run(capsys, "convert", "--to", "plover", source, middle)[0] == 0
        assert list(read_plover(middle)) == list(example.EVENTS)
        assert run(capsys, "convert", "--from", "plover", middle, back)[0] == 0
        assert back.read_bytes() == source.read_bytes()

    def test_from_a_document(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A Dossier document converts too."""
        document = tmp_path / "dossier.json"
        status, out, _ = run(capsys, "example")
        assert status == 0
        document.write_text(out, encoding="utf-8")
        target = tmp_path / "out.jsonl"
        assert run(capsys, "convert", "--to", "plover", document, target)[0] == 0
        assert len(list(read_plover(target))) == len(example.EVENTS)


class TestWikidata:
    """Entity JSON in, QuickStatements out."""

    def test_in_and_out(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Ties from entity JSON (with --as-of) print back as QuickStatements on stdout."""
        ties = tmp_path / "ties.jsonl"
        argv = (
            "convert",
            "--from",
            "wikidata",
            "--skip-bad",
            "--as-of",
            "2026-12-01",
            ENTITIES,
            ties,
        )
        status, _, err = run(capsys, *argv)
        assert status == 1  # the unknown value and the Julian date
        assert "4 events written" in err
        status, out, err = run(capsys, "convert", "--to", "wikidata", ties, "-")
        assert status == 0
        lines = out.splitlines()
        assert "Q30\tP530\tQ142" in lines  # the statement without dates, written back bare
        assert "Q30\tP530\tQ148\tP580\t+1979-01-01T00:00:00Z/11" in lines
        assert "commands written to -" in err

    def test_skipped_events_are_named(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Events without a Wikidata statement are listed on stderr with why."""
        source = tmp_path / "a.jsonl"
        write_jsonl([example.RECOGNITION], source)
        status, _, err = run(capsys, "convert", "--to", "wikidata", source, tmp_path / "qs.txt")
        assert status == 0
        assert (tmp_path / "qs.txt").read_text() == ""
        assert f"{example.RECOGNITION.id}: recognises a government" in err


class TestUsage:
    """Wrong combinations are usage errors (exit 2), in one sentence."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("--to", "gdelt"), "gdelt can only be read"),
            (("--codes", "05"), "--codes needs --from or --to"),
            (("--from", "plover", "--codes", "05"), "--codes applies to --from gdelt only"),
            (("--from", "gdelt", "--as-of", "2025"), "--as-of applies to --from wikidata only"),
        ],
    )
    def test_combinations(
        self,
        argv: tuple[str, ...],
        message: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each names what is wrong."""
        status, _, err = run(capsys, "convert", *argv, GDELT, tmp_path / "x.jsonl")
        assert status == 2
        assert message in err

    def test_missing_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing input file is a usage error naming it."""
        status, _, err = run(
            capsys, "convert", "--from", "gdelt", tmp_path / "no.CSV", tmp_path / "x.jsonl"
        )
        assert status == 2
        assert "no.CSV: no such file" in err

    def test_plain_convert_unchanged(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --from/--to, convert works as before."""
        source, target = tmp_path / "a.jsonl", tmp_path / "b.json"
        write_jsonl(example.EVENTS, source)
        assert run(capsys, "convert", source, target)[0] == 0
        assert target.exists()

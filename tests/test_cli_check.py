"""``diplorec validate --check`` and the help of each subcommand."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from diplorec import cli
from diplorec.dossier import Dossier
from diplorec.events import Event, RecognitionAct
from diplorec.examples.russia_taliban_2025 import EVENTS, RECOGNITION
from diplorec.jsonl import write_jsonl


def _without_disagreeing_sources() -> tuple[Event, ...]:
    """The worked example without the citations that place an event elsewhere."""
    return tuple(
        attrs.evolve(
            e, sources=tuple(c for c in e.sources if c.place is None or c.place == e.place)
        )
        for e in EVENTS
    )


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """The worked example as JSON Lines: valid, and nothing for the check to find."""
    path = tmp_path / "example.jsonl"
    write_jsonl(_without_disagreeing_sources(), path)
    return path


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = cli.main(["validate", *args])
    return status, capsys.readouterr().out.splitlines()


class TestCheckFindsNothing:
    """A file the check finds nothing in passes, and the summary says so."""

    def test_clean_file(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The worked example: exit status 0 and a count of no findings."""
        assert Dossier(events=_without_disagreeing_sources()).check() == ()
        status, out = _validate(capsys, "--check", str(clean))
        assert (status, out) == (0, ["19 valid, 0 invalid; check: 0 errors, 0 warnings"])

    def test_worked_example_as_published(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The worked example's two accounts of one meeting are a warning: exit status 1."""
        path = tmp_path / "example.jsonl"
        write_jsonl(EVENTS, path)
        status, out = _validate(capsys, "--check", str(path))
        assert status == 1
        assert out[0].startswith("warning citation-contradicts-event: ")
        assert out[-1] == "19 valid, 0 invalid; check: 0 errors, 1 warning"

    def test_without_check_nothing_changes(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --check, a duplicated event is not looked for: exit status 0."""
        path = tmp_path / "twice.jsonl"
        write_jsonl([*EVENTS, RECOGNITION], path)
        assert _validate(capsys, str(path)) == (0, ["20 valid, 0 invalid"])


class TestCheckReports:
    """Findings are printed one a line, after the records, and make exit status 1."""

    def test_duplicate_event(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The same event twice in an otherwise valid file is reported, exit status 1."""
        path = tmp_path / "twice.jsonl"
        write_jsonl([*_without_disagreeing_sources(), RECOGNITION], path)
        status, out = _validate(capsys, "--check", str(path))
        assert status == 1
        assert out == [
            f"warning duplicate-event: the same event is recorded 2 times [{RECOGNITION.id}]",
            "20 valid, 0 invalid; check: 0 errors, 1 warning",
        ]

    def test_dangling_link_and_duplicate_id(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A link to a missing event and two events under one id are errors, listed first."""
        dangling = attrs.evolve(RECOGNITION, basis=("meeting:0000000000000000",))
        other = attrs.evolve(RECOGNITION, id="recognition-act:x", notes="one", basis=())
        clash = attrs.evolve(other, notes="two")
        path = tmp_path / "links.jsonl"
        write_jsonl([dangling, other, clash], path)
        status, out = _validate(capsys, "--check", str(path))
        assert status == 1
        codes = [line.split(":")[0] for line in out[:-1]]
        assert codes == ["error duplicate-id", "error unresolved-link"]
        assert "'meeting:0000000000000000'" in out[1]
        assert out[-1] == "3 valid, 0 invalid; check: 2 errors, 0 warnings"

    def test_across_files(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The files are checked together: the same file twice duplicates every event."""
        status, out = _validate(capsys, "--check", str(clean), str(clean))
        assert status == 1
        assert len(out) == len(_without_disagreeing_sources()) + 1
        assert all(line.startswith("warning duplicate-event: ") for line in out[:-1])

    def test_dossier_document(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A ``.json`` Dossier document is checked like JSON Lines."""
        path = tmp_path / "dossier.json"
        document = Dossier(events=(*_without_disagreeing_sources(), RECOGNITION)).to_document()
        path.write_text(json.dumps(document), encoding="utf-8")
        status, out = _validate(capsys, "--check", str(path))
        assert status == 1
        assert out[0].startswith("warning duplicate-event: ")
        assert out[-1] == "20 valid, 0 invalid; check: 0 errors, 1 warning"

    def test_invalid_records_stop_the_check(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With an invalid record the check does not run, and the summary says why."""
        path = tmp_path / "bad.jsonl"
        write_jsonl([*EVENTS, RECOGNITION], path)
        with path.open("a", encoding="utf-8") as file:
            file.write('{"type": "meeting"}\n')
        status, out = _validate(capsys, "--check", str(path))
        assert status == 1
        assert not any("duplicate-event" in line for line in out)
        assert out[-1].endswith("; not checked across records until every record is valid")

    def test_escaped_on_output(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A finding quoting input text escapes the characters a terminal would act on."""
        act = RecognitionAct(
            on="2025-07-03",
            recognizer=RECOGNITION.recognizer,
            recognized=RECOGNITION.recognized,
            basis=("meeting:x\u202e",),
        )
        path = tmp_path / "bidi.jsonl"
        write_jsonl([act], path)
        _, out = _validate(capsys, "--check", str(path))
        assert "\u202e" not in "".join(out)
        assert "\\u202e" in out[0]


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


class TestSubcommandHelp:
    """Each subcommand's help lists only the formats, options and statuses that apply."""

    def test_validate(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate: --check, the formats it reads, no tables."""
        text = _help(capsys, "validate")
        assert "--check" in text
        assert ".jsonl, .jsonl.gz" in text
        assert ".csv" not in text
        assert "--check found something" in text

    @pytest.mark.parametrize("command", ["schema", "example"])
    def test_no_formats(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """schema and example read no file: no formats, no file errors."""
        text = _help(capsys, command)
        assert "formats" not in text
        assert ".jsonl," not in text
        assert "cannot be opened" not in text
        assert "2  a usage error" in text

    def test_convert(self, capsys: pytest.CaptureFixture[str]) -> None:
        """convert: every format, tables for OUT only."""
        text = _help(capsys, "convert")
        assert ".csv, .parquet" in text
        assert ".csv and .parquet for OUT only" in text
        assert "--check" not in text

    def test_ledger(self, capsys: pytest.CaptureFixture[str]) -> None:
        """ledger: no tables; exit status 1 for an id the file does not name."""
        text = _help(capsys, "ledger")
        assert ".csv" not in text
        assert "no event in it names --recognized" in text

    def test_top_level_lists_everything(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The top-level help still lists every format, tables for convert only."""
        text = _help(capsys)
        assert ".csv, .parquet" in text
        assert ".csv and .parquet for convert only" in text

    # convert is left out: its interchange options bring a table of their own.
    @pytest.mark.parametrize("command", ["validate", "schema", "example", "ledger"])
    def test_lines_fit_a_terminal(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
    ) -> None:
        """On an 80-column terminal no line of the help is wider than 80 columns."""
        monkeypatch.setenv("COLUMNS", "80")
        text = _help(capsys, command)
        assert max(len(line) for line in text.splitlines()) <= 80

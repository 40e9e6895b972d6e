"""Tests of the diplorec command line (diplorec.cli and python -m diplorec)."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import diplorec
from diplorec import cli
from diplorec.dossier import Dossier
from diplorec.examples.russia_taliban_2025 import EVENTS
from diplorec.jsonl import read_jsonl, write_jsonl
from diplorec.schema import json_schema

EMIRATE = "government:AFG:islamic-emirate-of-afghanistan:2021-08"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "diplorec", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """The worked example as JSON Lines."""
    path = tmp_path / "example.jsonl"
    write_jsonl(EVENTS, path)
    return path


@pytest.fixture
def broken(clean: Path) -> Path:
    """The worked example with lines 2, 9 and 17 broken."""
    lines = clean.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace('"on":"', '"on":"19')
    lines[8] = "{not json"
    lines[16] = lines[16].replace('"type":"', '"type":"x-', 1)
    path = clean.with_name("broken.jsonl")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


class TestValidate:
    """validate reports every problem as FILE:LINE: $.path: message, then a summary."""

    def test_clean_file(self, clean: Path) -> None:
        """A clean file of the example exits 0 and counts 19 valid records."""
        result = _run("validate", str(clean))
        assert result.returncode == 0, result.stderr
        assert result.stdout == "19 valid, 0 invalid\n"
        assert result.stderr == ""

    def test_three_broken_lines(self, broken: Path) -> None:
        """A copy with three broken lines exits 1 and names each of those lines."""
        result = _run("validate", str(broken))
        assert result.returncode == 1
        output = result.stdout.splitlines()
        named = sorted({int(line.split(":")[1]) for line in output[:-1]})
        assert named == [2, 9, 17]
        assert f"{broken}:2: $.on: " in result.stdout
        assert f"{broken}:9: $: not valid JSON" in result.stdout
        assert f"{broken}:17: $.type: " in result.stdout
        assert output[-1] == "16 valid, 3 invalid"

    def test_gzip(self, tmp_path: Path) -> None:
        """A .jsonl.gz file is read through gzip."""
        path = tmp_path / "example.jsonl.gz"
        write_jsonl(EVENTS, path)
        assert cli.main(["validate", str(path)]) == 0

    def test_several_files(
        self, clean: Path, broken: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The summary adds up every file."""
        assert cli.main(["validate", str(clean), str(broken)]) == 1
        assert capsys.readouterr().out.splitlines()[-1] == "35 valid, 3 invalid"

    def test_dossier_document(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A Dossier document counts its events; a bad event is named by its JSON path."""
        document = Dossier(events=EVENTS).to_document()
        document["events"][4]["on"] = "2025-02-30"
        path = tmp_path / "dossier.json"
        path.write_text(json.dumps(document), "utf-8")
        assert cli.main(["validate", str(path)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith(f"{path}: $.events[4].on: '2025-02-30' is not a calendar date")
        assert out[-1] == "18 valid, 1 invalid"

    def test_unknown_spec_version(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A document of a version this release cannot read is one invalid record."""
        path = tmp_path / "dossier.json"
        path.write_text(json.dumps({"type": "dossier", "spec_version": "9.0", "events": []}))
        assert cli.main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        assert "$.spec_version: '9.0' is not a spec version" in out
        assert out.endswith("0 valid, 1 invalid\n")

    @pytest.mark.parametrize(
        ("content", "summary"),
        [
            (diplorec.dumps(EVENTS[0]), "1 valid, 0 invalid"),
            (diplorec.dumps(EVENTS), "19 valid, 0 invalid"),
            ("[]", "0 valid, 0 invalid"),
            ('{"type": "meeting"}', "0 valid, 1 invalid"),
        ],
        ids=["event", "array", "empty-array", "bad-event"],
    )
    def test_json_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, summary: str
    ) -> None:
        """A .json file may hold one event or an array of events."""
        path = tmp_path / "data.json"
        path.write_text(content, "utf-8")
        status = cli.main(["validate", str(path)])
        assert capsys.readouterr().out.splitlines()[-1] == summary
        assert status == (0 if summary.endswith(" 0 invalid") else 1)

    def test_undecodable_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A .json file that is not UTF-8 is an invalid record with a plain message."""
        path = tmp_path / "latin1.json"
        path.write_bytes('{"name": "Bogotá"}'.encode("latin-1"))
        assert cli.main(["validate", str(path)]) == 1
        assert f"{path}: $: not valid UTF-8" in capsys.readouterr().out

    def test_progress_on_a_terminal(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A large file gets a progress line on standard error when it is a terminal."""

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        terminal = Terminal()
        monkeypatch.setattr(cli, "PROGRESS_MIN_BYTES", 1)
        monkeypatch.setattr(sys, "stderr", terminal)
        assert cli.main(["validate", str(clean)]) == 0
        shown = terminal.getvalue()
        assert f"\r{clean}: " in shown
        assert "% (" in shown
        assert shown.endswith("\r")  # the line is cleared at the end
        assert capsys.readouterr().out == "19 valid, 0 invalid\n"

    def test_no_progress_when_not_a_terminal(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Redirected standard error gets no progress line."""
        monkeypatch.setattr(cli, "PROGRESS_MIN_BYTES", 1)
        assert cli.main(["validate", str(clean)]) == 0
        assert capsys.readouterr().err == ""


class TestErrors:
    """Errors are one plain sentence on standard error, never a traceback."""

    @pytest.mark.parametrize(
        ("args", "status", "words"),
        [
            (["validate", "missing.jsonl"], 2, "cannot read missing.jsonl: No such file"),
            (["validate", "notes.txt"], 2, "cannot tell the format of notes.txt"),
            (["validate"], 2, "the following arguments are required: FILE"),
            (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
            (["convert", "missing.jsonl", "out.jsonl"], 2, "cannot read missing.jsonl"),
            (["convert", "in.jsonl", "out.xml"], 2, "cannot tell the format of out.xml"),
            (["ledger", "in.jsonl", "--recognized", "x", "--on", "soon"], 2, "--on: 'soon'"),
        ],
    )
    def test_one_sentence(self, tmp_path: Path, args: list[str], status: int, words: str) -> None:
        """Each mistake exits with its status and says what is wrong in one line."""
        (tmp_path / "in.jsonl").write_text("")
        result = subprocess.run(
            [sys.executable, "-m", "diplorec", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
        assert result.returncode == status
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("diplorec: ")
        assert words in result.stderr

    def test_directory(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory given as a file is a usage error."""
        folder = tmp_path / "data.jsonl"
        folder.mkdir()
        assert cli.main(["validate", str(folder)]) == 2
        assert "it is a directory" in capsys.readouterr().err

    def test_help(self) -> None:
        """--help describes the commands and the formats, and exits 0."""
        result = _run("--help")
        assert result.returncode == 0
        for word in ("validate", "schema", "example", "convert", "ledger", ".jsonl.gz"):
            assert word in result.stdout

    def test_version(self) -> None:
        """--version prints the installed version."""
        result = _run("--version")
        assert result.stdout.strip() == f"diplorec {diplorec.__version__}"


class TestSchemaAndExample:
    """schema prints the JSON Schema; example prints the worked example."""

    def test_schema(self) -> None:
        """python -m diplorec schema prints json_schema()."""
        result = _run("schema")
        assert result.returncode == 0
        assert json.loads(result.stdout) == json_schema()

    def test_dossier_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """schema --dossier prints the schema of a Dossier document."""
        assert cli.main(["schema", "--dossier"]) == 0
        assert json.loads(capsys.readouterr().out) == json_schema(Dossier)

    def test_example(self) -> None:
        """python -m diplorec example prints a Dossier document of the worked example."""
        result = _run("example")
        assert result.returncode == 0
        assert Dossier.from_document(json.loads(result.stdout)).events == EVENTS

    def test_example_jsonl(self, capsys: pytest.CaptureFixture[str]) -> None:
        """example --jsonl prints one event per line."""
        assert cli.main(["example", "--jsonl"]) == 0
        out = capsys.readouterr().out
        assert len(out.splitlines()) == len(EVENTS)
        assert tuple(read_jsonl(io.StringIO(out))) == EVENTS


class TestConvert:
    """convert moves events between formats and writes nothing from invalid input."""

    def test_round_trip(self, clean: Path, tmp_path: Path) -> None:
        """JSON Lines → Dossier document → gzip JSON Lines → JSON Lines keeps every event."""
        document = tmp_path / "dossier.json"
        packed = tmp_path / "events.jsonl.gz"
        again = tmp_path / "again.jsonl"
        assert cli.main(["convert", str(clean), str(document)]) == 0
        assert cli.main(["convert", str(document), str(packed)]) == 0
        assert cli.main(["convert", str(packed), str(again)]) == 0
        assert Dossier.from_document(json.loads(document.read_text("utf-8"))).events == EVENTS
        assert gzip.decompress(packed.read_bytes()) == clean.read_bytes()
        assert again.read_bytes() == clean.read_bytes()

    def test_invalid_input_writes_nothing(
        self, broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad line stops the conversion; the output is not created."""
        target = tmp_path / "out.jsonl"
        assert cli.main(["convert", str(broken), str(target)]) == 1
        err = capsys.readouterr().err
        assert f"{broken}:2: $.on: " in err
        assert (
            err.splitlines()[-1] == f"diplorec: {broken} is not valid, so {target} was not written"
        )
        assert not target.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jsonl", "example.jsonl"]

    def test_missing_folder(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An output in a folder that does not exist is a usage error."""
        assert cli.main(["convert", str(clean), str(clean.parent / "no" / "out.jsonl")]) == 2
        assert "does not exist" in capsys.readouterr().err

    def test_csv(self, clean: Path, tmp_path: Path) -> None:
        """To .csv: a header and one row per event (needs diplorec.tabular)."""
        pytest.importorskip("diplorec.tabular")
        target = tmp_path / "events.csv"
        assert cli.main(["convert", str(clean), str(target)]) == 0
        tabular = pytest.importorskip("diplorec.tabular")
        rows = target.read_text("utf-8").splitlines()
        assert len(rows) == 1 + len(EVENTS)
        assert rows[0] == ",".join(tabular.COLUMNS)

    def test_parquet(self, clean: Path, tmp_path: Path) -> None:
        """To .parquet: a table of one row per event (needs diplorec.tabular and pyarrow)."""
        pytest.importorskip("diplorec.tabular")
        parquet = pytest.importorskip("pyarrow.parquet")
        target = tmp_path / "events.parquet"
        assert cli.main(["convert", str(clean), str(target)]) == 0
        assert parquet.read_table(target).num_rows == len(EVENTS)


class TestLedger:
    """ledger prints who recognises a party on a date."""

    def test_recognizers(self, clean: Path) -> None:
        """Russia recognises the Islamic Emirate on 4 July 2025."""
        result = _run("ledger", str(clean), "--recognized", EMIRATE, "--on", "2025-07-04")
        assert result.returncode == 0, result.stderr
        assert result.stdout == "state:RUS\tRussia\n"

    def test_help_example_id(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The id that --recognized's help gives as an example is a party of the example."""
        with pytest.raises(SystemExit):
            cli.main(["ledger", "--help"])
        help_text = " ".join(capsys.readouterr().out.split())
        assert f"e.g. {EMIRATE}" in help_text
        assert cli.main(["ledger", str(clean), "--recognized", EMIRATE, "--on", "2025-07-04"]) == 0

    def test_before(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Nobody does on 2 July 2025."""
        assert cli.main(["ledger", str(clean), "--recognized", EMIRATE, "--on", "2025-07-02"]) == 0
        assert capsys.readouterr().out == "(none)\n"

    def test_all(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--all prints the standing of every party acting towards the recognised one."""
        args = ["ledger", str(clean), "--recognized", EMIRATE, "--on", "2025-07-02", "--all"]
        assert cli.main(args) == 0
        assert capsys.readouterr().out == (
            "government:USA:trump-administration:2025-01-20\tTrump administration\t"
            "not-recognized\nstate:RUS\tRussia\tnot-recognized\n"
        )

    def test_explain(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--explain prints one sentence citing the act of 3 July 2025; unknown ids fail."""
        args = ["ledger", str(clean), "--recognized", EMIRATE, "--on", "2025-07-04"]
        assert cli.main([*args, "--explain", "state:RUS"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Russia recognizes the Islamic Emirate of Afghanistan as the ")
        assert out.count("\n") == 1
        assert "2025-07-03 [recognition-act:" in out
        assert cli.main([*args, "--explain", "state:rus"]) == 1
        assert "did you mean 'state:RUS'" in capsys.readouterr().err

    def test_from_a_dossier(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The events may come from a Dossier document."""
        path = tmp_path / "dossier.json"
        path.write_text(json.dumps(Dossier(events=EVENTS).to_document()), "utf-8")
        assert cli.main(["ledger", str(path), "--recognized", EMIRATE, "--on", "2026"]) == 0
        assert capsys.readouterr().out == "state:RUS\tRussia\n"

    def test_unknown_party(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An id no event names is an error in one line, suggesting the id meant."""
        assert cli.main(["ledger", str(clean), "--recognized", "state:XKX"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "'state:XKX' is not in this ledger" in err
        assert cli.main(["ledger", str(clean), "--recognized", "state:afg"]) == 1
        assert "did you mean 'state:AFG'?" in capsys.readouterr().err

    def test_nobody_recognises(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A known party that nobody recognises on the date prints "(none)"."""
        assert cli.main(["ledger", str(clean), "--recognized", "state:AFG", "--on", "2025"]) == 0
        assert capsys.readouterr().out == "(none)\n"
        assert cli.main(["ledger", str(clean), "--recognized", EMIRATE, "--on", "2024"]) == 0
        assert capsys.readouterr().out == "(none)\n"

    def test_invalid_file(self, broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An invalid file is reported and nothing is printed on standard output."""
        assert cli.main(["ledger", str(broken), "--recognized", EMIRATE]) == 1
        captured: Any = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines()[-1] == f"diplorec: {broken} is not valid"


def _one_sentence(result: subprocess.CompletedProcess[str], status: int, words: str) -> None:
    """The command exited with ``status`` and said ``words`` in one line, no traceback."""
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("diplorec: ")
    assert words in result.stderr


class TestFilesThatFail:
    """Outputs that cannot be written and inputs that never end: one sentence, no traceback."""

    def test_output_is_a_directory(self, clean: Path) -> None:
        """An output that is a directory exits 2, and the directory is left alone."""
        folder = clean.parent / "out.jsonl"
        folder.mkdir()
        result = _run("convert", str(clean), str(folder))
        _one_sentence(result, 2, f"cannot write {folder}: it is a directory")
        assert list(folder.iterdir()) == []

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="the superuser writes anywhere"
    )
    def test_read_only_directory(self, clean: Path, tmp_path: Path) -> None:
        """An output in a directory that cannot be written exits 2."""
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            result = _run("convert", str(clean), str(folder / "out.jsonl"))
        finally:
            folder.chmod(0o755)
        _one_sentence(result, 2, "permission denied")

    def test_permission_denied(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory that refuses new files (as a read-only one does) exits 2."""
        real_open = os.open

        def refusing(path: Any, flags: int, *args: Any) -> int:
            if str(path).endswith(".tmp"):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args)

        monkeypatch.setattr(os, "open", refusing)
        target = clean.parent / "out.jsonl"
        assert cli.main(["convert", str(clean), str(target)]) == 2
        err = capsys.readouterr().err
        assert err == f"diplorec: cannot write {target}: permission denied\n"
        assert not target.exists()

    def test_disk_full(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A disk that fills up part way exits 1; the old file stays, no temporary file."""
        import diplorec.jsonl

        target = clean.parent / "out.jsonl"
        target.write_text("old\n")

        def filling(events: Any, raw: Any, name: str) -> int:
            raw.write(b"{}\n")
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(diplorec.jsonl, "_write_file", filling)
        assert cli.main(["convert", str(clean), str(target)]) == 1
        err = capsys.readouterr().err
        assert err == f"diplorec: cannot write {target}: the disk is full; nothing was written\n"
        assert target.read_text() == "old\n"
        assert sorted(p.name for p in clean.parent.iterdir()) == ["example.jsonl", "out.jsonl"]

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_dev_full(self, clean: Path) -> None:
        """Writing through a link to /dev/full (always full) exits 1 with one sentence."""
        link = clean.parent / "full.jsonl"
        link.symlink_to("/dev/full")
        _one_sentence(_run("convert", str(clean), str(link)), 1, "the disk is full")

    def test_broken_pipe(self) -> None:
        """`diplorec example | head`: a reader gone early gives one sentence and status 1."""
        read, write = os.pipe()
        os.close(read)
        try:
            result = subprocess.run(
                [sys.executable, "-m", "diplorec", "example", "--jsonl"],
                stdout=write,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            os.close(write)
        _one_sentence(result, 1, "standard output was closed")

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_endless_json(self, tmp_path: Path) -> None:
        """A .json input that never ends is read only up to the limit, then reported."""
        link = tmp_path / "endless.json"
        link.symlink_to("/dev/zero")
        result = _run("validate", str(link))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"{link}: $: the document is larger than 268,435,456 bytes" in result.stdout
        assert result.stdout.endswith("0 valid, 1 invalid\n")

    def test_large_json_for_ledger(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Past MAX_DOCUMENT_BYTES, ledger and convert refuse a document too."""
        monkeypatch.setattr(cli, "MAX_DOCUMENT_BYTES", 100)
        path = tmp_path / "big.json"
        path.write_text(" " * 101 + "[]")
        assert cli.main(["ledger", str(path), "--recognized", EMIRATE]) == 1
        assert "larger than 100 bytes" in capsys.readouterr().err


class TestStandardInput:
    """`-` reads standard input as JSON Lines, plain or gzip-compressed."""

    def test_validate(self, clean: Path) -> None:
        """validate - reads the events piped in."""
        for data in (clean.read_bytes(), gzip.compress(clean.read_bytes())):
            result = subprocess.run(
                [sys.executable, "-m", "diplorec", "validate", "-"],
                input=data,
                capture_output=True,
                timeout=120,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert result.stdout == f"{len(EVENTS)} valid, 0 invalid\n".encode()

    def test_ledger(self, clean: Path) -> None:
        """ledger - builds the ledger from standard input."""
        result = subprocess.run(
            [sys.executable, "-m", "diplorec", "ledger", "-", "--recognized", EMIRATE],
            input=clean.read_bytes(),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == b"state:RUS\tRussia\n"


class TestLedgerMessage:
    """An id the file has no recognition of gets a message that helps."""

    def test_state_of_a_recognised_government(
        self, clean: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Asking about state:AFG prints (none) and notes the recognised government."""
        assert cli.main(["ledger", str(clean), "--recognized", "state:AFG"]) == 0
        captured = capsys.readouterr()
        assert captured.out == "(none)\n"
        assert captured.err == (
            f"diplorec: note: no recognition in {clean} concerns 'state:AFG'; it records "
            f"recognitions of that state's government: {EMIRATE}\n"
        )
        assert "such as 'state:AFG'" not in captured.err

    def test_unrelated_party(self, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown id with nothing close gets the parties the file records recognitions of."""
        assert cli.main(["ledger", str(clean), "--recognized", "state:XKX"]) == 1
        assert capsys.readouterr().err.endswith(
            f"the parties it records recognitions of are {EMIRATE}\n"
        )

    def test_no_recognitions(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file without recognitions says so."""
        path = tmp_path / "empty.jsonl"
        path.write_text("")
        assert cli.main(["ledger", str(path), "--recognized", "state:AFG"]) == 1
        assert capsys.readouterr().err.endswith("it records no recognition of any party\n")


class TestTerminalSafety:
    """Text from the input cannot drive the terminal: controls and bidi marks are escaped."""

    HOSTILE = "x\u202e\x1b]0;owned\x07\u2066"

    def test_problem_lines(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A key holding escape sequences and bidi overrides is printed escaped."""
        record = json.loads(diplorec.dumps(EVENTS[0]))
        record[self.HOSTILE] = 1
        path = tmp_path / "hostile.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        assert cli.main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        for character in "\u202e\x1b\x07\u2066":
            assert character not in out
        assert '$["x\\u202e\\u001b]0;owned\\u0007\\u2066"]: is not a field' in out

    @pytest.mark.parametrize("tty", [True, False])
    def test_ledger_names(self, tmp_path: Path, tty: bool, monkeypatch: pytest.MonkeyPatch) -> None:
        """A party's name is escaped on a terminal and written as it is elsewhere."""
        from diplorec.examples.russia_taliban_2025 import RECOGNITION

        renamed = attrs.evolve(RECOGNITION.recognizer, name="Russia\u202eaissuR")
        path = tmp_path / "events.jsonl"
        write_jsonl([attrs.evolve(RECOGNITION, recognizer=renamed)], path)

        class Screen(io.StringIO):
            def isatty(self) -> bool:
                return tty

        screen = Screen()
        monkeypatch.setattr(sys, "stdout", screen)
        assert cli.main(["ledger", str(path), "--recognized", EMIRATE, "--on", "2025-08"]) == 0
        name = "Russia\\u202eaissuR" if tty else "Russia\u202eaissuR"
        assert screen.getvalue() == f"{renamed.id}\t{name}\n"


class TestCsvGuard:
    """convert to .csv guards cells a spreadsheet would run as formulas."""

    def test_convert(self, tmp_path: Path) -> None:
        """A party named '=1+2' arrives in the CSV as the text "'=1+2"."""
        import csv

        pytest.importorskip("diplorec.tabular")
        from diplorec.examples.russia_taliban_2025 import RECOGNITION

        renamed = attrs.evolve(RECOGNITION.recognizer, name="=1+2")
        source = tmp_path / "events.jsonl"
        write_jsonl([attrs.evolve(RECOGNITION, recognizer=renamed)], source)
        target = tmp_path / "events.csv"
        assert cli.main(["convert", str(source), str(target)]) == 0
        with target.open(encoding="utf-8", newline="") as stream:
            (row,) = list(csv.DictReader(stream))
        assert row["actor_name"] == "'=1+2"


class TestManyProblems:
    """A .json document with more problems than one error keeps still gets exact counts."""

    def test_counts(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """150 bad records and 3 good: counted exactly, 100 problems shown, then how many more."""
        good = [json.loads(diplorec.dumps(event)) for event in EVENTS[:3]]
        path = tmp_path / "many.json"
        path.write_text(json.dumps(good + [{}] * 150), encoding="utf-8")
        assert cli.main(["validate", str(path)]) == 1
        lines = capsys.readouterr().out.splitlines()
        assert lines[-1] == "3 valid, 150 invalid"
        assert lines[-2] == f"{path}: $: ... and 50 more problems"
        assert len(lines) == 102


class TestReadFailure:
    """A file that fails while being read gives one sentence too."""

    def test_input_output_error(
        self, clean: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An I/O error part way through an input exits 1, naming the file and the reason."""

        def failing(*args: Any, **kwargs: Any) -> Any:
            raise OSError(errno.EIO, "Input/output error", str(clean))

        monkeypatch.setattr(cli, "read_jsonl", failing)
        assert cli.main(["validate", str(clean)]) == 1
        assert capsys.readouterr().err == (
            f"diplorec: cannot use {clean}: an input/output error occurred\n"
        )


class TestFirstContact:
    """What a newcomer meets first: help without arguments, one error for a missing file."""

    def test_no_arguments_prints_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``diplorec`` alone prints the help on standard output and exits 0, like --help."""
        result = subprocess.run(
            [sys.executable, "-m", "diplorec"], capture_output=True, text=True, timeout=120
        )
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith("usage: diplorec")
        assert cli.main([]) == 0
        captured = capsys.readouterr()
        assert captured.out.startswith("usage: diplorec")
        assert "validate" in captured.out
        assert captured.err == ""

    def test_missing_file_has_no_summary(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that cannot be read gets one error and no "0 valid, 0 invalid" line."""
        assert cli.main(["validate", str(tmp_path / "missing.jsonl")]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1
        assert "missing.jsonl" in captured.err

    def test_summary_when_another_file_was_read(
        self, clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With one readable file among the arguments, the summary counts what was read."""
        assert cli.main(["validate", str(clean), str(tmp_path / "missing.jsonl")]) == 2
        assert capsys.readouterr().out.endswith(" valid, 0 invalid\n")

"""Tests of diplorec.jsonl: streaming JSON Lines with nothing lost, written atomically."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import diplorec
from diplorec.events import Event
from diplorec.examples.russia_taliban_2025 import EVENTS, RECOGNITION
from diplorec.jsonl import BadLine, JsonlReader, read_jsonl, write_jsonl

LINES = [diplorec.dumps(event).encode("utf-8") for event in EVENTS]


def _file(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


class TestRoundTrip:
    """write_jsonl then read_jsonl gives back the very same events."""

    @pytest.mark.parametrize("name", ["events.jsonl", "events.jsonl.gz"])
    def test_path(self, tmp_path: Path, name: str) -> None:
        """Through a file, plain or gzip-compressed, the events come back equal and in order."""
        path = tmp_path / name
        assert write_jsonl(EVENTS, path) == len(EVENTS)
        assert tuple(read_jsonl(path)) == EVENTS

    def test_str_path(self, tmp_path: Path) -> None:
        """A path may be given as a string."""
        path = str(tmp_path / "events.jsonl")
        write_jsonl(EVENTS, path)
        assert tuple(read_jsonl(path)) == EVENTS

    def test_one_event_per_line(self, tmp_path: Path) -> None:
        """Each line is the compact dumps() of one event, and the file ends with a newline."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS, path)
        assert path.read_bytes() == b"".join(line + b"\n" for line in LINES)

    def test_gzip_is_gzip_and_reproducible(self, tmp_path: Path) -> None:
        """A .gz file is real gzip, and writing it twice gives the same bytes."""
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        first, second = tmp_path / "a" / "events.jsonl.gz", tmp_path / "b" / "events.jsonl.gz"
        write_jsonl(EVENTS, first)
        write_jsonl(EVENTS, second)
        assert gzip.decompress(first.read_bytes()) == b"".join(line + b"\n" for line in LINES)
        assert first.read_bytes() == second.read_bytes()

    def test_gzip_recognised_by_content(self, tmp_path: Path) -> None:
        """gzip data is read as such whatever the file is called."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(gzip.compress(b"".join(line + b"\n" for line in LINES)))
        assert tuple(read_jsonl(path)) == EVENTS

    @pytest.mark.parametrize("kind", ["binary", "text"])
    def test_open_files(self, kind: str) -> None:
        """Open binary and text files work for writing and reading alike."""
        buffer: Any = io.BytesIO() if kind == "binary" else io.StringIO()
        assert write_jsonl(EVENTS, buffer) == len(EVENTS)
        buffer.seek(0)
        assert tuple(read_jsonl(buffer)) == EVENTS

    def test_line_separators_inside_strings(self, tmp_path: Path) -> None:
        """U+2028 and U+2029 inside a note stay inside their line."""
        event = diplorec.RecognitionAct(
            on=RECOGNITION.on,
            recognizer=RECOGNITION.recognizer,
            recognized=RECOGNITION.recognized,
            form=RECOGNITION.form,
            notes="first\u2028second\u2029third\nfourth",
        )
        path = tmp_path / "events.jsonl"
        write_jsonl([event, RECOGNITION], path)
        assert list(read_jsonl(path)) == [event, RECOGNITION]

    def test_other_models(self, tmp_path: Path) -> None:
        """Any model class can be written and read back, with cls naming it."""
        path = tmp_path / "parties.jsonl"
        parties = [RECOGNITION.recognizer, RECOGNITION.recognized]
        write_jsonl(parties, path)
        assert list(read_jsonl(path, diplorec.Party)) == parties

    @given(st.lists(st.sampled_from(EVENTS), max_size=6))
    def test_any_sequence(self, events: list[Event]) -> None:
        """Any sequence of events survives the round trip, empty included."""
        buffer = io.BytesIO()
        assert write_jsonl(events, buffer) == len(events)
        assert list(read_jsonl(io.BytesIO(buffer.getvalue()))) == events


class TestTolerated:
    """Blank lines, a final newline or none, a BOM and CRLF line ends are all fine."""

    @pytest.mark.parametrize(
        "content",
        [
            b"\n".join(LINES),
            b"\n".join(LINES) + b"\n\n\n",
            b"\n\n" + b"\n  \t\n".join(LINES) + b"\n",
            b"\xef\xbb\xbf" + b"\n".join(LINES) + b"\n",
            b"\r\n".join(LINES) + b"\r\n",
            b"\xef\xbb\xbf" + b"\r\n\r\n".join(LINES),
        ],
        ids=["no-final-newline", "trailing-blanks", "blank-lines", "bom", "crlf", "bom-crlf"],
    )
    def test_read(self, tmp_path: Path, content: bytes) -> None:
        """The events come back, and only non-blank lines are counted as read."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(content)
        reader = read_jsonl(path)
        assert tuple(reader) == EVENTS
        assert reader.lines_read == reader.valid == len(EVENTS)
        assert reader.exhausted

    def test_bom_in_text_stream(self) -> None:
        """A BOM at the start of a text stream is skipped too."""
        text = "\ufeff" + "\r\n".join(line.decode() for line in LINES)
        assert tuple(read_jsonl(io.StringIO(text))) == EVENTS

    def test_empty(self, tmp_path: Path) -> None:
        """An empty file holds no records and nothing bad."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(b"")
        reader = read_jsonl(path, errors="collect")
        assert list(reader) == []
        assert (reader.lines_read, reader.bad_lines) == (0, [])


def _broken() -> list[bytes]:
    """The example's lines with lines 3, 7 and 12 broken three different ways."""
    lines = list(LINES)
    lines[2] = b'{"type": "recognition-act",'  # not JSON
    lines[6] = lines[6].replace(b'"on":', b'"date":')  # a key renamed
    lines[11] = b"\xff" + lines[11]  # not UTF-8
    return lines


class TestRaising:
    """By default the first bad line raises a ValidationError naming its line."""

    def test_first_bad_line(self, tmp_path: Path) -> None:
        """Records before the bad line are returned; then the error names line 3."""
        reader = read_jsonl(_file(tmp_path, _broken()))
        assert [next(reader), next(reader)] == list(EVENTS[:2])
        with pytest.raises(diplorec.ValidationError) as caught:
            next(reader)
        problems = caught.value.problems
        assert {problem.line for problem in problems} == {3}
        assert problems[0].path == "$"
        assert str(problems[0]).startswith("line 3: $: not valid JSON")

    def test_path_within_the_line(self, tmp_path: Path) -> None:
        """A problem inside a record keeps its JSON path and gains the line number."""
        lines = list(LINES)
        lines[6] = lines[6].replace(b'"on":', b'"date":')
        with pytest.raises(diplorec.ValidationError) as caught:
            list(read_jsonl(_file(tmp_path, lines)))
        located = {(problem.line, problem.path) for problem in caught.value.problems}
        assert located == {(7, "$.date"), (7, "$.on")}
        assert "line 7: $.on: is required but missing" in str(caught.value)

    def test_line_numbers_count_blank_lines(self, tmp_path: Path) -> None:
        """Line numbers are those an editor shows: blank lines and a BOM line count."""
        content = b"\xef\xbb\xbf\n" + LINES[0] + b"\n\n{}\n"
        path = tmp_path / "events.jsonl"
        path.write_bytes(content)
        with pytest.raises(diplorec.ValidationError) as caught:
            list(read_jsonl(path))
        assert {problem.line for problem in caught.value.problems} == {4}

    def test_closes_file_after_error(self, tmp_path: Path) -> None:
        """After the error the reader is closed and has nothing more to give."""
        reader = read_jsonl(_file(tmp_path, _broken()))
        with pytest.raises(diplorec.ValidationError):
            list(reader)
        assert list(reader) == []
        assert not reader.exhausted


class TestCollecting:
    """With errors="collect", every good record is returned and every bad line reported."""

    def test_three_bad_lines(self, tmp_path: Path) -> None:
        """The three broken lines are reported by number; the other records come back."""
        reader = read_jsonl(_file(tmp_path, _broken()), errors="collect")
        good = list(reader)
        assert [bad.line for bad in reader.bad_lines] == [3, 7, 12]
        assert good == [event for i, event in enumerate(EVENTS) if i not in (2, 6, 11)]
        assert reader.valid + len(reader.bad_lines) == reader.lines_read == len(EVENTS)
        assert "not valid UTF-8" in str(reader.bad_lines[2])
        assert all(p.line == 12 for p in reader.bad_lines[2].problems)

    def test_bad_line_is_reported(self, tmp_path: Path) -> None:
        """A BadLine prints as its problems, one per line, each with the line number."""
        reader = read_jsonl(_file(tmp_path, _broken()), errors="collect")
        list(reader)
        assert isinstance(reader.bad_lines[1], BadLine)
        assert str(reader.bad_lines[1]).splitlines() == [
            str(problem) for problem in reader.bad_lines[1].problems
        ]
        assert str(reader.bad_lines[1]).startswith("line 7: ")

    @given(
        st.lists(
            st.one_of(
                st.sampled_from(LINES),
                st.sampled_from([b"", b"  ", b"{}", b"[]", b"null", b"{", b"\xc3", b'"x"']),
                st.binary(max_size=20),
            ),
            max_size=12,
        ),
        st.sampled_from([b"\n", b"\r\n"]),
    )
    @example(lines=[b"\x1f", b"\x8b"], end=b"\n")  # the magic bytes split by a line end
    @example(lines=[b"\xef\xbb\xbf", b"\xef\xbb\xbf"], end=b"\n")  # a BOM, then a bad line
    def test_nothing_dropped(self, lines: list[bytes], end: bytes) -> None:
        """For any mix of good, bad and blank lines, good + bad == non-blank lines read."""
        lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
        data = end.join(lines)
        # Input that opens with the gzip magic bytes is read as gzip, whatever follows
        # (see test_truncated_gzip): not a stream of lines this property is about.
        assume(not data.startswith(b"\x1f\x8b"))
        reader = read_jsonl(io.BytesIO(data), errors="collect")
        good = list(reader)
        # A byte order mark opening the first line is dropped, as the reader documents.
        content = [lines[0].removeprefix(b"\xef\xbb\xbf"), *lines[1:]] if lines else []
        blank = sum(1 for line in content if not line.strip(b" \t\r\n"))
        assert len(good) == reader.valid
        assert reader.valid + len(reader.bad_lines) == reader.lines_read == len(lines) - blank
        assert {bad.line for bad in reader.bad_lines} <= set(range(1, len(lines) + 1))

    def test_truncated_gzip(self, tmp_path: Path) -> None:
        """A gzip stream cut short raises, naming the line where reading stopped."""
        path = tmp_path / "events.jsonl.gz"
        write_jsonl(EVENTS, path)
        path.write_bytes(path.read_bytes()[:-40])
        reader = read_jsonl(path, errors="collect")
        with pytest.raises(diplorec.ValidationError, match="gzip data is corrupt or cut short"):
            list(reader)
        assert reader.valid == reader.lines_read

    def test_undecodable_text_stream(self) -> None:
        """A text stream whose bytes cannot be decoded, and whose position is unknown, raises."""

        class Pipe(io.BytesIO):
            def seekable(self) -> bool:
                return False

            def tell(self) -> int:
                raise OSError("not seekable")

        stream = io.TextIOWrapper(Pipe(LINES[0] + b"\n\xff\xfe\n"), encoding="utf-8")
        with pytest.raises(diplorec.ValidationError, match="cannot be decoded"):
            list(read_jsonl(stream, errors="collect"))

    def test_bad_errors_argument(self) -> None:
        """errors must be 'raise' or 'collect'."""
        with pytest.raises(ValueError, match="errors must be"):
            read_jsonl(io.BytesIO(b""), errors="ignore")  # type: ignore[call-overload]


class TestStreaming:
    """Reading takes the memory of one record, not of the file."""

    def test_constant_memory(self, tmp_path: Path) -> None:
        """Peak memory while reading 20 times more lines grows far less than 20 times."""

        def peak(copies: int) -> int:
            path = tmp_path / f"{copies}.jsonl"
            with path.open("wb") as out:
                for _ in range(copies):
                    out.write(b"".join(line + b"\n" for line in LINES))
            tracemalloc.start()
            for _ in read_jsonl(path):
                pass
            size = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            return size

        peak(5)  # warm the caches (dates, CAMEO table) first
        small, large = peak(5), peak(100)
        assert large < 2 * small

    def test_lazy(self) -> None:
        """Nothing is read before the first record is asked for."""

        class Exploding(io.RawIOBase):
            def readable(self) -> bool:
                return True

            def readinto(self, buffer: Any) -> int:
                raise AssertionError("read too early")

        reader = read_jsonl(io.BufferedReader(Exploding()))
        assert isinstance(reader, JsonlReader)
        reader.close()

    def test_closes_abandoned_reader(self, tmp_path: Path) -> None:
        """A reader left half-read closes its file (no ResourceWarning, an error under -W)."""
        path = _file(tmp_path, LINES)
        reader = read_jsonl(path)
        next(reader)
        del reader

    def test_context_manager(self, tmp_path: Path) -> None:
        """Leaving a with block closes the reader."""
        with read_jsonl(_file(tmp_path, LINES)) as reader:
            first = next(reader)
        assert first == EVENTS[0]
        assert list(reader) == []

    def test_too_long_line(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A line longer than MAX_LINE_BYTES is a bad line; the lines after it still read."""
        monkeypatch.setattr("diplorec.jsonl.MAX_LINE_BYTES", 64)
        path = _file(tmp_path, [b'{"x": "' + b"y" * 200 + b'"}', b"{}"])
        reader = read_jsonl(path, errors="collect")
        assert list(reader) == []
        assert [bad.line for bad in reader.bad_lines] == [1, 2]
        assert "longer than 64 bytes" in str(reader.bad_lines[0])


class TestAtomicWrite:
    """A write that fails leaves the old file as it was and no temporary file behind."""

    @staticmethod
    def _failing() -> Iterator[Event]:
        yield EVENTS[0]
        yield EVENTS[1]
        raise RuntimeError("the source broke off")

    @pytest.mark.parametrize("name", ["events.jsonl", "events.jsonl.gz"])
    def test_failure_keeps_old_file(self, tmp_path: Path, name: str) -> None:
        """The old content survives an error in the middle of writing."""
        path = tmp_path / name
        write_jsonl(EVENTS[:3], path)
        before = path.read_bytes()
        with pytest.raises(RuntimeError, match="broke off"):
            write_jsonl(self._failing(), path)
        assert path.read_bytes() == before
        assert os.listdir(tmp_path) == [name]

    def test_not_a_model(self, tmp_path: Path) -> None:
        """A value that is not a model is refused, and no file appears."""
        path = tmp_path / "events.jsonl"
        with pytest.raises(TypeError):
            write_jsonl([EVENTS[0], {"type": "meeting"}], path)
        assert os.listdir(tmp_path) == []

    def test_replaces_in_one_step(self, tmp_path: Path) -> None:
        """Rewriting a file in place, while reading it, works: the rename comes last."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS, path)
        write_jsonl(read_jsonl(path), path)
        assert tuple(read_jsonl(path)) == EVENTS

    def test_permissions_follow_umask(self, tmp_path: Path) -> None:
        """The file gets the permissions of any new file, not a temporary file's 0600."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS, path)
        umask = os.umask(0)
        os.umask(umask)
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask

    def test_json_of_each_line(self, tmp_path: Path) -> None:
        """Every line is a JSON object with its type first."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS, path)
        for line in path.read_text("utf-8").splitlines():
            assert next(iter(json.loads(line))) == "type"


def _peak(read: Any) -> int:
    """The peak of memory traced while ``read()`` runs, in bytes."""
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


MB = 1_000_000


class TestBoundedCollecting:
    """A collecting reader keeps bounded memory however many bad lines it meets, counts exact."""

    def test_kept_up_to_max_bad_lines(self) -> None:
        """Past max_bad_lines, bad lines are counted, not kept; the first ones are kept."""
        content = b"\n".join([b"[]"] * 50 + [LINES[0]])
        reader = read_jsonl(io.BytesIO(content), errors="collect", max_bad_lines=10)
        assert list(reader) == [EVENTS[0]]
        assert [bad.line for bad in reader.bad_lines] == list(range(1, 11))
        assert (reader.bad_count, reader.valid, reader.lines_read) == (50, 1, 51)

    def test_default_max_bad_lines(self) -> None:
        """By default DEFAULT_MAX_BAD_LINES bad lines are kept; None keeps them all."""
        from diplorec.jsonl import DEFAULT_MAX_BAD_LINES

        content = b"\n".join([b"[]"] * (DEFAULT_MAX_BAD_LINES + 5))
        reader = read_jsonl(io.BytesIO(content), errors="collect")
        list(reader)
        assert len(reader.bad_lines) == DEFAULT_MAX_BAD_LINES
        assert reader.bad_count == DEFAULT_MAX_BAD_LINES + 5
        every = read_jsonl(io.BytesIO(content), errors="collect", max_bad_lines=None)
        list(every)
        assert len(every.bad_lines) == every.bad_count == DEFAULT_MAX_BAD_LINES + 5

    def test_on_bad_line_sees_every_bad_line(self) -> None:
        """on_bad_line is called with each bad line, in order, kept or not."""
        seen: list[int] = []
        content = b"\n".join([b"[]", LINES[0], b"{}", b"null"])
        reader = read_jsonl(
            io.BytesIO(content),
            errors="collect",
            max_bad_lines=0,
            on_bad_line=lambda bad: seen.append(bad.line),
        )
        assert list(reader) == [EVENTS[0]]
        assert (seen, reader.bad_lines, reader.bad_count) == ([1, 3, 4], [], 3)

    def test_negative_max_bad_lines(self) -> None:
        """max_bad_lines below 0 is a mistake, said at once."""
        with pytest.raises(ValueError, match="max_bad_lines"):
            read_jsonl(io.BytesIO(b""), errors="collect", max_bad_lines=-1)

    def test_problems_per_line(self) -> None:
        """A line with 150 unknown keys keeps MAX_PROBLEMS problems and counts the rest."""
        from diplorec.errors import MAX_PROBLEMS

        record = json.loads(LINES[0]) | {f"k{i}": i for i in range(150)}
        content = json.dumps(record).encode()
        reader = read_jsonl(io.BytesIO(content), errors="collect")
        assert list(reader) == []
        (bad,) = reader.bad_lines
        assert len(bad.problems) == MAX_PROBLEMS
        assert bad.omitted == 50
        assert str(bad).splitlines()[-1] == "line 1: ... and 50 more"
        with pytest.raises(diplorec.ValidationError) as caught:
            list(read_jsonl(io.BytesIO(content)))
        assert caught.value.omitted == 50

    def test_memory_flat_in_bad_lines(self) -> None:
        """Peak memory does not grow with the number of bad lines past max_bad_lines."""
        record = json.loads(LINES[0]) | {"sources": [1] * 300}  # 300 problems a line
        line = json.dumps(record).encode() + b"\n"

        def peak(count: int) -> int:
            reader = read_jsonl(io.BytesIO(line * count), errors="collect", max_bad_lines=5)
            size = _peak(lambda: sum(1 for _ in reader))
            assert (reader.bad_count, len(reader.bad_lines)) == (count, 5)
            assert reader.bad_lines[0].omitted == 200
            return size

        peak(10)  # warm-up: imports, caches
        # Keeping all 90 more lines would take some 8 MB (27,000 more problems).
        assert peak(100) < peak(10) + MB

    @staticmethod
    def _growth(path: Path) -> dict[str, int]:
        """Read ``path`` collecting, in a fresh interpreter: counts and peak memory growth."""
        code = f"""
import json, resource
from diplorec.jsonl import read_jsonl
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
reader = read_jsonl({str(path)!r}, errors="collect")
valid = sum(1 for _ in reader)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"valid": valid, "bad": reader.bad_count, "read": reader.lines_read,
                  "kept": len(reader.bad_lines), "growth": (after - before) * 1024}}))
"""
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
        )
        result: dict[str, int] = json.loads(done.stdout)
        return result

    @pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
    def test_hundred_thousand_bad_lines(self, tmp_path: Path) -> None:
        """10^5 bad lines are read in collecting mode within 100 MB, with exact counts."""
        path = tmp_path / "bad.jsonl"
        kinds = [b"[]", b"{", b"\xff", b"[1,", b'"']
        with path.open("wb") as out:
            for i in range(100_000):
                out.write(kinds[i % len(kinds)] + b"\n")
            out.write(LINES[0] + b"\n")
        found = self._growth(path)
        assert found["growth"] < 100 * MB
        assert (found["valid"], found["bad"], found["read"]) == (1, 100_000, 100_001)
        assert found["kept"] == 1000

    @pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
    def test_gzip_bomb(self, tmp_path: Path) -> None:
        """Under 20 kB of gzip, 2,000 lines of 300 problems each: within 100 MB, exact counts.

        Kept in full, its 600,000 problems would take some 130 MB.
        """
        record = json.loads(LINES[0]) | {"sources": [1] * 300}
        line = json.dumps(record).encode() + b"\n"
        path = tmp_path / "bomb.jsonl.gz"
        path.write_bytes(gzip.compress(line * 2_000, compresslevel=9))
        assert path.stat().st_size < 20_000
        found = self._growth(path)
        assert found["growth"] < 100 * MB
        assert (found["valid"], found["bad"], found["read"]) == (0, 2_000, 2_000)

    def test_gzip_bomb_of_one_long_line(self, tmp_path: Path) -> None:
        """A 256 MiB line is a bad line, never held past the limit; the next line reads."""
        from diplorec.jsonl import MAX_LINE_BYTES

        path = tmp_path / "long.jsonl.gz"
        with gzip.open(path, "wb", compresslevel=1) as out:
            chunk = b"x" * (1 << 20)
            for _ in range(256):
                out.write(chunk)
            out.write(b"\n" + LINES[0] + b"\n")
        reader = read_jsonl(path, errors="collect")
        records: list[Event] = []
        peak = _peak(lambda: records.extend(reader))
        assert records == [EVENTS[0]]
        assert [bad.line for bad in reader.bad_lines] == [1]
        assert f"longer than {MAX_LINE_BYTES:,} bytes" in str(reader.bad_lines[0])
        assert peak < MAX_LINE_BYTES + 16 * MB

    @pytest.mark.parametrize("kind", ["binary", "text"])
    def test_line_limit_in_utf8_bytes(self, kind: str) -> None:
        """The limit counts UTF-8 bytes in binary and text streams alike."""
        lines = ['"' + "é" * 31 + '"', '"' + "é" * 32 + '"', "[" + " " * 70 + "]"]
        content = "\n".join(lines)
        stream: Any = io.StringIO(content) if kind == "text" else io.BytesIO(content.encode())
        reader = read_jsonl(stream, errors="collect", max_line_bytes=64)
        list(reader)
        long = [bad.line for bad in reader.bad_lines if "longer than 64 bytes" in str(bad)]
        assert long == [2, 3]
        assert reader.bad_count == 3


class TestTextStreams:
    """Text streams: an undecodable line is a bad line at its own number."""

    CONTENT = LINES[0] + b"\n" + LINES[1] + b"\n\xff\xfe\n" + LINES[2] + b"\n"

    def test_decode_error_at_its_line(self) -> None:
        """Collecting, the records around an undecodable line all come back."""
        stream = io.TextIOWrapper(io.BytesIO(self.CONTENT), encoding="utf-8")
        reader = read_jsonl(stream, errors="collect")
        assert list(reader) == list(EVENTS[:3])
        assert [bad.line for bad in reader.bad_lines] == [3]
        assert "not valid UTF-8" in str(reader.bad_lines[0])

    def test_raising_keeps_records_before(self, tmp_path: Path) -> None:
        """Raising, the records before the undecodable line come first, then line 3 fails."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(self.CONTENT)
        with path.open(encoding="utf-8") as stream:
            reader = read_jsonl(stream)
            assert [next(reader), next(reader)] == list(EVENTS[:2])
            with pytest.raises(diplorec.ValidationError) as caught:
                next(reader)
        assert {problem.line for problem in caught.value.problems} == {3}

    def test_from_where_the_stream_stands(self, tmp_path: Path) -> None:
        """A text file already partly read is read on from where it stands."""
        path = _file(tmp_path, LINES)
        with path.open(encoding="utf-8") as stream:
            stream.readline()
            assert tuple(read_jsonl(stream)) == EVENTS[1:]


class TestGzipStreams:
    """gzip data is recognised in any binary stream, with or without peek()."""

    def test_bytesio(self) -> None:
        """io.BytesIO has no peek(); its gzip content is still read."""
        data = gzip.compress(b"".join(line + b"\n" for line in LINES))
        assert tuple(read_jsonl(io.BytesIO(data))) == EVENTS

    def test_bare_stream(self) -> None:
        """A stream with only read() and readline() works, gzip or not."""

        class Bare:
            def __init__(self, data: bytes) -> None:
                self._inner = io.BytesIO(data)
                self.read = self._inner.read
                self.readline = self._inner.readline

        plain = b"".join(line + b"\n" for line in LINES)
        for data in (plain, gzip.compress(plain)):
            assert tuple(read_jsonl(Bare(data))) == EVENTS  # type: ignore[call-overload]

    @pytest.mark.parametrize("content", [b"", b"\n", b"x", b"{}"])
    def test_short_streams(self, content: bytes) -> None:
        """Streams of fewer than two bytes, or two, are read as they are."""
        reader = read_jsonl(io.BytesIO(content), errors="collect")
        assert list(reader) == []
        assert reader.bad_count == (1 if content.strip() else 0)


_SLOW_WRITER = """
import signal, sys, time
from diplorec.jsonl import write_jsonl

# a process started in the background inherits SIGINT ignored; act as a terminal's would
signal.signal(signal.SIGINT, signal.default_int_handler)
from diplorec.examples.russia_taliban_2025 import EVENTS

def slow():
    yield EVENTS[0]
    print("writing", flush=True)
    time.sleep(120)
    yield EVENTS[1]

write_jsonl(slow(), sys.argv[1])
"""


class TestWriteRules:
    """write_jsonl keeps permissions, writes through links and never leaves a temporary file."""

    @pytest.mark.parametrize("name", ["events.jsonl", "events.jsonl.gz"])
    def test_keeps_private_mode(self, tmp_path: Path, name: str) -> None:
        """A 0600 file stays 0600 once replaced."""
        path = tmp_path / name
        write_jsonl(EVENTS[:1], path)
        path.chmod(0o600)
        write_jsonl(EVENTS, path)
        assert path.stat().st_mode & 0o777 == 0o600
        assert tuple(read_jsonl(path)) == EVENTS

    def test_keeps_wider_mode(self, tmp_path: Path) -> None:
        """A 0664 file stays 0664, whatever the umask."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS[:1], path)
        path.chmod(0o664)
        umask = os.umask(0o077)
        try:
            write_jsonl(EVENTS, path)
        finally:
            os.umask(umask)
        assert path.stat().st_mode & 0o777 == 0o664

    def test_temporary_file_private_while_writing(self, tmp_path: Path) -> None:
        """While a private file is being replaced, the temporary file is private too."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS[:1], path)
        path.chmod(0o600)
        modes: list[int] = []

        def watching() -> Iterator[Event]:
            yield EVENTS[0]
            (temporary,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            modes.append(temporary.stat().st_mode & 0o777)

        write_jsonl(watching(), path)
        assert modes == [0o600]

    def test_writes_through_symlink(self, tmp_path: Path) -> None:
        """A symbolic link stays a link; the file it points to gets the new content."""
        real = tmp_path / "data" / "events.jsonl"
        real.parent.mkdir()
        write_jsonl(EVENTS[:1], real)
        link = tmp_path / "latest.jsonl"
        link.symlink_to(real)
        write_jsonl(EVENTS, link)
        assert link.is_symlink()
        assert tuple(read_jsonl(real)) == EVENTS
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "latest.jsonl"]
        assert [p.name for p in real.parent.iterdir()] == ["events.jsonl"]

    def test_dangling_symlink(self, tmp_path: Path) -> None:
        """A link to a file not yet there makes that file, and stays a link."""
        link = tmp_path / "latest.jsonl"
        link.symlink_to(tmp_path / "new.jsonl")
        write_jsonl(EVENTS, link)
        assert link.is_symlink()
        assert tuple(read_jsonl(tmp_path / "new.jsonl")) == EVENTS

    def test_directory_refused(self, tmp_path: Path) -> None:
        """A directory target is refused before anything is written."""
        with pytest.raises(IsADirectoryError):
            write_jsonl(EVENTS, tmp_path)
        assert list(tmp_path.iterdir()) == []

    def test_device(self) -> None:
        """A device such as /dev/null is written to directly, not replaced."""
        assert write_jsonl(EVENTS, os.devnull) == len(EVENTS)
        assert Path(os.devnull).exists()

    def test_keyboard_interrupt(self, tmp_path: Path) -> None:
        """Ctrl-C in the middle of writing leaves the old file and no temporary file."""
        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS[:2], path)
        before = path.read_bytes()

        def interrupted() -> Iterator[Event]:
            yield EVENTS[0]
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            write_jsonl(interrupted(), path)
        assert path.read_bytes() == before
        assert os.listdir(tmp_path) == ["events.jsonl"]

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
    @pytest.mark.parametrize("name", ["SIGTERM", "SIGINT"])
    def test_signal(self, tmp_path: Path, name: str) -> None:
        """SIGTERM or SIGINT while writing: the process ends, the temporary file goes."""
        import signal

        path = tmp_path / "events.jsonl"
        write_jsonl(EVENTS[:2], path)
        before = path.read_bytes()
        child = subprocess.Popen(
            [sys.executable, "-c", _SLOW_WRITER, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == b"writing\n"
            assert len(os.listdir(tmp_path)) == 2  # the temporary file is there
            child.send_signal(getattr(signal, name))
            status = child.wait(timeout=60)
        finally:
            child.kill()
            child.wait()
            if child.stdout is not None:
                child.stdout.close()
        assert status == -getattr(signal, name)
        assert os.listdir(tmp_path) == ["events.jsonl"]
        assert path.read_bytes() == before

"""A record with many faults: the first MAX_PROBLEMS problems, an exact count, bounded memory.

The explain mode keeps the first :data:`~diplorec.errors.MAX_PROBLEMS` problems it
finds and only counts the rest, so every path that reports bad wire data (``from_dict``,
``loads``, ``read_jsonl`` in both modes, ``Dossier.from_document`` and ``diplorec
validate``) shows the same first problems as the full list, in the same order, and an
exact "and K more". The full list comes from the detailed pass the explain mode
replaced (``_explain_reference``), which keeps every problem.
"""

from __future__ import annotations

import copy
import io
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from _explain_reference import explain as reference_explain

import diplorec
from diplorec import Dossier, Event, Party, Problem, ValidationError, cli, converters
from diplorec._explain import read_explained
from diplorec.errors import MAX_PROBLEMS

_CONVERTER = converters.make_converter()


def _recognition(partners: list[dict[str, Any]]) -> dict[str, Any]:
    """A recognition act with the given collective partners."""
    return {
        "type": "recognition-act",
        "on": "2025-07-03",
        "recognizer": {"type": "state", "name": "Russia", "iso3": "RUS"},
        "recognized": {"type": "state", "name": "Afghanistan", "iso3": "AFG"},
        "form": "express",
        "collective_with": partners,
    }


def bad_partners(count: int) -> dict[str, Any]:
    """A recognition whose ``count`` partners each have one bad ISO code (one problem each)."""
    return _recognition(
        [{"type": "state", "name": f"State {i}", "iso3": "bad"} for i in range(count)]
    )


def unknown_keys(count: int) -> dict[str, Any]:
    """A state with ``count`` keys that are not fields (one problem each)."""
    party: dict[str, Any] = {"type": "state", "name": "Afghanistan", "iso3": "AFG"}
    party.update((f"k{i}", i) for i in range(count))
    return party


def unknown_event_keys(count: int) -> dict[str, Any]:
    """A recognition with ``count`` keys that are not fields (one problem each)."""
    record = bad_partners(0)
    record.update((f"k{i}", i) for i in range(count))
    return record


def mixed_faults(count: int) -> dict[str, Any]:
    """A recognition whose partners fail in turn in different ways, at different depths."""
    partners: list[dict[str, Any]] = []
    for i in range(count):
        partner: dict[str, Any] = {"type": "state", "name": f"State {i}", "iso3": "ABC"}
        if i % 3 == 0:
            partner["iso3"] = "abc"
        elif i % 3 == 1:
            partner["extra"] = i
            del partner["name"]
        else:
            partner = {"type": "government", "name": f"G{i}", "state": {"type": "state"}}
        partners.append(partner)
    record = _recognition(partners)
    record["form"] = "telepathic"
    record["unknown"] = True
    return record


def _raised(call: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


class TestTheFirstProblemsAndAnExactCount:
    """Past the cap, the same first problems in the same order, and the rest counted."""

    @pytest.mark.parametrize(
        ("data", "tp"),
        [
            (bad_partners(250), Event),
            (unknown_keys(250), Party),
            (mixed_faults(250), Event),
            (bad_partners(MAX_PROBLEMS + 1), Event),
        ],
        ids=["bad-partners", "unknown-keys", "mixed-faults", "one-past-the-cap"],
    )
    def test_same_as_the_full_list(self, data: Any, tp: Any) -> None:
        """The kept problems are the full list's first ones; omitted counts the others."""
        everything = reference_explain(copy.deepcopy(data), tp, _CONVERTER)
        assert len(everything) > MAX_PROBLEMS
        explained = read_explained(data, tp)
        assert explained.problems == everything[:MAX_PROBLEMS]
        assert explained.omitted == len(everything) - MAX_PROBLEMS
        error = _raised(lambda: diplorec.from_dict(data, tp))
        assert list(error.problems) == everything[:MAX_PROBLEMS]
        assert error.omitted == len(everything) - MAX_PROBLEMS

    def test_250_bad_items(self) -> None:
        """250 bad partners: 100 problems shown, then "and 150 more"; loads says the same."""
        text = json.dumps(bad_partners(250))
        for error in (
            _raised(lambda: diplorec.loads(text, Event)),
            _raised(lambda: diplorec.loads(text.encode(), Event)),
            _raised(lambda: diplorec.from_dict(json.loads(text), Event)),
        ):
            lines = str(error).splitlines()
            assert lines[0] == "250 problems found:"
            assert lines[-1] == "  ... and 150 more"
            assert len(lines) == 1 + MAX_PROBLEMS + 1
            assert [p.path for p in error.problems] == [
                f"$.collective_with[{i}].iso3" for i in range(MAX_PROBLEMS)
            ]

    def test_at_the_cap_nothing_is_omitted(self) -> None:
        """Exactly MAX_PROBLEMS problems are all shown, with no "more" line."""
        error = _raised(lambda: diplorec.from_dict(bad_partners(MAX_PROBLEMS), Event))
        assert (len(error.problems), error.omitted) == (MAX_PROBLEMS, 0)
        assert "more" not in str(error)

    def test_an_array_with_a_bad_item_reads_no_value(self) -> None:
        """Good items after a bad one do not make the array readable."""
        data = _recognition(
            [{"type": "state", "name": "X", "iso3": "bad"}]
            + [{"type": "state", "name": f"S{i}", "iso3": "ABC"} for i in range(3)]
        )
        explained = read_explained(data, Event)
        assert [p.path for p in explained.problems] == ["$.collective_with[0].iso3"]
        assert explained.omitted == 0


class TestJsonLines:
    """A bad line keeps the first problems and the exact count, in either mode."""

    def test_collecting_mode(self) -> None:
        """The bad line carries 100 problems numbered with its line, and omitted 150."""
        good = diplorec.dumps(diplorec.loads(json.dumps(bad_partners(0)), Event))
        stream = io.BytesIO(f"{good}\n{json.dumps(bad_partners(250))}\n{good}\n".encode())
        reader = diplorec.read_jsonl(stream, errors="collect")
        assert len(list(reader)) == 2
        (bad,) = reader.bad_lines
        assert (bad.line, len(bad.problems), bad.omitted) == (2, MAX_PROBLEMS, 150)
        assert {problem.line for problem in bad.problems} == {2}
        assert str(bad).splitlines()[-1] == "line 2: ... and 150 more"

    def test_raising_mode(self) -> None:
        """The error raised for the bad line counts the same."""
        stream = io.BytesIO(json.dumps(unknown_keys(250)).encode() + b"\n")
        reader = diplorec.read_jsonl(stream, Party)
        error = _raised(lambda: list(reader))
        assert (len(error.problems), error.omitted) == (MAX_PROBLEMS, 150)
        assert error.problems[0] == Problem(
            path="$.k0",
            message="is not a field of state; expected one of "
            + ", ".join(sorted(f.name for f in diplorec.State.__attrs_attrs__)),
            line=1,
        )


class TestDossierDocument:
    """A dossier's events add up: the first problems across events, and every one counted."""

    def test_counts_across_events(self) -> None:
        """Three events of 60 problems: the first 100 in event order, then "and 80 more"."""
        document = {
            "type": "dossier",
            "spec_version": diplorec.SPEC_VERSION,
            "events": [bad_partners(60) for _ in range(3)],
        }
        error = _raised(lambda: Dossier.from_document(document))
        expected = [
            f"$.events[{event}].collective_with[{i}].iso3" for event in range(3) for i in range(60)
        ][:MAX_PROBLEMS]
        assert [p.path for p in error.problems] == expected
        assert error.omitted == 80

    def test_counts_what_an_event_omitted(self) -> None:
        """An event with more than 100 problems adds its own omitted count to the total."""
        document = {
            "type": "dossier",
            "spec_version": diplorec.SPEC_VERSION,
            "events": [bad_partners(250), bad_partners(2)],
            "extra": 1,
        }
        error = _raised(lambda: Dossier.from_document(document))
        assert error.problems[0].path == "$.extra"
        assert error.omitted == 1 + 250 + 2 - MAX_PROBLEMS
        assert str(error).splitlines()[0] == "253 problems found:"


class TestValidateCommand:
    """``diplorec validate`` prints the first problems and the exact count of the rest."""

    def test_jsonl(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A line of 250 problems: 100 printed, then "and 150 more" for that line."""
        path = tmp_path / "bad.jsonl"
        path.write_text(json.dumps(bad_partners(250)) + "\n")
        assert cli.main(["validate", str(path)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[-2] == f"{path}:1: $: ... and 150 more"
        assert out[-1] == "0 valid, 1 invalid"
        assert len(out) == MAX_PROBLEMS + 2

    def test_json_document(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Two records of 250 problems: 100 printed, "and 400 more", both counted invalid."""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps([bad_partners(250), bad_partners(250)]))
        assert cli.main(["validate", str(path)]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[-2] == f"{path}: $: ... and 400 more problems"
        assert out[-1] == "0 valid, 2 invalid"

    @pytest.mark.parametrize("suffix", [".jsonl", ".json"])
    def test_other_commands(
        self, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """convert and ledger, refusing a bad file, also say how many problems they left out."""
        path = tmp_path / f"bad{suffix}"
        path.write_text(json.dumps(bad_partners(250)) + "\n")
        line = f"{path}:1" if suffix == ".jsonl" else str(path)
        commands = [
            ["convert", str(path), str(tmp_path / "out.csv")],
            ["ledger", str(path), "--recognized", "state:AFG", "--on", "2025"],
        ]
        for command in commands:
            assert cli.main(command) == 1
            err = capsys.readouterr().err.splitlines()
            assert f"{line}: $: ... and 150 more problems" in err
            assert len([text for text in err if "collective_with" in text]) == MAX_PROBLEMS


# Enough problems that keeping each would cost far more than the bound below.
_MANY = 100_000


def _peak(call: Any) -> int:
    """The most memory (bytes) allocated at once while ``call()`` runs."""
    tracemalloc.start()
    try:
        call()
    except ValidationError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


class TestMemory:
    """Explaining a record takes memory bounded by the cap, not by the number of problems."""

    @pytest.mark.parametrize(
        "build", [bad_partners, unknown_event_keys], ids=["partners", "event-keys"]
    )
    def test_peak_is_bounded(self, build: Any) -> None:
        """10⁵ problems in one record: the rejection peaks below a twentieth of its JSON size.

        Keeping every problem would cost at least the size of a bare ``Problem`` per
        problem, which is already above that bound; the data is parsed before measuring.
        """
        data = build(_MANY)
        bound = len(json.dumps(data)) // 20
        problem = Problem(path="$.collective_with[99999].iso3", message="is wrong")
        assert _MANY * sys.getsizeof(problem) > bound  # keeping them would break the bound
        diplorec.from_dict(bad_partners(0), Event)  # build the reader before measuring
        assert _peak(lambda: diplorec.from_dict(data, Event)) < bound
        assert _peak(lambda: read_explained(data, Event)) < bound
        explained = read_explained(data, Event)
        assert (len(explained.problems), explained.omitted) == (MAX_PROBLEMS, _MANY - 100)

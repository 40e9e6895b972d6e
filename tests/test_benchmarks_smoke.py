"""The benchmark suite at a tiny size, so its code cannot rot; nothing here is timed."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import _benchmarks
import pytest

import diplorec

generate = _benchmarks.module("corpus").generate
to_jsonl = _benchmarks.module("corpus").to_jsonl

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")

# both need pydantic and msgspec, hence after the skips
parity = _benchmarks.module("parity")
run = _benchmarks.module("run")
libraries = _benchmarks.module("libraries").libraries

N = 120


class TestShipped:
    """The source distribution holds what these tests load from beside them."""

    def test_sdist_ships_benchmarks(self) -> None:
        """pyproject's sdist section includes benchmarks/ as well as the package and tests."""
        pyproject = _benchmarks.DIRECTORY.parent / "pyproject.toml"
        build = tomllib.loads(pyproject.read_text("utf-8"))["tool"]["hatch"]["build"]
        assert {"diplorec", "tests", "benchmarks"} <= set(build["targets"]["sdist"]["include"])

    def test_loaded_from_beside_the_tests(self) -> None:
        """The corpus module comes from the benchmarks/ next to tests/, not from sys.path."""
        corpus = _benchmarks.module("corpus")
        assert Path(corpus.__file__).resolve() == _benchmarks.DIRECTORY / "corpus.py"


@pytest.fixture(scope="module")
def corpus() -> bytes:
    """A tiny corpus."""
    return to_jsonl(generate(N, seed=5))


class TestCorpus:
    """The generated corpus is deterministic, valid, and has the promised mix."""

    def test_deterministic(self, corpus: bytes) -> None:
        """The same seed gives the same bytes; a longer corpus starts with a shorter one."""
        assert to_jsonl(generate(N, seed=5)) == corpus
        assert to_jsonl(generate(N + 30, seed=5)).startswith(corpus)
        assert to_jsonl(generate(N, seed=6)) != corpus

    def test_readable_and_mixed(self, corpus: bytes) -> None:
        """Every line reads back as an event; all five event types and 1-3 citations appear."""
        events = [diplorec.loads(line, diplorec.Event) for line in corpus.splitlines()]
        assert len(events) == N
        assert {type(event).TAG for event in events} == {
            "recognition-act",
            "recognition-withdrawal",
            "credential-presentation",
            "meeting",
            "statement",
        }
        assert {len(event.sources) for event in events} == {1, 2, 3}
        assert len({event.on.precision for event in events}) >= 4


class TestDistinctCorpus:
    """The distinct corpus repeats no actor and no date, and is as readable."""

    def test_nothing_repeats(self) -> None:
        """Every party, person and date text appears in one event only."""
        events = generate(N, seed=5, distinct=True)
        seen: dict[str, int] = {}
        for index, event in enumerate(events):
            record = diplorec.to_dict(event)
            for key in _actor_ids(record) | {record["on"]}:
                assert seen.setdefault(key, index) == index, key
        lines = to_jsonl(events).splitlines()
        assert [diplorec.loads(line, diplorec.Event) for line in lines] == events


def _actor_ids(record: object) -> set[str]:
    """The ids of the top-level parties and people inside a record (not nested states)."""
    found: set[str] = set()
    if isinstance(record, dict):
        if record.get("type") in ("state", "government", "organization") or (
            "id" in record and str(record["id"]).startswith("person:")
        ):
            found.add(record["id"])
            return found
        for value in record.values():
            found |= _actor_ids(value)
    elif isinstance(record, list):
        for value in record:
            found |= _actor_ids(value)
    return found


class TestParity:
    """The three libraries agree on the corpus, and the checks can tell when they do not."""

    def test_same_content(self, corpus: bytes) -> None:
        """Every library's reading round-trips to diplorec's canonical dicts."""
        libs = libraries()
        parity.check_content(corpus, {lib.name: lib.load(corpus) for lib in libs}, libs)

    def test_content_check_fails_on_a_difference(self, corpus: bytes) -> None:
        """A library that reads one event differently is caught."""
        libs = libraries()
        loaded = {lib.name: lib.load(corpus) for lib in libs}
        loaded["msgspec"][3] = loaded["msgspec"][4]
        with pytest.raises(parity.ParityError, match="msgspec differs"):
            parity.check_content(corpus, loaded, libs)

    def test_same_rules(self, corpus: bytes) -> None:
        """Every library refuses every broken record."""
        assert parity.check_rules(corpus, libraries(), limit=15) > 100

    def test_rules_check_fails_on_a_lenient_library(self, corpus: bytes) -> None:
        """A library that accepts a broken record is caught."""
        lenient = libraries()[0]
        lenient = type(lenient)(
            "lenient", lambda data: [], lenient.dump, lenient.to_dicts, lenient.from_dicts
        )
        with pytest.raises(parity.ParityError, match="lenient accepts"):
            parity.check_rules(corpus, [lenient], limit=2)


class TestRunner:
    """The runner measures every operation and writes the JSON the issue describes."""

    def test_quick_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--quick at a tiny N prints a table and writes medians per library and op."""
        out = tmp_path / "out.json"
        assert run.main(["--quick", "-n", "150", "--repeat", "1", "--json", str(out)]) == 0
        report = json.loads(out.read_text("utf-8"))
        assert report["N"] == 150
        assert report["corpus"] == "standard"
        assert [run["corpus"] for run in report["other_runs"]] == ["distinct"]
        for op in ("load", "dump", "load_gc_off", "dump_gc_off"):
            assert set(report["ops"][op]) == {"diplorec", "pydantic", "msgspec", "floor"}
            assert all(seconds > 0 for seconds in report["ops"][op].values())
            assert report["ratios"][op]["vs_pydantic"] > 0
        assert {check["what"] for check in report["targets"]} >= {
            "load vs pydantic",
            "load_gc_off vs msgspec",
            "dump vs msgspec",
            "memory vs pydantic",
            "import vs pydantic",
        }
        assert set(report["ops"]["dump_floor"]) == {"diplorec", "msgspec", "prebuilt"}
        assert report["ratios"]["dump_floor"]["vs_prebuilt"] > 0
        checks = {check["what"]: check for check in report["targets"]}
        ops = report["ops"]
        assert checks["load vs pydantic"]["floor"] == ops["load"]["floor"] / ops["load"]["pydantic"]
        assert checks["load_gc_off vs msgspec"]["floor"] == (
            ops["load_gc_off"]["floor"] / ops["load_gc_off"]["msgspec"]
        )
        dump_floor = ops["dump_floor"]["prebuilt"] / ops["dump_floor"]["msgspec"]
        assert checks["dump vs msgspec"]["floor"] == dump_floor
        assert checks["memory vs pydantic"]["floor"] is None
        printed = capsys.readouterr().out
        assert f"floor {dump_floor:.2f}" in printed
        assert "load_gc_off" in printed
        assert "targets" in printed
        assert printed.count("dump floor: orjson writing diplorec's dicts") == 2  # each corpus

    def test_scaling_table(self) -> None:
        """The scaling table gives µs per event at each size and its ratio to the size before."""
        runs = [
            {
                "N": n,
                "corpus": "standard",
                "ops": {
                    "load": {"diplorec": n * seconds, "pydantic": n * 2 * seconds},
                    "load_gc_off": {"diplorec": n * seconds, "pydantic": n * seconds},
                },
            }
            for n, seconds in ((1_000, 1e-4), (10_000, 1.5e-4))
        ]
        table = run.format_scaling(runs)
        rows = table.splitlines()
        assert rows[0].startswith("scaling, standard corpus")
        assert "100.0" in rows[2]
        assert "x" not in rows[2]
        assert "150.0" in rows[3]
        assert "1.50x" in rows[3]


class TestScaling:
    """``python -m benchmarks.scaling`` measures diplorec's load at each size and prints it."""

    def test_corpus_in_chunks(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Made a chunk at a time, a corpus and its starts are what generate() gives."""
        scaling = _benchmarks.module("scaling")
        monkeypatch.setattr(scaling, "_CHUNK", 100)
        for distinct in (False, True):
            data = scaling.corpus(345, distinct, cache=tmp_path)
            assert data == to_jsonl(generate(345, distinct=distinct))
            assert scaling.prefix(data, 201) == to_jsonl(generate(201, distinct=distinct))
            assert scaling.corpus(345, distinct, cache=tmp_path) == data  # from the file
        assert len(list(tmp_path.iterdir())) == 2

    def test_table(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Both corpora, every size, every measurement, and the ratio to the size before."""
        scaling = _benchmarks.module("scaling")
        out = tmp_path / "out.json"
        assert scaling.main(["-n", "40", "100", "--repeat", "1", "--json", str(out)]) == 0
        results = json.loads(out.read_text("utf-8"))["results"]
        assert [(r["corpus"], r["N"]) for r in results] == [
            ("standard", 40),
            ("standard", 100),
            ("distinct", 40),
            ("distinct", 100),
        ]
        for result in results:
            assert set(result["seconds"]) == {"load", "load_gc_off", "read_jsonl_pause_gc"}
            assert all(seconds > 0 for seconds in result["seconds"].values())
        printed = capsys.readouterr().out.splitlines()
        assert printed[0] == "diplorec load, standard corpus: µs per event, ÷ the size before"
        assert printed[2].split()[0] == "40"
        assert "x" not in printed[2]
        assert printed[3].split()[0] == "100"
        assert printed[3].count("x") == 3
        assert any(line.startswith("diplorec load, distinct corpus") for line in printed)

    def test_target_line(self) -> None:
        """With 10⁵ and 10⁶ measured, the table ends with the target's ratio and verdict."""
        scaling = _benchmarks.module("scaling")

        def result(n: int, us: float) -> dict[str, object]:
            seconds = {key: us * n / 1e6 for key, _ in scaling.COLUMNS}
            return {"N": n, "corpus": "standard", "seconds": seconds}

        met = scaling.format_table([result(100_000, 80.0), result(1_000_000, 88.0)])
        assert met.splitlines()[-1].endswith("= 1.10 (≤ 1.1) met")
        missed = scaling.format_table([result(100_000, 80.0), result(1_000_000, 89.6)])
        assert missed.splitlines()[-1].endswith("= 1.12 (≤ 1.1) NOT met")
        assert "target" not in scaling.format_table([result(1_000, 80.0), result(10_000, 99.0)])

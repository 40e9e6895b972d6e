"""GDELT 2.0 event files stream into coded events: cited, dated, filtered, folded, reported."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from diplorec import CodedEvent, Organization, ValidationError
from diplorec.interchange.gdelt import COLUMNS, read_gdelt

FIXTURE = Path(__file__).parent / "fixtures" / "gdelt" / "20250703120000.export.CSV"


def collect(**options: object) -> tuple[list[CodedEvent], object]:
    reader = read_gdelt(FIXTURE, errors="collect", **options)  # type: ignore[arg-type]
    return list(reader), reader


def row(**values: str) -> bytes:
    """One 61-column row: a 054 by Russia towards Afghanistan unless told otherwise."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        GLOBALEVENTID="1",
        SQLDATE="20250703",
        Actor1CountryCode="RUS",
        Actor2CountryCode="AFG",
        EventCode="054",
        DATEADDED="20250703120000",
        SOURCEURL="https://news.example.org/a",
    )
    cells.update(values)
    return ("\t".join(cells[name] for name in COLUMNS) + "\n").encode()


class TestColumns:
    """The reader knows GDELT 2.0's 61 columns by name."""

    def test_layout(self) -> None:
        """61 names, from GLOBALEVENTID to SOURCEURL, with the event code at index 26."""
        assert len(COLUMNS) == 61
        assert (COLUMNS[0], COLUMNS[1], COLUMNS[26], COLUMNS[59], COLUMNS[60]) == (
            "GLOBALEVENTID",
            "SQLDATE",
            "EventCode",
            "DATEADDED",
            "SOURCEURL",
        )
        assert len(set(COLUMNS)) == 61


class TestRecognitionCandidate:
    """A 054 row reads as a recognition candidate citing its URL."""

    def test_054(self) -> None:
        """CAMEO 054, on SQLDATE, Russia → Afghanistan, citing both reports of the act."""
        events, _ = collect()
        event = events[0]
        assert (event.cameo, str(event.on), event.on.precision.value) == (
            "054",
            "2025-07-03",
            "day",
        )
        assert (event.actor.id, event.target.id) == ("state:RUS", "state:AFG")  # type: ignore[union-attr]
        urls = [citation.source.url for citation in event.sources]
        assert urls == [
            "https://news.example.org/2025/07/03/russia-recognises-taliban",
            "https://wire.example.com/world/russia-afghanistan-recognition",
        ]
        assert [c.locator for c in event.sources] == [
            "GDELT GLOBALEVENTID 1250000001",
            "GDELT GLOBALEVENTID 1250000002",
        ]
        assert event.sources[0].source.retrieved == dt.datetime(2025, 7, 3, 12, tzinfo=dt.UTC)
        assert event.description == (
            "Grant diplomatic recognition: RUSSIA (RUSGOV) → TALIBAN (AFGTAL), as coded by GDELT"
        )

    def test_same_act_one_id(self) -> None:
        """Two rows of one act are one event; the fold is counted, not hidden."""
        events, reader = collect()
        assert len({event.id for event in events}) == len(events)
        assert reader.merged == 1  # type: ignore[attr-defined]


class TestCountries:
    """CAMEO actor country codes map to ISO 3166-1; groups become organizations."""

    def test_old_cameo_code_and_group(self) -> None:
        """ROM is Romania (ISO ROU); the group UNO an organization; a citation text stays."""
        events, _ = collect()
        (event,) = [e for e in events if e.cameo == "161"]
        assert event.actor is not None
        assert (event.actor.id, event.actor.iso3, event.actor.iso2) == ("state:ROU", "ROU", "RO")  # type: ignore[union-attr]
        assert isinstance(event.target, Organization)
        assert event.target.acronym == "UNO"
        assert event.sources[0].source.url is None
        assert event.sources[0].source.title == "BBC Monitoring"

    def test_mapping_table(self) -> None:
        """Every ISO alpha-3 code maps to itself; ROM, TMP, ZAR and KOS to today's codes."""
        from importlib import resources

        text = resources.files("diplorec").joinpath("data/cameo_countries.csv").read_text("utf-8")
        table = {r["cameo"]: r["iso3"] for r in csv.DictReader(io.StringIO(text))}
        changed = {cameo: iso for cameo, iso in table.items() if cameo != iso}
        assert changed == {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KOS": "XKX"}
        assert {"AFG", "RUS", "CHN", "QAT", "ARE", "USA", "GBR", "FRA", "PSE", "TWN"} <= set(table)
        assert "AFR" not in table  # a region, not a state

    def test_unknown_country_and_no_group(self) -> None:
        """An actor with a region code and no group is no party; its codes stay in the text."""
        (event,) = read_gdelt(io.BytesIO(row(Actor2CountryCode="AFR", Actor2Code="AFR")))
        assert event.target is None
        assert "(AFR)" in event.description


class TestFilter:
    """Filtering by code families keeps what was asked and counts what was not."""

    def test_families(self) -> None:
        """05 and 16 keep 054 and 161, skip 042 and 190, and still report bad rows."""
        events, reader = collect(codes=["05", "16"])
        assert [e.cameo for e in events] == ["054", "161"]
        assert reader.skipped == 2  # type: ignore[attr-defined]
        # A bad date in a kept row and an unknown code are reported whatever the filter.
        assert [bad.line for bad in reader.bad_lines] == [3, 6, 8]  # type: ignore[attr-defined]

    def test_single_code_string(self) -> None:
        """One code may be given as a string."""
        events, _ = collect(codes="042")
        assert [e.cameo for e in events] == ["042"]

    def test_bad_filter(self) -> None:
        """A filter that is not a CAMEO code is refused before reading."""
        with pytest.raises(ValueError, match="'5' is not a CAMEO event code"):
            read_gdelt(FIXTURE, codes=["5"])


class TestMalformedRows:
    """Malformed rows are reported by line, never dropped silently."""

    def test_collected(self) -> None:
        """Three bad rows, each with its line and the column at fault; the counts add up."""
        events, reader = collect()
        bad = reader.bad_lines  # type: ignore[attr-defined]
        assert [line.line for line in bad] == [3, 6, 8]
        assert "has 60 tab-separated columns" in str(bad[0])
        assert str(bad[1]) == "line 6: $[1] (SQLDATE): '2025073' is not a date in YYYYMMDD form"
        assert str(bad[2]) == "line 8: $[26] (EventCode): '999' is not a CAMEO event code"
        merged, skipped = reader.merged, reader.skipped  # type: ignore[attr-defined]
        assert reader.valid + merged + skipped + len(bad) == reader.lines_read == 8  # type: ignore[attr-defined]
        assert reader.exhausted  # type: ignore[attr-defined]
        assert len(events) == 4

    def test_raise(self) -> None:
        """By default the first bad row raises with its line number."""
        with pytest.raises(ValidationError, match="line 3: \\$: has 60"):
            list(read_gdelt(FIXTURE))

    def test_every_problem_of_a_row(self) -> None:
        """A row with a bad date and a bad time of addition reports both columns."""
        reader = read_gdelt(io.BytesIO(row(SQLDATE="2025-07-03", DATEADDED="x")), errors="collect")
        assert list(reader) == []
        assert [p.path for p in reader.bad_lines[0].problems] == [
            "$[1] (SQLDATE)",
            "$[59] (DATEADDED)",
        ]

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are a bad row."""
        reader = read_gdelt(io.BytesIO(b"\xff\xfe\n"), errors="collect")
        assert list(reader) == []
        assert "not UTF-8" in str(reader.bad_lines[0])


class TestFiles:
    """.CSV and .CSV.zip files, paths or open files, are read as streams."""

    def test_zip(self, tmp_path: Path) -> None:
        """The zipped export reads exactly like the plain one."""
        target = tmp_path / "20250703120000.export.CSV.zip"
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(FIXTURE, FIXTURE.name)
        plain, _ = collect()
        zipped = list(read_gdelt(target, errors="collect"))
        assert zipped == plain

    def test_zip_with_two_tables(self, tmp_path: Path) -> None:
        """A zip file that holds more than one table is refused with its contents named."""
        target = tmp_path / "two.zip"
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("a.CSV", "")
            archive.writestr("b.CSV", "")
        with pytest.raises(ValueError, match=r"holds a\.CSV, b\.CSV"):
            read_gdelt(target)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a FileNotFoundError naming it."""
        with pytest.raises(FileNotFoundError, match=r"nope\.CSV"):
            read_gdelt(tmp_path / "nope.CSV")

    def test_window_bounds_memory(self) -> None:
        """With a window of one event, rows of one act apart by another come out twice."""
        data = row(GLOBALEVENTID="1") + row(EventCode="042") + row(GLOBALEVENTID="2")
        events = list(read_gdelt(io.BytesIO(data), window=1))
        assert [e.cameo for e in events] == ["054", "042", "054"]
        folded = list(read_gdelt(io.BytesIO(data)))
        assert [e.cameo for e in folded] == ["054", "042"]
        # Each GDELT record stays citable by its own id, even for one article.
        assert [c.locator for c in folded[0].sources] == [
            "GDELT GLOBALEVENTID 1",
            "GDELT GLOBALEVENTID 2",
        ]
        twice = list(read_gdelt(io.BytesIO(row() + row())))
        assert len(twice[0].sources) == 1  # a repeated row adds nothing new

    def test_closes_what_it_opened(self, tmp_path: Path) -> None:
        """Leaving a with block early closes the file."""
        with read_gdelt(FIXTURE, errors="collect") as reader:
            next(reader)
        assert reader.lines_read >= 1

    def test_close_stops_reading(self) -> None:
        """close() stops the reading, also from a stream the caller opened and keeps."""
        data = row(GLOBALEVENTID="1") + row(GLOBALEVENTID="2", EventCode="042") + row()
        stream = io.BytesIO(data)
        reader = read_gdelt(stream)
        first = next(reader)
        reader.close()
        assert list(reader) == []
        assert (first.cameo, reader.valid, stream.closed) == ("054", 1, False)

"""The worked example: Russia recognises the Islamic Emirate of Afghanistan (3 July 2025)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import diplorec
from diplorec import (
    CredentialDocument,
    Event,
    Government,
    LegalStatus,
    Precision,
    RecognitionForm,
    RecognitionInstrument,
    State,
    When,
)
from diplorec.examples import russia_taliban_2025 as ex

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "russia_taliban_2025.json"


class TestGolden:
    """The example's JSON is pinned byte for byte."""

    def test_dumps_reproduces_golden(self) -> None:
        """dumps(EVENTS, indent=2) equals the golden file exactly."""
        assert diplorec.dumps(ex.EVENTS, indent=2) + "\n" == GOLDEN.read_text("utf-8")

    def test_golden_loads_back_equal(self) -> None:
        """The golden file loads back to the very same events."""
        loaded = diplorec.loads(GOLDEN.read_bytes(), tuple[Event, ...])
        assert loaded == ex.EVENTS

    def test_script_prints_timeline_then_golden(self) -> None:
        """The README's script with --json prints a timeline, then the golden JSON."""
        script = ROOT / "examples" / "russia_taliban_2025.py"
        result = subprocess.run(
            [sys.executable, str(script), "--json"],
            capture_output=True,
            text=True,
            check=True,
            encoding="utf-8",
        )
        assert result.stdout.endswith(GOLDEN.read_text("utf-8"))
        timeline = result.stdout.split("\n[\n", 1)[0]
        assert "2025-07-03" in timeline
        assert "Russia → Islamic Emirate of Afghanistan" in timeline
        assert "Gul Hassan Hassan: Islamic Emirate of Afghanistan → Russia" in timeline

    def test_script_prints_an_excerpt(self) -> None:
        """Without --json the script ends with the recognition act's JSON alone."""
        script = ROOT / "examples" / "russia_taliban_2025.py"
        result = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            check=True,
            encoding="utf-8",
        )
        assert "run with --json for all" in result.stdout
        assert result.stdout.endswith(diplorec.dumps(ex.RECOGNITION, indent=2) + "\n")

    def test_script_survives_a_closed_pipe(self) -> None:
        """Piped into a reader that has gone (| head), it ends without a traceback."""
        script = ROOT / "examples" / "russia_taliban_2025.py"
        with subprocess.Popen(
            [sys.executable, str(script), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.close()  # gone before the script writes its first line
            error = process.stderr.read()
        assert process.returncode == 1
        assert b"Traceback" not in error
        assert b"BrokenPipeError" not in error


class TestRoundTrips:
    """Every event survives both wire forms."""

    @pytest.mark.parametrize("event", ex.EVENTS, ids=lambda e: e.id)
    def test_json_round_trip(self, event: Event) -> None:
        """loads(dumps(e), type(e)) == e."""
        assert diplorec.loads(diplorec.dumps(event), type(event)) == event

    @pytest.mark.parametrize("event", ex.EVENTS, ids=lambda e: e.id)
    def test_dict_round_trip_through_union(self, event: Event) -> None:
        """from_dict(to_dict(e), Event) == e."""
        assert diplorec.from_dict(diplorec.to_dict(event), Event) == event


class TestLegalDistinctions:
    """The example keeps the distinctions the law draws."""

    def test_recognition_is_of_a_government_not_a_state(self) -> None:
        """Russia recognises the Islamic Emirate, a government of Afghanistan."""
        act = ex.RECOGNITION
        assert isinstance(act.recognized, Government)
        assert not isinstance(act.recognized, State)
        assert act.recognized.state == ex.AFGHANISTAN
        assert act.recognizer == ex.RUSSIA

    def test_recognition_by_accepting_a_true_copy(self) -> None:
        """The instrument is acceptance of credentials; the document a true copy (Art. 13)."""
        assert ex.RECOGNITION.instrument is RecognitionInstrument.ACCEPTANCE_OF_CREDENTIALS
        assert ex.CREDENTIALS.document is CredentialDocument.TRUE_COPY
        assert ex.CREDENTIALS.received_by == ex.RUDENKO_OFFICIAL
        assert ex.CREDENTIALS.received_by.office == "Deputy Minister of Foreign Affairs"
        assert ex.RECOGNITION.basis == (ex.CREDENTIALS.id,)

    def test_russia_itself_called_it_recognition(self) -> None:
        """The recognizer's own characterisation is recorded."""
        assert ex.RECOGNITION.characterization is diplorec.Characterization.CALLED_RECOGNITION
        assert ex.RECOGNITION.described_as is not None
        assert "official recognition" in ex.RECOGNITION.described_as
        assert ex.RECOGNITION.legal_status is LegalStatus.DE_JURE
        assert ex.RECOGNITION.form is RecognitionForm.EXPRESS

    def test_kabul_meeting_concerns_the_recognition(self) -> None:
        """Zhirnov and the acting minister Muttaqi meet in Kabul about the recognition."""
        meeting = ex.KABUL_MEETING
        assert meeting.concerning == (ex.RECOGNITION.id,)
        assert meeting.place == ex.KABUL
        assert ex.MUTTAQI_OFFICIAL in meeting.participants
        assert ex.MUTTAQI_OFFICIAL.acting

    @pytest.mark.parametrize("ties", [ex.CHINA_TIES, ex.QATAR_TIES, ex.UAE_TIES])
    def test_ties_without_formal_recognition(self, ties: diplorec.DiplomaticTies) -> None:
        """China, Qatar and the UAE exchanged diplomats without full recognition."""
        assert ties.envoys_exchanged is True
        assert ties.formal_recognition is False
        assert ex.ISLAMIC_EMIRATE in ties.parties

    def test_every_event_cites_the_article(self) -> None:
        """Each event cites the article with the sentence it rests on."""
        for event in ex.EVENTS:
            assert any(c.source == ex.ARTICLE and c.quote for c in event.sources), event.id

    def test_event_ids_are_unique(self) -> None:
        """No two events share an id."""
        assert len({event.id for event in ex.EVENTS}) == len(ex.EVENTS)

    def test_permanent_members_present(self) -> None:
        """All five permanent members of the Security Council are named constants."""
        assert {state.iso3 for state in ex.P5} == {"CHN", "FRA", "RUS", "GBR", "USA"}


class TestDates:
    """Dates carry the precision the sources support."""

    @pytest.mark.parametrize(
        ("event", "text", "precision"),
        [
            (ex.RECOGNITION, "2025-07-03", Precision.DAY),
            (ex.DELISTING, "2025-04-17", Precision.DAY),
            (ex.US_TALIBAN_MEETING, "2025-03", Precision.MONTH),
            (ex.TAKEOVER, "2021-08", Precision.MONTH),
            (ex.US_WITHDRAWAL, "2021", Precision.YEAR),
            (ex.SOVIET_WAR, "1979/1989", Precision.INTERVAL),
            (ex.PRISONERS_RELEASED, "2025-01-20/2025-07-03", Precision.INTERVAL),
        ],
    )
    def test_precision(self, event: Event, text: str, precision: Precision) -> None:
        """Each date is as precise as its source, and no more."""
        assert str(event.on) == text
        assert event.on.precision is precision

    def test_thursday_is_3_july_2025(self) -> None:
        """'On Thursday' resolves to Thursday 3 July 2025."""
        assert ex.RECOGNITION.on.earliest.isoweekday() == 4
        assert ex.RECOGNITION.notes is not None
        assert "Thursday" in ex.RECOGNITION.notes

    def test_april_delisting_says_where_the_day_came_from(self) -> None:
        """The article's 'April 2025' is refined to 17 April with a note."""
        assert When.parse("2025-04").contains(ex.DELISTING.on)
        assert ex.DELISTING.notes is not None
        assert "April 2025" in ex.DELISTING.notes

    def test_trump_term_begins_20_january_2025(self) -> None:
        """The article's 'early 2025' is the inauguration on 20 January 2025."""
        term = ex.US_PRESIDENT.term
        assert term is not None
        assert str(term) == "2025-01-20/.."
        assert When.parse("2025-40").may_include(term.earliest)

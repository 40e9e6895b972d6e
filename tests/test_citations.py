"""Sources that disagree: ``Citation.on`` / ``Citation.place`` and the check that reports them.

The worked example's case: the article places the US-Taliban meeting "in Qatar" in
March 2025; wire reports place it at Kabul airport on Thursday 20 March 2025, with
Qatar facilitating.
"""

from __future__ import annotations

import pytest

import diplorec
from diplorec.actors import Place
from diplorec.dates import When
from diplorec.dossier import Dossier, Finding, Severity
from diplorec.events import Meeting
from diplorec.examples import russia_taliban_2025 as example
from diplorec.provenance import Citation, Source
from diplorec.reference import AFGHANISTAN, QATAR, UNITED_STATES

ARTICLE = Source(title="An article", publisher="Example News")
WIRE = Source(title="A wire report", publisher="Example Wire")
KABUL = Place(name="Kabul", country=AFGHANISTAN)
DOHA = Place(name="Doha", country=QATAR)
EMIRATE = example.ISLAMIC_EMIRATE


def meeting(*sources: Citation, place: Place | None = KABUL, on: str = "2025-03-20") -> Meeting:
    """A meeting of the US and the Emirate, citing ``sources``."""
    return Meeting(on=When.parse(on), participants=(UNITED_STATES, EMIRATE), place=place,
                   sources=sources)  # fmt: skip


def contradictions(event: Meeting) -> list[Finding]:
    """The citation findings of a one-event dossier."""
    found = Dossier(events=(event,)).check()
    return [f for f in found if f.code == "citation-contradicts-event"]


class TestWireForm:
    """The new fields round-trip and are left out when not given."""

    def test_round_trip(self) -> None:
        """A citation with a date and place loads back equal; the keys are 'on' and 'place'."""
        cited = Citation(source=ARTICLE, on=When.parse("2025-03"), place=Place(name="Qatar"))
        record = diplorec.to_dict(cited)
        assert record["on"] == "2025-03"
        assert record["place"] == {"name": "Qatar"}
        assert diplorec.from_dict(record, Citation) == cited

    def test_omitted(self) -> None:
        """A citation without them writes neither key."""
        assert set(diplorec.to_dict(Citation(source=ARTICLE))) == {"source"}

    def test_bad_date(self) -> None:
        """A date that is not EDTF is refused with its JSON path."""
        record = {"source": diplorec.to_dict(ARTICLE), "on": "March 2025"}
        with pytest.raises(diplorec.ValidationError, match=r"\$\.on"):
            diplorec.from_dict(record, Citation)


class TestCheck:
    """Dossier.check() reports a citation whose date or place contradicts its event."""

    def test_dates_that_cannot_overlap(self) -> None:
        """February 2025 cannot be 20 March 2025: one warning naming both dates."""
        (finding,) = contradictions(meeting(Citation(source=WIRE, on=When.parse("2025-02"))))
        assert finding.severity is Severity.WARNING
        expected = "sources[0] ('Example Wire') gives the date 2025-02, not 2025-03-20"
        assert finding.message == expected

    def test_a_wider_date_agrees(self) -> None:
        """March 2025 holds 20 March 2025: no contradiction."""
        assert contradictions(meeting(Citation(source=ARTICLE, on=When.parse("2025-03")))) == []

    def test_places_in_different_countries(self) -> None:
        """Doha (Qatar) is not Kabul (Afghanistan)."""
        (finding,) = contradictions(meeting(Citation(source=ARTICLE, place=DOHA)))
        assert "the place 'Doha', not 'Kabul'" in finding.message

    def test_places_in_one_country(self) -> None:
        """Kabul airport is in Kabul's country: no contradiction."""
        airport = Place(name="Kabul International Airport", country=AFGHANISTAN)
        assert contradictions(meeting(Citation(source=WIRE, place=airport))) == []

    def test_places_without_countries_by_name(self) -> None:
        """Without countries, names decide (compared as slugs)."""
        assert contradictions(meeting(Citation(source=WIRE, place=Place(name="KABUL")))) == []
        assert len(contradictions(meeting(Citation(source=WIRE, place=Place(name="Doha")),
                                          place=Place(name="Kabul")))) == 1  # fmt: skip

    def test_event_without_place(self) -> None:
        """A citation that gives a place where the event gives none contradicts nothing."""
        assert contradictions(meeting(Citation(source=ARTICLE, place=DOHA), place=None)) == []

    def test_both_in_one_finding(self) -> None:
        """A date and a place that both differ make one finding saying both."""
        cited = Citation(source=ARTICLE, on=When.parse("2025-04"), place=DOHA)
        (finding,) = contradictions(meeting(WIRE_CITATION, cited))
        assert finding.message.startswith("sources[1] ('Example News') gives the date 2025-04")
        assert finding.message.endswith("and the place 'Doha', not 'Kabul'")

    def test_long_titles_are_cut(self) -> None:
        """Without a publisher the title names the source, quoted short."""
        long_source = Source(title="T" * 500)
        (finding,) = contradictions(meeting(Citation(source=long_source, place=DOHA)))
        assert finding.message.startswith("sources[0] ('TTTT")
        assert "(500 characters)" in finding.message
        assert len(finding.message) < 140


WIRE_CITATION = Citation(source=WIRE, on=When.parse("2025-03-20"), place=KABUL)


class TestWorkedExample:
    """The example records both accounts of the March 2025 meeting, and check() sees them."""

    def test_two_accounts(self) -> None:
        """The article says Qatar, March 2025 (as the event); the wire report Kabul, 20 March."""
        article, wire = example.US_TALIBAN_MEETING.sources
        assert (str(article.on), article.place and article.place.name) == ("2025-03", "Qatar")
        assert (str(wire.on), wire.place and wire.place.name) == ("2025-03-20", "Kabul")

    def test_the_only_finding(self) -> None:
        """The example's dossier has one finding: the wire report's place differs."""
        (finding,) = Dossier(events=example.EVENTS).check()
        assert finding.code == "citation-contradicts-event"
        assert finding.event_ids == (example.US_TALIBAN_MEETING.id,)
        assert finding.message.startswith("sources[1] ('Fox News')")
        assert finding.message.endswith("gives the place 'Kabul', not 'Qatar'")

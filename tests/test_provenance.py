"""Tests of diplorec.provenance: sources and citations."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pendulum
import pytest

from diplorec import Citation, FieldError, Source, SourceKind, When, dumps, loads

SOURCE = Source(title="Russia recognises the Taliban government", publisher="Example News")


class TestSource:
    """A source: title, publisher, URL, dates, language, kind."""

    def test_valid(self) -> None:
        """Every field takes a valid value."""
        retrieved = dt.datetime(2025, 7, 4, 9, 30, tzinfo=dt.UTC)
        source = Source(
            title="Russia recognises the Taliban government",
            publisher="Example News",
            url="https://example.org/news/2025/07/03/russia-taliban?ref=rss#top",
            published=When.parse("2025-07-03"),
            language="en",
            kind=SourceKind.OFFICIAL_STATEMENT,
            retrieved=retrieved,
        )
        assert (source.kind, source.retrieved) == (SourceKind.OFFICIAL_STATEMENT, retrieved)

    def test_defaults(self) -> None:
        """Only the title is required; the kind defaults to news."""
        source = Source(title="A report")
        assert source.kind is SourceKind.NEWS
        assert (source.publisher, source.url, source.published, source.language) == (
            None,
            None,
            None,
            None,
        )

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("title", ""),
            ("title", " A report"),
            ("title", "A\x00report"),
            ("title", None),
            ("publisher", ""),
            ("publisher", "News\x1b"),
            ("url", "example.org/a"),
            ("url", "ftp://example.org/a"),
            ("url", "https://example.org/a b"),
            ("url", "https://"),
            ("url", "HTTPS://example.org"),
            ("url", "https://" + "x" * 2001),
            ("published", "2025-07-33"),
            ("language", "EN"),
            ("language", "english"),
            ("language", "e"),
            ("language", "en_GB"),
            ("language", "en-"),
            ("kind", "News"),
            ("kind", None),
            ("retrieved", dt.datetime(2025, 7, 4, 9, 30)),
            (
                "retrieved",
                dt.datetime(2025, 7, 4, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))),
            ),
            ("retrieved", dt.date(2025, 7, 4)),
            ("retrieved", "2025-07-04T09:30:00Z"),
            ("retrieved", 1751621400),
        ],
    )
    def test_field_rules(self, field: str, value: Any) -> None:
        """Each invalid value raises FieldError for its field."""
        with pytest.raises(FieldError) as info:
            Source(**({"title": "A report"} | {field: value}))
        assert info.value.field == field

    @pytest.mark.parametrize("language", ["en", "ps", "fil", "ps-AF", "zh-Hant-TW", "en-GB"])
    def test_language_tags(self, language: str) -> None:
        """Common BCP 47 tags are accepted."""
        assert Source(title="A report", language=language).language == language

    def test_naive_datetime_message(self) -> None:
        """A naive datetime is refused with advice, never given a guessed zone."""
        with pytest.raises(FieldError, match="naive datetime; give it a UTC time zone"):
            Source(title="A report", retrieved=dt.datetime(2025, 7, 4, 9, 30))

    def test_non_utc_offset_message(self) -> None:
        """A non-UTC offset is refused with advice to convert."""
        zone = dt.timezone(dt.timedelta(hours=3))
        with pytest.raises(FieldError, match="convert it to UTC"):
            Source(title="A report", retrieved=dt.datetime(2025, 7, 4, 12, 30, tzinfo=zone))

    @pytest.mark.parametrize(
        "instant",
        [
            dt.datetime(2025, 7, 4, 9, 30, tzinfo=dt.UTC),
            dt.datetime(2025, 7, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(0))),
            pendulum.datetime(2025, 7, 4, 9, 30, tz="UTC"),
        ],
    )
    def test_utc_instants_accepted(self, instant: dt.datetime) -> None:
        """Any aware datetime at offset zero is accepted and survives the wire."""
        source = Source(title="A report", retrieved=instant)
        assert loads(dumps(source), Source).retrieved == instant


class TestSourceId:
    """A source's id defaults to a hash of its URL, or of its title and publisher."""

    def test_derived_from_url(self) -> None:
        """Two records of one URL share an id, whatever their titles."""
        url = "https://example.org/a"
        assert Source(title="One", url=url).id == Source(title="Two", url=url).id
        assert Source(title="One", url=url).id != Source(title="One", url=url + "b").id

    def test_derived_from_title_and_publisher(self) -> None:
        """Without a URL, title, publisher and publication date make the id."""
        assert Source(title="A", publisher="P").id == Source(title="A", publisher="P").id
        assert Source(title="A", publisher="P").id != Source(title="A", publisher="Q").id
        assert Source(title="A").id != Source(title="B").id
        published = When.parse("2025")
        assert Source(title="A", published=published).id != Source(title="A").id

    def test_shape(self) -> None:
        """Derived ids read 'source:' and sixteen hex digits."""
        assert SOURCE.id.startswith("source:")
        assert len(SOURCE.id) == len("source:") + 16
        int(SOURCE.id.removeprefix("source:"), 16)

    def test_explicit_id_kept(self) -> None:
        """A valid explicit id is kept."""
        assert Source(id="source:tass-2025-07-03", title="A").id == "source:tass-2025-07-03"

    @pytest.mark.parametrize("bad", ["tass", "source:", "source:a b", "Source:x"])
    def test_invalid_explicit_id(self, bad: str) -> None:
        """An invalid explicit id raises FieldError for id."""
        with pytest.raises(FieldError) as info:
            Source(id=bad, title="A")
        assert info.value.field == "id"


class TestCitation:
    """A citation: a source, a quote, a locator and a confidence."""

    def test_valid(self) -> None:
        """Every field takes a valid value."""
        citation = Citation(
            source=SOURCE, quote="the act of official recognition", locator="p. 2", confidence=0.75
        )
        assert citation.confidence == 0.75

    @pytest.mark.parametrize("confidence", [0.0, 1.0, 0.5])
    def test_confidence_bounds(self, confidence: float) -> None:
        """Confidence runs from 0 to 1 inclusive."""
        assert Citation(source=SOURCE, confidence=confidence).confidence == confidence

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("source", None),
            ("source", "https://example.org"),
            ("quote", ""),
            ("quote", "   "),
            ("quote", "a\x00b"),
            ("quote", "a\ud800b"),
            ("quote", "x" * 100_001),
            ("quote", 5),
            ("locator", ""),
            ("locator", " p. 2"),
            ("confidence", -0.01),
            ("confidence", 1.01),
            ("confidence", math.nan),
            ("confidence", math.inf),
            ("confidence", True),
            ("confidence", "0.5"),
        ],
    )
    def test_field_rules(self, field: str, value: Any) -> None:
        """Each invalid value raises FieldError for its field."""
        with pytest.raises(FieldError) as info:
            Citation(**({"source": SOURCE} | {field: value}))
        assert info.value.field == field

    def test_quote_may_span_lines(self) -> None:
        """Quotes are free text: new lines and tabs are allowed."""
        quote = "First line.\nSecond line.\tIndented."
        assert Citation(source=SOURCE, quote=quote).quote == quote

"""Where a fact comes from: sources and citations of them."""

from __future__ import annotations

import datetime as dt

import attrs

from diplorec import _ids
from diplorec import _validators as v
from diplorec._convert import to_member, to_optional_when
from diplorec.actors import Place
from diplorec.dates import When
from diplorec.vocab import SourceKind

__all__ = ["Citation", "Source"]

_url = v.pattern(r"https?://[^\s]{1,2000}", "an http(s) URL without spaces")
_language = v.pattern(
    r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", "a BCP 47 language tag such as 'en' or 'ps-AF'"
)


def _in_utc(value: dt.datetime) -> bool:
    return value.tzinfo is dt.UTC  # as the reader makes every instant it reads


def _utc_problem(value: dt.datetime) -> str | None:
    offset = value.utcoffset()
    if offset is None:
        return "is a naive datetime; give it a UTC time zone"
    if offset:
        return f"is at UTC offset {offset}; convert it to UTC"
    return None


#: A timezone-aware datetime in UTC, or None.
_utc_instant = v.OptionalValue(
    dt.datetime, "expected a datetime, got {got}", _utc_problem, (v._always, dt.datetime, _in_utc)
)


@attrs.frozen(kw_only=True)
class Source:
    """A document a fact comes from: a news report, an official statement, a dataset.

    ``retrieved`` is the instant the source was read, a timezone-aware UTC datetime.
    The ``id`` defaults to a hash of the URL (or of title and publisher).

    >>> Source(title="Russia recognises the Taliban", publisher="Example News").kind
    <SourceKind.NEWS: 'news'>
    """

    id: str = attrs.field(default="")
    title: str = attrs.field(validator=v.name)
    publisher: str | None = attrs.field(default=None, validator=v.optional_name)
    url: str | None = attrs.field(default=None, validator=_url)
    published: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=v.instance_of(When, optional=True)
    )
    language: str | None = attrs.field(default=None, validator=_language)
    kind: SourceKind = attrs.field(
        default=SourceKind.NEWS, converter=to_member, validator=v.member(SourceKind)
    )
    retrieved: dt.datetime | None = attrs.field(default=None, validator=_utc_instant)

    def __attrs_post_init__(self) -> None:
        if self.id == "":
            basis = self.url or f"{self.title}\x1f{self.publisher or ''}\x1f{self.published}"
            object.__setattr__(self, "id", f"source:{_ids.digest(basis)}")
        else:
            v.check_id(self)


@attrs.frozen(kw_only=True)
class Citation:
    """A pointer into a source for one event: a quote, a locator, a confidence.

    ``confidence`` (0 to 1) is the coder's confidence that the source supports the event.
    ``on`` and ``place`` are the date and place *this source* gives for the event, when
    the sources disagree: the event keeps the values the coder settled on, each
    citation what its source says, and :meth:`diplorec.dossier.Dossier.check` reports
    a citation whose date cannot overlap the event's or whose place differs.

    >>> article = Source(title="A meeting in March", publisher="Example News")
    >>> Citation(source=article, on=When.parse("2025-03"), place=Place(name="Qatar")).on
    When('2025-03')
    """

    source: Source = attrs.field(validator=v.instance_of(Source))
    quote: str | None = attrs.field(default=None, validator=v.text)
    locator: str | None = attrs.field(default=None, validator=v.optional_name)
    confidence: float | None = attrs.field(
        default=None, validator=v.float_range(0.0, 1.0, "a confidence")
    )
    on: When | None = attrs.field(
        default=None, converter=to_optional_when, validator=v.instance_of(When, optional=True)
    )
    place: Place | None = attrs.field(default=None, validator=v.instance_of(Place, optional=True))

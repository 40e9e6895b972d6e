"""A deterministic, synthetic corpus of diplomatic events, written as JSON Lines.

The mix follows what event datasets hold: recognition acts (30 %), credential
presentations (20 %), meetings (20 %), statements (20 %) and withdrawals of
recognition (10 %). Actors nest (a government inside its state, an envoy's sending
and receiving parties, officials acting for a party); every event cites one to three
sources; dates come at mixed precision (days, months, years, seasons, quarters,
semesters, intervals, with the occasional ``?`` or ``~``). Some names and quotes are
in Cyrillic, Arabic script or with diacritics, so the non-ASCII paths are exercised.

The states' names and ISO codes are real; the events are not. The same ``seed`` and
``n`` always give the same bytes.

With ``distinct=True`` the same mix repeats nothing a reader could reuse: every party,
person and place drawn is a new one (its own name and id) and every date is a day
used nowhere else. It shows what repetition in the standard corpus is worth.

>>> events = generate(5, seed=1)
>>> len(events), len(to_jsonl(events).splitlines())
(5, 5)
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import random
from collections.abc import Iterator, Sequence
from typing import TypeVar

import attrs

import diplorec
from diplorec import (
    Citation,
    CredentialDocument,
    CredentialPresentation,
    DiplomaticRank,
    Envoy,
    Event,
    Government,
    LegalStatus,
    Meeting,
    MeetingMode,
    Official,
    Organization,
    OrganizationKind,
    Party,
    Person,
    Place,
    RecognitionAct,
    RecognitionForm,
    RecognitionInstrument,
    RecognitionWithdrawal,
    Source,
    SourceKind,
    Stance,
    State,
    Statement,
    When,
    WithdrawalKind,
)
from diplorec.events import usual_capacity
from diplorec.reference import P5, UN_SECURITY_COUNCIL
from diplorec.vocab import Certainty, Characterization

__all__ = ["generate", "to_jsonl"]

_T = TypeVar("_T", State, Government, Organization, Person, Place)

# name, ISO 3166-1 alpha-3, alpha-2
_STATES = (
    ("Afghanistan", "AFG", "AF"),
    ("Qatar", "QAT", "QA"),
    ("United Arab Emirates", "ARE", "AE"),
    ("Pakistan", "PAK", "PK"),
    ("India", "IND", "IN"),
    ("Iran", "IRN", "IR"),
    ("Türkiye", "TUR", "TR"),
    ("Saudi Arabia", "SAU", "SA"),
    ("Egypt", "EGY", "EG"),
    ("Kazakhstan", "KAZ", "KZ"),
    ("Uzbekistan", "UZB", "UZ"),
    ("Turkmenistan", "TKM", "TM"),
    ("Tajikistan", "TJK", "TJ"),
    ("Kyrgyzstan", "KGZ", "KG"),
    ("Belarus", "BLR", "BY"),
    ("Germany", "DEU", "DE"),
    ("Norway", "NOR", "NO"),
    ("Japan", "JPN", "JP"),
    ("Indonesia", "IDN", "ID"),
    ("Malaysia", "MYS", "MY"),
    ("Brazil", "BRA", "BR"),
    ("Nigeria", "NGA", "NG"),
    ("South Africa", "ZAF", "ZA"),
    ("Ethiopia", "ETH", "ET"),
    ("Kosovo", "XKX", None),
    ("Serbia", "SRB", "RS"),
    ("Yemen", "YEM", "YE"),
    ("Libya", "LBY", "LY"),
    ("Sudan", "SDN", "SD"),
    ("Myanmar", "MMR", "MM"),
    ("Venezuela", "VEN", "VE"),
    ("Nicaragua", "NIC", "NI"),
)
_GOVERNMENT_STYLES = (
    "Government of National Unity of {}",
    "Transitional Council of {}",
    "Provisional Government of {}",
    "Government of National Accord of {}",
)
_CITIES = (
    ("Moscow", 55.7558, 37.6173),
    ("Beijing", 39.9042, 116.4074),
    ("Doha", 25.2854, 51.531),
    ("Abu Dhabi", 24.4539, 54.3773),
    ("Kabul", 34.5553, 69.2075),
    ("Islamabad", 33.6844, 73.0479),
    ("Tashkent", 41.2995, 69.2401),
    ("Ankara", 39.9334, 32.8597),
    ("Geneva", 46.2044, 6.1432),
    ("New York", 40.7128, -74.006),
    ("Addis Ababa", 9.0054, 38.7636),
    ("Almaty", 43.222, 76.8512),
    ("São Paulo", -23.5505, -46.6333),
    ("Oslo", 59.9139, 10.7522),
)
_GIVEN = (
    "Amir", "Gul", "Hassan", "Zamir", "Sergei", "Wang", "Li", "Fatima", "Aisha", "Omar",
    "Elena", "Dmitry", "Karim", "Nasir", "Mariam", "Javad", "Anwar", "Ingrid", "Yuki",
    "Chinedu", "Thandiwe", "José", "Ayşe", "Bilal", "Rustam", "Olga", "Kenji", "Ahmad",
)  # fmt: skip
_FAMILY = (
    "Kabulov", "Hassan", "Muttaqi", "Lavrov", "Yi", "Al-Thani", "Karimov", "Rahimi",
    "Zarif", "Ibrahim", "Haugland", "Tanaka", "Okafor", "Dlamini", "Silva", "Y\u0131lmaz",
    "Aziz", "Nazarov", "Petrova", "Suzuki", "Stanekzai", "Mohammadi", "Qureshi",
)  # fmt: skip
_OFFICES = (
    "Minister of Foreign Affairs",
    "Deputy Minister of Foreign Affairs",
    "Special Representative",
    "Head of State",
    "Prime Minister",
    "Director of the Protocol Department",
    "Ambassador-at-large",
)
_PUBLISHERS = (
    ("TASS", "ru", "https://tass.example/world/"),
    ("Reuters", "en", "https://reuters.example/world/"),
    ("Al Jazeera", "ar", "https://aljazeera.example/news/"),
    ("Xinhua", "zh", "https://xinhua.example/english/"),
    ("Ministry of Foreign Affairs", "en", "https://mfa.example/press/"),
    ("Tolo News", "ps-AF", "https://tolonews.example/afghanistan/"),
    ("Anadolu Agency", "tr", "https://aa.example/en/"),
    ("Associated Press", "en", "https://apnews.example/article/"),
)
_WORDS = (
    "the", "ministry", "said", "recognition", "government", "relations", "embassy",
    "talks", "delegation", "agreement", "official", "statement", "visit", "credentials",
    "ambassador", "cooperation", "security", "trade", "regional", "council", "envoy",
    "welcomed", "decision", "announced", "bilateral", "partners", "on", "with", "of",
    "a", "new", "step", "toward", "formal", "ties", "between", "and", "its",
)  # fmt: skip
_FOREIGN_PHRASES = (
    "Россия признала правительство",
    "اعتراف رسمي بالحكومة",
    "وزارة الخارجية",
    "D\u0131\u015fi\u015fleri Bakanl\u0131\u011f\u0131 a\u00e7\u0131klama yapt\u0131",
    "外交部发言人表示",
)


class _Builder:
    """Pools of actors built once and drawn from, as real corpora repeat their actors."""

    def __init__(self, rng: random.Random, *, distinct: bool = False) -> None:
        self.rng = rng
        self.distinct = distinct
        self._serial = itertools.count(1)
        # Dates count apart from actors: one count for both ran past 9999 before 10⁶ events.
        self._days = itertools.count(1)
        self.states: list[State] = [*P5]
        for name, iso3, iso2 in _STATES:
            aliases = (f"Republic of {name}",) if rng.random() < 0.3 else ()
            self.states.append(State(name=name, iso3=iso3, iso2=iso2, aliases=aliases))
        self.governments: list[Government] = []
        for state in self.states[5:]:
            for style in rng.sample(_GOVERNMENT_STYLES, rng.randint(1, 2)):
                start = When.month(rng.randint(1990, 2024), rng.randint(1, 12))
                self.governments.append(
                    Government(
                        name=style.format(state.name),
                        state=state,
                        in_power=When.interval(start, None) if rng.random() < 0.7 else None,
                    )
                )
        self.organizations: list[Organization] = [UN_SECURITY_COUNCIL]
        for state in self.states[:20]:
            self.organizations.append(
                Organization(
                    name="Ministry of Foreign Affairs",
                    kind=OrganizationKind.MINISTRY,
                    state=state,
                    acronym="MFA",
                )
            )
        self.people = [
            Person(
                name=f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
                wikidata=f"Q{rng.randint(1000, 99_999_999)}" if rng.random() < 0.2 else None,
            )
            for _ in range(600)
        ]
        self.people = list({person.id: person for person in self.people}.values())
        self.places = [
            Place(
                name=city,
                latitude=lat,
                longitude=lon,
                country=rng.choice(self.states) if rng.random() < 0.3 else None,
            )
            for city, lat, lon in _CITIES
        ]

    # -- small pieces ---------------------------------------------------------

    _FIRST_DAY = dt.date(1000, 1, 1)

    def fresh(self, value: _T) -> _T:
        """``value`` itself, or with ``distinct`` a copy under a name and id never used."""
        if not self.distinct:
            return value
        serial = next(self._serial)
        if isinstance(value, Place):
            country = None if value.country is None else self.fresh(value.country)
            return attrs.evolve(value, name=f"{value.name} {serial}", country=country)
        return attrs.evolve(value, name=f"{value.name} {serial}", id=f"{value.id}-{serial}")  # type: ignore[misc]

    def when(self) -> When:
        rng = self.rng
        if self.distinct:  # every date a day of its own
            return When.from_date(self._FIRST_DAY + dt.timedelta(days=next(self._days)))
        year = rng.randint(1950, 2025)
        roll = rng.random()
        qualifier = rng.random()
        uncertain, approximate = qualifier < 0.04, 0.04 <= qualifier < 0.08
        if roll < 0.6:
            return When.day(
                year,
                rng.randint(1, 12),
                rng.randint(1, 28),
                uncertain=uncertain,
                approximate=approximate,
            )
        if roll < 0.8:
            return When.month(year, rng.randint(1, 12), uncertain=uncertain)
        if roll < 0.9:
            return When.year(year, approximate=approximate)
        if roll < 0.95:
            return When.subyear(year, rng.choice((21, 22, 23, 33, 34, 35, 36, 40, 41)))
        first = When.day(year, rng.randint(1, 6), rng.randint(1, 28))
        last = When.month(year, rng.randint(7, 12))
        return When.interval(first, last)

    def sentence(self, low: int, high: int) -> str:
        rng = self.rng
        words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
        if rng.random() < 0.1:
            words.insert(rng.randint(0, len(words)), rng.choice(_FOREIGN_PHRASES))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def party(self) -> Party:
        roll = self.rng.random()
        if roll < 0.55:
            return self.fresh(self.rng.choice(self.states))
        if roll < 0.85:
            return self.fresh(self.rng.choice(self.governments))
        return self.fresh(self.rng.choice(self.organizations))

    def sovereign(self) -> State | Government:
        if self.rng.random() < 0.6:
            return self.fresh(self.rng.choice(self.states))
        return self.fresh(self.rng.choice(self.governments))

    def person(self) -> Person:
        return self.fresh(self.rng.choice(self.people))

    def two_parties(self) -> tuple[Party, Party]:
        first = self.party()
        second = self.party()
        while second.id == first.id:
            second = self.party()
        return first, second

    def official(self, party: Party | None = None) -> Official:
        return Official(
            person=self.person(),
            office=self.rng.choice(_OFFICES),
            on_behalf_of=party if party is not None else self.party(),
            acting=self.rng.random() < 0.2,
        )

    def citations(self, on: When) -> tuple[Citation, ...]:
        rng = self.rng
        cited = []
        for index in range(rng.randint(1, 3)):
            publisher, language, base = rng.choice(_PUBLISHERS)
            retrieved = None
            if rng.random() < 0.3:
                retrieved = dt.datetime(
                    2025, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                    rng.randint(0, 59), tzinfo=dt.UTC,
                )  # fmt: skip
            source = Source(
                title=self.sentence(4, 12),
                publisher=publisher,
                url=f"{base}{rng.getrandbits(48):x}-{index}",
                published=on if rng.random() < 0.7 else None,
                language=language,
                kind=SourceKind.OFFICIAL_STATEMENT
                if publisher.startswith("Min")
                else SourceKind.NEWS,
                retrieved=retrieved,
            )
            cited.append(
                Citation(
                    source=source,
                    quote=self.sentence(8, 40) if rng.random() < 0.5 else None,
                    locator=f"para. {rng.randint(1, 12)}" if rng.random() < 0.3 else None,
                    confidence=round(rng.uniform(0.5, 1.0), 2) if rng.random() < 0.6 else None,
                )
            )
        return tuple(cited)

    def common(self) -> dict[str, object]:
        rng = self.rng
        on = self.when()
        return {
            "on": on,
            "place": self.fresh(rng.choice(self.places)) if rng.random() < 0.4 else None,
            "sources": self.citations(on),
            "certainty": rng.choice(tuple(Certainty)) if rng.random() < 0.3 else Certainty.REPORTED,
            "notes": self.sentence(5, 20) if rng.random() < 0.15 else None,
        }

    # -- events ---------------------------------------------------------------

    def recognition(self) -> RecognitionAct:
        rng = self.rng
        recognizer = self.sovereign()
        recognized = self.party()
        while recognized.id == recognizer.id:
            recognized = self.party()
        partners: tuple[Party, ...] = ()
        if rng.random() < 0.1:
            partner = self.sovereign()
            if partner.id not in (recognizer.id, recognized.id):
                partners = (partner,)
        return RecognitionAct(
            recognizer=recognizer,
            recognized=recognized,
            legal_status=rng.choice(tuple(LegalStatus)),
            form=rng.choice(tuple(RecognitionForm)),
            instrument=rng.choice(tuple(RecognitionInstrument)) if rng.random() < 0.7 else None,
            conditions=(self.sentence(6, 15),) if rng.random() < 0.05 else (),
            collective_with=partners,
            announced=self.when() if rng.random() < 0.2 else None,
            characterization=rng.choice(tuple(Characterization)),
            described_as=self.sentence(3, 8) if rng.random() < 0.2 else None,
            # An organization must say as what it is recognised: as 1.0 data meant it.
            capacity=usual_capacity(recognized) if isinstance(recognized, Organization) else None,
            **self.common(),  # type: ignore[arg-type]
        )

    def withdrawal(self) -> RecognitionWithdrawal:
        rng = self.rng
        withdrawer, recognized = self.two_parties()
        rival = None
        kind = rng.choice((WithdrawalKind.WITHDRAWAL, WithdrawalKind.SUSPENSION))
        if rng.random() < 0.3:
            candidate = self.party()
            if candidate.id not in (withdrawer.id, recognized.id):
                rival, kind = candidate, WithdrawalKind.SWITCH
        return RecognitionWithdrawal(
            withdrawer=withdrawer,
            recognized=recognized,
            kind=kind,
            in_favour_of=rival,
            effective=self.when() if rng.random() < 0.2 else None,
            **self.common(),  # type: ignore[arg-type]
        )

    def credentials(self) -> CredentialPresentation:
        rng = self.rng
        sending = self.sovereign()
        receiving = self.sovereign()
        while receiving.id == sending.id:
            receiving = self.sovereign()
        envoy = Envoy(
            person=self.person(),
            rank=rng.choice(tuple(DiplomaticRank)),
            sending=sending,
            receiving=receiving,
            title="Ambassador Extraordinary and Plenipotentiary" if rng.random() < 0.3 else None,
        )
        received_by = None
        if rng.random() < 0.7:
            received_by = self.official(receiving)
            while received_by.person.id == envoy.person.id:
                received_by = self.official(receiving)
        return CredentialPresentation(
            envoy=envoy,
            document=rng.choice(tuple(CredentialDocument)),
            received_by=received_by,
            **self.common(),  # type: ignore[arg-type]
        )

    def meeting(self) -> Meeting:
        rng = self.rng
        first, second = self.two_parties()
        participants: list[Official | Party] = [
            self.official(first) if rng.random() < 0.7 else first,
            self.official(second) if rng.random() < 0.7 else second,
        ]
        if participants[0] == participants[1]:
            participants[1] = second
        return Meeting(
            participants=tuple(participants),
            mode=rng.choice(tuple(MeetingMode)),
            host=first if rng.random() < 0.5 else None,
            subject=self.sentence(4, 10) if rng.random() < 0.6 else None,
            **self.common(),  # type: ignore[arg-type]
        )

    def statement(self, earlier: Sequence[Event]) -> Statement:
        rng = self.rng
        concerning: tuple[str, ...] = ()
        if earlier and rng.random() < 0.5:
            concerning = (rng.choice(earlier).id,)
        return Statement(
            speaker=self.official() if rng.random() < 0.6 else self.party(),
            stance=rng.choice(tuple(Stance)),
            concerning=concerning,
            about=(self.party(),) if rng.random() < 0.4 else (),
            quote=self.sentence(10, 50) if rng.random() < 0.5 else None,
            **self.common(),  # type: ignore[arg-type]
        )


def iter_events(n: int, *, seed: int = 20250703, distinct: bool = False) -> Iterator[Event]:
    """The events of :func:`generate`, one at a time, holding only the last 50."""
    rng = random.Random(seed)
    builder = _Builder(rng, distinct=distinct)
    recent: collections.deque[Event] = collections.deque(maxlen=50)
    for _ in range(n):
        roll = rng.random()
        event: Event
        if roll < 0.3:
            event = builder.recognition()
        elif roll < 0.5:
            event = builder.credentials()
        elif roll < 0.7:
            event = builder.meeting()
        elif roll < 0.9:
            event = builder.statement(list(recent))
        else:
            event = builder.withdrawal()
        recent.append(event)
        yield event


def generate(n: int, *, seed: int = 20250703, distinct: bool = False) -> list[Event]:
    """``n`` events of the benchmark mix; the same arguments give the same events.

    ``distinct``: no party, person, place or date twice (see the module's docstring).
    """
    return list(iter_events(n, seed=seed, distinct=distinct))


def to_jsonl(events: Sequence[Event]) -> bytes:
    """The events as UTF-8 JSON Lines, one event a line, each written by diplorec."""
    return "".join([diplorec.dumps(event) + "\n" for event in events]).encode("utf-8")

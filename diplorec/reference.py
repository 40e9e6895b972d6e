"""Small reference sets of actors, with their ISO 3166, COW, Gleditsch-Ward and Wikidata codes.

Codes: ISO 3166-1; the Correlates of War state system membership list; Gleditsch and
Ward's list of independent states; Wikidata. COW and Gleditsch-Ward codes agree for
the states below; they differ for some others (e.g. Germany, Yemen, Serbia).

Membership changes over time: :data:`P5` iterates over today's five permanent members
of the UN Security Council, and :meth:`Membership.on` gives the seat-holders on a date.

>>> [state.iso3 for state in P5]
['CHN', 'FRA', 'RUS', 'GBR', 'USA']
>>> [state.iso3 for state in P5.on("1960-06-30")]
['TWN', 'FRA', 'SUN', 'GBR', 'USA']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Any, overload

import attrs

from diplorec.actors import Government, Organization, Party, State
from diplorec.dates import When
from diplorec.vocab import OrganizationKind

__all__ = [
    "AFGHANISTAN",
    "CHINA",
    "FRANCE",
    "P5",
    "QATAR",
    "REPUBLIC_OF_CHINA",
    "RUSSIA",
    "SOVIET_UNION",
    "UNITED_ARAB_EMIRATES",
    "UNITED_KINGDOM",
    "UNITED_STATES",
    "UN_SECURITY_COUNCIL",
    "Membership",
    "Term",
]


def _state(name: str, iso3: str, iso2: str, code: int, wikidata: str, *aliases: str) -> State:
    """A state whose COW and Gleditsch-Ward codes are both ``code``."""
    return State(
        name=name, iso3=iso3, iso2=iso2, cow=code, gw=code, wikidata=wikidata, aliases=aliases
    )


CHINA = _state("China", "CHN", "CN", 710, "Q148", "People's Republic of China", "PRC")
FRANCE = _state("France", "FRA", "FR", 220, "Q142")
RUSSIA = _state("Russia", "RUS", "RU", 365, "Q159", "Russian Federation")
UNITED_KINGDOM = _state(
    "United Kingdom",
    "GBR",
    "GB",
    200,
    "Q145",
    "UK",
    "United Kingdom of Great Britain and Northern Ireland",
)
UNITED_STATES = _state(
    "United States", "USA", "US", 2, "Q30", "USA", "United States of America", "U.S."
)
AFGHANISTAN = _state("Afghanistan", "AFG", "AF", 700, "Q889")
QATAR = _state("Qatar", "QAT", "QA", 694, "Q846")
UNITED_ARAB_EMIRATES = _state("United Arab Emirates", "ARE", "AE", 696, "Q878", "UAE")
#: The USSR; COW and Gleditsch-Ward code it 365 like Russia. ``SUN`` and ``SU`` are its
#: former ISO 3166-1 codes (ISO 3166-3 lists it as ``SUHH``); its id stays ``state:SUN``.
SOVIET_UNION = _state(
    "Soviet Union", "SUN", "SU", 365, "Q15180", "USSR", "Union of Soviet Socialist Republics"
)
#: The Republic of China, which held China's seat in the UN until 25 October 1971. It
#: is coded as the datasets code it after 1949: ISO 3166-1 ``TWN``, COW and
#: Gleditsch-Ward 713, Wikidata Q865 (Taiwan). Its id, ``state:TWN``, is the one a
#: CAMEO or GDELT record of its acts reads to, and differs from :data:`CHINA`'s
#: (``state:CHN``, the People's Republic), so acts of the two are told apart.
REPUBLIC_OF_CHINA = _state("Republic of China", "TWN", "TW", 713, "Q865", "Taiwan", "ROC")


def _of(*types: type, none: bool = False) -> Any:
    """An attrs validator: the value is an instance of one of ``types`` (or None)."""
    check = attrs.validators.instance_of(types)
    return attrs.validators.optional(check) if none else check


@attrs.frozen(kw_only=True)
class Term:
    """One party's membership of a body, from ``start`` to ``end`` (both days included).

    ``end`` is None while the membership lasts; ``basis`` says what the dates rest on.
    """

    party: Party = attrs.field(
        validator=attrs.validators.instance_of((State, Government, Organization))
    )
    start: datetime.date = attrs.field(validator=attrs.validators.instance_of(datetime.date))
    end: datetime.date | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(datetime.date)),
    )
    basis: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            message = f"a term cannot end ({self.end}) before it starts ({self.start})"
            raise ValueError(message)

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        """Whether the term covers some day from ``first`` to ``last``."""
        return self.start <= last and (self.end is None or first <= self.end)


@attrs.frozen(kw_only=True)
class Membership(Sequence[Party]):
    """The members of a body over time; as a sequence, its members today.

    :meth:`on` answers who the members were on a date. Iterating, indexing and ``in``
    work on the current members (the terms without an end), in the order of the terms
    that lead to them. Give a Membership to
    :meth:`~diplorec.ledger.RecognitionLedger.first_recognizer` as ``among`` and each
    act counts when its recognizer was a member on the act's date.
    """

    name: str
    terms: tuple[Term, ...]
    current: tuple[Party, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "current", tuple(t.party for t in self.terms if t.end is None))

    def on(self, date: When | datetime.date | str) -> tuple[Party, ...]:
        """The members on ``date``: for a date with a range, those on any day of it.

        A range that holds a change of seat (``"1971"``) gives both holders, so the
        answer never leaves out a party that may have been a member.

        >>> [state.name for state in P5.on("1971-10-25")][0]
        'China'
        >>> len(P5.on("1971")), P5.on("1945-10-23")
        (6, ())
        """
        from diplorec.ledger import as_when  # the ledger's reading of dates; it imports this

        when = as_when(date)
        first, last = when.earliest, when.latest
        return tuple(term.party for term in self.terms if term.overlaps(first, last))

    def __len__(self) -> int:
        return len(self.current)

    @overload
    def __getitem__(self, index: int) -> Party: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Party, ...]: ...
    def __getitem__(self, index: int | slice) -> Party | tuple[Party, ...]:
        return self.current[index]

    def __iter__(self) -> Iterator[Party]:
        return iter(self.current)

    def __contains__(self, party: object) -> bool:
        return party in self.current


_CHARTER = datetime.date(1945, 10, 24)
_CHARTER_BASIS = "UN Charter, Art. 23; in force 24 October 1945"
_RESOLUTION_2758 = datetime.date(1971, 10, 25)
_CONTINUITY = datetime.date(1991, 12, 24)


def _handover(founder: State, successor: State, on: datetime.date, basis: str) -> tuple[Term, Term]:
    """The founder's seat from the Charter to the day before ``on``; the successor's from ``on``."""
    until = on - datetime.timedelta(days=1)
    return (
        Term(party=founder, start=_CHARTER, end=until, basis=_CHARTER_BASIS),
        Term(party=successor, start=on, basis=basis),
    )


#: The five permanent members of the UN Security Council (UN Charter, Art. 23), over
#: time. Iterating gives today's five; ``P5.on(date)`` the seat-holders on a date: the
#: Republic of China until 24 October 1971 and the People's Republic from 25 October
#: 1971 (General Assembly resolution 2758 (XXVI)); the USSR until 23 December 1991 and
#: the Russian Federation from 24 December 1991 (President Yeltsin's letter of that day
#: to the Secretary-General: Russia continues the USSR's membership). No one before
#: the Charter entered into force on 24 October 1945.
P5 = Membership(
    name="permanent members of the United Nations Security Council",
    terms=(
        *_handover(
            REPUBLIC_OF_CHINA,
            CHINA,
            _RESOLUTION_2758,
            "General Assembly resolution 2758 (XXVI), 25 October 1971",
        ),
        Term(party=FRANCE, start=_CHARTER, basis=_CHARTER_BASIS),
        *_handover(
            SOVIET_UNION,
            RUSSIA,
            _CONTINUITY,
            "Russia continues the USSR's membership: letter of 24 December 1991",
        ),
        Term(party=UNITED_KINGDOM, start=_CHARTER, basis=_CHARTER_BASIS),
        Term(party=UNITED_STATES, start=_CHARTER, basis=_CHARTER_BASIS),
    ),
)

UN_SECURITY_COUNCIL = Organization(
    name="United Nations Security Council",
    kind=OrganizationKind.INTERGOVERNMENTAL,
    acronym="UNSC",
    wikidata="Q37470",
)

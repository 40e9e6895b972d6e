"""Small reference sets of actors, with their ISO 3166, COW, Gleditsch-Ward and Wikidata codes.

Codes: ISO 3166-1; the Correlates of War state system membership list; Gleditsch and
Ward's list of independent states; Wikidata. COW and Gleditsch-Ward codes agree for
the states below; they differ for some others (e.g. Germany, Yemen, Serbia).

>>> [state.iso3 for state in P5]
['CHN', 'FRA', 'RUS', 'GBR', 'USA']
"""

from __future__ import annotations

from diplorec.actors import Organization, State
from diplorec.vocab import OrganizationKind

__all__ = [
    "AFGHANISTAN",
    "CHINA",
    "FRANCE",
    "P5",
    "QATAR",
    "RUSSIA",
    "SOVIET_UNION",
    "UNITED_ARAB_EMIRATES",
    "UNITED_KINGDOM",
    "UNITED_STATES",
    "UN_SECURITY_COUNCIL",
]

CHINA = State(
    name="China",
    iso3="CHN",
    iso2="CN",
    cow=710,
    gw=710,
    wikidata="Q148",
    aliases=("People's Republic of China", "PRC"),
)
FRANCE = State(name="France", iso3="FRA", iso2="FR", cow=220, gw=220, wikidata="Q142")
RUSSIA = State(
    name="Russia",
    iso3="RUS",
    iso2="RU",
    cow=365,
    gw=365,
    wikidata="Q159",
    aliases=("Russian Federation",),
)
UNITED_KINGDOM = State(
    name="United Kingdom",
    iso3="GBR",
    iso2="GB",
    cow=200,
    gw=200,
    wikidata="Q145",
    aliases=("UK", "United Kingdom of Great Britain and Northern Ireland"),
)
UNITED_STATES = State(
    name="United States",
    iso3="USA",
    iso2="US",
    cow=2,
    gw=2,
    wikidata="Q30",
    aliases=("USA", "United States of America", "U.S."),
)
AFGHANISTAN = State(name="Afghanistan", iso3="AFG", iso2="AF", cow=700, gw=700, wikidata="Q889")
QATAR = State(name="Qatar", iso3="QAT", iso2="QA", cow=694, gw=694, wikidata="Q846")
UNITED_ARAB_EMIRATES = State(
    name="United Arab Emirates",
    iso3="ARE",
    iso2="AE",
    cow=696,
    gw=696,
    wikidata="Q878",
    aliases=("UAE",),
)
#: The USSR; COW and Gleditsch-Ward code it 365 like Russia. ``SUN`` is its former
#: ISO 3166-1 alpha-3 code.
SOVIET_UNION = State(
    name="Soviet Union",
    iso3="SUN",
    cow=365,
    gw=365,
    wikidata="Q15180",
    aliases=("USSR", "Union of Soviet Socialist Republics"),
)

#: The five permanent members of the UN Security Council (UN Charter, Art. 23).
P5: tuple[State, ...] = (CHINA, FRANCE, RUSSIA, UNITED_KINGDOM, UNITED_STATES)

UN_SECURITY_COUNCIL = Organization(
    name="United Nations Security Council",
    kind=OrganizationKind.INTERGOVERNMENTAL,
    acronym="UNSC",
    wikidata="Q37470",
)

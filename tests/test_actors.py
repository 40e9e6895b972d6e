"""Tests of diplorec.actors: states, governments, organizations, people, envoys, places."""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest

from diplorec import (
    DiplomaticRank,
    Envoy,
    FieldError,
    Government,
    Official,
    Organization,
    OrganizationKind,
    Person,
    Place,
    State,
    When,
)
from diplorec.reference import AFGHANISTAN, RUSSIA

EMIRATE = Government(name="Islamic Emirate of Afghanistan", state=AFGHANISTAN)
HASSAN = Person(name="Gul Hassan Hassan")

# Valid keyword arguments for each class; each test below changes one of them.
VALID: dict[type, dict[str, Any]] = {
    State: {"name": "Afghanistan", "iso3": "AFG", "iso2": "AF", "cow": 700, "gw": 700},
    Government: {"name": "Islamic Emirate of Afghanistan", "state": AFGHANISTAN},
    Organization: {"name": "Ministry of Foreign Affairs", "kind": OrganizationKind.MINISTRY},
    Person: {"name": "Gul Hassan Hassan"},
    Official: {"person": HASSAN, "office": "Ambassador", "on_behalf_of": EMIRATE},
    Envoy: {
        "person": HASSAN,
        "rank": DiplomaticRank.AMBASSADOR,
        "sending": EMIRATE,
        "receiving": RUSSIA,
    },
    Place: {"name": "Moscow", "latitude": 55.7558, "longitude": 37.6173},
}

BAD_NAMES: list[Any] = [
    "",
    "   ",
    " Kabul",
    "Kabul ",
    "Kab\x00ul",
    "Kabul\x7f",
    "Kab\x85ul",
    "Kab\ud800ul",
    "x" * 501,
    123,
    None,
    b"Kabul",
]

# (class, field, bad value): every field rule of every actor class.
INVALID: list[tuple[type, str, Any]] = [
    *[(State, "name", bad) for bad in BAD_NAMES],
    *[(Person, "name", bad) for bad in BAD_NAMES],
    *[(Place, "name", bad) for bad in BAD_NAMES],
    (Government, "name", ""),
    (Organization, "name", " MFA"),
    (Official, "office", ""),
    (Official, "office", "Minister\x00"),
    (State, "iso3", "AF"),
    (State, "iso3", "afg"),
    (State, "iso3", "AFGH"),
    (State, "iso3", "A1G"),
    (State, "iso3", "ÅFG"),
    (State, "iso3", "AFG\n"),
    (State, "iso3", ""),
    (State, "iso3", 4),
    (State, "iso2", "AFG"),
    (State, "iso2", "af"),
    (State, "iso2", "A"),
    (State, "wikidata", "889"),
    (State, "wikidata", "q889"),
    (State, "wikidata", "Q"),
    (State, "wikidata", "Q0"),
    (State, "wikidata", "Q0889"),
    (State, "wikidata", "Q1234567890123"),
    (State, "wikidata", "Q889 "),
    (Government, "wikidata", "P31"),
    (Organization, "wikidata", "Q-1"),
    (Person, "wikidata", "L1"),
    (Place, "wikidata", "Q"),
    (State, "cow", 0),
    (State, "cow", 1000),
    (State, "cow", -2),
    (State, "cow", True),
    (State, "cow", 700.0),
    (State, "cow", "700"),
    (State, "gw", 0),
    (State, "gw", 1000),
    (State, "gw", False),
    (State, "aliases", ["Taliban"]),
    (State, "aliases", "Taliban"),
    (State, "aliases", ("Taliban", "Taliban")),
    (State, "aliases", ("Taliban", "")),
    (State, "aliases", (" Taliban",)),
    (Government, "aliases", ("Taliban", "Taliban")),
    (Organization, "aliases", ("",)),
    (Person, "transliterations", ("Gul Hassan", "Gul Hassan")),
    (Person, "transliterations", ["Gul Hassan"]),
    (Government, "state", EMIRATE),
    (Government, "state", "AFG"),
    (Government, "state", None),
    (Government, "in_power", "2021-13/.."),
    (Organization, "kind", "Ministry"),
    (Organization, "kind", None),
    (Organization, "state", EMIRATE),
    (Organization, "acronym", ""),
    (Organization, "acronym", "MFA "),
    (Official, "person", "Gul Hassan Hassan"),
    (Official, "on_behalf_of", HASSAN),
    (Official, "on_behalf_of", None),
    (Official, "acting", 1),
    (Official, "acting", "yes"),
    (Official, "acting", None),
    (Official, "term", "2021 onwards"),
    (Envoy, "person", None),
    (Envoy, "rank", "Ambassador"),
    (Envoy, "rank", None),
    (Envoy, "sending", HASSAN),
    (Envoy, "receiving", "Russia"),
    (Envoy, "title", ""),
    (Place, "country", EMIRATE),
    (Place, "latitude", 90.5),
    (Place, "latitude", -90.5),
    (Place, "latitude", math.nan),
    (Place, "latitude", math.inf),
    (Place, "latitude", True),
    (Place, "latitude", "55.7"),
    (Place, "longitude", 180.5),
    (Place, "longitude", -180.5),
    (Place, "longitude", -math.inf),
    (Place, "longitude", math.nan),
]


def _build(cls: type, **changes: Any) -> Any:
    return cls(**(VALID[cls] | changes))


def _id(case: tuple[type, str, Any]) -> str:
    cls, field, value = case
    return f"{cls.__name__}.{field}={value!r}"[:60]


class TestValidConstruction:
    """Every actor class builds from valid values, and is a frozen, hashable value."""

    @pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
    def test_builds(self, cls: type) -> None:
        """The valid arguments give an instance holding them."""
        value = _build(cls)
        for name, expected in VALID[cls].items():
            assert getattr(value, name) == expected

    @pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
    def test_frozen_and_hashable(self, cls: type) -> None:
        """Instances cannot be changed, compare by value, and hash."""
        value = _build(cls)
        field = next(iter(VALID[cls]))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field, VALID[cls][field])
        assert value == _build(cls)
        assert hash(value) == hash(_build(cls))

    @pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
    def test_keyword_only(self, cls: type) -> None:
        """Positional arguments are refused."""
        with pytest.raises(TypeError):
            cls(*VALID[cls].values())

    @pytest.mark.parametrize(
        ("cls", "field", "value"),
        [
            (State, "cow", 1),
            (State, "cow", 999),
            (State, "gw", 1),
            (State, "iso3", "XKX"),
            (State, "wikidata", "Q1"),
            (State, "wikidata", "Q123456789012"),
            (State, "name", "Côte d'Ivoire"),
            (Person, "name", "Андрей Руденко"),
            (Person, "name", "Gul\tHassan"),
            (Place, "latitude", 90.0),
            (Place, "latitude", -90.0),
            (Place, "longitude", 180.0),
            (Place, "longitude", -180.0),
            (Official, "term", When.parse("2021-08/..")),
            (Official, "acting", True),
            (Envoy, "receiving", Organization(name="African Union", kind=OrganizationKind.OTHER)),
        ],
    )
    def test_boundary_values_accepted(self, cls: type, field: str, value: Any) -> None:
        """Values at the edges of each rule are accepted."""
        assert getattr(_build(cls, **{field: value}), field) == value


class TestFieldRules:
    """Each field rule raises FieldError naming the field."""

    @pytest.mark.parametrize(("cls", "field", "value"), INVALID, ids=map(_id, INVALID))
    def test_rejected(self, cls: type, field: str, value: Any) -> None:
        """The bad value raises FieldError (a ValueError) for its field."""
        with pytest.raises(FieldError) as info:
            _build(cls, **{field: value})
        assert info.value.field == field
        assert isinstance(info.value, ValueError)
        assert str(info.value).startswith(f"{field}: ")

    def test_message_says_what_was_expected(self) -> None:
        """The reason names the rule in words."""
        with pytest.raises(FieldError) as info:
            _build(State, iso3="afg")
        assert (
            info.value.reason == "'afg' is not an ISO 3166-1 alpha-3 code (three capital letters)"
        )

    def test_huge_int_message(self) -> None:
        """An int too long to print is still reported with a readable reason."""
        with pytest.raises(FieldError) as info:
            _build(State, cow=10**5000)
        assert info.value.reason.endswith("is not a Correlates of War state code (1 to 999)")


class TestCrossFieldRules:
    """Rules across fields that are always true."""

    def test_envoy_cannot_be_sent_to_its_sender(self) -> None:
        """Sender and receiver must be different parties."""
        with pytest.raises(ValueError, match="sender and receiver are both 'state:RUS'"):
            _build(Envoy, sending=RUSSIA, receiving=RUSSIA)

    def test_envoy_sender_compared_by_id(self) -> None:
        """A differently described copy of the same state is still the same party."""
        also_russia = State(name="Russian Federation", iso3="RUS")
        with pytest.raises(ValueError, match="sender and receiver"):
            _build(Envoy, sending=RUSSIA, receiving=also_russia)

    def test_government_may_receive_envoys_of_its_own_state(self) -> None:
        """A government and its state are different parties."""
        envoy = _build(Envoy, sending=AFGHANISTAN, receiving=EMIRATE)
        assert envoy.sending != envoy.receiving

    def test_latitude_without_longitude(self) -> None:
        """A place with a latitude needs a longitude."""
        with pytest.raises(FieldError) as info:
            Place(name="Kabul", latitude=34.5)
        assert info.value.field == "longitude"

    def test_longitude_without_latitude(self) -> None:
        """A place with a longitude needs a latitude."""
        with pytest.raises(FieldError) as info:
            Place(name="Kabul", longitude=69.2)
        assert info.value.field == "latitude"

    def test_place_without_coordinates(self) -> None:
        """Coordinates are optional as a pair."""
        assert Place(name="Kabul").latitude is None


class TestDefaultIds:
    """Actor ids are derived from content unless given."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (State(name="Afghanistan", iso3="AFG"), "state:AFG"),
            (State(name="Afghanistan", wikidata="Q889"), "state:Q889"),
            (State(name="Afghanistan", iso3="AFG", wikidata="Q889"), "state:AFG"),
            (State(name="Republic of Kosovo"), "state:republic-of-kosovo"),
            (EMIRATE, "government:AFG:islamic-emirate-of-afghanistan"),
            (
                Government(name="Government of Kosovo", state=State(name="Kosovo")),
                "government:kosovo:government-of-kosovo",
            ),
            (
                Organization(name="Foreign Ministry", kind=OrganizationKind.MINISTRY, state=RUSSIA),
                "organization:RUS:foreign-ministry",
            ),
            (
                Organization(
                    name="Foreign Ministry",
                    acronym="MID",
                    kind=OrganizationKind.MINISTRY,
                    state=RUSSIA,
                ),
                "organization:RUS:mid",
            ),
            (
                Organization(name="African Union", kind=OrganizationKind.INTERGOVERNMENTAL),
                "organization:african-union",
            ),
            (Person(name="Gul Hassan Hassan"), "person:gul-hassan-hassan"),
            (Person(name="Donald Trump", wikidata="Q22686"), "person:Q22686"),
            (Person(name="Андрей Руденко"), "person:андрей-руденко"),
            (Person(name="Mawlawi Amir Khan Muttaqi!"), "person:mawlawi-amir-khan-muttaqi"),
        ],
        ids=lambda value: getattr(value, "id", value),
    )
    def test_derived(self, value: Any, expected: str) -> None:
        """The id joins the kind and a key from codes or the name."""
        assert value.id == expected

    def test_same_content_same_id(self) -> None:
        """Two separately built values with the same content share an id."""
        assert State(name="Qatar", iso3="QAT").id == State(name="State of Qatar", iso3="QAT").id

    def test_government_id_differs_from_state_id(self) -> None:
        """A government never shares its state's id."""
        assert EMIRATE.id != AFGHANISTAN.id

    @pytest.mark.parametrize("cls", [State, Government, Organization, Person])
    def test_explicit_id_kept(self, cls: type) -> None:
        """A valid explicit id is kept as given."""
        assert _build(cls, id="custom:key-1").id == "custom:key-1"

    @pytest.mark.parametrize("cls", [State, Government, Organization, Person])
    @pytest.mark.parametrize(
        "bad",
        ["AFG", "state:", "State:AFG", "state:A B", ":AFG", "1state:AFG", "state:" + "x" * 201],
    )
    def test_invalid_explicit_id(self, cls: type, bad: str) -> None:
        """An explicit id must be 'kind:key' without spaces."""
        with pytest.raises(FieldError) as info:
            _build(cls, id=bad)
        assert info.value.field == "id"

    def test_empty_id_means_derive(self) -> None:
        """id="" asks for the derived id."""
        assert State(id="", name="Afghanistan", iso3="AFG").id == "state:AFG"

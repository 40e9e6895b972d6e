"""Tests of derived ids (diplorec._ids): they always satisfy the id rule, in one normal form."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import (
    Government,
    LegalStatus,
    Organization,
    OrganizationKind,
    Person,
    RecognitionAct,
    RecognitionForm,
    Source,
    State,
    When,
    _ids,
)
from diplorec._validators import MAX_NAME

_ID_RULE = re.compile(_ids.ID_PATTERN)

# Letters with diacritics (which NFD splits into a base and combining marks), letters
# whose case folding changes their length or form (ß, ΐ, İ), punctuation, inner spaces,
# and any other character a name may hold.
_NAME_CHARACTERS = st.one_of(
    st.sampled_from(list("éÅñçǰİßΐŐḱ ǅ-'\u2019.")),
    st.characters(exclude_categories=("Cc", "Cs")),
)


def _valid_name(text: str) -> str | None:
    """``text`` decomposed (NFD), cut to the longest name allowed; None if blank."""
    name = unicodedata.normalize("NFD", text)[:MAX_NAME].strip()
    return name or None


#: Names in normal form D, short or up to the maximum length.
NFD_NAMES = (
    st.one_of(
        st.text(_NAME_CHARACTERS, min_size=1, max_size=40),
        st.text(_NAME_CHARACTERS, min_size=150, max_size=MAX_NAME),
    )
    .map(_valid_name)
    .filter(lambda name: name is not None)
)


def _actors(name: str, other: str) -> list[Any]:
    """Every actor class with a derived id, from two names."""
    state = State(name=name)
    return [
        state,
        Government(name=other, state=state),
        Organization(name=other, kind=OrganizationKind.MINISTRY, state=state),
        Organization(name=name, acronym=other, kind=OrganizationKind.COUNCIL),
        Person(name=name),
    ]


def _round_trips(value: Any) -> None:
    assert _ID_RULE.fullmatch(value.id), value.id
    assert diplorec.loads(diplorec.dumps(value), type(value)) == value


class TestLongNames:
    """Any name the constructors accept gives an id that reads back."""

    def test_state_of_300_letters(self) -> None:
        """``State(name="A" * 300)`` has an id within the rule and round-trips."""
        state = State(name="A" * 300)
        assert len(state.id) <= len("state:") + _ids.MAX_KEY
        _round_trips(state)

    @pytest.mark.parametrize("length", [MAX_NAME - 1, MAX_NAME])
    def test_longest_names_everywhere(self, length: int) -> None:
        """Every actor class, with names of the maximum length, round-trips."""
        for actor in _actors("ä" * length, "ß" * length):  # ß folds to two letters
            _round_trips(actor)

    def test_long_names_that_share_a_start_differ(self) -> None:
        """Names cut to the same start still get different ids (the digest of the whole)."""
        assert State(name="x" * 400 + "a").id != State(name="x" * 400 + "b").id

    def test_government_of_a_state_with_a_long_given_id(self) -> None:
        """A government's key includes its state's key; both at full length still fit."""
        state = State(id="state:" + "k" * _ids.MAX_KEY, name="Kingdom")
        government = Government(name="g" * MAX_NAME, state=state)
        assert government.id.startswith("government:kkk")
        _round_trips(government)

    def test_event_between_long_names(self) -> None:
        """An event naming parties with long names, and a source with a long title, read back."""
        recognizer, recognized = State(name="r" * MAX_NAME), State(name="s" * MAX_NAME)
        act = RecognitionAct(
            on=When.parse("2008-02-18"),
            recognizer=recognizer,
            recognized=recognized,
            legal_status=LegalStatus.DE_JURE,
            form=RecognitionForm.EXPRESS,
            sources=(diplorec.Citation(source=Source(title="t" * MAX_NAME)),),
        )
        _round_trips(act)

    @given(NFD_NAMES, NFD_NAMES)
    def test_any_name_round_trips(self, name: str, other: str) -> None:
        """Long and decomposed names give ids within the rule, and every actor reads back."""
        for actor in _actors(name, other):
            _round_trips(actor)


class TestOrdinaryIdsUnchanged:
    """Keys that fit are not touched: ids of ordinary names are those of earlier releases."""

    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            (("AFG", "islamic-emirate-of-afghanistan"), "AFG:islamic-emirate-of-afghanistan"),
            (("k" * _ids.MAX_KEY,), "k" * _ids.MAX_KEY),
        ],
    )
    def test_key_that_fits(self, parts: tuple[str, ...], expected: str) -> None:
        """A key of at most MAX_KEY characters is the parts joined by ':'."""
        assert _ids.key(*parts) == expected

    def test_one_character_over(self) -> None:
        """One character over the limit is shortened, to the limit at most, with a digest."""
        key = _ids.key("k" * (_ids.MAX_KEY + 1))
        assert len(key) <= _ids.MAX_KEY
        assert key.endswith(_ids.digest("k" * (_ids.MAX_KEY + 1)))

    def test_source_and_event_digests(self) -> None:
        """Source and event ids are the digests of earlier releases (golden files hold more)."""
        assert Source(title="T", url="https://example.org/a").id == "source:" + _ids.digest(
            "https://example.org/a"
        )
        assert _ids.digest("abc") == hashlib.blake2b(b"abc", digest_size=8).hexdigest()


class TestNormalForms:
    """The same name in normal forms C and D gives one id."""

    NAME = "Républica de Côte d\u2019Ivoire Ǆemal İzmir"

    def test_actor_ids(self) -> None:
        """Every actor class derives one id from both forms of a name."""
        nfc = _actors(unicodedata.normalize("NFC", self.NAME), "Gouvernement é")
        nfd = _actors(
            unicodedata.normalize("NFD", self.NAME), unicodedata.normalize("NFD", "Gouvernement é")
        )
        assert [actor.id for actor in nfd] == [actor.id for actor in nfc]
        assert unicodedata.is_normalized("NFC", nfd[0].id)

    def test_source_id(self) -> None:
        """A source without a URL derives one id from both forms of its title."""
        nfc, nfd = (Source(title=unicodedata.normalize(form, self.NAME)) for form in ("NFC", "NFD"))
        assert nfc.title != nfd.title
        assert nfc.id == nfd.id

    def test_event_id(self) -> None:
        """An event between parties named in either form gets one id."""
        acts = [
            RecognitionAct(
                on=When.parse("2008-02-18"),
                recognizer=State(name=unicodedata.normalize(form, self.NAME)),
                recognized=State(name="Kosovo", iso3="XKX"),
                legal_status=LegalStatus.DE_JURE,
                form=RecognitionForm.EXPRESS,
            )
            for form in ("NFC", "NFD")
        ]
        assert acts[0].recognizer != acts[1].recognizer
        assert acts[0].id == acts[1].id

    @given(NFD_NAMES)
    def test_any_name(self, name: str) -> None:
        """A decomposed name and its composed form give one id for every actor class."""
        composed = unicodedata.normalize("NFC", name)
        assert [a.id for a in _actors(name, name)] == [a.id for a in _actors(composed, composed)]

"""Tests of diplorec.vocab: the controlled vocabularies and their wire values."""

from __future__ import annotations

import enum
import inspect
import json
import re

import pytest

from diplorec import (
    Characterization,
    CredentialDocument,
    DiplomaticRank,
    LegalStatus,
    RecognitionAct,
    RecognitionForm,
    RepresentationLevel,
    ValidationError,
    When,
    from_dict,
    to_dict,
    vocab,
)
from diplorec.converters import converter
from diplorec.reference import AFGHANISTAN, RUSSIA

MEMBERS = [member for enum_type in vocab.ENUM_TYPES for member in enum_type]


def _member_id(member: enum.Enum) -> str:
    return f"{type(member).__name__}.{member.name}"


class TestEnumTypes:
    """ENUM_TYPES lists every vocabulary, each a StrEnum of kebab-case values."""

    def test_every_enum_of_the_module_is_listed(self) -> None:
        """ENUM_TYPES holds exactly the enums with members (the vocabularies, not their
        common base) defined in diplorec.vocab."""
        defined = {
            obj
            for _, obj in inspect.getmembers(vocab, inspect.isclass)
            if issubclass(obj, enum.Enum) and obj.__module__ == vocab.__name__ and len(obj)
        }
        assert set(vocab.ENUM_TYPES) == defined
        assert len(vocab.ENUM_TYPES) == len(defined)

    def test_every_enum_is_exported(self) -> None:
        """Each enum is in vocab.__all__."""
        assert {e.__name__ for e in vocab.ENUM_TYPES} <= set(vocab.__all__)

    @pytest.mark.parametrize("member", MEMBERS, ids=_member_id)
    def test_kebab_case_values(self, member: enum.Enum) -> None:
        """Wire values are lower-case words joined by hyphens."""
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", member.value)

    @pytest.mark.parametrize("member", MEMBERS, ids=_member_id)
    def test_name_matches_value(self, member: enum.Enum) -> None:
        """The Python name is the wire value in upper case with underscores."""
        assert member.name == member.value.upper().replace("-", "_")

    @pytest.mark.parametrize("member", MEMBERS, ids=_member_id)
    def test_str_enum(self, member: enum.Enum) -> None:
        """Members are strings equal to their wire value."""
        assert isinstance(member, str)
        assert member == member.value
        assert str(member) == member.value
        assert json.dumps(member) == json.dumps(member.value)

    @pytest.mark.parametrize("member", MEMBERS, ids=_member_id)
    def test_wire_round_trip(self, member: enum.Enum) -> None:
        """The converter writes the plain value and reads back the member."""
        written = converter.unstructure(member)
        assert type(written) is str
        assert converter.structure(written, type(member)) is member

    @pytest.mark.parametrize("enum_type", vocab.ENUM_TYPES, ids=lambda e: e.__name__)
    def test_documented(self, enum_type: type[enum.Enum]) -> None:
        """Each vocabulary has a docstring that says what it classifies."""
        assert enum_type.__doc__
        assert enum_type.__doc__.strip()


class TestLegalDistinctions:
    """The vocabularies keep apart what the law keeps apart."""

    def test_legal_status(self) -> None:
        """De jure and de facto are distinct, with room for 'not stated'."""
        assert [m.value for m in LegalStatus] == ["de-jure", "de-facto", "unspecified"]

    def test_recognition_form(self) -> None:
        """Recognition is express or implied, or the sources do not say which."""
        assert [m.value for m in RecognitionForm] == ["express", "implied", "unspecified"]

    def test_true_copy_is_not_letters_of_credence(self) -> None:
        """VCDR Art. 13 distinguishes letters of credence from a true copy of them."""
        assert CredentialDocument.TRUE_COPY != CredentialDocument.LETTERS_OF_CREDENCE
        assert {"letters-of-credence", "true-copy"} <= {m.value for m in CredentialDocument}

    def test_characterization_can_deny(self) -> None:
        """A party can call an act recognition, deny it, or say nothing."""
        assert {m.value for m in Characterization} == {
            "called-recognition",
            "denied-recognition",
            "unstated",
        }

    @pytest.mark.parametrize(
        ("rank", "vcdr_class"),
        [
            (DiplomaticRank.AMBASSADOR, "14(1)(a)"),
            (DiplomaticRank.MINISTER, "14(1)(b)"),
            (DiplomaticRank.CHARGE_D_AFFAIRES, "14(1)(c)"),
            (DiplomaticRank.CHARGE_D_AFFAIRES_AD_INTERIM, None),
            (DiplomaticRank.SPECIAL_ENVOY, None),
            (DiplomaticRank.REPRESENTATIVE, None),
        ],
    )
    def test_vcdr_classes(self, rank: DiplomaticRank, vcdr_class: str | None) -> None:
        """The three Art. 14 classes map to their paragraphs; Art. 19 ad interim is not one."""
        assert rank.vcdr_class == vcdr_class


class TestRepresentationLevel:
    """Representation levels have COW codes and an order."""

    @pytest.mark.parametrize(
        ("level", "cow"),
        [
            (RepresentationLevel.NONE, 0),
            (RepresentationLevel.CHARGE_D_AFFAIRES, 1),
            (RepresentationLevel.MINISTER, 2),
            (RepresentationLevel.AMBASSADOR, 3),
            (RepresentationLevel.OTHER, 9),
        ],
    )
    def test_cow_codes(self, level: RepresentationLevel, cow: int) -> None:
        """COW Diplomatic Exchange codes: 0 none, 1 chargé, 2 minister, 3 ambassador, 9 other."""
        assert level.cow == cow

    def test_rank_orders_levels(self) -> None:
        """rank runs from none through other offices to ambassadors."""
        ordered = sorted(RepresentationLevel, key=lambda level: level.rank)
        assert ordered == [
            RepresentationLevel.NONE,
            RepresentationLevel.OTHER,
            RepresentationLevel.CHARGE_D_AFFAIRES,
            RepresentationLevel.MINISTER,
            RepresentationLevel.AMBASSADOR,
        ]
        assert len({level.rank for level in RepresentationLevel}) == len(RepresentationLevel)


class TestStrictEnumReading:
    """Enum values are read exactly: no case folding, no Python names, no numbers."""

    @pytest.mark.parametrize("value", ["DE-JURE", "De-Jure", "DE_JURE", "de_jure", "dejure", "", 0])
    def test_wrong_spelling_rejected(self, value: object) -> None:
        """Only the exact kebab-case value is read."""
        act = RecognitionAct(
            on=When.parse("2025-07-03"),
            recognizer=RUSSIA,
            recognized=AFGHANISTAN,
            form=RecognitionForm.EXPRESS,
        )
        data = to_dict(act) | {"legal_status": value}
        with pytest.raises(ValidationError) as info:
            from_dict(data, RecognitionAct)
        assert [p.path for p in info.value.problems] == ["$.legal_status"]

"""Downstream code that builds records with typed values and with what people type.

Not collected with the rest of the suite (its name does not start with ``test_``):
``tests/test_constructors.py`` runs ``mypy --strict`` on it, and imports it to check
that both spellings build equal values.
"""

from __future__ import annotations

from diplorec import (
    DiplomaticRank,
    Envoy,
    LegalStatus,
    Person,
    RecognitionAct,
    RecognitionForm,
    RecognitionInstrument,
    RecognitionWithdrawal,
    Source,
    SourceKind,
    When,
    WithdrawalKind,
)
from diplorec.reference import AFGHANISTAN, RUSSIA


def typed() -> tuple[RecognitionAct, RecognitionWithdrawal, Envoy, Source]:
    """The records written with ``When`` values and enum members."""
    act = RecognitionAct(
        on=When.parse("2019-03-14"),
        announced=When.parse("2019-03"),
        recognizer=RUSSIA,
        recognized=AFGHANISTAN,
        form=RecognitionForm.EXPRESS,
        legal_status=LegalStatus.DE_JURE,
        instrument=RecognitionInstrument.STATEMENT,
    )
    withdrawal = RecognitionWithdrawal(
        on=When.parse("2020-05"),
        withdrawer=RUSSIA,
        recognized=AFGHANISTAN,
        kind=WithdrawalKind.WITHDRAWAL,
        effective=None,
    )
    envoy = Envoy(
        person=Person(name="Dmitry Zhirnov"),
        sending=RUSSIA,
        receiving=AFGHANISTAN,
        rank=DiplomaticRank.AMBASSADOR,
    )
    source = Source(title="Statement", published=When.parse("2019-03-14"), kind=SourceKind.NEWS)
    return act, withdrawal, envoy, source


def typed_as_text() -> tuple[RecognitionAct, RecognitionWithdrawal, Envoy, Source]:
    """The same records written as people type them: dates as text, enum values."""
    act = RecognitionAct(
        on="2019-03-14",
        announced="2019-03",
        recognizer=RUSSIA,
        recognized=AFGHANISTAN,
        form="express",
        legal_status="de-jure",
        instrument="statement",
    )
    withdrawal = RecognitionWithdrawal(
        on="2020-05",
        withdrawer=RUSSIA,
        recognized=AFGHANISTAN,
        kind="withdrawal",
        effective=None,
    )
    envoy = Envoy(
        person=Person(name="Dmitry Zhirnov"),
        sending=RUSSIA,
        receiving=AFGHANISTAN,
        rank="ambassador",
    )
    source = Source(title="Statement", published="2019-03-14", kind="news")
    return act, withdrawal, envoy, source


def fields_of(act: RecognitionAct) -> tuple[When, When | None, RecognitionForm, LegalStatus]:
    """The fields hold the converted types, whichever spelling built the record."""
    return act.on, act.announced, act.form, act.legal_status

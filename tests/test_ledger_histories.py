"""Real recognition histories, encoded with the public API, against the known record.

Dates carry the precision the sources support: a day where reports agree on it, a
month or a year where they do not. Each history says where its dates come from.
"""

from __future__ import annotations

from typing import Any

import pytest

from diplorec import (
    P5,
    Certainty,
    Event,
    Government,
    LegalStatus,
    Organization,
    OrganizationKind,
    RecognitionAct,
    RecognitionForm,
    RecognitionInstrument,
    RecognitionWithdrawal,
    RelationsAction,
    RelationsChange,
    RepresentationLevel,
    State,
    When,
    WithdrawalKind,
)
from diplorec.ledger import ChangeKind, RecognitionLedger, Standing
from diplorec.reference import (
    AFGHANISTAN,
    CHINA,
    FRANCE,
    QATAR,
    RUSSIA,
    SOVIET_UNION,
    UNITED_KINGDOM,
    UNITED_STATES,
)

R, N, W, U = (
    Standing.RECOGNIZED,
    Standing.NOT_RECOGNIZED,
    Standing.WITHDRAWN,
    Standing.UNCERTAIN,
)
COMMUNIQUE = RecognitionInstrument.JOINT_COMMUNIQUE

#: The two governments that each claimed to be the government of China.
PRC = Government(name="People's Republic of China", state=CHINA, aliases=("PRC",))
ROC = Government(name="Republic of China", state=CHINA, aliases=("Taiwan", "ROC"))


def recognition(recognizer: Any, recognized: Any, on: str, **fields: Any) -> RecognitionAct:
    fields.setdefault("form", RecognitionForm.EXPRESS)
    return RecognitionAct(on=When.parse(on), recognizer=recognizer, recognized=recognized, **fields)


def switch(withdrawer: Any, away: Any, to: Any, on: str, **fields: Any) -> RecognitionWithdrawal:
    return RecognitionWithdrawal(
        on=When.parse(on),
        withdrawer=withdrawer,
        recognized=away,
        kind=WithdrawalKind.SWITCH,
        in_favour_of=to,
        **fields,
    )


def answers(events: tuple[Event, ...], recognizer: Any, recognized: Any, *days: str) -> list[Any]:
    ledger = RecognitionLedger.from_events(events)
    return [ledger.standing(recognizer, recognized, day) for day in days]


# -- Nauru -------------------------------------------------------------------------------------
# ROC relations from May 1980; PRC 21 July 2002; ROC again 14 May 2005; on 15 January 2024
# Nauru announced the switch to the PRC, and relations resumed by communiqué on 24 January.

NAURU = State(name="Nauru", iso3="NRU")
NAURU_EVENTS: tuple[Event, ...] = (
    recognition(NAURU, ROC, "1980-05", instrument=RecognitionInstrument.ESTABLISHMENT_OF_RELATIONS),
    recognition(NAURU, PRC, "2002-07-21", instrument=COMMUNIQUE),
    recognition(NAURU, ROC, "2005-05-14", instrument=COMMUNIQUE),
    switch(NAURU, ROC, PRC, "2024-01-15"),
    recognition(NAURU, PRC, "2024-01-24", instrument=COMMUNIQUE),
)


class TestNauru:
    """Nauru switched between the PRC and the ROC three times."""

    days = ("1980-05-10", "1990", "2002-07-20", "2003", "2006", "2024-01-14", "2024-01-20", "2025")

    def test_prc(self) -> None:
        """The PRC: recognised 2002-2005 and again from 15 January 2024."""
        assert answers(NAURU_EVENTS, NAURU, PRC, *self.days) == [N, N, N, R, W, W, R, R]

    def test_roc(self) -> None:
        """The ROC: uncertain within May 1980, then recognised except 2002-2005."""
        assert answers(NAURU_EVENTS, NAURU, ROC, *self.days) == [U, R, R, W, R, R, W, W]

    def test_switches_implied(self) -> None:
        """Switches need no withdrawal event: they follow from recognising the rival.

        The explicit switch of 15 January 2024 is listed once, as a switch; the
        recognition of the PRC on 24 January implies the end of the ROC's again.
        """
        timeline = RecognitionLedger.from_events(NAURU_EVENTS).timeline(ROC)
        assert [(str(e.when), e.kind) for e in timeline] == [
            ("1980-05", ChangeKind.RECOGNITION),
            ("2002-07-21", ChangeKind.RIVAL_RECOGNITION),
            ("2005-05-14", ChangeKind.RECOGNITION),
            ("2024-01-15", ChangeKind.SWITCH),
            ("2024-01-24", ChangeKind.RIVAL_RECOGNITION),
        ]


# -- Kiribati and Solomon Islands ------------------------------------------------------------
# Kiribati: PRC from June 1980, ROC from 7 November 2003, back to the PRC on 20 September
# 2019. Solomon Islands: ROC from 1983; cabinet decided the switch on 16 September 2019;
# relations with the PRC established on 21 September 2019.

KIRIBATI = State(name="Kiribati", iso3="KIR")
SOLOMON_ISLANDS = State(name="Solomon Islands", iso3="SLB")
PACIFIC_EVENTS: tuple[Event, ...] = (
    recognition(KIRIBATI, PRC, "1980-06"),
    recognition(KIRIBATI, ROC, "2003-11-07"),
    switch(KIRIBATI, ROC, PRC, "2019-09-20"),
    recognition(SOLOMON_ISLANDS, ROC, "1983"),
    switch(SOLOMON_ISLANDS, ROC, PRC, "2019-09-16"),
    recognition(SOLOMON_ISLANDS, PRC, "2019-09-21", instrument=COMMUNIQUE),
)


class TestKiribatiAndSolomonIslands:
    """Two Pacific states that moved from the ROC to the PRC in September 2019."""

    def test_kiribati(self) -> None:
        """Kiribati recognises the PRC, then the ROC, then the PRC again."""
        days = ("1990", "2003-11-07", "2019-09-19", "2019-09-20")
        assert answers(PACIFIC_EVENTS, KIRIBATI, PRC, *days) == [R, W, W, R]
        assert answers(PACIFIC_EVENTS, KIRIBATI, ROC, *days) == [N, R, R, W]

    def test_solomon_islands(self) -> None:
        """Uncertain during 1983; the ROC until 16 September 2019, then the PRC."""
        days = ("1983-06-01", "2019-09-15", "2019-09-16", "2019-09-18")
        assert answers(PACIFIC_EVENTS, SOLOMON_ISLANDS, ROC, *days) == [U, R, W, W]
        assert answers(PACIFIC_EVENTS, SOLOMON_ISLANDS, PRC, *days) == [N, N, R, R]

    def test_who_recognises_the_roc(self) -> None:
        """Both recognised the ROC in mid-2019, neither in 2020, only Solomon Islands in 1990."""
        ledger = RecognitionLedger.from_events(PACIFIC_EVENTS)
        assert ledger.recognizers(ROC, "2019-06-01") == (KIRIBATI, SOLOMON_ISLANDS)
        assert ledger.recognizers(ROC, "2020") == ()
        assert ledger.recognizers(ROC, "1990") == (SOLOMON_ISLANDS,)


# -- Malawi ------------------------------------------------------------------------------------
# Relations with the ROC from 1966. On 14 January 2008 Malawi announced ties with the PRC
# "as from 28 December 2007" (the joint communiqué; Reuters reported 27 December).

MALAWI = State(name="Malawi", iso3="MWI")
MALAWI_EVENTS: tuple[Event, ...] = (
    recognition(MALAWI, ROC, "1966"),
    switch(
        MALAWI,
        ROC,
        PRC,
        "2008-01-14",
        effective=When.parse("2007-12-28"),
        announced=When.parse("2008-01-14"),
        notes="The joint communiqué gives 28 December 2007; Reuters reported 27 December.",
    ),
)


class TestMalawi:
    """A switch announced after the date it took effect."""

    def test_effective_before_announcement(self) -> None:
        """Between the effective date and the announcement, the PRC is already recognised."""
        days = ("2007-12-27", "2007-12-28", "2008-01-01", "2008-01-14")
        assert answers(MALAWI_EVENTS, MALAWI, PRC, *days) == [N, R, R, R]
        assert answers(MALAWI_EVENTS, MALAWI, ROC, *days) == [R, W, W, W]


# -- The government of China and the permanent members ----------------------------------------
# The USSR recognised the PRC on 2 October 1949, the UK de jure on 6 January 1950, France on
# 27 January 1964, the US on 1 January 1979. UK-PRC relations rose to ambassadors on 13 March
# 1972. The UK and the US had recognised the Nationalist government in 1928.

CHINA_EVENTS: tuple[Event, ...] = (
    recognition(UNITED_KINGDOM, ROC, "1928"),
    recognition(UNITED_STATES, ROC, "1928"),
    recognition(SOVIET_UNION, PRC, "1949-10-02"),
    recognition(UNITED_KINGDOM, PRC, "1950-01-06", legal_status=LegalStatus.DE_JURE),
    recognition(FRANCE, PRC, "1964-01-27", instrument=COMMUNIQUE),
    recognition(UNITED_STATES, PRC, "1979-01-01", instrument=COMMUNIQUE),
    RelationsChange(
        on=When.parse("1972-03-13"),
        parties=(UNITED_KINGDOM, PRC),
        action=RelationsAction.UPGRADED,
        level_before=RepresentationLevel.CHARGE_D_AFFAIRES,
        level_after=RepresentationLevel.AMBASSADOR,
    ),
)


class TestChinaSeat:
    """Who recognised which government of China, and when."""

    def test_uk(self) -> None:
        """The UK recognised the PRC de jure in 1950, long before ambassadors were exchanged."""
        days = ("1949-12-31", "1950-01-06", "1960")
        assert answers(CHINA_EVENTS, UNITED_KINGDOM, PRC, *days) == [N, R, R]
        assert answers(CHINA_EVENTS, UNITED_KINGDOM, ROC, *days) == [R, W, W]
        timeline = RecognitionLedger.from_events(CHINA_EVENTS).timeline(PRC)
        (entry,) = [e for e in timeline if e.recognizer == UNITED_KINGDOM]
        assert entry.legal_status is LegalStatus.DE_JURE

    def test_us(self) -> None:
        """The US recognised the ROC until 1 January 1979, the PRC from then."""
        assert answers(CHINA_EVENTS, UNITED_STATES, ROC, "1978-12-31", "1979-01-01") == [R, W]
        assert answers(CHINA_EVENTS, UNITED_STATES, PRC, "1978-12-31", "1979-01-01") == [N, R]

    def test_first_among_permanent_members(self) -> None:
        """The Soviet Union recognised the PRC first; the UK first among the western three."""
        ledger = RecognitionLedger.from_events(CHINA_EVENTS)
        members = (SOVIET_UNION, UNITED_KINGDOM, FRANCE, UNITED_STATES)
        first = ledger.first_recognizer(PRC, among=members)
        western = ledger.first_recognizer(PRC, among=members[1:])
        assert first is not None
        assert first.recognizer == SOVIET_UNION
        assert western is not None
        assert western.recognizer == UNITED_KINGDOM


# -- Libya, 2011 ---------------------------------------------------------------------------------
# The National Transitional Council: France first (10 March), Qatar (28 March), the US
# (15 July), the UK (27 July), Russia (1 September), China (12 September); the UN General
# Assembly seated its delegation on 16 September; the African Union recognised it on
# 20 September.

LIBYA = State(name="Libya", iso3="LBY")
NTC = Government(
    name="National Transitional Council",
    state=LIBYA,
    aliases=("NTC",),
    in_power=When.parse("2011-02/2012-08"),
)
UNGA = Organization(
    name="United Nations General Assembly",
    kind=OrganizationKind.INTERGOVERNMENTAL,
    acronym="UNGA",
)
AFRICAN_UNION = Organization(
    name="African Union", kind=OrganizationKind.INTERGOVERNMENTAL, acronym="AU"
)
LIBYA_EVENTS: tuple[Event, ...] = (
    recognition(FRANCE, NTC, "2011-03-10"),
    recognition(QATAR, NTC, "2011-03-28"),
    recognition(UNITED_STATES, NTC, "2011-07-15"),
    recognition(UNITED_KINGDOM, NTC, "2011-07-27"),
    recognition(RUSSIA, NTC, "2011-09-01"),
    recognition(CHINA, NTC, "2011-09-12"),
    recognition(UNGA, NTC, "2011-09-16", instrument=RecognitionInstrument.VOTE),
    recognition(AFRICAN_UNION, NTC, "2011-09-20"),
)


class TestLibya2011:
    """States and organizations recognising a council that claimed to govern Libya."""

    def test_first(self) -> None:
        """France recognised first, among everyone and among the permanent members."""
        ledger = RecognitionLedger.from_events(LIBYA_EVENTS)
        assert ledger.first_recognizer(NTC) is LIBYA_EVENTS[0]
        assert ledger.first_recognizer(NTC, among=P5) is LIBYA_EVENTS[0]
        assert ledger.first_recognizer(NTC, among=[RUSSIA, CHINA]) is LIBYA_EVENTS[4]

    def test_recognizers_over_time(self) -> None:
        """Three permanent members by August; all five, the UN and the AU by October."""
        ledger = RecognitionLedger.from_events(LIBYA_EVENTS)
        august = {party.id for party in ledger.recognizers(NTC, "2011-08-01")}
        assert august == {"state:FRA", "state:QAT", "state:USA", "state:GBR"}
        october = ledger.recognizers(NTC, "2011-10-01")
        assert len(october) == 8
        assert AFRICAN_UNION in october
        assert UNGA in october


# -- Kosovo ------------------------------------------------------------------------------------
# Independence declared 17 February 2008; a sample of recognitions, not the full list.
# Serbia's government has announced many withdrawals. Togo's foreign minister confirmed in
# Belgrade on 16 January 2023 a withdrawal Serbia dated to a note of 28 June 2019 (and
# announced in August 2019). Kosovo denied others, which the states named did not
# confirm: the Comoros (announced 7 November 2018), Sierra Leone (March 2020), and the
# Maldives (in the list Serbia's president gave in January 2023, undated: some time after its
# recognition in 2009). Sierra Leone's recognition is dated here only to its year.

KOSOVO = State(name="Kosovo", iso3="XKX")
SERBIA = State(name="Serbia", iso3="SRB")
COSTA_RICA = State(name="Costa Rica", iso3="CRI")
ALBANIA = State(name="Albania", iso3="ALB")
TURKEY = State(name="Turkey", iso3="TUR")
GERMANY = State(name="Germany", iso3="DEU")
COMOROS = State(name="Comoros", iso3="COM")
MALDIVES = State(name="Maldives", iso3="MDV")
SIERRA_LEONE = State(name="Sierra Leone", iso3="SLE")
TOGO = State(name="Togo", iso3="TGO")

KOSOVO_EVENTS: tuple[Event, ...] = (
    recognition(COSTA_RICA, KOSOVO, "2008-02-17"),
    *(
        recognition(state, KOSOVO, "2008-02-18")
        for state in (AFGHANISTAN, ALBANIA, FRANCE, TURKEY, UNITED_KINGDOM, UNITED_STATES)
    ),
    recognition(GERMANY, KOSOVO, "2008-02-20"),
    recognition(SIERRA_LEONE, KOSOVO, "2008"),
    recognition(MALDIVES, KOSOVO, "2009"),
    recognition(COMOROS, KOSOVO, "2009-05-19"),
    recognition(TOGO, KOSOVO, "2014-07-02"),
    RecognitionWithdrawal(
        on=When.parse("2018-11-07"),
        withdrawer=COMOROS,
        recognized=KOSOVO,
        claimed_by=(SERBIA,),
        denied_by=(KOSOVO,),
        certainty=Certainty.DISPUTED,
    ),
    RecognitionWithdrawal(
        on=When.parse("2020-03"),
        withdrawer=SIERRA_LEONE,
        recognized=KOSOVO,
        claimed_by=(SERBIA,),
        denied_by=(KOSOVO,),
    ),
    RecognitionWithdrawal(
        on=When.parse("2009/2023-01"),
        announced=When.parse("2023-01"),
        withdrawer=MALDIVES,
        recognized=KOSOVO,
        claimed_by=(SERBIA,),
        denied_by=(KOSOVO,),
    ),
)
TOGO_CLAIM = RecognitionWithdrawal(
    on=When.parse("2019-06-28"),
    announced=When.parse("2019-08"),
    withdrawer=TOGO,
    recognized=KOSOVO,
    claimed_by=(SERBIA,),
    certainty=Certainty.CLAIMED,
)
TOGO_CONFIRMATION = RecognitionWithdrawal(
    on=When.parse("2023-01-16"),
    effective=When.parse("2019-06-28"),
    withdrawer=TOGO,
    recognized=KOSOVO,
    claimed_by=(TOGO, SERBIA),
    certainty=Certainty.CONFIRMED,
)


def kosovo(*extra: Event) -> RecognitionLedger:
    return RecognitionLedger.from_events((*KOSOVO_EVENTS, *extra))


class TestKosovo:
    """Early recognitions of Kosovo, and withdrawals claimed, denied or confirmed."""

    def test_first_days(self) -> None:
        """Costa Rica recognised first; six more states on 18 February, Germany on the 20th."""
        ledger = kosovo()
        assert ledger.recognizers(KOSOVO, "2008-02-17") == (COSTA_RICA,)
        assert len(ledger.recognizers(KOSOVO, "2008-02-18")) == 7
        assert len(ledger.recognizers(KOSOVO, "2008-02-20")) == 8
        assert ledger.first_recognizer(KOSOVO) is KOSOVO_EVENTS[0]
        # Known only to the year 2008, Sierra Leone's recognition may have come first.
        assert {act.recognizer for act in ledger.first_recognizers(KOSOVO)} == {
            COSTA_RICA,
            SIERRA_LEONE,
        }

    def test_first_among_p5_is_a_tie(self) -> None:
        """France, the UK and the US recognised on the same day: all three may be first."""
        firsts = kosovo().first_recognizers(KOSOVO, among=P5)
        assert {act.recognizer.id for act in firsts} == {"state:FRA", "state:GBR", "state:USA"}

    @pytest.mark.parametrize(
        ("state", "day"), [(COMOROS, "2019"), (SIERRA_LEONE, "2021"), (MALDIVES, "2024")]
    )
    def test_denied_claims_are_uncertain(self, state: State, day: str) -> None:
        """A withdrawal Serbia claims and Kosovo denies is neither fact nor dismissed."""
        ledger = kosovo()
        assert ledger.standing(state, KOSOVO, day) is U
        assert state not in ledger.recognizers(KOSOVO, day)

    def test_recognised_before_the_claims(self) -> None:
        """Before a dated claim the state recognised Kosovo; an undated claim clouds all after."""
        ledger = kosovo()
        assert ledger.standing(COMOROS, KOSOVO, "2018-11-06") is R
        assert ledger.standing(SIERRA_LEONE, KOSOVO, "2019") is R
        # The Maldives' claimed withdrawal is dated only "from 2009 to January 2023".
        assert ledger.standing(MALDIVES, KOSOVO, "2008") is N
        assert ledger.standing(MALDIVES, KOSOVO, "2010") is U

    def test_togo_claim_then_confirmation(self) -> None:
        """Togo: uncertain while Serbia alone claimed it; withdrawn from 28 June 2019; confirmed."""
        assert kosovo(TOGO_CLAIM).standing(TOGO, KOSOVO, "2020") is U
        confirmed = kosovo(TOGO_CLAIM, TOGO_CONFIRMATION)
        days = ("2019-06-27", "2019-06-28", "2020")
        assert [confirmed.standing(TOGO, KOSOVO, day) for day in days] == [R, W, W]

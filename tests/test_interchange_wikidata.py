"""Wikidata: P530 statements out as QuickStatements, in from wbgetentities JSON as ties."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diplorec import (
    Citation,
    DiplomaticTies,
    Dossier,
    Government,
    RecognitionAct,
    RecognitionForm,
    RecognitionWithdrawal,
    Source,
    State,
    ValidationError,
    When,
    WithdrawalKind,
)
from diplorec.examples import russia_taliban_2025 as example
from diplorec.interchange.wikidata import read_wikidata, to_quickstatements

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "entities.json"
USA = State(name="United States", iso3="USA", wikidata="Q30")
KOSOVO = State(name="Kosovo", iso3="XKX", wikidata="Q1246")
PRC = State(name="China", iso3="CHN", wikidata="Q148")
ROC = State(name="Taiwan", iso3="TWN", wikidata="Q865")
STATE_DEPT = Source(
    title="U.S. Recognizes Kosovo as Independent State",
    publisher="U.S. Department of State",
    url="https://2001-2009.state.gov/secretary/rm/2008/02/100973.htm",
)


def cells(command: str) -> list[str]:
    return command.split("\t")


class TestQuickStatements:
    """Recognitions, withdrawals and ties become P530 statements with qualifiers and sources."""

    def test_recognition_of_kosovo(self) -> None:
        """US recognition of Kosovo (18 Feb 2008): P530 both ways, P580 by day, S854 source."""
        act = RecognitionAct(
            on=When.parse("2008-02-18"),
            recognizer=USA,
            recognized=KOSOVO,
            form=RecognitionForm.EXPRESS,
            sources=(Citation(source=STATE_DEPT),),
        )
        export = to_quickstatements([act])
        start = ["P580", "+2008-02-18T00:00:00Z/11"]
        reference = ["S854", f'"{STATE_DEPT.url}"']
        assert [cells(c) for c in export.commands] == [
            ["Q30", "P530", "Q1246", *start, *reference],
            ["Q1246", "P530", "Q30", *start, *reference],
        ]
        assert export.skipped == ()

    def test_effective_date_and_precision(self) -> None:
        """The effective date wins over ``on``; a month is precision 10, a year 9."""
        act = RecognitionAct(
            on=When.parse("2008-02-18"),
            effective=When.parse("2008-03"),
            recognizer=USA,
            recognized=KOSOVO,
            form=RecognitionForm.EXPRESS,
        )
        assert cells(to_quickstatements([act]).commands[0])[3:] == [
            "P580",
            "+2008-03-00T00:00:00Z/10",
        ]
        yearly = RecognitionAct(
            on=When.parse("1913~"), recognizer=USA, recognized=ROC, form=RecognitionForm.EXPRESS
        )
        assert cells(to_quickstatements([yearly]).commands[0])[3:] == [
            "P580",
            "+1913-00-00T00:00:00Z/9",
            "P1480",
            "Q5727902",
        ]

    def test_switch_ends_the_old_relation(self) -> None:
        """The 1979 switch from Taipei to Beijing ends the US-ROC statement (P582)."""
        switch = RecognitionWithdrawal(
            on=When.parse("1979-01-01"),
            withdrawer=USA,
            recognized=ROC,
            kind=WithdrawalKind.SWITCH,
            in_favour_of=PRC,
        )
        assert cells(to_quickstatements([switch]).commands[0]) == [
            "Q30",
            "P530",
            "Q865",
            "P582",
            "+1979-01-01T00:00:00Z/11",
        ]

    def test_ties_over_a_period(self) -> None:
        """Ties over an interval give both start and end; an open end gives none."""
        ties = DiplomaticTies(on=When.parse("1913/1979-01-01"), parties=(USA, ROC))
        assert cells(to_quickstatements([ties]).commands[0])[3:] == [
            "P580",
            "+1913-00-00T00:00:00Z/9",
            "P582",
            "+1979-01-01T00:00:00Z/11",
        ]
        ongoing = DiplomaticTies(on=When.parse("1979-01-01/.."), parties=(USA, PRC))
        assert cells(to_quickstatements([ongoing]).commands[0])[3:] == [
            "P580",
            "+1979-01-01T00:00:00Z/11",
        ]

    def test_what_cannot_be_written_is_said(self) -> None:
        """The worked example: a government without an item, and other events, skipped with why."""
        export = to_quickstatements(Dossier(events=example.EVENTS))
        assert export.commands == ()
        reasons = dict(export.skipped)
        assert len(reasons) == len(example.EVENTS)
        assert "recognises a government without a Wikidata item" in reasons[example.RECOGNITION.id]
        assert "Islamic Emirate of Afghanistan: no Wikidata id" in reasons[example.CHINA_TIES.id]
        assert "is not a recognition" in reasons[example.KABUL_MEETING.id]

    def test_government_with_its_own_item(self) -> None:
        """A recognised government that has its own item is linked by that item."""
        government = Government(name="A government", state=KOSOVO, wikidata="Q1")
        act = RecognitionAct(
            on=When.parse("2020"),
            recognizer=USA,
            recognized=government,
            form=RecognitionForm.EXPRESS,
        )
        assert cells(to_quickstatements([act]).commands[0])[:3] == ["Q30", "P530", "Q1"]


class TestEntityJson:
    """wbgetentities JSON reads as diplomatic ties with their periods and references."""

    def read(self) -> tuple[dict[frozenset[str], DiplomaticTies], object]:
        result = read_wikidata(FIXTURE, errors="collect")
        by_pair = {frozenset(p.wikidata or "" for p in t.parties): t for t in result.ties}
        return by_pair, result

    def test_kosovo(self) -> None:
        """US-Kosovo from 18 Feb 2008, stated on both items: one event citing both."""
        ties, _ = self.read()
        kosovo = ties[frozenset({"Q30", "Q1246"})]
        assert str(kosovo.on) == "2008-02-18/.."
        assert [p.id for p in kosovo.parties] == ["state:USA", "state:Q1246"]
        assert [p.name for p in kosovo.parties] == ["United States", "Kosovo"]
        urls = [c.source.url for c in kosovo.sources]
        assert urls == [
            "https://www.wikidata.org/wiki/Q30",
            "https://2001-2009.state.gov/secretary/rm/2008/02/100973.htm",
            "https://www.wikidata.org/wiki/Q1246",
            "https://www.mfa-ks.net/en/diplomatic-relations",
        ]
        assert kosovo.sources[0].locator == "Q30$kosovo"

    def test_switch_of_1979(self) -> None:
        """US-ROC from 1913 to 1 Jan 1979; US-PRC from that day, the PRC with its ISO code."""
        ties, _ = self.read()
        assert str(ties[frozenset({"Q30", "Q865"})].on) == "1913/1979-01-01"
        prc = ties[frozenset({"Q30", "Q148"})]
        assert str(prc.on) == "1979-01-01/.."
        assert prc.parties[1].id == "state:CHN"

    def test_refused_statements(self) -> None:
        """No dates, an unknown value and a Julian date are problems; deprecated is counted."""
        _, result = self.read()
        paths = {p.path: p.message for p in result.problems}  # type: ignore[attr-defined]
        assert set(paths) == {
            "$.entities.Q30.claims.P530[4]",
            "$.entities.Q30.claims.P530[5].mainsnak",
            "$.entities.Q30.claims.P530[6].qualifiers.P580[0].datavalue.value.calendarmodel",
        }
        assert "(as_of)" in paths["$.entities.Q30.claims.P530[4]"]
        assert result.deprecated == 1  # type: ignore[attr-defined]
        assert len(result.ties) == 3  # type: ignore[attr-defined]

    def test_as_of(self) -> None:
        """With as_of, a statement without qualifiers is ties observed on that date."""
        result = read_wikidata(FIXTURE, as_of=When.parse("2026-12-01"), errors="collect")
        france = [t for t in result.ties if t.parties[1].wikidata == "Q142"]
        assert [str(t.on) for t in france] == ["2026-12-01"]

    def test_raise_by_default(self) -> None:
        """By default the first statement that cannot be read raises, naming its path."""
        with pytest.raises(ValidationError, match=r"\$\.entities\.Q30\.claims\.P530\[4\]"):
            read_wikidata(FIXTURE)

    def test_sources(self) -> None:
        """A dict, a path and a binary file give the same ties."""
        data = json.loads(FIXTURE.read_text("utf-8"))
        from_dict = read_wikidata(data, errors="collect").ties
        from_file = read_wikidata(io.BytesIO(FIXTURE.read_bytes()), errors="collect").ties
        assert from_dict == from_file == read_wikidata(FIXTURE, errors="collect").ties

    @pytest.mark.parametrize(
        ("document", "path"),
        [
            ({}, "$.entities"),
            ([], "$.entities"),
            ({"entities": {"Q1": {"claims": {"P530": [{"mainsnak": {"snaktype": "value"}}]}}}},
             "$.entities.Q1.claims.P530[0].mainsnak.datavalue"),
            ({"entities": {"Q1": {"claims": {"P530": ["x"]}}}}, "$.entities.Q1.claims.P530[0]"),
        ],
    )  # fmt: skip
    def test_bad_documents(self, document: object, path: str) -> None:
        """Bad documents raise ValidationError at the path at fault."""
        with pytest.raises(ValidationError) as caught:
            read_wikidata(document)
        assert caught.value.problems[0].path == path

    @pytest.mark.parametrize(
        ("statement_id", "message"),
        [
            ("", "must not be empty"),
            ("Q30$\x1b", "contains a control character"),
            (" Q30$kosovo", "space"),
            (7, "is not a statement id (a string)"),
        ],
    )
    def test_bad_statement_ids(self, statement_id: object, message: str) -> None:
        """A statement id that cannot be a citation's locator is a problem at its path."""
        data = json.loads(FIXTURE.read_text("utf-8"))
        data["entities"]["Q30"]["claims"]["P530"][0]["id"] = statement_id
        with pytest.raises(ValidationError) as caught:
            read_wikidata(data, as_of=When.parse("2026-12-01"))
        problem = caught.value.problems[0]
        assert problem.path == "$.entities.Q30.claims.P530[0].id"
        assert message in problem.message

    def test_back_out_again(self) -> None:
        """Ties read from Wikidata write back their qualifiers, citing no Wikidata page."""
        ties, _ = self.read()
        kosovo = to_quickstatements([ties[frozenset({"Q30", "Q1246"})]])
        assert [cells(c)[-1] for c in kosovo.commands] == [
            '"https://2001-2009.state.gov/secretary/rm/2008/02/100973.htm"',
            '"https://www.mfa-ks.net/en/diplomatic-relations"',
        ] * 2
        export = to_quickstatements([ties[frozenset({"Q30", "Q865"})]])
        assert cells(export.commands[0]) == [
            "Q30",
            "P530",
            "Q865",
            "P580",
            "+1913-00-00T00:00:00Z/9",
            "P582",
            "+1979-01-01T00:00:00Z/11",
        ]

"""Dossier: an ordered collection of events with checks, lookups and a JSON document."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import (
    SPEC_VERSION,
    Citation,
    CredentialDocument,
    CredentialPresentation,
    DiplomaticRank,
    Envoy,
    Government,
    Meeting,
    Official,
    Person,
    RecognitionAct,
    RecognitionForm,
    RecognitionWithdrawal,
    Source,
    Stance,
    State,
    Statement,
    ValidationError,
    When,
    WithdrawalKind,
    migrations,
)
from diplorec.dossier import Dossier, Finding, Severity
from diplorec.examples import russia_taliban_2025 as example
from diplorec.ledger import Standing

GOLDEN = Path(__file__).parent / "golden" / "dossier_1.0.json"
SOURCE = Source(title="A report", publisher="Example News")
CITED = (Citation(source=SOURCE),)
FREEDONIA = State(name="Freedonia", iso3="XFD")
SYLVANIA = State(name="Sylvania", iso3="XSY")
JUNTA = Government(name="Provisional Junta of Sylvania", state=SYLVANIA)


def recognition(on: str = "2001-01-01", **fields: Any) -> RecognitionAct:
    fields.setdefault("recognizer", FREEDONIA)
    fields.setdefault("recognized", SYLVANIA)
    fields.setdefault("sources", CITED)
    return RecognitionAct(on=When.parse(on), form=RecognitionForm.EXPRESS, **fields)


def withdrawal(on: str = "2005-01-01", **fields: Any) -> RecognitionWithdrawal:
    fields.setdefault("withdrawer", FREEDONIA)
    fields.setdefault("recognized", SYLVANIA)
    fields.setdefault("sources", CITED)
    return RecognitionWithdrawal(on=When.parse(on), **fields)


def codes(dossier: Dossier, *, leaving_out: str = "state-recognition-withdrawn") -> list[str]:
    """The codes of the findings; the tests of withdrawals of a state's recognition (the
    defaults above) leave that warning out unless they ask for it.
    """
    return [finding.code for finding in dossier.check() if finding.code != leaving_out]


class TestConstruction:
    """A dossier holds a tuple of events, in the order given."""

    def test_from_events(self) -> None:
        """from_events keeps order; len, iteration and equality follow the events."""
        dossier = Dossier.from_events(iter(example.EVENTS))
        assert len(dossier) == len(example.EVENTS)
        assert tuple(dossier) == example.EVENTS
        assert dossier == Dossier(events=example.EVENTS)
        assert hash(dossier) == hash(Dossier(events=example.EVENTS))

    def test_immutable(self) -> None:
        """Its events cannot be replaced."""
        dossier = Dossier()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            dossier.events = ()  # type: ignore[misc]

    def test_rejects_non_events(self) -> None:
        """Only a tuple of events is accepted."""
        with pytest.raises(TypeError, match="tuple"):
            Dossier(events=[recognition()])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"events\[1\] is a State"):
            Dossier(events=(recognition(), FREEDONIA))  # type: ignore[arg-type]

    def test_ledger(self) -> None:
        """A dossier gives its recognition ledger."""
        ledger = Dossier(events=example.EVENTS).ledger()
        standing = ledger.standing(example.RUSSIA, example.ISLAMIC_EMIRATE, "2025-07-04")
        assert standing is Standing.RECOGNIZED


class TestLookups:
    """Events found by id, type, actor and date."""

    dossier = Dossier(events=example.EVENTS)

    def test_by_id(self) -> None:
        """get() returns the event or None; [] raises a KeyError naming the id."""
        assert self.dossier.get(example.RECOGNITION.id) is example.RECOGNITION
        assert self.dossier[example.CREDENTIALS.id] is example.CREDENTIALS
        assert self.dossier.get("meeting:none") is None
        assert example.RECOGNITION.id in self.dossier
        assert example.RECOGNITION in self.dossier
        with pytest.raises(KeyError, match="meeting:none"):
            self.dossier["meeting:none"]

    def test_first_of_shared_id(self) -> None:
        """When ids repeat, lookups return the first event with the id."""
        first = recognition(id="recognition-act:x")
        second = recognition(id="recognition-act:x", on="2002")
        assert Dossier(events=(first, second)).get("recognition-act:x") is first

    def test_by_type(self) -> None:
        """of_type takes a class or a wire tag."""
        assert self.dossier.of_type(RecognitionAct) == (example.RECOGNITION,)
        assert self.dossier.of_type("statement") == (
            example.RECOGNITION_STATEMENT,
            example.WELCOME,
        )
        assert self.dossier.of_type(RecognitionWithdrawal) == ()
        with pytest.raises(ValueError, match="not an event type"):
            self.dossier.of_type("recognition")
        with pytest.raises(TypeError, match="not a diplorec event class"):
            self.dossier.of_type(State)

    def test_by_actor(self) -> None:
        """involving matches parties, persons and ids anywhere in an event."""
        assert self.dossier.involving(example.RUDENKO) == (example.CREDENTIALS,)
        by_object = self.dossier.involving(example.QATAR)
        assert by_object == self.dossier.involving("state:QAT")
        assert example.QATAR_TIES in by_object
        assert example.US_TALIBAN_MEETING in by_object  # the host
        assert self.dossier.involving("state:NONE") == ()
        with pytest.raises(TypeError, match="actor"):
            self.dossier.involving(3)  # type: ignore[arg-type]

    def test_state_matches_its_government(self) -> None:
        """A state matches events naming its government; a place's country does not count."""
        events = self.dossier.involving(example.AFGHANISTAN)
        assert example.RECOGNITION in events  # the Islamic Emirate is Afghanistan's government
        kabul_only = Meeting(
            on=When.parse("2025-07-03"),
            participants=(example.RUSSIA, example.QATAR),
            place=example.KABUL,
        )
        assert Dossier(events=(kabul_only,)).involving(example.AFGHANISTAN) == ()

    def test_by_date(self) -> None:
        """during() takes overlapping dates by default and only contained ones when strict."""
        on_day = self.dossier.during(datetime.date(2025, 7, 3), strictly=True)
        assert example.RECOGNITION in on_day
        assert example.CHINA_TIES not in on_day
        assert example.CHINA_TIES in self.dossier.during("2025-07-03")
        assert self.dossier.during(When.parse("1985")) == (example.SOVIET_WAR, example.APPOINTMENT)
        assert self.dossier.during("1985", strictly=True) == ()
        with pytest.raises(TypeError, match=r"datetime\.date"):
            self.dossier.during(1990)  # type: ignore[arg-type]

    def test_sorted_by_date(self) -> None:
        """sorted_by_date orders by When's sort order, whatever the input order."""
        shuffled = Dossier(events=tuple(reversed(example.EVENTS)))
        dates = [event.on for event in shuffled.sorted_by_date()]
        assert dates == sorted(dates)
        assert shuffled.sorted_by_date() == Dossier(events=example.EVENTS).sorted_by_date()


class TestCheck:
    """check() reports inconsistencies across events, errors first."""

    def test_worked_example_is_clean(self) -> None:
        """The worked example has nothing to report."""
        assert Dossier(events=example.EVENTS).check() == ()

    def test_duplicate_ids(self) -> None:
        """Two different events with one id are an error; one event twice is a warning."""
        one = recognition(id="recognition-act:x")
        other = recognition(id="recognition-act:x", on="2002")
        assert codes(Dossier(events=(one, other))) == ["duplicate-id"]
        assert codes(Dossier(events=(one, one))) == ["duplicate-event"]
        (finding,) = Dossier(events=(one, other)).check()
        assert finding.severity is Severity.ERROR
        assert finding.event_ids == ("recognition-act:x",)

    def test_unresolved_and_self_links(self) -> None:
        """A basis or concerning that names no event in the dossier is an error."""
        act = recognition(basis=("credential-presentation:missing",))
        statement = Statement(
            id="statement:s",
            on=When.parse("2001"),
            speaker=FREEDONIA,
            stance=Stance.WELCOMES,
            concerning=("statement:s", act.id),
            sources=CITED,
        )
        findings = Dossier(events=(act, statement)).check()
        assert [(f.code, f.event_ids) for f in findings] == [
            ("self-link", ("statement:s",)),
            ("unresolved-link", (act.id,)),
        ]
        assert "credential-presentation:missing" in findings[1].message

    def test_conflicting_actor(self) -> None:
        """One actor id carrying two different values is an error naming what differs."""
        other_afghanistan = State(name="Afghanistan", iso3="AFG", cow=701)
        act = recognition(recognizer=other_afghanistan)
        (finding,) = Dossier(events=(*example.EVENTS, act)).check()
        assert finding.code == "conflicting-actor"
        assert "'state:AFG'" in finding.message
        assert "cow" in finding.message
        assert act.id in finding.event_ids
        assert example.RECOGNITION.id in finding.event_ids  # via the Islamic Emirate's state

    def test_conflicting_types(self) -> None:
        """A state and a government sharing an id conflict too."""
        impostor = Government(id="state:XSY", name="Sylvania", state=FREEDONIA)
        act = recognition(recognized=impostor)
        finding = Dossier(events=(recognition(), act)).check()[0]
        assert finding.code == "conflicting-actor"
        assert "a State and a Government" in finding.message

    def test_conflicting_source(self) -> None:
        """One source id with two different values is an error."""
        altered = Source(id=SOURCE.id, title="A report, revised", publisher="Example News")
        act = recognition(sources=(Citation(source=altered),))
        assert codes(Dossier(events=(recognition(on="2000"), act))) == ["conflicting-source"]

    def test_withdrawal_without_recognition(self) -> None:
        """A withdrawal with no earlier recognition of the pair is a warning."""
        alone = withdrawal()
        assert codes(Dossier(events=(alone,))) == ["withdrawal-without-recognition"]
        assert codes(Dossier(events=(recognition("2006"), alone))) == [
            "withdrawal-without-recognition"
        ]
        assert codes(Dossier(events=(recognition("2004"), alone))) == []
        assert codes(Dossier(events=(recognition("2005"), alone))) == []  # may be earlier

    def test_recognitions_that_count_as_earlier(self) -> None:
        """A collective partner, a switch in favour and an effective date all count."""
        collective = recognition(recognizer=JUNTA, collective_with=(FREEDONIA,))
        assert codes(Dossier(events=(collective, withdrawal()))) == []
        to_sylvania = withdrawal(
            "2003",
            recognized=JUNTA,
            kind=WithdrawalKind.SWITCH,
            in_favour_of=SYLVANIA,
        )
        assert codes(Dossier(events=(to_sylvania, withdrawal()))) == [
            "withdrawal-without-recognition"  # the switch away from the junta
        ]
        late = recognition("2000", effective=When.parse("2006"))
        assert codes(Dossier(events=(late, withdrawal()))) == ["withdrawal-without-recognition"]

    def test_credential_receiver_mismatch(self) -> None:
        """Credentials received by an official of another party than the envoy's receiver."""
        envoy = Envoy(
            person=Person(name="An Envoy"),
            rank=DiplomaticRank.AMBASSADOR,
            sending=JUNTA,
            receiving=FREEDONIA,
        )

        def presented(official_for: Any) -> CredentialPresentation:
            return CredentialPresentation(
                on=When.parse("2024-01-30"),
                envoy=envoy,
                document=CredentialDocument.LETTERS_OF_CREDENCE,
                received_by=Official(
                    person=Person(name="A Minister"), office="Minister", on_behalf_of=official_for
                ),
                sources=CITED,
            )

        assert codes(Dossier(events=(presented(SYLVANIA),))) == ["credential-receiver-mismatch"]
        assert codes(Dossier(events=(presented(FREEDONIA),))) == []
        # Officials of the receiving state's ministry act for that state.
        assert codes(Dossier(events=(example.CREDENTIALS,))) == []

    def test_no_sources(self) -> None:
        """An event without sources is a warning."""
        (finding,) = Dossier(events=(recognition(sources=()),)).check()
        assert (finding.code, finding.severity) == ("no-sources", Severity.WARNING)

    def test_order_and_text(self) -> None:
        """Errors come before warnings; a finding reads as one line."""
        events = (recognition(sources=()), recognition(id="recognition-act:x", basis=("a:b",)))
        findings = Dossier(events=events).check()
        assert [f.severity for f in findings] == [Severity.ERROR, Severity.WARNING]
        assert str(findings[0]) == (
            "error unresolved-link: links to 'a:b', which is not in the dossier [recognition-act:x]"
        )
        assert isinstance(findings[0], Finding)


class TestSameActorTwoIds:
    """check() warns when one actor seems recorded under two ids."""

    def test_with_and_without_iso_code(self) -> None:
        """A withdrawal coded against a name-derived id misses the recognition it ends."""
        coded = State(name="Freedonia", iso3="XFD")
        uncoded = State(name="Freedonia")  # id state:freedonia
        act = recognition(recognizer=SYLVANIA, recognized=coded)
        ended = withdrawal(withdrawer=SYLVANIA, recognized=uncoded)
        found = [f for f in Dossier(events=(act, ended)).check() if f.code == "same-actor-two-ids"]
        (finding,) = found
        assert finding.severity is Severity.WARNING
        assert finding.event_ids == tuple(sorted((act.id, ended.id)))
        assert "'state:XFD' and 'state:freedonia'" in finding.message

    def test_alias_of_another(self) -> None:
        """A name that is another party's alias (any case, punctuation) is flagged."""
        russia = State(name="Russia", iso3="RUS", aliases=("Russian Federation",))
        spelt = State(name="the Russian federation", id="state:russian-federation")
        plain = State(name="Russian Federation.")
        dossier = Dossier(events=(recognition(recognizer=russia), recognition(recognizer=plain)))
        assert "same-actor-two-ids" in codes(dossier)
        dossier = Dossier(events=(recognition(recognizer=russia), recognition(recognizer=spelt)))
        assert "same-actor-two-ids" not in codes(dossier)  # 'the' makes it another name

    def test_different_codes_are_different_states(self) -> None:
        """Two states with different ISO codes share a short name without a finding."""
        brazzaville = State(name="Republic of the Congo", iso3="COG", aliases=("Congo",))
        kinshasa = State(name="Democratic Republic of the Congo", iso3="COD", aliases=("Congo",))
        dossier = Dossier(
            events=(recognition(recognizer=brazzaville), recognition(recognizer=kinshasa))
        )
        assert "same-actor-two-ids" not in codes(dossier)

    def test_governments_of_other_times_or_states(self) -> None:
        """Governments whose tenures cannot overlap, or of other states, are not flagged.

        The Taliban's Islamic Emirate held Kabul from September 1996 to November 2001
        and again from August 2021: two governments of one name.
        """
        afghanistan = State(name="Afghanistan", iso3="AFG")
        first = Government(
            id="government:AFG:islamic-emirate-1996",
            name="Islamic Emirate of Afghanistan",
            state=afghanistan,
            in_power=When.parse("1996-09/2001-11"),
        )
        second = Government(
            id="government:AFG:islamic-emirate-2021",
            name="Islamic Emirate of Afghanistan",
            state=afghanistan,
            in_power=When.parse("2021-08/.."),
        )
        undated = attrs.evolve(second, id="government:AFG:islamic-emirate", in_power=None)
        elsewhere = Government(name="Islamic Emirate of Afghanistan", state=SYLVANIA)
        events = (recognition(recognized=first), recognition(recognized=second))
        assert "same-actor-two-ids" not in codes(Dossier(events=events))
        events = (recognition(recognized=second), recognition(recognized=elsewhere))
        assert "same-actor-two-ids" not in codes(Dossier(events=events))
        events = (recognition(recognized=second), recognition(recognized=undated))
        assert "same-actor-two-ids" in codes(Dossier(events=events))

    def test_each_pair_once(self) -> None:
        """Sharing a name and an alias still gives one finding per pair."""
        one = State(name="Ruritania", iso3="XRU", aliases=("Ruritanian Kingdom",))
        two = State(name="Ruritania", aliases=("Ruritanian Kingdom",))
        dossier = Dossier(events=(recognition(recognized=one), recognition(recognized=two)))
        assert codes(dossier).count("same-actor-two-ids") == 1


class TestDocument:
    """The JSON document form: type, spec_version, events."""

    dossier = Dossier(events=example.EVENTS)

    def test_shape(self) -> None:
        """to_document writes the type, the current spec version and each event's dict."""
        document = self.dossier.to_document()
        assert list(document) == ["type", "spec_version", "events"]
        assert document["type"] == "dossier"
        assert document["spec_version"] == SPEC_VERSION
        assert document["events"][-1] == diplorec.to_dict(example.WELCOME)

    def test_round_trip(self) -> None:
        """from_document(to_document()) and loads(dumps()) give the dossier back."""
        assert Dossier.from_document(self.dossier.to_document()) == self.dossier
        text = diplorec.dumps(self.dossier, indent=2)
        assert diplorec.loads(text, Dossier) == self.dossier
        assert diplorec.from_dict(diplorec.to_dict(self.dossier), Dossier) == self.dossier
        assert json.loads(text) == self.dossier.to_document()

    def test_golden(self) -> None:
        """A document written with spec version 1.0 keeps loading, and is written as 1.2."""
        text = GOLDEN.read_text("utf-8")
        dossier = diplorec.loads(text, Dossier)
        written = GOLDEN.with_name("dossier_1.2.json").read_text("utf-8")
        assert diplorec.dumps(dossier, indent=2) + "\n" == written
        assert diplorec.loads(written, Dossier) == dossier
        assert [event.TAG for event in dossier] == [
            "credential-presentation",
            "recognition-act",
            "recognition-withdrawal",
        ]

    def test_upgrades_first(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Older documents go through the registered migrations before being read."""

        def rename(document: dict[str, Any]) -> dict[str, Any]:
            return {"type": "dossier", "events": document["records"]}

        registry = migrations.MigrationRegistry()
        registry.register("0.9", SPEC_VERSION)(rename)
        monkeypatch.setattr(migrations, "_REGISTRY", registry)
        old = {"type": "dossier", "spec_version": "0.9", "records": []}
        assert Dossier.from_document(old) == Dossier()

    @pytest.mark.parametrize(
        ("document", "path", "words"),
        [
            ([], "$", "document object"),
            ({"type": "dossier", "events": []}, "$.spec_version", "missing"),
            ({"type": "dossier", "spec_version": "9.9", "events": []}, "$.spec_version", "9.9"),
            ({"type": "events", "spec_version": "1.0", "events": []}, "$.type", "'events'"),
            ({"spec_version": "1.0", "events": []}, "$.type", "null"),
            ({"type": "dossier", "spec_version": "1.0"}, "$.events", "missing"),
            ({"type": "dossier", "spec_version": "1.0", "events": {}}, "$.events", "an object"),
            ({"type": "dossier", "spec_version": "1.0", "events": [], "x": 1}, "$.x", "not a key"),
        ],
    )
    def test_bad_documents(self, document: Any, path: str, words: str) -> None:
        """Each problem with the document itself names its JSON path."""
        with pytest.raises(ValidationError) as caught:
            Dossier.from_document(document)
        (problem,) = caught.value.problems
        assert problem.path == path
        assert words in problem.message

    def test_event_problems_are_repathed(self) -> None:
        """Problems inside events are reported under $.events[i], every one of them."""
        document = self.dossier.to_document()
        document["events"][3]["on"] = "2025-13"
        document["events"][14]["recognizer"]["iso3"] = "rus"
        document["events"][15] = "not an event"
        with pytest.raises(ValidationError) as caught:
            Dossier.from_document(document)
        paths = [problem.path for problem in caught.value.problems]
        assert paths == ["$.events[3].on", "$.events[14].recognizer.iso3", "$.events[15]"]

    def test_loads_bad_json(self) -> None:
        """Text that is not JSON is a ValidationError at $."""
        with pytest.raises(ValidationError) as caught:
            diplorec.loads("{", Dossier)
        assert caught.value.problems[0].path == "$"

    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=5),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.sampled_from(["type", "spec_version", "events", "on"]), inner)
            ),
            max_leaves=12,
        )
    )
    def test_garbage_raises_only_validation_error(self, data: Any) -> None:
        """Whatever the input, reading a dossier fails with a ValidationError or succeeds."""
        if isinstance(data, dict):
            data = {"type": "dossier", "spec_version": "1.0", **data}
        try:
            Dossier.from_document(data)
        except ValidationError as error:
            paths = [problem.path for problem in error.problems]
        else:
            paths = []
        assert all(path.startswith("$") for path in paths)

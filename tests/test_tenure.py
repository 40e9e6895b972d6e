"""Governments bound to their tenure: ids, event ids, the 1.1 → 1.2 migration and ``since``.

Historical data: the Taliban's first Islamic Emirate held Kabul from 27 September 1996
until November 2001; Pakistan announced its recognition in May 1997 (Roy Gutman, *How
We Missed the Story*, p. 105, dates the announcement 26 May 1997); the United Arab
Emirates cut relations on 22 September 2001 (Voice of America, 22 September 2001).
The second Emirate took power in August 2021; Russia recognised it on 3 July 2025.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplorec
from diplorec import _ids
from diplorec.actors import Government, State, government_id
from diplorec.dates import When
from diplorec.dossier import Dossier
from diplorec.events import Meeting, RecognitionAct
from diplorec.jsonl import read_jsonl
from diplorec.ledger import RecognitionLedger
from diplorec.migrations import upgrade, upgrade_event
from diplorec.reference import AFGHANISTAN, RUSSIA, UNITED_ARAB_EMIRATES
from diplorec.strategies import governments, states, whens

GOLDEN = Path(__file__).resolve().parent / "golden"
NAME = "Islamic Emirate of Afghanistan"
FIRST = Government(name=NAME, state=AFGHANISTAN, in_power=When.parse("1996-09-27/2001-11"))
SECOND = Government(name=NAME, state=AFGHANISTAN, in_power=When.parse("2021-08-15/.."))
PAKISTAN = State(name="Pakistan", iso3="PAK", iso2="PK", cow=770, gw=770, wikidata="Q843")
OLD_ID = "government:AFG:islamic-emirate-of-afghanistan"
NEW_ID = f"{OLD_ID}:2021-08-15"


class TestTenureInTheId:
    """The start of ``in_power`` is part of a government's derived id."""

    def test_two_emirates_are_two_parties(self) -> None:
        """The Emirate of 1996-2001 and that of 2021 get different ids."""
        assert FIRST.id == f"{OLD_ID}:1996-09-27"
        assert SECOND.id == NEW_ID
        assert FIRST.id != SECOND.id

    def test_unknown_start_keeps_the_11_id(self) -> None:
        """No in_power, or one with an open start, gives the id spec 1.1 derived."""
        assert Government(name=NAME, state=AFGHANISTAN).id == OLD_ID
        open_start = Government(name=NAME, state=AFGHANISTAN, in_power=When.parse("../2001"))
        assert open_start.id == OLD_ID

    def test_single_date_is_its_own_start(self) -> None:
        """A tenure given as one date ("2021-08") starts with it, precision and all."""
        emirate = Government(name=NAME, state=AFGHANISTAN, in_power=When.parse("2021-08?"))
        assert emirate.id == f"{OLD_ID}:2021-08?"

    def test_explicit_id_is_kept(self) -> None:
        """An id given explicitly is never replaced by a derived one."""
        given_id = Government(id="government:taliban", name=NAME, state=AFGHANISTAN,
                              in_power=When.parse("2021-08-15/.."))  # fmt: skip
        assert given_id.id == "government:taliban"
        assert given_id.id_without_tenure == "government:taliban"

    def test_long_names_are_digested(self) -> None:
        """A very long name still gives an id within the id rule, ending in the digest."""
        long_name = ("Council " * 60).strip()
        government = Government(name=long_name, state=AFGHANISTAN,
                                in_power=When.parse("2021-08-15/.."))  # fmt: skip
        kind, key = government.id.split(":", 1)
        assert kind == "government"
        assert len(key) <= _ids.MAX_KEY
        assert government.id != government_id("state:AFG", long_name, FIRST.in_power)

    def test_nfc(self) -> None:
        """Canonically equivalent names (NFD and NFC) give one id."""
        composed, decomposed = (
            "Gouvernement de la République",
            unicodedata.normalize("NFD", "Gouvernement de la République"),
        )
        tenure = When.parse("1958-09-19/1962-09-25")
        algeria = State(name="Algeria", iso3="DZA")
        assert (
            Government(name=composed, state=algeria, in_power=tenure).id
            == Government(name=decomposed, state=algeria, in_power=tenure).id
        )

    @given(governments())
    def test_derived_ids_satisfy_the_id_rule(self, government: Government) -> None:
        """Every government the strategies build has an id that satisfies the id rule."""
        assert diplorec.loads(diplorec.dumps(government), Government) == government
        rebuilt = Government(name=government.name, state=government.state,
                             in_power=government.in_power)  # fmt: skip
        kind, key = rebuilt.id.split(":", 1)
        assert kind == "government"
        assert 1 <= len(key) <= _ids.MAX_KEY
        assert not any(character.isspace() for character in key)

    @given(states(), st.text(min_size=1, max_size=300).filter(str.strip), whens())
    def test_tenures_tell_apart(self, state: State, name: str, tenure: When) -> None:
        """Two tenures with different known starts give different ids; no start, the 1.1 id."""
        with_start = government_id(state.id, name, tenure)
        without = government_id(state.id, name, None)
        assert (with_start == without) == (tenure.start is None)


class TestEventIdsStay:
    """Derived event ids name a government without its tenure, so they did not change."""

    def test_recognition_id_as_in_11(self) -> None:
        """Russia's recognition of the Emirate keeps the id the 1.1 golden files hold."""
        act = RecognitionAct(on=When.parse("2025-07-03"), recognizer=RUSSIA, recognized=SECOND)
        assert act.id == "recognition-act:03bc9e0e96247bfe"

    def test_same_id_with_or_without_tenure(self) -> None:
        """Two coders, one of whom leaves out in_power, still give an act one id."""
        bare = Government(name=NAME, state=AFGHANISTAN)
        on = When.parse("2025-07-03")
        first = RecognitionAct(on=on, recognizer=RUSSIA, recognized=SECOND)
        second = RecognitionAct(on=on, recognizer=RUSSIA, recognized=bare)
        assert first.id == second.id
        assert first.recognized.id != second.recognized.id


def _governments(value: Any) -> list[dict[str, Any]]:
    """Every government object inside a JSON value."""
    if isinstance(value, list):
        return [found for item in value for found in _governments(item)]
    if not isinstance(value, dict):
        return []
    found = [value] if value.get("type") == "government" else []
    return found + [g for item in value.values() for g in _governments(item)]


class TestMigration:
    """1.1 → 1.2 rewrites derived government ids everywhere and nothing else."""

    @pytest.mark.parametrize("version", ["1.0", "1.1"])
    def test_old_document_rewritten_consistently(self, version: str) -> None:
        """Every Emirate object gets the new id; the PRC's and all event ids stay; links resolve."""
        old = json.loads((GOLDEN / f"v{version}" / "dossier.json").read_text("utf-8"))
        new = upgrade(old)
        before = {g["name"]: g["id"] for g in _governments(old)}
        after = _governments(new)
        assert before[NAME] == OLD_ID
        emirates = [g for g in after if g["name"] == NAME]
        assert len(emirates) == 7  # recognised, sender, principal, host, speaker, ties ...
        assert {g["id"] for g in emirates} == {NEW_ID}
        assert {g["id"] for g in after if g["name"] != NAME} == {
            before[name] for name in before if name != NAME
        }
        assert [e["id"] for e in new["events"]] == [e["id"] for e in old["events"]]
        dossier = Dossier.from_document(old)
        assert not [f for f in dossier.check() if f.code == "unresolved-link"]
        meeting = dossier.of_type(Meeting)[0]
        assert meeting.host is not None
        assert meeting.host.id == NEW_ID
        assert dossier[meeting.concerning[0]].recognized.id == NEW_ID  # type: ignore[attr-defined]

    def test_jsonl_records_one_by_one(self) -> None:
        """A 1.1 JSON Lines file reads, record by record, to the same rewritten ids."""
        events = list(read_jsonl(GOLDEN / "v1.1" / "events.jsonl", spec_version="1.1"))
        ids = {party.id for event in events for party in event.actors() if party.name == NAME}
        assert ids == {NEW_ID}

    def test_explicit_ids_and_unknown_starts_stay(self) -> None:
        """An id 1.1 did not derive, or a government without a known start, is left alone."""
        state = {"type": "state", "id": "state:AFG", "name": "Afghanistan", "iso3": "AFG"}
        chosen = {"type": "government", "id": "government:iea", "name": NAME, "state": state,
                  "in_power": "2021-08-15/.."}  # fmt: skip
        no_start = dict(chosen, id=OLD_ID, in_power="../2001")
        record = {"type": "statement", "speaker": chosen, "about": [no_start]}
        assert upgrade_event(record, "1.1") == record

    def test_state_without_id(self) -> None:
        """A state written without its id gets the one the State rule derives."""
        state = {"type": "state", "name": "Afghanistan", "iso3": "AFG"}
        emirate = {"type": "government", "id": OLD_ID, "name": NAME, "state": state,
                   "in_power": "2021-08-15/.."}  # fmt: skip
        assert upgrade_event({"speaker": emirate}, "1.1")["speaker"]["id"] == NEW_ID

    @pytest.mark.parametrize(
        "broken",
        [
            {"in_power": "2021-13/.."},
            {"in_power": 2021},
            {"state": "AFG"},
            {"state": {"name": 3}},
            {"name": None},
        ],
    )
    def test_malformed_left_for_the_reader(self, broken: dict[str, Any]) -> None:
        """Malformed parts are not guessed at: the record is returned as it was."""
        state = {"type": "state", "id": "state:AFG", "name": "Afghanistan"}
        emirate = {"type": "government", "id": OLD_ID, "name": NAME, "state": state,
                   "in_power": "2021-08-15/..", **broken}  # fmt: skip
        assert upgrade_event({"speaker": emirate}, "1.1") == {"speaker": emirate}

    @given(governments())
    def test_migrated_id_is_the_derived_one(self, drawn: Government) -> None:
        """Any government written with its 1.1 id migrates to the id 1.2 derives for it."""
        government = Government(name=drawn.name, state=drawn.state, in_power=drawn.in_power)
        record = dict(diplorec.to_dict(government), id=government.id_without_tenure)
        upgraded = upgrade_event({"type": "statement", "speaker": record}, "1.1")
        assert upgraded["speaker"]["id"] == government.id
        assert diplorec.from_dict(upgraded["speaker"], Government) == government

    def test_10_chains_through_11(self) -> None:
        """A 1.0 record gets both the 1.1 capacity and the 1.2 government id."""
        state = {"type": "state", "id": "state:AFG", "name": "Afghanistan", "iso3": "AFG"}
        emirate = {"type": "government", "id": OLD_ID, "name": NAME, "state": state,
                   "in_power": "2021-08-15/.."}  # fmt: skip
        council = {"type": "organization", "id": "organization:AFG:council", "name": "Council",
                   "kind": "council", "state": state}  # fmt: skip
        record = {"type": "recognition-act", "recognizer": emirate, "recognized": council}
        upgraded = upgrade_event(record, "1.0")
        assert upgraded["capacity"] == "government"
        assert upgraded["recognizer"]["id"] == NEW_ID


class TestSince:
    """first_recognizer(since=...) answers "who recognised first, this time"."""

    @staticmethod
    def acts(first: Government, second: Government) -> list[RecognitionAct]:
        """Pakistan's recognition of the first Emirate, Russia's of the second."""
        return [
            RecognitionAct(on=When.parse("1997-05"), recognizer=PAKISTAN, recognized=first),
            RecognitionAct(on=When.parse("2025-07-03"), recognizer=RUSSIA, recognized=second),
        ]

    def test_tenure_bound_ids_part_the_emirates(self) -> None:
        """With tenure-bound ids, Russia is the first recognizer of the second Emirate."""
        ledger = RecognitionLedger.from_events(self.acts(FIRST, SECOND))
        first = ledger.first_recognizer(SECOND)
        assert first is not None
        assert first.recognizer == RUSSIA
        pakistan = ledger.first_recognizer(FIRST)
        assert pakistan is not None
        assert pakistan.recognizer == PAKISTAN

    def test_since_on_one_id(self) -> None:
        """Data that codes both Emirates under one id needs since= to ask about 2021 on."""
        bare = Government(name=NAME, state=AFGHANISTAN)
        ledger = RecognitionLedger.from_events(self.acts(bare, bare))
        first = ledger.first_recognizer(bare)
        assert first is not None
        assert first.recognizer == PAKISTAN
        since = ledger.first_recognizer(bare, since="2021-08-15")
        assert since is not None
        assert since.recognizer == RUSSIA
        assert ledger.first_recognizer(bare, since="2025-07-04") is None

    def test_since_keeps_acts_that_may_fall_after(self) -> None:
        """An act dated only to a month that holds ``since`` may come after it: kept."""
        bare = Government(name=NAME, state=AFGHANISTAN)
        uae = RecognitionAct(on=When.parse("1997-05"), recognizer=UNITED_ARAB_EMIRATES,
                             recognized=bare)  # fmt: skip
        ledger = RecognitionLedger.from_events([uae])
        assert ledger.first_recognizer(bare, since="1997-05-27") is uae
        assert ledger.first_recognizer(bare, since="1997-06-01") is None

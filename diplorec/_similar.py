"""Telling when two spellings probably name the same actor.

Used to suggest the id a user probably meant, and by :meth:`diplorec.Dossier.check`
to find one actor recorded under two ids.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator

from diplorec.actors import Government, Organization, Party, State

_NOT_WORD = re.compile(r"[\W_]+")


def normalized_name(text: str) -> str:
    """A name folded for comparison: compatibility-normalised, case-folded, no punctuation.

    >>> normalized_name("  Islamic  Emirate of AFGHANISTAN. ")
    'islamic emirate of afghanistan'
    >>> normalized_name("Côte d'Ivoire") == normalized_name("CÔTE  D'IVOIRE")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def names_of(party: Party) -> Iterator[str]:
    """The normalised name, acronym and aliases of a party."""
    yield normalized_name(party.name)
    if isinstance(party, Organization) and party.acronym is not None:
        yield normalized_name(party.acronym)
    for alias in party.aliases:
        yield normalized_name(alias)


def _key_of(party_id: str) -> str:
    """``'state:AFG'`` → ``'afg'``: the part after the kind, folded."""
    return normalized_name(party_id.partition(":")[2] or party_id)


def suggest(query: str, parties: Iterable[Party], limit: int = 3) -> list[str]:
    """The ids of the parties whose id or name is closest to ``query`` (best first).

    >>> from diplorec.actors import State
    >>> suggest("state:freedonia", [State(name="Freedonia", iso3="FRE"), State(name="Sylvania")])
    ['state:FRE']
    """
    by_key: dict[str, list[str]] = {}
    for party in parties:
        for key in {_key_of(party.id), *names_of(party)}:
            by_key.setdefault(key, []).append(party.id)
    wanted = _key_of(query[:300])
    matches = difflib.get_close_matches(wanted, list(by_key), n=limit, cutoff=0.8)
    if len(wanted) >= 4:  # a shortened name: 'islamic-emirate' for the full one
        matches += sorted(key for key in by_key if key.startswith(wanted) and key not in matches)
    found: list[str] = []
    for match in matches:
        found.extend(party_id for party_id in by_key[match] if party_id not in found)
    return found[:limit]


def may_be_same(first: Party, second: Party) -> bool:
    """Whether two parties with different ids look like one actor.

    They must be of one type, share a normalised name, acronym or alias, and (for
    governments and state bodies) belong to the same state. Governments whose
    times in power are both known and cannot overlap are different governments,
    whatever their names (the Islamic Emirate of 1996-2001 and that of 2021).
    """
    if type(first) is not type(second) or first.id == second.id:
        return False
    if isinstance(first, (Government, Organization)):
        assert isinstance(second, (Government, Organization))
        if _state_id(first) != _state_id(second):
            return False
    if (
        isinstance(first, Government)
        and isinstance(second, Government)
        and first.in_power is not None
        and second.in_power is not None
        and not first.in_power.overlaps(second.in_power)
    ):
        return False
    if isinstance(first, State) and isinstance(second, State):
        codes = ((first.iso3, second.iso3), (first.cow, second.cow))
        if any(a is not None and b is not None and a != b for a, b in codes):
            return False
    return not set(names_of(first)).isdisjoint(names_of(second))


def _state_id(party: Government | Organization) -> str | None:
    return party.state.id if party.state is not None else None

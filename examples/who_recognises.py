"""Who recognises the Islamic Emirate of Afghanistan, and who was first among the P5?

Run it with ``python examples/who_recognises.py``. Every answer comes from the
events of the worked example (``diplorec.examples.russia_taliban_2025``) through a
:class:`diplorec.ledger.RecognitionLedger`; none is typed in.
"""

from __future__ import annotations

import datetime

import diplorec
from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE
from diplorec.ledger import RecognitionLedger


def names(parties: tuple[diplorec.Party, ...]) -> str:
    """Party names joined in words, or "nobody"."""
    return ", ".join(party.name for party in parties) or "nobody"


def main() -> None:
    ledger = RecognitionLedger.from_events(EVENTS)
    print(f"Who recognises the {ISLAMIC_EMIRATE.name}?\n")
    for day in (datetime.date(2025, 7, 1), datetime.date(2025, 7, 4)):
        recognizers = ledger.recognizers(ISLAMIC_EMIRATE, day)
        print(f"On {day.day} {day:%B %Y}: {names(recognizers)}")

    first = ledger.first_recognizer(ISLAMIC_EMIRATE, among=diplorec.P5)
    print("\nFirst among the permanent members of the UN Security Council: ", end="")
    if first is None:
        print("none of them")
    else:
        print(f"{first.recognizer.name}, on {first.on}")
        words = [first.legal_status.value, first.form.value]
        if first.instrument is not None:
            words.append(f"by {first.instrument.value}")
        print("  " + ", ".join(word.replace("-", " ") for word in words))
        if first.described_as:
            print(f"  {first.recognizer.name} called it {first.described_as!r}")

    print("\nEach permanent member on 4 July 2025:")
    for member in diplorec.P5:
        if member in ledger:
            answer = ledger.standing(member, ISLAMIC_EMIRATE, "2025-07-04").value
        else:
            answer = "no event on record names it"
        print(f"  {member.name:<15} {answer}")


if __name__ == "__main__":
    main()

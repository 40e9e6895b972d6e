"""Print the worked example — Russia recognises the Islamic Emirate, 3 July 2025.

Run it with ``python examples/russia_taliban_2025.py``: a readable timeline (date,
event, who → whom), then the recognition act as JSON, exactly as ``diplorec`` writes it.
With ``--json`` the timeline is followed by every event as JSON. It needs diplorec's
core dependencies only, and stops quietly when its reader does (``... | head``).
"""

from __future__ import annotations

import argparse
import os
import sys

import diplorec
from diplorec.examples.russia_taliban_2025 import EVENTS, RECOGNITION


def name_of(participant: diplorec.Participant) -> str:
    """A short label for a party or an official."""
    if isinstance(participant, diplorec.Official):
        acting = "acting " if participant.acting else ""
        return f"{participant.person.name} ({acting}{participant.office})"
    return participant.name


def who(event: diplorec.Event) -> str:
    """Who acts on whom in an event, in words."""
    match event:
        case diplorec.RecognitionAct():
            return f"{name_of(event.recognizer)} → {name_of(event.recognized)}"
        case diplorec.RecognitionWithdrawal():
            return f"{name_of(event.withdrawer)} ✗ {name_of(event.recognized)}"
        case diplorec.CredentialPresentation() | diplorec.EnvoyAppointment():
            envoy = event.envoy
            return f"{envoy.person.name}: {name_of(envoy.sending)} → {name_of(envoy.receiving)}"
        case diplorec.Meeting():
            return " ↔ ".join(name_of(p) for p in event.participants)
        case diplorec.Statement():
            return f"{name_of(event.speaker)} {event.stance.value}"
        case diplorec.DesignationChange():
            return f"{name_of(event.authority)} → {name_of(event.entity)}"
        case diplorec.RelationsChange() | diplorec.DiplomaticTies():
            return " ↔ ".join(name_of(p) for p in event.parties)
        case diplorec.RecognitionPolicy():
            subject = f" towards {name_of(event.subject)}" if event.subject else ""
            return f"{name_of(event.holder)}: {event.stance.value}{subject}"
        case diplorec.CodedEvent():
            actor = name_of(event.actor) if event.actor else "?"
            target = name_of(event.target) if event.target else "?"
            return f"{actor} → {target}: {event.description}"


def timeline(events: tuple[diplorec.Event, ...]) -> str:
    """One line per event: date, event type, who → whom."""
    width = max(len(str(event.on)) for event in events)
    lines = [f"{event.on!s:<{width}}  {event.TAG:<24}  {who(event)}" for event in events]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the timeline, then the recognition act's JSON (every event's with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print every event as JSON")
    args = parser.parse_args(argv)
    print("Russia recognises the Islamic Emirate of Afghanistan (3 July 2025)\n")
    print(timeline(EVENTS))
    print()
    if args.json:
        print(diplorec.dumps(EVENTS, indent=2))
        return
    print(f"The recognition act as JSON (run with --json for all {len(EVENTS)} events):\n")
    print(diplorec.dumps(RECOGNITION, indent=2))


if __name__ == "__main__":
    try:
        main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. `head`) stopped reading: end quietly, without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)

"""diplorec: typed, validated event schemas for diplomatic recognition and accreditation.

Who recognised whom, when, how, on what evidence, and through which envoys and
credentials — as immutable attrs classes with a strict, documented JSON wire format.

>>> import diplorec
>>> act = diplorec.RecognitionAct(
...     on=diplorec.When.parse("2025-07-03"),
...     recognizer=diplorec.reference.RUSSIA,
...     recognized=diplorec.Government(
...         name="Islamic Emirate of Afghanistan", state=diplorec.reference.AFGHANISTAN
...     ),
...     form=diplorec.RecognitionForm.EXPRESS,
... )
>>> diplorec.loads(diplorec.dumps(act), diplorec.Event) == act
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplorec import reference
    from diplorec.actors import (
        Envoy,
        Government,
        Official,
        Organization,
        Party,
        Person,
        Place,
        State,
    )
    from diplorec.codes import PloverCode, cameo, dyad, plover
    from diplorec.converters import dumps, from_dict, loads, make_converter, to_dict
    from diplorec.dates import Precision, When
    from diplorec.dossier import Dossier, Finding, Severity
    from diplorec.errors import DiplorecError, FieldError, Problem, ValidationError
    from diplorec.events import (
        CodedEvent,
        CredentialPresentation,
        DesignationChange,
        DiplomaticTies,
        EnvoyAppointment,
        Event,
        Meeting,
        Participant,
        RecognitionAct,
        RecognitionPolicy,
        RecognitionWithdrawal,
        RelationsChange,
        Statement,
    )
    from diplorec.jsonl import BadLine, JsonlReader, read_jsonl, write_jsonl
    from diplorec.ledger import (
        ChangeKind,
        RecognitionLedger,
        Standing,
        StandingInterval,
        StandingReport,
        TimelineEntry,
        UnknownPartyError,
    )
    from diplorec.migrations import SPEC_VERSION
    from diplorec.provenance import Citation, Source
    from diplorec.reference import P5
    from diplorec.schema import json_schema
    from diplorec.vocab import (
        AppointmentStage,
        Certainty,
        Characterization,
        CredentialDocument,
        DesignationAction,
        DiplomaticRank,
        LegalStatus,
        MeetingMode,
        OrganizationKind,
        PolicyStance,
        RecognitionCapacity,
        RecognitionForm,
        RecognitionInstrument,
        RelationsAction,
        RepresentationLevel,
        SourceKind,
        Stance,
        WithdrawalForm,
        WithdrawalKind,
    )

    __version__: str

# Public name -> the module that defines it. Nothing is imported until a name is first
# used: ``import diplorec`` stays cheap for command lines and for code that needs one
# corner of the package (the way pydantic does it). The cost moves to the first use.
_MODULES: dict[str, tuple[str, ...]] = {
    "actors": (
        "Envoy", "Government", "Official", "Organization", "Party", "Person", "Place", "State",
    ),
    "codes": ("PloverCode", "cameo", "dyad", "plover"),
    "converters": ("dumps", "from_dict", "loads", "make_converter", "to_dict"),
    "dates": ("Precision", "When"),
    "dossier": ("Dossier", "Finding", "Severity"),
    "errors": ("DiplorecError", "FieldError", "Problem", "ValidationError"),
    "events": (
        "CodedEvent", "CredentialPresentation", "DesignationChange", "DiplomaticTies",
        "EnvoyAppointment", "Event", "Meeting", "Participant", "RecognitionAct",
        "RecognitionPolicy", "RecognitionWithdrawal", "RelationsChange", "Statement",
    ),
    "jsonl": ("BadLine", "JsonlReader", "read_jsonl", "write_jsonl"),
    "ledger": (
        "ChangeKind",
        "RecognitionLedger",
        "Standing",
        "StandingInterval",
        "StandingReport",
        "TimelineEntry",
        "UnknownPartyError",
    ),
    "migrations": ("SPEC_VERSION",),
    "provenance": ("Citation", "Source"),
    "reference": ("P5",),
    "schema": ("json_schema",),
    "vocab": (
        "AppointmentStage", "Certainty", "Characterization", "CredentialDocument",
        "DesignationAction", "DiplomaticRank", "LegalStatus", "MeetingMode",
        "OrganizationKind", "PolicyStance", "RecognitionCapacity", "RecognitionForm",
        "RecognitionInstrument", "RelationsAction", "RepresentationLevel", "SourceKind",
        "Stance", "WithdrawalForm", "WithdrawalKind",
    ),
}  # fmt: skip
_HOME: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}
_SUBMODULES = frozenset({"reference"})


def __getattr__(name: str) -> object:
    """Import a public name's module on first use, and keep the name here."""
    if name in _HOME:
        value = getattr(importlib.import_module(f"diplorec.{_HOME[name]}"), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"diplorec.{name}")
    elif name == "__version__":
        value = _version()
    else:
        msg = f"module 'diplorec' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplorec")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


__all__ = [
    "P5",
    "SPEC_VERSION",
    "AppointmentStage",
    "BadLine",
    "Certainty",
    "ChangeKind",
    "Characterization",
    "Citation",
    "CodedEvent",
    "CredentialDocument",
    "CredentialPresentation",
    "DesignationAction",
    "DesignationChange",
    "DiplomaticRank",
    "DiplomaticTies",
    "DiplorecError",
    "Dossier",
    "Envoy",
    "EnvoyAppointment",
    "Event",
    "FieldError",
    "Finding",
    "Government",
    "JsonlReader",
    "LegalStatus",
    "Meeting",
    "MeetingMode",
    "Official",
    "Organization",
    "OrganizationKind",
    "Participant",
    "Party",
    "Person",
    "Place",
    "PloverCode",
    "PolicyStance",
    "Precision",
    "Problem",
    "RecognitionAct",
    "RecognitionCapacity",
    "RecognitionForm",
    "RecognitionInstrument",
    "RecognitionLedger",
    "RecognitionPolicy",
    "RecognitionWithdrawal",
    "RelationsAction",
    "RelationsChange",
    "RepresentationLevel",
    "Severity",
    "Source",
    "SourceKind",
    "Stance",
    "Standing",
    "StandingInterval",
    "StandingReport",
    "State",
    "Statement",
    "TimelineEntry",
    "UnknownPartyError",
    "ValidationError",
    "When",
    "WithdrawalForm",
    "WithdrawalKind",
    "__version__",
    "cameo",
    "dumps",
    "dyad",
    "from_dict",
    "json_schema",
    "loads",
    "make_converter",
    "plover",
    "read_jsonl",
    "reference",
    "to_dict",
    "write_jsonl",
]

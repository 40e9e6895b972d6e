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
    from diplorec import reference as reference
    from diplorec.actors import Envoy as Envoy
    from diplorec.actors import Government as Government
    from diplorec.actors import Official as Official
    from diplorec.actors import Organization as Organization
    from diplorec.actors import Party as Party
    from diplorec.actors import Person as Person
    from diplorec.actors import Place as Place
    from diplorec.actors import State as State
    from diplorec.codes import CameoCode as CameoCode
    from diplorec.codes import PloverCode as PloverCode
    from diplorec.codes import cameo as cameo
    from diplorec.codes import cameo_code as cameo_code
    from diplorec.codes import dyad as dyad
    from diplorec.codes import plover as plover
    from diplorec.converters import dumps as dumps
    from diplorec.converters import from_dict as from_dict
    from diplorec.converters import loads as loads
    from diplorec.converters import make_converter as make_converter
    from diplorec.converters import to_dict as to_dict
    from diplorec.dates import Precision as Precision
    from diplorec.dates import When as When
    from diplorec.dossier import Dossier as Dossier
    from diplorec.dossier import Finding as Finding
    from diplorec.dossier import Severity as Severity
    from diplorec.errors import DiplorecError as DiplorecError
    from diplorec.errors import FieldError as FieldError
    from diplorec.errors import Problem as Problem
    from diplorec.errors import ValidationError as ValidationError
    from diplorec.events import Annulment as Annulment
    from diplorec.events import CodedEvent as CodedEvent
    from diplorec.events import CredentialPresentation as CredentialPresentation
    from diplorec.events import DesignationChange as DesignationChange
    from diplorec.events import DiplomaticTies as DiplomaticTies
    from diplorec.events import EnvoyAppointment as EnvoyAppointment
    from diplorec.events import Event as Event
    from diplorec.events import EventBase as EventBase
    from diplorec.events import Meeting as Meeting
    from diplorec.events import Participant as Participant
    from diplorec.events import RecognitionAct as RecognitionAct
    from diplorec.events import RecognitionPledge as RecognitionPledge
    from diplorec.events import RecognitionPolicy as RecognitionPolicy
    from diplorec.events import RecognitionWithdrawal as RecognitionWithdrawal
    from diplorec.events import RelationsChange as RelationsChange
    from diplorec.events import Statement as Statement
    from diplorec.events import register_event_type as register_event_type
    from diplorec.jsonl import BadLine as BadLine
    from diplorec.jsonl import JsonlReader as JsonlReader
    from diplorec.jsonl import read_jsonl as read_jsonl
    from diplorec.jsonl import write_jsonl as write_jsonl
    from diplorec.ledger import ChangeKind as ChangeKind
    from diplorec.ledger import RecognitionLedger as RecognitionLedger
    from diplorec.ledger import Standing as Standing
    from diplorec.ledger import StandingInterval as StandingInterval
    from diplorec.ledger import StandingReport as StandingReport
    from diplorec.ledger import TimelineEntry as TimelineEntry
    from diplorec.ledger import UnknownPartyError as UnknownPartyError
    from diplorec.migrations import SPEC_VERSION as SPEC_VERSION
    from diplorec.provenance import Citation as Citation
    from diplorec.provenance import Source as Source
    from diplorec.reference import P5 as P5
    from diplorec.schema import json_schema as json_schema
    from diplorec.vocab import AnnulmentKind as AnnulmentKind
    from diplorec.vocab import AppointmentStage as AppointmentStage
    from diplorec.vocab import Certainty as Certainty
    from diplorec.vocab import Characterization as Characterization
    from diplorec.vocab import CredentialDocument as CredentialDocument
    from diplorec.vocab import DesignationAction as DesignationAction
    from diplorec.vocab import DiplomaticRank as DiplomaticRank
    from diplorec.vocab import LegalStatus as LegalStatus
    from diplorec.vocab import MeetingMode as MeetingMode
    from diplorec.vocab import OrganizationKind as OrganizationKind
    from diplorec.vocab import PolicyStance as PolicyStance
    from diplorec.vocab import RecognitionCapacity as RecognitionCapacity
    from diplorec.vocab import RecognitionForm as RecognitionForm
    from diplorec.vocab import RecognitionInstrument as RecognitionInstrument
    from diplorec.vocab import RelationsAction as RelationsAction
    from diplorec.vocab import RepresentationLevel as RepresentationLevel
    from diplorec.vocab import SourceKind as SourceKind
    from diplorec.vocab import Stance as Stance
    from diplorec.vocab import WithdrawalForm as WithdrawalForm
    from diplorec.vocab import WithdrawalKind as WithdrawalKind

    __version__: str

# The one list of public names, each under the module that defines it: ``__all__`` and
# the lazy loader below derive from it, and tests/test_package.py ties the TYPE_CHECKING
# imports above (written ``X as X``: explicit re-exports for type checkers) to it.
# Nothing is imported until a name is first used: ``import diplorec`` stays cheap for
# command lines and for code that needs one corner of the package (the way pydantic
# does it). The cost moves to the first use.
_MODULES: dict[str, tuple[str, ...]] = {
    "actors": (
        "Envoy", "Government", "Official", "Organization", "Party", "Person", "Place", "State",
    ),
    "codes": ("CameoCode", "PloverCode", "cameo", "cameo_code", "dyad", "plover"),
    "converters": ("dumps", "from_dict", "loads", "make_converter", "to_dict"),
    "dates": ("Precision", "When"),
    "dossier": ("Dossier", "Finding", "Severity"),
    "errors": ("DiplorecError", "FieldError", "Problem", "ValidationError"),
    "events": (
        "Annulment", "CodedEvent", "CredentialPresentation", "DesignationChange",
        "DiplomaticTies", "EnvoyAppointment", "Event", "EventBase", "Meeting", "Participant",
        "RecognitionAct", "RecognitionPledge", "RecognitionPolicy", "RecognitionWithdrawal",
        "RelationsChange", "Statement", "register_event_type",
    ),
    "jsonl": ("BadLine", "JsonlReader", "read_jsonl", "write_jsonl"),
    "ledger": (
        "ChangeKind", "RecognitionLedger", "Standing", "StandingInterval", "StandingReport",
        "TimelineEntry", "UnknownPartyError",
    ),
    "migrations": ("SPEC_VERSION",),
    "provenance": ("Citation", "Source"),
    "reference": ("P5",),
    "schema": ("json_schema",),
    "vocab": (
        "AnnulmentKind", "AppointmentStage", "Certainty", "Characterization",
        "CredentialDocument", "DesignationAction", "DiplomaticRank", "LegalStatus", "MeetingMode",
        "OrganizationKind", "PolicyStance", "RecognitionCapacity", "RecognitionForm",
        "RecognitionInstrument", "RelationsAction", "RepresentationLevel", "SourceKind",
        "Stance", "WithdrawalForm", "WithdrawalKind",
    ),
}  # fmt: skip
_HOME: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}
_SUBMODULES = frozenset({"reference"})
#: Modules reachable as attributes after ``import diplorec`` (``diplorec.dossier.Dossier``),
#: imported on first use; ``from diplorec import *`` does not import them.
_MODULE_ATTRIBUTES = frozenset(
    {
        "actors", "cli", "codes", "converters", "dates", "dossier", "errors", "events",
        "examples", "interchange", "jsonl", "ledger", "migrations", "plot", "provenance",
        "scale", "schema", "strategies", "tabular", "vocab",
    }
)  # fmt: skip


def __getattr__(name: str) -> object:
    """Import a public name's module on first use, and keep the name here."""
    if name in _HOME:
        value = getattr(importlib.import_module(f"diplorec.{_HOME[name]}"), name)
    elif name in _SUBMODULES or name in _MODULE_ATTRIBUTES:
        value = importlib.import_module(f"diplorec.{name}")
    elif name == "__version__":
        value = _version()
    else:
        msg = f"module 'diplorec' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names only, as ``__all__`` lists them."""
    return list(__all__)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplorec")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


__all__ = sorted([*_HOME, *_SUBMODULES, "__version__"])

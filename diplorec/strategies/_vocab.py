"""Strategies for the enums: one per vocabulary, drawing any member."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec.dates import Precision
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
    RecognitionForm,
    RecognitionInstrument,
    RelationsAction,
    RepresentationLevel,
    SourceKind,
    Stance,
    WithdrawalKind,
)

if TYPE_CHECKING:
    from diplorec.dossier import Severity
    from diplorec.ledger import ChangeKind, Standing


# -- enums --------------------------------------------------------------------------


def precisions() -> SearchStrategy[Precision]:
    """Any :class:`~diplorec.Precision`."""
    return st.sampled_from(Precision)


def legal_statuses() -> SearchStrategy[LegalStatus]:
    """Any :class:`~diplorec.LegalStatus`."""
    return st.sampled_from(LegalStatus)


def recognition_forms() -> SearchStrategy[RecognitionForm]:
    """Any :class:`~diplorec.RecognitionForm`."""
    return st.sampled_from(RecognitionForm)


def recognition_instruments() -> SearchStrategy[RecognitionInstrument]:
    """Any :class:`~diplorec.RecognitionInstrument`."""
    return st.sampled_from(RecognitionInstrument)


def characterizations() -> SearchStrategy[Characterization]:
    """Any :class:`~diplorec.Characterization`."""
    return st.sampled_from(Characterization)


def withdrawal_kinds() -> SearchStrategy[WithdrawalKind]:
    """Any :class:`~diplorec.WithdrawalKind`."""
    return st.sampled_from(WithdrawalKind)


def diplomatic_ranks() -> SearchStrategy[DiplomaticRank]:
    """Any :class:`~diplorec.DiplomaticRank`."""
    return st.sampled_from(DiplomaticRank)


def credential_documents() -> SearchStrategy[CredentialDocument]:
    """Any :class:`~diplorec.CredentialDocument`."""
    return st.sampled_from(CredentialDocument)


def appointment_stages() -> SearchStrategy[AppointmentStage]:
    """Any :class:`~diplorec.AppointmentStage`."""
    return st.sampled_from(AppointmentStage)


def meeting_modes() -> SearchStrategy[MeetingMode]:
    """Any :class:`~diplorec.MeetingMode`."""
    return st.sampled_from(MeetingMode)


def stances() -> SearchStrategy[Stance]:
    """Any :class:`~diplorec.Stance`."""
    return st.sampled_from(Stance)


def designation_actions() -> SearchStrategy[DesignationAction]:
    """Any :class:`~diplorec.DesignationAction`."""
    return st.sampled_from(DesignationAction)


def relations_actions() -> SearchStrategy[RelationsAction]:
    """Any :class:`~diplorec.RelationsAction`."""
    return st.sampled_from(RelationsAction)


def representation_levels() -> SearchStrategy[RepresentationLevel]:
    """Any :class:`~diplorec.RepresentationLevel`."""
    return st.sampled_from(RepresentationLevel)


def certainties() -> SearchStrategy[Certainty]:
    """Any :class:`~diplorec.Certainty`."""
    return st.sampled_from(Certainty)


def organization_kinds() -> SearchStrategy[OrganizationKind]:
    """Any :class:`~diplorec.OrganizationKind`."""
    return st.sampled_from(OrganizationKind)


def source_kinds() -> SearchStrategy[SourceKind]:
    """Any :class:`~diplorec.SourceKind`."""
    return st.sampled_from(SourceKind)


def standings() -> SearchStrategy[Standing]:
    """Any :class:`~diplorec.ledger.Standing`."""
    from diplorec.ledger import Standing

    return st.sampled_from(Standing)


def change_kinds() -> SearchStrategy[ChangeKind]:
    """Any :class:`~diplorec.ledger.ChangeKind`."""
    from diplorec.ledger import ChangeKind

    return st.sampled_from(ChangeKind)


def severities() -> SearchStrategy[Severity]:
    """Any :class:`~diplorec.dossier.Severity`."""
    from diplorec.dossier import Severity

    return st.sampled_from(Severity)

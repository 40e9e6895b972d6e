"""Strategies for the enums: one per vocabulary, drawing any member."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from diplorec import vocab
from diplorec.dates import Precision

if TYPE_CHECKING:
    from diplorec.dossier import Severity
    from diplorec.ledger import ChangeKind, Standing


# -- enums --------------------------------------------------------------------------


def precisions() -> SearchStrategy[Precision]:
    """Any :class:`~diplorec.Precision`."""
    return st.sampled_from(Precision)


def legal_statuses() -> SearchStrategy[vocab.LegalStatus]:
    """Any :class:`~diplorec.LegalStatus`."""
    return st.sampled_from(vocab.LegalStatus)


def recognition_forms() -> SearchStrategy[vocab.RecognitionForm]:
    """Any :class:`~diplorec.RecognitionForm`."""
    return st.sampled_from(vocab.RecognitionForm)


def recognition_instruments() -> SearchStrategy[vocab.RecognitionInstrument]:
    """Any :class:`~diplorec.RecognitionInstrument`."""
    return st.sampled_from(vocab.RecognitionInstrument)


def characterizations() -> SearchStrategy[vocab.Characterization]:
    """Any :class:`~diplorec.Characterization`."""
    return st.sampled_from(vocab.Characterization)


def withdrawal_kinds() -> SearchStrategy[vocab.WithdrawalKind]:
    """Any :class:`~diplorec.WithdrawalKind`."""
    return st.sampled_from(vocab.WithdrawalKind)


def diplomatic_ranks() -> SearchStrategy[vocab.DiplomaticRank]:
    """Any :class:`~diplorec.DiplomaticRank`."""
    return st.sampled_from(vocab.DiplomaticRank)


def credential_documents() -> SearchStrategy[vocab.CredentialDocument]:
    """Any :class:`~diplorec.CredentialDocument`."""
    return st.sampled_from(vocab.CredentialDocument)


def appointment_stages() -> SearchStrategy[vocab.AppointmentStage]:
    """Any :class:`~diplorec.AppointmentStage`."""
    return st.sampled_from(vocab.AppointmentStage)


def meeting_modes() -> SearchStrategy[vocab.MeetingMode]:
    """Any :class:`~diplorec.MeetingMode`."""
    return st.sampled_from(vocab.MeetingMode)


def stances() -> SearchStrategy[vocab.Stance]:
    """Any :class:`~diplorec.Stance`."""
    return st.sampled_from(vocab.Stance)


def designation_actions() -> SearchStrategy[vocab.DesignationAction]:
    """Any :class:`~diplorec.DesignationAction`."""
    return st.sampled_from(vocab.DesignationAction)


def relations_actions() -> SearchStrategy[vocab.RelationsAction]:
    """Any :class:`~diplorec.RelationsAction`."""
    return st.sampled_from(vocab.RelationsAction)


def representation_levels() -> SearchStrategy[vocab.RepresentationLevel]:
    """Any :class:`~diplorec.RepresentationLevel`."""
    return st.sampled_from(vocab.RepresentationLevel)


def certainties() -> SearchStrategy[vocab.Certainty]:
    """Any :class:`~diplorec.Certainty`."""
    return st.sampled_from(vocab.Certainty)


def organization_kinds() -> SearchStrategy[vocab.OrganizationKind]:
    """Any :class:`~diplorec.OrganizationKind`."""
    return st.sampled_from(vocab.OrganizationKind)


def source_kinds() -> SearchStrategy[vocab.SourceKind]:
    """Any :class:`~diplorec.SourceKind`."""
    return st.sampled_from(vocab.SourceKind)


def recognition_capacities() -> SearchStrategy[vocab.RecognitionCapacity]:
    """Any :class:`~diplorec.vocab.RecognitionCapacity`."""
    return st.sampled_from(vocab.RecognitionCapacity)


def policy_stances() -> SearchStrategy[vocab.PolicyStance]:
    """Any :class:`~diplorec.vocab.PolicyStance`."""
    return st.sampled_from(vocab.PolicyStance)


def withdrawal_forms() -> SearchStrategy[vocab.WithdrawalForm]:
    """Any :class:`~diplorec.vocab.WithdrawalForm`."""
    return st.sampled_from(vocab.WithdrawalForm)


def annulment_kinds() -> SearchStrategy[vocab.AnnulmentKind]:
    """Any :class:`~diplorec.vocab.AnnulmentKind`."""
    return st.sampled_from(vocab.AnnulmentKind)


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

"""The controlled vocabularies of diplorec.

Every enum is a :class:`str` enum whose value is the kebab-case wire form, so
``LegalStatus.DE_JURE == "de-jure"`` and JSON carries ``"de-jure"``.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = [
    "ENUM_TYPES",
    "AnnulmentKind",
    "AppointmentStage",
    "Certainty",
    "Characterization",
    "CredentialDocument",
    "DesignationAction",
    "DiplomaticRank",
    "LegalStatus",
    "MeetingMode",
    "OrganizationKind",
    "PolicyStance",
    "RecognitionCapacity",
    "RecognitionForm",
    "RecognitionInstrument",
    "RelationsAction",
    "RepresentationLevel",
    "SourceKind",
    "Stance",
    "WithdrawalForm",
    "WithdrawalKind",
]


class _Vocabulary(enum.StrEnum):
    """A vocabulary: each member's value is its name in kebab case (``DE_JURE``: ``de-jure``)."""

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> str:
        return name.lower().replace("_", "-")


class LegalStatus(_Vocabulary):
    """How far a recognition goes in law."""

    #: Full, formal recognition.
    DE_JURE = enum.auto()
    #: Acknowledges effective control while withholding full recognition.
    DE_FACTO = enum.auto()
    #: The sources do not say, or the recognizer did not.
    UNSPECIFIED = enum.auto()


class RecognitionForm(_Vocabulary):
    """Whether recognition was stated or follows from conduct."""

    #: Stated outright: a statement, note verbale, decree or joint communiqué.
    EXPRESS = enum.auto()
    #: Follows from conduct: accepting credentials, establishing relations, a treaty.
    IMPLIED = enum.auto()
    #: The sources do not say whether it was stated or follows from conduct.
    UNSPECIFIED = enum.auto()


class RecognitionCapacity(_Vocabulary):
    """As what a party is recognised: a state, a government, a representative, a belligerent.

    The capacity decides what a recognition does to others: only recognising a
    government ends recognition of a rival government of the same state.
    """

    #: As a state: the entity meets the conditions of statehood.
    STATE = enum.auto()
    #: As the government of a state (a government, or a council claiming to govern one).
    GOVERNMENT = enum.auto()
    #: As a (legitimate) representative of a people, without recognising a government.
    REPRESENTATIVE = enum.auto()
    #: As a belligerent in a civil war: the laws of war apply; neutrality may follow.
    BELLIGERENCY = enum.auto()
    #: As insurgents: a lesser status than belligerency, for limited purposes.
    INSURGENCY = enum.auto()


class PolicyStance(_Vocabulary):
    """A stated policy on recognising others, held by a party."""

    #: A standing policy of issuing no declarations on governments (e.g. the Estrada doctrine).
    NO_DECLARATIONS = enum.auto()
    #: Will neither recognise nor refuse a named entity, for now.
    NEUTRAL = enum.auto()
    #: Refuses to recognise a named entity.
    NON_RECOGNITION = enum.auto()
    #: Calls on others not to recognise a named entity (e.g. UN Security Council resolution 541).
    CALL_FOR_NON_RECOGNITION = enum.auto()


class WithdrawalForm(_Vocabulary):
    """Whether a withdrawal of recognition was stated or follows from conduct or time."""

    #: Stated outright: a note, a statement, a decree.
    EXPRESS = enum.auto()
    #: Follows from conduct, e.g. severing relations with the government concerned.
    IMPLIED = enum.auto()
    #: Recognition lapsed without an act, e.g. when the recognised government lost all control.
    TACIT_LAPSE = enum.auto()
    #: The sources do not say.
    UNSPECIFIED = enum.auto()


class RecognitionInstrument(_Vocabulary):
    """The act or document through which recognition was given."""

    STATEMENT = enum.auto()
    NOTE_VERBALE = enum.auto()
    DECREE = enum.auto()
    JOINT_COMMUNIQUE = enum.auto()
    LETTER = enum.auto()
    #: Receiving an envoy's letters of credence or a true copy of them.
    ACCEPTANCE_OF_CREDENTIALS = enum.auto()
    ESTABLISHMENT_OF_RELATIONS = enum.auto()
    TREATY = enum.auto()
    #: A vote in an organization, e.g. on seating a delegation.
    VOTE = enum.auto()
    OTHER = enum.auto()


class Characterization(_Vocabulary):
    """How a party itself described an act: as recognition, or expressly not.

    This is whether the act *counts as recognition*, in the words of the party;
    whether the act *happened* is the event's :class:`Certainty`, a separate question.
    """

    #: The party called the act recognition.
    CALLED_RECOGNITION = enum.auto()
    #: The party denied that the act amounts to recognition.
    DENIED_RECOGNITION = enum.auto()
    #: The party said nothing either way, or the sources do not say.
    UNSTATED = enum.auto()


class WithdrawalKind(_Vocabulary):
    """How recognition came to an end (or was said to)."""

    #: An explicit withdrawal or derecognition.
    WITHDRAWAL = enum.auto()
    #: Recognition moved to a rival government or claimant.
    SWITCH = enum.auto()
    #: Recognition announced as suspended rather than withdrawn.
    SUSPENSION = enum.auto()


class DiplomaticRank(_Vocabulary):
    """The rank of an envoy (Vienna Convention on Diplomatic Relations, 1961)."""

    #: Art. 14(1)(a): ambassadors and nuncios, accredited to heads of state.
    AMBASSADOR = enum.auto()
    #: Art. 14(1)(b): envoys, ministers and internuncios, accredited to heads of state.
    MINISTER = enum.auto()
    #: Art. 14(1)(c): chargés d'affaires, accredited to ministers for foreign affairs.
    CHARGE_D_AFFAIRES = enum.auto()
    #: Art. 19: acts while the head of mission's post is vacant.
    CHARGE_D_AFFAIRES_AD_INTERIM = enum.auto()
    #: A special or personal envoy for a mission or a question, not a head of mission.
    SPECIAL_ENVOY = enum.auto()
    #: Head of a representative, liaison or trade office without diplomatic status.
    REPRESENTATIVE = enum.auto()

    @property
    def vcdr_class(self) -> str | None:
        """The class of head of mission under VCDR Art. 14, or None outside it.

        >>> DiplomaticRank.AMBASSADOR.vcdr_class
        '14(1)(a)'
        """
        return _VCDR_CLASSES.get(self)


_VCDR_CLASSES = {
    DiplomaticRank.AMBASSADOR: "14(1)(a)",
    DiplomaticRank.MINISTER: "14(1)(b)",
    DiplomaticRank.CHARGE_D_AFFAIRES: "14(1)(c)",
}


class CredentialDocument(_Vocabulary):
    """The document an envoy hands over on taking up functions (VCDR Art. 13)."""

    #: The original letters of credence, presented to the receiving head of state.
    LETTERS_OF_CREDENCE = enum.auto()
    #: A true copy of the credentials, presented to the ministry for foreign affairs.
    TRUE_COPY = enum.auto()
    #: The letter accrediting a chargé d'affaires to a minister for foreign affairs.
    LETTER_OF_INTRODUCTION = enum.auto()
    #: The predecessor's letters of recall, often presented with the new credentials.
    LETTERS_OF_RECALL = enum.auto()


class AppointmentStage(_Vocabulary):
    """A step in the appointment of an envoy (VCDR Art. 4)."""

    NOMINATED = enum.auto()
    AGREMENT_REQUESTED = enum.auto()
    AGREMENT_GRANTED = enum.auto()
    #: The receiving state refused agrément; it need give no reasons.
    AGREMENT_REFUSED = enum.auto()
    APPOINTED = enum.auto()


class MeetingMode(_Vocabulary):
    """How the participants of a meeting met."""

    IN_PERSON = enum.auto()
    PHONE = enum.auto()
    VIDEO = enum.auto()


class Stance(_Vocabulary):
    """The stance a speaker takes in a statement."""

    ANNOUNCES = enum.auto()
    WELCOMES = enum.auto()
    SUPPORTS = enum.auto()
    PRAISES = enum.auto()
    ACKNOWLEDGES = enum.auto()
    NEUTRAL = enum.auto()
    CALLS_FOR = enum.auto()
    REGRETS = enum.auto()
    CRITICISES = enum.auto()
    CONDEMNS = enum.auto()
    DENIES = enum.auto()
    REJECTS = enum.auto()


class DesignationAction(_Vocabulary):
    """What an authority did to an entity's place on a list (e.g. of terrorist groups)."""

    LIST = enum.auto()
    DELIST = enum.auto()
    #: The listing or ban stays on the books but is suspended.
    SUSPEND = enum.auto()
    REINSTATE = enum.auto()


class RelationsAction(_Vocabulary):
    """A change in diplomatic relations between two parties."""

    ESTABLISHED = enum.auto()
    RESTORED = enum.auto()
    UPGRADED = enum.auto()
    DOWNGRADED = enum.auto()
    SUSPENDED = enum.auto()
    SEVERED = enum.auto()


class RepresentationLevel(_Vocabulary):
    """The level at which two parties are represented with each other."""

    NONE = enum.auto()
    #: An interests section, liaison or representative office.
    OTHER = enum.auto()
    CHARGE_D_AFFAIRES = enum.auto()
    MINISTER = enum.auto()
    AMBASSADOR = enum.auto()

    @property
    def cow(self) -> int:
        """The Correlates of War Diplomatic Exchange code (0, 1, 2, 3; 9 for other).

        >>> RepresentationLevel.AMBASSADOR.cow
        3
        """
        return _COW_LEVELS[self]

    @property
    def rank(self) -> int:
        """Order from no representation (0) through other offices (1) to ambassadors (4): the
        order the levels are declared in.

        >>> RepresentationLevel.NONE.rank, RepresentationLevel.AMBASSADOR.rank
        (0, 4)
        """
        return _LEVEL_RANKS[self]


_COW_LEVELS = {
    RepresentationLevel.NONE: 0,
    RepresentationLevel.CHARGE_D_AFFAIRES: 1,
    RepresentationLevel.MINISTER: 2,
    RepresentationLevel.AMBASSADOR: 3,
    RepresentationLevel.OTHER: 9,
}

_LEVEL_RANKS = {level: rank for rank, level in enumerate(RepresentationLevel)}


class Certainty(_Vocabulary):
    """How well established it is that the event happened as recorded, in the sources.

    Whether it happened, not whether it counts as recognition: that is the
    recognizer's :class:`Characterization` of the act.
    """

    #: Confirmed by the parties themselves or by several independent sources.
    CONFIRMED = enum.auto()
    #: Reported by a source, not independently confirmed.
    REPORTED = enum.auto()
    #: Asserted by a party (possibly a third party) and not confirmed.
    CLAIMED = enum.auto()
    #: Asserted by some and denied by others.
    DISPUTED = enum.auto()


class OrganizationKind(_Vocabulary):
    """What sort of body an organization is."""

    #: An intergovernmental organization or one of its organs (UN Security Council, AU).
    INTERGOVERNMENTAL = enum.auto()
    MINISTRY = enum.auto()
    COURT = enum.auto()
    LEGISLATURE = enum.auto()
    EXECUTIVE = enum.auto()
    #: A movement, armed group or party (the Taliban movement, the mujahideen).
    MOVEMENT = enum.auto()
    #: A council or authority claiming to govern (e.g. a transitional council).
    COUNCIL = enum.auto()
    OTHER = enum.auto()


class SourceKind(_Vocabulary):
    """What sort of source a citation points to."""

    NEWS = enum.auto()
    OFFICIAL_STATEMENT = enum.auto()
    LEGAL_TEXT = enum.auto()
    DATASET = enum.auto()
    SCHOLARSHIP = enum.auto()
    OTHER = enum.auto()


class AnnulmentKind(_Vocabulary):
    """How an act is annulled: taken back by its author, declared void, or denied.

    See :class:`~diplorec.events.Annulment`; the ledger's answer for each is in the
    Analysis documentation.
    """

    #: Its author takes the act back: void from the start, as if it never happened.
    RETRACTED = enum.auto()
    #: A domestic authority (a court, a parliament) declares the act void.
    INVALIDATED = enum.auto()
    #: The supposed author denies that the act happened.
    DENIED = enum.auto()


#: Every enum of the vocabulary.
ENUM_TYPES: tuple[type[enum.Enum], ...] = (
    LegalStatus,
    RecognitionForm,
    RecognitionCapacity,
    PolicyStance,
    RecognitionInstrument,
    Characterization,
    WithdrawalKind,
    WithdrawalForm,
    DiplomaticRank,
    CredentialDocument,
    AppointmentStage,
    MeetingMode,
    Stance,
    DesignationAction,
    RelationsAction,
    RepresentationLevel,
    Certainty,
    OrganizationKind,
    SourceKind,
    AnnulmentKind,
)

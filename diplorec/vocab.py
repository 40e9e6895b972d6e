"""The controlled vocabularies of diplorec.

Every enum is a :class:`str` enum whose value is the kebab-case wire form, so
``LegalStatus.DE_JURE == "de-jure"`` and JSON carries ``"de-jure"``.
"""

from __future__ import annotations

import enum

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


class LegalStatus(enum.StrEnum):
    """How far a recognition goes in law."""

    #: Full, formal recognition.
    DE_JURE = "de-jure"
    #: Acknowledges effective control while withholding full recognition.
    DE_FACTO = "de-facto"
    #: The sources do not say, or the recognizer did not.
    UNSPECIFIED = "unspecified"


class RecognitionForm(enum.StrEnum):
    """Whether recognition was stated or follows from conduct."""

    #: Stated outright: a statement, note verbale, decree or joint communiqué.
    EXPRESS = "express"
    #: Follows from conduct: accepting credentials, establishing relations, a treaty.
    IMPLIED = "implied"
    #: The sources do not say whether it was stated or follows from conduct.
    UNSPECIFIED = "unspecified"


class RecognitionCapacity(enum.StrEnum):
    """As what a party is recognised: a state, a government, a representative, a belligerent.

    The capacity decides what a recognition does to others: only recognising a
    government ends recognition of a rival government of the same state.
    """

    #: As a state: the entity meets the conditions of statehood.
    STATE = "state"
    #: As the government of a state (a government, or a council claiming to govern one).
    GOVERNMENT = "government"
    #: As a (legitimate) representative of a people, without recognising a government.
    REPRESENTATIVE = "representative"
    #: As a belligerent in a civil war: the laws of war apply; neutrality may follow.
    BELLIGERENCY = "belligerency"
    #: As insurgents: a lesser status than belligerency, for limited purposes.
    INSURGENCY = "insurgency"


class PolicyStance(enum.StrEnum):
    """A stated policy on recognising others, held by a party."""

    #: A standing policy of issuing no declarations on governments (e.g. the Estrada doctrine).
    NO_DECLARATIONS = "no-declarations"
    #: Will neither recognise nor refuse a named entity, for now.
    NEUTRAL = "neutral"
    #: Refuses to recognise a named entity.
    NON_RECOGNITION = "non-recognition"
    #: Calls on others not to recognise a named entity (e.g. UN Security Council resolution 541).
    CALL_FOR_NON_RECOGNITION = "call-for-non-recognition"


class WithdrawalForm(enum.StrEnum):
    """Whether a withdrawal of recognition was stated or follows from conduct or time."""

    #: Stated outright: a note, a statement, a decree.
    EXPRESS = "express"
    #: Follows from conduct, e.g. severing relations with the government concerned.
    IMPLIED = "implied"
    #: Recognition lapsed without an act, e.g. when the recognised government lost all control.
    TACIT_LAPSE = "tacit-lapse"
    #: The sources do not say.
    UNSPECIFIED = "unspecified"


class RecognitionInstrument(enum.StrEnum):
    """The act or document through which recognition was given."""

    STATEMENT = "statement"
    NOTE_VERBALE = "note-verbale"
    DECREE = "decree"
    JOINT_COMMUNIQUE = "joint-communique"
    LETTER = "letter"
    #: Receiving an envoy's letters of credence or a true copy of them.
    ACCEPTANCE_OF_CREDENTIALS = "acceptance-of-credentials"
    ESTABLISHMENT_OF_RELATIONS = "establishment-of-relations"
    TREATY = "treaty"
    #: A vote in an organization, e.g. on seating a delegation.
    VOTE = "vote"
    OTHER = "other"


class Characterization(enum.StrEnum):
    """How a party itself described an act: as recognition, or expressly not.

    This is whether the act *counts as recognition*, in the words of the party;
    whether the act *happened* is the event's :class:`Certainty`, a separate question.
    """

    #: The party called the act recognition.
    CALLED_RECOGNITION = "called-recognition"
    #: The party denied that the act amounts to recognition.
    DENIED_RECOGNITION = "denied-recognition"
    #: The party said nothing either way, or the sources do not say.
    UNSTATED = "unstated"


class WithdrawalKind(enum.StrEnum):
    """How recognition came to an end (or was said to)."""

    #: An explicit withdrawal or derecognition.
    WITHDRAWAL = "withdrawal"
    #: Recognition moved to a rival government or claimant.
    SWITCH = "switch"
    #: Recognition announced as suspended rather than withdrawn.
    SUSPENSION = "suspension"


class DiplomaticRank(enum.StrEnum):
    """The rank of an envoy (Vienna Convention on Diplomatic Relations, 1961)."""

    #: Art. 14(1)(a): ambassadors and nuncios, accredited to heads of state.
    AMBASSADOR = "ambassador"
    #: Art. 14(1)(b): envoys, ministers and internuncios, accredited to heads of state.
    MINISTER = "minister"
    #: Art. 14(1)(c): chargés d'affaires, accredited to ministers for foreign affairs.
    CHARGE_D_AFFAIRES = "charge-d-affaires"
    #: Art. 19: acts while the head of mission's post is vacant.
    CHARGE_D_AFFAIRES_AD_INTERIM = "charge-d-affaires-ad-interim"
    #: A special or personal envoy for a mission or a question, not a head of mission.
    SPECIAL_ENVOY = "special-envoy"
    #: Head of a representative, liaison or trade office without diplomatic status.
    REPRESENTATIVE = "representative"

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


class CredentialDocument(enum.StrEnum):
    """The document an envoy hands over on taking up functions (VCDR Art. 13)."""

    #: The original letters of credence, presented to the receiving head of state.
    LETTERS_OF_CREDENCE = "letters-of-credence"
    #: A true copy of the credentials, presented to the ministry for foreign affairs.
    TRUE_COPY = "true-copy"
    #: The letter accrediting a chargé d'affaires to a minister for foreign affairs.
    LETTER_OF_INTRODUCTION = "letter-of-introduction"
    #: The predecessor's letters of recall, often presented with the new credentials.
    LETTERS_OF_RECALL = "letters-of-recall"


class AppointmentStage(enum.StrEnum):
    """A step in the appointment of an envoy (VCDR Art. 4)."""

    NOMINATED = "nominated"
    AGREMENT_REQUESTED = "agrement-requested"
    AGREMENT_GRANTED = "agrement-granted"
    #: The receiving state refused agrément; it need give no reasons.
    AGREMENT_REFUSED = "agrement-refused"
    APPOINTED = "appointed"


class MeetingMode(enum.StrEnum):
    """How the participants of a meeting met."""

    IN_PERSON = "in-person"
    PHONE = "phone"
    VIDEO = "video"


class Stance(enum.StrEnum):
    """The stance a speaker takes in a statement."""

    ANNOUNCES = "announces"
    WELCOMES = "welcomes"
    SUPPORTS = "supports"
    PRAISES = "praises"
    ACKNOWLEDGES = "acknowledges"
    NEUTRAL = "neutral"
    CALLS_FOR = "calls-for"
    REGRETS = "regrets"
    CRITICISES = "criticises"
    CONDEMNS = "condemns"
    DENIES = "denies"
    REJECTS = "rejects"


class DesignationAction(enum.StrEnum):
    """What an authority did to an entity's place on a list (e.g. of terrorist groups)."""

    LIST = "list"
    DELIST = "delist"
    #: The listing or ban stays on the books but is suspended.
    SUSPEND = "suspend"
    REINSTATE = "reinstate"


class RelationsAction(enum.StrEnum):
    """A change in diplomatic relations between two parties."""

    ESTABLISHED = "established"
    RESTORED = "restored"
    UPGRADED = "upgraded"
    DOWNGRADED = "downgraded"
    SUSPENDED = "suspended"
    SEVERED = "severed"


class RepresentationLevel(enum.StrEnum):
    """The level at which two parties are represented with each other."""

    NONE = "none"
    #: An interests section, liaison or representative office.
    OTHER = "other"
    CHARGE_D_AFFAIRES = "charge-d-affaires"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"

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


class Certainty(enum.StrEnum):
    """How well established it is that the event happened as recorded, in the sources.

    Whether it happened, not whether it counts as recognition: that is the
    recognizer's :class:`Characterization` of the act.
    """

    #: Confirmed by the parties themselves or by several independent sources.
    CONFIRMED = "confirmed"
    #: Reported by a source, not independently confirmed.
    REPORTED = "reported"
    #: Asserted by a party (possibly a third party) and not confirmed.
    CLAIMED = "claimed"
    #: Asserted by some and denied by others.
    DISPUTED = "disputed"


class OrganizationKind(enum.StrEnum):
    """What sort of body an organization is."""

    #: An intergovernmental organization or one of its organs (UN Security Council, AU).
    INTERGOVERNMENTAL = "intergovernmental"
    MINISTRY = "ministry"
    COURT = "court"
    LEGISLATURE = "legislature"
    EXECUTIVE = "executive"
    #: A movement, armed group or party (the Taliban movement, the mujahideen).
    MOVEMENT = "movement"
    #: A council or authority claiming to govern (e.g. a transitional council).
    COUNCIL = "council"
    OTHER = "other"


class SourceKind(enum.StrEnum):
    """What sort of source a citation points to."""

    NEWS = "news"
    OFFICIAL_STATEMENT = "official-statement"
    LEGAL_TEXT = "legal-text"
    DATASET = "dataset"
    SCHOLARSHIP = "scholarship"
    OTHER = "other"


class AnnulmentKind(enum.StrEnum):
    """How an act is annulled: taken back by its author, declared void, or denied.

    See :class:`~diplorec.events.Annulment`; the ledger's answer for each is in the
    Analysis documentation.
    """

    #: Its author takes the act back: void from the start, as if it never happened.
    RETRACTED = "retracted"
    #: A domestic authority (a court, a parliament) declares the act void.
    INVALIDATED = "invalidated"
    #: The supposed author denies that the act happened.
    DENIED = "denied"


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

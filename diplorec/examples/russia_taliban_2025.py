"""Russia recognises the Taliban's Islamic Emirate of Afghanistan (3 July 2025), as data.

Every fact of the news article "Russia Officially Recognizes Taliban Government,
Marking First UN Security Council Member to Do So" is here as a typed event, each
citing the article with the sentence it rests on. Dates use the precision the
sources support; where the article is vaguer than other reports, the event's
``notes`` say where the date came from:

- "On Thursday" is Thursday 3 July 2025, the day the Russian Ministry of Foreign
  Affairs received the credentials.
- "In April 2025" is 17 April 2025, the day Russia's Supreme Court suspended the ban
  on the Taliban (as other reports of the ruling give it).
- "early 2025" for Donald Trump's return is 20 January 2025, the day the Twentieth
  Amendment to the US Constitution begins a President's term.
- The US-Taliban meeting "in Qatar" in March 2025: a wire report places it at Kabul
  airport on Thursday 20 March 2025, with Qatar facilitating. The event records the
  article's account; each citation keeps the date and place its source gives
  (``Citation.on``, ``Citation.place``), and ``Dossier.check()`` reports the
  disagreement.

Where a report quotes the Russian Ministry of Foreign Affairs, its words are the act's
``described_as`` and the statement's ``quote``, citing that report.

The headline — Russia is the first permanent member of the UN Security Council to
recognise the Islamic Emirate — is not typed in anywhere: it follows from
:data:`EVENTS` (see the Analysis documentation).

>>> RECOGNITION.recognized is ISLAMIC_EMIRATE
True
>>> CREDENTIALS.document
<CredentialDocument.TRUE_COPY: 'true-copy'>
>>> len(EVENTS)
19
"""

from __future__ import annotations

from typing import Any

from diplorec.actors import Envoy, Government, Official, Organization, Party, Person, Place, State
from diplorec.dates import When
from diplorec.events import (
    CodedEvent,
    CredentialPresentation,
    DesignationChange,
    DiplomaticTies,
    EnvoyAppointment,
    Event,
    Meeting,
    RecognitionAct,
    RecognitionPolicy,
    Statement,
)
from diplorec.provenance import Citation, Source
from diplorec.reference import (
    AFGHANISTAN,
    CHINA,
    FRANCE,
    P5,
    QATAR,
    RUSSIA,
    SOVIET_UNION,
    UNITED_KINGDOM,
    UNITED_STATES,
)
from diplorec.reference import UNITED_ARAB_EMIRATES as UAE
from diplorec.vocab import (
    Certainty,
    Characterization,
    CredentialDocument,
    DesignationAction,
    DiplomaticRank,
    LegalStatus,
    MeetingMode,
    OrganizationKind,
    PolicyStance,
    RecognitionForm,
    RecognitionInstrument,
    SourceKind,
    Stance,
)

__all__ = [
    "AFGHANISTAN",
    "APPOINTMENT",
    "ARTICLE",
    "BOUNTIES_LIFTED",
    "CHINA",
    "CHINA_TIES",
    "CREDENTIALS",
    "DELISTING",
    "DONALD_TRUMP",
    "EVENTS",
    "FRANCE",
    "GUL_HASSAN",
    "GUL_HASSAN_ENVOY",
    "ISLAMIC_EMIRATE",
    "KABUL",
    "KABUL_MEETING",
    "KABUL_MEETING_REPORT",
    "MFA_STATEMENT_REPORT",
    "MFA_WORDS",
    "MOSCOW",
    "MUJAHIDEEN",
    "MUTTAQI",
    "MUTTAQI_OFFICIAL",
    "P5",
    "PRISONERS_RELEASED",
    "QATAR",
    "QATAR_TIES",
    "RECOGNITION",
    "RECOGNITION_EFFORTS",
    "RECOGNITION_STATEMENT",
    "RUDENKO",
    "RUDENKO_OFFICIAL",
    "RUSSIA",
    "RUSSIAN_MFA",
    "RUSSIAN_SUPREME_COURT",
    "RUSSIA_TIES",
    "SOVIET_UNION",
    "SOVIET_WAR",
    "STATES",
    "TAKEOVER",
    "TALIBAN",
    "TALIBAN_MFA",
    "TRUMP_ADMINISTRATION",
    "TWENTIETH_AMENDMENT",
    "UAE",
    "UAE_TIES",
    "UNITED_KINGDOM",
    "UNITED_STATES",
    "US_POLICY",
    "US_PRESIDENT",
    "US_TALIBAN_MEETING",
    "US_WITHDRAWAL",
    "WELCOME",
    "ZHIRNOV",
    "ZHIRNOV_OFFICIAL",
]

# -- the source ----------------------------------------------------------------------

#: The news article the example encodes. It names no publisher and no date; it
#: reports Thursday 3 July 2025 as recent, so it appeared on or after that day.
ARTICLE = Source(
    title=(
        "Russia Officially Recognizes Taliban Government, Marking First UN Security "
        "Council Member to Do So"
    ),
    published=When.interval(When.day(2025, 7, 3), None),
    language="en",
    kind=SourceKind.NEWS,
)


def _news_report(title: str, publisher: str, url: str, published: When) -> Source:
    """A news report in English."""
    return Source(title=title, publisher=publisher, url=url, published=published, language="en")


#: A report that quotes the Russian Ministry of Foreign Affairs' statement of 3 July 2025.
MFA_STATEMENT_REPORT = _news_report(
    "Russia becomes the first country to recognise the Taliban government",
    "WION",
    (
        "https://www.wionews.com/world/"
        "russia-becomes-the-1st-country-to-recognise-taliban-government-1751575058741"
    ),
    When.day(2025, 7, 4),
)
#: The Russian ministry's words, as the report quotes them.
MFA_WORDS = (
    "We believe that the act of official recognition of the government of the Islamic "
    "Emirate of Afghanistan will give impetus to the development of productive bilateral "
    "cooperation between our countries in various fields."
)
#: A report of the US envoys' meeting at Kabul airport on Thursday 20 March 2025.
KABUL_MEETING_REPORT = _news_report(
    (
        "Trump's hostage envoy Boehler met with Taliban in Kabul in first in-person meeting "
        "since takeover"
    ),
    "Fox News",
    (
        "https://www.foxnews.com/world/"
        "trumps-hostage-envoy-boehler-met-taliban-kabul-first-person-meeting-since-takeover"
    ),
    When.day(2025, 3, 21),
)
#: The day a President's term begins.
TWENTIETH_AMENDMENT = Source(
    title="Constitution of the United States, Amendment XX",
    publisher="United States",
    language="en",
    kind=SourceKind.LEGAL_TEXT,
)


def _cite(quote: str) -> tuple[Citation, ...]:
    return (Citation(source=ARTICLE, quote=quote),)


# -- parties ---------------------------------------------------------------------------

#: The Taliban's government of Afghanistan, in power since August 2021. A government
#: of the state of Afghanistan, not the state itself.
ISLAMIC_EMIRATE = Government(
    name="Islamic Emirate of Afghanistan",
    state=AFGHANISTAN,
    aliases=("Taliban", "Taliban-led government"),
    in_power=When.interval(When.month(2021, 8), None),
)
#: The Taliban as a movement: the entity Russia had listed as a terrorist organisation.
TALIBAN = Organization(
    name="Taliban",
    kind=OrganizationKind.MOVEMENT,
    state=AFGHANISTAN,
)
#: The Afghan mujahideen who fought the Soviet Union; some later joined the Taliban.
MUJAHIDEEN = Organization(
    name="Afghan mujahideen",
    kind=OrganizationKind.MOVEMENT,
    state=AFGHANISTAN,
    aliases=("mujahideen",),
)


def _foreign_ministry(of: str, state: State) -> Organization:
    """The Ministry of Foreign Affairs of ``of``, a government of ``state``."""
    name = f"Ministry of Foreign Affairs of {of}"
    return Organization(name=name, kind=OrganizationKind.MINISTRY, state=state, acronym="MFA")


RUSSIAN_MFA = _foreign_ministry("the Russian Federation", RUSSIA)
TALIBAN_MFA = _foreign_ministry("the Islamic Emirate of Afghanistan", AFGHANISTAN)
RUSSIAN_SUPREME_COURT = Organization(
    name="Supreme Court of the Russian Federation",
    kind=OrganizationKind.COURT,
    state=RUSSIA,
)

# -- people ----------------------------------------------------------------------------

GUL_HASSAN = Person(name="Gul Hassan Hassan", transliterations=("Gul Hassan",))
RUDENKO = Person(name="Andrey Rudenko", transliterations=("Andrei Rudenko", "Андрей Руденко"))
ZHIRNOV = Person(name="Dmitry Zhirnov", transliterations=("Дмитрий Жирнов",))
MUTTAQI = Person(
    name="Amir Khan Muttaqi",
    transliterations=("Mawlawi Amir Khan Muttaqi",),
)
DONALD_TRUMP = Person(name="Donald Trump", wikidata="Q22686")

#: The Islamic Emirate's new ambassador to Russia, a head of mission of VCDR Art. 14(1)(a).
GUL_HASSAN_ENVOY = Envoy(
    person=GUL_HASSAN,
    rank=DiplomaticRank.AMBASSADOR,
    sending=ISLAMIC_EMIRATE,
    receiving=RUSSIA,
    title="Ambassador of the Islamic Emirate of Afghanistan to the Russian Federation",
)
RUDENKO_OFFICIAL = Official(
    person=RUDENKO,
    office="Deputy Minister of Foreign Affairs",
    on_behalf_of=RUSSIA,
)
ZHIRNOV_OFFICIAL = Official(
    person=ZHIRNOV,
    office="Ambassador of the Russian Federation to Afghanistan",
    on_behalf_of=RUSSIA,
)
#: The article calls him "Taliban Foreign Minister"; he holds the office as acting minister.
MUTTAQI_OFFICIAL = Official(
    person=MUTTAQI,
    office="Minister of Foreign Affairs",
    on_behalf_of=ISLAMIC_EMIRATE,
    acting=True,
)
#: Donald Trump's return to the presidency: "early 2025" in the article, 20 January 2025.
US_PRESIDENT = Official(
    person=DONALD_TRUMP,
    office="President of the United States",
    on_behalf_of=UNITED_STATES,
    term=When.interval(When.day(2025, 1, 20), None),
)
#: The US government under Donald Trump since his return to the presidency: a
#: government of the United States in power from 20 January 2025. Its id carries that
#: date, so it is a different party from his first administration (2017-2021).
TRUMP_ADMINISTRATION = Government(
    name="Trump administration",
    state=UNITED_STATES,
    aliases=("Washington", "Second Trump administration"),
    in_power=When.interval(When.day(2025, 1, 20), None),
)

# -- places ----------------------------------------------------------------------------

MOSCOW = Place(name="Moscow", country=RUSSIA, wikidata="Q649")
KABUL = Place(name="Kabul", country=AFGHANISTAN, wikidata="Q5838")

# -- events, oldest first ----------------------------------------------------------------


def _coded(
    on: When, cameo: str, description: str, actor: Party, target: Party, quote: str, **more: Any
) -> CodedEvent:
    """An event coded with a CAMEO code, citing the article's words ``quote``; ``more``
    are its other fields."""
    return CodedEvent(
        on=on,
        cameo=cameo,
        description=description,
        actor=actor,
        target=target,
        sources=_cite(quote),
        **more,
    )


SOVIET_WAR = _coded(
    When.interval(When.year(1979), When.year(1989)),
    "190",
    (
        "The Soviet Union fights the mujahideen in Afghanistan; some of the fighters later became "
        "integral to the Taliban."
    ),
    SOVIET_UNION,
    MUJAHIDEEN,
    (
        "the Soviet Union's protracted conflict in Afghanistan from 1979 to 1989 against "
        "the mujahideen fighters, some of whom later became integral to the Taliban"
    ),
    place=Place(name="Afghanistan", country=AFGHANISTAN),
    certainty=Certainty.CONFIRMED,
)
US_WITHDRAWAL = _coded(
    When.year(2021),
    "0874",
    "The United States withdraws its forces from Afghanistan.",
    UNITED_STATES,
    AFGHANISTAN,
    "the tumultuous U.S. withdrawal in 2021",
    certainty=Certainty.CONFIRMED,
)
TAKEOVER = _coded(
    When.month(2021, 8),
    "192",
    "The Taliban take power in Afghanistan and restore the Islamic Emirate.",
    TALIBAN,
    AFGHANISTAN,
    "since the group's takeover in August 2021",
    certainty=Certainty.CONFIRMED,
)

_AS_OF_ARTICLE = When.interval(When.month(2021, 8), When.day(2025, 7, 3))
_TIES_NOTE = (
    "Observed over the period from the Taliban's takeover to the article; the article "
    "does not say when the ties began."
)
_TIES_QUOTE = (
    "Although nations such as China, Qatar, and the UAE have maintained diplomatic "
    "relations with the Taliban and exchanged diplomats, they have not granted full "
    "recognition."
)

RUSSIA_TIES = DiplomaticTies(
    # Ties without recognition end the day before Russia's recognition of 3 July 2025.
    on=When.interval(When.month(2021, 8), When.day(2025, 7, 2)),
    parties=(RUSSIA, ISLAMIC_EMIRATE),
    formal_recognition=False,
    notes=(
        "Russia kept its embassy in Kabul open after the Taliban took power; the ties "
        "were without recognition until the recognition of 3 July 2025."
    ),
    sources=_cite(
        "Russia retained a diplomatic presence in Kabul even after the Taliban regained "
        "power following the tumultuous U.S. withdrawal in 2021"
    ),
)
CHINA_TIES, QATAR_TIES, UAE_TIES = (
    DiplomaticTies(
        on=_AS_OF_ARTICLE,
        parties=(state, ISLAMIC_EMIRATE),
        envoys_exchanged=True,
        formal_recognition=False,
        notes=_TIES_NOTE,
        sources=_cite(_TIES_QUOTE),
    )
    for state in (CHINA, QATAR, UAE)
)

_AFTER_TRUMP_RETURN = When.interval(When.day(2025, 1, 20), When.day(2025, 7, 3))
_OVERTURES_NOTE = (
    "The article gives no date. It places these overtures after Donald Trump returned to "
    "the presidency (20 January 2025; 'early 2025' in the article) and before its own "
    "report of 3 July 2025."
)
_OVERTURES_QUOTE = (
    "Several diplomatic overtures, including the release of American prisoners and the "
    "lifting of bounties on Taliban officials, have hinted at a potential easing of tensions."
)


RECOGNITION_EFFORTS = _coded(
    _AFTER_TRUMP_RETURN,
    "022",
    "The Taliban intensify their efforts to win recognition from the United States.",
    ISLAMIC_EMIRATE,
    UNITED_STATES,
    (
        "The Taliban has intensified efforts for recognition from the U.S., particularly "
        "after Donald Trump returned to the presidency in early 2025."
    ),
    notes=_OVERTURES_NOTE,
)
PRISONERS_RELEASED = _coded(
    _AFTER_TRUMP_RETURN,
    "0841",
    "The Taliban release American prisoners.",
    ISLAMIC_EMIRATE,
    UNITED_STATES,
    _OVERTURES_QUOTE,
    notes=_OVERTURES_NOTE,
)
BOUNTIES_LIFTED = _coded(
    _AFTER_TRUMP_RETURN,
    "081",
    "The United States lifts bounties on Taliban officials.",
    UNITED_STATES,
    ISLAMIC_EMIRATE,
    _OVERTURES_QUOTE,
    notes=_OVERTURES_NOTE,
)

_ARTICLE_ON_THE_MEETING = (
    "A meeting in March 2025 between U.S. and Taliban representatives in Qatar explored the "
    "possibility of deeper diplomatic engagement, including the establishment of a "
    "quasi-embassy in the U.S."
)

#: The article's account: a meeting in Qatar in March 2025. A wire report places it at
#: Kabul airport on Thursday 20 March 2025, after talks in Doha, with Qatar facilitating;
#: its citation keeps that date and place, and ``Dossier.check()`` reports the difference.
US_TALIBAN_MEETING = Meeting(
    on=When.month(2025, 3),
    participants=(UNITED_STATES, ISLAMIC_EMIRATE),
    mode=MeetingMode.IN_PERSON,
    host=QATAR,
    place=Place(name="Qatar", country=QATAR),
    subject=(
        "The possibility of deeper diplomatic engagement, including the establishment of a "
        "quasi-embassy in the United States."
    ),
    notes=(
        "The article gives the month, not the day, and places the meeting in Qatar. A wire "
        "report has US envoy Adam Boehler meeting the acting foreign minister at Kabul "
        "airport on Thursday 20 March 2025, after meetings in Doha, with Qatar facilitating: "
        "the sources disagree on the place."
    ),
    sources=(
        Citation(
            source=ARTICLE,
            quote=_ARTICLE_ON_THE_MEETING,
            on=When.month(2025, 3),
            place=Place(name="Qatar", country=QATAR),
        ),
        Citation(
            source=KABUL_MEETING_REPORT,
            quote=(
                "U.S. envoy Adam Boehler came to Doha. He had meetings over here, and then we "
                "moved to Kabul, where he had meetings in the airport with the foreign "
                "minister and other Afghan officials"
            ),
            locator="Majed al-Ansari, spokesman of Qatar's prime minister",
            on=When.day(2025, 3, 20),
            place=KABUL,
        ),
    ),
)

DELISTING = DesignationChange(
    on=When.day(2025, 4, 17),
    authority=RUSSIAN_SUPREME_COURT,
    entity=TALIBAN,
    action=DesignationAction.SUSPEND,
    list_name="Russia's list of banned terrorist organisations",
    certainty=Certainty.CONFIRMED,
    notes=(
        "The article says 'April 2025'; the day, 17 April 2025, is that of the Supreme "
        "Court's ruling suspending the ban, in force since 2003, as other reports give it."
    ),
    sources=_cite(
        "In April 2025, Russia made a significant move towards normalizing relations by "
        "removing the Taliban from its list of banned terrorist organizations."
    ),
)

APPOINTMENT = EnvoyAppointment(
    on=When.interval(None, When.day(2025, 7, 3)),
    envoy=GUL_HASSAN_ENVOY,
    notes="The article calls him 'newly appointed' and does not date the appointment.",
    sources=_cite("Gul Hassan Hassan, the Taliban's newly appointed ambassador"),
)

_THURSDAY = When.day(2025, 7, 3)
_THURSDAY_NOTE = "'On Thursday' in the article: Thursday 3 July 2025."

#: Gul Hassan hands a true copy of his credentials to a deputy foreign minister
#: (VCDR Art. 13), not letters of credence to the head of state.
CREDENTIALS = CredentialPresentation(
    on=_THURSDAY,
    envoy=GUL_HASSAN_ENVOY,
    document=CredentialDocument.TRUE_COPY,
    received_by=RUDENKO_OFFICIAL,
    place=MOSCOW,
    certainty=Certainty.CONFIRMED,
    notes=_THURSDAY_NOTE + " The ministry released photographs of the presentation.",
    sources=_cite(
        "Photographs released by the ministry depict Gul Hassan Hassan presenting his "
        "credentials to Russian Deputy Foreign Minister Andrey Rudenko in Moscow."
    ),
)

#: Russia recognises the *government* of Afghanistan by accepting its ambassador's
#: credentials, an act its foreign ministry itself called official recognition. The
#: act is the acceptance of those credentials: the state receiving the envoy recognises
#: the government sending him, on the day and at the place of the presentation.
RECOGNITION = RecognitionAct(
    on=CREDENTIALS.on,
    recognizer=CREDENTIALS.envoy.receiving,
    recognized=CREDENTIALS.envoy.sending,
    legal_status=LegalStatus.DE_JURE,
    form=RecognitionForm.EXPRESS,
    instrument=RecognitionInstrument.ACCEPTANCE_OF_CREDENTIALS,
    characterization=Characterization.CALLED_RECOGNITION,
    described_as="the act of official recognition of the government of the Islamic Emirate "
    "of Afghanistan",
    basis=(CREDENTIALS.id,),
    place=CREDENTIALS.place,
    certainty=Certainty.CONFIRMED,
    notes=(
        _THURSDAY_NOTE + " The ministry's words, as the report quotes them, describe the act; "
        "nothing in the sources limits it to de facto recognition."
    ),
    sources=(
        *_cite(
            "On Thursday, the Russian Foreign Ministry revealed that it had formally accepted "
            "the credentials of Gul Hassan Hassan, the Taliban's newly appointed ambassador, "
            "signifying a historic step towards normalized relations."
        ),
        Citation(source=MFA_STATEMENT_REPORT, quote=MFA_WORDS),
    ),
)

RECOGNITION_STATEMENT = Statement(
    on=_THURSDAY,
    speaker=RUSSIAN_MFA,
    stance=Stance.ANNOUNCES,
    concerning=(RECOGNITION.id,),
    about=(ISLAMIC_EMIRATE,),
    quote=MFA_WORDS,
    notes=(
        "Expects the recognition to stimulate bilateral cooperation in trade, energy, "
        "agriculture, infrastructure and regional security. The quote is the ministry's, "
        "as the report cites it."
    ),
    sources=(
        *_cite(
            "The Russian foreign ministry stated that the official recognition of the Islamic "
            "Emirate of Afghanistan's government is expected to stimulate productive bilateral "
            "cooperation across several fields, including trade, energy, agriculture, "
            "infrastructure, and regional security."
        ),
        Citation(source=MFA_STATEMENT_REPORT, quote=MFA_WORDS),
    ),
)

KABUL_MEETING = Meeting(
    on=_THURSDAY,
    participants=(ZHIRNOV_OFFICIAL, MUTTAQI_OFFICIAL),
    mode=MeetingMode.IN_PERSON,
    host=ISLAMIC_EMIRATE,
    place=KABUL,
    subject="To formally communicate Moscow's recognition.",
    concerning=(RECOGNITION.id,),
    notes="'Concurrently' with the presentation in Moscow: the same day.",
    sources=_cite(
        "Concurrently, Dmitry Zhirnov, Russia's Ambassador to Kabul, met with Taliban Foreign "
        "Minister Mawlawi Amir Khan Muttaqi to formally communicate Moscow's recognition."
    ),
)

WELCOME = Statement(
    on=_THURSDAY,
    speaker=TALIBAN_MFA,
    stance=Stance.WELCOMES,
    concerning=(RECOGNITION.id,),
    quote="positive and important",
    sources=_cite(
        "The Taliban's Ministry of Foreign Affairs welcomed the decision, calling it "
        '"positive and important"'
    ),
)

#: "Washington has yet to take definitive steps towards recognition": as of the article,
#: the US government neither recognises the Islamic Emirate nor refuses to. A neutral
#: policy, reported by the article (not stated by Washington), held by the government in
#: power since Donald Trump's return; the ledger counts no recognition from it.
US_POLICY = RecognitionPolicy(
    on=_THURSDAY,
    holder=TRUMP_ADMINISTRATION,
    stance=PolicyStance.NEUTRAL,
    subject=ISLAMIC_EMIRATE,
    notes=(
        "The article reports the position as of its writing (on or after 3 July 2025) and "
        "does not say since when it has held. The holder is the US government under Donald "
        "Trump, who returned to the presidency on 20 January 2025 ('early 2025' in the "
        "article; the day a President's term begins under the Twentieth Amendment)."
    ),
    sources=(
        *_cite("However, Washington has yet to take definitive steps towards recognition."),
        *_cite("particularly after Donald Trump returned to the presidency in early 2025"),
        Citation(
            source=TWENTIETH_AMENDMENT,
            quote="The terms of the President and the Vice President shall end at noon on "
            "the 20th day of January",
            locator="Section 1",
        ),
    ),
)

#: Every event of the example, oldest first.
EVENTS: tuple[Event, ...] = (
    SOVIET_WAR,
    US_WITHDRAWAL,
    TAKEOVER,
    RUSSIA_TIES,
    CHINA_TIES,
    QATAR_TIES,
    UAE_TIES,
    RECOGNITION_EFFORTS,
    PRISONERS_RELEASED,
    BOUNTIES_LIFTED,
    US_TALIBAN_MEETING,
    DELISTING,
    APPOINTMENT,
    CREDENTIALS,
    RECOGNITION,
    RECOGNITION_STATEMENT,
    KABUL_MEETING,
    WELCOME,
    US_POLICY,
)

#: Every state of the example: the parties and the five permanent members.
STATES: tuple[State, ...] = (AFGHANISTAN, QATAR, UAE, SOVIET_UNION, *P5)

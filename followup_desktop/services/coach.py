"""The coach: checks of a draft against the follow-up advice; each passes or warns, never blocks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from followup_desktop.services.templates import unfilled_slots
from followup_desktop.services.wording import counted
from followup_desktop.services.workdays import WorkCalendar

#: Words a reader takes in at a glance per channel; a card must also fit its paper.
WORD_LIMITS = {"email": 200, "note": 110, "letter": 300}
CHANNEL_NAMES = {"email": "an e-mail", "note": "a handwritten note", "letter": "a letter"}

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_THANKS = re.compile(r"\b(thank|thanks|grateful|appreciat)", re.IGNORECASE)
_ENTHUSIASM = re.compile(
    r"\b(excit|enthusias|eager|keen|delight|thrill|enjoy|glad|pleasure|look(ing)? forward|"
    r"interest|love to|passion|motivat)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()./-]{6,}\d")
_STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "about",
        "how",
        "what",
        "when",
        "which",
        "that",
        "this",
        "these",
        "those",
        "from",
        "into",
        "over",
        "your",
        "our",
        "my",
        "their",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "we",
        "you",
        "i",
        "they",
        "team",
    ]
)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class CoachCheck:
    """One check's verdict with a one-line reason."""

    key: str
    title: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class HandLetters:
    """The hand of a note or letter against its text, as the note engine found it."""

    family: str
    #: Letters the hand cannot write, in order of first use.
    missing: tuple[str, ...] = ()
    #: The hands that can write every letter of the text.
    complete_hands: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftFacts:
    """What the coach knows about a draft and the follow-up it belongs to."""

    text: str
    channel: str
    today: dt.date
    #: The follow-up's reason (thank_you, status_check…) and due day, when there is one.
    reason: str = ""
    due_on: dt.date | None = None
    #: The day of the conversation a thank-you refers to.
    conversation_on: dt.date | None = None
    thank_you_delay_days: int = 1
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    recipient_names: tuple[str, ...] = ()
    company: str = ""
    position: str = ""
    #: Things said in the last conversation: topic, open question, concern.
    references: tuple[str, ...] = ()
    my_email: str = ""
    my_phone: str = ""
    #: True when the contact block is printed under a note (not part of the text).
    contact_block: bool = False
    #: None when the channel has no card; else whether the note fits it, and the overflow.
    fits_card: bool | None = None
    overflow_words: int = 0
    #: A planned follow-up (this one or a later one) keeps the application moving.
    has_next_step: bool = True
    #: The hand a note or letter is written in ("" for an e-mail): its letters are checked.
    hand: str = ""
    #: Letters of the text the hand cannot write; another font draws them.
    letters_not_in_hand: tuple[str, ...] = ()
    #: The hands that can write every letter of the text.
    complete_hands: tuple[str, ...] = ()


def _contains(text: str, phrase: str) -> bool:
    return bool(phrase.strip()) and phrase.strip().lower() in text.lower()


def _mentions_reference(text: str, reference: str) -> bool:
    """True when most of a reference's significant words are in the text."""
    words = {w.lower() for w in _WORD.findall(reference)} - _STOP_WORDS
    words = {w for w in words if len(w) > 2}
    if not words:
        return False
    lowered = {w.lower() for w in _WORD.findall(text)}
    return len(words & lowered) * 2 >= len(words)


def check_timing(facts: DraftFacts) -> CoachCheck:
    title = "Follow up quickly"
    if facts.reason == "thank_you" and facts.conversation_on is not None:
        deadline = facts.calendar.add(facts.conversation_on, max(1, facts.thank_you_delay_days))
        late = (facts.today - deadline).days
        if late > 0:
            return CoachCheck(
                "timing",
                title,
                False,
                f"The conversation was {(facts.today - facts.conversation_on).days} days ago: "
                "send this today.",
            )
        return CoachCheck("timing", title, True, "Written while the conversation is fresh.")
    if facts.due_on is not None and facts.today > facts.due_on:
        days = (facts.today - facts.due_on).days
        plural = "s" if days != 1 else ""
        return CoachCheck("timing", title, False, f"{days} day{plural} overdue: send it today.")
    if facts.due_on is not None:
        return CoachCheck("timing", title, True, f"On time: due {facts.due_on:%d %b}.")
    return CoachCheck("timing", title, True, "No deadline for this letter.")


def check_channel(facts: DraftFacts) -> CoachCheck:
    title = "Choose how you follow up"
    if facts.channel in CHANNEL_NAMES:
        return CoachCheck(
            "channel", title, True, f"Sent as {CHANNEL_NAMES[facts.channel]}: a direct channel."
        )
    return CoachCheck(
        "channel", title, False, "Choose e-mail, a handwritten note or a letter (or call)."
    )


def check_next_step(facts: DraftFacts) -> CoachCheck:
    title = "Contact each company"
    if facts.has_next_step:
        who = facts.company or "this application"
        return CoachCheck("next_step", title, True, f"A next step is planned for {who}.")
    return CoachCheck(
        "next_step", title, False, "Nothing is planned for this application: plan a follow-up."
    )


def check_personal(facts: DraftFacts) -> CoachCheck:
    title = "Make it personal and specific"
    text = facts.text
    unfilled = unfilled_slots(text)
    if unfilled:
        slots = ", ".join("{" + name + "}" for name in unfilled)
        return CoachCheck("personal", title, False, f"Fill in {slots}.")
    missing = []
    names = [name for name in facts.recipient_names if name.strip()]
    if names and not any(_contains(text, name) for name in names):
        missing.append("their name")
    if facts.company and not _contains(text, facts.company):
        missing.append("the company")
    if facts.position and not _contains(text, facts.position):
        missing.append("the position")
    references = [r for r in facts.references if r.strip()]
    if references and not any(_mentions_reference(text, r) for r in references):
        missing.append("something from your conversation")
    if missing:
        return CoachCheck("personal", title, False, "Mention " + _join(missing) + ".")
    return CoachCheck(
        "personal", title, True, "Names the person, the company and the role, and is specific."
    )


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def check_brief(facts: DraftFacts) -> CoachCheck:
    title = "Be brief"
    words = word_count(facts.text)
    limit = WORD_LIMITS.get(facts.channel, WORD_LIMITS["email"])
    if facts.fits_card is False:
        return CoachCheck(
            "brief",
            title,
            False,
            f"Does not fit the card: {counted(facts.overflow_words, 'word')} too many; shorten it "
            "or pick a larger card.",
        )
    if words > limit:
        return CoachCheck(
            "brief", title, False, f"{words} words: keep it under {limit} so it gets read."
        )
    fits = " and fits the card" if facts.fits_card else ""
    return CoachCheck("brief", title, True, f"{words} of {limit} words{fits}.")


def check_enthusiasm(facts: DraftFacts) -> CoachCheck:
    title = "Show enthusiasm"
    if _ENTHUSIASM.search(facts.text):
        return CoachCheck("enthusiasm", title, True, "Your interest in the role comes through.")
    return CoachCheck(
        "enthusiasm", title, False, "Say that you are keen on the role or enjoyed the talk."
    )


def check_contact_info(facts: DraftFacts) -> CoachCheck:
    title = "State your contact information"
    text = facts.text
    present = (
        _contains(text, facts.my_email)
        or _contains(text, facts.my_phone)
        or bool(_EMAIL.search(text))
        or bool(_PHONE.search(text))
        or facts.contact_block
    )
    if present:
        return CoachCheck("contact", title, True, "They can reach you straight from it.")
    if facts.channel == "note":
        return CoachCheck(
            "contact", title, True, "Optional on a card; add your contact line if they need it."
        )
    return CoachCheck("contact", title, False, "Add your e-mail address or phone number.")


def check_thanks(facts: DraftFacts) -> CoachCheck:
    title = "Say thank you"
    if _THANKS.search(facts.text):
        return CoachCheck("thanks", title, True, "You thank them.")
    return CoachCheck("thanks", title, False, "Thank them for their time.")


def check_hand(facts: DraftFacts) -> CoachCheck:
    title = "Every letter in your hand"
    missing = facts.letters_not_in_hand
    if not missing:
        return CoachCheck("hand", title, True, f"{facts.hand} writes every letter of it.")
    shown = list(missing[:6]) + (["…"] if len(missing) > 6 else [])
    verb = "is" if len(missing) == 1 else "are"
    reason = f"{_join(shown)} {verb} not in this hand: another font draws "
    reason += "it." if len(missing) == 1 else "them."
    others = [hand for hand in facts.complete_hands if hand != facts.hand]
    if others:
        reason += f" {_join(others)} " + ("has" if len(others) == 1 else "have") + " every letter."
    return CoachCheck("hand", title, False, reason)


CHECKS = (
    check_timing,
    check_channel,
    check_next_step,
    check_personal,
    check_brief,
    check_enthusiasm,
    check_contact_info,
    check_thanks,
)


def run_checks(facts: DraftFacts) -> list[CoachCheck]:
    """Every check on the draft, in the order of the advice; the hand's letters last, for a
    draft written by hand."""
    checks = [check(facts) for check in CHECKS]
    if facts.hand:
        checks.append(check_hand(facts))
    return checks

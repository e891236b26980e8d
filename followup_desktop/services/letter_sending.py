"""Marking a letter sent: log the conversation it was and complete its follow-up, in one step."""

from __future__ import annotations

import datetime as dt

from followup_desktop.db.models import FollowUp, Letter, database
from followup_desktop.services.follow_up_actions import complete_follow_up
from followup_desktop.services.interactions import log_interaction

#: The log's channel and kind for each letter channel.
_LOGGED_AS = {"email": ("email", "email"), "note": ("note", "note"), "letter": ("note", "note")}
_SENT_WHAT = {
    "email": "Sent an e-mail",
    "note": "Sent a handwritten note",
    "letter": "Sent a letter",
}


class LetterSendError(Exception):
    """The letter cannot be marked sent; the message says why in one line."""


def mark_letter_sent(letter_id: int, *, when: dt.datetime | None = None) -> str:
    """Mark the letter sent, log it, and complete its planned follow-up; return a summary."""
    when = (when or dt.datetime.now()).replace(microsecond=0)
    with database.atomic("IMMEDIATE"):
        letter = Letter.get_or_none(Letter.id == letter_id)
        if letter is None:
            raise LetterSendError("That letter no longer exists.")
        if letter.state == "sent":
            raise LetterSendError("That letter is already marked sent.")
        if not letter.body.strip():
            raise LetterSendError("The letter is empty.")
        channel, kind = _LOGGED_AS.get(letter.channel, ("note", "note"))
        what = _SENT_WHAT.get(letter.channel, "Sent a letter")
        summary = f"{what}: {letter.subject}" if letter.subject.strip() else what
        Letter.update(state="sent", sent_at=when, updated_at=when).where(
            Letter.id == letter_id
        ).execute()
        follow_up = (
            FollowUp.get_or_none(FollowUp.id == letter.follow_up_id)
            if letter.follow_up_id
            else None
        )
        if follow_up is not None and follow_up.state == "planned":
            complete_follow_up(
                follow_up.id, outcome=summary, channel=channel, kind=kind, occurred_at=when
            )
            return f"{summary}. The follow-up is done and logged."
        if letter.application_id is None and letter.contact_id is None:
            return f"{summary}."
        log_interaction(
            application_id=letter.application_id,
            contact_id=letter.contact_id,
            company_id=None,
            occurred_at=when,
            channel=channel,
            direction="outbound",
            kind=kind,
            summary=summary,
        )
        return f"{summary}. Logged."

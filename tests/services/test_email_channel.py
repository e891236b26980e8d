"""The e-mail channel: mailto links that survive any text, .eml drafts, and marking sent."""

from __future__ import annotations

import datetime as dt
import email
from email.policy import default
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import QUrl

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Letter,
)
from followup_desktop.services.email_message import eml_bytes, mailto_url
from followup_desktop.services.letter_sending import LetterSendError, mark_letter_sent

TRICKY_SUBJECT = "Café & co: 2+2 = 4?"
TRICKY_BODY = "Dear Zoë,\n\nR&D + QA, 100% sure; see #3 & the ‘plan’.\nBest,\nJürgen"


def test_mailto_encodes_non_ascii_ampersand_plus_and_newlines() -> None:
    url = mailto_url("zoe.müller@example.com", TRICKY_SUBJECT, TRICKY_BODY)
    assert url.isascii()
    assert " " not in url and "\n" not in url
    assert "+" not in url.split("?", 1)[1]  # a literal + would read as a space
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "zoe.müller@example.com"
    fields = parse_qs(parts.query, keep_blank_values=True)
    assert set(fields) == {"subject", "body"}  # the & in the text did not split a field
    assert fields["subject"] == [TRICKY_SUBJECT]
    assert fields["body"] == [TRICKY_BODY.replace("\n", "\r\n")]
    # Qt reads it back unchanged, as the mail program will.
    qurl = QUrl.fromEncoded(url.encode("ascii"))
    assert qurl.isValid()
    assert qurl.scheme() == "mailto"
    assert "%0D%0A" in qurl.toEncoded().data().decode()


def test_mailto_without_subject_or_body() -> None:
    assert mailto_url("a@example.com", "", "") == "mailto:a@example.com"


def test_eml_round_trips_headers_and_body() -> None:
    data = eml_bytes(
        sender_name="Jordan Rivera",
        sender_email="jordan@example.com",
        to_name="Zoë Müller",
        to_email="zoe@example.com",
        subject=TRICKY_SUBJECT,
        body=TRICKY_BODY,
        when=dt.datetime(2026, 3, 11, 9, 30),
    )
    message = email.message_from_bytes(data, policy=default)
    assert message["Subject"] == TRICKY_SUBJECT
    assert message["To"].addresses[0].display_name == "Zoë Müller"
    assert message["From"].addresses[0].addr_spec == "jordan@example.com"
    assert message["X-Unsent"] == "1"
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == TRICKY_BODY


@pytest.fixture
def letter_for_follow_up(store: StoreInfo) -> Letter:
    company = Company.create(name="Northwind")
    contact = Contact.create(first_name="Amelia", last_name="Berg", company=company)
    application = Application.create(company=company, position="Analyst", stage=2, contact=contact)
    follow_up = FollowUp.create(
        application=application,
        contact=contact,
        due_on=dt.date.today(),
        channel="note",
        reason="thank_you",
    )
    return Letter.create(
        follow_up=follow_up,
        application=application,
        contact=contact,
        channel="note",
        subject="Thank you",
        body="Dear Amelia,\n\nThank you.\n\nBest,\nJordan",
    )


def test_marking_sent_logs_the_note_and_completes_the_follow_up(
    letter_for_follow_up: Letter,
) -> None:
    when = dt.datetime(2026, 3, 11, 15, 0)
    message = mark_letter_sent(letter_for_follow_up.id, when=when)
    assert "follow-up is done" in message
    letter = Letter.get_by_id(letter_for_follow_up.id)
    assert letter.state == "sent"
    assert letter.sent_at == when
    follow_up = FollowUp.get_by_id(letter.follow_up_id)
    assert follow_up.state == "done"
    logged = Interaction.get(Interaction.application == letter.application_id)
    assert (logged.channel, logged.kind, logged.direction) == ("note", "note", "outbound")
    assert logged.summary == "Sent a handwritten note: Thank you"
    with pytest.raises(LetterSendError, match="already marked sent"):
        mark_letter_sent(letter.id)


def test_marking_sent_without_a_follow_up_still_logs(letter_for_follow_up: Letter) -> None:
    Letter.update(follow_up=None, channel="email").where(
        Letter.id == letter_for_follow_up.id
    ).execute()
    message = mark_letter_sent(letter_for_follow_up.id)
    assert message.endswith("Logged.")
    assert Interaction.get(Interaction.contact == letter_for_follow_up.contact_id).kind == "email"


def test_marking_an_empty_or_missing_letter_fails_with_a_reason(
    letter_for_follow_up: Letter,
) -> None:
    Letter.update(body="  ").where(Letter.id == letter_for_follow_up.id).execute()
    with pytest.raises(LetterSendError, match="empty"):
        mark_letter_sent(letter_for_follow_up.id)
    with pytest.raises(LetterSendError, match="no longer exists"):
        mark_letter_sent(9999)
    assert Letter.get_by_id(letter_for_follow_up.id).state == "draft"

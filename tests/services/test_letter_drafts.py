"""The composer's letters in the store, without widgets: read, saved, addresses and choices kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Letter
from followup_desktop.services.coach_context import draft_checks, draft_subject
from followup_desktop.services.letter_drafts import (
    DraftContent,
    follow_up_to_write,
    keep_envelope_address,
    latest_letter_for,
    recipient_email,
    remember_note_layout,
    save_letter_draft,
    stored_letter,
)
from followup_desktop.services.letter_jobs import (
    due_note_jobs,
    due_note_letters,
    job_for_letter,
    job_for_recipient,
)
from followup_desktop.services.profile import get_profile
from followup_desktop.services.settings import contact_block_on_notes, note_margin_mm
from followup_desktop.services.templates import all_templates, save_user_template

NOW = dt.datetime(2026, 3, 2, 9, 30)


def _content(body: str = "Dear Ada, thank you!", **changes: object) -> DraftContent:
    fields: dict[str, object] = {
        "subject": "Thanks",
        "body": body,
        "channel": "note",
        "template": "thank_you",
        "card_size": "A6",
        "folded": True,
        "landscape": False,
        "font": "",
        "ink": "ballpoint-blue",
        "neatness": 0.7,
        "seed": 42,
    }
    fields.update(changes)
    return DraftContent(**fields)  # type: ignore[arg-type]


@pytest.fixture
def follow_up(store: StoreInfo) -> FollowUp:
    company = Company.create(name="Acme", address="1 Main St\nSpringfield")
    contact = Contact.create(
        first_name="Ada", last_name="Byron", company=company, email="ada@example.com"
    )
    application = Application.create(company=company, contact=contact, position="Analyst", stage=2)
    return FollowUp.create(
        application=application,
        contact=contact,
        due_on=dt.date(2026, 3, 2),
        channel="note",
        reason="thank_you",
    )


def test_a_draft_is_created_then_updated_and_read_back_as_values(follow_up: FollowUp) -> None:
    ids = {
        "follow_up_id": follow_up.id,
        "application_id": follow_up.application_id,
        "contact_id": follow_up.contact_id,
    }
    letter_id = save_letter_draft(_content(), letter_id=None, now=NOW, **ids)
    later = NOW + dt.timedelta(minutes=1)
    again = save_letter_draft(
        _content("Dear Ada, thanks again!"), letter_id=letter_id, now=later, **ids
    )
    assert again == letter_id
    assert Letter.select().count() == 1
    stored = stored_letter(letter_id)
    assert stored is not None
    assert (stored.follow_up_id, stored.application_id, stored.contact_id) == tuple(ids.values())
    assert stored.state == "draft" and stored.sent_at is None
    assert stored.content == _content("Dear Ada, thanks again!")
    assert Letter.get_by_id(letter_id).updated_at == later
    assert Letter.get_by_id(letter_id).created_at == NOW
    assert latest_letter_for(follow_up.id) == stored
    assert stored_letter(letter_id + 1) is None


def test_the_latest_letter_of_a_follow_up_is_the_last_changed(follow_up: FollowUp) -> None:
    assert latest_letter_for(follow_up.id) is None
    first = save_letter_draft(
        _content("first"),
        letter_id=None,
        follow_up_id=follow_up.id,
        application_id=None,
        contact_id=None,
        now=NOW,
    )
    second = save_letter_draft(
        _content("second"),
        letter_id=None,
        follow_up_id=follow_up.id,
        application_id=None,
        contact_id=None,
        now=NOW + dt.timedelta(hours=1),
    )
    latest = latest_letter_for(follow_up.id)
    assert latest is not None and latest.id == second != first


def test_the_follow_up_to_write_for(follow_up: FollowUp) -> None:
    target = follow_up_to_write(follow_up.id)
    assert target is not None
    assert target == (
        follow_up.id,
        follow_up.application_id,
        follow_up.contact_id,
        "note",
        "thank_you",
    )
    assert follow_up_to_write(follow_up.id + 100) is None


def test_recipient_email(follow_up: FollowUp) -> None:
    assert recipient_email(follow_up.contact_id) == ("Ada Byron", "ada@example.com")
    assert recipient_email(None) == ("", "")
    assert recipient_email(follow_up.contact_id + 100) == ("", "")


def test_envelope_addresses_are_kept_where_they_belong(follow_up: FollowUp) -> None:
    keep_envelope_address(
        "recipient",
        "  9 Elm Road\nShelbyville ",
        contact_id=follow_up.contact_id,
        application_id=None,
    )
    assert Contact.get_by_id(follow_up.contact_id).address == "9 Elm Road\nShelbyville"
    keep_envelope_address(
        "recipient", "2 Dock Lane", contact_id=None, application_id=follow_up.application_id
    )
    company_id = Application.get_by_id(follow_up.application_id).company_id
    assert Company.get_by_id(company_id).address == "2 Dock Lane"
    keep_envelope_address("sender", "5 Home Row", contact_id=None, application_id=None)
    assert get_profile().address == "5 Home Row"
    with pytest.raises(ValueError, match="Type the postal address first"):
        keep_envelope_address("sender", "  ", contact_id=None, application_id=None)


def test_the_contact_line_and_margin_are_remembered(store: StoreInfo) -> None:
    remember_note_layout(contact_block=True, margin_mm=12.0)
    assert contact_block_on_notes() is True
    assert note_margin_mm() == 12.0
    remember_note_layout(contact_block=False, margin_mm=None)
    assert contact_block_on_notes() is False
    assert note_margin_mm() is None


def test_a_job_for_a_letter_not_written_yet_is_the_unsaved_letters_job(
    follow_up: FollowUp,
) -> None:
    job = job_for_recipient(
        application_id=follow_up.application_id, contact_id=follow_up.contact_id, channel="letter"
    )
    unsaved = Letter(
        application=follow_up.application_id, contact=follow_up.contact_id, channel="letter"
    )
    assert job == job_for_letter(unsaved)
    assert job.recipient_name == "Ada Byron"
    assert job.recipient_address[-1] == "Springfield"


def test_due_note_jobs_follow_the_due_note_letters(follow_up: FollowUp) -> None:
    save_letter_draft(
        _content(),
        letter_id=None,
        follow_up_id=follow_up.id,
        application_id=None,
        contact_id=follow_up.contact_id,
        now=NOW,
    )
    until = dt.date(2026, 3, 5)
    jobs = due_note_jobs(until)
    assert jobs == [job_for_letter(letter) for letter in due_note_letters(until)]
    assert len(jobs) == 1 and jobs[0].text == "Dear Ada, thank you!"
    assert due_note_jobs(dt.date(2026, 3, 1)) == []


def test_the_coach_checks_nothing_until_there_is_someone_or_some_text(
    follow_up: FollowUp,
) -> None:
    today = dt.date(2026, 3, 2)
    assert draft_checks(None, text="  ", channel="note", today=today) == []
    unaddressed = draft_checks(None, text="Thank you!", channel="note", today=today)
    assert unaddressed and {check.key for check in unaddressed} >= {"thanks"}
    subject = draft_subject(follow_up_id=follow_up.id, application_id=None, contact_id=None)
    checks = draft_checks(subject, text="", channel="note", today=today)
    assert len(checks) == len(unaddressed)


def test_a_users_template_is_saved_and_saved_again_under_its_title(
    store: StoreInfo, tmp_path: Path
) -> None:
    saved = save_user_template(
        tmp_path, title=" Short thanks ", subject=" Thanks ", body="Hi {first_name}!"
    )
    assert (saved.key, saved.title, saved.subject, saved.builtin) == (
        "short_thanks",
        "Short thanks",
        "Thanks",
        False,
    )
    path = tmp_path / "templates" / "short_thanks.txt"
    assert (
        path.read_text(encoding="utf-8")
        == "Title: Short thanks\nSubject: Thanks\n\nHi {first_name}!\n"
    )
    builtin = next(t for t in all_templates() if t.builtin)
    edited = save_user_template(
        tmp_path, title=builtin.title, subject="", body="Mine now.", current=builtin
    )
    assert edited.key == builtin.key
    mine = {t.key: t for t in all_templates(tmp_path)}
    assert mine[builtin.key].body == "Mine now." and not mine[builtin.key].builtin


def test_nothing_is_stored_for_an_empty_new_letter_or_for_nobody(follow_up: FollowUp) -> None:
    empty = _content("  ", subject=" ")
    assert (
        save_letter_draft(
            empty,
            letter_id=None,
            follow_up_id=follow_up.id,
            application_id=None,
            contact_id=None,
            now=NOW,
        )
        is None
    )
    assert (
        save_letter_draft(
            _content(),
            letter_id=None,
            follow_up_id=None,
            application_id=None,
            contact_id=None,
            now=NOW,
        )
        is None
    )
    assert Letter.select().count() == 0
    letter_id = save_letter_draft(
        _content(),
        letter_id=None,
        follow_up_id=follow_up.id,
        application_id=None,
        contact_id=None,
        now=NOW,
    )
    assert letter_id is not None
    # A stored letter may be emptied: the empty text is kept.
    assert (
        save_letter_draft(
            empty,
            letter_id=letter_id,
            follow_up_id=None,
            application_id=None,
            contact_id=None,
            now=NOW,
        )
        == letter_id
    )
    assert Letter.get_by_id(letter_id).body == "  "

"""Moving a follow-up nobody answered: to the user's next working day, undoable like any move."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp, Letter, Stage
from followup_desktop.services.follow_up_actions import (
    FollowUpError,
    move_to_next_working_day,
    undo_move,
)
from followup_desktop.services.follow_up_queries import follow_up_row
from followup_desktop.services.interactions import log_interaction
from followup_desktop.services.letter_sending import mark_letter_sent
from followup_desktop.services.profile import save_profile
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.services.timeline import company_timeline

FRIDAY = dt.date(2026, 3, 6)


def test_a_call_on_friday_moves_past_the_weekend_and_days_off(store: StoreInfo) -> None:
    save_profile(working_days="12345", days_off="2026-03-09")
    follow_up = FollowUp.create(due_on=FRIDAY, channel="call")
    record = move_to_next_working_day(follow_up.id, today=FRIDAY)
    assert record.new_due_on == dt.date(2026, 3, 10)  # Monday is a day off
    moved = FollowUp.get_by_id(follow_up.id)
    assert moved.due_on == dt.date(2026, 3, 10) and moved.user_changed
    undo_move(record)
    assert FollowUp.get_by_id(follow_up.id).due_on == FRIDAY


def test_only_a_planned_follow_up_moves(store: StoreInfo) -> None:
    done = FollowUp.create(due_on=FRIDAY, channel="call", state="done")
    with pytest.raises(FollowUpError):
        move_to_next_working_day(done.id, today=FRIDAY)


def test_a_note_sent_for_a_follow_up_planned_as_an_e_mail_is_logged_as_the_note(
    store: StoreInfo,
) -> None:
    stage = Stage.get(Stage.name == "Interview")
    application = save_application(
        ApplicationInput(company="Note Co", position="Analyst", stage_id=stage.id)
    )
    follow_up = FollowUp.create(
        application=application, due_on=dt.date.today(), channel="email", reason="thank_you"
    )
    letter = Letter.create(
        follow_up=follow_up, application=application, channel="note", body="Thank you!"
    )
    mark_letter_sent(letter.id)
    row = follow_up_row(follow_up.id)
    assert row is not None and (row.channel, row.state) == ("note", "done")
    log_interaction(
        application_id=application.id,
        contact_id=None,
        company_id=None,
        occurred_at=dt.datetime.now().replace(microsecond=0),
        channel="meeting",
        direction="inbound",
        kind="interview",
        summary="Second round.",
    )
    titles = [entry.title for entry in company_timeline(application.company_id)]
    assert "Note (handwritten note, by you)" in titles, titles
    assert "Interview (in person or video)" in titles, titles

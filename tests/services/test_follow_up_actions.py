"""Moving a follow-up nobody answered: to the user's next working day, undoable like any move."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import FollowUp
from followup_desktop.services.follow_up_actions import (
    FollowUpError,
    move_to_next_working_day,
    undo_move,
)
from followup_desktop.services.profile import save_profile

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

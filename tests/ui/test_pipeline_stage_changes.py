"""Stage changes carry the advice: Applied, Interview and Rejected ask, store, plan, and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from pipeline_helpers import (
    add_applications,
    card_center,
    column,
    gap_before,
    mouse_drag,
    open_board,
    shown_companies,
    stage_id,
    stored_companies,
)
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application, Company, Contact, FollowUp, Interaction
from followup_desktop.services.board import StageInfo
from followup_desktop.services.stage_changes import StageDetails, default_answer_date
from followup_desktop.services.workdays import WorkCalendar
from followup_desktop.ui.pipeline.board import PipelineBoard
from followup_desktop.ui.pipeline.stage_dialogs import StageChangeDialog


@pytest.fixture
def pipeline(store: StoreInfo) -> int:
    """Two wishlist cards; Acme's has a recruiter as main contact. Returns the contact id."""
    add_applications("Wishlist", "Acme", "Birch")
    acme = Company.get(Company.name == "Acme")
    person = Contact.create(first_name="Rosa", last_name="Quinn", company=acme)
    Application.update(contact=person).where(Application.company == acme).execute()
    return int(person.id)


def acme() -> Application:
    return Application.get(Application.company == Company.get(Company.name == "Acme"))


def answer(board: PipelineBoard, details: StageDetails | None, asked: list[str]) -> None:
    def ask(_parent: object, stage: StageInfo, _app_id: int) -> StageDetails | None:
        asked.append(stage.kind)
        return details

    board.ask_stage_details = ask


def planned(reason: str) -> list[FollowUp]:
    return list(
        FollowUp.select().where((FollowUp.reason == reason) & (FollowUp.state == "planned"))
    )


def test_dragging_to_applied_stores_the_dates_plans_a_status_check_and_undoes(
    qtbot: QtBot, pipeline: int
) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    asked: list[str] = []
    applied_on = dt.date.today() - dt.timedelta(days=1)
    said = dt.date.today() + dt.timedelta(days=9)
    answer(board, StageDetails("applied", applied_on=applied_on, expected_answer_on=said), asked)
    applied = column(board, "Applied")
    start = card_center(board, "Wishlist", "Acme")
    mouse_drag(qtbot, board, start, applied, gap_before(applied, 0))
    assert asked == ["applied"]
    assert shown_companies(board, "Applied") == ["Acme"]
    app = acme()
    assert (app.applied_on, app.expected_answer_on) == (applied_on, said)
    checks = planned("status_check")
    assert [f.application_id for f in checks] == [app.id]
    assert checks[0].due_on == WorkCalendar.from_settings("12345", "").next_after(said)
    card = applied.model.card_at(0)
    assert card.next_due == checks[0].due_on, "the card shows the planned step at once"
    stack.undo()
    app = acme()
    assert (app.applied_on, app.expected_answer_on) == (None, None)
    assert planned("status_check") == []
    assert stored_companies("Wishlist") == ["Acme", "Birch"]
    stack.redo()
    assert acme().expected_answer_on == said
    assert len(planned("status_check")) == 1


def test_moving_to_interview_logs_it_and_plans_a_thank_you(qtbot: QtBot, pipeline: int) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    asked: list[str] = []
    when = dt.datetime.combine(dt.date.today(), dt.time(10, 30))
    details = StageDetails(
        "interview",
        occurred_at=when,
        channel="meeting",
        contact_id=pipeline,
        summary="the spring launch",
        concerns="my SQL experience",
    )
    answer(board, details, asked)
    board.card_actions.request_move(acme().id, stage_id("Interview"), None)
    assert asked == ["interview"]
    logged = Interaction.get(Interaction.application == acme().id)
    assert (logged.kind, logged.channel, logged.occurred_at) == ("interview", "meeting", when)
    assert logged.summary == "the spring launch" and logged.concerns == "my SQL experience"
    thanks = planned("thank_you")
    assert len(thanks) == 1 and thanks[0].due_on > when.date()
    stack.undo()
    assert Interaction.select().count() == 0
    assert planned("thank_you") == []
    assert stored_companies("Wishlist") == ["Acme", "Birch"]


def test_moving_to_rejected_logs_it_sets_the_cadence_and_opens_the_reply(
    qtbot: QtBot, pipeline: int
) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    composed: list[int] = []
    board.events.compose_follow_up_requested.connect(composed.append)
    asked: list[str] = []
    details = StageDetails(
        "rejected",
        occurred_at=dt.datetime.now().replace(microsecond=0),
        channel="email",
        contact_id=pipeline,
        summary="They chose someone else",
        keep_in_touch_days=120,
        draft_reply=True,
    )
    answer(board, details, asked)
    board.card_actions.request_move(acme().id, stage_id("Rejected"), None)
    assert Interaction.get(Interaction.application == acme().id).kind == "rejection"
    assert Contact.get_by_id(pipeline).keep_in_touch_days == 120
    replies = planned("rejection_reply")
    assert [r.id for r in replies] == composed
    assert len(planned("keep_in_touch")) == 1
    stack.undo()
    assert Contact.get_by_id(pipeline).keep_in_touch_days is None
    assert Interaction.select().count() == 0
    assert planned("rejection_reply") == [] and planned("keep_in_touch") == []


def test_skipped_questions_only_move_the_card(qtbot: QtBot, pipeline: int) -> None:
    board = open_board(qtbot)
    asked: list[str] = []
    answer(board, StageDetails("applied", skipped=True), asked)
    focus = column(board, "Wishlist")
    focus.view.setFocus()
    focus.view.setCurrentIndex(focus.model.index(0))
    qtbot.keyClick(focus.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["applied"]
    assert stored_companies("Applied") == ["Acme"]
    assert acme().applied_on is None and Interaction.select().count() == 0


def test_cancelled_questions_leave_the_card_where_it_was(qtbot: QtBot, pipeline: int) -> None:
    stack = QUndoStack()
    board = open_board(qtbot, stack)
    asked: list[str] = []
    answer(board, None, asked)
    applied = column(board, "Applied")
    start = card_center(board, "Wishlist", "Birch")
    mouse_drag(qtbot, board, start, applied, gap_before(applied, 0))
    assert asked == ["applied"]
    assert stored_companies("Wishlist") == ["Acme", "Birch"]
    assert shown_companies(board, "Wishlist") == ["Acme", "Birch"]
    assert stack.count() == 0


def test_reordering_or_moving_to_other_stages_asks_nothing(qtbot: QtBot, pipeline: int) -> None:
    board = open_board(qtbot)
    asked: list[str] = []
    answer(board, None, asked)
    board.card_actions.request_move(acme().id, stage_id("Offer"), None)
    assert stored_companies("Offer") == ["Acme"]
    assert asked == []


def applied_info() -> StageInfo:
    return StageInfo(stage_id("Applied"), "Applied", 1, False, False, "applied")


def test_applied_dialog_defaults_and_checks(qtbot: QtBot, pipeline: int) -> None:
    dialog = StageChangeDialog(None, applied_info(), acme().id)
    qtbot.addWidget(dialog)
    today = dt.date.today()
    details = dialog.details()
    assert details.applied_on == today and details.expected_answer_on is None
    assert f"{default_answer_date(today):%a %d %b}" in dialog.note.text()
    dialog.company_said.setChecked(True)
    dialog.expected.setDate(QDate(today.year, today.month, today.day).addDays(-3))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != StageChangeDialog.DialogCode.Accepted
    assert "before applying" in dialog.form.error_text("expected_answer_on")
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == StageChangeDialog.DialogCode.Accepted
    assert dialog.details().skipped


def test_interview_and_rejection_dialogs_read_their_fields(qtbot: QtBot, pipeline: int) -> None:
    interview = StageInfo(stage_id("Interview"), "Interview", 2, False, False, "interview")
    dialog = StageChangeDialog(None, interview, acme().id)
    qtbot.addWidget(dialog)
    assert dialog.contact.currentData() == pipeline, "the main contact comes first"
    qtbot.keyClicks(dialog.summary, "the onboarding plan")
    dialog.channel.setCurrentIndex(dialog.channel.findData("call"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == StageChangeDialog.DialogCode.Accepted
    details = dialog.details()
    assert (details.kind, details.channel, details.summary) == (
        "interview",
        "call",
        "the onboarding plan",
    )
    assert details.occurred_at is not None and details.contact_id == pipeline

    rejected = StageInfo(stage_id("Rejected"), "Rejected", 5, True, False, "rejected")
    dialog = StageChangeDialog(None, rejected, acme().id)
    qtbot.addWidget(dialog)
    dialog.months.setValue(6)
    assert dialog.details().keep_in_touch_days == 180
    dialog.keep_in_touch.setChecked(False)
    assert dialog.details().keep_in_touch_days == 0
    dialog.contact.setCurrentIndex(dialog.contact.findData(None))
    assert dialog.details().keep_in_touch_days is None
    assert not dialog.keep_in_touch.isEnabled()
    assert "Choose who told you" in dialog.note.text()
    assert dialog.details().draft_reply

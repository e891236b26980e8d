"""Acting on follow-ups from the Today panel, and the call sheet for a contact far away."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from calendar_fixtures import FakePrompts, Plan, make_plan
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import FollowUp, Interaction
from followup_desktop.services.follow_up_actions import NextStep
from followup_desktop.services.follow_up_details import follow_up_details
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.follow_ups.call_sheet_dialog import CallSheetDialog, print_call_sheet
from followup_desktop.ui.follow_ups.complete_dialog import CompleteFollowUpDialog
from followup_desktop.ui.follow_ups.completion import CompletionInput
from followup_desktop.ui.pipeline.board import PipelineBoard
from followup_desktop.ui.theme import WARNING
from followup_desktop.ui.today_panel import FollowUpIdRole, TodayPanel

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def plan(store) -> Plan:
    return make_plan(dt.date.today())


@pytest.fixture
def panel(qtbot: QtBot, plan: Plan) -> TodayPanel:
    widget = TodayPanel(AppEvents())
    widget.follow_up_actions.prompts = FakePrompts()
    qtbot.addWidget(widget)
    widget.resize(320, 600)
    widget.show()
    return widget


def _select(panel: TodayPanel, follow_up_id: int) -> None:
    for index in range(panel.list.count()):
        if panel.list.item(index).data(FollowUpIdRole) == follow_up_id:
            panel.list.setCurrentRow(index)
            return
    raise AssertionError(f"follow-up {follow_up_id} is not listed")


def test_overdue_first_then_today_with_buttons(panel: TodayPanel, plan: Plan):
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[0] == "Overdue (1)"
    assert texts[1].startswith("Follow-up: Ana Lopez · Data Analyst\n✉ E-mail · 2 days late")
    assert texts[2] == "Today (1)"
    assert panel.summary.text().startswith("1 overdue · 1 due today")
    assert panel.current_follow_up_id() == plan.email_overdue
    assert panel.done_button.isEnabled()
    assert panel.list.item(1).foreground().color() == WARNING.on(panel.list.palette())
    assert panel.list.item(3).foreground().style() == Qt.BrushStyle.NoBrush


def test_overdue_rows_are_painted_in_the_overdue_colour(panel: TodayPanel, plan: Plan):
    panel.list.setCurrentRow(3)  # the selection's own colours are not what is tested
    rect = panel.list.visualItemRect(panel.list.item(1))
    image = panel.list.viewport().grab(rect).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert WARNING.on(panel.list.palette()).name() in colours


def test_later_moves_an_overdue_follow_up_from_today(panel: TodayPanel, plan: Plan):
    _select(panel, plan.email_overdue)
    assert panel.follow_up_actions.postpone(plan.email_overdue, 3)
    moved = FollowUp.get_by_id(plan.email_overdue)
    assert moved.due_on == dt.date.today() + dt.timedelta(days=3) and moved.user_changed
    assert panel.summary.text().startswith("0 overdue · 1 due today")
    panel._fill_later_menu()
    labels = [action.text() for action in panel.later_menu.actions()]
    assert labels == ["Tomorrow (+1 day)", "In 3 days", "Next week (+1 week)", "Pick a date…"]


def test_open_chooses_call_sheet_or_composer(qtbot: QtBot, panel: TodayPanel, plan: Plan):
    prompts = panel.follow_up_actions.prompts
    assert isinstance(prompts, FakePrompts)
    _select(panel, plan.call_today)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert prompts.call_sheets == [plan.call_today]
    _select(panel, plan.email_overdue)
    with qtbot.waitSignal(panel.events.compose_follow_up_requested) as signal:
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [plan.email_overdue]


def test_done_logs_the_conversation_and_plans_the_next_step(
    qtbot: QtBot, panel: TodayPanel, plan: Plan
):
    prompts = panel.follow_up_actions.prompts
    assert isinstance(prompts, FakePrompts)
    next_day = dt.date.today() + dt.timedelta(days=10)
    prompts.completion_input = CompletionInput(
        outcome="Sent a short e-mail asking for news",
        channel="email",
        occurred_at=dt.datetime.now().replace(microsecond=0),
        open_questions="Start date?",
        next_step=NextStep(next_day, "call"),
    )
    _select(panel, plan.email_overdue)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    done = FollowUp.get_by_id(plan.email_overdue)
    assert done.state == "done" and done.outcome.startswith("Sent a short")
    logged = Interaction.get(Interaction.application == plan.application.id)
    assert (logged.channel, logged.direction, logged.open_questions) == (
        "email",
        "outbound",
        "Start date?",
    )
    assert (
        FollowUp.select()
        .where((FollowUp.due_on == next_day) & (FollowUp.channel == "call"))
        .exists()
    )
    assert panel.summary.text().startswith("0 overdue")


def test_complete_dialog_asks_for_the_next_step(qtbot: QtBot, plan: Plan):
    details = follow_up_details(plan.call_today)
    assert details is not None
    dialog = CompleteFollowUpDialog(details)
    qtbot.addWidget(dialog)
    assert "status check is planned for you" in dialog.what_next.text()
    dialog.outcome.setPlainText("Spoke to Ana")
    dialog.plan_next.setChecked(True)
    answer = dialog.result_input()
    assert answer.outcome == "Spoke to Ana" and answer.channel == "call"
    assert answer.next_step is not None and answer.next_step.channel == "call"


def test_call_sheet_for_a_contact_in_another_time_zone(qtbot: QtBot, plan: Plan, tmp_path):
    events = AppEvents()
    # 08:00 in Paris is 02:00 in New York: too early there.
    now = dt.datetime.combine(dt.date.today(), dt.time(8, 0), tzinfo=PARIS)
    opened: list[str] = []
    dialog = CallSheetDialog(
        plan.call_today, events, now=now, user_zone=PARIS, link_opener=opened.append
    )
    qtbot.addWidget(dialog)
    assert dialog.sheet is not None
    assert not dialog.sheet.time_check.good_time
    assert "too early" in dialog.time_check.text() or "weekend" in dialog.time_check.text()
    assert "for Ana" in dialog.time_check.text()
    facts = dialog.facts.text()
    assert 'href="tel:+13125550100"' in facts and "Northwind Labs" in facts
    assert "Data Analyst" in dialog.pitch.toPlainText()
    dialog.facts.linkActivated.emit("tel:+13125550100")
    assert opened == ["tel:+13125550100"]
    if dialog.sheet.windows:
        assert "their time (yours:" in dialog.windows.text()
    # The printed page is the same render, with the edited pitch.
    dialog.pitch.setPlainText("Hello Ana, this is Jordan about the analyst role.")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "sheet.pdf"
    printer.setOutputFileName(str(target))
    print_call_sheet(dialog.sheet_html(), printer)
    text = " ".join(PdfReader(str(target)).pages[0].extract_text().split())
    assert "Call Ana Lopez" in text and "Jordan about the analyst role" in text


def test_call_sheet_logs_the_outcome_in_one_step(qtbot: QtBot, plan: Plan):
    events = AppEvents()
    dialog = CallSheetDialog(plan.call_today, events)
    qtbot.addWidget(dialog)
    dialog.notes.setText("Decision on Friday")
    dialog.questions.setText("Second round?")
    with qtbot.waitSignal(events.follow_ups_changed):
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    done = FollowUp.get_by_id(plan.call_today)
    assert done.state == "done" and done.outcome == "Spoke with them. Decision on Friday"
    call = Interaction.get(Interaction.kind == "call")
    assert call.open_questions == "Second round?" and call.direction == "outbound"
    # The rules planned the next status check from this call.
    assert (
        FollowUp.select()
        .where((FollowUp.reason == "status_check") & (FollowUp.state == "planned"))
        .exists()
    )


def test_no_answer_moves_the_call_to_the_next_working_day(qtbot: QtBot, plan: Plan):
    dialog = CallSheetDialog(plan.call_today, AppEvents())
    qtbot.addWidget(dialog)
    dialog.call_result.setCurrentIndex(dialog.call_result.findData("no_answer"))
    assert dialog.log_outcome()
    moved = FollowUp.get_by_id(plan.call_today)
    assert moved.state == "planned" and moved.due_on > dt.date.today()
    assert moved.due_on.isoweekday() <= 5
    assert not Interaction.select().exists()


def test_the_board_card_menu_offers_the_next_follow_up(qtbot: QtBot, plan: Plan):
    area = PipelineBoard(AppEvents(), QUndoStack())
    qtbot.addWidget(area)
    board = area  # the area is the board
    column = next(c for c in board.columns if c.model.rowCount())
    menu = board.card_menu(column, 0)
    titles = [action.text() for action in menu.actions()]
    assert "Next follow-up" in titles
    submenu = next(a.menu() for a in menu.actions() if a.text() == "Next follow-up")
    labels = [action.text() for action in submenu.actions()]
    assert "Mark done…" in labels and "Skip…" in labels

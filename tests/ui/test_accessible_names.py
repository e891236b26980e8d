"""Every control a user can reach says what it is to a screen reader, and Tab reaches it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from followup_desktop.db.models import Application, FollowUp
from followup_desktop.ui.area_specs import AREA_KEYS
from followup_desktop.ui.calendar.plan_dialog import PlanFollowUpDialog
from followup_desktop.ui.contacts.import_dialog import COLUMNS_PAGE, PREVIEW_PAGE, ImportDialog
from followup_desktop.ui.dialogs.application_dialog import ApplicationDialog
from followup_desktop.ui.dialogs.backups_dialog import BackupsDialog
from followup_desktop.ui.dialogs.contact_dialog import ContactDialog
from followup_desktop.ui.dialogs.log_conversation_dialog import LogConversationDialog
from followup_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from followup_desktop.ui.follow_ups.call_sheet_dialog import CallSheetDialog
from followup_desktop.ui.help.dialogs import GuideDialog, ShortcutSheet
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.detail_dialog import ApplicationDetailDialog

#: Widgets a user types into, picks from or presses.
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` (Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _is_part_of_another(widget: QWidget) -> bool:
    """Inner pieces Qt builds (a combo box's line edit, a spin box's editor, the scroll bars
    of a view) are announced through their owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit) or (
            isinstance(parent, QAbstractItemView) and not isinstance(widget, QAbstractItemView)
        ):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if _is_part_of_another(widget) or (not widget.isEnabled() and not widget.isVisible()):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue
        if not spoken_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {_path(widget)}")
    return found


def _path(widget: QWidget) -> str:
    names = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 3:
        names.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return " < ".join(names)


@pytest.mark.parametrize("area", AREA_KEYS)
def test_every_control_of_each_area_has_a_name(window: MainWindow, area: str) -> None:
    window.show_area(area)
    QApplication.processEvents()
    assert unnamed_controls(window) == []


def _dialogs(window: MainWindow) -> dict[str, Callable[[], QWidget]]:
    app_id = int(Application.select().first().id)
    follow_up = FollowUp.select().first()
    call = FollowUp.select().where(FollowUp.channel == "call", FollowUp.state == "planned").first()
    return {
        "application": lambda: ApplicationDialog(window),
        "detail": lambda: ApplicationDetailDialog(window, app_id, window.events),
        "contact": lambda: ContactDialog(window),
        "log": lambda: LogConversationDialog(window, application_id=app_id, events=window.events),
        "preferences": lambda: PreferencesDialog(window),
        "backups": lambda: BackupsDialog(window.location, window),
        "plan": lambda: PlanFollowUpDialog(follow_up.due_on, window),
        "call_sheet": lambda: CallSheetDialog(call.id, window.events, window),
        "guide": lambda: GuideDialog(window),
        "shortcuts": lambda: ShortcutSheet(window),
    }


@pytest.mark.parametrize(
    "name",
    [
        "application",
        "detail",
        "contact",
        "log",
        "preferences",
        "backups",
        "plan",
        "call_sheet",
        "guide",
        "shortcuts",
    ],
)
def test_every_control_of_each_dialog_has_a_name(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    dialog = _dialogs(window)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert unnamed_controls(dialog) == []


def test_tab_walks_the_application_form_top_to_bottom(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ApplicationDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.company.setFocus()
    reached = []
    for _step in range(16):
        focused = dialog.focusWidget()
        if focused is None:
            break
        reached.append(focused.accessibleName() or spoken_name(focused))
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    wanted = ["Company", "Position", "Stage", "Contact", "Applied", "Expected"]
    wanted += ["Source", "Link", "Notes"]
    assert reached[: len(wanted)] == wanted


def test_every_control_of_the_import_dialog_has_a_name_on_each_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    exported = tmp_path / "Connections.csv"
    exported.write_text(
        "First Name,Last Name,Email Address,Company,Position\n"
        "Aisha,Bello,aisha@meridian.example,Meridian Bank,Talent Partner\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(exported, "csv", window.events, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == COLUMNS_PAGE and dialog.job is None)
    assert unnamed_controls(dialog) == []
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.job is None and dialog.pages.currentIndex() == PREVIEW_PAGE, timeout=20000
    )
    assert unnamed_controls(dialog) == []

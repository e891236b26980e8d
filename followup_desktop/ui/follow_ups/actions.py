"""The actions on one follow-up, shared by the Today panel, the calendar and the board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from followup_desktop.services.follow_up_actions import (
    FollowUpError,
    complete_follow_up,
    move_follow_up,
    postpone,
    skip_follow_up,
)
from followup_desktop.services.follow_up_details import FollowUpDetails, follow_up_details
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.follow_ups.call_sheet_dialog import CallSheetDialog
from followup_desktop.ui.follow_ups.complete_dialog import CompleteFollowUpDialog
from followup_desktop.ui.follow_ups.completion import CompletionInput
from followup_desktop.ui.follow_ups.date_dialog import ask_date

#: The quick "later" choices: label and days.
POSTPONE_CHOICES: tuple[tuple[str, int], ...] = (
    ("Tomorrow (+1 day)", 1),
    ("In 3 days", 3),
    ("Next week (+1 week)", 7),
)


class FollowUpPrompts(Protocol):
    """The questions the actions ask; tests replace them with canned answers."""

    def pick_date(self, parent: QWidget | None, current: dt.date) -> dt.date | None: ...

    def skip_reason(self, parent: QWidget | None, details: FollowUpDetails) -> str | None: ...

    def completion(
        self, parent: QWidget | None, details: FollowUpDetails
    ) -> CompletionInput | None: ...

    def call_sheet(self, parent: QWidget | None, follow_up_id: int, events: AppEvents) -> None: ...

    def problem(self, parent: QWidget | None, message: str) -> None: ...


class DialogPrompts:
    """The real dialogs."""

    def pick_date(self, parent: QWidget | None, current: dt.date) -> dt.date | None:
        return ask_date(parent, current)

    def skip_reason(self, parent: QWidget | None, details: FollowUpDetails) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            "Skip follow-up",
            f"Why skip “{details.summary()}”?\n(For example: they wrote back, the role is filled.)",
        )
        return text if ok else None

    def completion(
        self, parent: QWidget | None, details: FollowUpDetails
    ) -> CompletionInput | None:
        dialog = CompleteFollowUpDialog(details, parent)
        return dialog.result_input() if dialog.exec() else None

    def call_sheet(self, parent: QWidget | None, follow_up_id: int, events: AppEvents) -> None:
        dialog = CallSheetDialog(follow_up_id, events, parent)
        dialog.exec()

    def problem(self, parent: QWidget | None, message: str) -> None:
        QMessageBox.warning(parent, "Follow-up", message)


class FollowUpActions(QObject):
    """Open, postpone, skip or complete a follow-up; announces changes through ``events``."""

    def __init__(
        self,
        events: AppEvents,
        parent: QWidget,
        prompts: FollowUpPrompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.widget = parent
        self.prompts: FollowUpPrompts = prompts or DialogPrompts()

    # --- the actions -----------------------------------------------------------------------

    def open(self, follow_up_id: int) -> None:
        """Calls open the call sheet; e-mails and notes open the composer."""
        details = follow_up_details(follow_up_id)
        if details is None:
            self._changed()
            return
        if details.channel == "call":
            self.prompts.call_sheet(self.widget, follow_up_id, self.events)
        else:
            self.events.compose_follow_up_requested.emit(follow_up_id)

    def call_sheet(self, follow_up_id: int) -> None:
        self.prompts.call_sheet(self.widget, follow_up_id, self.events)

    def compose(self, follow_up_id: int) -> None:
        self.events.compose_follow_up_requested.emit(follow_up_id)

    def postpone(self, follow_up_id: int, days: int) -> bool:
        try:
            postpone(follow_up_id, days)
        except FollowUpError as error:
            self.prompts.problem(self.widget, str(error))
            return False
        self._changed()
        return True

    def pick_date(self, follow_up_id: int) -> bool:
        details = follow_up_details(follow_up_id)
        if details is None:
            return False
        day = self.prompts.pick_date(self.widget, details.due_on)
        if day is None or day == details.due_on:
            return False
        try:
            move_follow_up(follow_up_id, day)
        except FollowUpError as error:
            self.prompts.problem(self.widget, str(error))
            return False
        self._changed()
        return True

    def skip(self, follow_up_id: int) -> bool:
        details = follow_up_details(follow_up_id)
        if details is None:
            return False
        reason = self.prompts.skip_reason(self.widget, details)
        if reason is None:
            return False
        try:
            skip_follow_up(follow_up_id, reason)
        except FollowUpError as error:
            self.prompts.problem(self.widget, str(error))
            return False
        self._changed()
        return True

    def mark_done(self, follow_up_id: int) -> bool:
        details = follow_up_details(follow_up_id)
        if details is None:
            return False
        answer = self.prompts.completion(self.widget, details)
        if answer is None:
            return False
        try:
            complete_follow_up(
                follow_up_id,
                outcome=answer.outcome,
                channel=answer.channel,
                occurred_at=answer.occurred_at,
                open_questions=answer.open_questions,
                concerns=answer.concerns,
                next_step=answer.next_step,
            )
        except FollowUpError as error:
            self.prompts.problem(self.widget, str(error))
            return False
        self._changed(log=True)
        return True

    def _changed(self, *, log: bool = False) -> None:
        self.events.follow_ups_changed.emit()
        if log:
            # A logged conversation shows on the contact's timeline and the board's card.
            self.events.contacts_changed.emit()
            self.events.applications_changed.emit()

    # --- menus -----------------------------------------------------------------------------

    def build_menu(self, follow_up_id: int, parent: QWidget | None = None) -> QMenu:
        """Every action for this follow-up; planned ones only (others show a note)."""
        menu = QMenu(parent or self.widget)
        details = follow_up_details(follow_up_id)
        if details is None:
            menu.addAction("This follow-up no longer exists").setEnabled(False)
            return menu
        if details.state != "planned":
            menu.addAction(f"Already {details.state}").setEnabled(False)
            return menu
        self._add(menu, "Open call sheet…", lambda: self.call_sheet(follow_up_id))
        self._add(menu, "Write it in the composer", lambda: self.compose(follow_up_id))
        menu.addSeparator()
        self.fill_later_menu(menu.addMenu("Later"), follow_up_id)
        self._add(menu, "Skip…", lambda: self.skip(follow_up_id))
        self._add(menu, "Mark done…", lambda: self.mark_done(follow_up_id))
        return menu

    def fill_later_menu(self, menu: QMenu, follow_up_id: int) -> None:
        """The postpone choices and "Pick a date…" for one follow-up, added to ``menu``."""
        for label, days in POSTPONE_CHOICES:
            self._add(menu, label, partial(self.postpone, follow_up_id, days))
        self._add(menu, "Pick a date…", lambda: self.pick_date(follow_up_id))

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

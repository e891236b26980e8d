"""The calendar area: the month grid or the week agenda, the selected day's follow-ups, actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.follow_up_queries import planned_counts_between
from followup_desktop.ui.calendar.channels import CHANNEL_ORDER, CHANNEL_SYMBOLS
from followup_desktop.ui.calendar.follow_up_list import FollowUpList
from followup_desktop.ui.calendar.month_grid import add_months
from followup_desktop.ui.calendar.month_view import CountsLoader, MonthView
from followup_desktop.ui.calendar.move_command import MoveFollowUpsCommand
from followup_desktop.ui.calendar.plan_dialog import PlanFollowUpDialog
from followup_desktop.ui.calendar.week_agenda import WeekAgenda
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.follow_ups.actions import FollowUpActions
from followup_desktop.ui.theme import (
    CHANNEL_COLOURS,
    TODAY_MARK,
    WARNING,
    SchemeColour,
    follow_scheme,
    make_quiet,
    readable,
)


class CalendarArea(QWidget):
    """The calendar: navigate months and weeks, act on a day's follow-ups, drag to move them."""

    def __init__(
        self,
        events: AppEvents,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        counts_loader: CountsLoader = planned_counts_between,
    ) -> None:
        super().__init__(parent)
        self.events = events
        self.undo_stack = undo_stack or QUndoStack(self)
        self.follow_up_actions = FollowUpActions(events, self)
        #: Builds the dialog that plans a follow-up on a day (tests may drive it).
        self.plan_dialog: Callable[[dt.date, QWidget], PlanFollowUpDialog] = PlanFollowUpDialog
        #: Pops a menu up and waits for the choice (tests replace it).
        self.show_menu: Callable[[QMenu, QPoint], object] = lambda menu, pos: menu.exec(pos)

        self.month_view = MonthView(counts_loader=counts_loader)
        #: Built the first time the week is shown: most visits only look at the month.
        self._week_agenda: WeekAgenda | None = None
        self.views = QStackedWidget()
        self.views.addWidget(self.month_view)

        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("Previous month or week (Page Up)")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip("Next month or week (Page Down)")
        self.today_button = QToolButton()
        self.today_button.setText("Today")
        self.today_button.setToolTip("Go to today (T)")
        self.month_button = QToolButton()
        self.month_button.setText("Month")
        self.week_button = QToolButton()
        self.week_button.setText("Week")
        self.mode_group = QButtonGroup(self)
        for index, mode_button in enumerate((self.month_button, self.week_button)):
            mode_button.setCheckable(True)
            self.mode_group.addButton(mode_button, index)
        self.month_button.setChecked(True)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)

        legend = QLabel()
        legend.setTextFormat(Qt.TextFormat.RichText)
        follow_scheme(legend, _show_legend)
        legend.setObjectName("calendar_legend")
        legend.setWordWrap(True)  # the keys line wraps on a narrow grid rather than clipping

        self.day_title = QLabel()
        self.day_title.setTextFormat(Qt.TextFormat.PlainText)
        self.day_title.setWordWrap(True)
        day_font = QFont(self.day_title.font())
        day_font.setBold(True)
        self.day_title.setFont(day_font)
        self.day_list = FollowUpList()
        self.day_list.setObjectName("calendar_day_list")
        self.day_list.setAccessibleName("Follow-ups of the chosen day")
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Call sheet for a call, composer for an e-mail or note")
        self.done_button = QPushButton("Done…")
        self.later_button = QPushButton("Later")
        self.later_menu = QMenu(self.later_button)
        self.later_button.setMenu(self.later_menu)
        self.skip_button = QPushButton("Skip…")
        day_buttons = QHBoxLayout()
        for button in (self.open_button, self.done_button, self.later_button, self.skip_button):
            day_buttons.addWidget(button)
        hint = QLabel("Drag a follow-up onto another day to move it.")
        hint.setWordWrap(True)
        make_quiet(hint)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_list, 1)
        side_layout.addLayout(day_buttons)
        side_layout.addWidget(hint)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.views, 1)
        left_layout.addWidget(legend)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        self.month_view.day_selected.connect(self._on_day_selected)
        self.month_view.month_changed.connect(lambda _y, _m: self._update_title())
        self.month_view.day_activated.connect(self._focus_day_list)
        self.month_view.plan_requested.connect(self.plan_on)
        self.month_view.day_menu_requested.connect(self._show_day_menu)
        self.month_view.follow_ups_dropped.connect(self.move_follow_ups)
        self.day_list.menu_requested.connect(self._show_menu)
        self.day_list.follow_up_activated.connect(self.follow_up_actions.open)
        self.day_list.current_changed.connect(lambda _id: self._update_buttons())
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.mode_group.idClicked.connect(self.set_mode)
        self.open_button.clicked.connect(lambda: self._with_current(self.follow_up_actions.open))
        self.done_button.clicked.connect(
            lambda: self._with_current(self.follow_up_actions.mark_done)
        )
        self.skip_button.clicked.connect(lambda: self._with_current(self.follow_up_actions.skip))
        self.later_menu.aboutToShow.connect(self._fill_later_menu)
        for sequence, slot, what in (
            ("Ctrl+Shift+M", lambda: self.set_mode(0), "Show the month"),
            ("Ctrl+Shift+W", lambda: self.set_mode(1), "Show the week"),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setWhatsThis(what)  # listed in the shortcut sheet
            shortcut.activated.connect(slot)
        events.follow_ups_changed.connect(self.refresh)
        events.applications_changed.connect(self.refresh)
        events.contacts_changed.connect(self.refresh)
        self._stale = False
        self._reload()

    # --- navigation ------------------------------------------------------------------------

    @property
    def week_agenda(self) -> WeekAgenda:
        if self._week_agenda is None:
            agenda = WeekAgenda()
            agenda.follow_ups_dropped.connect(self.move_follow_ups)
            agenda.menu_requested.connect(self._show_menu)
            agenda.follow_up_activated.connect(self.follow_up_actions.open)
            agenda.day_selected.connect(self._select_from_week)
            self.views.addWidget(agenda)
            self._week_agenda = agenda
        return self._week_agenda

    @property
    def showing_week(self) -> bool:
        return self._week_agenda is not None and self.views.currentWidget() is self._week_agenda

    @property
    def selected_day(self) -> dt.date:
        return self.month_view.selected

    def select_day(self, day: dt.date) -> None:
        self.month_view.select(day)
        self._on_day_selected(day)

    def go_today(self) -> None:
        self.select_day(dt.date.today())

    def step(self, direction: int) -> None:
        """Previous/next month in the month view, previous/next week in the agenda."""
        if self.showing_week:
            self.select_day(self.selected_day + dt.timedelta(days=7 * direction))
        else:
            self.select_day(add_months(self.selected_day, direction))

    def set_mode(self, mode: int) -> None:
        """0: the month grid; 1: the week agenda (of the selected day)."""
        (self.month_button if mode == 0 else self.week_button).setChecked(True)
        if mode == 1:
            self.week_agenda.show_week_of(self.selected_day)
            self.views.setCurrentWidget(self.week_agenda)
        else:
            self.views.setCurrentWidget(self.month_view)
            self.month_view.setFocus()
        self._update_title()

    def _select_from_week(self, day: dt.date) -> None:
        if day != self.selected_day:
            self.select_day(day)

    # --- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read again what is shown; while another area is shown, once this one is shown again
        (changes made elsewhere then cost nothing here until the user comes back)."""
        if not self.isVisible():
            self._stale = True
            return
        self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._reload()
        super().showEvent(event)

    def _reload(self) -> None:
        self._stale = False
        self.month_view.reload()
        self._show_day(self.selected_day)
        if self.showing_week:
            self.week_agenda.show_week_of(self.selected_day)
        self._update_title()

    def _on_day_selected(self, day: dt.date) -> None:
        self._show_day(day)
        if self.showing_week:
            self.week_agenda.show_week_of(day)
        self._update_title()

    def _show_day(self, day: dt.date) -> None:
        self.day_list.show_day(day, dt.date.today())
        counts = self.day_list.follow_ups
        planned, total = counts.planned, counts.total
        when = "Today, " if day == dt.date.today() else ""
        self.day_title.setText(
            f"{when}{day:%A %d %B %Y}: "
            + (f"{planned} planned" if planned else "nothing planned")
            + (f", {total - planned} finished" if total > planned else "")
        )
        if self.day_list.current_row() < 0 and self.day_list.count():
            self.day_list.select_row(0)
        self._update_buttons()

    def _update_title(self) -> None:
        if self.showing_week:
            monday, sunday = self.week_agenda.monday, self.week_agenda.sunday
            start = f"{monday:%d}" if monday.month == sunday.month else f"{monday:%d %b}"
            week = monday.isocalendar().week
            self.title.setText(f"Week {week} · {start}–{sunday:%d %b %Y}")
        else:
            self.title.setText(
                dt.date(self.month_view.year, self.month_view.month, 1).strftime("%B %Y")
            )

    def _update_buttons(self) -> None:
        enabled = self.day_list.current_is_planned()
        for button in (self.open_button, self.done_button, self.later_button, self.skip_button):
            button.setEnabled(enabled)

    # --- actions ---------------------------------------------------------------------------

    def move_follow_ups(self, ids: list[int], day: dt.date) -> None:
        """Move follow-ups to ``day`` (drag and drop), as one undoable step."""
        command = MoveFollowUpsCommand(list(ids), day, self.events.follow_ups_changed.emit)
        self.undo_stack.push(command)
        if command.problem:
            self.follow_up_actions.prompts.problem(self, command.problem)

    def _with_current(self, action: Callable[[int], object]) -> None:
        follow_up_id = self.day_list.current_follow_up_id()
        if follow_up_id is not None:
            action(follow_up_id)

    def _fill_later_menu(self) -> None:
        self.later_menu.clear()
        follow_up_id = self.day_list.current_follow_up_id()
        if follow_up_id is None:
            return
        self.follow_up_actions.fill_later_menu(self.later_menu, follow_up_id)

    def _show_menu(self, follow_up_id: int, where: QPoint) -> None:
        self.follow_up_actions.build_menu(follow_up_id, self).exec(where)

    def plan_on(self, day: dt.date) -> None:
        """Ask what to plan on ``day`` and plan it."""
        dialog = self.plan_dialog(day, self)
        if dialog.exec() and dialog.planned_id is not None:
            self.events.follow_ups_changed.emit()

    def day_menu(self, day: dt.date) -> QMenu:
        menu = QMenu(self)
        plan = menu.addAction(f"&Plan a follow-up on {day:%a %d %b}…")
        plan.triggered.connect(lambda: self.plan_on(day))
        show = menu.addAction("&Show the day's follow-ups")
        show.triggered.connect(lambda: self._focus_day_list(day))
        return menu

    def _show_day_menu(self, day: dt.date, where: QPoint) -> None:
        self.show_menu(self.day_menu(day), where)

    def _focus_day_list(self, _day: dt.date) -> None:
        self.day_list.setFocus()
        if self.day_list.count() and self.day_list.current_row() < 0:
            self.day_list.select_row(0)

    @staticmethod
    def _legend_html(palette: QPalette) -> str:
        window = palette.color(QPalette.ColorRole.Window)

        def coloured(colour: SchemeColour, words: str) -> str:
            return (
                f'<span style="color:{readable(colour.on(palette), window).name()}">{words}</span>'
            )

        parts = [
            coloured(CHANNEL_COLOURS[c], f"{CHANNEL_SYMBOLS[c]} {label}")
            for c, label in zip(CHANNEL_ORDER, ("call", "e-mail", "note"), strict=True)
        ]
        parts.append(coloured(WARNING, "overdue"))
        # The amber square is today's mark in the grid; the word beside it carries the meaning.
        parts.append(f'<span style="color:{TODAY_MARK.name()}">■</span> today')
        keys = (
            "Arrows move by day and week, Page Up/Down by month, T today, Enter opens the day, "
            "double-click plans a follow-up."
        )
        return " &nbsp; ".join(parts) + f"<br><small>{keys}</small>"


def _show_legend(legend: QWidget) -> None:
    """The legend in the colours of the scheme in use."""
    if isinstance(legend, QLabel):
        legend.setText(CalendarArea._legend_html(QGuiApplication.palette()))

"""Preferences: the user's profile used in letters and calls, the follow-up rule settings, and
reminders with the window closed (start at login, the user's calendar server)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services import validation as check
from followup_desktop.services.profile import get_profile, save_profile
from followup_desktop.services.settings import MAX_WEEKLY_GOAL, set_weekly_goal, weekly_goal
from followup_desktop.services.wording import plural
from followup_desktop.services.workdays import days_off_problem, parse_days_off
from followup_desktop.ui.dialogs.reminder_preferences import ReminderPreferences
from followup_desktop.ui.widgets.form_fields import ValidatedForm

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _text_edit(height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class PreferencesDialog(QDialog):
    """Two tabs, validated together; nothing is stored until every field passes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        profile = get_profile()

        self.profile_form = ValidatedForm()
        self.full_name = QLineEdit(profile.full_name)
        self.email = QLineEdit(profile.email)
        self.phone = QLineEdit(profile.phone)
        self.phone_region = QLineEdit(profile.phone_region)
        self.phone_region.setMaxLength(2)
        self.phone_region.setPlaceholderText("US, GB, DE…")
        self.phone_region.setToolTip(
            "The country of numbers written without a country code: the ones you type and the "
            "ones in imported address books. A number no country makes valid is kept as written."
        )
        self.address = _text_edit(72)
        self.address.setPlainText(profile.address)
        self.qualifications = _text_edit(56)
        self.qualifications.setPlainText(profile.qualifications)
        self.pitch = _text_edit(72)
        self.pitch.setPlainText(profile.pitch)
        profile_fields: tuple[tuple[str, str, QWidget], ...] = (
            ("full_name", "&Name:", self.full_name),
            ("email", "&E-mail:", self.email),
            ("phone", "&Phone:", self.phone),
            ("phone_region", "Phone &country:", self.phone_region),
            ("address", "Postal &address:", self.address),
            ("qualifications", "&Qualifications:", self.qualifications),
            ("pitch", "Default p&itch:", self.pitch),
        )
        for name, label, widget in profile_fields:
            self.profile_form.add_field(name, label, widget)

        self.rules_form = ValidatedForm()
        days_row = QWidget()
        days_layout = QHBoxLayout(days_row)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: list[QCheckBox] = []
        for number, label in enumerate(_WEEKDAYS, start=1):
            box = QCheckBox(label)
            box.setChecked(str(number) in profile.working_days)
            self.day_boxes.append(box)
            days_layout.addWidget(box)
        self.days_off = QLineEdit(profile.days_off)
        self.days_off.setPlaceholderText("2026-12-24, 2026-12-25")
        self.answer_wait = QSpinBox()
        self.answer_wait.setRange(1, 90)
        self.answer_wait.setSuffix(" working days")
        self.answer_wait.setValue(profile.answer_wait_days)
        self.thank_you_delay = QSpinBox()
        self.thank_you_delay.setRange(0, 7)
        self.thank_you_delay.valueChanged.connect(
            lambda days: self.thank_you_delay.setSuffix(" " + plural("working day", days))
        )
        self.thank_you_delay.setValue(profile.thank_you_delay_days)
        self.thank_you_delay.setSuffix(" " + plural("working day", self.thank_you_delay.value()))
        self.keep_in_touch = QSpinBox()
        self.keep_in_touch.setRange(7, 730)
        self.keep_in_touch.setSuffix(" days")
        self.keep_in_touch.setValue(profile.keep_in_touch_days)
        self.reminder_time = QLineEdit(profile.reminder_time)
        self.reminder_time.setPlaceholderText("09:00")
        self.weekly_goal = QSpinBox()
        self.weekly_goal.setRange(1, MAX_WEEKLY_GOAL)
        self.weekly_goal.setSuffix(" a week")
        self.weekly_goal.setValue(weekly_goal())
        self.weekly_goal.setToolTip(
            "Applications sent plus follow-ups done that you aim for each week (see Insights)"
        )
        rule_fields: tuple[tuple[str, str, QWidget], ...] = (
            ("working_days", "&Working days:", days_row),
            ("days_off", "&Days off:", self.days_off),
            ("answer_wait_days", "&Wait for an answer:", self.answer_wait),
            ("thank_you_delay_days", "&Thank-you after:", self.thank_you_delay),
            ("keep_in_touch_days", "&Keep in touch every:", self.keep_in_touch),
            ("reminder_time", "&Reminder time:", self.reminder_time),
            ("weekly_goal", "Weekly &goal:", self.weekly_goal),
        )
        for name, label, widget in rule_fields:
            self.rules_form.add_field(name, label, widget)

        tabs = QTabWidget()
        profile_tab, rules_tab = QWidget(), QWidget()
        profile_tab.setLayout(self.profile_form)
        rules_tab.setLayout(self.rules_form)
        tabs.addTab(profile_tab, "&Profile")
        tabs.addTab(rules_tab, "&Follow-up rules")
        self.reminders = ReminderPreferences(getattr(parent, "location", None))
        tabs.addTab(self.reminders, "Re&minders && calendar")
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _working_days(self) -> str:
        return "".join(str(n) for n, box in enumerate(self.day_boxes, start=1) if box.isChecked())

    def problems(self) -> tuple[dict[str, str], dict[str, str]]:
        region = self.phone_region.text().strip().upper()
        profile_errors = {
            "email": check.email_problem(self.email.text()),
            "phone": check.phone_problem(self.phone.text(), region),
            "phone_region": None
            if len(region) == 2 and region.isalpha()
            else "Use a two-letter country code such as US or GB.",
        }
        for name, value in (
            ("full_name", self.full_name.text()),
            ("address", self.address.toPlainText()),
            ("pitch", self.pitch.toPlainText()),
        ):
            profile_errors[name] = check.no_control_characters(value)
        rules_errors = {
            "working_days": None if self._working_days() else "Choose at least one working day.",
            "days_off": days_off_problem(self.days_off.text()),
            "reminder_time": check.time_problem(self.reminder_time.text()),
        }
        return (
            {k: v for k, v in profile_errors.items() if v},
            {k: v for k, v in rules_errors.items() if v},
        )

    def accept(self) -> None:
        profile_errors, rules_errors = self.problems()
        self.profile_form.show_errors(profile_errors)
        self.rules_form.show_errors(rules_errors)
        reminder_errors = self.reminders.problems()
        self.reminders.form.show_errors(reminder_errors)
        if profile_errors or rules_errors:
            self.tabs.setCurrentIndex(0 if profile_errors else 1)
            return
        if reminder_errors or (reminder_errors := self.reminders.apply()):
            self.reminders.form.show_errors(reminder_errors)
            self.tabs.setCurrentWidget(self.reminders)
            return
        region = self.phone_region.text().strip().upper()
        save_profile(
            full_name=self.full_name.text().strip(),
            email=check.normalized_email(self.email.text()),
            phone=check.formatted_phone(self.phone.text(), region),
            phone_region=region,
            address=self.address.toPlainText().strip(),
            qualifications=self.qualifications.toPlainText().strip(),
            pitch=self.pitch.toPlainText().strip(),
            working_days=self._working_days(),
            days_off=", ".join(day.isoformat() for day in parse_days_off(self.days_off.text())),
            answer_wait_days=self.answer_wait.value(),
            thank_you_delay_days=self.thank_you_delay.value(),
            keep_in_touch_days=self.keep_in_touch.value(),
            reminder_time=self.reminder_time.text().strip(),
        )
        set_weekly_goal(self.weekly_goal.value())
        super().accept()

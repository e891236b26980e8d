"""Preferences' tab for reminders with the window closed: start at login, and the follow-ups
on the user's own calendar server (CalDAV), its password kept in the system keyring."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from followup_desktop.paths import DataLocation, default_data_dir
from followup_desktop.services.caldav_account import (
    CalDavAccount,
    caldav_account,
    server_url_problem,
    set_caldav_account,
)
from followup_desktop.services.desktop_entry import (
    DesktopInstallError,
    autostart_installed,
    find_launcher,
    install_autostart,
    remove_autostart,
)
from followup_desktop.services.sync_state import last_outcome
from followup_desktop.ui.widgets.form_fields import ValidatedForm

#: What goes to the calendar server, said where the user turns it on (and in the README).
SENT_TO_SERVER = (
    "Only your planned follow-ups go to that server, one event each: the day (and the call "
    "time), what to do, the position, and the contact's name, role, company, phone and "
    "e-mail. Nothing else leaves this computer."
)


class ReminderPreferences(QWidget):
    """Checked against the system, applied only when the whole dialog is accepted."""

    def __init__(self, location: DataLocation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.account = caldav_account()
        self.form = ValidatedForm()
        self.start_at_login = QCheckBox("Start at &login and remind me with the window closed")
        self.start_at_login.setChecked(autostart_installed())
        if sys.platform in ("win32", "darwin"):
            self.start_at_login.setEnabled(False)
            self.start_at_login.setToolTip("Use your system's settings to start apps at login.")
        self.caldav_on = QCheckBox("Put my planned follow-ups on my own &calendar server")
        self.caldav_on.setToolTip("Any CalDAV server: Nextcloud, Fastmail, iCloud, Radicale…")
        self.caldav_on.setChecked(self.account is not None)
        self.caldav_url = QLineEdit(self.account.url if self.account else "")
        self.caldav_url.setPlaceholderText("https://cloud.example.com/remote.php/dav/")
        self.caldav_user = QLineEdit(self.account.user if self.account else "")
        self.caldav_password = QLineEdit()
        self.caldav_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.caldav_password.setPlaceholderText(
            "Saved in the system keyring (type to replace it)"
            if self.account
            else "Kept in the system keyring"
        )
        fields: tuple[tuple[str, str, QWidget], ...] = (
            ("start_at_login", "At login:", self.start_at_login),
            ("caldav_on", "Calendar:", self.caldav_on),
            ("caldav_url", "Server &address:", self.caldav_url),
            ("caldav_user", "&User name:", self.caldav_user),
            ("caldav_password", "Pass&word:", self.caldav_password),
        )
        for name, label, widget in fields:
            self.form.add_field(name, label, widget)
        self.last_sync = QLabel(self._last_sync_text())
        self.last_sync.setWordWrap(True)
        self.last_sync.setTextFormat(Qt.TextFormat.PlainText)
        self.last_sync.setVisible(bool(self.last_sync.text()))
        note = QLabel(SENT_TO_SERVER)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.last_sync)
        layout.addWidget(note)
        layout.addStretch(1)
        self.caldav_on.toggled.connect(self._enable_server_fields)
        self._enable_server_fields(self.caldav_on.isChecked())

    def _last_sync_text(self) -> str:
        if self.location is None or self.account is None:
            return ""
        return last_outcome(self.location, self.account.url, self.account.user)

    def _enable_server_fields(self, on: bool) -> None:
        for field in (self.caldav_url, self.caldav_user, self.caldav_password):
            field.setEnabled(on)

    def _entered_account(self) -> CalDavAccount:
        return CalDavAccount(self.caldav_url.text().strip(), self.caldav_user.text().strip())

    def problems(self) -> dict[str, str]:
        """One line per refused field (nothing is written here)."""
        if not self.caldav_on.isChecked():
            return {}
        entered = self._entered_account()
        errors = {
            "caldav_url": server_url_problem(entered.url),
            "caldav_user": None if entered.user else "Give your user name on that server.",
            "caldav_password": None
            if self.caldav_password.text() or entered == self.account
            else "Give the password (or an app password) for that server.",
        }
        return {name: error for name, error in errors.items() if error}

    def apply(self) -> dict[str, str]:
        """Write what changed; the fields that could not be applied, with why."""
        failures: dict[str, str] = {}
        try:
            self._apply_start_at_login()
        except DesktopInstallError as error:
            failures["start_at_login"] = f"Cannot start at login: {error}."
        problem = self._apply_calendar()
        if problem:
            failures["caldav_password"] = problem
        return failures

    def _apply_start_at_login(self) -> None:
        if not self.start_at_login.isEnabled():
            return
        wanted, there = self.start_at_login.isChecked(), autostart_installed()
        if wanted and not there:
            install_autostart(find_launcher(), self._own_data_dir())
        elif there and not wanted:
            remove_autostart()

    def _own_data_dir(self) -> Path | None:
        if self.location is None or self.location.root == default_data_dir():
            return None
        return self.location.root

    def _apply_calendar(self) -> str:
        # A seam: the keyring library is slow to load, and only needed when this is applied.
        from followup_desktop.services.credentials import (
            KeyringUnavailableError,
            forget_password,
            save_password,
        )

        previous = self.account
        if not self.caldav_on.isChecked():
            if previous is not None:
                forget_password(previous.url, previous.user)
                set_caldav_account(None)
                self.account = None
            return ""
        entered = self._entered_account()
        password = self.caldav_password.text()
        if password:
            try:
                save_password(entered.url, entered.user, password)
            except KeyringUnavailableError as error:
                return str(error)  # nothing is stored anywhere else
        if previous is not None and previous != entered:
            forget_password(previous.url, previous.user)
        set_caldav_account(entered)
        self.account = entered
        return ""

"""Preferences' reminders tab, clicked and typed into: start at login, the calendar server set
up (password to the keyring only), and the window's sync running beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from memory_keyring import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from radicale_server import PASSWORD, USER, RadicaleServer

from followup_desktop import APP_ID
from followup_desktop.db.connection import StoreInfo
from followup_desktop.paths import DataLocation
from followup_desktop.services.caldav_account import (
    CalDavAccount,
    caldav_account,
    set_caldav_account,
)
from followup_desktop.services.credentials import NO_KEYRING_MESSAGE, save_password
from followup_desktop.services.follow_up_details import planned_details
from followup_desktop.ui.calendar_sync import CalendarSyncKeeper
from followup_desktop.ui.dialogs import reminder_preferences
from followup_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from followup_desktop.ui.dialogs.reminder_preferences import ReminderPreferences
from followup_desktop.ui.events import AppEvents


def _open(qtbot: QtBot) -> PreferencesDialog:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.reminders)
    return dialog


def _ok(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _type_account(qtbot: QtBot, dialog: PreferencesDialog, url: str, password: str) -> None:
    tab = dialog.reminders
    qtbot.mouseClick(tab.caldav_on, Qt.MouseButton.LeftButton)
    assert tab.caldav_on.isChecked() and tab.caldav_url.isEnabled()
    qtbot.keyClicks(tab.caldav_url, url)
    qtbot.keyClicks(tab.caldav_user, USER)
    qtbot.keyClicks(tab.caldav_password, password)


@pytest.mark.slow
def test_set_up_in_preferences_then_synced_beside_the_window(
    qtbot: QtBot,
    demo_store: StoreInfo,
    data_location: DataLocation,
    radicale: RadicaleServer,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = _open(qtbot)
    _type_account(qtbot, dialog, radicale.url, PASSWORD)
    _ok(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert caldav_account() == CalDavAccount(radicale.url, USER)
    assert list(memory_keyring.passwords.values()) == [PASSWORD]
    with sqlite3.connect(data_location.database) as connection:
        values = [value for (value,) in connection.execute("SELECT value FROM setting")]
    assert PASSWORD not in values

    events = AppEvents()
    lines: list[str] = []
    keeper = CalendarSyncKeeper(
        data_location, events, lambda line, _ms: lines.append(line), change_delay_ms=50
    )
    with qtbot.waitSignal(keeper.synced, timeout=60_000) as synced:
        events.follow_ups_changed.emit()  # a change in the window
        qtbot.waitUntil(lambda: keeper.running, timeout=5000)
    count = len(planned_details())
    assert synced.args == [f"Calendar synced: {count} follow-ups written.", False]
    assert lines == synced.args[:1]

    radicale.stop()
    with qtbot.waitSignal(keeper.synced, timeout=60_000) as failed:
        assert keeper.sync_now()
    message, is_failure = failed.args
    assert is_failure and message.startswith("Cannot reach the calendar server 127.0.0.1.")
    assert keeper.retry_timer.isActive()  # tried again later, nothing lost
    keeper.stop()
    # The tab says how the last sync ended (the status bar is hidden in the background).
    tab = ReminderPreferences(data_location)
    qtbot.addWidget(tab)
    assert tab.last_sync.text().startswith("Last sync, ")
    assert tab.last_sync.text().endswith(message)


def test_no_keyring_keeps_no_password_and_says_so(qtbot: QtBot, store: StoreInfo) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    dialog = _open(qtbot)
    _type_account(qtbot, dialog, "https://calendar.example.org/dav/", "secret")
    _ok(qtbot, dialog)

    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.reminders
    error = dialog.findChild(QLabel, "error_caldav_password")
    assert error is not None and error.isVisible() and error.text() == NO_KEYRING_MESSAGE
    assert caldav_account() is None


def test_a_server_address_is_checked(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = _open(qtbot)
    _type_account(qtbot, dialog, "calendar", "secret")
    _ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "error_caldav_url")
    assert error is not None and error.isVisible() and "https://" in error.text()
    assert caldav_account() is None


def test_start_at_login_on_and_off(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = tmp_path / "bin" / "followup-desktop"
    monkeypatch.setattr(reminder_preferences, "find_launcher", lambda: launcher)
    entry = tmp_path / "xdg-config" / "autostart" / f"{APP_ID}.desktop"

    dialog = _open(qtbot)
    assert not dialog.reminders.start_at_login.isChecked()
    qtbot.mouseClick(dialog.reminders.start_at_login, Qt.MouseButton.LeftButton)
    _ok(qtbot, dialog)
    assert f"Exec={launcher} --background\n" in entry.read_text(encoding="utf-8")

    again = _open(qtbot)
    assert again.reminders.start_at_login.isChecked()
    qtbot.mouseClick(again.reminders.start_at_login, Qt.MouseButton.LeftButton)
    _ok(qtbot, again)
    assert not entry.exists()


@pytest.mark.slow
def test_a_burst_of_changes_makes_one_sync(
    qtbot: QtBot, demo_store: StoreInfo, data_location: DataLocation, radicale: RadicaleServer
) -> None:
    set_caldav_account(CalDavAccount(radicale.url, USER))
    save_password(radicale.url, USER, PASSWORD)
    events = AppEvents()
    ended: list[str] = []
    keeper = CalendarSyncKeeper(data_location, events, lambda _line, _ms: None, change_delay_ms=300)
    keeper.synced.connect(lambda line, _failed: ended.append(line))
    for signal in (events.follow_ups_changed, events.contacts_changed, events.profile_changed):
        signal.emit()
        qtbot.wait(50)
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=60_000)
    qtbot.wait(800)  # nothing more was waiting
    assert ended == [f"Calendar synced: {len(planned_details())} follow-ups written."]
    keeper.stop()

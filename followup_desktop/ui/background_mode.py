"""Started at login (``--background``): no window until it is asked for. Reminders come as the
desktop's notifications (a tray icon too where the desktop has a tray); a click on one, the
tray icon or a later launch opens the window on the Today panel. Closing the window leaves the
reminders running; Quit ends them."""

from __future__ import annotations

import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from followup_desktop import APP_NAME
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.reminders import Notifier, ReminderBanner, TrayNotifier, tray_available


def open_on_today(window: MainWindow) -> None:
    """Show the window (built but never shown until now) with its Today panel forward."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.show_today()


class WindowBannerNotifier(ReminderBanner):
    """Where the desktop has neither notifications nor a tray: the window opens with the
    reminder banner, the only way left to reach the user."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.show_today_requested.connect(window.show_today)
        window.add_banner(self)

    def notify(self, title: str, message: str) -> None:
        super().notify(title, message)
        open_on_today(self.main_window)


def add_tray_icon(app: QApplication, window: MainWindow) -> QSystemTrayIcon:
    """The tray icon of the background app: a click opens the window; its menu quits."""
    icon = QSystemTrayIcon(QApplication.windowIcon(), window)
    icon.setToolTip(APP_NAME)
    menu = QMenu(window)
    open_action = QAction(f"Open {APP_NAME}", menu)
    open_action.triggered.connect(lambda _checked=False: open_on_today(window))
    quit_action = QAction("Quit", menu)
    quit_action.triggered.connect(lambda _checked=False: _quit(app, window))
    menu.addAction(open_action)
    menu.addSeparator()
    menu.addAction(quit_action)
    icon.setContextMenu(menu)
    icon.activated.connect(
        lambda reason: (
            open_on_today(window) if reason == QSystemTrayIcon.ActivationReason.Trigger else None
        )
    )
    icon.show()
    return icon


def _quit(app: QApplication, window: QWidget) -> None:
    # The window's own close first (it saves a draft and its layout); a refused close
    # (a draft that cannot be saved) keeps everything running.
    if not window.isVisible() or window.close():
        app.quit()


def _system_notifier(window: MainWindow) -> Notifier | None:
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS: the tray's own messages are the system's notifications
    # A seam: the D-Bus client exists on Linux only.
    from followup_desktop.ui.system_notifications import open_system_notifier

    system = open_system_notifier(window)
    if system is not None:
        system.activated.connect(lambda: open_on_today(window))
    return system


def start_in_background(app: QApplication, window: MainWindow) -> Notifier:
    """Keep running with no window; the notifier the reminders should use."""
    app.setQuitOnLastWindowClosed(False)
    window.quit_action.triggered.connect(lambda _checked=False: _quit(app, window))
    system = _system_notifier(window)
    if system is not None:
        if tray_available():
            add_tray_icon(app, window)
        return system
    if tray_available():  # the tray's own messages, and its icon
        tray = TrayNotifier(window)
        tray.activated.connect(lambda: open_on_today(window))
        return tray
    return WindowBannerNotifier(window)

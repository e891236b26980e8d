"""One place that shows failed writes to the user: a plain-text message, and the app goes on.

Every slot, dialog and action is covered by the exception hook: a storage failure raised
anywhere in the window becomes a message box instead of a crash or a silent traceback, and
since the failing transaction was rolled back, the same action can simply be tried again.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from followup_desktop import APP_NAME
from followup_desktop.services.storage_failures import storage_failure_message

T = TypeVar("T")
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

MESSAGE_TITLE = "Not saved"


def show_storage_message(parent: QWidget | None, message: str) -> None:
    """A warning box with the message as plain text (replaced in tests)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, f"{MESSAGE_TITLE} — {APP_NAME}", message, parent=parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _message_parent() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.activeModalWidget() or app.activeWindow()


def report_storage_failure(error: BaseException, parent: QWidget | None = None) -> bool:
    """Tell the user about a storage failure; False (and nothing shown) for any other error."""
    message = storage_failure_message(error)
    if message is None:
        return False
    print(f"followup-desktop: {message} ({error})", file=sys.stderr)  # noqa: T201
    target = parent or _message_parent()
    window = target.window() if target is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 15000)
    show_storage_message(target, message)
    return True


def guarded(action: Callable[[], T], parent: QWidget | None = None) -> T | None:
    """Run ``action``; a storage failure is shown and gives None, other errors propagate."""
    try:
        return action()
    except Exception as error:
        if report_storage_failure(error, parent):
            return None
        raise


def install_failure_hook() -> ExceptHook:
    """Route storage failures escaping any Qt slot to the user; return the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        try:
            handled = report_storage_failure(error)
        except Exception:  # never let the reporter hide the original failure
            traceback.print_exc()
            handled = False
        if not handled:
            previous(kind, error, trace)

    sys.excepthook = hook
    return previous

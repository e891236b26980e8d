"""The real window, offscreen, with a letter being typed in its composer (the draft tests).

Started as ``python composer_child.py DATA_DIR``. It runs the app's own start (``cli.main``);
storage messages are printed (``MESSAGE text``) instead of shown in a box. Once the window is up
it prints ``READY``; then it reads one request per line on stdin:

- ``open``: opens the composer on the first follow-up without a letter; prints ``OPENED ID``;
- ``type TEXT``: types TEXT at the end of the letter, key by key; prints ``TYPED``;
- ``status``: prints ``STATUS text``.

The test ends it with ``kill -9``, or by closing stdin (the app then quits normally).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from followup_desktop.db.models import FollowUp, Letter
from followup_desktop.ui import errors as ui_errors
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.main_window import MainWindow
from tests.data_safety.window_driver import say, serve_window


def window() -> MainWindow:
    (shown,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return shown


def composer() -> ComposerArea:
    area = window().show_area("composer")
    assert isinstance(area, ComposerArea)
    return area


def handle(line: str) -> None:
    command, _, argument = line.rstrip("\n").partition(" ")
    if command == "open":
        written = Letter.select(Letter.follow_up).where(Letter.follow_up.is_null(False))
        follow_up = FollowUp.select().where(FollowUp.id.not_in(written)).first()
        area = composer()
        area.open_follow_up(follow_up.id)
        area.body.setFocus()
        area.body.moveCursor(QTextCursor.MoveOperation.End)
        say(f"OPENED {follow_up.id}")
    elif command == "type":
        area = composer()
        area.body.moveCursor(QTextCursor.MoveOperation.End)
        for char in argument:
            QTest.keyClick(area.body, char)
        say("TYPED")
    elif command == "status":
        say(f"STATUS {composer().status.text()}")


def main() -> int:
    ui_errors.show_storage_message = lambda _parent, message: say(f"MESSAGE {message}")
    return serve_window(sys.argv[1], handle)


if __name__ == "__main__":
    sys.exit(main())

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

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from followup_desktop.cli import main as cli_main
from followup_desktop.db.models import FollowUp, Letter
from followup_desktop.ui import errors as ui_errors
from followup_desktop.ui.app import create_application
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.main_window import MainWindow


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


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
    app = create_application()
    ui_errors.show_storage_message = lambda _parent, message: say(f"MESSAGE {message}")
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read_request() -> None:
        line = sys.stdin.readline()
        if not line:  # the test went away
            notifier.setEnabled(False)
            QApplication.quit()
            return
        handle(line)

    notifier.activated.connect(read_request)

    def announce_when_shown() -> None:
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if shown:
            say("READY")
        else:
            QTimer.singleShot(50, announce_when_shown)

    QTimer.singleShot(0, announce_when_shown)
    return cli_main(["--data-dir", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())

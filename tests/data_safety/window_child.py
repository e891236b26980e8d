"""The real window, offscreen, on one data folder, saving on request (the shared-store tests).

Started as ``python window_child.py DATA_DIR``. It runs the app's own start (``cli.main``), so
the store is opened exactly as a user's window opens it. Once the window is up it prints
``READY``; then it reads one request per line on stdin:

- ``save N``: saves an application "Shared store N" through the services, on the window's
  own thread and connection, and prints ``ACK N`` once the transaction has committed;
- ``quit``: closes the window as the user would; the app then quits normally.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from followup_desktop.services.board import list_stages
from followup_desktop.services.records import ApplicationInput, save_application
from followup_desktop.ui.main_window import MainWindow
from tests.data_safety.window_driver import say, serve_window

SAVED_PREFIX = "Shared store "


def handle(line: str) -> None:
    command, _, argument = line.strip().partition(" ")
    if command == "save":
        stage_id = list_stages(include_hidden=False)[0].id
        save_application(
            ApplicationInput(
                company="Shared Store Company",
                position=f"{SAVED_PREFIX}{argument}",
                stage_id=stage_id,
            )
        )
        say(f"ACK {argument}")
    elif command == "quit":
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
        QApplication.quit()


def main() -> int:
    return serve_window(sys.argv[1], handle)


if __name__ == "__main__":
    sys.exit(main())

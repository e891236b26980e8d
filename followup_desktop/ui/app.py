"""Start the window: QApplication, the store (with clear messages), demo data, screenshot mode."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from followup_desktop import APP_DIR_NAME, APP_ID, APP_NAME, __version__
from followup_desktop.paths import DataLocation, resolve_data_location

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from followup_desktop.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's identity set (reused if one exists)."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_DIR_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_DIR_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from followup_desktop.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    return app


def show_error(title: str, message: str) -> None:
    """A message box in the window session, and the same line on stderr."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    print(f"followup-desktop: {message}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def ask_load_demo() -> bool:
    """Ask a newcomer whether to look around with demo data (replaced in tests)."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None,
        f"Welcome to {APP_NAME}",
        "Your tracker is empty. Load a demo job search to look around?\n\n"
        "You can start from scratch instead; the demo only goes into an empty store.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_user_store(location: DataLocation) -> str | None:
    """Open the store; return an error message instead of raising."""
    from followup_desktop.db.connection import open_store
    from followup_desktop.db.errors import StoreError

    try:
        location.ensure()
        open_store(location.database)
    except StoreError as error:
        return str(error)
    except OSError as error:
        return f"Cannot use the data folder {location.root}: {error.strerror or error}."
    return None


def run_window(args: argparse.Namespace) -> int:
    """Open the main window (or render it to a PNG with --screenshot) and run the event loop."""
    app = create_application()
    location = resolve_data_location(args.data_dir)
    problem = open_user_store(location)
    screenshot: str | None = args.screenshot
    if problem is not None:
        if screenshot:
            print(f"followup-desktop: {problem}", file=sys.stderr)
        else:
            show_error(APP_NAME, problem)
        return 1

    from followup_desktop.db.connection import close_store
    from followup_desktop.services.demo_data import fill_demo_data, store_is_empty

    try:
        if store_is_empty() and (
            args.demo or args.demo_if_empty or (not screenshot and ask_load_demo())
        ):
            fill_demo_data()
        from followup_desktop.ui.main_window import MainWindow, app_settings
        from followup_desktop.ui.paint_probe import PAINT_PROBE_ENV, FirstPaintProbe

        window = MainWindow(location)
        if screenshot:
            return render_screenshot(window, Path(screenshot), args.view)
        window.restore_state(app_settings(), args.view)
        if os.environ.get(PAINT_PROBE_ENV):
            FirstPaintProbe(window)
        window.show()
        status = int(app.exec())
        # Tear the window down while Qt is still alive: leaving it to interpreter shutdown
        # lets the garbage collector and Qt free the same objects in an unsafe order.
        window.deleteLater()
        del window
        app.processEvents()
        return status
    finally:
        close_store()


def render_screenshot(window: MainWindow, target: Path, view: str | None) -> int:
    """Show the window at a normal size, let it paint, and save it as a PNG."""
    from PySide6.QtWidgets import QApplication

    window.resize(1280, 800)
    window.statusBar().clearMessage()  # the data folder path says nothing in a picture
    window.show_area(view or "pipeline")
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        print(f"followup-desktop: cannot write {target}", file=sys.stderr)
        return 1
    print(f"screenshot written to {target}")
    return 0

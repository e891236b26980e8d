"""Start the window: QApplication, the store (with clear messages), demo data, screenshot mode."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from followup_desktop import APP_DIR_NAME, APP_ID, APP_NAME, __version__
from followup_desktop.paths import DataLocation, resolve_data_location

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.single_instance import SingleInstance


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's identity set (reused if one exists)."""
    # Qt hands large fills to a pool of threads; for a window's repaints the hand-off costs more
    # than it saves (measured: showing an area again about a fifth faster without it).
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    from PySide6.QtWidgets import QApplication

    from followup_desktop.ui.pyside_imports import skip_feature_source_scan

    skip_feature_source_scan()
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


class StartCancelledError(Exception):
    """The user chose to quit at the start-up check; nothing was changed."""


def show_notice(message: str) -> None:
    """An information box (replaced in tests)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def check_and_recover(location: DataLocation, *, interactive: bool, scan: bool = True) -> None:
    """Run the start-up check; offer the newest good backup for a damaged or missing store.

    Raises ``StoreError`` (or ``OSError``) with the reason when the store cannot be used, and
    ``StartCancelledError`` when the user prefers to quit. Never starts empty without asking.
    """
    from followup_desktop.db.errors import StoreDamagedError
    from followup_desktop.services.startup_check import inspect_store, recover_store

    location.ensure()
    problem = inspect_store(location, scan=scan)
    if problem is None:
        return
    if not interactive:
        raise StoreDamagedError(f"{problem.reason} Start the window to restore a backup.")
    from followup_desktop.ui.dialogs import recovery_dialog

    choice = recovery_dialog.ask_recovery(problem, location)
    if choice is recovery_dialog.RecoveryChoice.QUIT:
        raise StartCancelledError
    use_backup = choice is recovery_dialog.RecoveryChoice.RESTORE
    folder = recover_store(location, problem, use_backup=use_backup)
    show_notice(recovery_dialog.outcome_text(problem, use_backup=use_backup, folder=folder))


def open_user_store(
    location: DataLocation,
    *,
    interactive: bool = False,
    scan: bool = True,
) -> str | None:
    """Check, recover if needed, and open the store; return an error message instead of raising.

    An empty string means the user chose to quit. ``scan=False`` leaves the page-by-page
    check to a ``StoreScan`` started beside the window.
    """
    from followup_desktop.db.errors import StoreError

    try:
        check_and_recover(location, interactive=interactive, scan=scan)
        from followup_desktop.services.store import open_user_store as open_checked

        open_checked(location, already_checked=True)
    except StartCancelledError:
        return ""
    except StoreError as error:
        return str(error)
    except OSError as error:
        return folder_problem(location, error)
    return None


def folder_problem(location: DataLocation, error: OSError) -> str:
    """The user's one line for a data folder the system refuses."""
    return f"Cannot use the data folder {location.root}: {error.strerror or error}."


def close_store_connections() -> None:
    """Close the store (safe to call twice)."""
    from followup_desktop.db.connection import close_store

    close_store()


def claim_single_instance(location: DataLocation) -> tuple[SingleInstance | None, int | None]:
    """(the instance guard, None) for the first window; (None, exit status) for a later launch."""
    from followup_desktop.ui.single_instance import SingleInstance

    instance = SingleInstance(location)
    try:
        # The window answers later launches once it has painted (see SessionServices).
        acquired = instance.acquire(listen=False)
    except OSError as error:
        show_error(APP_NAME, f"Cannot use the data folder {location.root}: {error}.")
        return None, 1
    if acquired:
        return instance, None
    if instance.hand_over():
        print(f"{APP_NAME} is already open; its window was brought to the front.")
        return None, 0
    show_error(
        APP_NAME,
        f"{APP_NAME} is already open on {location.root} but does not answer. "
        "Close it (or wait for it to finish), then start again.",
    )
    return None, 1


def bring_to_front(window: QWidget) -> None:
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def show_backup_outcome(window: MainWindow, outcome: str) -> None:
    """Status-bar line for a background backup (a failure is shown, never fatal)."""
    from shiboken6 import isValid

    if outcome and isValid(window):
        window.statusBar().showMessage(outcome, 15000)
        if not outcome.startswith("Backed up"):
            print(f"followup-desktop: {outcome}", file=sys.stderr)


def backup_on_quit(location: DataLocation) -> None:
    from followup_desktop.db.errors import StoreError
    from followup_desktop.services.data_safety import routine_backup

    try:
        routine_backup(location, "quit")
    except StoreError as error:
        print(f"followup-desktop: {error}", file=sys.stderr)


def run_window(args: argparse.Namespace) -> int:
    """Open the main window (or render it to a PNG with --screenshot) and run the event loop."""
    # Nothing the start builds is garbage yet, so collecting while it is built only costs time
    # (some seventy collections, 5-10 % of the time to the first paint). The collector is back
    # on as soon as the window has painted (see SessionServices), or when this returns.
    gc.disable()
    try:
        app = create_application()
        location = resolve_data_location(args.data_dir)
        screenshot: str | None = args.screenshot
        instance = None
        if not screenshot:
            instance, status = claim_single_instance(location)
            if instance is None:
                return status or 0
        try:
            return _run_with_store(app, location, args, instance)
        finally:
            if instance is not None:
                instance.release()
    finally:
        gc.enable()


def _run_with_store(
    app: QApplication,
    location: DataLocation,
    args: argparse.Namespace,
    instance: SingleInstance | None,
) -> int:
    screenshot: str | None = args.screenshot
    # The window opens after the quick checks; the full scan of every page runs beside it.
    problem = open_user_store(location, interactive=not screenshot, scan=bool(screenshot))
    if problem is not None:
        if screenshot:
            print(f"followup-desktop: {problem}", file=sys.stderr)
        elif problem:
            show_error(APP_NAME, problem)
        return 1

    from followup_desktop.services.store_contents import store_is_empty

    try:
        if store_is_empty() and (
            args.demo or args.demo_if_empty or (not screenshot and ask_load_demo())
        ):
            from followup_desktop.services.demo_data import fill_demo_data

            fill_demo_data()
        from followup_desktop.ui.errors import install_failure_hook
        from followup_desktop.ui.paint_probe import PAINT_PROBE_ENV, FirstPaintProbe
        from followup_desktop.ui.session_services import SessionServices
        from followup_desktop.ui.store_scan import open_window

        if screenshot:
            from followup_desktop.services.planning import replan_once_a_day
            from followup_desktop.ui.main_window import MainWindow

            replan_once_a_day()  # the picture shows today's plan

            return render_screenshot(MainWindow(location), Path(screenshot), args.view)
        window = open_window(location, args.view)
        if isinstance(window, str):
            if window:
                show_error(APP_NAME, window)
            return 1
        previous_hook = install_failure_hook()
        if instance is not None:
            instance.activation_requested.connect(partial(bring_to_front, window))
        services = SessionServices(window, location, instance)
        if os.environ.get(PAINT_PROBE_ENV):
            FirstPaintProbe(window)  # installed last, so it reports before the services start
        window.show()
        status = int(app.exec())
        if instance is not None:
            instance.activation_requested.disconnect()
        services.stop()
        # Tear the window down while Qt is still alive: leaving it to interpreter shutdown
        # lets the garbage collector and Qt free the same objects in an unsafe order.
        window.deleteLater()
        del window
        app.processEvents()
        sys.excepthook = previous_hook
        backup_on_quit(location)
        return status
    finally:
        close_store_connections()


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

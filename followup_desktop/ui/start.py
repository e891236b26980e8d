"""From process start to a usable window and back, in order, as one reads it top to bottom.

Qt and the app's identity; the data folder; one window per folder (a second start hands over
and exits); the store, checked and opened (recovery in ``ui/recovery.py``); the demo for an
empty store; the window; what runs beside it once it has painted (``SessionServices``); and
the orderly end: services stopped, the window torn down, a backup, the store closed.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from followup_desktop import APP_NAME
from followup_desktop.paths import DataLocation, resolve_data_location
from followup_desktop.services.settings import demo_offered, set_demo_offered
from followup_desktop.services.store import close_user_store, store_is_read_only
from followup_desktop.services.store_contents import store_is_empty
from followup_desktop.ui import messages
from followup_desktop.ui.app import create_application
from followup_desktop.ui.errors import install_failure_hook
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.paint_probe import PAINT_PROBE_ENV, FirstPaintProbe
from followup_desktop.ui.recovery import build_window, folder_problem, open_store_at_start
from followup_desktop.ui.session_services import SessionServices
from followup_desktop.ui.single_instance import LockFileUnwritableError, SingleInstance


def run_window(args: argparse.Namespace) -> int:
    """Open the main window (or render it to a PNG with --screenshot); the exit status."""
    app = create_application()
    location = resolve_data_location(args.data_dir)
    if args.screenshot:
        return take_screenshot(location, args)
    instance = SingleInstance(location)
    status = claim_single_instance(instance, location, background=_background(args))
    if status is not None:
        return status
    try:
        return _run_session(app, location, args, instance)
    finally:
        instance.release()


def _background(args: argparse.Namespace) -> bool:
    """Started at login with --background (callers may build the options without it)."""
    return bool(getattr(args, "background", False))


def claim_single_instance(
    instance: SingleInstance, location: DataLocation, *, background: bool = False
) -> int | None:
    """None when this is the folder's first window; else the exit status of this launch.

    A ``background`` start beside a running app leaves it alone (it already reminds)."""
    try:
        # The window answers later launches once it has painted (see SessionServices).
        acquired = instance.acquire(listen=False)
    except LockFileUnwritableError:
        # Nothing can be written there (a full disk, a read-only folder): opening the store
        # says so, and offers to look at it read-only, which needs no lock.
        return None
    except OSError as error:
        messages.show_error(APP_NAME, folder_problem(location, error))
        return 1
    if acquired:
        return None
    if background:
        print(f"{APP_NAME} is already running on {location.root}.")  # noqa: T201
        return 0
    if instance.hand_over():
        print(f"{APP_NAME} is already open; its window was brought to the front.")  # noqa: T201
        return 0
    messages.show_error(
        APP_NAME,
        f"{APP_NAME} is already open on {location.root} but does not answer. "
        "Close it (or wait for it to finish), then start again.",
    )
    return 1


def _run_session(
    app: QApplication, location: DataLocation, args: argparse.Namespace, instance: SingleInstance
) -> int:
    # The page-by-page scan of the store runs beside the window (SessionServices).
    problem = open_store_at_start(location, interactive=True, scan=False)
    if problem is not None:
        if problem:
            messages.show_error(APP_NAME, problem)
        return 1
    try:
        read_only = store_is_read_only()
        if (
            not read_only
            and store_is_empty()
            and (args.demo or args.demo_if_empty or (not _background(args) and _offer_demo_once()))
        ):
            load_demo()
        window = build_window(location, args.view)
        if isinstance(window, str):
            if window:
                messages.show_error(APP_NAME, window)
            return 1
        if read_only:
            window.show_read_only()
        return _show_until_quit(
            app, window, location, instance, read_only=read_only, background=_background(args)
        )
    finally:
        close_user_store()


def _offer_demo_once() -> bool:
    """Ask a newcomer about the demo, once: an empty store is not asked again after a no."""
    if demo_offered():
        return False
    wanted = messages.ask_load_demo()
    set_demo_offered()
    return wanted


def load_demo() -> None:
    # A seam: the demo (and the rules it plans with) is loaded only for an empty store.
    from followup_desktop.services.demo_data import fill_demo_data

    fill_demo_data()


def _show_until_quit(
    app: QApplication,
    window: MainWindow,
    location: DataLocation,
    instance: SingleInstance,
    *,
    read_only: bool,
    background: bool = False,
) -> int:
    previous_hook = install_failure_hook()
    instance.activation_requested.connect(partial(bring_to_front, window))
    notifier = None
    if background:
        # Started at login: no window until asked for, reminders as desktop notifications.
        # A seam: the D-Bus client loads only for such a start.
        from followup_desktop.ui.background_mode import start_in_background

        notifier = start_in_background(app, window)
    services = SessionServices(
        window, location, instance, read_only=read_only, notifier=notifier, at_once=background
    )
    if os.environ.get(PAINT_PROBE_ENV):
        FirstPaintProbe(window)  # installed last, so it reports before the services start
    if not background:
        window.show()
    status = int(app.exec())
    instance.activation_requested.disconnect()
    services.stop()
    # Torn down while Qt is still alive: leaving the window to interpreter shutdown lets the
    # garbage collector and Qt free the same objects in an unsafe order.
    window.deleteLater()
    del window
    app.processEvents()
    sys.excepthook = previous_hook
    services.backup_on_quit()
    return status


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def take_screenshot(location: DataLocation, args: argparse.Namespace) -> int:
    """Open the store as it is (no questions), plan today, and save the window as a PNG."""
    from followup_desktop.services.planning import replan_once_a_day  # the seam of load_demo

    problem = open_store_at_start(location)
    if problem is not None:
        print(f"followup-desktop: {problem}", file=sys.stderr)  # noqa: T201
        return 1
    try:
        if store_is_empty() and (args.demo or args.demo_if_empty):
            load_demo()
        replan_once_a_day()  # the picture shows today's plan
        window = MainWindow(location)
        return render_screenshot(window, Path(args.screenshot), args.view, args.size)
    finally:
        close_user_store()


def render_screenshot(
    window: MainWindow, target: Path, view: str | None, size: tuple[int, int] = (1280, 800)
) -> int:
    """Show the window at ``size`` (a normal one by default), let it paint, save it as PNG."""
    window.resize(*size)
    window.statusBar().clearMessage()  # the data folder path says nothing in a picture
    area = window.show_area(view or "pipeline")
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    # An area that reads beside the window (Insights) is pictured with what it read.
    wait_until_drawn = getattr(area, "wait_until_drawn", None)
    if callable(wait_until_drawn):
        wait_until_drawn()
        QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        print(f"followup-desktop: cannot write {target}", file=sys.stderr)  # noqa: T201
        return 1
    print(f"screenshot written to {target}")  # noqa: T201
    return 0

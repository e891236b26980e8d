"""A damaged or missing store, at start and when found later: offer the newest good backup."""

from __future__ import annotations

from followup_desktop import APP_NAME
from followup_desktop.db.errors import StoreDamagedError, StoreError, StoreUnavailableError
from followup_desktop.paths import DataLocation
from followup_desktop.services.startup_check import (
    StartupProblem,
    damage_found_later,
    inspect_store,
    recover_open_store,
    recover_store,
)
from followup_desktop.services.storage_failures import is_database_error
from followup_desktop.services.store import (
    close_user_store,
    open_user_store,
    prepare_data_folder,
)
from followup_desktop.ui import messages
from followup_desktop.ui.dialogs import recovery_dialog
from followup_desktop.ui.main_window import MainWindow, app_settings


class StartCancelledError(Exception):
    """The user chose to quit at the start-up check; nothing was changed."""


def folder_problem(location: DataLocation, error: OSError) -> str:
    """The user's one line for a data folder the system refuses."""
    return f"Cannot use the data folder {location.root}: {error.strerror or error}."


def _ask_to_use_backup(location: DataLocation, problem: StartupProblem) -> bool:
    """Whether to restore the offered backup (else start empty); never starts empty unasked.

    Raises ``StartCancelledError`` when the user prefers to quit.
    """
    choice = recovery_dialog.ask_recovery(problem, location)
    if choice is recovery_dialog.RecoveryChoice.QUIT:
        raise StartCancelledError
    return choice is recovery_dialog.RecoveryChoice.RESTORE


def _recover(location: DataLocation, problem: StartupProblem, *, use_backup: bool) -> str:
    """Carry out the choice; what was done, in words for the notice that follows."""
    folder = recover_store(location, problem, use_backup=use_backup)
    return recovery_dialog.outcome_text(problem, use_backup=use_backup, folder=folder)


def check_and_recover(location: DataLocation, *, interactive: bool, scan: bool = True) -> None:
    """Run the start-up check; offer the newest good backup for a damaged or missing store.

    Raises ``StoreError`` (or ``OSError``) with the reason when the store cannot be used, and
    ``StartCancelledError`` when the user prefers to quit.
    """
    prepare_data_folder(location)
    problem = inspect_store(location, scan=scan)
    if problem is None:
        return
    if not interactive:
        raise StoreDamagedError(f"{problem.reason} Start the window to restore a backup.")
    messages.show_notice(
        _recover(location, problem, use_backup=_ask_to_use_backup(location, problem))
    )


def open_store_at_start(
    location: DataLocation, *, interactive: bool = False, scan: bool = True
) -> str | None:
    """Check, recover if needed, and open the store: None, or the reason it cannot be used
    ("" when the user chose to quit).

    ``scan=False`` leaves the page-by-page check to the scan that runs beside the window.
    A store that cannot be written just now (a full disk, a read-only drive or file, a lock)
    is offered to look at read-only when ``interactive``.
    """
    try:
        check_and_recover(location, interactive=interactive, scan=scan)
        open_user_store(location, already_checked=True)
    except StartCancelledError:
        return ""
    except StoreUnavailableError as error:
        if not interactive or not messages.ask_to_look(str(error)):
            return str(error) if not interactive else ""
        return _open_to_look(location)
    except StoreError as error:
        return str(error)
    except OSError as error:
        return folder_problem(location, error)
    return None


def _open_to_look(location: DataLocation) -> str | None:
    try:
        open_user_store(location, read_only=True)
    except StoreError as error:
        return str(error)
    return None


def build_window(location: DataLocation, view: str | None) -> MainWindow | str:
    """The main window on the open store, or the reason it cannot open ("" if the user quit).

    A damaged page that the first screen happens to read shows up before the scan reaches it;
    the store then gets the full check and the start's choice, and the window one more try.
    """
    try:
        return _built_window(location, view)
    except Exception as error:
        if not is_database_error(error):
            raise
        close_user_store()
    problem = open_store_at_start(location, interactive=True)
    if problem is not None:
        return problem
    return _built_window(location, view)


def _built_window(location: DataLocation, view: str | None) -> MainWindow:
    window = MainWindow(location)
    window.restore_state(app_settings(), view)
    return window


def recover_found_damage(location: DataLocation, reason: str) -> bool:
    """Ask what to do about the open store, found damaged meanwhile, and do it.

    True when the store was replaced (restored or emptied) and is open again; False when the
    user chose to quit or the recovery failed (its reason shown): the window should close.
    """
    problem = damage_found_later(location, reason)
    try:
        use_backup = _ask_to_use_backup(location, problem)
    except StartCancelledError:
        return False
    try:
        folder = recover_open_store(location, problem, use_backup=use_backup)
        # Checked in full again: a restored backup is scanned before anything reads it.
        open_user_store(location)
    except (StoreError, OSError) as error:
        messages.show_error(APP_NAME, str(error))
        return False
    messages.show_notice(
        recovery_dialog.outcome_text(problem, use_backup=use_backup, folder=folder)
    )
    return True

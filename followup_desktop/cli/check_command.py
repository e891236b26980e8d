"""``followup check [--full]``: open the store and report its health; exit 1 with the reason."""

from __future__ import annotations

import argparse

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from followup_desktop.cli.common import CommandError, fail, location_from, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.notes.fonts import bundled_font_families
from followup_desktop.notes.headless import ensure_gui_application
from followup_desktop.services.store import full_check


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="check the data folder and the database")
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument(
        "--full",
        action="store_true",
        help="also read every page and every reference (integrity_check and foreign_key_check; "
        "slower on years of data)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    location = location_from(args)
    print(f"data folder:    {location.root}")
    print(f"database:       {location.database}")
    try:
        _location, info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        print(f"schema version: {info.schema_version}")
        print(f"journal mode:   {info.journal_mode}")
        print(f"foreign keys:   {'on' if info.foreign_keys else 'off'}")
        print(f"quick_check:    {info.quick_check}")
        damage = full_check(location) if args.full else None
        if args.full:
            print(f"full check:     {'ok' if damage is None else 'FAILED'}")
        print(f"Qt:             {qVersion()} (PySide6 {pyside_version})")
        print(f"note fonts:     {', '.join(note_font_report()) or 'none found'}")
    finally:
        close_store()
    if damage is not None:
        return fail(f"{damage} Open Follow-up Desk to restore a backup.")
    return 0


def note_font_report() -> list[str]:
    """The handwriting fonts bundled for notes, by family name (registered without a window)."""
    ensure_gui_application()  # Qt's font database needs a GUI application
    return bundled_font_families()

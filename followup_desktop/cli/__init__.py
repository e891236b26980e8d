"""One ``main()`` for both entry points: the window by default, headless commands by name."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from followup_desktop import __version__
from followup_desktop.cli.commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup",
        description="Follow-up Desk: track applications and follow up on every one of them.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder holding the database, backups and exports (default: the platform's "
        "per-user data folder, or $FOLLOWUP_DATA_DIR)",
    )
    window = parser.add_argument_group("window options (when no command is given)")
    window.add_argument(
        "--demo", action="store_true", help="load the demo data into an empty store"
    )
    window.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="load the demo data when the store is empty, without asking",
    )
    window.add_argument(
        "--screenshot", metavar="FILE", help="render the main window to a PNG and exit"
    )
    window.add_argument(
        "--view",
        choices=("pipeline", "calendar", "contacts", "composer"),
        help="area to show first",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the window or a command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    from followup_desktop.ui.app import run_window

    return run_window(args)

"""One ``main()`` for both entry points: the window by default, headless commands by name."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from followup_desktop import __version__
from followup_desktop.cli.common import run_command

DESCRIPTION = "Follow-up Desk: track applications and follow up on every one of them."


def _add_common_options(parser: argparse.ArgumentParser) -> None:
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
        "--background",
        action="store_true",
        help="start without a window, for starting at login: reminders as desktop "
        "notifications and calendar sync; the window opens when asked for",
    )
    window.add_argument(
        "--screenshot", metavar="FILE", help="render the main window to a PNG and exit"
    )
    window.add_argument(
        "--size",
        metavar="WxH",
        type=_window_size,
        default=(1280, 800),
        help="the window's size for --screenshot (default: 1280x800)",
    )
    window.add_argument(
        "--view",
        choices=("pipeline", "calendar", "contacts", "composer", "insights", "table"),
        help="area to show first (table: the Pipeline area's table of applications)",
    )


def _window_size(text: str) -> tuple[int, int]:
    """ "1024x640" as (1024, 640), or a one-line reason argparse shows."""
    width, _x, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if not all(200 <= side <= 10_000 for side in size):
        raise argparse.ArgumentTypeError(
            f"use WIDTHxHEIGHT in pixels, such as 1024x640, not {text!r}"
        )
    return size


def build_parser() -> argparse.ArgumentParser:
    # A seam: every command (importers, exporters, PDF writing) is loaded only to run one,
    # never to open the window.
    from followup_desktop.cli.commands import COMMANDS

    parser = argparse.ArgumentParser(prog="followup", description=DESCRIPTION)
    _add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The parsed options when ``argv`` only opens the window, else None.

    Starting the window then skips importing every command (importers, exporters…), which
    would only delay the first paint.
    """
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    parser = argparse.ArgumentParser(prog="followup", add_help=False)
    _add_common_options(parser)
    args, rest = parser.parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the window or a command; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    window_args = _window_arguments(arguments)
    if window_args is None:
        args = build_parser().parse_args(arguments)
        handler = getattr(args, "handler", None)
        if handler is not None:
            return run_command(handler, args)
    else:
        args = window_args
    # A seam: the window's modules are loaded only to open it, never for a command.
    from followup_desktop.ui.start import run_window

    return run_window(args)

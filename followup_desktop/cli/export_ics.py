"""``followup export ics OUT``: every planned follow-up as an iCalendar file."""

from __future__ import annotations

import argparse
from pathlib import Path

from followup_desktop.cli.common import CommandError, fail, iso_date, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.ics_export import CalendarExportError, export_calendar
from followup_desktop.services.profile import get_profile


def register(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = formats.add_parser(
        "ics",
        help="planned follow-ups as an iCalendar file (calls timed in their window, "
        "the rest all-day)",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument("out", type=Path, metavar="OUT", help="the .ics file to write")
    parser.add_argument(
        "--alarm",
        type=_minutes,
        metavar="MINUTES",
        help="add a reminder this many minutes before each call (all-day items: at the "
        "reminder time set in the preferences)",
    )
    parser.add_argument("--from", dest="first", type=iso_date, metavar="YYYY-MM-DD")
    parser.add_argument("--until", dest="last", type=iso_date, metavar="YYYY-MM-DD")
    parser.set_defaults(handler=run)


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("minutes must be a whole number") from None
    if not 0 <= value <= 7 * 24 * 60:
        raise argparse.ArgumentTypeError("minutes must be between 0 and 10080 (a week)")
    return value


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():
        return fail(f"{out} is a folder; give the name of the .ics file to write.")
    if args.first and args.last and args.last < args.first:
        return fail("--until is before --from.")
    try:
        _location, _info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        count = export_calendar(
            out,
            alarm_minutes=args.alarm,
            reminder_time=get_profile().reminder_time,
            first=args.first,
            last=args.last,
        )
    except CalendarExportError as error:
        return fail(str(error))
    finally:
        close_store()
    print(f"{count} follow-up{'s' if count != 1 else ''} written to {out}")
    return 0

"""``followup sync``: write the planned follow-ups to your own calendar server (CalDAV)."""

from __future__ import annotations

import argparse
import getpass
import sys

from followup_desktop.cli.common import fail, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.caldav_account import (
    CalDavAccount,
    CalendarSyncError,
    caldav_account,
    server_url_problem,
    set_caldav_account,
)
from followup_desktop.services.caldav_sync import SYNC_CALENDAR_NAME, sync_follow_ups
from followup_desktop.services.credentials import (
    KeyringUnavailableError,
    forget_password,
    save_password,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="write the planned follow-ups to your own calendar server (CalDAV)",
        description=f"Keeps a calendar named “{SYNC_CALENDAR_NAME}” on your CalDAV server "
        "(Nextcloud, Fastmail, iCloud, Radicale…) in step with your planned follow-ups. "
        "The first time, give the server's address and your user name; the password is kept "
        "in the system keyring. After that, 'followup sync' syncs again.",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument("--caldav", metavar="URL", help="the calendar server's address")
    parser.add_argument("--user", metavar="NAME", help="your user name on that server")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (or app password) from standard input instead of asking",
    )
    parser.add_argument(
        "--off",
        action="store_true",
        help="stop syncing and forget the password (the server's calendar is left as it is)",
    )
    parser.set_defaults(handler=run)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        return ""
    return getpass.getpass("Password (or app password): ")


def run(args: argparse.Namespace) -> int:
    setting_up = args.caldav is not None or args.user is not None
    if setting_up and not (args.caldav and args.user):
        return fail("give both --caldav URL and --user NAME to set up calendar sync")
    if setting_up and (problem := server_url_problem(args.caldav)):
        return fail(problem)
    password: str | None = None
    if setting_up or args.password_stdin:
        password = _read_password(args.password_stdin)
        if not password:
            return fail("no password given; use --password-stdin to pass it on standard input")
    location, _info = open_store_for(args)
    try:
        if args.off:
            return _turn_off()
        if setting_up:
            assert password is not None  # read above
            account = CalDavAccount(args.caldav.strip(), args.user.strip())
            set_caldav_account(account)
            try:
                save_password(account.url, account.user, password)
                password = None  # from now on read from the keyring, as every later sync does
            except KeyringUnavailableError as error:
                print(
                    f"followup: {error} Give it with --password-stdin each time.", file=sys.stderr
                )
        elif caldav_account() is None:
            return fail("calendar sync is not set up; run: followup sync --caldav URL --user NAME")
        try:
            report = sync_follow_ups(location, password=password)
        except CalendarSyncError as error:
            return fail(str(error))
        print(report.summary())
        return 0
    finally:
        close_store()


def _turn_off() -> int:
    account = caldav_account()
    if account is None:
        print("Calendar sync was not set up.")
        return 0
    forget_password(account.url, account.user)
    set_caldav_account(None)
    print(f"Calendar sync is off; the calendar on {account.host} was left as it is.")
    return 0

"""``followup export applications OUT.csv``: every application with its job details, as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from followup_desktop.cli.common import CommandError, fail, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.exporters.application_csv import export_applications_csv
from followup_desktop.services.wording import counted


def register(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = formats.add_parser(
        "applications", help="every application with its job details as CSV for spreadsheets"
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        count = export_applications_csv(args.out)
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror or error}")
    finally:
        close_store()
    print(f"{counted(count, 'application')} written to {args.out}")
    return 0

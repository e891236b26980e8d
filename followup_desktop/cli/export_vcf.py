"""``followup export vcf OUT``: every contact as vCard 3.0."""

from __future__ import annotations

import argparse
from pathlib import Path

from followup_desktop.cli.common import CommandError, fail, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.exporters.vcard_writer import export_contacts_vcard


def register(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = formats.add_parser("vcf", help="contacts as a vCard 3.0 file for address books")
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        count = export_contacts_vcard(args.out)
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror or error}")
    finally:
        close_store()
    print(f"{count} contacts written to {args.out}")
    return 0

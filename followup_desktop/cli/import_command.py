"""``followup import vcf|csv FILE [--dry-run]``: bring contacts in from an address book export
(and ``followup import applications FILE.csv``, handled by its own module)."""

from __future__ import annotations

import argparse
from pathlib import Path

from followup_desktop.cli import import_applications
from followup_desktop.cli.common import CommandError, fail, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.importers.contact_import import (
    IMPORT_KINDS,
    import_contacts,
    read_import_file,
)
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.importers.csv_columns import CSV_FIELDS
from followup_desktop.services.importers.import_plan import NEW, SKIPPED, ImportPlan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import contacts from a vCard (.vcf) or CSV file, or applications from a CSV file",
        description="Import contacts. Records with the same e-mail, or the same name and "
        "company, as a known contact are merged into it; nothing is written if the file "
        "cannot be read in full.",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    parser.add_argument(
        "format",
        choices=(*IMPORT_KINDS, import_applications.KIND),
        help="vcf (vCard 2.1/3.0/4.0) or csv for contacts; applications for a spreadsheet "
        "of applications (CSV)",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="text encoding of the file (default: detected; e.g. utf-8, cp1252, utf-16)",
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="CSV only: read the column HEADER as FIELD (e.g. 'Given=first_name'; an empty "
        f"FIELD ignores the column). Contact fields: "
        f"{', '.join(k for k, _l in CSV_FIELDS if k)}. Application fields: "
        f"{import_applications.FIELDS_HELP}",
    )
    import_applications.add_arguments(parser)
    parser.set_defaults(handler=run)


def _column_choices(pairs: list[str]) -> dict[str, str]:
    choices = {}
    for pair in pairs:
        header, equals, field = pair.partition("=")
        if not equals or not header.strip():
            raise ImportFormatError(f"--column needs HEADER=FIELD, got {pair!r}")
        choices[header.strip()] = field.strip()
    return choices


def _report(plan: ImportPlan, verbose: bool) -> None:
    for item in plan.items:
        if (
            item.outcome == SKIPPED
            or (verbose and item.reason)
            or (verbose and item.outcome == NEW)
        ):
            detail = f": {item.reason}" if item.reason else ""
            print(f"  {item.source}  {item.outcome:<7} {item.name or '(no name)'}{detail}")


def run(args: argparse.Namespace) -> int:
    if args.format == import_applications.KIND:
        return import_applications.run(args)
    if args.stage:
        return fail("--stage is for importing applications")
    try:
        data = read_import_file(args.file)
        columns = _column_choices(args.column)
    except ImportFormatError as error:
        return fail(str(error))
    try:
        _location, _info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        plan, result = import_contacts(
            data,
            args.format,
            name=args.file.name,
            encoding=args.encoding,
            dry_run=args.dry_run,
            columns=columns,
        )
    except ImportFormatError as error:
        return fail(f"{args.file.name}: {error}; nothing was imported")
    finally:
        close_store()
    _report(plan, verbose=args.dry_run)
    if result is None:
        print(f"dry run, nothing written: would import {plan.summary()}")
    else:
        print(f"imported from {args.file.name}: {result.summary()}")
    return 0

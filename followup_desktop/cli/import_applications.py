"""``followup import applications FILE.csv``: bring in a spreadsheet of applications sent."""

from __future__ import annotations

import argparse

from followup_desktop.cli.common import CommandError, fail, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.services.importers.application_columns import APPLICATION_FIELDS
from followup_desktop.services.importers.application_import import (
    ApplicationImportPlan,
    import_applications,
)
from followup_desktop.services.importers.contact_import import read_import_file
from followup_desktop.services.importers.contact_record import ImportFormatError
from followup_desktop.services.wording import counted

#: What ``followup import`` calls this kind of file.
KIND = "applications"
FIELDS_HELP = ", ".join(key for key, _label in APPLICATION_FIELDS if key)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stage",
        action="append",
        default=[],
        metavar="NAME=STAGE",
        help="applications only: put rows whose status is NAME in your stage STAGE "
        "(e.g. 'Phone screen=Interview')",
    )


def _pairs(pairs: list[str], option: str, shape: str) -> dict[str, str]:
    chosen = {}
    for pair in pairs:
        left, equals, right = pair.partition("=")
        if not equals or not left.strip():
            raise ImportFormatError(f"{option} needs {shape}, got {pair!r}")
        chosen[left.strip()] = right.strip()
    return chosen


def _report(plan: ApplicationImportPlan, verbose: bool) -> None:
    for item in plan.items:
        if item.problem:
            print(f"  line {item.line}  refused  {item.problem}")
        elif verbose:
            data = item.data
            company = "new company" if not item.company_known else "known company"
            extra = f", {item.contact_outcome}" if item.contact_outcome else ""
            archived = ", archived" if item.archived else ""
            print(
                f"  line {item.line}  {item.stage_name:<10} {data.position} at {data.company} "
                f"({company}{extra}{archived})"
            )
    for status, count in plan.unknown_stages.items():
        print(
            f'  stage "{status}" ({count} rows) is not one of yours: add --stage "{status}=STAGE"'
        )


def run(args: argparse.Namespace) -> int:
    try:
        data = read_import_file(args.file)
        columns = _pairs(args.column, "--column", "HEADER=FIELD")
        stages = _pairs(args.stage, "--stage", "NAME=STAGE")
    except ImportFormatError as error:
        return fail(str(error))
    try:
        open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        plan, stored = import_applications(
            data,
            name=args.file.name,
            encoding=args.encoding,
            columns=columns,
            stages=stages,
            dry_run=args.dry_run,
        )
    except ImportFormatError as error:
        return fail(f"{args.file.name}: {error}; nothing was imported")
    finally:
        close_store()
    _report(plan, verbose=args.dry_run)
    if stored is None:
        problems = plan.problems()
        if problems:
            print(f"dry run, nothing written: {counted(len(problems), 'row')} would be refused")
            return 1
        print(f"dry run, nothing written: would import {plan.summary()}")
    else:
        print(f"imported from {args.file.name}: {plan.summary()}")
    return 0

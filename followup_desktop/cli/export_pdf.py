"""``followup export pdf``: one letter, or every handwritten note due by a date, as a print PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from followup_desktop.cli.common import CommandError, fail, iso_date, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.notes.headless import ensure_gui_application
from followup_desktop.notes.paper import ENVELOPE_SIZES
from followup_desktop.notes.pdf import PdfWriteError
from followup_desktop.notes.print_set import (
    NotPrintableError,
    build_print_set,
    check_printable,
    export_print_set,
)
from followup_desktop.services.letter_jobs import (
    LetterNotFoundError,
    due_note_letters,
    due_notes_without_letter,
    job_for_letter,
    note_job,
)
from followup_desktop.services.wording import counted


def register(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = formats.add_parser(
        "pdf",
        help="print-ready PDF of a letter, or of every note due by a date (cards, then envelopes)",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--letter", type=int, metavar="ID", help="the letter to export")
    which.add_argument(
        "--due-until",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="every planned handwritten note due on or before this day",
    )
    parser.add_argument("out", type=Path, metavar="OUT", help="the PDF file to write")
    parser.add_argument("--no-envelopes", action="store_true", help="cards only")
    parser.add_argument(
        "--envelope",
        choices=sorted(ENVELOPE_SIZES),
        default="",
        help="envelope size (default: the one that fits each card)",
    )
    parser.add_argument(
        "--plain-envelopes", action="store_true", help="address envelopes in a plain print font"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.out.is_dir():
        return fail(f"{args.out} is a folder; give the PDF file to write")
    try:
        _location, _info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        return _export(args)
    finally:
        close_store()


def _export(args: argparse.Namespace) -> int:
    ensure_gui_application()
    if args.letter is not None:
        try:
            job = note_job(args.letter)
            check_printable(job)
        except (LetterNotFoundError, NotPrintableError) as error:
            return fail(str(error))
        jobs = [job]
        title = job.label
    else:
        jobs = [job_for_letter(letter) for letter in due_note_letters(args.due_until)]
        unwritten = due_notes_without_letter(args.due_until)
        if unwritten:
            print(
                f"followup: note: {counted(unwritten, 'due note')} without a letter written yet",
                file=sys.stderr,
            )
        if not jobs:
            return fail(f"no handwritten note with a letter is due by {args.due_until}")
        title = f"Notes due by {args.due_until}"
    print_set = build_print_set(
        jobs,
        envelopes=not args.no_envelopes,
        envelope_size=args.envelope,
        plain_envelopes=args.plain_envelopes,
    )
    for problem in print_set.problems:
        print(f"followup: warning: {problem}", file=sys.stderr)
    if not print_set.cards:
        return fail("nothing could be printed")
    try:
        pages = export_print_set(print_set, args.out, title=title)
    except PdfWriteError as error:
        return fail(str(error))
    print(
        f"wrote {args.out}: {counted(len(print_set.cards), 'note')}, "
        f"{counted(len(print_set.envelopes), 'envelope')}, {counted(pages, 'page')}"
    )
    return 0

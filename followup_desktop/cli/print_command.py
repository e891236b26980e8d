"""``followup print``: a letter, or every handwritten note due by a date, sent to a printer."""

from __future__ import annotations

import argparse
import sys

from followup_desktop.cli.common import CommandError, fail, iso_date, open_store_for
from followup_desktop.db.connection import close_store
from followup_desktop.notes.headless import ensure_gui_application
from followup_desktop.notes.imposition import PrintLayout
from followup_desktop.notes.paper import ENVELOPE_SIZES
from followup_desktop.notes.print_plan import PrintRequest
from followup_desktop.notes.print_set import NotPrintableError, build_print_set, check_printable
from followup_desktop.notes.printers import PrintError, find_printer, printer_for
from followup_desktop.notes.printing import print_request
from followup_desktop.services.letter_jobs import (
    LetterNotFoundError,
    NoteJob,
    due_note_letters,
    due_notes_without_letter,
    job_for_letter,
    note_job,
)
from followup_desktop.services.wording import counted

_LAYOUTS = {layout.value: layout for layout in PrintLayout}


def _copies(text: str) -> int:
    """A number of copies from 1 to 99 (an argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of copies") from None
    if not 1 <= value <= 99:
        raise argparse.ArgumentTypeError(f"{value} copies: give a number from 1 to 99")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "print",
        help="print a letter, or every note due by a date, on its own paper (cards, envelopes)",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--letter", type=int, metavar="ID", help="the letter to print")
    which.add_argument(
        "--due-until",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="every planned handwritten note due on or before this day",
    )
    parser.add_argument("--printer", metavar="NAME", help="the print queue (default: the default)")
    parser.add_argument("--copies", type=_copies, default=1, metavar="N", help="copies of each")
    envelope = parser.add_mutually_exclusive_group()
    envelope.add_argument(
        "--envelope",
        choices=sorted(ENVELOPE_SIZES),
        default="",
        help="envelope size (default: the one that fits each card)",
    )
    envelope.add_argument("--no-envelope", action="store_true", help="cards only")
    parser.add_argument(
        "--layout",
        choices=sorted(_LAYOUTS),
        default=PrintLayout.CARD_PAPER.value,
        help="card: on paper of the card's size (true size with crop marks where the printer "
        "lacks it); crop: true size on the printer's paper with crop marks; n-up: as many "
        "as fit on the printer's paper, with cut marks",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        _location, _info = open_store_for(args)
    except CommandError as error:
        return fail(str(error))
    try:
        return _print(args)
    finally:
        close_store()


def _jobs(args: argparse.Namespace) -> tuple[list[NoteJob], str]:
    """The notes to print and the print's title; CommandError when there are none."""
    if args.letter is not None:
        try:
            job = note_job(args.letter)
            check_printable(job)
        except (LetterNotFoundError, NotPrintableError) as error:
            raise CommandError(str(error)) from None
        return [job], job.label or "Note"
    jobs = [job_for_letter(letter) for letter in due_note_letters(args.due_until)]
    unwritten = due_notes_without_letter(args.due_until)
    if unwritten:
        print(
            f"followup: note: {counted(unwritten, 'due note')} without a letter written yet",
            file=sys.stderr,
        )
    if not jobs:
        raise CommandError(f"no handwritten note with a letter is due by {args.due_until}")
    return jobs, f"Notes due by {args.due_until}"


def _print(args: argparse.Namespace) -> int:
    ensure_gui_application()
    try:
        jobs, title = _jobs(args)
        info = find_printer(args.printer)
    except (PrintError, CommandError) as error:
        return fail(str(error))
    print_set = build_print_set(jobs, envelopes=not args.no_envelope, envelope_size=args.envelope)
    for problem in print_set.problems:
        print(f"followup: warning: {problem}", file=sys.stderr)
    if not print_set.cards:
        return fail("nothing could be printed")
    request = PrintRequest(
        print_set.cards,
        print_set.envelopes,
        title,
        layout=_LAYOUTS[args.layout],
        copies=args.copies,
    )
    try:
        outcome = print_request(printer_for(info), request)
    except PrintError as error:
        return fail(str(error))
    print(outcome.summary())
    return 0

"""Check print jobs and turn them into sheets: cards first, then their envelopes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followup_desktop.notes.paper import NO_ENVELOPE
from followup_desktop.notes.pdf import write_pdf
from followup_desktop.notes.sheets import (
    MissingAddressError,
    SheetLayout,
    layout_envelope,
    layout_note,
)
from followup_desktop.services.letter_jobs import NoteJob
from followup_desktop.services.templates import unfilled_slots


class NotPrintableError(ValueError):
    """A note cannot be printed as it is; the message says what to change."""


def check_printable(job: NoteJob, sheet: SheetLayout | None = None) -> SheetLayout:
    """Lay out ``job`` and refuse it when a slot is unfilled or the text does not fit."""
    who = job.label or "the note"
    if not job.text.strip():
        raise NotPrintableError(f"{who} has no text yet")
    missing = unfilled_slots(job.text)
    if missing:
        slots = ", ".join("{" + name + "}" for name in missing)
        raise NotPrintableError(f"{who} still has unfilled slots: {slots}")
    sheet = sheet or layout_note(job)
    if sheet.overflow is not None:
        raise NotPrintableError(
            f"{who} does not fit on {sheet.paper.label}: {sheet.overflow.describe()}; "
            "shorten it or choose a larger card"
        )
    return sheet


@dataclass
class PrintSet:
    """The sheets to print and what was left out, one line per problem."""

    cards: list[SheetLayout] = field(default_factory=list)
    envelopes: list[SheetLayout] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def sheets(self) -> list[SheetLayout]:
        return self.cards + self.envelopes


def build_print_set(
    jobs: Sequence[NoteJob],
    *,
    envelopes: bool = True,
    envelope_size: str = "",
    plain_envelopes: bool = False,
    progress: Callable[[int], bool] | None = None,
) -> PrintSet:
    """Lay out every job; a job that cannot be printed is left out and named in ``problems``."""
    result = PrintSet()
    envelopes = envelopes and envelope_size != NO_ENVELOPE
    for number, job in enumerate(jobs, start=1):
        try:
            result.cards.append(check_printable(job))
        except NotPrintableError as error:
            result.problems.append(f"left out: {error}")
            continue
        if envelopes:
            try:
                result.envelopes.append(
                    layout_envelope(job, envelope=envelope_size, plain=plain_envelopes)
                )
            except MissingAddressError as error:
                result.problems.append(f"no envelope: {error}")
        if progress is not None and not progress(number):
            break
    return result


def export_print_set(
    print_set: PrintSet,
    target: Path,
    *,
    title: str = "Notes",
    progress: Callable[[int], bool] | None = None,
) -> int:
    return write_pdf(print_set.sheets, target, title=title, progress=progress)

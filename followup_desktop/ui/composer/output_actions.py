"""What the composer sends out: PDFs, print, envelopes, the due-notes batch, and the e-mail."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from followup_desktop.notes.fonts import handwriting_family, plain_family
from followup_desktop.notes.imposition import PrintLayout
from followup_desktop.notes.paper import NO_ENVELOPE
from followup_desktop.notes.pdf import PdfWriteError, write_pdf
from followup_desktop.notes.print_set import NotPrintableError, check_printable
from followup_desktop.notes.printers import PrintError
from followup_desktop.notes.sheets import MissingAddressError, SheetLayout, layout_envelope
from followup_desktop.services.atomic_files import atomic_write_bytes
from followup_desktop.services.email_message import eml_bytes, mailto_url
from followup_desktop.services.external_open import ExternalOpenError, open_external
from followup_desktop.services.letter_drafts import keep_envelope_address, recipient_email
from followup_desktop.services.letter_jobs import (
    NoteJob,
    due_note_jobs,
    due_notes_without_letter,
)
from followup_desktop.services.wording import counted
from followup_desktop.ui.composer import prompts
from followup_desktop.ui.composer.due_notes_export import BatchRequest, DueNotesExport
from followup_desktop.ui.composer.note_options import NoteSettings
from followup_desktop.ui.composer.printing import NotePrint, preview_note
from followup_desktop.ui.composer.printing import print_note as open_print_dialog

_PDF_FILTER = "PDF files (*.pdf)"


class ComposerSource(Protocol):
    """What the output actions need from the composer: the letter as it is now, and a word back."""

    def current_job(self) -> NoteJob: ...

    def laid_out_sheet(self, job: NoteJob) -> SheetLayout | None: ...

    def note_settings(self) -> NoteSettings: ...

    def letter_text(self) -> tuple[str, str]: ...

    def chosen_contact_id(self) -> int | None: ...

    def chosen_application_id(self) -> int | None: ...

    def recipient_contact_id(self) -> int | None: ...

    def reload_subject(self) -> None: ...

    def save_draft(self) -> bool: ...

    def report(self, message: str) -> None: ...


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _file_stem(text: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", text).strip().replace(" ", "-")
    return stem[:60] or "note"


class ComposerOutput:
    """The composer's output actions; every question to the user goes through ``prompts``."""

    def __init__(self, source: ComposerSource, parent: QWidget) -> None:
        self.source = source
        #: Questions and the batch's progress dialog open over this widget.
        self.parent = parent
        #: The due-notes batch running or last run (a background job writes the PDF).
        self.batch: DueNotesExport | None = None
        #: How cards meet the paper, as last chosen in the print dialog or preview.
        self.print_layout = PrintLayout.CARD_PAPER

    # --- notes ----------------------------------------------------------------------------

    def _printable_card(self) -> tuple[NoteJob, SheetLayout] | None:
        job = self.source.current_job()
        try:
            # The preview's layout is the one printed when nothing changed since it was drawn.
            sheet = check_printable(job, self.source.laid_out_sheet(job))
        except NotPrintableError as error:
            prompts.warn(self.parent, "Not ready to print", str(error).capitalize() + ".")
            return None
        return job, sheet

    def _suggested_name(self, job: NoteJob, suffix: str) -> Path:
        who = job.recipient_name or "note"
        return _documents_folder() / f"{_file_stem(who)}-{job.date:%Y-%m-%d}{suffix}"

    def _envelope_for(
        self, job: NoteJob, *, asking: bool, wanted: bool = False
    ) -> SheetLayout | None:
        """The envelope sheet; a missing address is asked for (and kept) or the envelope skipped.

        None as well when the user chose "No envelope", unless the envelope itself is ``wanted``
        (the envelope PDF), which then gets the one that fits.
        """
        settings = self.source.note_settings()
        if settings.envelope == NO_ENVELOPE and not wanted:
            return None
        for _attempt in range(3):
            try:
                return layout_envelope(
                    job, envelope=settings.envelope, plain=settings.plain_envelope
                )
            except MissingAddressError as error:
                if not asking:
                    return None
                who = (
                    (job.recipient_name or "the recipient") if error.which == "recipient" else "you"
                )
                typed = prompts.ask_address(self.parent, who)
                if typed is None:
                    self.source.report("No envelope: its address is missing.")
                    return None
                try:
                    keep_envelope_address(
                        error.which,
                        typed,
                        contact_id=self.source.chosen_contact_id(),
                        application_id=self.source.chosen_application_id(),
                    )
                except ValueError as problem:
                    prompts.warn(self.parent, "Address not kept", str(problem))
                    return None
                self.source.reload_subject()
                job = self.source.current_job()
        return None

    def export_pdf(self) -> None:
        """The card (and its envelope, when both addresses are known or given) as one PDF."""
        printable = self._printable_card()
        if printable is None:
            return
        job, sheet = printable
        target = prompts.ask_save_path(
            self.parent, "Export the note as PDF", self._suggested_name(job, ".pdf"), _PDF_FILTER
        )
        if target is None:
            return
        sheets = [sheet]
        envelope = self._envelope_for(job, asking=True)
        if envelope is not None:
            sheets.append(envelope)
        try:
            pages = write_pdf(sheets, target, title=job.label or "Note")
        except PdfWriteError as error:
            prompts.warn(self.parent, "PDF not written", str(error))
            return
        with_envelope = " with its envelope" if envelope is not None else ""
        self.source.report(f"Saved {target.name}{with_envelope} ({counted(pages, 'page')}).")

    def export_envelope(self) -> None:
        job = self.source.current_job()
        envelope = self._envelope_for(job, asking=True, wanted=True)
        if envelope is None:
            return
        target = prompts.ask_save_path(
            self.parent,
            "Export the envelope as PDF",
            self._suggested_name(job, "-envelope.pdf"),
            _PDF_FILTER,
        )
        if target is None:
            return
        try:
            write_pdf([envelope], target, title=f"Envelope — {job.recipient_name}")
        except PdfWriteError as error:
            prompts.warn(self.parent, "PDF not written", str(error))
            return
        self.source.report(f"Saved {target.name}.")

    def _note_print(self) -> tuple[NotePrint, str] | None:
        """The card and, unless "No envelope" was chosen, its envelope, with a word on it."""
        printable = self._printable_card()
        if printable is None:
            return None
        job, sheet = printable
        envelope = self._envelope_for(job, asking=False)
        missing = ""
        if envelope is None and self.source.note_settings().envelope != NO_ENVELOPE:
            missing = " No envelope: its address is missing."
        title = job.recipient_name or job.label or "Note"
        return NotePrint([sheet], [envelope] if envelope is not None else [], title), missing

    def print_note(self) -> None:
        """The print dialog, with the card's options; each job printed on its own paper."""
        prepared = self._note_print()
        if prepared is None:
            return
        note, missing = prepared
        try:
            result = open_print_dialog(self.parent, note, self.print_layout)
        except PrintError as error:
            prompts.warn(self.parent, "Not printed", str(error).capitalize() + ".")
            return
        if result is not None:
            outcome, self.print_layout = result
            self.source.report(outcome.summary() + missing)

    def print_preview(self) -> None:
        """File → Print Preview: the pages each job prints; printing from it prints them all."""
        prepared = self._note_print()
        if prepared is None:
            return
        note, missing = prepared
        dialog, _accepted = preview_note(self.parent, note, self.print_layout)
        self.print_layout = dialog.layout_choice()
        if dialog.error:
            prompts.warn(self.parent, "Not printed", dialog.error.capitalize() + ".")
        elif dialog.outcome is not None:
            self.source.report(dialog.outcome.summary() + missing)
        dialog.deleteLater()

    def export_due_notes(self) -> None:
        """Every planned note due up to a day: cards first, then envelopes, in one PDF."""
        parent = self.parent
        if not self.source.save_draft():
            return  # the letter on screen would be printed as it was last stored
        answer = prompts.ask_text(
            parent,
            "Due notes to PDF",
            "Print the handwritten notes due up to (YYYY-MM-DD):",
            dt.date.today().isoformat(),
        )
        if answer is None:
            return
        try:
            until = dt.date.fromisoformat(answer.strip())
        except ValueError:
            prompts.warn(parent, "Not a date", f"“{answer}” is not a date like 2026-03-31.")
            return
        # Read on this thread, before the batch starts: the batch gets values only.
        jobs = tuple(due_note_jobs(until))
        if not jobs:
            prompts.inform(parent, "Nothing to print", f"No written note is due by {until}.")
            return
        target = prompts.ask_save_path(
            parent, "Save the due notes", _documents_folder() / f"notes-{until}.pdf", _PDF_FILTER
        )
        if target is None:
            return
        if self.batch is not None and self.batch.running:
            prompts.inform(parent, "Already writing", "The due notes are already being written.")
            return
        unwritten = due_notes_without_letter(until)
        settings = self.source.note_settings()
        # Fonts are registered with Qt here, before another thread asks for them.
        handwriting_family("")
        plain_family()
        request = BatchRequest(
            jobs,
            target,
            f"Notes due by {until}",
            envelope_size=settings.envelope,
            plain_envelopes=settings.plain_envelope,
        )
        if self.batch is not None:
            self.batch.dispose()
        batch = DueNotesExport(parent, request)
        self.batch = batch

        def finished(outcome: str) -> None:
            self.source.report(batch.message)
            notes = list(batch.result.problems) if batch.result else []
            if unwritten:
                notes.append(
                    f"{counted(unwritten, 'due note')} without a letter yet: open them in the "
                    "composer and write them first."
                )
            if outcome == "failed":
                prompts.warn(parent, "PDF not written", batch.message)
            elif outcome in ("saved", "empty") and notes:
                details = "\n".join([batch.message, *notes])
                prompts.inform(parent, "Some notes need attention", details)

        batch.done.connect(finished)
        batch.start()

    # --- e-mail ---------------------------------------------------------------------------

    def open_in_mail_app(self) -> None:
        _name, address = recipient_email(self.source.recipient_contact_id())
        subject, body = self.source.letter_text()
        try:
            open_external(mailto_url(address, subject, body))
        except ExternalOpenError as error:
            prompts.warn(self.parent, "Mail program not opened", str(error))
            return
        self.source.report("Opened in your mail program. Mark it sent once you have sent it.")

    def copy_text(self) -> None:
        _subject, body = self.source.letter_text()
        QGuiApplication.clipboard().setText(body)
        self.source.report("The text is on the clipboard.")

    def save_eml(self) -> None:
        name, address = recipient_email(self.source.recipient_contact_id())
        job = self.source.current_job()
        target = prompts.ask_save_path(
            self.parent,
            "Save the e-mail",
            self._suggested_name(job, ".eml"),
            "E-mail messages (*.eml)",
        )
        if target is None:
            return
        subject, body = self.source.letter_text()
        data = eml_bytes(
            sender_name=job.sender_name,
            sender_email=job.sender_email,
            to_name=name,
            to_email=address,
            subject=subject,
            body=body,
        )
        try:
            atomic_write_bytes(target, data)
        except OSError as error:
            prompts.warn(
                self.parent, "E-mail not saved", f"Cannot write {target}: {error.strerror}"
            )
            return
        self.source.report(f"Saved {target.name}: open it in your mail program to send.")

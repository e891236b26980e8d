"""What the composer sends out: PDFs, print, envelopes, the due-notes batch, and the e-mail."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication

from followup_desktop.db.models import Contact, database
from followup_desktop.notes.fonts import handwriting_family, plain_family
from followup_desktop.notes.pdf import PdfWriteError, write_pdf
from followup_desktop.notes.print_set import NotPrintableError, check_printable
from followup_desktop.notes.sheets import MissingAddressError, SheetLayout, layout_envelope
from followup_desktop.services.atomic_files import atomic_write_bytes
from followup_desktop.services.email_message import eml_bytes, mailto_url
from followup_desktop.services.external_open import ExternalOpenError, open_external
from followup_desktop.services.letter_jobs import (
    NoteJob,
    due_note_letters,
    due_notes_without_letter,
    job_for_letter,
    save_recipient_address,
    save_return_address,
)
from followup_desktop.ui.composer import prompts
from followup_desktop.ui.composer.due_notes_export import BatchRequest, DueNotesExport

if TYPE_CHECKING:
    from followup_desktop.ui.composer.area import ComposerArea

_PDF_FILTER = "PDF files (*.pdf)"


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _file_stem(text: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", text).strip().replace(" ", "-")
    return stem[:60] or "note"


def open_print_preview(area: ComposerArea, sheets: list[SheetLayout], title: str) -> bool:
    from followup_desktop.ui.composer.printing import print_with_preview

    return print_with_preview(area, sheets, title)


class ComposerOutput:
    """The composer's output actions; every question to the user goes through ``prompts``."""

    def __init__(self, area: ComposerArea) -> None:
        self.area = area
        #: The due-notes batch running or last run (its worker thread writes the PDF).
        self.batch: DueNotesExport | None = None

    # --- notes ----------------------------------------------------------------------------

    def _printable_card(self) -> tuple[NoteJob, SheetLayout] | None:
        area = self.area
        job = area.current_job()
        # The preview's layout is the one printed when nothing changed since it was drawn.
        laid_out = area.sheet if area.sheet_job == job else None
        try:
            sheet = check_printable(job, laid_out)
        except NotPrintableError as error:
            prompts.warn(area, "Not ready to print", str(error).capitalize() + ".")
            return None
        return job, sheet

    def _suggested_name(self, job: NoteJob, suffix: str) -> Path:
        who = job.recipient_name or "note"
        return _documents_folder() / f"{_file_stem(who)}-{job.date:%Y-%m-%d}{suffix}"

    def _envelope_for(self, job: NoteJob, *, asking: bool) -> SheetLayout | None:
        """The envelope sheet; a missing address is asked for (and kept) or the envelope skipped."""
        area = self.area
        settings = area.options.settings()
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
                typed = prompts.ask_address(area, who)
                if typed is None:
                    area.status.setText("No envelope: its address is missing.")
                    return None
                try:
                    with database.atomic():
                        if error.which == "recipient":
                            save_recipient_address(
                                contact_id=area.contact_id,
                                application_id=area.application_id,
                                address=typed,
                            )
                        else:
                            save_return_address(typed)
                except ValueError as problem:
                    prompts.warn(area, "Address not kept", str(problem))
                    return None
                area._reload_subject()
                job = area.current_job()
        return None

    def export_pdf(self) -> None:
        """The card (and its envelope, when both addresses are known or given) as one PDF."""
        area = self.area
        printable = self._printable_card()
        if printable is None:
            return
        job, sheet = printable
        target = prompts.ask_save_path(
            area, "Export the note as PDF", self._suggested_name(job, ".pdf"), _PDF_FILTER
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
            prompts.warn(area, "PDF not written", str(error))
            return
        with_envelope = " with its envelope" if envelope is not None else ""
        area.status.setText(f"Saved {target.name}{with_envelope} ({pages} page(s)).")

    def export_envelope(self) -> None:
        area = self.area
        job = area.current_job()
        envelope = self._envelope_for(job, asking=True)
        if envelope is None:
            return
        target = prompts.ask_save_path(
            area,
            "Export the envelope as PDF",
            self._suggested_name(job, "-envelope.pdf"),
            _PDF_FILTER,
        )
        if target is None:
            return
        try:
            write_pdf([envelope], target, title=f"Envelope — {job.recipient_name}")
        except PdfWriteError as error:
            prompts.warn(area, "PDF not written", str(error))
            return
        area.status.setText(f"Saved {target.name}.")

    def print_note(self) -> None:
        area = self.area
        printable = self._printable_card()
        if printable is None:
            return
        job, sheet = printable
        sheets = [sheet]
        envelope = self._envelope_for(job, asking=False)
        if envelope is not None:
            sheets.append(envelope)
        if open_print_preview(area, sheets, job.recipient_name or "Note"):
            area.status.setText("Sent to the printer.")

    def export_due_notes(self) -> None:
        """Every planned note due up to a day: cards first, then envelopes, in one PDF."""
        area = self.area
        area.save_draft()
        answer = prompts.ask_text(
            area,
            "Due notes to PDF",
            "Print the handwritten notes due up to (YYYY-MM-DD):",
            dt.date.today().isoformat(),
        )
        if answer is None:
            return
        try:
            until = dt.date.fromisoformat(answer.strip())
        except ValueError:
            prompts.warn(area, "Not a date", f"“{answer}” is not a date like 2026-03-31.")
            return
        letters = due_note_letters(until)
        if not letters:
            prompts.inform(area, "Nothing to print", f"No written note is due by {until}.")
            return
        target = prompts.ask_save_path(
            area, "Save the due notes", _documents_folder() / f"notes-{until}.pdf", _PDF_FILTER
        )
        if target is None:
            return
        if self.batch is not None and self.batch.running:
            prompts.inform(area, "Already writing", "The due notes are already being written.")
            return
        # Read on this thread: the store's connection belongs to it; the worker gets values.
        jobs = tuple(job_for_letter(letter) for letter in letters)
        unwritten = due_notes_without_letter(until)
        settings = area.options.settings()
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
        batch = DueNotesExport(area, request)
        self.batch = batch

        def finished(outcome: str) -> None:
            area.status.setText(batch.message)
            notes = list(batch.result.problems) if batch.result else []
            if unwritten:
                notes.append(
                    f"{unwritten} due note(s) have no letter yet: open them in the composer "
                    "and write them first."
                )
            if outcome == "failed":
                prompts.warn(area, "PDF not written", batch.message)
            elif outcome in ("saved", "empty") and notes:
                details = "\n".join([batch.message, *notes])
                prompts.inform(area, "Some notes need attention", details)

        batch.done.connect(finished)
        batch.start()

    # --- e-mail ---------------------------------------------------------------------------

    def _recipient_email(self) -> tuple[str, str]:
        contact_id = self.area.contact_id or (
            self.area.subject_info.contact_id if self.area.subject_info else None
        )
        contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
        if contact is None:
            return "", ""
        return contact.full_name, contact.email

    def open_in_mail_app(self) -> None:
        area = self.area
        _name, address = self._recipient_email()
        url = mailto_url(address, area.subject.text(), area.body.toPlainText())
        try:
            open_external(url)
        except ExternalOpenError as error:
            prompts.warn(area, "Mail program not opened", str(error))
            return
        area.status.setText("Opened in your mail program. Mark it sent once you have sent it.")

    def copy_text(self) -> None:
        area = self.area
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(area.body.toPlainText())
        area.status.setText("The text is on the clipboard.")

    def save_eml(self) -> None:
        area = self.area
        name, address = self._recipient_email()
        job = area.current_job()
        target = prompts.ask_save_path(
            area,
            "Save the e-mail",
            self._suggested_name(job, ".eml"),
            "E-mail messages (*.eml)",
        )
        if target is None:
            return
        data = eml_bytes(
            sender_name=job.sender_name,
            sender_email=job.sender_email,
            to_name=name,
            to_email=address,
            subject=area.subject.text(),
            body=area.body.toPlainText(),
        )
        try:
            atomic_write_bytes(target, data)
        except OSError as error:
            prompts.warn(area, "E-mail not saved", f"Cannot write {target}: {error.strerror}")
            return
        area.status.setText(f"Saved {target.name}: open it in your mail program to send.")

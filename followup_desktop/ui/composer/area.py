"""Composer area: pick who and why, write from a template, watch the coach and the card."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from followup_desktop.notes.sheets import SheetLayout
from followup_desktop.services.letter_drafts import (
    StoredLetter,
    follow_up_to_write,
    latest_letter_for,
    save_letter_draft,
    stored_letter,
)
from followup_desktop.services.letter_jobs import NoteJob
from followup_desktop.services.letter_sending import LetterSendError, mark_letter_sent
from followup_desktop.services.templates import TEMPLATE_FOR_REASON
from followup_desktop.ui.composer.action_bar import ComposerActionBar
from followup_desktop.ui.composer.desk import LetterDesk
from followup_desktop.ui.composer.draft_saving import DraftSaving
from followup_desktop.ui.composer.header import CHANNELS, ComposerHeader, select_choice
from followup_desktop.ui.composer.note_options import NoteSettings
from followup_desktop.ui.composer.output_actions import ComposerOutput
from followup_desktop.ui.composer.template_actions import TemplateActions
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import WARNING_ON_WINDOW, tone_text

#: The preview follows typing after this pause (layout and paint take a few ms).
_PREVIEW_DELAY_MS = 60


class ComposerArea(QWidget):
    """A letter for a follow-up (or for a contact and application); drafts save as you type."""

    def __init__(
        self, events: AppEvents, parent: QWidget | None = None, *, data_root: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.events = events
        self._data_root = data_root
        self.letter_id: int | None = None
        self.follow_up_id: int | None = None
        self.application_id: int | None = None
        self.contact_id: int | None = None
        self.letter_state = "draft"
        #: Set while a letter is being shown: the pickers' changes are not the user's edits.
        self._loading = False
        self.header = ComposerHeader(lambda: self.contact_id)
        self.desk = LetterDesk(self.header.channel)
        self.action_bar = ComposerActionBar()
        self.status = QLabel()
        self.status.setObjectName("composer_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)  # a failed save's message is long; never widen the window
        self._lay_out()
        self.template_actions = TemplateActions(self.header, self, self)
        self.output = ComposerOutput(self, self)
        self.drafts = DraftSaving(self._write_draft, self.report, self)
        self._preview_timer = QTimer(self, singleShot=True, interval=_PREVIEW_DELAY_MS)
        self._connect()
        self.refresh()
        self.template_actions.reload()
        self._show_empty()

    def showEvent(self, event: QShowEvent) -> None:
        # The user's templates live in the data folder, known once the area is in the window.
        self.template_actions.reload_if_moved()
        super().showEvent(event)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.desk, 1)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.status)
        # The parts' widgets that the window and the tests reach by name.
        header, editor, card, bar = self.header, self.desk.editor, self.desk.card, self.action_bar
        self.follow_up_picker, self.contact_picker = header.follow_up_picker, header.contact_picker
        self.application_picker = header.application_picker
        self.channel_picker, self.template_picker = header.channel_picker, header.template_picker
        self.subject, self.body, self.coach = editor.subject, editor.body, editor.coach
        self.word_count, self.slot_notice = editor.word_count, editor.slot_notice
        self.options, self.preview = card.options, card.preview
        self.export_button, self.mail_button = bar.export_button, bar.mail_button
        self.sent_button = bar.sent_button

    def _connect(self) -> None:
        header, bar, output = self.header, self.action_bar, self.output
        self._preview_timer.timeout.connect(self.update_preview)
        header.follow_up_picker.activated.connect(self._on_follow_up_picked)
        header.contact_picker.activated.connect(self._on_contact_picked)
        header.application_picker.activated.connect(self._on_application_picked)
        header.channel_picker.currentIndexChanged.connect(self._on_channel_changed)
        header.use_template_button.clicked.connect(self.use_selected_template)
        header.edit_template_action.triggered.connect(self.edit_template_text)
        header.save_template_action.triggered.connect(self.save_as_template)
        self.desk.edited.connect(self._on_edited)
        bar.export_button.clicked.connect(output.export_pdf)
        bar.print_button.clicked.connect(output.print_note)
        bar.envelope_button.clicked.connect(output.export_envelope)
        bar.batch_button.clicked.connect(output.export_due_notes)
        bar.mail_button.clicked.connect(output.open_in_mail_app)
        bar.copy_button.clicked.connect(output.copy_text)
        bar.eml_button.clicked.connect(output.save_eml)
        bar.sent_button.clicked.connect(self.mark_sent)
        self.events.follow_ups_changed.connect(self.refresh)
        self.events.contacts_changed.connect(self.refresh)
        self.events.applications_changed.connect(self.refresh)
        self.events.profile_changed.connect(self.reload_subject)
        self.events.store_replaced.connect(self._on_store_replaced)

    # --- what the template and output actions read and tell -------------------------------

    def data_root(self) -> Path | None:
        """The data folder (the user's templates live there); known once in the window."""
        if self._data_root is not None:
            return self._data_root
        location = getattr(self.window(), "location", None)
        return getattr(location, "root", None)

    def channel(self) -> str:
        return self.header.channel()

    def chosen_contact_id(self) -> int | None:
        return self.contact_id

    def chosen_application_id(self) -> int | None:
        return self.application_id

    def recipient_contact_id(self) -> int | None:
        """The chosen contact, else the one the follow-up or application is with."""
        subject = self.desk.subject_info
        if self.contact_id is None and subject is not None:
            return subject.contact_id
        return self.contact_id

    def letter_text(self) -> tuple[str, str]:
        return self.desk.editor.subject_text(), self.desk.editor.text()

    def replace_text(self, subject: str, body: str, *, edited: bool) -> None:
        """Show this text; ``edited`` saves it and checks it as if it had been typed."""
        self._set_text(subject, body)
        if edited:
            self._on_edited()

    def note_settings(self) -> NoteSettings:
        return self.desk.card.options.settings()

    def current_job(self) -> NoteJob:
        """The letter as it is now, ready for the note engine."""
        return self.desk.current_job(self.letter_id)

    @property
    def sheet(self) -> SheetLayout | None:
        """The card as the preview shows it."""
        return self.desk.sheet

    def laid_out_sheet(self, job: NoteJob) -> SheetLayout | None:
        """The preview's layout of ``job`` when nothing changed since it was drawn."""
        return self.desk.sheet if self.desk.sheet_job == job else None

    def report(self, message: str, failed: bool = False) -> None:
        """One line under the letter; ``failed`` (a draft not saved) shows it in red."""
        tone_text(self.status, WARNING_ON_WINDOW if failed else None)
        self.status.setText(message)

    # --- templates ------------------------------------------------------------------------

    def use_selected_template(self, *, ask: bool = True) -> None:
        self.template_actions.use_selected(ask=ask)

    def edit_template_text(self) -> None:
        self.template_actions.edit_text()

    def save_as_template(self) -> None:
        self.template_actions.save_as_template()

    # --- choosing what to write -----------------------------------------------------------

    def refresh(self) -> None:
        """Reload the pickers (follow-ups due soon, contacts) keeping the current choice."""
        self.header.forget_lists(self.follow_up_id, self.contact_id, self.application_id)

    def _on_follow_up_picked(self, _index: int) -> None:
        follow_up_id = self.header.follow_up_picker.currentData()
        if follow_up_id is not None:
            self.open_follow_up(int(follow_up_id))
        elif self._let_go_of_letter():
            self.follow_up_id = None
            self.letter_id = None
            self.reload_subject()

    def _on_contact_picked(self, _index: int) -> None:
        self._choose_people(self.header.contact_picker.currentData(), self.application_id)

    def _on_application_picked(self, _index: int) -> None:
        self._choose_people(self.contact_id, self.header.application_picker.currentData())

    def _choose_people(self, contact_id: object, application_id: object) -> None:
        """A letter not tied to a follow-up: to a contact, about an application."""
        if not self._let_go_of_letter():
            return
        self.follow_up_id = None
        self.letter_id = None
        self.letter_state = "draft"
        select_choice(self.header.follow_up_picker, None)
        self.contact_id = int(str(contact_id)) if contact_id is not None else None
        self.application_id = int(str(application_id)) if application_id is not None else None
        self.header.show_application(self.application_id)
        self.reload_subject()
        if not self.desk.editor.text().strip():
            self.use_selected_template(ask=False)

    def open_follow_up(self, follow_up_id: int) -> None:
        """Show the follow-up's latest draft, or start one from the template for its reason."""
        if not self._let_go_of_letter():
            return
        follow_up = follow_up_to_write(follow_up_id)
        if follow_up is None:
            self.report("That follow-up no longer exists.")
            return
        self.follow_up_id = follow_up.id
        self.application_id = follow_up.application_id
        self.contact_id = follow_up.contact_id
        self.header.show_people(follow_up_id, self.contact_id, self.application_id)
        letter = latest_letter_for(follow_up_id)
        if letter is not None:
            self._show_letter(letter)
            return
        channel = follow_up.channel if follow_up.channel in ("note", "email") else "email"
        self.letter_id = None
        self.letter_state = "draft"
        self.desk.seed = follow_up.id
        self._loading = True
        select_choice(self.header.channel_picker, channel)
        self.desk.show_card_settings(channel)
        self._loading = False
        self.reload_subject()
        if self.template_actions.choose(TEMPLATE_FOR_REASON.get(follow_up.reason, "")):
            self.use_selected_template(ask=False)
        else:
            self._set_text("", "")
            self.report("New draft: choose a template or start typing.")

    def open_letter(self, letter_id: int) -> None:
        """Show a stored letter (a sent one cannot be changed)."""
        if not self._let_go_of_letter():
            return
        letter = stored_letter(letter_id)
        if letter is None:
            self.report("That letter no longer exists.")
            return
        self.follow_up_id = letter.follow_up_id
        self.application_id = letter.application_id
        self.contact_id = letter.contact_id
        self.header.show_people(self.follow_up_id, self.contact_id, self.application_id)
        self._show_letter(letter)

    def _show_letter(self, letter: StoredLetter) -> None:
        content = letter.content
        self.letter_id = letter.id
        self.letter_state = letter.state
        self.desk.seed = content.seed
        self.template_actions.key = content.template
        self._loading = True
        channel = content.channel if content.channel in dict(CHANNELS) else "note"
        select_choice(self.header.channel_picker, channel)
        self.desk.show_card_settings(channel, content)
        self._loading = False
        self.reload_subject()
        self._set_text(content.subject, content.body)
        sent = letter.state == "sent"
        self.desk.editor.set_read_only(sent)
        self.report(f"Sent on {letter.sent_at:%d %b %Y}." if sent and letter.sent_at else "Draft.")
        self._update_buttons()

    def _on_store_replaced(self) -> None:
        """Show the restored version of the open letter, or nothing: never save the old text
        (or a letter id that may now be another letter) into the replaced store."""
        self.drafts.forget()
        letter_id = self.letter_id
        self.letter_id = None
        self.follow_up_id = self.application_id = self.contact_id = None
        self.letter_state = "draft"
        self._loading = True
        self._set_text("", "")
        self._loading = False
        self.desk.editor.set_read_only(False)
        self.reload_subject()
        if letter_id is not None and stored_letter(letter_id) is not None:
            self.open_letter(letter_id)
        else:
            self.report("The data was restored; choose what to write.")
            self._show_empty()

    def _show_empty(self) -> None:
        self._update_buttons()
        self.update_preview()

    def reload_subject(self) -> None:
        """Re-read whom the letter is for (names, addresses, last conversation)."""
        self.desk.read_subject(self.follow_up_id, self.application_id, self.contact_id)
        self._update_buttons()
        self.update_preview()

    # --- editing --------------------------------------------------------------------------

    def _set_text(self, subject: str, body: str) -> None:
        self.desk.editor.show_text(subject, body)
        self.update_preview()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.drafts.edited()
        self._preview_timer.start()

    def _on_channel_changed(self, _index: int) -> None:
        if self._loading:
            return
        self.desk.change_channel(self.channel())
        self._update_buttons()
        self._on_edited()

    def update_preview(self) -> None:
        """Lay out the card, show it, and run the coach: all from the text as it is now."""
        self._preview_timer.stop()
        self.desk.update_preview(self.letter_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        channel = self.channel()
        has_letter = bool(self.desk.editor.text().strip())
        self.action_bar.show_for(channel, can_mark_sent=has_letter and self.letter_state != "sent")
        self.desk.editor.subject.setVisible(channel == "email")

    # --- saving ---------------------------------------------------------------------------

    def save_draft(self) -> bool:
        """Store the changes not saved yet; False (and the user told) when that failed."""
        return self.drafts.save()

    def settle_draft(self) -> bool:
        """Before the window closes or the store is replaced: the draft saved, or the user
        chose to discard it; False when the user cancels."""
        return self.drafts.settle()

    def _let_go_of_letter(self) -> bool:
        """Before another letter is shown; False (the choices shown again) when the user keeps
        the one whose changes could not be saved."""
        if self.drafts.settle():
            return True
        self.header.show_people(self.follow_up_id, self.contact_id, self.application_id)
        return False

    def _write_draft(self, now: dt.datetime) -> bool:
        if self.letter_state == "sent":
            return False
        saved_id = save_letter_draft(
            self.desk.draft_content(self.template_actions.key),
            letter_id=self.letter_id,
            follow_up_id=self.follow_up_id,
            application_id=self.application_id,
            contact_id=self.contact_id,
            now=now,
        )
        if saved_id is None:
            return False
        self.letter_id = saved_id
        self._update_buttons()
        self.events.letters_changed.emit()
        return True

    def mark_sent(self) -> None:
        """Log the letter as sent and complete its follow-up; the text then stays as sent."""
        if not self.save_draft():
            return  # what is sent must be what was stored
        if self.letter_id is None:
            self.report("Write the letter first.")
            return
        try:
            message = mark_letter_sent(self.letter_id)
        except LetterSendError as error:
            self.report(str(error))
            return
        self.letter_state = "sent"
        self.desk.editor.set_read_only(True)
        self.report(message)
        self._update_buttons()
        self.events.letters_changed.emit()
        self.events.follow_ups_changed.emit()
        self.events.applications_changed.emit()

"""Composer area: pick who and why, write from a template, watch the coach and the card."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.db.models import (
    FollowUp,
    Letter,
    database,
)
from followup_desktop.notes.paper import CARD_SIZES, PAGE_SIZES
from followup_desktop.notes.sheets import SheetLayout, layout_note
from followup_desktop.services.atomic_files import atomic_write_text
from followup_desktop.services.coach import WORD_LIMITS, run_checks, word_count
from followup_desktop.services.coach_context import DraftSubject, draft_facts, draft_subject
from followup_desktop.services.letter_jobs import NoteJob, job_for_letter
from followup_desktop.services.picker_choices import (
    application_choice_label,
    application_choices,
    contact_choice_label,
    contact_choices,
    follow_up_choice_label,
    follow_up_choices,
)
from followup_desktop.services.profile import get_profile
from followup_desktop.services.settings import (
    contact_block_on_notes,
    note_margin_mm,
    set_contact_block_on_notes,
    set_note_margin_mm,
)
from followup_desktop.services.templates import (
    SLOT_HELP,
    TEMPLATE_FOR_REASON,
    Template,
    all_templates,
    fill_template,
    template_text,
    unfilled_slots,
    user_templates_folder,
    values_for,
)
from followup_desktop.ui.composer import prompts
from followup_desktop.ui.composer.coach_panel import CoachPanel
from followup_desktop.ui.composer.note_options import NoteOptions
from followup_desktop.ui.composer.output_actions import ComposerOutput
from followup_desktop.ui.composer.preview import NotePreview
from followup_desktop.ui.composer.slot_highlighter import SlotHighlighter
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.widgets.lazy_choice_box import LazyChoiceBox

_SAVE_DELAY_MS = 600
#: The preview follows typing after this pause (layout and paint take a few ms).
_PREVIEW_DELAY_MS = 60
_UPCOMING_DAYS = 14
CHANNELS = (("note", "Handwritten note"), ("email", "E-mail"), ("letter", "Letter by post"))


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
        self.seed = 1
        self.template_key = ""
        self.subject_info: DraftSubject | None = None
        self.base_job: NoteJob | None = None
        self.sheet: SheetLayout | None = None
        #: The job ``sheet`` was laid out from: an export of the same job reuses the sheet.
        self.sheet_job: NoteJob | None = None
        self.templates: dict[str, Template] = {}
        self._loading = False
        self._templates_root: Path | None = None
        self.output = ComposerOutput(self)
        self._build()
        self._connect()
        self.refresh()
        self.reload_templates()
        self._show_empty()

    def showEvent(self, event: QShowEvent) -> None:
        # The user's templates live in the data folder, known once the area is in the window.
        if self._templates_root != self.data_root():
            self._templates_root = self.data_root()
            self.reload_templates()
        super().showEvent(event)

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.follow_up_picker = LazyChoiceBox(
            lambda: follow_up_choices(dt.date.today() + dt.timedelta(days=_UPCOMING_DAYS)),
            follow_up_choice_label,
            "No follow-up: choose a contact and application",
        )
        self.follow_up_picker.setObjectName("follow_up_picker")
        self.follow_up_picker.setMinimumWidth(320)
        self.contact_picker = LazyChoiceBox(contact_choices, contact_choice_label, "—")
        self.contact_picker.setObjectName("contact_picker")
        self.application_picker = LazyChoiceBox(
            lambda: application_choices(self.contact_id), application_choice_label, "—"
        )
        self.application_picker.setObjectName("application_picker")
        self.channel_picker = QComboBox()
        self.channel_picker.setObjectName("channel_picker")
        for key, channel_name in CHANNELS:
            self.channel_picker.addItem(channel_name, key)
        self.template_picker = QComboBox()
        self.template_picker.setObjectName("template_picker")
        self.use_template_button = QPushButton("&Use template")
        # A push button with a menu: it makes room for its arrow, and matches its neighbour.
        self.template_menu_button = QPushButton("Templates")
        template_menu = QMenu(self.template_menu_button)
        self.edit_template_action = template_menu.addAction("Edit the template's text")
        self.save_template_action = template_menu.addAction("Save the text as a template…")
        self.template_menu_button.setMenu(template_menu)

        top = QGridLayout()
        top.setHorizontalSpacing(8)
        top.setVerticalSpacing(4)
        for row, (text, widget) in enumerate(
            (("&Follow-up:", self.follow_up_picker), ("C&ontact:", self.contact_picker))
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label, row, 0)
            top.addWidget(widget, row, 1)
        application_label = QLabel("&Application:")
        application_label.setBuddy(self.application_picker)
        top.addWidget(application_label, 1, 2)
        top.addWidget(self.application_picker, 1, 3)
        channel_label = QLabel("C&hannel:")
        channel_label.setBuddy(self.channel_picker)
        top.addWidget(channel_label, 0, 2)
        top.addWidget(self.channel_picker, 0, 3)
        template_label = QLabel("&Template:")
        template_label.setBuddy(self.template_picker)
        top.addWidget(template_label, 2, 0)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_picker, 1)
        template_row.addWidget(self.use_template_button)
        template_row.addWidget(self.template_menu_button)
        top.addLayout(template_row, 2, 1, 1, 3)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(3, 2)

        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setPlaceholderText("Subject")
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.body.setAccessibleName("Letter text")
        self.highlighter = SlotHighlighter(self.body.document())
        self.word_count = QLabel()
        self.word_count.setObjectName("word_count")
        self.slot_notice = QLabel()
        self.slot_notice.setObjectName("slot_notice")
        self.slot_notice.setWordWrap(True)
        self.slot_notice.setStyleSheet("color: #8a5a00;")
        self.coach = CoachPanel()
        self.coach.setObjectName("coach")
        coach_box = QGroupBox("Coach")
        coach_layout = QVBoxLayout(coach_box)
        coach_layout.setContentsMargins(8, 6, 8, 6)
        coach_layout.addWidget(self.coach)

        editor = QWidget()
        editor_column = QVBoxLayout(editor)
        editor_column.setContentsMargins(0, 0, 0, 0)
        editor_column.addWidget(self.subject)
        editor_column.addWidget(self.body, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.word_count)
        counts.addStretch(1)
        editor_column.addLayout(counts)
        editor_column.addWidget(self.slot_notice)
        editor_column.addWidget(coach_box)

        self.options = NoteOptions()
        self.preview = NotePreview()
        self.preview.setObjectName("preview")
        self.email_hint = QLabel(
            "An e-mail opens in your mail program with this subject and text, or is saved as "
            "an .eml draft. The coach checks it the same way."
        )
        self.email_hint.setWordWrap(True)
        self.email_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(self.options)
        side_column.addWidget(self.preview, 1)
        side_column.addWidget(self.email_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 420])
        self.splitter = splitter

        self.export_button = QPushButton("Export &PDF…")
        self.print_button = QPushButton("P&rint…")
        self.envelope_button = QPushButton("En&velope PDF…")
        self.batch_button = QPushButton("&Due notes to PDF…")
        self.batch_button.setToolTip("Every handwritten note due up to a day, in one PDF")
        self.mail_button = QPushButton("Open in &mail app")
        self.copy_button = QPushButton("&Copy")
        self.eml_button = QPushButton("Save as .&eml…")
        self.sent_button = QPushButton("Mark as &sent")
        self.sent_button.setToolTip("Logs the letter and completes its follow-up")
        self.status = QLabel()
        self.status.setObjectName("composer_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        actions = QHBoxLayout()
        for button in (
            self.export_button,
            self.print_button,
            self.envelope_button,
            self.mail_button,
            self.copy_button,
            self.eml_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.batch_button)
        actions.addWidget(self.sent_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(_SAVE_DELAY_MS)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(_PREVIEW_DELAY_MS)

    def _connect(self) -> None:
        self._save_timer.timeout.connect(self.save_draft)
        self._preview_timer.timeout.connect(self.update_preview)
        self.follow_up_picker.activated.connect(self._on_follow_up_picked)
        self.contact_picker.activated.connect(self._on_contact_picked)
        self.application_picker.activated.connect(self._on_application_picked)
        self.channel_picker.currentIndexChanged.connect(self._on_channel_changed)
        self.use_template_button.clicked.connect(self.use_selected_template)
        self.edit_template_action.triggered.connect(self.edit_template_text)
        self.save_template_action.triggered.connect(self.save_as_template)
        self.body.textChanged.connect(self._on_edited)
        self.subject.textChanged.connect(self._on_edited)
        self.options.changed.connect(self._on_options_changed)
        self.options.rewrite.connect(self.write_again)
        self.export_button.clicked.connect(self.output.export_pdf)
        self.print_button.clicked.connect(self.output.print_note)
        self.envelope_button.clicked.connect(self.output.export_envelope)
        self.batch_button.clicked.connect(self.output.export_due_notes)
        self.mail_button.clicked.connect(self.output.open_in_mail_app)
        self.copy_button.clicked.connect(self.output.copy_text)
        self.eml_button.clicked.connect(self.output.save_eml)
        self.sent_button.clicked.connect(self.mark_sent)
        self.events.follow_ups_changed.connect(self.refresh)
        self.events.contacts_changed.connect(self.refresh)
        self.events.applications_changed.connect(self.refresh)
        self.events.profile_changed.connect(self._reload_subject)
        self.events.store_replaced.connect(self._on_store_replaced)

    # --- lists --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the pickers (follow-ups due soon, contacts) keeping the current choice."""
        # The long lists are read when a picker is opened; the current choices stay.
        if self.follow_up_picker.currentData() is None and self.follow_up_id is not None:
            self.follow_up_picker.select_value(self.follow_up_id)
        self.follow_up_picker.reset()
        self.contact_picker.select_value(self.contact_id)
        self.contact_picker.reset()
        self._fill_applications()

    def _fill_applications(self) -> None:
        # Read when the picker is opened, for the contact chosen by then.
        self.application_picker.select_value(self.application_id)
        self.application_picker.reset()

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        if isinstance(box, LazyChoiceBox):
            box.select_value(value)
            return
        index = box.findData(value) if value is not None else 0
        box.setCurrentIndex(max(0, index))

    def data_root(self) -> Path | None:
        """The data folder (the user's templates live there); known once in the window."""
        if self._data_root is not None:
            return self._data_root
        location = getattr(self.window(), "location", None)
        return getattr(location, "root", None)

    def reload_templates(self) -> None:
        current = self.template_picker.currentData()
        self.templates = {t.key: t for t in all_templates(self.data_root())}
        self.template_picker.clear()
        for template in self.templates.values():
            mark = "" if template.builtin else " (yours)"
            self.template_picker.addItem(template.title + mark, template.key)
        self._select(self.template_picker, current)

    def edit_template_text(self) -> None:
        """Put the chosen template, slots and all, in the editor to change it."""
        template = self.templates.get(str(self.template_picker.currentData()))
        if template is None:
            return
        if self.body.toPlainText().strip() and not prompts.confirm(
            self, "Replace the text?", "Replace the text you wrote with the template to edit?"
        ):
            return
        self.template_key = template.key
        self._set_text(template.subject, template.body)
        self.status.setText(
            "Editing the template: write {slots} where data goes, then Save as template."
        )

    def save_as_template(self) -> None:
        """Keep the editor's text (with its {slots}) as one of the user's templates."""
        root = self.data_root()
        body = self.body.toPlainText().strip()
        if root is None or not body:
            self.status.setText("Write the template text first.")
            return
        current = self.templates.get(self.template_key)
        title = prompts.ask_text(
            self, "Save as template", "Name of the template:", current.title if current else ""
        )
        if not title or not title.strip():
            return
        key = re.sub(r"[^a-z0-9]+", "_", title.strip().lower()).strip("_") or "my_template"
        if current is not None and current.title == title.strip():
            key = current.key  # saving under the same name updates that template
        template = Template(key, title.strip(), self.subject.text().strip(), body, False)
        try:
            atomic_write_text(user_templates_folder(root) / f"{key}.txt", template_text(template))
        except OSError as error:
            prompts.warn(self, "Template not saved", f"Cannot save the template: {error}")
            return
        self.reload_templates()
        self._select(self.template_picker, key)
        self.status.setText(f"Saved your template “{template.title}”.")

    # --- choosing what to write -----------------------------------------------------------

    def _on_follow_up_picked(self, _index: int) -> None:
        follow_up_id = self.follow_up_picker.currentData()
        if follow_up_id is not None:
            self.open_follow_up(int(follow_up_id))
        else:
            self.save_draft()
            self.follow_up_id = None
            self.letter_id = None
            self._reload_subject()

    def _on_contact_picked(self, _index: int) -> None:
        self._choose_people(self.contact_picker.currentData(), self.application_id)

    def _on_application_picked(self, _index: int) -> None:
        self._choose_people(self.contact_id, self.application_picker.currentData())

    def _choose_people(self, contact_id: object, application_id: object) -> None:
        """A letter not tied to a follow-up: to a contact, about an application."""
        self.save_draft()
        self.follow_up_id = None
        self.letter_id = None
        self.letter_state = "draft"
        self._select(self.follow_up_picker, None)
        self.contact_id = int(str(contact_id)) if contact_id is not None else None
        self.application_id = int(str(application_id)) if application_id is not None else None
        self._fill_applications()
        self._reload_subject()
        if not self.body.toPlainText().strip():
            self.use_selected_template(ask=False)

    def open_follow_up(self, follow_up_id: int) -> None:
        """Show the follow-up's latest draft, or start one from the template for its reason."""
        self.save_draft()
        follow_up = FollowUp.get_or_none(FollowUp.id == follow_up_id)
        if follow_up is None:
            self.status.setText("That follow-up no longer exists.")
            return
        self.follow_up_id = follow_up.id
        self.application_id = follow_up.application_id
        self.contact_id = follow_up.contact_id
        self._select(self.follow_up_picker, follow_up_id)
        self._select(self.contact_picker, self.contact_id)
        self._fill_applications()
        letter = (
            Letter.select()
            .where(Letter.follow_up == follow_up_id)
            .order_by(Letter.updated_at.desc(), Letter.created_at.desc())
            .first()
        )
        if letter is not None:
            self._show_letter(letter)
            return
        channel = follow_up.channel if follow_up.channel in ("note", "email") else "email"
        self.letter_id = None
        self.letter_state = "draft"
        self.seed = follow_up.id
        self._loading = True
        self._select(self.channel_picker, channel)
        self.options.set_channel(channel)
        self._show_profile_defaults()
        self._loading = False
        self._reload_subject()
        template_key = TEMPLATE_FOR_REASON.get(follow_up.reason, "")
        if template_key in self.templates:
            self._select(self.template_picker, template_key)
            self.use_selected_template(ask=False)
        else:
            self._set_text("", "")
            self.status.setText("New draft: choose a template or start typing.")

    def open_letter(self, letter_id: int) -> None:
        self.save_draft()
        letter = Letter.get_or_none(Letter.id == letter_id)
        if letter is None:
            self.status.setText("That letter no longer exists.")
            return
        self.follow_up_id = letter.follow_up_id
        self.application_id = letter.application_id
        self.contact_id = letter.contact_id
        self._select(self.follow_up_picker, self.follow_up_id)
        self._select(self.contact_picker, self.contact_id)
        self._fill_applications()
        self._show_letter(letter)

    def _show_letter(self, letter: Letter) -> None:
        self.letter_id = letter.id
        self.letter_state = letter.state
        self.seed = int(letter.seed)
        self.template_key = letter.template
        self._loading = True
        channel = letter.channel if letter.channel in dict(CHANNELS) else "note"
        self._select(self.channel_picker, channel)
        self.options.set_channel(channel)
        self.options.show_settings(
            paper=letter.card_size,
            folded=bool(letter.folded),
            landscape=bool(letter.landscape),
            font=letter.font,
            ink=letter.ink,
            neatness=float(letter.neatness),
            contact_block=contact_block_on_notes(),
            margin_mm=note_margin_mm(),
        )
        self._loading = False
        self._reload_subject()
        self._set_text(letter.subject, letter.body)
        sent = letter.state == "sent"
        self.body.setReadOnly(sent)
        self.subject.setReadOnly(sent)
        self.status.setText(
            f"Sent on {letter.sent_at:%d %b %Y}." if sent and letter.sent_at else "Draft."
        )
        self._update_buttons()

    def _on_store_replaced(self) -> None:
        """Show the restored version of the open letter, or nothing: never save the old text
        (or a letter id that may now be another letter) into the replaced store."""
        self._save_timer.stop()
        letter_id = self.letter_id
        self.letter_id = None
        self.follow_up_id = self.application_id = self.contact_id = None
        self.letter_state = "draft"
        self._loading = True
        self._set_text("", "")
        self._loading = False
        self.body.setReadOnly(False)
        self.subject.setReadOnly(False)
        self._reload_subject()
        letter = Letter.get_or_none(Letter.id == letter_id) if letter_id is not None else None
        if letter is not None:
            self.open_letter(letter.id)
        else:
            self.status.setText("The data was restored; choose what to write.")
            self._show_empty()

    def _show_profile_defaults(self) -> None:
        profile = get_profile()
        self.options.show_settings(
            paper=profile.note_card_size or "A6",
            folded=False,
            landscape=False,
            font=profile.note_font,
            ink=profile.note_ink,
            neatness=0.5,
            contact_block=contact_block_on_notes(),
            margin_mm=note_margin_mm(),
        )

    def _show_empty(self) -> None:
        self._update_buttons()
        self.update_preview()

    def _reload_subject(self) -> None:
        """Re-read whom the letter is for (names, addresses, last conversation)."""
        if self.follow_up_id is None and self.application_id is None and self.contact_id is None:
            self.subject_info = None
            self.base_job = None
        else:
            self.subject_info = draft_subject(
                follow_up_id=self.follow_up_id,
                application_id=self.application_id,
                contact_id=self.contact_id,
            )
            self.base_job = job_for_letter(
                Letter(
                    application=self.application_id,
                    contact=self.contact_id or self.subject_info.contact_id,
                    channel=self.channel(),
                )
            )
        self._update_buttons()
        self.update_preview()

    # --- templates ------------------------------------------------------------------------

    def use_selected_template(self, *, ask: bool = True) -> None:
        key = self.template_picker.currentData()
        template = self.templates.get(str(key)) if key is not None else None
        if template is None:
            return
        if (
            ask
            and self.body.toPlainText().strip()
            and not prompts.confirm(
                self, "Replace the text?", "Replace the text you wrote with the template?"
            )
        ):
            return
        contact_id = self.contact_id
        if contact_id is None and self.subject_info is not None:
            contact_id = self.subject_info.contact_id
        values = values_for(self.application_id, contact_id)
        filled = fill_template(template, values, channel=self.channel())
        self.template_key = template.key
        self._set_text(filled.subject, filled.body)
        self._on_edited()
        if filled.missing:
            self.status.setText(
                "Template used; fill in the highlighted slots: "
                + ", ".join(f"{{{name}}}" for name in filled.missing)
            )
        else:
            self.status.setText(f"Template “{template.title}” filled from your records.")

    # --- editing --------------------------------------------------------------------------

    def channel(self) -> str:
        return str(self.channel_picker.currentData() or "note")

    def _set_text(self, subject: str, body: str) -> None:
        for widget in (self.subject, self.body):
            widget.blockSignals(True)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        # Continue where the writer stopped: at the end of the text.
        self.body.moveCursor(QTextCursor.MoveOperation.End)
        for widget in (self.subject, self.body):
            widget.blockSignals(False)
        self.update_preview()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._save_timer.start()
        self._preview_timer.start()

    def _on_channel_changed(self, _index: int) -> None:
        if self._loading:
            return
        channel = self.channel()
        self.options.set_channel(channel)
        if channel == "letter" and self.options.settings().paper not in PAGE_SIZES:
            self.options.paper.setCurrentIndex(0)
        if channel == "note" and self.options.settings().paper not in CARD_SIZES:
            self.options.paper.setCurrentIndex(0)
        if self.base_job is not None:
            self.base_job = replace(self.base_job, channel=channel)
        self._update_buttons()
        self._on_edited()

    def _on_options_changed(self) -> None:
        if self._loading:
            return
        settings = self.options.settings()
        if settings.contact_block != contact_block_on_notes():
            with database.atomic():
                set_contact_block_on_notes(settings.contact_block)
        if settings.margin_mm != note_margin_mm():
            with database.atomic():
                set_note_margin_mm(settings.margin_mm)
        self._on_edited()

    def write_again(self) -> None:
        """The same words in a fresh variation of the hand."""
        self.seed = (self.seed * 1103515245 + 12345) % 2_147_483_647 or 1
        self._on_edited()

    def current_job(self) -> NoteJob:
        settings = self.options.settings()
        base = self.base_job or NoteJob(text="")
        channel = self.channel()
        return replace(
            base,
            text=self.body.toPlainText(),
            letter_id=self.letter_id,
            channel=channel,
            paper=settings.paper,
            folded=settings.folded,
            landscape=settings.landscape,
            margin_mm=settings.margin_mm,
            font=settings.font,
            ink=settings.ink,
            neatness=settings.neatness,
            seed=self.seed,
            include_contact=channel == "letter" or settings.contact_block,
            envelope=settings.envelope,
        )

    def update_preview(self) -> None:
        """Lay out the card, show it, and run the coach: all from the text as it is now."""
        self._preview_timer.stop()
        text = self.body.toPlainText()
        channel = self.channel()
        words = word_count(text)
        limit = WORD_LIMITS.get(channel, 200)
        self.word_count.setStyleSheet("color: #b3261e;" if words > limit else "")
        self.word_count.setText(f"{words} / {limit} words")
        missing = unfilled_slots(text)
        if missing:
            helps = "; ".join(f"{{{name}}}: {SLOT_HELP[name]}" for name in missing)
            self.slot_notice.setText(f"Still to fill in — {helps}")
            self.slot_notice.show()
        else:
            self.slot_notice.hide()
        self.sheet = self.sheet_job = None
        fits: bool | None = None
        overflow_words = 0
        is_card = channel in ("note", "letter")
        self.options.setVisible(is_card)
        self.preview.setVisible(is_card)
        self.email_hint.setVisible(not is_card)
        if is_card and text.strip():
            self.sheet_job = self.current_job()
            self.sheet = layout_note(self.sheet_job)
            fits = self.sheet.overflow is None
            overflow_words = self.sheet.overflow.words if self.sheet.overflow else 0
            self.preview.show_sheet(self.sheet)
        else:
            self.preview.show_sheet(None, "Choose a follow-up, or a contact, and start writing.")
        if self.subject_info is not None or text.strip():
            subject = self.subject_info or draft_subject(
                follow_up_id=None, application_id=None, contact_id=None
            )
            facts = draft_facts(
                subject,
                text=text,
                channel=channel,
                today=dt.date.today(),
                fits_card=fits,
                overflow_words=overflow_words,
                contact_block=channel == "letter"
                or (channel == "note" and self.options.settings().contact_block),
            )
            self.coach.show_checks(run_checks(facts))
        else:
            self.coach.show_checks([])
        self._update_buttons()

    def _update_buttons(self) -> None:
        channel = self.channel()
        is_card = channel in ("note", "letter")
        for button in (self.export_button, self.print_button, self.envelope_button):
            button.setVisible(is_card)
        for button in (self.mail_button, self.copy_button, self.eml_button):
            button.setVisible(not is_card)
        self.subject.setVisible(channel == "email")
        has_letter = bool(self.body.toPlainText().strip())
        self.sent_button.setEnabled(has_letter and self.letter_state != "sent")

    # --- saving ---------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Store the text being edited (a crash loses at most a moment of typing)."""
        self._save_timer.stop()
        if self.letter_state == "sent":
            return
        body, subject = self.body.toPlainText(), self.subject.text()
        if self.letter_id is None and not body.strip() and not subject.strip():
            return
        if (
            self.letter_id is None
            and self.follow_up_id is None
            and self.contact_id is None
            and (self.application_id is None)
        ):
            return
        settings = self.options.settings()
        now = dt.datetime.now().replace(microsecond=0)
        fields = {
            "subject": subject,
            "body": body,
            "channel": self.channel(),
            "template": self.template_key,
            "card_size": settings.paper,
            "folded": settings.folded,
            "landscape": settings.landscape,
            "font": settings.font,
            "ink": settings.ink,
            "neatness": settings.neatness,
            "seed": self.seed,
            "updated_at": now,
        }
        with database.atomic():
            if self.letter_id is None:
                letter = Letter.create(
                    follow_up=self.follow_up_id,
                    application=self.application_id,
                    contact=self.contact_id,
                    created_at=now,
                    **fields,
                )
                self.letter_id = letter.id
            else:
                Letter.update(**fields).where(Letter.id == self.letter_id).execute()
        self.status.setText(f"Draft saved at {now:%H:%M:%S}.")
        self._update_buttons()
        self.events.letters_changed.emit()

    def mark_sent(self) -> None:
        from followup_desktop.services.letter_sending import LetterSendError, mark_letter_sent

        self.save_draft()
        if self.letter_id is None:
            self.status.setText("Write the letter first.")
            return
        try:
            message = mark_letter_sent(self.letter_id)
        except LetterSendError as error:
            self.status.setText(str(error))
            return
        self.letter_state = "sent"
        self.body.setReadOnly(True)
        self.subject.setReadOnly(True)
        self.status.setText(message)
        self._update_buttons()
        self.events.letters_changed.emit()
        self.events.follow_ups_changed.emit()
        self.events.applications_changed.emit()

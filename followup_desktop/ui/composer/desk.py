"""The letter on the desk: its text and the coach beside the card's settings and preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from followup_desktop.notes.coverage import hand_coverage, hand_letters, handwritten_text
from followup_desktop.notes.layout import PreparedText
from followup_desktop.notes.paper import CARD_SIZES, PAGE_SIZES
from followup_desktop.notes.sheets import SheetLayout, layout_note
from followup_desktop.services.coach_context import DraftSubject, draft_checks, draft_subject
from followup_desktop.services.letter_drafts import DraftContent, remember_note_layout
from followup_desktop.services.letter_jobs import NoteJob, job_for_recipient
from followup_desktop.services.profile import get_profile
from followup_desktop.services.settings import contact_block_on_notes, note_margin_mm
from followup_desktop.ui.composer.card_side import CardSide
from followup_desktop.ui.composer.editor import LetterEditor


class LetterDesk(QSplitter):
    """The editor on the left, the card on the right; laid out and checked on ``update_preview``.

    ``edited`` fires when the user changes the text, the card's settings or asks for a fresh
    hand: the composer then saves the draft and refreshes the preview.
    """

    edited = Signal()

    def __init__(self, channel: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._channel = channel
        #: The variation of the hand; the same seed draws the same card.
        self.seed = 1
        self.subject_info: DraftSubject | None = None
        #: Both addresses and the profile's defaults; the editor's settings go on top.
        self.base_job: NoteJob | None = None
        self.sheet: SheetLayout | None = None
        #: The job ``sheet`` was laid out from: an export of the same job reuses the sheet.
        self.sheet_job: NoteJob | None = None
        #: Paragraphs laid out for earlier previews: a keystroke re-prepares only its own.
        self.prepared_text = PreparedText()
        self.editor = LetterEditor()
        self.card = CardSide()
        self.addWidget(self.editor)
        self.addWidget(self.card)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 4)
        self.setChildrenCollapsible(False)
        self.setSizes([520, 420])
        self.editor.edited.connect(self.edited)
        self.card.options.changed.connect(self._on_options_changed)
        self.card.options.rewrite.connect(self.write_again)

    def _on_options_changed(self) -> None:
        settings = self.card.options.settings()
        remember_note_layout(contact_block=settings.contact_block, margin_mm=settings.margin_mm)
        self.edited.emit()

    def write_again(self) -> None:
        """The same words in a fresh variation of the hand."""
        self.seed = (self.seed * 1103515245 + 12345) % 2_147_483_647 or 1
        self.edited.emit()

    def read_subject(
        self, follow_up_id: int | None, application_id: int | None, contact_id: int | None
    ) -> None:
        """Re-read whom the letter is for (names, addresses, last conversation)."""
        if follow_up_id is None and application_id is None and contact_id is None:
            self.subject_info = None
            self.base_job = None
            return
        self.subject_info = draft_subject(
            follow_up_id=follow_up_id, application_id=application_id, contact_id=contact_id
        )
        self.base_job = job_for_recipient(
            application_id=application_id,
            contact_id=contact_id or self.subject_info.contact_id,
            channel=self._channel(),
        )

    def show_card_settings(self, channel: str, stored: DraftContent | None = None) -> None:
        """A stored letter's paper and hand, or the profile's for a new one (no edit announced)."""
        options = self.card.options
        options.set_channel(channel)
        if stored is None:
            profile = get_profile()
            paper, folded, landscape = profile.note_card_size or "A6", False, False
            font, ink, neatness = profile.note_font, profile.note_ink, 0.5
        else:
            paper, folded, landscape = stored.card_size, stored.folded, stored.landscape
            font, ink, neatness = stored.font, stored.ink, stored.neatness
        options.show_settings(
            paper=paper,
            folded=folded,
            landscape=landscape,
            font=font,
            ink=ink,
            neatness=neatness,
            contact_block=contact_block_on_notes(),
            margin_mm=note_margin_mm(),
        )

    def change_channel(self, channel: str) -> None:
        """Cards for a note, pages for a letter: the paper follows the channel the user chose."""
        options = self.card.options
        options.set_channel(channel)
        if channel == "letter" and options.settings().paper not in PAGE_SIZES:
            options.paper.setCurrentIndex(0)
        if channel == "note" and options.settings().paper not in CARD_SIZES:
            options.paper.setCurrentIndex(0)
        if self.base_job is not None:
            self.base_job = replace(self.base_job, channel=channel)

    def current_job(self, letter_id: int | None) -> NoteJob:
        """The letter as it is now, ready for the note engine."""
        settings = self.card.options.settings()
        base = self.base_job or NoteJob(text="")
        channel = self._channel()
        return replace(
            base,
            text=self.editor.text(),
            letter_id=letter_id,
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

    def draft_content(self, template: str) -> DraftContent:
        """What is saved of the draft: the text and how the card is printed."""
        settings = self.card.options.settings()
        return DraftContent(
            subject=self.editor.subject_text(),
            body=self.editor.text(),
            channel=self._channel(),
            template=template,
            card_size=settings.paper,
            folded=settings.folded,
            landscape=settings.landscape,
            font=settings.font,
            ink=settings.ink,
            neatness=settings.neatness,
            seed=self.seed,
        )

    def update_preview(self, letter_id: int | None) -> None:
        """Lay out the card, show it, and run the coach: all from the text as it is now."""
        text = self.editor.text()
        channel = self._channel()
        self.editor.show_counts(channel)
        self.sheet = self.sheet_job = None
        fits: bool | None = None
        overflow_words = 0
        hand = None
        is_card = channel in ("note", "letter")
        self.card.show_card(is_card)
        if is_card and text.strip():
            self.sheet_job = self.current_job(letter_id)
            self.sheet = layout_note(self.sheet_job, self.prepared_text)
            fits = self.sheet.overflow is None
            overflow_words = self.sheet.overflow.words if self.sheet.overflow else 0
            self.card.preview.show_sheet(self.sheet)
            # The envelope is written in the same hand unless its addresses are printed.
            by_hand = not self.card.options.settings().plain_envelope
            coverage = hand_coverage(handwritten_text(self.sheet_job, envelope=by_hand))
            hand = hand_letters(self.sheet_job.font, coverage)
            self.card.coverage.show_coverage(coverage)
        else:
            self.card.coverage.show_coverage([])
            self.card.preview.show_sheet(
                None, "Choose a follow-up, or a contact, and start writing."
            )
        checks = draft_checks(
            self.subject_info,
            text=text,
            channel=channel,
            today=dt.date.today(),
            fits_card=fits,
            overflow_words=overflow_words,
            contact_block=channel == "letter"
            or (channel == "note" and self.card.options.settings().contact_block),
            hand=hand,
        )
        self.editor.coach.show_checks(checks)

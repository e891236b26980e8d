"""The composer as a person uses it: open a follow-up, type, watch the card and the coach."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followup_desktop.db.backup import list_backups
from followup_desktop.db.models import (
    Application,
    Company,
    Contact,
    FollowUp,
    Interaction,
    Letter,
)
from followup_desktop.notes import print_set
from followup_desktop.paths import DataLocation
from followup_desktop.services.data_safety import manual_backup
from followup_desktop.services.letter_drafts import DraftContent
from followup_desktop.services.settings import note_margin_mm
from followup_desktop.ui.composer import area as area_module
from followup_desktop.ui.composer import output_actions, printing, prompts
from followup_desktop.ui.composer.area import ComposerArea
from followup_desktop.ui.dialogs.backups_dialog import BackupsDialog
from followup_desktop.ui.main_window import MainWindow


def _note_follow_up() -> FollowUp:
    """A planned handwritten thank-you, made on a demo application with an interview."""
    interview = (
        Interaction.select()
        .where((Interaction.kind == "interview") & Interaction.contact.is_null(False))
        .order_by(Interaction.id)
        .first()
    )
    assert interview is not None
    return FollowUp.create(
        application=interview.application_id,
        contact=interview.contact_id,
        due_on=dt.date.today(),
        channel="note",
        reason="thank_you",
    )


@pytest.fixture
def composer(window: MainWindow) -> ComposerArea:
    area = window.show_area("composer")
    assert isinstance(area, ComposerArea)
    return area


def test_opening_a_note_follow_up_fills_the_thank_you_template(
    window: MainWindow, composer: ComposerArea, qtbot: QtBot, tmp_path: Path
) -> None:
    follow_up = _note_follow_up()
    window.events.compose_follow_up_requested.emit(follow_up.id)
    contact = Contact.get_by_id(follow_up.contact_id)
    text = composer.body.toPlainText()
    assert text.startswith(f"Dear {contact.first_name},")
    assert "{my_name}" not in text
    assert composer.channel() == "note"
    assert composer.sheet is not None and composer.sheet.marks
    assert composer.preview.isVisible()
    # The eight pieces of advice, and the hand's letters for a note written by hand.
    assert len(composer.coach.checks) == 9
    assert composer.coach.checks[-1].key == "hand"
    window.grab().save(str(tmp_path / "composer.png"))


def test_typing_updates_the_preview_coach_and_word_count_and_saves_the_draft(
    window: MainWindow, composer: ComposerArea, qtbot: QtBot
) -> None:
    follow_up = _note_follow_up()
    composer.open_follow_up(follow_up.id)
    composer.body.clear()
    qtbot.waitUntil(lambda: composer.word_count.text().startswith("0 /"), timeout=2000)
    thanks = {c.key: c.passed for c in composer.coach.checks}["thanks"]
    assert thanks is False
    marks_before = len(composer.sheet.marks) if composer.sheet else 0
    composer.body.setFocus()
    qtbot.keyClicks(composer.body, "Dear Sam, thank you so much!")
    qtbot.waitUntil(
        lambda: {c.key: c.passed for c in composer.coach.checks}.get("thanks") is True,
        timeout=3000,
    )
    assert composer.word_count.text().startswith("6 /")
    assert composer.sheet is not None
    assert len(composer.sheet.marks) > marks_before
    drawn = "".join(m.char for m in composer.sheet.marks)
    assert "thankyousomuch!" in drawn
    qtbot.waitUntil(lambda: composer.letter_id is not None, timeout=3000)
    letter = Letter.get_by_id(composer.letter_id)
    assert letter.body == "Dear Sam, thank you so much!"
    assert letter.follow_up_id == follow_up.id


def test_unfilled_slot_is_highlighted_and_printing_is_refused(
    window: MainWindow,
    composer: ComposerArea,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    composer.open_follow_up(_note_follow_up().id)
    composer.body.setPlainText("Dear {first_name},\n\nThank you!\n\nBest,\nJordan")
    composer.update_preview()
    assert composer.slot_notice.isVisible()
    assert "{first_name}" in composer.slot_notice.text()
    personal = {c.key: c for c in composer.coach.checks}["personal"]
    assert not personal.passed and "{first_name}" in personal.reason
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: pytest.fail("must not ask"))
    composer.output.export_pdf()
    assert warnings and "unfilled slots: {first_name}" in warnings[0]


def test_export_pdf_writes_card_and_envelope_asking_for_a_missing_address(
    window: MainWindow,
    composer: ComposerArea,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    follow_up = _note_follow_up()
    contact = Contact.get_by_id(follow_up.contact_id)
    Contact.update(address="").where(Contact.id == contact.id).execute()
    company_id = Application.get_by_id(follow_up.application_id).company_id
    Company.update(address="").where(Company.id == company_id).execute()
    composer.open_follow_up(follow_up.id)
    target = tmp_path / "card.pdf"
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: target)
    monkeypatch.setattr(
        prompts, "ask_address", lambda _p, who: asked.append(who) or "12 Oak Road\nSpringfield"
    )
    composer.output.export_pdf()
    assert asked == [contact.full_name]
    assert Contact.get_by_id(contact.id).address == "12 Oak Road\nSpringfield"
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    assert "Oak" in reader.pages[1].extract_text()
    assert "card.pdf" in composer.status.text()


def test_print_draws_the_same_sheets_on_the_printer(
    window: MainWindow,
    composer: ComposerArea,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    composer.open_follow_up(_note_follow_up().id)
    target = tmp_path / "printed.pdf"

    def print_to_file(dialog: QDialog) -> bool:
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return True

    monkeypatch.setattr(printing, "run_dialog", print_to_file)
    composer.output.print_note()
    pages = PdfReader(target).pages
    assert round(float(pages[0].mediabox.width)) == 298  # A6
    assert composer.sheet is not None
    first_word = "".join(m.char for m in composer.sheet.marks[:4])
    assert first_word == "Dear"
    assert "Dear" in pages[0].extract_text()


def test_email_channel_offers_mail_copy_and_eml(
    window: MainWindow,
    composer: ComposerArea,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    composer.open_follow_up(_note_follow_up().id)
    composer.channel_picker.setCurrentIndex(composer.channel_picker.findData("email"))
    assert composer.mail_button.isVisibleTo(composer)
    assert not composer.export_button.isVisibleTo(composer)
    assert composer.subject.isVisibleTo(composer)
    opened: list[str] = []
    monkeypatch.setattr(output_actions, "open_external", opened.append)
    composer.output.open_in_mail_app()
    assert opened and opened[0].startswith("mailto:") and "subject=" in opened[0]
    composer.output.copy_text()
    assert QGuiApplication.clipboard().text() == composer.body.toPlainText()
    target = tmp_path / "draft.eml"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: target)
    composer.output.save_eml()
    assert b"X-Unsent: 1" in target.read_bytes()


def test_mark_as_sent_completes_the_follow_up(
    window: MainWindow, composer: ComposerArea, qtbot: QtBot
) -> None:
    follow_up = _note_follow_up()
    composer.open_follow_up(follow_up.id)
    qtbot.mouseClick(composer.sent_button, Qt.MouseButton.LeftButton)
    assert FollowUp.get_by_id(follow_up.id).state == "done"
    assert Letter.get_by_id(composer.letter_id).state == "sent"
    assert composer.body.isReadOnly()
    assert "done" in composer.status.text()


def test_write_again_changes_the_hand_not_the_words(
    window: MainWindow, composer: ComposerArea
) -> None:
    composer.open_follow_up(_note_follow_up().id)
    before = composer.sheet
    composer.options.rewrite_button.click()
    composer.update_preview()
    after = composer.sheet
    assert before is not None and after is not None
    assert [m.char for m in before.marks] == [m.char for m in after.marks]
    assert [m.x for m in before.marks] != [m.x for m in after.marks]


def test_user_writes_a_template_and_uses_it(
    window: MainWindow,
    composer: ComposerArea,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    follow_up = _note_follow_up()
    composer.open_follow_up(follow_up.id)
    monkeypatch.setattr(prompts, "confirm", lambda *_a: True)
    composer.edit_template_text()
    assert "{greeting_name}" in composer.body.toPlainText()
    composer.body.setPlainText("Hi {first_name},\n\nThanks for the chat about {position}!\n\nJ.")
    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "Short thanks")
    composer.save_as_template()
    saved = window.location.root / "templates" / "short_thanks.txt"
    assert saved.read_text(encoding="utf-8").startswith("Title: Short thanks\n")
    assert composer.template_picker.currentData() == "short_thanks"
    assert "(yours)" in composer.template_picker.currentText()
    composer.use_selected_template()
    contact = Contact.get_by_id(follow_up.contact_id)
    position = Application.get_by_id(follow_up.application_id).position
    assert composer.body.toPlainText() == (
        f"Hi {contact.first_name},\n\nThanks for the chat about {position}!\n\nJ."
    )


def test_a_restore_keeps_the_open_draft_in_its_backup_and_never_writes_it_back(
    window: MainWindow,
    composer: ComposerArea,
    qtbot: QtBot,
    data_location: DataLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    follow_up = _note_follow_up()
    composer.open_follow_up(follow_up.id)
    composer.body.setPlainText("Written before the backup.")
    composer.save_draft()
    letter_id = composer.letter_id
    assert letter_id is not None
    manual_backup(data_location)
    composer.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(composer.body, " Typed after it.")  # still waiting to be saved

    def restore_the_backup(dialog: BackupsDialog) -> int:
        dialog.confirm_restore = lambda _backup: True  # type: ignore[method-assign]
        dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
        dialog.restore_selected()
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", restore_the_backup)
    window.open_backups()
    # What the pending save would do, done now: the restored text stays as it was restored.
    composer.save_draft()
    assert Letter.get_by_id(letter_id).body == "Written before the backup."
    assert composer.letter_id == letter_id
    assert composer.body.toPlainText() == "Written before the backup."
    (safety,) = [b for b in list_backups(data_location.backups) if b.reason == "before-restore"]
    with closing(sqlite3.connect(safety.path)) as kept:
        (body,) = kept.execute("SELECT body FROM letter WHERE id = ?", (letter_id,)).fetchone()
    assert body == "Written before the backup. Typed after it."


def test_choosing_a_margin_moves_the_writing_and_is_remembered(
    window: MainWindow, composer: ComposerArea, qtbot: QtBot, tmp_path: Path
) -> None:
    follow_up = _note_follow_up()
    composer.open_follow_up(follow_up.id)
    assert composer.sheet is not None
    own_left = min(m.x for m in composer.sheet.marks)
    margin = composer.options.margin
    assert margin.currentText() == "Paper's own"
    margin.setCurrentIndex(margin.findData(20.0))
    composer.update_preview()
    assert composer.sheet is not None
    assert min(m.x for m in composer.sheet.marks) > own_left + 20
    assert note_margin_mm() == 20.0
    qtbot.waitUntil(lambda: not composer.preview.paper_rect().isEmpty())  # laid out
    window.grab().save(str(tmp_path / "composer-margin.png"))
    composer.open_follow_up(_note_follow_up().id)  # another letter opens with the same margin
    assert composer.options.settings().margin_mm == 20.0


def test_export_reuses_the_preview_layout_and_lays_out_again_after_an_edit(
    window: MainWindow,
    composer: ComposerArea,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    composer.open_follow_up(_note_follow_up().id)
    composer.update_preview()
    laid_out: list[object] = []
    real_layout = print_set.layout_note

    def counted(job: object) -> object:
        laid_out.append(job)
        return real_layout(job)  # type: ignore[arg-type]

    monkeypatch.setattr(print_set, "layout_note", counted)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: tmp_path / "card.pdf")
    composer.output.export_pdf()
    assert laid_out == []
    assert PdfReader(tmp_path / "card.pdf").pages
    composer.body.appendPlainText("PS: see you on Monday.")  # the preview has not caught up
    composer.output.export_pdf()
    assert len(laid_out) == 1
    assert "Monday" in "".join(m.char for m in real_layout(laid_out[0]).marks)  # type: ignore[arg-type]


def test_steady_typing_is_saved_every_few_seconds_not_on_every_key(
    window: MainWindow, composer: ComposerArea, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    follow_up = _note_follow_up()
    composer.open_follow_up(follow_up.id)
    composer.body.setFocus()
    composer.body.moveCursor(QTextCursor.MoveOperation.End)
    writes: list[str] = []
    real_save = area_module.save_letter_draft

    def counted_save(content: DraftContent, **where: Any) -> int | None:
        writes.append(content.body)
        return real_save(content, **where)

    monkeypatch.setattr(area_module, "save_letter_draft", counted_save)
    typed_at: list[tuple[float, str]] = []
    started = time.monotonic()
    while time.monotonic() - started < 4.5:  # a key every 0.1 s: never the 0.6 s pause
        qtbot.keyClick(composer.body, "x" if len(typed_at) % 5 else " ")
        typed_at.append((time.monotonic(), composer.body.toPlainText()))
        qtbot.wait(100)
    stopped = time.monotonic()
    letters = list(Letter.select().where(Letter.follow_up == follow_up.id))
    assert len(letters) == 1, "nothing was saved during 4.5 s of typing"
    stored = letters[0].body
    # Everything typed more than the longest wait (3 s, and 1 s for a slow machine) ago.
    due = [text for at, text in typed_at if at < stopped - 4.0]
    assert due and stored.startswith(due[-1])
    assert composer.body.toPlainText().startswith(stored)
    assert 1 <= len(writes) <= 3, f"{len(writes)} saves for {len(typed_at)} keys"

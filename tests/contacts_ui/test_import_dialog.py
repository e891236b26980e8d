"""The import dialog: column mapping, preview, one-step import off the UI thread, cancel, errors;
and the export action."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Contact
from followup_desktop.services.importers import import_apply
from followup_desktop.ui.contacts import transfer_actions
from followup_desktop.ui.contacts.import_dialog import (
    COLUMNS_PAGE,
    DONE_PAGE,
    PREVIEW_PAGE,
    ImportDialog,
)
from followup_desktop.ui.events import AppEvents

SAMPLES = Path(__file__).resolve().parents[1] / "importers" / "samples"
LINKEDIN = (
    'Notes:\n"Some addresses may be missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Aisha,Bello,https://www.linkedin.com/in/aishabello,,Meridian Bank,Talent Partner,"
    "14 Feb 2024\n"
    "Lars,Nygaard,https://www.linkedin.com/in/lnygaard,lars@oakridge.no,Oakridge,Recruiter,"
    "02 Jan 2023\n"
)


def open_dialog(qtbot: QtBot, path: Path, kind: str, events: AppEvents | None = None):  # type: ignore[no-untyped-def]
    dialog = ImportDialog(path, kind, events)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_for_page(qtbot: QtBot, dialog: ImportDialog, page: int) -> None:
    qtbot.waitUntil(
        lambda: dialog.job is None and dialog.pages.currentIndex() == page, timeout=20000
    )


def test_vcard_preview_then_import(qtbot: QtBot, store: StoreInfo) -> None:
    events = AppEvents()
    dialog = open_dialog(qtbot, SAMPLES / "apple_contacts_3_0.vcf", "vcf", events)
    wait_for_page(qtbot, dialog, PREVIEW_PAGE)
    summary = dialog.preview.summary.text()
    assert "1 new, 0 merged into existing contacts, 0 skipped, 1 company from" in summary
    assert dialog.preview.plan_model.rowCount() == 2
    assert Contact.select().count() == 0  # nothing written by the preview
    with qtbot.waitSignal(events.contacts_changed, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, dialog, DONE_PAGE)
    assert dialog.done_label.text().startswith("1 contact added")
    assert Contact.select().count() == 1
    # What happened, in a dialog the size of its few lines, not the preview's.
    assert dialog.width() <= 560 and dialog.height() <= 300
    assert dialog.import_button.text() == "&Import 1 contact"


def test_linkedin_csv_mapping_can_be_changed(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(LINKEDIN, encoding="utf-8")
    dialog = open_dialog(qtbot, path, "csv")
    assert dialog.pages.currentIndex() == COLUMNS_PAGE
    assert "LinkedIn connections" in dialog.columns.format_label.text()
    assert dialog.columns.mapping_table.rowCount() == 7
    position = dialog.columns.field_boxes[5]
    assert position.currentData() == "role"
    position.setCurrentIndex(position.findData("notes"))  # keep the title in notes instead
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, dialog, PREVIEW_PAGE)
    assert dialog.preview.plan_model.rowCount() == 2
    assert all(item.outcome == "new" for item in dialog.preview.plan_model.items)
    assert dialog.preview.plan_model.items[0].values["role"] == ""
    assert "Position: Talent Partner" in dialog.preview.plan_model.items[0].values["notes"]


def test_malformed_file_shows_the_line_and_cannot_be_imported(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path
) -> None:
    path = tmp_path / "cut.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nN:Ok;Al\nEND:VCARD\nBEGIN:VCARD\nN:Cut;Bo\n")
    dialog = open_dialog(qtbot, path, "vcf")
    qtbot.waitUntil(lambda: dialog.job is None and dialog.error.isVisible(), timeout=20000)
    assert "card 2 (line 5)" in dialog.error.text()
    assert "Nothing was imported" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert Contact.select().count() == 0


def test_cancel_during_import_writes_nothing(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_apply, "BATCH_SIZE", 5)
    rows = "".join(f"Person{i},Surname{i},p{i}@example.com\n" for i in range(400))
    path = tmp_path / "many.csv"
    path.write_text("First Name,Last Name,E-mail\n" + rows)
    dialog = open_dialog(qtbot, path, "csv")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, dialog, PREVIEW_PAGE)
    dialog.start_import()
    assert dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert dialog.pages.currentIndex() == PREVIEW_PAGE
    assert "cancelled" in dialog.error.text()
    assert Contact.select().count() == 0


def test_export_action_writes_the_chosen_format(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Contact.create(first_name="Zed", last_name="Ng", email="zed@example.com")
    target = tmp_path / "people.csv"
    monkeypatch.setattr(transfer_actions, "choose_export_file", lambda parent: (target, "csv"))
    told: list[str] = []
    monkeypatch.setattr(
        transfer_actions.QMessageBox, "information", lambda *args: told.append(args[2])
    )
    assert transfer_actions.export_contacts(None) == target
    assert "Zed" in target.read_text(encoding="utf-8-sig")
    assert told == [f"1 contacts written to {target}."]


def test_preview_where_column_shows_the_whole_place(qtbot: QtBot, store: StoreInfo) -> None:
    dialog = open_dialog(qtbot, SAMPLES / "google_contacts_3_0.vcf", "vcf")
    wait_for_page(qtbot, dialog, PREVIEW_PAGE)
    metrics = dialog.preview.plan_table.fontMetrics()
    texts = [
        dialog.preview.plan_model.items[row].source
        for row in range(dialog.preview.plan_model.rowCount())
    ]
    assert texts and all(text.startswith("card") for text in texts)
    needed = max(metrics.horizontalAdvance(text) for text in texts)
    assert (
        dialog.preview.plan_table.columnWidth(0) > needed
    )  # "card 2 (line 16)", not "card 2 (li…"


def test_preview_says_where_values_go_and_rereads_in_another_charset(
    qtbot: QtBot, store: StoreInfo
) -> None:
    """Points 3 and 9: the guessed charset is shown and can be changed; each record says which
    of its values go to fields, to the notes, or are not kept."""
    dialog = open_dialog(qtbot, SAMPLES / "outlook_qp_latin2_no_charset.vcf", "vcf")
    wait_for_page(qtbot, dialog, PREVIEW_PAGE)
    assert "read as CP1250" in dialog.preview.notices.text()
    assert dialog.preview.plan_model.items[0].name == "Paweł Iksiński"
    model = dialog.preview.plan_model
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Goes where"
    assert "fields: " in model.data(model.index(0, 5))
    dialog.preview.plan_table.selectRow(0)
    assert "Goes where: fields: " in dialog.preview.details.text()
    box = dialog.preview.encoding
    box.setCurrentIndex(box.findData("cp1252"))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.job is None, timeout=20000)
    assert dialog.preview.plan_model.items[0].name == "Pawe³ Iksiñski"
    assert "read as CP1252 (chosen)" in dialog.preview.notices.text()


def test_a_broken_file_gets_one_line(qtbot: QtBot, store: StoreInfo, tmp_path: Path) -> None:
    path = tmp_path / "cut.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\n", encoding="utf-8")
    dialog = open_dialog(qtbot, path, "vcf")
    qtbot.waitUntil(lambda: dialog.job is None and dialog.error.isVisible(), timeout=20000)
    message = dialog.error.text()
    assert "\n" not in message and "the file ends before END:VCARD" in message
    assert not dialog.import_button.isEnabled()

"""File → Import applications…: columns and stages chosen in the preview, then one import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.db.models import Application
from followup_desktop.ui.app import create_application
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline import application_transfer
from followup_desktop.ui.pipeline.application_import_dialog import ApplicationImportDialog

SHEET = (
    "Employer,What,Status,Date applied,Where\n"
    "Acme,Analyst,Applied,4 March 2025,Leeds\n"
    "Brightpath,Payroll Lead,Onsite loop,6 March 2025,Remote\n"
)


def _dialog(qtbot: QtBot, path: Path, events: AppEvents | None = None) -> ApplicationImportDialog:
    create_application()
    dialog = ApplicationImportDialog(path, events)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_user_maps_a_column_and_a_stage_then_imports(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    events = AppEvents()
    dialog = _dialog(qtbot, sheet, events)
    # "What" is no header the app knows: the position is missing until the user says so.
    assert not dialog.import_button.isEnabled()
    assert "needs a column for the company and one for the position" in dialog.status.text()
    what = dialog.columns.field_boxes[1]
    what.setCurrentIndex(what.findData("position"))
    assert dialog.preview.topLevelItemCount() == 2
    assert dialog.status.text().startswith('Line 3: the stage "Onsite loop" is not one of yours')
    assert not dialog.import_button.isEnabled() and dialog.stage_box.isVisible()
    stage = dialog.stage_boxes["Onsite loop"]
    stage.setCurrentIndex(stage.findText("Interview"))
    assert dialog.status.text() == "Ready to import 2 applications, 2 new companies."
    assert dialog.import_button.text() == "&Import 2 applications"
    assert Application.select().count() == 0  # the preview wrote nothing
    with qtbot.waitSignal(events.applications_changed, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.imported == 2
    lead = Application.get(Application.position == "Payroll Lead")
    assert (lead.stage.name, lead.location) == ("Interview", "Remote")


def test_a_bad_date_names_its_row_and_nothing_can_be_imported(
    qtbot: QtBot, store: StoreInfo, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Company,Position,Date applied\nAcme,Analyst,soon\n", encoding="utf-8")
    dialog = _dialog(qtbot, sheet)
    assert dialog.status.text() == 'Line 2: Date applied: "soon" is not a date'
    assert not dialog.import_button.isEnabled()
    assert dialog.preview.topLevelItem(0).text(4) == 'Date applied: "soon" is not a date'


def test_the_file_menu_opens_it_and_exports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Company,Position\nAcme,Analyst\n", encoding="utf-8")
    monkeypatch.setattr(application_transfer, "choose_import_file", lambda parent: sheet)
    opened: list[str] = []

    def run(dialog: ApplicationImportDialog) -> int:
        opened.append(dialog.status.text())
        dialog.import_button.click()
        return 1

    monkeypatch.setattr(ApplicationImportDialog, "exec", run)
    before = Application.select().count()
    window.import_applications_action.trigger()
    assert opened == ["Ready to import 1 application, 1 new company."]
    assert Application.select().count() == before + 1
    target = tmp_path / "out.csv"
    monkeypatch.setattr(application_transfer, "choose_export_file", lambda parent: target)
    told: list[str] = []
    monkeypatch.setattr(
        application_transfer.QMessageBox, "information", lambda *args: told.append(args[2])
    )
    window.export_applications_action.trigger()
    assert told == [f"{before + 1} applications written to {target}."]
    assert "Acme,Analyst,Wishlist" in target.read_text(encoding="utf-8-sig")

"""File → Import applications… and Export applications…: the file choosers and what runs after.

The choosers are module functions so tests can replace them instead of driving OS dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from followup_desktop.services.exporters.application_csv import export_applications_csv
from followup_desktop.services.wording import counted
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.pipeline.application_import_dialog import ApplicationImportDialog

CSV_FILTER = "Spreadsheets as CSV (*.csv);;All files (*)"


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, "Import applications", str(Path.home()), CSV_FILTER
    )
    return Path(name) if name else None


def choose_export_file(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Export applications", str(Path.home() / "applications.csv"), CSV_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".csv")


def import_applications(parent: QWidget | None, events: AppEvents | None) -> int | None:
    """Ask for a spreadsheet and run the import dialog; how many were imported, if any."""
    path = choose_import_file(parent)
    if path is None:
        return None
    try:
        dialog = ApplicationImportDialog(path, events, parent)
    except OSError as error:
        QMessageBox.warning(
            parent, "Import applications", f"Cannot read {path}: {error.strerror or error}."
        )
        return None
    dialog.exec()
    return dialog.imported


def export_applications(parent: QWidget | None) -> Path | None:
    """Ask where to save, write every application, and say how many were written."""
    path = choose_export_file(parent)
    if path is None:
        return None
    try:
        count = export_applications_csv(path)
    except OSError as error:
        QMessageBox.warning(
            parent, "Export applications", f"Cannot write {path}: {error.strerror or error}."
        )
        return None
    QMessageBox.information(
        parent, "Export applications", f"{counted(count, 'application')} written to {path}."
    )
    return path

"""File → Import… and Export contacts…: the file choosers and what runs after them.

The choosers are module functions so tests can replace them instead of driving OS dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from followup_desktop.services.exporters.csv_writer import export_contacts_csv
from followup_desktop.services.exporters.vcard_writer import export_contacts_vcard
from followup_desktop.services.importers.contact_import import kind_for_file
from followup_desktop.ui.contacts.import_dialog import ImportDialog
from followup_desktop.ui.events import AppEvents

IMPORT_FILTERS = "Contacts (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)"
VCARD_FILTER = "vCard 3.0 for address books (*.vcf)"
CSV_FILTER = "CSV for spreadsheets (*.csv)"


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, "Import contacts", str(Path.home()), IMPORT_FILTERS
    )
    return Path(name) if name else None


def choose_export_file(parent: QWidget | None) -> tuple[Path, str] | None:
    """The file to write and its format ("vcf" or "csv"), from the name or the chosen filter."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        "Export contacts",
        str(Path.home() / "contacts.vcf"),
        f"{VCARD_FILTER};;{CSV_FILTER}",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() == ".csv":
        return path, "csv"
    if path.suffix.lower() in (".vcf", ".vcard"):
        return path, "vcf"
    kind = "csv" if chosen == CSV_FILTER else "vcf"
    return path.with_suffix(f".{kind}"), kind


def import_contacts(parent: QWidget | None, events: AppEvents | None) -> bool:
    """Ask for a file and run the import dialog; True when contacts were imported."""
    path = choose_import_file(parent)
    if path is None:
        return False
    try:
        head = path.read_bytes()[:4096]
    except OSError as error:
        QMessageBox.warning(parent, "Import contacts", f"Cannot read {path}: {error.strerror}.")
        return False
    dialog = ImportDialog(path, kind_for_file(path, head), events, parent)
    dialog.exec()
    return dialog.import_result is not None


def export_contacts(parent: QWidget | None) -> Path | None:
    """Ask where to save, write every contact, and say how many were written."""
    chosen = choose_export_file(parent)
    if chosen is None:
        return None
    path, kind = chosen
    writer = export_contacts_csv if kind == "csv" else export_contacts_vcard
    try:
        count = writer(path)
    except OSError as error:
        QMessageBox.warning(
            parent, "Export contacts", f"Cannot write {path}: {error.strerror or error}."
        )
        return None
    QMessageBox.information(parent, "Export contacts", f"{count} contacts written to {path}.")
    return path

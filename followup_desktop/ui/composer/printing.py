"""Printing through the system dialog with a print preview, drawn by the note engine."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from followup_desktop.notes.pdf import page_layout_for
from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout


def paint_sheets(printer: QPrinter, sheets: list[SheetLayout]) -> int:
    """Draw each sheet on its own page of its own size; return the pages drawn."""
    printer.setFullPage(True)
    painter = QPainter()
    pages = 0
    for sheet in sheets:
        printer.setPageLayout(page_layout_for(sheet))
        if pages == 0:
            if not painter.begin(printer):
                return 0
        elif not printer.newPage():
            break
        scale = printer.resolution() / 72.0
        render_sheet(
            painter, sheet, QRectF(0.0, 0.0, sheet.width_pt * scale, sheet.height_pt * scale)
        )
        pages += 1
    if painter.isActive():
        painter.end()
    return pages


def print_with_preview(parent: QWidget, sheets: list[SheetLayout], title: str) -> bool:
    """The system's print preview; the same drawing goes to the printer when the user prints."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {title}")
    dialog.paintRequested.connect(lambda target: paint_sheets(target, sheets))
    return bool(dialog.exec())

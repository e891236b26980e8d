"""Write laid-out sheets to a PDF: exact page sizes, fonts embedded, replaced atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QFileDevice, QMarginsF, QRectF, QSaveFile, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from followup_desktop import APP_NAME
from followup_desktop.notes.render import render_sheet
from followup_desktop.notes.sheets import SheetLayout

RESOLUTION = 1200
_PRIVATE = QFileDevice.Permission.ReadOwner | QFileDevice.Permission.WriteOwner


class PdfWriteError(OSError):
    """The PDF could not be written; the previous file at the target is untouched."""


def page_layout_for(sheet: SheetLayout) -> QPageLayout:
    """A margin-free page of exactly the sheet's size (landscape sheets keep their shape)."""
    size = QPageSize(
        QSizeF(sheet.width_pt, sheet.height_pt),
        QPageSize.Unit.Point,
        sheet.paper.label,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point
    )


def sheet_target(sheet: SheetLayout, resolution: float) -> QRectF:
    scale = resolution / 72.0
    return QRectF(0.0, 0.0, sheet.width_pt * scale, sheet.height_pt * scale)


def write_pdf(
    sheets: Iterable[SheetLayout],
    target: Path,
    *,
    title: str = "",
    progress: Callable[[int], bool] | None = None,
) -> int:
    """Write one page per sheet to ``target``; return the number of pages.

    ``progress(pages_done)`` is called after each page; when it returns False the export stops
    and the old file is left as it was. Raises PdfWriteError on failure or when cancelled.
    """
    save = QSaveFile(str(target))
    if not save.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise PdfWriteError(f"cannot write {target}: {save.errorString()}")
    # Readable by the user alone, like every other export (Qt would create it 0666 less the
    # umask, or copy the old file's mode); set before anything is written, and it survives the
    # commit. A file system without POSIX modes (a FAT stick) refuses it: the PDF is still kept.
    save.setPermissions(_PRIVATE)
    writer = QPdfWriter(save)
    writer.setResolution(RESOLUTION)
    writer.setCreator(APP_NAME)
    writer.setTitle(title)
    painter: QPainter | None = None
    pages = 0
    try:
        for sheet in sheets:
            writer.setPageLayout(page_layout_for(sheet))
            if painter is None:
                painter = QPainter()
                if not painter.begin(writer):
                    raise PdfWriteError(f"cannot start a PDF at {target}")
            elif not writer.newPage():
                raise PdfWriteError(f"cannot add a page to {target}")
            render_sheet(painter, sheet, sheet_target(sheet, RESOLUTION))
            pages += 1
            if progress is not None and not progress(pages):
                raise PdfWriteError("export cancelled")
        if painter is None:
            raise PdfWriteError("nothing to export")
        painter.end()
        painter = None
    except BaseException:
        if painter is not None and painter.isActive():
            painter.end()
        save.cancelWriting()
        save.commit()
        raise
    if not save.commit():
        raise PdfWriteError(f"cannot write {target}: {save.errorString()}")
    return pages

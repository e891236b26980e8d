"""The one drawing function: a laid-out sheet onto any QPainter (widget, printer, PDF, image)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QGlyphRun, QPainter, QPen, QRawFont, QTransform

from followup_desktop.notes.fonts import raw_font
from followup_desktop.notes.sheets import SheetLayout

#: Shades of the ink are drawn from a few pens rather than one colour per glyph.
_SHADE_STEPS = 8
_MAX_SHADE = 0.25


def _pens(ink: str) -> list[QPen]:
    base = QColor(ink)
    pens = []
    for step in range(_SHADE_STEPS):
        lighten = _MAX_SHADE * step / (_SHADE_STEPS - 1)
        colour = QColor.fromRgbF(
            base.redF() + (1 - base.redF()) * lighten,
            base.greenF() + (1 - base.greenF()) * lighten,
            base.blueF() + (1 - base.blueF()) * lighten,
        )
        pens.append(QPen(colour))
    return pens


def render_sheet(painter: QPainter, sheet: SheetLayout, target: QRectF) -> None:
    """Draw ``sheet`` scaled into ``target`` (device coordinates of the painter).

    The paper itself is not filled: a printer and a PDF have white paper, and a preview paints
    its own card beneath.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    base = QTransform(painter.transform())
    base.translate(target.x(), target.y())
    base.scale(target.width() / sheet.width_pt, target.height() / sheet.height_pt)
    fonts: list[QRawFont] = [raw_font(use.family, use.pixel_size) for use in sheet.fonts]
    runs: list[QGlyphRun] = []
    for font in fonts:
        run = QGlyphRun()
        run.setRawFont(font)
        run.setPositions([QPointF(0.0, 0.0)])
        runs.append(run)
    pens = _pens(sheet.ink)
    origin = QPointF(0.0, 0.0)
    last_pen = -1
    for mark in sheet.marks:
        pen = min(_SHADE_STEPS - 1, round(mark.shade / _MAX_SHADE * (_SHADE_STEPS - 1)))
        if pen != last_pen:
            painter.setPen(pens[pen])
            last_pen = pen
        transform = QTransform(base)
        transform.translate(mark.x, mark.y)
        if mark.angle:
            transform.rotate(mark.angle)
        if mark.scale != 1.0:
            transform.scale(mark.scale, mark.scale)
        painter.setTransform(transform)
        run = runs[mark.font]
        run.setGlyphIndexes([mark.glyph])
        painter.drawGlyphRun(origin, run)
    painter.restore()

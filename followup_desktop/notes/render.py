"""The one drawing function: a laid-out sheet onto any QPainter (widget, printer, PDF, image)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QGlyphRun, QPainter, QPen, QRawFont, QTransform

from followup_desktop.notes.fonts import raw_font
from followup_desktop.notes.sheets import SheetLayout

#: Shades of the ink are drawn from a few pens rather than one colour per glyph.
_SHADE_STEPS = 6
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
    # One glyph run per distinct glyph of each font, made on first use: a note repeats a few
    # dozen glyphs.
    runs: list[dict[int, QGlyphRun]] = [{} for _ in fonts]
    pens = _pens(sheet.ink)
    origin = QPointF(0.0, 0.0)
    last_pen = -1
    steps = (_SHADE_STEPS - 1) / _MAX_SHADE
    top_pen = _SHADE_STEPS - 1
    radians, cos, sin = math.radians, math.cos, math.sin
    set_pen, set_transform, draw = painter.setPen, painter.setTransform, painter.drawGlyphRun
    # A scale-and-move base (every device here) is folded into each glyph's matrix by hand,
    # which gives the same numbers as QTransform's product without building two matrices.
    simple = base.type().value <= QTransform.TransformationType.TxScale.value
    sx, sy, tx, ty = base.m11(), base.m22(), base.dx(), base.dy()
    for font, glyph, x, y, angle, scale, shade, _char in sheet.marks:
        pen = int(shade * steps + 0.5)
        if pen != last_pen:
            set_pen(pens[pen if pen < top_pen else top_pen])
            last_pen = pen
        # The glyph's own turn and size, then the sheet's placement: one matrix per glyph.
        turn = radians(angle)
        c, s = cos(turn) * scale, sin(turn) * scale
        # A negative scale mirrors the glyph left to right before turning it (an ogonek made
        # from a cedilla): the second column of the matrix keeps its sign.
        u, v = (-s, c) if scale > 0 else (s, -c)
        if simple:
            set_transform(QTransform(c * sx, s * sy, u * sx, v * sy, x * sx + tx, y * sy + ty))
        else:
            set_transform(QTransform(c, s, u, v, x, y) * base)
        font_runs = runs[font]
        run = font_runs.get(glyph)
        if run is None:
            run = font_runs[glyph] = QGlyphRun()
            run.setRawFont(fonts[font])
            run.setPositions([origin])
            run.setGlyphIndexes([glyph])
        draw(origin, run)
    painter.restore()

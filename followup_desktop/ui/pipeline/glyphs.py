"""Small line glyphs drawn with QPainter: channels (call, e-mail, note), a person, a chat bubble."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from followup_desktop.ui.pipeline.card_pictures import CardPictures


def _pen(color: QColor, width: float = 1.3) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def draw_envelope(painter: QPainter, box: QRectF, color: QColor) -> None:
    body = box.adjusted(0.5, box.height() * 0.18, -0.5, -box.height() * 0.14)
    painter.setPen(_pen(color))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(body, 1.5, 1.5)
    flap = QPainterPath(body.topLeft() + QPointF(1, 1))
    flap.lineTo(body.center().x(), body.top() + body.height() * 0.58)
    flap.lineTo(body.topRight() + QPointF(-1, 1))
    painter.drawPath(flap)


def draw_phone(painter: QPainter, box: QRectF, color: QColor) -> None:
    """A handset: two ear/mouth pieces joined by a curved grip."""
    s = min(box.width(), box.height())
    x, y = box.center().x() - s / 2, box.center().y() - s / 2
    path = QPainterPath()
    path.moveTo(x + s * 0.18, y + s * 0.08)
    path.lineTo(x + s * 0.38, y + s * 0.08)
    path.lineTo(x + s * 0.46, y + s * 0.30)
    path.lineTo(x + s * 0.34, y + s * 0.40)
    path.cubicTo(x + s * 0.42, y + s * 0.56, x + s * 0.46, y + s * 0.60, x + s * 0.60, y + s * 0.66)
    path.lineTo(x + s * 0.70, y + s * 0.54)
    path.lineTo(x + s * 0.92, y + s * 0.62)
    path.lineTo(x + s * 0.92, y + s * 0.82)
    path.cubicTo(x + s * 0.92, y + s * 0.90, x + s * 0.86, y + s * 0.94, x + s * 0.78, y + s * 0.94)
    path.cubicTo(x + s * 0.40, y + s * 0.90, x + s * 0.10, y + s * 0.60, x + s * 0.06, y + s * 0.22)
    path.cubicTo(x + s * 0.06, y + s * 0.14, x + s * 0.10, y + s * 0.08, x + s * 0.18, y + s * 0.08)
    path.closeSubpath()
    painter.setPen(_pen(color, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def draw_note(painter: QPainter, box: QRectF, color: QColor) -> None:
    """A card with writing on it and a pen across its corner."""
    card = QRectF(
        box.left() + 0.5, box.top() + box.height() * 0.2, box.width() * 0.72, box.height() * 0.7
    )
    painter.setPen(_pen(color))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(card, 1.2, 1.2)
    for fraction in (0.35, 0.6):
        y = card.top() + card.height() * fraction
        painter.drawLine(QPointF(card.left() + 2, y), QPointF(card.right() - 3, y))
    pen_start = QPointF(box.right() - 0.5, box.top() + 0.5)
    pen_end = QPointF(card.center().x() + 1, card.bottom() - 2)
    painter.setPen(_pen(color, 1.8))
    painter.drawLine(pen_start, pen_end)


def draw_person(painter: QPainter, box: QRectF, color: QColor) -> None:
    s = min(box.width(), box.height())
    cx, top = box.center().x(), box.center().y() - s / 2
    painter.setPen(_pen(color))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(cx, top + s * 0.3), s * 0.2, s * 0.2)
    shoulders = QPainterPath(QPointF(cx - s * 0.38, top + s * 0.95))
    shoulders.cubicTo(
        QPointF(cx - s * 0.36, top + s * 0.58),
        QPointF(cx + s * 0.36, top + s * 0.58),
        QPointF(cx + s * 0.38, top + s * 0.95),
    )
    painter.drawPath(shoulders)


def draw_bubble(painter: QPainter, box: QRectF, color: QColor) -> None:
    """A speech bubble: "last conversation"."""
    body = box.adjusted(0.5, box.height() * 0.12, -0.5, -box.height() * 0.3)
    path = QPainterPath()
    path.addRoundedRect(body, 3, 3)
    tail = QPainterPath(QPointF(body.left() + body.width() * 0.25, body.bottom() - 0.5))
    tail.lineTo(body.left() + body.width() * 0.2, box.bottom() - 0.5)
    tail.lineTo(body.left() + body.width() * 0.5, body.bottom() - 0.5)
    painter.setPen(_pen(color))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path.united(tail))


def draw_channel(painter: QPainter, box: QRectF, channel: str, color: QColor) -> None:
    """The glyph of a follow-up channel (unknown channels get the e-mail envelope)."""
    if channel == "call":
        draw_phone(painter, box, color)
    elif channel == "note":
        draw_note(painter, box, color)
    else:
        draw_envelope(painter, box, color)


_DRAWERS = {
    "envelope": draw_envelope,
    "call": draw_phone,
    "email": draw_envelope,
    "note": draw_note,
    "person": draw_person,
    "bubble": draw_bubble,
}


def glyph_pixmap(name: str, color: QColor, size: int, ratio: float) -> QPixmap:
    """A glyph drawn into a pixmap: cards paint many, and paths are slow to draw each time."""
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _DRAWERS.get(name, draw_envelope)(painter, QRectF(0, 0, size, size), color)
    painter.end()
    return pixmap


def draw_glyph(
    painter: QPainter, box: QRectF, name: str, color: QColor, pictures: CardPictures
) -> None:
    """Draw a named glyph (a channel name, "person" or "bubble"), drawn once into
    ``pictures`` for each colour and size."""
    size = round(min(box.width(), box.height()))
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    shown = name if name in _DRAWERS else "email"
    key = (shown, color.rgba(), size, ratio)
    picture = pictures.glyph(key, lambda: glyph_pixmap(shown, color, size, ratio))
    painter.drawPixmap(box.topLeft(), picture)

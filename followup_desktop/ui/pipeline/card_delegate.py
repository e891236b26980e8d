"""Paints an application card: company, position, contact, last contact and next follow-up."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from followup_desktop.services.board import BoardCard
from followup_desktop.services.job_details import PRIORITY_LABELS, location_text, parse_tags
from followup_desktop.ui.pipeline import glyphs
from followup_desktop.ui.pipeline.card_model import CardRole
from followup_desktop.ui.plain_text import shown_line
from followup_desktop.ui.theme import DUE_TODAY, PRIORITY, UNPLANNED, WARNING, readable

_Index = QModelIndex | QPersistentModelIndex

#: Space around each card inside its row, and padding inside the card.
CARD_MARGIN_X = 6
CARD_MARGIN_Y = 4
PADDING_X = 11
PADDING_Y = 8
LINE_GAP = 3
GLYPH = 13

#: Card frames by look and size, shared by every column (they are all the same width).
_BACKGROUNDS: dict[tuple[object, ...], QPixmap] = {}
#: Whole painted cards, most recently used last, so showing the board again (or scrolling
#: back) copies pixels instead of laying out text. Bounded by memory, a few screens' worth.
_CARDS: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
_CARD_CACHE_BYTES = 8 * 1024 * 1024


def due_text(due: dt.date, today: dt.date) -> str:
    if due < today:
        return f"Overdue · {due:%a %d %b}"
    if due == today:
        return "Today"
    if due == today + dt.timedelta(days=1):
        return "Tomorrow"
    if due.year != today.year:
        return f"{due:%d %b %Y}"
    return f"{due:%a %d %b}"


def contact_age_text(days: int | None) -> str:
    if days is None:
        return "never"
    if days <= 0:
        return "today"
    return f"{days}d"


class CardDelegate(QStyledItemDelegate):
    """Every card has the same height, so the view can lay out thousands without measuring."""

    def __init__(self, parent: QWidget | None = None, *, active_stage: bool = True) -> None:
        super().__init__(parent)
        #: Whether cards here should have a next step planned (not in wishlist or closed stages).
        self.active_stage = active_stage
        #: The card being dragged is drawn as an empty slot where it came from.
        self.dragged_id: int | None = None
        self.today = dt.date.today()
        self._fonts_for: QFont | None = None
        self._bold = QFont()
        self._small = QFont()
        self._small_bold = QFont()
        self._base_metrics = QFontMetrics(QFont())
        self._bold_metrics = QFontMetrics(QFont())
        self._small_metrics = QFontMetrics(QFont())
        self._height = 0

    def _fonts(self, base: QFont) -> None:
        if self._fonts_for == base:
            return
        self._fonts_for = QFont(base)
        self._bold = QFont(base)
        self._bold.setBold(True)
        self._small = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            self._small.setPointSizeF(max(6.0, size - 1))
        self._small_bold = _bolder(self._small)
        self._base_metrics = QFontMetrics(base)
        self._bold_metrics = QFontMetrics(self._bold)
        self._small_metrics = QFontMetrics(self._small)
        lines = (
            QFontMetrics(self._bold).height()
            + 2 * QFontMetrics(base).height()
            + QFontMetrics(self._small).height()
        )
        self._height = lines + 3 * LINE_GAP + 2 * PADDING_Y + 2 * CARD_MARGIN_Y + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        self._fonts(option.font)
        return QSize(120, self._height)

    def card_rect(self, row_rect: QRect) -> QRectF:
        return QRectF(row_rect).adjusted(
            CARD_MARGIN_X + 0.5, CARD_MARGIN_Y + 0.5, -CARD_MARGIN_X - 0.5, -CARD_MARGIN_Y - 0.5
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card = index.data(CardRole)
        if not isinstance(card, BoardCard):
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        self._fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if card.id == self.dragged_id:
            self._paint_slot(painter, self.card_rect(rect), palette)
        else:
            selected = bool(state & QStyle.StateFlag.State_Selected)
            focused = bool(state & QStyle.StateFlag.State_HasFocus)
            picture = self._card_picture(painter, rect.size(), card, palette, selected, focused)
            painter.drawPixmap(rect.topLeft(), picture)
        painter.restore()

    def _card_picture(
        self,
        painter: QPainter,
        size: QSize,
        card: BoardCard,
        palette: QPalette,
        selected: bool,
        focused: bool,
    ) -> QPixmap:
        """The painted card from the cache, painting it there first if needed."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        font_key = self._fonts_for.key() if self._fonts_for is not None else ""
        key = (
            card,
            size.width(),
            size.height(),
            ratio,
            selected,
            focused,
            self.today,
            self.active_stage,
            palette.cacheKey(),
            font_key,
        )
        cached = _CARDS.get(key)
        if cached is not None:
            _CARDS.move_to_end(key)
            return cached
        picture = QPixmap(max(1, int(size.width() * ratio)), max(1, int(size.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        card_painter = QPainter(picture)
        card_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card_painter.setFont(painter.font())
        self.paint_card(
            card_painter,
            QRect(QPoint(0, 0), size),
            card,
            palette,
            selected=selected,
            focused=focused,
        )
        card_painter.end()
        _CARDS[key] = picture
        bytes_per_card = picture.width() * picture.height() * 4
        while len(_CARDS) > 1 and len(_CARDS) * bytes_per_card > _CARD_CACHE_BYTES:
            _CARDS.popitem(last=False)
        return picture

    def _paint_slot(self, painter: QPainter, box: QRectF, palette: QPalette) -> None:
        pen = QPen(palette.color(QPalette.ColorRole.Mid), 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 6, 6)

    def status_color(self, card: BoardCard, palette: QPalette) -> QColor | None:
        """Red when a follow-up is overdue, amber when an active application has none planned
        (each readable on the card in ``palette``'s scheme)."""
        if card.archived:
            return None
        if card.is_overdue(self.today):
            return WARNING.on(palette)
        if card.next_due is None and self.active_stage:
            return UNPLANNED.on(palette)
        return None

    def paint_card(
        self,
        painter: QPainter,
        rect: QRect,
        card: BoardCard,
        palette: QPalette,
        *,
        selected: bool = False,
        focused: bool = False,
    ) -> None:
        box = self.card_rect(rect)
        text_color = palette.color(QPalette.ColorRole.Text)
        quiet = QColor(text_color)
        quiet.setAlphaF(0.62)
        if card.archived:
            text_color = quiet
        status = self.status_color(card, palette)
        frame = self._background(rect.size(), palette, selected, focused, status, painter)
        painter.drawPixmap(rect.topLeft(), frame)
        inner = box.adjusted(PADDING_X, PADDING_Y, -PADDING_X + 2, -PADDING_Y)
        left, width = inner.left(), inner.width()
        y = inner.top()

        # Line 1: company, and how long ago the company was last contacted.
        bold_metrics = self._bold_metrics
        small_metrics = self._small_metrics
        age = contact_age_text(card.days_since_contact(self.today))
        age_width = small_metrics.horizontalAdvance(age) + GLYPH + 4
        line_h = bold_metrics.height()
        painter.setFont(self._small)
        painter.setPen(quiet)
        age_box = QRectF(inner.right() - age_width, y, age_width, line_h)
        glyphs.draw_glyph(
            painter,
            QRectF(age_box.left(), age_box.center().y() - GLYPH / 2 + 1, GLYPH, GLYPH),
            "bubble",
            quiet,
        )
        painter.setPen(quiet)
        _line_text(painter, age_box.left() + GLYPH + 4, y, line_h, small_metrics, age)
        painter.setFont(self._bold)
        painter.setPen(text_color)
        # Names are cut before Qt shapes them whole to shorten them (a megabyte took a second).
        company = bold_metrics.elidedText(
            shown_line(card.company), Qt.TextElideMode.ElideRight, int(width - age_width - 6)
        )
        _line_text(painter, left, y, line_h, bold_metrics, company)
        y += line_h + LINE_GAP

        # Line 2: position, and how much the user wants the job.
        base_metrics = self._base_metrics
        line_h = base_metrics.height()
        painter.setFont(self._fonts_for or QFont())
        stars = PRIORITY_LABELS.get(card.priority, "")
        stars_width = base_metrics.horizontalAdvance(stars) + 6 if stars else 0
        if stars:
            painter.setPen(PRIORITY.on(palette))
            _line_text(painter, inner.right() - stars_width + 6, y, line_h, base_metrics, stars)
        painter.setPen(text_color)
        position = base_metrics.elidedText(
            shown_line(card.position), Qt.TextElideMode.ElideRight, int(width - stars_width)
        )
        _line_text(painter, left, y, line_h, base_metrics, position)
        y += line_h + LINE_GAP

        # Line 3: main contact.
        glyphs.draw_glyph(
            painter, QRectF(left, y + (line_h - GLYPH) / 2, GLYPH, GLYPH), "person", quiet
        )
        painter.setPen(quiet)
        name = shown_line(card.contact) or "No contact yet"
        name = base_metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width - GLYPH - 5))
        _line_text(painter, left + GLYPH + 5, y, line_h, base_metrics, name)
        y += line_h + LINE_GAP

        # Line 4: next planned follow-up, or the warning that nothing is planned; where the
        # job is and its first tags fill what is left of the line, at its right end.
        line_h = small_metrics.height()
        painter.setFont(self._small)
        if card.archived:
            used = self._chip(painter, QRectF(left, y, width, line_h), "Archived", quiet, palette)
        elif card.next_due is not None:
            due_today = card.next_due == self.today
            color = status or (DUE_TODAY.on(palette) if due_today else quiet)
            glyphs.draw_glyph(
                painter,
                QRectF(left, y + (line_h - GLYPH) / 2, GLYPH, GLYPH),
                card.next_channel,
                color,
            )
            strong = status is not None or due_today
            if strong:
                painter.setFont(self._small_bold)
            painter.setPen(color)
            when = due_text(card.next_due, self.today)
            _line_text(painter, left + GLYPH + 5, y, line_h, small_metrics, when)
            when_metrics = QFontMetrics(self._small_bold) if strong else small_metrics
            used = GLYPH + 5 + when_metrics.horizontalAdvance(when)
        elif status is not None:
            used = self._chip(
                painter, QRectF(left, y, width, line_h), "Nothing planned", status, palette
            )
        else:
            painter.setPen(quiet)
            _line_text(painter, left, y, line_h, small_metrics, "No follow-up planned")
            used = small_metrics.horizontalAdvance("No follow-up planned")
        self._paint_job_line(painter, inner, y, line_h, card, quiet, width - used - 12)

    def _paint_job_line(
        self,
        painter: QPainter,
        inner: QRectF,
        y: float,
        line_h: float,
        card: BoardCard,
        color: QColor,
        room: float,
    ) -> None:
        """Location (or work mode) and up to two tags at the right of the last line, in the
        ``room`` left there; nothing when too little is left to read a word."""
        tags = parse_tags(card.tags)[:2]
        parts = [location_text(card.location, card.work_mode), *(f"#{tag}" for tag in tags)]
        text = "  ".join(shown_line(part) for part in parts if part)
        metrics = self._small_metrics
        if not text or room < metrics.horizontalAdvance("Remote"):
            return
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room))
        used = metrics.horizontalAdvance(shown)
        painter.setFont(self._small)
        painter.setPen(color)
        _line_text(painter, inner.right() - used, y, line_h, metrics, shown)

    def _background(
        self,
        size: QSize,
        palette: QPalette,
        selected: bool,
        focused: bool,
        status: QColor | None,
        painter: QPainter,
    ) -> QPixmap:
        """The card's frame, drawn once per look and size: antialiased shapes are slow."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (
            size.width(),
            size.height(),
            ratio,
            selected,
            focused,
            status.rgba() if status is not None else 0,
            palette.color(QPalette.ColorRole.Base).rgba(),
            palette.color(QPalette.ColorRole.Mid).rgba(),
            palette.color(QPalette.ColorRole.Highlight).rgba(),
        )
        cached = _BACKGROUNDS.get(key)
        if cached is not None:
            return cached
        if len(_BACKGROUNDS) > 64:
            _BACKGROUNDS.clear()
        pixmap = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        frame = QPainter(pixmap)
        frame.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.card_rect(QRect(QPoint(0, 0), size))
        border = palette.color(QPalette.ColorRole.Mid)
        border.setAlphaF(0.55)
        if selected:
            border = palette.color(QPalette.ColorRole.Highlight)
        frame.setPen(QPen(border, 2.0 if selected else 1.0))
        frame.setBrush(palette.color(QPalette.ColorRole.Base))
        frame.drawRoundedRect(box, 6, 6)
        if status is not None:
            stripe = QRectF(box.left() + 1, box.top() + 5, 4, box.height() - 10)
            frame.setPen(Qt.PenStyle.NoPen)
            frame.setBrush(status)
            frame.drawRoundedRect(stripe, 2, 2)
        if focused and selected:
            ring = QColor(palette.color(QPalette.ColorRole.Highlight))
            ring.setAlphaF(0.35)
            frame.setPen(QPen(ring, 1.0))
            frame.setBrush(Qt.BrushStyle.NoBrush)
            frame.drawRoundedRect(box.adjusted(2.5, 2.5, -2.5, -2.5), 4, 4)
        frame.end()
        _BACKGROUNDS[key] = pixmap
        return pixmap

    def _chip(
        self, painter: QPainter, line: QRectF, text: str, color: QColor, palette: QPalette
    ) -> float:
        font = _bolder(self._small)
        metrics = QFontMetrics(font)
        chip = QRectF(line.left(), line.top(), metrics.horizontalAdvance(text) + 12, line.height())
        base = palette.color(QPalette.ColorRole.Base)
        share = 0.13  # a light tint of the chip's colour over the card
        fill = QColor.fromRgbF(
            base.redF() * (1 - share) + color.redF() * share,
            base.greenF() * (1 - share) + color.greenF() * share,
            base.blueF() * (1 - share) + color.blueF() * share,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setFont(font)
        painter.setPen(readable(color, fill))
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
        return chip.width()


def _line_text(
    painter: QPainter, x: float, top: float, line_h: float, metrics: QFontMetrics, text: str
) -> None:
    """Text on its baseline, centred in the line: cheaper than laying it out in a rectangle."""
    baseline = top + (line_h - metrics.height()) / 2 + metrics.ascent()
    painter.drawText(QPointF(x, baseline), text)


def _bolder(font: QFont) -> QFont:
    result = QFont(font)
    result.setBold(True)
    return result

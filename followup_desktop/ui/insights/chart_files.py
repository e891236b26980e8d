"""A chart saved as a PNG image or a PDF page (drawn as vectors, so it prints sharply)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

#: Pixels per logical pixel in a saved image: sharp on a slide or a high-density screen.
PNG_SCALE = 2


class ChartFileError(Exception):
    """The chart could not be written; the message is one line for the user."""


def save_chart(view: QChartView, path: Path) -> Path:
    """Write the chart to ``path`` (.pdf as a PDF, anything else as PNG); return the path."""
    if path.suffix.lower() not in (".png", ".pdf"):
        path = path.with_suffix(".png")
    if path.suffix.lower() == ".pdf":
        _save_pdf(view, path)
    else:
        _save_png(view, path)
    return path


def _save_png(view: QChartView, path: Path) -> None:
    image = QImage(view.size() * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(view.chart().backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.render(painter)
    painter.end()
    if not image.save(str(path)):
        raise ChartFileError(f"Could not write {path.name}: check the folder and the disk.")


def _save_pdf(view: QChartView, path: Path) -> None:
    writer = QPdfWriter(str(path))
    points = QSizeF(view.width() * 0.75, view.height() * 0.75)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(points, QPageSize.Unit.Point),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setResolution(96)
    painter = QPainter()
    if not painter.begin(writer):
        raise ChartFileError(f"Could not write {path.name}: check the folder and the disk.")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.render(painter)
    painter.end()

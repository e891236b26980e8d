"""Charts in the window's colours: background, text and grid from the palette, series colours
chosen per scheme so that each stands out (3:1) against the chart's background."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QAbstractAxis, QChart, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen

from followup_desktop.ui.theme import SchemeColour, quiet_text

#: Series colours (blue, amber, green) for the light and the dark scheme.
SERIES_COLOURS = (
    SchemeColour("#2361c2", "#6ea8ff"),
    SchemeColour("#a35200", "#ffb74d"),
    SchemeColour("#2e7d32", "#81c784"),
)


@dataclass(frozen=True)
class ChartStyle:
    background: QColor
    text: QColor
    quiet: QColor
    grid: QColor
    series: tuple[QColor, ...]
    #: An example (no data yet): series in the quiet colour, so it never passes for figures.
    example: bool = False

    @classmethod
    def from_palette(cls, palette: QPalette, *, example: bool = False) -> ChartStyle:
        quiet = quiet_text(palette, QPalette.ColorRole.Base)
        series = tuple(colour.on(palette) for colour in SERIES_COLOURS)
        if example:
            series = tuple(
                QColor(quiet).lighter(100 + 25 * n)
                if palette.color(QPalette.ColorRole.Base).lightness() < 128
                else QColor(quiet).darker(100 + 25 * n)
                for n in range(len(series))
            )
        return cls(
            background=palette.color(QPalette.ColorRole.Base),
            text=palette.color(QPalette.ColorRole.Text),
            quiet=quiet,
            grid=palette.color(QPalette.ColorRole.Mid),
            series=series,
            example=example,
        )

    def colour(self, index: int) -> QColor:
        return self.series[index % len(self.series)]

    def apply(self, chart: QChart) -> None:
        """Colours and margins of the chart, its legend and every axis attached so far."""
        chart.setBackgroundBrush(QBrush(self.background))
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitleBrush(QBrush(self.text))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        legend = chart.legend()
        legend.setLabelColor(self.text)
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        for axis in chart.axes():
            self.style_axis(axis)

    def style_axis(self, axis: QAbstractAxis) -> None:
        axis.setLabelsColor(self.text)
        axis.setTitleBrush(QBrush(self.quiet))
        axis.setGridLineColor(self.grid)
        axis.setLinePen(QPen(self.grid))
        font = QFont(axis.labelsFont())
        axis.setLabelsFont(font)


def count_axis(top: float, *, room: float = 1.0) -> QValueAxis:
    """A value axis for counts: ticks on whole, round numbers (1, 2, 5, 10, 20…) from 0 to at
    least ``top`` times ``room`` (room above the tallest bar for its label)."""
    wanted = max(top * room, 4)
    step = 1
    while wanted / step > 6:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if wanted / step <= 6:
                break
    ticks = -(-wanted // step)  # rounded up
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, ticks * step)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    return axis

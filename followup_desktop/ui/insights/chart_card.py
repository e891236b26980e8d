"""One Insights card: a title, a line of summary, the chart, and its figures in a table beside."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.ui.insights import prompts
from followup_desktop.ui.insights.chart_files import ChartFileError, save_chart
from followup_desktop.ui.insights.chart_panel import ChartPanel
from followup_desktop.ui.insights.chart_style import ChartStyle
from followup_desktop.ui.insights.hover_tips import HoverTips
from followup_desktop.ui.theme import make_quiet

CHART_MIN_HEIGHT = 250


class ChartCard(QFrame):
    """Shows one kind of chart (a module with TITLE, EXAMPLE, has_data and build)."""

    def __init__(self, kind: ModuleType, file_stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.file_stem = file_stem
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tips = HoverTips(self)
        #: True while the chart shows the made-up example (no data yet).
        self.example = False
        self.panel: ChartPanel | None = None
        #: What was last drawn, to draw again in new colours when the scheme changes.
        self._shown: tuple[InsightsReport, Callable[[], InsightsReport]] | None = None

        self.title = QLabel(kind.TITLE)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title.setFont(title_font)
        self.save_button = QPushButton("Save chart…")
        self.save_button.setAccessibleName(f"Save the chart “{kind.TITLE}” as PNG or PDF")
        self.save_button.setToolTip("Save this chart as a PNG image or a PDF page")
        self.save_button.clicked.connect(self.save)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.save_button)
        self.summary = QLabel("Reading the figures…")
        self.summary.setWordWrap(True)
        self.view = self._chart_view(QChart())
        self.table = QTableWidget()
        self.table.setAccessibleName(f"Figures: {kind.TITLE}")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(220)
        # Sized once when filled: sizing to contents on every layout pass would measure every
        # cell each time the area is shown.
        self.table.horizontalHeader().setStretchLastSection(True)
        self.body = QHBoxLayout()
        self.body.addWidget(self.view, 5)
        self.body.addWidget(self.table, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addLayout(self.body, 1)

    def _chart_view(self, chart: QChart) -> QChartView:
        """A view that owns ``chart`` from the start: a chart is never swapped inside a view,
        so each is deleted once, with its view."""
        view = QChartView(chart)
        # Bars, boxes and grid lines are upright rectangles and lines, sharp without
        # antialiasing (text is smoothed by the font engine either way); painting without it
        # keeps a return to the area quick.
        view.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setMinimumHeight(CHART_MIN_HEIGHT)
        view.setMinimumWidth(260)
        view.setAccessibleName(f"Chart: {self.kind.TITLE}")
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return view

    def show_report(self, report: InsightsReport, example: Callable[[], InsightsReport]) -> None:
        """Draw ``report``; when it has too little for this chart, draw ``example()`` greyed."""
        self._shown = (report, example)
        self.example = not self.kind.has_data(report)
        shown = example() if self.example else report
        style = ChartStyle.from_palette(self.palette(), example=self.example)
        panel = self.kind.build(shown, style, self.tips)
        view = self._chart_view(panel.chart)
        view.setBackgroundBrush(style.background)
        self.body.replaceWidget(self.view, view)
        self.view.deleteLater()
        self.view = view
        self.body.activate()  # the new view takes the old one's size now, not at the next pass
        self.panel = panel
        if self.example:
            self.summary.setText(self.kind.EXAMPLE)
            make_quiet(self.summary)
            rows = [["Example figures", *([""] * (len(panel.headers) - 1))], *panel.rows]
        else:
            self.summary.setText(panel.summary)
            self.summary.setPalette(self.palette())
            rows = panel.rows
        self._fill_table(panel.headers, rows)

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: the chart's colours are set, not inherited.
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.show_report(*self._shown)
        super().changeEvent(event)

    def _fill_table(self, headers: list[str], rows: list[list[str]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def save(self) -> None:
        path = prompts.ask_chart_path(self, f"{self.file_stem}.png")
        if path is None:
            return
        self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        try:
            return save_chart(self.view, path)
        except (ChartFileError, OSError) as error:
            QMessageBox.warning(self, "Chart not saved", str(error))
            return None

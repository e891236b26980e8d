"""The Insights area: four charts of the search, for a period and a source the user picks.

The figures are read beside the window (a few statements over the whole history, a moment on
years of data): the area shows at once, says it is reading, and draws the charts when the
figures arrive.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.insights.answers import NO_SOURCE as NO_SOURCE_LABEL
from followup_desktop.services.insights.report import (
    InsightsReport,
    application_sources,
    insights_report,
)
from followup_desktop.services.insights.scope import PERIODS, InsightsScope, since_for
from followup_desktop.ui.background import BackgroundJob
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import make_quiet

if TYPE_CHECKING:
    from followup_desktop.ui.insights.chart_card import ChartCard
    from followup_desktop.ui.insights.chart_column import ChartColumn

#: The source choice that filters nothing.
ALL_SOURCES = None


class InsightsArea(QWidget):
    """Funnel, answers, follow-ups and activity, read from the store when shown or changed."""

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for key, label in PERIODS:
            self.period.addItem(label, key)
        self.period.setCurrentIndex(self.period.findData("90d"))
        self.source = QComboBox()
        self.source.setAccessibleName("Source")
        self.source.setMinimumContentsLength(14)
        self.hint = QLabel()
        make_quiet(self.hint)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the statements give no steps to count
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Reading the figures")
        self.progress.hide()
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period)
        source_label = QLabel("&Source:")
        source_label.setBuddy(self.source)
        toolbar = QHBoxLayout()
        toolbar.addWidget(period_label)
        toolbar.addWidget(self.period)
        toolbar.addSpacing(12)
        toolbar.addWidget(source_label)
        toolbar.addWidget(self.source)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.progress)
        toolbar.addWidget(self.hint, 1)

        #: The charts, built when the first figures arrive (see ``chart_column``).
        self.column: ChartColumn | None = None
        self.placeholder = QLabel("Reading the figures…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        make_quiet(self.placeholder)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(toolbar)
        layout.addWidget(self.scroller, 1)

        #: The figures shown now (None before the first reading).
        self.report: InsightsReport | None = None
        #: The reading under way; a newer reading makes an older one's figures stale.
        self.reading: BackgroundJob | None = None
        self._generation = 0
        self._waiting = False
        self._stale = True
        self._fill_sources([])
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        for signal in (
            events.applications_changed,
            events.follow_ups_changed,
            events.profile_changed,
            events.store_replaced,
        ):
            signal.connect(self._data_changed)
        self.refresh()  # the area is built to be shown: read beside its first paint

    def scope(self, today: dt.date | None = None) -> InsightsScope:
        today = today or dt.date.today()
        return InsightsScope(
            today, since=since_for(str(self.period.currentData()), today), source=self.source_key()
        )

    def source_key(self) -> str | None:
        data = self.source.currentData()
        return None if data is ALL_SOURCES else str(data)

    def _fill_sources(self, sources: list[tuple[str, int]]) -> None:
        chosen = self.source_key()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", ALL_SOURCES)
        if chosen is not None and chosen not in (source for source, _count in sources):
            sources = [*sources, (chosen, 0)]  # the choice stays until the user changes it
        for source, count in sources:
            self.source.addItem(f"{source or NO_SOURCE_LABEL} ({count:,})", source)
        index = self.source.findData(chosen) if chosen is not None else 0
        self.source.setCurrentIndex(max(0, index))
        self.source.blockSignals(False)

    def refresh(self) -> None:
        """Read every figure again beside the window, then redraw the charts."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        scope = self.scope()
        if self.reading is not None:
            self.reading.cancel()
        # The statements read whole tables (every application, every done follow-up): figures
        # about a whole history. Beside the window, they never hold up its paint or its input.
        job = BackgroundJob(
            "insights", lambda _job: (insights_report(scope), application_sources()), self
        )
        job.succeeded.connect(lambda result: self._show(generation, *result))
        job.failed.connect(lambda reason: self._failed(generation, reason))
        self.reading = job
        self._waiting = True
        self.progress.show()
        self.hint.setText("Reading the figures…")
        job.start()

    def is_reading(self) -> bool:
        """Whether figures were asked for and have not arrived (nor failed) yet."""
        return self._waiting

    def wait(self) -> None:
        """Block until a reading has ended (before the store closes)."""
        if self.reading is not None:
            self.reading.wait()

    def wait_until_drawn(self) -> None:
        """Block until the figures under way are read and drawn (for a picture of the area)."""
        self.wait()
        while self._waiting and self.reading is not None and not self.reading.running:
            QApplication.processEvents()  # the reading's end is heard on this thread

    def _show(
        self, generation: int, report: InsightsReport, sources: list[tuple[str, int]]
    ) -> None:
        if generation != self._generation:
            return
        self._fill_sources(sources)
        self._waiting = False
        self.progress.hide()
        self.report = report
        if self.column is None:
            # A seam: the charts (and QtCharts) load once the area is already showing.
            from followup_desktop.ui.insights.chart_column import ChartColumn

            self.column = ChartColumn()
            self.scroller.setWidget(self.column)  # the placeholder goes with it
        self.column.show_report(report)
        self.hint.setText(
            "No data yet: the charts show examples."
            if self.column.all_examples()
            else "Figures from fewer than five cases show no share."
        )

    @property
    def cards(self) -> dict[str, ChartCard]:
        """The four chart cards by name (none before the first figures arrived)."""
        return self.column.cards if self.column is not None else {}

    def _failed(self, generation: int, reason: str) -> None:
        if generation == self._generation:
            self._waiting = False
            self.progress.hide()
            self.hint.setText(f"The figures could not be read: {reason}")

    def _data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

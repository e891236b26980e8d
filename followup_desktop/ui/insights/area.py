"""The Insights area: four charts of the search, for a period and a source the user picks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
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
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.insights import (
    activity_chart,
    answers_chart,
    follow_ups_chart,
    funnel_chart,
)
from followup_desktop.ui.insights.chart_card import ChartCard
from followup_desktop.ui.insights.examples import example_report
from followup_desktop.ui.theme import make_quiet

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
        toolbar.addWidget(self.hint, 1)

        self.cards = {
            "funnel": ChartCard(funnel_chart, "funnel"),
            "answers": ChartCard(answers_chart, "answers"),
            "follow_ups": ChartCard(follow_ups_chart, "follow-ups"),
            "activity": ChartCard(activity_chart, "activity"),
        }
        column = QWidget()
        cards_layout = QVBoxLayout(column)
        cards_layout.setContentsMargins(0, 0, 4, 0)
        cards_layout.setSpacing(10)
        for card in self.cards.values():
            cards_layout.addWidget(card)
        cards_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(toolbar)
        layout.addWidget(self.scroller, 1)

        #: The figures shown now (None before the first reading).
        self.report: InsightsReport | None = None
        self._stale = True
        self._fill_sources()
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        for signal in (
            events.applications_changed,
            events.follow_ups_changed,
            events.profile_changed,
            events.store_replaced,
        ):
            signal.connect(self._data_changed)

    def scope(self, today: dt.date | None = None) -> InsightsScope:
        today = today or dt.date.today()
        return InsightsScope(
            today, since=since_for(str(self.period.currentData()), today), source=self.source_key()
        )

    def source_key(self) -> str | None:
        data = self.source.currentData()
        return None if data is ALL_SOURCES else str(data)

    def _fill_sources(self) -> None:
        chosen = self.source_key()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", ALL_SOURCES)
        for source, count in application_sources():
            self.source.addItem(f"{source or NO_SOURCE_LABEL} ({count:,})", source)
        index = self.source.findData(chosen) if chosen is not None else 0
        self.source.setCurrentIndex(max(0, index))
        self.source.blockSignals(False)

    def refresh(self) -> None:
        """Read every figure again (in a few SQL statements) and redraw the charts."""
        self._stale = False
        scope = self.scope()
        report = insights_report(scope)
        self.report = report
        for card in self.cards.values():
            card.show_report(report, lambda: example_report(scope, report.activity.goal))
        self.hint.setText(
            "Figures from fewer than five cases show no share."
            if any(not card.example for card in self.cards.values())
            else "No data yet: the charts show examples."
        )

    def _data_changed(self) -> None:
        if self.isVisible():
            self._fill_sources()
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._fill_sources()
            self.refresh()
        super().showEvent(event)

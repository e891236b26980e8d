"""The four Insights cards in a column, built when the first figures arrive.

Building them imports the chart module (QtCharts) and makes four chart scenes: done after the
area has shown itself, so that a first visit paints at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.ui.insights import (
    activity_chart,
    answers_chart,
    follow_ups_chart,
    funnel_chart,
)
from followup_desktop.ui.insights.chart_card import ChartCard
from followup_desktop.ui.insights.examples import example_report


class ChartColumn(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {
            "funnel": ChartCard(funnel_chart, "funnel"),
            "answers": ChartCard(answers_chart, "answers"),
            "follow_ups": ChartCard(follow_ups_chart, "follow-ups"),
            "activity": ChartCard(activity_chart, "activity"),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(10)
        for card in self.cards.values():
            layout.addWidget(card)
        layout.addStretch(1)

    def show_report(self, report: InsightsReport) -> None:
        for card in self.cards.values():
            card.show_report(report, lambda: example_report(report.scope, report.activity.goal))

    def all_examples(self) -> bool:
        return all(card.example for card in self.cards.values())

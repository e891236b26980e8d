"""The funnel: applications that reached each stage, as bars from Applied down to Accepted."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
)
from PySide6.QtCore import Qt

from followup_desktop.services.insights.phrases import conversion_text
from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.services.insights.scope import share_text
from followup_desktop.services.wording import counted
from followup_desktop.ui.insights.chart_panel import ChartPanel
from followup_desktop.ui.insights.chart_style import ChartStyle, count_axis
from followup_desktop.ui.insights.hover_tips import HoverTips

TITLE = "Funnel: how far applications got"
EXAMPLE = (
    "Example: once you have sent a few applications, this shows how many reached an "
    "interview, an offer and a yes, and the share that went on at each step."
)


def has_data(report: InsightsReport) -> bool:
    return report.funnel[0].reached > 0


def build(report: InsightsReport, style: ChartStyle, tips: HoverTips) -> ChartPanel:
    steps = report.funnel
    texts = []
    rows = []
    previous = None
    for step in steps:
        conversion = conversion_text(step, previous)
        texts.append(
            f"{step.label}: {counted(step.reached, 'application')}"
            + (f"\n{conversion}" if conversion else "")
        )
        rows.append(
            [
                step.label,
                f"{step.reached:,}",
                share_text(step.reached, step.before) if previous else "—",
            ]
        )
        previous = step
    bars = QBarSet("Applications")
    bars.setColor(style.colour(0))
    bars.setBorderColor(style.colour(0))
    bars.setLabelColor(style.text)
    # A horizontal chart draws its first category at the bottom: the funnel is read from the top.
    for step in reversed(steps):
        bars.append(step.reached)
    reversed_texts = list(reversed(texts))
    bars.hovered.connect(lambda on, index: tips.hovered(on, reversed_texts[index]))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    series.setBarWidth(0.6)
    chart = QChart()
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([step.label for step in reversed(steps)])
    values = count_axis(max(step.reached for step in steps), room=1.12)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()
    style.apply(chart)
    first = steps[0]
    summary = (
        f"{counted(first.reached, 'application')} sent; "
        f"{counted(steps[1].reached, 'interview')}, {counted(steps[2].reached, 'offer')}."
    )
    return ChartPanel(
        chart,
        ["Stage", "Reached", "Went on"],
        rows,
        summary,
        {"Applications": texts},
    )

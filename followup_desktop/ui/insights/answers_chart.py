"""Answers: how long the first answer took, by source (median, middle half and extremes)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBoxPlotSeries, QBoxSet, QChart, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from followup_desktop.services.insights.answers import ALL, BY_SOURCE, AnswerGroup
from followup_desktop.services.insights.phrases import answered_text, days_text, wait_text
from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.services.insights.scope import MIN_CASES
from followup_desktop.ui.insights.chart_panel import ChartPanel
from followup_desktop.ui.insights.chart_style import ChartStyle
from followup_desktop.ui.insights.hover_tips import HoverTips

TITLE = "Answers: who answered, and how soon"
EXAMPLE = (
    f"Example: once {MIN_CASES} companies have answered, this shows how many days the first "
    "answer took, for all applications and for each source: the middle line is the typical "
    "wait, the box the middle half."
)


def _plotted(report: InsightsReport) -> list[AnswerGroup]:
    return [
        group
        for group in report.answers
        if group.dimension in (ALL, BY_SOURCE) and group.quartile_days is not None
    ]


def has_data(report: InsightsReport) -> bool:
    return bool(_plotted(report))


def _short_label(group: AnswerGroup) -> str:
    return "All" if group.dimension == ALL else group.label


def _tip(group: AnswerGroup) -> str:
    return f"{group.label}\n{answered_text(group)}\n{wait_text(group)}"


def build(report: InsightsReport, style: ChartStyle, tips: HoverTips) -> ChartPanel:
    plotted = _plotted(report)
    series = QBoxPlotSeries()
    series.setName("Days to the first answer")
    fill = QColor(style.colour(0))
    fill.setAlpha(80)  # the grid and the median line show through, in either scheme
    series.setBrush(QBrush(fill))
    series.setPen(QPen(style.colour(0), 1.5))
    texts = []
    for group in plotted:
        assert group.quartile_days is not None and group.range_days is not None
        assert group.median_days is not None
        low, high = group.quartile_days
        shortest, longest = group.range_days
        box = QBoxSet(shortest, low, group.median_days, high, longest, _short_label(group))
        series.append(box)
        texts.append(_tip(group))
    tip_by_label = {_short_label(group): _tip(group) for group in plotted}
    series.hovered.connect(lambda on, box: tips.hovered(on, tip_by_label.get(box.label(), "")))
    chart = QChart()
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short_label(group) for group in plotted])
    values = QValueAxis()
    values.setTitleText("days from applying")
    values.setLabelFormat("%d")
    longest_wait = max((g.range_days[1] for g in plotted if g.range_days), default=10)
    values.setRange(0, max(7, longest_wait + 1))
    values.applyNiceNumbers()
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()
    style.apply(chart)
    rows = []
    for group in report.answers:
        share = group.answered_share
        wait = "—"
        if group.median_days is not None and group.quartile_days is not None:
            low, high = group.quartile_days
            wait = f"{days_text(group.median_days)} ({low}–{high})"
        rows.append(
            [
                group.label,
                f"{group.answered:,} of {group.applications:,}"
                + (f" ({share:.0%})" if share is not None else ""),
                wait,
            ]
        )
    overall = next(group for group in report.answers if group.dimension == ALL)
    summary = f"{answered_text(overall)}; {wait_text(overall)}."
    return ChartPanel(
        chart,
        ["Applications", "Answered", "Wait (middle half)"],
        rows,
        summary,
        {"Days to the first answer": texts},
    )

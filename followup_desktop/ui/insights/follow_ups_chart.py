"""Follow-ups that work: per channel, the share answered by the company within 7 and 14 days."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QValueAxis,
)
from PySide6.QtCore import Qt

from followup_desktop.services.follow_up_queries import CHANNEL_LABELS
from followup_desktop.services.insights.follow_up_results import (
    ANY,
    CHANNELS,
    WINDOWS,
    FollowUpResult,
    result_for,
)
from followup_desktop.services.insights.phrases import follow_up_rate_text
from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.services.insights.scope import MIN_CASES
from followup_desktop.services.wording import counted
from followup_desktop.ui.insights.chart_panel import ChartPanel
from followup_desktop.ui.insights.chart_style import ChartStyle
from followup_desktop.ui.insights.hover_tips import HoverTips

TITLE = "Follow-ups that get answers"
EXAMPLE = (
    f"Example: once {MIN_CASES} follow-ups of a channel are a week old, this shows how often "
    "the company answered within 7 and 14 days, for calls, e-mails and handwritten notes."
)


def has_data(report: InsightsReport) -> bool:
    return any(
        result_for(report.follow_ups, channel, ANY).rate(WINDOWS[0]) is not None
        for channel in CHANNELS
    )


#: Channel names short enough to stand under their bars.
SHORT_CHANNELS = {"call": "Call", "email": "E-mail", "note": "Note"}


def _category(result: FollowUpResult) -> str:
    label = SHORT_CHANNELS[result.channel]
    cases = result.answered[WINDOWS[0]][0]
    return f"{label} ({cases})"


def build(report: InsightsReport, style: ChartStyle, tips: HoverTips) -> ChartPanel:
    channels = [result_for(report.follow_ups, channel, ANY) for channel in CHANNELS]
    series = QBarSeries()
    hover_texts: dict[str, list[str]] = {}
    for n, days in enumerate(WINDOWS):
        name = f"Answered within {days} days"
        bars = QBarSet(name)
        bars.setColor(style.colour(n))
        bars.setBorderColor(style.colour(n))
        bars.setLabelColor(style.text)
        texts = []
        for result in channels:
            rate = result.rate(days)
            bars.append(round(rate * 100) if rate is not None else 0)
            texts.append(
                f"{CHANNEL_LABELS[result.channel]}, {counted(result.done, 'follow-up')} done\n"
                f"answered within {days} days: {follow_up_rate_text(result, days)}"
            )
        hover_texts[name] = texts
        bars.hovered.connect(lambda on, index, texts=texts: tips.hovered(on, texts[index]))
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value%")
    chart = QChart()
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_category(result) for result in channels])
    values = QValueAxis()
    values.setRange(0, 112)  # room above a full bar for its label
    values.setTickType(QValueAxis.TickType.TicksDynamic)
    values.setTickAnchor(0)
    values.setTickInterval(25)
    values.setLabelFormat("%d%%")
    values.setTitleText("answered")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    style.apply(chart)
    rows = [
        [
            f"{result.channel_label}, {result.reason_label.lower()}",
            f"{result.done:,}",
            *(follow_up_rate_text(result, days) for days in WINDOWS),
        ]
        for result in report.follow_ups
        if result.done
    ]
    everything = result_for(report.follow_ups, ANY, ANY)
    summary = (
        f"{counted(everything.done, 'follow-up')} done; answered within {WINDOWS[-1]} days: "
        f"{follow_up_rate_text(everything, WINDOWS[-1])}. Under each bar: the follow-ups its "
        f"share rests on; below {MIN_CASES}, no share is shown."
    )
    return ChartPanel(
        chart,
        ["Follow-ups", "Done", *(f"In {days} days" for days in WINDOWS)],
        rows,
        summary,
        hover_texts,
    )

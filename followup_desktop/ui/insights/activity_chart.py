"""Activity: applications sent and follow-ups done per week, stacked, against the weekly goal."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QLineSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen

from followup_desktop.services.insights.phrases import goal_text, streak_text
from followup_desktop.services.insights.report import InsightsReport
from followup_desktop.services.wording import counted
from followup_desktop.ui.insights.chart_panel import ChartPanel
from followup_desktop.ui.insights.chart_style import ChartStyle, count_axis
from followup_desktop.ui.insights.hover_tips import HoverTips

TITLE = "Activity: your weeks against your goal"
EXAMPLE = (
    "Example: this shows the applications you send and the follow-ups you do each week, "
    "the weekly goal set in Preferences, and how many weeks in a row you reached it."
)


def has_data(report: InsightsReport) -> bool:
    return any(week.total for week in report.activity.weeks)


def build(report: InsightsReport, style: ChartStyle, tips: HoverTips) -> ChartPanel:
    activity = report.activity
    weeks = activity.weeks
    labels = [f"{week.monday.day} {week.monday.strftime('%b')}" for week in weeks]
    texts = [
        f"Week of {week.monday.isoformat()}: {counted(week.applications, 'application')}, "
        f"{counted(week.follow_ups, 'follow-up')}"
        + (" (goal met)" if week.total >= activity.goal else "")
        for week in weeks
    ]
    series = QStackedBarSeries()
    for n, (name, counts) in enumerate(
        (
            ("Applications sent", [week.applications for week in weeks]),
            ("Follow-ups done", [week.follow_ups for week in weeks]),
        )
    ):
        bars = QBarSet(name)
        bars.setColor(style.colour(n))
        bars.setBorderColor(style.colour(n))
        for count in counts:
            bars.append(count)
        bars.hovered.connect(lambda on, index: tips.hovered(on, texts[index]))
        series.append(bars)
    goal = QLineSeries()
    goal.setName(f"Goal: {activity.goal} a week")
    pen = QPen(style.colour(2), 2, Qt.PenStyle.DashLine)
    goal.setPen(pen)
    goal.append(-0.5, activity.goal)
    goal.append(len(weeks) - 0.5, activity.goal)
    chart = QChart()
    chart.addSeries(series)
    chart.addSeries(goal)
    categories = QBarCategoryAxis()
    categories.append(labels)
    if len(labels) > 6:  # upright, a week's label is wider than its bar
        categories.setLabelsAngle(-90)
    values = count_axis(max([week.total for week in weeks] + [activity.goal]), room=1.1)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for attached in (series, goal):
        attached.attachAxis(categories)
        attached.attachAxis(values)
    style.apply(chart)
    rows = [
        [
            week.monday.isoformat(),
            f"{week.applications:,}",
            f"{week.follow_ups:,}",
            "yes" if week.total >= activity.goal else "no",
        ]
        for week in reversed(weeks)
    ]
    summary = (
        f"Goal: {goal_text(activity.goal)} a week. {streak_text(activity)} "
        f"Met in {activity.weeks_met} of the last {counted(len(weeks), 'week')}."
    )
    return ChartPanel(
        chart,
        ["Week of", "Sent", "Followed up", "Goal met"],
        rows,
        summary,
        {"Applications sent": texts, "Follow-ups done": texts},
    )

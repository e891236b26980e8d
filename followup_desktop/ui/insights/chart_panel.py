"""What one Insights card shows: a chart, its figures as rows, and a line of summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCharts import QChart


@dataclass
class ChartPanel:
    chart: QChart
    headers: list[str]
    rows: list[list[str]]
    summary: str
    #: The tooltip text of each hoverable item, by series name and index (for tests).
    hover_texts: dict[str, list[str]] = field(default_factory=dict)

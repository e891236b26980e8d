"""The Insights area's one question to the user: where to save a chart. Tests replace it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

CHART_FILTER = "PNG image (*.png);;PDF document (*.pdf)"


def ask_chart_path(parent: QWidget, suggested: str) -> Path | None:
    name, selected = QFileDialog.getSaveFileName(
        parent, "Save chart", str(Path.home() / suggested), CHART_FILTER
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".png", ".pdf"):  # the chosen kind, when none was typed
        path = path.with_name(path.name + (".pdf" if "PDF" in selected else ".png"))
    return path

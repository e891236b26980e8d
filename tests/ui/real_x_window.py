"""The main window on the demo data, on whatever X server DISPLAY names, for tests that drive it
with a real mouse: it prints where its parts are on the screen (one JSON line), then runs."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QWidget

from followup_desktop.paths import DataLocation
from followup_desktop.services.demo_data import fill_demo_data
from followup_desktop.services.planning import replan_once_a_day
from followup_desktop.services.store import open_user_store
from followup_desktop.ui.app import create_application
from followup_desktop.ui.calendar.area import CalendarArea
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.pipeline.board import PipelineBoard


def centre(widget: QWidget, local: QPoint | None = None) -> list[int]:
    point = widget.mapToGlobal(local if local is not None else widget.rect().center())
    return [point.x(), point.y()]


def calendar_points(area: CalendarArea, today: dt.date) -> dict[str, list[int]]:
    """Screen points of a few days of the month grid and of the first follow-up of today."""
    month = area.month_view
    points = {
        f"day:{day.isoformat()}": centre(month, month.cell_rect(day).center())
        for day in (today + dt.timedelta(days=offset) for offset in range(-3, 15))
        if not month.cell_rect(day).isNull()
    }
    day_list = area.day_list
    model = day_list.model()
    if model is not None and model.rowCount():
        first = day_list.visualRect(model.index(0, 0))
        points["first_follow_up"] = centre(day_list.viewport(), first.center())
    return points


def board_points(board: PipelineBoard) -> dict[str, list[int]]:
    """Screen points of each open column's first card, its middle and its Add button, and the
    id of the card: ``card:<stage>``, ``column:<stage>``, ``add:<stage>``, ``card_id:<stage>``."""
    points: dict[str, list[int]] = {}
    for column in board.columns:
        if column.collapsed:
            continue
        name = column.stage.name
        points[f"column:{name}"] = centre(column.view.viewport())
        points[f"add:{name}"] = centre(column.add_button)
        if column.model.rowCount():
            first = column.view.visualRect(column.model.index(0))
            points[f"card:{name}"] = centre(column.view.viewport(), first.center())
            points[f"card_id:{name}"] = [column.model.card_at(0).id, 0]
    return points


def main() -> int:
    data, area_key = Path(sys.argv[1]), sys.argv[2]
    app = create_application()
    location = DataLocation(data).ensure()
    open_user_store(location)
    today = dt.date.today()
    fill_demo_data(seed=7, today=today)
    replan_once_a_day()
    window = MainWindow(location)
    window.resize(1280, 800)
    window.move(0, 0)
    area = window.show_area(area_key)
    window.show()

    def report() -> None:
        points: dict[str, list[int]] = {}
        if isinstance(area, CalendarArea):
            points = calendar_points(area, today)
        elif isinstance(area, PipelineBoard):
            points = board_points(area)
        print(json.dumps(points), flush=True)

    QTimer.singleShot(800, report)  # once the window is mapped and placed
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""The Insights area as a person uses it: open it, pick a period and a source, point at a bar,
save a chart; the figures are the hand-made store's, the same as ``followup stats`` prints."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from followup_desktop.db.connection import StoreInfo
from followup_desktop.paths import DataLocation
from followup_desktop.services.settings import weekly_goal
from followup_desktop.ui.area_specs import AREA_KEYS
from followup_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from followup_desktop.ui.insights import prompts
from followup_desktop.ui.insights.area import InsightsArea
from followup_desktop.ui.insights.chart_card import ChartCard
from followup_desktop.ui.insights.chart_style import SERIES_COLOURS, ChartStyle
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.theme import contrast_ratio, dark_palette, light_palette
from tests.services.insights_store import build_insights_store
from tests.ui.conftest import open_window, stop_reminders

REPO = Path(__file__).resolve().parents[2]


def _open_insights(qtbot: QtBot, window: MainWindow) -> InsightsArea:
    bar = window.side_bar
    row = AREA_KEYS.index("insights")
    rect = bar.visualItemRect(bar.item(row))
    qtbot.mouseClick(bar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    area = window.areas["insights"]
    assert isinstance(area, InsightsArea)
    qtbot.waitUntil(area.isVisible)
    _wait_for_figures(qtbot, area)
    return area


def _wait_for_figures(qtbot: QtBot, area: InsightsArea) -> None:
    """The figures are read beside the window: wait until they are drawn."""
    qtbot.waitUntil(lambda: not area.is_reading(), timeout=10_000)
    area.wait()
    # And laid out, as they are by the time a person looks at them.
    qtbot.waitUntil(
        lambda: all(c.view.chart().plotArea().width() > 100 for c in area.cards.values()),
        timeout=5_000,
    )


@pytest.fixture
def hand_made_window(
    qtbot: QtBot, store: StoreInfo, data_location: DataLocation
) -> Iterator[MainWindow]:
    build_insights_store()
    main_window = open_window(qtbot, data_location)
    main_window.show_area("pipeline")
    yield main_window
    stop_reminders(main_window)


def _column(card: ChartCard, column: int) -> list[str]:
    table = card.table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _choose(qtbot: QtBot, combo: object, text: str) -> None:
    """Pick an entry of a combo box the way a keyboard user does: focus it, type its start."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text)
    area = combo.parentWidget()
    assert isinstance(area, InsightsArea)
    _wait_for_figures(qtbot, area)


def test_the_area_shows_the_hand_made_figures(qtbot: QtBot, hand_made_window: MainWindow) -> None:
    area = _open_insights(qtbot, hand_made_window)
    _choose(qtbot, area.period, "All")
    funnel = area.cards["funnel"]
    assert _column(funnel, 1) == ["9", "4", "2", "1"]
    assert _column(funnel, 2) == ["—", "44% (of 9)", "too few (4)", "too few (2)"]
    answers = area.cards["answers"]
    assert _column(answers, 0)[0] == "All applications"
    assert _column(answers, 1)[0] == "6 of 9 (67%)"
    assert _column(answers, 2)[0] == "5.5 days (3–10)"
    assert not any(area.cards[key].example for key in ("funnel", "answers", "follow_ups"))
    # The store's weeks lie months before today: the last 26 weeks show the example.
    assert area.cards["activity"].example
    _choose(qtbot, area.source, "Job board")
    assert _column(funnel, 1) == ["5", "2", "1", "1"]


def test_the_area_and_the_command_agree(
    qtbot: QtBot, hand_made_window: MainWindow, data_location: DataLocation
) -> None:
    import json

    area = _open_insights(qtbot, hand_made_window)
    _choose(qtbot, area.period, "All")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    folder = str(data_location.root)
    result = subprocess.run(
        [sys.executable, "-m", "followup_desktop", "--data-dir", folder, "stats", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    printed = json.loads(result.stdout)
    assert [str(step["reached"]) for step in printed["funnel"]] == _column(area.cards["funnel"], 1)
    shown_answers = _column(area.cards["answers"], 1)
    assert [f"{g['answered']} of {g['applications']}" for g in printed["answers"]] == [
        text.split(" (")[0] for text in shown_answers
    ]
    shown_done = _column(area.cards["follow_ups"], 1)
    assert [str(r["done"]) for r in printed["follow_ups"] if r["done"]] == shown_done


def test_pointing_at_a_bar_tells_its_figures(qtbot: QtBot, hand_made_window: MainWindow) -> None:
    area = _open_insights(qtbot, hand_made_window)
    _choose(qtbot, area.period, "All")
    card = area.cards["funnel"]
    chart = card.view.chart()
    series = chart.series()[0]
    # Applied is the top bar (category 3 of 4), nine applications long.
    inside = chart.mapToPosition(QPointF(4.5, 3), series)
    where = card.view.mapFromScene(chart.mapToScene(inside))
    qtbot.mouseMove(card.view.viewport(), where)
    qtbot.waitUntil(lambda: card.tips.text != "", timeout=2000)
    assert card.tips.text == "Applied: 9 applications"
    qtbot.mouseMove(card.view.viewport(), card.view.viewport().rect().topLeft())
    qtbot.waitUntil(lambda: card.tips.text == "", timeout=2000)


def test_a_chart_is_saved_as_png_and_as_pdf(
    qtbot: QtBot,
    hand_made_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    area = _open_insights(qtbot, hand_made_window)
    _choose(qtbot, area.period, "All")
    card = area.cards["funnel"]
    assert not card.example
    target = tmp_path / "funnel.png"
    monkeypatch.setattr(prompts, "ask_chart_path", lambda *_a: target)
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    image = QImage(str(target))
    assert not image.isNull() and image.width() == card.view.width() * 2
    pdf = tmp_path / "funnel.pdf"
    monkeypatch.setattr(prompts, "ask_chart_path", lambda *_a: pdf)
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    page = PdfReader(str(pdf)).pages[0]
    text = page.extract_text()
    assert "Applied" in text and "Accepted" in text  # drawn as text, not as a picture


def test_an_empty_store_shows_examples_not_empty_axes(
    qtbot: QtBot, store: StoreInfo, data_location: DataLocation
) -> None:
    main_window = open_window(qtbot, data_location)
    try:
        area = _open_insights(qtbot, main_window)
        for card in area.cards.values():
            assert card.example
            assert card.summary.text().startswith("Example:")
            assert card.table.item(0, 0).text() == "Example figures"
            chart = card.view.chart()
            assert chart.series() and chart.axes()
        funnel_bars = area.cards["funnel"].view.chart().series()[0].barSets()[0]
        assert [funnel_bars.at(i) for i in range(funnel_bars.count())] == [1, 4, 14, 40]
        assert area.hint.text() == "No data yet: the charts show examples."
    finally:
        stop_reminders(main_window)


def test_the_weekly_goal_set_in_preferences_moves_the_goal_line(
    qtbot: QtBot, hand_made_window: MainWindow
) -> None:
    area = _open_insights(qtbot, hand_made_window)
    dialog = PreferencesDialog(hand_made_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    dialog.weekly_goal.setFocus()
    dialog.weekly_goal.selectAll()
    qtbot.keyClicks(dialog.weekly_goal, "3")
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert weekly_goal() == 3
    hand_made_window.events.profile_changed.emit()  # as the window does after the dialog
    _wait_for_figures(qtbot, area)
    assert area.report is not None and area.report.activity.goal == 3
    goal_line = area.cards["activity"].view.chart().series()[1]
    assert goal_line.name() == "Goal: 3 a week"
    assert goal_line.at(0).y() == 3


@pytest.mark.parametrize("palette", [light_palette, dark_palette])
def test_chart_colours_stand_out_in_both_schemes(palette: object, qtbot: QtBot) -> None:
    assert callable(palette)
    colours = palette()
    style = ChartStyle.from_palette(colours)
    for index in range(len(SERIES_COLOURS)):
        assert contrast_ratio(style.colour(index), style.background) >= 3.0
    assert contrast_ratio(style.text, style.background) >= 4.5


def test_charts_are_drawn_in_the_dark_palette(
    qtbot: QtBot, store: StoreInfo, data_location: DataLocation
) -> None:
    build_insights_store()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    dark = dark_palette()
    app.setPalette(dark)  # as at the start on a system in dark mode
    main_window = open_window(qtbot, data_location)
    try:
        area = _open_insights(qtbot, main_window)
        _choose(qtbot, area.period, "All")
        chart = area.cards["funnel"].view.chart()
        assert chart.backgroundBrush().color() == dark.color(QPalette.ColorRole.Base)
        assert chart.axes()[0].labelsColor() == dark.color(QPalette.ColorRole.Text)
        bars = chart.series()[0].barSets()[0]
        assert bars.color() == SERIES_COLOURS[0].on(dark)
    finally:
        stop_reminders(main_window)
        app.setPalette(before)


def test_the_chart_module_loads_on_the_first_visit_only(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from pathlib import Path\n"
        "from followup_desktop.paths import DataLocation\n"
        "from followup_desktop.services.store import open_user_store\n"
        "from followup_desktop.ui.app import create_application\n"
        "from followup_desktop.ui.main_window import MainWindow\n"
        "app = create_application()\n"
        f"location = DataLocation(Path({str(tmp_path / 'data')!r})).ensure()\n"
        "open_user_store(location)\n"
        "window = MainWindow(location)\n"
        "window.show_area('pipeline')\n"
        "window.show()\n"
        "loop = QEventLoop()\n"
        "watch = QTimer(interval=20, timeout=lambda: window.warm_up.pending or loop.quit())\n"
        "watch.start()\n"
        "QTimer.singleShot(30000, loop.quit)\n"
        "loop.exec()\n"
        "names = ('PySide6.QtCharts', 'followup_desktop.ui.insights.area')\n"
        "print([n in sys.modules for n in names])\n"
        "area = window.show_area('insights')\n"
        "while area.is_reading():\n"
        "    app.processEvents()\n"
        "print([n in sys.modules for n in names])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # After the start and all the idle-time warm-up: still not loaded; then on the visit
    # (QtCharts once its figures arrived).
    assert result.stdout.split() == ["[False,", "False]", "[True,", "True]"]


def test_the_area_shows_at_once_and_says_it_is_reading(
    qtbot: QtBot, hand_made_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from followup_desktop.ui.insights import area as area_module

    gate = threading.Event()
    real_report = area_module.insights_report

    def slow_report(scope: object) -> object:
        gate.wait(10)  # as on years of data: the figures take a moment
        return real_report(scope)  # type: ignore[arg-type]

    monkeypatch.setattr(area_module, "insights_report", slow_report)
    hand_made_window.show_area("insights")
    area = hand_made_window.areas["insights"]
    assert isinstance(area, InsightsArea)
    qtbot.waitUntil(area.isVisible)
    assert area.is_reading() and area.progress.isVisible()
    assert area.hint.text() == "Reading the figures…"
    assert area.cards == {}  # nothing drawn from figures not read yet
    gate.set()
    _wait_for_figures(qtbot, area)
    assert not area.progress.isVisible() and set(area.cards) == {
        "funnel",
        "answers",
        "follow_ups",
        "activity",
    }

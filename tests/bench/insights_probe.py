"""Time the Insights area in a fresh process: ``insights_probe.py DATA_DIR``.

Opens the window on the board, idles as a user would before the first click (the idle-time
warm-up runs and finishes), then prints ``FIRST <ms>`` for the first visit of Insights (its
module imported, the area painted, saying it reads), ``FIGURES <ms>`` until the four charts
are drawn (QtCharts imported, the figures read beside the window), ``AGAIN <ms>`` for a later
visit (the middle one of three), ``ALL_TIME <ms>`` from switching its period to all time until
the new charts are drawn, and ``SQL <ms>`` for the figures alone (median of five).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from window_probe import idle, open_window, settle, switch_to

#: A user's first click on another area comes seconds after the window opened.
SETTLE_MS = 3000


def drawn(area: object) -> None:
    """Handle events until the area's figures arrived, then paint it."""
    from PySide6.QtWidgets import QApplication

    while area.is_reading():  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.001)
    area.repaint()  # type: ignore[attr-defined]


def main(data_dir: str) -> None:
    app, window = open_window(data_dir, "pipeline")
    idle(app, SETTLE_MS)
    assert "PySide6.QtCharts" not in sys.modules, "QtCharts was loaded before the first visit"
    start = time.perf_counter()
    print(f"FIRST {switch_to(app, window, 'insights'):.3f}", flush=True)
    area = window.areas["insights"]  # type: ignore[attr-defined]
    drawn(area)
    print(f"FIGURES {(time.perf_counter() - start) * 1000:.3f}", flush=True)
    settle(app)
    again = []
    for _ in range(3):  # as window_probe's later visits: the middle one of three
        switch_to(app, window, "pipeline")
        settle(app)
        again.append(switch_to(app, window, "insights"))
        settle(app)
    print(f"AGAIN {sorted(again)[1]:.3f}", flush=True)
    start = time.perf_counter()
    area.period.setCurrentIndex(area.period.findData("all"))
    drawn(area)
    print(f"ALL_TIME {(time.perf_counter() - start) * 1000:.3f}", flush=True)

    from followup_desktop.services.insights.report import insights_report

    samples = []
    for _ in range(5):
        start = time.perf_counter()
        insights_report(area.scope())
        samples.append((time.perf_counter() - start) * 1000)
    print(f"SQL {statistics.median(samples):.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])

"""Measure the real main window (or a bare QMainWindow) in a fresh process and print figures.

Usage: ``window_probe.py rss DATA_DIR``, ``window_probe.py bare-rss`` or
``window_probe.py switch DATA_DIR [START_AREA [IDLE_MS]]``. Prints ``RSS <kB>``, or
``FIRST <area> <ms>`` and ``AGAIN <area> <ms>`` lines; each run is a new process, so "first"
really is the first time in that process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def resident_kb() -> int:
    """Current resident set size of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def settle(app: object, rounds: int = 5) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def bare_rss() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    settle(app)
    window.repaint()
    print(f"RSS {resident_kb()}", flush=True)


def open_window(data_dir: str, start_area: str = "pipeline") -> tuple[object, object]:
    from followup_desktop.paths import resolve_data_location
    from followup_desktop.ui.app import create_application
    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.recovery import open_store_at_start

    app = create_application()
    location = resolve_data_location(data_dir)
    problem = open_store_at_start(location)
    if problem is not None:
        raise SystemExit(f"cannot open {data_dir}: {problem}")
    window = MainWindow(location)
    window.resize(1280, 800)
    window.show_area(start_area)
    window.show()
    settle(app)
    window.repaint()
    return app, window


def app_rss(data_dir: str) -> None:
    from followup_desktop.ui.area_specs import AREA_KEYS

    app, window = open_window(data_dir)
    for key in AREA_KEYS:
        window.show_area(key)  # type: ignore[attr-defined]
        settle(app)
        window.repaint()  # type: ignore[attr-defined]
    print(f"RSS {resident_kb()}", flush=True)


def switch_to(app: object, window: object, key: str) -> float:
    """Ms from asking for an area until Qt has painted it (events handled until its paint)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    painted: list[bool] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = PaintWatch()
    start = time.perf_counter()
    area = window.show_area(key)  # type: ignore[attr-defined]
    area.installEventFilter(watch)
    deadline = start + 60
    while not painted and time.perf_counter() < deadline:
        QApplication.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    area.removeEventFilter(watch)
    return elapsed


def idle(app: object, ms: float) -> None:
    """Run the event loop for ``ms``, as a window does while its user looks at it."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def area_switch(data_dir: str, start_area: str, idle_ms: float) -> None:
    """First visit of every area but the one the window opened on, then repeated visits."""
    from followup_desktop.ui.area_specs import AREA_KEYS

    app, window = open_window(data_dir, start_area)
    idle(app, idle_ms)
    for key in AREA_KEYS:
        if key != start_area:
            print(f"FIRST {key} {switch_to(app, window, key):.3f}", flush=True)
            settle(app)
    again: dict[str, list[float]] = {key: [] for key in AREA_KEYS}
    for _ in range(3):
        for key in AREA_KEYS:
            again[key].append(switch_to(app, window, key))
    for key in AREA_KEYS:
        print(f"AGAIN {key} {sorted(again[key])[1]:.3f}", flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare-rss":
        bare_rss()
    elif mode == "rss":
        app_rss(sys.argv[2])
    elif mode == "switch":
        start = sys.argv[3] if len(sys.argv) > 3 else "pipeline"
        area_switch(sys.argv[2], start, float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
    else:
        raise SystemExit(f"unknown mode {mode!r}")

"""Report the moment the main window first paints (for start-up benchmarks), then quit."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: When this environment variable is set, the window prints "PAINTED <epoch seconds>" and quits.
PAINT_PROBE_ENV = "FOLLOWUP_EXIT_AFTER_PAINT"


class FirstPaintProbe(QObject):
    """Event filter: on the watched widget's first paint, print the time and quit the app."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Let this paint finish, then report: the window is on screen at that point.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        # Wall clock for the benchmark, and the CPU time spent so far (steadier on a busy machine).
        sys.stdout.write(f"PAINTED {time.time():.6f} {time.process_time():.6f}\n")
        sys.stdout.flush()
        app = QApplication.instance()
        if app is not None:
            app.quit()

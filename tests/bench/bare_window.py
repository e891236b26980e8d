"""The floor for start-up: a bare PySide6 QMainWindow, started and probed like the app."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QMainWindow

from followup_desktop.ui.paint_probe import FirstPaintProbe

if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    FirstPaintProbe(window)
    window.show()
    sys.exit(app.exec())

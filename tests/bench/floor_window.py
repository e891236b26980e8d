"""What any PySide6 window that shows an SQLite store pays before its first paint."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QMainWindow

from followup_desktop.ui.paint_probe import FirstPaintProbe

# A bare QMainWindow (as in bare_window.py) that also creates the Python enums of Qt's `Qt`
# namespace and of the list-view and painting classes a data view uses and opens the app's
# store (with the ORM and its checks, as the app does before its first paint), but builds no
# view and reads no data. Start-up figures are read against it to see how much of the app's
# time is the stack rather than the app.
if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    # Every alignment, item role and widget flag lives in the `Qt` namespace; a list of
    # records needs the item-view, style and painting classes (PySide builds their enums).
    from PySide6.QtCore import Qt  # noqa: F401
    from PySide6.QtGui import QFont, QPainter, QPalette  # noqa: F401
    from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate  # noqa: F401

    from followup_desktop.db.connection import open_store

    open_store(Path(sys.argv[1]) / "followup.sqlite", checked=True)
    window = QMainWindow()
    window.resize(1280, 800)
    FirstPaintProbe(window)
    window.show()
    sys.exit(app.exec())

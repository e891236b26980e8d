"""After the window has settled, import the areas not shown yet, one per idle moment.

Importing an area's code (and the Qt types it uses, which PySide creates on first use) is
most of what a first visit costs. Done in the pauses after start-up, a first switch only has
to build the widgets; the start itself never waits for it.
"""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QObject, QTimer

#: The modules behind the areas that are not the first one shown, in the side bar's order.
AREA_MODULES = (
    "followup_desktop.ui.areas.pipeline_area",
    "followup_desktop.ui.areas.calendar_area",
    "followup_desktop.ui.contacts.contacts_area",
    "followup_desktop.ui.areas.composer_area",
)
#: Start well after the first paint and the start-up backup's launch.
START_DELAY_MS = 2000
#: Gap between two imports, so input that arrived meanwhile is handled first.
GAP_MS = 40


class AreaWarmUp(QObject):
    """Imports ``AREA_MODULES`` one at a time on the event loop, then stops."""

    def __init__(self, parent: QObject, delay_ms: int = START_DELAY_MS) -> None:
        super().__init__(parent)
        self.pending = [name for name in AREA_MODULES if name not in sys.modules]
        if self.pending:
            QTimer.singleShot(delay_ms, self, self._import_next)

    def _import_next(self) -> None:
        while self.pending:
            name = self.pending.pop(0)
            if name not in sys.modules:
                importlib.import_module(name)
                break
        if self.pending:
            QTimer.singleShot(GAP_MS, self, self._import_next)

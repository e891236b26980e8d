"""After the window has settled, import the areas not shown yet, one per idle moment.

Importing an area's code (and the Qt types it uses, which PySide creates on first use) is
most of what a first visit costs. Done in the pauses after start-up, a first switch only has
to build the widgets; the start itself never waits for it.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer

#: The modules behind the areas that are not the first one shown, in the side bar's order.
AREA_MODULES = (
    "followup_desktop.ui.pipeline.board",
    "followup_desktop.ui.calendar.area",
    "followup_desktop.ui.contacts.contacts_area",
    "followup_desktop.ui.composer.area",
)
#: Areas left for their first visit: Insights brings the chart library (QtCharts), which
#: start-up and most sessions never need.
FIRST_VISIT_MODULES = ("followup_desktop.ui.insights.area",)
#: Start once the first paint is long done (it comes after about half a second).
START_DELAY_MS = 1200
#: Gap between two imports, so input that arrived meanwhile is handled first.
GAP_MS = 40


def _freeze_long_lived_objects() -> None:
    """Set aside what start-up built (modules, widgets, caches) from later garbage collections.

    Python's full collection walks every object; with the window and the imported areas that is
    tens of thousands, and a full pass came due in the middle of a first area visit (measured:
    about 50 ms of a 140 ms switch). One pass now, in idle time, then only new objects are
    walked. Frozen objects are still freed when nothing refers to them.
    """
    gc.collect()
    gc.freeze()


#: Slow first uses inside the areas: the phone-number library behind the contact form's
#: placeholders and checks; last, setting the start-up objects aside from garbage collection.
OTHER_MODULES = ("phonenumbers",)
OTHER_STEPS: tuple[Callable[[], None], ...] = (_freeze_long_lived_objects,)


class AreaWarmUp(QObject):
    """Runs one step at a time on the event loop (imports first, then the rest), then stops."""

    def __init__(
        self,
        parent: QObject,
        delay_ms: int = START_DELAY_MS,
        *,
        then: list[Callable[[], object]] | None = None,
    ) -> None:
        """``then``: the owner's own steps, after the imports (the calendar's read ahead)."""
        super().__init__(parent)
        self.pending: list[Callable[[], object]] = [
            partial(importlib.import_module, name)
            for name in (*AREA_MODULES, *OTHER_MODULES)
            if name not in sys.modules
        ]
        self.pending += [*(then or []), *OTHER_STEPS]
        QTimer.singleShot(delay_ms, self, self._next)

    def _next(self) -> None:
        if self.pending:
            self.pending.pop(0)()
        if self.pending:
            QTimer.singleShot(GAP_MS, self, self._next)

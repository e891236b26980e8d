"""The coach's checks as a short list: a tick or a warning sign, the check, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from followup_desktop.services.coach import CoachCheck
from followup_desktop.ui.theme import CAUTION_ON_WINDOW, GOOD_ON_WINDOW, tone_text

_PASS = "✓"
_WARN = "!"


class CoachPanel(QWidget):
    """One row per check; warnings never block anything, they only say what would help."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(1, 1)
        self.checks: list[CoachCheck] = []
        self._rows: list[tuple[QLabel, QLabel]] = []

    def show_checks(self, checks: list[CoachCheck]) -> None:
        self.checks = checks
        while len(self._rows) < len(checks):
            mark, text = QLabel(), QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            mark.setFixedWidth(14)
            bold = mark.font()
            bold.setBold(True)
            mark.setFont(bold)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            row = len(self._rows)
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(text, row, 1)
            self._rows.append((mark, text))
        for index, (mark, text) in enumerate(self._rows):
            if index >= len(checks):
                mark.hide()
                text.hide()
                continue
            check = checks[index]
            mark.setText(_PASS if check.passed else _WARN)
            tone_text(mark, GOOD_ON_WINDOW if check.passed else CAUTION_ON_WINDOW)
            mark.setToolTip("passes" if check.passed else "worth a look")
            text.setText(f"<b>{_escape(check.title)}</b> — {_escape(check.reason)}")
            text.setAccessibleName(
                f"{check.title}: {'passes' if check.passed else 'warning'}. {check.reason}"
            )
            mark.show()
            text.show()

    def warnings(self) -> list[CoachCheck]:
        return [check for check in self.checks if not check.passed]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

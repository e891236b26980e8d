"""The call sheet: who, what to say, last time's talk, when to call; print it, log the outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.call_sheet import (
    CallSheet,
    CallSheetError,
    build_call_sheet,
    facts_html,
    last_html,
    render_call_sheet_html,
    when_html,
)
from followup_desktop.services.external_open import ExternalOpenError, open_external
from followup_desktop.services.follow_up_actions import (
    FollowUpError,
    complete_follow_up,
    move_to_next_working_day,
)
from followup_desktop.services.user_text import isolated
from followup_desktop.ui.events import AppEvents
from followup_desktop.ui.theme import ADVICE_TONE, GOOD_TONE, follow_scheme
from followup_desktop.ui.widgets.elided_label import ElidedLabel

#: How the call went: key, label. "no_answer" moves the call instead of logging it.
CALL_RESULTS = (
    ("spoke", "Spoke with them"),
    ("voicemail", "Left a voicemail"),
    ("no_answer", "No answer: try again next working day"),
)
_BOX = "border-radius: 4px; padding: 6px;"

#: Opens a ``tel:`` link (replaced in tests).
LinkOpener = Callable[[str], None]


def open_link(url: str) -> None:
    """Open a ``tel:`` link with the system's handler; say so when there is none."""
    try:
        open_external(url)
    except ExternalOpenError as error:
        QMessageBox.warning(None, "Call sheet", str(error))


def print_call_sheet(html: str, printer: QPrinter) -> None:
    """The one render of the sheet for paper and PDF: the same HTML the preview is made of."""
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSizeF(11)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.print_(printer)


class CallSheetDialog(QDialog):
    """The sheet for one follow-up, with the call's outcome to log below it."""

    def __init__(
        self,
        follow_up_id: int,
        events: AppEvents,
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
        user_zone: dt.tzinfo | None = None,
        link_opener: LinkOpener = open_link,
    ) -> None:
        super().__init__(parent)
        self.follow_up_id = follow_up_id
        self.events = events
        self.user_zone = user_zone
        self.link_opener = link_opener
        self.setWindowTitle("Call sheet")
        self.resize(640, 760)
        try:
            self.sheet: CallSheet | None = build_call_sheet(follow_up_id, now, user_zone)
        except CallSheetError as error:
            self.sheet = None
            layout = QVBoxLayout(self)
            layout.addWidget(QLabel(str(error)))
            return
        self._build(self.sheet)

    # --- layout ----------------------------------------------------------------------------

    def _build(self, sheet: CallSheet) -> None:
        # One line, shortened to the sheet's width: a long name must not widen the sheet.
        title = ElidedLabel(f"Call {isolated(sheet.details.who)}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.facts = self._rich(facts_html(sheet))
        self.facts.linkActivated.connect(self.link_opener)
        self.time_check = QLabel(sheet.time_check.message)
        self.time_check.setObjectName("call_time_check")
        self.time_check.setWordWrap(True)
        tone = GOOD_TONE if sheet.time_check.good_time else ADVICE_TONE
        follow_scheme(
            self.time_check,
            lambda label: label.setStyleSheet(
                tone.style_sheet(QGuiApplication.palette(), extra=_BOX)
            ),
        )
        self.windows = self._rich(when_html(sheet, self.user_zone))
        self.pitch = QPlainTextEdit(sheet.pitch)
        self.pitch.setObjectName("call_pitch")
        self.pitch.setMinimumHeight(80)
        self.pitch.setMaximumHeight(120)
        mine = ", ".join(x for x in (sheet.your_phone, sheet.your_email) if x)
        self.last = self._rich(last_html(sheet))
        self.checks = [QCheckBox(item) for item in sheet.checklist]

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(title)
        column.addWidget(self.facts)
        column.addWidget(self._group("When to call", [self.windows, self.time_check]))
        pitch_parts: list[QWidget] = [self.pitch]
        if mine:
            pitch_parts.append(QLabel(f"Give your contact details: {mine}"))
        column.addWidget(self._group("What to say (edit freely)", pitch_parts))
        column.addWidget(self._group("Last time", [self.last]))
        column.addWidget(self._group("Checklist", list(self.checks)))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.call_result = QComboBox()
        for key, label in CALL_RESULTS:
            self.call_result.addItem(label, key)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("What was said")
        self.questions = QLineEdit()
        self.questions.setPlaceholderText("Questions still open")
        outcome_form = QFormLayout()
        outcome_form.addRow("Result", self.call_result)
        outcome_form.addRow("Notes", self.notes)
        outcome_form.addRow("Open questions", self.questions)
        self.log_button = QPushButton("Log call")
        self.log_button.setDefault(True)
        self.log_button.clicked.connect(self.log_outcome)
        self.print_button = QPushButton("Print…")
        self.print_button.clicked.connect(self.print_sheet)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.log_button)
        outcome = QGroupBox("After the call")
        outcome_layout = QVBoxLayout(outcome)
        outcome_layout.addLayout(outcome_form)
        outcome_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(outcome)

    @staticmethod
    def _rich(html: str) -> QLabel:
        label = QLabel(html)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    @staticmethod
    def _group(title: str, widgets: list[QWidget]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    # --- actions ---------------------------------------------------------------------------

    def sheet_html(self) -> str:
        assert self.sheet is not None
        return render_call_sheet_html(self.sheet, self.pitch.toPlainText(), self.user_zone)

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print call sheet")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_call_sheet(self.sheet_html(), printer)

    def log_outcome(self) -> bool:
        """Log the call (or move it when nobody answered) in one step, then close."""
        key = str(self.call_result.currentData())
        try:
            if key == "no_answer":
                move_to_next_working_day(self.follow_up_id)
            else:
                label = dict(CALL_RESULTS)[key]
                notes = self.notes.text().strip()
                complete_follow_up(
                    self.follow_up_id,
                    outcome=f"{label}. {notes}".strip() if notes else label,
                    channel="call",
                    kind="call",
                    open_questions=self.questions.text(),
                )
        except FollowUpError as error:
            QMessageBox.warning(self, "Call sheet", str(error))
            return False
        self.events.follow_ups_changed.emit()
        if key != "no_answer":
            self.events.contacts_changed.emit()
            self.events.applications_changed.emit()
        self.accept()
        return True

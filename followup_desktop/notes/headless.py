"""A Qt GUI application for headless work (PDFs from the command line): fonts need one."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one on the offscreen platform (no window shown)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    # A command line may run where no display is: drawing to PDF needs none.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["followup"])
    return _app

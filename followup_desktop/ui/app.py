"""The QApplication with the app's identity: names, version, desktop entry and icon."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from followup_desktop import APP_DIR_NAME, APP_ID, APP_NAME, __version__
from followup_desktop.ui.app_icon import app_icon
from followup_desktop.ui.theme import apply_colour_scheme


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's identity set (reused if one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_DIR_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_DIR_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if existing is None:
        apply_colour_scheme(app)  # and again whenever the system switches scheme
    return app

"""Fixtures for the note engine: a Qt application, since fonts need one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _qt_for_fonts(qapp: QApplication) -> QApplication:
    return qapp

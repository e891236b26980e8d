"""Printing tests: a Qt application for fonts and printers, and the real CUPS queue."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtWidgets import QApplication

from tests.printing.cups_queue import QUEUE, ensure_queue


@pytest.fixture(autouse=True)
def _qt_for_printing(qapp: QApplication) -> QApplication:
    return qapp


@pytest.fixture(scope="session")
def cups_queue() -> str:
    """The name of a cups-pdf queue on a running cupsd; the test is skipped where none can be."""
    reason = ensure_queue()
    if reason:
        pytest.skip(reason)
    return QUEUE


@pytest.fixture
def token() -> str:
    """A word for a print job's title, to find the PDFs the queue writes for this test."""
    return f"t{uuid.uuid4().hex[:8]}"

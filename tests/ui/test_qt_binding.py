"""Guards against a Qt binding that mishandles Python's None (it crashed the app in 6.12.0)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel


def test_reading_empty_values_keeps_none_alive() -> None:
    model = QStandardItemModel()
    model.appendRow(QStandardItem("row"))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    before = sys.getrefcount(None)
    for _ in range(2000):
        assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) is None
        assert proxy.data(proxy.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None
    # A healthy binding gives back each reference it takes; a broken one loses ~4000.
    assert sys.getrefcount(None) - before > -100

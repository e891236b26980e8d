"""The import dialog's first page for a CSV file: its text encoding and what each column holds."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followup_desktop.services.importers.contact_import import ImportSource
from followup_desktop.services.importers.csv_columns import CSV_FIELDS
from followup_desktop.services.importers.csv_reader import CsvLayout

#: (codec, label) offered for reading the file; "" lets the reader detect it.
ENCODINGS = (
    ("", "Detect"),
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows (Western, 1252)"),
    ("latin-1", "ISO 8859-1 (Latin-1)"),
    ("utf-16", "UTF-16"),
    ("mac-roman", "Mac OS Roman"),
    ("cp1250", "Windows (Central European, 1250)"),
)


def _sample(layout: CsvLayout, column: int) -> str:
    """The first non-blank value of a column among the sample rows, on one line."""
    found = next(
        (row[column] for row in layout.sample_rows if len(row) > column and row[column].strip()),
        "",
    )
    return " ".join(found.split())


class ImportColumnsPage(QWidget):
    """Emits ``encoding_chosen`` with the codec ("" to detect) when the user picks another."""

    encoding_chosen = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        fields: tuple[tuple[str, str], ...] = CSV_FIELDS,
    ) -> None:
        super().__init__(parent)
        #: (key, label) of what a column can be used as: a contact's fields unless told.
        self.fields = fields
        self.format_label = QLabel()
        self.format_label.setWordWrap(True)
        self.encoding = QComboBox()
        for value, label in ENCODINGS:
            self.encoding.addItem(label, value)
        self.encoding.setAccessibleName("Text encoding")
        self.encoding.currentIndexChanged.connect(
            lambda: self.encoding_chosen.emit(str(self.encoding.currentData()))
        )
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(["Column in the file", "Example", "Use as"])
        self.mapping_table.setAccessibleName("Columns of the file and what each fills")
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.mapping_table.setColumnWidth(2, 220)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        #: One box per column of the file: the contact field it fills ("" to ignore it).
        self.field_boxes: list[QComboBox] = []
        encoding_label = QLabel("Text &encoding:")
        encoding_label.setBuddy(self.encoding)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(encoding_label)
        encoding_row.addWidget(self.encoding)
        encoding_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.format_label)
        column.addLayout(encoding_row)
        column.addWidget(self.mapping_table, 1)

    def show_columns(self, source: ImportSource) -> None:
        """List the columns of a CSV source, each with an example and the field it fills."""
        assert source.layout is not None
        self.show_layout(source.layout, source.encoding)

    def show_layout(self, layout: CsvLayout, encoding: str) -> None:
        """List the columns of a CSV file read in ``encoding``."""
        known = f"Recognised a {layout.export_name} export. " if layout.export_name else ""
        self.format_label.setText(
            f"{known}Column names found on line {layout.header_line} "
            f"(encoding {encoding}). Choose what each column holds; "
            "columns set to (ignore) are left out."
        )
        self.mapping_table.setRowCount(len(layout.headers))
        self.field_boxes = []
        for index, header in enumerate(layout.headers):
            self.mapping_table.setItem(
                index, 0, QTableWidgetItem(header or f"(column {index + 1})")
            )
            self.mapping_table.setItem(index, 1, QTableWidgetItem(_sample(layout, index)))
            box = QComboBox()
            for key, label in self.fields:
                box.addItem(label, key)
            box.setCurrentIndex(max(0, box.findData(layout.mapping.get(index, ""))))
            box.setAccessibleName(f"Use column {header} as")
            self.mapping_table.setCellWidget(index, 2, box)
            self.field_boxes.append(box)

    def chosen_mapping(self) -> dict[int, str]:
        """Column number → contact field, for the columns not set to (ignore)."""
        return {
            index: str(box.currentData())
            for index, box in enumerate(self.field_boxes)
            if box.currentData()
        }

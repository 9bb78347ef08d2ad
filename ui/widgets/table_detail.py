"""A list shown as a table with a detail form for the selected item under it.

``TableDetail(table, fields)`` binds a ``DetailForm`` to the table's selected row: ``fields``
is a list of ``(attr, row label, make_field)`` where ``make_field(document, name, label)``
returns a ``BoundField``. Every list gets the same pattern as the list steps, so no item can
only be edited in a truncated table cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.document import Document
from ui.widgets.forms import BoundField, DetailForm
from ui.widgets.layout_sizes import show_rows
from ui.widgets.table import ItemTable

FieldMaker = Callable[[Document, str, str], BoundField]


def plain(cls: type[BoundField]) -> FieldMaker:
    """A maker for a field class that needs nothing beyond its name and label."""
    return lambda document, name, row_label: cls(document, None, name, row_label)


class TableDetail(QWidget):
    """An ``ItemTable`` above the detail form of its selected item, in a splitter."""

    def __init__(self, table: ItemTable, fields: list[tuple[str, str, FieldMaker]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.table = table
        self.document = table.document
        self.detail = DetailForm(self.document)
        name = table.view.objectName().removesuffix(".table")
        self.title = QLabel("")
        self.title.setObjectName(f"{name}.detail_title")
        self.title.setStyleSheet("font-weight: bold;")
        for attr, row_label, make in fields:
            self.detail.add(attr, make(self.document, f"{name}.{attr}", row_label), row_label)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.detail, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName(f"{name}.splitter")
        self.splitter.addWidget(table)
        self.splitter.addWidget(box)
        self.splitter.setChildrenCollapsible(False)
        show_rows(table.view, 4)  # two tables share a page: four rows each
        box.setMinimumHeight(box.sizeHint().height())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        table.currentChanged.connect(lambda _row: self.bind())
        self.document.changed.connect(self.refresh)
        self.bind()

    def bind(self) -> None:
        row = self.table.current_row()
        path = (*self.table.path, row) if row >= 0 and self.table.path else None
        if path != self.detail.item_path:
            self.detail.set_item(path)
        item = self.table.model.item(row)
        if item is None:
            self.title.setText(f"Add or select a {self.table.noun} to see its details.")
        else:
            words = getattr(item, "name", None) or getattr(item, "outcome", None) or ""
            noun = self.table.noun[:1].upper() + self.table.noun[1:]
            self.title.setText(f"{noun} {item.id}: {words}")

    def refresh(self) -> None:
        self.bind()
        self.detail.refresh()

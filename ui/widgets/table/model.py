"""The Qt model of an item table: rows are the items of one list of the project.

It reads straight from ``document.project`` and writes a cell through ``document.set_value``
(one undoable step with a readable name, "Change likelihood of R3").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.document import Document, EditError, Path, get_at
from ui.widgets.editors import NONE_TEXT
from ui.widgets.forms import format_date, format_money, in_words, plain_message
from ui.widgets.table.columns import BOOL, COMPUTED, DATE, ENUM, INT, MONEY, REF, REFS, Column
from wizard.model import Project
from wizard.vocab import label

Index = QModelIndex | QPersistentModelIndex


def _ref_name(project: Project, collection: str, ref_id: str | None) -> str:
    if ref_id is None:
        return NONE_TEXT
    item = next((i for i in getattr(project, collection) if i.id == ref_id), None)
    return getattr(item, "name", ref_id) if item is not None else ref_id


class ItemTableModel(QAbstractTableModel):
    """Rows are the items of the list at ``path``; reads straight from ``document.project``."""

    refused = Signal(str)  # a cell edit the project refused, with the reason
    accepted = Signal()

    def __init__(self, document: Document, path: Path | None, columns: list[Column]):
        super().__init__()
        self.document = document
        self.path = path
        self.columns = columns
        self.noun = "item"  # what one row is, for undo names of items without an id
        self._rows = len(self.items())

    def items(self) -> list[Any]:
        if self.path is None:
            return []
        try:
            return get_at(self.document.project, self.path)
        except (IndexError, AttributeError):
            return []

    def item(self, row: int) -> Any:
        items = self.items()
        return items[row] if 0 <= row < len(items) else None

    def set_path(self, path: Path | None) -> None:
        self.beginResetModel()
        self.path = path
        self._rows = len(self.items())
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the project: a reset only when the number of rows changed."""
        rows = len(self.items())
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(self.columns) - 1))

    # Qt's model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.header
            if role == Qt.ItemDataRole.ToolTipRole and col.tip:
                return col.tip
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        col = self.columns[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if col.editable:
            if col.kind == BOOL:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        col = self.columns[index.column()]
        if col.kind == COMPUTED:
            return col.compute(item) if role == Qt.ItemDataRole.DisplayRole and col.compute else None
        value = getattr(item, col.attr)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(col, value)
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == REFS:
            return ", ".join(_ref_name(self.document.project, col.ref, r) for r in value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in (INT, MONEY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, col: Column, value: Any) -> str | None:
        if col.kind == BOOL:
            return None
        if value is None:
            return NONE_TEXT
        if col.kind == MONEY:
            return format_money(value)
        if col.kind == ENUM:
            return label(value)
        if col.kind == REF:
            return _ref_name(self.document.project, col.ref, value)
        if col.kind == REFS:
            return ", ".join(value)
        if col.kind == DATE:
            return format_date(value)
        if col.kind == INT:
            words = f" {col.labels[value]}" if col.labels and value in col.labels else ""
            return f"{value}{col.suffix}{words}"
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.path is None:
            return False
        col = self.columns[index.column()]
        if not col.editable:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == BOOL:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            value = state == Qt.CheckState.Checked.value
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if getattr(self.item(index.row()), col.attr) == value:
            return True  # nothing changed: no undo step (e.g. a choice left as it was)
        path = (*self.path, index.row(), col.attr)
        owner = getattr(self.item(index.row()), "id", None) or f"{self.noun} {index.row() + 1}"
        text = f"Change {in_words(col.header)} of {owner}"
        try:
            self.document.set_value(path, value, text)
        except EditError as err:
            self.refused.emit(plain_message(f"{col.header} of {owner}", str(err)))
            return False
        self.accepted.emit()
        return True

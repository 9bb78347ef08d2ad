"""The delegate of an item table: the editor each column asks for, in the cell.

The spin, date and drop-down editors come from ``ui.widgets.editors`` (the detail forms use the
same ones); a drop-down types ahead (``TypeAheadCombo``); a multi-reference cell drops down a
list to tick (``_CheckList``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QStyledItemDelegate, QWidget

from ui.widgets import editors
from ui.widgets.forms import format_money, money_validator, parse_money, plain_message
from ui.widgets.table.columns import DATE, ENUM, INT, MONEY, REF, REFS, Column
from ui.widgets.table.model import Index, ItemTableModel
from wizard.vocab import label


class _CheckList(QListWidget):
    """The drop-down list of a multi-reference cell: a click anywhere on a line ticks it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFrameShape(QListWidget.Shape.Box)
        self.setAutoFillBackground(True)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        entry = self.itemAt(event.position().toPoint())
        if entry is not None and event.button() == Qt.MouseButton.LeftButton:
            ticked = entry.checkState() == Qt.CheckState.Checked
            entry.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
            self.setCurrentItem(entry)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.itemAt(event.position().toPoint()) is not None:
            event.accept()  # the release ticks; the press must not tick it a second time
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        entry = self.currentItem()
        if event.key() == Qt.Key.Key_Space and entry is not None:
            ticked = entry.checkState() == Qt.CheckState.Checked
            entry.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)


class ItemDelegate(QStyledItemDelegate):
    """Creates the editor each column asks for and converts its value for the model."""

    refused = Signal(str)
    typed = Signal(str)  # what a drop-down's type-ahead matched, for the message line

    def __init__(self, table: ItemTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = table

    def _col(self, index: Index) -> Column:
        return self.table.columns[index.column()]

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        col = self._col(index)
        if col.kind == INT:
            return editors.spin_box(col.minimum, col.maximum, optional=col.optional,
                                    suffix=col.suffix, parent=parent)
        if col.kind in (ENUM, REF):
            if col.kind == ENUM:
                options = [(member, label(member)) for member in col.enum]
            else:
                options = [(None, editors.NO_CHOICE)] if col.optional else []
                options += [(item.id, f"{getattr(item, 'name', item.id)} ({item.id})")
                            for item in getattr(self.table.document.project, col.ref)]
            editor = editors.choice_box(options, type_ahead=True, parent=parent)
            editor.commitRequested.connect(lambda e=editor: self._commit_and_close(e))
            editor.typedChanged.connect(self.typed.emit)
            editor.activated.connect(lambda _i, e=editor: self._commit_and_close(e))
            return editor
        if col.kind == DATE:
            return editors.date_edit(optional=col.optional, parent=parent)
        if col.kind == REFS:
            return self._refs_editor(parent, col, index)
        editor = QLineEdit(parent)
        if col.kind == MONEY:
            editor.setValidator(money_validator(editor))
        return editor

    def _refs_editor(self, parent: QWidget, col: Column, index: Index) -> QListWidget:
        """A list of the project's phases (or partners) to tick, dropping down from the cell."""
        editor = _CheckList(parent)
        own = getattr(self.table.item(index.row()), "id", None)
        for item in getattr(self.table.document.project, col.ref):
            if col.attr == "depends_on" and item.id == own:
                continue  # a phase cannot depend on itself
            entry = QListWidgetItem(f"{getattr(item, 'name', item.id)} ({item.id})")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            editor.addItem(entry)
        if editor.count():
            editor.setCurrentRow(0)
        editor.setToolTip("Tick with a click or Space; Enter to finish")
        return editor

    def updateEditorGeometry(self, editor: QWidget, option, index: Index) -> None:  # noqa: N802
        if not isinstance(editor, _CheckList):
            super().updateEditorGeometry(editor, option, index)
            return
        rect = option.rect
        rows = max(1, min(editor.count(), 8))
        row_height = editor.sizeHintForRow(0) if editor.count() else 20
        height = rows * max(row_height, 16) + 2 * editor.frameWidth() + 4
        width = max(rect.width(), min(editor.sizeHintForColumn(0) + 40, 420))
        viewport = editor.parentWidget().rect()
        x = min(rect.left(), max(0, viewport.width() - width))
        y = rect.top() if rect.top() + height <= viewport.height() else max(0, viewport.height() - height)
        editor.setGeometry(x, y, width, height)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        col = self._col(index)
        value = index.data(Qt.ItemDataRole.EditRole)
        if col.kind == INT:
            editors.show_spin(editor, value)
        elif col.kind in (ENUM, REF):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif col.kind == DATE:
            editors.show_date(editor, value)
        elif col.kind == MONEY:
            editor.setText(format_money(value))
        elif col.kind == REFS:
            for i in range(editor.count()):
                entry = editor.item(i)
                chosen = entry.data(Qt.ItemDataRole.UserRole) in value
                entry.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        else:
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802
        col = self._col(index)
        try:
            value = self._value(col, editor)
        except ValueError as err:
            row = index.row()
            owner = getattr(self.table.item(row), "id", None) or f"{self.table.noun} {row + 1}"
            self.refused.emit(plain_message(f"{col.header} of {owner}", str(err)))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    @staticmethod
    def _value(col: Column, editor: QWidget) -> Any:
        if col.kind == INT:
            return editors.spin_value(editor, col.optional)
        if col.kind in (ENUM, REF):
            return editor.currentData()
        if col.kind == DATE:
            return editors.date_value(editor, col.optional)
        if col.kind == REFS:
            return [
                editor.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
        text = editor.text()
        if col.kind == MONEY:
            return parse_money(text or "0")
        if col.optional:
            return text.strip() or None
        return text

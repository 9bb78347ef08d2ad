"""Rows of a tree as tall as their wrapped text: Qt sizes a QTreeWidget's rows for one line even
with word wrap on, so long lines are cut. ``wrap_rows(tree)`` fixes the first column."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the first column (Qt sizes them for one line)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        tree = self.parent()
        if index.column() != 0 or not isinstance(tree, QTreeWidget):
            return hint
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = tree.columnWidth(0) - tree.indentation() * (depth + 1) - 8
        if width <= 40:
            return hint
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))


def wrap_rows(tree: QTreeWidget) -> None:
    """Wrap the first column's text and re-wrap when the columns are resized."""
    tree.setItemDelegate(_WrappingDelegate(tree))
    tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())

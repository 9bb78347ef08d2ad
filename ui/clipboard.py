"""Edit › Cut, Copy and Paste for whatever has the keyboard focus.

Text fields (one line, long text, the text of a spin box) cut, copy and paste themselves. In a
table, Copy puts the selected cell's text on the clipboard and Paste types the clipboard into
the selected cell as if the user had typed it (so it is checked and undoable like typing);
Cut in a table copies only (cells are never emptied by Cut).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)


def _text_target(widget: QWidget | None):
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return widget
    if isinstance(widget, QAbstractSpinBox):
        return widget.lineEdit() if hasattr(widget, "lineEdit") else None
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return None


def run(command: str, widget: QWidget | None = None) -> bool:
    """'cut', 'copy' or 'paste' on ``widget`` (default: the focus widget); True if done."""
    widget = widget if widget is not None else QApplication.focusWidget()
    target = _text_target(widget)
    if target is not None:
        getattr(target, command)()
        return True
    if isinstance(widget, QTableView):
        index = widget.currentIndex()
        if not index.isValid():
            return False
        if command in ("copy", "cut"):
            QApplication.clipboard().setText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            return True
        text = QApplication.clipboard().text().strip()
        if not text or not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            return False
        editor_value = index.data(Qt.ItemDataRole.EditRole)
        if editor_value is not None and not isinstance(editor_value, str):
            return False  # numbers, dates and choices are chosen in their own editors
        return bool(widget.model().setData(index, text, Qt.ItemDataRole.EditRole))
    return False

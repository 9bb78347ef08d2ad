"""Keyboard rows for the workshop's capture panel: choose from a list by typing, or edit a text.

``Chooser`` shows a box to type in with the matching choices under it: typing narrows the list
(the whole typed text must start the label or one of its words, as in the tables' drop-downs,
``ui.widgets.type_ahead.match_choice``), Up / Down move, Enter picks the highlighted choice, Esc
cancels. ``TextRow`` is a one-line editor: Enter saves, Esc cancels. Neither needs the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.widgets.type_ahead import match_choice

VALUE_ROLE = Qt.ItemDataRole.UserRole


class _Box(QLineEdit):
    """The typing box: Up / Down move in the list below, Esc cancels."""

    moved = Signal(int)
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _prompt_and_box(name: str) -> tuple[QLabel, _Box]:
    """The armed prompt above a one-line box, as both keyboard editors show them."""
    prompt = QLabel()
    prompt.setObjectName("workshopArmed")
    prompt.setWordWrap(True)
    box = _Box()
    box.setObjectName(f"{name}.box")
    return prompt, box


class Chooser(QWidget):
    chosen = Signal(object)  # the value of the choice picked
    cancelled = Signal()

    VISIBLE_ROWS = 5

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt, self.box = _prompt_and_box(name)
        self.box.setPlaceholderText("Type to narrow; ↑ ↓ move; Enter picks; Esc cancels")
        self.list = QListWidget()
        self.list.setObjectName(f"{name}.list")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.box)
        layout.addWidget(self.list)
        self._choices: list[tuple[Any, str]] = []
        self.box.textChanged.connect(self._narrow)
        self.box.moved.connect(self._move)
        self.box.returnPressed.connect(self._pick)
        self.box.cancelled.connect(self.close_row)
        self.hide()

    def open(self, prompt: str, choices: Sequence[tuple[Any, str]], current: Any = None) -> None:
        self.prompt.setText(prompt)
        self._choices = list(choices)
        self.box.clear()
        self._narrow("")
        for row in range(self.list.count()):
            if self._choices[self.list.item(row).data(VALUE_ROLE)][0] == current:
                self.list.setCurrentRow(row)
        rows = min(self.VISIBLE_ROWS, max(1, len(self._choices)))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4)
        self.show()
        self.box.setFocus()

    def _narrow(self, typed: str) -> None:
        self.list.clear()
        for at, (_value, text) in enumerate(self._choices):
            if not typed.strip() or match_choice([text], typed) == 0:
                item = QListWidgetItem(text)
                item.setData(VALUE_ROLE, at)  # the index: Qt would turn an enum into a str
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _move(self, step: int) -> None:
        if self.list.count():
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))

    def _pick(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.prompt.setText(f"Nothing matches “{self.box.text()}”: type less, or Esc")
            return
        value = self._choices[item.data(VALUE_ROLE)][0]
        self.hide()
        self.chosen.emit(value)

    def close_row(self) -> None:
        self.hide()
        self.cancelled.emit()


class TextRow(QWidget):
    """A prompt and a one-line editor: Enter saves (``submitted``), Esc cancels."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt, self.box = _prompt_and_box(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.box)
        self.box.returnPressed.connect(lambda: self.submitted.emit(self.box.text()))
        self.box.cancelled.connect(self.close_row)
        self.hide()

    def open(self, prompt: str, text: str) -> None:
        self.prompt.setText(prompt)
        self.box.setText(text)
        self.box.selectAll()
        self.show()
        self.box.setFocus()

    def close_row(self) -> None:
        self.hide()
        self.cancelled.emit()

"""The library's suggestion for the selected item, in a box of its own.

Its button changes several fields at once (one undoable step), so it stands apart from the text
boxes, in the detail's second column: a click meant for a text box never reaches it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout


def suggestion_box(name: str, words: QLabel, button: QPushButton) -> QGroupBox:
    box = QGroupBox("Library suggestion")
    box.setObjectName(f"{name}.suggestion")
    inner = QVBoxLayout(box)
    inner.addWidget(words)
    inner.addWidget(button)
    return box

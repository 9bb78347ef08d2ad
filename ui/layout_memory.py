"""The layout the user arranged comes back: splitter positions and table columns, per step.

``restore(root, settings)`` gives every named ``QSplitter`` under ``root`` the sizes saved for
it and every named table its columns (shown, hidden, widths, order); ``save(root, settings)``
stores them. The main window restores a page when it builds it and saves all pages on close.
A restored splitter carries the property ``restored`` so a page's first arrangement keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from ui.settings import Settings

SPLITTER_KEY = "layout/splitter/{}"
COLUMNS_KEY = "layout/columns/{}"


def _named(root: QWidget, cls):
    return [w for w in root.findChildren(cls) if w.objectName()]


def save(root: QWidget, settings: Settings) -> None:
    for splitter in _named(root, QSplitter):
        settings.set_value(SPLITTER_KEY.format(splitter.objectName()), splitter.saveState())
    for view in _named(root, QTableView):
        settings.set_value(COLUMNS_KEY.format(view.objectName()),
                           view.horizontalHeader().saveState())


def restore(root: QWidget, settings: Settings) -> None:
    for splitter in _named(root, QSplitter):
        state = settings.value(SPLITTER_KEY.format(splitter.objectName()))
        if isinstance(state, QByteArray) and not state.isEmpty() and splitter.restoreState(state):
            splitter.setProperty("restored", True)
    for view in _named(root, QTableView):
        state = settings.value(COLUMNS_KEY.format(view.objectName()))
        if isinstance(state, QByteArray) and not state.isEmpty():
            view.horizontalHeader().restoreState(state)

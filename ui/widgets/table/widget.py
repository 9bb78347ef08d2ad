"""A table editor for one list of the project (partners, phases, risks, members...).

``ItemTable(document, path, columns, noun=..., prefix=..., factory=..., name=...)`` shows the list
at ``path`` in ``document.project`` with a toolbar: Add (Insert or Ctrl+Shift+A), Duplicate
(Ctrl+D), Delete (Del, with the table focused), Move up / down (Ctrl+Shift+Up / Down). Cells are
edited in place with the editor their ``Column`` asks for (``delegate``); every change is one
undoable step with a readable name ("Change likelihood of R3", "Add risk R13", "Delete phase
PH2 ..."). The structural edits (``commands``) keep references whole: deleting an item also
removes references to it elsewhere, in the same undo step, and the Delete button's tooltip says
what it would unlink.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, Path
from ui.widgets.forms import ERROR_STYLE
from ui.widgets.table.columns import NAME_ATTRS, TEXT, Column
from ui.widgets.table.commands import EditCommands
from ui.widgets.table.delegate import ItemDelegate
from ui.widgets.table.model import Index, ItemTableModel
from wizard.model import Project


class ItemTable(EditCommands, QWidget):
    """Toolbar + table + message line for one list of the project."""

    currentChanged = Signal(int)  # the selected row (-1 for none)
    itemSelected = Signal(str)  # the selected item's id ("" if it has none)

    def __init__(
        self,
        document: Document,
        path: Path | None,
        columns: list[Column],
        *,
        noun: str,
        prefix: str = "",
        factory: Callable[[Project, str], Any],
        name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.noun = noun
        self.prefix = prefix
        self.factory = factory
        self.model = ItemTableModel(document, path, columns)
        self.model.noun = noun
        self.view = QTableView()
        self.view.setObjectName(f"{name}.table")
        self.view.setAccessibleName(f"Table of {noun}s")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        # Tab leaves the table for the next field (arrow keys move between cells), so the
        # keyboard user is never trapped in a table.
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, col in enumerate(columns):
            if col.width:
                self.view.setColumnWidth(i, col.width)
            if col.secondary:
                self.view.setColumnHidden(i, True)
        # The name (or title) comes first and wide; the id the app assigned follows it.
        name_col = self.name_column_of(columns)
        if columns and columns[name_col].attr in NAME_ATTRS[:3]:
            header.moveSection(header.visualIndex(name_col), 0)
            self.view.setColumnWidth(name_col, max(columns[name_col].width or 0, 240))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setToolTip("Right-click a column heading to choose the columns shown")
        self.delegate = ItemDelegate(self.model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.message = QLabel("")
        self.message.setObjectName(f"{name}.message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.model.refused.connect(self.show_error)
        self.delegate.refused.connect(self.show_error)
        self.delegate.typed.connect(self.show_status)
        self.model.accepted.connect(self.clear_message)
        self._revision = -1  # the document revision shown (-1: none yet)
        document.changed.connect(self.refresh)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        specs = [
            ("add", "Add", f"Add {noun}", "Insert or Ctrl+Shift+A", self.add),
            ("duplicate", "Duplicate", f"Duplicate the selected {noun}", "Ctrl+D",
             self.duplicate),
            ("delete", "Delete", f"Delete the selected {noun}", "Del", self.delete),
            ("up", "▲ Up", "Move up", "Ctrl+Shift+Up", lambda: self.move(-1)),
            ("down", "▼ Down", "Move down", "Ctrl+Shift+Down", lambda: self.move(1)),
        ]
        for key, text, words, keys, slot in specs:
            button = QToolButton()
            button.setText(text)
            button.setObjectName(f"{name}.{key}")
            button.setAccessibleName(words)
            button.setToolTip(f"{words} ({keys}, with the table focused)")
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        # The keys work while the table has the focus (not while a cell is being edited). An
        # event filter rather than window shortcuts, so they also work when the window is not
        # the active one and never clash with the main window's own shortcuts.
        self.view.installEventFilter(self)
        bar.addStretch(1)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self._update_buttons()

    def _key_action(self, event: QKeyEvent) -> Callable[[], Any] | None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        key = event.key()
        if key == Qt.Key.Key_Insert and mods == Qt.KeyboardModifier.NoModifier:
            return self.add
        if mods == ctrl_shift:
            return {Qt.Key.Key_A: self.add, Qt.Key.Key_Up: lambda: self.move(-1),
                    Qt.Key.Key_Down: lambda: self.move(1)}.get(key)
        if key == Qt.Key.Key_D and mods == Qt.KeyboardModifier.ControlModifier:
            return self.duplicate
        if key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
            return self.delete
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() in (QEvent.Type.KeyPress,
                                                     QEvent.Type.ShortcutOverride):
            action = self._key_action(event)
            if action is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the table claims the key from window shortcuts
                else:
                    action()
                return True
        return super().eventFilter(watched, event)

    # state -----------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.model.path

    def set_path(self, path: Path | None) -> None:
        self.model.set_path(path)
        self._revision = -1  # another list: the next refresh re-reads it
        self.clear_message()
        self._update_buttons()
        self._row_changed(self.view.currentIndex())

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def current_id(self) -> str:
        item = self.model.item(self.current_row())
        return getattr(item, "id", "") if item is not None else ""

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            column = self.view.currentIndex().column()
            if column < 0 or self.view.isColumnHidden(column):
                column = self.name_column()
            self.view.setCurrentIndex(self.model.index(row, column))
            self.view.scrollTo(self.model.index(row, column))

    def select_id(self, item_id: str) -> bool:
        for row, item in enumerate(self.model.items()):
            if getattr(item, "id", None) == item_id:
                self.select_row(row)
                return True
        return False

    def refresh(self) -> None:
        """Re-read the project, keeping the selected item selected (by id where it has one).

        Once per change of the document: the table follows the document itself, and the page
        showing it may ask again in its own refresh (which runs first, so that it binds its
        detail form to the row the table now selects)."""
        if self._revision == self.document.revision:
            return
        self._revision = self.document.revision
        keep_id, keep_row = self.current_id(), self.current_row()
        before = self.model.rowCount()
        self.model.refresh()
        if self.model.rowCount() != before or keep_row < 0:
            if not (keep_id and self.select_id(keep_id)):
                self.select_row(min(max(keep_row, 0), self.model.rowCount() - 1))
        self._update_buttons()

    def _row_changed(self, index: Index, _previous: Index | None = None) -> None:
        row = index.row() if index.isValid() else -1
        self._update_buttons()
        self.currentChanged.emit(row)
        self.itemSelected.emit(self.current_id())

    def _update_buttons(self) -> None:
        row, rows = self.current_row(), self.model.rowCount()
        has_path = self.model.path is not None
        self.buttons["add"].setEnabled(has_path)
        self.buttons["duplicate"].setEnabled(row >= 0)
        self.buttons["delete"].setEnabled(row >= 0)
        unlinks = self.delete_preview()
        self.buttons["delete"].setToolTip(
            f"Delete the selected {self.noun} (Del, with the table focused)"
            + (f". {unlinks}" if unlinks else ""))
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < rows - 1)

    def show_error(self, message: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)
        self.message.setVisible(True)

    def show_status(self, message: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(message)
        self.message.setVisible(True)

    def clear_message(self) -> None:
        self.message.setText("")
        self.message.setVisible(False)

    def name_column(self) -> int:
        """The column that names an item (name, title, outcome...), else the first editable."""
        return self.name_column_of(self.model.columns)

    @staticmethod
    def name_column_of(columns: list[Column]) -> int:
        for attr in NAME_ATTRS:
            for i, col in enumerate(columns):
                if col.attr == attr and col.editable:
                    return i
        return next((i for i, col in enumerate(columns) if col.editable), 0)

    def edit_name(self, row: int) -> None:
        """Open the name cell of ``row`` for typing (what is typed replaces the whole name)."""
        if row < 0:
            return
        index = self.model.index(row, self.name_column())
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if self.model.columns[index.column()].kind == TEXT:
            self.view.edit(index)
            editor = self.view.indexWidget(index) or self.view.focusWidget()
            if isinstance(editor, QLineEdit):
                editor.selectAll()

    # the column chooser ----------------------------------------------------------------------
    def column_menu(self):
        """The header's menu: a tick for each column but the name, to show or hide it."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.setTitle("Columns")
        name_col = self.name_column()
        for i, col in enumerate(self.model.columns):
            if i == name_col:
                continue
            action = menu.addAction(col.header)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(i))
            action.toggled.connect(lambda on, c=i: self.show_column(c, on))
        return menu

    def _column_menu(self, pos) -> None:
        self.column_menu().exec(self.view.horizontalHeader().mapToGlobal(pos))

    def show_column(self, column: int, shown: bool) -> None:
        self.view.setColumnHidden(column, not shown)
        if shown and self.view.columnWidth(column) < 30:
            self.view.setColumnWidth(column, self.model.columns[column].width or 100)

    # the advanced rename ---------------------------------------------------------------------
    def has_ids(self) -> bool:
        return any(col.attr == "id" for col in self.model.columns)

    def _context_menu(self, pos) -> None:
        from PySide6.QtWidgets import QMenu

        if not self.has_ids() or self.current_row() < 0:
            return
        menu = QMenu(self)
        action = menu.addAction(f"Rename id of {self.current_id()}…")
        action.triggered.connect(self.ask_rename)
        menu.exec(self.view.viewport().mapToGlobal(pos))

"""A table editor for one list of the project (partners, phases, risks, members...).

``ItemTable(document, path, columns, noun=..., prefix=..., factory=..., name=...)`` shows the list
at ``path`` in ``document.project`` with a toolbar: Add (Insert or Ctrl+Shift+A), Duplicate
(Ctrl+D), Delete (Del, with the table focused), Move up / down (Ctrl+Shift+Up / Down). Cells are
edited in place with the editor their ``Column`` asks for; every change is one undoable step with
a readable name ("Change likelihood of R3", "Add risk R13", "Delete phase PH2 ...").
Deleting an item also removes references to it elsewhere, in the same undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, EditError, Path, get_at
from ui.widgets.forms import (
    ERROR_STYLE,
    MIN_DATE,
    NONE_TEXT,
    format_date,
    format_money,
    from_qdate,
    in_words,
    money_validator,
    parse_money,
    plain_message,
    to_qdate,
)
from ui.widgets.type_ahead import TypeAheadCombo
from wizard import edits
from wizard.model import Project
from wizard.vocab import label

Index = QModelIndex | QPersistentModelIndex

# Editor kinds a column can ask for.
TEXT, INT, MONEY, ENUM, REF, REFS, BOOL, DATE, COMPUTED = (
    "text", "int", "money", "enum", "ref", "refs", "bool", "date", "computed"
)


ID_TIP = ("Assigned by the app; other items refer to it. To rename it (every reference "
          "follows), right-click the row and choose Rename id")

# The columns that name an item, in the order of preference: Add puts the cursor there.
NAME_ATTRS = ("name", "title", "outcome", "kind")


@dataclass(frozen=True)
class Column:
    """One column: the item attribute, its header and how it is edited."""

    attr: str
    header: str
    kind: str = TEXT
    minimum: int = 0
    maximum: int = 100
    enum: type[StrEnum] | None = None
    ref: str | None = None  # "partners" or "phases" for REF / REFS
    optional: bool = False  # None allowed (REF, INT, DATE)
    readonly: bool = False
    compute: Callable[[Any], str] | None = None  # COMPUTED columns
    width: int | None = None
    suffix: str = ""
    tip: str = field(default="")
    labels: dict[int, str] | None = None  # INT columns: words shown after the number
    secondary: bool = False  # hidden at first; shown from the header's column chooser

    @property
    def editable(self) -> bool:
        # Ids are assigned by the app and shown read-only; renaming is a separate command.
        return not self.readonly and self.kind != COMPUTED and self.attr != "id"


# -- the model ------------------------------------------------------------------------------------


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


    def rename(self, row: int, new_id: str) -> bool:
        """The advanced rename: a new id for the item in ``row``, references carried along."""
        owner = getattr(self.item(row), "id", None) or f"{self.noun} {row + 1}"
        try:
            self._rename(row, new_id)
        except EditError as err:
            self.refused.emit(plain_message(f"Id of {owner}", str(err)))
            return False
        self.accepted.emit()
        return True

    def _rename(self, row: int, new_id: str) -> None:
        """Give an item a new id and carry every reference along, as one undo step."""
        edit = edits.rename(self.document.project, self.path, row, new_id, self.noun)
        if edit.text:
            self.document.replace_project(edit.project, edit.text)


# -- editors --------------------------------------------------------------------------------------


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
            editor = QSpinBox(parent)
            low = col.minimum - 1 if col.optional else col.minimum
            editor.setRange(low, col.maximum)
            editor.setSuffix(col.suffix)
            if col.optional:
                editor.setSpecialValueText(NONE_TEXT)
            return editor
        if col.kind in (ENUM, REF):
            editor = TypeAheadCombo(parent)
            editor.commitRequested.connect(lambda e=editor: self._commit_and_close(e))
            editor.typedChanged.connect(self.typed.emit)
            if col.kind == ENUM:
                for member in col.enum:
                    editor.addItem(label(member), member)
            else:
                if col.optional:
                    editor.addItem("(none)", None)
                for item in getattr(self.table.document.project, col.ref):
                    editor.addItem(f"{getattr(item, 'name', item.id)} ({item.id})", item.id)
            editor.activated.connect(lambda _i, e=editor: self._commit_and_close(e))
            return editor
        if col.kind == DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("d MMM yyyy")
            editor.setMinimumDate(MIN_DATE)
            if col.optional:
                editor.setSpecialValueText(NONE_TEXT)
            return editor
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
            editor.setValue(editor.minimum() if value is None else value)
        elif col.kind in (ENUM, REF):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif col.kind == DATE:
            editor.setDate(MIN_DATE if value is None else to_qdate(value))
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
            value = editor.value()
            return None if col.optional and value == editor.minimum() else value
        if col.kind in (ENUM, REF):
            return editor.currentData()
        if col.kind == DATE:
            if col.optional and editor.date() == MIN_DATE:
                return None
            return from_qdate(editor.date())
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


# -- the widget -----------------------------------------------------------------------------------


class ItemTable(QWidget):
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

    # structural edits -----------------------------------------------------------------------
    def _apply(self, edit: edits.Edit) -> bool:
        """Make ``edit`` (from ``wizard.edits``) one undo step; select the row it names."""
        try:
            self.document.replace_project(edit.project, edit.text)
        except EditError as err:
            self.show_error(str(err))
            return False
        self.show_status(edit.text)
        self.select_row(edit.row)
        self.view.setFocus()
        return True

    def add(self) -> bool:
        """Add an item with the next free id and put the cursor in its name, ready to type."""
        if self.model.path is None:
            return False
        edit = edits.add(self.document.project, self.model.path, self.factory, self.noun,
                         self.prefix)
        if not self._apply(edit):
            return False
        self.edit_name(self.current_row())
        return True

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

    def ask_rename(self) -> bool:
        from ui import dialogs

        row = self.current_row()
        if row < 0 or not self.has_ids():
            return False
        new_id = dialogs.ask_new_id(self, self.noun, self.current_id())
        return new_id is not None and self.rename(row, new_id)

    def rename(self, row: int, new_id: str) -> bool:
        """Give the item in ``row`` a new id; every reference to it follows (one undo step)."""
        ok = self.model.rename(row, new_id)
        if ok:
            self.select_row(row)
        return ok

    def duplicate(self) -> bool:
        row = self.current_row()
        if row < 0 or self.model.path is None:
            return False
        return self._apply(edits.duplicate(self.document.project, self.model.path, row,
                                           self.noun, self.prefix))

    def delete_preview(self) -> str:
        """What deleting the selected item would unlink ("Deleting P2 will unlink 3 risks")."""
        row = self.current_row()
        if row < 0 or self.model.path is None:
            return ""
        return edits.delete_preview(self.document.project, self.model.path, row)

    def delete(self) -> bool:
        row = self.current_row()
        if row < 0 or self.model.path is None:
            return False
        return self._apply(edits.delete(self.document.project, self.model.path, row, self.noun))

    def move(self, step: int) -> bool:
        row, target = self.current_row(), self.current_row() + step
        if row < 0 or self.model.path is None or not 0 <= target < self.model.rowCount():
            return False
        return self._apply(edits.move(self.document.project, self.model.path, row, step,
                                      self.noun))

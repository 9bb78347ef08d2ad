"""Field widgets bound to one value of the open project.

Each field shows the value at ``path`` in ``document.project`` and writes changes back with
``document.set_value`` (one undoable step). A value the model refuses (``EditError``) shows its
message in red under the field and the widget goes back to the value the project holds.

The editor itself carries the field's objectName (e.g. ``project.title``) so tests and the main
window can find it; the red message label is ``<name>.error``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, EditError, Path, get_at
from ui.widgets import editors
from ui.widgets.editors import MIN_DATE, NONE_TEXT, from_qdate, to_qdate  # noqa: F401 - re-exported
from ui.widgets.focus_scroll import ArmedCheckList
from wizard import errors, formatting
from wizard.vocab import label

IDLE_COMMIT_MS = 700
ERROR_STYLE = "color: #b00020;"

# -- money ----------------------------------------------------------------------------------------

MONEY_PATTERN = r"^\s*£?\s*[0-9][0-9,]*(\.[0-9]+)?\s*([kKmMbB]|bn)?\s*$|^\s*$"
_MULTIPLIERS = {"": 1, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000}


def format_money(value: int | None) -> str:
    """Whole pounds as the user reads them: £12,500,000 (a dash for none)."""
    return NONE_TEXT if value is None else formatting.money(value)


def parse_money(text: str) -> int:
    """Read '£12,500,000', '12500000', '12.5m' or '250k' as whole pounds; ValueError if not."""
    cleaned = text.strip().replace(",", "").replace("£", "").replace(" ", "")
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(k|m|b|bn)?", cleaned, flags=re.IGNORECASE)
    if not match:
        raise ValueError(f"'{text}' is not an amount in pounds (for example £12,500,000 or 12.5m)")
    number, suffix = match.group(1), (match.group(2) or "").lower()
    pounds = float(number) * _MULTIPLIERS[suffix]
    if "." in number and not suffix:
        raise ValueError(f"enter whole pounds, without pence (not {text.strip()})")
    return int(round(pounds))


def money_validator(parent: QWidget) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(MONEY_PATTERN), parent)


def format_date(value: dt.date | None) -> str:
    """1 Apr 2027 (a dash for none)."""
    return NONE_TEXT if value is None else formatting.short_date(value)


# -- messages -------------------------------------------------------------------------------------

def plain_message(subject: str, message: str) -> str:
    """'Title cannot be empty' from the document's 'project.title: cannot be empty'.

    The document already words the problem (``wizard.errors``); this puts the field's label
    in front of it in place of the path the document names first."""
    head, sep, tail = message.partition(": ")
    if sep and re.fullmatch(r"[a-z_]+(\[\d+\]|\.[a-z_]+)+", head):
        message = tail  # drop the 'risks[2].title' the document puts first
    return errors.sentence(subject, message)


# -- undo names -----------------------------------------------------------------------------------


def item_label(document: Document, path: Path) -> str:
    """Name the item a path points into: 'R3' for a risk, 'member 2' for a nested member."""
    obj: Any = document.project
    name = ""
    for key in path:
        try:
            obj = obj[key] if isinstance(key, int) else getattr(obj, key)
        except (IndexError, AttributeError):
            break
        if isinstance(key, int):
            name = getattr(obj, "id", None) or f"item {key + 1}"
    return name


def in_words(field_label: str) -> str:
    """A field's label as it reads inside a sentence: 'Public share' -> 'public share', but
    abbreviations keep their capitals: 'SME' -> 'SME', 'SME spend target' -> 'SME spend target'."""
    words = field_label.strip().rstrip(":").split()
    return " ".join(w if (len(w) > 1 and w.isupper()) or any(c.isupper() for c in w[1:])
                    else w.lower() for w in words)


def edit_text(document: Document, path: Path, field_label: str) -> str:
    """A readable undo name: 'Change likelihood of R3', 'Change SME of P4' or 'Change title'."""
    owner = item_label(document, path[:-1]) if len(path) > 1 else ""
    words = in_words(field_label) or str(path[-1]).replace("_", " ")
    return f"Change {words} of {owner}" if owner else f"Change {words}"


# -- the fields -----------------------------------------------------------------------------------


class BoundField(QWidget):
    """An editor plus a red message line, bound to ``document.project`` at ``path``."""

    committed = Signal()

    def __init__(
        self,
        document: Document,
        path: Path | None,
        name: str,
        field_label: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.path: Path | None = path
        self.field_label = field_label
        self.undo_words = field_label  # what the undo step calls the field ("Change <words>")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.editor = self._make_editor()
        self.editor.setObjectName(name)
        self.editor.setAccessibleName(field_label)
        layout.addWidget(self.editor)
        self.error = QLabel("")
        self.error.setObjectName(f"{name}.error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.refresh()

    # subclasses ------------------------------------------------------------------------------
    def _make_editor(self) -> QWidget:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        """Put the project's value into the editor (signals blocked by the caller)."""
        raise NotImplementedError

    def _read(self) -> Any:
        """The editor's value as the model wants it; ValueError with a message if unreadable."""
        raise NotImplementedError

    def _busy(self) -> bool:
        """True while the user has typed something not yet committed."""
        return False

    # shared ----------------------------------------------------------------------------------
    def value(self) -> Any:
        return get_at(self.document.project, self.path) if self.path is not None else None

    def set_path(self, path: Path | None) -> None:
        if path != self.path:
            timer = getattr(self, "_timer", None)
            if timer is not None:
                timer.stop()  # typing meant for the previous item must not land on this one
        self.path = path
        self.clear_error()
        self.refresh()

    def refresh(self) -> None:
        enabled = self.path is not None
        self.editor.setEnabled(enabled and self.isEnabledFor())
        if self._busy():
            return
        try:
            value = self.value()
        except (IndexError, AttributeError, TypeError):
            value = None  # the item is gone (or not there yet): show nothing, allow nothing
            self.editor.setEnabled(False)
        self.editor.blockSignals(True)
        try:
            self._show(value)
        finally:
            self.editor.blockSignals(False)

    def isEnabledFor(self) -> bool:  # noqa: N802 - reads like Qt
        return True

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        self.error.setText("")
        self.error.setVisible(False)

    def commit(self, revert_on_error: bool = True) -> bool:
        """Write the editor's value to the project; on refusal show why (and revert)."""
        if self.path is None:
            return False
        try:
            self.value()
        except (IndexError, AttributeError, TypeError):
            return False
        try:
            new = self._read()
            self.document.set_value(
                self.path, new, edit_text(self.document, self.path, self.undo_words)
            )
        except (EditError, ValueError) as err:
            self.show_error(plain_message(self.field_label, str(err)))
            if revert_on_error:
                self._revert()
            return False
        self.clear_error()
        self.committed.emit()
        return True

    def _revert(self) -> None:
        self.editor.blockSignals(True)
        try:
            self._show(self.value())
        finally:
            self.editor.blockSignals(False)


class _IdleCommitField(BoundField):
    """A text field that commits when editing finishes and after a short pause in typing."""

    def _idle_timer(self) -> QTimer:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_COMMIT_MS)
        self._timer.timeout.connect(lambda: self.commit(revert_on_error=False))
        return self._timer

    def _finish(self) -> None:
        self._timer.stop()
        self.commit()

    def _busy(self) -> bool:
        return self._timer.isActive()


class LineField(_IdleCommitField):
    """One line of text; commits on Enter, on leaving the field and after a short pause."""

    def _make_editor(self) -> QWidget:
        editor = QLineEdit()
        timer = self._idle_timer()
        editor.textEdited.connect(lambda _t: timer.start())
        editor.editingFinished.connect(self._finish)
        return editor

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.editor.text() != text:
            self.editor.setText(text)

    def _read(self) -> Any:
        return self.editor.text()


class OptionalLineField(LineField):
    """Text where an empty field means 'not set' (None)."""

    def _read(self) -> Any:
        return self.editor.text() or None


class _PlainText(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event):  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focusLost.emit()


class TextField(_IdleCommitField):
    """Long text; commits when the field loses focus and after a short pause in typing."""

    def _make_editor(self) -> QWidget:
        editor = _PlainText()
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(60)
        editor.setMaximumHeight(120)
        editor.textChanged.connect(self._idle_timer().start)
        editor.focusLost.connect(self._finish)
        return editor

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)

    def _read(self) -> Any:
        return self.editor.toPlainText()


class SpinField(BoundField):
    """Whole numbers in a range; with ``optional`` the lowest position means 'not set'."""

    def __init__(self, document, path, name, field_label, minimum=0, maximum=100,
                 optional=False, suffix="", parent=None):
        self._min, self._max, self._optional, self._suffix = minimum, maximum, optional, suffix
        super().__init__(document, path, name, field_label, parent)

    def _make_editor(self) -> QWidget:
        editor = editors.spin_box(self._min, self._max, optional=self._optional,
                                  suffix=self._suffix)
        editor.setKeyboardTracking(False)
        editor.valueChanged.connect(lambda _v: self.commit())
        return editor

    def _show(self, value: Any) -> None:
        editors.show_spin(self.editor, value)

    def _read(self) -> Any:
        return editors.spin_value(self.editor, self._optional)


class MoneyField(BoundField):
    """Whole pounds shown as £12,500,000; also accepts 12.5m and 250k."""

    def _make_editor(self) -> QWidget:
        editor = QLineEdit()
        editor.setValidator(money_validator(editor))
        editor.setPlaceholderText("£0")
        editor.editingFinished.connect(self.commit)
        return editor

    def _show(self, value: Any) -> None:
        text = "" if value is None else format_money(value)
        if self.editor.text() != text:
            self.editor.setText(text)

    def _read(self) -> Any:
        return parse_money(self.editor.text() or "0")

    def commit(self, revert_on_error: bool = True) -> bool:
        ok = super().commit(revert_on_error)
        if ok:
            self._revert()  # show the committed value in the £ format
        return ok


class DateField(BoundField):
    """A date with a calendar; with ``optional`` the earliest date shows as 'not set'."""

    def __init__(self, document, path, name, field_label, optional=False, parent=None):
        self._optional = optional
        super().__init__(document, path, name, field_label, parent)

    def _make_editor(self) -> QWidget:
        editor = editors.date_edit(optional=self._optional)
        editor.setKeyboardTracking(False)
        editor.dateChanged.connect(lambda _d: self.commit())
        return editor

    def _show(self, value: Any) -> None:
        editors.show_date(self.editor, value)

    def _read(self) -> Any:
        return editors.date_value(self.editor, self._optional)


class ComboField(BoundField):
    """A choice from a vocabulary (``enum``) or from items of the project (``choices``)."""

    def __init__(self, document, path, name, field_label, enum: type[StrEnum] | None = None,
                 choices: Callable[[], Sequence[tuple[Any, str]]] | None = None,
                 optional: bool = False, parent=None):
        self._enum, self._choices, self._optional = enum, choices, optional
        super().__init__(document, path, name, field_label, parent)

    def _make_editor(self) -> QWidget:
        editor = editors.choice_box()
        editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        editor.setMinimumContentsLength(16)
        editor.currentIndexChanged.connect(lambda _i: self.commit())
        return editor

    def options(self) -> list[tuple[Any, str]]:
        items: list[tuple[Any, str]] = [(None, editors.NO_CHOICE)] if self._optional else []
        if self._enum is not None:
            items += [(member, label(member)) for member in self._enum]
        if self._choices is not None:
            items += list(self._choices())
        return items

    def _show(self, value: Any) -> None:
        options = self.options()
        current = [(self.editor.itemData(i), self.editor.itemText(i))
                   for i in range(self.editor.count())]
        if current != options:
            self.editor.clear()
            editors.fill_choices(self.editor, options)
        index = next((i for i, (data, _t) in enumerate(options) if data == value), -1)
        self.editor.setCurrentIndex(index)

    def _read(self) -> Any:
        return self.editor.currentData()


class CheckField(BoundField):
    """A yes/no box whose label is the field's label."""

    def _make_editor(self) -> QWidget:
        editor = QCheckBox(self.field_label)
        editor.toggled.connect(lambda _c: self.commit())
        return editor

    def _show(self, value: Any) -> None:
        self.editor.setChecked(bool(value))

    def _read(self) -> Any:
        return self.editor.isChecked()


class StringListField(BoundField):
    """A short list of lines (commissioners, objectives, outcomes): add, edit, remove."""

    def _make_editor(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(lambda _i: self.commit())
        # A line left empty (Escape on a new line) is dropped when its editor closes.
        self.list.itemDelegate().closeEditor.connect(self._drop_blank_lines)
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        # The name goes on the list and its buttons, not only on the box around them.
        self.list.setAccessibleName(self.field_label)
        self.add_button.setAccessibleName(f"Add a line to {self.field_label}")
        self.remove_button.setAccessibleName(f"Remove the selected line from {self.field_label}")
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def refresh(self) -> None:
        super().refresh()
        name = self.editor.objectName()
        self.list.setObjectName(f"{name}.list")
        self.add_button.setObjectName(f"{name}.add")
        self.remove_button.setObjectName(f"{name}.remove")

    def _show(self, value: Any) -> None:
        lines = list(value or [])
        if self._lines() == lines:
            return
        self.list.blockSignals(True)
        row = self.list.currentRow()
        self.list.clear()
        for line in lines:
            item = QListWidgetItem(line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _drop_blank_lines(self, *_args: Any) -> None:
        if self.path is not None and any(not line.strip() for line in self._lines()):
            self._revert()

    def _lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _read(self) -> Any:
        return [line.strip() for line in self._lines() if line.strip()]

    def add_line(self) -> None:
        """Add an empty line and open it for typing; it is kept once it has text."""
        if self.path is None:
            return
        self.list.blockSignals(True)
        item = QListWidgetItem("")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove_line(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self.path is None:
            return
        self.list.blockSignals(True)
        self.list.takeItem(row)
        self.list.blockSignals(False)
        self.commit()


class CheckListField(BoundField):
    """Several choices ticked in a list (phases a risk covers, stages a group spans)."""

    def __init__(self, document, path, name, field_label,
                 choices: Callable[[], Sequence[tuple[Any, str]]], parent=None):
        self._choices = choices
        super().__init__(document, path, name, field_label, parent)

    def _make_editor(self) -> QWidget:
        editor = ArmedCheckList()  # a space typed after Tab ticks nothing until an item is chosen
        editor.setMaximumHeight(110)
        editor.itemChanged.connect(lambda _i: self.commit())
        return editor

    def _show(self, value: Any) -> None:
        chosen = list(value or [])
        options = list(self._choices())
        shown = [(self.editor.item(i).data(Qt.ItemDataRole.UserRole), self.editor.item(i).text())
                 for i in range(self.editor.count())]
        if shown != options:  # rebuild only when the choices changed; keeps scroll and focus
            self.editor.clear()
            for data, text in options:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, data)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)  # shows the empty box
                self.editor.addItem(item)
        for i, (data, _text) in enumerate(options):
            state = Qt.CheckState.Checked if data in chosen else Qt.CheckState.Unchecked
            if self.editor.item(i).checkState() != state:
                self.editor.item(i).setCheckState(state)

    def _read(self) -> Any:
        return [
            self.editor.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.editor.count())
            if self.editor.item(i).checkState() == Qt.CheckState.Checked
        ]


def enum_choices(enum: type[StrEnum]) -> Callable[[], list[tuple[Any, str]]]:
    return lambda: [(member, label(member)) for member in enum]


def item_choices(document: Document, collection: str) -> Callable[[], list[tuple[str, str]]]:
    """(id, 'Name (id)') for each partner or phase, read fresh each time."""

    def choices() -> list[tuple[str, str]]:
        return [
            (item.id, f"{getattr(item, 'name', item.id)} ({item.id})")
            for item in getattr(document.project, collection)
        ]

    return choices


class DetailForm(QWidget):
    """A form of fields for the selected item of a list: ``set_item(("risks", 2))`` binds them.

    Fields are added with ``add(attr, field, row_label)``; their paths become item path + attr.
    """

    def __init__(self, document: Document, parent: QWidget | None = None):
        from PySide6.QtWidgets import QFormLayout

        super().__init__(parent)
        self.document = document
        self.item_path: Path | None = None
        self.fields: dict[str, BoundField] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add(self, attr: str, fld: BoundField, row_label: str | None = None) -> BoundField:
        self.fields[attr] = fld
        if row_label is None:
            self.layout_.addRow(fld)
        else:
            self.layout_.addRow(row_label, fld)
        fld.set_path(None if self.item_path is None else (*self.item_path, attr))
        return fld

    def set_item(self, path: Path | None) -> None:
        self.item_path = path
        for attr, fld in self.fields.items():
            fld.set_path(None if path is None else (*path, attr))

    def refresh(self) -> None:
        for fld in self.fields.values():
            fld.refresh()

"""The value editors, made in one place for the detail forms and the table cells.

``spin_box``, ``date_edit`` and ``choice_box`` build the editor a field or a
cell asks for; ``spin_value``/``show_spin`` and ``date_value``/``show_date`` convert between the
editor and the project's value (``None`` shown as "—" where the value is optional). The wheel
guard (``wheel_guard``) applies to every one of them from the application-wide filter; the
table's drop-downs are ``TypeAheadCombo`` (``choice_box(type_ahead=True)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QWidget

from ui.widgets.type_ahead import TypeAheadCombo

NONE_TEXT = "—"
NO_CHOICE = "(none)"  # the first entry of an optional drop-down
MIN_DATE = QDate(1900, 1, 1)  # an optional date at this position means "not set"
DATE_FORMAT = "d MMM yyyy"


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


# -- whole numbers ----------------------------------------------------------------------------


def spin_box(minimum: int, maximum: int, *, optional: bool = False, suffix: str = "",
             parent: QWidget | None = None) -> QSpinBox:
    """Whole numbers in a range; with ``optional`` one below ``minimum`` means "not set"."""
    editor = QSpinBox(parent)
    editor.setRange(minimum - 1 if optional else minimum, maximum)
    editor.setSuffix(suffix)
    if optional:
        editor.setSpecialValueText(NONE_TEXT)
    return editor


def show_spin(editor: QSpinBox, value: int | None) -> None:
    editor.setValue(editor.minimum() if value is None else int(value))


def spin_value(editor: QSpinBox, optional: bool) -> int | None:
    value = editor.value()
    return None if optional and value == editor.minimum() else value


# -- dates ------------------------------------------------------------------------------------


def date_edit(*, optional: bool = False, parent: QWidget | None = None) -> QDateEdit:
    """A date with a calendar; with ``optional`` the earliest date shows as "not set"."""
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(DATE_FORMAT)
    editor.setMinimumDate(MIN_DATE)
    if optional:
        editor.setSpecialValueText(NONE_TEXT)
    return editor


def show_date(editor: QDateEdit, value: dt.date | None) -> None:
    editor.setDate(MIN_DATE if value is None else to_qdate(value))


def date_value(editor: QDateEdit, optional: bool) -> dt.date | None:
    if optional and editor.date() == MIN_DATE:
        return None
    return from_qdate(editor.date())


# -- choices ------------------------------------------------------------------------------


def choice_box(options: Iterable[tuple[Any, str]] = (), *, type_ahead: bool = False,
               parent: QWidget | None = None) -> QComboBox:
    """A drop-down of ``(value, text)`` options; ``type_ahead``: typing matches whole words."""
    editor: QComboBox = TypeAheadCombo(parent) if type_ahead else QComboBox(parent)
    fill_choices(editor, options)
    return editor


def fill_choices(editor: QComboBox, options: Iterable[tuple[Any, str]]) -> None:
    for data, text in options:
        editor.addItem(text, data)

"""Every modal question the shell asks, each behind one small function.

Callers use them through the module (``dialogs.ask_unsaved(...)``) so tests can replace a
function with ``monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")``.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

FILE_FILTER = "Changemaker projects (*.changemaker.json);;JSON files (*.json);;All files (*)"


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel' for a document with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}” before closing it?")
    box.setInformativeText("If you don't save, your changes since the last save will be lost.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    # Keys for each answer: Alt+S saves, Alt+D (or Ctrl+D) discards, Escape cancels.
    box.button(QMessageBox.StandardButton.Save).setText("&Save")
    discard = box.button(QMessageBox.StandardButton.Discard)
    discard.setText("&Discard changes")
    discard.setShortcut(QKeySequence("Ctrl+D"))
    discard.setToolTip("Close without saving (Alt+D or Ctrl+D)")
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(QMessageBox.StandardButton(answer), "cancel")


def ask_open_path(parent: QWidget | None, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", folder, FILE_FILTER)
    return path or None


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save project as", suggested, FILE_FILTER)
    return path or None


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def choose_new(parent: QWidget | None, examples: list[tuple[str, str]]) -> str | None:
    """'' for a blank project, an example name, or None when cancelled.

    ``examples`` is a list of (name, label) pairs.
    """
    dialog = QDialog(parent)
    dialog.setWindowTitle("New project")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Start from a blank project or from one of the examples:"))
    choices = QListWidget()
    choices.setObjectName("new.choices")
    blank = QListWidgetItem("Blank project")
    blank.setData(256, "")
    choices.addItem(blank)
    for name, label in examples:
        item = QListWidgetItem(f"Example: {label}")
        item.setData(256, name)
        choices.addItem(item)
    choices.setCurrentRow(0)
    layout.addWidget(choices)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    choices.itemActivated.connect(lambda _item: dialog.accept())
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or choices.currentItem() is None:
        return None
    return str(choices.currentItem().data(256))


def ask_restore(parent: QWidget | None, question: str) -> str:
    """'restore', 'discard' or 'later' for a recovery copy left by a crash."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Restore unsaved changes")
    box.setText(question)
    box.setInformativeText(
        "Changemaker closed without saving. Restore opens the recovered copy as unsaved changes; "
        "your saved file is not touched until you save."
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return "restore"
    if clicked is discard:
        return "discard"
    return "later"


def ask_justification(parent: QWidget | None, finding: str, message: str) -> str | None:
    """The user's written justification for accepting a finding, or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Accept finding")
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        f"<b>{html.escape(finding)}</b><br>{html.escape(message)}<br><br>"
        "Why is this acceptable for this contract? "
        "The justification is kept in the project and shown in the business case."
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    text = QPlainTextEdit()
    text.setObjectName("accept.justification")
    text.setTabChangesFocus(True)
    layout.addWidget(text)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Accept")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(480, 300)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return text.toPlainText().strip() or None


def ask_new_id(parent: QWidget | None, noun: str, old_id: str) -> str | None:
    """The new id for an item (the advanced rename), or None if cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(
        parent, f"Rename {noun} id",
        f"New id for {noun} {old_id} (every reference to it follows):", text=old_id)
    return text if ok else None

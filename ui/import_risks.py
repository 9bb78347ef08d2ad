"""Import a risk register (CSV or XLSX) with a preview: nothing is imported until confirmed.

``import_risks(parent, document, path)`` reads the file, shows ``ImportRisksDialog`` (a table of
the parsed rows with the error of each bad row) through ``run_dialog`` — a module function tests
replace — and, when the user confirms, applies the good rows as one undoable step
"Import N risks". It returns the number of risks imported (0 when cancelled or unreadable).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, EditError
from wizard import formatting
from wizard.export.register import RegisterFileError, RegisterPreview, apply_import, read_register

PREVIEW_COLUMNS = ("Row", "Id", "Title", "Category", "Likelihood", "Impact", "Allocation", "Result")


class ImportRisksDialog(QDialog):
    def __init__(self, preview: RegisterPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Import risks from {preview.source}")
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        good, bad = len(preview.changes), len(preview.bad)
        summary = f"{preview.summary().capitalize()}."
        summary += f" {formatting.count(good, 'row')} will change the project"
        if bad:
            summary += f"; {formatting.count(bad, 'row')} with errors will be left out"
        columns = ", ".join(c.replace("_", " ") for c in preview.columns)
        summary += (f". Only the file's columns ({columns}) change existing risks; "
                    "nothing is imported until you confirm, and Undo takes it back.")
        for note in preview.notes:  # columns the import does not read (derived ones)
            summary += f" {note}"
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(preview.rows), len(PREVIEW_COLUMNS))
        self.table.setHorizontalHeaderLabels(PREVIEW_COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        error_brush = QBrush(QColor("#f9dcd8"))
        for i, row in enumerate(preview.rows):
            v = row.values
            result = "; ".join(row.errors) if row.errors else _result(row)
            cells = (str(row.row), v.get("id", ""), v.get("title", ""), v.get("category", ""),
                     v.get("likelihood", ""), v.get("impact", ""), v.get("allocation", ""), result)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.errors:
                    item.setBackground(error_brush)
                    item.setToolTip(result)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            f"Import {formatting.count(good, 'risk')}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(good > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def row_result(self, index: int) -> str:
        return self.table.item(index, len(PREVIEW_COLUMNS) - 1).text()


def _result(row) -> str:
    if row.status == "added":
        return "Add"
    if row.status == "unchanged":
        return "Unchanged"
    return "Change " + ", ".join(c.replace("_", " ") for c in row.changed)


def run_dialog(dialog: ImportRisksDialog) -> bool:
    """Show the preview modally; True when the user confirms. Tests replace this."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user why the file cannot be imported. Tests replace this."""
    QMessageBox.warning(parent, "Cannot import the risk register", message)


def import_risks(parent: QWidget | None, document: Document, path: str) -> int:
    try:
        preview = read_register(path, document.project)
    except RegisterFileError as err:
        show_error(parent, str(err))
        return 0
    dialog = ImportRisksDialog(preview, parent)
    try:
        if not run_dialog(dialog) or not preview.changes:
            return 0
        count = len(preview.changes)
        try:
            document.replace_project(apply_import(document.project, preview),
                                     f"Import {formatting.count(count, 'risk')}")
        except (EditError, ValueError) as err:
            show_error(parent, str(err))
            return 0
        return count
    finally:
        dialog.deleteLater()

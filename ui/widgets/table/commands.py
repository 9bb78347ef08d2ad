"""The structural edits of an item table: add, duplicate, delete, move and rename.

Each builds the new project with a pure function of ``wizard.edits`` (which keeps references
whole) and makes it one undo step through ``Document.replace_project``; the table then selects
the row the edit names and says what it did in its message line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.document import EditError
from ui.widgets.forms import plain_message
from wizard import edits

if TYPE_CHECKING:
    from ui.widgets.table.widget import ItemTable


class EditCommands:
    """The toolbar's and keys' edits, mixed into ``ItemTable``."""

    def _apply(self: ItemTable, edit: edits.Edit) -> bool:
        """Make ``edit`` one undo step; select the row it names."""
        try:
            self.document.replace_project(edit.project, edit.text)
        except EditError as err:
            self.show_error(str(err))
            return False
        self.show_status(edit.text)
        self.select_row(edit.row)
        self.view.setFocus()
        return True

    def add(self: ItemTable) -> bool:
        """Add an item with the next free id and put the cursor in its name, ready to type."""
        if self.model.path is None:
            return False
        edit = edits.add(self.document.project, self.model.path, self.factory, self.noun,
                         self.prefix)
        if not self._apply(edit):
            return False
        self.edit_name(self.current_row())
        return True

    def duplicate(self: ItemTable) -> bool:
        row = self.current_row()
        if row < 0 or self.model.path is None:
            return False
        return self._apply(edits.duplicate(self.document.project, self.model.path, row,
                                           self.noun, self.prefix))

    def delete_preview(self: ItemTable) -> str:
        """What deleting the selected item would unlink ("Deleting P2 will unlink 3 risks")."""
        row = self.current_row()
        if row < 0 or self.model.path is None:
            return ""
        return edits.delete_preview(self.document.project, self.model.path, row)

    def delete(self: ItemTable) -> bool:
        row = self.current_row()
        if row < 0 or self.model.path is None:
            return False
        return self._apply(edits.delete(self.document.project, self.model.path, row, self.noun))

    def move(self: ItemTable, step: int) -> bool:
        row, target = self.current_row(), self.current_row() + step
        if row < 0 or self.model.path is None or not 0 <= target < self.model.rowCount():
            return False
        return self._apply(edits.move(self.document.project, self.model.path, row, step,
                                      self.noun))

    def ask_rename(self: ItemTable) -> bool:
        from ui import dialogs

        row = self.current_row()
        if row < 0 or not self.has_ids():
            return False
        new_id = dialogs.ask_new_id(self, self.noun, self.current_id())
        return new_id is not None and self.rename(row, new_id)

    def rename(self: ItemTable, row: int, new_id: str) -> bool:
        """Give the item in ``row`` a new id; every reference to it follows (one undo step)."""
        if self.model.path is None or self.model.item(row) is None:
            return False
        owner = getattr(self.model.item(row), "id", None) or f"{self.noun} {row + 1}"
        try:
            edit = edits.rename(self.document.project, self.model.path, row, new_id, self.noun)
            if edit.text:
                self.document.replace_project(edit.project, edit.text)
        except EditError as err:
            self.show_error(plain_message(f"Id of {owner}", str(err)))
            return False
        self.clear_message()
        self.select_row(row)
        return True

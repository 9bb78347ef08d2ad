"""The open project: one ``Project``, a ``QUndoStack`` of edits, and a ``changed`` signal.

Every edit goes through an undoable command:

- ``set_value(path, value, text)`` sets one field. ``path`` is a tuple of attribute names and
  list indices from the project, e.g. ``("risks", 3, "likelihood")``. The new value is checked by
  pydantic (and references between items by ``reference_problems``); a refused value raises
  ``EditError`` with a clear message and the project is left as it was. A dependency that
  would close a loop of phases is refused the same way, naming the loop.
- ``replace_project(new, text)`` swaps in a whole new project (structural edits: add, delete,
  duplicate, reorder, imports, from ``wizard.edits``), which is how deletions also clean up
  references. The undo step keeps only what changed (``wizard.patch``), not two projects.

Consecutive ``set_value`` calls on the same path merge into one undo step (typing in a field).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui import heap
from wizard import errors, patch
from wizard.edits import EditError, Path, get_at
from wizard.model import Project, reference_problems

__all__ = ["Document", "EditError", "Path", "get_at"]


def _set_at(root: Any, path: Path, value: Any) -> None:
    if not path:
        raise EditError("Nothing to edit: empty path")
    *head, last = path
    if isinstance(last, int):
        items = list(get_at(root, tuple(head)))
        items[last] = value
        _set_at(root, tuple(head), items)  # reassign the list so pydantic validates it
    else:
        setattr(get_at(root, tuple(head)), last, value)


def describe(path: Path) -> str:
    return ".".join(f"[{k}]" if isinstance(k, int) else k for k in path).replace(".[", "[")


def _validation_message(path: Path, err: ValidationError) -> str:
    """'risks[0].title: cannot be empty': the field edited, then the problem in words."""
    return f"{describe(path)}: {errors.first(err, editing=True)[1]}"


class _SetValue(QUndoCommand):
    MERGE_ID = 1

    def __init__(self, doc: Document, path: Path, old: Any, new: Any, text: str):
        super().__init__(text)
        self.doc, self.path, self.old, self.new = doc, path, old, new

    def redo(self) -> None:
        _set_at(self.doc.project, self.path, self.new)
        self.doc._emit()

    def undo(self) -> None:
        _set_at(self.doc.project, self.path, self.old)
        self.doc._emit()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _SetValue) or other.path != self.path:
            return False
        if not isinstance(self.new, str) or not isinstance(other.new, str):
            return False  # merge typing only; each spin or combo change is its own step
        self.new = other.new
        return True


class _ReplaceProject(QUndoCommand):
    """A structural edit, kept as the changes it made (``wizard.patch``), not two projects."""

    def __init__(self, doc: Document, steps: list[patch.Step], text: str):
        super().__init__(text)
        self.doc, self.steps = doc, steps

    def redo(self) -> None:
        patch.apply(self.doc.project, self.steps)
        self.doc._emit()

    def undo(self) -> None:
        patch.apply(self.doc.project, self.steps, undo=True)
        self.doc._emit()

    def kept_size(self) -> int:
        """The bytes this undo step keeps (pickled)."""
        return patch.size(self.steps)


class Document(QObject):
    """The open project. Widgets read ``project`` and edit it only through the methods here."""

    changed = Signal()  # after every edit, undo, redo or load
    fileStateChanged = Signal()  # the file path changed, or the document became clean or dirty

    def __init__(self, project: Project | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project: Project = project if project is not None else Project()
        self.undo_stack = QUndoStack(self)
        self.path: str | None = None  # the file this document was opened from or saved to
        # Counts the changes: a view that several listeners ask to refresh after one change
        # (a table, and the page showing it) re-reads the project once.
        self.revision = 0
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # -- edits --------------------------------------------------------------------------------
    def set_value(self, path: Path, value: Any, text: str | None = None) -> None:
        """Set one field as an undoable step; raises ``EditError`` if the model refuses it."""
        from wizard.schedule import dependency_pairs, loop_refusal, loops_added  # networkx: not at start-up

        old = get_at(self.project, path)
        if old == value and type(old) is type(value):
            return
        before = dependency_pairs(self.project) if path and path[0] == "phases" else None
        try:
            _set_at(self.project, path, value)
        except ValidationError as err:
            raise EditError(_validation_message(path, err)) from None
        except (TypeError, ValueError, IndexError, AttributeError) as err:
            raise EditError(f"{describe(path)}: {err}") from None
        after = reference_problems(self.project)
        loop = loops_added(before, self.project) if before is not None else None
        _set_at(self.project, path, old)
        if loop:
            raise EditError(loop_refusal(self.project, loop))
        # Only an edit that leaves a problem needs the state before it to tell whether the
        # edit made the problem: one scan of the references per edit in the usual case.
        before = set(reference_problems(self.project)) if after else set()
        new_problems = [p for p in after if p not in before]
        if new_problems:
            raise EditError(new_problems[0])
        self.undo_stack.push(_SetValue(self, path, old, value, text or f"Change {describe(path)}"))

    def replace_project(self, new: Project, text: str) -> None:
        """Swap in a whole new project as one undoable step (validated first)."""
        from wizard.schedule import loop_refusal, loops_added

        try:
            checked = Project.model_validate(new.model_dump())
        except ValidationError as err:
            field, words = errors.first(err, editing=True)
            raise EditError(f"{field or 'project'}: {words}") from None
        loop = loops_added(self.project, checked)
        if loop:
            raise EditError(loop_refusal(checked, loop))
        self.undo_stack.push(_ReplaceProject(self, patch.diff(self.project, checked), text))

    def edited_copy(self) -> Project:
        """A deep copy to change and hand back through ``replace_project``."""
        return self.project.model_copy(deep=True)

    # -- state --------------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def load_project(self, project: Project) -> None:
        """Make ``project`` the open document with an empty history (not undoable)."""
        self.project = project
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._emit()

    # -- file state (used by the main window's file handling) ----------------------------------
    def open_project(self, project: Project, path: str | None, dirty: bool = False) -> None:
        """Load ``project`` as the open document from ``path`` (None: untitled).

        ``dirty=True`` is for restored recovery copies: the content differs from the file.
        """
        self.path = path
        self.load_project(project)
        if dirty:
            self.undo_stack.resetClean()
        self.fileStateChanged.emit()
        QTimer.singleShot(heap.SETTLE_AFTER_MS, heap.settle)  # once it is on screen

    def set_path(self, path: str | None) -> None:
        self.path = path
        self.fileStateChanged.emit()

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self.undo_stack.setClean()
        self.fileStateChanged.emit()

    def _clean_changed(self, _clean: bool) -> None:
        self.fileStateChanged.emit()

    def _emit(self) -> None:
        self.revision += 1
        self.changed.emit()

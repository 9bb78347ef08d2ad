"""New, Open, Save, Save As and recent files for the main window, with the unsaved prompt.

``FileController`` holds the file logic; every question to the user goes through ``ui.dialogs``
so tests can answer it. A file that fails to load shows the storage layer's clear message and
leaves the open document untouched. The user's file is written only on Save / Save As.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui import dialogs
from ui.autosave import AutoSaver
from ui.document import Document
from ui.settings import Settings
from wizard import storage
from wizard.model import Project

FILE_SUFFIX = storage.FILE_SUFFIX


def with_suffix(path: str) -> str:
    """PATH ending in .changemaker.json (added when the user left it off)."""
    if path.lower().endswith(FILE_SUFFIX):
        return path
    if path.lower().endswith(".json"):
        path = path[: -len(".json")]
    return path + FILE_SUFFIX


def file_stem(path: str) -> str:
    name = Path(path).name
    return name[: -len(FILE_SUFFIX)] if name.lower().endswith(FILE_SUFFIX) else name


def slug(title: str) -> str:
    words = re.sub(r"[^\w\s-]", "", title, flags=re.UNICODE).strip().lower()
    return re.sub(r"[\s_-]+", "-", words)[:60] or "project"


def example_choices() -> list[tuple[str, str]]:
    """(name, label) of each example, the label being the example's own title."""
    from wizard import catalog

    choices = []
    for name in catalog.example_names():
        try:
            label = catalog.load_example(name).project.title
        except Exception:  # noqa: BLE001 - a broken example is still listed by name
            label = name.replace("-", " ").capitalize()
        choices.append((name, label))
    return choices


class FileController(QObject):
    """The file commands of one window and its document."""

    opened = Signal(str)  # a file was opened: its path
    saved = Signal(str)  # the document was saved: its path

    def __init__(
        self,
        document: Document,
        settings: Settings,
        autosaver: AutoSaver | None,
        parent_widget: QWidget,
        status: Callable[[str], None] | None = None,
    ):
        super().__init__(parent_widget)
        self.document = document
        self.settings = settings
        self.autosaver = autosaver
        self.widget = parent_widget
        self.status = status or (lambda _message: None)

    # -- names ---------------------------------------------------------------------------------
    def display_name(self) -> str:
        return Path(self.document.path).name if self.document.path else "Untitled"

    def _folder(self) -> str:
        folder = self.settings.value("files/last_folder", "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    # -- the prompt ----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the open document (saved, discarded or unchanged)."""
        if not self.document.is_dirty:
            return True
        answer = dialogs.ask_unsaved(self.widget, self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _drop_current(self) -> None:
        if self.autosaver is not None:
            self.autosaver.remove()

    # -- new and open --------------------------------------------------------------------------
    def new(self) -> bool:
        """Ask blank or example, then (after the unsaved prompt) start it untitled."""
        if not self.maybe_save():
            return False
        choice = dialogs.choose_new(self.widget, example_choices())
        if choice is None:
            return False
        return self.new_from(choice or None, prompt=False)

    def new_from(self, example: str | None, prompt: bool = True) -> bool:
        """Start an untitled project, blank or from the named example."""
        if prompt and not self.maybe_save():
            return False
        if example:
            from wizard import catalog

            try:
                project = catalog.load_example(example)
            except (KeyError, ValueError, OSError, storage.ProjectFileError) as err:
                dialogs.show_error(self.widget, "Cannot start from the example", _message(err))
                return False
        else:
            project = Project()
        self._drop_current()
        self.document.open_project(project, None)
        self.status(f"New project from the example “{project.project.title}”" if example
                    else "New blank project")
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = dialogs.ask_open_path(self.widget, self._folder())
        if not path:
            return False
        return self.open_path(path, prompt=False)

    def open_path(self, path: str, prompt: bool = True) -> bool:
        """Open a project file; on failure show why and keep the open document as it was."""
        if prompt and not self.maybe_save():
            return False
        try:
            project = storage.load(path)
        except storage.ProjectFileError as err:
            dialogs.show_error(self.widget, "Cannot open the file", _message(err))
            if not Path(path).exists():
                self.settings.remove_recent(path)
            return False
        except OSError as err:  # belt and braces: the storage layer should wrap these
            dialogs.show_error(self.widget, "Cannot open the file", f"{path}: {err.strerror or err}")
            return False
        self._drop_current()
        full = str(Path(path).resolve())
        self.document.open_project(project, full)
        self.settings.add_recent(full)
        self.settings.set_value("files/last_folder", str(Path(full).parent))
        self.status(f"Opened {Path(full).name}")
        self.opened.emit(full)
        return True

    # -- save ----------------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.document.path:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document.path:
            suggested = self.document.path
        else:
            suggested = str(Path(self._folder()) / (slug(self.document.project.project.title) + FILE_SUFFIX))
        path = dialogs.ask_save_path(self.widget, suggested)
        if not path:
            return False
        return self._save_to(with_suffix(path))

    def _save_to(self, path: str) -> bool:
        try:
            storage.save(self.document.project, path)
        except OSError as err:
            dialogs.show_error(self.widget, "Cannot save", _message(err))
            return False
        full = str(Path(path).resolve())
        if self.autosaver is not None:
            self.autosaver.remove()
        if full != self.document.path:
            self.document.set_path(full)
        self.document.set_clean()
        self.settings.add_recent(full)
        self.settings.set_value("files/last_folder", str(Path(full).parent))
        self.status(f"Saved to {Path(full).name}")
        self.saved.emit(full)
        return True


def _message(err: BaseException) -> str:
    """The error in words, naming the file by its name rather than its full path."""
    if isinstance(err, storage.ProjectFileError):
        parts = [Path(err.path).name if err.path else "The file"]
        if err.field:
            parts.append(err.field)
        parts.append(err.problem)
        return ": ".join(parts)
    return str(err) or err.__class__.__name__

"""New, Open, Save, Save As and recent files for the main window, with the unsaved prompt.

``FileController`` holds the file logic; every question to the user goes through ``ui.dialogs``
so tests can answer it. A file that fails to load shows the storage layer's clear message and
leaves the open document untouched. The user's file is written only on Save / Save As.

Two windows on one file: the open file is locked (``ui.file_lock``); a second window is told
and may open it read-only (Save goes to Save As) or as an untitled copy. Before saving over its
own file, a window checks that nobody changed it on disk since it was opened or saved, and if
somebody did, offers Reload, Overwrite or Save As. Each window has its own recovery copy.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui import dialogs
from ui.autosave import AutoSaver
from ui.document import Document
from ui.file_lock import REFRESH_MS, DocumentLock
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


DiskState = tuple[int, int, int, str]


def disk_state(path: str) -> DiskState | None:
    """What the file on disk is now: (inode, size, modified time, SHA-256); None if absent."""
    try:
        info = os.stat(path)
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, digest)


def same_content(a: DiskState | None, b: DiskState | None) -> bool:
    return a is None or b is None or a[3] == b[3]


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
        self.lock: DocumentLock | None = None  # held while this window edits its file
        self.read_only = False  # the file is open in another window: Save goes to Save As
        self.disk: DiskState | None = None  # the file as it was when opened or last saved
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(lambda: self.lock is not None and self.lock.refresh())
        self._refresh.start()

    # -- names ---------------------------------------------------------------------------------
    def display_name(self) -> str:
        return Path(self.document.path).name if self.document.path else "Untitled"

    # -- the lock and the file on disk -----------------------------------------------------------
    def _set_lock(self, lock: DocumentLock | None) -> None:
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock

    def release(self) -> None:
        """Give up the file (closing the window): its lock goes, so others may edit it."""
        self._set_lock(None)
        self.read_only = False

    def _lock_for(self, full: str) -> DocumentLock:
        if self.lock is not None and self.lock.path == full:
            return self.lock  # this window's own file, opened again
        return DocumentLock(full)

    def changed_on_disk(self) -> bool:
        """True when the open file was changed by someone else since it was opened or saved."""
        if not self.document.path or self.disk is None:
            return False
        now = disk_state(self.document.path)
        return now is not None and now[:3] != self.disk[:3] and not same_content(now, self.disk)

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
        self.release()
        self.disk = None

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
        state = disk_state(path)  # before reading: a change made meanwhile is noticed later
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
        full = str(Path(path).resolve())
        lock = self._lock_for(full)
        read_only = False
        if not lock.acquire():
            holder = lock.holder()
            answer = dialogs.ask_locked(self.widget, Path(full).name,
                                        holder.describe() if holder else "another window")
            if answer == "copy":
                self._drop_current()
                self.document.open_project(project, None, dirty=True)
                self.status(f"Opened a copy of {Path(full).name}: save it under a new name to keep it")
                return True
            if answer != "read_only":
                return False
            read_only, lock = True, None
        if lock is not None and lock is self.lock:
            self.lock = None  # this window's own file again: dropping it must not unlock it
        self._drop_current()
        self._set_lock(lock)
        self.read_only = read_only
        self.document.open_project(project, full)
        self.disk = state
        storage.remove_stale_temps(full)  # temporary files a killed save left beside it
        self.settings.add_recent(full)
        self.settings.set_value("files/last_folder", str(Path(full).parent))
        self.status(f"Opened {Path(full).name}" + (" read-only: it is open in another window; "
                                                    "save your changes under another name"
                                                    if read_only else ""))
        self.opened.emit(full)
        return True

    def open_recovered(self, project: Project, path: str | None) -> None:
        """Open a restored recovery copy of ``path`` as unsaved changes (locking the file)."""
        self._drop_current()
        if path:
            lock = DocumentLock(path)
            if lock.acquire():
                self._set_lock(lock)
            else:
                self.read_only = True
            self.disk = disk_state(path)
        self.document.open_project(project, path, dirty=True)

    def reload(self) -> bool:
        """Read the open file again from disk, dropping unsaved changes."""
        path = self.document.path
        if not path:
            return False
        state = disk_state(path)
        try:
            project = storage.load(path)
        except storage.ProjectFileError as err:
            dialogs.show_error(self.widget, "Cannot reload the file", _message(err))
            return False
        if self.autosaver is not None:
            self.autosaver.remove()
        self.document.open_project(project, path)
        self.disk = state
        self.status(f"Reloaded {Path(path).name} from disk")
        return True

    # -- save ----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.read_only:
            self.status(f"{self.display_name()} is open read-only: save your changes under "
                        "another name")
        if not self.document.path or self.read_only:
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
        full = str(Path(path).resolve())
        own = full == self.document.path and not self.read_only
        lock = self.lock if own else DocumentLock(full)
        if not own and not lock.acquire():
            holder = lock.holder()
            dialogs.show_error(
                self.widget, "Cannot save",
                f"{Path(full).name} is open in {holder.describe() if holder else 'another window'}; "
                "saving over it could lose that window's work. Choose another name.")
            return False
        if own and self.changed_on_disk():
            answer = dialogs.ask_changed_on_disk(self.widget, Path(full).name)
            if answer == "reload":
                return self.reload()
            if answer == "save_as":
                return self.save_as()
            if answer != "overwrite":
                return False
        try:
            storage.save(self.document.project, full)
        except OSError as err:
            if lock is not None and lock is not self.lock:
                lock.release()
            if isinstance(err, storage.ProjectSaveError) and (
                    err.folder_not_writable or err.folder_missing):
                if dialogs.ask_save_elsewhere(self.widget, _message(err)):
                    return self.save_as()
                return False
            dialogs.show_error(self.widget, "Cannot save", _message(err))
            return False
        if self.autosaver is not None:
            self.autosaver.remove()
        if not own:
            self._set_lock(lock)
            self.read_only = False
        self.disk = disk_state(full)
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

"""Recovery copies: written shortly after edits, offered again after a crash.

While a document has unsaved changes, ``AutoSaver`` writes it (debounced: ``delay_ms`` after the
last edit, and never later than ``cap_ms`` after the first unsaved edit, so a crash loses at
most a few seconds of work) to ``<data dir>/recovery/<key>.changemaker.json`` with a sidecar
``<key>.json`` naming the original file, the time and the writing process. The key is a hash of
the file's path, or ``untitled``, then the process id and the window's number in that process:
two windows on one file each keep their own copy, and neither removes the other's. The user's
own file is never written here.

On start, ``find_recoveries`` lists the copies whose writing process is no longer running
(a crash or a kill): those are offered for restoring. A copy is removed after a save, a clean
close, or when the edits are undone back to the saved state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ui.document import Document
from wizard import storage
from wizard.formatting import clock_time
from wizard.model import Project

SUFFIX = ".changemaker.json"
DELAY_MS = 2_000
# A recovery write of a large project (2,000 risks, 2.9 MB) takes a few tens of milliseconds
# (benchmarks/recovery_write.py), so writing at least every 5 s while editing goes on costs
# little and loses at most 5 s of work in a crash.
CAP_MS = 5_000
_windows = itertools.count(1)  # numbers the AutoSavers (one per window) of this process


def recovery_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "recovery"


def recovery_key(path: str | None, pid: int | None = None, window: int = 1) -> str:
    """The recovery file's stem: a hash of the file's full path (or 'untitled'), the process id
    and the window's number, e.g. '3f2a…-4242-1'."""
    pid = pid if pid is not None else os.getpid()
    if not path:
        return f"untitled-{pid}-{window}"
    full = str(Path(path).resolve())
    return f"{hashlib.sha256(full.encode('utf-8')).hexdigest()[:20]}-{pid}-{window}"


def process_start(pid: int) -> str:
    """The process's start time as the kernel reports it ('' where /proc is unavailable)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def process_running(pid: int, started: str = "") -> bool:
    """True if the process that wrote a copy still runs (same pid and, if known, start time)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return not started or process_start(pid) in ("", started)


def _atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    storage.write_atomic(text.encode("utf-8"), path)  # the one atomic writer


def write_project_copy(project: Project, path: Path) -> None:
    """Write a recovery copy atomically (never with a .bak)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    storage.write_recovery(project, path)


def read_project_copy(path: Path) -> Project:
    """Read a recovery copy with the same checks as any project file."""
    return storage.load(path)


@dataclass(frozen=True)
class Recovery:
    """A recovery copy on disk and what its sidecar says about it."""

    file: Path
    sidecar: Path
    original: str | None  # the user's file, None for an untitled project
    saved_at: dt.datetime
    pid: int
    title: str

    def question(self) -> str:
        what = f"“{Path(self.original).name}”" if self.original else f"the untitled project “{self.title}”"
        return f"Restore unsaved changes to {what} from {clock_time(self.saved_at)}?"

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)
        self.sidecar.unlink(missing_ok=True)


def find_recoveries(data_dir: Path) -> list[Recovery]:
    """Recovery copies left by processes that are no longer running, newest first."""
    folder = recovery_dir(data_dir)
    if not folder.is_dir():
        return []
    storage.remove_stale_temps_in(folder)  # half-written copies of killed sessions
    found: list[Recovery] = []
    for sidecar in folder.glob("*.json"):
        if sidecar.name.endswith(SUFFIX):
            continue
        try:
            info = json.loads(sidecar.read_text(encoding="utf-8"))
            pid = int(info["pid"])
            started = str(info.get("started", ""))
            saved_at = dt.datetime.fromisoformat(info["saved_at"])
            original = info.get("original") or None
            title = str(info.get("title", ""))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if pid == os.getpid() or process_running(pid, started):
            continue
        file = sidecar.with_name(sidecar.name[: -len(".json")] + SUFFIX)
        if not file.is_file():
            sidecar.unlink(missing_ok=True)
            continue
        found.append(Recovery(file, sidecar, original, saved_at, pid, title))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class AutoSaver(QObject):
    """Writes the open document's recovery copy while it has unsaved changes."""

    written = Signal(str)  # the recovery file's path

    def __init__(
        self,
        document: Document,
        data_dir: Path,
        delay_ms: int = DELAY_MS,
        cap_ms: int = CAP_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.folder = recovery_dir(data_dir)
        self.window = next(_windows)  # this window's own copy, apart from other windows' copies
        self._written_key: str | None = None
        self._debounce = QTimer(self, singleShot=True, interval=delay_ms)
        self._cap = QTimer(self, singleShot=True, interval=cap_ms)
        self._debounce.timeout.connect(self.write_now)
        self._cap.timeout.connect(self.write_now)
        document.changed.connect(self._on_changed)
        document.fileStateChanged.connect(self._on_file_state)

    # -- where ---------------------------------------------------------------------------------
    def key(self) -> str:
        return recovery_key(self.document.path, window=self.window)

    def file_for(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def sidecar_for(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    @property
    def current_file(self) -> Path | None:
        return self.file_for(self._written_key) if self._written_key else None

    # -- when ----------------------------------------------------------------------------------
    def _on_changed(self) -> None:
        if self.document.is_dirty:
            self._debounce.start()
            if not self._cap.isActive():
                self._cap.start()
        else:
            self.remove()

    def _on_file_state(self) -> None:
        if not self.document.is_dirty:
            self.remove()
        elif self._written_key is not None and self._written_key != self.key():
            self.remove()  # the document has a new path: the old copy names the wrong file
            self._on_changed()
        elif self._written_key is None and not self._debounce.isActive():
            self._on_changed()  # e.g. a restored copy: dirty from the start

    def pending(self) -> bool:
        return self._debounce.isActive() or self._cap.isActive()

    # -- what ----------------------------------------------------------------------------------
    def write_now(self) -> Path | None:
        """Write the copy at once (if there are unsaved changes); returns its path."""
        self._debounce.stop()
        self._cap.stop()
        if not self.document.is_dirty:
            return None
        key = self.key()
        if self._written_key is not None and self._written_key != key:
            self.remove()
        file, sidecar = self.file_for(key), self.sidecar_for(key)
        try:
            write_project_copy(self.document.project, file)
            info = {
                "original": str(Path(self.document.path).resolve()) if self.document.path else None,
                "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
                "pid": os.getpid(),
                "started": process_start(os.getpid()),
                "title": self.document.project.project.title,
            }
            _atomic_write_text(sidecar, json.dumps(info, indent=2) + "\n")
        except OSError:
            return None  # a full disk must not interrupt editing; the next edit tries again
        self._written_key = key
        self.written.emit(str(file))
        return file

    def remove(self) -> None:
        """Delete the copy this saver wrote (after a save or a clean close).

        Copies left by other (crashed) sessions are never touched here.
        """
        self._debounce.stop()
        self._cap.stop()
        if self._written_key is not None:
            self.file_for(self._written_key).unlink(missing_ok=True)
            self.sidecar_for(self._written_key).unlink(missing_ok=True)
        self._written_key = None

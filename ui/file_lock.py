"""The lock that tells a second window (or a second Changemaker) that a file is already open.

``DocumentLock(path)`` holds a ``QLockFile`` named ``.NAME.lock`` beside the project file for as
long as the file is open for editing. ``QLockFile`` writes the holder's process id, host and
application name, and treats a lock whose process has gone as stale (also on Windows, where a
process id alone says little), so a crash never leaves a file locked for good. A lock made on
another computer (a shared drive) cannot be checked that way: it counts as stale when it is
older than ``STALE_MS``, so the window holding it refreshes it every ``REFRESH_MS``
(``FileController`` does, with a timer) and a lock left by a crash elsewhere expires.

A folder where no lock can be made (read-only, a drive that refuses it) does not stop the
file from opening: the changed-on-disk check before saving still guards it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo


STALE_MS = 2 * 60 * 60 * 1000  # two hours
REFRESH_MS = 10 * 60 * 1000  # ten minutes


def lock_path(path: str) -> Path:
    target = Path(path)
    return target.with_name(f".{target.name}.lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as QLockFile recorded it."""

    pid: int
    host: str
    app: str

    def describe(self) -> str:
        if self.pid == os.getpid() and self.host in ("", QSysInfo.machineHostName()):
            return f"another window of this {self.app or 'program'} (process {self.pid})"
        where = f" on {self.host}" if self.host else ""
        return f"{self.app or 'another program'} (process {self.pid}{where})"


class DocumentLock:
    """The lock of one open project file."""

    def __init__(self, path: str):
        self.path = path
        self._lock = QLockFile(str(lock_path(path)))
        self._lock.setStaleLockTime(STALE_MS)
        self.held = False

    def acquire(self) -> bool:
        """True when this window now holds the lock, or when no lock can be made here at all;
        False only when someone else holds it (see ``holder``)."""
        if self.held:
            return True
        if self._lock.tryLock(0):
            self.held = True
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> Holder | None:
        info = self._lock.getLockInfo()
        if not isinstance(info, tuple) or len(info) != 3:
            return None
        pid, host, app = info
        return Holder(int(pid), str(host), str(app))

    def refresh(self) -> None:
        """Show that the holder still runs: the lock file's time is set to now."""
        if self.held:
            try:
                os.utime(lock_path(self.path))
            except OSError:
                pass

    def release(self) -> None:
        if self.held:
            self._lock.unlock()
            self.held = False

"""The app's own settings: recent files, window geometry and small preferences.

A thin object over ``QSettings`` in INI format. The file lives in the user's data folder:
``CHANGEMAKER_DATA_DIR`` when set (tests set it), else Qt's ``AppDataLocation``. Pass the
``Settings`` object to whoever needs it; there is no global instance.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 8


def data_dir() -> Path:
    """The folder for settings and recovery copies (created on demand)."""
    override = os.environ.get("CHANGEMAKER_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location or Path.home() / ".changemaker")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def config_dir() -> Path:
    """The folder for the settings file: the platform's configuration location, once nested
    (``~/.config/changemaker`` on Linux, ``%APPDATA%/changemaker`` on Windows). With
    ``CHANGEMAKER_DATA_DIR`` set (tests), that folder holds the settings too."""
    override = os.environ.get("CHANGEMAKER_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.GenericConfigLocation)
        folder = Path(location or Path.home() / ".config") / "changemaker"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Settings:
    """Recent files, window geometry and named preferences, stored in one INI file.

    ``folder`` is the data folder (recovery copies live there); the INI file is in the same
    folder when one is given, else in the platform's configuration folder (``config_dir``).
    """

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else data_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = (self.folder if folder is not None else config_dir()) / "settings.ini"
        self._qs = QSettings(str(ini), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._qs.fileName())

    # -- generic values ------------------------------------------------------------------------
    def value(self, key: str, default: Any = None) -> Any:
        """A stored value, or ``default``; numbers come back as the type of ``default``."""
        raw = self._qs.value(key, default)
        if raw is None or default is None or isinstance(raw, type(default)):
            return raw
        try:
            if isinstance(default, bool):
                return str(raw).lower() in ("1", "true", "yes")
            return type(default)(raw)
        except (TypeError, ValueError):
            return default

    def set_value(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()

    # -- recent files --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        raw = self._qs.value("files/recent", [])
        if isinstance(raw, str):
            raw = [raw] if raw else []
        return [str(p) for p in (raw or [])][:MAX_RECENT]

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        full = str(Path(path).resolve())
        files = [full] + [p for p in self.recent_files() if p != full]
        self._qs.setValue("files/recent", files[:MAX_RECENT])
        self._qs.sync()

    def remove_recent(self, path: str | os.PathLike[str]) -> None:
        full = str(Path(path).resolve())
        self._qs.setValue("files/recent", [p for p in self.recent_files() if p != full])
        self._qs.sync()

    def clear_recent(self) -> None:
        self._qs.setValue("files/recent", [])
        self._qs.sync()

    # -- window state --------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        raw = self._qs.value("window/geometry")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.sync()

    def window_state(self) -> QByteArray | None:
        raw = self._qs.value("window/state")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_window_state(self, state: QByteArray) -> None:
        self._qs.setValue("window/state", state)
        self._qs.sync()

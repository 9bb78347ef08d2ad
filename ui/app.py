"""Entry point of the desktop app: ``python -m ui.app [FILE] [--example NAME]``.

``main()`` sets up the QApplication, builds the main window (``create_main_window``), shows it,
then offers any recovery copy a crashed session left behind (``offer_recovery``).

Two environment variables exist for tests and benchmarks only:
``CHANGEMAKER_TEST_SCRIPT`` names a JSON file of edits applied after start
(``{"edits": [{"path": ["risks", 0, "likelihood"], "value": 5, "text": "..."}]}``), and
``CHANGEMAKER_EXIT_ON_PAINT=1`` prints ``PAINTED <unix time>`` at the window's first paint
and quits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# The Qt-free core first: PySide6 inspects each module imported after it, so importing pydantic
# and the model before PySide6 makes the start measurably quicker.
import wizard.model  # noqa: F401  (isort: keep this before PySide6)
from wizard import catalog, storage  # noqa: F401

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui import dialogs
from ui.autosave import find_recoveries, read_project_copy
from ui.document import Document, EditError
from ui.main_window import APP_NAME, MainWindow
from ui.settings import Settings


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="changemaker-gui", description=f"{APP_NAME} desktop wizard")
    parser.add_argument("file", nargs="?", help="a project file to open (.changemaker.json)")
    parser.add_argument("--example", metavar="NAME", help="start from a named example, e.g. leisure")
    return parser.parse_args(argv)


def create_main_window(argv: list[str] | None = None, settings: Settings | None = None) -> MainWindow:
    """The main window with the file or example named in ``argv`` open (not yet shown)."""
    args = parse_args(argv if argv is not None else [])
    settings = settings if settings is not None else Settings()
    window = MainWindow(Document(), settings)
    if args.example:
        window.files.new_from(args.example, prompt=False)
    elif args.file:
        window.files.open_path(args.file, prompt=False)
    script = os.environ.get("CHANGEMAKER_TEST_SCRIPT")
    if script:
        QTimer.singleShot(0, lambda: run_test_script(window, Path(script)))
    return window


def offer_recovery(window: MainWindow) -> bool:
    """Offer the recovery copies of crashed sessions, newest first; True if one was restored."""
    for recovery in find_recoveries(window.settings.folder):
        answer = dialogs.ask_restore(window, recovery.question())
        if answer == "discard":
            recovery.discard()
            continue
        if answer != "restore":
            continue
        try:
            project = read_project_copy(recovery.file)
        except (storage.ProjectFileError, OSError) as err:
            dialogs.show_error(window, "Cannot restore", f"The recovery copy cannot be read: {err}")
            continue
        window.files.open_recovered(project, recovery.original)
        if window.autosaver.write_now() != recovery.file:
            recovery.discard()  # our own copy now holds the restored edits
        window.show_status("Restored unsaved changes; save to keep them")
        return True
    return False


def run_test_script(window: MainWindow, script: Path) -> None:
    """Test-only: apply the edits listed in a JSON file, as if the user had made them."""
    data = json.loads(script.read_text(encoding="utf-8"))
    for edit in data.get("edits", []):
        path = tuple(edit["path"])
        try:
            window.document.set_value(path, edit["value"], edit.get("text"))
        except EditError as err:
            print(f"EDIT REFUSED {err}", flush=True)
    print("EDITS APPLIED", flush=True)


class _FirstPaint(QObject):
    """Benchmark-only: report the first paint of a widget and quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print(f"PAINTED {time.time():.6f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from ui.xcb_check import problem

    trouble = problem() if QApplication.instance() is None else None
    if trouble:  # before Qt aborts with a message that does not name the missing libraries
        print(trouble, file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "changemaker"])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    window = create_main_window(argv)
    probe = None
    if os.environ.get("CHANGEMAKER_EXIT_ON_PAINT"):
        probe = _FirstPaint(window)
        window.installEventFilter(probe)
    window.show()
    if probe is None:
        QTimer.singleShot(0, lambda: offer_recovery(window))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

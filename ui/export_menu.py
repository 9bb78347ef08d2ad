"""File › Export: every export of the review step, reachable from any step.

``install(window)`` adds the submenu to the window's File menu; each command runs the review
page's export (the same file dialog, background job and messages as its buttons), which
suggests a file name without spaces or brackets in the folder of the last export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# (key, button text, file filter, default suffix)
EXPORTS: tuple[tuple[str, str, str, str], ...] = (
    ("pdf-public", "Business case PDF (public)…", "PDF files (*.pdf)", ".pdf"),
    ("pdf-internal", "Business case PDF (internal)…", "PDF files (*.pdf)", ".pdf"),
    ("html", "Accessible HTML (public)…", "HTML files (*.html)", ".html"),
    ("docx-public", "Business case Word (public)…", "Word documents (*.docx)", ".docx"),
    ("docx-internal", "Business case Word (internal)…", "Word documents (*.docx)", ".docx"),
    ("schedules", "Contract schedules Word (internal)…", "Word documents (*.docx)", ".docx"),
    ("ocds", "OCDS open data (public)…", "JSON files (*.json)", ".json"),
    ("risks", "Risk register (CSV or Excel)…", "CSV files (*.csv);;Excel workbooks (*.xlsx)", ".csv"),
)


def install(window: MainWindow) -> QMenu:
    menu = QMenu("&Export", window)
    menu.setObjectName("menu.export")
    file_menu = window.menus["file"]
    before = window.actions["close"]
    file_menu.insertMenu(before, menu)
    file_menu.insertSeparator(before)
    window.menus["export"] = menu
    for kind, text, _filter, _suffix in EXPORTS:
        action = QAction(text, window)
        action.setObjectName(f"action.export.{kind}")
        action.triggered.connect(lambda _checked=False, k=kind: export(window, k))
        menu.addAction(action)
        window.actions[f"export_{kind}"] = action
    return menu


def export(window: MainWindow, kind: str, path: str | None = None) -> bool:
    """Run one export from whichever step is shown (the review page does the work)."""
    review = window.page("review")
    review.settings = window.settings
    return review.start_export(kind, path)

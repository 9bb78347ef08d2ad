"""File › Export: every export of the review step, reachable from any step.

``install(window)`` adds the submenu to the window's File menu; each command runs the review
page's export (the same file dialog, background job and messages as its buttons), which
suggests a file name without spaces or brackets in the folder of the last export.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def install(window) -> QMenu:
    from ui.pages.review import EXPORTS

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


def export(window, kind: str, path: str | None = None) -> bool:
    """Run one export from whichever step is shown (the review page does the work)."""
    review = window.page("review")
    review.settings = window.settings
    return review.start_export(kind, path)

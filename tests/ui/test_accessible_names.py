"""Every control has an accessible name; every graph an accessible description in words."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QHeaderView,
    QScrollBar,
    QTableView,
    QWidget,
)

from tests.ui.page_helpers import show
from ui import dialogs
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.widgets.scene_view import SceneView
from wizard import catalog

CONTROLS = (QAbstractItemView, QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit,
            QPlainTextEdit, QAbstractSlider)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")
    win = MainWindow(Document(catalog.load_example("leisure")), Settings(tmp_path / "s"))
    show(qtbot, win)
    for page in win.pages:  # build and show every step once
        win.go_to_step(page.key)
    return win


def _inside_a_named_control(widget: QWidget) -> bool:
    """Parts of a control a screen reader reads with it: a table's header and corner button,
    a spin box's or combo's line edit, a combo's drop-down list."""
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        if isinstance(parent, QTableView) and widget.parentWidget() is parent:
            return True  # the corner button
        if type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def _described(widget: QWidget) -> str:
    name = widget.accessibleName()
    if name:
        return name
    # a QAbstractButton's own text, a label buddy or a tool tip is what a screen reader reads
    if isinstance(widget, QAbstractButton) and widget.text().strip("&…▲▼ "):
        return widget.text()
    return ""


def test_every_view_has_an_accessible_name(window):
    views = window.findChildren(QAbstractItemView)
    views = [v for v in views if not _inside_a_named_control(v)]
    assert len(views) >= 20
    unnamed = [f"{type(v).__name__} {v.objectName()!r}" for v in views if not v.accessibleName()]
    assert unnamed == [], "\n".join(unnamed)


def test_every_control_has_an_accessible_name(window):
    missing = []
    for cls in CONTROLS:
        for widget in window.findChildren(cls):
            if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
                continue
            if _inside_a_named_control(widget):
                continue
            if not _described(widget):
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert missing == [], "\n".join(missing)


def test_every_graph_describes_what_it_shows(window, qtbot):
    from wizard.export.html import export_html  # noqa: F401  (the text alternative's owner)

    window.go_to_step("review")
    review = window.current_page()
    for key, view in review.graphs.items():
        review.tabs.setCurrentWidget(view)
        assert view.accessibleName() == view.scene().title, key
        assert view.accessibleDescription() == view.scene().description, key
        assert len(view.accessibleDescription()) > 40, key
    graphs = window.findChildren(SceneView)
    assert len(graphs) >= 5
    for view in graphs:
        if view.scene() is not None:
            assert view.accessibleDescription() == view.scene().description

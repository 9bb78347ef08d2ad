"""Tab through the risk detail form: the pane moves only to reveal the focused field, no
button slides under where the last field was, and a typed space ticks no phase the user did not
choose (issue 15, item 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.page_helpers import show
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.widgets.layout_sizes import FOCUS_MARGIN_PX
from wizard import catalog


@pytest.fixture
def risks(qtbot, tmp_path, monkeypatch):
    from ui import dialogs

    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")  # closing at the end
    window = MainWindow(Document(catalog.load_example("leisure")), Settings(tmp_path / "s"))
    show(qtbot, window)
    window.go_to_step("risks")
    page = window.current_page()
    page.table.select_row(0)
    qtbot.wait(20)
    return window, page


def _rect_in(widget, viewport) -> QRect:
    return QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())


def test_tab_scrolls_the_risk_detail_only_to_reveal_the_focused_field(qtbot, risks):
    window, page = risks
    area = page.detail_scroll
    viewport = area.viewport()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than its pane: scrolling can happen
    first = page.detail.fields["description"].editor
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=1000)
    button = page.apply_typical
    moves = 0
    for _ in range(40):
        before = QApplication.focusWidget()
        if not area.widget().isAncestorOf(before):
            break  # Tab left the detail form
        old_value = bar.value()
        old_rect = _rect_in(before, viewport)
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if not area.widget().isAncestorOf(now):
            break
        rect = _rect_in(now, viewport)
        delta = bar.value() - old_value
        if delta:
            moves += 1
            # it moved just enough: the field sits at the pane's edge, within the margin
            if delta > 0:
                assert rect.top() >= -1 and (
                    rect.bottom() >= viewport.height() - FOCUS_MARGIN_PX - 2
                    or rect.top() <= FOCUS_MARGIN_PX + 1), (now.objectName(), delta)
            else:
                assert abs(rect.top() - FOCUS_MARGIN_PX) <= 1, (now.objectName(), delta)
        else:
            assert viewport.rect().contains(rect) or rect.height() > viewport.height()
        # a click where the last field was does not reach the apply button
        if button.isVisible() and now is not button:
            moved_old = old_rect.translated(0, -delta)
            assert not _rect_in(button, viewport).intersects(old_rect) or \
                _rect_in(button, viewport) == moved_old, now.objectName()
    assert moves >= 1  # the test did walk down a form taller than its pane


def test_a_space_after_tab_ticks_no_phase(qtbot, risks):
    window, page = risks
    phases = page.detail.fields["phases"].editor
    before = list(window.document.project.risks[0].phases)
    phases.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(phases, Qt.Key.Key_Space)
    assert window.document.project.risks[0].phases == before
    qtbot.keyClick(phases, Qt.Key.Key_Down)  # the user chooses an item: now Space ticks it
    qtbot.keyClick(phases, Qt.Key.Key_Space)
    assert window.document.project.risks[0].phases != before


def test_the_typical_allocation_is_one_undo_step(qtbot, risks):
    window, page = risks
    from wizard.vocab import RiskCategory

    risk = window.document.project.risks[0]
    old = (risk.allocation, risk.public_share, risk.mitigation)
    page.detail.fields["mitigation"].editor.setPlainText("")
    window.document.set_value(("risks", 0, "mitigation"), "", "Clear mitigation of R1")
    window.document.set_value(("risks", 0, "category"), RiskCategory.DEMAND, "Set category")
    assert page.apply_typical.isEnabled()
    count = window.document.undo_stack.count()
    qtbot.mouseClick(page.apply_typical, Qt.MouseButton.LeftButton)
    assert window.document.undo_stack.count() == count + 1
    changed = window.document.project.risks[0]
    assert changed.mitigation
    window.document.undo_stack.undo()
    back = window.document.project.risks[0]
    assert back.mitigation == "" and back.category is RiskCategory.DEMAND
    assert (back.allocation, back.public_share) == (old[0], old[1])
    assert isinstance(page.apply_typical.parentWidget().parentWidget(), object)
    assert page.apply_typical.parentWidget().objectName() == "risks.suggestion"
    assert not isinstance(page.apply_typical.parentWidget(), QPushButton)

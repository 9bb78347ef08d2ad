"""Every step designed for 1280x800: one scroll area per page, tables that show six rows with
the name first and whole, detail areas that show their first fields (issue 15, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from wizard import catalog

LIST_STEPS = ("partners", "phasing", "risks", "break_clauses", "steering")
DETAIL_MIN = 300  # px of detail form under a list at 1280x800
ROWS_MIN = 6


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    win = MainWindow(Document(catalog.load_example("leisure")),
                     Settings(tmp_path_factory.mktemp("layout") / "settings"))
    win.resize(1280, 800)
    win.show()
    for _ in range(5):
        qapp.processEvents()
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def _show(window, key):
    window.go_to_step(key)
    page = window.current_page()
    for _ in range(5):
        QApplication.processEvents()
    return page


def scroll_ancestors(widget: QWidget) -> list[QScrollArea]:
    found, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def test_the_window_keeps_1280_by_800_on_every_step(window):
    for key in ("project", *LIST_STEPS, "accountability", "appraisal", "commercial", "review"):
        _show(window, key)
        assert (window.width(), window.height()) == (1280, 800), key


@pytest.mark.parametrize("key", LIST_STEPS)
def test_list_steps_show_six_rows_the_whole_name_first_and_a_tall_detail(window, key):
    page = _show(window, key)
    page.table.select_row(0)
    view = page.table.view
    rows_shown = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    assert rows_shown >= ROWS_MIN
    assert page.detail_scroll.viewport().height() >= DETAIL_MIN
    header = view.horizontalHeader()
    first = next(header.logicalIndex(v) for v in range(header.count())
                 if not view.isColumnHidden(header.logicalIndex(v)))
    assert first == page.table.name_column()
    metrics = view.fontMetrics()
    names = [page.table.model.data(page.table.model.index(r, first))
             for r in range(page.table.model.rowCount())]
    assert names
    for name in names:
        assert metrics.horizontalAdvance(name) + 8 <= view.columnWidth(first), name
    # the detail form's first fields are on screen, not below the fold
    first_field = next(iter(page.detail.fields.values())).editor
    top = first_field.mapTo(page.detail_scroll.viewport(), first_field.rect().topLeft()).y()
    assert 0 <= top < page.detail_scroll.viewport().height() - first_field.height() // 2


def test_every_field_of_every_step_has_exactly_one_scroll_area_round_it(window):
    from ui.widgets.forms import BoundField

    for key in ("project", *LIST_STEPS, "accountability", "appraisal", "commercial"):
        page = _show(window, key)
        fields = page.findChildren(BoundField)
        assert fields, key
        for fld in fields:
            if fld.window() is window:
                assert len(scroll_ancestors(fld)) == 1, (key, fld.objectName())


def test_the_project_form_is_not_in_a_short_nested_box(window):
    page = _show(window, "project")
    [scroll] = scroll_ancestors(page.fields["duration_months"])
    assert scroll.viewport().height() >= 500  # the page's whole height, not ~300 px


def test_a_dragged_splitter_still_moves_the_detail(window):
    page = _show(window, "risks")
    total = sum(page.vertical.sizes())
    page.vertical.setSizes([total - 200, 200])
    assert page.vertical.sizes()[1] <= 210
    page._arrange(force=True)  # back to the designed arrangement
    assert page.detail_scroll.viewport().height() >= DETAIL_MIN

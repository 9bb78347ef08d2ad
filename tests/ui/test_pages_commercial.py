"""Step 8, commercial and management: what a user sees of the example, edits that land in
the project as undoable steps, the timeline redrawn from the timetable, and the findings'
items found on the right tab."""

from __future__ import annotations

import pytest
from page_helpers import cell_text, find, show
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QPlainTextEdit, \
    QSpinBox, QTableView

from ui.document import Document
from ui.pages.base import STEP_OF_KIND
from ui.pages.commercial import CommercialPage
from wizard import catalog
from wizard.checks import ITEM_KINDS


@pytest.fixture
def page(qtbot):
    p = CommercialPage(Document(catalog.load_example("childrens-services")))
    return show(qtbot, p)


def test_the_example_is_shown(page):
    route = find(page, QComboBox, "procurement.route")
    assert route.currentText() == "Competitive flexible procedure (s.20)"
    assert find(page, QLabel, "procurement.evaluation.total").text() == "100%"
    timetable = find(page, QTableView, "timetable.table")
    assert timetable.model().rowCount() == 9
    assert cell_text(timetable, 5, "Milestone") == "Contract award notice"
    assert cell_text(timetable, 5, "Date") == "1 Jun 2027"
    lots = find(page, QTableView, "lots.table")
    assert cell_text(lots, 1, "Value") == "£950,000"
    assert cell_text(lots, 1, "Phases") == "PH6, PH7"
    deductions = find(page, QTableView, "deductions.table")
    assert cell_text(deductions, 1, "Per failure") == "£4,000"
    assert find(page, QDoubleSpinBox, "governance.client_side_fte").value() == 4.5
    benefits = find(page, QTableView, "benefits.table")
    assert cell_text(benefits, 0, "Baseline") == "23.4%"
    texts = {t.text for t in page.timeline.scene().texts()}
    assert {"Award notice", "1 Jun 2027", "Standstill: 8 working days, to 11 Jun 2027"} <= texts


def test_weightings_edit_undo_and_show_their_total(page, qtbot):
    doc = page.document
    quality = find(page, QSpinBox, "procurement.evaluation.quality")
    quality.setValue(70)
    assert doc.project.procurement.evaluation.quality == 70
    assert find(page, QLabel, "procurement.evaluation.total").text() == "110% – must be 100%"
    doc.undo_stack.undo()
    assert doc.project.procurement.evaluation.quality == 60
    assert quality.value() == 60
    assert find(page, QLabel, "procurement.evaluation.total").text() == "100%"


def test_the_justification_shows_only_for_a_direct_award(page):
    field = find(page, QPlainTextEdit, "procurement.direct_award_justification")
    assert not field.isVisible()
    route = find(page, QComboBox, "procurement.route")
    route.setCurrentIndex(route.findText("Direct award (s.41–43)"))
    assert page.document.project.procurement.route.value == "direct_award"
    assert field.isVisible()


def test_adding_a_lot_and_a_benefit_are_undoable(page, qtbot):
    doc = page.document
    page.tabs.setCurrentIndex(0)
    page.tables["lots"].add()
    assert [lot.id for lot in doc.project.procurement.lots] == ["L1", "L2", "L3"]
    assert doc.undo_stack.undoText() == "Add lot L3"
    doc.undo_stack.undo()
    assert len(doc.project.procurement.lots) == 2
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.tables["benefits"].buttons["add"], Qt.MouseButton.LeftButton)
    assert doc.project.benefits[-1].id == "B5"


def test_moving_the_award_notice_redraws_the_standstill(page):
    doc = page.document
    row = next(i for i, e in enumerate(doc.project.procurement.timetable)
               if e.milestone.value == "contract_award_notice")
    import datetime as dt

    doc.set_value(("procurement", "timetable", row, "date"), dt.date(2027, 3, 18), "Move")
    texts = {t.text for t in page.timeline.scene().texts()}
    # Easter 2027: 8 working days after 18 March end on 1 April.
    assert "Standstill: 8 working days, to 1 Apr 2027" in texts


def test_every_commercial_item_kind_opens_its_tab(page):
    for kind, tab in (("procurement", 0), ("lots", 0), ("payment", 1), ("governance", 2),
                      ("benefits", 2), ("evaluation_plan", 2)):
        assert STEP_OF_KIND[kind] == "commercial" and kind in ITEM_KINDS
        page.tabs.setCurrentIndex((tab + 1) % 3)
        item = {"lots": "L2", "benefits": "B3"}.get(kind, "")
        assert page.select_item(kind, item)
        assert page.tabs.currentIndex() == tab
    assert page.tables["benefits"].view.currentIndex().row() == 2
    assert not page.select_item("risks", "R1")

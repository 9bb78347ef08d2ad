"""Step 4, the risk register: inline scoring, the library's typical allocation, contingent
support, the sensitive box and the risk matrix beside the table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton

from tests.ui.page_helpers import (
    cell_text,
    choose_in_cell,
    click,
    click_graph_item,
    find,
    show,
    type_into,
    type_into_cell,
)
from ui.document import Document
from ui.pages.risks import RisksPage
from wizard.catalog import risk_library
from wizard.graphs import risk_matrix
from wizard.model import Partner, Phase, Project, Risk
from wizard.vocab import Allocation, RiskCategory


def _project() -> Project:
    return Project(
        partners=[Partner(id="P1", name="Council"), Partner(id="P2", name="Builder")],
        phases=[Phase(id="PH1", name="Build"), Phase(id="PH2", name="Operate", start_month=12)],
        risks=[Risk(id="R1", title="Cost overrun", phases=["PH1"], owner="P2"),
               Risk(id="R2", title="Low demand", category=RiskCategory.DEMAND)],
    )


def _page(qtbot) -> tuple[Document, RisksPage]:
    doc = Document(_project())
    page = RisksPage(doc)
    show(qtbot, page)
    return doc, page


def test_scores_edit_inline_and_the_score_column_follows(qtbot):
    doc, page = _page(qtbot)
    view = page.table.view
    assert cell_text(view, 0, "Score") == "9 medium"
    type_into_cell(qtbot, view, 0, "Likelihood", "5")
    type_into_cell(qtbot, view, 0, "Impact", "4")
    assert (doc.project.risks[0].likelihood, doc.project.risks[0].impact) == (5, 4)
    assert cell_text(view, 0, "Likelihood") == "5 Almost certain"
    assert cell_text(view, 0, "Impact") == "4 Major"
    assert cell_text(view, 0, "Score") == "20 very high"
    assert doc.undo_stack.undoText() == "Change impact of R1"
    doc.undo_stack.undo()
    assert cell_text(view, 0, "Score") == "15 very high"


def test_choosing_a_category_offers_the_typical_allocation_and_mitigation(qtbot):
    doc, page = _page(qtbot)
    info = risk_library()[RiskCategory.LAND_AVAILABILITY]
    view = page.table.view
    page.table.select_row(0)
    choose_in_cell(qtbot, view, 0, "Category", "Land availability")
    assert doc.project.risks[0].category is RiskCategory.LAND_AVAILABILITY
    button = find(page, QPushButton, "risks.apply_typical")
    hint = find(page, QLabel, "risks.typical")
    assert button.isEnabled()
    assert hint.text().startswith("Typical for Land availability: public.")
    assert info.typical_mitigation in hint.text()
    steps = doc.undo_stack.count()
    click(qtbot, button)
    risk = doc.project.risks[0]
    assert risk.allocation is Allocation(info.typical_allocation)
    assert risk.public_share == 100
    assert risk.mitigation == info.typical_mitigation
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Apply typical allocation and mitigation to R1"
    assert cell_text(view, 0, "Allocation") == "Public"
    assert page.detail.fields["mitigation"].editor.toPlainText() == info.typical_mitigation
    assert not button.isEnabled()  # nothing left to apply
    doc.undo_stack.undo()
    assert doc.project.risks[0].allocation is Allocation.SHARED
    assert doc.project.risks[0].mitigation == ""
    assert button.isEnabled()


def test_typical_mitigation_is_added_after_existing_text(qtbot):
    doc, page = _page(qtbot)
    page.table.select_row(1)
    mitigation = page.detail.fields["mitigation"].editor
    mitigation.setFocus()
    qtbot.keyClicks(mitigation, "Break point at year five.")
    mitigation.clearFocus()
    qtbot.waitUntil(lambda: doc.project.risks[1].mitigation == "Break point at year five.")
    assert doc.undo_stack.undoText() == "Change mitigation of R2"
    click(qtbot, find(page, QPushButton, "risks.apply_typical"))
    typical = risk_library()[RiskCategory.DEMAND].typical_mitigation
    assert doc.project.risks[1].mitigation == f"Break point at year five.\n\n{typical}"


def test_out_of_range_public_share_is_refused(qtbot):
    doc, page = _page(qtbot)
    view = page.table.view
    type_into_cell(qtbot, view, 0, "Public share", "40")
    assert doc.project.risks[0].public_share == 40
    assert cell_text(view, 0, "Public share") == "40%"
    # The spin box stops at 100: typing 150 cannot get past it.
    type_into_cell(qtbot, view, 0, "Public share", "150")
    assert doc.project.risks[0].public_share <= 100


def test_phase_list_checkboxes_and_owner_combo(qtbot):
    doc, page = _page(qtbot)
    view = page.table.view
    page.table.select_row(1)
    phases = page.detail.fields["phases"].editor
    assert [phases.item(i).text() for i in range(phases.count())] == ["Build (PH1)",
                                                                     "Operate (PH2)"]
    phases.item(1).setCheckState(Qt.CheckState.Checked)  # what a click on the box does
    assert doc.project.risks[1].phases == ["PH2"]
    assert cell_text(view, 1, "Phases") == "PH2"
    choose_in_cell(qtbot, view, 1, "Owner", "Council (P1)")
    assert doc.project.risks[1].owner == "P1"
    assert cell_text(view, 1, "Owner") == "Council"


def test_contingent_support_on_off_and_its_fields(qtbot):
    doc, page = _page(qtbot)
    page.table.select_row(0)
    box = find(page, QCheckBox, "risks.contingent")
    cap = find(page, QLineEdit, "risks.contingent.cap")
    assert not cap.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert doc.project.risks[0].contingent_support is not None
    assert doc.undo_stack.undoText() == "Add contingent support for R1"
    assert cap.isEnabled()
    type_into(qtbot, cap, "5m")
    assert doc.project.risks[0].contingent_support.cap_gbp == 5_000_000
    assert cap.text() == "£5,000,000"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert doc.project.risks[0].contingent_support is None
    assert not cap.isEnabled()
    doc.undo_stack.undo()
    assert cap.text() == "£5,000,000" and box.isChecked()


def test_sensitive_box_enables_reason_and_date(qtbot):
    doc, page = _page(qtbot)
    page.table.select_row(0)
    sensitive = find(page, QCheckBox, "risks.sensitive")
    reason = find(page, QLineEdit, "risks.withheld_reason")
    assert not reason.isEnabled()
    sensitive.setFocus()
    qtbot.keyClick(sensitive, Qt.Key.Key_Space)
    assert doc.project.risks[0].sensitive is True
    assert reason.isEnabled()
    type_into(qtbot, reason, "Commercial confidentiality")
    assert doc.project.risks[0].withheld_reason == "Commercial confidentiality"
    until = page.sensitive_box.until.editor
    until.setDate(QDate(2030, 3, 31))
    assert doc.project.risks[0].withheld_until == dt.date(2030, 3, 31)
    assert doc.undo_stack.undoText() == "Change withheld until of R1"


def test_add_delete_and_problems(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "risks.add"))
    assert doc.project.risks[-1].id == "R3"
    assert doc.undo_stack.undoText() == "Add risk R3"
    assert find(page, QLabel, "risks.detail_title").text() == "Risk R3: New risk R3"
    type_into_cell(qtbot, page.table.view, 2, "Likelihood", "5")
    type_into_cell(qtbot, page.table.view, 2, "Impact", "5")
    assert "Very high risks without a mitigation: R3." in page.problems()
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_Delete)
    assert [r.id for r in doc.project.risks] == ["R1", "R2"]
    assert page.problems() == []


def test_risk_matrix_beside_the_table_follows_selection_and_clicks(qtbot):
    doc, page = _page(qtbot)
    assert page.scene_view is not None
    page.table.select_row(1)
    assert page.scene_view.scene() == risk_matrix(doc.project, highlight={"R2"})
    click_graph_item(qtbot, page.scene_view, "risks", "R1")
    assert page.table.current_id() == "R1"
    assert page.scene_view.scene() == risk_matrix(doc.project, highlight={"R1"})
    with qtbot.waitSignal(page.selectionChanged) as signal:
        page.table.select_row(1)
    assert signal.args == ["risks", "R2"]
    type_into_cell(qtbot, page.table.view, 1, "Impact", "5")
    assert page.scene_view.scene() == risk_matrix(doc.project, highlight={"R2"})
    assert isinstance(page.detail.fields["description"].editor, QPlainTextEdit)


def test_long_text_commits_after_a_pause_in_typing_as_one_step(qtbot):
    doc, page = _page(qtbot)
    page.table.select_row(0)
    description = page.detail.fields["description"].editor
    description.setFocus()
    qtbot.keyClicks(description, "Steel prices")
    qtbot.waitUntil(lambda: doc.project.risks[0].description == "Steel prices", timeout=3000)
    qtbot.keyClicks(description, " rise")
    qtbot.waitUntil(lambda: doc.project.risks[0].description == "Steel prices rise", timeout=3000)
    assert doc.undo_stack.count() == 1  # the pauses merge into one undo step
    assert doc.undo_stack.undoText() == "Change description of R1"
    doc.undo_stack.undo()
    assert description.toPlainText() == ""

"""Step 7, accountability and social impact: the flat form, KPIs and social objectives."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit, QSpinBox, QToolButton

from tests.ui.page_helpers import (
    cell_text,
    choose_in_cell,
    click,
    click_check,
    find,
    open_editor,
    press_enter,
    show,
    type_into,
    type_into_cell,
)
from ui.document import Document
from ui.pages.accountability import AccountabilityPage
from wizard.model import Partner, Project, ProjectInfo


def _page(qtbot):
    doc = Document(Project(project=ProjectInfo(value_gbp=48_600_000),
                           partners=[Partner(id="P1", name="Aquaterra Leisure")]))
    page = AccountabilityPage(doc)
    show(qtbot, page)
    return doc, page


def test_flat_form_checkboxes_money_and_optional_target(qtbot):
    doc, page = _page(qtbot)
    open_book = find(page, QCheckBox, "accountability.open_book")
    qtbot.mouseClick(open_book, Qt.MouseButton.LeftButton, pos=QPoint(8, open_book.height() // 2))
    assert doc.project.accountability.open_book is True
    assert doc.undo_stack.undoText() == "Change open book accounting"
    threshold = find(page, QLineEdit, "accountability.subcontract_threshold_gbp")
    assert threshold.text() == "£25,000"
    type_into(qtbot, threshold, "10k")
    assert doc.project.accountability.subcontract_threshold_gbp == 10_000
    assert threshold.text() == "£10,000"
    target = find(page, QSpinBox, "accountability.sme_spend_target_pct")
    assert target.text() == "—"
    type_into(qtbot, target, "30")
    assert doc.project.accountability.sme_spend_target_pct == 30
    assert target.text() == "30%"
    doc.undo_stack.undo()
    assert doc.project.accountability.sme_spend_target_pct is None
    assert target.text() == "—"


def test_kpis_and_the_procurement_act_minimum(qtbot):
    doc, page = _page(qtbot)
    assert "Contracts over £5 million need at least 3 KPIs; this one has 0." in page.problems()
    add = find(page, QToolButton, "kpis.add")
    for _ in range(3):
        click(qtbot, add)
    view = page.kpis.view
    type_into_cell(qtbot, view, 0, "KPI", "Visits a year")
    type_into_cell(qtbot, view, 0, "Assessed every", "6")
    choose_in_cell(qtbot, view, 0, "Owner", "Aquaterra Leisure (P1)")
    kpi = doc.project.kpis[0]
    assert (kpi.id, kpi.name, kpi.assessed_every_months, kpi.owner) == (
        "K1", "Visits a year", 6, "P1")
    assert cell_text(view, 0, "Assessed every") == "6 months"
    assert not any("KPIs" in p for p in page.problems())


def test_social_impact_objective_with_date_and_flags(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "social_impact.add"))
    view = page.social.view
    type_into_cell(qtbot, view, 0, "Outcome", "More children swim 25 metres")
    type_into_cell(qtbot, view, 0, "Target", "95%")
    editor = open_editor(qtbot, view, 0, "By")
    assert isinstance(editor, QDateEdit)
    editor.setDate(editor.date().fromString("2032-07-31", "yyyy-MM-dd"))
    press_enter(qtbot, view, editor)
    click_check(qtbot, view, 0, "Published")
    objective = doc.project.social_impact[0]
    assert objective.outcome == "More children swim 25 metres" and objective.target == "95%"
    assert objective.date == dt.date(2032, 7, 31) and objective.published
    assert cell_text(view, 0, "By") == "31 Jul 2032"
    assert page.problems() == ["Contracts over £5 million need at least 3 KPIs; this one has 0."]

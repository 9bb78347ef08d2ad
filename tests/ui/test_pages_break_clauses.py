"""Step 5, break clauses: triggers, months, the library's typical notice and compensation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QPushButton, QToolButton

from tests.ui.page_helpers import (
    cell_text,
    choose_in_cell,
    click,
    find,
    show,
    tick_in_cell,
    type_into_cell,
)
from ui.document import Document
from ui.pages.break_clauses import BreakClausesPage
from wizard.catalog import clause_library
from wizard.model import Phase, Project
from wizard.vocab import BreakTrigger, Compensation


def _page(qtbot):
    doc = Document(Project(phases=[Phase(id="PH1", name="Build"),
                                   Phase(id="PH2", name="Operate", start_month=12)]))
    page = BreakClausesPage(doc)
    show(qtbot, page)
    return doc, page


def test_add_a_change_of_control_clause_and_apply_typical_terms(qtbot):
    doc, page = _page(qtbot)
    assert page.problems() == ["No break clauses yet: add at least a change-of-control clause."]
    click(qtbot, find(page, QToolButton, "break_clauses.add"))
    view = page.table.view
    clause = doc.project.break_clauses[0]
    assert (clause.id, clause.trigger) == ("B1", BreakTrigger.CHANGE_OF_CONTROL)
    choose_in_cell(qtbot, view, 0, "Trigger", "Voluntary (public-interest) termination")
    info = clause_library()[BreakTrigger.VOLUNTARY]
    hint = find(page, QLabel, "break_clauses.typical")
    assert hint.text() == (f"Typical for voluntary (public-interest) termination: "
                           f"{info.typical_notice_months} months' notice, "
                           f"compensation agreed formula.")
    button = find(page, QPushButton, "break_clauses.apply_typical")
    assert button.isEnabled()
    click(qtbot, button)
    clause = doc.project.break_clauses[0]
    assert clause.notice_months == info.typical_notice_months
    assert clause.compensation is Compensation.AGREED_FORMULA
    assert clause.description == info.description
    assert cell_text(view, 0, "Notice (months)") == str(info.typical_notice_months)
    assert doc.undo_stack.undoText() == "Apply typical notice and compensation to B1"
    # The formula field opens once compensation is by agreed formula.
    formula = find(page, QPlainTextEdit, "break_clauses.formula")
    assert formula.isEnabled()
    assert page.problems() == []


def test_months_phases_and_refusals(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "break_clauses.add"))
    view = page.table.view
    type_into_cell(qtbot, view, 0, "Earliest month", "60")
    type_into_cell(qtbot, view, 0, "Notice (months)", "9")
    choose_in_cell(qtbot, view, 0, "Compensation", "Book value")
    assert doc.project.break_clauses[0].earliest_month == 60
    assert doc.project.break_clauses[0].notice_months == 9
    assert doc.project.break_clauses[0].compensation is Compensation.BOOK_VALUE
    formula = find(page, QPlainTextEdit, "break_clauses.formula")
    assert not formula.isEnabled()
    phases = find(page, QListWidget, "break_clauses.phases")
    phases.item(1).setCheckState(Qt.CheckState.Checked)
    assert doc.project.break_clauses[0].phases == ["PH2"]
    tick_in_cell(qtbot, view, 0, "Phases", ["Build (PH1)"])
    assert doc.project.break_clauses[0].phases == ["PH1", "PH2"]
    assert cell_text(view, 0, "Phases") == "PH1, PH2"
    assert [phases.item(i).checkState() for i in range(2)] == [Qt.CheckState.Checked] * 2


def test_detail_names_the_clause_and_the_typical_terms(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "break_clauses.add"))
    assert page.detail_title.text() == "Break clause B1: Change of control"
    notice = clause_library()[BreakTrigger.CHANGE_OF_CONTROL].typical_notice_months
    assert find(page, QLabel, "break_clauses.typical").text() == (
        f"Typical for change of control: {notice} months' notice, no compensation.")

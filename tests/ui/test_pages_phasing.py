"""Step 3, phasing: phases in a table with the phase map beside it, dependencies, problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton, QToolButton

from tests.ui.page_helpers import (
    cell_text,
    choose_in_cell,
    click,
    click_graph_item,
    click_check,
    find,
    show,
    tick_in_cell,
    type_into,
    type_into_cell,
)
from ui.document import Document
from ui.pages.phasing import PhasingPage
from wizard.graphs import phase_map
from wizard.model import Partner, Project, ProjectInfo
from wizard.vocab import PhaseKind


def _page(qtbot, project: Project | None = None) -> tuple[Document, PhasingPage]:
    doc = Document(project or Project(
        project=ProjectInfo(duration_months=60),
        partners=[Partner(id="P1", name="Halden Construction")],
    ))
    page = PhasingPage(doc)
    show(qtbot, page)
    return doc, page


def test_build_phases_with_the_keyboard_and_mouse(qtbot):
    doc, page = _page(qtbot)
    assert page.problems() == ["No phases yet: divide the contract into at least one phase."]
    add = find(page, QToolButton, "phases.add")
    click(qtbot, add)
    click(qtbot, add)
    view = page.table.view
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2"]
    assert doc.project.phases[1].start_month == 12  # a new phase starts where the last ends
    type_into_cell(qtbot, view, 0, "Name", "Design and build")
    choose_in_cell(qtbot, view, 0, "Kind", "Design and build")
    type_into_cell(qtbot, view, 0, "Months", "24")
    choose_in_cell(qtbot, view, 0, "Provider", "Halden Construction (P1)")
    type_into_cell(qtbot, view, 0, "Value", "21400000")
    click_check(qtbot, view, 0, "Bundled")
    tick_in_cell(qtbot, view, 1, "Depends on", ["Design and build (PH1)"])
    type_into_cell(qtbot, view, 1, "Review month", "36")

    first, second = doc.project.phases
    assert (first.name, first.kind, first.duration_months) == ("Design and build",
                                                                PhaseKind.DESIGN_AND_BUILD, 24)
    assert (first.provider, first.value_gbp, first.bundled) == ("P1", 21_400_000, True)
    assert second.depends_on == ["PH1"] and second.review_month == 36
    assert cell_text(view, 0, "Value") == "£21,400,000"
    assert cell_text(view, 0, "Provider") == "Halden Construction"
    assert cell_text(view, 1, "Review month") == "36"
    assert page.problems() == []


def test_schedule_problems_are_reported_for_next(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "phases.add"))
    type_into_cell(qtbot, page.table.view, 0, "Months", "72")
    assert page.problems() == ["The phases run to month 72, past the contract's 60 months"]


def test_dependency_checklist_and_loops(qtbot):
    doc, page = _page(qtbot)
    add = find(page, QToolButton, "phases.add")
    click(qtbot, add)
    click(qtbot, add)
    page.table.select_row(1)
    deps = find(page, QListWidget, "phases.depends_on")
    assert [deps.item(i).text() for i in range(deps.count())] == ["Phase 1 (PH1)"]
    deps.item(0).setCheckState(Qt.CheckState.Checked)
    assert doc.project.phases[1].depends_on == ["PH1"]
    assert cell_text(page.table.view, 1, "Depends on") == "PH1"
    page.table.select_row(0)
    deps.item(0).setCheckState(Qt.CheckState.Checked)
    # PH2 already follows PH1: making PH1 depend on PH2 would close a loop, so it is refused.
    assert doc.project.phases[0].depends_on == []
    assert deps.item(0).checkState() == Qt.CheckState.Unchecked
    error = find(page, QLabel, "phases.depends_on.error")
    assert "Phase 1 → Phase 2 → Phase 1" in error.text()
    assert not any("loop" in p for p in page.problems())


def test_a_dependency_typed_in_the_table_that_closes_a_loop_is_refused(qtbot):
    doc, page = _page(qtbot)
    add = find(page, QToolButton, "phases.add")
    for _ in range(3):
        click(qtbot, add)
    tick_in_cell(qtbot, page.table.view, 1, "Depends on", ["Phase 1 (PH1)"])
    tick_in_cell(qtbot, page.table.view, 2, "Depends on", ["Phase 2 (PH2)"])
    steps = doc.undo_stack.count()
    tick_in_cell(qtbot, page.table.view, 0, "Depends on", ["Phase 3 (PH3)"])
    assert [p.depends_on for p in doc.project.phases] == [[], ["PH1"], ["PH2"]]
    assert doc.undo_stack.count() == steps
    assert page.table.message.isVisible()
    assert "Phase 1 → Phase 2 → Phase 3 → Phase 1" in page.table.message.text()


def test_a_phase_is_not_offered_as_its_own_dependency(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "phases.add"))
    click(qtbot, find(page, QToolButton, "phases.add"))
    offered = tick_in_cell(qtbot, page.table.view, 0, "Depends on", [])
    assert offered == ["Phase 2 (PH2)"]
    assert [p.depends_on for p in doc.project.phases] == [[], []]


def test_outcomes_list_and_sensitive_phase(qtbot):
    doc, page = _page(qtbot)
    click(qtbot, find(page, QToolButton, "phases.add"))
    click(qtbot, find(page, QPushButton, "phases.outcomes.add"))
    lines = find(page, QListWidget, "phases.outcomes.list")
    editor = [w for w in lines.viewport().findChildren(QLineEdit) if w.isVisible()][-1]
    qtbot.keyClicks(editor, "New pool open")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.project.phases[0].outcomes == ["New pool open"])
    sensitive = find(page, QCheckBox, "phases.sensitive")
    sensitive.setFocus()
    qtbot.keyClick(sensitive, Qt.Key.Key_Space)
    type_into(qtbot, find(page, QLineEdit, "phases.withheld_reason"), "Land deal")
    phase = doc.project.phases[0]
    assert phase.sensitive and phase.withheld_reason == "Land deal"


def test_deleting_a_phase_keeps_selection_and_detail_in_step(qtbot):
    doc, page = _page(qtbot)
    add = find(page, QToolButton, "phases.add")
    for _ in range(3):
        click(qtbot, add)
    page.table.select_row(1)
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_Delete)
    assert [p.id for p in doc.project.phases] == ["PH1", "PH3"]
    assert page.table.current_id() == "PH3"
    assert page.detail_title.text() == "Phase PH3: Phase 3"
    doc.undo_stack.undo()
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2", "PH3"]
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert page.table.current_row() == -1
    assert page.detail_title.text() == "Add or select a phase to see its details."
    assert not page.detail.fields["description"].editor.isEnabled()


def test_phase_map_highlights_the_selected_phase(qtbot):
    doc, page = _page(qtbot)
    assert page.scene_view is not None
    add = find(page, QToolButton, "phases.add")
    click(qtbot, add)
    click(qtbot, add)
    page.table.select_row(0)
    assert page.scene_view.scene() == phase_map(doc.project, highlight={"PH1"})
    click_graph_item(qtbot, page.scene_view, "phases", "PH2")
    assert page.table.current_id() == "PH2"
    assert page.scene_view.scene() == phase_map(doc.project, highlight={"PH2"})
    with qtbot.waitSignal(page.selectionChanged) as signal:
        page.scene_view.itemClicked.emit("break_clauses", "B1")
    assert signal.args == ["break_clauses", "B1"]

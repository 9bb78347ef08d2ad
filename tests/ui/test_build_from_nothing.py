"""Acceptance: build a project from nothing through all nine steps with key and mouse clicks,
save, reopen and compare with the model; undo back to the start restores the blank project."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
)

from tests.ui.page_helpers import (
    choose_in_cell,
    click,
    click_check,
    find,
    show,
    type_into,
    type_into_cell,
)
from ui import dialogs
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from wizard.checks import run_checks
from wizard.model import Project
from wizard.storage import load, save
from wizard.vocab import Allocation, BreakTrigger, Compensation, PartnerKind, RiskCategory


def _add_line(qtbot, window, name: str, text: str) -> None:
    """Add a line to a string list (commissioners, objectives, outcomes) by typing it."""
    click(qtbot, find(window, QPushButton, f"{name}.add"))
    lines = find(window, QListWidget, f"{name}.list")
    editor = [w for w in lines.viewport().findChildren(QLineEdit) if w.isVisible()][-1]
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: text in [lines.item(i).text() for i in range(lines.count())])


def _type_text(qtbot, editor: QPlainTextEdit, text: str, done) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    editor.clearFocus()
    qtbot.waitUntil(done)


def _tick(qtbot, box: QCheckBox) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _next(qtbot, window, key: str) -> None:
    click(qtbot, find(window, QPushButton, "steps.next"))
    assert window.current_step() == key


def test_build_from_nothing_save_reopen_and_undo_all(qtbot, tmp_path, monkeypatch):
    # The windows are closed at teardown with unsaved changes: answered before anything can
    # fail, so a failed assertion never leaves an "Unsaved changes" box waiting for a click.
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")
    blank = Project()
    doc = Document(blank.model_copy(deep=True))
    window = MainWindow(doc, Settings(tmp_path / "settings"), autosave_delay_ms=60_000,
                        autosave_cap_ms=120_000)
    show(qtbot, window)
    p = doc.project  # re-read after each step: structural edits replace the project

    # 1 Project ----------------------------------------------------------------------------------
    assert window.current_step() == "project"
    todo = find(window, QLabel, "steps.todo")  # filled in once the window has painted
    qtbot.waitUntil(lambda: "Give the project a title." in todo.text())
    assert "Give the project a title." in todo.text()
    type_into(qtbot, find(window, QLineEdit, "project.title"), "Marshfield leisure partnership")
    _add_line(qtbot, window, "project.commissioners", "Marshfield District Council")
    type_into(qtbot, find(window, QLineEdit, "project.place"), "Marshfield – Ystradgynlais ŵ")
    type_into(qtbot, find(window, QLineEdit, "project.service_area"), "Leisure")
    _type_text(qtbot, find(window, QPlainTextEdit, "project.case_for_change"),
               "The pools are failing.",
               lambda: doc.project.project.case_for_change == "The pools are failing.")
    _add_line(qtbot, window, "project.objectives", "Double participation by 2032")
    qtbot.keyClick(find(window, QComboBox, "project.stage"), Qt.Key.Key_Down)
    type_into(qtbot, find(window, QLineEdit, "project.value_gbp"), "48.6m")
    type_into(qtbot, find(window, QSpinBox, "project.duration_months"), "180")
    add_option = find(window, QToolButton, "options.add")
    click(qtbot, add_option)
    click(qtbot, add_option)
    options = window.page("project").options.view
    type_into_cell(qtbot, options, 0, "Option", "Do minimum")
    type_into_cell(qtbot, options, 1, "Option", "Phased partnership")
    click_check(qtbot, options, 1, "Preferred")
    _type_text(qtbot, find(window, QPlainTextEdit, "options.reason"), "Keeps exits open",
               lambda: doc.project.project.options[1].reason == "Keeps exits open")
    assert window.page("project").problems() == []

    # 2 Partners ---------------------------------------------------------------------------------
    _next(qtbot, window, "partners")
    add_partner = find(window, QToolButton, "partners.add")
    click(qtbot, add_partner)
    click(qtbot, add_partner)
    partners = window.page("partners").table.view
    type_into_cell(qtbot, partners, 0, "Name", "Marshfield District Council")
    choose_in_cell(qtbot, partners, 0, "Kind", "Public body")
    type_into_cell(qtbot, partners, 1, "Name", "Aquaterra Leisure")
    click_check(qtbot, partners, 1, "Local")

    # 3 Phasing ----------------------------------------------------------------------------------
    _next(qtbot, window, "phasing")
    add_phase = find(window, QToolButton, "phases.add")
    click(qtbot, add_phase)
    click(qtbot, add_phase)
    phases = window.page("phasing").table.view
    type_into_cell(qtbot, phases, 0, "Name", "Design and build")
    choose_in_cell(qtbot, phases, 0, "Kind", "Design and build")
    type_into_cell(qtbot, phases, 0, "Months", "24")
    type_into_cell(qtbot, phases, 1, "Name", "Operation")
    type_into_cell(qtbot, phases, 1, "Start month", "24")
    type_into_cell(qtbot, phases, 1, "Months", "156")
    choose_in_cell(qtbot, phases, 1, "Provider", "Aquaterra Leisure (P2)")
    type_into_cell(qtbot, phases, 1, "Value", "21,200,000")
    window.page("phasing").table.select_row(1)
    deps = find(window, QListWidget, "phases.depends_on")
    deps.item(0).setCheckState(Qt.CheckState.Checked)
    _add_line(qtbot, window, "phases.outcomes", "Visits up 30%")
    _tick(qtbot, find(window, QCheckBox, "phases.sensitive"))
    type_into(qtbot, find(window, QLineEdit, "phases.withheld_reason"), "Price under negotiation")
    assert window.page("phasing").problems() == []

    # 4 Risks ------------------------------------------------------------------------------------
    _next(qtbot, window, "risks")
    click(qtbot, find(window, QToolButton, "risks.add"))
    risks = window.page("risks").table.view
    type_into_cell(qtbot, risks, 0, "Title", "Fewer visits than forecast")
    choose_in_cell(qtbot, risks, 0, "Category", "Demand (volume)")
    click(qtbot, find(window, QPushButton, "risks.apply_typical"))
    type_into_cell(qtbot, risks, 0, "Likelihood", "4")
    type_into_cell(qtbot, risks, 0, "Impact", "4")
    choose_in_cell(qtbot, risks, 0, "Owner", "Aquaterra Leisure (P2)")
    find(window, QListWidget, "risks.phases").item(1).setCheckState(Qt.CheckState.Checked)

    # 5 Break clauses ----------------------------------------------------------------------------
    _next(qtbot, window, "break_clauses")
    click(qtbot, find(window, QToolButton, "break_clauses.add"))
    click(qtbot, find(window, QPushButton, "break_clauses.apply_typical"))
    type_into_cell(qtbot, window.page("break_clauses").table.view, 0, "Earliest month", "36")

    # 6 Steering groups --------------------------------------------------------------------------
    _next(qtbot, window, "steering")
    click(qtbot, find(window, QToolButton, "steering_groups.add"))
    type_into_cell(qtbot, window.page("steering").table.view, 0, "Name", "Residents' panel")
    click(qtbot, find(window, QToolButton, "steering_groups.members.add"))
    type_into_cell(qtbot, window.page("steering").members.view, 0, "Seats", "8")

    # 7 Accountability ---------------------------------------------------------------------------
    _next(qtbot, window, "accountability")
    _tick(qtbot, find(window, QCheckBox, "accountability.open_book"))
    _tick(qtbot, find(window, QCheckBox, "accountability.living_wage"))
    add_kpi = find(window, QToolButton, "kpis.add")
    for _ in range(3):
        click(qtbot, add_kpi)
    type_into_cell(qtbot, window.page("accountability").kpis.view, 0, "KPI", "Visits a year")
    click(qtbot, find(window, QToolButton, "social_impact.add"))
    type_into_cell(qtbot, window.page("accountability").social.view, 0, "Outcome",
                   "Every child swims 25 metres")
    assert window.page("accountability").problems() == []

    # 8 Options appraisal: at OBC the options still need costs and benefits by year ------------
    _next(qtbot, window, "appraisal")
    assert any("has no costs or benefits by year" in f.message
               for f in run_checks(window.document.project) if f.rule == "appraisal-cash-flows")

    # 9 Commercial and management: the SRO on the governance tab -----------------------------
    _next(qtbot, window, "commercial")
    tabs = window.page("commercial").tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(2).center())
    type_into(qtbot, find(window, QLineEdit, "governance.senior_responsible_owner"),
              "Director of Communities")

    # 9 Review -----------------------------------------------------------------------------------
    _next(qtbot, window, "review")

    # What the clicks built -----------------------------------------------------------------------
    p = doc.project
    assert p.project.title == "Marshfield leisure partnership"
    assert p.project.commissioners == ["Marshfield District Council"]
    assert p.project.place == "Marshfield – Ystradgynlais ŵ"
    assert p.project.value_gbp == 48_600_000 and p.project.duration_months == 180
    assert [(o.name, o.preferred) for o in p.project.options] == [
        ("Do minimum", False), ("Phased partnership", True)]
    assert [(x.id, x.name, x.kind, x.local) for x in p.partners] == [
        ("P1", "Marshfield District Council", PartnerKind.PUBLIC, False),
        ("P2", "Aquaterra Leisure", PartnerKind.PRIVATE, True)]
    ops = p.phases[1]
    assert (ops.start_month, ops.duration_months, ops.provider, ops.value_gbp) == (
        24, 156, "P2", 21_200_000)
    assert ops.depends_on == ["PH1"] and ops.outcomes == ["Visits up 30%"]
    assert ops.sensitive and ops.withheld_reason == "Price under negotiation"
    risk = p.risks[0]
    assert (risk.category, risk.likelihood, risk.impact, risk.owner, risk.phases) == (
        RiskCategory.DEMAND, 4, 4, "P2", ["PH2"])
    assert risk.allocation is Allocation.SHARED and risk.mitigation
    clause = p.break_clauses[0]
    assert (clause.trigger, clause.notice_months, clause.compensation, clause.earliest_month) == (
        BreakTrigger.CHANGE_OF_CONTROL, 6, Compensation.NONE, 36)
    assert p.steering_groups[0].members[0].seats == 8
    assert p.accountability.open_book and p.accountability.living_wage
    assert [k.id for k in p.kpis] == ["K1", "K2", "K3"]
    assert p.social_impact[0].outcome == "Every child swims 25 metres"
    assert p.governance.senior_responsible_owner == "Director of Communities"

    # Save, reopen, compare ----------------------------------------------------------------------
    # File > Save (Ctrl+S) asks for a name the first time; then a second window opens the file
    # with File > Open (Ctrl+O) and shows the same project.
    path = tmp_path / "leisure.changemaker.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: str(tmp_path / "leisure"))
    window.activateWindow()
    window.step_list.setFocus()
    qtbot.keyClick(window.step_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.document.path == str(path) and not window.isWindowModified()
    assert load(path) == doc.project
    reopened = MainWindow(Document(), Settings(tmp_path / "settings"))
    qtbot.addWidget(reopened)
    show(qtbot, reopened)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: str(path))
    # The first window still has the file open: the second is told and opens it read-only.
    told = []
    monkeypatch.setattr(dialogs, "ask_locked", lambda *args: told.append(args[1]) or "read_only")
    reopened.activateWindow()
    qtbot.waitUntil(reopened.isActiveWindow)
    reopened.step_list.setFocus()
    qtbot.keyClick(reopened.step_list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert reopened.document.project == doc.project
    assert told == ["leisure.changemaker.json"] and reopened.files.read_only
    assert find(reopened, QLineEdit, "project.title").text() == "Marshfield leisure partnership"
    reopened.go_to_step("risks")
    assert reopened.page("risks").table.view.model().rowCount() == 1
    save(doc.project, tmp_path / "direct.changemaker.json")  # the storage layer agrees byte for byte
    assert (tmp_path / "direct.changemaker.json").read_bytes() == path.read_bytes()

    # Undo everything: back to the blank project, exactly -----------------------------------------
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.project == blank
    assert doc.project.model_dump() == blank.model_dump()
    assert find(window, QLineEdit, "project.title").text() == "Untitled contract"
    window.go_to_step("phasing")
    assert window.page("phasing").table.view.model().rowCount() == 0

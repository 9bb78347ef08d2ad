"""Step 6, community steering groups: the group table and the members table inside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QToolButton

from tests.ui.page_helpers import cell_text, choose_in_cell, click, find, show, type_into_cell
from ui.document import Document
from ui.pages.steering import SteeringPage
from wizard.vocab import Influence, MemberKind, Stage


def test_group_with_members_stages_and_remit(qtbot):
    doc = Document()
    page = SteeringPage(doc)
    show(qtbot, page)
    click(qtbot, find(page, QToolButton, "steering_groups.add"))
    view = page.table.view
    type_into_cell(qtbot, view, 0, "Name", "Leisure residents' panel")
    type_into_cell(qtbot, view, 0, "Meetings a year", "6")
    choose_in_cell(qtbot, view, 0, "Influence", "Collaborate")
    type_into_cell(qtbot, view, 0, "Board seats", "2")
    group = doc.project.steering_groups[0]
    assert (group.name, group.meetings_per_year, group.influence, group.board_seats) == (
        "Leisure residents' panel", 6, Influence.COLLABORATE, 2)
    assert page.problems() == ["Steering group SG1 (Leisure residents' panel) has no members yet."]

    stages = find(page, QListWidget, "steering_groups.stages")
    assert [stages.item(i).checkState() for i in range(3)] == [Qt.CheckState.Checked] * 3
    stages.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert doc.project.steering_groups[0].stages == [Stage.DESIGN, Stage.DELIVERY]

    add_member = find(page, QToolButton, "steering_groups.members.add")
    click(qtbot, add_member)
    click(qtbot, add_member)
    members = page.members.view
    choose_in_cell(qtbot, members, 1, "Members", "Young people")
    type_into_cell(qtbot, members, 1, "Seats", "3")
    type_into_cell(qtbot, members, 1, "Note", "From the youth council")
    group = doc.project.steering_groups[0]
    assert [(m.kind, m.seats, m.note) for m in group.members] == [
        (MemberKind.RESIDENTS, 1, ""), (MemberKind.YOUNG_PEOPLE, 3, "From the youth council")]
    assert doc.undo_stack.undoText() == "Change note of member 2"
    assert cell_text(members, 1, "Members") == "Young people"
    assert page.problems() == []

    remit = find(page, QPlainTextEdit, "steering_groups.remit")
    remit.setFocus()
    qtbot.keyClicks(remit, "Shape the new pool's programme")
    remit.clearFocus()
    qtbot.waitUntil(
        lambda: doc.project.steering_groups[0].remit == "Shape the new pool's programme")


def test_members_follow_the_selected_group(qtbot):
    doc = Document()
    page = SteeringPage(doc)
    show(qtbot, page)
    add = find(page, QToolButton, "steering_groups.add")
    click(qtbot, add)
    click(qtbot, find(page, QToolButton, "steering_groups.members.add"))
    click(qtbot, add)
    assert page.table.current_id() == "SG2"
    assert page.members.view.model().rowCount() == 0
    page.table.select_row(0)
    assert page.members.view.model().rowCount() == 1
    page.members.select_row(0)
    click(qtbot, find(page, QToolButton, "steering_groups.members.delete"))
    assert doc.project.steering_groups[0].members == []
    assert doc.undo_stack.undoText() == "Delete member 1"
    doc.undo_stack.undo()
    assert page.members.view.model().rowCount() == 1

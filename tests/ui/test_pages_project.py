"""Step 1, the project page, used as a user would: typing, choosing, refusals, options."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QToolButton,
)

from tests.ui.page_helpers import (
    cell_text,
    click,
    click_check,
    find,
    show,
    type_into,
    type_into_cell,
)
from ui.document import Document
from ui.pages.project import ProjectPage
from wizard.model import Project
from wizard.vocab import BusinessCaseStage, DeliveryModel


def _page(qtbot, project: Project | None = None) -> tuple[Document, ProjectPage]:
    doc = Document(project or Project())
    page = ProjectPage(doc)
    show(qtbot, page)
    return doc, page


def test_typing_a_title_sets_it_and_names_the_undo_step(qtbot):
    doc, page = _page(qtbot)
    title = find(page, QLineEdit, "project.title")
    type_into(qtbot, title, "Marshfield leisure centres")
    assert doc.project.project.title == "Marshfield leisure centres"
    assert doc.undo_stack.undoText() == "Change title"
    doc.undo_stack.undo()
    assert title.text() == "Untitled contract"


def test_empty_title_is_refused_at_the_field(qtbot):
    doc, page = _page(qtbot)
    title = find(page, QLineEdit, "project.title")
    type_into(qtbot, title, "")
    error = find(page, QLabel, "project.title.error")
    assert error.isVisible()
    assert error.text() == "Title cannot be empty"
    assert doc.project.project.title == "Untitled contract"
    assert title.text() == "Untitled contract"  # the field went back to the project's value
    assert not doc.undo_stack.canUndo()
    type_into(qtbot, title, "Leisure")
    assert not error.isVisible()


def test_money_accepts_millions_and_shows_pounds_with_separators(qtbot):
    doc, page = _page(qtbot)
    value = find(page, QLineEdit, "project.value_gbp")
    type_into(qtbot, value, "48.6m")
    assert doc.project.project.value_gbp == 48_600_000
    assert value.text() == "£48,600,000"
    type_into(qtbot, value, "£1,250,000")
    assert doc.project.project.value_gbp == 1_250_000
    assert value.text() == "£1,250,000"


def test_money_with_pence_is_refused_with_a_message(qtbot):
    doc, page = _page(qtbot)
    value = find(page, QLineEdit, "project.value_gbp")
    type_into(qtbot, value, "12.50")
    assert doc.project.project.value_gbp == 0
    assert find(page, QLabel, "project.value_gbp.error").text() == (
        "Estimated value: enter whole pounds, without pence (not 12.50)")
    assert value.text() == "£0"


def test_combo_spin_and_date_fields(qtbot):
    doc, page = _page(qtbot)
    stage = find(page, QComboBox, "project.stage")
    assert stage.currentText() == "Strategic outline case (SOC)"
    qtbot.keyClick(stage, Qt.Key.Key_Down)
    assert doc.project.project.stage is BusinessCaseStage.OBC
    assert stage.currentText() == "Outline business case (OBC)"

    duration = find(page, QSpinBox, "project.duration_months")
    type_into(qtbot, duration, "180")
    assert doc.project.project.duration_months == 180
    assert duration.text() == "180 months"

    start = find(page, QDateEdit, "project.start")
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Up)  # steps the day: 1 Apr 2027 -> 2 Apr 2027
    start.clearFocus()
    qtbot.waitUntil(lambda: doc.project.project.start == dt.date(2027, 4, 2))
    assert doc.undo_stack.undoText() == "Change contract start"


def test_other_delivery_model_field_opens_only_for_other(qtbot):
    doc, page = _page(qtbot)
    other = find(page, QLineEdit, "project.delivery_model_other")
    assert not other.isEnabled()
    model = find(page, QComboBox, "project.delivery_model")
    model.setCurrentIndex(model.findText("Other"))
    assert doc.project.project.delivery_model is DeliveryModel.OTHER
    assert other.isEnabled()
    type_into(qtbot, other, "Community interest company")
    assert doc.project.project.delivery_model_other == "Community interest company"


def test_commissioners_list_add_edit_remove(qtbot):
    doc, page = _page(qtbot)
    lines = find(page, QListWidget, "project.commissioners.list")
    click(qtbot, find(page, QPushButton, "project.commissioners.add"))
    editor = lines.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "Marshfield District Council")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.project.project.commissioners == ["Marshfield District Council"])
    click(qtbot, find(page, QPushButton, "project.commissioners.add"))
    editor = [w for w in lines.viewport().findChildren(QLineEdit) if w.isVisible()][-1]
    qtbot.keyClicks(editor, "Marshfield County Council")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(doc.project.project.commissioners) == 2)
    assert [lines.item(i).text() for i in range(lines.count())] == [
        "Marshfield District Council", "Marshfield County Council"]
    lines.setCurrentRow(0)
    click(qtbot, find(page, QPushButton, "project.commissioners.remove"))
    assert doc.project.project.commissioners == ["Marshfield County Council"]
    doc.undo_stack.undo()
    assert lines.count() == 2


def test_options_table_and_problems(qtbot):
    doc, page = _page(qtbot)
    assert "Give the project a title." in page.problems()
    assert "Consider at least two options (the 'blank sheet of paper')." in page.problems()
    add = find(page, QToolButton, "options.add")
    click(qtbot, add)
    click(qtbot, add)
    view = page.options.view
    assert [o.id for o in doc.project.project.options] == ["O1", "O2"]
    type_into_cell(qtbot, view, 1, "Option", "Separate phased contracts")
    click_check(qtbot, view, 1, "Preferred")
    assert doc.project.project.options[1].name == "Separate phased contracts"
    assert doc.project.project.options[1].preferred is True
    assert cell_text(view, 1, "Option") == "Separate phased contracts"
    # The detail form edits the selected option's reason.
    page.options.select_row(1)
    reason = page.option_detail.fields["reason"].editor
    reason.setFocus()
    qtbot.keyClicks(reason, "Keeps the exit points the report asks for")
    reason.clearFocus()
    qtbot.waitUntil(lambda: doc.project.project.options[1].reason
                    == "Keeps the exit points the report asks for")
    assert doc.undo_stack.undoText() == "Change why preferred or not of O2"
    assert not any("option" in p for p in page.problems())


def test_an_abandoned_new_line_is_dropped(qtbot):
    doc, page = _page(qtbot)
    lines = find(page, QListWidget, "project.objectives.list")
    click(qtbot, find(page, QPushButton, "project.objectives.add"))
    assert lines.count() == 1
    editor = [w for w in lines.viewport().findChildren(QLineEdit) if w.isVisible()][-1]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: lines.count() == 0)
    assert doc.project.project.objectives == [] and not doc.undo_stack.canUndo()


def test_document_date_is_optional_and_undoable(qtbot):
    doc, page = _page(qtbot)
    editor = find(page, QDateEdit, "project.document_date")
    assert doc.project.project.document_date is None
    assert editor.text() == editor.specialValueText()  # shown as not set
    editor.setDate(editor.date().fromString("2026-11-05", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: doc.project.project.document_date == dt.date(2026, 11, 5))
    assert doc.undo_stack.undoText() == "Change document date"
    doc.undo_stack.undo()
    assert doc.project.project.document_date is None

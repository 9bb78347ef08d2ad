"""The table editor: inline editing with the right editor, refusals, add/duplicate/delete/move."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from tests.ui.page_helpers import (
    cell_text,
    choose_in_cell,
    click,
    click_check,
    open_editor,
    press_enter,
    show,
    tick_in_cell,
    type_into_cell,
)
from ui import dialogs
from ui.document import Document
from ui.widgets.table import BOOL, ENUM, INT, MONEY, REF, REFS, Column, ItemTable
from wizard.model import Partner, Phase, Project, Risk
from wizard.vocab import Allocation, PartnerKind, PhaseKind


def _project() -> Project:
    return Project(
        partners=[Partner(id="P1", name="Marshfield Council", kind=PartnerKind.PUBLIC),
                  Partner(id="P2", name="Halden Construction")],
        phases=[Phase(id="PH1", name="Design and build", kind=PhaseKind.DESIGN_AND_BUILD,
                      provider="P2", value_gbp=12_500_000),
                Phase(id="PH2", name="Operation", start_month=24, depends_on=["PH1"],
                      provider="P2")],
        risks=[Risk(id="R1", title="Cost overrun", phases=["PH1"], owner="P2"),
               Risk(id="R2", title="Low demand", phases=["PH1", "PH2"])],
    )


PHASE_COLUMNS = [
    Column("id", "Id", readonly=True),
    Column("name", "Name"),
    Column("kind", "Kind", ENUM, enum=PhaseKind),
    Column("start_month", "Start month", INT, 0, 1200),
    Column("depends_on", "Depends on", REFS, ref="phases"),
    Column("provider", "Provider", REF, ref="partners", optional=True),
    Column("bundled", "Bundled", BOOL),
    Column("value_gbp", "Value", MONEY),
]


def _phase_table(qtbot, doc):
    table = ItemTable(doc, ("phases",), PHASE_COLUMNS, noun="phase", prefix="PH",
                      factory=lambda _p, new_id: Phase(id=new_id, name="New phase"),
                      name="phases")
    show(qtbot, table, 1000, 400)
    return table


def test_money_shows_pounds_with_thousands_separators(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    assert cell_text(table.view, 0, "Value") == "£12,500,000"
    assert cell_text(table.view, 1, "Value") == "£0"


def test_typing_money_into_a_cell_sets_whole_pounds(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    type_into_cell(qtbot, table.view, 1, "Value", "3.25m")
    assert doc.project.phases[1].value_gbp == 3_250_000
    assert cell_text(table.view, 1, "Value") == "£3,250,000"
    type_into_cell(qtbot, table.view, 1, "Value", "£1,200,000")
    assert doc.project.phases[1].value_gbp == 1_200_000
    assert doc.undo_stack.undoText() == "Change value of PH2"


def test_spin_box_edits_a_month_and_undo_names_it(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    editor = open_editor(qtbot, table.view, 1, "Start month")
    assert isinstance(editor, QSpinBox) and editor.value() == 24
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "30")
    press_enter(qtbot, table.view, editor)
    assert doc.project.phases[1].start_month == 30
    assert cell_text(table.view, 1, "Start month") == "30"
    assert doc.undo_stack.undoText() == "Change start month of PH2"
    doc.undo_stack.undo()
    assert cell_text(table.view, 1, "Start month") == "24"


def test_enum_and_reference_combos_offer_labels_and_names(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    choose_in_cell(qtbot, table.view, 1, "Kind", "Operation")
    assert doc.project.phases[1].kind is PhaseKind.OPERATION
    assert cell_text(table.view, 1, "Kind") == "Operation"
    editor = open_editor(qtbot, table.view, 0, "Provider")
    assert isinstance(editor, QComboBox)
    offered = [editor.itemText(i) for i in range(editor.count())]
    assert offered == ["(none)", "Marshfield Council (P1)", "Halden Construction (P2)"]
    editor.setCurrentIndex(1)
    press_enter(qtbot, table.view, editor)
    assert doc.project.phases[0].provider == "P1"
    assert cell_text(table.view, 0, "Provider") == "Marshfield Council"


def test_checkbox_cell_toggles_with_a_click(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    click_check(qtbot, table.view, 0, "Bundled")
    assert doc.project.phases[0].bundled is True
    assert doc.undo_stack.undoText() == "Change bundled of PH1"


def test_phase_list_cell_drops_down_a_list_to_tick(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    # PH2 follows PH1: PH1 depending on PH2 would close a loop, so it is refused, with why.
    offered = tick_in_cell(qtbot, table.view, 0, "Depends on", ["Operation (PH2)"])
    assert offered == ["Operation (PH2)"]  # a phase is never offered as its own dependency
    assert doc.project.phases[0].depends_on == []
    assert "would make a loop" in table.message.text()
    doc.set_value(("phases", 1, "depends_on"), [], "Change depends on of PH2")
    tick_in_cell(qtbot, table.view, 0, "Depends on", ["Operation (PH2)"])
    assert doc.project.phases[0].depends_on == ["PH2"]
    assert cell_text(table.view, 0, "Depends on") == "PH2"
    assert doc.undo_stack.undoText() == "Change depends on of PH1"
    tick_in_cell(qtbot, table.view, 0, "Depends on", ["Operation (PH2)"])
    assert doc.project.phases[0].depends_on == []


def test_keyboard_ticks_in_the_phase_list_cell(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    doc.set_value(("phases", 1, "depends_on"), [], "Change depends on of PH2")
    editor = open_editor(qtbot, table.view, 1, "Depends on")
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    press_enter(qtbot, table.view, editor)
    assert doc.project.phases[1].depends_on == ["PH1"]


def test_refused_empty_name_shows_message(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    type_into_cell(qtbot, table.view, 0, "Name", "")
    assert doc.project.phases[0].name == "Design and build"
    assert table.message.text() == "Name of PH1 cannot be empty"
    # A good edit clears the message.
    type_into_cell(qtbot, table.view, 0, "Name", "Design")
    assert not table.message.isVisible()


def test_unreadable_money_is_refused_at_the_field(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    editor = open_editor(qtbot, table.view, 0, "Value")
    assert isinstance(editor, QLineEdit)
    editor.clear()
    qtbot.keyClicks(editor, "12.50")  # pence are not allowed (the validator lets them through)
    press_enter(qtbot, table.view, editor)
    assert doc.project.phases[0].value_gbp == 12_500_000
    assert "whole pounds" in table.message.text()


def test_add_duplicate_move_delete_with_undo(qtbot):
    doc = Document(_project())
    original = doc.project.model_copy(deep=True)
    table = _phase_table(qtbot, doc)

    click(qtbot, table.buttons["add"])
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2", "PH3"]
    assert doc.undo_stack.undoText() == "Add phase PH3"
    assert table.current_id() == "PH3"

    table.select_row(0)
    click(qtbot, table.buttons["duplicate"])
    assert [p.id for p in doc.project.phases] == ["PH1", "PH4", "PH2", "PH3"]
    assert doc.project.phases[1].name == "Design and build (copy)"
    assert doc.undo_stack.undoText() == "Duplicate phase PH1 as PH4"

    click(qtbot, table.buttons["down"])
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2", "PH4", "PH3"]
    assert table.current_id() == "PH4"
    assert doc.undo_stack.undoText() == "Move phase PH4 down"

    click(qtbot, table.buttons["up"])
    assert [p.id for p in doc.project.phases] == ["PH1", "PH4", "PH2", "PH3"]

    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.project == original
    assert table.view.model().rowCount() == 2


def test_delete_removes_references_in_the_same_step(qtbot):
    doc = Document(_project())
    original = doc.project.model_copy(deep=True)
    table = _phase_table(qtbot, doc)
    table.select_id("PH1")
    click(qtbot, table.buttons["delete"])
    assert [p.id for p in doc.project.phases] == ["PH2"]
    assert doc.project.phases[0].depends_on == []
    assert doc.project.risks[0].phases == [] and doc.project.risks[1].phases == ["PH2"]
    text = "Delete phase PH1 and 3 references to it"
    assert doc.undo_stack.undoText() == text
    assert table.message.text() == text
    doc.undo_stack.undo()
    assert doc.project == original


def test_deleting_a_partner_clears_owner_and_provider(qtbot):
    doc = Document(_project())
    table = ItemTable(doc, ("partners",), [Column("name", "Name")], noun="partner", prefix="P",
                      factory=lambda _p, i: Partner(id=i, name="New"), name="partners")
    show(qtbot, table, 600, 300)
    table.select_id("P2")
    click(qtbot, table.buttons["delete"])
    assert doc.project.phases[0].provider is None and doc.project.risks[0].owner is None
    assert doc.undo_stack.undoText() == "Delete partner P2 and 3 references to it"


def test_keyboard_shortcuts_add_duplicate_move_delete(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    view = table.view
    view.setFocus()
    table.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert len(doc.project.phases) == 3 and table.current_id() == "PH3"
    qtbot.keyClick(view, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(doc.project.phases) == 4
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2", "PH3", "PH4", "PH5"]
    qtbot.keyClick(view, Qt.Key.Key_Up,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2", "PH3", "PH5", "PH4"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [p.id for p in doc.project.phases] == ["PH1", "PH2", "PH3", "PH4"]


def test_selection_survives_an_edit_elsewhere(qtbot):
    doc = Document(_project())
    table = _phase_table(qtbot, doc)
    table.select_id("PH2")
    doc.set_value(("phases", 0, "name"), "Build", "Change name of PH1")
    assert table.current_id() == "PH2"
    assert cell_text(table.view, 0, "Name") == "Build"


def test_share_allocation_enum_column_on_risks(qtbot):
    doc = Document(_project())
    table = ItemTable(doc, ("risks",), [Column("allocation", "Allocation", ENUM,
                                               enum=Allocation)],
                      noun="risk", prefix="R", factory=lambda _p, i: Risk(id=i, title="New"),
                      name="risks")
    show(qtbot, table, 600, 300)
    choose_in_cell(qtbot, table.view, 1, "Allocation", "Private")
    assert doc.project.risks[1].allocation is Allocation.PRIVATE
    assert doc.undo_stack.undoText() == "Change allocation of R2"


def _phase_table_with_ids(qtbot, doc):
    columns = [Column("id", "Id"), *PHASE_COLUMNS[1:]]
    table = ItemTable(doc, ("phases",), columns, noun="phase", prefix="PH",
                      factory=lambda _p, new_id: Phase(id=new_id, name="New phase"),
                      name="phases")
    show(qtbot, table, 1000, 400)
    return table


def test_renaming_an_id_carries_every_reference_in_one_step(qtbot, monkeypatch):
    doc = Document(_project())
    original = doc.project.model_copy(deep=True)
    table = _phase_table_with_ids(qtbot, doc)
    monkeypatch.setattr(dialogs, "ask_new_id", lambda *_a: "BUILD")
    table.select_row(0)
    assert table.ask_rename()
    p = doc.project
    assert [x.id for x in p.phases] == ["BUILD", "PH2"]
    assert p.phases[1].depends_on == ["BUILD"]
    assert p.risks[0].phases == ["BUILD"] and p.risks[1].phases == ["BUILD", "PH2"]
    assert doc.undo_stack.undoText() == "Rename phase PH1 to BUILD and update 3 references"
    assert cell_text(table.view, 1, "Depends on") == "BUILD"
    doc.undo_stack.undo()
    assert doc.project == original


def test_unusable_or_taken_ids_are_refused(qtbot):
    doc = Document(_project())
    original = doc.project.model_copy(deep=True)
    table = _phase_table_with_ids(qtbot, doc)
    assert not table.rename(0, "PH2")
    assert doc.project == original
    assert table.message.text() == "Id of PH1: another phase already has the id 'PH2'"
    assert not table.rename(0, "new phase")
    assert doc.project == original
    assert "'new phase' is not a usable id" in table.message.text()
    assert cell_text(table.view, 0, "Id") == "PH1"


def test_the_delete_button_says_what_deleting_the_selected_item_unlinks(qtbot):
    doc = Document(_project())
    table = ItemTable(doc, ("partners",), [Column("id", "Id", readonly=True),
                                           Column("name", "Name")],
                      noun="partner", prefix="P",
                      factory=lambda _p, new_id: Partner(id=new_id, name="New partner"),
                      name="partners")
    show(qtbot, table, 1000, 400)
    delete = table.buttons["delete"]
    table.select_id("P2")  # the provider of both phases and the owner of R1
    assert delete.toolTip() == ("Delete the selected partner (Del, with the table focused). "
                                "Deleting P2 will unlink 2 phases and 1 risk")
    table.select_id("P1")  # nothing refers to the council
    assert delete.toolTip() == "Delete the selected partner (Del, with the table focused)"
    table.select_id("P2")
    table.delete()
    assert doc.undo_stack.undoText() == "Delete partner P2 and 3 references to it"
    assert [ph.provider for ph in doc.project.phases] == [None, None]

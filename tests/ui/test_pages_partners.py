"""Step 2, partners: a table with kind, SME and local, and deletion that clears references."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from tests.ui.page_helpers import cell_text, choose_in_cell, click, click_check, find, show, type_into_cell
from ui.document import Document
from ui.pages.partners import PartnersPage
from wizard.model import Phase, Project
from wizard.vocab import PartnerKind


def test_add_and_edit_partners_then_problems_clear(qtbot):
    doc = Document()
    page = PartnersPage(doc)
    show(qtbot, page)
    assert page.problems() == [
        "No partners yet: add at least the commissioning body and a provider."]
    add = find(page, QToolButton, "partners.add")
    click(qtbot, add)
    view = page.table.view
    type_into_cell(qtbot, view, 0, "Name", "Marshfield District Council")
    choose_in_cell(qtbot, view, 0, "Kind", "Public body")
    assert page.problems() == [
        "No provider yet: add a private provider or a voluntary organisation."]
    click(qtbot, add)
    type_into_cell(qtbot, view, 1, "Name", "Stour Valley Trust")
    choose_in_cell(qtbot, view, 1, "Kind", "Voluntary or community organisation")
    click_check(qtbot, view, 1, "SME")
    click_check(qtbot, view, 1, "Local")
    type_into_cell(qtbot, view, 1, "Role", "Community sport")
    second = doc.project.partners[1]
    assert (second.id, second.name, second.kind) == ("P2", "Stour Valley Trust",
                                                     PartnerKind.VOLUNTARY)
    assert second.sme and second.local and second.role == "Community sport"
    assert cell_text(view, 1, "Kind") == "Voluntary or community organisation"
    assert page.problems() == []


def test_deleting_a_provider_clears_it_from_phases_in_one_step(qtbot):
    doc = Document()
    page = PartnersPage(doc)
    show(qtbot, page)
    click(qtbot, find(page, QToolButton, "partners.add"))
    new = doc.edited_copy()
    new.phases.append(Phase(id="PH1", name="Build", provider="P1"))
    doc.replace_project(new, "Add phase PH1")
    before = doc.project.model_copy(deep=True)
    page.table.select_id("P1")
    click(qtbot, find(page, QToolButton, "partners.delete"))
    assert doc.project.partners == [] and doc.project.phases[0].provider is None
    assert doc.undo_stack.undoText() == "Delete partner P1 and 1 reference to it"
    assert page.table.message.text() == "Delete partner P1 and 1 reference to it"
    doc.undo_stack.undo()
    assert doc.project == before
    assert isinstance(doc.project, Project)

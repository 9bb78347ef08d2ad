"""A list table re-reads the project once per edit, and an undo step keeps only what changed."""

from __future__ import annotations

import pickle

import pytest
from PySide6.QtWidgets import QToolButton

from tests.ui.page_helpers import click, find, show, type_into_cell
from ui.document import Document
from ui.pages.partners import PartnersPage
from ui.pages.risks import RisksPage
from wizard import catalog, edits
from wizard.graphs.sample import generated_project


def count_refreshes(table) -> list[int]:
    calls: list[int] = []
    original = table.model.refresh

    def counted() -> None:
        calls.append(1)
        original()

    table.model.refresh = counted
    return calls


@pytest.mark.parametrize("page_class", [PartnersPage, RisksPage])
def test_one_edit_refreshes_the_table_once(qtbot, page_class):
    doc = Document(catalog.load_example("leisure"))
    page = page_class(doc)
    show(qtbot, page)
    calls = count_refreshes(page.table)
    page.table.select_row(0)
    type_into_cell(qtbot, page.table.view, 0, page.table.model.columns[
        page.table.name_column()].header, "Renamed by typing")
    assert len(calls) == 1  # a cell edit
    calls.clear()
    click(qtbot, find(page, QToolButton, f"{page.collection}.duplicate"))
    assert len(calls) == 1  # a structural edit
    calls.clear()
    doc.undo_stack.undo()
    assert len(calls) == 1  # an undo
    assert page.table.model.rowCount() == len(getattr(doc.project, page.collection))


def test_undo_steps_keep_the_change_not_the_project(qtbot):
    """100 structural edits on the 200-phase, 2,000-risk project: each undo step keeps what
    changed (an item or two and the fields that referred to it), a small part of one copy of
    the project; undo all and redo all still restore exactly."""
    original = generated_project()
    doc = Document(original.model_copy(deep=True))
    whole = len(pickle.dumps(original))
    after_each = []
    for n in range(100):
        project = doc.project
        if n % 4 == 0:
            edit = edits.delete(project, ("risks",), (n * 7) % len(project.risks), "risk")
        elif n % 4 == 1:
            edit = edits.duplicate(project, ("phases",), (n * 3) % len(project.phases), "phase", "PH")
        elif n % 4 == 2:
            edit = edits.rename(project, ("phases",), n % len(project.phases), f"NEW{n}", "phase")
        else:
            edit = edits.move(project, ("risks",), n, 1, "risk")
        doc.replace_project(edit.project, edit.text)
        after_each.append(doc.project.model_dump_json())
    kept = [doc.undo_stack.command(i).kept_size() for i in range(doc.undo_stack.count())]
    assert len(kept) == 100
    # Two snapshots per step kept 2 x whole; each step now keeps under 1% of one project.
    assert max(kept) < whole // 100
    assert sum(kept) < whole
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.project.model_dump_json() == original.model_dump_json()
    for expected in after_each:
        doc.undo_stack.redo()
        assert doc.project.model_dump_json() == expected

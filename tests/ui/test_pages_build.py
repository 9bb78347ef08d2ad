"""build_pages: eight pages in step order; each page selects the items it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget

from tests.ui.page_helpers import show
from ui.document import Document
from ui.pages import build_pages
from ui.pages.base import STEPS
from wizard.catalog import load_example


def test_pages_follow_steps_and_select_their_items(qtbot):
    doc = Document(load_example("leisure"))
    pages = build_pages(doc)
    assert [p.key for p in pages] == [key for key, _title in STEPS]
    stack = QStackedWidget()
    for page in pages:
        stack.addWidget(page)
    show(qtbot, stack)
    by_key = {p.key: p for p in pages}
    p = doc.project
    cases = [
        ("project", "options", p.project.options[-1].id),
        ("partners", "partners", p.partners[-1].id),
        ("phasing", "phases", p.phases[-1].id),
        ("risks", "risks", p.risks[-1].id),
        ("break_clauses", "break_clauses", p.break_clauses[-1].id),
        ("steering", "steering_groups", p.steering_groups[-1].id),
        ("accountability", "kpis", p.kpis[-1].id),
        ("accountability", "social_impact", p.social_impact[-1].id),
    ]
    for key, kind, item_id in cases:
        page = by_key[key]
        stack.setCurrentWidget(page)
        assert page.select_item(kind, item_id), (key, kind)
        assert not page.select_item(kind, "no-such-id")
        assert not page.select_item("decisions", item_id)
    assert by_key["risks"].table.current_id() == p.risks[-1].id
    assert by_key["risks"].detail_title.text().startswith(f"Risk {p.risks[-1].id}: ")
    # The leisure example is complete enough that no editing step reports anything missing.
    assert {key: by_key[key].problems() for key, _t in STEPS[:7]} == {key: [] for key, _t in STEPS[:7]}

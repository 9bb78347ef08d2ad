"""One step registry: the core's step table names each step; each step's page class lives in
``ui.pages.<key>``, declares the key and carries the table's title and item kinds."""

from __future__ import annotations

from ui.document import Document
from ui.pages import build_page, page_class
from ui.pages.base import STEP_OF_KIND, STEPS, StepPage
from ui.pages.partners import PartnersPage
from wizard import steps
from wizard.checks import ITEM_KINDS
from wizard.checks.steps import STEPS as RULE_STEPS
from wizard.model import Project


def test_each_step_has_one_page_class_carrying_its_key_title_and_kinds():
    for number, step in enumerate(steps.STEPS, start=1):
        cls = page_class(step.key)
        assert cls.__module__ == f"ui.pages.{step.key}"
        assert (cls.key, cls.title, cls.kinds) == (step.key, step.title, step.kinds)
        assert STEPS[number - 1] == (step.key, f"{number}  {step.title}")
    assert set(StepPage.registry()) == set(steps.STEP_KEYS)
    # every kind of item a finding can name is edited on exactly one step
    assert sorted(ITEM_KINDS) == sorted(kind for s in steps.STEPS for kind in s.kinds)
    assert STEP_OF_KIND["kpis"] == "accountability" and STEP_OF_KIND["lots"] == "commercial"


def test_step_rules_take_their_titles_from_the_step_table():
    assert [(s.key, s.title) for s in RULE_STEPS] == [
        ("project", "Project"), ("partners", "Partners"), ("phasing", "Phasing"),
        ("risks", "Risks"), ("break_clauses", "Break clauses"),
        ("steering", "Community steering groups"),
        ("accountability", "Accountability and social impact")]


class _Probe(PartnersPage):
    """The partners page, counting its refreshes; it edits the project inside its constructor."""

    def __init__(self, document: Document):
        self.calls: list[str] = []
        super().__init__(document)
        self.calls.clear()  # ListPage's own first refresh
        document.set_value(("project", "title"), "Edited while building", "Rename")
        self.during_construction = list(self.calls)

    def refresh(self) -> None:
        self.calls.append(self.document.project.project.title)
        super().refresh()


def test_a_page_is_connected_to_its_document_once_it_is_built(qtbot):
    doc = Document(Project())
    page = _Probe(doc)
    qtbot.addWidget(page)
    assert page.during_construction == []  # no refresh of a half-built page
    doc.set_value(("project", "title"), "Leisure centres", "Rename")
    assert page.calls == ["Leisure centres"]  # one refresh per change


def test_the_contingent_support_box_is_its_own_field_class(qtbot):
    doc = Document(Project())
    page = build_page(doc, "risks")
    qtbot.addWidget(page)
    assert "commit" not in vars(page.support_on)  # no method overwritten on an instance
    assert type(page.support_on).__name__ == "SupportToggle"

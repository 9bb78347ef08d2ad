"""Step 5: break clauses — how either side can get out, when, with what notice and compensation.

Choosing a trigger offers the library's typical notice period and compensation (one click, one
undoable step).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from ui.pages.list_page import ListPage
from ui.widgets.forms import CheckListField, DetailForm, TextField, item_choices
from ui.widgets.table import ID_TIP, ENUM, INT, REFS, Column
from ui.widgets.suggestion_box import suggestion_box
from wizard import catalog, formatting
from wizard.model import MAX_MONTHS, BreakClause, Project
from wizard.vocab import BreakTrigger, Compensation, label


def clause_library() -> dict[BreakTrigger, catalog.ClauseInfo]:
    """The break-clause library from templates/, or nothing if its file cannot be read."""
    try:
        return dict(catalog.clause_library())
    except (OSError, ValueError):  # LibraryError is a ValueError: the page still works
        return {}


def typical_clause_change(clause: BreakClause, info: catalog.ClauseInfo) -> dict[str, Any]:
    change: dict[str, Any] = {}
    if clause.notice_months != info.typical_notice_months:
        change["notice_months"] = info.typical_notice_months
    if clause.compensation is not info.typical_compensation:
        change["compensation"] = info.typical_compensation
    description = info.description
    if description and not clause.description.strip():
        change["description"] = description
    return change


class BreakClausesPage(ListPage):
    key = "break_clauses"
    collection = "break_clauses"
    noun = "break clause"
    prefix = "B"
    graph = "phase_map"  # the contract map shows where each clause can be used
    sensitive = True
    table_share = 62  # table and contract map above, the clause details below

    def intro(self) -> str:
        return ("How the contract can end early: a change-of-control clause (for example the "
                "provider bought by a private equity firm) belongs in every long contract. "
                "Months count from the contract start.")

    def columns(self) -> list[Column]:
        return [
            # the trigger names a clause: first, as the name is on the other steps
            Column("trigger", "Trigger", ENUM, enum=BreakTrigger, width=260),
            Column("id", "Id", tip=ID_TIP, width=45),
            Column("phases", "Phases", REFS, ref="phases", width=110,
                   tip="Phase ids the clause applies to, separated by commas (none: all)"),
            Column("earliest_month", "Earliest month", INT, 0, MAX_MONTHS, width=110),
            Column("notice_months", "Notice (months)", INT, 0, 120, width=110),
            Column("compensation", "Compensation", ENUM, enum=Compensation),
        ]

    def new_item(self, project: Project, new_id: str) -> BreakClause:
        used = {c.trigger for c in project.break_clauses}
        trigger = next((t for t in BreakTrigger if t not in used), BreakTrigger.VOLUNTARY)
        return BreakClause(id=new_id, trigger=trigger)

    def build_detail(self, form: DetailForm, layout: QVBoxLayout) -> None:
        doc = self.document
        self.library = clause_library()
        self.typical = QLabel("")
        self.typical.setObjectName("break_clauses.typical")
        self.typical.setWordWrap(True)
        self.apply_typical = QPushButton("Apply typical notice and compensation")
        self.apply_typical.setObjectName("break_clauses.apply_typical")
        self.apply_typical.clicked.connect(self.apply_typical_terms)
        form.add("description", TextField(doc, None, "break_clauses.description", "Description"),
                 "Description")
        layout.addWidget(suggestion_box("break_clauses", self.typical, self.apply_typical))
        form.add("formula", TextField(doc, None, "break_clauses.formula",
                                      "Compensation formula"), "Agreed formula")
        form.add("phases", CheckListField(doc, None, "break_clauses.phases", "Phases",
                                          item_choices(doc, "phases")), "Applies to phases")

    def refresh_extra(self) -> None:
        clause = self.current_item()
        formula = self.detail.fields["formula"]
        formula.editor.setEnabled(clause is not None and
                                  clause.compensation is Compensation.AGREED_FORMULA)
        info = self.library.get(clause.trigger) if clause is not None else None
        if clause is None or info is None:
            self.typical.setText("")
            self.apply_typical.setEnabled(False)
            return
        compensation = info.typical_compensation
        words = [f"Typical for {label(clause.trigger).lower()}:",
                 f"{formatting.notice(info.typical_notice_months)},",
                 "no compensation." if compensation is Compensation.NONE
                 else f"compensation {label(compensation).lower()}."]
        self.typical.setText(" ".join(words))
        self.apply_typical.setEnabled(bool(typical_clause_change(clause, info)))

    def apply_typical_terms(self) -> bool:
        path, clause = self.item_path(), self.current_item()
        info = self.library.get(clause.trigger) if clause is not None else None
        change = typical_clause_change(clause, info) if info is not None else {}
        if path is None or not change:
            return False
        new = self.document.edited_copy()
        for attr, value in change.items():
            setattr(new.break_clauses[path[1]], attr, value)
        self.document.replace_project(new, f"Apply typical notice and compensation to {clause.id}")
        return True

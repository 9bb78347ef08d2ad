"""Step 4: the risk register, with the risk matrix beside the table.

Choosing a category offers the library's typical allocation and mitigation for it: the
"Apply typical allocation and mitigation" button lights up, and one click applies both as one
undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from ui.document import EditError
from ui.pages.list_page import ListPage
from ui.widgets.forms import (
    CheckField,
    CheckListField,
    ComboField,
    DetailForm,
    MoneyField,
    StringListField,
    TextField,
    item_choices,
)
from ui.widgets.money_fields import RiskMoneyBox
from ui.widgets.suggestion_box import suggestion_box
from ui.widgets.table import ID_TIP, COMPUTED, ENUM, INT, REF, REFS, Column
from wizard import catalog
from wizard.model import ContingentSupport, Project, Risk
from wizard.risk import band, score
from wizard.vocab import (
    IMPACT_LABELS,
    LIKELIHOOD_LABELS,
    Allocation,
    PartnerKind,
    RiskCategory,
    RiskResponse,
    WorkshopStatus,
    label,
)


def risk_library() -> dict[RiskCategory, catalog.CategoryInfo]:
    """The risk library from templates/, or nothing if its file cannot be read."""
    try:
        return dict(catalog.risk_library())
    except (OSError, ValueError):  # LibraryError is a ValueError: the page still works
        return {}


def typical_change(risk: Risk, info: catalog.CategoryInfo) -> dict[str, Any]:
    """The fields applying the category's typical allocation and mitigation would change."""
    change: dict[str, Any] = {}
    allocation = info.typical_allocation
    if risk.allocation is not allocation:
        change["allocation"] = allocation
    share = {Allocation.PUBLIC: 100, Allocation.PRIVATE: 0}.get(
        allocation, info.typical_public_share)
    if risk.public_share != share:
        change["public_share"] = share
    mitigation = info.typical_mitigation
    if mitigation and mitigation not in risk.mitigation:
        change["mitigation"] = (
            mitigation if not risk.mitigation.strip() else f"{risk.mitigation.rstrip()}\n\n{mitigation}"
        )
    return change


def provider_choices(document):
    """(id, 'Name (id)') for each private or voluntary partner, read fresh each time."""
    def choices() -> list[tuple[str, str]]:
        return [(p.id, f"{p.name} ({p.id})") for p in document.project.partners
                if p.kind is not PartnerKind.PUBLIC]
    return choices


class SupportToggle(CheckField):
    """The "offer contingent support" box, bound to a risk's ``contingent_support``: it stands
    for "is not None", so ticking adds an empty ``ContingentSupport`` and clearing removes it,
    each one undoable step."""

    def commit(self, revert_on_error: bool = True) -> bool:
        if self.path is None:
            return False
        on = self.editor.isChecked()
        risk = self.document.project.risks[self.path[1]]
        words = "Add" if on else "Remove"
        try:
            self.document.set_value(self.path, ContingentSupport() if on else None,
                                    f"{words} contingent support for {risk.id}")
        except EditError as err:
            self.show_error(str(err))
            return False
        return True


class RisksPage(ListPage):
    key = "risks"
    collection = "risks"
    noun = "risk"
    prefix = "R"
    graph = "risk_matrix"
    sensitive = True

    def intro(self) -> str:
        return ("The risk register. Score likelihood and impact from 1 to 5; allocate each risk "
                "to the side best able to manage it. Transferring risk unrealistically fails: "
                "failure reverts to the body with the statutory duty.")

    def columns(self) -> list[Column]:
        return [
            Column("id", "Id", tip=ID_TIP, width=45),
            Column("title", "Title", width=260),
            Column("category", "Category", ENUM, enum=RiskCategory, width=170),
            Column("phases", "Phases", REFS, ref="phases", width=80, secondary=True),
            Column("likelihood", "Likelihood", INT, 1, 5, width=125, labels=LIKELIHOOD_LABELS,
                   tip="1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain"),
            Column("impact", "Impact", INT, 1, 5, width=105, labels=IMPACT_LABELS,
                   tip="1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Severe"),
            Column("score", "Score", COMPUTED, compute=lambda r: f"{score(r)} {band(r)}",
                   width=90),
            Column("allocation", "Allocation", ENUM, enum=Allocation, width=85),
            Column("public_share", "Public share", INT, 0, 100, suffix="%", width=90,
                   secondary=True),
            Column("owner", "Owner", REF, ref="partners", optional=True, width=130),
            Column("response", "Response", ENUM, enum=RiskResponse, width=90, secondary=True),
            Column("status", "Status", ENUM, enum=WorkshopStatus, width=80, secondary=True),
        ]

    def new_item(self, project: Project, new_id: str) -> Risk:
        return Risk(id=new_id, title=f"New risk {new_id}")

    def build_detail(self, form: DetailForm, layout: QVBoxLayout) -> None:
        doc = self.document
        self.library = risk_library()
        self.typical = QLabel("")
        self.typical.setObjectName("risks.typical")
        self.typical.setWordWrap(True)
        self.apply_typical = QPushButton("Apply typical allocation and mitigation")
        self.apply_typical.setObjectName("risks.apply_typical")
        self.apply_typical.clicked.connect(self.apply_typical_allocation)
        form.add("description", TextField(doc, None, "risks.description", "Description"),
                 "Description")
        form.add("mitigation", TextField(doc, None, "risks.mitigation", "Mitigation"),
                 "Mitigation")
        form.add("private_bearer", ComboField(
            doc, None, "risks.private_bearer", "Private bearer", choices=provider_choices(doc),
            optional=True), "Private bearer")
        form.fields["private_bearer"].editor.setToolTip(
            "The provider carrying the private share when a public body owns a shared risk")
        # The library's suggestion stands apart from the text boxes, in its own box: its button
        # changes the mitigation text (one undoable step).
        layout.addWidget(suggestion_box("risks", self.typical, self.apply_typical))
        form.add("phases", CheckListField(doc, None, "risks.phases", "Phases",
                                          item_choices(doc, "phases")), "Phases")

        self.support_box = QGroupBox("Contingent public support")
        self.support_box.setToolTip("Public support triggered only by named low-probability, "
                                    "high-impact events (the Thames Tideway pattern)")
        support = QFormLayout(self.support_box)
        self.support_on = SupportToggle(doc, None, "risks.contingent", "Offer contingent public "
                                        "support for named events")
        self.support_events = StringListField(doc, None, "risks.contingent.events",
                                              "Trigger events")
        self.support_cap = MoneyField(doc, None, "risks.contingent.cap", "Cap")
        self.support_text = TextField(doc, None, "risks.contingent.description",
                                      "How the support works")
        support.addRow(self.support_on)
        support.addRow("Trigger events", self.support_events)
        support.addRow("Cap", self.support_cap)
        support.addRow("How it works", self.support_text)
        layout.addWidget(self.support_box)
        self.money_box = RiskMoneyBox(doc)  # the quantified risk (probability, cost range)
        layout.addWidget(self.money_box)

    def refresh_extra(self) -> None:
        path = self.item_path()
        risk = self.current_item()
        has_support = risk is not None and risk.contingent_support is not None
        self.support_on.editor.blockSignals(True)
        self.support_on.editor.setChecked(has_support)
        self.support_on.editor.setEnabled(risk is not None)
        self.support_on.editor.blockSignals(False)
        self.support_on.path = None if path is None else (*path, "contingent_support")
        for fld, attr in ((self.support_events, "events"), (self.support_cap, "cap_gbp"),
                          (self.support_text, "description")):
            target = (*path, "contingent_support", attr) if has_support else None
            if fld.path != target:
                fld.set_path(target)
            else:
                fld.refresh()
        self._update_typical(risk)
        self.money_box.set_risk(path)

    # the library's typical allocation --------------------------------------------------------
    def _update_typical(self, risk: Risk | None) -> None:
        info = self.library.get(risk.category) if risk is not None else None
        if risk is None or info is None:
            self.typical.setText("" if risk is None else
                                 f"No typical allocation is recorded for {label(risk.category)}.")
            self.apply_typical.setEnabled(False)
            return
        allocation = Allocation(info.typical_allocation)
        share = (f" ({info.typical_public_share}% public)"
                 if allocation is Allocation.SHARED else "")
        self.typical.setText(
            f"Typical for {label(risk.category)}: {label(allocation).lower()}{share}. "
            f"{info.typical_mitigation}"
        )
        self.apply_typical.setEnabled(bool(typical_change(risk, info)))

    def apply_typical_allocation(self) -> bool:
        path, risk = self.item_path(), self.current_item()
        info = self.library.get(risk.category) if risk is not None else None
        if path is None or info is None:
            return False
        change = typical_change(risk, info)
        if not change:
            return False
        new = self.document.edited_copy()
        target = new.risks[path[1]]
        for attr, value in change.items():
            setattr(target, attr, value)
        self.document.replace_project(
            new, f"Apply typical allocation and mitigation to {risk.id}"
        )
        return True

"""The 'Sharing the upside' section of the Project step: what the public side invests in the
company or joint venture, what it gets back and what it can lose.

Shown when the delivery model is a joint venture, mutual investment model, trading company or
alliance (and for private finance, whose refinancing gains can be shared), or whenever an
arrangement is recorded. Every edit goes through the document's undoable commands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.document import Document
from ui.widgets.forms import (
    CheckField,
    ComboField,
    MoneyField,
    SpinField,
    TextField,
)
from ui.widgets.table import INT, MONEY, Column, ItemTable
from ui.widgets.money_fields import PercentField
from ui.widgets.sensitive_box import SensitiveBox
from wizard.formatting import money, signed_money
from wizard.model import MAX_APPRAISAL_YEARS, Project
from wizard.sharing_model import (
    SHARING_MODELS,
    GainShare,
    GuaranteedReturn,
    ProfitYear,
    StagedAmount,
)
from wizard.vocab import DeliveryModel

S = ("sharing",)
SECTION_MODELS = (*SHARING_MODELS, DeliveryModel.PRIVATE_FINANCE)
PROFIT_LIMIT = 2_000_000_000  # the spin box's reach; larger profits can be typed in the file


class PresenceField(CheckField):
    """A yes/no box that creates a part of the arrangement (a guarantee, a gain share) when
    ticked and removes it when cleared."""

    def __init__(self, document, path, name, field_label, factory, parent=None):
        self._factory = factory
        super().__init__(document, path, name, field_label, parent)

    def _show(self, value: Any) -> None:
        self.editor.setChecked(value is not None)

    def _read(self) -> Any:
        return self._factory() if self.editor.isChecked() else None


class OptionalPercentField(PercentField):
    """A percentage where the lowest position means 'not set' (None), shown as ``none_text``."""

    def __init__(self, document, path, name, field_label, none_text: str, parent=None):
        self._none_text = none_text
        super().__init__(document, path, name, field_label, 100.0, parent)

    def _make_editor(self) -> QWidget:
        editor: QDoubleSpinBox = super()._make_editor()
        editor.setRange(-1.0, 100.0)
        editor.setSpecialValueText(self._none_text)
        return editor

    def _show(self, value: Any) -> None:
        self.editor.setValue(-1.0 if value is None else float(value))

    def _read(self) -> Any:
        value = float(self.editor.value())
        return None if value < 0 else value


class OptionalMoneyField(MoneyField):
    """Pounds where an empty field means 'not set' (no cap)."""

    def _read(self) -> Any:
        return super()._read() if self.editor.text().strip() else None


class CarrierField(ComboField):
    """The option that carries the arrangement; 'not set' means the preferred option."""

    def options(self) -> list[tuple[Any, str]]:
        return [(None, "(the preferred option)"), *self._choices()]


def _next_year(rows) -> int:
    return min(MAX_APPRAISAL_YEARS, max((r.year for r in rows), default=-1) + 1)


class SharingBox(QGroupBox):
    """The sharing section; ``refresh()`` after every change of the document."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__("Sharing the upside", parent)
        self.setObjectName("project.sharing")
        doc = self.document = document
        why = QLabel("What the public side invests in the company or joint venture, what it "
                     "gets back and what it can lose (the Mutual Investment Model and Qwest "
                     "patterns). The return counts in the appraisal of the option that carries "
                     "it; include the public equity in that option's capital.")
        why.setWordWrap(True)

        def options() -> list[tuple[str, str]]:
            return [(o.id, f"{o.name} ({o.id})") for o in doc.project.project.options]

        def partners() -> list[tuple[str, str]]:
            return [(p.id, f"{p.name} ({p.id})") for p in doc.project.partners]

        self.fields: dict[str, Any] = {
            "option": CarrierField(doc, (*S, "option"), "sharing.option", "Option carrying it",
                                   choices=options),
            "public_equity_pct": PercentField(doc, (*S, "public_equity_pct"),
                                              "sharing.public_equity_pct", "Public equity"),
            "profit_share_pct": OptionalPercentField(
                doc, (*S, "profit_share_pct"), "sharing.profit_share_pct",
                "Public share of profit", "Same as the equity"),
            "refinancing_gain_share_pct": SpinField(
                doc, (*S, "refinancing_gain_share_pct"), "sharing.refinancing_gain_share_pct",
                "Public share of refinancing gains", 0, 100, optional=True, suffix="%"),
            "sensitivity_profit_fall_pct": SpinField(
                doc, (*S, "sensitivity_profit_fall_pct"), "sharing.sensitivity_profit_fall_pct",
                "Sensitivity: profit lower by", 0, 100, suffix="%"),
            "distribution_policy": TextField(doc, (*S, "distribution_policy"),
                                             "sharing.distribution_policy",
                                             "Distribution policy"),
            "accounting_treatment": TextField(doc, (*S, "accounting_treatment"),
                                              "sharing.accounting_treatment",
                                              "Accounting treatment"),
        }
        self.fields["accounting_treatment"].editor.setPlaceholderText(
            "How the stake is classified (ONS, ESA 2010) and accounted for (e.g. equity method "
            "in the group accounts)")
        self.equity = ItemTable(
            doc, (*S, "public_equity_gbp"),
            [Column("year", "Year", INT, 0, MAX_APPRAISAL_YEARS, width=55),
             Column("amount_gbp", "Public equity invested", MONEY, width=170)],
            noun="year", name="sharing.public_equity_gbp",
            factory=lambda p, _id: StagedAmount(year=_next_year(p.sharing.public_equity_gbp)))
        self.profit = ItemTable(
            doc, (*S, "profit_forecast"),
            [Column("year", "Year", INT, 0, MAX_APPRAISAL_YEARS, width=55),
             Column("profit_gbp", "Company profit (£; negative: a loss)", INT,
                    -PROFIT_LIMIT, PROFIT_LIMIT, width=230)],
            noun="year", name="sharing.profit_forecast",
            factory=lambda p, _id: ProfitYear(year=_next_year(p.sharing.profit_forecast)))
        for table in (self.equity, self.profit):
            table.setMinimumHeight(150)
        plain = self.profit.model.display  # show profit as pounds, a loss with a minus sign

        def display(col: Column, value: Any) -> str | None:
            if col.attr == "profit_gbp" and value is not None:
                return signed_money(value)
            return plain(col, value)

        self.profit.model.display = display

        g = (*S, "guaranteed_return")
        self.guarantee = PresenceField(doc, g, "sharing.guaranteed_return",
                                       "A guaranteed minimum return to the public side",
                                       GuaranteedReturn)
        self.guarantee_fields = {
            "amount_gbp": MoneyField(doc, (*g, "amount_gbp"), "sharing.guarantee.amount_gbp",
                                     "Guaranteed a year"),
            "pct_of_investment": PercentField(doc, (*g, "pct_of_investment"),
                                              "sharing.guarantee.pct_of_investment",
                                              "Or % a year of the investment"),
            "guarantor": ComboField(doc, (*g, "guarantor"), "sharing.guarantee.guarantor",
                                    "Who stands behind it", choices=partners, optional=True),
            "until_year": SpinField(doc, (*g, "until_year"), "sharing.guarantee.until_year",
                                    "Runs until year", 0, MAX_APPRAISAL_YEARS, optional=True),
            "description": TextField(doc, (*g, "description"), "sharing.guarantee.description",
                                     "Terms of the guarantee"),
        }
        self.guarantee_fields["until_year"].editor.setSpecialValueText("the end")
        gs = (*S, "gain_share")
        self.gain = PresenceField(doc, gs, "sharing.gain_share",
                                  "A pain/gain share against a target cost", GainShare)
        self.gain_fields = {
            "public_gain_pct": SpinField(doc, (*gs, "public_gain_pct"),
                                         "sharing.gain_share.public_gain_pct",
                                         "Public share of an underspend", 0, 100, suffix="%"),
            "public_pain_pct": SpinField(doc, (*gs, "public_pain_pct"),
                                         "sharing.gain_share.public_pain_pct",
                                         "Public share of an overspend", 0, 100, suffix="%"),
            "cap_gbp": OptionalMoneyField(doc, (*gs, "cap_gbp"), "sharing.gain_share.cap_gbp",
                                          "Cap on the public share of an overspend"),
            "description": TextField(doc, (*gs, "description"), "sharing.gain_share.description",
                                     "Terms of the gain share"),
        }
        self.gain_fields["cap_gbp"].editor.setPlaceholderText("No cap")
        self.publication = SensitiveBox(doc, "sharing")
        self.publication.set_item(S)
        self.summary = QLabel("")
        self.summary.setObjectName("sharing.summary")
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(why)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        words = {"option": "Option carrying it", "public_equity_pct": "Public equity",
                 "profit_share_pct": "Public share of profit",
                 "refinancing_gain_share_pct": "Public share of refinancing gains",
                 "sensitivity_profit_fall_pct": "Sensitivity: profit lower by",
                 "distribution_policy": "Distribution policy",
                 "accounting_treatment": "Accounting treatment"}
        for key in ("option", "public_equity_pct", "profit_share_pct"):
            form.addRow(words[key], self.fields[key])
        form.addRow("Equity invested by year", self.equity)
        form.addRow(self.guarantee)
        guarantee_words = {"amount_gbp": "Guaranteed (£ a year)",
                           "pct_of_investment": "or % a year of investment",
                           "guarantor": "Who stands behind it", "until_year": "Runs until year",
                           "description": "Terms"}
        for key, fld in self.guarantee_fields.items():
            form.addRow(guarantee_words[key], fld)
        form.addRow(self.gain)
        gain_words = {"public_gain_pct": "Public share of an underspend",
                      "public_pain_pct": "Public share of an overspend",
                      "cap_gbp": "Cap on the public overspend share", "description": "Terms"}
        for key, fld in self.gain_fields.items():
            form.addRow(gain_words[key], fld)
        for key in ("refinancing_gain_share_pct", "distribution_policy", "accounting_treatment"):
            form.addRow(words[key], self.fields[key])
        form.addRow("Company profit forecast", self.profit)
        form.addRow(words["sensitivity_profit_fall_pct"], self.fields["sensitivity_profit_fall_pct"])
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.publication)
        self.refresh()

    def wanted(self, project: Project) -> bool:
        """Whether the section is shown for this project."""
        return (project.project.delivery_model in SECTION_MODELS
                or not project.sharing.is_empty)

    def refresh(self) -> None:
        project = self.document.project
        self.setVisible(self.wanted(project))
        for fld in (*self.fields.values(), self.guarantee, *self.guarantee_fields.values(),
                    self.gain, *self.gain_fields.values()):
            fld.refresh()
        self.equity.refresh()
        self.profit.refresh()
        self.publication.refresh()
        self.summary.setText(summary_text(project))


def summary_text(project: Project) -> str:
    """One line of what the arrangement gives the public side, as the appraisal counts it."""
    s = project.sharing
    if s.is_empty:
        return "Nothing is shared yet."
    # the appraisal's modules (numpy, networkx) load when something is shared, not at start-up
    from wizard.sharing_effect import sharing_effect

    effect = sharing_effect(project)
    r = effect.result
    parts = [f"Public return {money(r.total_return_gbp)} over {len(r.years)} years "
             f"(present value {money(effect.pv_return_gbp)})"]
    if r.from_guarantee_gbp:
        parts.append(f"the guarantee adds {money(r.from_guarantee_gbp)}")
    parts.append(f"equity at risk {money(r.equity_at_risk_gbp)}")
    parts.append(f"if profit is {effect.fall_pct}% lower: {money(effect.stressed.total_return_gbp)}")
    if effect.npsv_effect_gbp is not None:
        parts.append(f"NPSV of {effect.option_id} up {money(effect.npsv_effect_gbp)}")
    text = "; ".join(parts) + "."
    if effect.missing:
        text += " " + " ".join(effect.missing)
    return text

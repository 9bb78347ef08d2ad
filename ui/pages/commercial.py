"""Step 8: the commercial and management case, in three sections (tabs):

- Procurement: the route (and why, or the direct award's justification), the award criteria
  weightings, the lots, the market engagement, and the timetable drawn on a timeline with the
  standstill;
- Payment and performance: the mechanism, indexation, the deductions on KPIs, their cap and the
  step before termination;
- Governance, benefits and evaluation: the senior responsible owner, the partnership board,
  contract management and client-side capacity, assurance reviews, the benefits register and
  the evaluation plan.

Every edit goes through the document's undoable commands (the bound fields and item tables).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document
from ui.pages.base import StepPage
from ui.widgets.forms import (
    NONE_TEXT,
    BoundField,
    CheckField,
    CheckListField,
    ComboField,
    DateField,
    LineField,
    SpinField,
    TextField,
)
from ui.widgets.table import BOOL, DATE, ENUM, ID_TIP, MONEY, REF, REFS, Column, ItemTable
from ui.widgets.scene_view import SceneView
from wizard.checks.procurement import MIN_TENDER_DAYS
from wizard.commercial_vocab import (
    MILESTONE_ORDER,
    Milestone,
    PaymentMechanism,
    ProcurementRoute,
    RemedyStep,
    label,
)
from wizard.graphs.procurement_timeline import procurement_timeline
from wizard.model import (
    AssuranceReview,
    Benefit,
    Deduction,
    Lot,
    MarketEngagement,
    Project,
    TimetableEntry,
)
from wizard.workdays import STANDSTILL_WORKING_DAYS

SECTIONS = ("procurement", "payment", "management")


def _choices(enum) -> Any:
    return lambda: [(member, label(member)) for member in enum]


class FteField(BoundField):
    """Full-time equivalents (0.1 steps); 0 shows as not set and is stored as None."""

    def _make_editor(self) -> QWidget:
        editor = QDoubleSpinBox()
        editor.setRange(0, 10_000)
        editor.setDecimals(1)
        editor.setSingleStep(0.5)
        editor.setSuffix(" FTE")
        editor.setSpecialValueText(NONE_TEXT)
        editor.setKeyboardTracking(False)
        editor.valueChanged.connect(lambda _v: self.commit())
        return editor

    def _show(self, value: Any) -> None:
        self.editor.setValue(0 if value is None else float(value))

    def _read(self) -> Any:
        value = round(self.editor.value(), 1)
        return None if value == 0 else value


def _scroll(widget: QWidget, min_width: int = 300) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(min_width)
    return scroll


def _form(widget: QWidget) -> QFormLayout:
    """A form with each label above its field, so it reads in a narrow column."""
    form = QFormLayout(widget)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


def _next_milestone(project: Project, _new_id: str) -> TimetableEntry:
    proc = project.procurement
    dated = {e.milestone for e in proc.timetable}
    milestone = next((m for m in MILESTONE_ORDER if m not in dated), Milestone.CONTRACT_START)
    last = max((e.date for e in proc.timetable), default=None)
    day = (last + dt.timedelta(days=30)) if last else project.project.start - dt.timedelta(
        days=365)
    if milestone == Milestone.CONTRACT_START:
        day = project.project.start
    return TimetableEntry(milestone=milestone, date=day)


def _next_deduction(project: Project, _new_id: str) -> Deduction:
    carried = {d.kpi for d in project.payment.deductions}
    kpi = next((k.id for k in project.kpis if k.id not in carried),
               project.kpis[0].id if project.kpis else "K1")
    return Deduction(kpi=kpi)


class CommercialPage(StepPage):
    key = "commercial"

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.setObjectName("page.commercial")
        self.fields: list[BoundField] = []
        self.tables: dict[str, ItemTable] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("commercial.tabs")
        self.tabs.addTab(self._procurement_tab(), "Procurement")
        self.tabs.addTab(self._payment_tab(), "Payment and performance")
        self.tabs.addTab(self._management_tab(), "Governance, benefits and evaluation")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for name, table in self.tables.items():
            kind = {"lots": "lots", "benefits": "benefits"}.get(name)
            if kind:
                table.itemSelected.connect(
                    lambda i, k=kind: i and self.selectionChanged.emit(k, i))
        self.refresh()

    # fields -----------------------------------------------------------------------------------
    def _field(self, cls, path: tuple, name: str, words: str, **kw) -> BoundField:
        fld = cls(self.document, path, name, words, **kw)
        self.fields.append(fld)
        return fld

    def _table(self, key: str, path: tuple, columns: list[Column], noun: str, factory,
               prefix: str = "") -> ItemTable:
        table = ItemTable(self.document, path, columns, noun=noun, prefix=prefix,
                          factory=factory, name=key)
        self.tables[key] = table
        return table

    # Procurement -------------------------------------------------------------------------------
    def _procurement_tab(self) -> QWidget:
        p = ("procurement",)
        form_box = QWidget()
        form = _form(form_box)
        self.route = self._field(ComboField, (*p, "route"), "procurement.route", "Route",
                                 choices=_choices(ProcurementRoute), optional=True)
        form.addRow("Route", self.route)
        form.addRow("Why this route", self._field(TextField, (*p, "route_reason"),
                                                  "procurement.route_reason", "Why this route"))
        self.justification = self._field(
            TextField, (*p, "direct_award_justification"),
            "procurement.direct_award_justification", "Direct award justification")
        form.addRow("Direct award justification", self.justification)
        self.procurement_form = form
        form.addRow("Lots one bidder may win", self._field(
            SpinField, (*p, "lots_per_bidder"), "procurement.lots_per_bidder",
            "Lots one bidder may win", minimum=0, maximum=100, optional=True))
        e = (*p, "evaluation")
        self.weights = [
            self._field(SpinField, (*e, attr), f"procurement.evaluation.{attr}", words,
                        minimum=0, maximum=100, suffix="%")
            for attr, words in (("quality", "Quality"), ("price", "Price"),
                                ("social_value", "Social value"))]
        for fld in self.weights:
            form.addRow(fld.field_label, fld)
        self.weights_total = QLabel("")
        self.weights_total.setObjectName("procurement.evaluation.total")
        form.addRow("Total", self.weights_total)
        periods = ", ".join(f"{label(r).split(' (')[0].lower()} {d} days"
                            for r, d in MIN_TENDER_DAYS.items())
        rules = QLabel(f"Standstill: at least {STANDSTILL_WORKING_DAYS} working days after the "
                       f"contract award notice (s.51), weekends and bank holidays not counted. "
                       f"Shortest tendering periods: {periods}.")
        rules.setWordWrap(True)
        form.addRow(rules)

        lots = self._table("lots", (*p, "lots"), [
            Column("id", "Id", tip=ID_TIP, width=50),
            Column("name", "Lot", width=170),
            Column("phases", "Phases", REFS, ref="phases", width=170),
            Column("value_gbp", "Value", MONEY, optional=True, width=110)],
            "lot", lambda _p, i: Lot(id=i, name=f"Lot {i}"), prefix="L")
        engagement = self._table("market_engagement", (*p, "market_engagement"), [
            Column("what", "What was done", width=200),
            Column("date", "When", DATE, optional=True, width=100),
            Column("with_whom", "With whom", width=180)],
            "market engagement", lambda _p, _i: MarketEngagement(what="Supplier event"))
        timetable = self._table("timetable", (*p, "timetable"), [
            Column("milestone", "Milestone", ENUM, enum=Milestone, width=230),
            Column("date", "Date", DATE, width=100)],
            "milestone", _next_milestone)
        self.timeline = SceneView()
        self.timeline.setObjectName("procurement.timeline")

        self.timeline.setMinimumSize(240, 150)
        lists = QTabWidget()
        lists.setObjectName("procurement.lists")
        lists.addTab(timetable, "Timetable")
        lists.addTab(lots, "Lots")
        lists.addTab(engagement, "Market engagement")
        for table in (timetable, lots, engagement):
            table.setMinimumWidth(240)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(_scroll(form_box, 280))
        top.addWidget(lists)
        top.setSizes([330, 400])
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(top)
        whole.addWidget(self.timeline)
        whole.setSizes([400, 260])
        return whole

    # Payment -----------------------------------------------------------------------------------
    def _payment_tab(self) -> QWidget:
        p = ("payment",)
        form_box = QWidget()
        form = _form(form_box)
        form.addRow("Mechanism", self._field(ComboField, (*p, "mechanism"), "payment.mechanism",
                                             "Payment mechanism",
                                             choices=_choices(PaymentMechanism), optional=True))
        form.addRow("How it works", self._field(TextField, (*p, "description"),
                                                "payment.description", "How payment works"))
        form.addRow("Indexation", self._field(LineField, (*p, "indexation"), "payment.indexation",
                                              "Indexation"))
        form.addRow("Results baseline", self._field(TextField, (*p, "baseline"),
                                                    "payment.baseline", "Results baseline"))
        form.addRow("Cap on deductions", self._field(
            SpinField, (*p, "deduction_cap_pct"), "payment.deduction_cap_pct",
            "Cap on deductions", minimum=0, maximum=100, optional=True,
            suffix="% of the monthly payment"))
        form.addRow("Before termination", self._field(
            ComboField, (*p, "remedy_step"), "payment.remedy_step", "Step before termination",
            choices=_choices(RemedyStep), optional=True))
        form.addRow(self._field(CheckField, (*p, "sensitive"), "payment.sensitive",
                                "Sensitive: withhold the amounts"))
        deductions = self._table("deductions", (*p, "deductions"), [
            Column("kpi", "KPI", REF, ref="kpis", width=190),
            Column("per_failure_gbp", "Per failure", MONEY, width=110)],
            "deduction", _next_deduction)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(_scroll(form_box, 280))
        split.addWidget(_boxed("Performance deductions (KPIs from the Accountability step)",
                               deductions))
        split.setSizes([380, 350])
        return split

    # Governance, benefits, evaluation ------------------------------------------------------------
    def _management_tab(self) -> QWidget:
        g = ("governance",)
        form_box = QWidget()
        form = _form(form_box)
        form.addRow("Senior responsible owner", self._field(
            LineField, (*g, "senior_responsible_owner"), "governance.senior_responsible_owner",
            "Senior responsible owner"))
        form.addRow("Contract manager", self._field(
            LineField, (*g, "contract_manager"), "governance.contract_manager",
            "Contract manager"))
        form.addRow("Client-side capacity", self._field(
            FteField, (*g, "client_side_fte"), "governance.client_side_fte",
            "Client-side capacity"))
        b = (*g, "partnership_board")
        form.addRow("Partnership board", self._field(
            TextField, (*b, "membership"), "governance.partnership_board.membership",
            "Partnership board membership"))
        form.addRow("Board meets", self._field(
            SpinField, (*b, "meetings_per_year"), "governance.partnership_board.meetings_per_year",
            "Board meetings a year", minimum=0, maximum=365, suffix=" times a year"))
        form.addRow("Steering groups on the board", self._field(
            CheckListField, (*b, "steering_groups"),
            "governance.partnership_board.steering_groups", "Steering groups on the board",
            choices=lambda: [(sg.id, sg.name) for sg in self.document.project.steering_groups]))
        ev = ("evaluation_plan",)
        form.addRow(QLabel("<b>Evaluation plan</b>"))
        form.addRow("Mid-term evaluation", self._field(
            DateField, (*ev, "mid_term"), "evaluation_plan.mid_term", "Mid-term evaluation",
            optional=True))
        form.addRow("End evaluation", self._field(
            DateField, (*ev, "end"), "evaluation_plan.end", "End evaluation", optional=True))
        form.addRow("By", self._field(LineField, (*ev, "by"), "evaluation_plan.by",
                                      "Evaluated by"))
        form.addRow(self._field(CheckField, (*ev, "independent"), "evaluation_plan.independent",
                                "Independent evaluator"))
        form.addRow("Method", self._field(TextField, (*ev, "method"), "evaluation_plan.method",
                                          "Evaluation method"))
        form.addRow(self._field(CheckField, (*ev, "published"), "evaluation_plan.published",
                                "Evaluation published"))

        reviews = self._table("assurance_reviews", (*g, "assurance_reviews"), [
            Column("name", "Review", width=220),
            Column("date", "When", DATE, optional=True, width=100),
            Column("by", "By", width=140)],
            "assurance review", lambda _p, _i: AssuranceReview(name="Gateway review"))
        benefits = self._table("benefits", ("benefits",), [
            Column("id", "Id", tip=ID_TIP, width=45),
            Column("benefit", "Benefit", width=170),
            Column("owner", "Owner", width=120),
            Column("measure", "Measure", width=120),
            Column("baseline", "Baseline", width=80),
            Column("target", "Target", width=80),
            Column("date", "By", DATE, optional=True, width=95),
            Column("objective", "Objective", REF, ref="social_impact", optional=True, width=80),
            Column("cash_releasing", "Cash-releasing", BOOL)],
            "benefit", lambda _p, i: Benefit(id=i, benefit=f"New benefit {i}"), prefix="B")
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(_boxed("Benefits register", benefits))
        tables.addWidget(_boxed("Assurance and gateway reviews", reviews))
        tables.setSizes([420, 220])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(_scroll(form_box, 280))
        split.addWidget(tables)
        split.setSizes([330, 400])
        return split

    # the page contract ---------------------------------------------------------------------------
    def refresh(self) -> None:
        project = self.document.project
        for fld in self.fields:
            fld.refresh()
        for table in self.tables.values():
            table.refresh()
        direct = project.procurement.route == ProcurementRoute.DIRECT_AWARD
        self.procurement_form.setRowVisible(self.justification, direct)
        weights = project.procurement.evaluation
        self.weights_total.setText(
            f"{weights.total}%" + ("" if weights.total in (0, 100) else " – must be 100%"))
        self.timeline.set_scene(procurement_timeline(project))

    def select_item(self, kind: str, item_id: str) -> bool:
        if kind in ("procurement", "lots"):
            self.tabs.setCurrentIndex(0)
            if kind == "lots":
                return self.tables["lots"].select_id(item_id)
            return True
        if kind == "payment":
            self.tabs.setCurrentIndex(1)
            return True
        if kind in ("governance", "benefits", "evaluation_plan"):
            self.tabs.setCurrentIndex(2)
            if kind == "benefits":
                return self.tables["benefits"].select_id(item_id)
            return True
        return False

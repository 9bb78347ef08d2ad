"""Step 8: the options appraisal and affordability.

Left, what the user enters: the appraisal period and base year, the critical success factors,
the options (baseline, preferred) with the selected option's optimism bias, its score against
each critical success factor and its cash-flow grid (edit cells, or paste rows copied from a
spreadsheet), then the budget by year and the funding sources. Right, the figures: a summary
line and one of four graphs (options' NPSV, cost by year, risk exposure curve, affordability).
Every edit is an undoable step of the document.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, EditError
from ui.pages.base import StepPage
from ui.widgets.adaptive_splitter import AdaptiveSplitter
from ui.widgets.forms import ComboField, DetailForm, SpinField, TextField
from ui.widgets.table import BOOL, COMPUTED, ID_TIP, INT, MONEY, Column, ItemTable
from ui.widgets.money_fields import PercentField, merge_cash_flows, parse_cash_flows
from ui.widgets.scene_view import SceneView
from wizard import optimism_bias
from wizard.affordability import affordability
from wizard.appraisal import appraise
from wizard.formatting import percent, signed_money
from wizard.graphs.affordability_bars import affordability_bars
from wizard.graphs.cost_profile import cost_profile
from wizard.graphs.exposure_curve import exposure_curve
from wizard.graphs.options_npsv import options_npsv
from wizard.model import (
    MAX_APPRAISAL_YEARS,
    BudgetYear,
    CashFlow,
    CriticalSuccessFactor,
    CsfRating,
    FundingSource,
    Option,
)
from wizard.risk_exposure import cached_simulation

GRAPHS = (
    ("options_npsv", "Options' net present social value", options_npsv),
    ("cost_profile", "Cost of each option by year", cost_profile),
    ("exposure_curve", "Risk exposure curve (public and private)", exposure_curve),
    ("affordability", "Affordability by year against the budget", affordability_bars),
)
RATING_CHOICES = (("", "Not scored"), ("meets", "Meets"), ("partly", "Partly meets"),
                  ("fails", "Fails"))


class CsfRatings(QWidget):
    """The selected option's rating against each critical success factor."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.option_index: int | None = None
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        self.empty = QLabel("Add critical success factors above to score the options.")
        self.empty.setWordWrap(True)
        self.form.addRow(self.empty)

    def set_option(self, index: int | None) -> None:
        self.option_index = index
        self.refresh()

    def refresh(self) -> None:
        info = self.document.project.project
        ids = [c.id for c in info.critical_success_factors]
        if list(self.combos) != ids:
            while self.form.rowCount() > 1:
                self.form.removeRow(1)
            self.combos = {}
            for csf in info.critical_success_factors:
                combo = QComboBox()
                combo.setObjectName(f"appraisal.csf.{csf.id}")
                combo.setAccessibleName(f"Rating against {csf.id}")
                for data, text in RATING_CHOICES:
                    combo.addItem(text, data)
                combo.currentIndexChanged.connect(lambda _i, c=csf.id: self.commit(c))
                self.combos[csf.id] = combo
                row_label = QLabel(f"{csf.id}")
                row_label.setToolTip(csf.description)
                combo.setToolTip(csf.description)
                self.form.addRow(row_label, combo)
        self.empty.setVisible(not ids)
        option = self._option()
        rated = {r.csf: r.rating for r in option.csf_assessment} if option else {}
        for csf_id, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setEnabled(option is not None)
            combo.setCurrentIndex(max(0, combo.findData(rated.get(csf_id, ""))))
            combo.blockSignals(False)

    def _option(self) -> Option | None:
        options = self.document.project.project.options
        if self.option_index is None or self.option_index >= len(options):
            return None
        return options[self.option_index]

    def commit(self, csf_id: str) -> None:
        option = self._option()
        if option is None:
            return
        rating = self.combos[csf_id].currentData()
        kept = [r for r in option.csf_assessment if r.csf != csf_id]
        if rating:
            kept.append(CsfRating(csf=csf_id, rating=rating))
        order = list(self.combos)
        kept.sort(key=lambda r: order.index(r.csf) if r.csf in order else len(order))
        words = dict(RATING_CHOICES)[rating or ""].lower()
        self.document.set_value(("project", "options", self.option_index, "csf_assessment"),
                                kept, f"Rate {option.id} against {csf_id}: {words}")


class AppraisalPage(StepPage):
    key = "appraisal"

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.setObjectName("page.appraisal")
        doc = self.document
        p = ("project",)

        # settings
        self.period = SpinField(doc, (*p, "appraisal_period_years"), "appraisal.period",
                                "Appraisal period", 0, MAX_APPRAISAL_YEARS + 1, suffix=" years")
        self.period.editor.setSpecialValueText("Contract length")
        self.period.editor.setToolTip("0 (Contract length): the contract's duration in whole "
                                      "years")
        self.base_year = SpinField(doc, (*p, "base_year"), "appraisal.base_year", "Base year",
                                   1900, 2300, optional=True)
        self.base_year.editor.setToolTip("Prices are real terms of this year; — means the "
                                         "contract's start year")
        settings = QGroupBox("Appraisal")
        form = QFormLayout(settings)
        form.addRow("Appraisal period", self.period)
        form.addRow("Base year (prices)", self.base_year)
        rates = QLabel("Discounted at the Green Book rate: 3.5% a year for years 1–30, 3.0% for "
                       "years 31–75; year 0 undiscounted.")
        rates.setWordWrap(True)
        form.addRow(rates)

        # critical success factors
        self.csfs = ItemTable(
            doc, (*p, "critical_success_factors"),
            [Column("id", "Id", tip=ID_TIP, width=60), Column("description", "Critical success factor")],
            noun="critical success factor", prefix="CSF",
            factory=lambda _p, new_id: CriticalSuccessFactor(
                id=new_id, description=f"New critical success factor {new_id}"),
            name="csfs",
        )

        # options
        self.options = ItemTable(
            doc, (*p, "options"),
            [Column("id", "Id", tip=ID_TIP, width=45), Column("name", "Option", width=230),
             Column("baseline", "Baseline", BOOL, width=70,
                    tip="The business-as-usual or do-minimum option every option is compared "
                        "with"),
             Column("preferred", "Preferred", BOOL, width=75),
             Column("npsv", "NPSV", COMPUTED, compute=self._npsv_of, width=110),
             Column("bcr", "BCR", COMPUTED, compute=self._bcr_of, width=55)],
            noun="option", prefix="O",
            factory=lambda project, new_id: Option(
                id=new_id, name=f"Option {len(project.project.options) + 1}"),
            name="appraisal.options",
        )
        self.options.currentChanged.connect(self._option_changed)
        self.options.itemSelected.connect(
            lambda i: i and self.selectionChanged.emit("options", i))

        lib = optimism_bias.library()
        self.ob = DetailForm(doc)
        self.ob.add("optimism_bias_category", ComboField(
            doc, None, "appraisal.ob_category", "Optimism bias category",
            choices=lambda: [("", "Not chosen"), *[(b.key, f"{b.label} (upper {percent(b.upper_pct)}, "
                                                   f"lower {percent(b.lower_pct)})")
                                                  for b in lib.capital]]), "Capital category")
        self.ob.add("optimism_bias_capital_pct", PercentField(
            doc, None, "appraisal.ob_capital", "Capital uplift", 1000.0), "Capital uplift")
        self.ob.add("optimism_bias_revenue_pct", PercentField(
            doc, None, "appraisal.ob_revenue", "Revenue uplift", 1000.0),
            f"Revenue uplift (upper {percent(lib.revenue.upper_pct)})")
        self.ob.add("optimism_bias_reason", TextField(
            doc, None, "appraisal.ob_reason", "Reason for reducing the uplift"),
            "Evidence for any reduction")
        self.upper = QPushButton("Set both uplifts to the upper bound")
        self.upper.setObjectName("appraisal.ob_upper")
        self.upper.clicked.connect(self.apply_upper_bounds)
        self.ob.layout_.addRow(self.upper)
        self.ratings = CsfRatings(doc)

        self.flows = ItemTable(
            doc, None,
            [Column("year", "Year", INT, 0, MAX_APPRAISAL_YEARS, width=55),
             Column("capital_gbp", "Capital", MONEY, width=115),
             Column("revenue_gbp", "Revenue", MONEY, width=115),
             Column("benefits_gbp", "Cash benefits", MONEY, width=115),
             Column("non_cash_benefits_gbp", "Non-cash benefits", MONEY, width=125)],
            noun="year", factory=self._new_year, name="appraisal.cash_flows",
        )
        self.paste_button = QPushButton("Paste rows from a spreadsheet")
        self.paste_button.setObjectName("appraisal.paste")
        self.paste_button.setToolTip("Copy rows of year, capital, revenue, benefits and non-cash "
                                     "benefits (or the four amounts without the year) in a "
                                     "spreadsheet, then paste them here (Ctrl+Shift+V)")
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        QShortcut(QKeySequence("Ctrl+Shift+V"), self.flows.view, self.paste_from_clipboard)
        self.paste_message = QLabel("")
        self.paste_message.setObjectName("appraisal.paste.message")
        self.paste_message.setWordWrap(True)

        option_box = QGroupBox("Selected option")
        option_layout = QVBoxLayout(option_box)
        option_layout.addWidget(QLabel("<b>Costs and benefits by year</b> (real terms, £; year 0 "
                                       "is the first year)"))
        option_layout.addWidget(self.flows)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste_button)
        paste_row.addWidget(self.paste_message, 1)
        option_layout.addLayout(paste_row)
        option_layout.addWidget(QLabel("<b>Optimism bias</b> (start at the upper bound; reduce "
                                       "only with evidence)"))
        option_layout.addWidget(self.ob)
        option_layout.addWidget(QLabel("<b>Against the critical success factors</b>"))
        option_layout.addWidget(self.ratings)
        self.flows.setMinimumHeight(220)

        # budget and funding
        self.budget = ItemTable(
            doc, (*p, "budget"),
            [Column("year", "Year", INT, 0, MAX_APPRAISAL_YEARS, width=55),
             Column("capital_gbp", "Capital available", MONEY, width=140),
             Column("revenue_gbp", "Revenue available", MONEY, width=140)],
            noun="budget year", factory=self._new_budget_year, name="appraisal.budget",
        )
        self.funding = ItemTable(
            doc, (*p, "funding"),
            [Column("name", "Source", width=260), Column("amount_gbp", "Amount", MONEY, width=130),
             Column("confirmed", "Confirmed", BOOL, width=80)],
            noun="funding source",
            factory=lambda _p, _id: FundingSource(name="New funding source"),
            name="appraisal.funding",
        )

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(settings)
        for title, widget, height in (("Critical success factors", self.csfs, 170),
                                      ("Options", self.options, 200)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            widget.setMinimumHeight(height)
            column.addWidget(box)
        column.addWidget(option_box)
        for title, widget in (("Budget by year", self.budget), ("Funding sources", self.funding)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            widget.setMinimumHeight(200)
            column.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(420)

        # figures
        self.summary = QLabel("")
        self.summary.setObjectName("appraisal.summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.graph_choice = QComboBox()
        self.graph_choice.setObjectName("appraisal.graph")
        self.graph_choice.setAccessibleName("Graph shown")
        for key, words, _builder in GRAPHS:
            self.graph_choice.addItem(words, key)
        self.graph_choice.currentIndexChanged.connect(lambda _i: self.refresh_graph())
        self.view = SceneView()
        self.view.setObjectName("appraisal.view")
        self.view.itemClicked.connect(self._graph_clicked)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.graph_choice)
        right_layout.addWidget(self.view, 1)

        row = QHBoxLayout(self)
        splitter = AdaptiveSplitter(1000, (1, 1), (1, 1))
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        row.addWidget(splitter)
        self._option_changed(-1)
        self.refresh()

    # computed columns --------------------------------------------------------------------------
    def _result(self, option: Option):
        return next((o for o in self._appraisal.options if o.id == option.id), None) \
            if getattr(self, "_appraisal", None) else None

    def _npsv_of(self, option: Option) -> str:
        r = self._result(option)
        return signed_money(r.npsv_gbp) if r is not None and r.has_cash_flows else "no cash flows"

    def _bcr_of(self, option: Option) -> str:
        r = self._result(option)
        return f"{r.bcr:.2f}" if r is not None and r.bcr is not None else ""

    # factories ---------------------------------------------------------------------------------
    def _new_year(self, project, _new_id) -> CashFlow:
        index = self._option_index()
        flows = project.project.options[index].cash_flows if index is not None else []
        return CashFlow(year=min(MAX_APPRAISAL_YEARS, max((c.year for c in flows), default=-1) + 1))

    def _new_budget_year(self, project, _new_id) -> BudgetYear:
        return BudgetYear(year=min(MAX_APPRAISAL_YEARS,
                                   max((b.year for b in project.project.budget), default=-1) + 1))

    # the selected option -----------------------------------------------------------------------
    def _option_index(self) -> int | None:
        row = self.options.view.currentIndex().row()
        return row if 0 <= row < len(self.document.project.project.options) else None

    def _option_changed(self, _row: int) -> None:
        index = self._option_index()
        if getattr(self, "_bound", "unset") == index:
            return
        self._bound = index
        path = None if index is None else ("project", "options", index)
        self.ob.set_item(path)
        self.flows.set_path(None if path is None else (*path, "cash_flows"))
        self.ratings.set_option(index)
        self.upper.setEnabled(index is not None)
        self.paste_button.setEnabled(index is not None)
        self.paste_message.setText("" if index is not None else "Select an option to enter "
                                   "its costs and benefits.")

    def apply_upper_bounds(self) -> bool:
        index = self._option_index()
        if index is None:
            return False
        option = self.document.project.project.options[index]
        lib = optimism_bias.library()
        cap = lib.capital_bound(option.optimism_bias_category)
        new = self.document.edited_copy()
        target = new.project.options[index]
        if cap is not None:
            target.optimism_bias_capital_pct = cap.upper_pct
        target.optimism_bias_revenue_pct = lib.revenue.upper_pct
        self.document.replace_project(new, f"Set the optimism bias of {option.id} to the upper "
                                      "bounds")
        return True

    def paste_from_clipboard(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste spreadsheet rows into the selected option's cash flows (one undoable step)."""
        index = self._option_index()
        if index is None:
            return False
        option = self.document.project.project.options[index]
        row = self.flows.view.currentIndex().row()
        first = option.cash_flows[row].year if 0 <= row < len(option.cash_flows) else (
            max((c.year for c in option.cash_flows), default=-1) + 1)
        try:
            pasted = parse_cash_flows(text, first)
        except ValueError as err:
            self.paste_message.setText(f"Nothing pasted: {err}.")
            return False
        new = self.document.edited_copy()
        new.project.options[index].cash_flows = merge_cash_flows(option.cash_flows, pasted)
        try:
            self.document.replace_project(new, f"Paste {len(pasted)} years of cash flows into "
                                          f"{option.id}")
        except EditError as err:
            self.paste_message.setText(f"Nothing pasted: {err}")
            return False
        years = f"{pasted[0].year}" if len(pasted) == 1 else f"{pasted[0].year}–{pasted[-1].year}"
        self.paste_message.setText(f"Pasted {len(pasted)} rows (years {years}).")
        return True

    # refresh -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        project = self.document.project
        self._appraisal = appraise(project)
        for fld in (self.period, self.base_year):
            fld.refresh()
        self.ob.refresh()
        self.ratings.refresh()
        self.options.refresh()
        self._option_changed(-1)  # rebinds only when the selected option moved
        exposure = cached_simulation(project)
        afford = affordability(project, self._appraisal, exposure)
        a = self._appraisal
        chosen = a.option(a.preferred_id)
        parts = []
        if chosen is not None and chosen.has_cash_flows:
            diff = chosen.npsv_vs_baseline_gbp
            versus = "" if diff is None else (
                f" ({signed_money(abs(diff))} {'more' if diff >= 0 else 'less'} than the baseline's)")
            parts.append(f"<b>{chosen.id}</b> (preferred): NPSV {signed_money(chosen.npsv_gbp)}{versus}")
        if exposure.priced:
            parts.append(f"Risk: public P80 {signed_money(exposure.public.p80_gbp)}, private P80 "
                         f"{signed_money(exposure.private.p80_gbp)} ({exposure.priced} priced risks)")
        if project.project.budget:
            parts.append(f"Affordability gap {signed_money(afford.gap_gbp)}; confirmed funding "
                         f"{signed_money(afford.confirmed_gbp)} of {signed_money(afford.need_gbp)} needed")
        missing = [m for m in (*a.missing, *afford.missing) if m]
        if missing:
            parts.append("<i>" + " ".join(dict.fromkeys(missing)) + "</i>")
        self.summary.setText("<br>".join(parts))
        self.refresh_graph()

    def refresh_graph(self) -> None:
        key = self.graph_choice.currentData()
        builder = next(b for k, _w, b in GRAPHS if k == key)
        index = self._option_index()
        selected = {self.document.project.project.options[index].id} if index is not None else None
        self.view.set_scene(builder(self.document.project, highlight=selected))

    def show_graph(self, key: str) -> None:
        self.graph_choice.setCurrentIndex(self.graph_choice.findData(key))

    def _graph_clicked(self, kind: str, item_id: str) -> None:
        if kind == "options":
            self.options.select_id(item_id)
        else:
            self.selectionChanged.emit(kind, item_id)

    def select_item(self, kind: str, item_id: str) -> bool:
        if kind == "options":
            return self.options.select_id(item_id)
        if kind == "appraisal":
            if item_id.startswith("funding-"):
                self.funding.view.setFocus()
            else:
                self.budget.view.setFocus()
            self.show_graph("affordability")
            return True
        return False

    def problems(self) -> list[str]:
        from wizard.checks.steps import step_problems

        return step_problems(self.document.project, self.key)

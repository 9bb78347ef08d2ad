"""Step 7: accountability and social impact — a flat form, the KPIs and the social objectives."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from ui.document import Document
from ui.pages.base import StepPage
from ui.widgets.adaptive_splitter import AdaptiveSplitter
from ui.widgets.forms import (
    CheckField,
    ComboField,
    DateField,
    LineField,
    MoneyField,
    SpinField,
    TextField,
    item_choices,
)
from ui.widgets.table_detail import TableDetail, plain
from ui.widgets.table import ID_TIP, BOOL, DATE, INT, REF, Column, ItemTable
from wizard.formatting import money_words
from wizard.model import KPI, SocialImpactObjective
from wizard.thresholds import ACCREDITATION_FROM, OPEN_BOOK_FROM, SUBCONTRACT_THRESHOLD


class AccountabilityPage(StepPage):
    key = "accountability"

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.setObjectName("page.accountability")
        doc = self.document
        a = ("accountability",)
        self.fields = [
            CheckField(doc, (*a, "open_book"), "accountability.open_book",
                       "Open book accounting"),
            CheckField(doc, (*a, "data_disclosure"), "accountability.data_disclosure",
                       "Full data disclosure"),
            CheckField(doc, (*a, "publish_business_case"), "accountability.publish_business_case",
                       "Publish the business case"),
            CheckField(doc, (*a, "publish_subcontracts"), "accountability.publish_subcontracts",
                       "Publish sub-contracting opportunities and awards"),
            CheckField(doc, (*a, "social_responsibility_accreditation"),
                       "accountability.social_responsibility_accreditation",
                       "Require social responsibility accreditation of bidders"),
            CheckField(doc, (*a, "living_wage"), "accountability.living_wage",
                       "Real living wage for everyone working on the contract"),
        ]
        self.threshold = MoneyField(doc, (*a, "subcontract_threshold_gbp"),
                                    "accountability.subcontract_threshold_gbp",
                                    "Publish sub-contracts above")
        self.sme_target = SpinField(doc, (*a, "sme_spend_target_pct"),
                                    "accountability.sme_spend_target_pct", "SME spend target",
                                    0, 100, optional=True, suffix="%")
        self.sme_target.editor.setToolTip("The lowest position (—) means no target set")

        form_box = QGroupBox("Accountability")
        form = QFormLayout(form_box)
        for fld in self.fields:
            form.addRow(fld)
        form.addRow("Publish sub-contracts above", self.threshold)
        form.addRow("SME spend target", self.sme_target)
        rules = QLabel(f"Open book accounting and full data disclosure are expected on contracts "
                       f"of {money_words(OPEN_BOOK_FROM)} and over; accreditation from "
                       f"{money_words(ACCREDITATION_FROM)}; sub-contracts over "
                       f"{money_words(SUBCONTRACT_THRESHOLD)} published.")
        rules.setWordWrap(True)
        form.addRow(rules)

        self.kpis = ItemTable(
            doc, ("kpis",),
            [Column("id", "Id", tip=ID_TIP, width=50),
             Column("name", "KPI", width=200),
             Column("measure", "Measure", width=200),
             Column("target", "Target", width=120),
             Column("assessed_every_months", "Assessed every", INT, 1, 120, suffix=" months",
                    width=120),
             Column("owner", "Owner", REF, ref="partners", optional=True)],
            noun="KPI", prefix="K",
            factory=lambda _p, new_id: KPI(id=new_id, name=f"New KPI {new_id}"),
            name="kpis",
        )
        self.social = ItemTable(
            doc, ("social_impact",),
            [Column("id", "Id", tip=ID_TIP, width=50),
             Column("outcome", "Outcome", width=200),
             Column("indicator", "Indicator", width=150),
             Column("baseline", "Baseline", width=90),
             Column("target", "Target", width=90),
             Column("date", "By", DATE, optional=True, width=100),
             Column("published", "Published", BOOL, width=80),
             Column("consulted", "Consulted on", BOOL)],
            noun="social impact objective", prefix="S",
            factory=lambda _p, new_id: SocialImpactObjective(id=new_id,
                                                             outcome=f"New objective {new_id}"),
            name="social_impact",
        )
        self.kpi_detail = TableDetail(self.kpis, [
            ("name", "KPI", plain(LineField)),
            ("measure", "Measure", plain(TextField)),
            ("target", "Target", plain(LineField)),
            ("assessed_every_months", "Assessed every",
             lambda d, n, t: SpinField(d, None, n, t, 1, 120, suffix=" months")),
            ("owner", "Owner", lambda d, n, t: ComboField(
                d, None, n, t, choices=item_choices(d, "partners"), optional=True)),
        ])
        self.social_detail = TableDetail(self.social, [
            ("outcome", "Outcome", plain(LineField)),
            ("indicator", "Indicator", plain(LineField)),
            ("baseline", "Baseline", plain(LineField)),
            ("target", "Target", plain(LineField)),
            ("date", "By", lambda d, n, t: DateField(d, None, n, t, optional=True)),
            ("published", "Published", plain(CheckField)),
            ("consulted", "Consulted on", plain(CheckField)),
        ])
        self.kpis.itemSelected.connect(lambda i: i and self.selectionChanged.emit("kpis", i))
        self.social.itemSelected.connect(
            lambda i: i and self.selectionChanged.emit("social_impact", i))

        tables = QSplitter(Qt.Orientation.Vertical)
        for title, table in (("Key performance indicators", self.kpi_detail),
                             ("Social impact objectives", self.social_detail)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            tables.addWidget(box)

        # The page is taller than 1280x800 allows (a form and two lists, each with its detail):
        # it has no scroll area of its own, the window's one scrolls it whole.
        form_box.setMinimumWidth(300)
        form_box.setMinimumHeight(form_box.sizeHint().height())
        # each list: at least three rows of its table and the whole of its detail form
        tables.setMinimumHeight(self.kpi_detail.minimumSizeHint().height()
                                + self.social_detail.minimumSizeHint().height() + 60)
        row = QHBoxLayout(self)
        splitter = AdaptiveSplitter(1000, (2, 3), (2, 5))
        splitter.addWidget(form_box)
        splitter.addWidget(tables)
        row.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        for fld in (*self.fields, self.threshold, self.sme_target):
            fld.refresh()
        self.kpis.refresh()
        self.social.refresh()

    def select_item(self, kind: str, item_id: str) -> bool:
        if kind == "kpis":
            return self.kpis.select_id(item_id)
        if kind == "social_impact":
            return self.social.select_id(item_id)
        if kind == "accountability":
            self.fields[0].editor.setFocus()
            return True
        return False

"""Step 1: the project — what is being commissioned, by whom, where, and the options considered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document
from ui.pages.base import StepPage
from ui.pages.sharing_box import SharingBox
from ui.widgets.forms import (
    ComboField,
    DateField,
    DetailForm,
    LineField,
    MoneyField,
    SpinField,
    StringListField,
    TextField,
)
from ui.widgets.focus_scroll import FocusScrollArea
from ui.widgets.layout_sizes import WIDE_PX, show_rows
from ui.widgets.table import ID_TIP, BOOL, Column, ItemTable
from wizard.model import MAX_MONTHS, Option
from wizard.vocab import BusinessCaseStage, DeliveryModel, RiskAppetite


class ProjectPage(StepPage):
    key = "project"

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.setObjectName("page.project")
        doc = self.document
        p = ("project",)

        def line(attr: str, words: str) -> LineField:
            return LineField(doc, (*p, attr), f"project.{attr}", words)

        self.fields: dict[str, object] = {
            "title": line("title", "Title"),
            "commissioners": StringListField(doc, (*p, "commissioners"), "project.commissioners",
                                             "Commissioning bodies"),
            "place": line("place", "Place"),
            "service_area": line("service_area", "Service area"),
            "case_for_change": TextField(doc, (*p, "case_for_change"), "project.case_for_change",
                                         "Case for change"),
            "objectives": StringListField(doc, (*p, "objectives"), "project.objectives",
                                          "Objectives"),
            "stage": ComboField(doc, (*p, "stage"), "project.stage", "Business case stage",
                                enum=BusinessCaseStage),
            "value_gbp": MoneyField(doc, (*p, "value_gbp"), "project.value_gbp",
                                    "Estimated value"),
            "start": DateField(doc, (*p, "start"), "project.start", "Contract start"),
            "duration_months": SpinField(doc, (*p, "duration_months"), "project.duration_months",
                                         "Duration", 1, MAX_MONTHS, suffix=" months"),
            "risk_appetite": ComboField(doc, (*p, "risk_appetite"), "project.risk_appetite",
                                        "Risk appetite", enum=RiskAppetite),
            "delivery_model": ComboField(doc, (*p, "delivery_model"), "project.delivery_model",
                                         "Delivery model", enum=DeliveryModel),
            "delivery_model_other": line("delivery_model_other", "Other delivery model"),
            "document_date": DateField(doc, (*p, "document_date"), "project.document_date",
                                       "Document date", optional=True),
        }
        self.fields["document_date"].editor.setToolTip(
            "The date printed on the business case; not set: the date of the export")
        self.fields["title"].editor.setPlaceholderText("e.g. Leisure centres partnership")
        self.fields["value_gbp"].editor.setToolTip("Whole pounds: £12,500,000, 12.5m or 250k")
        words = {
            "title": "Title", "commissioners": "Commissioning bodies", "place": "Place",
            "service_area": "Service area", "case_for_change": "Case for change",
            "objectives": "Objectives", "stage": "Business case stage",
            "value_gbp": "Estimated value", "start": "Contract start",
            "duration_months": "Duration", "risk_appetite": "Risk appetite",
            "delivery_model": "Delivery model", "delivery_model_other": "If other, which",
            "document_date": "Document date",
        }
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, fld in self.fields.items():
            form.addRow(words[key], fld)
        self.sharing = SharingBox(doc)
        form.addRow(self.sharing)
        self.options = ItemTable(
            doc, (*p, "options"),
            [Column("id", "Id", tip=ID_TIP, width=45),
             Column("name", "Option", width=230),
             Column("preferred", "Preferred", BOOL)],
            noun="option", prefix="O",
            factory=lambda project, new_id: Option(
                id=new_id, name=f"Option {len(project.project.options) + 1}"),
            name="options",
        )
        self.option_detail = DetailForm(doc)
        self.option_detail.add("description", TextField(doc, None, "options.description",
                                                         "Description"), "Description")
        self.option_detail.add("reason", TextField(doc, None, "options.reason",
                                                   "Why preferred or not"), "Why (not) preferred")
        options_box = QGroupBox("Options considered")
        inner = QVBoxLayout(options_box)
        why = QLabel("Start from a blank sheet of paper: at least two options, and why the "
                     "preferred one was chosen.")
        why.setWordWrap(True)
        inner.addWidget(why)
        inner.addWidget(self.options, 3)
        inner.addWidget(self.option_detail, 2)
        self.options.currentChanged.connect(lambda _r: self._bind_option())
        self.options.itemSelected.connect(lambda i: i and self.selectionChanged.emit("options", i))

        show_rows(self.options.view, 4)
        # The page's one scroll area holds the form and the options: side by side when wide,
        # the options under the form when narrow (1280x800 with the findings open).
        content = QWidget()
        self.halves = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.halves.addWidget(form_box, 1)
        self.halves.addWidget(options_box, 1)
        self.scroll = FocusScrollArea()
        self.scroll.setObjectName("project.scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE_PX
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.halves.direction() != direction:
            self.halves.setDirection(direction)

    def _bind_option(self) -> None:
        row = self.options.current_row()
        path = ("project", "options", row) if row >= 0 else None
        if path != self.option_detail.item_path:
            self.option_detail.set_item(path)

    def refresh(self) -> None:
        for fld in self.fields.values():
            fld.refresh()
        other = self.document.project.project.delivery_model is DeliveryModel.OTHER
        self.fields["delivery_model_other"].editor.setEnabled(other)
        self.sharing.refresh()
        self.options.refresh()
        self._bind_option()
        self.option_detail.refresh()

    def select_item(self, kind: str, item_id: str) -> bool:
        if kind == "options":
            return self.options.select_id(item_id)
        if kind == "project" and item_id == "sharing" and self.sharing.isVisible():
            self.sharing.setFocus()
            self.sharing.fields["public_equity_pct"].editor.setFocus()
            return True
        if kind == "project":
            self.fields["title"].editor.setFocus()
            return True
        return False

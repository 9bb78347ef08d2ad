"""Fields of the economic and financial case: an uplift or probability in % (one decimal), the
triangular cost range of a risk (minimum, most likely, maximum set together as one undoable
step, so the order rule applies to the range as a whole), and pasting cash flows copied from a
spreadsheet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, EditError, Path, get_at
from ui.widgets.forms import (
    ERROR_STYLE,
    BoundField,
    SpinField,
    format_money,
    money_validator,
    parse_money,
    plain_message,
)
from wizard.model import CashFlow


class PercentField(BoundField):
    """A percentage with one decimal (0 to ``maximum``)."""

    def __init__(self, document, path, name, field_label, maximum: float = 100.0, parent=None):
        self._max = maximum
        super().__init__(document, path, name, field_label, parent)

    def _make_editor(self) -> QWidget:
        editor = QDoubleSpinBox()
        editor.setDecimals(1)
        editor.setRange(0.0, self._max)
        editor.setSuffix("%")
        editor.setKeyboardTracking(False)
        editor.valueChanged.connect(lambda _v: self.commit())
        return editor

    def _show(self, value: Any) -> None:
        self.editor.setValue(float(value or 0.0))

    def _read(self) -> Any:
        return float(self.editor.value())


RANGE = (("cost_min_gbp", "Minimum"), ("cost_likely_gbp", "Most likely"),
         ("cost_max_gbp", "Maximum"))


class CostRangeField(QWidget):
    """A risk's cost if it happens: minimum, most likely and maximum, written together."""

    committed = Signal()

    def __init__(self, document: Document, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.path: Path | None = None  # the risk's path, e.g. ("risks", 3)
        self.editors: dict[str, QLineEdit] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for attr, words in RANGE:
            editor = QLineEdit()
            editor.setObjectName(f"{name}.{attr}")
            editor.setAccessibleName(f"Cost if it happens: {words.lower()}")
            editor.setPlaceholderText(words)
            editor.setToolTip(f"{words} cost if the risk happens (e.g. £250,000 or 1.2m)")
            editor.setValidator(money_validator(editor))
            editor.editingFinished.connect(self.commit)
            row.addWidget(editor)
            self.editors[attr] = editor
        self.error = QLabel("")
        self.error.setObjectName(f"{name}.error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.refresh()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.error.setVisible(False)
        self.refresh()

    def _risk(self):
        try:
            return get_at(self.document.project, self.path) if self.path is not None else None
        except (IndexError, AttributeError, TypeError):
            return None

    def refresh(self) -> None:
        risk = self._risk()
        for attr, editor in self.editors.items():
            editor.setEnabled(risk is not None)
            text = "" if risk is None else format_money(getattr(risk, attr))
            if editor.text() != text and not editor.hasFocus():
                editor.blockSignals(True)
                editor.setText(text)
                editor.blockSignals(False)

    def commit(self) -> bool:
        risk = self._risk()
        if risk is None or self.path is None:
            return False
        try:
            values = {attr: parse_money(self.editors[attr].text() or "0") for attr, _ in RANGE}
        except ValueError as err:
            self._fail(str(err))
            return False
        if all(getattr(risk, a) == v for a, v in values.items()):
            return True
        new = self.document.edited_copy()
        target = get_at(new, self.path)
        try:
            # the model checks the whole range; set it through a validated copy
            checked = type(target).model_validate({**target.model_dump(), **values})
        except ValueError as err:
            first = getattr(err, "errors", lambda: [{"msg": str(err)}])()[0]["msg"]
            self._fail(first.removeprefix("Value error, "))
            return False
        items = list(get_at(new, self.path[:-1]))
        items[self.path[-1]] = checked
        parent = get_at(new, self.path[:-2]) if len(self.path) > 2 else new
        setattr(parent, self.path[-2], items)
        try:
            self.document.replace_project(new, f"Set the cost range of {risk.id}")
        except EditError as err:
            self._fail(str(err))
            return False
        self.error.setVisible(False)
        self.committed.emit()
        return True

    def _fail(self, message: str) -> None:
        self.error.setText(plain_message("Cost range", message))
        self.error.setVisible(True)
        self.refresh_after_error()

    def refresh_after_error(self) -> None:
        risk = self._risk()
        for attr, editor in self.editors.items():
            editor.blockSignals(True)
            editor.setText("" if risk is None else format_money(getattr(risk, attr)))
            editor.blockSignals(False)


class RiskMoneyBox(QGroupBox):
    """The quantified risk on the risk detail: probability, cost range, delay, expected cost."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__("Quantified risk", parent)
        self.document = document
        self.setToolTip("The chance the risk happens and a triangular range of its cost if it "
                        "does: expected cost = probability × (min + likely + max) / 3")
        self.probability = PercentField(document, None, "risks.probability_pct",
                                        "Probability it happens")
        self.costs = CostRangeField(document, "risks.cost_range")
        self.delay = SpinField(document, None, "risks.delay_months", "Delay if it happens",
                               0, 1200, optional=True, suffix=" months")
        self.expected = QLabel("")
        self.expected.setObjectName("risks.expected_cost")
        form = QFormLayout(self)
        form.addRow("Probability", self.probability)
        form.addRow("Cost if it happens", self.costs)
        form.addRow("Delay if it happens", self.delay)
        form.addRow("Expected cost", self.expected)
        self.path: Path | None = None

    def set_risk(self, path: Path | None) -> None:
        if path != self.path:
            self.path = path
            self.probability.set_path(None if path is None else (*path, "probability_pct"))
            self.delay.set_path(None if path is None else (*path, "delay_months"))
            self.costs.set_path(path)
        self.refresh()

    def refresh(self) -> None:
        from wizard.risk import public_fraction
        from wizard.risk_exposure import expected_cost, priced

        for fld in (self.probability, self.delay, self.costs):
            fld.refresh()
        try:
            risk = get_at(self.document.project, self.path) if self.path else None
        except (IndexError, AttributeError, TypeError):
            risk = None
        if risk is None or not priced(risk):
            self.expected.setText("Not priced: give a probability and a maximum cost.")
            return
        e = expected_cost(risk)
        pub = public_fraction(risk)
        self.expected.setText(f"{format_money(round(e))} (public {format_money(round(e * pub))}, "
                              f"private {format_money(round(e * (1 - pub)))})")


# -- pasting cash flows from a spreadsheet ------------------------------------------------------
FLOW_FIELDS = ("capital_gbp", "revenue_gbp", "benefits_gbp", "non_cash_benefits_gbp")


def parse_cash_flows(text: str, first_year: int = 0) -> list[CashFlow]:
    """Rows copied from a spreadsheet (tab or comma separated) as cash flows.

    A row of five cells is year, capital, revenue, benefits, non-cash benefits; a row of four
    or fewer leaves out the year (rows then run from ``first_year``). A first row that is not
    numbers (a header) is skipped; empty cells are £0. ValueError names the row and cell."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
             if line.strip()]
    if not lines:
        raise ValueError("the clipboard holds no rows")
    sep = "\t" if "\t" in text else ","
    rows = [[c.strip() for c in line.split(sep)] for line in lines]

    def numeric(cell: str) -> bool:
        try:
            parse_money(cell or "0")
            return True
        except ValueError:
            return cell.strip().lstrip("-").isdigit()

    if rows and not all(numeric(c) for c in rows[0]):
        rows = rows[1:]  # a header row
    flows: list[CashFlow] = []
    year = first_year
    for n, cells in enumerate(rows, start=1):
        if len(cells) > 5:
            raise ValueError(f"row {n} has {len(cells)} cells; paste at most five: year, "
                             "capital, revenue, benefits, non-cash benefits")
        if len(cells) == 5:
            try:
                year = int(cells[0])
            except ValueError:
                raise ValueError(f"row {n}: '{cells[0]}' is not a year (0, 1, 2...)") from None
            cells = cells[1:]
        values = {}
        for attr, cell in zip(FLOW_FIELDS, cells):
            try:
                values[attr] = parse_money(cell or "0")
            except ValueError as err:
                raise ValueError(f"row {n}: {err}") from None
        try:
            flows.append(CashFlow(year=year, **values))
        except ValueError as err:
            raise ValueError(f"row {n}: year {year} is outside 0 to 75") from err
        year += 1
    return flows


def merge_cash_flows(old: list[CashFlow], pasted: list[CashFlow]) -> list[CashFlow]:
    """The pasted years replace the same years; the rest stay; in year order."""
    by_year = {c.year: c for c in old}
    by_year.update({c.year: c for c in pasted})
    return [by_year[y] for y in sorted(by_year)]

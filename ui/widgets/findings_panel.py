"""The findings panel: the live findings of the current step, beside the step's editor.

Findings come from ``wizard.checks.run_checks`` and are refreshed shortly after each edit (one
single-shot timer, so a burst of edits costs one run). Clicking a finding (or Enter) asks the
window to select the item concerned; "Accept…" records a written justification in the
project's ``accepted_findings`` as an undoable edit. Accepted findings stay in the list, marked
as accepted with their justification.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListView,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.document import Document
from ui.pages.base import STEP_OF_KIND
from wizard.model import AcceptedFinding, Project

if TYPE_CHECKING:  # the checks load numpy and networkx: imported when they first run
    from wizard.checks import Finding

DEBOUNCE_MS = 150
SEVERITY_ORDER = {"error": 0, "warning": 1, "advice": 2}
SEVERITY_WORDS = {"error": "Error", "warning": "Warning", "advice": "Advice"}
SEVERITY_MARKS = {"error": "●", "warning": "▲", "advice": "○"}
SEVERITY_COLOURS = {"error": "#b00020", "warning": "#8a5300", "advice": "#1d4f91"}
ROLE_FINDING = Qt.ItemDataRole.UserRole


class _WrappingDelegate(QStyledItemDelegate):
    """Gives each finding the height its wrapped text needs at the list's current width."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        width = max(80, view.viewport().width() - 2 * view.spacing() - 16)
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000),
                                                  int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + 10)


def _run_checks(project: Project) -> list[Finding]:
    from wizard.checks import run_checks  # after the window is up (see FindingsPanel)

    return list(run_checks(project))


def _principle_label(principle: str) -> str:
    from wizard.checks import PRINCIPLE_LABELS

    return PRINCIPLE_LABELS.get(principle, principle.replace("_", "-").capitalize())


def step_of_finding(finding: Finding) -> str:
    return STEP_OF_KIND.get(finding.item_kind, "project")


class FindingsPanel(QWidget):
    """Findings of one step (all of them on the review step)."""

    # The user asked to see the item a finding names: (kind, item id)
    itemRequested = Signal(str, str)
    refreshed = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findings.panel")
        self.document = document
        self.step = "project"
        self.findings: list[Finding] = []  # every finding of the project
        self.shown: list[Finding] = []  # the ones in the list, in order

        self.heading = QLabel()
        self.heading.setObjectName("findings.heading")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("findings.list")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setItemDelegate(_WrappingDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName("Findings for this step")
        self.detail = QLabel()
        self.detail.setObjectName("findings.detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumHeight(90)
        self.go_button = QPushButton("&Go to item")
        self.go_button.setObjectName("findings.go")
        self.accept_button = QPushButton("A&ccept…")
        self.accept_button.setObjectName("findings.accept")
        self.withdraw_button = QPushButton("&Withdraw")
        self.withdraw_button.setObjectName("findings.withdraw")
        self.withdraw_button.setToolTip("Withdraw the acceptance: the finding counts again")

        buttons = QHBoxLayout()
        for button in (self.go_button, self.accept_button, self.withdraw_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        document.changed.connect(self._timer.start)
        self.list.currentRowChanged.connect(self._show_detail)
        self.list.itemClicked.connect(self._request_item)
        self.list.itemActivated.connect(self._request_item)
        self.go_button.clicked.connect(lambda: self._request_item(self.list.currentItem()))
        self.accept_button.clicked.connect(self.accept_current)
        self.withdraw_button.clicked.connect(self.withdraw_current)
        self._fill()
        self._timer.start()  # the first run of the checks waits until the window is up

    def hold_first_run(self) -> None:
        """Wait for ``start_first_run`` (the window calls it after its first paint: the checks
        load numpy and networkx, which need not delay the window's appearance)."""
        self._timer.stop()

    def start_first_run(self) -> None:
        if not self.findings:
            self._timer.start()

    # -- content -------------------------------------------------------------------------------
    def set_step(self, step: str) -> None:
        self.step = step
        self._fill()

    def refresh_now(self) -> None:
        """Run the checks now (the panel otherwise refreshes shortly after each change)."""
        self._timer.stop()
        self.findings = _run_checks(self.document.project)
        self._fill()
        self.refreshed.emit()

    def pending(self) -> bool:
        return self._timer.isActive()

    def open_counts(self) -> dict[str, int]:
        """How many findings are still open (not accepted) for each step."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            if not self.is_accepted(finding):
                step = step_of_finding(finding)
                counts[step] = counts.get(step, 0) + 1
        return counts

    def _accepted_map(self) -> dict[str, str]:
        return {a.finding_id: a.justification for a in self.document.project.accepted_findings}

    def is_accepted(self, finding: Finding) -> bool:
        return finding.accepted or finding.id in self._accepted_map()

    def _fill(self) -> None:
        current = self.current_finding()
        keep_id = current.id if current is not None else None
        if self.step == "review":
            shown = list(self.findings)
        else:
            shown = [f for f in self.findings if step_of_finding(f) == self.step]
        shown.sort(key=lambda f: (self.is_accepted(f), SEVERITY_ORDER.get(f.severity, 3)))
        self.shown = shown
        accepted = self._accepted_map()
        self.list.blockSignals(True)
        self.list.clear()
        row_to_select = 0
        for row, finding in enumerate(shown):
            is_accepted = self.is_accepted(finding)
            severity = SEVERITY_WORDS.get(finding.severity, finding.severity.capitalize())
            mark = "✓" if is_accepted else SEVERITY_MARKS.get(finding.severity, "•")
            status = "Accepted" if is_accepted else severity
            text = f"{mark} {status} · {_principle_label(finding.principle)}\n{finding.message}"
            item = QListWidgetItem(text)
            item.setData(ROLE_FINDING, finding.id)
            reason = finding.justification or accepted.get(finding.id, "")
            item.setToolTip(f"{finding.message}\n\nRoute: {finding.route}" + (
                f"\n\nAccepted because: {reason}" if is_accepted else ""))
            if is_accepted:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#4d4d4d")))
            else:
                item.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(finding.severity, "#000000"))))
            self.list.addItem(item)
            if finding.id == keep_id:
                row_to_select = row
        self.list.blockSignals(False)
        open_count = sum(1 for f in shown if not self.is_accepted(f))
        where = "the whole project" if self.step == "review" else "this step"
        if not shown:
            self.heading.setText(f"No findings for {where}.")
        else:
            self.heading.setText(
                f"<b>{open_count} open</b>, {len(shown) - open_count} accepted for {where}."
            )
        if shown:
            self.list.setCurrentRow(row_to_select)
        self._show_detail(self.list.currentRow())

    def current_finding(self) -> Finding | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_detail(self, _row: int = -1) -> None:
        finding = self.current_finding()
        if finding is None:
            self.detail.setText("")
            for button in (self.go_button, self.accept_button, self.withdraw_button):
                button.setEnabled(False)
            return
        accepted = self.is_accepted(finding)
        text = f"<b>What to do:</b> {_escape(finding.route)}"
        if accepted:
            reason = finding.justification or self._accepted_map().get(finding.id, "")
            text += f"<br><b>Accepted because:</b> {_escape(reason)}"
        self.detail.setText(text)
        self.go_button.setEnabled(bool(finding.item_kind))
        self.accept_button.setEnabled(not accepted)
        self.withdraw_button.setEnabled(accepted)

    # -- actions -------------------------------------------------------------------------------
    def _request_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        finding = next((f for f in self.shown if f.id == item.data(ROLE_FINDING)), None)
        if finding is not None:
            self.itemRequested.emit(finding.item_kind, finding.item_id)

    def accept_current(self) -> bool:
        """Ask for a justification and record the acceptance (undoable). True if accepted."""
        finding = self.current_finding()
        if finding is None or self.is_accepted(finding):
            return False
        reason = dialogs.ask_justification(self, finding.item_label, finding.message)
        if not reason:
            return False
        kept = [a for a in self.document.project.accepted_findings if a.finding_id != finding.id]
        kept.append(
            AcceptedFinding(finding_id=finding.id, justification=reason, accepted_on=dt.date.today())
        )
        self.document.set_value(("accepted_findings",), kept, f"Accept finding on {finding.item_label}")
        self.refresh_now()
        return True

    def withdraw_current(self) -> bool:
        finding = self.current_finding()
        if finding is None or not self.is_accepted(finding):
            return False
        kept = [a for a in self.document.project.accepted_findings if a.finding_id != finding.id]
        self.document.set_value(
            ("accepted_findings",), kept, f"Withdraw acceptance on {finding.item_label}"
        )
        self.refresh_now()
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

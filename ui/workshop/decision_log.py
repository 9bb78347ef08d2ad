"""The workshop's decision log: every change made in workshop mode, with an optional note.

``DecisionLog.apply`` makes a change and appends its ``Decision`` (time, step, item, change) in
ONE undoable step, so undo removes both. ``note_last`` attaches a one-line note to the latest
decision (its own undo step). Times come from ``clock``: naive local wall-clock time to the
second, as the example projects store them and as the room reads them in the business case;
tests replace the clock. ``LogView`` shows the latest decisions, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from ui.document import Document
from wizard.model import Decision, Project
from wizard.decision_refs import infer, project_ids
from wizard.workshop import decision

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    """Now, local wall-clock time (naive) to the second: the time stored in the decision log."""
    return dt.datetime.now().replace(microsecond=0)


class DecisionLog:
    """Applies workshop changes to the document, each with its line in ``project.decisions``."""

    def __init__(self, document: Document, clock: Clock = local_now):
        self.document = document
        self.clock = clock

    def apply(self, new: Project, *, step: str, item: str, change: str, undo_text: str,
              item_kind: str = "", item_id: str = "") -> None:
        """Swap in ``new`` (an edited copy) plus a decision line, as one undo step named
        ``undo_text``. Raises ``ui.document.EditError`` if the model refuses the change.
        Without ``item_kind``/``item_id`` the item is read from the leading id of ``item``."""
        if not item_id:
            item_kind, item_id = infer(item, step, project_ids(new))
        line = decision(self.clock(), step, item, change, item_kind=item_kind, item_id=item_id)
        new.decisions = [*new.decisions, line]
        self.document.replace_project(new, undo_text)

    def last(self) -> Decision | None:
        decisions = self.document.project.decisions
        return decisions[-1] if decisions else None

    def note_last(self, note: str) -> Decision:
        """Attach ``note`` to the latest decision; raises ``ValueError`` when there is none."""
        decisions = self.document.project.decisions
        if not decisions:
            raise ValueError("No change to note yet: make a change first, then press N")
        index = len(decisions) - 1
        text = " ".join(note.split())
        self.document.set_value(("decisions", index, "note"), text,
                                f"Note on {decisions[index].item} (workshop)")
        return self.document.project.decisions[index]


def format_line(line: Decision) -> str:
    """One log line as the room reads it: local time, item, change and the note."""
    text = f"{line.time:%H:%M}  {line.item} — {line.change}"
    if line.note:
        text += f"  “{line.note}”"
    return text


class _LogList(QListWidget):
    """The log's list: at any type size at least ``MIN_LINES`` lines of text tall."""

    MIN_LINES = 5

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        lines = self.fontMetrics().lineSpacing() * self.MIN_LINES + 2 * self.frameWidth() + 8
        hint.setHeight(max(hint.height(), lines))
        return hint


class LogView(QWidget):
    """The latest decisions, newest first (a compact list under the capture panel)."""

    def __init__(self, document: Document, rows: int = 6, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.rows = rows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Decisions taken in workshop")
        heading.setObjectName("workshopHint")
        heading.setWordWrap(True)  # at the largest type it must not widen the window
        self.list = _LogList()
        self.list.setObjectName("workshop.log")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        document.changed.connect(self.refresh)
        self.refresh()

    def lines(self) -> list[str]:
        """The texts shown, newest first."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        if not self.isVisible() and self.list.count():
            return  # shown again later: showEvent refreshes
        decisions = self.document.project.decisions[-self.rows :]
        self.list.clear()
        for line in reversed(decisions):
            self.list.addItem(format_line(line))

"""The contract every wizard step page follows.

A page is built once with the open ``Document``. It reads the project in ``refresh()`` (called
whenever the document changes), edits it only through the document's undoable methods, and can
select an item when the findings panel or a graph asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.document import Document
from wizard.checks.steps import step_problems

# The steps, in order: (key, title shown in the step list)
STEPS: tuple[tuple[str, str], ...] = (
    ("project", "1  Project"),
    ("partners", "2  Partners"),
    ("phasing", "3  Phasing"),
    ("risks", "4  Risks"),
    ("break_clauses", "5  Break clauses"),
    ("steering", "6  Community steering groups"),
    ("accountability", "7  Accountability and social impact"),
    ("commercial", "8  Commercial and management"),
    ("review", "9  Review and export"),
)

# Which step edits each kind of item a finding or a graph can name.
STEP_OF_KIND: dict[str, str] = {
    "project": "project",
    "options": "project",
    "partners": "partners",
    "phases": "phasing",
    "risks": "risks",
    "break_clauses": "break_clauses",
    "steering_groups": "steering",
    "accountability": "accountability",
    "kpis": "accountability",
    "social_impact": "accountability",
    "procurement": "commercial",
    "lots": "commercial",
    "payment": "commercial",
    "governance": "commercial",
    "benefits": "commercial",
    "evaluation_plan": "commercial",
}


class StepPage(QWidget):
    """Base of the eight step pages."""

    key: str = ""
    title: str = ""
    # The user selected an item on this page: (kind, item id), kind as in STEP_OF_KIND.
    selectionChanged = Signal(str, str)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        document.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Re-read everything shown from ``self.document.project``."""

    def select_item(self, kind: str, item_id: str) -> bool:
        """Select the item (e.g. the table row) and return True if this page shows it."""
        return False

    def problems(self) -> list[str]:
        """What stops this step being complete, in words for the user (shown on Next): the
        core's rules for this step (``wizard.checks.steps``), which ``changemaker check`` prints
        too."""
        return step_problems(self.document.project, self.key)

"""Step 3: phasing — divide the contract into phases, with the phase map beside the table."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ui.pages.list_page import ListPage
from ui.widgets.forms import CheckListField, DetailForm, StringListField, TextField, item_choices
from ui.widgets.table import ID_TIP, BOOL, COMPUTED, ENUM, INT, MONEY, REF, REFS, Column
from wizard.model import MAX_MONTHS, Phase, Project
from wizard.schedule import build_schedule
from wizard.vocab import PhaseKind


class PhasingPage(ListPage):
    key = "phasing"
    collection = "phases"
    noun = "phase"
    prefix = "PH"
    graph = "phase_map"
    sensitive = True

    def intro(self) -> str:
        return ("Divide the contract into phases, each contracted separately or bundled. Months "
                "count from the contract start (0 is the first month). Outcomes should deepen "
                "from phase to phase.")

    def columns(self) -> list[Column]:
        return [
            Column("id", "Id", tip=ID_TIP, width=50),
            Column("name", "Name", width=180),
            Column("kind", "Kind", ENUM, enum=PhaseKind, width=130),
            Column("start_month", "Start month", INT, 0, MAX_MONTHS, width=90,
                   tip="The start you ask for; a dependency can only move it later"),
            Column("scheduled", "Scheduled start", COMPUTED, compute=self.scheduled_text,
                   width=120, tip="When the phase can start, after the phases it depends on"),
            Column("duration_months", "Months", INT, 1, MAX_MONTHS, width=70),
            Column("depends_on", "Depends on", REFS, ref="phases", width=100,
                   tip="Phase ids this phase follows, separated by commas", secondary=True),
            Column("provider", "Provider", REF, ref="partners", optional=True, width=150),
            Column("bundled", "Bundled", BOOL, width=70, secondary=True),
            Column("value_gbp", "Value", MONEY, width=120),
            Column("review_month", "Review month", INT, 0, MAX_MONTHS, optional=True, width=100,
                   secondary=True),
        ]

    def scheduled_text(self, phase: Phase) -> str:
        """The scheduled start beside the requested one: '90 (moved from 84)' when they differ."""
        project = self.document.project
        cached = getattr(self, "_schedule", None)
        if cached is None or cached[0] is not project:
            cached = (project, build_schedule(project).start)
            self._schedule = cached
        start = cached[1].get(phase.id)
        if start is None:
            return "—"
        if start != phase.start_month:
            return f"{start} (moved from {phase.start_month})"
        return str(start)

    def new_item(self, project: Project, new_id: str) -> Phase:
        start = max((p.start_month + p.duration_months for p in project.phases), default=0)
        start = min(start, MAX_MONTHS)
        return Phase(id=new_id, name=f"Phase {len(project.phases) + 1}", start_month=start)

    def build_detail(self, form: DetailForm, layout: QVBoxLayout) -> None:
        doc = self.document

        def other_phases():
            current = self.table.current_id()
            return [(i, t) for i, t in item_choices(doc, "phases")() if i != current]

        form.add("outcomes", StringListField(doc, None, "phases.outcomes", "Outcomes"), "Outcomes")
        form.add("depends_on", CheckListField(doc, None, "phases.depends_on", "Depends on",
                                              other_phases), "Depends on")
        form.add("description", TextField(doc, None, "phases.description", "Description"),
                 "Description")

"""What stops each wizard step being complete: the rules behind the pages' "problems".

One function per step, project in, messages out. The app shows them when the user presses
Next; the scorecard counts the complete steps as the design's completeness (shown beside the
quality score, never mixed into it); ``changemaker check`` prints them. Thresholds come from
``wizard.thresholds``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wizard.formatting import money_words
from wizard.model import Project, ProjectInfo
from wizard.risk import score
from wizard.schedule import build_schedule
from wizard.steps import STEPS as WIZARD_STEPS
from wizard.thresholds import MIN_KPIS, MIN_OPTIONS, PA2023_OVER, VERY_HIGH_RISK
from wizard.vocab import PartnerKind

DEFAULT_TITLE = ProjectInfo().title
_NUMBERS = {2: "two", 3: "three", 4: "four"}


def project_step(project: Project) -> list[str]:
    info = project.project
    found = []
    if not info.title.strip() or info.title == DEFAULT_TITLE:
        found.append("Give the project a title.")
    if not info.commissioners:
        found.append("Name at least one commissioning body.")
    if info.value_gbp == 0:
        found.append("Enter the estimated value of the contract.")
    if len(info.options) < MIN_OPTIONS:
        found.append(f"Consider at least {_NUMBERS.get(MIN_OPTIONS, MIN_OPTIONS)} options "
                     "(the 'blank sheet of paper').")
    elif not any(o.preferred for o in info.options):
        found.append("Mark the preferred option and say why it was chosen.")
    return found


def partners_step(project: Project) -> list[str]:
    partners = project.partners
    if not partners:
        return ["No partners yet: add at least the commissioning body and a provider."]
    if not any(p.kind is not PartnerKind.PUBLIC for p in partners):
        return ["No provider yet: add a private provider or a voluntary organisation."]
    return []


def phasing_step(project: Project) -> list[str]:
    if not project.phases:
        return ["No phases yet: divide the contract into at least one phase."]
    return list(build_schedule(project).problems)


def risks_step(project: Project) -> list[str]:
    found = []
    if not project.risks:
        found.append("No risks yet: add the main risks and who carries them.")
    untreated = [r.id for r in project.risks
                 if score(r) >= VERY_HIGH_RISK and not r.mitigation.strip()]
    if untreated:
        found.append(f"Very high risks without a mitigation: {', '.join(untreated)}.")
    return found


def break_clauses_step(project: Project) -> list[str]:
    if not project.break_clauses:
        return ["No break clauses yet: add at least a change-of-control clause."]
    return []


def steering_step(project: Project) -> list[str]:
    groups = project.steering_groups
    if not groups:
        return ["No community steering group yet: add one and say who sits on it."]
    return [f"Steering group {g.id} ({g.name}) has no members yet."
            for g in groups if not g.members]


def accountability_step(project: Project) -> list[str]:
    found = []
    if project.project.value_gbp > PA2023_OVER and len(project.kpis) < MIN_KPIS:
        found.append(f"Contracts over {money_words(PA2023_OVER)} need at least {MIN_KPIS} KPIs; "
                     f"this one has {len(project.kpis)}.")
    if not project.social_impact:
        found.append("No social impact objectives yet.")
    return found


@dataclass(frozen=True)
class Step:
    key: str  # the wizard step's key (wizard.steps.STEPS)
    title: str
    problems: Callable[[Project], list[str]]


# The rules of each step that has any; keys and titles come from the one step table.
RULES: dict[str, Callable[[Project], list[str]]] = {
    "project": project_step,
    "partners": partners_step,
    "phasing": phasing_step,
    "risks": risks_step,
    "break_clauses": break_clauses_step,
    "steering": steering_step,
    "accountability": accountability_step,
}

STEPS: tuple[Step, ...] = tuple(Step(s.key, s.title, RULES[s.key]) for s in WIZARD_STEPS
                                if s.key in RULES)


def step_problems(project: Project, key: str) -> list[str]:
    """What stops the step ``key`` being complete (nothing for a step without rules)."""
    for step in STEPS:
        if step.key == key:
            return step.problems(project)
    return []


@dataclass(frozen=True)
class StepState:
    key: str
    title: str
    problems: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"step": self.key, "title": self.title, "complete": self.complete,
                "problems": list(self.problems)}


@dataclass(frozen=True)
class Completeness:
    """How much of the design is filled in: the steps with nothing left to fill."""

    steps: tuple[StepState, ...]

    @property
    def complete(self) -> int:
        return sum(s.complete for s in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    def summary(self) -> str:
        return f"{self.complete} of {self.total} steps filled in"

    def to_dict(self) -> dict:
        return {"complete": self.complete, "total": self.total, "summary": self.summary(),
                "steps": [s.to_dict() for s in self.steps]}


def completeness(project: Project) -> Completeness:
    return Completeness(tuple(StepState(s.key, s.title, tuple(s.problems(project))) for s in STEPS))

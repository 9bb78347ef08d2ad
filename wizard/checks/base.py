"""What every check shares: the ``Finding`` it reports, the ``Rule`` that makes it, and the
small helpers that name items the way a user reads them (amounts, dates and lengths are
written by ``wizard.formatting``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wizard.model import Project
from wizard.vocab import label

PRINCIPLES: tuple[str, ...] = ("collaborative", "creative", "adaptable", "accountable", "place_based")
PRINCIPLE_LABELS: dict[str, str] = {
    "collaborative": "Collaborative",
    "creative": "Creative",
    "adaptable": "Adaptable",
    "accountable": "Accountable",
    "place_based": "Place-based",
}
SEVERITIES: tuple[str, ...] = ("error", "warning", "advice")
ITEM_KINDS: tuple[str, ...] = (
    "project", "options", "partners", "phases", "risks", "break_clauses",
    "steering_groups", "accountability", "kpis", "social_impact",
    "appraisal",
    "procurement", "lots", "payment", "governance", "benefits", "evaluation_plan",
)

ROUTES_FILE = Path(__file__).resolve().parents[2] / "templates" / "routes.json"


@dataclass(frozen=True)
class Finding:
    id: str  # stable: "rule:item_id", or just the rule for a project-level finding
    rule: str
    severity: str  # "error" | "warning" | "advice"
    principle: str  # one of PRINCIPLES
    item_kind: str  # one of ITEM_KINDS (mapped to a wizard step by the UI)
    item_id: str  # "" for project-level findings
    item_label: str  # what the user reads: "R3 Demand falls", "Phase Operation", "Project"
    message: str  # what is wrong, naming the item and the numbers
    route: str  # the practical route from the report that fixes it
    accepted: bool = False
    justification: str = ""


@dataclass(frozen=True)
class Rule:
    slug: str
    principle: str
    severity: str  # the usual severity; a few rules raise or lower it case by case
    title: str
    function: Callable[[Project], list[Finding]]
    # The message gives a total over the whole project, which may include withheld amounts:
    # the public edition prints the rule's title instead (``wizard.public_assessment``).
    totals: bool = False

    def __call__(self, project: Project) -> list[Finding]:
        return self.function(project)


@cache
def routes() -> dict[str, str]:
    """The practical routes from the report, keyed by rule slug (read from templates/)."""
    with ROUTES_FILE.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return {key: str(value) for key, value in data["routes"].items()}


def finding(
    rule: str,
    severity: str,
    principle: str,
    item_kind: str,
    item_id: str,
    item_label: str,
    message: str,
) -> Finding:
    """A finding with its stable id and the route for its rule."""
    fid = f"{rule}:{item_id}" if item_id else rule
    return Finding(
        id=fid,
        rule=rule,
        severity=severity,
        principle=principle,
        item_kind=item_kind,
        item_id=item_id,
        item_label=item_label,
        message=message,
        route=routes().get(rule, ""),
    )


# Item labels -----------------------------------------------------------------------------------

def phase_label(phase) -> str:
    return f"Phase {phase.name}"


def risk_label(risk) -> str:
    return f"{risk.id} {risk.title}"


def clause_label(clause) -> str:
    return f"{clause.id} {label(clause.trigger)}"


def group_label(group) -> str:
    return f"Steering group {group.name}"


def kpi_label(kpi) -> str:
    return f"{kpi.id} {kpi.name}"


def objective_label(objective) -> str:
    return f"{objective.id} {objective.outcome}"


def option_label(option) -> str:
    return f"Option {option.name}"


def partner_label(partner) -> str:
    return f"Partner {partner.name}"

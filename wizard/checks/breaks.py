"""Adaptable: ways out of a contract that is not working — a change-of-control break clause in
every long contract, clauses that can actually be used, and compensation that is spelt out."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, clause_label, finding
from wizard.formatting import count, months_in_years
from wizard.model import Project
from wizard.thresholds import LONG_BREAK
from wizard.vocab import BreakTrigger, Compensation


P = "adaptable"


def change_of_control(project: Project) -> list[Finding]:
    months = project.project.duration_months
    if months <= LONG_BREAK:
        return []
    if any(c.trigger is BreakTrigger.CHANGE_OF_CONTROL for c in project.break_clauses):
        return []
    return [finding(
        "change-of-control", "warning", P, "break_clauses", "", "Break clauses",
        f"The contract runs {months_in_years(months)} but has no change-of-control break clause; a "
        f"contract over {LONG_BREAK // 12} years should let you walk away if the contractor is "
        "bought, for example by a private equity firm.",
    )]


def formula(project: Project) -> list[Finding]:
    return [
        finding(
            "break-formula", "warning", P, "break_clauses", c.id, clause_label(c),
            f"Break clause {clause_label(c)} pays compensation by an agreed formula but no "
            "formula is written down.",
        )
        for c in project.break_clauses
        if c.compensation is Compensation.AGREED_FORMULA and not c.formula.strip()
    ]


def timing(project: Project) -> list[Finding]:
    months = project.project.duration_months
    return [
        finding(
            "break-timing", "error", P, "break_clauses", c.id, clause_label(c),
            f"Break clause {clause_label(c)} can first be used in month {c.earliest_month}, "
            f"but the contract ends after {count(months, 'month')}: it could never be used.",
        )
        for c in project.break_clauses
        if c.earliest_month >= months
    ]


def phases(project: Project) -> list[Finding]:
    if not project.phases:
        return []
    return [
        finding(
            "break-phases", "advice", P, "break_clauses", c.id, clause_label(c),
            f"Break clause {clause_label(c)} names no phase: say which of the "
            f"{len(project.phases)} phases it applies to.",
        )
        for c in project.break_clauses
        if not c.phases
    ]


RULES = [
    Rule("change-of-control", P, "warning", "A change-of-control break clause in long contracts",
         change_of_control),
    Rule("break-formula", P, "warning", "An agreed compensation formula is written down", formula),
    Rule("break-timing", P, "error", "Break clauses usable within the contract", timing),
    Rule("break-phases", P, "advice", "Break clauses name their phases", phases),
]

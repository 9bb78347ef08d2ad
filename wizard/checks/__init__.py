"""The changemaking checks: one small function per rule, each tagged with its principle.

``run_checks(project)`` runs every rule in ``RULES`` and returns the findings in a stable order
(rule order, then item order), with the findings the user has accepted marked ``accepted`` and
carrying the written justification. Accepted findings stay in the list: shown, not hidden.
"""

from __future__ import annotations

from dataclasses import replace

from wizard.checks import accountability, breaks, community, impact, options, phasing, risks
from wizard.checks import appraisal
from wizard.checks import sharing as sharing_checks
from wizard.checks import management, procurement, publishing, risk_bearers
from wizard.checks.base import (
    ITEM_KINDS,
    PRINCIPLE_LABELS,
    PRINCIPLES,
    SEVERITIES,
    Finding,
    Rule,
    routes,
)
from wizard.model import Project

RULES: list[Rule] = [
    *risks.RULES,
    *risk_bearers.RULES,
    *options.RULES,
    *phasing.RULES,
    *breaks.RULES,
    *community.RULES,
    *accountability.RULES,
    *impact.RULES,
    *appraisal.RULES,
    *sharing_checks.RULES,
    *procurement.RULES,
    *management.RULES,
    *publishing.RULES,
]

__all__ = [
    "Finding", "Rule", "RULES", "PRINCIPLES", "PRINCIPLE_LABELS", "SEVERITIES", "ITEM_KINDS",
    "run_checks", "rule", "routes",
]


def rule(slug: str) -> Rule:
    """The rule with this slug."""
    for r in RULES:
        if r.slug == slug:
            return r
    raise KeyError(f"no rule called '{slug}'")


def run_checks(project: Project) -> list[Finding]:
    accepted = {a.finding_id: a.justification for a in project.accepted_findings}
    findings: list[Finding] = []
    for r in RULES:
        for f in r(project):
            if f.id in accepted:
                f = replace(f, accepted=True, justification=accepted[f.id])
            findings.append(f)
    return findings

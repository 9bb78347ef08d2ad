"""Collaborative: every share of every risk has a partner to carry it, and every risk says
which phases it belongs to (so the risk carried in each phase is not overstated)."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, risk_label
from wizard.model import Project
from wizard.risk import holders, public_fraction
from wizard.vocab import PartnerKind

P = "collaborative"


def private_bearer(project: Project) -> list[Finding]:
    """A risk whose private share nobody carries: owned by a public body, no private bearer."""
    out = []
    for r in project.risks:
        if r.owner is None:
            continue  # the risk-owner rule already asks for an owner
        owner = project.partner(r.owner)
        if owner is None or owner.kind is not PartnerKind.PUBLIC or public_fraction(r) >= 1:
            continue  # a provider that owns a risk carries its private share itself
        private_holder, _part = holders(project, r)[-1]  # the private part comes last
        if private_holder:
            continue
        owner_name = owner.name
        out.append(finding(
            "risk-private-bearer", "warning", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} is owned by {owner_name}, a public body, but "
            f"{100 - r.public_share}% of it is the private side's and no provider is named to "
            "carry that share: choose its private bearer.",
        ))
    return out


def no_phase(project: Project) -> list[Finding]:
    """A risk tied to no phase counts in every phase: say which ones it belongs to."""
    if len(project.phases) < 2:
        return []
    return [
        finding(
            "risk-no-phase", "advice", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} names no phase, so it counts in all {len(project.phases)} "
            "phases. Tick the phases it belongs to, or leave it if it really runs through the "
            "whole contract.",
        )
        for r in project.risks if not r.phases
    ]


RULES = [
    Rule("risk-private-bearer", P, "warning", "The private share of every risk has a bearer",
         private_bearer),
    Rule("risk-no-phase", P, "advice", "Every risk names its phases", no_phase),
]


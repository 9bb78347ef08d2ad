"""Collaborative: a clear, realistic understanding of where risks lie — no unrealistic transfer
of risks that revert to the public body, contingent support for rare severe events, an owner and
a mitigation for every risk, and no disputes left open."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, risk_label
from wizard.formatting import count, listing
from wizard.model import Project
from wizard.risk import low_probability_high_impact, public_fraction, score
from wizard.thresholds import HIGH_RISK
from wizard.vocab import (
    IMPACT_LABELS,
    Allocation,
    PartnerKind,
    RiskAppetite,
    RiskCategory,
    WorkshopStatus,
    label,
)

# Categories where failure reverts to the body with the statutory duty.
REVERTING: frozenset[RiskCategory] = frozenset({
    RiskCategory.DEMAND,
    RiskCategory.PERFORMANCE,
    RiskCategory.CHANGE_IN_LAW,
    RiskCategory.POLITICAL,
    RiskCategory.WORKFORCE,
    RiskCategory.REPUTATIONAL,
})
# Risks of the provider's own making: public support would reward failure; break clauses and
# step-in rights are the answer, so the contingent-support advice leaves them out.
PROVIDER_OWN: frozenset[RiskCategory] = frozenset({
    RiskCategory.SUPPLIER_FINANCIAL_STANDING,
    RiskCategory.COMPLIANCE,
    RiskCategory.EARLY_TERMINATION,
})
HIGH_IMPACT = 4  # Major or Severe
PRIVATE_SHARE_LIMIT = 0.8  # private side carrying 80% or more of the total risk score
MIN_RISKS_FOR_SHARE = 3
CAUTIOUS_APPETITES = (RiskAppetite.AVERSE, RiskAppetite.MINIMAL)
MANY_PUBLIC_HIGH = 3

P = "collaborative"


def register(project: Project) -> list[Finding]:
    if project.risks:
        return []
    return [finding(
        "risk-register", "warning", P, "risks", "", "Risk register",
        "The risk register is empty: no risk is identified, allocated or owned yet.",
    )]


def transfer(project: Project) -> list[Finding]:
    return [
        finding(
            "risk-transfer", "warning", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} is allocated wholly to the private side, but its impact is "
            f"{r.impact} ({IMPACT_LABELS[r.impact]}) and its category, {label(r.category)}, is "
            "one where failure reverts to the public body with the statutory duty.",
        )
        for r in project.risks
        if r.allocation is Allocation.PRIVATE and r.impact >= HIGH_IMPACT and r.category in REVERTING
    ]


def private_share(project: Project) -> list[Finding]:
    if len(project.risks) < MIN_RISKS_FOR_SHARE:
        return []
    total = sum(score(r) for r in project.risks)
    private = sum(score(r) * (1 - public_fraction(r)) for r in project.risks)
    if total == 0 or private / total < PRIVATE_SHARE_LIMIT:
        return []
    return [finding(
        "risk-private-share", "warning", P, "risks", "", "Risk register",
        f"The private side carries {round(100 * private / total)}% of the total risk score "
        f"({round(private)} of {total}) across {count(len(project.risks), 'risk')}; transferring that much "
        "is unlikely to be realistic.",
    )]


def contingent(project: Project) -> list[Finding]:
    """Rare, severe risks the private side mostly carries, outside its own making."""
    return [
        finding(
            "risk-contingent", "advice", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} is low in likelihood ({r.likelihood}) but high in impact "
            f"({r.impact}), the private side carries {round(100 * (1 - public_fraction(r)))}% "
            "of it, and it has no contingent public support.",
        )
        for r in low_probability_high_impact(project)
        if public_fraction(r) < 0.5
        and r.category not in PROVIDER_OWN
        and r.contingent_support is None
    ]


def contingent_events(project: Project) -> list[Finding]:
    return [
        finding(
            "contingent-events", "warning", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} has contingent public support but names no event that "
            "triggers it.",
        )
        for r in project.risks
        if r.contingent_support is not None and not r.contingent_support.events
    ]


def owner(project: Project) -> list[Finding]:
    return [
        finding(
            "risk-owner", "warning", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} has no owner.",
        )
        for r in project.risks
        if r.owner is None
    ]


def mitigation(project: Project) -> list[Finding]:
    """A warning for high and very high risks (score 10 or more), advice below."""
    out = []
    for r in project.risks:
        if r.mitigation.strip():
            continue
        s = score(r)
        out.append(finding(
            "risk-mitigation", "warning" if s >= HIGH_RISK else "advice", P, "risks", r.id,
            risk_label(r), f"Risk {risk_label(r)} (score {s}) has no mitigation.",
        ))
    return out


def owner_allocation(project: Project) -> list[Finding]:
    out = []
    for r in project.risks:
        partner = project.partner(r.owner)
        if partner is None:
            continue
        if r.allocation is Allocation.PRIVATE and partner.kind is PartnerKind.PUBLIC:
            why = f"is allocated to the private side but owned by {partner.name}, a public body"
        elif r.allocation is Allocation.PUBLIC and partner.kind is not PartnerKind.PUBLIC:
            why = (f"is allocated to the public side but owned by {partner.name}, "
                   f"a {label(partner.kind).lower()}")
        else:
            continue
        out.append(finding(
            "risk-owner-allocation", "warning", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} {why}.",
        ))
    return out


def shared_split(project: Project) -> list[Finding]:
    out = []
    for r in project.risks:
        if r.allocation is Allocation.SHARED and r.public_share in (0, 100):
            side = "public" if r.public_share == 100 else "private"
            out.append(finding(
                "risk-shared-split", "warning", P, "risks", r.id, risk_label(r),
                f"Risk {risk_label(r)} is marked shared but the public share is "
                f"{r.public_share}%: it is wholly {side}.",
            ))
    return out


def disputed(project: Project) -> list[Finding]:
    return [
        finding(
            "risk-disputed", "warning", P, "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} is still disputed between the partners.",
        )
        for r in project.risks
        if r.status is WorkshopStatus.DISPUTED
    ]


def appetite(project: Project) -> list[Finding]:
    appetite_value = project.project.risk_appetite
    if appetite_value not in CAUTIOUS_APPETITES:
        return []
    held = [r for r in project.risks if public_fraction(r) >= 0.5 and score(r) >= HIGH_RISK]
    if len(held) < MANY_PUBLIC_HIGH:
        return []
    return [finding(
        "risk-appetite", "advice", P, "risks", "", "Risk register",
        f"The risk appetite is {appetite_value.value}, yet {len(held)} high risks "
        f"({listing([r.id for r in held])}) are held mostly by the public side.",
    )]


RULES = [
    Rule("risk-register", P, "warning", "Risks identified and allocated", register),
    Rule("risk-transfer", P, "warning", "No unrealistic transfer of reverting risks", transfer),
    Rule("risk-private-share", P, "warning", "A realistic share of risk on the private side",
         private_share),
    Rule("risk-contingent", P, "advice", "Contingent support for rare, severe risks", contingent),
    Rule("contingent-events", P, "warning", "Contingent support names its trigger events",
         contingent_events),
    Rule("risk-owner", P, "warning", "Every risk has an owner", owner),
    Rule("risk-mitigation", P, "warning", "Every risk has a mitigation", mitigation),
    Rule("risk-owner-allocation", P, "warning", "Risk owners match the allocation",
         owner_allocation),
    Rule("risk-shared-split", P, "warning", "Shared risks are really shared", shared_split),
    Rule("risk-disputed", P, "warning", "No risk left disputed", disputed),
    Rule("risk-appetite", P, "advice", "Risk appetite matches what the public side holds",
         appetite),
]

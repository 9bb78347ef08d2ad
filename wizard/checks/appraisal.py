"""The evidence of the economic and financial case: a baseline, cash flows at OBC and later,
optimism bias with its basis, priced risks with an owner, an affordable design, confirmed
funding at FBC, and phase values that add up to the estimated value."""

from __future__ import annotations

from wizard import optimism_bias
from wizard.checks.base import Finding, Rule, finding, option_label, risk_label
from wizard.formatting import listing, money
from wizard.model import Project
from wizard.risk_exposure import cached_simulation, priced
from wizard.vocab import BusinessCaseStage, label

CASH_FLOW_STAGES = (BusinessCaseStage.OBC, BusinessCaseStage.FBC, BusinessCaseStage.BJC)
FUNDING_STAGES = (BusinessCaseStage.FBC, BusinessCaseStage.BJC)
RECONCILE_TOLERANCE = 0.005  # phase values within 0.5% of the estimated value reconcile

P = "accountable"
KIND = "appraisal"  # shown on the options appraisal and affordability step


def baseline(project: Project) -> list[Finding]:
    options = project.project.options
    if not any(o.cash_flows for o in options):
        return []
    marked = [o for o in options if o.baseline]
    if len(marked) == 1:
        return []
    if not marked:
        message = ("No option is marked as the baseline (business as usual or do minimum): "
                   "every option's value is judged against it.")
    else:
        message = (f"{len(marked)} options are marked as the baseline "
                   f"({listing([o.name for o in marked])}); mark exactly one.")
    return [finding("appraisal-baseline", "warning", "creative", "options", "", "Options",
                    message)]


def cash_flows(project: Project) -> list[Finding]:
    info = project.project
    if info.stage not in CASH_FLOW_STAGES:
        return []
    return [
        finding(
            "appraisal-cash-flows", "warning", "creative", "options", o.id, option_label(o),
            f"{option_label(o)} has no costs or benefits by year; at {label(info.stage)} stage "
            "every short-listed option is appraised in money.",
        )
        for o in info.options if not o.cash_flows
    ]


def optimism_bias_basis(project: Project) -> list[Finding]:
    found = []
    for o in project.project.options:
        if not o.cash_flows or o.optimism_bias_reason.strip():
            continue
        low = optimism_bias.below_lower_bound(o)
        has_capital = any(c.capital_gbp for c in o.cash_flows)
        if not optimism_bias.library().capital_bound(o.optimism_bias_category) and has_capital:
            low.insert(0, "no category is chosen for the capital uplift")
        if low:
            found.append(finding(
                "optimism-bias", "warning", P, "options", o.id, option_label(o),
                f"{option_label(o)}: optimism bias {listing(low)}, and no reason is recorded. "
                "Start at the upper bound and reduce it only with evidence.",
            ))
    return found


def priced_unallocated(project: Project) -> list[Finding]:
    return [
        finding(
            "risk-priced-unowned", "warning", "collaborative", "risks", r.id, risk_label(r),
            f"Risk {risk_label(r)} is priced (expected cost counted in the exposure) but no "
            "partner is named to carry it.",
        )
        for r in project.risks if priced(r) and r.owner is None
    ]


def affordability_gap(project: Project) -> list[Finding]:
    info = project.project
    if not info.budget:
        return []
    from wizard.affordability import affordability

    result = affordability(project, exposure=cached_simulation(project))
    if result.gap_gbp <= 0:
        return []
    short = [y for y in result.years if y.gap_gbp > 0]
    years = listing([str(y.year) for y in short[:6]]) + (" and more" if len(short) > 6 else "")
    return [finding(
        "affordability-gap", "warning", P, KIND, "", "Affordability",
        f"The preferred option's cost with optimism bias and the public P80 risk exposure exceed "
        f"the budget by {money(result.gap_gbp)} in total (appraisal year{'s' if len(short) > 1 else ''}"
        f" {years}).",
    )]


def funding_unconfirmed(project: Project) -> list[Finding]:
    info = project.project
    if info.stage not in FUNDING_STAGES:
        return []
    return [
        finding(
            "funding-unconfirmed", "warning", P, KIND, f"funding-{i + 1}", f"Funding {f.name}",
            f"Funding source {f.name} ({money(f.amount_gbp)}) is not confirmed; at "
            f"{label(info.stage)} stage the funding should be in place.",
        )
        for i, f in enumerate(info.funding) if not f.confirmed
    ]


def phase_values(project: Project) -> list[Finding]:
    if any(ph.sensitive and not ph.value_gbp for ph in project.phases):
        # a withheld value (0 in the public edition's copy): the sum cannot be judged, and a
        # difference printed here would give the withheld value away
        return []
    value = project.project.value_gbp
    total = sum(ph.value_gbp for ph in project.phases)
    if not value or not total or abs(total - value) <= RECONCILE_TOLERANCE * value:
        return []
    return [finding(
        "phase-values-reconcile", "warning", P, "phases", "", "Phases",
        f"The phase values add up to {money(total)} but the estimated value is {money(value)} "
        f"(a difference of {money(abs(total - value))}): reconcile them or explain the difference.",
    )]


RULES = [
    Rule("appraisal-baseline", "creative", "warning", "One baseline option", baseline),
    Rule("appraisal-cash-flows", "creative", "warning",
         "Options appraised in money at OBC and later", cash_flows),
    Rule("optimism-bias", P, "warning", "Optimism bias has its basis", optimism_bias_basis),
    Rule("risk-priced-unowned", "collaborative", "warning", "Priced risks have an owner",
         priced_unallocated),
    Rule("affordability-gap", P, "warning", "Affordable within the budget", affordability_gap,
         totals=True),
    Rule("funding-unconfirmed", P, "warning", "Funding confirmed at FBC", funding_unconfirmed),
    Rule("phase-values-reconcile", P, "warning", "Phase values reconcile with the estimate",
         phase_values, totals=True),
]

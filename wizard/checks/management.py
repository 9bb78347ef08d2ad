"""The payment and management checks: deductions on large contracts, the payment mechanism's
essentials, a senior responsible owner, client-side capacity, benefits that can be tracked and
an evaluation that is planned and published."""

from __future__ import annotations

from wizard.checks.accountability import OPEN_BOOK_FROM, PA2023_OVER
from wizard.checks.base import Finding, Rule, finding
from wizard.formatting import money, months_in_years
from wizard.checks.commercial_base import benefit_label
from wizard.commercial_vocab import PaymentMechanism, label
from wizard.model import Project

CLIENT_CAPACITY_OVER = OPEN_BOOK_FROM  # the report's £1m line: invest in client-side capacity
EVALUATE_OVER_MONTHS = 60  # contracts longer than five years get a planned evaluation


def deductions(project: Project) -> list[Finding]:
    value = project.project.value_gbp
    if value <= PA2023_OVER or any(d.per_failure_gbp > 0 for d in project.payment.deductions):
        return []
    return [finding(
        "deductions", "warning", "accountable", "payment", "", "Payment and performance",
        f"Contract value {money(value)} is over {money(PA2023_OVER)} but no KPI carries a payment "
        "deduction, so under-performance costs the provider nothing.")]


def results_baseline(project: Project) -> list[Finding]:
    pay = project.payment
    if pay.mechanism != PaymentMechanism.PAYMENT_BY_RESULTS or pay.baseline.strip():
        return []
    return [finding(
        "results-baseline", "warning", "accountable", "payment", "", "Payment and performance",
        "Payment is by results but no baseline is recorded to measure the results against.")]


def deduction_cap(project: Project) -> list[Finding]:
    pay = project.payment
    if pay.mechanism != PaymentMechanism.AVAILABILITY or pay.deduction_cap_pct is not None:
        return []
    return [finding(
        "deduction-cap", "warning", "collaborative", "payment", "", "Payment and performance",
        f"The payment mechanism is {label(pay.mechanism).lower()} but no cap on deductions "
        "is set.")]


def sro(project: Project) -> list[Finding]:
    if project.governance.senior_responsible_owner.strip():
        return []
    return [finding(
        "sro", "warning", "accountable", "governance", "", "Governance",
        "No senior responsible owner is named for the contract.")]


def client_capacity(project: Project) -> list[Finding]:
    value = project.project.value_gbp
    fte = project.governance.client_side_fte
    if value <= CLIENT_CAPACITY_OVER or (fte is not None and fte > 0):
        return []
    return [finding(
        "client-capacity", "warning", "collaborative", "governance", "", "Governance",
        f"Contract value {money(value)} is over {money(CLIENT_CAPACITY_OVER)} but no client-side "
        "contract management capacity (FTE) is named.")]


def evaluation_none(project: Project) -> list[Finding]:
    months = project.project.duration_months
    if months <= EVALUATE_OVER_MONTHS or project.evaluation_plan.planned:
        return []
    return [finding(
        "evaluation-none", "warning", "adaptable", "evaluation_plan", "", "Evaluation plan",
        f"The contract runs {months_in_years(months)}, longer than five years, but no mid-term or end "
        "evaluation is planned.")]


def evaluation_published(project: Project) -> list[Finding]:
    plan = project.evaluation_plan
    if not plan.planned or plan.published:
        return []
    return [finding(
        "evaluation-published", "warning", "accountable", "evaluation_plan", "",
        "Evaluation plan", "The evaluation is planned but is not to be published.")]


def benefit_owner(project: Project) -> list[Finding]:
    out = []
    for b in project.benefits:
        missing = [w for w, v in (("an owner", b.owner), ("a baseline", b.baseline))
                   if not v.strip()]
        if missing:
            out.append(finding(
                "benefit-owner", "warning", "accountable", "benefits", b.id, benefit_label(b),
                f"Benefit {benefit_label(b)} has no {' and no '.join(w.split(' ', 1)[1] for w in missing)}"
                f": it cannot be tracked."))
    return out


RULES = [
    Rule("deductions", "accountable", "warning", "Deductions on a KPI over £5m", deductions),
    Rule("results-baseline", "accountable", "warning", "Payment by results has a baseline",
         results_baseline),
    Rule("deduction-cap", "collaborative", "warning", "Availability payments have a deduction cap",
         deduction_cap),
    Rule("sro", "accountable", "warning", "A senior responsible owner is named", sro),
    Rule("client-capacity", "collaborative", "warning", "Client-side capacity over £1m",
         client_capacity),
    Rule("evaluation-none", "adaptable", "warning", "An evaluation planned beyond five years",
         evaluation_none),
    Rule("evaluation-published", "accountable", "warning", "The evaluation is published",
         evaluation_published),
    Rule("benefit-owner", "accountable", "warning", "Benefits have an owner and a baseline",
         benefit_owner),
]

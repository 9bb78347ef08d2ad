"""Affordability: by appraisal year, the public cost of the preferred option (with optimism
bias) plus the public P80 risk exposure, against the budget the commissioning bodies have; the
gap each year and in total; and the funding confirmed against what is needed.

The public P80 exposure is spread over the years in proportion to the public expected cost of
each priced risk over the years its phases run (a risk naming no phase runs over the whole
contract). Appraisal year 0 is the contract's first year. Pure: project (and the simulated
exposure) in, result out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wizard.appraisal import Appraisal, appraisal_years, appraise
from wizard.model import Project
from wizard.risk import public_fraction
from wizard.risk_exposure import Exposure, expected_cost, priced, simulate
from wizard.schedule import build_schedule


@dataclass(frozen=True)
class AffordableYear:
    year: int
    capital_gbp: int  # of the preferred option, with optimism bias
    revenue_gbp: int
    risk_p80_gbp: int  # the public P80 exposure falling in this year
    need_gbp: int  # capital + revenue + risk
    budget_gbp: int
    gap_gbp: int  # need minus budget when positive, else 0


@dataclass(frozen=True)
class Affordability:
    option_id: str | None  # the preferred option the figures are for
    years: tuple[AffordableYear, ...]
    need_gbp: int
    budget_gbp: int
    gap_gbp: int  # the sum of the yearly gaps
    funding_gbp: int
    confirmed_gbp: int
    unconfirmed_gbp: int
    unfunded_gbp: int  # need not covered by confirmed funding
    missing: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "option": self.option_id,
            "years": [y.__dict__ for y in self.years],
            "need_gbp": self.need_gbp, "budget_gbp": self.budget_gbp, "gap_gbp": self.gap_gbp,
            "funding_gbp": self.funding_gbp, "confirmed_gbp": self.confirmed_gbp,
            "unconfirmed_gbp": self.unconfirmed_gbp, "unfunded_gbp": self.unfunded_gbp,
            "missing": list(self.missing),
        }


def risk_year_weights(project: Project, years: int) -> list[float]:
    """The share of the public expected risk cost falling in each year (summing to 1, or all 0
    when no risk is priced)."""
    schedule = build_schedule(project)
    contract_years = range(max(1, -(-project.project.duration_months // 12)))
    weights: dict[int, float] = defaultdict(float)
    for r in project.risks:
        if not priced(r):
            continue
        value = expected_cost(r) * public_fraction(r)
        spans: set[int] = set()
        for ph in r.phases:
            start = schedule.start.get(ph, 0)
            finish = max(start + 1, schedule.finish.get(ph, start + 1))
            spans.update(range(start // 12, (finish - 1) // 12 + 1))
        span = sorted(spans) if spans else list(contract_years)
        for y in span:
            weights[min(y, years - 1)] += value / len(span)
    total = sum(weights.values())
    return [weights.get(y, 0.0) / total if total else 0.0 for y in range(years)]


def affordability(project: Project, appraisal: Appraisal | None = None,
                  exposure: Exposure | None = None) -> Affordability:
    appraisal = appraisal if appraisal is not None else appraise(project)
    exposure = exposure if exposure is not None else simulate(project)
    info = project.project
    years = appraisal_years(project)
    missing = []
    chosen = appraisal.option(appraisal.preferred_id)
    if chosen is None:
        missing.append("No single preferred option: its costs are not counted.")
    elif not chosen.has_cash_flows:
        missing.append(f"The preferred option {chosen.id} has no cash flows: its costs are not "
                       "counted.")
    if not info.budget:
        missing.append("No budget is recorded.")
    capital: dict[int, float] = defaultdict(float)
    revenue: dict[int, float] = defaultdict(float)
    for row in (chosen.years if chosen is not None else ()):
        capital[row.year] += row.capital_with_ob_gbp
        revenue[row.year] += row.revenue_with_ob_gbp
    budget = {b.year: b.capital_gbp + b.revenue_gbp for b in info.budget}
    years = max([years, *[y + 1 for y in budget]])
    weights = risk_year_weights(project, years)
    rows = []
    for y in range(years):
        risk = exposure.public.p80_gbp * weights[y]
        need = round(capital[y] + revenue[y] + risk)
        have = budget.get(y, 0)
        rows.append(AffordableYear(y, round(capital[y]), round(revenue[y]), round(risk), need,
                                   have, max(0, need - have)))
    need = sum(r.need_gbp for r in rows)
    confirmed = sum(f.amount_gbp for f in info.funding if f.confirmed)
    total_funding = sum(f.amount_gbp for f in info.funding)
    return Affordability(
        option_id=chosen.id if chosen is not None else None, years=tuple(rows), need_gbp=need,
        budget_gbp=sum(budget.values()), gap_gbp=sum(r.gap_gbp for r in rows),
        funding_gbp=total_funding, confirmed_gbp=confirmed,
        unconfirmed_gbp=total_funding - confirmed, unfunded_gbp=max(0, need - confirmed),
        missing=tuple(missing),
    )

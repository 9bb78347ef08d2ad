"""The economic appraisal of the options: Green Book discounting, optimism bias, net present
social value, benefit-cost ratio, each option against the baseline, and switching values.

Pure functions, project in, result out. All cash flows are in real terms (constant prices of the
base year). Discount factor of year t (year 0 undiscounted): 1.035^-min(t,30) x 1.03^-max(0,t-30),
the Social Time Preference Rate of 3.5% a year for years 1-30 and 3.0% for years 31-75.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from wizard.model import Option, Project
from wizard.public_return import carried_options

RATE_TO_30 = 0.035
RATE_AFTER_30 = 0.03
YEARS_AT_FIRST_RATE = 30


def discount_factor(year: int) -> float:
    """The Green Book discount factor of appraisal year ``year`` (0 is undiscounted)."""
    if year < 0:
        raise ValueError(f"year {year}: appraisal years start at 0")
    return (1 + RATE_TO_30) ** -min(year, YEARS_AT_FIRST_RATE) * (
        1 + RATE_AFTER_30) ** -max(0, year - YEARS_AT_FIRST_RATE)


def appraisal_years(project: Project) -> int:
    """The number of years appraised: the file's appraisal period, or the contract's duration
    in whole years (at least one), extended to cover every cash flow entered."""
    info = project.project
    years = info.appraisal_period_years or max(1, math.ceil(info.duration_months / 12))
    last = max((c.year for o in info.options for c in o.cash_flows), default=-1)
    return max(years, last + 1)


def base_year(project: Project) -> int:
    info = project.project
    return info.base_year if info.base_year is not None else info.start.year


@dataclass(frozen=True)
class YearCost:
    year: int
    capital_gbp: int  # as entered
    revenue_gbp: int
    capital_with_ob_gbp: float  # with the optimism bias uplift
    revenue_with_ob_gbp: float
    benefits_gbp: int  # cash and non-cash together
    factor: float


@dataclass(frozen=True)
class OptionAppraisal:
    id: str
    name: str
    baseline: bool
    preferred: bool
    has_cash_flows: bool
    pv_costs_gbp: int
    pv_benefits_gbp: int
    npsv_gbp: int
    bcr: float | None  # None when there are no costs
    npsv_vs_baseline_gbp: int | None  # None when there is no (single) baseline
    years: tuple[YearCost, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "baseline": self.baseline,
            "preferred": self.preferred, "has_cash_flows": self.has_cash_flows,
            "pv_costs_gbp": self.pv_costs_gbp, "pv_benefits_gbp": self.pv_benefits_gbp,
            "npsv_gbp": self.npsv_gbp,
            "bcr": None if self.bcr is None else round(self.bcr, 4),
            "npsv_vs_baseline_gbp": self.npsv_vs_baseline_gbp,
        }


@dataclass(frozen=True)
class SwitchingValues:
    """How far the preferred option's costs may rise, or its benefits fall, before it stops
    having the highest NPSV (against ``rival``, the next best option)."""

    option_id: str
    rival_id: str
    margin_gbp: int  # preferred NPSV minus the rival's (negative: the preferred is not best)
    costs_rise_pct: float | None  # None when the preferred option has no costs
    benefits_fall_pct: float | None  # None when it has no benefits

    def to_dict(self) -> dict:
        return {
            "option": self.option_id, "rival": self.rival_id, "margin_gbp": self.margin_gbp,
            "costs_rise_pct": None if self.costs_rise_pct is None else round(self.costs_rise_pct, 2),
            "benefits_fall_pct": None if self.benefits_fall_pct is None
            else round(self.benefits_fall_pct, 2),
        }


@dataclass(frozen=True)
class Appraisal:
    years: int
    base_year: int
    options: tuple[OptionAppraisal, ...]
    baseline_id: str | None
    preferred_id: str | None
    best_id: str | None  # highest NPSV among the options with cash flows
    switching: SwitchingValues | None
    missing: tuple[str, ...] = field(default=())  # what stops a full appraisal, in words

    def option(self, option_id: str | None) -> OptionAppraisal | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def scored(self) -> tuple[OptionAppraisal, ...]:
        """The options with cash flows: the ones compared, charted and ranked."""
        return tuple(o for o in self.options if o.has_cash_flows)


def year_costs(option: Option) -> tuple[YearCost, ...]:
    """Each year's costs with the option's optimism bias, in year order."""
    cap_up = 1 + option.optimism_bias_capital_pct / 100
    rev_up = 1 + option.optimism_bias_revenue_pct / 100
    return tuple(
        YearCost(c.year, c.capital_gbp, c.revenue_gbp, c.capital_gbp * cap_up,
                 c.revenue_gbp * rev_up, c.benefits_gbp + c.non_cash_benefits_gbp,
                 discount_factor(c.year))
        for c in sorted(option.cash_flows, key=lambda c: c.year)
    )


def present_values(option: Option) -> tuple[float, float]:
    """(PV costs, PV benefits) of an option, unrounded."""
    rows = year_costs(option)
    costs = sum(r.factor * (r.capital_with_ob_gbp + r.revenue_with_ob_gbp) for r in rows)
    benefits = sum(r.factor * r.benefits_gbp for r in rows)
    return costs, benefits


def appraise_option(option: Option, baseline_npsv: float | None = None) -> OptionAppraisal:
    costs, benefits = present_values(option)
    npsv = benefits - costs
    return OptionAppraisal(
        id=option.id, name=option.name, baseline=option.baseline, preferred=option.preferred,
        has_cash_flows=bool(option.cash_flows),
        pv_costs_gbp=round(costs), pv_benefits_gbp=round(benefits), npsv_gbp=round(npsv),
        bcr=benefits / costs if costs > 0 else None,
        npsv_vs_baseline_gbp=None if baseline_npsv is None else round(npsv - baseline_npsv),
        years=year_costs(option),
    )


def switching_values(preferred: Option, rivals: list[Option]) -> SwitchingValues | None:
    """Switching values of ``preferred`` against the best of ``rivals`` (None if no rival)."""
    if not rivals:
        return None
    costs, benefits = present_values(preferred)
    npsv = benefits - costs
    scored = [(present_values(r), r) for r in rivals]
    (r_costs, r_benefits), rival = max(scored, key=lambda s: s[0][1] - s[0][0])
    margin = npsv - (r_benefits - r_costs)
    return SwitchingValues(
        option_id=preferred.id, rival_id=rival.id, margin_gbp=round(margin),
        costs_rise_pct=100 * margin / costs if costs > 0 else None,
        benefits_fall_pct=100 * margin / benefits if benefits > 0 else None,
    )


def appraise(project: Project) -> Appraisal:
    """The appraisal of every option, as far as the file allows (``missing`` says the rest)."""
    # the public side's return from a sharing arrangement counts in its option's benefits
    options = carried_options(project, appraisal_years(project))
    missing: list[str] = []
    priced = [o for o in options if o.cash_flows]
    baselines = [o for o in options if o.baseline]
    baseline = baselines[0] if len(baselines) == 1 else None
    if not options:
        missing.append("No options are recorded.")
    elif not priced:
        missing.append("No option has cash flows (costs and benefits by year).")
    else:
        unpriced = [o.id for o in options if not o.cash_flows]
        if unpriced:
            missing.append("Options without cash flows: " + ", ".join(unpriced) + ".")
    if options and not baselines:
        missing.append("No option is marked as the baseline (business as usual or do minimum).")
    elif len(baselines) > 1:
        missing.append("More than one option is marked as the baseline: "
                       + ", ".join(o.id for o in baselines) + ".")
    chosen = [o for o in options if o.preferred]
    preferred = chosen[0] if len(chosen) == 1 else None
    if options and preferred is None:
        missing.append("No single option is marked as preferred, so there are no switching "
                       "values.")
    base_npsv = None
    if baseline is not None and baseline.cash_flows:
        c, b = present_values(baseline)
        base_npsv = b - c
    results = tuple(appraise_option(o, base_npsv if o.cash_flows else None) for o in options)
    scored = [r for r in results if r.has_cash_flows]
    best = max(scored, key=lambda r: r.npsv_gbp).id if scored else None
    switching = None
    if preferred is not None and preferred.cash_flows:
        switching = switching_values(
            preferred, [o for o in priced if o.id != preferred.id])
    return Appraisal(
        years=appraisal_years(project), base_year=base_year(project), options=results,
        baseline_id=baseline.id if baseline else None,
        preferred_id=preferred.id if preferred else None, best_id=best,
        switching=switching, missing=tuple(missing),
    )

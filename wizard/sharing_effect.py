"""What a sharing arrangement does to the case: the present value of the public return and of
the equity it puts in, the NPSV of the option that carries it with and without the return, the
affordability gap when the return is counted as income, and the return if profit falls.

Pure: project (and, to save a second simulation, its affordability) in, result out. Present
values use the appraisal's Green Book discount factors.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.affordability import Affordability
from wizard.appraisal import appraisal_years, appraise, discount_factor
from wizard.model import Project
from wizard.public_return import PublicReturn, carrying_option, public_return
from wizard.sharing_model import Sharing


@dataclass(frozen=True)
class SharingEffect:
    option_id: str | None  # the option that carries the arrangement
    result: PublicReturn
    stressed: PublicReturn  # with profit lower by ``fall_pct``
    fall_pct: int
    pv_return_gbp: int
    pv_stressed_return_gbp: int
    pv_equity_gbp: int
    net_pv_gbp: int  # PV of the return minus PV of the equity invested
    npsv_without_gbp: int | None  # the carrying option's NPSV without the return
    npsv_with_gbp: int | None  # with it (as the appraisal counts it)
    gap_without_return_gbp: int | None  # the affordability gap, return not counted
    gap_with_return_gbp: int | None  # the gap with the return counted as income each year
    missing: tuple[str, ...]

    @property
    def npsv_effect_gbp(self) -> int | None:
        if self.npsv_with_gbp is None or self.npsv_without_gbp is None:
            return None
        return self.npsv_with_gbp - self.npsv_without_gbp

    def to_dict(self) -> dict:
        return {
            "option": self.option_id,
            "years": [{"year": y.year, "profit_gbp": y.profit_gbp,
                       "return_gbp": round(y.return_gbp), "floor_gbp": round(y.floor_gbp),
                       "equity_invested_gbp": y.equity_invested_gbp,
                       "loss_share_gbp": round(y.loss_share_gbp)} for y in self.result.years],
            "total_return_gbp": self.result.total_return_gbp,
            "from_guarantee_gbp": self.result.from_guarantee_gbp,
            "equity_invested_gbp": self.result.equity_invested_gbp,
            "equity_at_risk_gbp": self.result.equity_at_risk_gbp,
            "loss_share_gbp": self.result.loss_share_gbp,
            "pv_return_gbp": self.pv_return_gbp, "pv_equity_gbp": self.pv_equity_gbp,
            "net_pv_gbp": self.net_pv_gbp,
            "sensitivity": {"profit_fall_pct": self.fall_pct,
                            "total_return_gbp": self.stressed.total_return_gbp,
                            "pv_return_gbp": self.pv_stressed_return_gbp},
            "npsv_without_gbp": self.npsv_without_gbp, "npsv_with_gbp": self.npsv_with_gbp,
            "gap_without_return_gbp": self.gap_without_return_gbp,
            "gap_with_return_gbp": self.gap_with_return_gbp,
            "missing": list(self.missing),
        }


def present_value(amounts: dict[int, float]) -> float:
    return sum(discount_factor(year) * amount for year, amount in amounts.items())


def sharing_effect(project: Project, affordable: Affordability | None = None,
                   fall_pct: int | None = None) -> SharingEffect:
    """The effect of ``project.sharing`` (see the module docstring). ``affordable`` is the
    project's affordability, when the caller has it: without it there is no affordability
    effect. ``fall_pct`` overrides the arrangement's own sensitivity."""
    sharing = project.sharing
    years = appraisal_years(project)
    fall = sharing.sensitivity_profit_fall_pct if fall_pct is None else fall_pct
    result = public_return(sharing, years)
    stressed = public_return(sharing, years, fall)
    carrier = carrying_option(project)
    missing: list[str] = []
    if sharing.share_of_profit_pct > 0 and not sharing.profit_forecast:
        missing.append("No profit forecast for the company: the public share of profit is "
                       "counted as nothing.")
    npsv_with = npsv_without = None
    if carrier is None:
        missing.append("No option carries the arrangement (name one, or mark a single option "
                       "preferred): the return is not in the appraisal.")
    elif not carrier.cash_flows:
        missing.append(f"Option {carrier.id} carries the arrangement but has no cash flows: "
                       "the return is not in the appraisal.")
    else:
        with_it = appraise(project).option(carrier.id)
        without = appraise(project.model_copy(update={"sharing": Sharing()})).option(carrier.id)
        npsv_with = with_it.npsv_gbp if with_it else None
        npsv_without = without.npsv_gbp if without else None
    gap_without = gap_with = None
    if affordable is not None and carrier is not None and affordable.option_id == carrier.id:
        income = {y.year: y.return_gbp for y in result.years}
        gap_without = affordable.gap_gbp
        gap_with = sum(max(0, round(y.need_gbp - income.get(y.year, 0.0)) - y.budget_gbp)
                       for y in affordable.years)
    elif affordable is not None and carrier is not None:
        missing.append(f"Option {carrier.id} carries the arrangement but the affordability is "
                       "of the preferred option: no effect on affordability is shown.")
    pv_return = present_value({y.year: y.return_gbp for y in result.years})
    pv_equity = present_value({y.year: y.equity_invested_gbp for y in result.years})
    return SharingEffect(
        option_id=carrier.id if carrier is not None else None, result=result, stressed=stressed,
        fall_pct=fall, pv_return_gbp=round(pv_return),
        pv_stressed_return_gbp=round(present_value(
            {y.year: y.return_gbp for y in stressed.years})),
        pv_equity_gbp=round(pv_equity), net_pv_gbp=round(pv_return - pv_equity),
        npsv_without_gbp=npsv_without, npsv_with_gbp=npsv_with,
        gap_without_return_gbp=gap_without, gap_with_return_gbp=gap_with,
        missing=tuple(missing),
    )

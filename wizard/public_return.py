"""The public side's return and exposure from a sharing arrangement, year by year.

Pure arithmetic on ``project.sharing`` (undiscounted, real terms; discounting is the
appraisal's, see ``wizard.sharing_effect``):

- The company distributes what the law lets it: by year t, total distributions never exceed its
  accumulated profit (Companies Act 2006 s.830: distributions only out of accumulated realised
  profits less accumulated realised losses), so a loss must be made good before dividends
  resume. All distributable profit is assumed paid out:
  ``distributed[t] = max(0, cumulative_profit[t] - distributed before t)``.
- The public side receives its share of the distribution (``profit_share_pct``, or its equity
  share when that is not given).
- A guaranteed return is a floor: in each year from the first investment (year 0 if nothing is
  staged) to its last year (``until_year``, else the end of the horizon), the public return is at least the larger of the guaranteed
  pounds and the guaranteed % of the equity invested to date.
- In a loss year the public side's share of the loss (its equity share) eats into its equity; the
  most it can lose is the equity it has invested (limited liability): the equity at risk.
- Sensitivity: every year's profit falls by the chosen % of its size (a loss deepens by it).

``carried_options(project, years)`` gives the options with the public return added to the cash
benefits of the option that carries the arrangement: the appraisal's hook.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.model import CashFlow, Option, Project
from wizard.sharing_model import Sharing


@dataclass(frozen=True)
class ReturnYear:
    year: int
    profit_gbp: int  # the company's forecast profit (negative: a loss)
    distributed_gbp: float  # what the company distributes in the year
    share_gbp: float  # the public share of it
    floor_gbp: float  # the guaranteed minimum (0 when no guarantee runs this year)
    return_gbp: float  # max(share, floor)
    equity_invested_gbp: int  # invested this year
    equity_to_date_gbp: int  # invested up to and including this year
    loss_share_gbp: float  # the public share of this year's loss, limited to equity left
    topped_up: bool  # the guarantee, not the profit, sets the return


@dataclass(frozen=True)
class PublicReturn:
    years: tuple[ReturnYear, ...]
    total_return_gbp: int
    from_profit_gbp: int  # the part of the return that is the public share of profit
    from_guarantee_gbp: int  # the part the guarantee adds on top
    equity_invested_gbp: int
    equity_at_risk_gbp: int  # the most the public side can lose: its equity invested
    loss_share_gbp: int  # the public share of forecast losses (within its equity)
    loss_years: tuple[int, ...]

    def year(self, year: int) -> ReturnYear | None:
        return next((y for y in self.years if y.year == year), None)


def horizon(sharing: Sharing, years: int) -> int:
    """The years counted: the appraisal's, extended to the forecast and investment years."""
    last = max([r.year for r in (*sharing.profit_forecast, *sharing.public_equity_gbp)],
               default=-1)
    return max(years, last + 1) if (sharing.profit_forecast or sharing.public_equity_gbp
                                    or sharing.guaranteed_return) else 0


def public_return(sharing: Sharing, years: int, profit_fall_pct: float = 0.0) -> PublicReturn:
    """The public return by year over ``years`` appraisal years (see the module docstring).
    ``profit_fall_pct`` lowers every year's profit by that % of its size."""
    n = horizon(sharing, years)
    profit = {r.year: r.profit_gbp for r in sharing.profit_forecast}
    invested = {s.year: s.amount_gbp for s in sharing.public_equity_gbp}
    share = sharing.share_of_profit_pct / 100
    equity_share = sharing.public_equity_pct / 100
    guarantee = sharing.guaranteed_return
    first = min(invested, default=0)
    cumulative = paid = 0.0
    to_date = 0
    lost = 0.0
    rows = []
    for t in range(n):
        p = profit.get(t, 0)
        fell = p - abs(p) * profit_fall_pct / 100
        cumulative += fell
        distributed = max(0.0, cumulative - paid)
        paid += distributed
        to_date += invested.get(t, 0)
        floor = 0.0
        if guarantee is not None and first <= t <= (
                n if guarantee.until_year is None else guarantee.until_year):
            floor = max(float(guarantee.amount_gbp), guarantee.pct_of_investment / 100 * to_date)
        own = share * distributed
        loss = 0.0
        if fell < 0:
            loss = min(equity_share * -fell, max(0.0, to_date - lost))
            lost += loss
        rows.append(ReturnYear(
            year=t, profit_gbp=round(fell), distributed_gbp=distributed, share_gbp=own,
            floor_gbp=floor, return_gbp=max(own, floor), equity_invested_gbp=invested.get(t, 0),
            equity_to_date_gbp=to_date, loss_share_gbp=loss, topped_up=floor > own,
        ))
    from_profit = sum(r.share_gbp for r in rows)
    total = sum(r.return_gbp for r in rows)
    return PublicReturn(
        years=tuple(rows), total_return_gbp=round(total), from_profit_gbp=round(from_profit),
        from_guarantee_gbp=round(total) - round(from_profit),
        equity_invested_gbp=sharing.equity_invested_gbp,
        equity_at_risk_gbp=sharing.equity_invested_gbp,
        loss_share_gbp=round(lost),
        loss_years=tuple(r.year for r in rows if r.profit_gbp < 0),
    )


def carrying_option(project: Project) -> Option | None:
    """The option that carries the arrangement: the one named, else the single preferred one."""
    options = project.project.options
    wanted = project.sharing.option
    if wanted is not None:
        return next((o for o in options if o.id == wanted), None)
    preferred = [o for o in options if o.preferred]
    return preferred[0] if len(preferred) == 1 else None


def carried_options(project: Project, years: int) -> list[Option]:
    """The project's options, with the public return added to the cash benefits of the option
    that carries the arrangement (only when that option has cash flows of its own)."""
    options = list(project.project.options)
    carrier = carrying_option(project)
    if carrier is None or not carrier.cash_flows or project.sharing.is_empty:
        return options
    result = public_return(project.sharing, years)
    extra = {r.year: r.return_gbp for r in result.years if r.return_gbp > 0}
    if not extra:
        return options
    flows = {c.year: c for c in carrier.cash_flows}
    for year, amount in extra.items():
        row = flows.get(year, CashFlow(year=year))
        flows[year] = row.model_copy(update={"benefits_gbp": row.benefits_gbp + round(amount)})
    carried = carrier.model_copy(update={"cash_flows": [flows[y] for y in sorted(flows)]})
    return [carried if o is carrier else o for o in options]

"""The business case's blocks for sharing the upside: "who carries the downside, who shares the
upside" beside the risk allocation in the commercial case, and the public return in the
financial case. Wording in templates/business_case_sharing.json.

Pure: the project the edition shows in, blocks out. For the public edition that project is the
redacted copy, in which a sensitive arrangement holds no figures; the blocks then say it is
withheld and point to its line in the redaction log.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from wizard import sharing_redact
from wizard.affordability import Affordability, affordability
from wizard.formatting import listing, money, percent, signed_money
from wizard.export.content import Block, Heading, KeyValues, Para, Table
from wizard.model import Project
from wizard.public_return import carrying_option
from wizard.redact import redaction_log
from wizard.sharing_effect import SharingEffect, sharing_effect
from wizard.sharing_model import SHARING_MODELS
from wizard.vocab import Allocation

WORDING_PATH = Path(__file__).resolve().parents[2] / "templates" / "business_case_sharing.json"


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    with open(WORDING_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def shown(project: Project) -> bool:
    """Whether the business case has anything to say about sharing."""
    return (project.project.delivery_model in SHARING_MODELS or not project.sharing.is_empty
            or project.sharing.sensitive)


def withheld_ref(project: Project) -> str | None:
    """The redaction log reference of the arrangement when this edition withholds it."""
    return next((e.ref for e in redaction_log(project) if e.kind == sharing_redact.KIND), None)


def _years(years: list[int]) -> str:
    if not years:
        return ""
    return ("year " if len(years) == 1 else "years ") + listing([str(y) for y in years])


def _partner_name(project: Project, partner_id: str | None) -> str | None:
    partner = project.partner(partner_id)
    return partner.name if partner is not None else None


def downside_upside_rows(project: Project, effect: SharingEffect) -> list[tuple[str, str, str]]:
    s = project.sharing
    r = effect.result
    counts = {a: sum(1 for x in project.risks if x.allocation is a) for a in Allocation}
    rows = [(
        "Risks",
        f"Public: {counts[Allocation.PUBLIC]}; shared: {counts[Allocation.SHARED]}; private: "
        f"{counts[Allocation.PRIVATE]} (see the risk allocation)",
        "",
    )]
    invested = [x.year for x in s.public_equity_gbp if x.amount_gbp]
    rows.append((
        "Equity",
        f"The public side's {money(r.equity_invested_gbp)} invested"
        + (f" ({_years(invested)})" if invested else "")
        + " is at risk if the company fails" if r.equity_invested_gbp else
        "The public side invests no equity",
        f"The public side holds {percent(s.public_equity_pct)} of the company"
        if s.public_equity_pct else "No public equity",
    ))
    loss = (f"The public side bears {percent(s.public_equity_pct)} of a loss, up to its equity: "
            f"{money(r.loss_share_gbp)} of the forecast losses ({_years(list(r.loss_years))})"
            if r.loss_years else "No loss is forecast; a loss would fall on the shareholders "
            "in proportion to their equity")
    rows.append((
        "Profit and loss", loss,
        f"{percent(s.share_of_profit_pct)} of distributed profit: {money(r.from_profit_gbp)} over the "
        "forecast" if s.share_of_profit_pct else "No public share of profit",
    ))
    g = s.guaranteed_return
    if g is not None:
        floor = [f"{money(g.amount_gbp)} a year"] if g.amount_gbp else []
        if g.pct_of_investment:
            floor.append(f"{percent(g.pct_of_investment)} a year of the public investment")
        name = _partner_name(project, g.guarantor)
        rows.append((
            "Guaranteed return",
            f"{name} stands behind the guarantee" if name else "No guarantor is named",
            "At least " + (" or ".join(floor) if floor else "an unstated amount")
            + (f", until year {g.until_year}" if g.until_year is not None else "")
            + (f"; the guarantee adds {money(r.from_guarantee_gbp)} over the period"
               if r.from_guarantee_gbp else ""),
        ))
    gs = s.gain_share
    if gs is not None:
        cap = f", capped at {money(gs.cap_gbp)}" if gs.cap_gbp is not None else ", with no cap"
        rows.append((
            "Target cost (pain/gain)",
            f"Of an overspend above the target, the public side pays {gs.public_pain_pct}%{cap}; "
            f"the provider {100 - gs.public_pain_pct}%",
            f"Of an underspend below the target, the public side keeps {gs.public_gain_pct}%; "
            f"the provider {100 - gs.public_gain_pct}%",
        ))
    rows.append((
        "Refinancing", "",
        f"{s.refinancing_gain_share_pct}% of any refinancing gain to the public side"
        if s.refinancing_gain_share_pct else "No public share of refinancing gains is recorded",
    ))
    return rows


def commercial_blocks(project: Project, public: bool) -> list[Block]:
    """The section beside the risk allocation (nothing when sharing is beside the point)."""
    if not shown(project):
        return []
    w = wording()["commercial"]
    blocks: list[Block] = [Heading(2, w["title"], "commercial-sharing"), Para(w["intro"])]
    if public and project.sharing.sensitive:
        return [*blocks, Para(w["withheld"].format(ref=withheld_ref(project)), "note")]
    s = project.sharing
    if s.is_empty:
        return [*blocks, Para(w["none"], "note")]
    effect = sharing_effect(project)
    blocks.append(Table(w["table"], tuple(w["header"]),
                        tuple(downside_upside_rows(project, effect)), (0.18, 0.41, 0.41),
                        "sharing"))
    if s.distribution_policy.strip():
        blocks.append(Para(w["policy"].format(text=s.distribution_policy)))
    if s.accounting_treatment.strip():
        blocks.append(Para(w["accounting"].format(text=s.accounting_treatment)))
    return blocks


def financial_blocks(project: Project, public: bool,
                     affordable: Affordability | None = None) -> list[Block]:
    """The public return in the financial case (nothing when nothing is shared)."""
    if not shown(project) or (project.sharing.is_empty and not project.sharing.sensitive):
        return []
    w = wording()["financial"]
    s = project.sharing
    heading = Heading(2, w["title"], "financial-public-return")
    if public and s.sensitive:
        return [heading, Para(w["withheld"].format(ref=withheld_ref(project)), "note")]
    if s.is_empty:
        return []
    carrier = carrying_option(project)
    if affordable is None and carrier is not None and carrier.cash_flows:
        affordable = affordability(project)
    effect = sharing_effect(project, affordable)
    r = effect.result
    option = f"{carrier.id} {carrier.name}" if carrier is not None else "none"
    items = [("Option carrying the arrangement", option),
             ("Public equity invested", money(r.equity_invested_gbp)),
             ("Equity at risk if the company fails", money(r.equity_at_risk_gbp)),
             ("Public share of forecast losses", money(r.loss_share_gbp)),
             ("Public return over the period", money(r.total_return_gbp)),
             ("Of which the guarantee adds", money(r.from_guarantee_gbp)),
             ("Present value of the return", money(effect.pv_return_gbp)),
             ("Present value of the equity invested", money(effect.pv_equity_gbp)),
             ("Net present value to the public side", signed_money(effect.net_pv_gbp))]
    if effect.npsv_with_gbp is not None and effect.npsv_without_gbp is not None:
        items += [("NPSV of the option without the return", signed_money(effect.npsv_without_gbp)),
                  ("NPSV of the option with the return", signed_money(effect.npsv_with_gbp))]
    if effect.gap_with_return_gbp is not None and effect.gap_without_return_gbp is not None:
        items += [("Affordability gap, return not counted", money(effect.gap_without_return_gbp)),
                  ("Affordability gap, return counted as income", money(effect.gap_with_return_gbp))]
    blocks: list[Block] = [heading, Para(w["intro"].format(option=option)),
                           KeyValues(w["summary"], tuple(items))]
    rows = tuple(
        (str(y.year), signed_money(y.profit_gbp), money(round(y.return_gbp)),
         money(round(y.return_gbp - y.share_gbp)) if y.topped_up else "–",
         money(y.equity_invested_gbp) if y.equity_invested_gbp else "–",
         money(round(y.loss_share_gbp)) if round(y.loss_share_gbp) else "–")
        for y in r.years
        if y.profit_gbp or y.return_gbp or y.equity_invested_gbp or y.loss_share_gbp
    )
    if rows:
        blocks.append(Table(w["by_year"], tuple(w["header"]), rows,
                            (0.08, 0.19, 0.17, 0.2, 0.19, 0.17), "public-return",
                            numeric=(0, 1, 2, 3, 4, 5)))
    blocks.append(Para(w["sensitivity"].format(
        pct=effect.fall_pct, total=money(effect.stressed.total_return_gbp),
        pv=money(effect.pv_stressed_return_gbp), base=money(r.total_return_gbp))))
    for text in effect.missing:
        blocks.append(Para(w["missing"].format(text=text), "note"))
    return blocks

"""The money of the business case as blocks: the economic case's critical success factors,
short list, appraisal table, optimism bias, switching values and value-for-money conclusion;
the quantified risk of the risk section; the financial case's capital and revenue by year,
funding, affordability gap and contingent liabilities.

Pure: the business case builder passes the project the edition shows (the redacted copy for
the public edition, in which a withheld risk has no probability or cost range, so every public
figure is computed over published risks only and says how many withheld risks it excludes).
Wording lives in templates/business_case.json under "appraisal".
"""

from __future__ import annotations

from wizard import optimism_bias
from wizard.affordability import Affordability, affordability
from wizard.appraisal import Appraisal, appraise
from wizard.bearer_totals import ALL_PRICED, EXPECTED_COST, PRIVATE_SIDE, PUBLIC_SIDE
from wizard.export.content import Block, Figure, Heading, Para, Table
from wizard.formatting import listing, percent, signed_money
from wizard.model import Project
from wizard.risk_exposure import Exposure, cached_simulation

RATINGS = {"meets": "Meets", "partly": "Partly meets", "fails": "Fails"}


def _bcr(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def year_ranges(years: list[int]) -> list[str]:
    """[0, 1, 2, 5, 7, 8] as ['0–2', '5', '7–8']."""
    out: list[str] = []
    start = prev = None
    for y in [*sorted(years), None]:
        if start is not None and (y is None or y != prev + 1):
            out.append(str(start) if start == prev else f"{start}–{prev}")
            start = None
        if y is not None and start is None:
            start = y
        prev = y
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class MoneyCase:
    def __init__(self, project: Project, wording: dict, public: bool):
        self.p = project
        self.w = wording["appraisal"]
        self.public = public
        self.appraisal: Appraisal = appraise(project)
        self.exposure: Exposure = cached_simulation(project)
        self.afford: Affordability = affordability(project, self.appraisal, self.exposure)
        self.names = {o.id: o.name for o in project.project.options}
        self.withheld = sum(1 for r in project.risks if r.sensitive) if public else 0

    def fill(self, key: str, **values: str) -> str:
        return self.w[key].format(**values)

    def withheld_note(self) -> Para:
        return Para(self.fill("withheld_risks", withheld=_count(self.withheld, "withheld risk")),
                    "note")

    def _name(self, option_id: str | None) -> str:
        return f"{option_id} {self.names.get(option_id or '', '')}".strip()

    # -- economic case ----------------------------------------------------------------------
    def economic(self) -> list[Block]:
        w, info = self.w, self.p.project
        blocks: list[Block] = [Heading(2, w["csf"], "economic-csf")]
        if info.critical_success_factors:
            blocks.append(Para(w["csf_intro"]))
            blocks.append(Table("Table: critical success factors", ("Id", "Critical success factor"),
                                tuple((c.id, c.description) for c in info.critical_success_factors),
                                (0.12, 0.88), "csf"))
            if info.options:
                blocks.append(Heading(3, w["short_list"], "economic-short-list"))
                ids = [c.id for c in info.critical_success_factors]
                rows = []
                for o in info.options:
                    rated = {r.csf: RATINGS[r.rating] for r in o.csf_assessment}
                    rows.append((self._name(o.id), *[rated.get(i, "Not scored") for i in ids]))
                first = 0.3 if len(ids) <= 6 else 0.22
                widths = (first, *[(1 - first) / len(ids)] * len(ids))
                blocks.append(Table("Table: the short list scored against the critical success "
                                    "factors", ("Option", *ids), tuple(rows), widths,
                                    "csf-short-list"))
        else:
            blocks.append(Para(w["no_csf"], "note"))
        blocks += self.appraisal_blocks()
        return blocks

    def appraisal_blocks(self) -> list[Block]:
        w, a = self.w, self.appraisal
        blocks: list[Block] = [Heading(2, w["appraisal"], "economic-appraisal")]
        scored = a.scored
        if not scored:
            blocks.append(Para(w["no_appraisal"], "note"))
        else:
            baseline = self._name(a.baseline_id) if a.baseline_id else "not yet chosen"
            blocks.append(Para(self.fill("appraisal_intro", base_year=str(a.base_year),
                                         years=str(a.years), baseline=baseline)))
            rows = tuple(
                (self._name(o.id) + (" (preferred)" if o.preferred else " (baseline)"
                                     if o.baseline else ""),
                 signed_money(o.pv_costs_gbp), signed_money(o.pv_benefits_gbp), signed_money(o.npsv_gbp), _bcr(o.bcr),
                 "" if o.npsv_vs_baseline_gbp is None else signed_money(o.npsv_vs_baseline_gbp))
                for o in scored)
            blocks.append(Table("Table: appraisal of the short list (present values)",
                                ("Option", "PV costs", "PV benefits", "NPSV", "BCR",
                                 "NPSV against baseline"), rows,
                                (0.32, 0.14, 0.14, 0.14, 0.08, 0.18), "appraisal",
                                numeric=(1, 2, 3, 4, 5)))
            blocks.append(Figure("options_npsv", "Figure: net present social value of each "
                                 "option"))
            blocks.append(Figure("cost_profile", "Figure: cost of each option by year"))
        if a.missing:
            blocks.append(Para(self.fill("missing", missing=" ".join(a.missing)), "note"))
        blocks += self.optimism_blocks(scored)
        blocks += self.switching_blocks()
        blocks += self.vfm_blocks()
        return blocks

    def optimism_blocks(self, scored) -> list[Block]:
        if not scored:
            return []
        w = self.w
        lib = optimism_bias.library()
        by_id = {o.id: o for o in self.p.project.options}
        rows = []
        for s in scored:
            o = by_id[s.id]
            cap = lib.capital_bound(o.optimism_bias_category)
            basis = o.optimism_bias_reason.strip() or (
                w["upper_bound_applied"] if not optimism_bias.reduced(o) else "No reason recorded")
            rows.append((self._name(o.id), cap.label if cap else "Not chosen",
                         percent(o.optimism_bias_capital_pct)
                         + (f" (bounds {percent(cap.lower_pct)}–"
                            f"{percent(cap.upper_pct)})" if cap else ""),
                         percent(o.optimism_bias_revenue_pct)
                         + f" (bounds {percent(lib.revenue.lower_pct)}–"
                           f"{percent(lib.revenue.upper_pct)})",
                         basis))
        return [Heading(3, w["optimism_bias"], "economic-optimism-bias"),
                Para(self.fill("optimism_bias_intro", source=lib.source)),
                Table("Table: optimism bias applied", ("Option", "Category", "Capital uplift",
                                                       "Revenue uplift", "Basis"),
                      tuple(rows), (0.22, 0.16, 0.16, 0.16, 0.3), "optimism-bias")]

    def switching_blocks(self) -> list[Block]:
        w, sv = self.w, self.appraisal.switching
        blocks: list[Block] = [Heading(3, w["switching"], "economic-switching")]
        if sv is None:
            blocks.append(Para(w["no_switching"], "note"))
        elif sv.margin_gbp >= 0:
            blocks.append(Para(self.fill("switching_text", option=self._name(sv.option_id),
                                         rival=self._name(sv.rival_id),
                                         margin=signed_money(sv.margin_gbp),
                                         costs_pct=percent(sv.costs_rise_pct, 1),
                                         benefits_pct=percent(sv.benefits_fall_pct, 1))))
        else:
            blocks.append(Para(self.fill("switching_not_best", option=self._name(sv.option_id),
                                         rival=self._name(sv.rival_id),
                                         margin=signed_money(-sv.margin_gbp))))
        return blocks

    def vfm_blocks(self) -> list[Block]:
        w, a = self.w, self.appraisal
        blocks: list[Block] = [Heading(2, w["vfm"], "economic-vfm")]
        chosen = a.option(a.preferred_id)
        if chosen is None or not chosen.has_cash_flows or chosen.npsv_vs_baseline_gbp is None:
            blocks.append(Para(w["vfm_none"], "note"))
            return blocks
        diff = chosen.npsv_vs_baseline_gbp
        versus = ("the same as" if diff == 0 else
                  f"{signed_money(abs(diff))} {'more' if diff > 0 else 'less'} than")
        values = {"option": self._name(chosen.id), "npsv": signed_money(chosen.npsv_gbp),
                  "vs_baseline": versus, "bcr": _bcr(chosen.bcr)}
        best = a.option(a.best_id)
        if best is None or best.id == chosen.id or best.npsv_gbp == chosen.npsv_gbp:
            blocks.append(Para(self.fill("vfm_best", **values)))
        else:
            blocks.append(Para(self.fill("vfm_not_best", best=self._name(best.id),
                                         best_npsv=signed_money(best.npsv_gbp), **values)))
        return blocks

    # -- risk section -----------------------------------------------------------------------
    def risk(self) -> list[Block]:
        w, e = self.w, self.exposure
        blocks: list[Block] = [Heading(3, w["quantified"], "economic-quantified-risk")]
        if not e.priced:
            blocks.append(Para(w["no_quantified"], "note"))
            if self.withheld:
                blocks.append(self.withheld_note())
            return blocks
        blocks.append(Para(self.fill("quantified_intro", iterations=f"{e.iterations:,}",
                                     seed=str(e.seed))))
        rows = tuple(
            (label, signed_money(d.expected_gbp), signed_money(d.p50_gbp), signed_money(d.p80_gbp),
             signed_money(d.p90_gbp))
            for label, d in ((PUBLIC_SIDE, e.public), (PRIVATE_SIDE, e.private),
                             (ALL_PRICED, e.total)))
        header = ("Who bears it", EXPECTED_COST, "P50", "P80", "P90")
        widths = (0.32, 0.17, 0.17, 0.17, 0.17)
        blocks.append(Table("Table: risk exposure by side", header, rows, widths, "exposure",
                            numeric=(1, 2, 3, 4)))
        rows = tuple((p.name, p.side.capitalize(), signed_money(p.distribution.expected_gbp),
                      signed_money(p.distribution.p80_gbp)) for p in e.by_partner)
        blocks.append(Table("Table: expected cost and P80 exposure per partner",
                            ("Partner", "Side", EXPECTED_COST, "P80"), rows,
                            (0.46, 0.14, 0.2, 0.2), "exposure-partners", numeric=(2, 3)))
        blocks.append(Figure("exposure_curve", "Figure: the risk exposure curve, public and "
                             "private"))
        if self.withheld:
            blocks.append(self.withheld_note())
        return blocks

    # -- financial case ---------------------------------------------------------------------
    def financial(self) -> list[Block]:
        w, f, info = self.w, self.afford, self.p.project
        base = self.appraisal.base_year
        blocks: list[Block] = [Heading(2, w["by_year"], "financial-by-year")]
        if f.need_gbp == 0 and f.budget_gbp == 0:
            blocks.append(Para(w["no_by_year"], "note"))
        else:
            blocks.append(Para(self.fill("by_year_intro", base_year=str(base))))
            rows = [(f"{y.year} ({base + y.year}/{str(base + y.year + 1)[-2:]})",
                     signed_money(y.capital_gbp), signed_money(y.revenue_gbp), signed_money(y.risk_p80_gbp),
                     signed_money(y.need_gbp), signed_money(y.budget_gbp), signed_money(y.gap_gbp) if y.gap_gbp else "")
                    for y in f.years]
            rows.append(("Total", signed_money(sum(y.capital_gbp for y in f.years)),
                         signed_money(sum(y.revenue_gbp for y in f.years)),
                         signed_money(sum(y.risk_p80_gbp for y in f.years)), signed_money(f.need_gbp),
                         signed_money(f.budget_gbp), signed_money(f.gap_gbp)))
            blocks.append(Table("Table: capital and revenue by year against the budget",
                                ("Year", "Capital", "Revenue", "Risk (P80)", "Need", "Budget",
                                 "Gap"), tuple(rows), (0.16, 0.14, 0.14, 0.14, 0.14, 0.14, 0.14),
                                "by-year", numeric=(1, 2, 3, 4, 5, 6)))
            blocks.append(Figure("affordability_bars", "Figure: affordability by year"))
            if self.withheld:
                blocks.append(self.withheld_note())
        blocks.append(Heading(2, w["funding"], "financial-funding"))
        if info.funding:
            rows = [(s.name, signed_money(s.amount_gbp), "Confirmed" if s.confirmed else "Not confirmed")
                    for s in info.funding]
            rows.append(("Total", signed_money(f.funding_gbp), f"{signed_money(f.confirmed_gbp)} confirmed"))
            blocks.append(Table("Table: funding sources", ("Source", "Amount", "Status"),
                                tuple(rows), (0.56, 0.2, 0.24), "funding", numeric=(1,)))
        else:
            blocks.append(Para(w["no_funding"], "note"))
        blocks.append(Heading(2, w["gap"], "financial-gap"))
        if not info.budget:
            blocks.append(Para(w["no_budget"], "note"))
        else:
            values = {"need": signed_money(f.need_gbp), "budget": signed_money(f.budget_gbp),
                      "gap": signed_money(f.gap_gbp), "confirmed": signed_money(f.confirmed_gbp),
                      "unfunded": signed_money(f.unfunded_gbp)}
            short = [y.year for y in f.years if y.gap_gbp > 0]
            if f.gap_gbp:
                years = ("year " if len(short) == 1 else "years ") + listing(year_ranges(short))
                blocks.append(Para(self.fill("gap_text", years=years, **values)))
            else:
                blocks.append(Para(self.fill("no_gap", **values)))
        blocks.append(Heading(3, w["contingent"], "financial-contingent"))
        s = self.exposure.support
        if s.risks:
            blocks.append(Para(self.fill("contingent_text", risks=_count(s.risks, "priced risk"),
                                         cap=signed_money(s.cap_gbp),
                                         chance=f"{s.chance_drawn:.1%}",
                                         draw=signed_money(s.expected_draw_gbp))))
        else:
            blocks.append(Para(w["no_contingent"], "note"))
        return blocks

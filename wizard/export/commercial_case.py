"""The commercial and management sections of the business case, as content blocks.

``procurement_blocks`` and ``payment_blocks`` extend the commercial case (procurement strategy:
route and why, lots, market engagement, award criteria, timetable table and figure, outcome;
payment mechanism and deductions). ``governance_blocks`` and ``delivery_blocks`` extend the
management case (governance and assurance; benefits realisation plan, contract management and
the evaluation plan). Wording lives in templates/business_case.json ("commercial_management").

The public edition is built from the redacted copy: a withheld lot prints "Withheld" and the
published lot total covers the published lots only, saying how many were excluded.
"""

from __future__ import annotations

from wizard.commercial_vocab import label
from wizard.export.business_case import WITHHELD, fill, wording, yes_no
from wizard.formatting import long_date, money
from wizard.export.content import Block, Figure, Heading, KeyValues, Para, Table
from wizard.graphs.procurement_timeline import standstill_span
from wizard.model import Project
from wizard.vocab import BusinessCaseStage
from wizard.workdays import STANDSTILL_WORKING_DAYS


def _w() -> dict[str, str]:
    return wording()["commercial_management"]


def _date(day) -> str:
    return long_date(day) if day is not None else "Not set"


def _lot_value(project: Project, lot, public: bool) -> str:
    if public and lot.sensitive:
        return WITHHELD
    if lot.value_gbp is not None:
        return money(lot.value_gbp)
    phases = [p for p in project.phases if p.id in lot.phases]
    return money(sum(p.value_gbp for p in phases)) + " (its phases)" if phases else "Not set"


def _lot_amount(project: Project, lot) -> int:
    if lot.value_gbp is not None:
        return lot.value_gbp
    return sum(p.value_gbp for p in project.phases if p.id in lot.phases)


def procurement_blocks(project: Project, public: bool) -> list[Block]:
    w = _w()
    proc = project.procurement
    names = {p.id: p.name for p in project.phases}
    out: list[Block] = [Heading(2, w["procurement"], "commercial-procurement")]
    if proc.route is not None:
        out.append(Para(fill(w["route_intro"], {"route": label(proc.route)})))
    else:
        out.append(Para(w["no_route"], "note"))
    if proc.route_reason.strip():
        out.append(Para(w["route_why"] + proc.route_reason))
    if proc.direct_award_justification.strip():
        out.append(Para(w["direct_award"] + proc.direct_award_justification))

    out.append(Heading(3, w["lots"], "commercial-lots"))
    if proc.lots:
        out.append(Para(fill(w["lots_intro"], {"count": str(len(proc.lots))})))
        rows = tuple(
            (lot.id, lot.name, ", ".join(names.get(i, i) for i in lot.phases) or "None",
             _lot_value(project, lot, public))
            for lot in proc.lots)
        out.append(Table("Table: lots", ("Id", "Lot", "Phases", "Value"), rows,
                         (0.08, 0.32, 0.42, 0.18), "lots", numeric=(3,)))
        shown = [lot for lot in proc.lots if not (public and lot.sensitive)]
        total = fill(w["lots_total"], {"total": money(sum(_lot_amount(project, lot)
                                                            for lot in shown))}) if shown else ""
        hidden = len(proc.lots) - len(shown)
        if hidden:
            total = (total + " " + fill(w["lots_withheld"], {"count": str(hidden)})).strip()
        out.append(Para(total, "note"))
        if proc.lots_per_bidder:
            out.append(Para(fill(w["lots_per_bidder"], {"count": str(proc.lots_per_bidder)})))
    else:
        out.append(Para(w["no_lots"], "note"))

    out.append(Heading(3, w["engagement"], "commercial-engagement"))
    if proc.market_engagement:
        out.append(Para(w["engagement_intro"]))
        out.append(Table("Table: market engagement", ("What", "When", "With whom"),
                         tuple((m.what, _date(m.date), m.with_whom)
                               for m in proc.market_engagement),
                         (0.4, 0.2, 0.4), "market-engagement"))
    else:
        out.append(Para(w["no_engagement"], "note"))

    out.append(Heading(3, w["weights"], "commercial-weights"))
    weights = proc.evaluation
    if weights.is_set:
        out.append(Para(w["weights_intro"]))
        out.append(KeyValues("Award criteria weightings", (
            ("Quality", f"{weights.quality}%"), ("Price", f"{weights.price}%"),
            ("Social value", f"{weights.social_value}%"), ("Total", f"{weights.total}%"))))
    else:
        out.append(Para(w["no_weights"], "note"))

    out.append(Heading(3, w["timetable"], "commercial-timetable"))
    if proc.timetable:
        out.append(Para(fill(w["timetable_intro"], {"days": str(STANDSTILL_WORKING_DAYS)})))
        entries = sorted(proc.timetable, key=lambda e: e.date)
        out.append(Table("Table: procurement timetable", ("Milestone", "Date"),
                         tuple((label(e.milestone), long_date(e.date)) for e in entries),
                         (0.65, 0.35), "procurement-timetable"))
        span = standstill_span(project)
        if span is not None:
            out.append(Para(
                f"Standstill: from {long_date(span[0])} to the end of {long_date(span[1])} "
                f"({STANDSTILL_WORKING_DAYS} working days).", "note"))
        out.append(Figure("procurement_timeline", "Figure: the procurement timetable"))
    else:
        out.append(Para(w["no_timetable"], "note"))
    if proc.outcome.strip() or project.project.stage == BusinessCaseStage.FBC:
        out.append(Heading(3, w["outcome"], "commercial-outcome"))
        out.append(Para(proc.outcome or "Not recorded yet.",
                        "body" if proc.outcome.strip() else "note"))
    return out


def payment_blocks(project: Project, public: bool) -> list[Block]:
    w = _w()
    pay = project.payment
    kpis = {k.id: k.name for k in project.kpis}
    out: list[Block] = [Heading(2, w["payment"], "commercial-payment")]
    if pay.mechanism is None:
        out.append(Para(w["no_payment"], "note"))
    withheld = public and pay.sensitive
    items = [("Mechanism", label(pay.mechanism) if pay.mechanism else "Not decided"),
             ("Indexation", pay.indexation or "Not set")]
    if pay.baseline.strip():
        items.append(("Results baseline", pay.baseline))
    cap = (WITHHELD if withheld else
           f"{pay.deduction_cap_pct}% of the monthly payment" if pay.deduction_cap_pct is not None
           else "None set")
    items += [("Cap on deductions", cap),
              ("Before termination", label(pay.remedy_step) if pay.remedy_step else "Not set")]
    out.append(KeyValues("Payment mechanism", tuple(items)))
    if pay.description.strip():
        out.append(Para(pay.description))
    if pay.deductions:
        out.append(Para(w["deductions_intro"]))
        out.append(Table("Table: performance deductions", ("KPI", "Indicator", "Per failure"),
                         tuple((d.kpi, kpis.get(d.kpi, d.kpi),
                                WITHHELD if withheld else money(d.per_failure_gbp))
                               for d in pay.deductions),
                         (0.12, 0.63, 0.25), "deductions", numeric=(2,)))
    else:
        out.append(Para(w["no_deductions"], "note"))
    return out


def governance_blocks(project: Project, public: bool) -> list[Block]:
    w = _w()
    gov = project.governance
    board = gov.partnership_board
    groups = {g.id: g.name for g in project.steering_groups}
    out: list[Block] = [Heading(2, w["governance"], "management-governance"),
                        Para(w["governance_intro"])]
    fte = f"{gov.client_side_fte:g} FTE" if gov.client_side_fte else "Not named"
    out.append(KeyValues("Governance", (
        ("Senior responsible owner", gov.senior_responsible_owner or "Not named"),
        ("Partnership board", board.membership or "Not set"),
        ("Board meets", f"{board.meetings_per_year} times a year"),
        ("Steering groups on the board",
         ", ".join(groups.get(g, g) for g in board.steering_groups) or "None"),
        ("Contract manager", gov.contract_manager or "Not named"),
        ("Client-side capacity", fte),
    )))
    if gov.assurance_reviews:
        out.append(Heading(3, w["reviews"], "management-assurance"))
        out.append(Table("Table: assurance and gateway reviews", ("Review", "When", "By"),
                         tuple((r.name, _date(r.date), r.by) for r in gov.assurance_reviews),
                         (0.5, 0.2, 0.3), "assurance-reviews"))
    return out


def delivery_blocks(project: Project, public: bool) -> list[Block]:
    w = _w()
    objectives = {s.id: s.outcome for s in project.social_impact}
    out: list[Block] = [Heading(2, w["benefits"], "management-benefits")]
    if project.benefits:
        out.append(Para(w["benefits_intro"]))
        rows = tuple(
            (b.id, b.benefit, b.owner or "Not named", b.measure, b.baseline or "Not set",
             b.target, _date(b.date),
             f"{b.objective}: {objectives.get(b.objective, '')}" if b.objective else "",
             yes_no(b.cash_releasing))
            for b in project.benefits)
        out.append(Table("Table: benefits register",
                         ("Id", "Benefit", "Owner", "Measure", "Baseline", "Target", "By",
                          "Objective", "Cashable"),
                         rows, (0.04, 0.15, 0.13, 0.14, 0.1, 0.09, 0.1, 0.14, 0.11),
                         "benefits"))
    else:
        out.append(Para(w["no_benefits"], "note"))

    out.append(Heading(2, w["contract_management"], "management-contract"))
    out.append(Para(w["contract_management_intro"]))
    gov, pay = project.governance, project.payment
    out.append(KeyValues("Contract management", (
        ("Contract manager", gov.contract_manager or "Not named"),
        ("Client-side capacity",
         f"{gov.client_side_fte:g} FTE" if gov.client_side_fte else "Not named"),
        ("KPIs", str(len(project.kpis))),
        ("KPIs carrying deductions", str(len(pay.deductions))),
        ("Before termination", label(pay.remedy_step) if pay.remedy_step else "Not set"),
    )))

    plan = project.evaluation_plan
    out.append(Heading(2, w["evaluation"], "management-evaluation"))
    if plan.planned:
        out.append(KeyValues("Evaluation plan", (
            ("Mid-term evaluation", _date(plan.mid_term)),
            ("End evaluation", _date(plan.end)),
            ("By", plan.by or "Not named"),
            ("Independent", yes_no(plan.independent)),
            ("Published", yes_no(plan.published)),
        )))
        if plan.method.strip():
            out.append(Para("Method: " + plan.method))
    else:
        out.append(Para(w["no_evaluation"], "note"))
    return out

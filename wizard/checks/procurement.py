"""The procurement checks: the standstill (Procurement Act 2023 s.51, counted in working days),
tendering periods, the order of the timetable, its contract start, the award criteria, a direct
award's justification, and the lots (every phase in one lot; no lot that shuts out SMEs)."""

from __future__ import annotations

import datetime as dt

from wizard.checks.base import Finding, Rule, finding, phase_label
from wizard.formatting import count, listing, money, percent, weekday_date
from wizard.checks.commercial_base import lot_label
from wizard.commercial_vocab import MILESTONE_ORDER, Milestone, ProcurementRoute, label
from wizard.model import Project
from wizard.redact_commercial import withheld_lot_ids
from wizard.vocab import BusinessCaseStage
from wizard.workdays import STANDSTILL_WORKING_DAYS, holidays_between, working_days_between

# Shortest tendering period (calendar days from tender notice to deadline) for each route
# (Procurement Act 2023 s.54, with electronic tenders and no planned procurement notice).
MIN_TENDER_DAYS: dict[ProcurementRoute, int] = {
    ProcurementRoute.OPEN: 25,
    ProcurementRoute.COMPETITIVE_FLEXIBLE: 25,
    ProcurementRoute.FRAMEWORK_CALL_OFF: 10,
    ProcurementRoute.DYNAMIC_MARKET: 10,
}
# No lot should hold more than this share of the contract's value (advice: SMEs shut out).
MAX_LOT_SHARE_PCT = 50

M = Milestone


def _timetable_finding(rule: str, severity: str, principle: str, milestone: Milestone,
                       message: str) -> Finding:
    return finding(rule, severity, principle, "procurement", milestone.value,
                              label(milestone), message)


def contract_entry(project: Project):
    """The milestone taken as entering into the contract: the contract start, or the contract
    details notice if it is dated earlier (it is published after the contract is entered)."""
    proc = project.procurement
    dated = [(proc.date_of(m), m) for m in (M.CONTRACT_START, M.CONTRACT_DETAILS_NOTICE)]
    dated = [(d, m) for d, m in dated if d is not None]
    return min(dated, key=lambda x: x[0]) if dated else (None, None)


def standstill(project: Project) -> list[Finding]:
    proc = project.procurement
    award = proc.date_of(M.CONTRACT_AWARD_NOTICE)
    if award is None:
        return []
    out = []
    entry, entry_milestone = contract_entry(project)

    def holidays_note(last) -> str:
        found = holidays_between(award, last)
        if not found:
            return ""
        return " (" + listing([f"{name} {weekday_date(d)}" for d, name in found]) + \
            f" {'is a bank holiday' if len(found) == 1 else 'are bank holidays'})"

    if entry is not None:
        days = working_days_between(award, entry)
        if days < STANDSTILL_WORKING_DAYS:
            out.append(_timetable_finding(
                "standstill", "error", "accountable", entry_milestone,
                f"The contract is entered into on {weekday_date(entry)} ({label(entry_milestone)}), only "
                f"{count(days, 'working day')} after the contract award notice on "
                f"{weekday_date(award)}{holidays_note(entry)}; the Procurement Act 2023 (s.51) needs a "
                f"standstill of at least {STANDSTILL_WORKING_DAYS} working days first."))
    end = proc.date_of(M.STANDSTILL_END)
    if end is not None:
        # The standstill's last day counts: working days after the notice up to and including it.
        days = working_days_between(award, end + dt.timedelta(days=1))
        if days < STANDSTILL_WORKING_DAYS:
            out.append(_timetable_finding(
                "standstill", "error", "accountable", M.STANDSTILL_END,
                f"The standstill ends on {weekday_date(end)}, after only "
                f"{count(days, 'working day')} from the contract award notice on {weekday_date(award)}"
                f"{holidays_note(end)}; the Procurement Act 2023 (s.51) needs at least "
                f"{STANDSTILL_WORKING_DAYS}."))
    return out


def tender_period(project: Project) -> list[Finding]:
    proc = project.procurement
    minimum = MIN_TENDER_DAYS.get(proc.route) if proc.route else None
    notice, deadline = proc.date_of(M.TENDER_NOTICE), proc.date_of(M.TENDER_DEADLINE)
    if minimum is None or notice is None or deadline is None or deadline < notice:
        return []
    days = (deadline - notice).days
    if days >= minimum:
        return []
    return [_timetable_finding(
        "tender-period", "warning", "collaborative", M.TENDER_DEADLINE,
        f"Tenders are due {count(days, 'day')} after the tender notice "
        f"({weekday_date(notice)} to {weekday_date(deadline)}); the {label(proc.route)} needs at least {minimum} "
        "days (Procurement Act 2023 s.54).")]


def timetable_order(project: Project) -> list[Finding]:
    dated = {e.milestone: e.date for e in project.procurement.timetable}
    out = []
    latest = None  # (date, milestone) of the latest milestone seen so far in the Act's order
    for milestone in MILESTONE_ORDER:
        when = dated.get(milestone)
        if when is None:
            continue
        if latest is not None and when < latest[0]:
            out.append(_timetable_finding(
                "timetable-order", "error", "accountable", milestone,
                f"{label(milestone)} is dated {weekday_date(when)}, before {label(latest[1])} on "
                f"{weekday_date(latest[0])}, which comes first."))
        else:
            latest = (when, milestone)
    return out


def timetable_start(project: Project) -> list[Finding]:
    start = project.procurement.date_of(M.CONTRACT_START)
    if start is None or start == project.project.start:
        return []
    return [_timetable_finding(
        "timetable-start", "warning", "adaptable", M.CONTRACT_START,
        f"The procurement timetable starts the contract on {weekday_date(start)} but the project starts "
        f"on {weekday_date(project.project.start)}.")]


def evaluation_weights(project: Project) -> list[Finding]:
    weights = project.procurement.evaluation
    if not weights.is_set or weights.total == 100:
        return []
    return [finding(
        "evaluation-weights", "error", "accountable", "procurement", "", "Award criteria",
        f"The award criteria weightings (quality {weights.quality}%, price {weights.price}%, "
        f"social value {weights.social_value}%) add up to {weights.total}%, not 100%.")]


def direct_award(project: Project) -> list[Finding]:
    proc = project.procurement
    if proc.route != ProcurementRoute.DIRECT_AWARD or proc.direct_award_justification.strip():
        return []
    return [finding(
        "direct-award-justification", "error", "accountable", "procurement", "",
        "Procurement route",
        "The contract is to be directly awarded but no justification is recorded; the "
        "Procurement Act 2023 (s.41-43) allows a direct award only on a stated ground.")]


def lot_coverage(project: Project) -> list[Finding]:
    lots = project.procurement.lots
    if not lots:
        return []
    out = []
    for phase in project.phases:
        holders = [lot for lot in lots if phase.id in lot.phases]
        if not holders:
            out.append(finding(
                "lot-coverage", "warning", "accountable", "phases", phase.id, phase_label(phase),
                f"{phase_label(phase)} is in no lot, so it would not be bought."))
        elif len(holders) > 1:
            out.append(finding(
                "lot-coverage", "warning", "accountable", "phases", phase.id, phase_label(phase),
                f"{phase_label(phase)} is in {len(holders)} lots "
                f"({listing([lot_label(lot) for lot in holders])}); it should be in one."))
    return out


def lot_value(project: Project, lot) -> int:
    """A lot's value: its own estimate, or else the sum of its phases' values."""
    if lot.value_gbp is not None:
        return lot.value_gbp
    return sum(p.value_gbp for p in project.phases if p.id in lot.phases)


def lot_share(project: Project) -> list[Finding]:
    lots = project.procurement.lots
    values = {lot.id: lot_value(project, lot) for lot in lots}
    whole = project.project.value_gbp or sum(values.values())
    if not lots or whole <= 0:
        return []
    secret = withheld_lot_ids(project)  # their value is withheld: the message names no amount
    out = []
    for lot in lots:
        share = values[lot.id] * 100 / whole
        if share > MAX_LOT_SHARE_PCT:
            worth = (f"holds more than {MAX_LOT_SHARE_PCT}% of the contract's value"
                     if lot.id in secret else
                     f"is worth {money(values[lot.id])}, {percent(share, 0)} of the contract's "
                     f"{money(whole)}")
            out.append(finding(
                "lot-share", "advice", "place_based", "lots", lot.id, lot_label(lot),
                f"{lot_label(lot)} {worth}; a lot over {MAX_LOT_SHARE_PCT}% of the value can "
                "shut out small and medium-sized enterprises."))
    return out


def procurement_outcome(project: Project) -> list[Finding]:
    if project.project.stage != BusinessCaseStage.FBC or project.procurement.outcome.strip():
        return []
    return [finding(
        "procurement-outcome", "warning", "accountable", "procurement", "", "Procurement outcome",
        "This is a full business case but the procurement's outcome (tenders received, the "
        "winning bid and its scores) is not recorded.")]


RULES = [
    Rule("standstill", "accountable", "error",
         "Standstill of 8 working days before the contract (Procurement Act 2023 s.51)",
         standstill),
    Rule("tender-period", "collaborative", "warning", "Tendering period long enough for the route",
         tender_period),
    Rule("timetable-order", "accountable", "error", "Procurement milestones in order",
         timetable_order),
    Rule("timetable-start", "adaptable", "warning", "Timetable's contract start is the project's",
         timetable_start),
    Rule("evaluation-weights", "accountable", "error", "Award criteria weightings add up to 100%",
         evaluation_weights),
    Rule("direct-award-justification", "accountable", "error",
         "A direct award is justified (s.41-43)", direct_award),
    Rule("lot-coverage", "accountable", "warning", "Every phase in exactly one lot", lot_coverage),
    Rule("lot-share", "place_based", "advice", "No lot that shuts out SMEs", lot_share),
    Rule("procurement-outcome", "accountable", "warning", "A full business case records the "
         "procurement's outcome", procurement_outcome),
]

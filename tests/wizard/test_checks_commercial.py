"""The commercial and management checks: each rule fires on a design that breaks it, with the
words a user reads, and stays quiet on a near miss. The standstill is counted in working days
across bank-holiday weekends (Easter and the late May bank holiday 2027)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_checks import both, make, setter

from wizard.checks import ITEM_KINDS, rule, run_checks
from wizard.checks.base import routes
from wizard.workdays import add_working_days, standstill_last_day, working_days_between


def timetable(**dates):
    return setter("procurement", {
        "route": dates.pop("route", "open"),
        "timetable": [{"milestone": m, "date": d} for m, d in dates.items()]})


def lots(*specs):
    return setter("procurement", {"lots": [
        {"id": f"L{i}", "name": f"Lot {i}", "phases": phases,
         **({"value_gbp": value} if value is not None else {})}
        for i, (phases, value) in enumerate(specs, start=1)]})


BENEFIT = {"id": "B1", "benefit": "More swimmers", "owner": "Head of leisure",
           "baseline": "1,200 a year", "target": "2,000 a year", "objective": "S1"}

# (change, finding id, severity, principle, words the message must contain)
TRIGGERS = [
    # Easter 2027: Good Friday 26 March and Easter Monday 29 March are not working days.
    (timetable(contract_award_notice="2027-03-18", contract_start="2027-04-01"),
     "standstill:contract_start", "error", "accountable",
     ["Thu 1 Apr 2027", "only 7 working days", "Thu 18 Mar 2027", "Good Friday Fri 26 Mar 2027",
      "Easter Monday Mon 29 Mar 2027", "s.51", "at least 8 working days"]),
    # Eight weekdays, but only six working days over Easter.
    (timetable(contract_award_notice="2027-03-19", contract_start="2027-04-01"),
     "standstill:contract_start", "error", "accountable", ["only 6 working days"]),
    (timetable(contract_award_notice="2027-03-18", standstill_end="2027-03-31"),
     "standstill:standstill_end", "error", "accountable",
     ["ends on Wed 31 Mar 2027", "only 7 working days"]),
    # Late May bank holiday (31 May 2027): eight weekdays, seven working days.
    (timetable(contract_award_notice="2027-05-19", contract_details_notice="2027-06-01"),
     "standstill:contract_details_notice", "error", "accountable",
     ["Tue 1 Jun 2027", "only 7 working days", "Spring Bank Holiday Mon 31 May 2027"]),
    (timetable(tender_notice="2026-10-01", tender_deadline="2026-10-20"),
     "tender-period:tender_deadline", "warning", "collaborative",
     ["19 days after the tender notice", "Open procedure", "at least 25 days", "s.54"]),
    (timetable(route="framework_call_off", tender_notice="2026-10-01",
               tender_deadline="2026-10-08"),
     "tender-period:tender_deadline", "warning", "collaborative", ["7 days", "at least 10 days"]),
    (timetable(tender_notice="2026-10-01", tender_deadline="2026-09-20"),
     "timetable-order:tender_deadline", "error", "accountable",
     ["Tender deadline is dated Sun 20 Sep 2026", "before Tender notice (s.21) on Thu 1 Oct 2026"]),
    (timetable(contract_start="2027-05-01"), "timetable-start:contract_start", "warning",
     "adaptable", ["contract on Sat 1 May 2027", "project starts on Thu 1 Apr 2027"]),
    (setter("procurement", {"evaluation": {"quality": 60, "price": 30, "social_value": 20}}),
     "evaluation-weights", "error", "accountable", ["social value 20%", "add up to 110%"]),
    (setter("procurement", {"route": "direct_award"}), "direct-award-justification", "error",
     "accountable", ["directly awarded", "no justification", "s.41-43"]),
    (lots((["P1"], None)), "lot-coverage:P2", "warning", "accountable",
     ["Phase Operation is in no lot"]),
    (lots((["P1", "P2"], None), (["P2"], None)), "lot-coverage:P2", "warning", "accountable",
     ["Phase Operation is in 2 lots", "Lot L1 Lot 1 and Lot L2 Lot 2"]),
    (lots((["P1"], 10_000_000), (["P2"], 2_500_000)), "lot-share:L1", "advice", "place_based",
     ["Lot L1 Lot 1 is worth £10,000,000", "80% of the contract's £12,500,000", "over 50%"]),
    (both(lots((["P1"], 10_000_000), (["P2"], 2_500_000)), setter("phases.0.sensitive", True)),
     "lot-share:L1", "advice", "place_based",
     ["Lot L1 Lot 1 holds more than 50% of the contract's value"]),
    (setter("payment.deductions", []), "deductions", "warning", "accountable",
     ["£12,500,000", "over £5,000,000", "no KPI carries a payment deduction"]),
    (setter("payment.deductions.0.per_failure_gbp", 0), "deductions", "warning", "accountable",
     ["no KPI carries a payment deduction"]),
    (setter("payment.mechanism", "payment_by_results"), "results-baseline", "warning",
     "accountable", ["Payment is by results but no baseline"]),
    (setter("payment.deduction_cap_pct", None), "deduction-cap", "warning", "collaborative",
     ["availability payments", "no cap on deductions"]),
    (setter("governance.senior_responsible_owner", " "), "sro", "warning", "accountable",
     ["No senior responsible owner"]),
    (setter("governance.client_side_fte", None), "client-capacity", "warning", "collaborative",
     ["£12,500,000", "over £1,000,000", "no client-side contract management capacity"]),
    (setter("governance.client_side_fte", 0.0), "client-capacity", "warning", "collaborative",
     ["no client-side"]),
    (setter("evaluation_plan", {}), "evaluation-none", "warning", "adaptable",
     ["180 months (15 years)", "no mid-term or end evaluation"]),
    (setter("evaluation_plan.published", False), "evaluation-published", "warning",
     "accountable", ["not to be published"]),
    (setter("benefits", [BENEFIT | {"owner": "", "baseline": " "}]), "benefit-owner:B1",
     "warning", "accountable", ["Benefit B1 More swimmers has no owner and no baseline"]),
    (setter("benefits", [BENEFIT | {"baseline": ""}]), "benefit-owner:B1", "warning",
     "accountable", ["has no baseline: it cannot be tracked"]),
    (setter("project.stage", "FBC"), "procurement-outcome", "warning", "accountable",
     ["full business case", "outcome", "not recorded"]),
]

# (change, rule that must stay quiet): near misses just on the safe side
QUIET = [
    # 8 working days (18, 19, 22-25, 30 and 31 March) before entering on 1 April.
    (timetable(contract_award_notice="2027-03-17", contract_start="2027-04-01"), "standstill"),
    (timetable(contract_award_notice="2027-03-18", standstill_end="2027-04-01"), "standstill"),
    (timetable(contract_award_notice="2027-05-18", contract_start="2027-06-01"), "standstill"),
    (timetable(contract_start="2027-04-01"), "standstill"),
    (timetable(tender_notice="2026-10-01", tender_deadline="2026-10-26"), "tender-period"),
    (timetable(route="dynamic_market", tender_notice="2026-10-01",
               tender_deadline="2026-10-11"), "tender-period"),
    (timetable(route="direct_award", tender_notice="2026-10-01", tender_deadline="2026-10-02"),
     "tender-period"),
    (timetable(tender_notice="2026-10-01", tender_deadline="2026-10-01",
               contract_award_notice="2027-01-04", contract_start="2027-04-01"),
     "timetable-order"),
    (timetable(contract_start="2027-04-01"), "timetable-start"),
    (setter("procurement", {"evaluation": {"quality": 60, "price": 30, "social_value": 10}}),
     "evaluation-weights"),
    (setter("procurement", {"evaluation": {}}), "evaluation-weights"),
    (setter("procurement", {"route": "direct_award",
                            "direct_award_justification": "Extreme urgency (s.41, Sch 5 para 13)"}),
     "direct-award-justification"),
    (lots((["P1"], None), (["P2"], None)), "lot-coverage"),
    (lots((["P1"], 6_250_000), (["P2"], 6_250_000)), "lot-share"),
    (both(setter("project.value_gbp", 5_000_000), setter("payment.deductions", [])),
     "deductions"),
    (both(setter("payment.mechanism", "payment_by_results"),
          setter("payment.baseline", "2025-26 re-referral rate, 23%")), "results-baseline"),
    (both(setter("payment.mechanism", "fixed_price"), setter("payment.deduction_cap_pct", None)),
     "deduction-cap"),
    (setter("governance.senior_responsible_owner", "Director of Children's Services"), "sro"),
    (both(setter("project.value_gbp", 1_000_000), setter("governance.client_side_fte", None)),
     "client-capacity"),
    (setter("governance.client_side_fte", 0.5), "client-capacity"),
    (both(setter("project.duration_months", 60), setter("evaluation_plan", {})),
     "evaluation-none"),
    (setter("evaluation_plan", {"end": "2041-03-31", "published": True}), "evaluation-none"),
    (setter("evaluation_plan", {}), "evaluation-published"),
    (setter("benefits", [BENEFIT]), "benefit-owner"),
    (setter("project.stage", "OBC"), "procurement-outcome"),
    (both(setter("project.stage", "FBC"),
          setter("procurement", {"outcome": "Four tenders; Brightpath scored 81.5"})),
     "procurement-outcome"),
]


@pytest.mark.parametrize("change, fid, severity, principle, words", TRIGGERS,
                         ids=[f"{c[1]}-{i}" for i, c in enumerate(TRIGGERS)])
def test_rule_fires(change, fid, severity, principle, words):
    findings = run_checks(make(change))
    found = {f.id: f for f in findings}
    assert fid in found, [f.id for f in findings]
    f = found[fid]
    assert (f.severity, f.principle) == (severity, principle)
    for word in words:
        assert word in f.message, f"{word!r} not in {f.message!r}"
    assert f.route and f.route == routes()[f.rule]
    assert f.item_kind in ITEM_KINDS


@pytest.mark.parametrize("change, slug", QUIET, ids=[f"{c[1]}-{i}" for i, c in enumerate(QUIET)])
def test_rule_stays_quiet_on_a_near_miss(change, slug):
    assert [f.id for f in rule(slug)(make(change))] == []


def test_working_days_skip_weekends_and_bank_holidays():
    # Easter 2027: the shortest standstill after a notice on Thursday 18 March ends on 1 April.
    assert standstill_last_day(dt.date(2027, 3, 18)) == dt.date(2027, 4, 1)
    # The 5th working day is Thursday 25 March; the 6th, after four days off, Tuesday 30 March.
    assert add_working_days(dt.date(2027, 3, 18), 5) == dt.date(2027, 3, 25)
    assert add_working_days(dt.date(2027, 3, 18), 6) == dt.date(2027, 3, 30)
    assert working_days_between(dt.date(2027, 3, 25), dt.date(2027, 3, 30)) == 0
    # Late May: Friday 28 May 2027 to Tuesday 1 June has no working day in between.
    assert working_days_between(dt.date(2027, 5, 28), dt.date(2027, 6, 1)) == 0
    # Christmas 2026: 25 and 28 December (Boxing Day's substitute) and 1 January are holidays.
    assert standstill_last_day(dt.date(2026, 12, 22)) == dt.date(2027, 1, 6)


def test_every_commercial_rule_has_its_route():
    from wizard.checks import management, procurement

    for r in procurement.RULES + management.RULES:
        assert routes().get(r.slug), r.slug


def test_a_lot_covering_a_withheld_phase_is_advised_without_its_amount():
    change = both(lots((["P1"], 10_000_000), (["P2"], 2_500_000)),
                  setter("phases.0.sensitive", True))
    [f] = rule("lot-share")(make(change))
    assert "£" not in f.message and "%" in f.message  # the 50% line, not the lot's share
    assert "80%" not in f.message

"""The changemaking checks: each rule fires on a design that breaks it, with the exact id,
severity, principle and the words a user reads, and stays quiet on a near miss."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from wizard.checks import (
    ITEM_KINDS,
    PRINCIPLE_LABELS,
    PRINCIPLES,
    RULES,
    SEVERITIES,
    routes,
    rule,
    run_checks,
)
from tests.wizard import appraisal_cases, sharing_cases
from wizard.model import Project

GOOD: dict = {
    "project": {
        "title": "Riverside leisure",
        "commissioners": ["Riverside Council"],
        "value_gbp": 12_500_000,
        "duration_months": 180,
        "risk_appetite": "cautious",
        "options": [
            {"id": "O1", "name": "In-house", "description": "The council builds and runs it",
             "reason": "Lacks build skills"},
            {"id": "O2", "name": "Phased contracts", "description": "Build, then operation",
             "preferred": True, "reason": "Each phase gets the right skills"},
        ],
    },
    "partners": [
        {"id": "council", "name": "Riverside Council", "kind": "public", "local": True},
        {"id": "builder", "name": "Brick Ltd", "kind": "private", "sme": True, "local": True},
        {"id": "trust", "name": "Riverside Trust", "kind": "voluntary", "local": True},
    ],
    "phases": [
        {"id": "P1", "name": "Design and build", "kind": "design_and_build", "start_month": 0,
         "duration_months": 24, "provider": "builder", "outcomes": ["Pool open"]},
        {"id": "P2", "name": "Operation", "kind": "operation", "start_month": 24,
         "duration_months": 120, "depends_on": ["P1"], "provider": "trust",
         "outcomes": ["More people active", "Healthier older people"], "review_month": 84},
    ],
    "risks": [
        {"id": "R1", "title": "Demand falls", "category": "demand", "likelihood": 3, "impact": 4,
         "allocation": "shared", "public_share": 60, "owner": "council",
         "private_bearer": "trust", "phases": ["P1"],
         "mitigation": "Joint marketing", "status": "agreed"},
        {"id": "R2", "title": "Build overruns", "category": "construction", "likelihood": 3,
         "impact": 3, "allocation": "private", "owner": "builder", "mitigation": "Fixed price",
         "phases": ["P1"], "status": "agreed"},
        {"id": "R3", "title": "Flood", "category": "forceMajeure", "likelihood": 1, "impact": 5,
         "allocation": "private", "owner": "builder", "mitigation": "Insurance", "phases": ["P1"],
         "contingent_support": {"events": ["River flood over 1 in 200 years"], "cap_gbp": 1000000},
         "status": "agreed"},
    ],
    "break_clauses": [
        {"id": "B1", "trigger": "change_of_control", "phases": ["P2"], "earliest_month": 24,
         "compensation": "market_value"},
    ],
    "steering_groups": [
        {"id": "G1", "name": "Riverside voices", "stages": ["design", "delivery", "evaluation"],
         "members": [{"kind": "residents", "seats": 4}, {"kind": "elected_members"}],
         "influence": "collaborate", "board_seats": 2, "seldom_heard": "Youth club sessions"},
    ],
    "kpis": [
        {"id": f"K{i}", "name": f"KPI {i}", "assessed_every_months": 12} for i in (1, 2, 3)
    ],
    "social_impact": [
        {"id": "S1", "outcome": "More young people swim", "indicator": "Swimmers aged 5-16",
         "target": "2,000 a year", "published": True, "consulted": True},
    ],
    "accountability": {
        "open_book": True, "data_disclosure": True, "publish_business_case": True,
        "publish_subcontracts": True, "subcontract_threshold_gbp": 25_000,
        "social_responsibility_accreditation": True, "living_wage": True,
    },
    "payment": {"mechanism": "availability", "deductions": [{"kpi": "K1", "per_failure_gbp": 500}],
                "deduction_cap_pct": 20, "remedy_step": "improvement_plan"},
    "governance": {"senior_responsible_owner": "Director of Place", "client_side_fte": 2.0},
    "evaluation_plan": {"mid_term": "2034-04-01", "published": True},
}


def make(change=None) -> Project:
    data = copy.deepcopy(GOOD)
    if change is not None:
        change(data)
    return Project.model_validate(data)


def setter(path: str, value):
    """A change setting a dotted path, e.g. 'project.value_gbp' or 'risks.0.owner'."""
    def change(data):
        *head, last = path.split(".")
        target = data
        for key in head:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return change


def both(*changes):
    def change(data):
        for c in changes:
            c(data)
    return change


def drop(collection: str):
    clear = setter(collection, [])

    def change(data):
        clear(data)
        if collection == "kpis":  # deductions name KPIs
            data["payment"]["deductions"] = []
    return change


def add(collection: str, item: dict):
    def change(data):
        data[collection].append(item)
    return change


# (change, finding id, severity, principle, words the message must contain)
TRIGGERS = [
    # accountable
    (setter("accountability.open_book", False), "open-book", "warning", "accountable",
     ["£12,500,000", "£1,000,000", "open book accounting is off"]),
    (setter("accountability.data_disclosure", False), "data-disclosure", "warning", "accountable",
     ["£12,500,000", "data disclosure is off"]),
    (both(setter("project.value_gbp", 200_000),
          setter("accountability.social_responsibility_accreditation", False)),
     "accreditation", "warning", "accountable", ["£200,000", "social responsibility accreditation"]),
    (setter("accountability.publish_subcontracts", False), "subcontracts", "warning",
     "accountable", ["not published", "£25,000"]),
    (setter("accountability.subcontract_threshold_gbp", 50_000), "subcontracts", "warning",
     "accountable", ["only above £50,000", "no more than £25,000"]),
    (setter("kpis", [{"id": "K1", "name": "Visits"}, {"id": "K2", "name": "Swims"}]),
     "kpi-count", "error", "accountable", ["£12,500,000", "only 2 KPIs", "s.52", "at least 3"]),
    (both(setter("project.value_gbp", 5_000_000), drop("kpis")), "kpi-none", "advice",
     "accountable", ["No key performance indicators"]),
    (setter("accountability.publish_business_case", False), "publication", "error", "accountable",
     ["over £5,000,000", "not to be published", "s.53"]),
    (setter("kpis.1.assessed_every_months", 24), "kpi-assessment:K2", "error", "accountable",
     ["K2 KPI 2", "every 24 months", "at least every 12 months", "s.71"]),
    (both(setter("project.value_gbp", 4_000_000), setter("kpis.0.assessed_every_months", 18)),
     "kpi-assessment:K1", "advice", "accountable", ["every 18 months"]),
    (drop("steering_groups"), "steering-none", "warning", "accountable",
     ["no community steering group"]),
    (setter("steering_groups.0.stages", ["design"]), "steering-stages:G1", "warning", "accountable",
     ["Steering group Riverside voices", "covers design but not delivery and evaluation"]),
    (setter("steering_groups.0.influence", "inform"), "steering-tokenistic:G1", "warning",
     "accountable", ["Riverside voices", "only informed", "tokenistic"]),
    (setter("steering_groups.0.board_seats", 0), "steering-board:G1", "advice", "accountable",
     ["Steering group Riverside voices has no seat on the partnership board"]),
    (setter("steering_groups.0.seldom_heard", " "), "steering-seldom-heard:G1", "advice",
     "accountable", ["Riverside voices does not say how seldom-heard voices are reached"]),
    (setter("steering_groups.0.members", [{"kind": "residents"}]), "steering-elected", "advice",
     "place_based", ["No elected member sits on the steering group"]),
    (both(setter("steering_groups.0.members", []),
          add("steering_groups", GOOD["steering_groups"][0] | {"id": "G2", "members": []})),
     "steering-elected", "advice", "place_based", ["any of the 2 steering groups"]),
    (setter("social_impact.0.published", False), "impact-public:S1", "warning", "place_based",
     ["S1 More young people swim", "is not published"]),
    (both(setter("social_impact.0.published", False), setter("social_impact.0.consulted", False)),
     "impact-public:S1", "warning", "place_based", ["not published or consulted on"]),
    # adaptable
    (both(drop("break_clauses"), setter("phases", [GOOD["phases"][0] | {"duration_months": 36}])),
     "long-contract", "warning", "adaptable",
     ["180 months (15 years)", "1 phase", "no review point", "no break clause"]),
    (setter("phases.1.bundled", True), "phase-bundled:P2", "advice", "adaptable",
     ["Phase Operation", "let together with other phases"]),
    (setter("phases.1.duration_months", 160), "phase-overrun:P2", "error", "adaptable",
     ["Phase Operation", "month 184", "starts month 24", "past the contract's 180 months"]),
    (setter("phases.0.depends_on", ["P2"]), "phase-loop:P1", "error", "adaptable",
     ["loop", "Design and build → Operation → Design and build"]),
    (setter("phases.1.outcomes", []), "phase-outcomes:P2", "warning", "adaptable",
     ["Phase Operation has no outcomes"]),
    (setter("phases.1.outcomes", ["One thing"]), "outcomes-deepening:P2", "advice", "adaptable",
     ["Phase Operation (starts month 24) has 1 outcome", "no more than Phase Design and build",
      "with 1"]),
    (setter("phases.1.review_month", None), "phase-review:P2", "warning", "adaptable",
     ["Phase Operation", "120 months (10 years)", "no review point"]),
    (setter("phases.1.review_month", 144), "phase-review-timing:P2", "warning", "adaptable",
     ["Phase Operation", "review point in month 144", "runs from month 24 to month 143"]),
    (setter("break_clauses.0.trigger", "financial_distress"), "change-of-control", "warning",
     "adaptable", ["180 months (15 years)", "no change-of-control break clause", "private equity"]),
    (setter("break_clauses.0.compensation", "agreed_formula"), "break-formula:B1", "warning",
     "adaptable", ["B1 Change of control", "agreed formula", "no formula"]),
    (setter("break_clauses.0.earliest_month", 180), "break-timing:B1", "error", "adaptable",
     ["month 180", "ends after 180 months", "never be used"]),
    (setter("break_clauses.0.phases", []), "break-phases:B1", "advice", "adaptable",
     ["B1 Change of control", "names no phase", "2 phases"]),
    (setter("risks.1.phases", []), "risk-no-phase:R2", "advice", "collaborative",
     ["R2 Build overruns", "names no phase", "all 2 phases"]),
    (setter("risks.0.private_bearer", None), "risk-private-bearer:R1", "warning", "collaborative",
     ["R1 Demand falls", "Riverside Council, a public body", "40% of it", "private bearer"]),
    # collaborative
    (setter("phases.0.provider", None), "phase-provider:P1", "warning", "collaborative",
     ["Phase Design and build has no provider"]),
    (drop("risks"), "risk-register", "warning", "collaborative", ["risk register is empty"]),
    (both(setter("risks.0.allocation", "private"), setter("risks.0.owner", "builder")),
     "risk-transfer:R1", "warning", "collaborative",
     ["R1 Demand falls", "wholly to the private side", "impact is 4 (Major)",
      "category, Demand (volume), is one where failure reverts to the public body"]),
    (setter("risks.0.public_share", 40), "risk-private-share", "warning", "collaborative",
     ["82% of the total risk score", "(21 of 26)", "3 risks"]),
    (setter("risks.2.contingent_support", None), "risk-contingent:R3", "advice", "collaborative",
     ["R3 Flood", "likelihood (1)", "impact (5)", "private side carries 100%",
      "no contingent public support"]),
    (setter("risks.2.contingent_support", {"events": []}), "contingent-events:R3", "warning",
     "collaborative", ["R3 Flood", "names no event"]),
    (setter("risks.1.owner", None), "risk-owner:R2", "warning", "collaborative",
     ["R2 Build overruns has no owner"]),
    (setter("risks.1.mitigation", "  "), "risk-mitigation:R2", "advice", "collaborative",
     ["R2 Build overruns (score 9) has no mitigation"]),
    (setter("risks.0.mitigation", ""), "risk-mitigation:R1", "warning", "collaborative",
     ["R1 Demand falls (score 12)"]),
    (setter("risks.1.owner", "council"), "risk-owner-allocation:R2", "warning", "collaborative",
     ["R2 Build overruns", "allocated to the private side", "Riverside Council, a public body"]),
    (both(setter("risks.0.allocation", "public"), setter("risks.0.owner", "trust")),
     "risk-owner-allocation:R1", "warning", "collaborative",
     ["allocated to the public side", "Riverside Trust, a voluntary or community organisation"]),
    (setter("risks.0.public_share", 100), "risk-shared-split:R1", "warning", "collaborative",
     ["R1 Demand falls", "marked shared", "100%", "wholly public"]),
    (setter("risks.1.status", "disputed"), "risk-disputed:R2", "warning", "collaborative",
     ["R2 Build overruns is still disputed"]),
    (both(setter("project.risk_appetite", "averse"),
          *[setter(f"risks.{i}.allocation", "public") for i in range(3)],
          *[setter(f"risks.{i}.owner", "council") for i in range(3)],
          *[setter(f"risks.{i}.likelihood", 4) for i in range(3)]),
     "risk-appetite", "advice", "collaborative",
     ["risk appetite is averse", "3 high risks", "R1, R2 and R3"]),
    # creative
    (setter("project.options", [GOOD["project"]["options"][1]]), "options-few", "warning",
     "creative", ["Only 1 option is considered", "at least 2"]),
    (setter("project.options.1.preferred", False), "options-preferred", "warning", "creative",
     ["None of the 2 options", "preferred"]),
    (setter("project.options.0.preferred", True), "options-preferred", "warning", "creative",
     ["2 options are marked as preferred", "In-house and Phased contracts"]),
    (setter("project.options.1.reason", ""), "options-reason:O2", "warning", "creative",
     ["Option Phased contracts is preferred but no reason"]),
    (setter("project.options.0.description", ""), "options-described:O1", "advice", "creative",
     ["Option In-house has no description"]),
    (setter("project.delivery_model", "other"), "delivery-model-other", "advice", "creative",
     ["delivery model is 'Other' but it is not described"]),
    # place-based
    (drop("social_impact"), "impact-none", "warning", "place_based",
     ["No social impact objectives"]),
    (setter("social_impact.0.indicator", ""), "impact-measurable:S1", "warning", "place_based",
     ["S1 More young people swim has no indicator:", "cannot be measured"]),
    (both(setter("social_impact.0.indicator", ""), setter("social_impact.0.target", "")),
     "impact-measurable:S1", "warning", "place_based", ["has no indicator and no target"]),
    (setter("accountability.living_wage", False), "living-wage", "warning", "place_based",
     ["does not require the living wage"]),
    (both(setter("partners.1.sme", False), setter("partners.1.local", False),
          setter("partners.2.local", False)),
     "sme-local", "warning", "place_based", ["None of the 2 providers", "(SME) or local"]),
    (both(setter("partners.2.kind", "private"), setter("phases.1.provider", "builder"),
          setter("risks.0.owner", "council")),
     "voluntary-partner", "advice", "place_based",
     ["No voluntary or community organisation", "private and public only"]),
    # publishing (the test run's document date is SOURCE_DATE_EPOCH: 21 September 2026)
    (both(setter("risks.1.sensitive", True), setter("risks.1.withheld_reason", "Commercial"),
          setter("risks.1.withheld_until", dt.date(2026, 1, 1))),
     "withheld-lapsed:R2", "warning", "accountable", ["Risk R2", "1 January 2026", "still withheld"]),
    (setter("risks.1.sensitive", True), "withheld-no-reason:R2", "warning", "accountable",
     ["Risk R2", "without a reason"]),
    (both(setter("risks.1.sensitive", True), setter("risks.1.withheld_reason", "Commercial"),
          setter("kpis.0.measure", "Visits despite\u00a0BUILD  overruns")),
     "withheld-quoted:kpis.0.measure", "warning", "accountable", ["KPI K1: measure", "W00001"]),
    (both(setter("phases.0.sensitive", True), setter("phases.0.withheld_reason", "Commercial"),
          setter("phases.0.value_gbp", 4_800_000),
          setter("social_impact.0.target", "Worth 4.8 million")),
     "withheld-quoted:social_impact.0.target", "warning", "accountable",
     ["Social impact objective S1: target", "W00001"]),
]
TRIGGERS += appraisal_cases.TRIGGERS  # the economic and financial checks
TRIGGERS += sharing_cases.TRIGGERS  # sharing the upside


def test_the_good_design_has_no_findings():
    assert run_checks(make()) == []


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
    assert not f.accepted


# (change, rule that must stay quiet): near misses just on the safe side of each threshold
QUIET = [
    (both(setter("risks.1.sensitive", True), setter("risks.1.withheld_reason", "Commercial"),
          setter("risks.1.withheld_until", dt.date(2026, 9, 21))), "withheld-lapsed"),
    (both(setter("risks.1.sensitive", True), setter("risks.1.withheld_reason", "Commercial")),
     "withheld-no-reason"),
    # a short withheld title is not searched for (it would match everyday words) ...
    (both(setter("risks.1.sensitive", True), setter("risks.1.withheld_reason", "Commercial"),
          setter("risks.1.title", "Pay"), setter("kpis.0.measure", "Pay and display visits")),
     "withheld-quoted"),
    # ... and a longer one only as whole words
    (both(setter("risks.1.sensitive", True), setter("risks.1.withheld_reason", "Commercial"),
          setter("kpis.0.measure", "Build overrunsville visits")), "withheld-quoted"),
    (both(setter("project.value_gbp", 999_999), setter("accountability.open_book", False)),
     "open-book"),
    (both(setter("project.value_gbp", 999_999), setter("accountability.data_disclosure", False)),
     "data-disclosure"),
    (both(setter("project.value_gbp", 199_999),
          setter("accountability.social_responsibility_accreditation", False)), "accreditation"),
    (setter("accountability.subcontract_threshold_gbp", 10_000), "subcontracts"),
    (both(setter("project.value_gbp", 25_000), setter("accountability.publish_subcontracts", False)),
     "subcontracts"),
    (both(setter("project.value_gbp", 5_000_000), drop("kpis")), "kpi-count"),
    (both(setter("project.value_gbp", 5_000_000),
          setter("accountability.publish_business_case", False)), "publication"),
    (both(setter("project.value_gbp", 5_000_001), drop("kpis")), "kpi-none"),
    (setter("kpis", [GOOD["kpis"][0]]), "kpi-none"),
    (setter("risks", [GOOD["risks"][1]]), "risk-register"),
    (setter("kpis.0.assessed_every_months", 12), "kpi-assessment"),
    (add("steering_groups", {"id": "G2", "name": "Young voices",
                             "stages": ["evaluation", "design", "delivery"]}), "steering-none"),
    (setter("steering_groups.0.stages", ["evaluation", "delivery", "design"]), "steering-stages"),
    (setter("steering_groups.0.influence", "consult"), "steering-tokenistic"),
    (setter("social_impact.0.consulted", True), "impact-public"),
    (setter("steering_groups.0.board_seats", 1), "steering-board"),
    (setter("steering_groups.0.seldom_heard", "Door knocking"), "steering-seldom-heard"),
    (both(setter("steering_groups.0.members", []),
          add("steering_groups", GOOD["steering_groups"][0] | {"id": "G2"})), "steering-elected"),
    (drop("steering_groups"), "steering-elected"),
    (drop("project.options"), "options-described"),
    (both(setter("project.delivery_model", "other"),
          setter("project.delivery_model_other", "A community benefit society")),
     "delivery-model-other"),
    (both(setter("project.duration_months", 179), drop("break_clauses"),
          setter("phases", [GOOD["phases"][0] | {"duration_months": 36}])), "long-contract"),
    (both(drop("break_clauses"), setter("phases", [GOOD["phases"][0] | {"review_month": 12}])),
     "long-contract"),
    (setter("phases.1.bundled", False), "phase-bundled"),
    (setter("phases.1.duration_months", 156), "phase-overrun"),
    (setter("phases.0.depends_on", []), "phase-loop"),
    (setter("phases.1.depends_on", ["P1"]), "phase-dangling"),
    (setter("phases.0.outcomes", ["One"]), "phase-outcomes"),
    (setter("phases.1.outcomes", ["One", "Two"]), "outcomes-deepening"),
    (both(setter("phases.1.start_month", 0), setter("phases.1.depends_on", []),
          setter("phases.1.outcomes", ["One"])),
     "outcomes-deepening"),
    (both(setter("phases.1.duration_months", 36), setter("phases.1.review_month", None)),
     "phase-review"),
    (setter("phases.1.review_month", 143), "phase-review-timing"),
    (setter("phases.1.review_month", 24), "phase-review-timing"),
    (both(setter("project.duration_months", 60), drop("break_clauses"),
          setter("phases", [GOOD["phases"][0]])), "change-of-control"),
    (both(setter("break_clauses.0.compensation", "agreed_formula"),
          setter("break_clauses.0.formula", "Book value less 10% a year")), "break-formula"),
    (setter("break_clauses.0.earliest_month", 179), "break-timing"),
    (both(drop("phases"), setter("risks.0.phases", []), setter("risks.1.phases", []),
          setter("risks.2.phases", []), setter("break_clauses.0.phases", [])), "break-phases"),
    (setter("risks.0.private_bearer", None), "risk-no-phase"),
    (both(setter("risks.0.private_bearer", None), setter("risks.0.allocation", "public"),
          setter("risks.0.public_share", 100)), "risk-private-bearer"),
    (setter("phases.0.provider", "council"), "phase-provider"),
    (both(setter("risks.0.allocation", "private"), setter("risks.0.impact", 3),
          setter("risks.0.owner", "builder")), "risk-transfer"),
    (setter("risks.0.public_share", 50), "risk-private-share"),  # 77% private
    (setter("risks", [r | {"allocation": "private", "owner": "builder"}
                      for r in GOOD["risks"][1:]]), "risk-private-share"),  # only 2 risks
    (both(setter("risks.2.allocation", "public"), setter("risks.2.owner", "council"),
          setter("risks.2.contingent_support", None)),
     "risk-contingent"),
    (both(setter("risks.2.category", "supplierFinancialStanding"),
          setter("risks.2.contingent_support", None)), "risk-contingent"),
    (both(setter("risks.2.allocation", "shared"), setter("risks.2.public_share", 50),
          setter("risks.2.contingent_support", None)), "risk-contingent"),
    (setter("risks.2.likelihood", 3), "contingent-events"),
    (setter("risks.1.owner", "trust"), "risk-owner"),
    (setter("risks.1.mitigation", "Fixed price"), "risk-mitigation"),
    (setter("risks.1.owner", "trust"), "risk-owner-allocation"),
    (setter("risks.0.public_share", 99), "risk-shared-split"),
    (setter("risks.1.status", "proposed"), "risk-disputed"),
    (both(setter("project.risk_appetite", "open"),
          *[setter(f"risks.{i}.allocation", "public") for i in range(3)],
          *[setter(f"risks.{i}.owner", "council") for i in range(3)],
          *[setter(f"risks.{i}.likelihood", 4) for i in range(3)]), "risk-appetite"),
    (both(setter("project.risk_appetite", "averse"),
          *[setter(f"risks.{i}.allocation", "public") for i in range(2)],
          *[setter(f"risks.{i}.owner", "council") for i in range(2)]), "risk-appetite"),
    (add("partners", {"id": "x", "name": "X"}), "options-few"),
    (setter("project.options.0.preferred", False), "options-preferred"),
    (setter("project.options.0.reason", ""), "options-reason"),
    (setter("social_impact.0.published", False), "impact-none"),
    (setter("social_impact.0.baseline", ""), "impact-measurable"),
    (setter("accountability.sme_spend_target_pct", 30), "living-wage"),
    (both(setter("partners.1.sme", False), setter("partners.1.local", False)), "sme-local"),
    (setter("partners.0.kind", "public"), "voluntary-partner"),
]
QUIET += appraisal_cases.QUIET  # the economic and financial checks
QUIET += sharing_cases.QUIET  # sharing the upside


@pytest.mark.parametrize("change, slug", QUIET, ids=[f"{c[1]}-{i}" for i, c in enumerate(QUIET)])
def test_rule_stays_quiet_on_a_near_miss(change, slug):
    project = make(change)
    assert [f.id for f in rule(slug)(project)] == []


def test_every_rule_is_tested_both_ways():
    slugs = {r.slug for r in RULES}
    from test_checks_commercial import QUIET as COMMERCIAL_QUIET
    from test_checks_commercial import TRIGGERS as COMMERCIAL_TRIGGERS

    fired = {fid.split(":")[0] for _, fid, *_ in TRIGGERS + COMMERCIAL_TRIGGERS} | {"phase-dangling"}
    quiet = {slug for _, slug in QUIET + COMMERCIAL_QUIET}
    assert slugs - fired - sharing_cases.UNTESTED == set()
    assert slugs - quiet == set()


def test_dangling_dependency_is_an_error():
    # The model refuses dangling references, so only a file built without validation has one.
    good = make()
    phases = [good.phases[0], good.phases[1].model_copy(update={"depends_on": ["P1", "P9"]})]
    project = Project.model_construct(**{**dict(good), "phases": phases})
    [f] = rule("phase-dangling")(project)
    assert (f.id, f.severity, f.principle) == ("phase-dangling:P2", "error", "adaptable")
    assert "Phase Operation depends on 'P9', which is not a phase" in f.message


def test_rules_are_well_formed():
    assert PRINCIPLES == ("collaborative", "creative", "adaptable", "accountable", "place_based")
    assert PRINCIPLE_LABELS["place_based"] == "Place-based"
    slugs = [r.slug for r in RULES]
    assert len(slugs) == len(set(slugs))
    for r in RULES:
        assert r.principle in PRINCIPLES and r.severity in SEVERITIES and r.title
        assert routes()[r.slug].strip(), r.slug
    # Every text in routes.json is a rule's route or a route of the assessment (evidence.json).
    from wizard.evidence import evidence_data

    assessed = {r.route for p in evidence_data().principles.values() for r in p.routes}
    assert set(routes()) == set(slugs) | assessed


def test_item_kinds_map_to_wizard_steps():
    from ui.pages.base import STEP_OF_KIND

    assert set(ITEM_KINDS) == set(STEP_OF_KIND)


def test_findings_come_in_a_stable_order_with_unique_ids():
    project = Project()  # an empty design triggers several rules
    first = run_checks(project)
    assert first == run_checks(project)
    assert len({f.id for f in first}) == len(first)
    order = {r.slug: i for i, r in enumerate(RULES)}
    assert [order[f.rule] for f in first] == sorted(order[f.rule] for f in first)
    assert [f.id for f in first] == [
        "risk-register", "options-few", "change-of-control", "steering-none", "kpi-none", "impact-none", "living-wage",
        "sme-local", "voluntary-partner", "sro", "evaluation-none",
    ]


def test_accepted_findings_stay_listed_with_their_justification():
    def change(data):
        data["accountability"]["living_wage"] = False
        data["risks"][1]["owner"] = None
        data["accepted_findings"] = [
            {"finding_id": "living-wage", "justification": "Paid under the national agreement",
             "accepted_on": dt.date(2027, 1, 5)},
            {"finding_id": "no-such-finding", "justification": "Left over from an old design"},
        ]
    findings = {f.id: f for f in run_checks(make(change))}
    assert set(findings) == {"living-wage", "risk-owner:R2"}
    assert findings["living-wage"].accepted is True
    assert findings["living-wage"].justification == "Paid under the national agreement"
    assert findings["risk-owner:R2"].accepted is False
    assert findings["risk-owner:R2"].justification == ""

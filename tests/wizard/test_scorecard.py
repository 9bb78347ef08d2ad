"""The five-principle scorecard: every point explained, accepted findings free, totals right."""

from __future__ import annotations

import copy

from tests.wizard.test_checks import GOOD, make
from wizard.checks import PRINCIPLES, run_checks
from wizard.model import Project
from wizard.scorecard import MAX_SCORE, build_scorecard


def assert_explained(card):
    for p in card.principles:
        assert sum(pt.value for pt in p.points) == p.score
        assert 0 <= p.score <= p.max_score == MAX_SCORE
    assert card.total == sum(p.score for p in card.principles)
    assert card.max_total == MAX_SCORE * len(PRINCIPLES)


def test_good_design_scores_full_marks():
    card = build_scorecard(make())
    assert [p.principle for p in card.principles] == list(PRINCIPLES)
    assert [p.label for p in card.principles] == [
        "Collaborative", "Creative", "Adaptable", "Accountable", "Place-based"]
    assert (card.total, card.max_total) == (50, 50)
    for p in card.principles:
        assert [pt.text for pt in p.points] == [f"+10 {p.label} starts at 10 out of 10."]
    assert_explained(card)


def test_deductions_by_severity_are_explained_line_by_line():
    def change(data):
        data["accountability"]["publish_business_case"] = False  # error, accountable
        data["accountability"]["open_book"] = False  # warning, accountable
        data["kpis"][0]["assessed_every_months"] = 24  # error, accountable
        data["phases"][1]["bundled"] = True  # advice, adaptable
    card = build_scorecard(make(change))
    acc = card.principle("accountable")
    assert acc.score == 10 - 3 - 2 - 3
    assert [(pt.value, pt.kind, pt.finding_id) for pt in acc.points] == [
        (10, "start", ""),
        (-2, "deduction", "open-book"),
        (-3, "deduction", "publication"),
        (-3, "deduction", "kpi-assessment:K1"),
    ]
    assert acc.points[1].text.startswith("−2 for a warning: Contract value £12,500,000")
    assert card.principle("adaptable").score == 9
    assert card.principle("adaptable").points[1].text.startswith(
        "−1 for advice: Phase Operation is let together")
    assert card.total == 50 - 8 - 1
    assert acc.findings == ["open-book", "publication", "kpi-assessment:K1"]
    assert_explained(card)


def test_one_rule_costs_at_most_twice_its_weight():
    def change(data):
        data["kpis"] = [{"id": f"K{i}", "name": f"KPI {i}", "assessed_every_months": 24}
                        for i in range(1, 5)]
    card = build_scorecard(make(change))
    acc = card.principle("accountable")
    assert [pt.value for pt in acc.points] == [10, -3, -3, 0, 0]
    assert acc.points[3].kind == "capped"
    assert acc.points[3].text.startswith("0 for an error: KPI K3 KPI 3 is assessed every 24")
    assert acc.points[3].text.endswith(
        "No further deduction: the check 'KPIs assessed at least every 12 months (s.71)' has "
        "already cost its most, 6 points.")
    assert acc.score == 4
    assert_explained(card)


def test_score_never_falls_below_zero_and_the_floor_is_explained():
    def change(data):
        data["accountability"] = {}  # every accountability measure off
        data["kpis"] = [{"id": "K1", "name": "KPI", "assessed_every_months": 24}]
        data["steering_groups"] = [{"id": "G1", "name": "Panel", "influence": "inform"}]
        data["social_impact"][0]["published"] = False
    card = build_scorecard(make(change))
    acc = card.principle("accountable")
    assert acc.score == 0
    floor = acc.points[-1]
    assert floor.kind == "floor" and floor.value > 0
    assert floor.text == f"+{floor.value} the score cannot fall below 0."
    assert_explained(card)


def test_accepted_finding_shows_as_accepted_and_costs_nothing():
    def change(data):
        data["accountability"]["living_wage"] = False
        data["accountability"]["open_book"] = False
        data["accepted_findings"] = [
            {"finding_id": "living-wage", "justification": "Paid under the national agreement"}]
    project = make(change)
    card = build_scorecard(project)
    place = card.principle("place_based")
    assert place.score == 10
    assert place.accepted == ["living-wage"] and place.findings == ["living-wage"]
    [accepted] = [pt for pt in place.points if pt.kind == "accepted"]
    assert accepted.value == 0 and accepted.finding_id == "living-wage"
    assert accepted.text == (
        "0 for an accepted warning: The contract does not require the living wage; low pay "
        "costs the place elsewhere. Accepted because: Paid under the national agreement")
    assert card.principle("accountable").score == 8  # open book is not accepted
    assert card.total == 48
    # The same result when the caller passes the findings it already has.
    assert build_scorecard(project, run_checks(project)) == card
    assert_explained(card)


def test_empty_design_and_to_dict():
    card = build_scorecard(Project())
    assert [(p.principle, p.score) for p in card.principles] == [
        ("collaborative", 8), ("creative", 8), ("adaptable", 6), ("accountable", 5),
        ("place_based", 3)]  # adaptable and accountable: no evaluation, no SRO (-2 each)
    data = card.to_dict()
    assert data["total"] == 30 and data["max_total"] == 50
    place = data["principles"][4]
    assert place["label"] == "Place-based"
    assert [pt["value"] for pt in place["points"]] == [10, -2, -2, -2, -1]
    assert place["findings"] == ["impact-none", "living-wage", "sme-local", "voluntary-partner"]
    assert build_scorecard(Project()).to_dict() == data  # deterministic


def test_good_fixture_is_not_mutated():
    before = copy.deepcopy(GOOD)
    build_scorecard(make(lambda d: d["risks"].clear()))
    assert GOOD == before


from hypothesis import given, settings  # noqa: E402

from tests.strategies import projects  # noqa: E402
from wizard.checks import ITEM_KINDS, SEVERITIES  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(projects(max_risks=6, max_phases=4))
def test_any_valid_design_is_checked_and_fully_explained(project):
    findings = run_checks(project)
    assert len({f.id for f in findings}) == len(findings)
    for f in findings:
        assert f.item_kind in ITEM_KINDS and f.severity in SEVERITIES and f.principle in PRINCIPLES
        assert f.message and f.route and f.item_label
    accepted = {a.finding_id for a in project.accepted_findings}
    assert {f.id for f in findings if f.accepted} == accepted & {f.id for f in findings}
    assert_explained(build_scorecard(project, findings))


def test_the_cap_follows_the_rules_usual_severity():
    # Missing mitigations: a warning for high risks, advice below; the rule's cap is 2 × 2.
    def change(data):
        data["risks"].append({"id": "R4", "title": "Design late", "category": "design",
                              "likelihood": 4, "impact": 4, "owner": "council",
                              "status": "agreed"})
        for r in data["risks"]:
            r["mitigation"] = ""
    card = build_scorecard(make(change))
    col = card.principle("collaborative")
    assert [(pt.value, pt.kind, pt.finding_id) for pt in col.points] == [
        (10, "start", ""), (-2, "deduction", "risk-mitigation:R1"),
        (-1, "deduction", "risk-mitigation:R2"), (-1, "deduction", "risk-mitigation:R3"),
        (0, "capped", "risk-mitigation:R4")]
    assert col.points[-1].text.endswith("has already cost its most, 4 points.")
    assert col.score == 6
    assert_explained(card)

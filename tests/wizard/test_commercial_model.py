"""The commercial and management parts of the file: defaults that leave old files meaning the
same, strict values, references checked with messages naming both ends, and references kept
whole when an item is deleted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from wizard import storage
from wizard.model import Project
from wizard.references import rewrite

V1 = Path(__file__).parent / "v1_files"

BASE = {
    "phases": [{"id": "P1", "name": "Build"}, {"id": "P2", "name": "Run"}],
    "kpis": [{"id": "K1", "name": "Open hours"}],
    "social_impact": [{"id": "S1", "outcome": "More swimmers"}],
    "steering_groups": [{"id": "G1", "name": "Voices"}],
}


def project(**parts) -> Project:
    return Project.model_validate({**json.loads(json.dumps(BASE)), **parts})


@pytest.mark.parametrize("path", sorted(V1.glob("*.changemaker.json")), ids=lambda p: p.name)
def test_a_version_1_file_gets_empty_commercial_parts(path):
    p = storage.load(path)
    assert p.procurement.route is None and p.procurement.lots == [] == p.procurement.timetable
    assert p.procurement.evaluation.total == 0
    assert p.payment.mechanism is None and p.payment.deductions == []
    assert p.governance.senior_responsible_owner == "" and p.governance.client_side_fte is None
    assert p.benefits == []
    assert not p.evaluation_plan.planned and not p.evaluation_plan.published


def test_a_full_set_of_parts_round_trips(tmp_path):
    p = project(
        procurement={"route": "competitive_flexible", "route_reason": "Dialogue needed",
                     "lots": [{"id": "L1", "name": "Build lot", "phases": ["P1"],
                               "value_gbp": 3_000_000}],
                     "lots_per_bidder": 1,
                     "market_engagement": [{"what": "Supplier day", "date": "2026-05-01",
                                            "with_whom": "12 providers"}],
                     "timetable": [{"milestone": "tender_notice", "date": "2026-06-01"},
                                   {"milestone": "contract_start", "date": "2027-04-01"}],
                     "evaluation": {"quality": 60, "price": 30, "social_value": 10}},
        payment={"mechanism": "availability", "indexation": "CPI each April",
                 "deductions": [{"kpi": "K1", "per_failure_gbp": 2_500}],
                 "deduction_cap_pct": 20, "remedy_step": "improvement_plan"},
        governance={"senior_responsible_owner": "Director of Place",
                    "partnership_board": {"membership": "Council, provider, residents",
                                          "meetings_per_year": 4, "steering_groups": ["G1"]},
                    "contract_manager": "Leisure contract manager", "client_side_fte": 1.5,
                    "assurance_reviews": [{"name": "Gateway 3", "date": "2026-09-01"}]},
        benefits=[{"id": "B1", "benefit": "More swimmers", "owner": "Head of leisure",
                   "baseline": "1,200", "target": "2,000", "objective": "S1"}],
        evaluation_plan={"mid_term": "2032-04-01", "end": "2037-03-31", "by": "University",
                         "independent": True, "method": "Contribution analysis",
                         "published": True},
    )
    path = tmp_path / "p.changemaker.json"
    storage.save(p, path)
    again = storage.load(path)
    assert again == p
    assert again.procurement.date_of(again.procurement.timetable[1].milestone).isoformat() \
        == "2027-04-01"
    assert again.governance.client_side_fte == 1.5


@pytest.mark.parametrize("parts, words", [
    ({"procurement": {"lots": [{"id": "L1", "name": "A", "phases": ["P9"]}]}},
     "procurement.lots[0] (L1) phase 'P9': no phase has that id"),
    ({"procurement": {"lots": [{"id": "L1", "name": "A"}, {"id": "L1", "name": "B"}]}},
     "procurement.lots[1] (L1): duplicate lot id 'L1' (also used by procurement.lots[0])"),
    ({"payment": {"deductions": [{"kpi": "K7"}]}},
     "payment.deductions[0] KPI 'K7': no KPI has that id"),
    ({"payment": {"deductions": [{"kpi": "K1"}, {"kpi": "K1"}]}},
     "payment.deductions[1]: KPI 'K1' already carries a deduction (payment.deductions[0])"),
    ({"benefits": [{"id": "B1", "benefit": "x", "objective": "S4"}]},
     "benefits[0] (B1) objective 'S4': no social impact objective has that id"),
    ({"benefits": [{"id": "B1", "benefit": "x"}, {"id": "B1", "benefit": "y"}]},
     "benefits[1]: duplicate benefit id 'B1'"),
    ({"governance": {"partnership_board": {"steering_groups": ["G5"]}}},
     "governance.partnership_board steering group 'G5': no steering group has that id"),
    ({"procurement": {"timetable": [{"milestone": "tender_notice", "date": "2026-06-01"},
                                    {"milestone": "tender_notice", "date": "2026-07-01"}]}},
     "procurement.timetable[1]: milestone 'tender_notice' is already dated"),
])
def test_references_are_checked_naming_both_ends(parts, words):
    with pytest.raises(ValidationError) as info:
        project(**parts)
    assert words in str(info.value)


@pytest.mark.parametrize("parts, field", [
    ({"procurement": {"route": "negotiated"}}, "procurement.route"),
    ({"procurement": {"timetable": [{"milestone": "signing", "date": "2026-01-01"}]}},
     "procurement.timetable.0.milestone"),
    ({"procurement": {"evaluation": {"quality": 120}}}, "procurement.evaluation.quality"),
    ({"payment": {"mechanism": "gainshare"}}, "payment.mechanism"),
    ({"payment": {"deduction_cap_pct": -1}}, "payment.deduction_cap_pct"),
    ({"governance": {"client_side_fte": -0.5}}, "governance.client_side_fte"),
    ({"evaluation_plan": {"surprise": True}}, "evaluation_plan.surprise"),
])
def test_bad_values_are_refused_naming_the_field(parts, field):
    with pytest.raises(ValidationError) as info:
        project(**parts)
    locs = {".".join(str(x) for x in e["loc"]) for e in info.value.errors()}
    assert field in locs


def test_deleting_items_unlinks_the_commercial_references():
    p = project(procurement={"lots": [{"id": "L1", "name": "A", "phases": ["P1", "P2"]}]},
                payment={"deductions": [{"kpi": "K1", "per_failure_gbp": 10}]},
                governance={"partnership_board": {"steering_groups": ["G1"]}},
                benefits=[{"id": "B1", "benefit": "x", "objective": "S1"}])
    def rewrite_commercial_references(p, collection, old, new):
        return len(rewrite(p, collection, old, new))

    assert rewrite_commercial_references(p, "phases", "P1", None) == 1
    assert p.procurement.lots[0].phases == ["P2"]
    assert rewrite_commercial_references(p, "kpis", "K1", "K2") == 1
    assert p.payment.deductions[0].kpi == "K2"
    assert rewrite_commercial_references(p, "kpis", "K2", None) == 1
    assert p.payment.deductions == []
    assert rewrite_commercial_references(p, "steering_groups", "G1", None) == 1
    assert p.governance.partnership_board.steering_groups == []
    assert rewrite_commercial_references(p, "social_impact", "S1", None) == 1
    assert p.benefits[0].objective is None

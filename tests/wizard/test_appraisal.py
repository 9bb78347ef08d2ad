"""The economic appraisal against figures worked by hand.

Hand-worked figures (3.5% a year to year 30, then 3.0%):
- factor(1) = 1/1.035 = 0.966184; factor(30) = 1/1.035^30 = 1/2.806794 = 0.356278;
  factor(40) = factor(30)/1.03^10 = 0.356278/1.343916 = 0.265104.
- Option A: year 0 capital £1,000,000; year 1 revenue £207,000, benefits £310,500 cash +
  £103,500 non-cash; year 2 revenue £214,245, benefits £428,490 cash. Capital uplift 24%.
  PV costs = 1,240,000 + 207,000/1.035 + 214,245/1.035^2 = 1,240,000 + 200,000 + 200,000
  = £1,640,000; PV benefits = 414,000/1.035 + 428,490/1.035^2 = £800,000; NPSV = -£840,000;
  BCR = 800,000/1,640,000 = 0.4878. With a 41% revenue uplift PV costs = £1,804,000.
- Baseline B: year 1 revenue £103,500: PV costs £100,000, NPSV -£100,000, so A against the
  baseline is -£740,000.
- Switching values: preferred P (capital £1,000,000 in year 0, benefits £1,242,000 in year 1:
  NPSV £200,000) against rival R (benefits £50,000 in year 0: NPSV £50,000): margin £150,000,
  so P's costs may rise 15% or its benefits fall 12.5%.
"""

from __future__ import annotations

import pytest

from wizard.appraisal import appraise, appraise_option, discount_factor, switching_values
from wizard.model import Option, Project


def option(oid: str, flows: list[dict], **extra) -> Option:
    return Option(id=oid, name=f"Option {oid}", cash_flows=flows, **extra)


A_FLOWS = [
    {"year": 0, "capital_gbp": 1_000_000},
    {"year": 1, "revenue_gbp": 207_000, "benefits_gbp": 310_500, "non_cash_benefits_gbp": 103_500},
    {"year": 2, "revenue_gbp": 214_245, "benefits_gbp": 428_490},
]


def test_discount_factors_follow_the_green_book():
    assert discount_factor(0) == 1
    assert discount_factor(1) == pytest.approx(0.966184, abs=1e-6)
    assert discount_factor(30) == pytest.approx(0.356278, abs=1e-6)
    assert discount_factor(31) == pytest.approx(0.356278 / 1.03, abs=1e-6)
    assert discount_factor(40) == pytest.approx(0.265104, abs=1e-6)
    with pytest.raises(ValueError):
        discount_factor(-1)


def test_pv_costs_benefits_npsv_and_bcr_of_a_hand_worked_option():
    a = appraise_option(option("A", A_FLOWS, optimism_bias_capital_pct=24))
    assert (a.pv_costs_gbp, a.pv_benefits_gbp, a.npsv_gbp) == (1_640_000, 800_000, -840_000)
    assert a.bcr == pytest.approx(0.487805, abs=1e-6)
    uplifted = appraise_option(option("A", A_FLOWS, optimism_bias_capital_pct=24,
                                      optimism_bias_revenue_pct=41))
    assert uplifted.pv_costs_gbp == 1_804_000


def test_each_option_is_compared_with_the_baseline():
    project = Project(project={"options": [
        option("B", [{"year": 1, "revenue_gbp": 103_500}], baseline=True),
        option("A", A_FLOWS, optimism_bias_capital_pct=24, preferred=True),
    ]})
    result = appraise(project)
    assert result.baseline_id == "B" and result.preferred_id == "A"
    assert result.option("B").npsv_gbp == -100_000
    assert result.option("B").npsv_vs_baseline_gbp == 0
    assert result.option("A").npsv_vs_baseline_gbp == -740_000
    assert result.best_id == "B"
    # the preferred option is not the best: negative margin, so negative switching values
    assert result.switching.margin_gbp == -740_000
    assert result.missing == ()


def test_switching_values_of_the_preferred_option():
    p = option("P", [{"year": 0, "capital_gbp": 1_000_000},
                     {"year": 1, "benefits_gbp": 1_242_000}], preferred=True)
    r = option("R", [{"year": 0, "benefits_gbp": 50_000}])
    sv = switching_values(p, [r])
    assert (sv.rival_id, sv.margin_gbp) == ("R", 150_000)
    assert sv.costs_rise_pct == pytest.approx(15.0)
    assert sv.benefits_fall_pct == pytest.approx(12.5)


def test_an_appraisal_without_cash_flows_says_what_is_missing():
    project = Project(project={"options": [Option(id="O1", name="One", preferred=True),
                                           Option(id="O2", name="Two")]})
    result = appraise(project)
    assert result.best_id is None and result.switching is None
    assert "No option has cash flows (costs and benefits by year)." in result.missing
    assert any("baseline" in m for m in result.missing)
    assert all(o.npsv_vs_baseline_gbp is None for o in result.options)


def test_the_cost_range_must_be_ordered():
    from pydantic import ValidationError

    from wizard.model import Risk

    with pytest.raises(ValidationError) as err:
        Risk(id="R7", title="Flood", cost_min_gbp=500, cost_likely_gbp=300, cost_max_gbp=900)
    assert ("risk R7: the cost range must run minimum <= most likely <= maximum (minimum £500, "
            "most likely £300, maximum £900)") in str(err.value)


def test_cash_flow_years_and_assessments_are_checked():
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as err:
        Project(project={
            "critical_success_factors": [{"id": "C1", "description": "Affordable"}],
            "options": [{"id": "O1", "name": "One",
                         "cash_flows": [{"year": 2}, {"year": 2}],
                         "csf_assessment": [{"csf": "C9", "rating": "meets"}]}]})
    text = str(err.value)
    assert "project.options[0] (O1): year 2 has more than one cash flow row" in text
    assert "critical success factor 'C9': no critical success factor has that id" in text

"""Quantified risk: expected values worked by hand, and the Monte Carlo simulation against the
analytic mean (within 1%) and known distributions."""

from __future__ import annotations

import numpy as np
import pytest

from wizard.affordability import affordability
from wizard.model import Project
from wizard.risk_exposure import expected_cost, simulate

PARTNERS = [{"id": "council", "name": "Riverside Council", "kind": "public"},
            {"id": "builder", "name": "Brick Ltd", "kind": "private"}]


def risk(rid: str, **fields) -> dict:
    return {"id": rid, "title": f"Risk {rid}", **fields}


def project(risks: list[dict], **info) -> Project:
    return Project(partners=PARTNERS, risks=risks, project=info)


def test_expected_cost_and_split_worked_by_hand():
    # 40% x (100,000 + 200,000 + 600,000) / 3 = 120,000; 30% public: 36,000 and 84,000
    p = project([risk("R1", probability_pct=40, cost_min_gbp=100_000, cost_likely_gbp=200_000,
                      cost_max_gbp=600_000, allocation="shared", public_share=30,
                      owner="builder")])
    assert expected_cost(p.risks[0]) == pytest.approx(120_000)
    result = simulate(p, iterations=2_000, seed=1)
    assert result.total.expected_gbp == pytest.approx(120_000)
    assert result.public.expected_gbp == pytest.approx(36_000)
    assert result.private.expected_gbp == pytest.approx(84_000)
    # the public part goes to the first public body, the private part to the owner
    by = {e.partner: e for e in result.by_partner}
    assert by["council"].distribution.expected_gbp == pytest.approx(36_000)
    assert by["builder"].distribution.expected_gbp == pytest.approx(84_000)
    assert (by["council"].side, by["builder"].side) == ("public", "private")


def test_monte_carlo_mean_is_within_one_percent_of_the_analytic_mean():
    rng = np.random.default_rng(7)
    risks = []
    for i in range(50):
        low = int(rng.integers(10_000, 200_000))
        likely = low + int(rng.integers(0, 300_000))
        high = likely + int(rng.integers(1, 800_000))
        risks.append(risk(f"R{i}", probability_pct=float(rng.integers(5, 95)),
                          cost_min_gbp=low, cost_likely_gbp=likely, cost_max_gbp=high,
                          allocation=["public", "private", "shared"][i % 3], public_share=40,
                          owner=["council", "builder"][i % 2]))
    p = project(risks)
    for iterations, seed in ((10_000, 11), (200_000, 12)):
        result = simulate(p, iterations=iterations, seed=seed)
        for dist in (result.total, result.public, result.private):
            assert dist.mean_gbp == pytest.approx(dist.expected_gbp, rel=0.01)
        assert result.total.p50_gbp <= result.total.p80_gbp <= result.total.p90_gbp


def test_percentiles_of_a_certain_symmetric_risk():
    # happens for sure, triangular (0, 500,000, 1,000,000): median 500,000; P80 is where
    # 1 - (1 - x)^2 / 2 = 0.8, x = 1 - sqrt(0.4) = 0.367544 above the mode: 683,772
    p = project([risk("R1", probability_pct=100, cost_min_gbp=0, cost_likely_gbp=500_000,
                      cost_max_gbp=1_000_000, allocation="public", owner="council")])
    result = simulate(p, iterations=200_000, seed=3)
    assert result.total.p50_gbp == pytest.approx(500_000, rel=0.01)
    assert result.total.p80_gbp == pytest.approx(683_772, rel=0.01)
    assert result.private.p80_gbp == 0


def test_contingent_support_chance_and_expected_draw():
    # 10% chance of a £1,000,000 cost, support capped at £400,000: drawn 10% of the time,
    # expected draw 0.1 x 400,000 = £40,000
    p = project([risk("R1", probability_pct=10, cost_min_gbp=1_000_000,
                      cost_likely_gbp=1_000_000, cost_max_gbp=1_000_000, allocation="private",
                      owner="builder", contingent_support={"events": ["Flood"],
                                                           "cap_gbp": 400_000})])
    support = simulate(p, iterations=100_000, seed=5).support
    assert support.risks == 1 and support.cap_gbp == 400_000
    assert support.chance_drawn == pytest.approx(0.10, abs=0.005)
    assert support.expected_draw_gbp == pytest.approx(40_000, rel=0.05)


def test_same_seed_same_figures_and_unpriced_risks_named():
    p = project([risk("R1", probability_pct=50, cost_min_gbp=1, cost_likely_gbp=5,
                      cost_max_gbp=9), risk("R2")])
    one, two = simulate(p, 1_000, seed=9), simulate(p, 1_000, seed=9)
    assert one.total == two.total and one.unpriced == ("R2",)


def test_affordability_by_year_worked_by_hand():
    # preferred option: year 0 capital 1,000,000 (24% uplift) + revenue 100,000 = 1,340,000;
    # year 1 revenue 200,000. A certain public risk of exactly £300,000 over the two contract
    # years adds 150,000 a year. Budget 1,300,000 and 400,000: gaps 190,000 and 0.
    p = project(
        [risk("R1", probability_pct=100, cost_min_gbp=300_000, cost_likely_gbp=300_000,
              cost_max_gbp=300_000, allocation="public", owner="council")],
        duration_months=24,
        options=[{"id": "O1", "name": "One", "preferred": True, "baseline": True,
                  "optimism_bias_capital_pct": 24,
                  "cash_flows": [{"year": 0, "capital_gbp": 1_000_000, "revenue_gbp": 100_000},
                                 {"year": 1, "revenue_gbp": 200_000}]}],
        budget=[{"year": 0, "capital_gbp": 1_000_000, "revenue_gbp": 300_000},
                {"year": 1, "revenue_gbp": 400_000}],
        funding=[{"name": "Council capital", "amount_gbp": 1_500_000, "confirmed": True},
                 {"name": "Grant", "amount_gbp": 500_000}],
    )
    result = affordability(p)
    assert [(y.need_gbp, y.budget_gbp, y.gap_gbp) for y in result.years] == [
        (1_490_000, 1_300_000, 190_000), (350_000, 400_000, 0)]
    assert [y.risk_p80_gbp for y in result.years] == [150_000, 150_000]
    assert (result.need_gbp, result.gap_gbp) == (1_840_000, 190_000)
    assert (result.confirmed_gbp, result.unconfirmed_gbp, result.unfunded_gbp) == (
        1_500_000, 500_000, 340_000)

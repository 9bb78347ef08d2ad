"""The public side's return and exposure from a sharing arrangement, on figures worked by hand
(each test's comment shows the working)."""

from __future__ import annotations

import pytest

from wizard.affordability import affordability
from wizard.appraisal import appraise
from wizard.model import Project
from wizard.public_return import carrying_option, public_return
from wizard.sharing_effect import sharing_effect
from wizard.sharing_model import Sharing


def sharing(**fields) -> Sharing:
    return Sharing.model_validate(fields)


def returns(result) -> list[float]:
    return [round(y.return_gbp) for y in result.years]


def test_share_of_profit_waits_for_losses_to_be_made_good():
    # 20% equity, £1m invested in year 0; profit -500k, 1m, 2m.
    # y0: cumulative -500k, nothing distributed; the public share of the loss is 20% x 500k.
    # y1: cumulative 500k, distributed 500k, public 20% = 100k.
    # y2: cumulative 2.5m, distributed 2.5m - 0.5m = 2m, public 20% = 400k.
    s = sharing(public_equity_pct=20, public_equity_gbp=[{"year": 0, "amount_gbp": 1_000_000}],
                profit_forecast=[{"year": 0, "profit_gbp": -500_000},
                                 {"year": 1, "profit_gbp": 1_000_000},
                                 {"year": 2, "profit_gbp": 2_000_000}])
    r = public_return(s, 3)
    assert returns(r) == [0, 100_000, 400_000]
    assert r.total_return_gbp == 500_000
    assert r.loss_share_gbp == 100_000
    assert r.loss_years == (0,)
    assert r.equity_at_risk_gbp == 1_000_000


def test_guarantee_is_a_floor_in_pounds_or_percent_of_investment():
    # Equity 20% but 30% of profit; £1m invested in y0 and £1m in y1; at least the larger of
    # £60,000 and 5% of the equity invested to date.
    # y0: floor max(60k, 5% x 1m = 50k) = 60k; profit 0 -> return 60k (the guarantee pays).
    # y1: floor max(60k, 5% x 2m = 100k) = 100k; 30% x 200k = 60k -> 100k.
    # y2: floor 100k; 30% x 1m = 300k -> 300k.
    s = sharing(public_equity_pct=20, profit_share_pct=30,
                public_equity_gbp=[{"year": 0, "amount_gbp": 1_000_000},
                                   {"year": 1, "amount_gbp": 1_000_000}],
                guaranteed_return={"amount_gbp": 60_000, "pct_of_investment": 5},
                profit_forecast=[{"year": 1, "profit_gbp": 200_000},
                                 {"year": 2, "profit_gbp": 1_000_000}])
    r = public_return(s, 3)
    assert returns(r) == [60_000, 100_000, 300_000]
    assert [y.topped_up for y in r.years] == [True, True, False]
    assert r.total_return_gbp == 460_000
    assert r.from_profit_gbp == 360_000  # 0 + 60k + 300k
    assert r.from_guarantee_gbp == 100_000


def test_guarantee_runs_from_the_first_investment():
    # £10,000 a year guaranteed; the equity goes in in year 2 of 4: paid in years 2 and 3.
    s = sharing(public_equity_pct=10, public_equity_gbp=[{"year": 2, "amount_gbp": 500_000}],
                guaranteed_return={"amount_gbp": 10_000})
    assert returns(public_return(s, 4)) == [0, 0, 10_000, 10_000]
    # ... and stops after its last year.
    s.guaranteed_return.until_year = 2
    assert returns(public_return(s, 4)) == [0, 0, 10_000, 0]


def test_loss_share_is_limited_to_the_equity_invested():
    # 50% of a £1m loss is 500k, but only £100k is invested: 100k lost in y0, nothing left in y1.
    s = sharing(public_equity_pct=50, public_equity_gbp=[{"year": 0, "amount_gbp": 100_000}],
                profit_forecast=[{"year": 0, "profit_gbp": -1_000_000},
                                 {"year": 1, "profit_gbp": -1_000_000}])
    r = public_return(s, 2)
    assert [round(y.loss_share_gbp) for y in r.years] == [100_000, 0]
    assert r.loss_share_gbp == 100_000
    assert r.total_return_gbp == 0


def test_sensitivity_profit_falls_by_the_chosen_percent():
    # The first case with profit 50% lower: -750k, 500k, 1m; cumulative -750k, -250k, 750k;
    # distributed 0, 0, 750k; public 20% = 150k; the loss share is 20% x 750k = 150k.
    s = sharing(public_equity_pct=20, public_equity_gbp=[{"year": 0, "amount_gbp": 1_000_000}],
                profit_forecast=[{"year": 0, "profit_gbp": -500_000},
                                 {"year": 1, "profit_gbp": 1_000_000},
                                 {"year": 2, "profit_gbp": 2_000_000}])
    r = public_return(s, 3, profit_fall_pct=50)
    assert [y.profit_gbp for y in r.years] == [-750_000, 500_000, 1_000_000]
    assert returns(r) == [0, 0, 150_000]
    assert r.loss_share_gbp == 150_000


def test_nothing_shared_returns_nothing():
    r = public_return(Sharing(), 10)
    assert r.years == () and r.total_return_gbp == 0 and r.equity_at_risk_gbp == 0


# The effect on the appraisal and affordability ------------------------------------------------

def project(**sharing_fields) -> Project:
    return Project.model_validate({
        "project": {
            "duration_months": 36,
            "options": [
                {"id": "O1", "name": "Do minimum", "baseline": True,
                 "cash_flows": [{"year": 0, "revenue_gbp": 100_000}]},
                {"id": "O2", "name": "Joint venture", "preferred": True,
                 "cash_flows": [{"year": 0, "capital_gbp": 1_000_000},
                                {"year": 1, "benefits_gbp": 500_000},
                                {"year": 2, "benefits_gbp": 500_000}]},
            ],
            "budget": [{"year": 0, "capital_gbp": 900_000}],
        },
        "sharing": sharing_fields,
    })


JV = {"public_equity_pct": 20, "public_equity_gbp": [{"year": 0, "amount_gbp": 1_000_000}],
      "profit_forecast": [{"year": 0, "profit_gbp": 500_000}, {"year": 1, "profit_gbp": 1_000_000},
                          {"year": 2, "profit_gbp": 2_000_000}]}
# Public return 20% of each year's profit: 100k, 200k, 400k.
PV_RETURN = 100_000 + 200_000 / 1.035 + 400_000 / 1.035**2  # 666,640.97
PV_BENEFITS = 500_000 / 1.035 + 500_000 / 1.035**2  # 949,847.11


def test_the_return_counts_in_the_carrying_options_benefits():
    with_it = appraise(project(**JV))
    without = appraise(project())
    assert without.option("O2").pv_benefits_gbp == round(PV_BENEFITS)
    assert with_it.option("O2").pv_benefits_gbp == round(PV_BENEFITS + PV_RETURN)  # 1,616,488
    assert with_it.option("O2").npsv_gbp == round(PV_BENEFITS + PV_RETURN - 1_000_000)
    assert with_it.option("O1").npsv_gbp == without.option("O1").npsv_gbp == -100_000


def test_the_return_goes_to_the_named_option_not_the_preferred_one():
    p = project(**JV, option="O1")
    assert carrying_option(p).id == "O1"
    result = appraise(p)
    assert result.option("O2").pv_benefits_gbp == round(PV_BENEFITS)
    assert result.option("O1").pv_benefits_gbp == round(PV_RETURN)


def test_effect_on_npsv_affordability_and_sensitivity():
    p = project(**JV, sensitivity_profit_fall_pct=50)
    effect = sharing_effect(p, affordability(p))
    assert effect.option_id == "O2"
    assert effect.pv_return_gbp == round(PV_RETURN)  # 666,641
    assert effect.pv_equity_gbp == 1_000_000
    assert effect.net_pv_gbp == round(PV_RETURN - 1_000_000)  # -333,359
    assert effect.npsv_without_gbp == round(PV_BENEFITS - 1_000_000)  # -50,153
    assert effect.npsv_with_gbp == round(PV_BENEFITS + PV_RETURN - 1_000_000)  # 616,488
    # Year 0 needs £1,000,000 against a budget of £900,000: a gap of £100,000, which the
    # year-0 return of £100,000 closes.
    assert effect.gap_without_return_gbp == 100_000
    assert effect.gap_with_return_gbp == 0
    # Profit 50% lower: 250k, 500k, 1m -> 50k, 100k, 200k.
    assert effect.stressed.total_return_gbp == 350_000
    assert effect.pv_stressed_return_gbp == round(50_000 + 100_000 / 1.035 + 200_000 / 1.035**2)
    assert effect.missing == ()


def test_effect_says_what_is_missing():
    p = Project.model_validate({"sharing": {"public_equity_pct": 20}})
    effect = sharing_effect(p)
    assert effect.npsv_with_gbp is None
    assert any("No profit forecast" in m for m in effect.missing)
    assert any("No option carries" in m for m in effect.missing)


@pytest.mark.parametrize("field", ["public_equity_gbp", "profit_forecast"])
def test_one_row_a_year(field):
    key = "amount_gbp" if field == "public_equity_gbp" else "profit_gbp"
    with pytest.raises(ValueError, match=f"sharing.{field}: year 3 has more than one row"):
        Sharing.model_validate({field: [{"year": 3, key: 1}, {"year": 3, key: 2}]})


def test_guarantor_must_be_a_partner():
    with pytest.raises(ValueError, match="guarantor 'P9': no partner has that id"):
        Project.model_validate({"sharing": {"guaranteed_return": {"guarantor": "P9"}}})
    ok = Project.model_validate({"partners": [{"id": "P9", "name": "ENGIE"}],
                                 "sharing": {"guaranteed_return": {"guarantor": "P9"}}})
    assert ok.sharing.guaranteed_return.guarantor == "P9"

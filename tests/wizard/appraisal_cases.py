"""Cases of the economic and financial checks for tests/wizard/test_checks.py: each rule fires
on a design that breaks it and stays quiet on a near miss. Built on that file's GOOD design."""

from __future__ import annotations


def _set(path: str, value):
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


def _all(*changes):
    def change(data):
        for c in changes:
            c(data)
    return change


FLOWS = [{"year": 0, "capital_gbp": 1_000_000, "revenue_gbp": 100_000, "benefits_gbp": 50_000}]
PRICED = _all(_set("risks.0.probability_pct", 40), _set("risks.0.cost_min_gbp", 100_000),
              _set("risks.0.cost_likely_gbp", 200_000), _set("risks.0.cost_max_gbp", 600_000))
BOTH_PRICED = _all(
    _set("project.options.0.cash_flows", FLOWS), _set("project.options.1.cash_flows", FLOWS),
    _set("project.options.0.baseline", True),
    *[_set(f"project.options.{i}.optimism_bias_category", "standard_buildings") for i in (0, 1)],
    *[_set(f"project.options.{i}.optimism_bias_capital_pct", 24) for i in (0, 1)],
)
# year 0 need: 1,000,000 x 1.24 + 100,000 x 1 = 1,340,000 (no priced risk)
BUDGET = [{"year": 0, "capital_gbp": 1_200_000, "revenue_gbp": 100_000}]  # 1,300,000

TRIGGERS = [
    (_set("project.options.0.cash_flows", FLOWS), "appraisal-baseline", "warning", "creative",
     ["No option is marked as the baseline"]),
    (_all(BOTH_PRICED, _set("project.options.1.baseline", True)), "appraisal-baseline",
     "warning", "creative", ["2 options are marked as the baseline", "In-house and Phased"]),
    (_set("project.stage", "OBC"), "appraisal-cash-flows:O1", "warning", "creative",
     ["Option In-house has no costs or benefits by year", "Outline business case (OBC)"]),
    (_all(BOTH_PRICED, _set("project.options.1.optimism_bias_capital_pct", 1.5)),
     "optimism-bias:O2", "warning", "accountable",
     ["capital 1.5% is below the lower bound of 2% for standard buildings",
      "no reason is recorded"]),
    (_all(BOTH_PRICED, _set("project.options.1.optimism_bias_category", "")),
     "optimism-bias:O2", "warning", "accountable", ["no category is chosen"]),
    (_all(PRICED, _set("risks.0.owner", None)), "risk-priced-unowned:R1", "warning",
     "collaborative", ["R1 Demand falls is priced", "no partner is named"]),
    (_all(BOTH_PRICED, _set("project.budget", BUDGET)), "affordability-gap", "warning",
     "accountable", ["exceed the budget by £40,000 in total", "appraisal year 0"]),
    (_all(_set("project.stage", "FBC"),
          _set("project.funding", [{"name": "Sport England grant", "amount_gbp": 2_000_000}])),
     "funding-unconfirmed:funding-1", "warning", "accountable",
     ["Sport England grant (£2,000,000) is not confirmed", "Full business case (FBC)"]),
    (_all(_set("phases.0.value_gbp", 2_000_000), _set("phases.1.value_gbp", 10_000_000)),
     "phase-values-reconcile", "warning", "accountable",
     ["add up to £12,000,000", "estimated value is £12,500,000", "difference of £500,000"]),
]

QUIET = [
    (BOTH_PRICED, "appraisal-baseline"),
    (_all(_set("project.stage", "OBC"), BOTH_PRICED), "appraisal-cash-flows"),
    (_all(BOTH_PRICED, _set("project.options.1.optimism_bias_capital_pct", 2)), "optimism-bias"),
    (_all(BOTH_PRICED, _set("project.options.1.optimism_bias_capital_pct", 1),
          _set("project.options.1.optimism_bias_reason", "Fixed-price design and build")),
     "optimism-bias"),
    (PRICED, "risk-priced-unowned"),  # R1 is owned by the council
    (_all(BOTH_PRICED, _set("project.budget", [{"year": 0, "capital_gbp": 1_240_000,
                                               "revenue_gbp": 100_000}])), "affordability-gap"),
    (_all(_set("project.stage", "OBC"),
          _set("project.funding", [{"name": "Sport England grant", "amount_gbp": 2_000_000}])),
     "funding-unconfirmed"),
    (_all(_set("phases.0.value_gbp", 2_500_000), _set("phases.1.value_gbp", 9_940_000)),
     "phase-values-reconcile"),  # £12,440,000: within 0.5%
]

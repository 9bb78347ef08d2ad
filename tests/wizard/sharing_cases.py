"""Cases of the sharing checks for tests/wizard/test_checks.py: each rule fires on a design that
breaks it and stays quiet on a near miss. Built on that file's GOOD design (partners council,
builder and trust; options O1 and O2; delivery model outsourcing)."""

from __future__ import annotations

from wizard.model import Project

# The payment mechanism is a field of the commercial case; the target-cost rule reads it when
# the model has it.
HAS_PAYMENT = "payment" in Project.model_fields


def sharing(**fields):
    def change(data):
        data.setdefault("sharing", {}).update(fields)
    return change


def model(value: str):
    def change(data):
        data["project"]["delivery_model"] = value
    return change


def payment(mechanism: str | None):
    def change(data):
        data.setdefault("payment", {})["mechanism"] = mechanism
    return change


def _all(*changes):
    def change(data):
        for c in changes:
            c(data)
    return change


NOTE = "Classified to the public sector; consolidated in the council's group accounts."

TRIGGERS = [
    (model("joint_venture"), "sharing-no-public-share:sharing", "warning", "collaborative",
     ["joint venture", "no equity and no share of profit"]),
    (model("mutual_investment"), "sharing-no-public-share:sharing", "warning", "collaborative",
     ["mutual investment model"]),
    (sharing(guaranteed_return={"amount_gbp": 250_000, "pct_of_investment": 4}),
     "sharing-guarantor:sharing", "warning", "accountable",
     ["£250,000 a year and 4% a year of the public investment", "no partner is named"]),
    (_all(*([payment(None)] if HAS_PAYMENT else []), sharing(gain_share={})),
     "sharing-gain-share-mechanism:sharing", "advice", "accountable",
     ["no payment mechanism is recorded"]),
    (model("private_finance"), "sharing-refinancing:sharing", "warning", "accountable",
     ["privately financed", "refinancing gains"]),
    (_all(model("mutual_investment"), sharing(public_equity_pct=20)),
     "sharing-refinancing:sharing", "warning", "accountable", ["mutual investment model"]),
    (sharing(public_equity_pct=50.5), "sharing-balance-sheet:sharing", "warning", "accountable",
     ["50.5%", "more than 50%", "ESA 2010 para. 20.309(a)", "public balance sheet"]),
    (sharing(option="O9"), "sharing-option:sharing", "warning", "accountable", ["'O9'"]),
]

QUIET = [
    (_all(model("joint_venture"), sharing(profit_share_pct=10)), "sharing-no-public-share"),
    (_all(model("mutual_investment"), sharing(public_equity_pct=20)), "sharing-no-public-share"),
    (_all(model("trading_company")), "sharing-no-public-share"),
    (sharing(guaranteed_return={"amount_gbp": 250_000, "guarantor": "builder"}),
     "sharing-guarantor"),
    (_all(model("private_finance"), sharing(refinancing_gain_share_pct=50)),
     "sharing-refinancing"),
    (model("joint_venture"), "sharing-refinancing"),
    (sharing(public_equity_pct=50), "sharing-balance-sheet"),
    (sharing(public_equity_pct=80, accounting_treatment=NOTE), "sharing-balance-sheet"),
    (sharing(option="O2"), "sharing-option"),
    (sharing(gain_share=None), "sharing-gain-share-mechanism"),
    (sharing(gain_share={}), "sharing-gain-share"),
]

if HAS_PAYMENT:
    TRIGGERS += [
        (payment("target_cost"), "sharing-gain-share:sharing", "warning", "collaborative",
         ["Payment is target-cost", "no pain/gain share"]),
        (payment("cost_plus"), "sharing-gain-share:sharing", "warning", "collaborative",
         ["Payment is cost-plus"]),
        (_all(payment("availability"), sharing(gain_share={})),
         "sharing-gain-share-mechanism:sharing", "advice", "accountable",
         ["the payment mechanism is 'availability'"]),
    ]
    QUIET += [
        (_all(payment("target_cost"), sharing(gain_share={"public_gain_pct": 50})),
         "sharing-gain-share"),
        (payment("fixed_price"), "sharing-gain-share"),
        (_all(payment("target_cost"), sharing(gain_share={})), "sharing-gain-share-mechanism"),
    ]
    UNTESTED: set[str] = set()
else:
    UNTESTED = {"sharing-gain-share"}  # cannot fire until the model has a payment mechanism

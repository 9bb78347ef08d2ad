"""Sharing the upside in the business case: beside the risk allocation in the commercial case,
the public return in the financial case, and withheld from the public edition when marked
sensitive (checked with canaries in the PDF, HTML and OCDS)."""

from __future__ import annotations

import json

import pytest

from tests.wizard.export_helpers import chapters, page_texts, squash, streams
from wizard import catalog
from wizard.appraisal import appraise
from wizard.export.business_case import business_case_for
from wizard.export.content import KeyValues, Para, Table
from wizard.export.html import html_text
from wizard.export.ocds import release_package
from wizard.export.pdf import pdf_bytes
from wizard.model import Project
from wizard.redact import redact, redaction_log
from wizard.sharing_model import Sharing

TITLE = "Who carries the downside, who shares the upside"


def small(**sharing) -> Project:
    """Two options, O2 a preferred joint venture with a guarantor (P1)."""
    return Project.model_validate({
        "project": {
            "delivery_model": "joint_venture", "duration_months": 36,
            "options": [
                {"id": "O1", "name": "Do minimum", "baseline": True,
                 "cash_flows": [{"year": 0, "revenue_gbp": 100_000}]},
                {"id": "O2", "name": "Joint venture", "preferred": True,
                 "cash_flows": [{"year": 0, "capital_gbp": 1_000_000},
                                {"year": 1, "benefits_gbp": 500_000},
                                {"year": 2, "benefits_gbp": 500_000}]},
            ],
        },
        "partners": [{"id": "P1", "name": "Engine Partners Ltd"}],
        "risks": [{"id": "R1", "title": "Demand", "allocation": "public"},
                  {"id": "R2", "title": "Build", "allocation": "private"}],
        "sharing": sharing,
    })


JV = {"public_equity_pct": 20, "profit_share_pct": 30,
      "public_equity_gbp": [{"year": 0, "amount_gbp": 1_000_000}],
      "guaranteed_return": {"amount_gbp": 60_000, "guarantor": "P1"},
      "gain_share": {"public_gain_pct": 40, "public_pain_pct": 60, "cap_gbp": 250_000},
      "refinancing_gain_share_pct": 50,
      "distribution_policy": "Paid yearly after the accounts are audited.",
      "profit_forecast": [{"year": 0, "profit_gbp": -100_000},
                          {"year": 1, "profit_gbp": 500_000},
                          {"year": 2, "profit_gbp": 1_000_000}]}
# By hand: y0 loss 100k (public share 20% = 20k), nothing distributed, the guarantee pays 60k;
# y1 cumulative 400k distributed, 30% = 120k; y2 1m distributed, 30% = 300k. Total 480k.


def blocks_after(case, heading: str, until_level: int = 2) -> list:
    out, inside = [], False
    for b in case.blocks:
        if getattr(b, "text", None) == heading and hasattr(b, "level"):
            inside = True
            continue
        if inside and hasattr(b, "level") and b.level <= until_level:
            break
        if inside:
            out.append(b)
    return out


def test_commercial_case_shows_downside_beside_upside():
    _shown, case = business_case_for(small(**JV), "internal")
    keys = [getattr(b, "key", "") for b in case.blocks]
    # right after the risk allocation, before the break clauses
    assert keys.index("commercial-sharing") > keys.index("risk-allocation")
    assert keys.index("commercial-sharing") < keys.index("commercial-break-clauses")
    [table] = [b for b in blocks_after(case, TITLE) if isinstance(b, Table)]
    rows = {r[0]: r[1:] for r in table.rows}
    assert table.header == ("Aspect", "Who carries the downside", "Who shares the upside")
    assert rows["Risks"][0].startswith("Public: 1; shared: 0; private: 1")
    assert "£1,000,000 invested (year 0) is at risk" in rows["Equity"][0]
    assert rows["Equity"][1] == "The public side holds 20% of the company"
    assert "£20,000 of the forecast losses (year 0)" in rows["Profit and loss"][0]
    assert rows["Profit and loss"][1] == "30% of distributed profit: £420,000 over the forecast"
    assert rows["Guaranteed return"][0] == "Engine Partners Ltd stands behind the guarantee"
    assert "At least £60,000 a year; the guarantee adds £60,000" in rows["Guaranteed return"][1]
    assert "pays 60%, capped at £250,000; the provider 40%" in rows["Target cost (pain/gain)"][0]
    assert "keeps 40%; the provider 60%" in rows["Target cost (pain/gain)"][1]
    assert rows["Refinancing"][1] == "50% of any refinancing gain to the public side"


def test_financial_case_shows_the_public_return():
    _shown, case = business_case_for(small(**JV), "internal")
    section = blocks_after(case, "The public return")
    [facts] = [b for b in section if isinstance(b, KeyValues)]
    items = dict(facts.items)
    assert items["Public return over the period"] == "£480,000"
    assert items["Of which the guarantee adds"] == "£60,000"
    assert items["Equity at risk if the company fails"] == "£1,000,000"
    assert items["Public share of forecast losses"] == "£20,000"
    assert items["Present value of the return"] == f"£{round(60_000 + 120_000 / 1.035 + 300_000 / 1.035**2):,}"
    [table] = [b for b in section if isinstance(b, Table)]
    assert table.rows[0] == ("0", "−£100,000", "£60,000", "£60,000", "£1,000,000", "£20,000")
    assert table.rows[2] == ("2", "£1,000,000", "£300,000", "–", "–", "–")
    # the sensitivity at the default 25%: profit -125k, 375k, 750k; cumulative -125k, 250k,
    # 1m; distributed 0, 250k, 750k; 30% = 0, 75k, 225k; the guarantee lifts year 0 to 60k
    [sens] = [b for b in section if isinstance(b, Para) and "lower every year" in b.text]
    assert "25% lower every year, the public return over the period is £360,000" in sens.text


def test_no_sharing_section_for_outsourcing_without_an_arrangement():
    p = small()
    p.project.delivery_model = "outsourcing"
    _shown, case = business_case_for(p, "internal")
    assert "commercial-sharing" not in [getattr(b, "key", "") for b in case.blocks]
    assert "financial-public-return" not in [getattr(b, "key", "") for b in case.blocks]


def test_a_joint_venture_with_nothing_shared_says_so():
    _shown, case = business_case_for(small(), "internal")
    texts = [b.text for b in blocks_after(case, TITLE) if isinstance(b, Para)]
    assert any("No sharing arrangement is recorded" in t for t in texts)


# Withheld when marked sensitive ------------------------------------------------------------
CANARY_TEXTS = ("SHRCNRY1x", "SHRCNRY2x", "SHRCNRY3x", "SHRCNRY4x")
CANARY_GBP = 7_654_321


def sensitive_project() -> Project:
    fields = json.loads(json.dumps(JV))
    fields.update(sensitive=True, withheld_reason="Commercial negotiation",
                  distribution_policy=CANARY_TEXTS[0], accounting_treatment=CANARY_TEXTS[1],
                  public_equity_gbp=[{"year": 0, "amount_gbp": CANARY_GBP}])
    fields["guaranteed_return"]["description"] = CANARY_TEXTS[2]
    fields["gain_share"]["description"] = CANARY_TEXTS[3]
    return small(**fields)


def test_redacted_copy_holds_no_figure_of_a_sensitive_arrangement():
    p = sensitive_project()
    copy = redact(p)
    s = copy.sharing
    assert s.sensitive and s.option is None
    assert s.public_equity_pct == 0 and s.public_equity_gbp == [] and s.profit_forecast == []
    assert s.guaranteed_return is None and s.gain_share is None
    assert s.refinancing_gain_share_pct is None and s.profit_share_pct is None
    [entry] = [e for e in redaction_log(p) if e.kind == "sharing"]
    assert entry.ref == "W00001" and entry.reason == "Commercial negotiation"
    assert s.distribution_policy == s.accounting_treatment == "[Withheld – see redaction log W00001]"
    # the public appraisal counts no return: O2 as if nothing were shared
    assert appraise(copy).option("O2").npsv_gbp == appraise(small()).option("O2").npsv_gbp


def test_a_sensitive_arrangement_never_reaches_public_files_but_reaches_internal():
    p = sensitive_project()
    public = pdf_bytes(p, "public")
    text = "\n".join(page_texts(public))
    html = html_text(p, "public")
    ocds = json.dumps(release_package(p), ensure_ascii=False)
    for where, body in (("PDF", squash(text)), ("HTML", html), ("OCDS", ocds)):
        for c in CANARY_TEXTS:
            assert c not in body, f"{c} leaked into the public {where}"
        assert "7,654,321" not in body and "7654321" not in body, where
    raw = public + streams(public)
    assert all(c.encode() not in raw for c in CANARY_TEXTS)
    book = chapters(public)
    assert "sharing arrangement is commercially sensitive and withheld" in book["3"]
    assert "public return is commercially sensitive and withheld" in book["4"]
    assert "W00001" in squash(book["3"])
    internal = squash("\n".join(page_texts(pdf_bytes(p, "internal"))))
    for c in CANARY_TEXTS[:2]:
        assert c in internal
    assert "£7,654,321" in internal


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_the_regeneration_example_shows_its_sharing(edition):
    p = catalog.load_example("regeneration")
    book = chapters(pdf_bytes(p, edition))
    assert TITLE in book["3"]
    # the council's land (£6m, year 0) and cash (£3m, year 2): £9m at risk
    assert "£9,000,000" in book["4"]
    assert "Harbourline Developments Ltd stands behind the guarantee" in book["3"].replace("\n", " ")


def test_sharing_defaults_mean_nothing_is_shared():
    assert Sharing().is_empty
    assert not Sharing(public_equity_pct=1).is_empty

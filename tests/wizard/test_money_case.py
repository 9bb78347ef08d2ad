"""The economic and financial case in the business case PDF: the appraisal table, optimism
bias with its basis, switching values, the value-for-money conclusion, quantified risk per
partner, capital and revenue by year, funding, the affordability gap and contingent
liabilities; and the public edition withholding a withheld risk's money."""

from __future__ import annotations

import pytest

from tests.wizard.export_helpers import page_texts, squash
from wizard import catalog
from wizard.appraisal import appraise
from wizard.export.business_case import business_case_for
from wizard.export.content import Heading, Table
from wizard.formatting import signed_money as money
from wizard.export.pdf import pdf_bytes
from wizard.redact import redact
from wizard.risk_exposure import simulate


@pytest.fixture(scope="module")
def leisure():
    project = catalog.load_example("leisure")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1790000000")
        return project, pdf_bytes(project, "internal"), pdf_bytes(project, "public")


def _tables(project, edition):
    _shown, case = business_case_for(project, edition)
    return {b.key: b for b in case.blocks if isinstance(b, Table)}, case


def test_money_formatting():
    assert (money(1_250_000), money(-840_000), money(0)) == ("£1,250,000", "−£840,000", "£0")


def test_economic_case_has_its_sections_and_the_appraisal_figures(leisure):
    project, internal, _ = leisure
    text = squash("\n".join(page_texts(internal)))
    for heading in ("Critical success factors", "The short list against the critical success "
                    "factors", "Appraisal of the short list", "Optimism bias", "Switching values",
                    "Value for money conclusion", "Quantified risk"):
        assert squash(heading) in text, heading
    for o in appraise(project).options:
        for value in (o.pv_costs_gbp, o.pv_benefits_gbp, o.npsv_gbp):
            assert squash(money(value)) in text
    # the optimism bias basis: the preferred option's reason, the source named
    assert squash("Design at RIBA stage 3") in text
    assert squash("supplementary guidance on optimism bias") in text
    assert squash("Upper bound applied; no reduction claimed.") in text


def test_switching_values_and_conclusion_name_the_preferred_option(leisure):
    project, _, _ = leisure
    tables, case = _tables(project, "internal")
    a = appraise(project)
    sv = a.switching
    paras = " ".join(getattr(b, "text", "") for b in case.blocks)
    assert f"its costs would have to rise by {sv.costs_rise_pct:.1f}%" in paras.replace(
        "Its", "its")
    assert a.best_id == a.preferred_id == "O3"
    assert "offers the best value for money of the short list" in paras
    ratings = tables["csf-short-list"].rows
    assert ratings[2][0].startswith("O3") and ratings[2][1:] == (
        "Meets", "Meets", "Meets", "Partly meets", "Meets")


def test_risk_section_gives_expected_cost_and_p80_per_partner(leisure):
    project, _, _ = leisure
    tables, _ = _tables(project, "internal")
    exposure = simulate(project)
    rows = {r[0]: r for r in tables["exposure-partners"].rows}
    council = next(p for p in exposure.by_partner if p.partner == "C1")
    assert rows[council.name][2:] == (money(council.distribution.expected_gbp),
                                      money(council.distribution.p80_gbp))
    side = {r[0]: r for r in tables["exposure"].rows}
    assert side["Public side"][3] == money(exposure.public.p80_gbp)


def test_financial_case_by_year_funding_gap_and_contingent_liabilities(leisure):
    project, internal, _ = leisure
    tables, case = _tables(project, "internal")
    by_year = tables["by-year"].rows
    assert len(by_year) == 15 + 1 and by_year[-1][0] == "Total"
    # year 0 of the preferred option O3: capital £7,900,000 x 1.15 and revenue £1,300,000 x 1.25
    assert by_year[0][1:3] == ("£9,085,000", "£1,625,000")
    funding = tables["funding"].rows
    assert funding[-1] == ("Total", "£49,950,000", "£44,250,000 confirmed")
    keys = [b.key for b in case.blocks if isinstance(b, Heading)]
    assert {"financial-by-year", "financial-funding", "financial-gap",
            "financial-contingent"} <= set(keys)
    text = squash("\n".join(page_texts(internal)))
    assert squash("Contingent public support is offered on 1 priced risk,") in text


def test_public_edition_withholds_withheld_risks_money(leisure):
    project, _, public = leisure
    secret = next(r for r in project.risks if r.sensitive)
    canary = 7_654_321
    marked = project.model_copy(deep=True)
    target = marked.risk(secret.id)
    target.cost_max_gbp, target.cost_likely_gbp = canary, canary - 1
    # the redacted copy has no price for it, and the public figures leave it out
    shown = redact(marked)
    assert (shown.risk(secret.id).cost_max_gbp, shown.risk(secret.id).probability_pct) == (0, 0)
    published = [r for r in marked.risks if not r.sensitive]
    assert simulate(shown).total.expected_gbp == pytest.approx(
        sum(r.probability_pct / 100 * (r.cost_min_gbp + r.cost_likely_gbp + r.cost_max_gbp) / 3
            for r in published))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1790000000")
        data = pdf_bytes(marked, "public")
    text = squash("\n".join(page_texts(data)))
    assert "7,654,321" not in text and "7654321" not in text
    withheld = sum(r.sensitive for r in project.risks)
    assert squash(f"{withheld} withheld risks excluded from these figures.") in text
    # changing a withheld risk's money leaves the public edition as it was
    assert data == public


def test_a_version_1_file_gets_notes_not_figures():
    project = catalog.load_example("leisure").model_copy(deep=True)
    for o in project.project.options:
        o.cash_flows = []
    project.project.budget = []
    _tables_, case = _tables(project, "public")
    notes = [b.text for b in case.blocks if getattr(b, "style", "") == "note"]
    assert any("have not been appraised in money" in n for n in notes)
    assert any("No budget by year has been recorded" in n for n in notes)

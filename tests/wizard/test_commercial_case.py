"""The commercial and management sections of the business case: what each edition says, the
public edition withholding lot values that cover withheld phases (and the deductions of a
sensitive payment mechanism), and the words in the PDF."""

from __future__ import annotations

import pytest

from tests.wizard.export_helpers import chapters, squash
from wizard import catalog
from wizard.export.business_case import business_case_for
from wizard.export.content import Figure, KeyValues, Para, Table
from wizard.export.pdf import pdf_bytes
from wizard.redact import redact


def blocks(project, edition):
    return business_case_for(project, edition)[1].blocks


def table(bs, key) -> Table:
    return next(b for b in bs if isinstance(b, Table) and b.key == key)


def values(bs, caption) -> dict[str, str]:
    return dict(next(b for b in bs if isinstance(b, KeyValues) and b.caption == caption).items)


def paras(bs) -> list[str]:
    return [b.text for b in bs if isinstance(b, Para)]


@pytest.fixture(scope="module")
def children():
    return catalog.load_example("childrens-services")


def test_the_internal_commercial_case(children):
    bs = blocks(children, "internal")
    assert any(t.startswith("The contract is to be let under the Procurement Act 2023 by the "
                            "Competitive flexible procedure (s.20).") for t in paras(bs))
    lots = table(bs, "lots")
    # L1 has no estimate of its own: the sum of its phases, 3.9m + 3 x 6.2m + 275m.
    assert lots.rows[0][3] == "£297,500,000 (its phases)"
    assert lots.rows[1][3] == "£950,000"
    assert "Published lot values total £298,450,000." in paras(bs)
    timetable = table(bs, "procurement-timetable")
    assert timetable.rows[5] == ("Contract award notice (s.50)", "1 June 2027")
    assert "Standstill: from 1 June 2027 to the end of 11 June 2027 (8 working days)." in paras(bs)
    assert any(isinstance(b, Figure) and b.kind == "procurement_timeline" for b in bs)
    assert values(bs, "Award criteria weightings")["Social value"] == "15%"
    assert table(bs, "deductions").rows == (("K1", "Families using a hub", "£1,500"),
                                            ("K3", "Mandated health visiting contacts", "£4,000"))
    assert values(bs, "Payment mechanism")["Cap on deductions"] == "10% of the monthly payment"
    assert any("81.5 of 100" in t for t in paras(bs))


def test_the_internal_management_case(children):
    bs = blocks(children, "internal")
    gov = values(bs, "Governance")
    assert gov["Senior responsible owner"] == (
        "Director of Children's Services, Kenmoor County Council")
    assert gov["Client-side capacity"] == "4.5 FTE"
    benefits = table(bs, "benefits")
    assert benefits.rows[1][:2] == ("B2", "More children ready for school")
    assert benefits.rows[1][7] == "SI2: More children ready for school"
    assert [r[8] for r in benefits.rows] == ["Yes", "No", "No", "Yes"]
    plan = values(bs, "Evaluation plan")
    assert (plan["Mid-term evaluation"], plan["End evaluation"], plan["Published"]) == (
        "1 April 2032", "31 March 2037", "Yes")
    assert values(bs, "Contract management")["KPIs carrying deductions"] == "2"


def test_the_public_edition_withholds_lot_values_covering_withheld_phases(children):
    bs = blocks(children, "public")
    lots = table(bs, "lots")
    # a phase value is withheld, so every lot value is withheld with the phase values
    # (wizard.publication: a published lot would narrow the withheld phase within the band)
    assert [row[3] for row in lots.rows] == ["Withheld", "Withheld"]
    assert "2 withheld lot value(s) excluded." in paras(bs)
    assert not any("Published lot values total" in p for p in paras(bs))
    everything = repr(bs)
    assert "297,500,000" not in everything and "298,450,000" not in everything
    assert "293,600,000" not in everything  # nor the total less the withheld phase


def test_a_sensitive_payment_mechanism_withholds_its_amounts(children):
    project = children.model_copy(deep=True)
    project.payment.sensitive = True
    bs = blocks(project, "public")
    assert [r[2] for r in table(bs, "deductions").rows] == ["Withheld", "Withheld"]
    assert values(bs, "Payment mechanism")["Cap on deductions"] == "Withheld"
    public = redact(project)
    assert [d.per_failure_gbp for d in public.payment.deductions] == [0, 0]
    assert public.payment.deduction_cap_pct is None
    internal = blocks(project, "internal")
    assert [r[2] for r in table(internal, "deductions").rows] == ["£1,500", "£4,000"]


def test_the_pdf_carries_the_new_sections_in_their_chapters(children, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    parts = {k: squash(v) for k, v in chapters(pdf_bytes(children, "public")).items()}
    commercial, management = parts["3"], parts["5"]
    for words in ("Procurement strategy", "Procurement timetable",
                  "End of the standstill period (s.51)", "Payment mechanism and performance",
                  "Procurement outcome"):
        assert squash(words) in commercial, words
    for words in ("Senior responsible owner", "Benefits realisation plan",
                  "Contract management", "Evaluation plan", "Gateway 3: investment decision"):
        assert squash(words) in management, words


def test_the_html_edition_draws_the_timeline(children):
    from wizard.export.html import html_text

    text = html_text(children, "public")
    assert "Procurement strategy" in text and "Benefits realisation plan" in text
    assert "Standstill: 8 working days, to 11 Jun 2027" in text  # inside the SVG figure

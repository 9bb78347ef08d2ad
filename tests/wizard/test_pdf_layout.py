"""Layout of the PDF: long tables repeat their header, huge cells split, nothing is lost."""

from __future__ import annotations

from tests.wizard.export_helpers import chapters, page_texts, squash
from wizard import catalog
from wizard.export.pdf import pdf_bytes
from wizard.model import Risk


def _with_risks(n: int, long_description: str = "") -> object:
    base = catalog.load_example(catalog.example_names()[0])
    risks = [
        Risk(id=f"Z{i}", title=f"Generated risk number {i}", description=f"Description {i}.",
             likelihood=i % 5 + 1, impact=(i * 3) % 5 + 1)
        for i in range(n)
    ]
    if long_description:
        risks[0] = risks[0].model_copy(update={"description": long_description})
    return base.model_copy(update={"risks": risks})


def test_long_register_spans_pages_and_repeats_its_header():
    project = _with_risks(150)
    texts = page_texts(pdf_bytes(project, "internal"))
    # pages that continue a table begun on an earlier page (no caption, heading or summary)
    pages = [squash(t) for t in texts if "Generatedrisknumber" in squash(t)]
    continued = [t for t in pages if not any(m in t for m in ("Table:", "Summary:", "Figure:"))]
    assert len(continued) >= 4  # the register and the allocation table both span pages
    for text in continued:  # every continuation page starts with the table's header row
        assert text.startswith((
            "IdRiskCategoryLikelihoodImpactScoreBandDescription",
            "IdRiskAllocationOwnerResponseWorkshopMitigation",
            "IdRiskScoreContingentsupportevents",  # the low-probability, high-impact table
            "PrincipleScoreHowthepointswereearned",
            "PrincipleItemFindingRoutefromthereportStatus",
        )), text[:80]
    chapter = squash(chapters(pdf_bytes(project, "internal"))["2"])
    for i in range(150):
        assert f"Generatedrisknumber{i}" in chapter


def test_a_cell_longer_than_a_page_is_split_not_clipped():
    words = " ".join(f"word{i}" for i in range(2500))  # about 20,000 characters
    project = _with_risks(3, words)
    text = squash("\n".join(page_texts(pdf_bytes(project, "internal"))))
    assert "word0word1word2" in text and "word2498word2499" in text
    missing = [i for i in range(0, 2500, 97) if f"word{i}word{i + 1}" not in text]
    assert missing == []


def test_no_orphan_heading_at_the_foot_of_a_page():
    from wizard.export.business_case import business_case_for

    for name in catalog.example_names():
        _check_no_orphans(catalog.load_example(name), business_case_for)


def _check_no_orphans(project, business_case_for):
    _, case = business_case_for(project, "public")
    headings = [h.text for h in case.headings]
    for text in page_texts(pdf_bytes(project, "public"))[2:]:  # after the cover and contents
        body = [line for line in text.splitlines() if line.strip()]
        # the page's running header and footer come last (4 lines); the line before them
        # is the foot of the page's content and must not be a heading
        assert body[-1].startswith("Page ")
        last = body[-5] if len(body) >= 5 else ""
        assert last not in headings, f"orphan heading at the foot of a page: {last}"

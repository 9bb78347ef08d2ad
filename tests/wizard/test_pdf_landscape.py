"""A table too wide for a portrait page (its words cannot sit whole side by side, or a column of
long text would be squeezed into a strip) is printed on landscape pages of its own, with the
page furniture; every other page stays portrait and no page is left blank."""

from __future__ import annotations

import pytest

from tests.wizard.export_helpers import reader, squash
from wizard import catalog
from wizard.export import pdf_styles as ps
from wizard.export.business_case import business_case_for
from wizard.export.columns import dejavu, squeezed
from wizard.export.content import Table
from wizard.export.editions import marking
from wizard.export.pdf import is_wide, pdf_bytes


@pytest.fixture(scope="module")
def leisure():
    project = catalog.load_example("leisure")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1790000000")
        data = pdf_bytes(project, "internal")
    _, case = business_case_for(project, "internal")
    pages = reader(data).pages
    return case, [(float(p.mediabox.width), float(p.mediabox.height), p.extract_text() or "")
                  for p in pages]


def test_a_squeezed_table_is_measured_from_its_content():
    measure, pad = dejavu(ps.CELL_SIZE), ps.CELL_PADDING + 1
    header = ("Id", "Name", "Kind", "Months", "Owner", "Notes")
    short = [("P1", "Pool", "Build", "0–30", "Council", "Short note")]
    long_text = " ".join(["words that go on"] * 40)
    strip = [("P1", "Pool", "Build", "0–30", "Council", long_text)] + [
        (f"P{i}", "A rather longer phase name " * 3, "Design and build", "0–30",
         "Halden Construction Ltd " * 2, "note") for i in range(2, 5)]
    assert not squeezed(header, short, ps.FRAME_WIDTH, measure, pad)
    assert not squeezed(header[:5], [r[:5] for r in strip], ps.FRAME_WIDTH, measure, pad)  # few columns
    unbreakable = [tuple("Supercalifragilistic" for _ in header)]  # 6 long words cannot sit side by side
    assert squeezed(header, unbreakable, ps.FRAME_WIDTH, measure, pad)
    assert not squeezed(header, unbreakable, ps.LANDSCAPE_WIDTH, measure, pad)


def test_the_phases_table_is_on_a_landscape_page_with_its_caption_and_furniture(leisure):
    case, pages = leisure
    phases = next(b for b in case.blocks if isinstance(b, Table) and b.caption == "Table: phases")
    assert is_wide(phases)
    holding = [i for i, (_, _, text) in enumerate(pages) if "Table: phases" in text]
    assert len(holding) == 1
    width, height, text = pages[holding[0]]
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    flat = squash(text)
    assert squash("Id Phase Kind Months Provider Contract Outcomes Description") in flat
    assert squash(marking("internal")) in flat and squash(f"Page {holding[0] + 1} of {len(pages)}") in flat
    # nothing in the table is broken with a hyphen at a line end on the wide page
    assert "refurbish-" not in text and "Construc-" not in text


def test_other_pages_stay_portrait_and_none_is_blank(leisure):
    case, pages = leisure
    wide = [b.caption for b in case.blocks if isinstance(b, Table) and is_wide(b)]
    landscape = [text for width, height, text in pages if width > height]
    assert len(landscape) >= len(wide)
    for caption in wide:
        assert sum(caption in text for text in landscape) == 1
    for width, height, text in pages:
        body = [line for line in text.splitlines() if line.strip()
                and marking("internal") not in line and "Page " not in line
                and "Draft business case" not in line and line.strip() != "Internal edition"]
        assert body, "a blank page"
    risk_register = next(b for b in case.blocks if isinstance(b, Table) and b.caption == "Table: risk register")
    assert not is_wide(risk_register)

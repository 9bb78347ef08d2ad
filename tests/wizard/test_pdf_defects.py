"""The PDF's layout defects, each fixed at its cause: captions kept with their tables, words
broken only at hyphenation points, no lone row at the top of a page, column widths from the
content, table text of 9.5 pt, review points in order, each commitment printed once."""

from __future__ import annotations

import pytest
from pyphen import Pyphen
from reportlab.platypus import FrameBreak
from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.wizard.export_helpers import page_texts
from wizard import catalog
from wizard.export import pdf_styles as ps
from wizard.export.business_case import business_case_for
from wizard.formatting import every
from wizard.export.columns import content_widths, dejavu
from wizard.export.content import Bullets, KeyValues, Table
from wizard.export.fonts import FAMILY, register_fonts
from wizard.export.pdf import SOFT_HYPHEN, _Table, fit_words, pdf_bytes


@pytest.fixture(scope="module", params=catalog.example_names())
def example(request):
    project = catalog.load_example(request.param)
    return project, pdf_bytes(project, "internal")


def test_no_caption_ends_a_page(example):
    project, data = example
    _, case = business_case_for(project, "internal")
    captions = {b.caption for b in case.blocks if isinstance(b, Table)}
    for text in page_texts(data)[2:]:
        body = [line for line in text.splitlines() if line.strip()]
        last = body[-5] if len(body) >= 5 else ""
        assert last not in captions, f"caption alone at the foot of a page: {last}"


def test_widths_keep_every_word_whole_when_they_can():
    measure = dejavu(9.5)
    header = ("Id", "Phase", "Months", "Description")
    rows = [("PH10*", "Refurbishment", "12–24", "A long description " * 20)]
    widths = content_widths(header, rows, 480, measure, 7)
    assert abs(sum(widths) - 480) < 0.01
    for column, word in enumerate(("PH10*", "Refurbishment", "Months")):
        assert widths[column] >= measure(word, column == 2) + 7
    assert widths[3] == max(widths)  # the rest goes to the text that needs it


def test_when_too_narrow_short_words_stay_whole_and_long_ones_give_way():
    measure = dejavu(9.5)
    header = ("Id", "Months", "Kind", "Outcomes")
    rows = [("PH3*", "21–57", "Implementation", "Apprenticeships neighbourhoods")]
    widths = content_widths(header, rows, 200, measure, 7)
    assert widths[0] >= measure("PH3*", False) + 7 and widths[1] >= measure("Months", True) + 7
    assert widths[2] < measure("Implementation", False) + 7


def test_only_words_too_wide_get_soft_hyphens_at_proper_points():
    register_fonts()
    room = stringWidth("Implemen", FAMILY, 9.5)
    text = fit_words("Implementation of the refurbishment", room, FAMILY, 9.5)
    words = text.split(" ")
    assert words[1:3] == ["of", "the"]
    dictionary = Pyphen(lang="en_GB")
    assert words[0] == dictionary.inserted("Implementation", hyphen=SOFT_HYPHEN)
    assert words[3] == dictionary.inserted("refurbishment", hyphen=SOFT_HYPHEN)
    assert fit_words("Short words only", room, FAMILY, 9.5) == "Short words only"


def test_a_table_never_leaves_one_row_alone_on_the_next_page():
    rows = [["Id", "Risk"]] + [[f"R{i}", f"risk {i}"] for i in range(20)]
    table = _Table(rows, colWidths=[50, 200], repeatRows=1)
    _, height = table.wrap(250, 10_000)
    row = table._rowHeights[1]
    # room for the header and all but one row
    first, page_break, rest = table.split(250, height - row * 0.5)
    assert page_break is FrameBreak  # the rows moved start the next page
    assert len(rest._cellvalues) - 1 >= _Table.MIN_TAIL
    assert len(first._cellvalues) - 1 + len(rest._cellvalues) - 1 == 20


def test_rows_moved_to_the_next_page_never_sit_under_a_second_header_on_the_same_page():
    import io

    from reportlab.platypus import SimpleDocTemplate, Spacer


    rows = [["Headcell", "Risk"]] + [[f"R{i}", f"risk {i}"] for i in range(30)]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out)
    probe = _Table(rows, colWidths=[60, 200], repeatRows=1)
    _, height = probe.wrap(doc.width, doc.height)
    # room above the table for all but the last row, so the last two go to the next page
    gap = doc.height - height + probe._rowHeights[-1] * 0.5 - 12
    doc.build([Spacer(1, gap), _Table(rows, colWidths=[60, 200], repeatRows=1)])
    pages = page_texts(out.getvalue())
    assert len(pages) == 2
    assert [p.count("Headcell") for p in pages] == [1, 1]
    assert "R28" in pages[1] and "R29" in pages[1] and "R27" in pages[0]


def test_table_text_is_legible():
    styles = ps.styles()
    assert ps.CELL_SIZE >= 9.5
    for name in ("cell", "cell_num", "cell_head", "kv_label", "kv_value", "caption"):
        assert styles[name].fontSize >= 9.5
    assert styles["body"].fontSize == 10


def test_review_points_in_month_order_and_frequencies_in_words(example):
    project, _ = example
    _, case = business_case_for(project, "internal")
    reviews = next((b for b in case.blocks if isinstance(b, Bullets) and b.items and b.items[0].startswith("Month ")), None)
    if reviews is not None:
        months = [int(item.split()[1].rstrip(":")) for item in reviews.items]
        assert months == sorted(months)
    kpis = next(b for b in case.blocks if isinstance(b, Table) and b.key == "kpis")
    for row, kpi in zip(kpis.rows, project.kpis):
        assert row[4] == every(kpi.assessed_every_months)
    assert every(1) == "every month" and every(3) == "every 3 months" and every(24) == "every 2 years"


def test_each_accountability_commitment_is_printed_once(example):
    project, _ = example
    _, case = business_case_for(project, "internal")
    lists = [b for b in case.blocks if isinstance(b, KeyValues)
             and b.caption in ("Financial transparency", "Accountability commitments")]
    assert len(lists) == 2
    labels = [label for block in lists for label, _ in block.items]
    assert len(labels) == len(set(labels)) == 7

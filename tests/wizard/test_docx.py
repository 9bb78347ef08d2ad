"""The business case as a Word document: real styles, tables, figures, properties, editions."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from tests.wizard.word_helpers import assert_no_canary, plant_canaries, xml_parts
from wizard import catalog
from wizard.export.business_case import business_case_for
from wizard.export.content import Bullets, Figure, Heading, KeyValues, Table
from wizard.export.editions import marking
from wizard.export.figures import scene_for


@pytest.fixture(scope="module", params=catalog.example_names())
def example(request):
    return catalog.load_example(request.param)


_CACHE: dict = {}


def docx_bytes(project, edition):  # each example's documents are built once for the module
    from wizard.export.docx import docx_bytes as build

    key = (project.model_dump_json(), edition)
    if key not in _CACHE:
        _CACHE[key] = build(project, edition)
    return _CACHE[key]


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _body_paragraphs(doc):
    return [p for p in doc.paragraphs]


def test_headings_use_the_heading_styles_in_the_order_of_the_content_tree(example):
    _, case = business_case_for(example, "internal")
    doc = _open(docx_bytes(example, "internal"))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    expected = [(f"Heading {min(h.level, 3)}", h.text) for h in case.headings]
    assert headings == expected
    assert ("Heading 1", "1. The strategic case") in headings
    assert ("Heading 1", "5. The management case") in headings
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert titles == [example.project.title]


def test_tables_have_captions_a_table_style_and_a_repeated_header_row(example):
    _, case = business_case_for(example, "internal")
    doc = _open(docx_bytes(example, "internal"))
    blocks = [b for b in case.blocks if isinstance(b, (Table, KeyValues))]
    assert len(doc.tables) == len(blocks)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    for block, table in zip(blocks, doc.tables):
        assert table.style.name == "Light Grid Accent 1"
        if isinstance(block, Table):
            assert [c.text for c in table.rows[0].cells] == list(block.header)
            header_props = table.rows[0]._tr.trPr
            assert header_props is not None and header_props.find(qn("w:tblHeader")) is not None
            assert len(table.rows) == len(block.rows) + 1
            assert [c.text for c in table.rows[1].cells] == list(block.rows[0])
            assert block.caption.removeprefix("Table: ").lower() in [c.lower() for c in captions]
        else:
            assert [(r.cells[0].text, r.cells[1].text) for r in table.rows] == list(block.items)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.style.name == "Table Text"
                    assert paragraph.style.font.size.pt >= 9.5


def test_bullets_use_list_bullet_and_paragraphs_carry_the_text(example):
    _, case = business_case_for(example, "internal")
    doc = _open(docx_bytes(example, "internal"))
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    expected = [item for b in case.blocks if isinstance(b, Bullets) for item in b.items]
    assert bullets == expected and bullets
    text = "\n".join(p.text for p in doc.paragraphs)
    assert example.project.case_for_change.split("\n\n")[0].strip() in text


def test_figures_are_images_with_their_text_alternative(example):
    shown, case = business_case_for(example, "internal")
    data = docx_bytes(example, "internal")
    doc = _open(data)
    figures = [b for b in case.blocks if isinstance(b, Figure)]
    pictures = doc.inline_shapes
    assert len(pictures) == len(figures) >= 3
    for figure, shape in zip(figures, pictures):
        doc_pr = shape._inline.docPr
        assert doc_pr.get("descr") == scene_for(figure.kind, shown).description
        assert doc_pr.get("descr")
    media = [n for n in __import__("zipfile").ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/media/")]
    assert len(media) == len(figures) and all(n.endswith(".png") for n in media)


def test_contents_field_properties_and_page_furniture(example):
    doc = _open(docx_bytes(example, "internal"))
    body = doc.element.body.xml
    assert 'TOC \\o "1-3"' in body
    props = doc.core_properties
    assert props.title == f"{example.project.title} — draft business case (internal edition)"
    assert props.author and all(name in props.author for name in example.project.commissioners)
    assert "Five Case Model" in props.keywords and props.subject
    header = "\n".join(p.text for p in doc.sections[0].header.paragraphs)
    footer = "\n".join(p.text for p in doc.sections[0].footer.paragraphs)
    assert "Internal edition" in header and marking("internal") in header
    assert marking("internal") in footer and "Page" in footer
    assert 'PAGE' in doc.sections[0].footer._element.xml and "NUMPAGES" in doc.sections[0].footer._element.xml


def test_public_edition_says_so_and_carries_no_marking(example):
    doc = _open(docx_bytes(example, "public"))
    header = "\n".join(p.text for p in doc.sections[0].header.paragraphs)
    assert "Public edition" in header
    assert "OFFICIAL-SENSITIVE" not in "".join(xml_parts(docx_bytes(example, "public")).values())
    assert doc.core_properties.title.endswith("(public edition)")


def test_wide_tables_go_on_landscape_pages_and_no_word_is_split(example):
    from wizard.export.columns import arial, content_widths
    from wizard.export import word

    doc = _open(docx_bytes(example, "internal"))
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        widths = [c.width.pt for c in table.rows[0].cells]
        assert sum(widths) <= word.LANDSCAPE_TEXT_WIDTH_PT + 1
        for number, row in enumerate(table.rows):
            for column, (cell, width) in enumerate(zip(row.cells, widths)):
                bold = number == 0 or column == 0
                for w in cell.text.split():
                    room = width - word.CELL_PADDING_PT + 0.5
                    # words of up to 18 letters always fit whole
                    if len(w) <= 18:
                        assert arial(word.CELL_SIZE)(w, bold) <= room, (w, width, header)
    orientations = {s.orientation for s in doc.sections}
    assert len(doc.sections) == 1 or orientations == {0, 1}


def test_public_docx_has_no_withheld_content_in_any_part(example):
    project, canaries = plant_canaries(example)
    public = docx_bytes(project, "public")
    assert_no_canary(public, canaries, "public .docx")
    # positive control: the internal edition does carry them
    internal = "".join(xml_parts(docx_bytes(project, "internal")).values())
    missing = [c for c in canaries if c not in internal]
    # who voted in a workshop is never printed; support terms and events show only when the
    # risk is a low-probability, high-impact one or has support
    assert len(missing) <= len(canaries) // 4, missing
    assert "7,654,321" in internal


def test_scorecard_points_share_their_principle_cell():
    project = catalog.load_example("regeneration")
    _, case = business_case_for(project, "internal")
    scorecard = next(b for b in case.blocks if isinstance(b, Table) and b.key == "scorecard")
    doc = _open(docx_bytes(project, "internal"))
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == list(scorecard.header))
    assert len(table.rows) == len(scorecard.rows) + 1
    for index, row in enumerate(scorecard.rows, start=1):
        cells = table.rows[index].cells
        assert cells[2].text == row[2]  # each point keeps its own row
        principle = row[0] or next(r[0] for r in reversed(scorecard.rows[:index]) if r[0])
        assert cells[0].text == principle  # continuation rows are covered by the principle's cell
        assert cells[0].text.strip()

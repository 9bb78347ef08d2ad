"""Word (.docx) building blocks shared by the business case and the contract schedules.

Everything here uses the document's named styles (Title, Heading 1-3, List Bullet, Caption, a
table style), so a council's own template can restyle the output by redefining styles. Page
headers and footers carry the edition and, for the internal edition, the protective marking
from ``wizard.export.editions``. Core properties are set from the project and the document
date, never from the clock, so the same project gives the same document.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from wizard.export.editions import INTERNAL, marking

TABLE_STYLE = "Light Grid Accent 1"
CELL_STYLE = "Table Text"  # the paragraph style of table cells (9.5 pt)
CELL_SIZE = 9.5
CELL_PADDING_PT = 13.0  # Word's default cell margins (0.19 cm a side) and a little room
# One font throughout, named (not the theme's), so the column widths measured with Arial's
# metrics hold; a council template sets its own by restyling.
FONT = "Arial"
NOTE_STYLE = "Note"
LEAD_STYLE = "Lead"
PAGE_WIDTH_CM = 21.0
MARGIN_CM = 2.0
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
TEXT_WIDTH_PT = TEXT_WIDTH_CM / 2.54 * 72
LANDSCAPE_TEXT_WIDTH_PT = (29.7 - 2 * MARGIN_CM) / 2.54 * 72


def new_document() -> DocxDocument:
    """A blank A4 document with the styles the renderers use (Note and Lead are added)."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    styles = doc.styles
    for style in styles:
        if style.type == 1:  # paragraph styles
            _named_font(style)
    normal = styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    # Headings and captions stay with what follows them (no orphan at a page foot).
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption", "Title", "Subtitle"):
        styles[name].paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Caption"].font.size = Pt(10)
    from docx.enum.style import WD_STYLE_TYPE

    note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.italic = True
    note.font.color.rgb = RGBColor(0x50, 0x5A, 0x5F)
    cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(CELL_SIZE)
    cell.paragraph_format.space_after = Pt(0)
    lead = styles.add_style(LEAD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    lead.base_style = normal
    lead.font.size = Pt(12.5)
    # Ask Word to refresh the contents and page numbers when the file is opened.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)
    return doc


def _named_font(style) -> None:
    """Set the style's font to FONT, dropping the theme font that would take precedence."""
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        if style.name != "Normal" and style.base_style is not None:
            return  # inherits Normal's
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def set_properties(doc: DocxDocument, *, title: str, subject: str, author: str,
                   keywords: Sequence[str], day: dt.date, category: str) -> None:
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.keywords = ", ".join(keywords)
    props.category = category
    props.comments = ""
    props.language = "en-GB"
    stamp = dt.datetime(day.year, day.month, day.day)
    props.created = stamp
    props.modified = stamp
    props.revision = 1


def add_field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC...) with ``shown`` as its current result."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def add_contents(doc: DocxDocument, heading: str, entries: Sequence[tuple[int, str]]) -> None:
    """A contents field (headings 1-3 with page numbers once Word updates it). Until then it
    shows the headings themselves, so a viewer that never updates fields still lists them."""
    doc.add_paragraph(heading, style="TOC Heading")
    first = doc.add_paragraph()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    first.add_run()._r.append(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-3" \\h \\z \\u '
    first.add_run()._r.append(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    first.add_run()._r.append(separate)
    paragraph = first
    for index, (level, text) in enumerate(entries):
        if index:
            paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def add_furniture(doc: DocxDocument, edition: str, document_name: str) -> None:
    """Page header (document and edition; the marking on the internal edition) and footer
    (the marking again, and 'Page N of M')."""
    label = "Internal edition" if edition == INTERNAL else "Public edition"
    mark = marking(edition)
    for section in doc.sections:
        head = section.header.paragraphs[0]
        head.text = f"{document_name} — {label}"
        if mark:
            line = section.header.add_paragraph()
            run = line.add_run(mark)
            run.bold = True
            line.alignment = WD_ALIGN_PARAGRAPH.CENTER
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if mark:
            foot.add_run(mark + " · ").bold = True
        foot.add_run(f"{label} · Page ")
        add_field(foot, "PAGE", "1")
        foot.add_run(" of ")
        add_field(foot, "NUMPAGES", "1")


def repeat_header(row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def keep_row_together(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _section(doc: DocxDocument, landscape: bool) -> None:
    """Start a new page in a new section, landscape or portrait (headers carry over)."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    long_side, short_side = Cm(29.7), Cm(PAGE_WIDTH_CM)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_side, short_side) if landscape else (short_side, long_side)


def add_captioned_table(doc: DocxDocument, title: str, header: Sequence[str] | None,
                        rows: Sequence[Sequence[str]], numeric: Sequence[int] = (),
                        bold_first: bool = False, columns: int | None = None,
                        grouped: bool = False) -> DocxTable:
    """A caption and its table. A table too wide for a portrait page without breaking words
    goes on landscape pages of its own."""
    from wizard.export.columns import arial, narrowest

    count = columns or (len(header) if header else max((len(r) for r in rows), default=1))
    need = narrowest(header, rows, arial(CELL_SIZE), CELL_PADDING_PT, count, bold_columns=(0,))
    landscape = need > TEXT_WIDTH_PT
    if landscape:
        _section(doc, True)
    caption(doc, title)
    table = add_table(doc, header, rows, numeric, bold_first, count,
                      width_pt=LANDSCAPE_TEXT_WIDTH_PT if landscape else TEXT_WIDTH_PT)
    if grouped:
        merge_groups(table, rows, 1 if header is not None else 0)
    if landscape:
        _section(doc, False)
    else:
        doc.add_paragraph()
    return table


def add_table(doc: DocxDocument, header: Sequence[str] | None, rows: Sequence[Sequence[str]],
              numeric: Sequence[int] = (), bold_first: bool = False,
              columns: int | None = None, width_pt: float | None = None) -> DocxTable:
    """A real Word table in the table style: a bold header row (when given) repeated on every
    page, column widths from the content (``wizard.export.columns``), numbers right-aligned."""
    from wizard.export.columns import arial, content_widths

    count = columns or (len(header) if header else max((len(r) for r in rows), default=1))
    widths_pt = content_widths(header, rows, width_pt or TEXT_WIDTH_PT, arial(CELL_SIZE),
                               CELL_PADDING_PT, count, bold_columns=(0,))
    table = doc.add_table(rows=0, cols=count)
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:  # the style's bold first column only where the first column labels rows
        look.set(qn("w:firstColumn"), "1" if bold_first else "0")
        look.set(qn("w:firstRow"), "1" if header is not None else "0")
    widths = [Pt(w) for w in widths_pt]
    numeric = set(numeric)
    cell_style_id = doc.styles[CELL_STYLE].style_id  # set by id: a lookup per cell is slow

    def fill(values: Sequence[str], is_header: bool):
        row = table.add_row()
        keep_row_together(row)
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]
            paragraph = cell.paragraphs[0]
            paragraph._p.get_or_add_pPr().style = cell_style_id
            run = paragraph.add_run(values[i] if i < len(values) else "")
            if is_header or (bold_first and i == 0):
                run.bold = True
            if i in numeric and not is_header:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return row

    if header is not None:
        repeat_header(fill(header, True))
    for values in rows:
        fill(values, False)
    # Word reads the grid for the column widths; LibreOffice reads the cells: set both.
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    return table


def merge_groups(table: DocxTable, rows: Sequence[Sequence[str]], first: int) -> None:
    """Merge down the leading empty cells of rows that continue the row above (a grouped
    table: one principle, several points), so no cell is left empty."""
    start = None
    for index, row in enumerate(rows):
        if index and row and not row[0] and start is not None:
            continue
        if start is not None and index - start > 1:
            _merge(table, rows, start, index, first)
        start = index
    if start is not None and len(rows) - start > 1:
        _merge(table, rows, start, len(rows), first)


def _merge(table: DocxTable, rows: Sequence[Sequence[str]], start: int, end: int, first: int) -> None:
    lead = min(next((i for i, v in enumerate(rows[r]) if v), len(rows[r])) for r in range(start + 1, end))
    for column in range(lead):
        top = table.cell(first + start, column)
        top.merge(table.cell(first + end - 1, column))
        # python-docx keeps one empty paragraph per merged cell: drop the empty ones
        for paragraph in top.paragraphs[1:]:
            if not paragraph.text:
                paragraph._p.getparent().remove(paragraph._p)


def caption(doc: DocxDocument, text: str) -> Paragraph:
    paragraph = doc.add_paragraph(text, style="Caption")
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_picture(doc: DocxDocument, png: bytes, width_cm: float, alt: str, title: str) -> Paragraph:
    """The image in its own paragraph, kept with its caption, with alt text (descr) and title."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", title)
    return paragraph


def to_bytes(doc: DocxDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

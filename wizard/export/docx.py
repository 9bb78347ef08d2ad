"""The business case as a Word document (.docx), from the same content tree as the PDF and HTML.

``docx_bytes(project, edition)`` builds the blocks once (``business_case_for``: the public
edition from the redacted copy, so no withheld value reaches any part of the file) and draws
each block with a named Word style: Title for the cover, Heading 1-3 for the five cases and
their sections, List Bullet, Caption, a table style with a header row repeated on every page,
the figures as PNG images with their text alternative as alt text, a contents field, core
properties, and page headers and footers with the edition (and the internal protective marking).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from wizard.export import word
from wizard.export.business_case import business_case_for, commissioners_text
from wizard.formatting import long_date
from wizard.export.content import BusinessCase, Bullets, Figure, Heading, KeyValues, Para, Table
from wizard.export.figures import scene_for
from wizard.export.png import scene_to_png
from wizard.model import Project

PARA_STYLES = {"body": "Normal", "note": word.NOTE_STYLE, "lead": word.LEAD_STYLE}
FIGURE_WIDTH_CM = word.TEXT_WIDTH_CM


def _sentence(caption: str, prefix: str) -> str:
    text = caption.removeprefix(prefix)
    return text[:1].upper() + text[1:]


def business_case_document(project: Project, edition: str) -> DocxDocument:
    shown, case = business_case_for(project, edition)
    return render(case, shown)


def render(case: BusinessCase, project: Project) -> DocxDocument:
    """Draw ``case`` (built from the edition's project) as a Word document."""
    doc = word.new_document()
    cover = case.cover
    word.set_properties(
        doc,
        title=f"{cover.title} — draft business case ({cover.edition.lower()})",
        subject=f"{cover.stage}: {cover.title}",
        author=commissioners_text(project),
        keywords=["business case", "Five Case Model", "partnership", cover.edition.lower()],
        day=cover.date,
        category="Draft business case",
    )
    word.add_furniture(doc, case.edition, f"{cover.title}: draft business case")
    doc.add_paragraph(cover.kicker, style="Subtitle")
    doc.add_paragraph(cover.title, style="Title")
    for line in (cover.commissioners, cover.place, cover.stage,
                 f"{cover.edition} · {long_date(cover.date)}"):
        if line:
            doc.add_paragraph(line)
    doc.add_paragraph(cover.draft).runs[0].bold = True
    doc.add_paragraph(cover.note, style=word.NOTE_STYLE)
    word.add_contents(doc, "Contents", [(h.level, h.text) for h in case.headings if h.level <= 2])
    for block in case.blocks:
        _block(doc, block, project)
    return doc


def _block(doc: DocxDocument, block, project: Project) -> None:
    if isinstance(block, Heading):
        doc.add_heading(block.text, level=min(block.level, 3))
    elif isinstance(block, Para):
        doc.add_paragraph(block.text, style=PARA_STYLES.get(block.style, "Normal"))
    elif isinstance(block, Bullets):
        for item in block.items:
            doc.add_paragraph(item, style="List Bullet")
    elif isinstance(block, Table):
        word.add_captioned_table(doc, _sentence(block.caption, "Table: "), block.header, block.rows,
                                 block.numeric, grouped=block.grouped)
    elif isinstance(block, KeyValues):
        word.add_captioned_table(doc, block.caption, None, block.items, bold_first=True, columns=2)
    elif isinstance(block, Figure):
        scene = scene_for(block.kind, project)
        title = _sentence(block.caption, "Figure: ")
        width = min(FIGURE_WIDTH_CM, scene.width / 72 * 2.54 * 1.0) if scene.width else FIGURE_WIDTH_CM
        word.add_picture(doc, scene_to_png(scene), max(width, FIGURE_WIDTH_CM * 0.6), scene.description, title)
        doc.add_paragraph(title, style="Caption")


def docx_bytes(project: Project, edition: str = "public") -> bytes:
    """The .docx file of the business case of ``project`` in ``edition``."""
    return word.to_bytes(business_case_document(project, edition))

"""Paragraph and table styles of the business case PDF (A4, DejaVu Sans, GOV.UK-like colours)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle

from wizard.export.fonts import BOLD, FAMILY, ITALIC, register_fonts

PAGE = A4
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.2 * cm
MARGIN_BOTTOM = 2.0 * cm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM
# a table too wide for a portrait page gets landscape pages of its own
LANDSCAPE = (PAGE[1], PAGE[0])
LANDSCAPE_WIDTH = LANDSCAPE[0] - 2 * MARGIN_X
LANDSCAPE_HEIGHT = LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#0b0c0c")
GREY = colors.HexColor("#505a5f")
RULE = colors.HexColor("#b1b4b6")
MARKING = colors.HexColor("#b10e1e")  # the protective marking of the internal edition
ACCENT = colors.HexColor("#1d70b8")
HEADER_FILL = colors.HexColor("#dee0e2")
STRIPE = colors.HexColor("#f3f2f1")
CELL_SIZE = 9.5  # table text: legible for a cabinet member (body text is 10 pt)
CELL_LEADING = 12
# Words are never split mid-syllable: a word too long for its column gets soft hyphens at the
# hyphenation points of British English (wizard.export.pdf.fit_words, pyphen's dictionary), and
# reportlab breaks it only there; every other word stays whole.
HYPHENATION = {"embeddedHyphenation": 1}
CELL_PADDING = 6  # left + right padding of a table cell


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FAMILY, fontSize=10, leading=14, textColor=INK, spaceAfter=6,
                          bulletFontName=FAMILY)
    return {
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=11.5, leading=16, spaceAfter=10),
        "note": ParagraphStyle("note", parent=body, fontName=ITALIC, textColor=GREY),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=3),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=20, leading=25, spaceBefore=0,
                             spaceAfter=12, textColor=INK),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=14, leading=18, spaceBefore=10,
                             spaceAfter=6),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8,
                             spaceAfter=4),
        "caption": ParagraphStyle("caption", parent=body, fontName=BOLD, fontSize=9.5, leading=12,
                                  spaceBefore=4, spaceAfter=3, textColor=GREY),
        "alt": ParagraphStyle("alt", parent=body, fontName=ITALIC, fontSize=8.5, leading=11,
                              textColor=GREY, spaceAfter=10),
        "cell": ParagraphStyle("cell", fontName=FAMILY, **HYPHENATION, fontSize=CELL_SIZE, leading=CELL_LEADING, textColor=INK,
                               alignment=TA_LEFT, wordWrap=None),
        "cell_num": ParagraphStyle("cell_num", fontName=FAMILY, **HYPHENATION, fontSize=CELL_SIZE, leading=CELL_LEADING,
                                   textColor=INK, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle("cell_head", fontName=BOLD, **HYPHENATION, fontSize=CELL_SIZE, leading=CELL_LEADING,
                                    textColor=INK),
        "kv_label": ParagraphStyle("kv_label", fontName=BOLD, fontSize=9.5, leading=13, textColor=INK),
        "kv_value": ParagraphStyle("kv_value", fontName=FAMILY, fontSize=9.5, leading=13, textColor=INK),
        "cover_kicker": ParagraphStyle("cover_kicker", parent=body, fontName=BOLD, fontSize=14,
                                       leading=18, textColor=ACCENT, spaceAfter=14),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontName=BOLD, fontSize=28, leading=34,
                                      spaceAfter=20),
        "cover_line": ParagraphStyle("cover_line", parent=body, fontSize=13, leading=18, spaceAfter=6),
        "cover_draft": ParagraphStyle("cover_draft", parent=body, fontName=BOLD, fontSize=16, leading=20,
                                      textColor=colors.HexColor("#d4351c"), spaceBefore=24, spaceAfter=12),
        "toc1": ParagraphStyle("toc1", parent=body, fontName=BOLD, fontSize=11),
        "toc2": ParagraphStyle("toc2", parent=body, fontSize=10),
    }


def table_style(numeric: tuple[int, ...] = ()) -> TableStyle:
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in numeric]
    return TableStyle(commands)


def kv_style() -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )

"""The embedded Unicode font of the PDF: the DejaVu Sans family from resources/fonts.

``register_fonts()`` registers the four faces with reportlab once (it is safe to call again) and
returns the family name. DejaVu Sans covers Welsh (ŵ, ŷ), Danish (ø, å), £, € and dashes, and
reportlab embeds only the characters a document uses.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FAMILY = "DejaVuSans"
FACES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


def register_fonts() -> str:
    """Register the DejaVu Sans faces (once) and return the family name."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in FACES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    addMapping(FAMILY, 0, 0, "DejaVuSans")
    addMapping(FAMILY, 1, 0, "DejaVuSans-Bold")
    addMapping(FAMILY, 0, 1, "DejaVuSans-Oblique")
    addMapping(FAMILY, 1, 1, "DejaVuSans-BoldOblique")
    return FAMILY

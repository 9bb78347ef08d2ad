"""A scene as a reportlab Drawing: the vector figure of the PDF.

The painter is thin — each primitive of ``wizard.scene.paint`` becomes one reportlab shape,
with y flipped (scenes run top-down, PDF bottom-up). Text is DejaVu Sans, the PDF's embedded
font, so widths match ``Text.bbox()``.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Ellipse, Group, Line, Polygon, Rect, String
from reportlab.lib.colors import HexColor

from wizard import scene as sc
from wizard.export.fonts import BOLD, FAMILY, register_fonts

__all__ = ["register_fonts", "scene_to_drawing"]


def _colour(value: str):
    return None if value == "none" else HexColor(value)


class _ReportlabPainter(sc.LinesOneByOne):
    def __init__(self, group: Group, height: float):
        self.group, self.h = group, height

    def rect(self, s: sc.Rect) -> None:
        self.group.add(Rect(s.x, self.h - s.y - s.h, s.w, s.h, fillColor=_colour(s.fill),
                            strokeColor=_colour(s.stroke) if s.stroke_width > 0 else None,
                            strokeWidth=s.stroke_width,
                            strokeDashArray=list(s.dash) if s.dash else None))

    def line(self, s: sc.Line) -> None:
        self.group.add(Line(s.x1, self.h - s.y1, s.x2, self.h - s.y2,
                            strokeColor=_colour(s.stroke), strokeWidth=s.width,
                            strokeDashArray=list(s.dash) if s.dash else None))

    def polygon(self, s: sc.Polygon) -> None:
        points = [v for x, y in s.points for v in (x, self.h - y)]
        self.group.add(Polygon(points, fillColor=_colour(s.fill), strokeColor=_colour(s.stroke),
                               strokeWidth=s.stroke_width))

    def ellipse(self, s: sc.Ellipse) -> None:
        self.group.add(Ellipse(s.cx, self.h - s.cy, s.rx, s.ry, fillColor=_colour(s.fill),
                               strokeColor=_colour(s.stroke), strokeWidth=s.stroke_width))

    def text(self, s: sc.Text) -> None:
        self.group.add(String(s.x, self.h - s.y, s.text, fontName=BOLD if s.bold else "DejaVuSans",
                              fontSize=s.size, fillColor=_colour(s.colour), textAnchor=s.anchor))


def scene_to_drawing(scene: sc.Scene, max_width: float | None = None) -> Drawing:
    """The scene as a vector Drawing, scaled down (never up) to ``max_width`` points if given."""
    register_fonts()
    factor = 1.0
    if max_width is not None and scene.width > max_width:
        factor = max_width / scene.width
    group = Group(transform=(factor, 0, 0, factor, 0, 0))
    group.add(Rect(0, 0, scene.width, scene.height, fillColor=_colour(scene.background),
                   strokeColor=None))
    sc.paint(scene, _ReportlabPainter(group, scene.height))
    drawing = Drawing(scene.width * factor, scene.height * factor)
    # reportlab's renderer starts every drawing in Helvetica unless told otherwise
    drawing.__dict__["initialFontName"] = FAMILY
    drawing.add(group)
    return drawing

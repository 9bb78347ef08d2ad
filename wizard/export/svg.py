"""A scene as SVG: the third painter, for the accessible HTML edition and for "export as SVG".

``scene_to_svg(scene)`` returns one ``<svg>`` element (no XML declaration) with a ``<title>`` and
a ``<desc>`` (the scene's text alternative), drawn through ``wizard.scene.paint`` like the Qt and
reportlab painters, so it shows the same shapes and texts.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from wizard.scene import FONT_FAMILY, Ellipse, Line, LinesOneByOne, Polygon, Rect, Scene, Text, paint


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _stroke(colour: str, width: float, dash: tuple[float, ...] | None = None) -> str:
    if colour == "none" or width <= 0:
        return ' stroke="none"'
    out = f' stroke="{colour}" stroke-width="{_n(width)}"'
    if dash:
        out += f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"'
    return out


class _Svg(LinesOneByOne):
    def __init__(self) -> None:
        self.parts: list[str] = []

    def rect(self, s: Rect) -> None:
        self.parts.append(f'<rect x="{_n(s.x)}" y="{_n(s.y)}" width="{_n(s.w)}" '
                          f'height="{_n(s.h)}" fill="{s.fill}"'
                          f'{_stroke(s.stroke, s.stroke_width, s.dash)}/>')

    def line(self, s: Line) -> None:
        self.parts.append(f'<line x1="{_n(s.x1)}" y1="{_n(s.y1)}" x2="{_n(s.x2)}" '
                          f'y2="{_n(s.y2)}"{_stroke(s.stroke, s.width, s.dash)}/>')

    def polygon(self, s: Polygon) -> None:
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in s.points)
        self.parts.append(f'<polygon points="{points}" fill="{s.fill}"'
                          f'{_stroke(s.stroke, s.stroke_width)}/>')

    def ellipse(self, s: Ellipse) -> None:
        self.parts.append(f'<ellipse cx="{_n(s.cx)}" cy="{_n(s.cy)}" rx="{_n(s.rx)}" '
                          f'ry="{_n(s.ry)}" fill="{s.fill}"{_stroke(s.stroke, s.stroke_width)}/>')

    def text(self, s: Text) -> None:
        weight = ' font-weight="bold"' if s.bold else ""
        self.parts.append(f'<text x="{_n(s.x)}" y="{_n(s.y)}" font-size="{_n(s.size)}" '
                          f'fill="{s.colour}" text-anchor="{s.anchor}"{weight}>'
                          f"{escape(s.text)}</text>")


def scene_to_svg(scene: Scene) -> str:
    """The scene as a standalone ``<svg>`` element, sized in points, with its text alternative."""
    svg = _Svg()
    paint(scene, svg)
    w, h = _n(scene.width), _n(scene.height)
    font = quoteattr(f"{FONT_FAMILY}, Verdana, Arial, sans-serif")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
        f'viewBox="0 0 {w} {h}" role="img" font-family={font}>'
        f"<title>{escape(scene.title)}</title><desc>{escape(scene.description)}</desc>"
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="{scene.background}"/>'
        + "".join(svg.parts) + "</svg>"
    )

"""A scene as a PNG image, drawn with Pillow: the figures of the Word documents.

A third thin painter beside the Qt and reportlab ones: each primitive of ``wizard.scene.paint``
becomes one Pillow drawing call, at ``scale`` pixels per scene unit, in the DejaVu Sans faces
the PDF embeds. No Qt and no display are needed, so the core can render figures headless.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from wizard import scene as sc
from wizard.export.fonts import FACES, FONT_DIR

_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


@lru_cache(maxsize=32)
def _font(size_px: int, bold: bool) -> ImageFont.FreeTypeFont:
    face = FACES["DejaVuSans-Bold" if bold else "DejaVuSans"]
    return ImageFont.truetype(str(FONT_DIR / face), size_px)


def _rgb(value: str) -> str | None:
    return None if value == "none" else value


class _PillowPainter(sc.LinesOneByOne):
    def __init__(self, draw: ImageDraw.ImageDraw, scale: float):
        self.d, self.k = draw, scale

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.k, y * self.k)

    def _width(self, width: float) -> int:
        return max(1, round(width * self.k)) if width > 0 else 0

    def _segment(self, x1: float, y1: float, x2: float, y2: float, colour: str, width: int,
                 dash: tuple[float, ...] | None) -> None:
        if not dash:
            self.d.line([self._xy(x1, y1), self._xy(x2, y2)], fill=colour, width=width)
            return
        length = math.hypot(x2 - x1, y2 - y1)
        if length == 0:
            return
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        pos, index, on = 0.0, 0, True
        while pos < length:
            step = max(dash[index % len(dash)], 0.5)
            end = min(pos + step, length)
            if on:
                self.d.line([self._xy(x1 + ux * pos, y1 + uy * pos), self._xy(x1 + ux * end, y1 + uy * end)],
                            fill=colour, width=width)
            pos, index, on = end, index + 1, not on

    def rect(self, s: sc.Rect) -> None:
        box = [self._xy(s.x, s.y), self._xy(s.x + s.w, s.y + s.h)]
        if _rgb(s.fill):
            self.d.rectangle(box, fill=s.fill)
        if _rgb(s.stroke) and s.stroke_width > 0:
            w = self._width(s.stroke_width)
            corners = [(s.x, s.y), (s.x + s.w, s.y), (s.x + s.w, s.y + s.h), (s.x, s.y + s.h)]
            for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1]):
                self._segment(ax, ay, bx, by, s.stroke, w, s.dash)

    def line(self, s: sc.Line) -> None:
        if _rgb(s.stroke):
            self._segment(s.x1, s.y1, s.x2, s.y2, s.stroke, self._width(s.width), s.dash)

    def polygon(self, s: sc.Polygon) -> None:
        points = [self._xy(x, y) for x, y in s.points]
        self.d.polygon(points, fill=_rgb(s.fill), outline=_rgb(s.stroke),
                       width=self._width(s.stroke_width) if _rgb(s.stroke) else 0)

    def ellipse(self, s: sc.Ellipse) -> None:
        box = [self._xy(s.cx - s.rx, s.cy - s.ry), self._xy(s.cx + s.rx, s.cy + s.ry)]
        self.d.ellipse(box, fill=_rgb(s.fill), outline=_rgb(s.stroke),
                       width=self._width(s.stroke_width) if _rgb(s.stroke) else 0)

    def text(self, s: sc.Text) -> None:
        font = _font(max(1, round(s.size * self.k)), s.bold)
        self.d.text(self._xy(s.x, s.y), s.text, fill=_rgb(s.colour) or "#000000", font=font,
                    anchor=_ANCHORS.get(s.anchor, "ls"))


def scene_to_png(scene: sc.Scene, scale: float = 2.0) -> bytes:
    """The scene as PNG bytes, ``scale`` pixels per scene unit (2 gives about 144 dpi in Word)."""
    size = (max(1, math.ceil(scene.width * scale)), max(1, math.ceil(scene.height * scale)))
    image = Image.new("RGB", size, _rgb(scene.background) or "#ffffff")
    sc.paint(scene, _PillowPainter(ImageDraw.Draw(image), scale))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()

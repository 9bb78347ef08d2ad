"""Backend-neutral drawings: the shapes a graph is made of, and the one loop that paints them.

A ``Scene`` is a list of shapes (values) in scene units (points; origin top-left, y down). The
graph builders in ``wizard.graphs`` make scenes; two thin painters draw them, one with Qt on
screen (``ui.widgets.scene_view``) and one with reportlab in the PDF (``wizard.export.drawing``),
both through ``paint(scene, backend)`` so that screen and paper always draw the same shapes.
``scene_to_svg`` (in ``wizard.export.svg``) is the third backend, for the HTML edition.

Text sizes come from the metrics of DejaVu Sans (the font both painters use), so ``Text.bbox()``
is what the painters really draw and overlap can be tested without a window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal, Protocol

ItemRef = tuple[str, str]  # (kind, id), e.g. ("risks", "R3"); kind as in model.COLLECTIONS
Colour = str  # "#rrggbb" or "none"
Anchor = Literal["start", "middle", "end"]

FONT_FAMILY = "DejaVu Sans"
FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
ASCENT = 0.93  # of the font size, above the baseline (accents included)
DESCENT = 0.24  # below the baseline

# The shapes are values, never changed once made: compared and hashed by their fields. They are
# slotted classes rather than frozen dataclasses because a large register's graph makes
# thousands per refresh, and a frozen dataclass is made about ten times more slowly.
_SHAPE = {"slots": True, "unsafe_hash": True}
HATCH_SPACING = 6.0  # between the diagonal lines of a hatched box, in scene units


@dataclass(**_SHAPE)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: Colour
    stroke: Colour
    stroke_width: float = 1
    dash: tuple[float, ...] | None = None
    item: ItemRef | None = None
    tooltip: str = ""
    pattern: Literal["hatch"] | None = None  # drawn as lines clipped to the box (see hatch_lines)

    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


@dataclass(**_SHAPE)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: Colour
    width: float = 1
    dash: tuple[float, ...] | None = None
    arrow: bool = False  # an arrowhead at (x2, y2), drawn as a filled polygon (see arrow_head)
    item: ItemRef | None = None
    tooltip: str = ""

    def bbox(self) -> tuple[float, float, float, float]:
        x0, y0 = min(self.x1, self.x2), min(self.y1, self.y2)
        return (x0, y0, abs(self.x2 - self.x1), abs(self.y2 - self.y1))


@dataclass(**_SHAPE)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: Colour
    stroke: Colour
    item: ItemRef | None = None
    tooltip: str = ""
    stroke_width: float = 1

    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@dataclass(**_SHAPE)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    fill: Colour
    stroke: Colour
    item: ItemRef | None = None
    tooltip: str = ""
    stroke_width: float = 1

    def bbox(self) -> tuple[float, float, float, float]:
        return (self.cx - self.rx, self.cy - self.ry, 2 * self.rx, 2 * self.ry)


@dataclass(**_SHAPE)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float
    colour: Colour
    anchor: Anchor = "start"
    bold: bool = False
    item: ItemRef | None = None
    tooltip: str = ""
    items: tuple[ItemRef, ...] = ()  # the items a summary text stands for ("+12 more")

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.bold)

    def left(self) -> float:
        w = self.width
        return self.x - (w / 2 if self.anchor == "middle" else w if self.anchor == "end" else 0)

    def bbox(self) -> tuple[float, float, float, float]:
        size = self.size
        return (self.left(), self.y - ASCENT * size, self.width, (ASCENT + DESCENT) * size)


Shape = Rect | Line | Polygon | Ellipse | Text


@dataclass
class Scene:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    title: str = ""
    description: str = ""  # the text alternative (HTML alt text, PDF caption)
    background: Colour = "#ffffff"  # every painter fills the scene with it first

    def texts(self) -> list[Text]:
        return [s for s in self.shapes if isinstance(s, Text)]

    def items(self) -> set[ItemRef]:
        """Every item the scene draws or stands for."""
        found: set[ItemRef] = set()
        for s in self.shapes:
            if s.item is not None:
                found.add(s.item)
            if isinstance(s, Text):
                found.update(s.items)
        return found


@dataclass(frozen=True)
class Theme:
    """Colours and text size. The default suits screen and print; workshop mode passes a
    high-contrast theme with larger text."""

    name: str = "default"
    background: Colour = "#ffffff"
    text: Colour = "#1a1a1a"
    muted: Colour = "#4d4d4d"
    grid: Colour = "#c8c8c8"
    lane: Colour = "#f3f3f3"
    outline: Colour = "#333333"
    critical: Colour = "#000000"
    highlight: Colour = "#ff00aa"
    label_box: Colour = "#ffffff"  # the box behind labels drawn over bars
    on_fill: Colour = "#1a1a1a"  # text on the light fills (matrix cells, stage bands)
    # Okabe–Ito palette: distinguishable with the common colour-vision deficiencies
    palette: tuple[Colour, ...] = (
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
        "#999933", "#88CCEE", "#AA4499",
    )
    no_partner: Colour = "#bdbdbd"
    bands: tuple[tuple[str, Colour], ...] = (
        ("low", "#d4ecd9"), ("medium", "#fff1b0"), ("high", "#ffcf99"), ("very high", "#f5a3a3"),
    )
    allocation: tuple[tuple[str, Colour], ...] = (
        ("public", "#0072B2"), ("private", "#D55E00"), ("shared", "#7a3e9d"),
    )
    stages: tuple[tuple[str, Colour], ...] = (
        ("design", "#b9d7ea"), ("delivery", "#c7e6c1"), ("evaluation", "#f1d4b8"),
    )
    font_scale: float = 1.0
    # Type only, on top of font_scale; the layout makes room for it. The workshop sets it so a
    # graph fitted to the projector shows its text at the room's type size.
    text_scale: float = 1.0
    # The least width of a scene, in scene units (0: its natural width): the workshop widens a
    # graph to the shape of a wide screen, so the extra width goes to the graph, not margins.
    min_width: float = 0.0

    @classmethod
    def from_palette(cls, colours: dict[str, Colour], bands: dict[str, Colour],
                     scale: float = 1.0) -> Theme:
        """A theme from the workshop palette (``ui.workshop.theme.Palette.colours()``):
        light text on a dark ground, markers in one colour (their shapes tell allocation)."""
        marker = colours.get("marker", cls.allocation[0][1])
        return cls(
            name="workshop",
            background=colours["background"],
            text=colours.get("axis_text", colours["text"]),
            muted=colours.get("muted", colours["text"]),
            grid=colours.get("grid", cls.grid),
            lane=colours.get("panel", colours["background"]),
            outline=colours.get("border", colours["text"]),
            critical=colours.get("bar_critical", cls.critical),
            highlight=colours.get("highlight", cls.highlight),
            label_box=colours["background"],
            on_fill=colours.get("cell_text", cls.on_fill),
            bands=tuple((name, bands.get(name, colour)) for name, colour in cls.bands),
            allocation=tuple((name, marker) for name, _ in cls.allocation),
            font_scale=scale,
        )

    def band_colour(self, band: str) -> Colour:
        return dict(self.bands)[band]

    def allocation_colour(self, allocation: str) -> Colour:
        return dict(self.allocation)[allocation]

    def stage_colour(self, stage: str) -> Colour:
        return dict(self.stages)[stage]


DEFAULT = Theme()
# For figures printed in a PDF frame (about half the natural width): larger type, so text on
# paper is about 7 points.
PRINT = Theme(name="print", font_scale=1.4)
WORKSHOP = Theme(
    name="workshop",
    text="#000000",
    muted="#000000",
    grid="#808080",
    lane="#ececec",
    outline="#000000",
    font_scale=1.35,
)


# -- text metrics (DejaVu Sans, read once from the bundled font files) --------------------------
@cache
def _widths(bold: bool) -> tuple[dict[int, float], float]:
    from reportlab.pdfbase.ttfonts import TTFontFile  # reportlab reads the TrueType tables

    font = TTFontFile(str(FONTS_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")))
    return dict(font.charWidths), float(font.defaultWidth)


@cache
@lru_cache(maxsize=16384)  # a refresh measures the same labels again: measure each once
def _em_width(text: str, bold: bool) -> float:
    table, default = _widths(bold)
    return sum(table.get(ord(c), default) for c in text) / 1000


def scene_width(scale: float) -> float:
    """The natural width of a graph for a text scale: wider for larger text, but less than in
    proportion, so that a view fitting the scene to its width still shows larger text."""
    return 900.0 * (1 + max(0.0, scale - 1) * 0.5)


def as_ids(highlight: set[str] | str | None) -> set[str]:
    """The highlight argument of the builders as a set of ids (one id may be passed alone)."""
    if not highlight:
        return set()
    return {highlight} if isinstance(highlight, str) else set(highlight)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of ``text`` in DejaVu Sans at ``size`` points (no kerning)."""
    return _em_width(text, bold) * size


def font_size(base: float, scale: float) -> float:
    """A type size in whole points: Qt renders fonts at whole pixel sizes, so whole sizes keep
    the screen exactly as wide as the metrics (and the PDF) say."""
    return float(max(1, int(base * scale + 0.5)))


def plain(text: str) -> str:
    """One line for a label: newlines, tabs and runs of spaces become single spaces."""
    return " ".join(text.split())


def fit_text(text: str, size: float, room: float, bold: bool = False) -> str:
    """``text`` on one line, shortened with an ellipsis to fit ``room`` points ('' if nothing
    fits)."""
    text = plain(text)
    if text_width(text, size, bold) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + "…", size, bold) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…" if lo else ""


# -- geometry both painters share -------------------------------------------------------------
def hatch_lines(rect: Rect, spacing: float = HATCH_SPACING) -> list[tuple[float, float, float, float]]:
    """Diagonal hatching clipped to the box, as line segments (x1, y1, x2, y2)."""
    return list(_hatch(rect.x, rect.y, rect.w, rect.h, spacing))


@lru_cache(maxsize=8192)  # a refresh hatches the same boxes again: work each out once
def _hatch(x0: float, y0: float, w: float, h: float,
           spacing: float) -> tuple[tuple[float, float, float, float], ...]:
    bottom = y0 + h
    segments = []
    c = spacing
    while c < w + h:
        # the segment of {(x, y): (x - x0) + (bottom - y) = c} inside the box, by u = x - x0:
        # u in [0, w] and c - u in [0, h]
        u_min, u_max = (c - h if c - h > 0.0 else 0.0), (w if w < c else c)
        if u_min < u_max:
            segments.append((x0 + u_min, bottom - (c - u_min), x0 + u_max, bottom - (c - u_max)))
        c += spacing
    return tuple(segments)


def _continues_hatched_run(last: Rect, shape: Shape) -> bool:
    """Whether ``shape`` is a hatched box like ``last`` lying wholly below it, clear of its
    outline and hatching."""
    return (type(shape) is Rect and shape.pattern == "hatch" and shape.fill == last.fill
            and shape.stroke == last.stroke and shape.stroke_width == last.stroke_width
            and shape.dash == last.dash
            and shape.y >= last.y + last.h + 2 * max(last.stroke_width, 0.8) + 1)


def arrow_head(line: Line, size: float = 7.0) -> tuple[tuple[float, float], ...]:
    """The triangle at the end (x2, y2) of an arrow."""
    dx, dy = line.x2 - line.x1, line.y2 - line.y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = line.x2 - ux * size, line.y2 - uy * size
    half = size * 0.45
    return ((line.x2, line.y2), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half))


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
             gap: float = 0.0) -> bool:
    """True if two boxes (x, y, w, h) overlap (touching edges do not count)."""
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap
            and a[1] < b[1] + b[3] + gap and b[1] < a[1] + a[3] + gap)


def overlapping(shapes: list[Shape], gap: float = 0.0) -> list[tuple[Shape, Shape]]:
    """Every pair of shapes whose boxes overlap (a sweep along x, not all pairs)."""
    boxes = sorted(((sh.bbox(), i) for i, sh in enumerate(shapes)), key=lambda b: b[0][0])
    found = []
    active: list[tuple[tuple[float, float, float, float], int]] = []
    for box, i in boxes:
        active = [(b, j) for b, j in active if b[0] + b[2] + gap > box[0]]
        found += [(shapes[j], shapes[i]) for b, j in active if overlaps(b, box, gap)]
        active.append((box, i))
    return found


def hit_test(scene: Scene, x: float, y: float, tolerance: float = 3.0) -> Shape | None:
    """The topmost shape at (x, y) that names an item or carries a tooltip."""
    for shape in reversed(scene.shapes):
        stands_for = isinstance(shape, Text) and shape.items
        if shape.item is None and not shape.tooltip and not stands_for:
            continue
        if isinstance(shape, Line):
            if _distance_to_segment(x, y, shape) <= tolerance + shape.width / 2:
                return shape
            continue
        bx, by, bw, bh = shape.bbox()
        if bx - 1 <= x <= bx + bw + 1 and by - 1 <= y <= by + bh + 1:
            if isinstance(shape, Ellipse) and shape.rx and shape.ry:
                dx, dy = (x - shape.cx) / (shape.rx + 1), (y - shape.cy) / (shape.ry + 1)
                if dx * dx + dy * dy > 1:
                    continue
            return shape
    return None


def _distance_to_segment(x: float, y: float, line: Line) -> float:
    dx, dy = line.x2 - line.x1, line.y2 - line.y1
    length2 = dx * dx + dy * dy
    along = ((x - line.x1) * dx + (y - line.y1) * dy) / length2 if length2 else 0.0
    t = max(0.0, min(1.0, along))
    return math.hypot(x - (line.x1 + t * dx), y - (line.y1 + t * dy))


# -- painting ---------------------------------------------------------------------------------
class Backend(Protocol):
    """What a painter implements: one method per primitive, in scene units."""

    def rect(self, shape: Rect) -> None: ...
    def line(self, shape: Line) -> None: ...
    def polygon(self, shape: Polygon) -> None: ...
    def ellipse(self, shape: Ellipse) -> None: ...
    def text(self, shape: Text) -> None: ...
    def lines(self, segments: list[tuple[float, float, float, float]], stroke: str,
              width: float) -> None: ...


class LinesOneByOne:
    """``Backend.lines`` for a painter that draws each line of a set alone, with ``line``."""

    def lines(self, segments: list[tuple[float, float, float, float]], stroke: str,
              width: float) -> None:
        for x1, y1, x2, y2 in segments:
            self.line(Line(x1, y1, x2, y2, stroke, width))  # type: ignore[attr-defined]


def paint(scene: Scene, backend: Backend) -> None:
    """Draw every shape of the scene, in order, with the backend.

    Hatching and arrowheads are expanded here so every backend draws the same lines and
    triangles: a hatched box is the box, then its hatch lines, then its outline (a run of
    like hatched boxes, each below the last, as all their boxes, lines, then outlines); an
    arrow is its line, then a filled triangle.
    """
    shapes, i = scene.shapes, 0
    while i < len(shapes):
        shape = shapes[i]
        i += 1
        kind = type(shape)
        if kind is Rect:
            if shape.pattern == "hatch":
                # A run of hatched boxes of one look, each wholly below the last, is drawn as
                # their fills, all their hatch lines, then their outlines: the same picture
                # (they never overlap), in three calls to a batching backend.
                run = [shape]
                while i < len(shapes) and _continues_hatched_run(run[-1], shapes[i]):
                    run.append(shapes[i])
                    i += 1
                for box in run:
                    backend.rect(Rect(box.x, box.y, box.w, box.h, box.fill, "none", 0))
                segments = [seg for box in run
                            for seg in _hatch(box.x, box.y, box.w, box.h, HATCH_SPACING)]
                backend.lines(segments, shape.stroke, 0.8)
                for box in run:
                    backend.rect(Rect(box.x, box.y, box.w, box.h, "none", box.stroke,
                                      box.stroke_width, box.dash, box.item, box.tooltip))
            else:
                backend.rect(shape)
        elif kind is Line:
            backend.line(shape)
            if shape.arrow:
                backend.polygon(Polygon(arrow_head(shape, 5 + 2 * shape.width), shape.stroke,
                                        shape.stroke))
        elif kind is Polygon:
            backend.polygon(shape)
        elif kind is Ellipse:
            backend.ellipse(shape)
        elif kind is Text:
            backend.text(shape)


class Recorder(LinesOneByOne):
    """A backend that records what it is asked to draw: (primitive, text or fill) pairs.

    ``Recorder(inner)`` also forwards every call to ``inner``, so tests can check what a real
    painter received.
    """

    def __init__(self, inner: Backend | None = None):
        self.inner = inner
        self.calls: list[tuple[str, str]] = []

    def _record(self, kind: str, detail: str, shape: Shape) -> None:
        self.calls.append((kind, detail))
        if self.inner is not None:
            getattr(self.inner, kind)(shape)

    def rect(self, shape: Rect) -> None:
        self._record("rect", shape.fill, shape)

    def line(self, shape: Line) -> None:
        self._record("line", shape.stroke, shape)

    def polygon(self, shape: Polygon) -> None:
        self._record("polygon", shape.fill, shape)

    def ellipse(self, shape: Ellipse) -> None:
        self._record("ellipse", shape.fill, shape)

    def text(self, shape: Text) -> None:
        self._record("text", shape.text, shape)


# The builders and the SVG writer, reachable from here as the architecture names them
# (imported on first use: they import this module).
_LAZY = {
    "phase_map": "wizard.graphs.phase_map",
    "risk_matrix": "wizard.graphs.risk_matrix",
    "partner_load": "wizard.graphs.partner_load",
    "procurement_timeline": "wizard.graphs.procurement_timeline",
    "scene_to_svg": "wizard.export.svg",
    # the money graphs of the economic and financial case
    "options_npsv": "wizard.graphs.options_npsv",
    "cost_profile": "wizard.graphs.cost_profile",
    "exposure_curve": "wizard.graphs.exposure_curve",
    "affordability_bars": "wizard.graphs.affordability_bars",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'wizard.scene' has no attribute '{name}'")

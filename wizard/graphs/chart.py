"""What the money graphs share: round tick values, short money labels, and a plot frame with
its axes and grid, all as scene shapes (so both painters draw them the same)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from wizard.formatting import axis_money
from wizard.scene import Line, Shape, Text, Theme, font_size, scene_width, text_width


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round values covering [lo, hi] (0 always included), about ``count`` of them."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi - lo <= 0:
        hi = lo + 1
    raw = (hi - lo) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(lo / step) * step
    ticks = []
    value = first
    while value < hi + step * 0.999:
        ticks.append(round(value, 6))
        value += step
    return ticks


@dataclass(frozen=True)
class Sizes:
    scale: float
    width: float
    title: float
    label: float
    small: float

    @classmethod
    def of(cls, theme: Theme, scale: float) -> Sizes:
        s = theme.font_scale * scale
        return cls(s, scene_width(s), font_size(13, s), font_size(10.5, s), font_size(9.5, s))


@dataclass(frozen=True)
class Frame:
    """The plot area (x0, y0 top-left, x1, y1 bottom-right) and its value ranges."""

    x0: float
    y0: float
    x1: float
    y1: float
    vlo: float  # value range of the value axis
    vhi: float

    def vy(self, value: float) -> float:
        """y of a value on a vertical value axis."""
        return self.y1 - (value - self.vlo) / (self.vhi - self.vlo) * (self.y1 - self.y0)

    def vx(self, value: float) -> float:
        """x of a value on a horizontal value axis."""
        return self.x0 + (value - self.vlo) / (self.vhi - self.vlo) * (self.x1 - self.x0)


def value_axis_y(ticks: list[float], x0: float, y0: float, x1: float, y1: float,
                 theme: Theme, size: float) -> tuple[Frame, list[Shape]]:
    """A vertical money axis on the left with grid lines: the frame and its shapes."""
    labels = [axis_money(t) for t in ticks]
    room = max(text_width(lab, size) for lab in labels) + size * 0.8
    frame = Frame(x0 + room, y0, x1, y1, ticks[0], ticks[-1])
    shapes: list[Shape] = []
    for t, lab in zip(ticks, labels):
        y = frame.vy(t)
        shapes.append(Line(frame.x0, y, frame.x1, y, theme.outline if t == 0 else theme.grid,
                           1.2 if t == 0 else 0.6))
        shapes.append(Text(frame.x0 - size * 0.4, y + size * 0.35, lab, size, theme.muted, "end"))
    return frame, shapes


def value_axis_x(ticks: list[float], x0: float, y0: float, x1: float, y1: float,
                 theme: Theme, size: float) -> tuple[Frame, list[Shape]]:
    """A horizontal money axis at the bottom with grid lines (labels below y1)."""
    frame = Frame(x0, y0, x1, y1, ticks[0], ticks[-1])
    shapes: list[Shape] = []
    for t in ticks:
        x = frame.vx(t)
        shapes.append(Line(x, y0, x, y1, theme.outline if t == 0 else theme.grid,
                           1.2 if t == 0 else 0.6))
        shapes.append(Text(x, y1 + size * 1.3, axis_money(t), size, theme.muted, "middle"))
    return frame, shapes


def empty_scene_text(theme: Theme, sizes: Sizes, text: str):
    from wizard.scene import Scene

    return Scene(sizes.width, 60 * sizes.scale,
                 [Text(12, 34 * sizes.scale, text, sizes.label, theme.muted)], text, text,
                 theme.background)


def line_colours(theme: Theme) -> tuple[str, ...]:
    """The palette without its light yellow, which a thin line on white does not show."""
    return tuple(c for c in theme.palette if c.upper() != "#F0E442") or theme.palette

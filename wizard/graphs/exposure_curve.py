"""The risk exposure curve: the cumulative probability (0-100%) that the cost of the priced
risks stays below each amount, from the Monte Carlo simulation, one curve for the public side
and one for the private side, with P50 and P80 marked on each."""

from __future__ import annotations

from wizard.formatting import axis_money
from wizard.graphs.chart import Sizes, empty_scene_text, nice_ticks, value_axis_x
from wizard.graphs.common import LegendEntry, legend
from wizard.model import Project
from wizard.risk_exposure import cached_simulation
from wizard.scene import DEFAULT, Ellipse, Line, Scene, Shape, Text, Theme

MARGIN = 12.0
SIDES = ("public", "private")


def exposure_curve(project: Project, theme: Theme = DEFAULT, scale: float = 1.0,
                   highlight: set[str] | None = None) -> Scene:
    sz = Sizes.of(theme, scale)
    exposure = cached_simulation(project)
    if not exposure.priced:
        return empty_scene_text(theme, sz, "No risk is priced yet: give risks a probability "
                                "and a cost range to see the exposure.")
    title = (f"Risk exposure: chance the cost stays below each amount ({exposure.iterations:,} "
             "simulations)")
    shapes: list[Shape] = [Text(MARGIN, MARGIN + sz.title, title, sz.title, theme.text,
                                bold=True)]
    colour = dict(theme.allocation)
    entries = [LegendEntry(f"{side.capitalize()} side", lambda x, y, size, c=colour[side],
                           d=side == "private": [Line(x, y, x + size, y, c, 3,
                                                      (4, 2) if d else None)])
               for side in SIDES]
    legend_shapes, legend_h = legend(entries, MARGIN, MARGIN + sz.title * 1.8,
                                     sz.width - 2 * MARGIN, sz.small, theme)
    shapes += legend_shapes
    top = MARGIN + sz.title * 1.8 + legend_h + sz.small
    plot_h = 240 * sz.scale
    left = MARGIN + sz.small * 4.5
    top_q = 99  # the last percentile drawn: the extreme tail would squash the curve
    hi = max(exposure.curve[s][top_q] for s in SIDES)
    frame, axis = value_axis_x(nice_ticks(0, hi), left, top, sz.width - MARGIN * 3,
                               top + plot_h, theme, sz.small)
    shapes += axis

    def y_of(pct: float) -> float:
        return frame.y1 - pct / 100 * (frame.y1 - frame.y0)

    for pct in (20, 40, 60, 80, 100):
        shapes.append(Line(frame.x0, y_of(pct), frame.x1, y_of(pct), theme.grid, 0.6))
        shapes.append(Text(frame.x0 - sz.small * 0.4, y_of(pct) + sz.small * 0.35, f"{pct}%",
                           sz.small, theme.muted, "end"))
    for side in SIDES:
        values = exposure.curve[side]
        c = colour[side]
        dash = (6, 3) if side == "private" else None
        for q in range(top_q):
            shapes.append(Line(frame.vx(values[q]), y_of(q), frame.vx(values[q + 1]),
                               y_of(q + 1), c, 2.4, dash))
    distributions = {"public": exposure.public, "private": exposure.private}
    for side in SIDES:
        d = distributions[side]
        c = colour[side]
        for pct, value in ((50, d.p50_gbp), (80, d.p80_gbp)):
            x, y = frame.vx(value), y_of(pct)
            shapes.append(Line(x, y, x, frame.y1, c, 1, (2, 2)))
            shapes.append(Ellipse(x, y, 4 * sz.scale, 4 * sz.scale, c, theme.text,
                                  tooltip=f"{side.capitalize()} P{pct}: {axis_money(value)}"))
            # public labels above-left of the point, private below-right: they do not collide
            if side == "public":
                shapes.append(Text(x - sz.small * 0.6, y - sz.small * 0.6,
                                   f"Public P{pct} {axis_money(value)}", sz.small, c, "end",
                                   bold=True))
            else:
                shapes.append(Text(x + sz.small * 0.6, y + sz.small * 1.3,
                                   f"Private P{pct} {axis_money(value)}", sz.small, c, "start",
                                   bold=True))
    shapes.append(Text((frame.x0 + frame.x1) / 2, frame.y1 + sz.small * 2.8,
                       "Cost of the priced risks that happen (real terms; curve drawn to 99%)", sz.small,
                       theme.muted, "middle"))
    height = frame.y1 + sz.small * 4
    description = (f"Public P50 {axis_money(exposure.public.p50_gbp)}, P80 "
                   f"{axis_money(exposure.public.p80_gbp)}; private P50 "
                   f"{axis_money(exposure.private.p50_gbp)}, P80 "
                   f"{axis_money(exposure.private.p80_gbp)}")
    return Scene(sz.width, height, shapes, title, description, theme.background)

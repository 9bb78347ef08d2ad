"""Each option's cost profile by year: capital plus revenue with optimism bias, in real terms,
one line per option over the appraisal years (the preferred option drawn thicker, the baseline
dashed), with a legend."""

from __future__ import annotations

from wizard.appraisal import appraise
from wizard.graphs.chart import Sizes, empty_scene_text, line_colours, nice_ticks, value_axis_y
from wizard.graphs.common import LegendEntry, legend
from wizard.model import Project
from wizard.scene import DEFAULT, Ellipse, Line, Scene, Shape, Text, Theme, as_ids

MARGIN = 12.0


def cost_profile(project: Project, theme: Theme = DEFAULT, scale: float = 1.0,
                 highlight: set[str] | None = None) -> Scene:
    sz = Sizes.of(theme, scale)
    highlight = as_ids(highlight)
    result = appraise(project)
    rows = result.scored
    if not rows:
        return empty_scene_text(theme, sz, "No option has cash flows yet: the cost profile by "
                                "year appears once costs are entered.")
    years = result.years
    series = {}
    for o in rows:
        by_year = {y.year: y.capital_with_ob_gbp + y.revenue_with_ob_gbp for y in o.years}
        series[o.id] = [by_year.get(y, 0.0) for y in range(years)]
    title = "Cost by year of each option (capital and revenue, with optimism bias)"
    shapes: list[Shape] = [Text(MARGIN, MARGIN + sz.title, title, sz.title, theme.text,
                                bold=True)]
    palette = line_colours(theme)
    colours = {o.id: palette[i % len(palette)] for i, o in enumerate(rows)}
    entries = [
        LegendEntry(f"{o.id} {o.name}" + (" (preferred)" if o.preferred else
                                          " (baseline)" if o.baseline else ""),
                    lambda x, y, size, c=colours[o.id], d=o.baseline: [
                        Line(x, y, x + size, y, c, 3, (4, 2) if d else None)])
        for o in rows
    ]
    legend_shapes, legend_h = legend(entries, MARGIN, MARGIN + sz.title * 1.8,
                                     sz.width - 2 * MARGIN, sz.small, theme)
    shapes += legend_shapes
    top = MARGIN + sz.title * 1.8 + legend_h + sz.small
    plot_h = 260 * sz.scale
    ticks = nice_ticks(0, max(max(v) for v in series.values()))
    frame, axis = value_axis_y(ticks, MARGIN, top, sz.width - MARGIN, top + plot_h, theme,
                               sz.small)
    shapes += axis
    step = (frame.x1 - frame.x0) / max(1, years)

    def x_of(year: int) -> float:
        return frame.x0 + (year + 0.5) * step

    label_every = max(1, -(-years // 15))
    for y in range(0, years, label_every):
        shapes.append(Text(x_of(y), frame.y1 + sz.small * 1.3, str(y), sz.small, theme.muted,
                           "middle"))
    shapes.append(Text((frame.x0 + frame.x1) / 2, frame.y1 + sz.small * 2.8,
                       f"Appraisal year (0 = {result.base_year})", sz.small, theme.muted,
                       "middle"))
    for o in rows:
        values = series[o.id]
        c = colours[o.id]
        strong = o.preferred or o.id in highlight
        width = 3.2 if strong else 1.8
        dash = (6, 3) if o.baseline else None
        for y in range(years - 1):
            shapes.append(Line(x_of(y), frame.vy(values[y]), x_of(y + 1), frame.vy(values[y + 1]),
                               c, width, dash, item=("options", o.id),
                               tooltip=f"{o.id} {o.name}"))
        if years == 1:
            shapes.append(Ellipse(x_of(0), frame.vy(values[0]), 3, 3, c, c, ("options", o.id)))
    height = frame.y1 + sz.small * 4
    description = "Cost by year: " + "; ".join(
        f"{o.id} peaks at year {max(range(years), key=lambda y: series[o.id][y])}" for o in rows)
    return Scene(sz.width, height, shapes, title, description, theme.background)

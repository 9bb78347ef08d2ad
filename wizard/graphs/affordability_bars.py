"""Affordability by year: the preferred option's capital and revenue (with optimism bias) and
the public P80 risk exposure stacked in one bar a year, against the budget for that year (a
black bar across), years over budget marked."""

from __future__ import annotations

from wizard.affordability import affordability
from wizard.formatting import axis_money
from wizard.graphs.chart import Sizes, empty_scene_text, nice_ticks, value_axis_y
from wizard.graphs.common import LegendEntry, legend
from wizard.model import Project
from wizard.risk_exposure import cached_simulation
from wizard.scene import DEFAULT, Line, Rect, Scene, Shape, Text, Theme

MARGIN = 12.0
PARTS = (("capital_gbp", "Capital (with optimism bias)", 4),
         ("revenue_gbp", "Revenue (with optimism bias)", 1),
         ("risk_p80_gbp", "Public risk exposure (P80)", 5))


def affordability_bars(project: Project, theme: Theme = DEFAULT, scale: float = 1.0,
                       highlight: set[str] | None = None) -> Scene:
    sz = Sizes.of(theme, scale)
    result = affordability(project, exposure=cached_simulation(project))
    if result.need_gbp == 0 and result.budget_gbp == 0:
        return empty_scene_text(theme, sz, "No costs or budget yet: mark the preferred "
                                "option, enter its cash flows and the budget by year.")
    title = "Affordability by year: the preferred option and its risk against the budget"
    shapes: list[Shape] = [Text(MARGIN, MARGIN + sz.title, title, sz.title, theme.text,
                                bold=True)]
    colours = {key: theme.palette[i] for key, _label, i in PARTS}
    entries = [LegendEntry(label, lambda x, y, size, c=colours[key]: [
        Rect(x, y - size / 2, size, size, c, theme.outline, 0.6)]) for key, label, _i in PARTS]
    entries.append(LegendEntry("Budget", lambda x, y, size: [
        Line(x, y, x + size, y, theme.critical, 3)]))
    legend_shapes, legend_h = legend(entries, MARGIN, MARGIN + sz.title * 1.8,
                                     sz.width - 2 * MARGIN, sz.small, theme)
    shapes += legend_shapes
    top = MARGIN + sz.title * 1.8 + legend_h + sz.small
    plot_h = 260 * sz.scale
    hi = max(max(y.need_gbp, y.budget_gbp) for y in result.years)
    frame, axis = value_axis_y(nice_ticks(0, hi), MARGIN, top, sz.width - MARGIN, top + plot_h,
                               theme, sz.small)
    shapes += axis
    years = len(result.years)
    step = (frame.x1 - frame.x0) / max(1, years)
    bar_w = step * 0.62
    label_every = max(1, -(-years // 15))
    for row in result.years:
        x = frame.x0 + row.year * step + (step - bar_w) / 2
        base = 0.0
        for key, label, _i in PARTS:
            value = getattr(row, key)
            if value <= 0:
                continue
            y_top, y_bottom = frame.vy(base + value), frame.vy(base)
            shapes.append(Rect(x, y_top, bar_w, y_bottom - y_top, colours[key], theme.outline,
                               0.5, tooltip=f"Year {row.year}: {label.lower()} "
                               f"{axis_money(value)}"))
            base += value
        if row.budget_gbp > 0 or row.need_gbp > 0:
            yb = frame.vy(row.budget_gbp)
            shapes.append(Line(x - step * 0.12, yb, x + bar_w + step * 0.12, yb, theme.critical,
                               3, tooltip=f"Year {row.year}: budget {axis_money(row.budget_gbp)}"
                               + (f", gap {axis_money(row.gap_gbp)}" if row.gap_gbp else "")))
        if row.gap_gbp > 0:
            shapes.append(Text(x + bar_w / 2, frame.vy(max(row.need_gbp, row.budget_gbp))
                               - sz.small * 0.4, "!", sz.label, theme.text, "middle", bold=True,
                               tooltip=f"Year {row.year}: over budget by "
                               f"{axis_money(row.gap_gbp)}"))
        if row.year % label_every == 0:
            shapes.append(Text(x + bar_w / 2, frame.y1 + sz.small * 1.3, str(row.year),
                               sz.small, theme.muted, "middle"))
    summary = (f"Gap {axis_money(result.gap_gbp)} in total over {years} years; "
               f"! marks a year over budget" if result.gap_gbp else
               f"Within the budget in every one of the {years} years")
    shapes.append(Text(frame.x0, frame.y1 + sz.small * 2.8, f"Appraisal year. {summary}.",
                       sz.small, theme.muted))
    height = frame.y1 + sz.small * 4
    return Scene(sz.width, height, shapes, title, f"Affordability: need "
                 f"{axis_money(result.need_gbp)} against a budget of "
                 f"{axis_money(result.budget_gbp)}; {summary}", theme.background)

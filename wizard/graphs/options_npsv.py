"""The options side by side: each option's net present social value as a horizontal bar from
zero (negative to the left), the preferred option outlined, the baseline hatched, and each
bar labelled with its NPSV and benefit-cost ratio."""

from __future__ import annotations

from wizard.appraisal import appraise
from wizard.formatting import axis_money
from wizard.graphs.chart import Sizes, empty_scene_text, nice_ticks, value_axis_x
from wizard.model import Project
from wizard.scene import DEFAULT, Rect, Scene, Shape, Text, Theme, as_ids, fit_text, text_width

MARGIN = 12.0


def options_npsv(project: Project, theme: Theme = DEFAULT, scale: float = 1.0,
                 highlight: set[str] | None = None) -> Scene:
    sz = Sizes.of(theme, scale)
    highlight = as_ids(highlight)
    result = appraise(project)
    rows = result.scored
    if not rows:
        return empty_scene_text(theme, sz, "No option has cash flows yet: enter each option's "
                                "costs and benefits by year to compare them.")
    title = "Net present social value of each option"
    shapes: list[Shape] = [Text(MARGIN, MARGIN + sz.title, title, sz.title, theme.text,
                                bold=True)]
    names = {o.id: o.name for o in project.project.options}
    name_room = sz.width * 0.36
    bar_h = 30 * sz.scale
    gap = 12 * sz.scale
    top = MARGIN + sz.title * 2.2
    bottom = top + len(rows) * (bar_h + gap)
    # room beyond the longest bars for their labels
    ticks = nice_ticks(min(o.npsv_gbp for o in rows) * 1.4, max(o.npsv_gbp for o in rows) * 1.4)
    frame, axis = value_axis_x(ticks, MARGIN + name_room, top - gap / 2,
                               sz.width - MARGIN * 2, bottom, theme, sz.small)
    shapes += axis
    zero = frame.vx(0)
    colour = dict(theme.allocation)
    for i, o in enumerate(rows):
        y = top + i * (bar_h + gap)
        x = frame.vx(o.npsv_gbp)
        left, width = min(x, zero), abs(x - zero)
        fill = colour["public"] if o.npsv_gbp >= 0 else colour["private"]
        bcr = "n/a" if o.bcr is None else f"{o.bcr:.2f}"
        tip = (f"{o.id} {o.name}: NPSV {axis_money(o.npsv_gbp)}, PV costs "
               f"{axis_money(o.pv_costs_gbp)}, PV benefits {axis_money(o.pv_benefits_gbp)}, "
               f"BCR {bcr}")
        strong = o.preferred or o.id in highlight
        shapes.append(Rect(left, y, max(width, 1.0), bar_h, fill,
                           theme.critical if strong else theme.outline,
                           2.5 if strong else 0.8, item=("options", o.id), tooltip=tip,
                           pattern="hatch" if o.baseline else None))
        tag = "Preferred · " if o.preferred else "Baseline · " if o.baseline else ""
        label = fit_text(f"{o.id} {names.get(o.id, '')}", sz.label, name_room - sz.label)
        shapes.append(Text(MARGIN, y + bar_h * 0.42, label, sz.label, theme.text,
                           bold=o.preferred, item=("options", o.id)))
        shapes.append(Text(MARGIN, y + bar_h * 0.42 + sz.small * 1.25, f"{tag}BCR {bcr}",
                           sz.small, theme.muted))
        value = f"NPSV {axis_money(o.npsv_gbp)}"
        need = text_width(value, sz.small) + sz.small
        # outside the bar: beyond its end when there is room, else on the other side of zero
        if o.npsv_gbp >= 0:
            vx, anchor = ((x + sz.small * 0.5, "start") if frame.x1 - x > need
                          else (zero - sz.small * 0.5, "end"))
        else:
            vx, anchor = ((x - sz.small * 0.5, "end") if x - frame.x0 > need
                          else (zero + sz.small * 0.5, "start"))
        shapes.append(Text(vx, y + bar_h * 0.62, value, sz.small, theme.text, anchor))
    height = bottom + sz.small * 2.6
    description = "; ".join(f"{o.id} NPSV {axis_money(o.npsv_gbp)}" for o in rows)
    return Scene(sz.width, height, shapes, title, "Options' net present social value: "
                 + description, theme.background)

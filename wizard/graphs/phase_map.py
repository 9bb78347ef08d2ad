"""The contract map: a lane per phase on a time axis in months and years.

Lanes follow the schedule's order (dependencies before dependants). Each bar runs from the
phase's scheduled start to its finish, coloured by provider, hatched when the phase is bundled
with others, with a thick outline on the critical path. Arrows run from the finish of a
dependency to the start of its dependant. Break clauses are diamonds at their earliest month on
each phase they apply to (clauses naming no phase sit on a "whole contract" lane); review points
are triangles on the bar. A "Procurement" lane on top shows the procurement timetable before
month 0 with the standstill, and an "Evaluation" lane at the bottom the planned evaluations. Below the lanes, each community steering group has a band per stage it
covers, spanning the phases of that stage:

    design      ← design, design and build, area plan
    delivery    ← mobilisation, construction, refurbishment, operation, implementation
    evaluation  ← evaluation, anchoring
    (phases of kind "other" belong to no stage)
"""

from __future__ import annotations

import math

from wizard.graphs.clause_labels import Marker, place_labels, rows_needed
from wizard.graphs.common import LegendEntry, legend, partner_colours, partner_name
from wizard.graphs.procurement_timeline import (
    contract_map_key,
    contract_map_lanes,
    contract_map_marks,
    evaluation_points,
    procurement_lead_months,
)
from wizard.formatting import count, money, notice, years_and_months
from wizard.model import Project
from wizard.schedule import Schedule, build_schedule
from wizard.scene import (
    ASCENT,
    DESCENT,
    DEFAULT,
    as_ids,
    font_size,
    scene_width,
    Line,
    Polygon,
    Rect,
    Scene,
    Shape,
    Text,
    Theme,
    fit_text,
    plain,
    text_width,
)
from wizard.vocab import PhaseKind, Stage, label

STAGE_OF_KIND: dict[PhaseKind, Stage] = {
    PhaseKind.DESIGN: Stage.DESIGN,
    PhaseKind.DESIGN_AND_BUILD: Stage.DESIGN,
    PhaseKind.AREA_PLAN: Stage.DESIGN,
    PhaseKind.MOBILISATION: Stage.DELIVERY,
    PhaseKind.CONSTRUCTION: Stage.DELIVERY,
    PhaseKind.REFURBISHMENT: Stage.DELIVERY,
    PhaseKind.OPERATION: Stage.DELIVERY,
    PhaseKind.IMPLEMENTATION: Stage.DELIVERY,
    PhaseKind.EVALUATION: Stage.EVALUATION,
    PhaseKind.ANCHORING: Stage.EVALUATION,
}

WIDTH = 900.0
MARGIN = 12.0


def _diamond(x: float, y: float, r: float, theme: Theme, item=None, tooltip="") -> Polygon:
    return Polygon(((x, y - r), (x + r, y), (x, y + r), (x - r, y)), theme.label_box, theme.text,
                   item, tooltip, 1.5)


def _review_mark(x: float, y: float, r: float, theme: Theme, item=None, tooltip="") -> Polygon:
    """A downward triangle whose tip is at (x, y)."""
    return Polygon(((x, y), (x - r, y - 1.6 * r), (x + r, y - 1.6 * r)), theme.text,
                   theme.label_box, item, tooltip, 1)


def phase_map(project: Project, theme: Theme = DEFAULT, highlight: set[str] | None = None,
              scale: float = 1.0, schedule: Schedule | None = None) -> Scene:
    """The contract map of ``project`` (``schedule`` may be passed in when already built)."""
    layout = theme.font_scale * scale
    # The type, and every height made for it, take the text scale too; the width does not, so
    # in a workshop the map fitted to the screen's width shows larger text and scrolls down.
    s = layout * theme.text_scale
    WIDTH = max(scene_width(layout), theme.min_width)  # noqa: N806 - the scene's width
    fs, small = font_size(12, s), font_size(10.5, s)
    highlight = as_ids(highlight)
    title = f"Contract map: {project.project.title}"
    if not project.phases:
        text = "No phases yet: add the contract's phases in the Phasing step."
        return Scene(WIDTH, 60 * s, [Text(MARGIN, 34 * s, text, fs, theme.muted)], title, text,
                     theme.background)

    sched = schedule or build_schedule(project)
    phases = {p.id: p for p in project.phases}
    colours = partner_colours(project, theme)
    critical = set(sched.critical_path)

    label_w = 230 * layout * theme.text_scale ** 0.5  # the names' column, wrapping larger type
    plot_x = MARGIN + label_w + 8 * s
    plot_w = WIDTH - MARGIN - plot_x
    months = max(sched.contract_months, sched.span_months, 12,
                 max((c.earliest_month + 1 for c in project.break_clauses), default=0),
                 max((p.review_month + 1 for p in project.phases if p.review_month is not None),
                     default=0),
                 math.ceil(max((m for m, _ in evaluation_points(project)), default=0)))
    pre = procurement_lead_months(project)  # the procurement runs before month 0
    per_month = plot_w / (months + pre)

    def x_of(m: float) -> float:
        return plot_x + (m + pre) * per_month

    shapes: list[Shape] = []
    lane_h, pad = 34 * s, 7 * s
    header_h = fs * 3.4
    top = MARGIN + header_h

    whole = [c for c in project.break_clauses if not c.phases]
    lanes: list[tuple[str, str]] = [("phase", pid) for pid in sched.order]
    if whole:
        lanes.insert(0, ("contract", ""))
    extra = dict(contract_map_lanes(project))
    lanes = [(kind, "") for kind in extra if kind == "procurement"] + lanes + [
        (kind, "") for kind in extra if kind == "evaluation"]
    # Break-clause labels: beside their diamonds, or in rows under the bar (the lane grows)
    r = 6 * s
    bar_span = {("phase", pid): (x_of(sched.start[pid]), x_of(sched.finish[pid])) for pid in sched.order}
    markers: list[Marker] = []
    for clause in project.break_clauses:
        keys = [("phase", p) for p in clause.phases if ("phase", p) in bar_span] or (
            [("contract", "")] if not clause.phases else [])
        for key in keys:
            markers.append(Marker(x_of(clause.earliest_month), key, clause,
                                  text_width(clause.id, small, clause.id in highlight)))
    markers.sort(key=lambda m: (m.key, m.x))
    placed = place_labels(markers, bar_span, r * 1.15, r * 1.15 + 2.5 * s, 1.5 * s, plot_x,
                          WIDTH - MARGIN)
    row_h = small * 1.5  # a strip row
    # the room the leaders slant in: deeper when a label had to move further from its diamond
    slant = {key: min(max(7 * s, 0.3 * max((abs(p.centre - p.marker.x) for p in placed
                                             if p.marker.key == key and p.row is not None))), 24 * s)
             for key in rows_needed(placed)}
    lane_height = {key: lane_h + slant[key] + n * row_h + 2 * s - pad
                   for key, n in rows_needed(placed).items()}
    lane_top, y = {}, top
    for key in lanes:
        lane_top[key] = y
        y += lane_height.get(key, lane_h)
    lanes_bottom = y

    # Lanes (alternate shading) and the phase names in the left column.
    for i, (kind, pid) in enumerate(lanes):
        y = lane_top[(kind, pid)]
        if i % 2 == 0:
            shapes.append(Rect(MARGIN, y, WIDTH - 2 * MARGIN, lane_height.get((kind, pid), lane_h),
                               theme.lane, "none", 0))
        if kind == "contract":
            name, bold, item = "Whole contract", True, None
        elif kind in extra:
            name, bold, item = extra[kind], True, None
        else:
            phase = phases[pid]
            name, bold, item = phase.name, pid in highlight, ("phases", pid)
        shapes += _lane_label(name, MARGIN + 4 * s, y + lane_h / 2, fs, label_w - 6 * s, bold,
                              theme.text, item)

    # The time axis: years (labelled at a step that leaves room) and month numbers.
    n_years = math.ceil(months / 12)
    year_px = 12 * per_month
    widest = max(text_width(str(months), small), text_width(str(n_years), fs)) + 8 * s
    step = next((k for k in (1, 2, 5, 10, 20, 25, 50, 100) if year_px * k >= widest), 100)
    row1, row2 = MARGIN + fs * 1.1, MARGIN + fs * 2.6
    shapes.append(Text(MARGIN + 4 * s, row1, "Contract year", fs, theme.text, bold=True))
    shapes.append(Text(MARGIN + 4 * s, row2, "Month from start", small, theme.muted))
    grid_step = 1 if year_px >= 6 else step
    last_right = last_year_right = -1e9
    for year in range(0, n_years + 1):
        m = year * 12
        if m > months:
            break
        if year % grid_step == 0:
            shapes.append(Line(x_of(m), top - fs * 0.9, x_of(m), lanes_bottom, theme.grid, 0.75))
        if year % step == 0:
            tick = _axis_label(x_of(m), row2, str(m), small, theme.muted, plot_x, x_of(months))
            if tick.left() >= last_right + 4 * s:  # skip a month number crowding the last one
                shapes.append(tick)
                last_right = tick.left() + tick.width
            if year < n_years:
                label_ = _axis_label(x_of(min(m + 6, (m + months) / 2)), row1, str(year + 1), fs,
                                     theme.text, plot_x, x_of(months))
                if label_.left() >= last_year_right + 4 * s:
                    shapes.append(label_)
                    last_year_right = label_.left() + label_.width
    if year_px >= 40 * s:  # quarter ticks when a year is wide enough to show them
        for m in range(3, months, 3):
            if m % 12:
                shapes.append(Line(x_of(m), top - fs * 0.45, x_of(m), top, theme.grid, 0.75))
    shapes.append(Line(plot_x, top, x_of(months), top, theme.outline, 1))

    # Dependency arrows, behind the bars: down from the dependency's finish, across to the start.
    bar_top = {pid: lane_top[("phase", pid)] + pad for pid in sched.order}
    bar_h = lane_h - 2 * pad
    for pid in sched.order:
        for dep in phases[pid].depends_on:
            if dep not in bar_top or dep == pid:
                continue
            fx, sx = x_of(sched.finish[dep]), x_of(sched.start[pid])
            yc = bar_top[pid] + bar_h / 2
            tip = f"{phases[pid].name} follows {phases[dep].name}"
            item = ("phases", pid)
            if bar_top[dep] > bar_top[pid] or fx > sx + 0.5:  # a loop was broken: straight arrow
                shapes.append(Line(fx, bar_top[dep] + bar_h / 2, sx, yc, theme.outline, 1.25,
                                   arrow=True, item=item, tooltip=tip))
            elif sx - fx >= 10 * s:
                shapes.append(Line(fx, bar_top[dep] + bar_h, fx, yc, theme.outline, 1.25,
                                   item=item, tooltip=tip))
                shapes.append(Line(fx, yc, sx, yc, theme.outline, 1.25, arrow=True, item=item,
                                   tooltip=tip))
            else:
                xx = sx + 4 * s
                shapes.append(Line(xx, bar_top[dep] + bar_h, xx, bar_top[pid], theme.outline, 1.25,
                                   arrow=True, item=item, tooltip=tip))

    # Bars.
    for pid in sched.order:
        phase = phases[pid]
        start, finish = sched.start[pid], sched.finish[pid]
        on_path = pid in critical
        provider = phase.provider or ""
        lines = [f"{phase.name} ({pid})", f"{label(phase.kind)}: months {start}–{finish} "
                 f"({years_and_months(finish - start)})", f"Provider: {partner_name(project, provider)}"]
        if phase.bundled:
            lines.append("Bundled with other phases")
        if on_path:
            lines.append("On the critical path")
        if phase.value_gbp:
            lines.append(f"Value: {money(phase.value_gbp)}")
        shapes.append(Rect(x_of(start), bar_top[pid], max(x_of(finish) - x_of(start), 1.5), bar_h,
                           colours.get(provider, theme.no_partner),
                           theme.critical if on_path else theme.outline,
                           3 if on_path else 1, None, ("phases", pid), "\n".join(lines),
                           "hatch" if phase.bundled else None))

    # Review points, then break clauses with their labels (no label overlaps another).
    for pid in sched.order:
        phase = phases[pid]
        if phase.review_month is not None:
            shapes.append(_review_mark(
                x_of(phase.review_month), bar_top[pid] + r * 0.9, r, theme, ("phases", pid),
                f"Review point of {phase.name}: month {phase.review_month} "
                f"(year {phase.review_month // 12 + 1})"))
    taken: dict[tuple[str, str], list[tuple[float, float]]] = {}  # occupied x spans per lane
    for m in markers:
        taken.setdefault(m.key, []).append((m.x - r * 1.15, m.x + r * 1.15))
    right = WIDTH

    def free(key: tuple[str, str], lo: float, hi: float, bar: bool = True) -> bool:
        spans = list(taken.get(key, []))
        if bar and key in bar_span:
            spans.append(bar_span[key])
        return all(hi + 0.5 * s <= a or lo - 0.5 * s >= b for a, b in spans)

    for spot in placed:
        x, key, clause = spot.marker.x, spot.marker.key, spot.marker.clause
        yc = lane_top[key] + lane_h / 2
        item = ("break_clauses", clause.id)
        tip = (f"Break clause {clause.id}: {label(clause.trigger)}\nFrom month "
               f"{clause.earliest_month}, {notice(clause.notice_months)}\n"
               f"Compensation: {label(clause.compensation)}")
        shapes.append(_diamond(x, yc, r * 1.15, theme, item, tip))
        bold = clause.id in highlight
        lx, w = spot.left + 1.5 * s, spot.marker.width
        if spot.row is None:  # beside the diamond
            taken.setdefault(key, []).append((spot.left, spot.right))
            ty = yc
        else:  # in the strip under the bar, its own leader down from the diamond
            bar_bottom = lane_top[key] + lane_h - pad
            ty = bar_bottom + slant[key] + (spot.row + 0.5) * row_h
            label_top = ty - small * 0.62
            if abs(spot.centre - x) < 0.5:
                ends = [(x, yc + r * 1.15, x, label_top)]
            else:
                ends = [(x, yc + r * 1.15, x, bar_bottom + 1.5 * s),
                        (x, bar_bottom + 1.5 * s, spot.centre, label_top)]
            for x1, y1, x2, y2 in ends if spot.leader else ():
                shapes.append(Line(x1, y1, x2, y2, theme.text, 0.75, (2, 2), item=item, tooltip=tip))
        shapes.append(Rect(spot.left, ty - small * 0.62, w + 3 * s, small * 1.24,
                           theme.label_box, theme.text if bold else "none", 1.5 if bold else 0))
        shapes.append(Text(lx, ty + small * 0.36, clause.id, small, theme.text, bold=bold,
                           item=item, tooltip=tip))
        right = max(right, lx + w + MARGIN)

    # Each bar names its provider (in words, beside the colour), in the widest free part.
    for pid in sched.order:
        provider = phases[pid].provider or ""
        if not provider:
            continue
        key = ("phase", pid)
        lo, hi = bar_span[key]
        edges = sorted([(lo, lo)] + sorted(t for t in taken.get(key, []) if t[1] > lo and t[0] < hi) + [(hi, hi)])
        best = max(((edges[i][1], edges[i + 1][0]) for i in range(len(edges) - 1)), key=lambda g: g[1] - g[0])
        room = best[1] - best[0] - 8 * s
        name = plain(partner_name(project, provider))
        tag = fit_text(name, small, room)
        if not tag or tag.endswith("…") and len(tag) < 8:
            initials = "".join(w[0] for w in name.split() if w[:1].isupper()) or name[:2]
            tag = initials if text_width(initials, small) <= room else ""
        tx = best[0] + 4 * s
        if not tag:  # a short bar: the name (or initials) beside it, where the lane is free
            initials = "".join(w[0] for w in name.split() if w[:1].isupper()) or name[:2]
            tag = fit_text(name, small, 140 * s)
            for candidate in (tag, initials):
                tw = text_width(candidate, small)
                after, before = hi + 4 * s, lo - 4 * s - tw
                if free(key, after - 1.5 * s, after + tw + 1.5 * s, bar=False) and after + tw < WIDTH - MARGIN:
                    tag, tx = candidate, after
                    break
                if before - 1.5 * s >= plot_x and free(key, before - 1.5 * s, before + tw + 1.5 * s, bar=False):
                    tag, tx = candidate, before
                    break
            else:
                tag = ""
        if tag:
            tw = text_width(tag, small)
            taken.setdefault(key, []).append((tx - 1.5 * s, tx + tw + 1.5 * s))
            yc = bar_top[pid] + bar_h / 2
            shapes.append(Rect(tx - 1.5 * s, yc - small * 0.62, tw + 3 * s, small * 1.24,
                               theme.label_box, "none", 0))
            shapes.append(Text(tx, yc + small * 0.36, tag, small, theme.text, item=("phases", pid),
                               tooltip=f"Provider: {name}"))

    shapes += contract_map_marks(project, lane_top, lane_h, x_of, theme, s)

    # Highlight frames over selected phase lanes.
    for pid in sched.order:
        if pid in highlight:
            shapes.append(Rect(MARGIN - 2, lane_top[("phase", pid)] + 1, right - 2 * MARGIN + 4,
                               lane_height.get(("phase", pid), lane_h) - 2, "none", theme.highlight,
                               3, None, ("phases", pid)))

    # Contract end, and what overruns it.
    y = lanes_bottom + fs * 1.3
    end_x = x_of(sched.contract_months)
    shapes.append(Line(end_x, top, end_x, lanes_bottom + 3 * s, theme.text, 1.5, (5, 3)))
    end_text = f"Contract end: month {sched.contract_months}"
    if sched.overruns:
        end_text += f" (phases overrun to month {sched.span_months})"
    shapes.append(Text(min(end_x, right - MARGIN), y, end_text, small, theme.text,
                       "end" if text_width(end_text, small) < end_x - MARGIN else "start"))
    y += fs * 0.9

    # Community steering groups: a sub-row per stage covered, with bands over those phases.
    stage_spans: dict[Stage, list[tuple[int, int]]] = {}
    for pid in sched.order:
        stage = STAGE_OF_KIND.get(phases[pid].kind)
        if stage is not None:
            stage_spans.setdefault(stage, []).append((sched.start[pid], sched.finish[pid]))
    merged = {st: _merge(spans) for st, spans in stage_spans.items()}
    if project.steering_groups:
        y += fs * 0.6
        shapes.append(Text(MARGIN + 4 * s, y + fs, "Community steering groups", fs, theme.text,
                           bold=True))
        y += fs * 1.6
        sub_h = fs * 1.7
        for group in project.steering_groups:
            item = ("steering_groups", group.id)
            stages = [st for st in Stage if st in group.stages]
            rows = [st for st in stages if merged.get(st)] or [None]
            bold = group.id in highlight
            shapes += _lane_label(group.name, MARGIN + 4 * s, y + sub_h / 2, fs, label_w - 6 * s, bold,
                                  theme.text, item)
            for st in rows:
                if st is None:
                    note = ("Covers no stage yet" if not stages else
                            "No phases at the stages it covers")
                    shapes.append(Text(plot_x, y + sub_h / 2 + small * 0.36, note, small,
                                       theme.muted, item=item))
                else:
                    row_words: list[tuple[float, float]] = []
                    for a, b in merged[st]:
                        w = x_of(b) - x_of(a)
                        tip = f"{group.name} covers {st.value}: months {a}–{b}"
                        shapes.append(Rect(x_of(a), y + 2 * s, w, sub_h - 4 * s,
                                           theme.stage_colour(st.value),
                                           theme.highlight if bold else theme.outline,
                                           2.5 if bold else 0.75, None, item, tip))
                        word = st.value.capitalize()
                        ww = text_width(word, small)
                        base = y + sub_h / 2 + small * 0.36
                        spans = [(x_of(p), x_of(q)) for p, q in merged[st]]
                        if ww <= w - 6 * s:
                            shapes.append(Text(x_of(a) + w / 2, base, word, small, theme.on_fill,
                                               "middle", item=item, tooltip=tip))
                            continue
                        # beside the band, never cut, where it covers no other band or word
                        for lo_x, anchor, tx in ((x_of(a) - 4 * s - ww, "end", x_of(a) - 4 * s),
                                                 (x_of(b) + 4 * s, "start", x_of(b) + 4 * s)):
                            hi_x = lo_x + ww
                            clear = lo_x >= plot_x and all(hi_x + 2 * s <= p or lo_x - 2 * s >= q
                                                           for p, q in spans + row_words)
                            if clear:
                                shapes.append(Text(tx, base, word, small, theme.text, anchor, item=item,
                                                   tooltip=tip))
                                row_words.append((lo_x, hi_x))
                                right = max(right, hi_x + MARGIN)
                                break
                y += sub_h
            y += 3 * s

    # Legends: providers, then the key to the marks.
    y += fs * 0.8
    used = []
    for pid in sched.order:
        prov = phases[pid].provider or ""
        if prov not in used:
            used.append(prov)
    order = [p.id for p in project.partners if p.id in used] + ([""] if "" in used else [])
    entries = [LegendEntry(partner_name(project, pid) if pid else "No provider yet",
                           _swatch(colours.get(pid, theme.no_partner), theme)) for pid in order]
    legend_w = right - 2 * MARGIN
    more, h = legend(entries, MARGIN, y, legend_w, small, theme, "Providers:")
    shapes += more
    y += h
    key = [
        LegendEntry("Critical path", lambda x, yc, z: [Rect(x + 1, yc - z / 2 + 1, z - 2, z - 2,
                                                             theme.label_box, theme.critical, 3)]),
        LegendEntry("Bundled with other phases", lambda x, yc, z: [Rect(
            x, yc - z / 2, z, z, theme.label_box, theme.outline, 1, pattern="hatch")]),
        LegendEntry("Depends on", lambda x, yc, z: [Line(x, yc, x + z, yc, theme.outline, 1.25,
                                                         arrow=True)]),
        LegendEntry("Break clause (earliest month)",
                    lambda x, yc, z: [_diamond(x + z / 2, yc, z / 2, theme)]),
        LegendEntry("Review point", lambda x, yc, z: [_review_mark(x + z / 2, yc + z * 0.4, z / 2,
                                                                   theme)]),
    ]
    if project.steering_groups:
        key += [LegendEntry(f"{st.value.capitalize()} stage", _swatch(theme.stage_colour(st.value),
                                                                      theme)) for st in Stage]
    key += contract_map_key(project, theme)
    more, h = legend(key, MARGIN, y, legend_w, small, theme, "Key:")
    shapes += more
    y += h + MARGIN

    return Scene(right, y, shapes, title, _describe(project, sched), theme.background)


def _lane_label(name: str, x: float, yc: float, size: float, room: float, bold: bool, colour: str,
                item) -> list[Shape]:
    """A lane's name: one line when it fits, else two lines (never cut to '…' while two lines
    of a slightly smaller size can hold it)."""
    name = plain(name)
    if text_width(name, size, bold) <= room:
        return [Text(x, yc + size * 0.36, name, size, colour, bold=bold, item=item, tooltip=name)]
    small = float(max(1, round(size * 0.85)))  # a whole size: every painter draws it exactly
    words = name.split()
    best = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if text_width(first, small, bold) <= room:
            best = (first, second)
    if best is None:
        return [Text(x, yc + size * 0.36, fit_text(name, size, room, bold), size, colour, bold=bold,
                     item=item, tooltip=name)]
    first, second = best[0], fit_text(best[1], small, room, bold)
    step = (ASCENT + DESCENT) * small + 0.5  # the lines' boxes never overlap
    base = yc + small * 0.36 - step / 2
    return [Text(x, base, first, small, colour, bold=bold, item=item, tooltip=name),
            Text(x, base + step, second, small, colour, bold=bold, item=item, tooltip=name)]


def _axis_label(x: float, y: float, text: str, size: float, colour: str, lo: float,
                hi: float) -> Text:
    """A label centred on x, or pushed to start at ``lo`` / end at ``hi`` to stay on the axis."""
    label_ = Text(x, y, text, size, colour, "middle")
    if label_.left() < lo:
        return Text(lo, y, text, size, colour, "start")
    if label_.left() + label_.width > hi:
        return Text(hi, y, text, size, colour, "end")
    return label_


def _swatch(colour: str, theme: Theme):
    return lambda x, yc, z: [Rect(x, yc - z / 2, z, z, colour, theme.outline, 1)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _describe(project: Project, sched: Schedule) -> str:
    names = {p.id: p.name for p in project.phases}
    parts = [f"Contract map of {count(len(project.phases), 'phase')} over "
             f"{count(sched.contract_months, 'month')}."]
    if sched.critical_path:
        parts.append("Critical path: " + " → ".join(names[p] for p in sched.critical_path) + ".")
    for pid in sched.order:
        parts.append(f"{names[pid]}: months {sched.start[pid]}–{sched.finish[pid]}.")
    if project.break_clauses:
        parts.append("Break clauses: " + "; ".join(
            f"{c.id} {label(c.trigger).lower()} from month {c.earliest_month}"
            for c in project.break_clauses) + ".")
    if sched.overruns:
        parts.append(f"The phases overrun the contract, to month {sched.span_months}.")
    return " ".join(parts)

"""The procurement timeline: the timetable's milestones on a date axis, with the standstill.

Each dated milestone is a marker on the axis with its short name and date above it (labels are
stacked in rows so none overlaps another). The standstill is a band from the day after the
contract award notice to the last of its eight working days (weekends and bank holidays of
England and Wales skipped, ``wizard.workdays``); when the contract is entered into before the
band ends, the band is drawn in the warning colour and says so.

``month_offset`` and ``procurement_lead_months`` place dates on the contract map, whose month 0
is the project's start (the procurement runs before it, the evaluation points during it).
"""

from __future__ import annotations

import datetime as dt
import math

from wizard.commercial_vocab import SHORT_LABELS, Milestone, label
from wizard.model import Project
from wizard.scene import (
    DEFAULT,
    Ellipse,
    Line,
    Rect,
    Scene,
    Shape,
    Text,
    Theme,
    font_size,
    scene_width,
    text_width,
)
from wizard.formatting import month_year, short_date
from wizard.workdays import STANDSTILL_WORKING_DAYS, standstill_last_day

MARGIN = 12.0
STANDSTILL_FILL = "#ffd9a8"
BREACH = "#b00020"
LABEL_ROWS = 4


def month_offset(start: dt.date, day: dt.date) -> float:
    """Months from ``start`` to ``day`` (negative before it), fractional by day of month."""
    return (day.year - start.year) * 12 + (day.month - start.month) + (day.day - start.day) / 30.44


def procurement_lead_months(project: Project) -> int:
    """Whole months the procurement timetable runs before the project's start (0 if none)."""
    start = project.project.start
    earliest = min((e.date for e in project.procurement.timetable), default=None)
    if earliest is None or earliest >= start:
        return 0
    return math.ceil(-month_offset(start, earliest))


def standstill_span(project: Project) -> tuple[dt.date, dt.date, bool] | None:
    """(award notice, last standstill day, breached?) when the award notice is dated."""
    proc = project.procurement
    award = proc.date_of(Milestone.CONTRACT_AWARD_NOTICE)
    if award is None:
        return None
    last = standstill_last_day(award)
    entries = [d for d in (proc.date_of(Milestone.CONTRACT_START),
                           proc.date_of(Milestone.CONTRACT_DETAILS_NOTICE)) if d is not None]
    breached = bool(entries) and min(entries) <= last
    return award, last, breached


def procurement_timeline(project: Project, theme: Theme = DEFAULT, scale: float = 1.0) -> Scene:
    s = theme.font_scale * scale
    width = scene_width(s)
    fs, small = font_size(12, s), font_size(10.5, s)
    title = f"Procurement timeline: {project.project.title}"
    entries = sorted(project.procurement.timetable, key=lambda e: e.date)
    if not entries:
        text = "No procurement timetable yet: date the milestones in the Procurement section."
        return Scene(width, 60 * s, [Text(MARGIN, 34 * s, text, fs, theme.muted)], title, text,
                     theme.background)
    span = standstill_span(project)
    first = entries[0].date
    last = max(entries[-1].date, span[1] if span else entries[-1].date)
    lo, hi = first - dt.timedelta(days=10), last + dt.timedelta(days=10)
    days = max((hi - lo).days, 1)
    plot_x, plot_w = MARGIN + 4 * s, width - 2 * MARGIN - 8 * s

    def x_of(day: dt.date) -> float:
        return plot_x + (day - lo).days * plot_w / days

    shapes: list[Shape] = []
    row_h = fs * 2.5
    axis_y = MARGIN + fs * 1.6 + LABEL_ROWS * row_h + 6 * s
    shapes.append(Text(MARGIN, MARGIN + fs, "Procurement timetable", fs, theme.text, bold=True))

    # Labels above the axis, each in the lowest row where it does not touch its neighbour.
    row_right = [-1e9] * LABEL_ROWS
    leaders: list[Shape] = []
    boxes: list[Shape] = []
    labels: list[Text] = []
    for entry in entries:
        x = x_of(entry.date)
        name, when = SHORT_LABELS[entry.milestone], short_date(entry.date)
        w = max(text_width(name, small, True), text_width(when, small))
        left = min(max(x - w / 2, MARGIN), width - MARGIN - w)
        row = next((r for r in range(LABEL_ROWS) if left >= row_right[r] + 6 * s),
                   min(range(LABEL_ROWS), key=lambda r: row_right[r]))
        row_right[row] = left + w
        base = axis_y - 10 * s - row * row_h
        item = ("procurement", entry.milestone.value)
        tip = f"{label(entry.milestone)}: {short_date(entry.date)}"
        leaders.append(Line(x, axis_y, x, base + small * 0.4, theme.grid, 0.75))
        top = base - small * 1.25 - small * 0.93
        boxes.append(Rect(left - 2 * s, top - 1, w + 4 * s, base + small * 0.3 - top + 1,
                          theme.label_box, "none", 0))
        labels.append(Text(left, base - small * 1.25, name, small, theme.text, bold=True,
                           item=item, tooltip=tip))
        labels.append(Text(left, base, when, small, theme.muted, item=item, tooltip=tip))
    # Leader lines behind the label boxes, so no line runs through another label's words.
    shapes += leaders
    for i, box in enumerate(boxes):
        shapes += [box, labels[2 * i], labels[2 * i + 1]]

    # The axis with month ticks.
    shapes.append(Line(plot_x, axis_y, plot_x + plot_w, axis_y, theme.outline, 1.25))
    month = dt.date(lo.year, lo.month, 1)
    tick_right = -1e9
    while month <= hi:
        if month >= lo:
            x = x_of(month)
            shapes.append(Line(x, axis_y, x, axis_y + 5 * s, theme.outline, 0.75))
            text = month_year(month) if month.month == 1 or tick_right < 0 else f"{month:%b}"
            t = Text(x + 2 * s, axis_y + 5 * s + small, text, small, theme.muted)
            if t.left() >= tick_right + 4 * s and t.left() + t.width <= width - MARGIN:
                shapes.append(t)
                tick_right = t.left() + t.width
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)

    # The standstill band below the axis.
    y = axis_y + 5 * s + small * 1.8
    if span is not None:
        award, end, breached = span
        x0, x1 = x_of(award + dt.timedelta(days=1)), x_of(end + dt.timedelta(days=1))
        colour = BREACH if breached else theme.outline
        tip = (f"Standstill: {STANDSTILL_WORKING_DAYS} working days after the contract award "
               f"notice of {short_date(award)}, to {short_date(end)} (s.51)")
        shapes.append(Rect(x0, y, max(x1 - x0, 2), fs * 1.2, STANDSTILL_FILL, colour,
                           2.5 if breached else 1, None,
                           ("procurement", Milestone.STANDSTILL_END.value), tip))
        words = (f"Standstill: {STANDSTILL_WORKING_DAYS} working days, to {short_date(end)}"
                 + (" – the contract is entered before it ends" if breached else ""))
        tx = x1 + 4 * s
        anchor = "start"
        if tx + text_width(words, small, breached) > width - MARGIN:
            tx, anchor = x0 - 4 * s, "end"
        shapes.append(Text(tx, y + fs * 0.9, words, small, BREACH if breached else theme.text,
                           anchor, bold=breached, tooltip=tip))
        y += fs * 1.2
    for entry in entries:
        shapes.append(Ellipse(x_of(entry.date), axis_y, 4.5 * s, 4.5 * s, theme.text,
                              theme.label_box, ("procurement", entry.milestone.value),
                              f"{label(entry.milestone)}: {short_date(entry.date)}", 1))
    y += MARGIN
    return Scene(width, y, shapes, title, describe(project), theme.background)


def describe(project: Project) -> str:
    entries = sorted(project.procurement.timetable, key=lambda e: e.date)
    if not entries:
        return "No procurement timetable."
    parts = [f"{label(e.milestone)} {short_date(e.date)}" for e in entries]
    text = "Procurement timetable: " + "; ".join(parts) + "."
    span = standstill_span(project)
    if span is not None:
        text += (f" The standstill of {STANDSTILL_WORKING_DAYS} working days runs to "
                 f"{short_date(span[1])}"
                 + (", but the contract is entered into before it ends." if span[2] else "."))
    return text


# On the contract map ------------------------------------------------------------------------

def evaluation_points(project: Project) -> list[tuple[float, str]]:
    """(months from the project's start, name) of each planned evaluation."""
    plan, start = project.evaluation_plan, project.project.start
    points = [(plan.mid_term, "Mid-term evaluation"), (plan.end, "End evaluation")]
    return [(month_offset(start, d), name) for d, name in points if d is not None]


def contract_map_lanes(project: Project) -> list[tuple[str, str]]:
    """The extra lanes of the contract map: ("procurement", "Procurement") and
    ("evaluation", "Evaluation") when there is something to draw on them."""
    lanes = []
    if project.procurement.timetable:
        lanes.append(("procurement", "Procurement"))
    if project.evaluation_plan.planned:
        lanes.append(("evaluation", "Evaluation"))
    return lanes


def contract_map_marks(project: Project, lane_top: dict, lane_h: float, x_of, theme: Theme,
                       s: float) -> list[Shape]:
    """The procurement milestones (before month 0), the standstill and the evaluation points
    on their lanes of the contract map; ``x_of`` turns months from the start into x."""
    shapes: list[Shape] = []
    start = project.project.start
    small = font_size(10.5, s)
    key = ("procurement", "")
    if key in lane_top:
        yc = lane_top[key] + lane_h / 2
        span = standstill_span(project)
        if span is not None:
            award, end, breached = span
            x0 = x_of(month_offset(start, award + dt.timedelta(days=1)))
            x1 = x_of(month_offset(start, end + dt.timedelta(days=1)))
            shapes.append(Rect(x0, yc - lane_h * 0.3, max(x1 - x0, 2.5), lane_h * 0.6,
                               STANDSTILL_FILL, BREACH if breached else theme.outline,
                               2 if breached else 0.75, None,
                               ("procurement", Milestone.STANDSTILL_END.value),
                               f"Standstill to {short_date(end)} (s.51)"))
        xs = []
        for entry in sorted(project.procurement.timetable, key=lambda e: e.date):
            x = x_of(month_offset(start, entry.date))
            xs.append(x)
            shapes.append(Ellipse(x, yc, 3.5 * s, 3.5 * s, theme.text, theme.label_box,
                                  ("procurement", entry.milestone.value),
                                  f"{label(entry.milestone)}: {short_date(entry.date)}", 1))
        if xs and min(xs) < x_of(0) - 4 * s:
            shapes.append(Line(min(xs), yc, min(x_of(0), max(xs)), yc, theme.muted, 1))
    key = ("evaluation", "")
    if key in lane_top:
        yc = lane_top[key] + lane_h / 2
        r = 6 * s
        for months, name in evaluation_points(project):
            x = x_of(months)
            tip = f"{name}: month {months:.0f}"
            shapes.append(Rect(x - r / 2, yc - r / 2, r, r, theme.text, theme.label_box, 1, None,
                               ("evaluation_plan", ""), tip))
            word = name.split()[0]
            right = x_of(max(project.project.duration_months, months))
            fits = x + r + text_width(word, small) <= right
            shapes.append(Text(x + r if fits else x - r, yc + small * 0.36, word, small,
                               theme.text, "start" if fits else "end",
                               item=("evaluation_plan", ""), tooltip=tip))
    return shapes


def contract_map_key(project: Project, theme: Theme) -> list:
    """The contract map's key entries for the marks above (only those drawn)."""
    from wizard.graphs.common import LegendEntry

    lanes = dict(contract_map_lanes(project))
    entries = []
    if "procurement" in lanes:
        entries.append(LegendEntry("Procurement milestone", lambda x, yc, z: [
            Ellipse(x + z / 2, yc, z / 3, z / 3, theme.text, theme.label_box)]))
        if standstill_span(project) is not None:
            entries.append(LegendEntry("Standstill (s.51)", lambda x, yc, z: [
                Rect(x, yc - z / 2, z, z, STANDSTILL_FILL, theme.outline, 0.75)]))
    if "evaluation" in lanes:
        entries.append(LegendEntry("Evaluation", lambda x, yc, z: [
            Rect(x + z / 4, yc - z / 4, z / 2, z / 2, theme.text, theme.label_box)]))
    return entries

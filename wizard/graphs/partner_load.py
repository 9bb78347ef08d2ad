"""Risk carried by each partner: the sum of risk scores each partner holds, for the whole
contract and phase by phase (phases in schedule order), as stacked bars.

The split follows ``wizard.risk.concentration``: a shared risk is divided by its public share;
a risk naming no phase counts in every phase. Public bodies' segments are hatched, so public and
private holdings differ in print and for colour-blind readers as well as by colour.
"""

from __future__ import annotations

from collections import defaultdict

from wizard.graphs.common import LegendEntry, legend, partner_colours, partner_name
from wizard.model import Project
from wizard.risk import holder_rule, score
from wizard.schedule import build_schedule
from wizard.scene import (
    DEFAULT,
    Line,
    Rect,
    Scene,
    Shape,
    Text,
    Theme,
    as_ids,
    font_size,
    fit_text,
    scene_width,
    text_width,
)
from wizard.vocab import PartnerKind

WIDTH = 900.0
MARGIN = 12.0


def carried(project: Project) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """(whole contract, per phase id) risk score held by each partner id ('' = nobody named).

    Equal to ``risk.concentration`` and ``risk.concentration_by_phase``, in one pass.
    """
    total: dict[str, float] = defaultdict(float)
    everywhere: dict[str, float] = defaultdict(float)
    named: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    parts_of = holder_rule(project)  # the split the register uses, so the chart adds up
    for r in project.risks:
        parts = parts_of(r)
        targets = [everywhere] if not r.phases else [named[p] for p in dict.fromkeys(r.phases)]
        for holder, value in parts:
            total[holder] += value
            for target in targets:
                target[holder] += value
    per_phase = {}
    for phase in project.phases:
        row = dict(everywhere)
        for holder, value in named.get(phase.id, {}).items():
            row[holder] = row.get(holder, 0.0) + value
        per_phase[phase.id] = row
    return dict(total), per_phase


def _number(v: float) -> str:
    return f"{v:.0f}" if abs(v - round(v)) < 0.05 or v >= 10 else f"{v:.1f}"


def partner_load(project: Project, theme: Theme = DEFAULT, scale: float = 1.0,
                 highlight: set[str] | None = None) -> Scene:
    s = theme.font_scale * scale
    WIDTH = scene_width(s)  # noqa: N806 - the scene's width at this text scale
    fs, small, tiny = font_size(12, s), font_size(10.5, s), font_size(9.5, s)
    highlight = as_ids(highlight)
    title = f"Risk carried by each partner: {project.project.title}"
    if not project.risks:
        text = "No risks yet: the risk each partner carries appears once the register has risks."
        return Scene(WIDTH, 60 * s, [Text(MARGIN, 34 * s, text, fs, theme.muted)], title, text,
                     theme.background)

    total, per_phase = carried(project)
    order = build_schedule(project).order if project.phases else []
    names = {p.id: p.name for p in project.phases}
    rows = [("All risks", None, total)] + [(names[pid], pid, per_phase[pid]) for pid in order]
    who_of = {h: partner_name(project, h) for h in {""} | {p.id for p in project.partners}}
    holders = [p.id for p in project.partners if any(r.get(p.id) for _, _, r in rows)]
    if any(r.get("") for _, _, r in rows):
        holders.append("")
    colours = partner_colours(project, theme)
    public = {p.id for p in project.partners if p.kind is PartnerKind.PUBLIC}

    label_w = 230 * s
    plot_x = MARGIN + label_w + 8 * s
    total_w = text_width("99999", small, True) + 10 * s
    plot_w = WIDTH - MARGIN - plot_x - total_w
    biggest = max(sum(r.values()) for _, _, r in rows) or 1.0
    step = _nice_step(biggest / 5)
    axis_max = step * (int(biggest / step) + (0 if biggest % step == 0 else 1))
    per_unit = plot_w / axis_max

    shapes: list[Shape] = []
    row_h, pad = 28 * s, 5 * s
    header = MARGIN + fs * 2.6
    shapes.append(Text(MARGIN + 4 * s, MARGIN + fs * 1.1, "Risk score held", fs, theme.text,
                       bold=True))
    shapes.append(Text(MARGIN + 4 * s, MARGIN + fs * 2.2, "(likelihood × impact, shared risks "
                       "split)", tiny, theme.muted))
    bottom = header + len(rows) * row_h + (row_h * 0.4 if len(rows) > 1 else 0)
    tick = 0.0
    while tick <= axis_max + 1e-9:
        x = plot_x + tick * per_unit
        shapes.append(Line(x, header - 3 * s, x, bottom, theme.grid, 0.75))
        shapes.append(Text(x, header - 6 * s, _number(tick), small, theme.muted,
                           "end" if tick >= axis_max - 1e-9 else "middle"))
        tick += step

    # The bars go in one partner at a time (rows never overlap, so the picture is the same):
    # a painter then draws each partner's boxes in one call, not a box per call.
    bars: dict[str, list[Shape]] = {holder: [] for holder in holders}
    words: list[Shape] = []
    fill = {h: colours.get(h, theme.no_partner) for h in holders}
    hatch = {h: "hatch" if h in public else None for h in holders}
    y = header
    for i, (name, pid, values) in enumerate(rows):
        if i == 1:
            y += row_h * 0.4  # a gap between the whole contract and its phases
            words.append(Text(MARGIN + 4 * s, y - row_h * 0.05, "By phase", small, theme.muted,
                              bold=True))
        item = ("phases", pid) if pid else None
        bold = pid in highlight or pid is None
        words.append(Text(MARGIN + 4 * s, y + row_h / 2 + fs * 0.36,
                          fit_text(name, fs, label_w - 6 * s, bold), fs, theme.text, bold=bold,
                          item=item, tooltip=name))
        x = plot_x
        row_total = _number(sum(values.values()))
        for holder in holders:
            v = values.get(holder, 0.0)
            if not v:
                continue
            w = v * per_unit
            tip = f"{name}: {who_of[holder]} holds {_number(v)} of {row_total}"
            bars[holder].append(Rect(x, y + pad, w, row_h - 2 * pad, fill[holder], theme.outline,
                                     0.75, None, item, tip, hatch[holder]))
            x += w
        words.append(Text(x + 5 * s, y + row_h / 2 + small * 0.36,
                          row_total, small, theme.text, bold=True))
        y += row_h
    for holder in holders:
        shapes += bars[holder]
    shapes += words
    shapes.append(Line(plot_x, header, plot_x, y, theme.outline, 1))

    entries = [LegendEntry(partner_name(project, h) + (" (public)" if h in public else ""),
                           _swatch(colours.get(h, theme.no_partner), theme, h in public))
               for h in holders]
    more, h = legend(entries, MARGIN, y + fs * 0.8, WIDTH - 2 * MARGIN, small, theme, "Partners:")
    shapes += more
    height = y + fs * 0.8 + h + MARGIN
    register_total = sum(score(r) for r in project.risks)
    description = "Risk score carried by each partner over the whole contract: " + "; ".join(
        f"{partner_name(project, h)} {_number(total.get(h, 0.0))}" for h in holders) + (
        f"; together {_number(sum(total.values()))}, the register's total score of "
        f"{_number(register_total)}.")
    return Scene(WIDTH, height, shapes, title, description, theme.background)


def _swatch(colour: str, theme: Theme, hatched: bool):
    return lambda x, yc, z: [Rect(x, yc - z / 2, z, z, colour, theme.outline, 0.75,
                                  pattern="hatch" if hatched else None)]


def _nice_step(raw: float) -> float:
    for magnitude in (0.1, 1, 10, 100, 1000, 10_000, 100_000, 1_000_000):
        for m in (1, 2, 5):
            if m * magnitude >= raw:
                return m * magnitude
    return 10_000_000

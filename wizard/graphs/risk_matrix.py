"""The 5×5 risk matrix: likelihood up (1 at the bottom), impact across (1 at the left).

Cells are coloured by score band and carry their score. Every risk is a marker labelled with its
id; the allocation is told by shape as well as colour (public = square, private = circle,
shared = triangle), so the matrix reads in black-and-white print and for colour-blind viewers.
Markers in a cell are laid out in a grid, never stacked; when a cell cannot hold them all, its
last row says "+N more" and that text carries the ids of the risks it stands for, so every risk
is drawn (or stood for) exactly once.
"""

from __future__ import annotations

from collections import Counter

from wizard.formatting import count
from wizard.model import Project, Risk
from wizard.risk import BANDS, band_of, score
from wizard.scene import (
    DEFAULT,
    as_ids,
    font_size,
    scene_width,
    Ellipse,
    Polygon,
    Rect,
    Scene,
    Shape,
    Text,
    Theme,
    fit_text,
    text_width,
)
from wizard.vocab import IMPACT_LABELS, LIKELIHOOD_LABELS, Allocation

WIDTH = 900.0
MARGIN = 12.0
SHAPE_OF = {Allocation.PUBLIC: "square", Allocation.PRIVATE: "circle",
            Allocation.SHARED: "triangle"}


def marker(allocation: Allocation, cx: float, cy: float, size: float, theme: Theme,
           item=None, tooltip: str = "") -> Shape:
    """The marker of a risk with this allocation, centred on (cx, cy)."""
    colour = theme.allocation_colour(allocation.value)
    h = size / 2
    if allocation is Allocation.PUBLIC:
        return Polygon(((cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)),
                       colour, theme.text, item, tooltip, 0.75)
    if allocation is Allocation.PRIVATE:
        return Ellipse(cx, cy, h, h, colour, theme.text, item, tooltip, 0.75)
    return Polygon(((cx, cy - h * 1.15), (cx + h * 1.15, cy + h), (cx - h * 1.15, cy + h)),
                   colour, theme.text, item, tooltip, 0.75)


def _band_ranges() -> list[tuple[str, int, int]]:
    out = []
    for i, (name, lowest) in enumerate(BANDS):
        highest = BANDS[i + 1][1] - 1 if i + 1 < len(BANDS) else 25
        out.append((name, lowest, highest))
    return out


def risk_tooltip(risk: Risk) -> str:
    s = score(risk)
    share = f" ({risk.public_share}% public)" if risk.allocation is Allocation.SHARED else ""
    return (f"{risk.id}: {risk.title}\nLikelihood {risk.likelihood} "
            f"({LIKELIHOOD_LABELS[risk.likelihood]}) × impact {risk.impact} "
            f"({IMPACT_LABELS[risk.impact]}) = {s}, {band_of(s)}\n"
            f"Allocation: {risk.allocation.value}{share}")


def risk_matrix(project: Project, theme: Theme = DEFAULT, highlight: set[str] | None = None,
                spread: dict[str, tuple[int, int, int, int]] | None = None,
                scale: float = 1.0) -> Scene:
    """The matrix of ``project``'s risks. ``spread`` maps a risk id to the (min likelihood,
    max likelihood, min impact, max impact) of its workshop votes, drawn as a dashed range."""
    s = theme.font_scale * scale
    t = s * theme.text_scale  # the type's scale: larger than the layout's in a workshop
    fs, small, tiny = font_size(12, t), font_size(10.5, t), font_size(9.5, t)
    if theme.text_scale > 1:  # type enlarged for a room: the cells' scores as large as labels
        tiny = small
    highlight = as_ids(highlight)
    spread = spread or {}
    shapes: list[Shape] = []

    row_label_w = max(text_width(f"{n}  {w}", small) for n, w in LIKELIHOOD_LABELS.items()) + 10 * s
    size = 11 * t
    legend_w = max(
        text_width("Score = likelihood × impact", small, True),
        size * 1.3 + 6 * s + max(text_width(w, small) for w in (
            "Shared (triangle)", "Very high (15–25)", "Range of workshop votes")),
        text_width("+N more: risks not drawn", small)) + 4 * s
    grid_x = MARGIN + row_label_w
    grid_y = MARGIN + fs * 2.0
    strip = small * 1.25  # the cell's score number above its markers
    unit_h = max(size, small * (1.17)) + 4 * s  # one row of markers
    # Wide enough for a marker and its id in each cell, tall enough for two rows of them: with
    # the type at the layout's scale the natural width and 78 units are more than that.
    narrowest = size + 3 * s + text_width("R88", small, True) + 5 * s + 8 * s
    WIDTH = max(scene_width(s), theme.min_width,  # noqa: N806
                2 * MARGIN + row_label_w + legend_w + 16 * s + 5 * narrowest)
    cell_w = (WIDTH - 2 * MARGIN - row_label_w - legend_w - 16 * s) / 5
    cell_h = max(78 * s, strip + 2 * unit_h + 3 * s)

    def cell_origin(likelihood: int, impact: int) -> tuple[float, float]:
        return grid_x + (impact - 1) * cell_w, grid_y + (5 - likelihood) * cell_h

    shapes.append(Text(MARGIN, MARGIN + fs, "Likelihood ↑", fs, theme.text, bold=True))
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x, y = cell_origin(likelihood, impact)
            value = likelihood * impact
            shapes.append(Rect(x, y, cell_w, cell_h, theme.band_colour(band_of(value)),
                               theme.background, 2))
            shapes.append(Text(x + cell_w - 4 * s, y + small * 1.02, str(value), tiny,
                               theme.on_fill, "end"))
        _, y = cell_origin(likelihood, 1)
        shapes.append(Text(grid_x - 8 * s, y + cell_h / 2 + small * 0.36,
                           f"{likelihood}  {LIKELIHOOD_LABELS[likelihood]}", small, theme.text,
                           "end"))
    bottom = grid_y + 5 * cell_h
    for impact in range(1, 6):
        x, _ = cell_origin(1, impact)
        shapes.append(Text(x + cell_w / 2, bottom + small * 1.3, str(impact), small, theme.text,
                           "middle"))
        shapes.append(Text(x + cell_w / 2, bottom + small * 2.6,
                           fit_text(IMPACT_LABELS[impact], small, cell_w - 4 * s), small,
                           theme.text, "middle"))
    shapes.append(Text(grid_x + 2.5 * cell_w, bottom + small * 2.6 + fs * 1.5, "Impact →", fs,
                       theme.text, "middle", bold=True))

    # Ranges of workshop votes, under the markers.
    for risk in project.risks:
        if risk.id not in spread:
            continue
        l_lo, l_hi, i_lo, i_hi = spread[risk.id]
        if (l_lo, i_lo) == (l_hi, i_hi):
            continue
        x0, y0 = cell_origin(l_hi, i_lo)
        shapes.append(Rect(x0 + 3 * s, y0 + 3 * s, (i_hi - i_lo + 1) * cell_w - 6 * s,
                           (l_hi - l_lo + 1) * cell_h - 6 * s, "none",
                           theme.allocation_colour(risk.allocation.value), 1.5, (4, 3),
                           ("risks", risk.id), f"{risk.id}: votes range over likelihood "
                           f"{l_lo}–{l_hi} and impact {i_lo}–{i_hi}"))

    # Markers, cell by cell.
    cells: dict[tuple[int, int], list[Risk]] = {}
    for risk in project.risks:
        cells.setdefault((risk.likelihood, risk.impact), []).append(risk)
    collapsed = 0
    for (likelihood, impact), risks in cells.items():
        x, y = cell_origin(likelihood, impact)
        inner_x, inner_y = x + 4 * s, y + strip
        inner_w, inner_h = cell_w - 8 * s, cell_h - strip - 3 * s
        room = inner_w - size - 3 * s - 4 * s
        labels = {r.id: fit_text(r.id, small, room, r.id in highlight) for r in risks}
        widest = max(text_width(t, small, True) for t in labels.values())
        unit_w = size + 3 * s + widest + 5 * s
        cols = max(1, int((inner_w + 5 * s) // unit_w))
        rows = max(1, int(inner_h // unit_h))
        if len(risks) <= cols * rows:
            shown, hidden = risks, []
        else:
            keep = cols * (rows - 1)
            shown, hidden = risks[:keep], risks[keep:]
            wanted = [r for r in hidden if r.id in highlight]
            if wanted:  # a selected risk is always drawn, never folded into "+N more"
                swap = [r for r in reversed(shown) if r.id not in highlight][: len(wanted)]
                shown = [r for r in shown if r not in swap] + wanted[: len(swap)]
                hidden = [r for r in risks if r not in shown]
        for n, risk in enumerate(shown):
            col, row = n % cols, n // cols
            ux, uy = inner_x + col * unit_w, inner_y + row * unit_h
            cy = uy + unit_h / 2
            item, tip = ("risks", risk.id), risk_tooltip(risk)
            bold = risk.id in highlight
            if bold:
                shapes.append(Rect(ux - 2 * s, uy, unit_w - 2 * s, unit_h, "none",
                                   theme.highlight, 2.5, None, item, tip))
            shapes.append(marker(risk.allocation, ux + size / 2, cy, size, theme, item, tip))
            shapes.append(Text(ux + size + 3 * s, cy + small * 0.36, labels[risk.id], small,
                               theme.on_fill, bold=bold, item=item, tooltip=tip))
        if hidden:
            collapsed += len(hidden)
            uy = inner_y + (rows - 1) * unit_h
            ids = [r.id for r in hidden]
            tip = f"{len(ids)} more risks here: " + ", ".join(ids[:40]) + (
                ", …" if len(ids) > 40 else "")
            text = fit_text(f"+{len(ids)} more", small, inner_w) or fit_text(
                f"+{len(ids)}", small, inner_w)
            shapes.append(Text(inner_x, uy + unit_h / 2 + small * 0.36, text, small, theme.on_fill,
                               bold=True, tooltip=tip, items=tuple(("risks", i) for i in ids)))

    # Legend, to the right of the matrix.
    lx = grid_x + 5 * cell_w + 16 * s
    ly = grid_y
    room = WIDTH - MARGIN - lx
    line = small * 1.8
    shapes.append(Text(lx, ly + small, "Allocation", small, theme.text, bold=True))
    ly += line
    for allocation, words in ((Allocation.PUBLIC, "Public (square)"),
                              (Allocation.PRIVATE, "Private (circle)"),
                              (Allocation.SHARED, "Shared (triangle)")):
        shapes.append(marker(allocation, lx + size / 2, ly + small * 0.6, size, theme))
        shapes.append(Text(lx + size + 6 * s, ly + small,
                           fit_text(words, small, room - size - 6 * s), small, theme.text))
        ly += line
    ly += small * 0.6
    shapes.append(Text(lx, ly + small, "Score = likelihood × impact", small, theme.text, bold=True))
    ly += line
    for name, lowest, highest in reversed(_band_ranges()):
        shapes.append(Rect(lx, ly, size * 1.3, size * 1.3, theme.band_colour(name), theme.outline,
                           0.75))
        shapes.append(Text(lx + size * 1.3 + 6 * s, ly + small,
                           fit_text(f"{name.capitalize()} ({lowest}–{highest})", small,
                                    room - size * 1.3 - 6 * s), small, theme.text))
        ly += line
    if any(k in spread for k in (r.id for r in project.risks)):
        ly += small * 0.6
        shapes.append(Rect(lx, ly, size * 1.3, size * 1.3, "none", theme.outline, 1.5, (4, 3)))
        shapes.append(Text(lx + size * 1.3 + 6 * s, ly + small,
                           fit_text("Range of workshop votes", small, room - size * 1.3 - 6 * s),
                           small, theme.text))
        ly += line
    if collapsed:
        ly += small * 0.6
        for words in ("+N more: risks not drawn", "one by one (point to list)"):
            shapes.append(Text(lx, ly + small, fit_text(words, small, room), small, theme.muted))
            ly += small * 1.4
    if not project.risks:
        shapes.append(Text(grid_x + 2.5 * cell_w, grid_y + 2.5 * cell_h, "No risks yet", fs,
                           theme.muted, "middle"))

    height = max(bottom + small * 2.6 + fs * 1.5 + MARGIN, ly + MARGIN)
    return Scene(WIDTH, height, shapes, f"Risk matrix: {project.project.title}",
                 _describe(project), theme.background)


def _describe(project: Project) -> str:
    if not project.risks:
        return "Risk matrix with no risks yet."
    bands = Counter(band_of(score(r)) for r in project.risks)
    alloc = Counter(r.allocation.value for r in project.risks)
    parts = [f"Risk matrix of {count(len(project.risks), 'risk')}:"]
    parts.append(", ".join(f"{bands[name]} {name}" for name, _ in reversed(BANDS)) + ";")
    parts.append(", ".join(f"{alloc[a.value]} {a.value}" for a in Allocation) + ".")
    highest = sorted(project.risks, key=lambda r: -score(r))[:5]
    parts.append("Highest: " + "; ".join(f"{r.id} {r.title} ({score(r)})" for r in highest) + ".")
    return " ".join(parts)

"""Pieces the graph builders share: partner colours and legends laid out without overlap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wizard.model import Project
from wizard.scene import Shape, Text, Theme, fit_text, text_width


def partner_colours(project: Project, theme: Theme) -> dict[str, str]:
    """A colour per partner id, in register order ('' is 'no partner')."""
    colours = {p.id: theme.palette[i % len(theme.palette)] for i, p in enumerate(project.partners)}
    colours[""] = theme.no_partner
    return colours


def partner_name(project: Project, partner_id: str) -> str:
    partner = project.partner(partner_id) if partner_id else None
    return partner.name if partner else "No partner named"


@dataclass(frozen=True)
class LegendEntry:
    label: str
    swatch: Callable[[float, float, float], list[Shape]]  # (x, y-centre, size) -> shapes


def legend(entries: list[LegendEntry], x: float, y: float, width: float, size: float,
           theme: Theme, heading: str = "") -> tuple[list[Shape], float]:
    """Entries flowed into rows within ``width``: (shapes, height used). Nothing overlaps."""
    shapes: list[Shape] = []
    line = size * 1.7
    swatch = size * 1.2
    cx, cy = x, y
    if heading:
        shapes.append(Text(x, cy + size, heading, size, theme.text, bold=True))
        cx = x + text_width(heading, size, True) + size
    for entry in entries:
        words = fit_text(entry.label, size, width - swatch - size * 1.6)
        need = swatch + size * 0.4 + text_width(words, size) + size * 1.2
        if cx > x and cx + need > x + width:
            cx, cy = x, cy + line
        mid = cy + size * 0.62
        shapes.extend(entry.swatch(cx, mid, swatch))
        shapes.append(Text(cx + swatch + size * 0.4, cy + size, words, size, theme.text))
        cx += need
    return shapes, (cy - y) + line

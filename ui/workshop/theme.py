"""The workshop's high-contrast theme: its colours as data, and everything built from them.

- ``HIGH_CONTRAST`` — the palette (``Palette``): every colour the workshop view uses.
- ``stylesheet(palette, scale)`` — the Qt stylesheet for the workshop window, type ``scale`` × base.
- ``graph_theme(palette, scale)`` — the graphs' ``wizard.scene.Theme`` built from the same colours.
- ``text_pairs(palette)`` — every (text colour, background colour) pair the theme puts text on,
  in the widgets and in the graphs, so a test can hold each one to WCAG AAA (7:1).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

BASE_POINT_SIZE = 12  # the type size at scale 1.0
DEFAULT_SCALE = 1.6  # readable from the back of a meeting room on a projector
MIN_SCALE, MAX_SCALE, SCALE_STEP = 1.0, 3.0, 0.1


@dataclass(frozen=True)
class Palette:
    """Every colour of the workshop view, '#rrggbb'.

    Dark text on light ground: it survives a washed-out projector in a lit room far better
    than light on dark. Colours only behind text are listed in ``text_pairs``.
    """

    # the window and the capture panel
    background: str = "#ffffff"
    panel: str = "#f0f0f0"  # the capture panel, the decision log, the findings
    text: str = "#000000"
    muted: str = "#262626"  # hints, the key legend
    accent: str = "#003f8a"  # headings, the armed score, the timer, focus frames
    selection: str = "#003f8a"  # the selected row: white on dark blue
    selection_text: str = "#ffffff"
    field: str = "#ffffff"  # text boxes
    border: str = "#000000"
    error: str = "#8a0000"
    success: str = "#005a00"
    # the graphs (wizard.scene.Theme)
    graph_background: str = "#ffffff"
    graph_text: str = "#000000"
    graph_muted: str = "#262626"
    lane: str = "#ececec"
    label_box: str = "#ffffff"
    grid: str = "#808080"  # lines only, never behind text
    outline: str = "#000000"
    critical: str = "#000000"
    highlight: str = "#c8007a"  # the frame round the selected item (a line, not behind text)
    band_low: str = "#7fdc7f"
    band_medium: str = "#ffe066"
    band_high: str = "#ffb55c"
    band_very_high: str = "#ff9e9e"
    stage_design: str = "#b9d7ea"
    stage_delivery: str = "#c7e6c1"
    stage_evaluation: str = "#f1d4b8"

    def colours(self) -> dict[str, str]:
        return dataclasses.asdict(self)


HIGH_CONTRAST = Palette()


def bands(palette: Palette) -> dict[str, str]:
    """Band name (as wizard.risk.BANDS) -> cell colour."""
    return {
        "low": palette.band_low,
        "medium": palette.band_medium,
        "high": palette.band_high,
        "very high": palette.band_very_high,
    }


def stages(palette: Palette) -> dict[str, str]:
    return {
        "design": palette.stage_design,
        "delivery": palette.stage_delivery,
        "evaluation": palette.stage_evaluation,
    }


def text_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """(where, text colour, background colour) for every place the theme puts text.

    Rows of lists (findings included) are drawn in the text colour whatever colour the list's
own code asks for. The graphs draw all their words in the theme's text or muted colour, on the background,
    the lanes, the label boxes, the band cells of the risk matrix and the steering-group stage
    bars; every such combination is listed.
    """
    p = palette
    pairs = [
        ("window text", p.text, p.background),
        ("window hints", p.muted, p.background),
        ("window headings and timer", p.accent, p.background),
        ("window errors", p.error, p.background),
        ("window confirmations", p.success, p.background),
        ("panel text", p.text, p.panel),
        ("panel hints and key legend", p.muted, p.panel),
        ("panel headings and armed score", p.accent, p.panel),
        ("panel errors", p.error, p.panel),
        ("panel confirmations", p.success, p.panel),
        ("text box, and every other row of a list", p.text, p.field),
        ("text box placeholder", p.muted, p.field),
        ("text box selection", p.selection_text, p.selection),
        ("selected row", p.selection_text, p.selection),
    ]
    grounds = {"graph background": p.graph_background, "lane": p.lane, "label box": p.label_box}
    grounds.update({f"{name} band cell": colour for name, colour in bands(p).items()})
    grounds.update({f"{name} stage bar": colour for name, colour in stages(p).items()})
    for where, ground in grounds.items():
        pairs.append((f"graph text on {where}", p.graph_text, ground))
        pairs.append((f"graph muted text on {where}", p.graph_muted, ground))
    return pairs


def clamp_scale(scale: float) -> float:
    return round(min(MAX_SCALE, max(MIN_SCALE, scale)), 2)


def point_size(scale: float) -> int:
    return max(8, round(BASE_POINT_SIZE * clamp_scale(scale)))


def stylesheet(palette: Palette = HIGH_CONTRAST, scale: float = DEFAULT_SCALE) -> str:
    """The workshop window's stylesheet: high-contrast colours and type at ``scale``."""
    p = palette
    size = point_size(scale)
    big = round(size * 1.35)
    small = round(size * 0.85)
    return f"""
QWidget {{ background: {p.background}; color: {p.text}; font-size: {size}pt; }}
QWidget#workshopPanel, QWidget#workshopPanel QWidget, QListWidget, QWidget#workshopFindings {{
    background: {p.panel}; color: {p.text};
}}
QLineEdit, QWidget#workshopPanel QLineEdit {{ background: {p.field}; }}
QLabel#workshopHeading, QLabel#workshopTimer, QLabel#workshopArmed {{
    color: {p.accent}; font-size: {big}pt; font-weight: bold;
}}
QLabel#workshopLegend, QLabel#workshopHint {{ color: {p.muted}; font-size: {small}pt; }}
QLabel#workshopMessage[kind="error"] {{ color: {p.error}; }}
QLabel#workshopMessage[kind="ok"] {{ color: {p.success}; }}
QLineEdit {{
    background: {p.field}; color: {p.text}; border: 2px solid {p.border};
    padding: 4px; selection-background-color: {p.selection}; selection-color: {p.selection_text};
}}
QLineEdit:focus, QListWidget:focus {{ border: 4px solid {p.accent}; }}
QListWidget {{ border: 2px solid {p.border}; alternate-background-color: {p.field}; }}
QListWidget::item {{ padding: 4px; color: {p.text}; }}
QListWidget::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
QPushButton, QToolButton {{
    background: {p.panel}; color: {p.text}; border: 2px solid {p.border}; padding: 4px 10px;
}}
QPushButton:focus, QToolButton:focus {{ border: 4px solid {p.accent}; }}
QPushButton:checked, QToolButton:checked {{ background: {p.selection}; color: {p.selection_text}; }}
QToolTip {{ background: {p.panel}; color: {p.text}; border: 2px solid {p.border}; }}
"""


def graph_theme(palette: Palette = HIGH_CONTRAST, scale: float = DEFAULT_SCALE):
    """The graphs' theme (``wizard.scene.Theme``) from this palette, type at ``scale``."""
    from wizard.scene import Theme

    p = palette
    return Theme(
        name="workshop",
        background=p.graph_background,
        text=p.graph_text,
        muted=p.graph_muted,
        grid=p.grid,
        lane=p.lane,
        outline=p.outline,
        critical=p.critical,
        highlight=p.highlight,
        label_box=p.label_box,
        bands=tuple(bands(p).items()),
        stages=tuple(stages(p).items()),
        font_scale=clamp_scale(scale),
    )

"""The figures of the exports: a project's graphs as scenes, then as SVG or reportlab drawings.

The same scene builders draw the graphs on screen; the exports use the print theme, whose
larger type stays legible once a figure is scaled to the page width.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing

import wizard.scene as scene_module
from wizard.export.drawing import scene_to_drawing
from wizard.model import Project
from wizard.scene import Scene, scene_to_svg

KINDS = ("phase_map", "risk_matrix", "partner_load", "procurement_timeline")


def scene_for(kind: str, project: Project) -> Scene:
    if kind not in KINDS:
        raise ValueError(f"Unknown figure '{kind}'")
    return getattr(scene_module, kind)(project, theme=scene_module.PRINT)


def svg_for(scene: Scene) -> str:
    """The scene as an SVG element (no XML declaration)."""
    return scene_to_svg(scene)


def drawing_for(scene: Scene, max_width: float) -> Drawing:
    """The scene as a reportlab Drawing no wider than max_width."""
    return scene_to_drawing(scene, max_width=max_width)

"""Any valid project draws: every risk once, no text on text, everything inside the scene."""

from collections import Counter

from hypothesis import given, settings

from tests.strategies import projects
from wizard.graphs import partner_load, phase_map, risk_matrix
from wizard.scene import Ellipse, Polygon, Theme, overlapping, scene_to_svg


@settings(max_examples=40, deadline=None)
@given(projects(max_risks=12, max_phases=6))
def test_any_project_draws_cleanly(project):
    for theme in (Theme(), Theme(font_scale=1.6)):
        for builder in (phase_map, risk_matrix, partner_load):
            scene = builder(project, theme)
            texts = scene.texts()
            assert overlapping(texts) == [], builder.__name__
            for t in texts:
                x, y, w, h = t.bbox()
                assert "\n" not in t.text and "\t" not in t.text
                assert -0.01 <= x and x + w <= scene.width + 0.01, (builder.__name__, t.text)
                assert -0.01 <= y and y + h <= scene.height + 0.01, (builder.__name__, t.text)
            assert scene_to_svg(scene).endswith("</svg>")
        matrix = risk_matrix(project, theme)
        seen = Counter(s.item[1] for s in matrix.shapes
                       if isinstance(s, (Polygon, Ellipse)) and s.item and s.item[0] == "risks")
        for t in matrix.texts():
            seen.update(i for _, i in t.items)
        assert seen == Counter(r.id for r in project.risks)

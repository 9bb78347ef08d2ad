"""The scene primitives: text metrics, shared geometry, hit tests, the SVG and PDF painters."""

import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from reportlab.graphics.shapes import Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from wizard.catalog import load_example
from wizard.export.drawing import register_fonts, scene_to_drawing
from wizard.graphs import partner_load, phase_map, risk_matrix
from wizard.scene import (
    Ellipse,
    Line,
    Rect,
    Recorder,
    Scene,
    Text,
    fit_text,
    hatch_lines,
    hit_test,
    overlapping,
    paint,
    scene_to_svg,
    text_width,
)


def test_text_width_is_the_pdf_font_width():
    register_fonts()
    for text in ("Operation of the leisure centres", "Tŷ Gwyn – £1,000 ø å €", "R12"):
        assert text_width(text, 12) == pytest.approx(stringWidth(text, "DejaVuSans", 12))
        assert text_width(text, 12, True) == pytest.approx(
            stringWidth(text, "DejaVuSans-Bold", 12))


def test_bbox_follows_the_anchor_and_fit_text_shortens_with_an_ellipsis():
    t = Text(100, 50, "Severe", 10, "#000", "middle")
    x, y, w, h = t.bbox()
    assert x == pytest.approx(100 - w / 2) and y < 50 < y + h
    short = fit_text("Independent evaluation and re-letting", 12, 100)
    assert short.endswith("…") and text_width(short, 12) <= 100
    assert fit_text("Run", 12, 100) == "Run"


def test_hatch_lines_stay_inside_their_box():
    box = Rect(10, 20, 50, 12, "#fff", "#000", pattern="hatch")
    lines = hatch_lines(box)
    assert len(lines) > 5
    for x1, y1, x2, y2 in lines:
        for x, y in ((x1, y1), (x2, y2)):
            assert 10 - 1e-9 <= x <= 60 + 1e-9 and 20 - 1e-9 <= y <= 32 + 1e-9


def test_overlapping_finds_exactly_the_overlapping_pairs():
    a = Text(0, 10, "Alpha", 10, "#000")
    b = Text(20, 12, "Beta", 10, "#000")  # overlaps a
    c = Text(0, 40, "Gamma", 10, "#000")
    assert overlapping([a, b, c]) == [(a, b)]


def test_hit_test_finds_the_topmost_item():
    scene = Scene(100, 100, [
        Rect(0, 0, 100, 100, "#eee", "none", item=("phases", "A")),
        Ellipse(50, 50, 5, 5, "#000", "#000", item=("risks", "R1")),
        Line(0, 90, 100, 90, "#000", item=("phases", "B")),
    ])
    assert hit_test(scene, 50, 50).item == ("risks", "R1")
    assert hit_test(scene, 45.5, 45.5).item == ("phases", "A")  # outside the circle's round edge
    assert hit_test(scene, 30, 91).item == ("phases", "B")
    assert hit_test(scene, 200, 200) is None


def test_paint_expands_hatching_and_arrowheads_for_every_backend():
    scene = Scene(100, 100, [Rect(0, 0, 30, 10, "#fff", "#000", pattern="hatch"),
                             Line(0, 50, 50, 50, "#000", arrow=True)])
    rec = Recorder()
    paint(scene, rec)
    kinds = Counter(kind for kind, _ in rec.calls)
    assert kinds["rect"] == 2 and kinds["polygon"] == 1
    assert kinds["line"] == len(hatch_lines(scene.shapes[0])) + 1


@pytest.mark.parametrize("builder", [phase_map, risk_matrix, partner_load])
def test_svg_is_well_formed_with_every_text_and_the_text_alternative(builder):
    scene = builder(load_example("regeneration"))
    svg = scene_to_svg(scene)
    assert not svg.startswith("<?xml")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == scene.title
    assert root.find(f"{ns}desc").text == scene.description
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert Counter(texts) == Counter(t.text for t in scene.texts())


def _strings(node):
    for item in getattr(node, "contents", []):
        if isinstance(item, String):
            yield item
        elif isinstance(item, Group):
            yield from _strings(item)


def test_drawing_scales_down_to_the_frame_and_keeps_every_text():
    scene = phase_map(load_example("leisure"))
    drawing = scene_to_drawing(scene, max_width=450)
    assert drawing.width == pytest.approx(450)
    assert drawing.height == pytest.approx(scene.height * 450 / scene.width)
    strings = list(_strings(drawing))
    assert Counter(s.text for s in strings) == Counter(t.text for t in scene.texts())
    assert {s.fontName for s in strings} <= {"DejaVuSans", "DejaVuSans-Bold"}
    assert scene_to_drawing(scene).width == pytest.approx(scene.width)  # never scaled up


def test_shapes_are_values_compared_and_hashed_by_their_fields():
    a = Rect(1, 2, 3, 4, "#ffffff", "#000000", item=("risks", "R1"))
    b = Rect(1, 2, 3, 4, "#ffffff", "#000000", item=("risks", "R1"))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Rect(1, 2, 3, 5, "#ffffff", "#000000", item=("risks", "R1"))
    assert Text(0, 10, "x", 12, "#000000") == Text(0, 10, "x", 12, "#000000")
    assert not hasattr(a, "__dict__")  # slotted: thousands per refresh, made quickly

"""Screen and paper agree: the Qt painter and the reportlab painter draw the same scene.

Three checks, each able to fail on its own:
1. the reportlab Drawing holds one primitive per call of ``wizard.scene.paint``, in order, with
   the same kind and the same text or fill;
2. the Qt painter's own output (through QSvgGenerator) has the same texts, in the same order, at
   the same positions, sizes, weights and colours as the reportlab Strings;
3. rasterised, the Qt image and the PDF page (via pdftoppm) show the same colour inside every
   large filled box of the scene.
"""

import re
import shutil
import subprocess
from html import unescape

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Ellipse, Line, Polygon, Rect, String

from ui.widgets.scene_view import paint_scene, render_image
from wizard.catalog import load_example
from wizard.export.drawing import scene_to_drawing
from wizard.graphs import partner_load, phase_map, risk_matrix
from wizard.scene import Recorder, overlaps, paint
from wizard.scene import Rect as SceneRect

CASES = [(name, builder) for name in ("leisure", "regeneration")
         for builder in (phase_map, risk_matrix, partner_load)]
IDS = [f"{name}-{builder.__name__}" for name, builder in CASES]


def _hex(colour) -> str:
    return "none" if colour is None else "#" + colour.hexval()[2:].lower()


def _drawing_calls(drawing):
    group = drawing.contents[0]
    calls = []
    for item in group.contents[1:]:  # the first is the background
        if isinstance(item, String):
            calls.append(("text", item.text))
        elif isinstance(item, Rect):
            calls.append(("rect", _hex(item.fillColor)))
        elif isinstance(item, Line):
            calls.append(("line", _hex(item.strokeColor)))
        elif isinstance(item, Polygon):
            calls.append(("polygon", _hex(item.fillColor)))
        elif isinstance(item, Ellipse):
            calls.append(("ellipse", _hex(item.fillColor)))
        else:
            calls.append(("unexpected", type(item).__name__))
    return calls


@pytest.mark.parametrize(("name", "builder"), CASES, ids=IDS)
def test_reportlab_draws_one_primitive_per_scene_call(name, builder):
    scene = builder(load_example(name))
    recorder = Recorder()
    paint(scene, recorder)
    expected = [(kind, detail.lower() if kind != "text" else detail)
                for kind, detail in recorder.calls]
    assert _drawing_calls(scene_to_drawing(scene)) == expected


def _qt_svg_texts(scene):
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(scene.width), round(scene.height)))
    generator.setViewBox(QRect(0, 0, round(scene.width), round(scene.height)))
    painter = QPainter(generator)
    paint_scene(painter, scene)
    painter.end()
    svg = bytes(buffer.data()).decode("utf-8")
    found = []
    for attrs, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg):
        a = dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        found.append((unescape(text), float(a["x"]), float(a["y"]), float(a["font-size"]),
                      a["font-weight"] == "700", a["fill"].lower()))
    return found


@pytest.mark.parametrize(("name", "builder"), CASES, ids=IDS)
def test_qt_and_reportlab_put_the_same_texts_in_the_same_places(name, builder, qapp):
    scene = builder(load_example(name))
    qt = _qt_svg_texts(scene)
    drawing = scene_to_drawing(scene)
    rl = []
    for s in drawing.contents[0].contents:
        if isinstance(s, String):
            left = s.x - {"start": 0, "middle": 0.5, "end": 1}[s.textAnchor] * s.__class__(
                0, 0, s.text, fontName=s.fontName, fontSize=s.fontSize).getBounds()[2]
            rl.append((s.text, left, scene.height - s.y, s.fontSize, s.fontName.endswith("Bold"),
                       _hex(s.fillColor)))
    assert [t[0] for t in qt] == [t[0] for t in rl] == [t.text for t in scene.texts()]
    for q, r in zip(qt, rl, strict=True):
        assert q[1] == pytest.approx(r[1], abs=0.6), q[0]  # left edge
        assert q[2] == pytest.approx(r[2], abs=0.6), q[0]  # baseline
        assert q[3] == pytest.approx(r[3], abs=0.1), q[0]
        assert q[4:] == r[4:], q[0]


def _sample_points(scene, limit=20):
    """Points inside large filled boxes that no later shape covers."""
    points = []
    for i, shape in enumerate(scene.shapes):
        if not isinstance(shape, SceneRect) or shape.fill == "none" or shape.w < 14 or shape.h < 14:
            continue
        for px, py in ((shape.x + 5, shape.y + 5), (shape.x + shape.w - 5, shape.y + shape.h - 5),
                       (shape.x + shape.w / 2, shape.y + shape.h / 2)):
            probe = (px - 3, py - 3, 6, 6)
            if shape.pattern or any(overlaps(probe, s.bbox()) for s in scene.shapes[i + 1:]):
                continue
            points.append((px, py, shape.fill))
            break
        if len(points) >= limit:
            break
    return points


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize(("name", "builder"), CASES, ids=IDS)
def test_screen_and_pdf_pixels_agree(name, builder, tmp_path, qapp):
    scene = builder(load_example(name))
    points = _sample_points(scene)
    assert len(points) >= 3
    qt = render_image(scene, 1.0)
    pdf = tmp_path / "figure.pdf"
    renderPDF.drawToFile(scene_to_drawing(scene), str(pdf))
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(pdf), str(tmp_path / "p")],
                   check=True)
    paper = QImage(str(tmp_path / "p.png"))
    assert abs(paper.width() - qt.width()) <= 1 and abs(paper.height() - qt.height()) <= 1
    for x, y, fill in points:
        a = qt.pixelColor(int(x), int(y))
        b = paper.pixelColor(int(x), int(y))
        assert a.name() == fill.lower(), (x, y)
        assert max(abs(a.red() - b.red()), abs(a.green() - b.green()),
                   abs(a.blue() - b.blue())) <= 6, (x, y, a.name(), b.name())

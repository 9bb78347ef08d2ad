"""The screen painter batches runs of boxes and lines into one Qt call: the pixels are the same
as drawing each shape on its own."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from ui.widgets import scene_view
from wizard import scene as sc
from wizard.graphs import partner_load, phase_map
from wizard.graphs.sample import generated_project


class _OneByOne(scene_view._QtPainter):
    """The same painter drawing every box and line alone."""

    def _add(self, key, shape) -> None:
        super()._add(key, shape)
        self.flush()

    def lines(self, segments, stroke, width) -> None:
        for x1, y1, x2, y2 in segments:
            self.line(sc.Line(x1, y1, x2, y2, stroke, width))


def _image(scene: sc.Scene, backend_class, shape_by_shape: bool = False) -> QImage:
    """The scene painted with ``backend_class``; ``shape_by_shape`` paints each shape as a scene
    of its own, so no run of hatched boxes is ever merged."""
    image = QImage(900, 700, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.scale(900 / scene.width, 900 / scene.width)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(0, 0, round(scene.width), round(scene.height), scene_view._colour(scene.background))
    backend = backend_class(painter)
    parts = [sc.Scene(scene.width, scene.height, [s]) for s in scene.shapes] if shape_by_shape \
        else [scene]
    for part in parts:
        sc.paint(part, backend)
    backend.flush()
    painter.end()
    return image


def test_batched_painting_gives_the_same_pixels(qapp):
    project = generated_project(12, 60)
    for builder in (partner_load, phase_map):
        scene = builder(project)
        assert any(isinstance(s, sc.Rect) and s.pattern == "hatch" for s in scene.shapes) \
            or builder is phase_map
        batched, alone = _image(scene, scene_view._QtPainter), _image(scene, _OneByOne)
        assert batched == alone, builder.__name__


def test_a_run_of_hatched_bars_painted_together_gives_the_same_pixels(qapp):
    """The partner-load graph puts each partner's bars one after another; the public partner's
    hatched bars are painted as a run (fills, hatching, outlines) with the same result."""
    scene = partner_load(generated_project(12, 60))
    hatched = [s for s in scene.shapes if isinstance(s, sc.Rect) and s.pattern == "hatch"]
    runs = sum(1 for a, b in zip(scene.shapes, scene.shapes[1:])
               if a in hatched and b in hatched)
    assert runs >= 5  # the bars of one partner are together, so runs are merged
    assert _image(scene, _OneByOne) == _image(scene, _OneByOne, shape_by_shape=True)


def test_hatched_boxes_that_touch_or_differ_are_not_merged():
    a = sc.Rect(0, 0, 30, 10, "#ff0000", "#000000", 1, pattern="hatch")
    below = sc.Rect(0, 20, 30, 10, "#ff0000", "#000000", 1, pattern="hatch")
    touching = sc.Rect(0, 10, 30, 10, "#ff0000", "#000000", 1, pattern="hatch")
    other = sc.Rect(0, 20, 30, 10, "#00ff00", "#000000", 1, pattern="hatch")
    for second, merged in ((below, True), (touching, False), (other, False)):
        recorder = sc.Recorder()
        sc.paint(sc.Scene(40, 40, [a, second]), recorder)
        fills = [kind for kind, _ in recorder.calls[:2]]
        assert (fills == ["rect", "rect"]) is merged, second

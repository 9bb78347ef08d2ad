"""The graph on screen: clicks select, tooltips explain, zoom and fit, export PNG and SVG."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

import ui.widgets.scene_view as scene_view
from ui.document import Document
from ui.widgets.scene_view import SceneView, render_image
from wizard.catalog import load_example
from wizard.graphs import phase_map, risk_matrix
from wizard.scene import Ellipse, Polygon, Rect


@pytest.fixture
def view(qtbot):
    widget = SceneView()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def centre_on_screen(view, shape):
    x, y, w, h = shape.bbox()
    return QPoint(round((x + w / 2) * view.zoom), round((y + h / 2) * view.zoom))


def bar(scene, pid):
    return next(s for s in scene.shapes if isinstance(s, Rect) and s.item == ("phases", pid)
                and s.fill != "none")


def test_clicking_a_bar_emits_its_phase(view, qtbot):
    scene = phase_map(load_example("leisure"))
    view.set_scene(scene)
    target = bar(scene, load_example("leisure").phases[-1].id)
    with qtbot.waitSignal(view.itemClicked) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                         pos=centre_on_screen(view, target))
    assert signal.args == list(target.item)


def test_clicking_a_risk_marker_emits_the_risk_and_empty_space_emits_nothing(view, qtbot):
    project = load_example("leisure")
    scene = risk_matrix(project)
    view.set_scene(scene)
    marker = next(s for s in scene.shapes if isinstance(s, (Polygon, Ellipse)) and s.item)
    with qtbot.waitSignal(view.itemClicked) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre_on_screen(view, marker))
    assert signal.args == ["risks", marker.item[1]]
    clicks = []
    view.itemClicked.connect(lambda *args: clicks.append(args))
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert clicks == []


def test_pointing_at_a_marker_shows_its_tooltip(view, qtbot):
    scene = risk_matrix(load_example("leisure"))
    view.set_scene(scene)
    marker = next(s for s in scene.shapes if isinstance(s, (Polygon, Ellipse)) and s.item)
    pos = centre_on_screen(view, marker)
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.canvas.mapToGlobal(pos))
    QApplication.sendEvent(view.canvas, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == marker.tooltip)
    assert "Allocation:" in QToolTip.text()


def test_fit_shows_the_whole_graph_and_zoom_changes_the_size(view, qtbot):
    scene = phase_map(load_example("regeneration"))
    view.set_scene(scene)
    area = view.scroll.viewport().size()
    assert view.canvas.width() <= area.width() and view.canvas.height() <= area.height()
    assert view.canvas.width() >= area.width() - 3 or view.canvas.height() >= area.height() - 3
    fitted = view.canvas.width()
    view.buttons["zoom_in"].click()
    assert view.canvas.width() == pytest.approx(fitted * 1.25, abs=2)
    view.buttons["zoom_out"].click()
    view.buttons["zoom_out"].click()
    assert view.canvas.width() < fitted
    view.buttons["fit"].click()
    assert view.canvas.width() == fitted
    # a new scene after an edit keeps the fit
    view.resize(700, 500)
    qtbot.waitUntil(lambda: view.canvas.width() < fitted)


def test_the_graph_follows_an_edit_of_the_document(view, qtbot):
    document = Document(load_example("leisure"), parent=view)
    rebuild = lambda: view.set_scene(risk_matrix(document.project, highlight={"R1"}))  # noqa
    document.changed.connect(rebuild)
    rebuild()
    index = next(i for i, r in enumerate(document.project.risks) if r.id == "R1")
    document.set_value(("risks", index, "likelihood"), 5)
    tips = [s.tooltip for s in view.scene().shapes if isinstance(s, (Polygon, Ellipse))
            and s.item == ("risks", "R1")]
    assert len(tips) == 1 and "Likelihood 5 (Almost certain)" in tips[0]


def test_export_png_and_svg(view, tmp_path):
    scene = phase_map(load_example("leisure"))
    view.set_scene(scene)
    view.export_image(tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png"))
    assert (image.width(), image.height()) == (round(scene.width * 2), round(scene.height * 2))
    view.export_image(tmp_path / "map.svg")
    root = ET.parse(tmp_path / "map.svg").getroot()
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Operation of the leisure centres", "Critical path"} <= texts
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        view.export_image(tmp_path / "map.jpg")


def test_export_button_asks_for_a_path_and_reports_a_bad_one(view, tmp_path, monkeypatch):
    view.set_scene(risk_matrix(load_example("leisure")))
    errors = []
    monkeypatch.setattr(scene_view, "ask_export_path", lambda parent, name: str(tmp_path / "m.svg"))
    monkeypatch.setattr(scene_view, "show_error", lambda parent, message: errors.append(message))
    view.buttons["export"].click()
    assert (tmp_path / "m.svg").read_text(encoding="utf-8").count("<text") > 25
    monkeypatch.setattr(scene_view, "ask_export_path", lambda parent, name: str(tmp_path / "m.gif"))
    view.buttons["export"].click()
    assert errors == ["Cannot export 'm.gif': choose a name ending .png or .svg"]


def test_at_1920_wide_the_labels_are_at_least_14_pixels():
    for scene in (phase_map(load_example("leisure")), risk_matrix(load_example("leisure"))):
        zoom = min(1920 / scene.width, 1080 / scene.height)
        assert min(t.size for t in scene.texts()) * zoom >= 14
        image = render_image(scene, zoom)
        assert image.width() <= 1920 + 1 and image.height() <= 1080 + 1


def test_the_painter_draws_the_scene_colours_where_the_scene_puts_them():
    scene = risk_matrix(load_example("leisure"))
    image = render_image(scene, 1.0)
    cell = next(s for s in scene.shapes if isinstance(s, Rect) and s.stroke_width == 2)
    colour = image.pixelColor(round(cell.x + 6), round(cell.y + cell.h - 6))
    assert colour.name() == cell.fill.lower()


@pytest.mark.parametrize("size", [10.0, 10.5, 16.8])
def test_text_on_screen_is_as_wide_as_the_metrics_say(size):
    """Qt renders fonts at whole pixel sizes; fractional sizes must not come out wider (they
    would then run into their neighbours, which the overlap tests check by the metrics)."""
    from wizard.scene import Scene, Text, text_width

    words = "Cwm Llwyd County Borough Council (public)"
    image = render_image(Scene(500, 40, [Text(5, 25, words, size, "#000000")]), 2.0)
    right = max(x for x in range(image.width()) for y in range(0, image.height(), 2)
                if image.pixelColor(x, y).lightness() < 128)
    assert right / 2 - 5 == pytest.approx(text_width(words, size), rel=0.02)

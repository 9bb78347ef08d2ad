"""The graphs on screen: a scene painted with QPainter, with zoom, fit, tooltips, clicks, export.

``paint_scene(painter, scene)`` is the Qt painter (thin: the primitives of ``wizard.scene.paint``,
runs of boxes or lines sharing a pen batched into one QPainter call). ``SceneView`` shows a scene: clicking a bar or marker emits
``itemClicked(kind, id)``; pointing at one shows its tooltip; Ctrl+wheel, the + and − buttons
(or keys) zoom, "Fit" (or 0) fits the whole graph; "Export…" saves it as PNG or SVG.
``fit_to(width_only=True)`` fits the graph's width and lets a tall graph scroll down (the
workshop's contract map, whose text must stay large); ``reveal(item)`` scrolls to an item.
Selection highlight is the page's job: it rebuilds the scene with ``highlight`` and calls
``set_scene`` again.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.elided_label import ElidedLabel
from wizard import scene as sc
from wizard.export.svg import scene_to_svg
from wizard.storage import write_atomic

ZOOM_STEP = 1.25
# Texts already laid out, by (text, size, bold): a refresh draws the same labels again
_STATIC_TEXTS: dict[tuple[str, float, bool], QStaticText] = {}
# Qt lines of hatching already drawn, by segment: a refresh hatches the same boxes again
_SEGMENTS: dict[tuple[float, float, float, float], QLineF] = {}
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
PNG_SCALE = 2.0  # exported PNGs at twice the scene's size in points, for slides and print


@cache
def font_family() -> str:
    """Register the bundled DejaVu Sans faces with Qt (once) and return the family name."""
    family = sc.FONT_FAMILY
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(sc.FONTS_DIR / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


@cache
def _colour(value: str) -> QColor:
    return QColor(value)


_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_FLAT_CAP, _MITRE_JOIN = Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin


class _QtPainter:
    """The Qt backend of ``wizard.scene.paint``: text sized so 1 point = 1 scene unit.

    Thin but not naive: pens, brushes and fonts are made once per paint and set only when they
    change, and runs of boxes or of lines drawn with the same pen and brush go to Qt in one
    ``drawRects`` / ``drawLines`` call (same order, same pixels). Call ``flush()`` at the end.
    """

    def __init__(self, painter: QPainter):
        self.p = painter
        device = painter.device()
        self.dpi = device.logicalDpiY() if device is not None else 96
        self.family = font_family()
        self.fonts: dict[tuple[float, bool], QFont] = {}
        self.pens: dict[tuple[str, float, tuple[float, ...] | None], QPen] = {}
        self.brushes: dict[str, QBrush] = {}
        self.text_pens: dict[str, QPen] = {}
        self.ascents: dict[tuple[float, bool], float] = {}
        self.no_pen = QPen(_NO_PEN)
        self.no_brush = QBrush(Qt.BrushStyle.NoBrush)
        self.smooth = True  # paint_scene starts with antialiasing on
        self.current_pen: QPen | None = None
        self.current_brush: QBrush | None = None
        self.current_font: QFont | None = None
        # a run of boxes or lines waiting to be drawn: (kind, pen, brush, smooth) and its shapes
        self.batch_key: tuple | None = None
        self.batch: list = []
        self.rect_look: tuple | None = None  # (fill, stroke, width, dash) of a waiting box run

    # state -----------------------------------------------------------------------------------
    def _pen(self, colour: str, width: float, dash=None) -> QPen:
        if dash is not None and type(dash) is not tuple:
            dash = tuple(dash) or None
        key = (colour, width, dash)
        pen = self.pens.get(key)
        if pen is None:
            if colour == "none" or width <= 0:
                pen = self.no_pen
            else:
                pen = QPen(_colour(colour), width)
                pen.setCapStyle(_FLAT_CAP)
                pen.setJoinStyle(_MITRE_JOIN)
                if dash:
                    pen.setDashPattern([d / width for d in dash])
            self.pens[key] = pen
        return pen

    def _brush(self, colour: str) -> QBrush:
        if colour == "none":
            return self.no_brush
        brush = self.brushes.get(colour)
        if brush is None:
            brush = self.brushes[colour] = QBrush(_colour(colour))
        return brush

    def _use(self, pen: QPen, brush: QBrush | None = None) -> None:
        if pen is not self.current_pen:
            self.p.setPen(pen)
            self.current_pen = pen
        if brush is not None and brush is not self.current_brush:
            self.p.setBrush(brush)
            self.current_brush = brush

    def _smooth(self, on: bool) -> None:
        if self.smooth is not on:
            self.p.setRenderHint(_ANTIALIASING, on)
            self.smooth = on

    def flush(self) -> None:
        """Draw the waiting run of boxes or lines."""
        if not self.batch:
            return
        kind, pen, brush, smooth = self.batch_key  # type: ignore[misc]
        p = self.p
        if self.smooth is not smooth:
            p.setRenderHint(_ANTIALIASING, smooth)
            self.smooth = smooth
        if pen is not self.current_pen:
            p.setPen(pen)
            self.current_pen = pen
        if brush is not None and brush is not self.current_brush:
            p.setBrush(brush)
            self.current_brush = brush
        batch = self.batch
        if len(batch) == 1:  # Qt's single-shape call: the same pixels without a list to convert
            p.drawRect(batch[0]) if kind == "rect" else p.drawLine(batch[0])
        elif kind == "rect":
            p.drawRects(batch)
        else:
            p.drawLines(batch)
        self.batch = []
        self.batch_key = None
        self.rect_look = None

    def _add(self, key: tuple, shape: QRectF | QLineF) -> None:
        batch_key = self.batch_key
        # pens and brushes are shared objects: compare them by identity, not with Qt's ==
        if (batch_key is None or key[1] is not batch_key[1] or key[2] is not batch_key[2]
                or key[0] != batch_key[0] or key[3] is not batch_key[3]):
            if self.batch:
                self.flush()
            self.batch_key = key
        self.batch.append(shape)

    # shapes ----------------------------------------------------------------------------------
    def rect(self, s: sc.Rect) -> None:
        # Boxes are axis-aligned: drawn without antialiasing they look the same and fill
        # several times faster, which keeps a full-screen refresh within a frame.
        look = (s.fill, s.stroke, s.stroke_width, s.dash)
        if look == self.rect_look and self.batch:  # a box like the last: join its run
            self.batch.append(QRectF(s.x, s.y, s.w, s.h))
            return
        brush = self.brushes.get(s.fill)
        if brush is None:
            brush = self._brush(s.fill)
        self._add(("rect", self._pen(s.stroke, s.stroke_width, s.dash), brush, False),
                  QRectF(s.x, s.y, s.w, s.h))
        self.rect_look = look

    def line(self, s: sc.Line) -> None:
        smooth = s.x1 != s.x2 and s.y1 != s.y2  # only slanted lines need smoothing
        self._add(("line", self._pen(s.stroke, s.width, s.dash), None, smooth),
                  QLineF(s.x1, s.y1, s.x2, s.y2))

    def lines(self, segments: list[tuple[float, float, float, float]], stroke: str,
              width: float) -> None:
        """A set of slanted lines of one pen (a box's hatching), in one call."""
        self.flush()
        self._smooth(True)
        self._use(self._pen(stroke, width))
        if len(_SEGMENTS) > 50_000:
            _SEGMENTS.clear()
        known = _SEGMENTS.get
        self.p.drawLines([known(seg) or _SEGMENTS.setdefault(seg, QLineF(*seg)) for seg in segments])

    def polygon(self, s: sc.Polygon) -> None:
        self.flush()
        self._smooth(True)
        self._use(self._pen(s.stroke, s.stroke_width), self._brush(s.fill))
        self.p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in s.points]))

    def ellipse(self, s: sc.Ellipse) -> None:
        self.flush()
        self._smooth(True)
        self._use(self._pen(s.stroke, s.stroke_width), self._brush(s.fill))
        self.p.drawEllipse(QPointF(s.cx, s.cy), s.rx, s.ry)

    def _font(self, size: float, bold: bool) -> QFont:
        key = (size, bold)
        font = self.fonts.get(key)
        if font is None:
            font = QFont(self.family)
            font.setPointSizeF(size * 72 / self.dpi)
            font.setBold(bold)
            font.setKerning(False)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self.fonts[key] = font
        return font

    def _set_font(self, font: QFont) -> None:
        if font is not self.current_font:
            self.p.setFont(font)
            self.current_font = font

    def text(self, s: sc.Text) -> None:
        self.flush()
        pen = self.text_pens.get(s.colour)
        if pen is None:
            pen = self.text_pens[s.colour] = QPen(_colour(s.colour))
        self._use(pen)
        if s.size == int(s.size):
            key = (s.text, s.size, s.bold)
            font = self._font(s.size, s.bold)
            self._set_font(font)
            static = _STATIC_TEXTS.get(key)
            if static is None:  # laid out once, drawn from the layout on every later refresh
                if len(_STATIC_TEXTS) > 20_000:
                    _STATIC_TEXTS.clear()
                static = QStaticText(s.text)
                static.setTextFormat(Qt.TextFormat.PlainText)
                static.prepare(QTransform(), font)
                _STATIC_TEXTS[key] = static
            ascent = self.ascents.get(key[1:])
            if ascent is None:
                ascent = self.ascents[key[1:]] = QFontMetricsF(font, self.p.device()).ascent()
            self.p.drawStaticText(QPointF(s.left(), s.y - ascent), static)
            return
        # Qt renders whole pixel sizes only: draw ten times larger, scaled down, to keep a
        # fractional size exact.
        self._set_font(self._font(round(s.size * 10), s.bold))
        self.p.save()
        self.p.translate(s.left(), s.y)
        factor = s.size / round(s.size * 10)
        self.p.scale(factor, factor)
        self.p.drawText(QPointF(0, 0), s.text)
        self.p.restore()


def paint_scene(painter: QPainter, scene: sc.Scene,
                visible: tuple[float, float, float, float] | None = None) -> None:
    """Paint the scene with ``painter`` in scene units (set any zoom on the painter first).

    ``visible`` (x, y, w, h in scene units) skips the shapes wholly outside that box.
    """
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, scene.width, scene.height), _colour(scene.background))
    if visible is not None:
        shapes = [s for s in scene.shapes if sc.overlaps(s.bbox(), visible, 3)]
        scene = sc.Scene(scene.width, scene.height, shapes, scene.title, scene.description,
                         scene.background)
    backend = _QtPainter(painter)
    sc.paint(scene, backend)
    backend.flush()


def render_image(scene: sc.Scene, scale: float = PNG_SCALE) -> QImage:
    """The scene as an image, ``scale`` pixels per point."""
    image = QImage(max(1, round(scene.width * scale)), max(1, round(scene.height * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(_colour(scene.background))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_scene(painter, scene)
    painter.end()
    return image


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    """Ask where to save the graph (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export graph", suggested,
                                          "PNG image (*.png);;SVG drawing (*.svg)")
    return path or None


def show_error(parent: QWidget, message: str) -> None:
    """Tell the user an export failed (tests replace this function)."""
    QMessageBox.warning(parent, "Export graph", message)


class _Canvas(QWidget):
    def __init__(self, view: SceneView):
        super().__init__()
        self.view = view
        self.setMouseTracking(True)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        scene = self.view.scene()
        if scene is None:
            return
        z = self.view.zoom
        exposed = event.rect()
        painter = QPainter(self)
        painter.scale(z, z)
        paint_scene(painter, scene, (exposed.x() / z, exposed.y() / z,
                                     exposed.width() / z, exposed.height() / z))
        painter.end()

    def _shape_at(self, pos) -> sc.Shape | None:
        scene = self.view.scene()
        if scene is None:
            return None
        z = self.view.zoom
        return sc.hit_test(scene, pos.x() / z, pos.y() / z, tolerance=3 / z)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            shape = self._shape_at(event.position())
            if shape is not None and shape.item is not None:
                self.view.itemClicked.emit(*shape.item)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        shape = self._shape_at(event.position())
        clickable = shape is not None and shape.item is not None
        cursor = Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        self.setCursor(cursor)
        super().mouseMoveEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            shape = self._shape_at(event.pos())
            if shape is not None and shape.tooltip:
                QToolTip.showText(event.globalPos(), shape.tooltip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class SceneView(QWidget):
    """A graph on screen, with zoom, fit, tooltips, clicks and export."""

    itemClicked = Signal(str, str)  # (kind, id) of the bar or marker clicked

    def __init__(self, parent: QWidget | None = None, one_line_title: bool = False):
        super().__init__(parent)
        self._scene: sc.Scene | None = None
        self.zoom = 1.0
        self.fitting = True  # refit whenever the view or the scene changes size
        self.width_only = False  # fitting the graph's width only: a tall graph scrolls down
        self.canvas = _Canvas(self)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.viewport().installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 2, 2)
        # A long title wraps (or, on one line, is shortened) rather than widening the window.
        self.title_label = ElidedLabel() if one_line_title else QLabel("")
        self.title_label.setObjectName("graph.title")
        self.title_label.setWordWrap(not one_line_title)
        bar.addWidget(self.title_label, 1)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("zoom_out", "−", "Zoom out (−)", self.zoom_out),
            ("zoom_in", "+", "Zoom in (+)", self.zoom_in),
            ("fit", "Fit", "Show the whole graph (0)", self.fit),
            ("export", "Export…", "Save the graph as a PNG image or an SVG drawing", self.export),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setObjectName(f"graph.{key}")
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    # -- the scene ----------------------------------------------------------------------------
    def scene(self) -> sc.Scene | None:
        return self._scene

    def set_scene(self, scene: sc.Scene) -> None:
        self._scene = scene
        self.title_label.setText(scene.title)
        # The same words as the graph's text alternative in the HTML edition.
        self.setAccessibleName(scene.title)
        self.setAccessibleDescription(scene.description)
        self.canvas.setAccessibleName(scene.title)
        self.canvas.setAccessibleDescription(scene.description)
        self.canvas.setToolTip("")
        if self.fitting:
            self._refit()
        else:
            self._apply_zoom()

    def sizeHint(self) -> QSize:  # noqa: N802
        if self._scene is None:
            return QSize(640, 400)
        return QSize(min(960, round(self._scene.width)), min(640, round(self._scene.height) + 40))

    # -- zoom ---------------------------------------------------------------------------------
    def _apply_zoom(self) -> None:
        if self._scene is None:
            return
        self.canvas.resize(max(1, round(self._scene.width * self.zoom)),
                           max(1, round(self._scene.height * self.zoom)))
        self.canvas.update()

    def set_zoom(self, zoom: float) -> None:
        self.fitting = False
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_to_fit(self, scene: sc.Scene, width_only: bool = False) -> float:
        """The zoom at which the view shows the whole of ``scene``, or (``width_only``) its
        whole width, a taller scene scrolling down beside a vertical scroll bar."""
        room = self.scroll.contentsRect()  # inside the frame, any scroll bars included
        w, h = max(room.width() - 2, 1), max(room.height() - 2, 1)
        if scene.width <= 0 or scene.height <= 0:
            return 1.0
        zoom = w / scene.width
        if not width_only:
            zoom = min(zoom, h / scene.height)
        elif scene.height * zoom > h:  # it scrolls: the scroll bar takes its width
            bar = self.scroll.verticalScrollBar().sizeHint().width()
            zoom = max(w - bar, 1) / scene.width
        return max(MIN_ZOOM, min(MAX_ZOOM, zoom))

    def fit(self) -> None:
        """Show the whole graph in the view."""
        self.fit_to(width_only=False)

    def fit_to(self, width_only: bool) -> None:
        """Fit the whole graph, or only its width, now and whenever the view or scene changes."""
        self.fitting, self.width_only = True, width_only
        self._refit()

    def _refit(self) -> None:
        if self._scene is None:
            return
        self.zoom = self.zoom_to_fit(self._scene, self.width_only)
        self._apply_zoom()

    def reveal(self, item: tuple[str, str]) -> None:
        """Scroll the least that shows every shape of ``item`` (kind, id), if it has any."""
        if self._scene is None:
            return
        boxes = [shape.bbox() for shape in self._scene.shapes if shape.item == item]
        if not boxes:
            return
        z = self.zoom
        x0, y0 = min(b[0] for b in boxes) * z, min(b[1] for b in boxes) * z
        x1, y1 = max(b[0] + b[2] for b in boxes) * z, max(b[1] + b[3] for b in boxes) * z
        self.scroll.ensureVisible(round((x0 + x1) / 2), round((y0 + y1) / 2),
                                  round((x1 - x0) / 2) + 8, round((y1 - y0) / 2) + 8)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.scroll.viewport():
            if event.type() == QEvent.Type.Resize and self.fitting:
                self._refit()
            elif (event.type() == QEvent.Type.Wheel
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    # -- export -------------------------------------------------------------------------------
    def export_image(self, path: str | Path) -> None:
        """Save the graph as PNG (twice its size in points) or SVG, by the file's suffix."""
        if self._scene is None:
            raise ValueError("There is no graph to export yet")
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".svg":
            data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + scene_to_svg(self._scene)
                    + "\n").encode("utf-8")
        elif suffix == ".png":
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not render_image(self._scene).save(buffer, "PNG"):
                raise OSError(f"Could not write the image to {path.name}")
            data = bytes(buffer.data().data())
        else:
            raise ValueError(f"Cannot export '{path.name}': choose a name ending .png or .svg")
        write_atomic(data, path)  # never a half-written image where the last one was

    def export(self) -> None:
        if self._scene is None:
            return
        suggested = (self._scene.title.split(":")[0] or "graph").lower().replace(" ", "-") + ".png"
        path = ask_export_path(self, suggested)
        if not path:
            return
        try:
            self.export_image(path)
        except (OSError, ValueError) as err:
            show_error(self, str(err))

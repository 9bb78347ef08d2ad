"""Workshop mode: the project on a shared screen, for a room agreeing phasing and risks.

``WorkshopMode(main_window)`` installs a checkable "Workshop mode" action (F11) in the main
window's View menu. Turning it on opens the ``WorkshopWindow`` full screen: the high-contrast
theme, larger type, the current step's graph large on the left (the risk matrix on the risk
step, with the spread of the room's votes; the phase map on the others) and a compact capture
panel on the right (``ui.workshop.capture``), with the decision log below it.

Keys in the workshop window: F11 leaves; F9 shows or hides the findings; Ctrl+= / Ctrl+- make
the type larger or smaller (remembered in the settings as ``workshop/scale``); T starts or
pauses the step timer, Shift+T resets it; the main window's undo, redo, save and step keys
work as usual. The window follows the main window's step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document
from wizard.steps import STEPS
from ui.workshop.decision_log import Clock, DecisionLog, LogView, local_now
from ui.workshop.theme import (
    DEFAULT_SCALE,
    HIGH_CONTRAST,
    SCALE_STEP,
    Palette,
    clamp_scale,
    graph_theme,
    point_size,
    stylesheet,
)
from ui.workshop.timer import StepTimer
from wizard.workshop import vote_spread

if TYPE_CHECKING:  # loaded when workshop mode first opens: keeps networkx out of the start-up
    from ui.widgets.findings_panel import FindingsPanel
    from ui.workshop.capture import PhaseCapture, RiskCapture
    from wizard.scene import Scene

SCALE_KEY = "workshop/scale"
MAX_TEXT_SCALE = 4.0  # the graph's text at most this much larger than its layout
STEP_TITLES = {s.key: s.title for s in STEPS}
STEP_NUMBERS = {s.key: s.number for s in STEPS}
HINT = "F11 leave  ·  F9 findings  ·  T timer  ·  Ctrl+= / Ctrl+− type size"

# The workshop window's own keys: (what it does, shortcuts, slot name); Help lists them too.
WINDOW_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Show or hide the findings", ("F9",), "findings"),
    ("Larger type", ("Ctrl+=", "Ctrl++"), "larger"),
    ("Smaller type", ("Ctrl+-",), "smaller"),
    ("Type size back to normal", ("Ctrl+0",), "normal"),
    ("Start or pause the step timer", ("T",), "timer"),
    ("Reset and hide the step timer", ("Shift+T",), "reset timer"),
)


def help_rows() -> list[tuple[str, str, str]]:
    """(where, command, keys) of the workshop window's keys and the capture keys, for Help."""
    from ui.workshop import capture

    window = [("Workshop mode", what, ", ".join(keys)) for what, keys, _name in WINDOW_KEYS]
    return window + capture.help_rows()
# Main-window commands that also work in the workshop window.
SHARED_ACTIONS = ("undo", "redo", "save", "save_as", "next_step", "back_step",
                  *(f"step_{n}" for n in range(1, len(STEPS) + 1)))


class WorkshopView(QWidget):
    """The graph large on the left with the decision log under it; the capture panel on the
    right; the findings beside the log on request (built on first request: the checks then run
    after every change)."""

    def __init__(self, document: Document, log: DecisionLog, palette: Palette = HIGH_CONTRAST,
                 now: Callable[[], float] = time.monotonic, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.palette = palette
        self.scale = DEFAULT_SCALE
        self.step = "risks"
        self._stale = True
        self.setObjectName("workshopView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.heading = QLabel()
        self.heading.setObjectName("workshopHeading")
        self.heading.setWordWrap(False)  # one line: the graph below keeps the height
        self.timer = StepTimer(now)
        hint = QLabel(HINT)
        hint.setObjectName("workshopHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(24)
        top.addWidget(self.timer)
        top.addSpacing(24)
        top.addWidget(hint, 1)

        from ui.widgets.scene_view import SceneView
        from ui.workshop.capture import PhaseCapture, RiskCapture

        self.graph = SceneView(one_line_title=True)  # the graph, not its title, gets the height
        self.graph.setObjectName("workshop.graph")
        self.graph.itemClicked.connect(self._graph_clicked)

        self.risks = RiskCapture(document, log)
        self.phases = PhaseCapture(document, log)
        self.other = QLabel()
        self.other.setObjectName("workshopPanel")
        self.other.setWordWrap(True)
        self.other.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panels = QStackedWidget()
        for widget in (self.risks, self.phases, self.other):
            self.panels.addWidget(widget)
        self.log_view = LogView(document)
        self.findings: FindingsPanel | None = None

        # The findings (F9) sit beside the decision log, under the graph: the capture panel keeps
        # its whole height, its list and its key legend.
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.log_view, 1)
        self.left = left = QVBoxLayout()
        left.addWidget(self.graph, 4)
        left.addLayout(self.bottom, 1)
        self.right = right = QVBoxLayout()
        # The capture panel scrolls inside itself at large type rather than pushing the window
        # off the screen; its list keeps its minimum rows.
        panel_scroll = QScrollArea()
        panel_scroll.setObjectName("workshop.panelScroll")
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_scroll.setWidget(self.panels)
        self.panel_scroll = panel_scroll
        right.addWidget(panel_scroll, 3)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(0)
        self._resized.timeout.connect(self.refresh_graph)
        self.graph.scroll.installEventFilter(self)  # the graph's room changes: size its type again
        self.risks.selectedChanged.connect(lambda *_: self.refresh_graph())
        self.phases.selectedChanged.connect(lambda *_: self.refresh_graph())
        document.changed.connect(self.refresh_graph)
        self.set_scale(self.scale)
        self.set_step(self.step)

    def _findings_panel(self) -> FindingsPanel:
        from ui.widgets.findings_panel import FindingsPanel

        panel = FindingsPanel(self.document)
        panel.setObjectName("workshopFindings")
        panel.itemRequested.connect(self.select_item)
        panel.set_step(self.step)
        panel.refresh_now()  # shown at once: never "no findings" while the checks are to run
        self.bottom.addWidget(panel, 2)  # the wider: its advice wraps into fewer lines
        return panel

    # -- what is shown ----------------------------------------------------------------------------
    def set_step(self, step: str) -> None:
        if step != self.step:
            self.timer.restart()  # the step timer counts the time on this step
        self.step = step
        self.heading.setText(f"Workshop · step {STEP_NUMBERS[step]} · {STEP_TITLES[step]}")
        if step == "risks":
            self.panels.setCurrentWidget(self.risks)
        elif step == "phasing":
            self.panels.setCurrentWidget(self.phases)
        else:
            self.other.setText(
                f"{STEP_TITLES[step]}\n\nQuick capture works on the phasing (Ctrl+3) and risk "
                "(Ctrl+4) steps. The contract map on the left shows the phases, break clauses "
                "and steering groups. To edit this step, leave workshop mode with F11.")
            self.panels.setCurrentWidget(self.other)
        if self.findings is not None:
            self.findings.set_step(step)
        self.refresh_graph()

    def capture(self) -> RiskCapture | PhaseCapture | None:
        from ui.workshop.capture import PhaseCapture, RiskCapture

        panel = self.panels.currentWidget()
        return panel if isinstance(panel, (RiskCapture, PhaseCapture)) else None

    def focus_capture(self) -> None:
        panel = self.capture()
        if panel is not None:
            panel.focus_title()

    def select_item(self, kind: str, item_id: str) -> None:
        panel = {"risks": self.risks, "phases": self.phases}.get(kind)
        if panel is not None and panel is self.panels.currentWidget():
            panel.select(item_id)
            panel.focus_list()

    def _graph_clicked(self, kind: str, item_id: str) -> None:
        self.select_item(kind, item_id)

    def scene(self) -> Scene:
        """The scene the graph shows now, its text at least the workshop's type size once the
        view fits it (``scene_fit()`` also says whether the view fits its width only)."""
        return self.scene_fit()[0]

    def scene_fit(self) -> tuple[Scene, bool]:
        """(scene, width only): the graph with its text at least the workshop's type size, fitted
        whole when the space allows that, else fitted to the view's width (a tall graph, such as
        the contract map of many phases, then scrolls down to the selected item)."""
        return self._scene_with_readable_text(graph_theme(self.palette, self.graph_scale()))

    def _build_scene(self, theme) -> Scene:
        from wizard.graphs import phase_map, risk_matrix

        project = self.document.project
        if self.step == "risks":
            spread = {r.id: vote_spread(r) for r in project.risks if r.votes}
            selected = self.risks.selected_id()
            return risk_matrix(project, theme=theme, highlight={selected} if selected else set(),
                               spread=spread)
        selected = self.phases.selected_id() if self.step == "phasing" else ""
        return phase_map(project, theme=theme, highlight={selected} if selected else set())

    def _scene_with_readable_text(self, theme) -> tuple[Scene, bool]:
        """The scene at the smallest text scale (``Theme.text_scale``) whose smallest text is
        ``min_text_px()`` when fitted whole; when no scale is (the graph's height bounds its
        type), the smallest whose text is that large when fitted to the width. The last scale
        found is tried first, else bisection."""
        from dataclasses import replace

        wanted = self.min_text_px()

        def build(text_scale: float) -> Scene:
            return self._build_scene(replace(theme, text_scale=text_scale))

        def done(scene: Scene, text_scale: float, width_only: bool) -> tuple[Scene, bool]:
            self._fit = (text_scale, width_only)
            if width_only:
                return scene, True
            return self._widened(scene, replace(theme, text_scale=text_scale)), False

        last, last_width_only = getattr(self, "_fit", (1.0, False))
        scene = build(last)
        if self.shown_text_px(scene, last_width_only) >= wanted:
            if last_width_only and self.shown_text_px(scene) >= wanted:
                last_width_only = False  # it fits whole again
            smaller = max(1.0, last / 1.1)
            if last == 1.0 or self.shown_text_px(build(smaller), last_width_only) < wanted:
                return done(scene, last, last_width_only)
        for width_only in (False, True):
            largest = build(MAX_TEXT_SCALE)
            if self.shown_text_px(largest, width_only) < wanted * 0.98 and not width_only:
                continue  # fitted whole, even the largest type is too small: fit the width
            smallest = build(1.0)
            if self.shown_text_px(smallest, width_only) >= wanted:
                return done(smallest, 1.0, width_only)
            low, high, best = 1.0, MAX_TEXT_SCALE, largest
            for _ in range(8):
                middle = (low + high) / 2
                candidate = build(middle)
                if self.shown_text_px(candidate, width_only) >= wanted:
                    high, best = middle, candidate
                else:
                    low = middle
            return done(best, high, width_only)
        raise AssertionError("fitting the width always reaches the type size")  # pragma: no cover

    def _widened(self, scene, theme):
        """``scene`` rebuilt as wide as the view's shape allows at the same zoom (wider cells,
        not empty margins), when the view fits it by its height."""
        from dataclasses import replace

        room = self.graph.scroll.contentsRect()
        wide = scene.height * max(room.width() - 2, 1) / max(room.height() - 2, 1)
        if wide <= scene.width * 1.02:
            return scene
        return self._build_scene(replace(theme, min_width=wide * 0.98))

    def graph_scale(self) -> float:
        """The graphs' type scale: the type scale (the view then fits the graph to its space)."""
        return self.scale

    def min_text_px(self) -> float:
        """The smallest graph text, in pixels: the workshop's own type size."""
        return point_size(self.scale) * self.logicalDpiY() / 72

    def fitted_zoom(self, scene, width_only: bool = False) -> float:
        """The zoom at which the graph view shows the whole of ``scene`` (or its width)."""
        return self.graph.zoom_to_fit(scene, width_only)

    def shown_text_px(self, scene, width_only: bool = False) -> float:
        """The pixel size of the scene's smallest text once the view fits it."""
        from wizard.scene import Text

        sizes = [shape.size for shape in scene.shapes if isinstance(shape, Text)]
        return min(sizes) * self.fitted_zoom(scene, width_only) if sizes else float("inf")

    def refresh_graph(self) -> None:
        """Redraw the graph; while the workshop window is hidden, wait until it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        scene, width_only = self.scene_fit()
        if self.graph.fitting:  # (not after the room zoomed by hand)
            self.graph.fit_to(width_only)
        self.graph.set_scene(scene)
        selected = self.selected_item()
        if selected is not None:
            self.graph.reveal(selected)

    def selected_item(self) -> tuple[str, str] | None:
        """(kind, id) of the risk or phase selected in the capture panel, if any."""
        panel = self.capture()
        kind = "risks" if panel is self.risks else "phases"
        item_id = panel.selected_id() if panel is not None else ""
        return (kind, item_id) if item_id else None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh_graph()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.graph.scroll and event.type() == QEvent.Type.Resize:
            self._resized.start()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # The capture panel keeps a third of the width at any type size, and the graph two
        # fifths of the height whatever is shown under it.
        self.panel_scroll.setMinimumWidth(max(320, self.width() // 3))
        self.graph.setMinimumHeight(max(200, self.height() * 2 // 5))
        self._fit_bottom_row()

    # -- presentation -----------------------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        self.scale = clamp_scale(scale)
        sheet = stylesheet(self.palette, self.scale)
        self.setStyleSheet(sheet)
        self._fit_bottom_row()
        if self.window() is not self:
            self.window().setStyleSheet(f"QWidget#workshopWindow {{ background: "
                                        f"{self.palette.background}; }}")
        self.refresh_graph()

    def toggle_findings(self) -> bool:
        """Show or hide the findings of the current step; True when now shown."""
        if self.findings is None:
            self.findings = self._findings_panel()
            self.findings.hide()
        shown = not self.findings.isVisible()
        self.findings.setVisible(shown)
        self.left.setStretch(0, 3 if shown else 4)  # the graph gives the findings some height
        self.left.setStretch(1, 2 if shown else 1)
        self._fit_bottom_row()
        return shown

    def _fit_bottom_row(self) -> None:
        """The findings beside the log when both fit the graph's width; at large type, when
        they do not, the findings take the log's place until F9 hides them again."""
        if self.findings is None:
            return
        if not self.findings.isVisible():
            self.log_view.setVisible(True)
            return
        room = self.graph.width()
        log_width = max(self.log_view.minimumSizeHint().width(),  # a third: 30 characters
                        self.log_view.fontMetrics().averageCharWidth() * 30)
        needed = log_width + self.bottom.spacing() + self.findings.minimumSizeHint().width()
        self.log_view.setVisible(needed <= room)


class WorkshopWindow(QWidget):
    """The full-screen workshop window; closing it leaves workshop mode."""

    closed = Signal()

    def __init__(self, view: WorkshopView, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("workshopWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("Changemaker – workshop")
        self.view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(view)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()
        self.closed.emit()


class WorkshopMode:
    """Installs workshop mode on a ``ui.main_window.MainWindow`` and switches it on and off."""

    def __init__(self, main_window: QMainWindow, clock: Clock = local_now,
                 now: Callable[[], float] = time.monotonic, palette: Palette = HIGH_CONTRAST):
        self.main = main_window
        self.document: Document = main_window.document
        self.settings = main_window.settings
        self.log = DecisionLog(self.document, clock)
        self.now = now
        self.palette = palette
        self.window: WorkshopWindow | None = None

        self.action = QAction("&Workshop mode", main_window)
        self.action.setObjectName("action.workshop")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.setStatusTip("Full screen, large type and quick capture for a room")
        self.action.toggled.connect(self._toggled)
        view_menu = main_window.menus["view"]
        view_menu.addSeparator()
        view_menu.addAction(self.action)
        main_window.addAction(self.action)
        main_window.actions["workshop"] = self.action
        main_window.stepChanged.connect(self._step_changed)

    # -- state ------------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.window is not None and self.window.isVisible()

    @property
    def view(self) -> WorkshopView | None:
        return self.window.view if self.window is not None else None

    def scale(self) -> float:
        return clamp_scale(float(self.settings.value(SCALE_KEY, DEFAULT_SCALE)))

    def set_scale(self, scale: float) -> None:
        scale = clamp_scale(scale)
        self.settings.set_value(SCALE_KEY, scale)
        if self.view is not None:
            self.view.set_scale(scale)

    def enter(self) -> None:
        if not self.action.isChecked():
            self.action.setChecked(True)  # comes back through _toggled
            return
        if self.window is None:
            self.window = self._build_window()
        self.view.set_scale(self.scale())
        self.view.set_step(self.main.current_step())
        self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()
        self.view.focus_capture()

    def leave(self) -> None:
        if self.action.isChecked():
            self.action.setChecked(False)
            return
        if self.window is None:
            return
        panel = self.view.capture()
        self.window.hide()
        self.main.activateWindow()
        if panel is not None and panel.selected_id():
            self.main.select_item(panel.kind, panel.selected_id())

    def _toggled(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def _step_changed(self, step: str) -> None:
        if self.view is not None:
            self.view.set_step(step)
            if self.active:
                self.view.focus_capture()

    # -- the window -------------------------------------------------------------------------------
    def _build_window(self) -> WorkshopWindow:
        view = WorkshopView(self.document, self.log, self.palette, self.now)
        window = WorkshopWindow(view, self.main)
        window.closed.connect(lambda: self.action.setChecked(False))
        window.addAction(self.action)
        for key in SHARED_ACTIONS:
            if key in self.main.actions:
                window.addAction(self.main.actions[key])
        slots: dict[str, Callable[[], object]] = {
            "findings": view.toggle_findings,
            "larger": lambda: self.set_scale(self.scale() + SCALE_STEP),
            "smaller": lambda: self.set_scale(self.scale() - SCALE_STEP),
            "normal": lambda: self.set_scale(DEFAULT_SCALE),
            "timer": view.timer.toggle,
            "reset timer": view.timer.reset,
        }
        for _what, shortcuts, name in WINDOW_KEYS:
            slot = slots[name]
            action = QAction(window)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.triggered.connect(lambda _checked=False, f=slot: f())
            window.addAction(action)
        return window

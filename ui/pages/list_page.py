"""The shape shared by the list steps: a table, a detail form for the selected item, a graph.

A ``ListPage`` shows an ``ItemTable`` with, where the step has one, the live graph beside it
(under it when the page is narrow), and below them a detail form for the selected item (long
text, lists, the sensitive box). Selecting a row binds the detail form to that item, highlights
it in the graph and emits ``selectionChanged(kind, id)``; clicking a bar or marker in the graph
selects its row (or, for another kind of item, passes the selection on to the window).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document
from ui.pages.base import StepPage
from ui.widgets.focus_scroll import FocusScrollArea
from ui.widgets.forms import DetailForm
from ui.widgets.table import Column, ItemTable
from ui.widgets.layout_sizes import DETAIL_MIN_PX, TABLE_MIN_ROWS, WIDE_PX, show_rows
from ui.widgets.scene_view import SceneView
from ui.widgets.sensitive_box import SensitiveBox
from wizard.graphs import phase_map, risk_matrix
from wizard.model import Project
from wizard.vocab import label

# The scene builders a page can show beside its table.
GRAPHS: dict[str, Callable[..., Any]] = {"phase_map": phase_map, "risk_matrix": risk_matrix}
GRAPH_TITLES = {"phase_map": "Phase map", "risk_matrix": "Risk matrix"}


class ListPage(StepPage):
    """A step page built around one list of the project."""

    collection: str = ""  # e.g. "risks"; also the kind in selectionChanged
    noun: str = ""
    prefix: str = ""
    graph: str | None = None  # "phase_map" or "risk_matrix"
    sensitive: bool = False
    table_share: int | None = None  # % of the height for the table (None: the default)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.setObjectName(f"page.{self.key}")
        self.table = ItemTable(
            document, (self.collection,), self.columns(), noun=self.noun, prefix=self.prefix,
            factory=self.new_item, name=self.collection,
        )
        self.detail = DetailForm(document)
        self.sensitive_box = SensitiveBox(document, self.collection) if self.sensitive else None

        detail_box = QWidget()
        outer = QVBoxLayout(detail_box)
        self.detail_title = QLabel("")
        self.detail_title.setObjectName(f"{self.collection}.detail_title")
        self.detail_title.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.detail_title)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.detail_columns = columns
        outer.addLayout(columns, 1)
        columns.addWidget(self.detail, 3)
        extras = QVBoxLayout()  # a second column for boxes the subclass adds
        columns.addLayout(extras, 2)
        self.build_detail(self.detail, extras)
        if self.sensitive_box is not None:
            extras.addWidget(self.sensitive_box)
        extras.addStretch(1)
        # The page's one scroll area: the details scroll under the table, which stays put.
        scroll = FocusScrollArea()
        scroll.setObjectName(f"{self.collection}.detail_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumHeight(DETAIL_MIN_PX)
        self.detail_scroll = scroll
        show_rows(self.table.view, TABLE_MIN_ROWS)
        # Under the table: the details, and (on a narrow page) the graph in a tab beside them.
        self.details_tabs = QTabWidget()
        self.details_tabs.setObjectName(f"{self.collection}.details_tabs")
        self.details_tabs.setDocumentMode(True)
        self.details_tabs.setTabBarAutoHide(True)
        self.details_tabs.addTab(scroll, "Details")

        # Wide: table and graph side by side on top; the selected item's details full width
        # below. Narrow: the table full width on top, details and graph as two tabs below.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{self.collection}.splitter")
        self.splitter.addWidget(self.table)
        self.splitter.setChildrenCollapsible(False)
        self.scene_view: SceneView | None = None
        self._builder = GRAPHS[self.graph] if self.graph else None
        if self._builder is not None:
            self.scene_view = SceneView()
            self.scene_view.setObjectName(f"{self.collection}.graph")
            self.scene_view.itemClicked.connect(self._graph_clicked)
            self.splitter.addWidget(self.scene_view)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
        self._sized = False
        self._graph_stale = True

        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.setObjectName(f"{self.collection}.vertical")
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(self.details_tabs)
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 2)
        self.vertical.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        intro = QLabel(self.intro())
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        intro.setFixedHeight(intro.fontMetrics().lineSpacing() * 3 + 4)
        # No height-for-width (set last: QLabel resets it): otherwise the window's scroll area
        # sizes the page to its preferred height, taller than the screen, instead of fitting it.
        policy = intro.sizePolicy()
        policy.setHeightForWidth(False)
        intro.setSizePolicy(policy)
        layout.addWidget(intro)
        layout.addWidget(self.vertical, 1)

        self.table.currentChanged.connect(self._row_changed)
        self._bind()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._graph_stale:
            self.rebuild_graph()
        if not self._sized and self.width() > 0:
            self._sized = True
            self._arrange(force=True)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._sized:
            self._arrange()

    def graph_in_tab(self) -> bool:
        """True when the graph is shown in a tab beside the details (a narrow page)."""
        return self.scene_view is not None and self.details_tabs.indexOf(self.scene_view) >= 0

    def _place_graph(self, wide: bool) -> bool:
        """Put the graph beside the table (wide) or in a tab beside the details (narrow, e.g.
        1280x800 with the findings open: there the table keeps its rows and the details their
        fields). True if it moved."""
        if self.scene_view is None or self.graph_in_tab() != wide:
            return False
        if wide:
            self.details_tabs.removeTab(self.details_tabs.indexOf(self.scene_view))
            self.splitter.addWidget(self.scene_view)
            self.splitter.setStretchFactor(1, 2)
        else:
            self.details_tabs.addTab(self.scene_view, GRAPH_TITLES.get(self.graph or "", "Graph"))
        self.scene_view.show()
        return True

    def _arrange(self, force: bool = False) -> None:
        """Wide: table and graph side by side, details in two columns. Narrow (the window
        with its side panels open): the table full width, details in one column with the
        graph in a tab beside them."""
        wide = self.width() >= WIDE_PX
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.detail_columns.direction() != direction:
            self.detail_columns.setDirection(direction)
        moved = self._place_graph(wide)
        if not force and not moved:
            return
        if self.splitter.property("restored") or self.vertical.property("restored"):
            # the user's own arrangement, brought back from the settings: keep it once
            self.splitter.setProperty("restored", None)
            self.vertical.setProperty("restored", None)
            self.updateGeometry()
            return
        self._fit_name_column()
        if self.scene_view is not None and wide:  # three fifths to the table, two to the graph
            self.splitter.setSizes([self.width() * 3 // 5, self.width() * 2 // 5])
        height = self.vertical.height()
        if self.table_share is not None and (wide or self.scene_view is None):
            top = height * self.table_share // 100
        elif wide and self.scene_view is not None:
            top = height * 55 // 100
        else:  # the table's rows, the rest to the details
            top = self.splitter.minimumSizeHint().height()
        top = max(top, self.splitter.minimumSizeHint().height())
        self.vertical.setSizes([top, max(height - top, DETAIL_MIN_PX)])
        self.updateGeometry()

    def _fit_name_column(self) -> None:
        """The name column, first, as wide as its longest name within 55% of the table."""
        view = self.table.view
        col = self.table.name_column()
        room = view.viewport().width() * 55 // 100
        wanted = min(view.sizeHintForColumn(col), room)
        if wanted > view.columnWidth(col):
            view.setColumnWidth(col, wanted)

    # to fill in -----------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def new_item(self, project: Project, new_id: str) -> Any:
        raise NotImplementedError

    def build_detail(self, form: DetailForm, layout: QVBoxLayout) -> None:
        """Add the detail fields (and any extra widgets to ``layout``)."""

    def intro(self) -> str:
        return ""

    def refresh_extra(self) -> None:
        """Refresh widgets the subclass added beyond the detail form."""

    # shared ---------------------------------------------------------------------------------
    def item_path(self) -> tuple | None:
        row = self.table.current_row()
        return (self.collection, row) if row >= 0 else None

    def current_item(self) -> Any:
        path = self.item_path()
        return getattr(self.document.project, self.collection)[path[1]] if path else None

    def _bind(self) -> None:
        path = self.item_path()
        if path != self.detail.item_path:
            self.detail.set_item(path)
            if self.sensitive_box is not None:
                self.sensitive_box.set_item(path)
        item = self.current_item()
        if item is None:
            self.detail_title.setText(f"Add or select a {self.noun} to see its details.")
        else:
            name = getattr(item, "name", None) or getattr(item, "title", None) or ""
            if not name and getattr(item, "trigger", None) is not None:
                name = label(item.trigger)
            self.detail_title.setText(f"{self.noun.capitalize()} {item.id}: {name}".strip(": "))

    def _row_changed(self, _row: int) -> None:
        self._bind()
        self.refresh_extra()
        self.rebuild_graph()
        item_id = self.table.current_id()
        if item_id:
            self.selectionChanged.emit(self.collection, item_id)

    def refresh(self) -> None:
        self.table.refresh()
        if self._sized:
            self._fit_name_column()  # a longer name just typed is shown whole
        self._bind()
        self.detail.refresh()
        if self.sensitive_box is not None:
            self.sensitive_box.refresh()
        self.refresh_extra()
        self.rebuild_graph()

    def rebuild_graph(self) -> None:
        """Redraw the graph now if the page is on screen, else when it is next shown."""
        if self.scene_view is None or self._builder is None:
            return
        if not self.isVisible():
            self._graph_stale = True
            return
        self._graph_stale = False
        try:
            current = self.table.current_id()
            scene = self._builder(self.document.project, highlight={current} if current else None)
        except Exception as err:  # noqa: BLE001 - a graph must never break editing
            self.scene_view.setToolTip(f"The graph could not be drawn: {err}")
            return
        self.scene_view.set_scene(scene)

    def _graph_clicked(self, kind: str, item_id: str) -> None:
        if kind == self.collection:
            self.table.select_id(item_id)
        else:  # e.g. a break clause on the phase map: the window may switch step
            self.selectionChanged.emit(kind, item_id)

    def select_item(self, kind: str, item_id: str) -> bool:
        if kind != self.collection:
            return False
        return self.table.select_id(item_id)

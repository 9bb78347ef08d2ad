"""The main window: step list at the side, the step's editor in the centre, findings beside it.

``MainWindow(document, settings)`` builds the step pages (``ui.pages.build_page``, each when
first shown or in idle time after start; ``page(key)`` builds one on demand), the menus and shortcuts from ``ui.actions``, the file commands (``ui.files``), the recovery writer
(``ui.autosave``), the findings panel and an undo history dock. Others extend it through
``self.menus`` (e.g. ``self.menus["view"]``), ``self.actions``, ``self.pages``,
``self.current_page()`` and ``go_to_step(key)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from ui import export_menu, layout_memory
from ui.actions import build_menus, shortcut_rows
from ui.autosave import CAP_MS, DELAY_MS, AutoSaver
from ui.document import Document
from ui.files import FILE_SUFFIX, FileController
from ui.pages import build_page
from ui.pages.base import STEP_OF_KIND, STEPS, StepPage
from ui.settings import Settings
from ui.widgets import wheel_guard
from ui.widgets.findings_panel import FindingsPanel
from ui.widgets.focus_scroll import FocusScrollArea
from ui.workshop.mode import WorkshopMode
from wizard import steps

APP_NAME = "Changemaker"
STEP_KEYS = list(steps.STEP_KEYS)
IDLE_BUILD_MS = 300  # after the window is shown, build the other pages one by one


class MainWindow(QMainWindow):
    """The Changemaker window for one document."""

    stepChanged = Signal(str)  # the key of the step now shown

    def __init__(
        self,
        document: Document,
        settings: Settings,
        pages: list[StepPage] | None = None,
        autosave_delay_ms: int = DELAY_MS,
        autosave_cap_ms: int = CAP_MS,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.document = document
        self.settings = settings
        self.autosaver = AutoSaver(document, settings.folder, autosave_delay_ms, autosave_cap_ms, self)
        self.files = FileController(document, settings, self.autosaver, self, self.show_status)
        # Pages are built when first shown (or soon after start, in idle time), so the window
        # appears quickly; pass ``pages`` to use ready-made ones.
        self._pages: list[StepPage | None] = list(pages) if pages is not None else [None] * len(STEPS)
        self._idle_build = QTimer(self, singleShot=True, interval=IDLE_BUILD_MS)
        self._idle_build.timeout.connect(self._build_next_page)
        self.shortcuts_dialog: QDialog | None = None
        self.guide_dialog: QDialog | None = None
        self._painted = False  # see paintEvent
        self.setAcceptDrops(True)

        self._build_centre()
        self._build_docks()
        self.findings.hold_first_run()
        for index, page in enumerate(self._pages):
            if page is not None:
                self._install_page(index, page)
        self.menus, self.actions = build_menus(self)
        export_menu.install(self)  # File > Export, from any step
        self._connect()
        self._fill_recent_menu()
        self._restore_geometry()
        self.workshop = WorkshopMode(self)  # F11 and View > Workshop mode
        self.go_to_step(STEP_KEYS[0])  # builds the first page, which sets the tab order
        self._update_title()

    # -- construction --------------------------------------------------------------------------
    def _build_centre(self) -> None:
        centre = QWidget()
        outer = QHBoxLayout(centre)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(10)

        self.step_list = QListWidget()
        self.step_list.setObjectName("steps.list")
        self.step_list.setAccessibleName("Steps")
        self.step_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for _key, title in STEPS:
            self.step_list.addItem(title)
        self.step_list.setFixedWidth(self._step_list_width())
        self.step_list.setWordWrap(True)
        self.step_list.setSpacing(3)
        outer.addWidget(self.step_list)

        right = QVBoxLayout()
        right.setSpacing(6)
        self.step_heading = QLabel()
        self.step_heading.setObjectName("steps.heading")
        font = self.step_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.step_heading.setFont(font)
        right.addWidget(self.step_heading)

        self.stack = QStackedWidget()
        self.stack.setObjectName("steps.stack")
        self.scrollers: list[QScrollArea] = []
        for _step in STEPS:
            scroller = FocusScrollArea()  # Tab reveals a field, moving the page minimally
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.scrollers.append(scroller)
            self.stack.addWidget(scroller)
        right.addWidget(self.stack, 1)

        nav = QHBoxLayout()
        self.todo_label = QLabel()
        self.todo_label.setObjectName("steps.todo")
        self.todo_label.setWordWrap(True)
        nav.addWidget(self.todo_label, 1)
        self.back_button = QPushButton("◀ Back")
        self.back_button.setObjectName("steps.back")
        self.back_button.setToolTip("Previous step (Alt+Left)")
        self.next_button = QPushButton("Next ▶")
        self.next_button.setObjectName("steps.next")
        self.next_button.setToolTip("Next step (Alt+Right)")
        self.next_button.setDefault(False)
        self.next_button.setAutoDefault(False)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right.addLayout(nav)
        outer.addLayout(right, 1)
        self.setCentralWidget(centre)
        self.statusBar().setObjectName("status")

    def _step_list_width(self) -> int:
        metrics = self.step_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(title) for _key, title in STEPS)
        return min(max(215, widest // 2 + 60), 320)

    def _build_docks(self) -> None:
        self.findings = FindingsPanel(self.document)
        self.findings_dock = QDockWidget("Findings", self)
        self.findings_dock.setObjectName("dock.findings")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.findings_dock.setMinimumWidth(260)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)

        self.undo_view = QUndoView(self.document.undo_stack)
        self.undo_view.setObjectName("history.view")
        self.undo_view.setEmptyLabel("(opened)")
        self.undo_view.setAccessibleName("Undo history")
        self.history_dock = QDockWidget("Undo history", self)
        self.history_dock.setObjectName("dock.history")
        self.history_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.splitDockWidget(self.findings_dock, self.history_dock, Qt.Orientation.Vertical)
        self.history_dock.hide()
        self.resizeDocks([self.findings_dock], [300], Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        self.step_list.currentRowChanged.connect(self._on_step_row)
        self.back_button.clicked.connect(self.back_step)
        self.next_button.clicked.connect(self.next_step)
        self.findings.itemRequested.connect(self.select_item)
        self.findings.refreshed.connect(self._update_step_counts)
        self.document.changed.connect(self._update_todo)
        self.document.fileStateChanged.connect(self._update_title)
        self.files.opened.connect(self._fill_recent_menu)
        self.files.saved.connect(self._fill_recent_menu)
        self.findings_dock.visibilityChanged.connect(self._sync_view_actions)
        self.history_dock.visibilityChanged.connect(self._sync_view_actions)
        self._sync_view_actions()

    # -- title and status ----------------------------------------------------------------------
    def display_name(self) -> str:
        return self.files.display_name()

    def _update_title(self) -> None:
        read_only = " (read-only)" if self.files.read_only else ""
        self.setWindowTitle(f"{self.display_name()}{read_only}[*] – {APP_NAME}")
        self.setWindowModified(self.document.is_dirty)

    def show_status(self, message: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    # -- steps ---------------------------------------------------------------------------------
    def current_index(self) -> int:
        return self.stack.currentIndex()

    def current_step(self) -> str:
        return STEP_KEYS[self.current_index()]

    def current_page(self) -> StepPage:
        return self.page_at(self.current_index())

    def page(self, key: str) -> StepPage:
        return self.page_at(STEP_KEYS.index(key))

    def page_at(self, index: int) -> StepPage:
        """The page of step ``index`` (built now if it was not yet)."""
        page = self._pages[index]
        if page is None:
            page = build_page(self.document, STEP_KEYS[index])
            self._install_page(index, page)
        return page

    @property
    def pages(self) -> list[StepPage]:
        """All the step pages, in step order (building any not yet built)."""
        return [self.page_at(i) for i in range(len(STEPS))]

    def _install_page(self, index: int, page: StepPage) -> None:
        self._pages[index] = page
        page.settings = self.settings  # e.g. the review page remembers the last export folder
        layout_memory.restore(page, self.settings)  # the splitters and columns the user left
        if page.findChild(QScrollArea) is None:
            self.scrollers[index].setWidget(page)
        else:  # the page scrolls its own form: no second scroll area round it
            holder, current = self.scrollers[index], self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(holder)
            holder.hide()
            self.stack.setCurrentIndex(current)
        page.selectionChanged.connect(self._on_page_selection)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes: step list, the step's fields, Back, Next, then the findings panel."""
        tab = Qt.FocusPolicy.TabFocus.value
        in_pages: list[QWidget] = []
        in_findings: list[QWidget] = []
        in_history: list[QWidget] = []
        areas = ((self.stack, in_pages), (self.findings_dock, in_findings),
                 (self.history_dock, in_history))
        widget = self.step_list.nextInFocusChain()
        for _ in range(5000):  # one pass over the chain: it is walked for every page built
            if widget is self.step_list:
                break
            if widget.focusPolicy().value & tab == tab:
                for area, found in areas:
                    if area.isAncestorOf(widget):
                        found.append(widget)
                        break
            widget = widget.nextInFocusChain()
        order = [self.step_list, *in_pages, self.back_button, self.next_button, *in_findings, *in_history]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _build_next_page(self) -> None:
        """Build one not-yet-built page in idle time, then schedule the next."""
        for index, page in enumerate(self._pages):
            if page is None:
                self.page_at(index)
                self._idle_build.start(0)
                return

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if any(page is None for page in self._pages) and not self._idle_build.isActive():
            self._idle_build.start(IDLE_BUILD_MS)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first view does not need: the wheel guard (the wheel scrolls; it edits only
        the focused field), the step's to-do line and the findings."""
        wheel_guard.install()
        self._update_todo()
        self.findings.start_first_run()

    def go_to_step(self, key: str) -> None:
        index = STEP_KEYS.index(key)
        if self.step_list.currentRow() != index:
            self.step_list.setCurrentRow(index)  # calls _on_step_row
        else:
            self._on_step_row(index)

    def go_to_step_number(self, number: int) -> None:
        self.go_to_step(STEP_KEYS[number - 1])

    def _on_step_row(self, row: int) -> None:
        if row < 0:
            return
        self.page_at(row)
        self.stack.setCurrentIndex(row)
        title = steps.STEPS[row].title
        self.step_heading.setText(f"Step {row + 1} of {len(STEPS)} · {title}")
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(STEPS) - 1)
        self.findings.set_step(STEP_KEYS[row])
        self._update_todo()
        self.stepChanged.emit(STEP_KEYS[row])

    def next_step(self) -> None:
        if self.current_index() < len(STEPS) - 1:
            self.go_to_step(STEP_KEYS[self.current_index() + 1])

    def back_step(self) -> None:
        if self.current_index() > 0:
            self.go_to_step(STEP_KEYS[self.current_index() - 1])

    def _update_step_counts(self) -> None:
        """Show beside each step how many findings about it are still open."""
        open_by_step = self.findings.open_counts()
        for row, (key, title) in enumerate(STEPS):
            count = open_by_step.get(key, 0) if key != "review" else sum(open_by_step.values())
            item = self.step_list.item(row)
            item.setText(f"{title}  ({count} open)" if count else title)
            item.setToolTip(f"{count} open finding{'s' if count != 1 else ''}" if count else "")

    def _update_todo(self) -> None:
        if not self._painted:  # the step rules load networkx: read them once the window is up
            return
        problems = self.current_page().problems()
        if problems:
            self.todo_label.setText("Still to do on this step: " + "; ".join(problems))
        else:
            self.todo_label.setText("")

    # -- items ---------------------------------------------------------------------------------
    def select_item(self, kind: str, item_id: str) -> bool:
        """Show the step that edits ``kind`` and select the item there."""
        step = STEP_OF_KIND.get(kind)
        if step is None:
            return False
        self.go_to_step(step)
        if not item_id:
            return True
        return bool(self.current_page().select_item(kind, item_id))

    def _on_page_selection(self, kind: str, item_id: str) -> None:
        """Point the findings panel at the first finding about the item the page selected.

        On the review step, which edits nothing itself, go to the item's own step instead.
        """
        if self.current_step() == "review":
            self.select_item(kind, item_id)
            return
        for row, finding in enumerate(self.findings.shown):
            if finding.item_kind == kind and finding.item_id == item_id:
                self.findings.list.setCurrentRow(row)
                return

    def accept_selected_finding(self) -> None:
        self.findings.accept_current()

    # -- view ----------------------------------------------------------------------------------
    def toggle_findings(self) -> None:
        self.findings_dock.setVisible(not self.findings_dock.isVisible())
        if self.findings_dock.isVisible():
            self.findings.list.setFocus()

    def toggle_history(self) -> None:
        self.history_dock.setVisible(not self.history_dock.isVisible())
        if self.history_dock.isVisible():
            self.undo_view.setFocus()

    def _sync_view_actions(self, *_args: object) -> None:
        self.actions["show_findings"].setChecked(not self.findings_dock.isHidden())
        self.actions["show_history"].setChecked(not self.history_dock.isHidden())

    def _panes(self) -> list[QWidget]:
        panes: list[QWidget] = [self.step_list, self.current_page()]
        if self.findings_dock.isVisible():
            panes.append(self.findings.list)
        if self.history_dock.isVisible():
            panes.append(self.undo_view)
        return panes

    def _move_focus(self, step: int) -> None:
        panes = self._panes()
        focus = self.focusWidget()
        current = 0
        for i, pane in enumerate(panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                current = i
                break
        target = panes[(current + step) % len(panes)]
        if target is self.current_page():
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.focusNextChild() if target.focusWidget() is None else target.focusWidget().setFocus()
        else:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_next_pane(self) -> None:
        self._move_focus(1)

    def focus_prev_pane(self) -> None:
        self._move_focus(-1)

    # -- files ---------------------------------------------------------------------------------
    def file_new(self) -> bool:
        return self.files.new()

    def file_open(self) -> bool:
        return self.files.open_dialog()

    def open_path(self, path: str) -> bool:
        return self.files.open_path(path)

    def file_save(self) -> bool:
        return self.files.save()

    def file_save_as(self) -> bool:
        return self.files.save_as()

    def _fill_recent_menu(self, *_args: object) -> None:
        menu = self.menus["recent"]
        menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number}  {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if recent:
            menu.addSeparator()
            clear = menu.addAction("&Clear the list")
            clear.triggered.connect(self._clear_recent)
        menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent_menu()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_path(path)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith((FILE_SUFFIX, ".json")):
                return url.toLocalFile()
        return None

    # -- help ----------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts: every menu command and its keys, read from the menus."""
        rows = shortcut_rows(self.menuBar())
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.set_rows(rows)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()

    def edit_command(self, command: str) -> bool:
        """Edit › Cut, Copy, Paste on the focused field or table cell."""
        from ui import clipboard

        return clipboard.run(command)

    def show_user_guide(self) -> None:
        """Help › User guide: the short guide shipped with the app, in its own window."""
        from ui.help import GuideDialog

        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self)
        self.guide_dialog.show()
        self.guide_dialog.raise_()

    def show_about(self) -> None:
        from ui.help import app_version

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {app_version()}<br>Design public-sector partnership contracts that are "
            "collaborative, creative, adaptable, accountable and place-based, and draft the "
            "business case.",
        )

    # -- closing -------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosaver.remove()
        self.files.release()  # the file's lock: another window may now edit it
        for page in self._pages:
            if page is not None:
                layout_memory.save(page, self.settings)
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        event.accept()


class ShortcutsDialog(QDialog):
    """A non-modal table of every command and its keys."""

    EXTRA = (
        ("Tables on the step pages", "Add an item", "Insert or Ctrl+Shift+A"),
        ("Tables on the step pages", "Duplicate the selected item", "Ctrl+D"),
        ("Tables on the step pages", "Delete the selected item", "Delete"),
        ("Tables on the step pages", "Move the selected item up or down", "Ctrl+Shift+Up, Ctrl+Shift+Down"),
        ("Everywhere", "Move to the next or previous field", "Tab, Shift+Tab"),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcuts.dialog")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("shortcuts.table")
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        close.setShortcut(QKeySequence("Esc"))
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 560)

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        from ui.workshop.mode import help_rows

        rows = list(rows) + list(self.EXTRA) + help_rows()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]

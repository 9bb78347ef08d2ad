"""Step 8, Review and export: the changemaking scorecard, the findings, and the exports.

Exports run in a ``QThreadPool`` worker on a copy of the project, with a progress bar and a
status line, so the window never freezes. When a file is written the page offers to open it
(``open_file``), and an error is shown in the status line in plain words. The file dialogs and
the opener are module functions that tests replace.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QHeaderView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import wizard.scene as scene_module
from ui.document import Document
from ui.export_menu import EXPORTS
from ui.pages.base import StepPage
from ui.widgets.scene_view import SceneView
from ui.widgets.wrapping_rows import wrap_rows
from wizard import formatting
from wizard.model import Project
from wizard.scorecard import assessment

# How a route's credit reads in the score column.
_CREDIT_WORDS = {"full": "Full", "partial": "Partial", "none": "None", "removed": "Removed",
                 "accepted": "Accepted", "not_assessed": ""}

# The graph tabs: (scene builder in wizard.scene, tab title)
GRAPH_TABS: tuple[tuple[str, str], ...] = (
    ("phase_map", "&Contract map"),
    ("risk_matrix", "&Risk matrix"),
    ("partner_load", "Risk by &partner"),
)


def _wrapping_tree(headers: list[str], name: str) -> QTreeWidget:
    """A two-column tree whose first column stretches and wraps long lines."""
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setWordWrap(True)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    wrap_rows(tree)
    return tree




def ask_export_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """Ask where to save an export; None when cancelled. Tests replace this."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def ask_register_edition(parent: QWidget | None) -> str | None:
    """Ask which edition of the risk register to write: "public", "internal", or None when
    cancelled (as the command line's --edition). Tests replace this."""
    box = QMessageBox(parent)
    box.setWindowTitle("Export the risk register")
    box.setText("Which edition of the risk register?")
    box.setInformativeText("The public edition withholds sensitive risks (for publication); the "
                           "internal edition has everything and is marked OFFICIAL-SENSITIVE.")
    public = box.addButton("&Public edition", QMessageBox.ButtonRole.AcceptRole)
    internal = box.addButton("&Internal edition", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "public" if clicked is public else "internal" if clicked is internal else None


def ask_import_path(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import a risk register", "",
                                          "Risk registers (*.csv *.xlsx)")
    return path or None


def ask_publisher(parent: QWidget | None, current: tuple[str, str, str]) -> tuple[str, str, str] | None:
    """Ask for the open data's ocid prefix, publisher and address; None when cancelled. Tests
    replace this."""
    from PySide6.QtWidgets import QInputDialog

    answers = []
    questions = (("Registered ocid prefix (ocds- and six letters or digits; empty for a placeholder):", current[0]),
                 ("Publisher (empty for the commissioners):", current[1]),
                 ("Where the data will be published (https://..., may be empty):", current[2]))
    for question, value in questions:
        text, ok = QInputDialog.getText(parent, "Open data publisher", question, text=value)
        if not ok:
            return None
        answers.append(text.strip())
    return answers[0], answers[1], answers[2]


def ask_open(parent: QWidget | None, path: str) -> bool | str:
    """After an export: True (open it), "folder" (show it in its folder) or False. Tests
    replace this."""
    box = QMessageBox(parent)
    box.setWindowTitle("Export finished")
    box.setText(f"Saved {Path(path).name} in {Path(path).parent}.")
    open_button = box.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Close", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is open_button else "folder" if clicked is folder_button else False


def open_file(path: str) -> bool:
    """Open a file with the system's viewer; False if no viewer opened it. Tests replace this."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def show_in_folder(path: str) -> bool:
    """Open the folder holding the file in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def tell_no_viewer(parent: QWidget | None, path: str) -> None:
    """Say that nothing opened the file, and where it is. Tests replace this."""
    QMessageBox.information(
        parent, "No program opened the file",
        f"No program on this computer opened {Path(path).name}. The file is saved in "
        f"{Path(path).parent}; open it from there with a program that reads "
        f"{Path(path).suffix or 'such'} files.")


def safe_file_name(title: str, extra: str, suffix: str) -> str:
    """A file name without spaces or brackets: 'Marshfield-leisure-public.pdf'."""
    words = "".join(c if c.isalnum() else " " for c in f"{title} {extra}").split()
    return "-".join(words)[:120].strip("-") + suffix if words else "export" + suffix


# the app's export buttons -> (kind, edition) of wizard.export.write
EXPORT_KINDS: dict[str, tuple[str, str]] = {
    "pdf-public": ("pdf", "public"),
    "pdf-internal": ("pdf", "internal"),
    "html": ("html", "public"),
    "docx-public": ("docx", "public"),
    "docx-internal": ("docx", "internal"),
    "schedules": ("schedules", "internal"),
    "ocds": ("ocds", "public"),
    "risks": ("risks", "internal"),
    "risks-public": ("risks", "public"),
    "risks-internal": ("risks", "internal"),
}


# the open data publisher, kept in the app's settings (see wizard.export.publisher)
OCID_PREFIX_KEY = "ocds/ocid_prefix"
PUBLISHER_KEY = "ocds/publisher"
PUBLISHER_URI_KEY = "ocds/publisher_uri"


def publisher_from_settings():
    """The publisher the user set (Settings keys above), or the placeholder when unset or bad."""
    from ui.settings import Settings
    from wizard.export.publisher import UNSET, Publisher, PublisherError

    settings = Settings()
    try:
        return Publisher(str(settings.value(OCID_PREFIX_KEY, "") or ""), str(settings.value(PUBLISHER_KEY, "") or ""),
                         str(settings.value(PUBLISHER_URI_KEY, "") or ""))
    except PublisherError:
        return UNSET


def write_export(kind: str, project: Project, path: str, progress: Callable[[int, str], None],
                 publisher=None) -> None:
    """Write one export (runs in the worker thread; Qt-free): the core's one entry point."""
    from wizard import export

    what, edition = EXPORT_KINDS.get(kind, (kind, "public"))
    export.write(what, project, path, edition, progress, publisher=publisher)


class _Signals(QObject):
    progress = Signal(int, str)
    finished = Signal(str)
    failed = Signal(str)


class ExportJob(QRunnable):
    def __init__(self, kind: str, project: Project, path: str, publisher=None):
        super().__init__()
        self.kind, self.project, self.path = kind, project, path
        self.publisher = publisher
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            write_export(self.kind, self.project, self.path, self.signals.progress.emit, self.publisher)
        except OSError as err:
            reason = getattr(err, "reason", None) or err.strerror or err
            self.signals.failed.emit(f"Could not write {Path(self.path).name}: {reason}")
        except Exception as err:  # shown to the user, never a crash
            self.signals.failed.emit(f"Could not export {Path(self.path).name}: {err}")
        else:
            self.signals.finished.emit(self.path)


class ReviewPage(StepPage):
    key = "review"
    exportFinished = Signal(str)  # the path written
    exportFailed = Signal(str)  # the message shown

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: ExportJob | None = None
        layout = QVBoxLayout(self)

        self.total = QLabel()
        self.total.setObjectName("scoreTotal")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total.setFont(font)
        layout.addWidget(self.total)
        self.completeness = QLabel()
        self.completeness.setObjectName("scoreCompleteness")
        self.completeness.setWordWrap(True)
        layout.addWidget(self.completeness)

        # The assessment and the three graphs share the space as tabs.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("review.tabs")
        assessment_tab = QWidget()
        row = QHBoxLayout(assessment_tab)
        row.setContentsMargins(0, 0, 0, 0)
        self.scorecard = _wrapping_tree(["Principle and how the points were earned", "Score"],
                                        "Changemaking assessment")
        row.addWidget(self.scorecard, 3)
        self.findings = _wrapping_tree(["Finding", "Status"], "Findings still open")
        self.findings.itemActivated.connect(self._finding_activated)
        row.addWidget(self.findings, 3)
        self.tabs.addTab(assessment_tab, "&Assessment")
        self.graphs: dict[str, SceneView] = {}
        for key, title in GRAPH_TABS:
            view = SceneView()
            view.setObjectName(f"review.{key}")
            view.itemClicked.connect(self.selectionChanged)
            self.graphs[key] = view
            self.tabs.addTab(view, title)
        self.tabs.currentChanged.connect(lambda _index: self._draw_graph())
        layout.addWidget(self.tabs, 1)

        box = QGroupBox("Export")
        grid = QGridLayout(box)
        self.buttons: dict[str, QPushButton] = {}
        for index, (kind, text, file_filter, suffix) in enumerate(EXPORTS):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind: self.start_export(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[kind] = button
        self.import_button = QPushButton("Import a risk register…")
        self.import_button.clicked.connect(self._import)
        grid.addWidget(self.import_button, len(EXPORTS) // 3, len(EXPORTS) % 3)
        self.publisher_button = QPushButton("Open data publisher…")
        self.publisher_button.setToolTip("The registered ocid prefix and the publisher of the OCDS open data")
        self.publisher_button.clicked.connect(self.set_publisher)
        slot = len(EXPORTS) + 1
        grid.addWidget(self.publisher_button, slot // 3, slot % 3)
        rows = (slot + 1 + 2) // 3
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel("Choose an export. The public editions withhold sensitive content.")
        self.status.setWordWrap(True)
        grid.addWidget(self.progress, rows, 0, 1, 3)
        grid.addWidget(self.status, rows + 1, 0, 1, 3)
        layout.addWidget(box)
        self._rebuild()  # filled at once, so a page built for tests or export is complete

    # -- the assessment and graphs ----------------------------------------------------------
    def _draw_graph(self) -> None:
        """Draw the graph of the current tab (the others are drawn when they are shown)."""
        view = self.tabs.currentWidget()
        for key, graph_view in self.graphs.items():
            if graph_view is view:
                graph_view.set_scene(getattr(scene_module, key)(self.document.project))

    def refresh(self) -> None:
        """Redraw now if the page is on screen, else when it is next shown: the assessment
        reruns every check, which the findings panel already does after each edit."""
        if self.isVisible():
            self._rebuild()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        self._stale = False
        self._draw_graph()
        card, findings = assessment(self.document.project)
        self.scorecard.clear()
        self.findings.clear()
        self.total.setText(f"Changemaking score: {card.summary()}")
        self.completeness.setText(f"Completeness: {card.completeness.summary()}. "
                                  "Quality and completeness are shown apart.")
        self.completeness.setToolTip("\n".join(
            f"{s.title}: {problem}" for s in card.completeness.steps for problem in s.problems)
            or "Every step is filled in.")
        if card.law:
            must = len(card.must_fix)
            top = QTreeWidgetItem([f"Legal requirements: {must} to fix (a gate, not points)",
                                   "Must fix" if must else "Accepted"])
            for item in card.law:
                child = QTreeWidgetItem([item.text, "Accepted" if item.accepted else "Must fix"])
                child.setToolTip(0, item.text)
                top.addChild(child)
            self.scorecard.addTopLevelItem(top)
            top.setExpanded(True)
        for principle in card.principles:
            top = QTreeWidgetItem([principle.label, principle.score_text()])
            if not principle.assessed:
                top.setToolTip(0, principle.not_assessed)
                top.addChild(QTreeWidgetItem([principle.not_assessed, ""]))
            for route in principle.routes if principle.assessed else ():
                child = QTreeWidgetItem([route.text, _CREDIT_WORDS[route.credit]])
                child.setToolTip(0, route.text + (f"\nRoute: {route.route_text}"
                                                  if route.route_text else ""))
                top.addChild(child)
            self.scorecard.addTopLevelItem(top)
            top.setExpanded(True)
        open_items = [f for f in findings if not f.accepted]
        accepted = [f for f in findings if f.accepted]
        for title, group in ((f"Open findings ({len(open_items)})", open_items),
                             (f"Accepted findings ({len(accepted)})", accepted)):
            top = QTreeWidgetItem([title, ""])
            for f in group:
                text = f"{f.item_label}: {f.message}"
                status = "Accepted" if f.accepted else f.severity.capitalize()
                child = QTreeWidgetItem([text, status])
                tip = f"{text}\nRoute: {f.route}" + (f"\nJustification: {f.justification}" if f.accepted else "")
                child.setToolTip(0, tip)
                child.setData(0, 256, (f.item_kind, f.item_id))
                top.addChild(child)
            self.findings.addTopLevelItem(top)
            top.setExpanded(True)

    def _finding_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, 256)
        if data and data[1]:
            self.selectionChanged.emit(data[0], data[1])

    # -- exports ----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None

    def start_export(self, kind: str, path: str | None = None, edition: str | None = None) -> bool:
        """Ask for a file (unless given) and write the export in the background. The risk
        register first asks which edition (unless ``edition`` is given)."""
        if self.busy:
            return False
        spec = next(e for e in EXPORTS if e[0] == kind)
        if kind == "risks":
            edition = edition or ask_register_edition(self)
            if edition is None:
                return False
            kind = f"risks-{edition}"
        if path is None:
            title = self.document.project.project.title or "business-case"
            extra = {"pdf-public": "public", "pdf-internal": "internal", "ocds": "OCDS",
                     "docx-public": "public", "docx-internal": "internal",
                     "schedules": "contract schedules", "risks": "risk register",
                     "risks-public": "risk register public",
                     "risks-internal": "risk register internal"}.get(kind, "")
            name = safe_file_name(title, extra, spec[3])
            folder = self.last_folder()
            suggested = os.path.join(folder, name) if folder else name
            path = ask_export_path(self, spec[1].rstrip("…"), suggested, spec[2])
            if not path:
                return False
        self.remember_folder(os.path.dirname(os.path.abspath(path)))
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            self._failed(f"Could not write {Path(path).name}: the folder does not exist")
            return False
        publisher = publisher_from_settings() if kind == "ocds" else None
        job = ExportJob(kind, self.document.project.model_copy(deep=True), path, publisher)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self._job = job
        self._set_buttons(False)
        self.progress.setValue(0)
        self.status.setText(f"Exporting {Path(path).name}…")
        self.pool.start(job)
        return True

    def _set_buttons(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.import_button.setEnabled(enabled)
        self.publisher_button.setEnabled(enabled)

    @Slot(int, str)
    def _progress(self, percent: int, what: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(what + "…" if percent < 100 else what)

    @Slot(str)
    def _finished(self, path: str) -> None:
        self._job = None
        self._set_buttons(True)
        self.progress.setValue(100)
        self.status.setText(f"Saved {Path(path).name}.")
        self.exportFinished.emit(path)
        answer = ask_open(self, path)
        if answer == "folder":
            show_in_folder(path)
        elif answer and open_file(path) is False:
            tell_no_viewer(self, path)

    # the folder of the last export, kept in the settings when the window gives them ----------
    settings = None  # ui.settings.Settings, set by the main window

    def last_folder(self) -> str:
        folder = self.settings.value("export/folder", "") if self.settings is not None else ""
        return folder if folder and os.path.isdir(folder) else ""

    def remember_folder(self, folder: str) -> None:
        if self.settings is not None:
            self.settings.set_value("export/folder", folder)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._job = None
        self._set_buttons(True)
        self.progress.setValue(0)
        self.status.setText(message)
        self.exportFailed.emit(message)

    def set_publisher(self) -> bool:
        """Ask for the open data publisher and keep it in the settings; refuse a bad prefix."""
        from ui.settings import Settings
        from wizard.export.publisher import Publisher, PublisherError

        settings = Settings()
        current = tuple(str(settings.value(k, "") or "") for k in (OCID_PREFIX_KEY, PUBLISHER_KEY, PUBLISHER_URI_KEY))
        answer = ask_publisher(self, current)  # type: ignore[arg-type]
        if answer is None:
            return False
        try:
            Publisher(*answer)
        except PublisherError as err:
            self.status.setText(str(err))
            return False
        for key, value in zip((OCID_PREFIX_KEY, PUBLISHER_KEY, PUBLISHER_URI_KEY), answer):
            settings.set_value(key, value)
        self.status.setText(f"Open data will use the ocid prefix {answer[0]}." if answer[0]
                            else "Open data will carry a placeholder ocid prefix until one is set.")
        return True

    def _import(self) -> None:
        from ui.import_risks import import_risks

        path = ask_import_path(self)
        if path:
            count = import_risks(self, self.document, path)
            if count:
                self.status.setText(f"Imported {formatting.count(count, 'risk')}.")

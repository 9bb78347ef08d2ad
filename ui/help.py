"""Help › User guide (the short guide shipped in resources/) and the version shown in About."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtWidgets import QDialog, QPushButton, QTextBrowser, QVBoxLayout, QWidget

GUIDE = Path(__file__).resolve().parents[1] / "resources" / "user-guide.md"


def app_version() -> str:
    """The installed version of Changemaker ('0.1.0'), or 'development' when not installed."""
    try:
        return metadata.version("changemaker")
    except metadata.PackageNotFoundError:
        return "development"


def guide_text() -> str:
    """The user guide's text (Markdown); a plain sentence if the file is missing."""
    try:
        return GUIDE.read_text(encoding="utf-8")
    except OSError:
        return "The user guide is missing from this installation (resources/user-guide.md)."


class GuideDialog(QDialog):
    """A non-modal window showing the user guide."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guide.dialog")
        self.setWindowTitle("Changemaker user guide")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide.text")
        self.browser.setAccessibleName("User guide")
        self.browser.setMarkdown(guide_text())
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        layout.addWidget(close)
        self.resize(720, 640)

"""A splitter that lays its panes side by side when wide and one above the other when narrow.

The main window's side panels can leave a step page only ~700 pixels wide at 1280×800; a
form beside a table then squeezes both. ``AdaptiveSplitter`` switches orientation at
``threshold`` pixels and shares the space by ``ratios`` whenever it switches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


class AdaptiveSplitter(QSplitter):
    def __init__(self, threshold: int = 1000, ratios: tuple[int, ...] = (1, 1),
                 narrow_ratios: tuple[int, ...] | None = None, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.threshold = threshold
        self.ratios = ratios
        self.narrow_ratios = narrow_ratios or ratios
        self._arranged: Qt.Orientation | None = None
        self.setChildrenCollapsible(False)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = event.size().width() >= self.threshold
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation == self._arranged:
            return
        self._arranged = orientation
        self.setOrientation(orientation)
        ratios = self.ratios if wide else self.narrow_ratios
        length = event.size().width() if wide else event.size().height()
        total = sum(ratios)
        self.setSizes([length * r // total for r in ratios])

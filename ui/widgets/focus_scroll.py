"""Forms that do not jump under the pointer.

``FocusScrollArea`` is a ``QScrollArea`` that, when Tab moves the focus, scrolls only as far as
it must to show the newly focused field with a margin of ``FOCUS_MARGIN_PX`` (Qt's own scroll
area keeps 50 px round it, which on a short pane moves the form by half its height and puts a
different control under the pointer). A field already wholly on screen does not move the form.

``ArmedCheckList`` is the list of check boxes a detail form uses (the phases of a risk): arriving
by Tab does not let a typed space tick the first item. Space ticks only once the user has chosen
an item in the list, with an arrow key or the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QListWidget, QScrollArea, QWidget

from ui.widgets.layout_sizes import FOCUS_MARGIN_PX

NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
                   Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class FocusScrollArea(QScrollArea):
    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt's name
        if not QWidget.focusNextPrevChild(self, next_):
            return False
        focused = self.focusWidget()
        if focused is not None and self.widget() is not None and self.widget().isAncestorOf(focused):
            self.reveal(focused)
        return True

    def reveal(self, widget: QWidget) -> None:
        """Scroll the least that shows ``widget`` (its top, when it is taller than the pane)."""
        viewport = self.viewport()
        top = widget.mapTo(self.widget(), widget.rect().topLeft()).y()
        bottom = top + widget.height()
        bar = self.verticalScrollBar()
        shown_top, shown_bottom = bar.value(), bar.value() + viewport.height()
        margin = FOCUS_MARGIN_PX
        if top - margin < shown_top or widget.height() + 2 * margin > viewport.height():
            bar.setValue(max(0, top - margin))
        elif bottom + margin > shown_bottom:
            bar.setValue(bottom + margin - viewport.height())
        left = widget.mapTo(self.widget(), widget.rect().topLeft()).x()
        hbar = self.horizontalScrollBar()
        if left < hbar.value() or left + min(widget.width(), viewport.width()) > \
                hbar.value() + viewport.width():
            hbar.setValue(max(0, left - margin))


class ArmedCheckList(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.armed = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.armed = False
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.armed = True
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in NAVIGATION_KEYS:
            self.armed = True
        elif event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not self.armed:
            event.accept()  # not chosen yet: a stray space ticks nothing
            self.setToolTip("Press ↓ to choose an item, then Space to tick it")
            return
        super().keyPressEvent(event)

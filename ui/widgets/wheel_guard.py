"""The mouse wheel scrolls the page; it edits a value only in the field that has the focus.

One event filter on the whole application (``install(app)``): a wheel event over a spin box,
date field, combo box or slider that does not have the keyboard focus is passed on to the
widget underneath (the scroll area of the page or the table it sits in), so scrolling past a field never
changes it. Those widgets also stop taking the focus from the wheel, so a scroll cannot give
them the focus either. The filter sees every widget, including the editors a table opens in
its cells, so no widget needs its own fix.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QSlider,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox, QSlider)  # QDateEdit is a QAbstractSpinBox


def guarded(widget: QObject) -> bool:
    """True for the value widgets the wheel must not change unless they have the focus."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def _has_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class WheelGuard(QObject):
    """Application-wide filter: unfocused value widgets pass the wheel on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Polish and guarded(watched):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and guarded(watched) and not _has_focus(watched):
            _pass_on(watched, event)
            return True
        return False


def _pass_on(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the scroll area (page or table) the widget sits in, so it scrolls."""
    parent = widget.parentWidget()
    while parent is not None and not (isinstance(parent, QAbstractScrollArea)
                                      and parent.viewport().isAncestorOf(widget)):
        parent = parent.parentWidget()
    if parent is None:
        event.ignore()
        return
    viewport = parent.viewport()
    position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    copy = QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                       event.buttons(), event.modifiers(), event.phase(), event.inverted())
    QApplication.sendEvent(viewport, copy)
    event.accept()


_GUARD: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the filter once on the application (calling again does nothing more)."""
    global _GUARD  # noqa: PLW0603 - one filter per application, by design
    app = app or QApplication.instance()
    if _GUARD is None:
        _GUARD = WheelGuard()
        app.installEventFilter(_GUARD)
        for widget in app.allWidgets():  # those polished before the filter was there
            if guarded(widget) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return _GUARD

"""Helpers the page tests share: show a widget, edit a table cell as a user would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QWidget


def show(qtbot, widget: QWidget, width: int = 1280, height: int = 800) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def find(parent: QWidget, cls, name: str):
    found = parent.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def column_of(view: QTableView, header: str) -> int:
    model = view.model()
    for col in range(model.columnCount()):
        if model.headerData(col, Qt.Orientation.Horizontal) == header:
            return col
    raise AssertionError(f"no column {header!r}")


def reveal(view: QTableView, col: int) -> None:
    """Show a secondary column first, as the user does from the header's column chooser."""
    if view.isColumnHidden(col):
        view.setColumnHidden(col, False)
        view.setColumnWidth(col, max(view.columnWidth(col), 100))


def cell_text(view: QTableView, row: int, header: str) -> str:
    return view.model().index(row, column_of(view, header)).data()


def open_editor(qtbot, view: QTableView, row: int, header: str) -> QWidget:
    """Select the cell and open its editor (as a double-click or F2 would)."""
    index = view.model().index(row, column_of(view, header))
    reveal(view, index.column())
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    qtbot.waitUntil(lambda: view.state() == QTableView.State.EditingState, timeout=2000)
    editor = QApplication.focusWidget()
    if editor is None or not view.viewport().isAncestorOf(editor):
        # Offscreen windows are not always active: find the open editor among the viewport's
        # direct children.
        open_editors = [w for w in view.viewport().children()
                        if isinstance(w, QWidget) and w.isVisible()]
        assert open_editors, "no editor opened"
        editor = open_editors[-1]
    return editor


def press_enter(qtbot, view: QTableView, editor: QWidget) -> None:
    """Commit the open editor with Enter (the view commits on the next turn of the loop)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)


def type_into_cell(qtbot, view: QTableView, row: int, header: str, text: str) -> None:
    """Replace the cell's text by typing, then commit with Enter."""
    editor = open_editor(qtbot, view, row, header)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    press_enter(qtbot, view, editor)


def choose_in_cell(qtbot, view: QTableView, row: int, header: str, text: str) -> None:
    """Open the cell's combo box, pick the entry whose text is ``text`` and commit with Enter."""
    editor = open_editor(qtbot, view, row, header)
    assert isinstance(editor, QComboBox)
    index = editor.findText(text)
    assert index >= 0, f"{text!r} is not offered; offered: " + ", ".join(
        editor.itemText(i) for i in range(editor.count()))
    editor.setCurrentIndex(index)
    press_enter(qtbot, view, editor)


def click_check(qtbot, view: QTableView, row: int, header: str) -> None:
    """Click the checkbox in a cell."""
    index = view.model().index(row, column_of(view, header))
    reveal(view, index.column())
    rect = view.visualRect(index)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # The check indicator sits at the left of the cell.
    pos = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text``; characters beyond ASCII (ŵ, –, £) arrive as a keyboard layout sends them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, editor: QWidget, text: str, enter: bool = True) -> None:
    """Focus a line edit, replace its text by typing, and press Enter."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    type_text(qtbot, editor, text)
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def click_graph_item(qtbot, scene_view, kind: str, item_id: str) -> None:
    """Click the middle of the bar or marker that stands for (kind, item_id) in a SceneView."""
    from wizard import scene as sc

    scene = scene_view.scene()
    shapes = [s for s in scene.shapes if s.item == (kind, item_id) and not isinstance(s, sc.Line)]
    assert shapes, f"nothing in the graph stands for {kind} {item_id}"
    for shape in shapes:
        x, y, w, h = shape.bbox()
        cx, cy = x + w / 2, y + h / 2
        hit = sc.hit_test(scene, cx, cy)
        if hit is not None and hit.item == (kind, item_id):
            break
    else:
        raise AssertionError(f"{kind} {item_id} is hidden under other shapes")
    zoom = scene_view.zoom
    canvas = scene_view.canvas
    point = QPoint(round(cx * zoom), round(cy * zoom))
    scene_view.scroll.ensureVisible(point.x(), point.y())
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)


def tick_in_cell(qtbot, view: QTableView, row: int, header: str, texts: list[str]) -> list[str]:
    """Open a multi-reference cell, click the named lines to tick or untick them, press Enter.

    Returns the lines the drop-down offered."""
    from PySide6.QtWidgets import QListWidget

    editor = open_editor(qtbot, view, row, header)
    assert isinstance(editor, QListWidget)
    offered = [editor.item(i).text() for i in range(editor.count())]
    for text in texts:
        matches = editor.findItems(text, Qt.MatchFlag.MatchExactly)
        assert matches, f"{text!r} is not offered; offered: {offered}"
        rect = editor.visualItemRect(matches[0])
        qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press_enter(qtbot, view, editor)
    return offered

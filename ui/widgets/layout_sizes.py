"""The sizes every step is designed to at 1280x800: how many table rows stay visible, how tall a
detail form is at least, and the margin kept round a field the focus moves to.

``show_rows(view, n)`` gives a table view the minimum height that shows ``n`` rows with its
header and horizontal scroll bar, at the view's own font and row height.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

TABLE_MIN_ROWS = 6  # a list step's table shows at least this many rows
DETAIL_MIN_PX = 160  # the detail form under a table is never squeezed below this
FOCUS_MARGIN_PX = 8  # Tab scrolls a form only this far beyond the field it reveals
WIDE_PX = 1000  # narrower than this, a step puts its graph (or side panel) in a tab


def rows_height(view: QTableView, rows: int) -> int:
    """The height of ``view`` showing ``rows`` rows, its header and a horizontal scroll bar."""
    row = view.verticalHeader().defaultSectionSize()
    header = view.horizontalHeader().sizeHint().height()
    scroll_bar = view.horizontalScrollBar().sizeHint().height()
    return rows * row + header + scroll_bar + 2 * view.frameWidth() + 2


def show_rows(view: QTableView, rows: int = TABLE_MIN_ROWS) -> None:
    view.setMinimumHeight(rows_height(view, rows))

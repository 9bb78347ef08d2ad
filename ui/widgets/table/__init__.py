"""Editable tables of the project's lists.

``columns`` (what a column shows and how it is edited: ``Column``, ``ColumnKind``), ``model``
(the Qt model reading the project), ``delegate`` (the cell editors, from
``ui.widgets.editors``), ``commands`` (add, duplicate, delete, move, rename through
``wizard.edits``) and ``widget`` (``ItemTable``: toolbar, table and message line).
"""

from ui.widgets.table.columns import (
    BOOL,
    COMPUTED,
    DATE,
    ENUM,
    ID_TIP,
    INT,
    MONEY,
    REF,
    REFS,
    TEXT,
    Column,
    ColumnKind,
)
from ui.widgets.table.widget import ItemTable

__all__ = ["BOOL", "COMPUTED", "DATE", "ENUM", "ID_TIP", "INT", "MONEY", "REF", "REFS", "TEXT",
           "Column", "ColumnKind", "ItemTable"]

"""The columns of an item table: what each shows and how it is edited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any


class ColumnKind(Enum):
    """The editor a column asks for."""

    TEXT = "text"
    INT = "int"
    MONEY = "money"
    ENUM = "enum"
    REF = "ref"  # one id of another item (a partner, a phase)
    REFS = "refs"  # a list of ids
    BOOL = "bool"
    DATE = "date"
    COMPUTED = "computed"  # read-only, worked out by ``Column.compute``


# The kinds by their short names, as the pages declare their columns: Column("owner", ..., REF).
TEXT, INT, MONEY, ENUM, REF, REFS, BOOL, DATE, COMPUTED = ColumnKind

ID_TIP = ("Assigned by the app; other items refer to it. To rename it (every reference "
          "follows), right-click the row and choose Rename id")

# The columns that name an item, in the order of preference: Add puts the cursor there.
NAME_ATTRS = ("name", "title", "outcome", "kind")


@dataclass(frozen=True)
class Column:
    """One column: the item attribute, its header and how it is edited."""

    attr: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    minimum: int = 0
    maximum: int = 100
    enum: type[StrEnum] | None = None
    ref: str | None = None  # "partners" or "phases" for REF / REFS
    optional: bool = False  # None allowed (REF, INT, DATE)
    readonly: bool = False
    compute: Callable[[Any], str] | None = None  # COMPUTED columns
    width: int | None = None
    suffix: str = ""
    tip: str = field(default="")
    labels: dict[int, str] | None = None  # INT columns: words shown after the number
    secondary: bool = False  # hidden at first; shown from the header's column chooser

    def __post_init__(self) -> None:
        # A kind given by its value ("computed") is the same kind; an unknown one is refused
        # here rather than shown as a plain text column.
        object.__setattr__(self, "kind", ColumnKind(self.kind))

    @property
    def editable(self) -> bool:
        # Ids are assigned by the app and shown read-only; renaming is a separate command.
        return not self.readonly and self.kind is not ColumnKind.COMPUTED and self.attr != "id"

"""The building blocks of an exported document, shared by the PDF and HTML writers.

A business case is a flat list of blocks (headings, paragraphs, bullet lists, tables, figures).
Building the blocks is pure and testable; the writers only decide how each block looks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = chapter (starts a new page in the PDF), 2 = section, 3 = sub-section
    text: str
    key: str  # unique anchor / bookmark name


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body, note, lead


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative column widths, summing to about 1
    key: str = ""
    numeric: tuple[int, ...] = ()  # columns aligned right
    # True when a row whose leading cells are empty continues the row above (one principle,
    # several points): renderers draw those cells as one cell spanning the rows.
    grouped: bool = False


def row_spans(block: Table) -> list[list[int]]:
    """For each row, the rowspan of each cell: 0 for a cell covered by the one above it.

    In a grouped table, a row whose leading cells are empty continues the row above: those
    cells merge with the group's first row (so no header cell is ever empty)."""
    spans = [[1] * len(row) for row in block.rows]
    if not block.grouped:
        return spans
    start = None
    for index, row in enumerate(block.rows):
        if index and row and not row[0] and start is not None:
            lead = next((i for i, v in enumerate(row) if v), len(row))
            for column in range(min(lead, len(row))):
                if spans[start][column] and not any(block.rows[r][column] for r in range(start + 1, index + 1)):
                    spans[start][column] += 1
                    spans[index][column] = 0
        else:
            start = index
    return spans


@dataclass(frozen=True)
class KeyValues:
    """A two-column list of labels and values (the summary, cover facts)."""

    caption: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Figure:
    kind: str  # "phase_map", "risk_matrix" or "partner_load"
    caption: str


Block = Heading | Para | Bullets | Table | KeyValues | Figure


@dataclass(frozen=True)
class Cover:
    title: str
    kicker: str
    commissioners: str
    place: str
    stage: str
    edition: str  # "Public edition" / "Internal edition"
    date: dt.date
    draft: str
    note: str


@dataclass(frozen=True)
class BusinessCase:
    edition: str  # "public" or "internal"
    cover: Cover
    blocks: list[Block] = field(default_factory=list)

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

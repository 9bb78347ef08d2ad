"""The register workbook's "Totals by bearer" sheet: the expected cost of the priced risks by
who bears it (each partner by name, nobody named, the public and private sides, all), and by
where it comes from (public, shared and private risks).

The figures are values in whole pounds (``wizard.bearer_totals``, rounded only here), bold
totals, in the money format of the register. The sheet is not the register: the import reads
the first sheet only, so these rows are never read back as risks. The CSV has no totals.

The public edition prints the totals only when no risk is withheld: otherwise each total would
include a withheld probability and cost range, and the sheet says why it has none.
"""

from __future__ import annotations

import math

from wizard.bearer_totals import EXPECTED_COST, BearerTotal, bearer_totals, withheld_count
from wizard.model import Project

TOTALS_SHEET = "Totals by bearer"
TITLE = "Expected cost of the priced risks by who bears it"
HEADER = ("Bearer", "Side", "From public risks (£)", "From shared risks (£)",
          "From private risks (£)", f"{EXPECTED_COST} (£)")
WIDTHS = (34, 11, 17, 17, 17, 17)  # characters
SIDES = {"public": "Public", "private": "Private", "mixed": "Both sides", "": ""}
EXPLAINED = ("Expected cost = probability × (low + most likely + high) ÷ 3, in whole pounds. "
             "A shared risk is split by its public share: the public part to its owner when a "
             "public body, else to the first public partner; the private part to its owner when "
             "a provider, else to its private bearer.")
NOT_PRICED = ("No risk is priced yet: give a risk a probability and a cost range (low, most likely, "
              "high) to see the totals by bearer.")
WITHHELD_NOTE = ("Totals by bearer are not published in the public edition: the probability and "
                 "cost range of {count} withheld risk{s} are not published, and every total would "
                 "include them.")


def totals_rows(project: Project, edition: str) -> tuple[list[str], list[list], int]:
    """(notes printed above the table, the table's rows with its header first or [] when there
    is no table, how many of its last rows are totals). ``project`` is the copy the edition
    shows."""
    withheld = withheld_count(project) if edition == "public" else 0
    if withheld:
        return [WITHHELD_NOTE.format(count=withheld, s="" if withheld == 1 else "s")], [], 0
    totals = bearer_totals(project)
    if not totals.priced:
        return [NOT_PRICED], [], 0
    unpriced = len(project.risks) - totals.priced
    counted = (f"{totals.priced} priced risk{'' if totals.priced == 1 else 's'}"
               + (f"; {unpriced} not priced, so not counted." if unpriced else "."))
    rows: list[list] = [list(HEADER), *(_row(b) for b in (*totals.bearers, totals.public, totals.private))]
    # the whole is the sum of the two sides as printed, so the rounded rows add up
    public, private = rows[-2], rows[-1]
    rows.append([totals.total.name, "", *(a + b for a, b in zip(public[2:], private[2:]))])
    return [EXPLAINED, counted], rows, 3


def _row(b: BearerTotal) -> list:
    """The bearer's name and side, then whole pounds; the expected cost is the sum of its
    parts as printed."""
    parts = [round(v) for v in b.by_source]
    return [b.name, SIDES[b.side], *parts, sum(parts)]


def totals_sheet(sheet, project: Project, edition: str, mark: str) -> None:
    """Fill the sheet: the marking (internal), the title, the notes and the table."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from wizard.export.register_export import MONEY_FORMAT, _safe

    notes, rows, total_rows = totals_rows(project, edition)
    sheet.page_setup.orientation = "landscape"  # printed on one page wide
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    bold = Font(bold=True)
    if mark:
        sheet.append([mark])
        sheet.cell(row=1, column=1).font = Font(bold=True, color="B10E1E")
        sheet.oddHeader.center.text = mark
        sheet.oddFooter.center.text = mark + " – page &P of &N"
    sheet.append([TITLE])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=13)
    for note in notes:
        sheet.append([note])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=len(HEADER))
        cell = sheet.cell(row=sheet.max_row, column=1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[sheet.max_row].height = 15 * math.ceil(len(note) * 1.1 / sum(WIDTHS)) + 3
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    if not rows:
        return
    header_row = sheet.max_row + 2  # after a blank row
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=header_row + offset, column=column, value=_safe(value))
    for column in range(1, len(HEADER) + 1):
        cell = sheet.cell(row=header_row, column=column)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = sheet.max_row
    for row in range(header_row + 1, last + 1):
        for column in range(3, len(HEADER) + 1):
            sheet.cell(row=row, column=column).number_format = MONEY_FORMAT
        if row > last - total_rows:
            for column in range(1, len(HEADER) + 1):
                sheet.cell(row=row, column=column).font = bold
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"

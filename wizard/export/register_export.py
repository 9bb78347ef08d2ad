"""The risk register a finance colleague opens: CSV, or an Excel workbook with its formatting.

Words, not codes (Land availability, Tolerate); risks sorted by score, highest first; owners
and phases by name; a bold, frozen header row with a filter; column widths and wrapped text;
likelihood, impact, score and band in the band's colour; the allocation with the public share;
the quantified risk (probability in %, the cost range low / most likely / high and the expected
cost, in whole pounds with the money format); beside the register, a sheet of totals by bearer
(``wizard.export.register_totals``) and sheets of the phases and the break clauses. The
expected cost is derived: the import reads every other column back and ignores it. The public
edition prints "Withheld" for a withheld risk's probability, cost range and expected cost. The internal register carries
the protective marking (``wizard.export.editions.marking``) on a first line above the header,
in the sheets' print headers and in the workbook's properties; the public one is built from the
redacted copy. Every column is one the import reads back (``wizard.export.register``), so a
register edited in Excel and saved in any locale imports to the same risks.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from wizard import risk as riskmod
from wizard.export.safe_text import printable_project, printable_value
from wizard.export.business_case import WITHHELD, add_months
from wizard.formatting import long_date
from wizard.export.editions import marking
from wizard.export.register_totals import TOTALS_SHEET, totals_sheet
from wizard.model import Project, Risk
from wizard.redact import redact
from wizard.risk_exposure import expected_cost
from wizard.scene import DEFAULT
from wizard.schedule import build_schedule
from wizard.vocab import label

# (key the import reads, the header a reader sees)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Id"),
    ("title", "Risk"),
    ("description", "Description"),
    ("category", "Category"),
    ("phases", "Phases"),
    ("likelihood", "Likelihood"),
    ("impact", "Impact"),
    ("score", "Score"),
    ("band", "Band"),
    ("allocation", "Allocation"),
    ("public_share", "Public share (%)"),
    ("probability_pct", "Probability (%)"),  # the quantified risk: its chance and cost range
    ("cost_min_gbp", "Cost low (£)"),
    ("cost_likely_gbp", "Cost most likely (£)"),
    ("cost_max_gbp", "Cost high (£)"),
    ("expected_cost", "Expected cost (£)"),  # derived: the import reads it and changes nothing
    ("owner", "Owner"),
    ("mitigation", "Mitigation"),
    ("response", "Response"),
    ("status", "Workshop status"),
    ("sensitive", "Sensitive"),
    ("withheld_reason", "Withheld reason"),
    ("withheld_until", "Withheld until"),
    ("private_bearer", "Private bearer"),  # of a shared risk owned by a public body
)
HEADER = tuple(h for _, h in COLUMNS)
# columns worked out from others: shown to the reader, never read back by the import
DERIVED = ("expected_cost",)
MONEY_COLUMNS = ("cost_min_gbp", "cost_likely_gbp", "cost_max_gbp", "expected_cost")
# the columns the public edition withholds for a withheld risk (the expected cost is made of them)
PRICED_COLUMNS = ("probability_pct", *MONEY_COLUMNS)
MONEY_FORMAT = "£#,##0"  # whole pounds, as the business case prints them
PERCENT_FORMAT = "0.##"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel column widths (characters) and which columns wrap
WIDTHS = {"id": 8, "title": 34, "description": 48, "category": 20, "phases": 28, "likelihood": 11,
          "impact": 10, "score": 8, "band": 11, "allocation": 12, "public_share": 10, "probability_pct": 12,
          "cost_min_gbp": 14, "cost_likely_gbp": 14, "cost_max_gbp": 14, "expected_cost": 14, "owner": 26,
          "mitigation": 48, "response": 12, "status": 13, "sensitive": 10, "withheld_reason": 28,
          "withheld_until": 14, "private_bearer": 26}
WRAP = {"title", "description", "phases", "owner", "mitigation", "withheld_reason", "category"}
BAND_FILLS = {name: colour.lstrip("#").upper() for name, colour in DEFAULT.bands}  # as the risk matrix


def sorted_risks(project: Project) -> list[Risk]:
    """Highest score first; equal scores keep the project's order."""
    return sorted(project.risks, key=lambda r: -riskmod.score(r))


def _probability(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def priced_cells(r: Risk, withheld: bool) -> list[str | int | float]:
    """Probability (%), the cost range and the expected cost in whole pounds; "Withheld" for
    each when the edition withholds them."""
    if withheld:
        return [WITHHELD] * len(PRICED_COLUMNS)
    return [_probability(r.probability_pct), r.cost_min_gbp, r.cost_likely_gbp, r.cost_max_gbp,
            round(expected_cost(r))]


def register_rows(project: Project, edition: str = "internal") -> list[list[str | int | float | dt.date]]:
    """The header and one row per risk (dates as dates: the CSV writes them as YYYY-MM-DD).
    ``project`` is the copy the edition shows (the redacted one for the public edition)."""
    partners = {p.id: p.name for p in project.partners}
    phases = {p.id: p.name for p in project.phases}
    rows: list[list[str | int | float | dt.date]] = [list(HEADER)]
    for r in sorted_risks(project):
        rows.append([
            r.id, r.title, r.description, label(r.category), "; ".join(phases.get(p, p) for p in r.phases),
            r.likelihood, r.impact, riskmod.score(r), riskmod.band(r).capitalize(), label(r.allocation),
            r.public_share, *priced_cells(r, edition == "public" and r.sensitive),
            partners.get(r.owner or "", r.owner or ""), r.mitigation, label(r.response),
            label(r.status), "Yes" if r.sensitive else "No", r.withheld_reason,
            r.withheld_until if r.withheld_until else "",
            partners.get(r.private_bearer or "", r.private_bearer or ""),
        ])
    return rows


def _safe(value):
    """A cell: never run as a formula, and printable (XLSX is XML, which cannot hold NUL and
    the like: openpyxl would raise IllegalCharacterError)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        value = "'" + value
    return printable_value(value)


def register_bytes(project: Project, suffix: str, edition: str = "internal") -> bytes:
    """The register as the bytes of a .csv or .xlsx file (``suffix`` says which)."""
    # printable: XLSX is XML, which cannot hold NUL and the like (cells, sheet names, properties)
    shown = printable_project(redact(project) if edition == "public" else project)
    mark = marking(edition)
    rows = [[_safe(v) for v in row] for row in register_rows(shown, edition)]
    if suffix == ".csv":
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        if mark:
            writer.writerow([mark])
        writer.writerows([[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in rows])
        return text.getvalue().encode("utf-8-sig")
    if suffix == ".xlsx":
        return _workbook(shown, rows, mark, edition)
    raise ValueError(f"Cannot write a risk register as '{suffix or 'no extension'}': use .csv or .xlsx")


def _workbook(project: Project, rows: list[list], mark: str, edition: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Risk register"
    keys = [k for k, _ in COLUMNS]
    first = _sheet(sheet, rows, keys, mark)
    fills = {band: PatternFill("solid", start_color=colour, end_color=colour) for band, colour in BAND_FILLS.items()}
    coloured = [keys.index(k) + 1 for k in ("likelihood", "impact", "score", "band")]
    for offset, r in enumerate(sorted_risks(project)):
        fill = fills[riskmod.band(r)]
        for column in coloured:
            sheet.cell(row=first + 1 + offset, column=column).fill = fill
    date_column = keys.index("withheld_until") + 1
    for row in range(first + 1, first + 1 + len(rows) - 1):
        sheet.cell(row=row, column=date_column).number_format = "yyyy-mm-dd"
        for key in MONEY_COLUMNS:
            sheet.cell(row=row, column=keys.index(key) + 1).number_format = MONEY_FORMAT
        sheet.cell(row=row, column=keys.index("probability_pct") + 1).number_format = PERCENT_FORMAT

    schedule = build_schedule(project)
    partners = {p.id: p.name for p in project.partners}
    phase_names = {p.id: p.name for p in project.phases}
    phase_rows = [["Id", "Phase", "Kind", "Start month", "End month", "Starts", "Provider", "Contract", "Value (£)",
                   "Outcomes"]]
    for ph in project.phases:
        start = schedule.start.get(ph.id, ph.start_month)
        finish = schedule.finish.get(ph.id, start + ph.duration_months)
        value: str | int = "Withheld" if (edition == "public" and ph.sensitive) else ph.value_gbp
        phase_rows.append([ph.id, ph.name, label(ph.kind), start, finish,
                           long_date(add_months(project.project.start, start)),
                           partners.get(ph.provider or "", "Not chosen"), "Bundled" if ph.bundled else "Separate",
                           value, "; ".join(ph.outcomes)])
    phase_sheet = book.create_sheet("Phases")
    _sheet(phase_sheet, [[_safe(v) for v in row] for row in phase_rows],
           ["id", "name", "kind", "n", "n", "date", "owner", "band", "money", "mitigation"], mark)
    clause_rows = [["Id", "Trigger", "Phases", "Earliest month", "Notice (months)", "Compensation", "Formula",
                    "Description"]]
    for c in project.break_clauses:
        clause_rows.append([c.id, label(c.trigger), "; ".join(phase_names.get(p, p) for p in c.phases) or "All phases",
                            c.earliest_month, c.notice_months, label(c.compensation), c.formula, c.description])
    clause_sheet = book.create_sheet("Break clauses")
    _sheet(clause_sheet, [[_safe(v) for v in row] for row in clause_rows],
           ["id", "trigger", "phases", "n", "n", "compensation", "mitigation", "description"], mark)
    for row in range(1, phase_sheet.max_row + 1):
        phase_sheet.cell(row=row, column=9).number_format = MONEY_FORMAT
    totals_sheet(book.create_sheet(TOTALS_SHEET, 1), project, edition, mark)  # beside the register
    props = book.properties
    props.creator = "Changemaker"
    props.title = f"{project.project.title}: risk register ({edition} edition)"
    props.keywords = ", ".join(x for x in ("risk register", f"{edition} edition", mark) if x)
    props.category = mark or "Public edition"
    fixed = dt.datetime(2000, 1, 1)
    props.created = fixed
    props.modified = fixed
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_OTHER_WIDTHS = {"name": 34, "kind": 18, "n": 11, "date": 16, "money": 14, "trigger": 22,
                 "compensation": 20}


def _sheet(sheet, rows: Sequence[Sequence], keys: Sequence[str], mark: str) -> int:
    """Fill one sheet: the marking line (internal), a bold frozen header with a filter, widths,
    wrapped text. Returns the row number of the header."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header_row = 1
    if mark:
        sheet.append([mark])
        sheet.cell(row=1, column=1).font = Font(bold=True, color="B10E1E")
        header_row = 2
        sheet.oddHeader.center.text = mark
        sheet.oddFooter.center.text = mark + " – page &P of &N"
    for row in rows:
        sheet.append(list(row))
    bold = Font(bold=True)
    for column in range(1, len(keys) + 1):
        cell = sheet.cell(row=header_row, column=column)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = get_column_letter(len(keys))
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(header_row + 1, header_row + len(rows) - 1)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    for column, key in enumerate(keys, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS.get(key, _OTHER_WIDTHS.get(key, 24))
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row in sheet.iter_rows(min_row=header_row + 1, max_row=header_row + len(rows) - 1):
        for cell, key in zip(row, keys):
            cell.alignment = wrap if (key in WRAP or key in ("name", "description")) else top
    return header_row


def export_register(project: Project, out, edition: str = "internal") -> None:
    """Write the register as .csv or .xlsx (by the file's extension), atomically."""
    from pathlib import Path

    from wizard.storage import write_atomic

    write_atomic(register_bytes(project, Path(out).suffix.lower(), edition), out)

"""The risk register as a spreadsheet: export to CSV or XLSX, import with a preview.

Export: ``export_register(project, path, edition="internal")`` writes one row per risk (the
public edition from the redacted copy). Cells that a spreadsheet would run as a formula are
prefixed with an apostrophe.

Import: ``read_register(path, project)`` parses a CSV or XLSX file into a ``RegisterPreview``:
one ``ParsedRow`` per data row with the risk it would become and its status (added, changed,
unchanged, refused, with a clear error per refused row naming the row and the column). The
priced columns (probability in %, with a decimal point or comma; the cost range in whole
pounds, with or without £ and thousands separators) read back; the expected cost is worked out
from them, so the import ignores it and the preview's ``notes`` say so. Only
the columns the file has change a risk: a slim register of ``id,title,likelihood,impact``
leaves the description, mitigation, owner, phases and the ``sensitive`` flag as they were.
A cell holding the public edition's placeholder ("[Withheld …]") refuses its row, so reading
the public register back cannot write placeholders over the real text. Nothing changes until
``apply_import(project, preview)`` returns a new project with the good rows applied.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard.edits import next_id
from wizard.model import MAX_RISKS, Project, Risk
from wizard.errors import explain, sentence
from wizard.formatting import clip
from wizard.redact import PLACEHOLDER_START, redact

from wizard.export.register_export import COLUMNS as _LABELLED
from wizard.export.register_export import DERIVED, PRICED_COLUMNS, WITHHELD
from wizard.export.register_row import COLUMN_WORDS, Lookup, RegisterRow, read_row
from wizard.export.register_export import (  # noqa: F401 - the export, kept importable from here
    _FORMULA_START,
    export_register,
    register_bytes,
    register_rows,
)

COLUMNS: tuple[str, ...] = tuple(key for key, _ in _LABELLED)
REQUIRED = ("title",)
MAX_FILE_BYTES = 50 * 1024 * 1024
def _fold(text: str) -> str:
    return "_".join(text.strip().casefold().replace("(", " ").replace(")", " ").split())


# a header cell, folded (see _fold), -> the column it names: the keys and the labels both read
_HEADER_NAMES = {**{key: key for key in COLUMNS},
                 **{_fold(_label): key for key, _label in _LABELLED},
                 "public_share": "public_share", "public_share_%": "public_share", "risk": "title",
                 "workshop_status": "status", "workshop": "status"}
HEADER_SEARCH_ROWS = 5  # a marking or title line may sit above the header row
# the columns whose blank cell clears the value (a blank score, choice or flag leaves it)
CLEARED_BY_BLANK = frozenset({"title", "description", "mitigation", "withheld_reason",
                              "withheld_until", "owner", "private_bearer", "phases"})


DERIVED_NOTES = {
    "expected_cost": "The expected cost column is worked out from the probability and the cost "
                     "range, so the import does not read it: change those to change it.",
}


class RegisterFileError(ValueError):
    """The file cannot be read as a risk register at all (the message says why)."""


# -- import ------------------------------------------------------------------------------------
ADDED, CHANGED, UNCHANGED, REFUSED = "added", "changed", "unchanged", "refused"


@dataclass
class ParsedRow:
    row: int  # the row number in the file (the header is row 1)
    values: dict[str, str]
    risk: Risk | None = None  # the risk as it would be after the import
    errors: list[str] = field(default_factory=list)
    replaces: bool = False  # a risk with this id exists: only the file's columns change it
    changed: tuple[str, ...] = ()  # the fields the import changes on an existing risk

    @property
    def ok(self) -> bool:
        return self.risk is not None and not self.errors

    @property
    def status(self) -> str:
        """added, changed, unchanged or refused."""
        if not self.ok:
            return REFUSED
        if not self.replaces:
            return ADDED
        return CHANGED if self.changed else UNCHANGED


@dataclass
class RegisterPreview:
    source: str
    rows: list[ParsedRow]
    columns: tuple[str, ...] = ()  # the columns the file has (only these change anything)
    notes: tuple[str, ...] = ()  # what the import does not read, and why

    @property
    def good(self) -> list[ParsedRow]:
        return [r for r in self.rows if r.ok]

    @property
    def bad(self) -> list[ParsedRow]:
        return [r for r in self.rows if not r.ok]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def changes(self) -> list[ParsedRow]:
        """The rows that would change the project (added or changed)."""
        return [r for r in self.rows if r.status in (ADDED, CHANGED)]

    def summary(self) -> str:
        """"2 added, 1 changed, 10 unchanged, 1 refused"."""
        return ", ".join(f"{self.count(s)} {s}" for s in (ADDED, CHANGED, UNCHANGED, REFUSED))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in _FORMULA_START:
        text = text[1:]
    return text


def _decode(data: bytes, name: str) -> str:
    """The text of a CSV file as Excel saves it: UTF-8 with or without a BOM, or Windows-1252."""
    if b"\x00" in data:  # not text at all (or UTF-16, which "CSV" never is)
        raise RegisterFileError(f"'{name}' is not UTF-8 text: save it as CSV UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise RegisterFileError(f"'{name}' is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8") from None


def _delimiter(text: str) -> str:
    """The separator Excel used: ';' in locales with a decimal comma, ',' elsewhere (or a tab)."""
    lines = [line for line in text.splitlines()[: HEADER_SEARCH_ROWS + 20] if line.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=";,\t").delimiter
    except csv.Error:
        pass
    counts = {d: sum(line.count(d) for line in lines) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _read_table(path: Path) -> list[list[str]]:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise RegisterFileError(f"Cannot open '{path.name}': {err.strerror or err}") from None
    if size > MAX_FILE_BYTES:
        raise RegisterFileError(f"'{path.name}' is too large to be a risk register ({size // 1_000_000} MB)")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = _decode(path.read_bytes(), path.name)
        try:
            reader = csv.reader(io.StringIO(data, newline=""), delimiter=_delimiter(data))
            return [[_cell(v) for v in row] for row in reader]
        except csv.Error as err:
            raise RegisterFileError(f"'{path.name}' is not a valid CSV file: {err}") from None
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as err:  # openpyxl raises many kinds for a damaged file
            raise RegisterFileError(f"'{path.name}' is not a readable Excel workbook ({type(err).__name__})") from None
        try:
            sheet = book.worksheets[0]
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([_cell(v) for v in row])
                if len(rows) > MAX_RISKS + 1 + HEADER_SEARCH_ROWS:
                    break
            return rows
        finally:
            book.close()
    raise RegisterFileError(f"Cannot read '{path.name}': use a .csv or .xlsx file")


def _header(table: list[list[str]]) -> tuple[int, list[str]]:
    """(index of the header row, the column each cell names or ""); the header is the first row,
    or a later one of the first few when lines such as a protective marking sit above it."""
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        names = [_HEADER_NAMES.get(_fold(cell), "") for cell in row]
        if "title" in names or "id" in names:
            return index, names
    first = table[0] if table else []
    return 0, [_HEADER_NAMES.get(_fold(cell), _fold(cell)) for cell in first]


def read_register(path: str | os.PathLike[str], project: Project) -> RegisterPreview:
    """Parse the file into a preview; raises RegisterFileError only when nothing is readable."""
    path = Path(path)
    table = [row for row in _read_table(path)]
    while table and not any(table[-1]):
        table.pop()
    if not table:
        raise RegisterFileError(f"'{path.name}' is empty: expected a header row with {', '.join(COLUMNS[:3])}…")
    start, header = _header(table)
    table = table[start:]
    # a register needs titles to add risks, or ids to change the existing ones
    missing = [c for c in REQUIRED if c not in header] if "id" not in header else []
    if missing:
        raise RegisterFileError(
            f"'{path.name}' has no '{missing[0]}' column in its first row; the columns are: {', '.join(COLUMNS)}"
        )
    if len(table) - 1 > MAX_RISKS:
        raise RegisterFileError(f"'{path.name}' has more than {MAX_RISKS} rows")
    lookup = Lookup.of(project)
    existing = {r.id for r in project.risks}
    taken = set(existing)
    rows: list[ParsedRow] = []
    seen_in_file: dict[str, int] = {}
    present = {h for h in header if h and h not in DERIVED}
    current = {r.id: r for r in project.risks}
    for number, raw in enumerate(table[1:], start=start + 2):
        if not any(raw):
            continue
        values = {header[i]: raw[i] if i < len(raw) else "" for i in range(len(header)) if header[i]}
        parsed = ParsedRow(number, values)
        rows.append(parsed)
        errors = parsed.errors
        placeheld: set[str] = set()  # columns holding the public edition's placeholder
        for column, text in values.items():
            if text.lstrip().startswith(PLACEHOLDER_START) or (column in PRICED_COLUMNS and text == WITHHELD):
                placeheld.add(column)
                errors.append(
                    f"Row {number}: {COLUMN_WORDS.get(column, column.replace('_', ' '))} holds the public edition's "
                    "placeholder, not a value: import from the internal edition of the register"
                )
        rid = values.get("id", "").strip()
        if not rid:
            rid = next_id(taken, "R")
        if rid in seen_in_file:
            errors.append(f"Row {number}: id '{clip(rid)}' is used again (first on row {seen_in_file[rid]})")
        seen_in_file[rid] = number
        taken.add(rid)
        parsed.replaces = rid in existing
        # Only the columns the file has change anything; a blank cell clears a text, the owner,
        # the phases or the date, and leaves a score, a choice or the sensitive flag as it is.
        cells = {c: values[c] for c in present & set(RegisterRow.model_fields)
                 if c not in placeheld and (values[c].strip() or c in CLEARED_BY_BLANK)}
        data, problems = read_row(number, cells, lookup)
        errors += problems
        if ("title" in present or not parsed.replaces) and not values.get("title", "").strip():
            errors.append(f"Row {number}: the title is empty")
        if errors:
            continue
        try:
            if parsed.replaces:
                before = current[rid]
                parsed.risk = Risk.model_validate({**before.model_dump(), **data})
                after = parsed.risk.model_dump()
                parsed.changed = tuple(k for k, v in before.model_dump().items() if after[k] != v)
            else:
                parsed.risk = Risk.model_validate({"id": rid, **data})
        except ValidationError as err:
            field, words = explain(err.errors(include_url=False)[0])
            errors.append(f"Row {number}: {sentence(field.replace('_', ' ') or 'the row', words)}")
    notes = tuple(DERIVED_NOTES[h] for h in dict.fromkeys(header) if h in DERIVED)
    return RegisterPreview(str(path.name), rows, tuple(h for h in header if h and h not in DERIVED), notes)


def apply_import(project: Project, preview: RegisterPreview) -> Project:
    """A copy of ``project`` with every good row applied: new risks added, existing risks
    changed only in the columns the file has (the rest, votes and contingent support included,
    kept as they were)."""
    incoming = {row.risk.id: row.risk for row in preview.good if row.risk is not None}
    risks = [incoming.pop(r.id, r) for r in project.risks]
    risks += list(incoming.values())
    return Project.model_validate({**project.model_dump(), "risks": [r.model_dump() for r in risks]})

"""The register a finance colleague opens, and the import reading what Excel saves in any locale."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from wizard import catalog, risk as riskmod
from wizard.export.editions import marking
from wizard.export.register import apply_import, export_register, read_register
from wizard.export.register_export import BAND_FILLS, HEADER
from wizard.model import Project
from wizard.vocab import RiskCategory, label


@pytest.fixture(params=catalog.example_names())
def project(request) -> Project:
    p = catalog.load_example(request.param).model_copy(deep=True)
    # dates and money-free sensitive fields to carry through the round trip
    p.risks[0].sensitive = True
    p.risks[0].withheld_reason = "Commercially sensitive until contract award"
    p.risks[0].withheld_until = dt.date(2028, 3, 7)
    p.risks[-1].title = "Café costs rise by £2m – “worst case”"  # Windows-1252 can hold these
    p.risks[1].probability_pct = 12.5  # Excel in a decimal-comma locale saves 12,5
    return Project.model_validate(p.model_dump())


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_workbook_reads_as_words_sorted_by_score_with_band_colours(project, tmp_path):
    path = tmp_path / "register.xlsx"
    export_register(project, path, "internal")
    book = load_workbook(path)
    assert book.sheetnames == ["Risk register", "Totals by bearer", "Phases", "Break clauses"]
    sheet = book["Risk register"]
    assert sheet["A1"].value == marking("internal")
    assert marking("internal") in sheet.oddHeader.center.text
    header = [c.value for c in sheet[2]]
    assert header == list(HEADER)
    assert all(c.font.bold for c in sheet[2])
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref.startswith("A2:")
    col = {name: i for i, name in enumerate(header)}
    data = _rows(sheet)[2:]
    assert len(data) == len(project.risks)
    scores = [row[col["Score"]] for row in data]
    assert scores == sorted(scores, reverse=True)
    partners = {p.id: p.name for p in project.partners}
    by_id = {r.id: r for r in project.risks}
    for index, row in enumerate(data, start=3):
        r = by_id[row[col["Id"]]]
        assert row[col["Category"]] == label(r.category)
        assert row[col["Response"]] == label(r.response)
        assert row[col["Allocation"]] == label(r.allocation)
        assert row[col["Public share (%)"]] == r.public_share
        assert row[col["Owner"]] == partners.get(r.owner or "", r.owner or "")
        assert row[col["Score"]] == r.likelihood * r.impact
        for name in ("Likelihood", "Impact", "Score", "Band"):
            fill = sheet.cell(row=index, column=col[name] + 1).fill.start_color.rgb
            assert fill.endswith(BAND_FILLS[riskmod.band(r)])
    assert sheet.column_dimensions["C"].width >= 40  # the description is wide
    assert sheet.cell(row=3, column=col["Description"] + 1).alignment.wrap_text
    phases = _rows(book["Phases"])
    assert [row[1] for row in phases[2:]] == [ph.name for ph in project.phases]
    clauses = _rows(book["Break clauses"])
    assert [row[1] for row in clauses[2:]] == [label(c.trigger) for c in project.break_clauses]


def test_public_register_has_no_marking_and_withholds(project, tmp_path):
    path = tmp_path / "public.xlsx"
    export_register(project, path, "public")
    book = load_workbook(path)
    sheet = book["Risk register"]
    assert sheet["A1"].value == "Id" and sheet.freeze_panes == "A2"
    text = repr([_rows(ws) for ws in book.worksheets])
    assert "OFFICIAL-SENSITIVE" not in text
    assert project.risks[0].title not in text and "Withheld" in text


def _excel_like(csv_bytes: bytes, encoding: str) -> bytes:
    """What Excel in a decimal-comma locale saves: ';' separated, CRLF, dates DD/MM/YYYY."""
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"), newline="")))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_decimal_comma(_dmy(v)) for v in row])
    text = out.getvalue()
    assert "\r\n" in text and ";" in text
    return ("\ufeff" + text).encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)


def _decimal_comma(value: str) -> str:
    whole, point, fraction = value.partition(".")
    return f"{whole},{fraction}" if point and whole.isdigit() and fraction.isdigit() else value


def _dmy(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return day.strftime("%d/%m/%Y")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_round_trip_through_excel_changes_nothing(project, tmp_path, encoding):
    path = tmp_path / "register.csv"
    export_register(project, path, "internal")
    edited = tmp_path / "edited.csv"
    try:
        edited.write_bytes(_excel_like(path.read_bytes(), encoding))
    except UnicodeEncodeError:
        assert encoding == "cp1252"
        pytest.skip("Welsh letters such as ŵ and ŷ are not in Windows-1252: Excel saves such a file as UTF-8")
    assert b"07/03/2028" in edited.read_bytes() and b";12,5;" in edited.read_bytes()
    preview = read_register(edited, project)
    assert [r.errors for r in preview.rows] == [[] for _ in project.risks]
    assert all(r.replaces for r in preview.rows)
    after = apply_import(project, preview)
    assert after.model_dump() == project.model_dump()


def test_round_trip_through_the_workbook_changes_nothing(project, tmp_path):
    path = tmp_path / "register.xlsx"
    export_register(project, path, "internal")
    book = load_workbook(path)  # opened and saved again, as a user would
    book.save(path)
    preview = read_register(path, project)
    assert [r.errors for r in preview.rows] == [[] for _ in project.risks]
    assert apply_import(project, preview).model_dump() == project.model_dump()


def test_codes_and_iso_dates_read_as_well_as_labels(tmp_path):
    project = catalog.load_example("leisure")
    partner = project.partners[0]
    phase = project.phases[0]
    path = tmp_path / "codes.csv"
    path.write_text(
        "id,title,category,allocation,public_share,response,status,owner,phases,withheld_until\r\n"
        f"R900,Coded risk,{RiskCategory.LAND_AVAILABILITY.value},shared,70,tolerate,agreed,{partner.id},{phase.id},2029-01-31\r\n"
        f"R901,Labelled risk,Land availability,Shared (70% public),70,Tolerate,Agreed,{partner.name},"
        f"\"{phase.name}\",31/01/2029\r\n",
        encoding="utf-8")
    preview = read_register(path, project)
    assert [r.errors for r in preview.rows] == [[], []]
    coded, labelled = (r.risk for r in preview.rows)
    for r in (coded, labelled):
        assert (r.category.value, r.allocation.value, r.public_share, r.response.value, r.status.value) == (
            RiskCategory.LAND_AVAILABILITY.value, "shared", 70, "tolerate", "agreed")
        assert r.owner == partner.id and r.phases == [phase.id]
        assert r.withheld_until == dt.date(2029, 1, 31)


def test_phase_names_with_commas_are_read_whole(tmp_path):
    project = catalog.load_example("regeneration")
    comma = next(ph for ph in project.phases if "," in ph.name)
    other = next(ph for ph in project.phases if "," not in ph.name)
    path = tmp_path / "phases.csv"
    path.write_text(f"Risk;Phases\nA risk;\"{comma.name}; {other.name}\"\nB risk;{other.id}, {comma.id}\n",
                    encoding="utf-8")
    preview = read_register(path, project)
    assert [r.errors for r in preview.rows] == [[], []]
    assert preview.rows[0].risk.phases == [comma.id, other.id]
    assert preview.rows[1].risk.phases == [other.id, comma.id]

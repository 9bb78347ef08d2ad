"""The priced register a finance colleague opens: probability, cost range and expected cost per
risk, totals by bearer in the workbook, the public edition withholding them, and the import
reading the priced columns back (the expected cost is derived and never read).

The figures are worked by hand for a small project of three partners and four risks:

* R1 shared, 40% public, owned by the council, private bearer Builder: 50% x (100k + 200k +
  300k) / 3 = £100,000; council £40,000, Builder £60,000.
* R2 private, owned by Ops: 10% x (0 + 300k + 600k) / 3 = £30,000 to Ops.
* R3 public, owned by the council: 20% x (30k + 60k + 90k) / 3 = £12,000 to the council.
* R4 not priced (no probability).
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.wizard.publish_helpers import assert_nowhere, xml_parts
from wizard.bearer_totals import bearer_totals
from wizard.export.register import apply_import, export_register, read_register
from wizard.export.register_totals import TOTALS_SHEET
from wizard.model import Partner, Project, Risk
from wizard.risk_exposure import simulate
from wizard.vocab import Allocation, PartnerKind

PRICED_HEADER = ["Probability (%)", "Cost low (£)", "Cost most likely (£)", "Cost high (£)",
                 "Expected cost (£)"]
TOTALS_HEADER = ["Bearer", "Side", "From public risks (£)", "From shared risks (£)",
                 "From private risks (£)", "Expected cost (£)"]


def _project(sensitive: str | None = None) -> Project:
    risks = [
        Risk(id="R1", title="Ground conditions worse than surveyed", likelihood=4, impact=4,
             allocation=Allocation.SHARED, public_share=40, owner="P1", private_bearer="P2",
             probability_pct=50, cost_min_gbp=100_000, cost_likely_gbp=200_000,
             cost_max_gbp=300_000),
        Risk(id="R2", title="Plant fails in the first winter", allocation=Allocation.PRIVATE,
             public_share=0, owner="P3", probability_pct=10, cost_min_gbp=0,
             cost_likely_gbp=300_000, cost_max_gbp=600_000),
        Risk(id="R3", title="Grant withdrawn", likelihood=2, impact=2,
             allocation=Allocation.PUBLIC, public_share=100, owner="P1", probability_pct=20,
             cost_min_gbp=30_000, cost_likely_gbp=60_000, cost_max_gbp=90_000),
        Risk(id="R4", title="Opening delayed by a strike", likelihood=1, impact=1, owner="P1"),
    ]
    for r in risks:
        if r.id == sensitive:
            r.sensitive = True
            r.withheld_reason = "Commercially sensitive until contract award"
    return Project(
        partners=[Partner(id="P1", name="Marshfield Council", kind=PartnerKind.PUBLIC),
                  Partner(id="P2", name="Builder Ltd"), Partner(id="P3", name="Ops Ltd")],
        risks=risks)


def _values(sheet) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


@pytest.fixture(scope="module")
def internal_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("priced") / "register.xlsx"
    export_register(_project(), path, "internal")
    return load_workbook(path)


def test_each_risk_shows_its_probability_cost_range_and_expected_cost(internal_book):
    sheet = internal_book["Risk register"]
    header = [c.value for c in sheet[2]]  # row 1 holds the marking
    start = header.index("Probability (%)")
    assert header[start:start + 5] == PRICED_HEADER
    rows = {row[0]: row for row in _values(sheet)[2:]}
    assert [row[start:start + 5] for row in rows.values()] == [
        [50, 100_000, 200_000, 300_000, 100_000],  # R1, score 16
        [10, 0, 300_000, 600_000, 30_000],  # R2, score 9
        [20, 30_000, 60_000, 90_000, 12_000],  # R3, score 4
        [0, 0, 0, 0, 0],  # R4, not priced
    ]
    assert list(rows) == ["R1", "R2", "R3", "R4"]
    for row in range(3, 7):
        for column in range(start + 2, start + 6):  # the four money columns (1-based)
            assert sheet.cell(row=row, column=column).number_format == "£#,##0"


def test_the_totals_by_bearer_are_worked_as_by_hand(internal_book):
    assert internal_book.sheetnames[1] == TOTALS_SHEET
    sheet = internal_book[TOTALS_SHEET]
    values = _values(sheet)
    header_at = next(i for i, row in enumerate(values) if row[0] == "Bearer")
    assert values[header_at] == TOTALS_HEADER
    table = values[header_at + 1:]
    assert table == [
        ["Marshfield Council", "Public", 12_000, 40_000, 0, 52_000],
        ["Builder Ltd", "Private", 0, 60_000, 0, 60_000],
        ["Ops Ltd", "Private", 0, 0, 30_000, 30_000],
        ["Public side", None, 12_000, 40_000, 0, 52_000],
        ["Private side", None, 0, 60_000, 30_000, 90_000],
        ["All priced risks", None, 12_000, 100_000, 30_000, 142_000],
    ]
    assert any(row[0] == "3 priced risks; 1 not priced, so not counted." for row in values)
    first = header_at + 2  # 1-based row of the first bearer
    for row in range(first, first + len(table)):
        assert sheet.cell(row=row, column=6).number_format == "£#,##0"
        assert sheet.cell(row=row, column=1).font.bold == (row >= first + 3)
    assert all(sheet.cell(row=header_at + 1, column=c).font.bold for c in range(1, 7))


def test_the_business_case_gives_each_partner_the_same_expected_cost():
    project = _project()
    by_partner = {p.name: p.distribution.expected_gbp for p in simulate(project, 200).by_partner}
    totals = {b.name: b.expected_gbp for b in bearer_totals(project).bearers}
    assert by_partner == pytest.approx(totals)
    assert totals == pytest.approx({"Marshfield Council": 52_000, "Builder Ltd": 60_000,
                                    "Ops Ltd": 30_000})


def test_the_csv_has_the_columns_and_no_totals(tmp_path):
    path = tmp_path / "register.csv"
    export_register(_project(), path, "internal")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    header = rows[1]
    start = header.index("Probability (%)")
    assert header[start:start + 5] == PRICED_HEADER
    assert [row[0] for row in rows[2:]] == ["R1", "R2", "R3", "R4"]
    assert rows[2][start:start + 5] == ["50", "100000", "200000", "300000", "100000"]


def test_the_public_edition_withholds_a_withheld_risks_price_and_every_total(tmp_path):
    secret = _project(sensitive="R2")
    secret.risks[1].cost_max_gbp = 987_651  # canary amounts, found nowhere in the public files
    secret.risks[1].cost_likely_gbp = 876_541
    secret.risks[1].probability_pct = 13.579
    secret = Project.model_validate(secret.model_dump())
    book_path, csv_path = tmp_path / "public.xlsx", tmp_path / "public.csv"
    export_register(secret, book_path, "public")
    export_register(secret, csv_path, "public")
    canaries = ["987651", "987,651", "876541", "876,541", "13.579",
                # and the totals that include it: Ops' expected cost, the private side, the whole
                str(round(0.13579 * (876_541 + 987_651) / 3))]
    assert_nowhere(canaries, {"register workbook": xml_parts(book_path),
                              "register": csv_path.read_text(encoding="utf-8-sig")})
    book = load_workbook(book_path)
    register = book["Risk register"]
    header = [c.value for c in register[1]]
    start = header.index("Probability (%)")
    rows = {row[0]: row for row in _values(register)[1:]}
    assert rows["R2"][start:start + 5] == ["Withheld"] * 5
    assert rows["R1"][start:start + 5] == [50, 100_000, 200_000, 300_000, 100_000]
    totals = _values(book[TOTALS_SHEET])
    assert totals[1][0] == ("Totals by bearer are not published in the public edition: the "
                            "probability and cost range of 1 withheld risk are not published, and "
                            "every total would include them.")
    assert not any(isinstance(v, int) for row in totals for v in row)


def test_the_public_edition_prints_the_totals_when_nothing_is_withheld(tmp_path):
    path = tmp_path / "public.xlsx"
    export_register(_project(), path, "public")
    values = _values(load_workbook(path)[TOTALS_SHEET])
    assert values[-1] == ["All priced risks", None, 12_000, 100_000, 30_000, 142_000]


def _semicolon_locale(text: str) -> bytes:
    """Re-save as Excel does in a decimal-comma locale: ';', CRLF, BOM, 12,5 for 12.5."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([v.replace(".", ",") if v.replace(".", "", 1).isdigit() else v for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def test_priced_columns_round_trip_and_edits_are_read_in_any_locale(tmp_path):
    project = _project()
    project.risks[0].probability_pct = 12.5
    path = tmp_path / "register.csv"
    export_register(project, path, "internal")
    edited = tmp_path / "edited.csv"
    text = path.read_text(encoding="utf-8-sig")
    edited.write_bytes(_semicolon_locale(text))
    assert b"12,5;" in edited.read_bytes()
    preview = read_register(edited, project)
    assert [r.errors for r in preview.rows] == [[]] * 4
    assert apply_import(project, preview).model_dump() == project.model_dump()
    # the expected cost is derived: changing it changes nothing, and the preview says why
    assert "expected_cost" not in preview.columns
    assert preview.notes == ("The expected cost column is worked out from the probability and "
                             "the cost range, so the import does not read it: change those to "
                             "change it.",)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    col = {name: i for i, name in enumerate(rows[1])}
    rows[2][col["Expected cost (£)"]] = "5"
    rows[3][col["Probability (%)"]] = "15,5%"
    rows[3][col["Cost high (£)"]] = "£1,250,000"
    rows[4][col["Cost most likely (£)"]] = "70.000"  # a German thousands separator
    rows[5][col["Probability (%)"]] = ""  # a blank leaves it as it was
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerows(rows)
    edited.write_text(out.getvalue(), encoding="utf-8")
    preview = read_register(edited, project)
    assert [(r.risk.id, r.changed) for r in preview.rows] == [
        ("R1", ()), ("R2", ("probability_pct", "cost_max_gbp")), ("R3", ("cost_likely_gbp",)),
        ("R4", ())]
    after = apply_import(project, preview)
    assert (after.risk("R2").probability_pct, after.risk("R2").cost_max_gbp,
            after.risk("R3").cost_likely_gbp) == (15.5, 1_250_000, 70_000)


def test_bad_priced_cells_are_refused_naming_row_and_column(tmp_path):
    project = _project()
    path = tmp_path / "bad.csv"
    path.write_text("Id,Probability (%),Cost low (£),Cost most likely (£),Cost high (£)\n"
                    "R1,120,,,\nR2,,ten,,\nR3,,50000,40000,90000\nR4,Withheld,,,\n",
                    encoding="utf-8")
    errors = [r.errors for r in read_register(path, project).rows]
    assert errors[0] == ["Row 2: probability 120 is outside 0–100"]
    assert errors[1] == ["Row 3: cost low 'ten' is not an amount in whole pounds"]
    assert len(errors[2]) == 1 and "Row 4" in errors[2][0] and "minimum <= most likely" in errors[2][0]
    assert errors[3] == ["Row 5: probability holds the public edition's placeholder, not a "
                         "value: import from the internal edition of the register"]


def test_a_private_share_with_no_bearer_is_totalled_as_nobody_named():
    project = _project()
    project.risks[0].private_bearer = None  # R1's private 60% now has no partner to carry it
    totals = bearer_totals(project)
    assert [(b.name, b.side, b.by_source) for b in totals.bearers] == [
        ("Marshfield Council", "public", (12_000, 40_000, 0)),
        ("Ops Ltd", "private", (0, 0, 30_000)),
        ("No partner named", "private", (0, 60_000, 0)),
    ]
    assert totals.private.expected_gbp == pytest.approx(90_000)

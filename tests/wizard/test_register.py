"""Risk register files: round trip through CSV and XLSX, and a clear error per bad row."""

from __future__ import annotations

import pytest

from wizard import catalog
from wizard.export.register import (
    RegisterFileError,
    apply_import,
    export_register,
    read_register,
)
from wizard.model import Project


@pytest.fixture
def project() -> Project:
    return catalog.load_example(catalog.example_names()[0])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_gives_the_same_risks(project, tmp_path, suffix):
    path = tmp_path / f"register{suffix}"
    export_register(project, path)
    empty = project.model_copy(update={"risks": []})
    preview = read_register(path, empty)
    assert [r.errors for r in preview.rows] == [[] for _ in project.risks]
    imported = apply_import(empty, preview)
    # the register holds every field but the contingent support and the workshop votes
    drop = {"contingent_support", "votes"}
    # the register lists the risks by score, highest first
    assert sorted((r.model_dump(exclude=drop) for r in imported.risks), key=lambda d: d["id"]) == sorted(
        (r.model_dump(exclude=drop) for r in project.risks), key=lambda d: d["id"])


def test_public_register_withholds_sensitive_titles(project, tmp_path):
    path = tmp_path / "public.csv"
    export_register(project, path, edition="public")
    text = path.read_text(encoding="utf-8-sig")
    for r in project.risks:
        assert r.id in text
        if r.sensitive:
            assert r.title not in text
    assert "Withheld" in text


def test_formula_cells_are_neutralised_and_restored(project, tmp_path):
    risky = project.model_copy(deep=True)
    risky.risks[0].title = "=HYPERLINK(\"http://x\")"
    path = tmp_path / "r.csv"
    export_register(risky, path)
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")
    preview = read_register(path, risky)
    row = next(r for r in preview.rows if r.risk.id == risky.risks[0].id)  # rows are sorted by score
    assert row.risk.title == "=HYPERLINK(\"http://x\")"


def test_each_bad_row_gets_its_own_message(project, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,title,likelihood,impact,category,owner,phases,allocation\n"
        "N1,Good risk,2,3,demand,,,public\n"
        "N2,Too likely,9,3,demand,,,public\n"
        "N3,,2,3,demand,,,public\n"
        "N4,Odd category,2,3,weather,,,public\n"
        "N5,Unknown owner,2,3,demand,Nobody Ltd,,public\n"
        "N6,Unknown phase,2,3,demand,,PH99,public\n"
        "N1,Duplicate,2,3,demand,,,shared\n",
        encoding="utf-8",
    )
    preview = read_register(path, project)
    messages = {row.row: row.errors for row in preview.rows}
    assert messages[2] == []
    assert messages[3] == ["Row 3: likelihood 9 is outside 1–5"]
    assert messages[4] == ["Row 4: the title is empty"]
    assert messages[5][0].startswith("Row 5: category 'weather' is not one of:")
    assert messages[6] == ["Row 6: owner 'Nobody Ltd' is not a partner of this project"]
    assert messages[7] == ["Row 7: phase 'PH99' is not a phase of this project"]
    assert messages[8] == ["Row 8: id 'N1' is used again (first on row 2)"]
    result = apply_import(project, preview)
    assert len(result.risks) == len(project.risks) + 1
    assert result.risk("N1").title == "Good risk"
    assert project.risk("N1") is None  # nothing changed until applied


def test_unreadable_files_say_why(project, tmp_path):
    missing = tmp_path / "none.csv"
    with pytest.raises(RegisterFileError, match="Cannot open 'none.csv'"):
        read_register(missing, project)
    wrong = tmp_path / "x.txt"
    wrong.write_text("hello")
    with pytest.raises(RegisterFileError, match="use a .csv or .xlsx file"):
        read_register(wrong, project)
    header = tmp_path / "h.csv"
    header.write_text("name,score\nx,1\n")
    with pytest.raises(RegisterFileError, match="no 'title' column"):
        read_register(header, project)
    broken = tmp_path / "b.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(RegisterFileError, match="not a readable Excel workbook"):
        read_register(broken, project)

"""Importing a register never un-withholds: only the file's columns change a risk, placeholders
are refused, the preview says what would change, and `changemaker import` saves atomically."""

from __future__ import annotations

import json

import pytest

from tests.wizard.export_helpers import page_texts, squash
from wizard import catalog, storage
from wizard.cli import main
from wizard.export.pdf import pdf_bytes
from wizard.export.register import apply_import, export_register, read_register


@pytest.fixture
def leisure():
    return catalog.load_example("leisure")


def test_a_slim_register_changes_only_its_columns(leisure, tmp_path):
    r4 = leisure.risk("R4")
    assert r4.sensitive and r4.mitigation and r4.owner and r4.phases
    path = tmp_path / "slim.csv"
    path.write_text("id,title,likelihood,impact\nR4,Construction cost inflation,5,4\n"
                    "R1,%s,%d,%d\nN1,A new risk,2,2\n" % (leisure.risk("R1").title, leisure.risk("R1").likelihood,
                                                        leisure.risk("R1").impact), encoding="utf-8")
    preview = read_register(path, leisure)
    assert [r.status for r in preview.rows] == ["changed", "unchanged", "added"]
    assert preview.rows[0].changed == ("likelihood",)
    assert preview.summary() == "1 added, 1 changed, 1 unchanged, 0 refused"
    result = apply_import(leisure, preview)
    after = result.risk("R4")
    assert after.likelihood == 5
    assert after.model_dump(exclude={"likelihood"}) == r4.model_dump(exclude={"likelihood"})
    # so the next public PDF still withholds it
    assert squash("Construction cost inflation") not in squash("\n".join(page_texts(pdf_bytes(result, "public"))))


def test_sensitive_is_cleared_only_by_its_own_column(leisure, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,sensitive\nR4,\nR6,no\n", encoding="utf-8")
    preview = read_register(path, leisure)
    result = apply_import(leisure, preview)
    assert result.risk("R4").sensitive and not result.risk("R6").sensitive
    assert preview.rows[1].changed == ("sensitive",)


def test_reading_the_public_register_back_is_refused(leisure, tmp_path):
    path = tmp_path / "public.csv"
    export_register(leisure, path, "public")
    preview = read_register(path, leisure)
    refused = [r for r in preview.rows if r.status == "refused"]
    assert {r.values["id"] for r in refused} == {r.id for r in leisure.risks if r.sensitive}
    assert all("holds the public edition's placeholder" in r.errors[0] for r in refused)
    result = apply_import(leisure, preview)
    for r in leisure.risks:
        assert result.risk(r.id) == r  # nothing written over the real text


def test_the_internal_register_round_trips_unchanged(leisure, tmp_path):
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"internal{suffix}"
        export_register(leisure, path, "internal")
        preview = read_register(path, leisure)
        assert preview.count("unchanged") == len(leisure.risks), [r.changed for r in preview.rows]
        assert apply_import(leisure, preview) == leisure


def test_command_line_import_dry_run_and_save(tmp_path, capsys):
    project = tmp_path / "l.changemaker.json"
    assert main(["new", "--example", "leisure", str(project)]) == 0
    register = tmp_path / "r.csv"
    register.write_text("id,title,likelihood\nR4,Construction cost inflation,5\nR6,[Withheld – see redaction log W00003],2\n",
                        encoding="utf-8")
    before = project.read_bytes()
    capsys.readouterr()
    assert main(["import", str(project), "--risks", str(register), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "0 added, 1 changed, 0 unchanged, 1 refused" in out and "changed   R4: likelihood" in out
    assert "refused   row 3" in out and "Dry run: nothing saved." in out
    assert project.read_bytes() == before
    assert main(["import", str(project), "--risks", str(register)]) == 1  # one row refused
    assert storage.load(project).risk("R4").likelihood == 5
    assert storage.load(project).risk("R6").title != "[Withheld – see redaction log W00003]"
    backup = tmp_path / ("l.changemaker.json" + storage.BACKUP_SUFFIX)
    assert backup.read_bytes() == before


def test_command_line_import_explains_an_unreadable_register(tmp_path, capsys):
    project = tmp_path / "l.changemaker.json"
    assert main(["new", "--example", "leisure", str(project)]) == 0
    capsys.readouterr()
    assert main(["import", str(project), "--risks", str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert "import: Cannot open 'missing.csv'" in err and "Traceback" not in err
    json.loads(project.read_text(encoding="utf-8"))  # untouched and whole

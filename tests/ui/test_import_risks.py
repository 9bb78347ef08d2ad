"""Importing a risk register: a preview with per-row errors; nothing changes until confirmed."""

from __future__ import annotations

import pytest

from ui import import_risks as module
from ui.document import Document
from wizard import catalog

CSV = (
    "id,title,likelihood,impact,category,allocation\n"
    "N1,New pool pump failure,2,4,availabilityAndQuality,private\n"
    "N2,Far too likely,7,4,demand,public\n"
    "N3,Energy cap,3,3,inflationAndFx,shared\n"
)


@pytest.fixture
def document():
    return Document(catalog.load_example(catalog.example_names()[0]))


def test_preview_shows_rows_and_errors_then_imports_on_confirm(qtbot, document, tmp_path, monkeypatch):
    path = tmp_path / "risks.csv"
    path.write_text(CSV, encoding="utf-8")
    seen = {}

    def confirm(dialog):
        qtbot.addWidget(dialog)
        seen["summary"] = dialog.summary.text()
        seen["button"] = dialog.import_button.text()
        seen["rows"] = dialog.table.rowCount()
        seen["results"] = [dialog.row_result(i) for i in range(dialog.table.rowCount())]
        assert document.project.risk("N1") is None  # nothing imported while previewing
        return True

    monkeypatch.setattr(module, "run_dialog", confirm)
    before = len(document.project.risks)
    assert module.import_risks(None, document, str(path)) == 2
    assert seen["rows"] == 3
    assert seen["button"] == "Import 2 risks"
    assert "1 row with errors will be left out" in seen["summary"]
    assert seen["results"] == ["Add", "Row 3: likelihood 7 is outside 1–5", "Add"]
    assert len(document.project.risks) == before + 2
    assert document.undo_stack.undoText() == "Import 2 risks"
    document.undo_stack.undo()
    assert len(document.project.risks) == before


def test_cancel_imports_nothing(qtbot, document, tmp_path, monkeypatch):
    path = tmp_path / "risks.csv"
    path.write_text(CSV, encoding="utf-8")
    monkeypatch.setattr(module, "run_dialog", lambda dialog: False)
    before = document.project.model_copy(deep=True)
    assert module.import_risks(None, document, str(path)) == 0
    assert document.project == before
    assert not document.is_dirty


def test_unreadable_file_is_explained(qtbot, document, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(module, "show_error", lambda parent, message: messages.append(message))
    monkeypatch.setattr(module, "run_dialog", lambda dialog: pytest.fail("no preview for a bad file"))
    bad = tmp_path / "risks.csv"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert module.import_risks(None, document, str(bad)) == 0
    assert messages == ["'risks.csv' is not UTF-8 text: save it as CSV UTF-8"]


def test_slim_register_previews_changes_and_keeps_withheld_risks(qtbot, document, tmp_path, monkeypatch):
    r4 = document.project.risk("R4")
    assert r4.sensitive
    path = tmp_path / "slim.csv"
    path.write_text(
        f"id,title,likelihood,impact\nR4,{r4.title},5,{r4.impact}\n"
        f"R1,{document.project.risk('R1').title},{document.project.risk('R1').likelihood},"
        f"{document.project.risk('R1').impact}\nR6,[Withheld – see redaction log W00003],1,1\n",
        encoding="utf-8")
    seen = {}

    def confirm(dialog):
        qtbot.addWidget(dialog)
        seen["summary"] = dialog.summary.text()
        seen["results"] = [dialog.row_result(i) for i in range(dialog.table.rowCount())]
        return True

    monkeypatch.setattr(module, "run_dialog", confirm)
    before = document.project.model_copy(deep=True)
    assert module.import_risks(None, document, str(path)) == 1
    assert seen["summary"].startswith("0 added, 1 changed, 1 unchanged, 1 refused.")
    assert seen["results"][:2] == ["Change likelihood", "Unchanged"]
    assert "placeholder" in seen["results"][2]
    after = document.project.risk("R4")
    assert after.likelihood == 5 and after.sensitive and after.mitigation == r4.mitigation
    assert document.project.risk("R6") == before.risk("R6")
    document.undo_stack.undo()
    assert document.project == before


def test_the_preview_says_the_expected_cost_is_not_read(qtbot, document, tmp_path, monkeypatch):
    from wizard.export.register import export_register

    path = tmp_path / "register.csv"
    export_register(document.project, path, "internal")
    seen = {}

    def confirm(dialog):
        qtbot.addWidget(dialog)
        seen["summary"] = dialog.summary.text()
        return False

    monkeypatch.setattr(module, "run_dialog", confirm)
    module.import_risks(None, document, str(path))
    assert seen["summary"].endswith(
        "The expected cost column is worked out from the probability and the cost range, so "
        "the import does not read it: change those to change it.")
    assert "expected cost," not in seen["summary"]  # not listed among the columns that change risks

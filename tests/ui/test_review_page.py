"""Step 8: the scorecard and findings on screen, and exports in the background."""

from __future__ import annotations

import pytest

from tests.wizard.export_helpers import page_texts
from ui import import_risks as import_module
from ui.document import Document
from ui.pages import review
from ui.pages.review import ReviewPage
from wizard import catalog


@pytest.fixture
def page(qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(review, "ask_open", lambda parent, path: True)
    monkeypatch.setattr(review, "open_file", opened.append)
    monkeypatch.setattr(review, "ask_register_edition", lambda parent: "internal")
    document = Document(catalog.load_example(catalog.example_names()[0]))
    widget = ReviewPage(document)
    qtbot.addWidget(widget)
    widget.opened = opened
    return widget


def test_scorecard_and_findings_are_shown(page):
    assert page.total.text().startswith("Changemaking score: ")
    assert page.scorecard.topLevelItemCount() == 5
    labels = [page.scorecard.topLevelItem(i).text(0) for i in range(5)]
    assert labels == ["Collaborative", "Creative", "Adaptable", "Accountable", "Place-based"]
    first = page.scorecard.topLevelItem(0)
    assert first.childCount() >= 1 and first.text(1).endswith("of 10")
    assert page.findings.topLevelItem(0).text(0).startswith("Open findings (")
    assert page.findings.topLevelItem(1).text(0).startswith("Accepted findings (")


def test_public_pdf_export_runs_in_background_and_opens(page, qtbot, tmp_path):
    target = tmp_path / "case.pdf"
    with qtbot.waitSignal(page.exportFinished, timeout=30_000) as blocker:
        assert page.start_export("pdf-public", str(target))
        assert page.busy and not page.buttons["html"].isEnabled()
    assert blocker.args == [str(target)]
    assert page.status.text() == "Saved case.pdf."
    assert page.progress.value() == 100
    assert page.opened == [str(target)]
    assert "Public edition" in page_texts(target.read_bytes())[0]
    assert page.buttons["html"].isEnabled()


def test_export_errors_are_shown(page, qtbot, tmp_path):
    assert not page.start_export("html", str(tmp_path / "missing" / "x.html"))
    assert "the folder does not exist" in page.status.text()
    with qtbot.waitSignal(page.exportFailed, timeout=10_000):
        page.start_export("risks", str(tmp_path / "register.txt"))
    assert "must end in .csv or .xlsx" in page.status.text()
    assert page.opened == []


def test_cancelled_file_dialog_does_nothing(page, monkeypatch):
    monkeypatch.setattr(review, "ask_export_path", lambda *a: None)
    page.buttons["ocds"].click()
    assert not page.busy


def test_dialog_path_is_used(page, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "open.json"
    monkeypatch.setattr(review, "ask_export_path", lambda *a: str(target))
    with qtbot.waitSignal(page.exportFinished, timeout=10_000):
        page.buttons["ocds"].click()
    assert target.read_text(encoding="utf-8").lstrip().startswith("{")


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_register_export_asks_which_edition(page, qtbot, monkeypatch, tmp_path, edition):
    asked = []
    monkeypatch.setattr(review, "ask_register_edition", lambda parent: asked.append(1) or edition)
    target = tmp_path / "register.csv"
    monkeypatch.setattr(review, "ask_export_path", lambda *a: str(target))
    with qtbot.waitSignal(page.exportFinished, timeout=10_000):
        page.buttons["risks"].click()
    assert asked == [1]
    text = target.read_text(encoding="utf-8-sig")
    secret = next(r for r in page.document.project.risks if r.sensitive)
    assert (secret.title in text) == (edition == "internal")
    assert ("[Withheld – see redaction log W" in text) == (edition == "public")


def test_cancelling_the_register_edition_exports_nothing(page, monkeypatch):
    monkeypatch.setattr(review, "ask_register_edition", lambda parent: None)
    monkeypatch.setattr(review, "ask_export_path", lambda *a: pytest.fail("no file asked"))
    page.buttons["risks"].click()
    assert not page.busy

"""Step 8: the scorecard and findings on screen, and exports in the background."""

from __future__ import annotations

import pytest

from tests.wizard.export_helpers import page_texts
from ui import import_risks as import_module
from ui.document import Document
from ui.pages import review
from ui.pages.review import ReviewPage
from wizard import catalog
from wizard.model import Project
from wizard.scorecard import build_scorecard


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
    card = build_scorecard(page.document.project)
    assert page.total.text() == f"Changemaking score: {card.summary()}"
    assert page.completeness.text() == ("Completeness: 7 of 7 steps filled in. Quality and "
                                        "completeness are shown apart.")
    assert page.scorecard.topLevelItemCount() == 5  # no legal item is unmet in the example
    labels = [page.scorecard.topLevelItem(i).text(0) for i in range(5)]
    assert labels == ["Collaborative", "Creative", "Adaptable", "Accountable", "Place-based"]
    for index, principle in enumerate(card.principles):
        top = page.scorecard.topLevelItem(index)
        assert top.text(1) == f"{principle.score} of 10"
        assert [top.child(i).text(0) for i in range(top.childCount())] == [
            r.text for r in principle.routes]
    assert page.findings.topLevelItem(0).text(0).startswith("Open findings (")
    assert page.findings.topLevelItem(1).text(0).startswith("Accepted findings (")


def test_removed_credit_says_so_on_screen(page):
    # The leisure example's disputed risk R4 removes the allocation route's credit.
    collaborative = page.scorecard.topLevelItem(0)
    agreed = collaborative.child(2)
    assert agreed.text(1) == "Removed"
    assert agreed.text(0).startswith("0 of 2 The allocation is realistic and agreed with the "
                                     "partners: No credit while this warning is open: Risk R4")


def test_blank_project_shows_not_assessed_and_the_legal_gate(qtbot):
    document = Document(Project())
    widget = ReviewPage(document)
    qtbot.addWidget(widget)
    assert widget.total.text() == ("Changemaking score: Nothing to assess yet; 5 principles not "
                                   "yet assessed")
    assert widget.completeness.text().startswith("Completeness: 0 of 7 steps filled in.")
    first = widget.scorecard.topLevelItem(0)
    assert (first.text(0), first.text(1)) == ("Collaborative", "Not assessed")
    assert first.child(0).text(0).startswith("No risk or partner is entered yet")
    # Over £5m with nothing published: the Act's duties show as must-fix items, first.
    document.set_value(("project", "value_gbp"), 6_000_000, "Change value")
    widget._rebuild()
    gate = widget.scorecard.topLevelItem(0)
    assert gate.text(0) == "Legal requirements: 2 to fix (a gate, not points)"
    assert [gate.child(i).text(1) for i in range(gate.childCount())] == ["Must fix", "Must fix"]
    assert gate.child(0).text(0).startswith("Procurement Act 2023, s.52: Contract value "
                                            "£6,000,000 is over £5,000,000")
    assert widget.scorecard.topLevelItem(1).text(1) == "Not assessed"  # the law is no point


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


def test_the_scorecard_api_lives_in_the_scorecard():
    # Issue 11 item 3: the business case and the review step use wizard.scorecard.assessment.
    import inspect

    from wizard import scorecard
    from wizard.export import business_case

    assert business_case.assessment is scorecard.assessment is review.assessment
    assert scorecard.assessment.__module__ == "wizard.scorecard"
    assert "def assessment(project" not in inspect.getsource(business_case)

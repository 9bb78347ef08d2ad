"""The review step's Word buttons: clicking writes the .docx in the background and offers it."""

from __future__ import annotations

import io

import docx
import pytest

from ui.document import Document
from ui.pages import review
from ui.pages.review import ReviewPage
from wizard import catalog
from wizard.export.editions import marking


@pytest.fixture
def page(qtbot, monkeypatch, tmp_path):
    opened: list[str] = []
    monkeypatch.setattr(review, "ask_open", lambda parent, path: True)
    monkeypatch.setattr(review, "open_file", opened.append)
    widget = ReviewPage(Document(catalog.load_example("leisure")))
    qtbot.addWidget(widget)
    widget.opened = opened
    return widget


@pytest.mark.parametrize("kind,edition", [("docx-public", "Public edition"), ("docx-internal", "Internal edition")])
def test_word_button_writes_the_business_case(page, qtbot, tmp_path, monkeypatch, kind, edition):
    target = tmp_path / "case.docx"
    suggested = []
    monkeypatch.setattr(review, "ask_export_path",
                        lambda parent, title, name, filt: suggested.append((title, name, filt)) or str(target))
    with qtbot.waitSignal(page.exportFinished, timeout=60_000):
        page.buttons[kind].click()
    assert suggested[0][1].endswith(".docx") and "Word" in suggested[0][2]
    assert page.status.text() == "Saved case.docx."
    assert page.opened == [str(target)]
    doc = docx.Document(io.BytesIO(target.read_bytes()))
    header = "\n".join(p.text for p in doc.sections[0].header.paragraphs)
    assert edition in header
    assert (marking("internal") in header) == (kind == "docx-internal")
    assert any(p.style.name == "Heading 1" and p.text == "1. The strategic case" for p in doc.paragraphs)


def test_schedules_button_writes_the_schedules(page, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "schedules.docx"
    monkeypatch.setattr(review, "ask_export_path", lambda *a: str(target))
    with qtbot.waitSignal(page.exportFinished, timeout=60_000):
        page.buttons["schedules"].click()
    doc = docx.Document(io.BytesIO(target.read_bytes()))
    assert any(p.style.name == "Heading 1" and "Risk allocation" in p.text for p in doc.paragraphs)


def test_open_data_publisher_is_a_setting_used_by_the_ocds_export(page, qtbot, tmp_path, monkeypatch):
    import json

    monkeypatch.setattr(review, "ask_publisher", lambda parent, current: ("ocds-bad", "", ""))
    assert not page.set_publisher()
    assert "is not one the Open Contracting Partnership registers" in page.status.text()
    monkeypatch.setattr(review, "ask_publisher", lambda parent, current: ("ocds-q1w2e3", "Open Data Team", ""))
    page.publisher_button.click()
    assert "ocds-q1w2e3" in page.status.text()
    target = tmp_path / "open.json"
    with qtbot.waitSignal(page.exportFinished, timeout=30_000):
        page.start_export("ocds", str(target))
    package = json.loads(target.read_text(encoding="utf-8"))
    assert package["releases"][0]["ocid"].startswith("ocds-q1w2e3-")
    assert package["publisher"]["name"] == "Open Data Team"

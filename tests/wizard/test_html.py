"""The accessible HTML edition."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from wizard import catalog
from wizard.export.html import html_text


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(params=catalog.example_names())
def project(request):
    return catalog.load_example(request.param)


def test_structure_is_accessible(project):
    page = html_text(project, "internal")
    parsed = _Outline()
    parsed.feed(page)
    tags = [t for t, _ in parsed.tags]
    assert page.startswith("<!DOCTYPE html>")
    assert ('html', {"lang": "en-GB"}) in parsed.tags
    assert tags.count("h1") == 1
    levels = [int(t[1]) for t in tags if t in ("h1", "h2", "h3", "h4")]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "no skipped heading levels"
    assert tags.count("table") == tags.count("caption")
    assert "th" in tags and any(a.get("scope") == "col" for t, a in parsed.tags if t == "th")
    assert "<script" not in page and "src=" not in page and "<link" not in page  # self-contained
    for figure in ("Phases over the contract", "Risk matrix"):
        assert figure.lower() in page.lower()
    # Phase map, risk matrix, partner load, and the procurement timeline when there is one.
    assert page.count("<figure") == page.count('class="alt"') == 3 + bool(
        project.procurement.timetable)
    figures = 3 + bool(project.procurement.timetable)
    assert page.count("<svg") == figures and page.count("<desc>") == figures  # with text alternatives


def test_every_item_appears_in_the_internal_edition(project):
    page = "".join(_text(html_text(project, "internal")))
    for phase in project.phases:
        assert phase.name in page
    for risk in project.risks:
        assert risk.title in page
    for group in project.steering_groups:
        assert group.name in page


def test_public_edition_withholds(project):
    page = html_text(project, "public")
    for risk in project.risks:
        if risk.sensitive:
            assert risk.title not in page
            assert risk.id in page
    assert "Redaction log" in page


def _text(page: str) -> list[str]:
    parsed = _Outline()
    parsed.feed(page)
    return parsed.text

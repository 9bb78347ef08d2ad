"""The HTML edition reflows at 320 px: tables scroll in their own focusable region, figures
scale, and no header cell is empty (the scorecard's points share their principle's cell)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from wizard import catalog
from wizard.export.business_case import business_case_for
from wizard.export.content import Table
from wizard.export.html import html_text


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.headers: list[tuple[dict, str]] = []
        self.wraps: list[dict] = []
        self.tables_in_wraps = 0
        self.tables = 0
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "table-wrap" in attrs.get("class", ""):
            self.wraps.append(attrs)
        if tag == "table":
            self.tables += 1
            if any(t == "div" and "table-wrap" in a.get("class", "") for t, a in self.stack):
                self.tables_in_wraps += 1
        if tag == "th":
            self._text = []
            self._attrs = attrs
        self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "th" and self._text is not None:
            self.headers.append((self._attrs, "".join(self._text).strip()))
            self._text = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


@pytest.fixture(params=[(n, e) for n in catalog.example_names() for e in ("public", "internal")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def page(request):
    name, edition = request.param
    project = catalog.load_example(name)
    return project, edition, html_text(project, edition)


def test_no_header_cell_is_empty(page):
    _, _, text = page
    cells = _Cells()
    cells.feed(text)
    assert cells.headers and all(label for _, label in cells.headers)


def test_scorecard_points_share_their_principle_cell(page):
    project, edition, text = page
    _, case = business_case_for(project, edition)
    scorecard = next(b for b in case.blocks if isinstance(b, Table) and b.key == "scorecard")
    table = re.search(r'<table id="table-scorecard">.*?</table>', text, re.S).group(0)
    starts = [i for i, row in enumerate(scorecard.rows) if row[0]]
    for position, index in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(scorecard.rows)
        size = end - index
        label = scorecard.rows[index][0]
        if size > 1:
            assert f'<th scope="rowgroup" rowspan="{size}">{label}</th>' in table
        else:
            assert f'<th scope="row">{label}</th>' in table
    assert table.count("<tr>") == len(scorecard.rows) + 1  # every point keeps its own row


def test_every_table_scrolls_in_its_own_region(page):
    _, _, text = page
    cells = _Cells()
    cells.feed(text)
    facts = text.count('<table class="facts">')
    assert cells.tables_in_wraps == cells.tables - facts > 0
    for wrap in cells.wraps:
        assert wrap["role"] == "region" and wrap["tabindex"] == "0" and wrap["aria-labelledby"].startswith("caption-")
        assert f'id="{wrap["aria-labelledby"]}"' in text
    assert ".table-wrap{overflow-x:auto" in text
    assert "figure svg{display:block;max-width:100%;height:auto}" in text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text

"""Appendix A of the business case, PDF and HTML: every principle's score or "not assessed",
each route's credit and reason, the legal must-fix items beside the score, the completeness of
the design, and the summary line."""

from __future__ import annotations

import html as htmlmod
import re

import pytest

from tests.wizard.export_helpers import page_texts, squash
from tests.wizard.test_scorecard import make_full
from wizard import catalog
from wizard.export.business_case import build_business_case
from wizard.export.content import KeyValues, Table
from wizard.export.html import html_text
from wizard.export.pdf import pdf_bytes
from wizard.model import Project, Risk
from wizard.redact import redact
from wizard.scorecard import build_scorecard


def _blocks(project, edition="internal"):
    return build_business_case(project, edition).blocks


def _table(blocks, key):
    return next(b for b in blocks if isinstance(b, Table) and b.key == key)


def test_scorecard_table_has_one_row_per_route_and_the_total():
    # Two KPIs over £5m: the KPI route is partial (1 of 2) and s.52 is a must-fix item.
    project = make_full(lambda d: d["kpis"].pop())
    table = _table(_blocks(project), "scorecard")
    assert table.header == ("Principle", "Score", "How the points were earned")
    labels = [row[0] for row in table.rows if row[0]]
    assert labels == ["Collaborative", "Creative", "Adaptable", "Accountable", "Place-based",
                      "Total"]
    assert len(table.rows) == 5 + 4 + 5 + 6 + 6 + 1  # one row per route, then the total
    accountable = next(i for i, r in enumerate(table.rows) if r[0] == "Accountable")
    assert table.rows[accountable][1] == "9 of 10"
    assert table.rows[accountable + 3][2] == (
        "+1 of 2 KPIs set and assessed: KPIs are set, but fewer than 3 or not all assessed "
        "every 12 months.")
    assert table.rows[-1] == ("Total", "49 of 50", "")
    law = _table(_blocks(project), "law")
    assert law.rows == ((
        "Procurement Act 2023, s.52", "KPIs",
        "Contract value £12,500,000 is over £5,000,000 but only 2 KPIs are set; the Procurement "
        "Act 2023 (s.52) needs at least 3.", "Must fix"),)


def test_summary_line_names_what_is_not_assessed_and_the_law():
    risk = Risk(id="R1", title="Demand falls", mitigation="Joint marketing", status="agreed")
    blocks = _blocks(Project(risks=[risk]))
    facts = dict(next(b for b in blocks if isinstance(b, KeyValues)).items)
    assert facts["Changemaking scorecard"] == (
        "4 of 10 assessed; 4 principles not yet assessed (Collaborative 4/10; Creative not "
        "assessed; Adaptable not assessed; Accountable not assessed; Place-based not assessed)")
    rows = _table(blocks, "scorecard").rows
    assert rows[-1] == ("Total", "4 of 10", "4 of 10 assessed; 4 principles not yet assessed")
    creative = next(r for r in rows if r[0] == "Creative")
    assert creative[1] == "Not assessed"
    assert creative[2].startswith("No option or case for change is entered yet")


def test_pdf_appendix_shows_routes_law_and_completeness():
    project = make_full(lambda d: d["kpis"].pop())
    flat = squash("\n".join(page_texts(pdf_bytes(project, "internal"))))
    # The appendix: after the last "Appendix A" heading (the first is in the contents).
    flat = flat[flat.rindex(squash("Appendix A. The changemaking")):flat.rindex("AppendixB.")]
    for words in ("Legal requirements: a gate, not points", "Completeness of the design",
                  # the accountability step is not complete with 2 KPIs over £5m
                  "6 of 7 steps filled in",
                  "Accountability and social impact: Contracts over £5 million need at least 3 "
                  "KPIs; this one has 2.",
                  "Procurement Act 2023, s.52", "Must fix",
                  "+3 of 3 Every risk has an owner: Every risk has a named owner (3 of 3).",
                  "49 of 50"):
        assert squash(words) in flat, words


def test_html_appendix_shows_not_assessed_and_the_missing_steps():
    page = htmlmod.unescape(re.sub(r"<[^>]+>", " ", html_text(Project(), "public")))
    flat = squash(page)
    assert squash("Nothing to assess yet; 5 principles not yet assessed") in flat
    assert squash("0 of 7 steps filled in") in flat
    assert squash("Break clauses: No break clauses yet: add at least a change-of-control "
                  "clause.") in flat
    assert squash("The design meets the legal duties the checks test") in flat


@pytest.mark.parametrize("name", catalog.example_names())
def test_public_and_internal_appendix_scores_agree(name):
    project = catalog.load_example(name)
    internal = _table(_blocks(project, "internal"), "scorecard").rows
    public = _table(_blocks(redact(project), "public"), "scorecard").rows
    assert [row[1] for row in public] == [row[1] for row in internal]
    card = build_scorecard(project)
    assert internal[-1] == ("Total", f"{card.total} of 50", "")  # every principle assessed

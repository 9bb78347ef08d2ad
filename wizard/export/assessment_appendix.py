"""The changemaking assessment as business case blocks: the scorecard with every route's credit
and reason, the legal must-fix items beside it, the design's completeness and the findings.

Pure: scorecard and findings in, blocks out; the wording comes from the ``appendix`` section of
templates/business_case.json.
"""

from __future__ import annotations

from typing import Any

from wizard.checks import PRINCIPLE_LABELS, Finding
from wizard.export.content import Block, Bullets, Heading, Para, Table
from wizard.formatting import count
from wizard.scorecard import Scorecard, legal_items


def summary_line(card: Scorecard) -> str:
    """The scorecard in one line: '38 of 50 (Collaborative 7/10; ...)'."""
    parts = [f"{p.label} {p.score}/{p.max_score}" if p.assessed else f"{p.label} not assessed"
             for p in card.principles]
    must = len(card.must_fix)
    law = f"; {count(must, 'legal requirement')} to fix" if must else ""
    return f"{card.summary()} ({'; '.join(parts)}){law}"


def scorecard_rows(card: Scorecard) -> tuple[tuple[str, ...], ...]:
    """One row per route line, so a long explanation splits cleanly across pages."""
    rows: tuple[tuple[str, ...], ...] = ()
    for p in card.principles:
        lines = [p.not_assessed] if not p.assessed else [r.text for r in p.routes]
        rows += ((p.label, p.score_text(), lines[0]),)
        rows += tuple(("", "", line) for line in lines[1:])
    total = f"{card.total} of {card.max_total}" if card.assessed else "Not assessed"
    waiting = len(card.principles) - len(card.assessed)
    rows += (("Total", total, card.summary() if waiting else ""),)
    return rows


def assessment_blocks(card: Scorecard, findings: list[Finding], w: dict[str, Any]) -> list[Block]:
    """The appendix; ``findings`` are the edition's (worded for it), so the legal items quote
    them rather than the scorecard's own copies."""
    law = legal_items(findings)
    blocks: list[Block] = [
        Para(w["assessment_intro"]),
        Table("Table: the scorecard", ("Principle", "Score", "How the points were earned"),
              scorecard_rows(card), (0.2, 0.14, 0.66), "scorecard", grouped=True),
        Heading(2, w["law"], "appendix-law"),
    ]
    if law:
        blocks.append(Para(w["law_intro"]))
        blocks.append(Table(
            "Table: legal requirements",
            ("Law", "Item", "What must be fixed", "Status"),
            tuple((item.law, item.item_label, item.message,
                   ("Accepted: " + item.justification) if item.accepted else "Must fix")
                  for item in law),
            (0.2, 0.15, 0.45, 0.2), "law"))
    else:
        blocks.append(Para(w["no_law"], "note"))
    done = card.completeness
    blocks.append(Heading(2, w["completeness"], "appendix-completeness"))
    blocks.append(Para(f"{w['completeness_intro']} {done.summary()}."))
    missing = tuple(f"{s.title}: {problem}" for s in done.steps for problem in s.problems)
    if missing:
        blocks.append(Bullets(missing))
    blocks.append(Heading(2, w["findings"], "appendix-findings"))
    if findings:
        blocks.append(Table(
            "Table: findings",
            ("Principle", "Item", "Finding", "Route from the report", "Status"),
            tuple((PRINCIPLE_LABELS.get(f.principle, f.principle), f.item_label, f.message,
                   f.route, ("Accepted: " + f.justification) if f.accepted else "Open")
                  for f in findings),
            (0.13, 0.15, 0.27, 0.27, 0.18), "findings"))
    else:
        blocks.append(Para(w["no_findings"], "note"))
    return blocks

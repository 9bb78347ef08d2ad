"""The changemaking scorecard as the lines ``changemaker check`` prints: each principle's score
(or "not assessed") with every route's credit and reason, the total over what was assessed, the
legal must-fix items beside it, and the completeness of the design step by step."""

from __future__ import annotations

from wizard.checks import Finding
from wizard.scorecard import Scorecard, legal_items


def scorecard_lines(card: Scorecard, findings: list[Finding] | None = None) -> list[str]:
    """The lines; pass the edition's ``findings`` so the legal items are worded for it."""
    law = card.law if findings is None else legal_items(findings)
    width = max(len(p.label) for p in card.principles)
    lines = []
    for p in card.principles:
        shown = f"{p.score:>3}/{p.max_score}" if p.assessed else "not assessed"
        lines.append(f"  {p.label:<{width}}  {shown}")
        if not p.assessed:
            lines.append(f"      {p.not_assessed}")
        for route in p.routes if p.assessed else ():
            lines.append(f"      {route.text}")
    possible = f" ({card.possible_total} possible)" if card.max_total != card.possible_total else ""
    lines.append(f"  {'Total':<{width}}  {card.summary()}{possible}")
    lines.append("")
    if law:
        must = sum(not item.accepted for item in law)
        lines.append(f"Legal requirements (a gate, not points): {must} to fix")
        for item in law:
            tag = "Accepted" if item.accepted else "Must fix"
            lines.append(f"  {tag}: {item.text}")
    else:
        lines.append("Legal requirements (a gate, not points): none unmet.")
    lines.append("")
    done = card.completeness
    lines.append(f"Completeness: {done.summary()}")
    for step in done.steps:
        for problem in step.problems:
            lines.append(f"  {step.title}: {problem}")
    return lines

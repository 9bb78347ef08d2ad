"""The five-principle changemaking assessment, built from the findings.

Transparent by construction: each principle starts at ``MAX_SCORE`` and every open finding
tagged with it costs points by severity (error 3, warning 2, advice 1). One rule costs a
principle at most ``RULE_CAP_FACTOR`` times the weight of its usual severity however many items
it finds, so one long register cannot swamp the rest, and a score never falls below 0.
Accepted findings stay listed, with their justification, and cost nothing. Every point is a
``Point`` line, and a principle's points always add up to its score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.checks import PRINCIPLE_LABELS, PRINCIPLES, RULES, Finding, run_checks
from wizard.model import Project

MAX_SCORE = 10
WEIGHTS: dict[str, int] = {"error": 3, "warning": 2, "advice": 1}
RULE_CAP_FACTOR = 2
_PHRASE = {"error": "an error", "warning": "a warning", "advice": "advice"}
_ACCEPTED = {"error": "an accepted error", "warning": "an accepted warning",
             "advice": "accepted advice"}


@dataclass(frozen=True)
class Point:
    """One line of a principle's explanation: its value and the words a user reads."""

    value: int  # +MAX_SCORE for the start, negative for a deduction, 0 when it costs nothing
    text: str
    kind: str  # "start" | "deduction" | "capped" | "accepted" | "floor"
    finding_id: str = ""

    def to_dict(self) -> dict:
        return {"value": self.value, "text": self.text, "kind": self.kind,
                "finding_id": self.finding_id}


@dataclass(frozen=True)
class PrincipleScore:
    principle: str
    label: str
    score: int
    max_score: int
    points: list[Point] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # ids of every finding of this principle
    accepted: list[str] = field(default_factory=list)  # ids of the accepted ones

    def to_dict(self) -> dict:
        return {
            "principle": self.principle,
            "label": self.label,
            "score": self.score,
            "max_score": self.max_score,
            "points": [p.to_dict() for p in self.points],
            "findings": list(self.findings),
            "accepted": list(self.accepted),
        }


@dataclass(frozen=True)
class Scorecard:
    principles: list[PrincipleScore]

    @property
    def total(self) -> int:
        return sum(p.score for p in self.principles)

    @property
    def max_total(self) -> int:
        return sum(p.max_score for p in self.principles)

    def principle(self, key: str) -> PrincipleScore:
        return next(p for p in self.principles if p.principle == key)

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "max_total": self.max_total,
            "principles": [p.to_dict() for p in self.principles],
        }


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{-value}")


def _title(slug: str) -> str:
    return next((r.title for r in RULES if r.slug == slug), slug)


def _cap(finding: Finding) -> int:
    """The most one rule can cost: twice the weight of the rule's usual severity."""
    severity = next((r.severity for r in RULES if r.slug == finding.rule), finding.severity)
    return RULE_CAP_FACTOR * WEIGHTS[severity]


def score_principle(principle: str, findings: list[Finding]) -> PrincipleScore:
    """The score of one principle from its findings (findings of other principles ignored)."""
    mine = [f for f in findings if f.principle == principle]
    name = PRINCIPLE_LABELS[principle]
    points = [Point(MAX_SCORE, f"+{MAX_SCORE} {name} starts at {MAX_SCORE} out of {MAX_SCORE}.",
                    "start")]
    spent: dict[str, int] = {}
    for f in mine:
        kind = _PHRASE[f.severity]
        if f.accepted:
            points.append(Point(0, f"0 for {_ACCEPTED[f.severity]}: {f.message} Accepted because: "
                                   f"{f.justification}", "accepted", f.id))
            continue
        weight = WEIGHTS[f.severity]
        cap = _cap(f)
        cost = min(weight, max(0, cap - spent.get(f.rule, 0)))
        spent[f.rule] = spent.get(f.rule, 0) + cost
        if cost:
            points.append(Point(-cost, f"{_signed(-cost)} for {kind}: {f.message}",
                                "deduction", f.id))
        else:
            points.append(Point(0, f"0 for {kind}: {f.message} No further "
                                   f"deduction: the check '{_title(f.rule)}' has already cost its "
                                   f"most, {cap} points.", "capped", f.id))
    running = sum(p.value for p in points)
    if running < 0:
        points.append(Point(-running, f"{_signed(-running)} the score cannot fall below 0.",
                            "floor"))
    total = sum(p.value for p in points)
    return PrincipleScore(
        principle=principle,
        label=name,
        score=total,
        max_score=MAX_SCORE,
        points=points,
        findings=[f.id for f in mine],
        accepted=[f.id for f in mine if f.accepted],
    )


def build_scorecard(project: Project, findings: list[Finding] | None = None) -> Scorecard:
    """The scorecard of a project; pass ``findings`` to reuse a run of the checks."""
    if findings is None:
        findings = run_checks(project)
    return Scorecard([score_principle(p, findings) for p in PRINCIPLES])

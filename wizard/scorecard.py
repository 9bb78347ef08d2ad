"""The five-principle changemaking assessment: points earned by evidence, not by silence.

Each principle's points come from the practical routes of the report, listed with their
evidence in ``templates/evidence.json`` (read by ``wizard.evidence``). A route earns full,
partial or no credit from what the design shows, and each route is one line of explanation,
so a principle's lines always add up to its score.

* **Not assessed is not a score.** A principle with nothing yet entered to assess has the score
  ``None``: it is listed as not assessed and left out of the total, which is shown over what was
  assessed ("18 of 20 assessed; 3 principles not yet assessed").
* **Findings still matter.** An open warning or error of a check about a route removes that
  route's credit, and the line says so. An accepted one restores it: the line is marked accepted
  and quotes the justification (for a test over items, the accepted item counts as met).
* **Law is a gate, not a point.** Legal duties (``law`` in the data) are never points: their
  findings are listed as must-fix items beside the score.
* **Completeness is not quality.** How much of the design is filled in is reported separately
  (``wizard.checks.steps``).

A pure function of the Project: ``build_scorecard(project)``; ``assessment(project)`` returns the
scorecard with the findings it was built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from wizard.checks import PRINCIPLE_LABELS, PRINCIPLES, Finding, routes, run_checks
from wizard.checks.steps import Completeness, completeness
from wizard.evidence import RouteSpec, evidence_data, filled, run_test, words
from wizard.model import Project

MAX_SCORE = 10  # every principle's routes add up to this (a test checks the data)
REMOVING = ("warning", "error")  # the severities that remove a route's credit
CREDITS = ("full", "partial", "none", "removed", "accepted", "not_assessed")


@dataclass(frozen=True)
class RouteCredit:
    """One route of a principle: the credit it earned and why, as one line of explanation.

    ``text`` is the whole line a user reads ('+3 of 3 Every risk has an owner: ...'); it is a
    field, so an edition can reword a line (``dataclasses.replace(line, text=...)``) and the
    ``reason`` read from it follows."""

    route: str  # the route's id in evidence.json
    title: str
    credit: str  # one of CREDITS
    points: int
    max_points: int
    text: str
    route_text: str = ""  # the practical route from the report
    # ids of the open findings removing it, or of the accepted ones; findings about an item
    # marked sensitive are left out (an id names its rule, which would tell the public edition
    # which withheld field is empty) but still quoted in the text.
    findings: tuple[str, ...] = ()
    finding_id: str = ""  # the finding the text quotes first ("" when it quotes none)

    @property
    def value(self) -> int:
        return self.points

    @property
    def prefix(self) -> str:
        if self.credit == "not_assessed":
            return f"– {self.title}: "
        signed = f"+{self.points}" if self.points else "0"
        return f"{signed} of {self.max_points} {self.title}: "

    @property
    def reason(self) -> str:
        """The line without its points and title: why the route earned what it did."""
        return self.text[len(self.prefix):] if self.text.startswith(self.prefix) else self.text

    def to_dict(self) -> dict:
        return {"route": self.route, "title": self.title, "credit": self.credit,
                "points": self.points, "max_points": self.max_points, "reason": self.reason,
                "text": self.text, "route_text": self.route_text, "findings": list(self.findings)}


def route_line(route: str, title: str, credit: str, points: int, max_points: int, reason: str,
               route_text: str = "", quoted: tuple[Finding, ...] = (),
               project: Project | None = None) -> RouteCredit:
    """A route's line, its text built from its points, title and reason; ``quoted`` are the
    findings the reason quotes."""
    shown = tuple(f.id for f in quoted if project is None or not _about_withheld(project, f))
    line = RouteCredit(route, title, credit, points, max_points, "", route_text, shown,
                       quoted[0].id if quoted else "")
    return replace(line, text=line.prefix + reason)


def _about_withheld(project: Project, finding: Finding) -> bool:
    """Whether the finding is about an item marked sensitive."""
    if not finding.item_id:
        return False
    items = project.project.options if finding.item_kind == "options" else getattr(
        project, finding.item_kind, None)
    if not isinstance(items, list):
        return False
    item = next((i for i in items if getattr(i, "id", None) == finding.item_id), None)
    return bool(getattr(item, "sensitive", False))


@dataclass(frozen=True)
class PrincipleScore:
    principle: str
    label: str
    score: int | None  # None: not assessed
    max_score: int
    points: tuple[RouteCredit, ...] = ()  # one line per route, adding up to the score
    not_assessed: str = ""  # why, when score is None
    findings: tuple[str, ...] = ()  # ids of every finding of this principle
    accepted: tuple[str, ...] = ()  # ids of the accepted ones

    @property
    def assessed(self) -> bool:
        return self.score is not None

    @property
    def earned(self) -> int:
        """The points earned: the score, or 0 when not assessed."""
        return self.score or 0

    @property
    def routes(self) -> tuple[RouteCredit, ...]:
        return tuple(self.points)

    def score_text(self) -> str:
        return f"{self.score} of {self.max_score}" if self.assessed else "Not assessed"

    def to_dict(self) -> dict:
        return {
            "principle": self.principle,
            "label": self.label,
            "assessed": self.assessed,
            "score": self.score,
            "max_score": self.max_score,
            "not_assessed": self.not_assessed,
            "routes": [r.to_dict() for r in self.routes],
            "findings": list(self.findings),
            "accepted": list(self.accepted),
        }


@dataclass(frozen=True)
class LegalItem:
    """A legal duty the design does not meet yet: must be fixed, never traded for points."""

    law: str
    finding_id: str
    item_label: str
    message: str
    accepted: bool = False
    justification: str = ""

    @property
    def text(self) -> str:
        status = f" Accepted because: {self.justification}" if self.accepted else ""
        return f"{self.law}: {self.message}{status}"

    def to_dict(self) -> dict:
        return {"law": self.law, "finding_id": self.finding_id, "item": self.item_label,
                "message": self.message, "accepted": self.accepted,
                "justification": self.justification, "text": self.text}


@dataclass(frozen=True)
class Scorecard:
    principles: tuple[PrincipleScore, ...]
    law: tuple[LegalItem, ...] = ()
    completeness: Completeness = field(default_factory=lambda: Completeness(()))

    @property
    def assessed(self) -> tuple[PrincipleScore, ...]:
        return tuple(p for p in self.principles if p.assessed)

    @property
    def total(self) -> int:
        """The points earned over the assessed principles."""
        return sum(p.earned for p in self.assessed)

    @property
    def max_total(self) -> int:
        """The points the assessed principles could earn."""
        return sum(p.max_score for p in self.assessed)

    @property
    def possible_total(self) -> int:
        """The points every principle together could earn, assessed or not."""
        return sum(p.max_score for p in self.principles)

    @property
    def must_fix(self) -> tuple[LegalItem, ...]:
        return tuple(item for item in self.law if not item.accepted)

    def principle(self, key: str) -> PrincipleScore:
        return next(p for p in self.principles if p.principle == key)

    def summary(self) -> str:
        """'18 of 20 assessed; 3 principles not yet assessed', or '38 of 50'."""
        waiting = len(self.principles) - len(self.assessed)
        if not waiting:
            return f"{self.total} of {self.max_total}"
        plural = "principle" if waiting == 1 else "principles"
        if not self.assessed:
            return f"Nothing to assess yet; {waiting} {plural} not yet assessed"
        return f"{self.total} of {self.max_total} assessed; {waiting} {plural} not yet assessed"

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "max_total": self.max_total,
            "possible_total": self.possible_total,
            "summary": self.summary(),
            "principles": [p.to_dict() for p in self.principles],
            "law": [item.to_dict() for item in self.law],
            "must_fix": len(self.must_fix),
            "completeness": self.completeness.to_dict(),
        }


# Building ---------------------------------------------------------------------------------------

def _more(count: int) -> str:
    return f" (and {count} more)" if count else ""


def credit_route(project: Project, spec: RouteSpec, findings: list[Finding]) -> RouteCredit:
    """The credit of one route, from its evidence and the findings of the checks about it
    (``findings`` may hold every finding, or only those of the route's rules)."""
    about = [f for f in findings if f.rule in spec.findings and f.severity in REMOVING]
    still_open = [f for f in about if not f.accepted]
    accepted = [f for f in about if f.accepted]
    if not about:
        # An acceptance of a design-wide finding of this route stands when the finding no longer
        # fires (evidence was added since): adding evidence never takes the credit away.
        standing = {a.finding_id: a for a in project.accepted_findings}
        accepted = [Finding(id=slug, rule=slug, principle="", severity="warning",
                            item_kind="project", item_id="", item_label="",
                            message="The design was accepted without this evidence, and the acceptance stands.",
                            route="", accepted=True, justification=standing[slug].justification)
                    for slug in spec.findings if slug in standing]
    text = routes().get(spec.route, "")
    excused = frozenset(f.item_id for f in accepted if f.item_id)
    evidence = run_test(project, spec, excused)
    level = evidence.level
    if level == "none" and evidence.facts.get("count") == 0 and spec.wording.empty:
        level = "empty"
    reason = words(getattr(spec.wording, level), evidence.facts)
    earned = {"full": spec.points, "partial": spec.partial_points, "none": 0}[evidence.level]
    if still_open:
        first = still_open[0]
        return route_line(
            spec.id, spec.title, "removed", 0, spec.points,
            f"No credit while this {first.severity} is open: {first.message}"
            f"{_more(len(still_open) - 1)}",
            text, tuple(still_open), project)
    if accepted:
        # Accepted for the design as a whole, or by a test that does not count items: the
        # acceptance stands for the evidence (a share test counted each accepted item as met).
        if any(not f.item_id for f in accepted) or spec.test["name"] != "share":
            earned, reason = spec.points, words(spec.wording.full, evidence.facts)
        why = "; ".join(f"{f.message} Accepted because: {f.justification}" for f in accepted)
        return route_line(spec.id, spec.title, "accepted", earned, spec.points,
                          f"{reason} Credit kept by an accepted finding: {why}", text,
                          tuple(accepted), project)
    return route_line(spec.id, spec.title, evidence.level, earned, spec.points, reason, text)


def score_principle(project: Project, principle: str, findings: list[Finding]) -> PrincipleScore:
    spec = evidence_data().principles[principle]
    mine = [f for f in findings if f.principle == principle]
    common = dict(principle=principle, label=PRINCIPLE_LABELS[principle],
                  max_score=sum(r.points for r in spec.routes),
                  findings=tuple(f.id for f in mine),
                  accepted=tuple(f.id for f in mine if f.accepted))
    if not filled(project, spec.assessed_when):
        waiting = tuple(route_line(r.id, r.title, "not_assessed", 0, r.points, "not assessed yet.",
                                   routes().get(r.route, "")) for r in spec.routes)
        return PrincipleScore(score=None, points=waiting, not_assessed=spec.not_assessed, **common)
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    credits = tuple(
        credit_route(project, r, [f for rule in r.findings for f in by_rule.get(rule, [])])
        for r in spec.routes)
    return PrincipleScore(score=sum(c.points for c in credits), points=credits, **common)


def legal_items(findings: list[Finding]) -> tuple[LegalItem, ...]:
    """The findings of legal duties (errors only: below the legal threshold a rule advises)."""
    laws = {spec.rule: spec.law for spec in evidence_data().law}
    return tuple(
        LegalItem(laws[f.rule], f.id, f.item_label, f.message, f.accepted, f.justification)
        for f in findings if f.rule in laws and f.severity == "error"
    )


def build_scorecard(project: Project, findings: list[Finding] | None = None) -> Scorecard:
    """The scorecard of a project; pass ``findings`` to reuse a run of the checks."""
    if findings is None:
        findings = run_checks(project)
    return Scorecard(
        tuple(score_principle(project, p, findings) for p in PRINCIPLES),
        legal_items(findings),
        completeness(project),
    )


def assessment(project: Project) -> tuple[Scorecard, list[Finding]]:
    """The scorecard of ``project`` and the findings it was built from."""
    findings = run_checks(project)
    return build_scorecard(project, findings), findings

"""The changemaking assessment of an edition: always the real project's, in the edition's words.

Scoring the redacted copy would count a withheld risk's placeholder as a mitigation, so the
public edition would score better than the project does. Instead ``edition_assessment(project,
edition)`` runs the checks on the *real* project and builds the scorecard from those findings;
for the public edition it then only rewords them:

* a finding about a withheld item (phase, risk, clause... as declared in ``wizard.redact``)
  says only that there is a finding about withheld content, with the item's id and its line in
  the redaction log; its rule, its route from the report and its id ("risk-mitigation:R6")
  are left out, as they would name the withheld field (its id becomes "withheld:R6:1");
* every other finding's label, message and justification has any quoted withheld text or money
  replaced by the placeholder (``wizard.quotes``);
* the scorecard's explanation lines are reworded the same way.

The scorecard is always computed from the real findings (severity, principle, rule, acceptance),
so both editions score alike on every principle by construction.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from wizard.export.editions import EDITIONS, PUBLIC
from wizard.model import Project

WITHHELD_FINDING = "A finding about withheld content of {id}; its details are withheld (see the redaction log, {ref})."
TOTALS_FINDING = ("{title}: not met. Its figures include withheld amounts, so they are given in "
                  "the internal edition only.")


def _withheld_refs(project: Project) -> dict[tuple[str, str], int]:
    from wizard.redact import WITHHELD, numbers

    by_kind = numbers(project)
    return {(WITHHELD[kind].collection, item_id): n for (kind, item_id), n in by_kind.items()}


def public_findings(project: Project, findings: list[Any]) -> list[Any]:
    """``findings`` of the real project as the public edition may show them."""
    from wizard import quotes
    from wizard.redact import log_ref, placeholder

    from wizard.checks import RULES

    refs = _withheld_refs(project)
    totals = {r.slug: r.title for r in RULES if r.totals}
    found = quotes.Index(quotes.needles(project))

    def clean(text: str) -> str:
        spans = quotes.find(text, found)
        return quotes.replace(text, spans) if spans else text

    out = []
    seen: dict[str, int] = {}
    for f in findings:
        n = refs.get((f.item_kind, f.item_id))
        if n is not None:
            # not even the rule: "risk-mitigation:R6" would say that R6 has no mitigation
            seen[f.item_id] = seen.get(f.item_id, 0) + 1
            f = replace(
                f,
                id=f"withheld:{f.item_id}:{seen[f.item_id]}",
                rule="withheld",
                item_label=f"{f.item_id} {placeholder(n)}",
                message=WITHHELD_FINDING.format(id=f.item_id, ref=log_ref(n)),
                route="",
                justification=clean(f.justification),
            )
        elif f.rule in totals and refs:
            # a total over the whole project: it would include (and so reveal) withheld amounts
            f = replace(f, message=TOTALS_FINDING.format(title=totals[f.rule]),
                        item_label=clean(f.item_label), route=clean(f.route),
                        justification=clean(f.justification))
        else:
            f = replace(f, item_label=clean(f.item_label), message=clean(f.message),
                        route=clean(f.route), justification=clean(f.justification))
        out.append(f)
    return out


def _reword_points(scorecard: Any, project: Project, public: list[Any], real: list[Any]) -> Any:
    """The scorecard with every explanation line (and legal item) in public words; the same
    points."""
    from wizard import quotes

    if not is_dataclass(scorecard) or not hasattr(scorecard, "principles"):
        return scorecard
    found = quotes.Index(quotes.needles(project))
    new_id = {r.id: p.id for r, p in zip(real, public)}
    by_id = {r.id: p for r, p in zip(real, public)}
    swaps = [(getattr(r, attr), getattr(p, attr)) for r, p in zip(real, public)
             for attr in ("message", "justification", "item_label")
             if getattr(r, attr) and getattr(r, attr) != getattr(p, attr)]
    swaps.sort(key=lambda pair: len(pair[0]), reverse=True)

    def words(text: str) -> str:
        for old, new in swaps:
            if old in text:
                text = text.replace(old, new)
        spans = quotes.find(text, found)
        return quotes.replace(text, spans) if spans else text

    def ids(values: Any) -> Any:
        return type(values)(new_id.get(i, i) for i in values)

    def line(point: Any) -> Any:
        if not is_dataclass(point):
            return point
        names = {f.name for f in fields(point)}
        update: dict[str, Any] = {}
        if isinstance(getattr(point, "text", None), str) and "text" in names:
            update["text"] = words(point.text)
        if "finding_id" in names:
            update["finding_id"] = new_id.get(point.finding_id, point.finding_id)
        if "findings" in names:
            update["findings"] = ids(point.findings)
        return replace(point, **update)

    def legal(item: Any) -> Any:
        shown = by_id.get(getattr(item, "finding_id", ""))
        if shown is None or not is_dataclass(item):
            return item
        names = {f.name for f in fields(item)}
        update = {k: getattr(shown, k if k != "finding_id" else "id")
                  for k in ("message", "item_label", "justification", "finding_id") if k in names}
        return replace(item, **update)

    principles = []
    for pr in scorecard.principles:
        names = {f.name for f in fields(pr)} if is_dataclass(pr) else set()
        update: dict[str, Any] = {}
        if "points" in names:
            update["points"] = type(pr.points)(line(p) for p in pr.points)
        for attr in ("findings", "accepted"):
            if attr in names:
                update[attr] = ids(getattr(pr, attr))
        if "not_assessed" in names and isinstance(pr.not_assessed, str):
            update["not_assessed"] = words(pr.not_assessed)
        principles.append(replace(pr, **update) if update else pr)
    card_names = {f.name for f in fields(scorecard)}
    update = {"principles": type(scorecard.principles)(principles)}
    if "law" in card_names:
        update["law"] = type(scorecard.law)(legal(i) for i in scorecard.law)
    return replace(scorecard, **update)


def edition_assessment(project: Project, edition: str) -> tuple[Any, list[Any]]:
    """(scorecard, findings) of the real ``project``, worded for ``edition``."""
    from wizard.checks import run_checks
    from wizard.scorecard import build_scorecard

    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
    findings = run_checks(project)
    scorecard = build_scorecard(project, findings)
    if edition != PUBLIC:
        return scorecard, findings
    shown = public_findings(project, findings)
    return _reword_points(scorecard, project, shown, findings), shown

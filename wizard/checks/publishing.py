"""Accountable publishing: withholding that is explained, still due, and not quoted elsewhere.

* ``withheld-quoted``: a free-text field outside the withheld fields quotes withheld text or a
  withheld sum (``wizard.quotes``); the public edition replaces the passage with a placeholder,
  and the finding names the field so the author can reword it.
* ``withheld-lapsed``: an item is still withheld after its ``withheld_until`` date (the
  document's date, ``wizard.publication.document_date``, is "today").
* ``withheld-no-reason``: an item is withheld without a reason (FOI s.43 needs one).

The messages never repeat withheld content: they name items by id and fields by name.
"""

from __future__ import annotations

from dataclasses import replace

from wizard.checks.base import Finding, Rule, finding
from wizard.model import Project

P = "accountable"
_KIND_OF_TOP = {
    "partners": "partners", "phases": "phases", "risks": "risks", "break_clauses": "break_clauses",
    "steering_groups": "steering_groups", "kpis": "kpis", "social_impact": "social_impact",
    "accountability": "accountability",
}


def _withheld(project: Project):
    from wizard.redact import WITHHELD, sensitive_items

    for kind, item in sensitive_items(project):
        yield kind, WITHHELD[kind].collection, item


def quoted(project: Project) -> list[Finding]:
    from wizard import quotes
    from wizard.redact import log_ref

    out = []
    for place in quotes.places(project):
        head = place.path[0]
        kind = _KIND_OF_TOP.get(head, "options" if place.path[:2] == ("project", "options") else "project")
        item_id = ""
        if kind not in ("project", "accountability") and len(place.path) > 2:
            holder = project.project.options if kind == "options" else getattr(project, head)
            index = place.path[2] if kind == "options" else place.path[1]
            item_id = getattr(holder[index], "id", "")
        name = quotes.place_name(project, place.path)
        refs = ", ".join(log_ref(n) for n in place.numbers)
        key = ".".join(str(p) for p in place.path)
        f = finding(
            "withheld-quoted", "warning", P, kind, item_id, name,
            f"{name} quotes content withheld from the public edition ({refs}); the public "
            "edition shows a placeholder there instead. Reword it so it can be published.",
        )
        out.append((replace(f, id=f"withheld-quoted:{key}")))
    return out


def lapsed(project: Project) -> list[Finding]:
    from wizard.formatting import long_date
    from wizard.publication import document_date

    today = document_date(project)
    out = []
    for kind, collection, item in _withheld(project):
        if item.withheld_until is not None and item.withheld_until < today:
            out.append((finding(
                "withheld-lapsed", "warning", P, collection, item.id, f"{kind.capitalize()} {item.id}",
                f"{kind.capitalize()} {item.id} is still withheld although its withholding ended on "
                f"{long_date(item.withheld_until)}: publish it, or set a new date with a reason.",
            )))
    return out


def no_reason(project: Project) -> list[Finding]:
    out = []
    for kind, collection, item in _withheld(project):
        if not item.withheld_reason.strip():
            out.append((finding(
                "withheld-no-reason", "warning", P, collection, item.id, f"{kind.capitalize()} {item.id}",
                f"{kind.capitalize()} {item.id} is withheld from the public edition without a "
                "reason: say why (for example, commercial interests, FOI s.43).",
            )))
    return out


RULES: list[Rule] = [
    Rule("withheld-quoted", P, "warning", "Public text does not quote withheld content", quoted),
    Rule("withheld-lapsed", P, "warning", "Withholding is still due", lapsed),
    Rule("withheld-no-reason", P, "warning", "Withholding has a reason", no_reason),
]

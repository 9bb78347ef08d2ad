"""Which item a decision-log line is about, when only its text says so.

Version-1 files (and version-2 files written before decisions carried ``item_kind`` and
``item_id``) name the item in the text of ``item``: "R4 Inflation cap", "PH2 Refurbishment".
``infer(item_text, step, ids)`` reads the leading id of that text and finds the collection
holding an item with that id, trying first the collection of the decision's wizard step. Works
on plain dicts (the migration) and on projects alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# The collections a decision can be about, in the order tried when the step does not say.
KINDS: tuple[str, ...] = (
    "risks", "phases", "break_clauses", "steering_groups", "kpis", "social_impact", "partners",
    "options",
)
_STEP_KIND = {
    "risk": "risks", "phas": "phases", "break": "break_clauses", "steering": "steering_groups",
    "communit": "steering_groups", "kpi": "kpis", "accountab": "kpis", "impact": "social_impact",
    "partner": "partners", "option": "options", "project": "options",
}
_LEADING_ID = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9_.\-]{0,39})(?=$|[\s:–—,-])")


def ids_of(document: Mapping) -> dict[str, set[str]]:
    """The item ids of each collection of a project document (a dict as in the file)."""
    found = {kind: {str(i.get("id")) for i in document.get(kind) or [] if isinstance(i, Mapping)}
             for kind in KINDS if kind != "options"}
    info = document.get("project") or {}
    found["options"] = {str(o.get("id")) for o in info.get("options") or [] if isinstance(o, Mapping)}
    return found


def project_ids(project) -> dict[str, set[str]]:
    """The item ids of each collection of a ``Project``."""
    found = {kind: {i.id for i in getattr(project, kind)} for kind in KINDS if kind != "options"}
    found["options"] = {o.id for o in project.project.options}
    return found


def infer(item_text: str, step: str, ids: Mapping[str, set[str]]) -> tuple[str, str]:
    """(item_kind, item_id) of the item named at the start of ``item_text``, or ("", "")."""
    match = _LEADING_ID.match(item_text or "")
    if not match:
        return "", ""
    candidate = match.group(1).rstrip(".-")
    folded = (step or "").casefold()
    preferred = [kind for key, kind in _STEP_KIND.items() if key in folded]
    for kind in [*preferred, *KINDS]:
        if candidate in ids.get(kind, ()):
            return kind, candidate
    return "", ""


def link_decisions(document: dict) -> dict:
    """Fill in ``item_kind``/``item_id`` of every decision of ``document`` that lacks them."""
    decisions = document.get("decisions")
    if not isinstance(decisions, list):
        return document
    ids = ids_of(document)
    for d in decisions:
        if isinstance(d, dict) and not d.get("item_id") and isinstance(d.get("item", ""), str):
            kind, item_id = infer(d.get("item", ""), str(d.get("step", "")), ids)
            if item_id:
                d["item_kind"], d["item_id"] = kind, item_id
    return document

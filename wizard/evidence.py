"""The evidence tests of the changemaking assessment, and the data that names them.

``templates/evidence.json`` lists, for each principle, the practical routes of the report and
the test that shows each in a design; this module reads it (validated by pydantic) and holds the
few named tests it refers to. Every test is a pure function of the Project and its parameters
and returns an ``Evidence``: full, partial or no credit, with the facts its wording quotes.

The conditions the tests share are small dictionaries, so the data stays readable:

* ``{"path": "accountability.open_book", "op": "equals", "value": true}`` compares the value at
  a dotted path (of the project, or of the item being tested). ``op`` is one of ``set`` (filled
  in: a non-blank text, a non-empty list, not None, true), ``equals``, ``in``, ``at_least`` and
  ``at_most`` (numbers, or the length of a list). ``threshold`` names a constant of
  ``wizard.thresholds`` instead of a literal ``value``.
* ``{"any": "partners", "where": [...]}``: some item of the list meets every condition.
* ``{"every": "phases", "unless": [...], "where": [...]}``: every item, except those meeting the
  ``unless`` conditions, meets the ``where`` conditions.
* ``{"count": "project.options", "where": [...], "op": "equals", "value": 1}``: how many items
  meet the conditions, compared.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from wizard import schedule, thresholds
from wizard.formatting import count, listing, money_words
from wizard.model import Project

EVIDENCE_FILE = Path(__file__).resolve().parents[1] / "templates" / "evidence.json"

Level = Literal["full", "partial", "none"]
SHOWN_MISSING = 5  # ids named in a "not yet ..." list before "and N more"


# The data file ----------------------------------------------------------------------------------

class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Wording(_Data):
    full: str
    partial: str = ""
    none: str
    empty: str = ""  # a share test with no item at all (instead of "none")


class RouteSpec(_Data):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    route: str = Field(min_length=1)  # key of the route's text in routes.json
    points: int = Field(ge=1, le=10)
    partial_points: int = Field(ge=0, le=10)
    test: dict[str, Any]
    findings: tuple[str, ...] = ()
    wording: Wording


class PrincipleSpec(_Data):
    assessed_when: tuple[str, ...] = Field(min_length=1)
    not_assessed: str
    routes: tuple[RouteSpec, ...] = Field(min_length=1)


class LawSpec(_Data):
    rule: str
    law: str


class UnroutedSpec(_Data):
    """A check whose findings are listed but are about no route (e.g. the business case's own
    soundness rather than a changemaking route): it removes no credit."""

    rule: str
    why: str


class EvidenceData(_Data):
    about: str = ""
    principles: dict[str, PrincipleSpec]
    law: tuple[LawSpec, ...] = ()
    unrouted: tuple[UnroutedSpec, ...] = ()


@cache
def evidence_data() -> EvidenceData:
    """The routes and their evidence from templates/evidence.json (read once)."""
    with EVIDENCE_FILE.open(encoding="utf-8") as handle:
        return EvidenceData.model_validate(json.load(handle))


# Reading values out of the project --------------------------------------------------------------

def lookup(subject: Any, path: str) -> Any:
    """The value at a dotted ``path`` of a model; AttributeError names a path that is wrong."""
    value = subject
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _is_set(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple, set, dict)):
        return bool(value)
    return value is not None


def _number(value: Any) -> float | None:
    if isinstance(value, (list, tuple)):
        return len(value)
    if isinstance(value, bool) or value is None:
        return None
    return value


def _expected(cond: dict) -> Any:
    if "threshold" in cond:
        return thresholds.value(cond["threshold"])
    return cond.get("value")


def _compare(value: Any, op: str, expected: Any) -> bool:
    if op == "set":
        return _is_set(value)
    if op == "equals":
        return value == expected
    if op == "in":
        return value in expected
    number = _number(value)
    if number is None:
        return False
    if op == "at_least":
        return number >= expected
    if op == "at_most":
        return number <= expected
    raise ValueError(f"unknown comparison '{op}'")


def holds(subject: Any, cond: dict) -> bool:
    """Whether ``subject`` (the project or an item) meets one condition."""
    if "any" in cond:
        return any(meets(item, cond.get("where", [])) for item in lookup(subject, cond["any"]))
    if "every" in cond:
        return all(meets(item, cond.get("where", []))
                   for item in lookup(subject, cond["every"])
                   if not (cond.get("unless") and meets(item, cond["unless"])))
    if "count" in cond:
        n = sum(meets(item, cond.get("where", [])) for item in lookup(subject, cond["count"]))
        return _compare(n, cond["op"], _expected(cond))
    return _compare(lookup(subject, cond["path"]), cond["op"], _expected(cond))


def meets(subject: Any, conds: Iterable[dict]) -> bool:
    return all(holds(subject, c) for c in conds)


def filled(project: Project, paths: Iterable[str]) -> bool:
    """Whether any of the dotted paths holds something the user entered."""
    return any(_is_set(lookup(project, p)) for p in paths)


# The evidence tests -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Evidence:
    level: Level
    facts: dict[str, Any] = field(default_factory=dict)
    excused: tuple[str, ...] = ()  # items counted as met because their finding is accepted


# excused: ids of the items whose finding about this route the user has accepted.
Test = Callable[[Project, dict, frozenset[str]], Evidence]
TESTS: dict[str, Test] = {}


def evidence_test(name: str) -> Callable[[Test], Test]:
    def register(function: Test) -> Test:
        TESTS[name] = function
        return function
    return register


def _missing(items: list[Any]) -> str:
    """The ids of ``items`` as a list a user reads. Items marked sensitive are counted, never
    named: naming one would tell the public edition that a withheld field is empty."""
    named = [item.id for item in items if not getattr(item, "sensitive", False)]
    withheld = len(items) - len(named)
    shown = named[:SHOWN_MISSING]
    more = len(named) - len(shown)
    extra = [f"{more} more"] if more else []
    if withheld:
        extra.append(f"{count(withheld, 'withheld item')}")
    return listing(shown + extra)


@evidence_test("share")
def share(project: Project, params: dict, excused: frozenset[str]) -> Evidence:
    """The share of ``items`` meeting ``where``: full when all do (and all also meet
    ``full_where``, if given), partial from ``partial_at`` (a fraction), none below or with
    fewer than ``min_items`` (default 1) items. An excused item counts as meeting both."""
    items = list(lookup(project, params["items"]))
    met_ids, missing, pardoned, short_of_full = [], [], [], []
    for item in items:
        if item.id in excused and not meets(item, params["where"]):
            met_ids.append(item.id)
            pardoned.append(item.id)
        elif meets(item, params["where"]):
            met_ids.append(item.id)
            if item.id not in excused and not meets(item, params.get("full_where", [])):
                short_of_full.append(item)
        else:
            missing.append(item)
    count, met = len(items), len(met_ids)
    facts = {"met": met, "count": count, "missing": _missing(missing),
             "short": _missing(short_of_full), "full": count - len(missing) - len(short_of_full)}
    if count < params.get("min_items", 1):
        return Evidence("none", facts)
    if met == count and not short_of_full:
        return Evidence("full", facts, tuple(pardoned))
    partial_at = params.get("partial_at")
    if partial_at is not None and met / count >= partial_at:
        return Evidence("partial", facts, tuple(pardoned))
    return Evidence("none", facts)


@evidence_test("conditions")
def conditions(project: Project, params: dict, excused: frozenset[str]) -> Evidence:
    """Full when every ``full`` condition holds; partial when every ``partial`` condition holds
    (or any of them, with ``"partial_if": "any"``); none otherwise."""
    if meets(project, params["full"]):
        return Evidence("full")
    partial = params.get("partial", [])
    combine = any if params.get("partial_if", "all") == "any" else all
    if partial and combine(holds(project, c) for c in partial):
        return Evidence("partial")
    return Evidence("none")


@evidence_test("covers")
def covers(project: Project, params: dict, excused: frozenset[str]) -> Evidence:
    """Full when the items meeting ``where`` together cover every value of ``all_of`` in their
    list ``field``; partial when there is any item at all; none without items."""
    items = list(lookup(project, params["items"]))
    if not items:
        return Evidence("none")
    covered: set[str] = set()
    for item in items:
        if meets(item, params.get("where", [])):
            covered.update(str(v) for v in lookup(item, params["field"]))
    needed = [str(v) for v in params["all_of"]]
    missing = [v for v in needed if v not in covered]
    facts = {"missing": listing(missing)}
    return Evidence("partial" if missing else "full", facts)


@evidence_test("outcomes_deepen")
def outcomes_deepen(project: Project, params: dict, excused: frozenset[str]) -> Evidence:
    """Full when there are two or more phases, every one has outcomes, and the last to start
    has more outcomes than the first (year ten deeper than year one)."""
    phases = project.phases
    if len(phases) < 2 or not all(p.outcomes for p in phases):
        return Evidence("none")
    plan = schedule.build_schedule(project)
    index = {p.id: i for i, p in enumerate(phases)}
    order = sorted(phases, key=lambda p: (plan.start[p.id], index[p.id]))
    first, last = order[0], order[-1]
    deeper = plan.start[last.id] > plan.start[first.id] and len(last.outcomes) > len(first.outcomes)
    return Evidence("full" if deeper else "none")


def run_test(project: Project, spec: RouteSpec, excused: frozenset[str] = frozenset()) -> Evidence:
    return TESTS[spec.test["name"]](project, spec.test, excused)


def words(template: str, facts: dict[str, Any]) -> str:
    """A wording with its facts and the thresholds it names filled in."""
    values = {name: (money_words(getattr(thresholds, name)) if name.endswith(
        ("_FROM", "_OVER", "_THRESHOLD")) else getattr(thresholds, name))
        for name in dir(thresholds) if name.isupper()}
    values.update(facts)
    return template.format(**values)

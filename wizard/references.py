"""The references between items of a project, declared once.

``REFERENCES`` lists every field that holds the id of another item: where the field lives
(``holder``, a path from the project to a list of items or to one object), the field, the
collection it refers to, and whether it holds one id or a list of them. Validation
(``problems``), deleting with unlinking and renaming (``rewrite``, used by ``wizard.edits``)
all read this one table, so a new reference is added in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The collections whose items carry ids, with the singular the messages use.
NOUNS: dict[str, str] = {
    "partners": "partner",
    "phases": "phase",
    "risks": "risk",
    "break_clauses": "break clause",
    "steering_groups": "steering group",
    "kpis": "KPI",
    "social_impact": "social impact objective",
    "benefits": "benefit",
}


@dataclass(frozen=True)
class Reference:
    """One field that refers to items of ``target`` by id."""

    holder: tuple[str, ...]  # from the project to the list (or the one object) holding the field
    attr: str
    target: str  # the collection referred to, e.g. "partners"
    what: str  # the field in the words of a message: "provider", "depends on phase"
    noun: str  # one holder in words: "risk", "partnership board"
    many: bool = False  # a list of ids (else one id or None)
    drop_holder: bool = False  # deleting the target removes the holding item itself
    itself: str = ""  # words refusing an item that refers to itself ("" : allowed)


REFERENCES: tuple[Reference, ...] = (
    Reference(("phases",), "provider", "partners", "provider", "phase"),
    Reference(("phases",), "depends_on", "phases", "depends on phase", "phase", many=True,
              itself="depends on itself"),
    Reference(("risks",), "owner", "partners", "owner", "risk"),
    Reference(("risks",), "private_bearer", "partners", "private bearer", "risk"),
    Reference(("risks",), "phases", "phases", "phase", "risk", many=True),
    Reference(("break_clauses",), "phases", "phases", "phase", "break clause", many=True),
    Reference(("kpis",), "owner", "partners", "owner", "KPI"),
    Reference(("procurement", "lots"), "phases", "phases", "phase", "lot", many=True),
    Reference(("payment", "deductions"), "kpi", "kpis", "KPI", "payment deduction",
              drop_holder=True),
    Reference(("governance", "partnership_board"), "steering_groups", "steering_groups",
              "steering group", "partnership board", many=True),
    Reference(("benefits",), "objective", "social_impact", "objective", "benefit"),
    Reference(("sharing", "guaranteed_return"), "guarantor", "partners", "guarantor",
              "guaranteed return"),
)


def referring_to(collection: str) -> tuple[Reference, ...]:
    """The references whose target is ``collection``."""
    return tuple(ref for ref in REFERENCES if ref.target == collection)


def _resolve(project: Any, holder: tuple[str, ...]) -> Any:
    obj = project
    for name in holder:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def holders(project: Any, holder: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """Each item at ``holder`` with where it is, in the words of a message."""
    found = _resolve(project, holder)
    dotted = ".".join(holder)
    if found is None:
        return
    if isinstance(found, list):
        for i, item in enumerate(found):
            item_id = getattr(item, "id", None)
            yield (f"{dotted}[{i}] ({item_id})" if item_id else f"{dotted}[{i}]"), item
    else:
        yield dotted, found


def ids_in(item: Any, ref: Reference) -> list[str]:
    value = getattr(item, ref.attr)
    if ref.many:
        return list(value)
    return [] if value is None else [value]


def problems(project: Any) -> list[str]:
    """Every dangling reference, each message naming both ends (item by item, in file order)."""
    pools = {c: {i.id for i in getattr(project, c)} for c in {r.target for r in REFERENCES}}
    by_holder: dict[tuple[str, ...], list[Reference]] = {}
    for ref in REFERENCES:
        by_holder.setdefault(ref.holder, []).append(ref)
    found: list[str] = []
    for holder, refs in by_holder.items():
        for where, item in holders(project, holder):
            for ref in refs:
                own_id = getattr(item, "id", None)
                for ref_id in ids_in(item, ref):
                    if ref.itself and ref_id == own_id:
                        found.append(f"{where} {ref.itself}")
                    elif ref_id not in pools[ref.target]:
                        found.append(f"{where} {ref.what} '{ref_id}': no "
                                     f"{NOUNS[ref.target]} has that id")
    return found


@dataclass(frozen=True)
class Touched:
    """One holder whose reference a rewrite changed (or, for ``drop_holder``, removed)."""

    ref: Reference
    where: str


def referrers(project: Any, collection: str, item_id: str) -> list[Touched]:
    """The holders that refer to item ``item_id`` of ``collection`` (the project unchanged):
    what ``rewrite`` would touch."""
    return [Touched(ref, where) for ref in referring_to(collection)
            for where, item in holders(project, ref.holder) if item_id in ids_in(item, ref)]


def rewrite(project: Any, collection: str, old: str, new: str | None) -> list[Touched]:
    """Point every reference to item ``old`` of ``collection`` at ``new`` (None: unlink it).

    Changes ``project`` in place (a copy the caller owns) and returns what it touched: one entry
    per holder whose field changed, or that was removed (a deduction on a deleted KPI)."""
    touched: list[Touched] = []
    for ref in referring_to(collection):
        if ref.drop_holder and new is None:
            *parent_path, name = ref.holder
            parent = _resolve(project, tuple(parent_path))
            items = getattr(parent, name)
            keep = [i for i in items if getattr(i, ref.attr) != old]
            if len(keep) != len(items):
                touched += [Touched(ref, where) for where, item in holders(project, ref.holder)
                            if getattr(item, ref.attr) == old]
                setattr(parent, name, keep)
            continue
        for where, item in holders(project, ref.holder):
            value = getattr(item, ref.attr)
            if ref.many:
                if old in value:
                    setattr(item, ref.attr,
                            [r for r in (new if r == old else r for r in value) if r])
                    touched.append(Touched(ref, where))
            elif value == old:
                setattr(item, ref.attr, new)
                touched.append(Touched(ref, where))
    return touched
